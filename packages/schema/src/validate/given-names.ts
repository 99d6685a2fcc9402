/**
 * Frequent given names of the regions the network works in, for telling a person's name from other
 * capitalised words. Names that are also common words or places (Grace, Victoria, Santiago) are left out.
 */
const latin = `
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Donald
Steven Paul Andrew Joshua Kenneth Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas
Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Raymond Alexander Patrick Jack Dennis
Jerry Tyler Aaron Henry Peter Adam Nathan Zachary Douglas Harold Carl Arthur Roger Keith Jeremy Terry Lawrence
Sean Albert Ethan Jesse Billy Bryan Bruce Ralph Roy Noah Dylan Eugene Wayne Alan Louis Russell Philip Harry
Vincent Bobby Johnny Chris Mike Tom Tim Sam Ben Dan Joe Tony Nick Matt Steve Jim Bob Fred Moses Isaac Elijah
Emmanuel Francis Godfrey Gilbert Herbert Hubert Kelvin Kennedy Lewis Martin Oscar Owen Simon Stanley Victor
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley
Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia
Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel
Catherine Carolyn Janet Ruth Maria Heather Diane Julie Joyce Olivia Kelly Christina Lauren Joan Evelyn Judith
Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Alice Doris Abigail
Julia Judy Denise Marilyn Beverly Danielle Theresa Sophia Diana Natalie Isabella Charlotte Lucy Agnes Esther
Edith Eunice Irene Josephine Lillian Mildred Naomi Priscilla Rita Sylvia Veronica Winnie Zoe Susanna Lydia
Mwila Mutale Chanda Mulenga Bwalya Mwansa Chileshe Musonda Mumba Thabo Sipho Themba Lindiwe Nomsa Naledi
Thandiwe Busisiwe Tendai Tatenda Farai Chipo Rudo Tinashe Kudakwashe Nyasha Chiedza Juma Baraka Amani Neema
Wanjiru Wambui Otieno Kamau Njeri Achieng Akinyi Chinedu Chukwuemeka Emeka Ngozi Oluwaseun Adebayo Yetunde
Folake Kwame Kofi Kojo Akosua Abena Kwabena Efua Aminata Fatoumata Mariama Awa Fatou Aissatou Aïcha Moussa
Mamadou Ousmane Ibrahima Ibrahim Sékou Seydou Boubacar Abdoulaye Souleymane Adama Issa Oumar Moustapha Cheikh
Modou Lamine Kouassi Koffi Kouadio Amadou Alassane Salif Bakary Drissa Mariam Kadiatou Ramatou Rokia Assetou
Mohamed Mohammed Muhammad Ahmed Ahmad Ali Hassan Hussein Omar Youssef Karim Khalid Mustafa Fatima Fatma Aisha
Khadija Zainab Leila Amina Salma Nadia Yasmin Rashid Tariq Samir Rustam Timur Farrukh Dilshod Aziz Nodira
Gulnara Zarina Aigul Ainur Nurlan Yerlan Askar Bolat Dauren Aibek
Jean Pierre Michel André Philippe Alain Jacques Bernard René Claude Marcel Nicolas Christophe François Éric
Frédéric Laurent Stéphane Olivier Julien Sébastien Antoine Guillaume Mathieu Maxime Yves Serge Thierry Didier
Gérard Hervé Pascal Franck Benoît Cédric Jérôme Arnaud Romain Alexandre Hugo Lucas Théo Marie Nathalie Isabelle
Sylvie Françoise Monique Valérie Sandrine Véronique Sophie Céline Chantal Martine Stéphanie Brigitte Anne
Aurélie Émilie Camille Léa Manon Chloé Odile Hélène Élodie Claire Agnès Mathilde Pauline Laure Juliette Jeanne
Josiane Ginette Colette Geneviève Thérèse Bernadette Christiane Simone Yvette Moïse Désiré Joséphine Germaine
José Juan Antonio Manuel Francisco Luis Javier Miguel Carlos Jesús Alejandro Rafael Pedro Ángel Fernando Pablo
Jorge Sergio Alberto Diego Andrés Raúl Enrique Ramón Vicente Joaquín Eduardo Mario Óscar Rubén Iván Adrián
Víctor Roberto Gabriel Héctor Ricardo Emilio Julio Guillermo Gonzalo Ignacio Alfonso Marcos Tomás Agustín
Cristian Mateo Nicolás Felipe Gustavo Hernán Rodrigo Wilson Édgar Edgar Nelson Fredy Wilmer Jhon Álvaro Moisés Elías Isaías Abel Efraín Elias
Carmen Ana Isabel Pilar Rosa Josefa Cristina Lucía Paula Marta Elena Raquel Manuela Beatriz Silvia Rocío Nuria
Alba Sofía Claudia Natalia Gabriela Daniela Valentina Camila Mariana Fernanda Alejandra Verónica Adriana
Guadalupe Lorena Olga Inés Emilia Fátima Consuelo Paola Mónica Yolanda Leticia Marisol Margarita
Graciela Estela Marcela Ximena Milagros
João Francisca Antônio Paulo Luiz Marcelo Bruno Manoel Sebastião Raimundo Juliana Marcia Aline Patrícia Bruna
Jéssica Letícia Júlia
Kate Liz Beth Jenny Maggie Annie Katie Jimmy Danny Tommy Charlie Freddie Ted Andy Pepe Paco Lupita Juanito Pepita
Lola Conchita Nacho Anita Manolo Toni Loli Mari Rosi
Oleksandr Olena Iryna Andriy Dmytro Serhiy Tetiana Natalia Yulia Ivan Igor Sergei Sergey Dmitry Alexei Vladimir
`;

/** Cyrillic names in the nominative; their other cases are matched by stem (see `isGivenName`). */
const cyrillic = `
Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Артем Борис Вадим Валентин Валерий Василий Виктор
Виталий Владимир Владислав Вячеслав Геннадий Георгий Глеб Григорий Даниил Денис Дмитрий Евгений Егор Иван Игорь
Илья Кирилл Константин Леонид Максим Михаил Никита Николай Олег Павел Пётр Петр Роман Руслан Рустам Сергей
Станислав Степан Тимур Фёдор Федор Юрий Ярослав Эдуард Ринат Азат Айдар Тимофей Семён Семен Матвей Эльдар
Фарид Шамиль Ильдар Марат Расул Бахтияр Нурлан Ерлан Аскар Дильшод Фаррух
Александра Алина Алла Анастасия Анна Антонина Валентина Валерия Вероника Виктория Галина Дарья Диана Евгения
Екатерина Елена Елизавета Жанна Зинаида Зоя Инна Ирина Карина Кира Кристина Ксения Лариса Лидия Людмила
Маргарита Марина Мария Надежда Наталья Наталия Нина Оксана Ольга Полина Раиса Светлана Софья Тамара Татьяна
Ульяна Юлия Яна Зарина Гульнара Динара Айгуль Дильноза Альфия Эльвира Регина Милена Снежана
Олександр Олексій Андрій Богдан Василь Віктор Віталій Володимир Григорій Дмитро Євген Ігор Юрій Кирило
Костянтин Микола Михайло Назар Остап Павло Петро Сергій Станіслав Тарас Тимофій Федір Орест Анатолій Валерій
Леонід Ярема Зеновій Любомир Мирослав Святослав Всеволод Вʼячеслав Віталій Данило Ілля Матвій Устим Іван
Олександра Анастасія Ганна Вікторія Віра Дарина Євгенія Катерина Олена Ірина Леся Лідія Мар'яна Марʼяна
Надія Наталія Наталя Олеся Світлана Соломія Софія Тетяна Уляна Христина Зоряна Любов Раїса Галина Людмила
Оксана Ольга Марія Юлія Інна Алла Тамара Ніна Лариса Валентина Яна Діана Марина Аліна Вероніка Богдана
Аня Саша Маша Таня Оля Вова Дима Катя Наташа Лена Юля Женя Петя Коля Миша Серёжа Лёша Света Галя Надя Настя Вася
Толя Слава Витя Гена Ваня Андрійко Тарасик Оленка Ганнуся Марічка Іванко Петрик Мишко Юрко Василько
`;


/**
 * Case endings of Russian and Ukrainian names after the stem (`Марин|ы`, `Игор|я`, `Андрі|я`, `Петр|ові`), and the
 * nominative's own `о` of Ukrainian names that lose it to the stem (`Петр|о`, `Дмитр|о`, `Павл|о`; the vocative `Олен|о`).
 */
const cyrillicEndings = new Set(['', 'й', 'ь', 'а', 'я', 'о', 'у', 'ю', 'ы', 'и', 'і', 'е', 'є', 'ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ём', 'єм', 'ові', 'еві', 'єві']);

/** The stem a Cyrillic name declines from: the name without its final vowel, `й` or `ь` (`Серге|й`, `Марин|а`). */
function stemOf(name: string): string {
  return name.replace(/[аяоейьїй]$/u, '') || name;
}

/** Cyrillic letters, and the Latin letters each is written with in Ukraine's passports and in Russia's (`-`: none). */
const cyrillicLetters = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ';
const inUkrainian = 'a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch - iu ia y e e -'.split(' ');
const inRussian = 'a b v g g d e ie zh z i i i i k l m n o p r s t u f kh ts ch sh shch - iu ia y e e -'.split(' ');
/** Letters written with a `y` first: at the start of a Ukrainian name (`Yurii`), and everywhere in older spellings (`Yuriy`, `Tetyana`). */
const withY: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya', ё: 'yo' };
/** Cyrillic names that are words or places in Latin letters. */
const notLatinNames = ['Roman', 'Semen', 'Sofia', 'Marina', 'Regina'];

/**
 * Adds the Latin spellings of a Cyrillic name: Ukraine's (`Mykola`, `Tetiana`, `Yurii`) and Russia's (`Sergei`,
 * `Tatiana`) and the older ones with `y` (`Yuriy`, `Tatyana`, `Yevgeniy`); `Dmitry` and `Dmitri` for `Dmitriy`,
 * `Anastasia` for `Anastasiia`, `x` for `ks` (`Alexei`).
 */
function addLatinSpellings(name: string, into: Set<string>): void {
  const lower = name.toLowerCase().replace(/['ʼ’]/g, '');
  // Only `г` and `и` are written apart, and only a few letters with a `y`: a name without them is spelt once.
  for (const system of /[ги]/.test(lower) ? [inUkrainian, inRussian] : [inUkrainian]) {
    for (const y of /[єїйюяё]|^е/.test(lower) ? [false, true] : [false]) {
      let latin = '';
      for (let i = 0; i < lower.length; i++) {
        const letter = lower[i]!;
        const soft = y || (i === 0 && system === inUkrainian) ? withY[letter] : undefined;
        const written = soft ?? (y && i === 0 && letter === 'е' ? 'ye' : system[cyrillicLetters.indexOf(letter)]);
        if (written !== undefined && written !== '-') latin += written;
      }
      const spellings = [latin];
      if (/i[iy]$/.test(latin)) spellings.push(`${latin.slice(0, -2)}y`, `${latin.slice(0, -2)}i`);
      if (/i[iy]a$/.test(latin)) spellings.push(`${latin.slice(0, -3)}ia`);
      for (const spelling of spellings) {
        for (const written of spelling.includes('ks') ? [spelling, spelling.replaceAll('ks', 'x')] : [spelling]) {
          const capitalised = written.charAt(0).toUpperCase() + written.slice(1);
          if (!notLatinNames.includes(capitalised)) into.add(capitalised);
        }
      }
    }
  }
}

/** The names as sets, made when the first word is looked up. */
let names: { latin: ReadonlySet<string>; cyrillicStems: ReadonlySet<string> } | undefined;
const LONGEST_ENDING = 3;
const cyrillicFirst = /^[\u0400-\u04ff]/;

function namesOf(): { latin: ReadonlySet<string>; cyrillicStems: ReadonlySet<string> } {
  const cyrillicNames = cyrillic.split(/\s+/).filter(Boolean);
  const latinNames = new Set(latin.split(/\s+/).filter(Boolean));
  for (const name of cyrillicNames) addLatinSpellings(name, latinNames);
  return { latin: latinNames, cyrillicStems: new Set(cyrillicNames.map(stemOf)) };
}

/**
 * True when a word is a frequent given name: Latin names as written, Cyrillic names in any case and in Latin letters.
 * A hyphenated name (`Jean-Marc`) is one when its first part is.
 */
export function isGivenName(word: string): boolean {
  names ??= namesOf();
  const first = word.includes('-') ? word.slice(0, word.indexOf('-')) : word;
  if (names.latin.has(first)) return true;
  if (!cyrillicFirst.test(first)) return false;
  for (let cut = 0; cut <= LONGEST_ENDING && cut < first.length - 1; cut++) {
    const stem = first.slice(0, first.length - cut);
    if (names.cyrillicStems.has(stem) && cyrillicEndings.has(first.slice(first.length - cut))) return true;
  }
  return false;
}
