/**
 * Whether a free text holds personal data, as data officers write it in English, Russian, Ukrainian,
 * French and Spanish: names (with initials, patronymics, titles, ages), dates of birth, addresses,
 * prisoner, case and document numbers, phone numbers and e-mail addresses.
 *
 * This runs on every free text of every record, so it is linear in the text: one pass of a tokeniser
 * without nested repeats, one look-up of each word in a table of cue words, and rules that look at a
 * few tokens around a cue. A text of megabytes is read a batch of tokens at a time. The rules are
 * measured on the labelled corpus under `test/data/privacy`.
 */
import { isGivenName } from './given-names.js';
import { forgetWith } from './remembered.js';

/**
 * A kind of personal data a free text can hold.
 *
 * @example
 * ```ts
 * const kind: PersonalDataKind = 'date-of-birth';
 * ```
 */
export type PersonalDataKind = 'email' | 'phone' | 'date-of-birth' | 'name' | 'address' | 'identifier';

// ── e-mail addresses and phone numbers: patterns over the whole text ──

// Anchored at the `@` (one local-part character before it): a long text without an address is scanned in linear time.
const emailPattern = /(?<=[A-Za-z0-9._%+-])@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/**
 * A run of digits with separators that could be a phone number. No bounded repeat before a final digit:
 * that backtracks, and on a run of megabytes it overflows the regular expression stack.
 */
const phoneCandidates = /\+?\d[\d\s().-]*/g;
const isoDateStart = /^\d{4}-\d{2}-\d{2}/;
/**
 * A number grouped in thousands by spaces (`120 000`, `1 234 567`) that stands apart from other digits:
 * a count, not part of a phone number. Lookarounds are bounded so that the scan stays linear.
 */
const groupedCount = /(?<![+\d][ ().]{0,3})[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![ .]{0,3}\d)/g;
/** Two years joined (`2021-2023`, `2019/2020`): a span of time, not part of a phone number. */
const yearRange = /(?<!\d)(?:19|20)\d\d ?[-–/] ?(?:19|20)\d\d(?!\d)/g;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Nine to fifteen digits with a leading `+` or separators, or ten to thirteen in one run behind a trunk
 * prefix (`0`, `8`); an ISO date, a grouped count or a span of years is not one.
 */
function looksLikePhone(text: string): boolean {
  for (const [run] of text.replace(groupedCount, '#').replace(yearRange, '#').matchAll(phoneCandidates)) {
    let end = run.length;
    while (!isDigit(run.charCodeAt(end - 1))) end--;
    const candidate = run.slice(0, end);
    const digits = candidate.replace(/\D/g, '').length;
    if (digits < 9 || digits > 15 || isoDateStart.test(candidate)) continue;
    if (candidate.startsWith('+') || /\d[\s().-]+\d/.test(candidate)) return true;
    if (digits <= 13 && (candidate.startsWith('0') || candidate.startsWith('8'))) return true;
  }
  return false;
}

// ── dates of birth written as such ──

/** Words that say "date of birth" by themselves. Letters around are checked with lookarounds: `\b` knows only ASCII. */
const birthWords =
  /(?<!\p{L})(?:date of birth|d\.o\.b|dob|birth ?date|дата рожд\p{L}*|д\.\s?р\.|д\/р|г\.\s?р\.|год[а]? рождения|г\.\s?рожд\p{L}*|дата народж\p{L}*|дата нар|р\.\s?н\.|д\.\s?н\.|р[іо]к[у]? народження|date de naiss\p{L}*|ddn|fecha de nacimiento|fecha nac\p{L}*|f\.\s?nac|f\.\s?n\.)(?!\p{L})/iu;
/** How far from the words a digit must be for them to give a date rather than speak of one. */
const BIRTH_DIGIT_BEFORE = 16;
const BIRTH_DIGIT_AFTER = 24;

// ── the words of a text ──

const WORD = 0;
const NUMBER = 1;
const MARK = 2;

interface Token {
  text: string;
  /** Lower case, a French elision (`d'`, `l'`, `qu'`) taken off; read through `lowerOf`, which fills it in. */
  lower: string | undefined;
  start: number;
  end: number;
  kind: typeof WORD | typeof NUMBER | typeof MARK;
  /** The cues of the word (see `Cue`), 0 for none. */
  cues: number;
  /** True for a word that starts with a capital. */
  upper: boolean;
  /** How a word that starts with a capital is written: like a name, in capitals, or neither. */
  shape: typeof NAME_SHAPE | typeof CAPITALS_SHAPE | 0;
}

const NAME_SHAPE = 1;
const CAPITALS_SHAPE = 2;

/** Longer words are never names or cues; they are not looked at closer. */
const MAX_WORD = 40;

const capitalised = /^\p{Lu}[\p{Ll}\p{M}]*(?:['’ʼ-]\p{L}[\p{Ll}\p{M}]*)*$/u;
const allCapitals = /^\p{Lu}+(?:['’ʼ-]\p{Lu}+)*$/u;
const cyrillicFirst = /^[\u0400-\u04ff]/;

// ── the cue words ──

/** What a word is a cue for, as bits. */
const Cue = {
  born: 1 << 0,
  bornAbbreviation: 1 << 1,
  title: 1 << 2,
  role: 1 << 3,
  dwelling: 1 << 4,
  streetBefore: 1 << 5,
  streetAfter: 1 << 6,
  address: 1 << 7,
  residence: 1 << 8,
  identifier: 1 << 9,
  numbered: 1 << 10,
  phone: 1 << 11,
  notName: 1 << 12,
  label: 1 << 13,
  namedAfter: 1 << 14,
  organisation: 1 << 15,
  beforeLoneName: 1 << 16,
  numberSign: 1 << 17,
  qualifier: 1 << 18,
  bornLink: 1 << 19,
  month: 1 << 20,
  ageUnit: 1 << 21,
  ageWord: 1 << 22,
  sex: 1 << 23,
  dayLink: 1 << 24,
  titleLink: 1 << 25,
  freedom: 1 << 26,
  deprived: 1 << 27,
  bareNumbered: 1 << 28,
  place: 1 << 29,
  personal: 1 << 30,
} as const;

/** The lower-case form of each character code beyond ASCII, found once (0: not yet); made when the first is met. */
let lowerCodes: Uint16Array | undefined;

/** The lower-case form of a character code. */
function lowerCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code < 128) return code;
  lowerCodes ??= new Uint16Array(0x10000);
  let lower = lowerCodes[code]!;
  if (lower === 0) lowerCodes[code] = lower = String.fromCharCode(code).toLowerCase().charCodeAt(0);
  return lower;
}

/** A word's first two letters in lower case, as one number (no string is made). */
function keyOf(word: string): number {
  return lowerCode(word.charCodeAt(0)) * 0x10000 + (word.length > 1 ? lowerCode(word.charCodeAt(1)) : 0);
}

/** Cues of whole words, and of words by how they start (the declined forms of Russian and Ukrainian, plurals). */
const cueOfWord = new Map<string, number>();
/** Starts of words by their first three letters (every start has three at least; see `startKey`), with their cues. */
const cueOfStart = new Map<number, { start: string; cue: number }[]>();
const START = 3;

/** The first three characters of a text (of three at least), as one number: no string is made. */
function startKey(text: string): number {
  return (text.charCodeAt(0) * 0x10000 + text.charCodeAt(1)) * 0x10000 + text.charCodeAt(2);
}

/** The first two letters (in lower case) of every cue word and start, as numbers: most words have none of them. */
const cueKeys = new Set<number>();

function cues(cue: number, words: string): void {
  for (const word of words.split(/\s+/)) {
    if (word === '') continue;
    cueKeys.add(keyOf(word));
    if (word.endsWith('*')) {
      const start = word.slice(0, -1);
      const key = startKey(start);
      const starts = cueOfStart.get(key) ?? [];
      starts.push({ start, cue });
      cueOfStart.set(key, starts);
    } else cueOfWord.set(word, (cueOfWord.get(word) ?? 0) | cue);
  }
}

/**
 * Fills the tables of cue words, once, when the first text is read: filled as the module loads, they would be
 * in every bundle of @phx/schema, even one that never checks a text.
 */
function fillCues(): void {
  // Words capitalised in a text without naming a person: institutions, places, parts of a prison, months.
  cues(Cue.notName, `
    prison prisons central maximum medium remand female male correctional centre center hospital clinic falls street road
    avenue region province district foundation fund university ministry department service services health programme program
    project office unit wing block section annex table group network association alliance society council committee court
    police national regional global international teaching general state republic minister director team staff data report
    january february march april may june july august september october november december monday tuesday wednesday thursday
    friday saturday sunday maison hôpital quartier fondation ministère direction unité région santé réseau établissement
    administration janvier février mars avril mai juin juillet août septembre octobre novembre décembre centro cárcel penal
    reclusorio fundación ministerio dirección servicio unidad distrito salud programa asociación red módulo patio
    establecimiento instituto secretaría enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre центр центру центре центра фонд министерство управление служба больница колония область россия россии украина
    украины москва москвы міністерство управління лікарня колонія україна україни області київ києва kremenchuk kremenchug`);
  // Nouns that take a letter as a label (`hepatitis B.`, `корпус В.`, `annexe A.`): the letter is not an initial.
  cues(Cue.label, `
    hepatitis hépatite hepatite гепатит* vitamin vitamine vitamina витамин* вітамін* annex annexe anexo приложени* додат*
    appendix section sección раздел* розділ* table tableau tabla таблиц* group groupe grupo групп* груп* type tipo тип* wing
    block bloc bloque блок* корпус* building bâtiment edificio module módulo модул* pavilion pabellón quartier patio cell
    cellule celda камер* class classe clase класс* клас* category catégorie categoría категор* plan option stage stade etapa
    стади* level niveau nivel zone zona зон* unit unité unidad form formulaire formulario форм* schedule part partie parte
    част* phase fase фаз* model modèle modelo version medium maximum remand grade series série serie сери* отряд* загін*
    sector сектор* участ* influenza strain`);
  // Words before a name that make it the name of a place or an institution (`St. Catherine`, `Hospital Dr. Gea`, `им. Ф.Э.`).
  cues(Cue.namedAfter, `
    st saint sainte santa san são св святого святої port fort mount lake cape puerto porto villa ciudad hospital hôpital
    centro centre center fundación foundation fondation instituto institut institute university université universidad
    clínica clinic escuela école school colegio им имени ім імені rue street avenue calle avenida вулиця улица проспект
    boulevard cárcel penal prison award prize premio prix`);
  // Words after a name that make it the name of an organisation (`Marie Stopes International`, `John Snow, Inc.`).
  cues(Cue.organisation, `
    inc ltd llc plc international foundation fondation fundación initiative institute institut instituto trust fund fonds
    fondo society société sociedad association asociación hospital hôpital clinic clinique clínica university université
    universidad prison centre center centro award prize premio prix network alliance forum collective project partnership
    watch action secretariat outreach collaborative coalition union league council committee programme program réseau
    alliance collectif projet red colectivo proyecto`);
  // Words right after a name that make it the name of a place (`Taras Shevchenko Boulevard`, `Ivan Franko district`).
  cues(Cue.place, 'street avenue boulevard road lane square park district region oblast raion');
  // Titles written before a name.
  cues(Cue.title, `
    mr mrs ms miss dr mme mlle mm madame monsieur me sr sra srta señor señora dña doña don dra lic lt capt sgt col гр г-н
    г-жа гражданин гражданка громадянин громадянка пан пані панові господин госпожа`);
  // Words for a person in a prison note, written before a name (`inmate`, `осуждённый`, `interno`, `брат`).
  cues(Cue.role, `
    inmate* prisoner* detainee* patient* offender* officer officers agent agents agente agentes guard guards warder warders
    counsel* nurse* clerk* educator* lawyer* attorney* advocate* lieutenant* captain* sergeant* mother father brother sister
    son daughter wife husband détenu* prévenu* conseill* infirmi* aumôni* surveillant* avocat* capitaine* mère père frère sœur
    fils fille épou* mari interno interna internos reclusa recluso paciente* consejer* enfermer* capturista* preventiv*
    abogad* teniente* capitán* sargento* madre padre herman* hijo hija espos* осужд* осуждён* заключ* подследств* пациент*
    больно* больному врач* фельдшер* медсестр* консультант* санитар* адвокат* лейтенант* капитан* майор* сержант* прапорщик*
    мать матери отец отца брат* сестр* сын* дочь дочер* жена муж засудж* ув'язн* ув’язн* увʼязн* пацієнт* хвор* лікар*
    соцпрацівн* капітан* мати матері батьк* донька доньк* син сина дружин* чоловік* лицо особа підслідн* арестант* арештант*`);
  // A lone given name after these is a person's (`spoke to Thandiwe`, `d'après Aminata`, `со слов Ани`).
  cues(Cue.titleLink, 'and et y la el le и і та');
  // `privado de libertad Wilmer Arévalo`: a person deprived of liberty.
  cues(Cue.freedom, 'libertad');
  cues(Cue.deprived, 'privado privada');
  cues(Cue.dayLink, 'er de');
  cues(Cue.beforeLoneName, 'to with from by asked told ask tell après avec par selon según con por слов словам слів словами от у со від зі з для с');
  // Dates of birth: words of a birth when a date follows, their abbreviations, and what may stand between.
  cues(Cue.born, `
    born né née nacido nacida nació родился родилась рождённый рожденный народився народилася народжений народжена naissance
    nacimiento fn dn`);
  cues(Cue.bornAbbreviation, 'b р род нар nac naiss');
  cues(Cue.bornLink, 'on in le el en в у the vers around about approx aprox ca circa около близько hacia e a');
  cues(Cue.month, `
    jan* feb* mar* apr* may jun* jul* aug* sep* oct* nov* dec* janv* févr* fév* mars avr* mai juin* juil* août sept* déc*
    ene* abr* ago* dic* январ* феврал* март* апрел* мая май июн* июл* август* сентябр* октябр* ноябр* декабр* січ* лют*
    берез* квіт* травн* червн* лип* серп* верес* жовт* листопад* груд*`);
  // A name and an age: `Федоров, 45 лет`, `Marie (42 ans)`, `Chola, Agness (F, 36)`.
  cues(Cue.ageUnit, 'years year yrs yo ans an años año лет года год г років роки рік р');
  cues(Cue.ageWord, 'age aged âge edad возраст вік');
  cues(Cue.sex, 'f m ж м ч h male female муж жен чол жін');
  // Addresses: street types after the name (`14 Church Street`) and before it (`rue de la Paix`, `ул. Ленина`), dwellings
  // followed by their number (`apt. 12`, `кв. 47`), words that introduce an address or say where someone lives.
  cues(Cue.streetAfter, 'street st road rd avenue ave lane drive crescent terrace way boulevard blvd highway');
  cues(Cue.streetBefore, `
    rue avenue av boulevard bd impasse chemin allée quai calle c avda avenida paseo pasaje jr jirón carrera cra plaza ул
    улица пр-т проспект просп пер переулок пров провулок вул вулиця бульв бульвар шоссе мкр`);
  cues(Cue.dwelling, 'apt apartment flat plot appt appartement piso depto departamento кв квартира дом буд будинок house');
  cues(Cue.address, `
    address adresse dirección domicilio domicilié адрес адреса прописан прописана зарегистрирован зарегистрирована
    зареєстрований зареєстрована проживает проживає живёт живет живе habite lives`);
  cues(Cue.residence, 'lives living stays staying живёт живет проживает проживал проживала живе проживає проживав vit vivait habite vive vivía reside domicilié domiciliado');
  // Numbers of a person: words followed by one (`DNI`, `écrou`, `паспорт`), nouns that need a number sign first
  // (`case no.`, `дело №`), the signs, and words that may stand between.
  cues(Cue.identifier, `
    cni écrou matricule nir dni nie rut curp nis passport passeport pasaporte паспорт инн снилс рнокпп expediente expte exp
    id id-карт* медкарт* nhs identité identidad identity cédula`);
  cues(Cue.numbered, `
    prisoner prison inmate detainee remand case file dossier détenu détenue interno interna recluso reclusa causa historia
    осужд* засудж* заключённ* заключенн* ув'язн* ув’язн* увʼязн* подследств* підслідн* арестант* арештант* дело дела справа
    справи провадження учётный учетный обліковий ref`);
  // Words for one person in prison that a number may follow without a number sign (`Prisoner 4512`, `recluso 20211234`);
  // not their plurals, which a count or a year follows (`Prisoners 2023`, `Inmates 15-24`).
  cues(Cue.bareNumbered, `
    prisoner inmate detainee détenu détenue prisonnier prisonnière recluso reclusa preso interno interna осуждённый
    осужденный заключённый заключенный подследственный арестант засуджений ув'язнений ув’язнений увʼязнений підслідний
    арештант`);
  cues(Cue.numberSign, 'no nº n° n º ª ° número numéro number № # ref');
  // Words that make a file or a record a person's (`особова справа 12/345`, `личное дело 4512`, `dossier personnel 45821`):
  // a number after them is the person's even without a number sign.
  cues(Cue.personal, 'personal personnel personnelle individual individuel individuelle особов* особист* личн*');
  cues(Cue.qualifier, `
    médical medical médico clínica clinique pénal penal criminal personal personnel reg registration register pénitentiaire
    penitenciario penitentiary серии серії series série serie`);
  // Words after which a number is a phone number, however short (`тел.: 23-45-67`).
  cues(Cue.phone, `
    tel tél tfno telf phone telephone téléphone teléfono telefono telefone mobile mob cell celular móvil movil portable cel
    whatsapp viber telegram hotline тел телефон моб мобильный мобільний сот`);
}

function lowerOf(token: Token): string {
  return (token.lower ??= lowerWord(token.text));
}

/** A word in lower case, a French elision taken off (`d'écrou`, `l'UCSA`, `qu'il`): the word is what follows it. */
function lowerWord(text: string): string {
  const lower = text.toLowerCase();
  const at = lower.startsWith('qu') ? 2 : 1;
  return isJoiner(lower.charCodeAt(at)) && lower.charCodeAt(at) !== 45 && 'dlnjcsmtq'.includes(lower[0]!) ? lower.slice(at + 1) : lower;
}

/** True when the word may be a cue: its first letters are those of one, or it starts with an elision. */
function mayBeCue(text: string): boolean {
  if (cueKeys.has(keyOf(text))) return true;
  const second = text.charCodeAt(1);
  return second === 39 || second === 0x2019 || text.charCodeAt(2) === 39 || text.charCodeAt(2) === 0x2019;
}

function cuesOf(lower: string): number {
  let found = cueOfWord.get(lower) ?? 0;
  if (lower.length >= START) {
    for (const { start, cue } of cueOfStart.get(startKey(lower)) ?? []) if (lower.startsWith(start)) found |= cue;
  }
  return found;
}

/** Surnames by their endings, in Russian and Ukrainian. */
const cyrillicSurname = /(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ской|ский|ская|цкий|цкая|ський|ська|цький|цька|енко|ук|юк|чук|ко|ич|ишин|як)$/;
/** Patronymics (`Петрович`, `Сергеевна`, `Василівна`) in any case. */
const patronymic = /(?:ович|евич|йович|ьович|івич|овна|евна|івна|ївна|инична|ична|ічна)(?:а|у|ем|ом|і|ою|ей|ой|ы|и|е)?$/;
/** Ukrainian and Russian surnames in Latin letters, by endings no English, French or Spanish word has (`Petrenko`, `Shevchuk`). */
const latinSurname = /(?:enko|chuk|yuk|iuk|yshyn|ovych|evych|ovich|evich)$/;
/** Enough of a word's end for the three patterns above. */
const ENDING = 9;

/** Fewest digits of a person's number after a number sign: fewer is a facility or a list number (`СИЗО № 1`). */
const MIN_ID_DIGITS = 3;
/** Digits of a number with parts (`2020/HP/1123`) that names a case or a person even without a number sign. */
const MIN_BARE_ID_DIGITS = 6;
/** Fewest digits of a prisoner's number right after the word for one (`Prisoner 4512`): fewer is a count or a list number. */
const MIN_PRISONER_DIGITS = 4;
/** Fewest digits of a phone number given after a phone word. */
const MIN_PHONE_DIGITS = 5;

// ── reading tokens ──

function has(token: Token | undefined, cue: number): boolean {
  return token !== undefined && (token.cues & cue) !== 0;
}

function isMark(token: Token | undefined, marks: string): boolean {
  return token !== undefined && token.kind === MARK && marks.includes(token.text);
}

/** Written like a name: a capital, then small letters (`Banda`, `O'Brien`, `Jean-Marc`, `Т-в`). */
function nameShaped(token: Token | undefined): boolean {
  return token !== undefined && token.shape === NAME_SHAPE && token.text.length > 1 && !has(token, Cue.notName);
}

/** Written in capitals, as forms write a surname (`PETROV`, `GARCÍA`). */
function capitalsShaped(token: Token | undefined): boolean {
  return token !== undefined && token.shape === CAPITALS_SHAPE && token.text.length > 2 && !has(token, Cue.notName);
}

function surnameShaped(token: Token | undefined): boolean {
  return nameShaped(token) || capitalsShaped(token);
}

function givenName(token: Token | undefined): boolean {
  return token !== undefined && token.upper && isGivenName(token.text);
}

function cyrillicSurnameShaped(token: Token | undefined): boolean {
  return nameShaped(token) && cyrillicFirst.test(token!.text) && cyrillicSurname.test(token!.text.slice(-ENDING));
}

/** A Ukrainian or Russian surname written in Latin letters (`Petrenko`, `Kovalchuk`, `Romanyshyn`). */
function latinSurnameShaped(token: Token | undefined): boolean {
  return nameShaped(token) && latinSurname.test(token!.text.slice(-ENDING));
}

/** A capital letter alone (`J`, `И`). */
function isLetter(token: Token | undefined): boolean {
  return token !== undefined && token.upper && token.text.length === 1;
}

/** How many tokens one to three initials take from `i` (`J.`, `И.И.`, `J.-P.`, `Д. А.`), or 0. */
function initialsAt(tokens: readonly Token[], i: number): number {
  let at = i;
  for (let count = 0; count < 3 && isLetter(tokens[at]) && isMark(tokens[at + 1], '.') && tokens[at + 1]!.start === tokens[at]!.end; count++) {
    at += 2;
    if (isMark(tokens[at], '-') && isLetter(tokens[at + 1])) at++;
  }
  return at - i;
}

/** A capital letter alone, without a dot, ending a name in a list (`Phiri A,`). */
function bareInitialAt(tokens: readonly Token[], i: number): boolean {
  const after = tokens[i + 1];
  return isLetter(tokens[i]) && (after === undefined || isMark(after, ',;'));
}

/** True when one of the few words before `i` makes a name there the name of a place or an institution. */
function namedAfterBefore(tokens: readonly Token[], i: number): boolean {
  for (let at = i - 1; at >= 0 && at >= i - 5; at--) {
    const token = tokens[at]!;
    if (has(token, Cue.namedAfter)) return true;
    if (token.kind === MARK && !isMark(token, '.-')) return false;
  }
  return false;
}

/** Places written in small letters after the name they are named after: areas, not streets or parks (`John Smith road`). */
const areas = ['district', 'region', 'oblast', 'raion'];

/**
 * True when the words after `i` make a name there the name of an organisation (`Marie Stopes International`) or of
 * a place (`Ivan Franko Street`, `Taras Shevchenko district`; not `Mary Banda, Lusaka District` nor `John Smith road`).
 */
function organisationAfter(tokens: readonly Token[], i: number): boolean {
  let comma = false;
  for (let at = i + 1; at <= i + 4 && tokens[at]; at++) {
    const token = tokens[at]!;
    if (has(token, Cue.organisation) && token.upper) return true;
    if (has(token, Cue.place) && !comma && (token.upper || areas.includes(lowerOf(token)))) return true;
    if (!isMark(token, ',') && !token.upper) return false;
    comma ||= token.kind === MARK;
  }
  return false;
}

/** True when a date starts at `i`: `12.03.1985`, `1990-11-02`, `5 May 1979`, `1er janvier`, `2 de febrero`, or a year 1900–2029. */
function dateAt(tokens: readonly Token[], i: number): boolean {
  const first = tokens[i];
  if (first?.kind !== NUMBER) return false;
  const mark = tokens[i + 1];
  if (isMark(mark, './-') && mark!.start === first.end && tokens[i + 2]?.kind === NUMBER) return true;
  if (first.text.length === 4 && (first.text.startsWith('19') || first.text.startsWith('20'))) return true;
  const next = has(tokens[i + 1], Cue.dayLink) ? i + 2 : i + 1;
  return first.text.length <= 2 && has(tokens[next], Cue.month);
}

/** True when a year 1900–2099 stands alone at `i`, not the first part of a number (`2019/345`). */
function yearAt(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  return token.text.length === 4 && (token.text.startsWith('19') || token.text.startsWith('20')) && tokens[i + 1]?.start !== token.end;
}

/** Digits of the identifier that starts at `at`: its tokens glued together (`12AB34567`, `1-234/2019`, `12.345.678-9`). */
function identifierDigits(tokens: readonly Token[], at: number): number {
  let digits = 0;
  for (let token = tokens[at]; token; token = tokens[++at]) {
    if (token.kind === NUMBER) digits += token.text.length;
    else if (token.kind === MARK && !isMark(token, '/-.')) break;
    if (tokens[at + 1]?.start !== token.end) break;
  }
  return digits;
}

/** True when the identifier at `at` has parts joined by `/` or `-` (`2020/HP/1123`). */
function hasParts(tokens: readonly Token[], at: number): boolean {
  for (let token = tokens[at]; token; token = tokens[++at]) {
    if (isMark(token, '/-')) return true;
    if (tokens[at + 1]?.start !== token.end) return false;
  }
  return false;
}

/** A number a few words after `from`, before a `;` or `(`. */
function numberWithin(tokens: readonly Token[], from: number, words: number): boolean {
  for (let at = from, seen = 0; tokens[at] && seen <= words; at++) {
    const token = tokens[at]!;
    if (token.kind === NUMBER) return true;
    if (token.kind === WORD) seen++;
    else if (isMark(token, ';(')) return false;
  }
  return false;
}

/** A street type a few words after `from` (`живёт у матери на ул. Победы`). */
function streetWithin(tokens: readonly Token[], from: number, words: number): boolean {
  for (let at = from, seen = 0; tokens[at] && seen <= words; at++) {
    const token = tokens[at]!;
    if (token.kind !== WORD) continue;
    if (has(token, Cue.streetBefore) && token.text.length > 1 && (lowerOf(token) !== 'av' || isMark(tokens[at + 1], '.'))) return true;
    seen++;
  }
  return false;
}

// ── the rules ──

/** Dates of birth: `born 12.03.1985`, `née en 1962`, `nació el 2 de febrero de 2007`, `р. 1990`. */
function birthAt(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  // A capital letter and a dot is an initial or a label (`hepatitis B. 2019`), not `b.` for born.
  const abbreviation = has(token, Cue.bornAbbreviation) && !isLetter(token);
  if (abbreviation && isMark(tokens[i + 1], '.') && tokens[i + 1]!.start === token.end && dateAt(tokens, i + 2)) return true;
  if (!has(token, Cue.born)) return false;
  // Links (`on`, `le`, `en`, `vers`) and a written gender (`né(e)`, `nacido/a`) may stand before the date.
  let at = i + 1;
  while (at < i + 6 && (has(tokens[at], Cue.bornLink) || isMark(tokens[at], '.:()/'))) at++;
  return dateAt(tokens, at);
}

/** A title or a role before a name or initials: `Mrs Tembo`, `M. et Mme Diallo`, `inmate Peter Chanda`, `пациент К. Р.`. */
function personBehindWordAt(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (has(token, Cue.title) && !namedAfterBefore(tokens, i)) {
    for (let at = i + 1; at <= i + 4 && tokens[at]; at++) {
      const candidate = tokens[at]!;
      if (nameShaped(candidate) && !has(candidate, Cue.title)) return true;
      if (!isMark(candidate, '.') && !has(candidate, Cue.title | Cue.titleLink)) break;
    }
  }
  if (has(token, Cue.role) && token.text.length > 2) {
    let at = i + 1;
    while (at < i + 3 && isMark(tokens[at], ',:—–-()')) at++;
    if ((nameShaped(tokens[at]) && !has(tokens[at], Cue.label) && !organisationAfter(tokens, at)) || initialsAt(tokens, at) > 0) return true;
  }
  // `privado de libertad Wilmer Arévalo`
  return has(token, Cue.freedom) && has(tokens[i - 1], Cue.dayLink) && has(tokens[i - 2], Cue.deprived) && nameShaped(tokens[i + 1]);
}

/** Addresses: `apt. 12`, `кв. 47`, `ул. Ленина, д. 15`, `адрес: ... 45`, `живёт на ул. Победы`. */
function addressAt(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  if (has(token, Cue.dwelling)) {
    let at = isMark(next, '.') ? i + 2 : i + 1;
    while (has(tokens[at], Cue.numberSign) || isMark(tokens[at], '.')) at++;
    // `I кв.`, `3 кв.`: a quarter of the year, not a flat.
    const before = tokens[i - 1];
    const quarter = before !== undefined && (before.kind === NUMBER || /^[IVX]+$/.test(before.text));
    if (tokens[at]?.kind === NUMBER && !quarter) return true;
  }
  const short = has(token, Cue.streetBefore) ? lowerOf(token) : '';
  if (short !== '' && (short !== 'c' || isMark(next, '/')) && (!['av', 'jr', 'bd'].includes(short) || isMark(next, '.'))) {
    if (numberWithin(tokens, i + 1, 4)) return true;
  }
  if (has(token, Cue.address) && numberWithin(tokens, i + 1, 5)) return true;
  return has(token, Cue.residence) && streetWithin(tokens, i + 1, 4);
}

/** A house number before its street: `14 Church Street`, `18B Cairo Road`, `12 rue de la Paix`. */
function houseNumberAt(tokens: readonly Token[], i: number): boolean {
  const number = tokens[i]!;
  if (number.text.length > 4) return false;
  let at = i + 1;
  if (isLetter(tokens[at]) && tokens[at]!.start === number.end) at++;
  if (has(tokens[at], Cue.streetBefore) && tokens[at]!.text.length > 2) return true;
  for (let words = 0; words < 3 && nameShaped(tokens[at]); words++, at++) {
    if (has(tokens[at + 1], Cue.streetAfter)) return true;
  }
  return false;
}

/**
 * Numbers of a person: `DNI 12345678Z`, `паспорт КВ 123456`, `case no. 2019/345`, `справа № 755/1234/19`, `Case 2020/HP/1123`,
 * `особова справа 12/345`.
 */
function identifierAt(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (has(token, Cue.identifier)) {
    for (let at = i + 1; at <= i + 6 && tokens[at]; at++) {
      const next = tokens[at]!;
      if (identifierDigits(tokens, at) >= MIN_ID_DIGITS) return true;
      // Number signs, qualifiers, marks and series letters (`КВ`, `ZN`) may stand before the number.
      if (next.kind === WORD && !has(next, Cue.numberSign | Cue.qualifier) && !allCapitals.test(next.text)) break;
    }
  }
  // `Prisoner 4512`, `Inmate: 20211234`, `recluso 4512`: not a year, a date or a span (`Inmate 2019`, `Inmate 15-24`).
  if (has(token, Cue.bareNumbered)) {
    const at = isMark(tokens[i + 1], ':') ? i + 2 : i + 1;
    if (tokens[at]?.kind === NUMBER && identifierDigits(tokens, at) >= MIN_PRISONER_DIGITS && !dateAt(tokens, at)) return true;
  }
  if (has(token, Cue.numbered)) {
    let sign = false;
    let personal = has(tokens[i - 1], Cue.personal);
    for (let at = i + 1; at <= i + 6 && tokens[at]; at++) {
      const next = tokens[at]!;
      if (next.kind === NUMBER || (sign && next.kind === WORD && tokens[at + 1]?.start === next.end)) {
        const digits = identifierDigits(tokens, at);
        if (sign) return digits >= MIN_ID_DIGITS;
        // `особові справи 2023 року`: the year of a person's files is not a number of one.
        if (personal) return digits >= MIN_ID_DIGITS && !yearAt(tokens, at);
        return digits >= MIN_BARE_ID_DIGITS && hasParts(tokens, at);
      }
      if (has(next, Cue.numberSign)) sign = true;
      else if (has(next, Cue.personal)) personal = true;
      else if (!isMark(next, '.:') && !has(next, Cue.qualifier)) return false;
    }
  }
  return false;
}

/** A short phone number after a phone word: `тел.: 23-45-67`, `cel 987654321`. */
function phoneAt(tokens: readonly Token[], i: number): boolean {
  if (!has(tokens[i], Cue.phone)) return false;
  for (let at = i + 1; at <= i + 3 && tokens[at]; at++) {
    if (tokens[at]!.kind === WORD) return false;
    if (tokens[at]!.kind !== NUMBER) continue;
    let digits = 0;
    for (let token = tokens[at]; token && (token.kind === NUMBER || isMark(token, '-().+')); token = tokens[++at]) {
      if (token.kind === NUMBER) digits += token.text.length;
    }
    return digits >= MIN_PHONE_DIGITS;
  }
  return false;
}

/** Names from a capitalised word at `i`: with initials, a patronymic, a given name, an age, in a list. */
function nameAt(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  const before = tokens[i - 1];
  // Initials then a surname (`J. Smith`, `Е.А. Поповой`), unless the letter labels something (`hepatitis B. Testing`).
  const initials = initialsAt(tokens, i);
  if (initials > 0) return !has(before, Cue.label) && !namedAfterBefore(tokens, i) && nameShaped(tokens[i + initials]);
  // A surname then initials (`Иванов И.И.`, `Smith J.`, `PETROV I.I.`).
  if (surnameShaped(token) && !has(token, Cue.label) && initialsAt(tokens, i + 1) > 0 && !namedAfterBefore(tokens, i)) return true;
  // A surname in capitals with a given name (`DUPONT Jean-Luc`, `NGOMA, Peter`).
  if (capitalsShaped(token) && (isMark(next, ',') ? givenName(tokens[i + 2]) : nameShaped(next) && (givenName(next) || capitalsShaped(before)))) return true;
  if (!nameShaped(token)) return false;
  const cyrillic = cyrillicFirst.test(token.text);
  if (cyrillic && patronymic.test(token.text.slice(-ENDING))) return true;
  if (givenName(token) && !namedAfterBefore(tokens, i) && !organisationAfter(tokens, i)) {
    if (nameShaped(next) || initialsAt(tokens, i + 1) > 0) return true;
    // The surname first: `Козлов Андрей`, `Kaunda Joseph,`, `Smith, John`, `Petrenko Mykola`.
    if (nameShaped(before) && (cyrillic || next === undefined || isMark(next, ',:;()—–-.') || latinSurnameShaped(before))) return true;
    if (isMark(before, ',') && surnameShaped(tokens[i - 2])) return true;
    // Alone after a preposition or a verb of speaking: `spoke to Thandiwe`, `со слов Ани`.
    if (has(before, Cue.beforeLoneName)) return true;
  }
  // A name before a Ukrainian or Russian surname in Latin letters, the given name not one known: `Yaryna Shevchuk`.
  if (!cyrillic && latinSurnameShaped(next) && !namedAfterBefore(tokens, i) && !organisationAfter(tokens, i)) return true;
  // A given name owning something (`Joseph's TB result`).
  if (/['’]s$/.test(token.text) && isGivenName(token.text.slice(0, -2)) && !namedAfterBefore(tokens, i)) return true;
  // A name and an age: `Mwansa, 34,`, `Федоров, 45 лет`, `Marie (42 ans)`.
  if (isMark(next, ',(')) {
    const at = has(tokens[i + 2], Cue.ageWord) ? i + 3 : i + 2;
    const age = tokens[at];
    if (age?.kind === NUMBER && age.text.length === 2) {
      const after = tokens[at + 1];
      if (after === undefined || isMark(after, ',)') || has(after, Cue.ageUnit)) return true;
    }
  }
  // Surnames with bare initials in a list (`Mulenga J, Phiri A`), a name with sex and age (`Chola, Agness (F, 36)`).
  if (!has(token, Cue.label) && bareInitialAt(tokens, i + 1) && isMark(tokens[i + 2], ',') && nameShaped(tokens[i + 3]) && bareInitialAt(tokens, i + 4)) return true;
  if (isMark(next, '(') && has(tokens[i + 2], Cue.sex) && isMark(tokens[i + 3], ',') && tokens[i + 4]?.kind === NUMBER && tokens[i + 4]!.text.length === 2) return true;
  if (cyrillic && cyrillicSurnameShaped(token)) {
    // A surname alone in brackets, as a register entry names its person: `(Петров)`.
    if (isMark(before, '(') && isMark(next, ')')) return true;
    // Two surnames or more in a list: `Михайлов, Фролов, Гусев`.
    if (isMark(next, ',') && cyrillicSurnameShaped(tokens[i + 2])) return true;
  }
  return false;
}

/** What the rules find from token `i`. */
function kindAt(tokens: readonly Token[], i: number): PersonalDataKind | undefined {
  const token = tokens[i]!;
  if (token.kind === NUMBER) return houseNumberAt(tokens, i) ? 'address' : undefined;
  if (token.kind !== WORD) return undefined;
  if (token.cues !== 0) {
    if (birthAt(tokens, i)) return 'date-of-birth';
    if (personBehindWordAt(tokens, i)) return 'name';
    if (addressAt(tokens, i)) return 'address';
    if (identifierAt(tokens, i)) return 'identifier';
    if (phoneAt(tokens, i)) return 'phone';
  }
  return token.upper && nameAt(tokens, i) ? 'name' : undefined;
}

// ── the scan ──

/** Tokens the rules look at around the one they start from. */
const REACH = 10;
/** Tokens read before the rules run, so that a text of megabytes needs bounded memory. */
const BATCH = 512;

/** What each character of the Basic Multilingual Plane is, found once: 0 not yet, then LETTER, SPACE or OTHER. */
const LETTER = 1;
const SPACE = 2;
const OTHER = 3;
let classes: Uint8Array | undefined;
const letterOrMark = /[\p{L}\p{M}]/u;
const space = /\s/u;

function classOf(code: number): number {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return LETTER;
    return code === 32 || (code >= 9 && code <= 13) ? SPACE : OTHER;
  }
  classes ??= new Uint8Array(0x10000);
  let found = classes[code]!;
  if (found === 0) {
    const char = String.fromCharCode(code);
    classes[code] = found = letterOrMark.test(char) ? LETTER : space.test(char) ? SPACE : OTHER;
  }
  return found;
}

/** `'`, `’`, `ʼ` and `-` join the letters of one word (`O'Brien`, `Jean-Marc`, `Лук'янівка`). */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2bc || code === 45;
}

function makeToken(text: string, start: number, end: number, kind: Token['kind']): Token {
  const raw = text.slice(start, end);
  if (kind === NUMBER) return { text: raw, lower: raw, start, end, kind, cues: 0, upper: false, shape: 0 };
  if (kind === MARK) return { text: raw, lower: raw, start, end, kind, cues: cueOfWord.get(raw) ?? 0, upper: false, shape: 0 };
  if (raw.length > MAX_WORD) return { text: raw, lower: '', start, end, kind, cues: 0, upper: false, shape: 0 };
  const word = wordOf(raw);
  return { text: raw, lower: word.lower, start, end, kind, cues: word.cues, upper: word.upper, shape: word.shape };
}

/** What a word is, whatever text it is in: its lower case (when it was needed), cues, capital and shape. */
interface Word {
  lower: string | undefined;
  cues: number;
  upper: boolean;
  shape: Token['shape'];
}

/** The words met lately: notes repeat most of their words, which are then looked at once. */
const words = new Map<string, Word>();
/** Words remembered at most: the table is emptied when full, so that a text of megabytes takes bounded memory. */
const MAX_WORDS = 4096;

function wordOf(raw: string): Word {
  let word = words.get(raw);
  if (word === undefined) {
    const first = raw.charCodeAt(0);
    const upper = lowerCode(first) !== first;
    const shape = !upper ? 0 : capitalised.test(raw) ? NAME_SHAPE : allCapitals.test(raw) ? CAPITALS_SHAPE : 0;
    const lower = mayBeCue(raw) ? lowerWord(raw) : undefined;
    word = { lower, cues: lower === undefined ? 0 : cuesOf(lower), upper, shape };
    if (words.size >= MAX_WORDS) words.clear();
    words.set(raw, word);
  }
  return word;
}

/**
 * Reads the next token from `from`: a word (letters joined by `'` or `-`), a run of digits, or any other
 * character but a space. A loop over character codes: a regular expression would need a stack as deep as
 * the longest word, and a text of megabytes overflows it.
 */
function nextToken(text: string, from: number): Token | undefined {
  let at = from;
  while (at < text.length && classOf(text.charCodeAt(at)) === SPACE) at++;
  if (at >= text.length) return undefined;
  const start = at;
  const code = text.charCodeAt(at);
  if (isDigit(code)) {
    while (at < text.length && isDigit(text.charCodeAt(at))) at++;
    return makeToken(text, start, at, NUMBER);
  }
  if (classOf(code) !== LETTER) return makeToken(text, start, at + 1, MARK);
  for (;;) {
    while (at < text.length && classOf(text.charCodeAt(at)) === LETTER) at++;
    if (at + 1 < text.length && isJoiner(text.charCodeAt(at)) && classOf(text.charCodeAt(at + 1)) === LETTER) at++;
    else return makeToken(text, start, at, WORD);
  }
}

/** Runs the word rules over a text, a batch of tokens at a time. */
function wordKindIn(text: string): PersonalDataKind | undefined {
  let tokens: Token[] = [];
  /** The first token the rules have not started from yet. */
  let next = 0;
  for (let position = 0; ; ) {
    const token = nextToken(text, position);
    if (token !== undefined) {
      tokens.push(token);
      position = token.end;
    }
    if (token === undefined || tokens.length >= BATCH) {
      const until = token === undefined ? tokens.length : tokens.length - REACH;
      for (; next < until; next++) {
        const kind = kindAt(tokens, next);
        if (kind) return kind;
      }
      if (token === undefined) return undefined;
      tokens = tokens.slice(next - REACH);
      next = REACH;
    }
  }
}

/** The last texts read, with their verdicts: a note repeated on consecutive rows is read once. */
const RECENT = 16;
/** Longer texts are not kept: the few remembered must not hold megabytes. */
const MAX_RECENT_TEXT = 1024;
const recentTexts: (string | undefined)[] = new Array<string | undefined>(RECENT).fill(undefined);
const recentKinds: (PersonalDataKind | undefined)[] = new Array<PersonalDataKind | undefined>(RECENT).fill(undefined);
let nextRecent = 0;

forgetWith(() => {
  words.clear();
  recentTexts.fill(undefined);
  recentKinds.fill(undefined);
});

/**
 * The kind of personal data a free text seems to hold, if any: 'name' for `Петренко І.М., 14.03.1987 р.н.`,
 * none for `Reporting period 2019-01-01 to 2019-12-31`.
 */
export function personalDataIn(text: string): PersonalDataKind | undefined {
  if (cueKeys.size === 0) fillCues();
  if (text.length > MAX_RECENT_TEXT) return kindIn(text);
  for (let i = 0; i < RECENT; i++) if (recentTexts[i] === text) return recentKinds[i];
  const kind = kindIn(text);
  recentTexts[nextRecent] = text;
  recentKinds[nextRecent] = kind;
  nextRecent = (nextRecent + 1) % RECENT;
  return kind;
}

/** A capital of Latin or Cyrillic letters, or a letter of another script (only a closer look tells). */
function mayBeCapital(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  if (code < 0x100) return code >= 0xc0 && code <= 0xde && code !== 0xd7;
  if (code >= 0x400 && code <= 0x4ff) return code < 0x430 || (code >= 0x460 && code % 2 === 0);
  // Other scripts below the general punctuation (`’`, `–`, `№`) are not told apart here.
  return code < 0x2000;
}

const possessiveFirst = /^\p{Lu}\p{Ll}+['’]s\b/u;

function kindIn(text: string): PersonalDataKind | undefined {
  // Cheap tests first: this runs on every free text of every record.
  if (text.includes('@') && emailPattern.test(text)) return 'email';
  let digits = 0;
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) digits++;
    else if (mayBeCapital(code)) capitals++;
  }
  if (digits >= 9 && looksLikePhone(text)) return 'phone';
  // Every rule below needs a digit (numbers, dates, addresses) or a capital (names), and a name one capital besides
  // the first letter of the text, unless it is a given name owning something there (`Joseph's result`).
  if (digits === 0 && capitals <= (mayBeCapital(text.charCodeAt(0)) ? 1 : 0)) return possessiveFirst.test(text) && isGivenName(text.slice(0, text.search(/['’]/))) ? 'name' : undefined;
  if (digits > 0) {
    const birth = birthWords.exec(text);
    if (birth && /\d/.test(text.slice(Math.max(0, birth.index - BIRTH_DIGIT_BEFORE), birth.index + birth[0].length + BIRTH_DIGIT_AFTER))) return 'date-of-birth';
  }
  return wordKindIn(text);
}
