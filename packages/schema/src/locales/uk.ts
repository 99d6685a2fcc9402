import zodUk from 'zod/v4/locales/uk.js';
import type { FileFormat } from '../file/format.js';
import type { OtherSystemFormat } from '../file/other-systems.js';
import { alternatives } from './alternatives.js';
import { amountsIn, capitalised, categories, columnSeen, completedDateTime, decimalComma, fieldNamed, fieldOfList, figures, formAsked, formList, hiddenOf, keyOf, listed, percentShown, placeOf, sheetCell, shown, slavicPlural, subject, typedAsDate, type Words } from './phrases.js';
import type { SheetNames } from '../validate/params.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'адресу електронної пошти', phone: 'номер телефону', 'date-of-birth': 'дату народження', name: 'ім’я людини', address: 'домашню адресу', identifier: 'номер засудженого, справи чи документа' } as const;
const encodings = { 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1251': 'Windows-1251 (кирилиця)', 'windows-1252': 'Windows-1252 (західноєвропейське)' } as const;
const formats: Record<FileFormat, string> = {
  json: 'JSON', ndjson: 'NDJSON', csv: 'CSV', xlsx: 'книга Excel (.xlsx)', xls: 'книга Excel 97–2003 (.xls)', 'encrypted-xlsx': 'книга Excel, захищена паролем', ods: 'таблиця OpenDocument (.ods)',
  docx: 'документ Word (.docx)', pdf: 'документ PDF', zip: 'архів zip', gzip: 'архів gzip', html: 'вебсторінка (HTML)',
};
const otherSystems: Record<OtherSystemFormat, string> = {
  fhir: 'ресурс FHIR Bundle', dhis2: 'набір значень даних DHIS2 (JSON)', 'dhis2-csv': 'файл значень даних DHIS2 у форматі CSV', 'sdmx-csv': 'файл SDMX-CSV',
  'sdmx-json': 'повідомлення з даними SDMX-JSON', 'sdmx-structure': 'опис структури SDMX',
};

const forms: Record<string, string> = {
  'decimal-comma': 'десяткові коми', 'thousands-separator': 'розділювачі розрядів', 'percent-sign': 'знаки %',
  'boolean-word': 'ІСТИНА/ХИБНІСТЬ', 'excel-serial': 'порядкові номери днів Excel', 'yes-no-word': 'так/ні', 'time-dropped': 'час доби (відкинуто: стовпець містить дні)', 'read-as-utc': 'час, прочитаний як UTC', 'midnight-utc': 'дати без часу, прочитані як північ за UTC',
};
const formsOf = (list: string[]): string => formList(list, forms, (said) => `слова ${said}`, (dates) => `дати у форматі ${dates}`, 'та');
const words: Words = {
  fields: {
    $schema: 'посилання на схему', phxVersion: 'версія PHX', id: 'ідентифікатор', publisher: 'видавець', 'publisher.id': 'ідентифікатор видавця',
    'publisher.name': 'назва видавця', name: 'назва', license: 'ліцензія', publishedAt: 'дата й час публікації', description: 'опис',
    extensions: 'розширення', organisations: 'організації', facilities: 'установи', indicators: 'індикатори', observations: 'спостереження',
    meetings: 'зустрічі', acronym: 'скорочена назва', organisationType: 'тип організації', countries: 'країни роботи', regions: 'регіони',
    focusAreas: 'напрями роботи', populations: 'цільові групи', website: 'вебсайт', email: 'адреса електронної пошти', memberSince: 'член мережі з',
    languages: 'мови', country: 'країна', subnationalArea: 'регіон країни', facilityType: 'тип установи', capacity: 'місткість',
    population: 'група населення', 'facilities.population': 'кількість утримуваних', 'population.count': 'кількість утримуваних осіб',
    'population.date': 'дата підрахунку', operator: 'оператор', code: 'код індикатора', unit: 'одиниця', calculation: 'спосіб розрахунку',
    numerator: 'чисельник', denominator: 'знаменник', disaggregations: 'допустимі розбивки', framework: 'система індикаторів', reference: 'джерело',
    interventions: 'втручання', frequency: 'періодичність звітності', indicator: 'індикатор', reportingOrganisation: 'організація, що звітує',
    scope: 'охоплення', facility: 'установа', period: 'період', start: 'початок', end: 'кінець', 'period.start': 'початок періоду',
    'period.end': 'кінець періоду', 'meetings.start': 'початок зустрічі', 'meetings.end': 'кінець зустрічі', disaggregation: 'розбивка',
    sex: 'стать', ageGroup: 'вікова група', value: 'значення', dataSource: 'джерело даних', methodNote: 'методика',
    confidenceInterval: 'довірчий інтервал', lower: 'нижня межа', upper: 'верхня межа', level: 'рівень довіри', suppressed: 'приховано',
    notes: 'примітки', title: 'заголовок', format: 'формат зустрічі', location: 'місце', city: 'місто', organiser: 'організатор',
    participants: 'учасники', organisation: 'організація', representatives: 'кількість представників', roles: 'ролі', agenda: 'порядок денний',
    presentations: 'виступи', topic: 'тема', achievements: 'досягнення', issuesRaised: 'порушені питання', issuesIdentified: 'виявлені проблеми',
    theme: 'тема', decisions: 'рішення', text: 'текст', actionItems: 'доручення', owner: 'відповідальний', due: 'строк', status: 'стан',
    documents: 'документи', url: 'вебадреса', language: 'мова', type: 'тип', 'documents.type': 'тип документа', count: 'кількість', date: 'дата',
  },
  records: { package: 'пакет', organisation: 'організація', facility: 'установа', indicator: 'індикатор', observation: 'спостереження', meeting: 'зустріч' },
  forms: {
    date: 'дата у вигляді рік-місяць-день, наприклад 2023-01-31',
    'calendar-day': 'наявний день календаря: у цьому місяці менше днів',
    'four-digit-year': 'дата з роком із чотирьох цифр, наприклад 2020-12-31',
    'date-time': 'дата й час зі зсувом від UTC, наприклад 2020-10-28T13:00:00+01:00',
    url: 'вебадреса, що починається з https://, наприклад https://example.org/report.pdf',
    email: 'адреса електронної пошти, наприклад info@example.org',
    'organisation-id': 'ідентифікатор організації: префікс реєстру й номер через дефіс, наприклад {id} (PHX-ORG-0001, якщо організації немає в реєстрі)',
    'record-id': 'ідентифікатор завдовжки до 128 символів із латинських літер (A–Z, a–z), цифр і знаків . _ : -, що починається з літери чи цифри, наприклад {id}',
    code: 'код із малих латинських літер і цифр через дефіс',
    'indicator-code': 'код із малих латинських літер і цифр через дефіс, наприклад hiv-prevalence-prisoners',
    country: 'код країни за ISO 3166-1: дві великі латинські літери, наприклад UA або ZM',
    'language-tag': 'код мови, наприклад en, uk або pt-BR',
    licence: 'ідентифікатор ліцензії, наприклад CC-BY-4.0, або вебадреса ліцензії',
    'extension-key': 'вебадреса розширення, наприклад https://example.org/phx/prison-wings',
    text: 'текст',
  },
  kinds: {
    string: 'текст', number: 'число, наприклад 12', int: 'ціле число, наприклад 12', boolean: 'true або false', object: 'група полів у { }',
    record: 'група полів у { }', array: 'список у [ ]', null: 'null', undefined: 'нічого', nan: 'не число',
  },
  entry: (index) => `запис ${index}`,
  line: (line) => `рядок ${line}`,
  row: 'рядок',
  sheet: 'аркуш',
  file: 'файл',
  quote: (text) => `«${text}»`,
  spaces: { start: '(на початку пробіл)', end: '(у кінці пробіл)', both: '(пробіли на початку й у кінці)' },
  number: decimalComma,
  ...amountsIn('uk'),
};

/** The field of a breakdown's dimension, quoted. */
const dimension = (name: string): string => words.quote(words.fields[name as 'sex'] ?? name);

/** In a sheet (see SheetNames): ІСТИНА in its column of the flag, and the hints of a cell its column does not read (see sheetCell()). */
const flagged = (sheet: SheetNames): string => `ІСТИНА в стовпці ${words.quote(sheet.suppressed ?? 'suppressed')}`;
const sheetHints = {
  small: (sheet: SheetNames, empty: string | undefined): string => `: щоб приховати малу кількість, поставте ${flagged(sheet)} і залиште порожньою клітинку в стовпці ${words.quote(empty ?? 'value')}`,
  digit: (): string => ': 1 і 0 не читаються як позначка; напишіть ІСТИНА замість 1 і ХИБНІСТЬ замість 0',
  mark: (): string => ': таку позначку не прочитано; напишіть ІСТИНА там, де спостереження приховано, а де ні — залиште клітинку порожньою',
  none: (): string => ': якщо числа немає, залиште клітинку порожньою',
};

/** Ukrainian messages. */
export const uk: PhxLocale = {
  tag: 'uk',
  zod: zodUk,
  fields: words.fields,
  suggestion: (values) => `; можливо, ви мали на увазі ${alternatives(values, 'uk', words.quote)}?`,
  named: (value, type, id) => `${words.quote(value)} — назва ${type === 'facility' ? 'установи' : 'організації'} ${words.quote(id)}: вкажіть замість неї ідентифікатор`,
  messages: {
    'file.empty': (p) => (p.blank ? 'У файлі лише порожні рядки та пробіли: даних у ньому немає' : 'Файл порожній'),
    'file.unsupported-format': (p) =>
      p.format === 'html'
        ? `Це ${formats.html}, а не книга Excel; відкрийте її в Excel і збережіть як книгу Excel (.xlsx)`
        : p.format === 'encrypted-xlsx'
        ? `Це ${formats[p.format]}, і PHX не може її відкрити; зніміть пароль (у Excel: Файл › Відомості › Захистити книгу › Зашифрувати за допомогою пароля, і зітріть його) і збережіть книгу знову`
        : `Це ${formats[p.format]}, а PHX такі файли не читає; збережіть дані як книгу Excel (.xlsx), «CSV UTF-8», .phx.json або .phx.ndjson`,
    'file.other-system': (p) =>
      p.format === 'sdmx-json' || p.format === 'sdmx-structure'
        ? `Це ${otherSystems[p.format]}, а не дані PHX, і PHX такі файли не читає: phx import --from sdmx-csv читає файл SDMX-CSV (.sdmx.csv) з цими даними`
        : `Це ${otherSystems[p.format]}, а не дані PHX: phx import --from ${p.format} перетворює його на пакет PHX`,
    'file.too-large': (p) => `Файл більший за ${words.size(p.maxBytes)} — завеликий, щоб прочитати його цілком; розділіть його або збережіть як .phx.ndjson: такий файл читається потоком`,
    'file.too-large-for-memory': (p) =>
      p.format === 'json'
        ? `Кількість значень у файлі — близько ${words.count(p.values)}: щоб прочитати його цілком, потрібно близько ${words.size(p.neededBytes)} пам’яті, більше за доступні ${words.size(p.availableBytes)}; розділіть його на менші пакети`
        : p.format === 'csv'
        ? `Кількість клітинок у файлі CSV — близько ${words.count(p.cells)}: щоб його прочитати, потрібно близько ${words.size(p.neededBytes)} пам’яті, більше за доступні ${words.size(p.availableBytes)}; розділіть його на файли з меншою кількістю рядків`
        : `Кількість клітинок у книзі — ${words.count(p.cells)}: щоб її прочитати, потрібно близько ${words.size(p.neededBytes)} пам’яті, більше за доступні ${words.size(p.availableBytes)}; збережіть кожен аркуш як CSV UTF-8 (такий файл читається з набагато меншими витратами пам’яті) або розділіть книгу`,
    'syntax.invalid-json': (p) => (p.token === null ? 'Недійсний JSON: текст обривається' : `Недійсний JSON: неочікуваний символ ${JSON.stringify(p.token)}`),
    'syntax.too-deep': (p) => `Вкладеність глибша за ${words.count(p.maxDepth)} рівнів`,
    'syntax.duplicate-key': (p) =>
      `Ключ ${words.quote(p.key)} записано ще раз (уперше — у рядку ${p.firstLine}): читається лише останній, а вміст попереднього втрачається; об’єднайте їх в один`,
    'syntax.invalid-encoding': (p) =>
      p.encoding === null
        ? 'Файл не в кодуванні UTF-8; збережіть його в UTF-8'
        : `Файл не в кодуванні UTF-8, а в ${encodings[p.encoding]}; збережіть його в UTF-8 (в Excel: «CSV UTF-8») або як книгу Excel (.xlsx)`,
    'syntax.encoding-mismatch': (p) =>
      `Файл прочитано в кодуванні ${encodings[p.encoding]}, як зазначено, але, схоже, його записано в ${encodings[p.looksLike]}, де «${p.read}» — це «${p.meant}»: прочитайте його так, інакше назви буде спотворено`,
    'syntax.line-too-long': (p) => `Рядок довший за ${words.size(p.maxBytes)}; пропущено`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'У рядку немає поля "type"' : `Невідомий тип запису ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => 'Заголовок пакета може бути лише першим рядком',
    'csv.no-header': (p) =>
      p.type === null
        ? 'Перший рядок — не заголовок зі стовпцями PHX (наприклад, id, indicator, period.start), тому тип записів невідомий; додайте рядок заголовка'
        : `Перший рядок — не заголовок зі стовпцями записів типу ${words.quote(words.records[p.type])}; додайте рядок заголовка`,
    'csv.no-rows': () => 'У файлі є рядок заголовка, але немає рядків із даними',
    'csv.unclosed-quote': (p) => `У стовпці ${p.column} відкрито лапки ("), але не закрито, тому всю решту файлу прочитано в цю одну клітинку, починаючи з «${p.value}»: закрийте лапки або видаліть їх`,
    'csv.text-after-quote': (p) => `Клітинка в стовпці ${p.column} починається з лапок ("), але після закривальних лапок у ній є ще текст (${p.value}), тому наступні клітинки й рядки могли бути прочитані в цю одну клітинку: подвойте лапки всередині клітинки ("") або видаліть їх`,
    'schema.invalid-type': (p) => {
      const found = typeof p.value === 'string' ? `текст «${p.value}»` : p.value === undefined || p.value === null ? (words.kinds[p.received ?? ''] ?? 'інше') : shown(words, p);
      const unquote = typeof p.value === 'string' && (p.expected === 'number' || p.expected === 'int') && p.value.trim() !== '' && !Number.isNaN(Number(p.value)) ? ': напишіть число без лапок' : '';
      const cell = sheetCell(p);
      if (cell) return `Стовпець ${words.quote(cell.sheet.column ?? '')}: очікується ${p.expected === 'boolean' ? 'ІСТИНА або ХИБНІСТЬ (або так/ні)' : (words.kinds[p.expected ?? ''] ?? 'інше')}, а зазначено ${found}${cell.hint ? sheetHints[cell.hint](cell.sheet, cell.empty) : ''}`;
      return `${subject(words, p, 'значення')}: очікується ${words.kinds[p.expected ?? ''] ?? 'інше'}, а зазначено ${found}${unquote}`;
    },
    'schema.required': (p) =>
      p.column === undefined && p.sheet?.column !== undefined
        ? `Порожня клітинка в обов’язковому стовпці ${words.quote(p.sheet.column)}: ${p.sheet.merged === undefined ? 'заповніть її' : `вона належить до об’єднаних клітинок ${p.sheet.merged}, а об’єднання зберігає значення лише в першій клітинці, ${p.sheet.merged.split(':')[0]}. Скасуйте об’єднання й заповніть кожну клітинку`}`
        : p.column === undefined
        ? `Не заповнено обов’язкове поле: ${fieldNamed(words, p, 'поле')} («${keyOf(p.field)}»)`
        : `У рядку заголовків немає стовпця ${words.quote(p.column)} (${fieldNamed(words, p, 'поле')}): додайте цей стовпець`,
    'schema.unknown-field': (p) => `«${p.keys[0]}» — не поле PHX у цьому місці: перевірте написання або перенесіть свої дані в "extensions"${p.hidden ? '. Стовпець приховано в Excel: щоб побачити його, виділіть сусідні стовпці й виберіть «Показати»' : ''}`,
    'schema.invalid-value': (p) => {
      const allowed = (p.values ?? []).map(String);
      if (allowed.length === 1) return `${subject(words, p, 'значення')}: має бути «${allowed[0]}», а зазначено ${shown(words, p)}`;
      if (p.form) return `${subject(words, p, 'значення')}: ${shown(words, p)} — не ${formAsked(words, p)}`;
      const list = allowed.length > 0 && allowed.length <= 8 ? `: ${alternatives(allowed, 'uk', words.quote)}` : '';
      return `${subject(words, p, 'значення')}: ${shown(words, p)} — не з допустимих тут кодів${list}`;
    },
    'schema.invalid-format': (p) =>
      p.value === ''
        ? `${subject(words, p, 'текст')}: порожньо`
        : p.form === 'text'
          ? `${subject(words, p, 'текст')}: лише пробіли`
          : p.fullYears
            ? `${subject(words, p, 'значення')}: ${shown(words, p)} — рік записано двома цифрами: запишіть його повністю, ${p.fullYears[0]} або ${p.fullYears[1]}, залежно від того, який рік мали на увазі`
            : p.lacks
              ? `${subject(words, p, 'значення')}: ${shown(words, p)} — ${p.lacks === 'offset' ? 'без зсуву від UTC: додайте зсув' : 'лише дата: додайте час і зсув від UTC'} місця на ту дату або Z для часу за UTC, наприклад ${completedDateTime(p)}`
              : `${subject(words, p, 'значення')}: ${shown(words, p)} — ${p.form ? `не ${formAsked(words, p)}` : 'записано не в тому вигляді, який потрібен цьому полю'}`,
    'schema.too-small': (p) => {
      const min = p.minimum ?? 1;
      if (p.origin === 'string') return `${subject(words, p, 'текст')}: порожньо`;
      if (p.origin === 'array') return `${subject(words, p, 'список')}: ${min === 1 ? 'потрібен хоча б один запис' : `потрібно записів: щонайменше ${words.count(min)}`}`;
      if (p.origin === 'object') return `${subject(words, p, 'текст')}: потрібен текст хоча б однією мовою, наприклад {"uk": "…"}`;
      return `${subject(words, p, 'значення')}: має бути ${p.inclusive === false ? 'більше за' : 'не менше ніж'} ${words.number(min)}, а зазначено ${shown(words, p)}`;
    },
    'schema.too-big': (p) => {
      const max = p.maximum ?? 0;
      if (p.origin === 'string') return `${subject(words, p, 'текст')}: довше за ${words.count(max)} символів — скоротіть текст`;
      if (p.origin === 'array') return `${subject(words, p, 'список')}: записів більше за ${words.count(max)}`;
      return `${subject(words, p, 'значення')}: має бути ${p.inclusive === false ? 'менше за' : 'не більше ніж'} ${words.number(max)}, а зазначено ${shown(words, p)}`;
    },
    'schema.invalid-key': (p) => `${subject(words, p, 'ключ')}: ${shown(words, p)} — ${p.form ? `не ${formAsked(words, p)}` : 'неприпустимий ключ'}`,
    'schema.invalid-union': (p) =>
      `${subject(words, p, 'значення')}: ${shown(words, p)} — ${p.form ? `не ${formAsked(words, p)}` : 'не відповідає жодній із допустимих форм'}`,
    'unique.duplicate-id': (p) => `Повторюваний ідентифікатор «${p.id}» (${words.records[p.recordType]}; уперше: ${placeOf(words, p.first)})`,
    'unique.duplicate-breakdown': (p) =>
      `Друге спостереження тієї самої категорії (${categories(words, p.categories) || 'загальний підсумок'}) того самого індикатора, охоплення, періоду та джерела даних (уперше: ${placeOf(words, p.first)})`,
    'ref.unknown-organisation': (p) => `У пакеті немає організації з ідентифікатором «${p.id}»${p.isPublisher ? ': видавець пакета теж має бути серед його організацій' : ''}`,
    'ref.unknown-facility': (p) => `У пакеті немає установи з ідентифікатором «${p.id}»`,
    'ref.unknown-indicator': (p) => `Індикатора «${p.code}» немає ні в каталозі, ні в пакеті`,
    'ref.country-mismatch': (p) => `Установа «${p.facility}» розташована в ${p.facilityCountry}, а в спостереженні зазначено ${p.country}`,
    'indicator.unit-mismatch': (p) => `Одиниця «${p.unit}» не збігається з одиницею індикатора «${p.indicator}» («${p.expected}»)`,
    'observation.value-missing': (p) => (p.sheet ? `Немає значення: заповніть стовпець ${words.quote(p.sheet.value ?? 'value')} або поставте ${flagged(p.sheet)}` : 'Немає значення: зазначте "value" або позначте спостереження як "suppressed"'),
    'observation.denominator-missing': (p) => `Для індикатора «${p.indicator}» крім чисельника потрібен знаменник`,
    'arith.numerator-exceeds-denominator': (p) => `Чисельник ${words.number(p.numerator)} більший за знаменник ${words.number(p.denominator)}`,
    'arith.zero-denominator': () => 'Знаменник дорівнює 0',
    'arith.value-mismatch': (p) => `Значення ${words.number(p.value)} не узгоджується з чисельником і знаменником (очікувалося ${words.number(p.expected)})`,
    'arith.percent-out-of-range': (p) => `Відсоток ${words.number(p.value)} поза межами 0–100`,
    'arith.count-not-integer': (p) =>
      `${capitalised(words.fields[p.field])} ${words.number(p.value)} — не ціле число: ${p.field === 'value' ? 'цей індикатор — кількість, тож запишіть саму кількість; частка чи середнє — це інший індикатор' : 'запишіть саму кількість, цілим числом; частка чи коефіцієнт записуються у значення'}`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `Межі довірчого інтервалу ${words.number(p.lower)}–${words.number(p.upper)} переплутано` : `Значення ${words.number(p.value)} поза довірчим інтервалом ${words.number(p.lower)}–${words.number(p.upper)}`,
    'arith.confidence-level-fraction': (p) => `Рівень довіри ${words.number(p.level)}: рівень зазначається у відсотках, тож це інтервал ${words.number(p.level)} %; для ${words.number(p.percent)} % зазначте ${words.number(p.percent)}`,
    'period.start-after-end': (p) => `Період починається (${p.start}) після свого завершення (${p.end})`,
    'period.in-future': (p) => `Період закінчується в майбутньому (${p.end}; сьогодні ${p.today})`,
    'meeting.end-before-start': (p) => `Зустріч закінчується (${p.end}) раніше, ніж починається (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Строк виконання доручення ${p.due} — раніше за зустріч (${p.meetingStart})`,
    'disagg.not-allowed': (p) =>
      p.allowed.length === 0
        ? `Індикатор «${p.indicator}» не розбивають за жодною ознакою: залиште поле ${dimension(p.dimension)} порожнім і дайте значення для всіх разом`
        : `Індикатор «${p.indicator}» не можна розбивати за ознакою ${dimension(p.dimension)}, лише за ${p.allowed.length === 1 ? 'ознакою' : 'ознаками'} ${listed(p.allowed.map(dimension), 'і')}: залиште поле ${dimension(p.dimension)} порожнім`,
    'disagg.exceeds-total': (p) =>
      `${p.field === 'denominator' ? 'Знаменники' : 'Чисельники'} за ознакою ${dimension(p.dimension)} у сумі дають ${words.number(p.sum)}, більше за загальний підсумок ${words.number(p.total)}`,
    'disagg.below-total': (p) =>
      `${p.field === 'denominator' ? 'Знаменники' : 'Чисельники'} за ознакою ${dimension(p.dimension)} у сумі дають ${words.number(p.sum)}, менше за загальний підсумок ${words.number(p.total)}: чи не пропущено категорію?`,
    'package.placeholder': (p) => `«${p.value}» — заповнювач із шаблону пакета: замініть його своїм значенням`,
    'package.unknown-licence': (p) => `Ліцензія «${p.value}» — не відомий PHX ідентифікатор SPDX ліцензії для даних, як-от CC-BY-4.0, CC0-1.0 чи ODbL-1.0: перевірте його на https://spdx.org/licenses/ або вкажіть вебадресу ліцензії`,
    'privacy.small-cell': (p) =>
      p.count !== undefined
        ? `Значення ${words.number(p.value)} при знаменнику ${words.number(p.denominator)} дає кількість ${words.number(p.count)}, менше за поріг приховування ${words.number(p.threshold)}: ${p.sheet ? `поставте ${flagged(p.sheet)} і залиште цю клітинку порожньою` : 'позначте спостереження як "suppressed" і не зазначайте значення'}`
        : `${capitalised(words.fields[p.field])} ${words.number(p.value)} — це менше за поріг приховування ${words.number(p.threshold)}: ${p.sheet ? p.field === 'numerator' ? `поставте ${flagged(p.sheet)} і залиште порожніми цю клітинку та клітинку в стовпці ${words.quote(p.sheet.value ?? 'value')}` : `поставте ${flagged(p.sheet)} і залиште цю клітинку порожньою` : p.field === 'numerator' ? 'позначте спостереження як "suppressed" і не зазначайте ні чисельник, ні значення' : 'позначте спостереження як "suppressed" і не зазначайте число'}`,
    'privacy.suppressed-value-present': (p) =>
      p.sheet
        ? `У рядку стоїть ${flagged(p.sheet)}, але клітинку в стовпці ${words.quote(p.sheet.column ?? p.field)} заповнено: залиште її порожньою, щоб приховане число не потрапило в дані`
        : `Спостереження приховано, але поле ${words.quote(words.fields[p.field])} досі заповнено: вилучіть "${p.field}", щоб приховане число не потрапило в дані`,
    'privacy.complementary-disclosure': (p) =>
      `Це приховане число можна обчислити з показаних чисел (${figures(words, p.figures, 'загальний підсумок')}), що складаються ${p.dimension.includes(', ') ? `за ознаками ${p.dimension.split(', ').map(dimension).join(' і ')}` : `за ознакою ${dimension(p.dimension)}`}${p.denominators ? `, адже жодне число не менше за 0 і не більше за свій знаменник (${figures(words, p.denominators, 'загальний підсумок')})` : ''}: приховайте ще одне з них`,
    'privacy.personal-data': (p) => `Схоже, текст містить ${kinds[p.kind]}; не передавайте персональні дані`,
    'text.nul-character': (p) => `У тексті є невидимий символ U+0000 (NUL) — ${words.count(p.position)}-й символ тексту: у даних PHX його бути не може, його не зберігають ні бази даних, ні Excel. Видаліть його`,
    'sheet.unreadable': () => 'Файл не є книгою Excel (.xlsx), яку можна прочитати; збережіть його знову у форматі .xlsx',
    'sheet.unknown-sheet': (p) => `Аркуш «${p.sheet}» не містить записів PHX: його стовпці не називають полів жодного типу записів; назвіть аркуш за його записами або видаліть його`,
    'sheet.date-order-unknown': (p) => `Стовпець ${columnSeen(words, p.column, p)}: дати на кшталт ${p.example} читаються і як день/місяць, і як місяць/день, і жодна клітинка не підказує порядок; укажіть порядок дат (day-month або month-day) або запишіть дати як рік-місяць-день, наприклад 2020-04-01`,
    'sheet.cell-beyond-header': (p) => `Клітинка «${p.value}» у стовпці ${p.letter ?? words.number(p.column)} без заголовка: дайте стовпцю заголовок PHX або видаліть клітинку`,
    'sheet.column-path-missing': (p) =>
      `У рядку ${p.row} немає шляху поля для стовпця ${columnSeen(words, p.column, p)}, тому його прочитано як ${words.quote(p.column)} — поле, яке називає його заголовок: введіть ${words.quote(p.column)} ${p.letter ? `у клітинку ${p.letter}${p.row}` : `у рядок ${p.row} цього стовпця`} або скопіюйте рядок ${p.row} з нового шаблону`,
    'sheet.column-not-read': (p) =>
      `Стовпець ${columnSeen(words, p.column, p)} — не поле PHX, тому його клітинки не потрапляють у дані: ${p.notes ? `щоб зберегти їх, перенесіть їх у стовпець ${columnSeen(words, p.notes.column, p.notes)}; інакше видаліть стовпець` : 'у цих записів немає для них поля; видаліть стовпець або збережіть їх в окремому файлі'}${p.hidden ? '. Стовпець приховано в Excel: щоб побачити його, виділіть сусідні стовпці й виберіть «Показати»' : ''}`,
    'sheet.repeated-column': (p) => `Стовпець ${columnSeen(words, p.column, p)} повторює стовпець ${p.firstLetter ?? words.number(p.first)}: поле має один стовпець, тому цей не прочитано; видаліть його або перейменуйте`,
    'sheet.merged-header': (p) =>
      `Клітинку заголовка ${p.cell} (${words.quote(p.value)}) об’єднано на стовпці ${p.first}–${p.last}, тому прочитано лише стовпець ${p.first}: кожен стовпець має мати власний заголовок. Скасуйте об’єднання клітинок і дайте кожному стовпцю власний шлях поля або заголовок${p.missing.length > 0 ? `; у рядку заголовків бракує ${p.missing.map(words.quote).join(', ')}` : ''}`,
    'sheet.formula-without-result': (p) => `У клітинці формула «${p.formula}», але немає її результату: файл збережено програмою, яка не обчислює формул. Відкрийте файл в Excel і збережіть його знову або введіть значення`,
    'sheet.second-header': (p) => `Заголовок пакета — перший рядок значень на аркуші «${p.sheet}»: цей рядок — другий заголовок, і його не прочитано; перенесіть його значення в той рядок або видаліть його`,
    'sheet.error-cell': (p) => `У клітинці помилка Excel ${p.value}, а не значення: виправте формулу, що її дає, або введіть значення`,
    'sheet.date-for-number': (p) => {
      const { day, month, year, typed, withComma } = typedAsDate(p.date);
      // A date of a CSV file, as the text Excel showed (`07.тра`); else the date of a workbook's cell.
      const [date, short] = p.text === undefined ? [`${day}.${month}.${year}`, `${day}.${month}`] : [p.text, p.text];
      return `Тут дата (${date}), а очікується число: Excel перетворює на дату число, введене з крапкою (${typed} — на ${short}). Задайте клітинці формат «Числовий» і введіть число знову з десятковою комою: ${withComma}`;
    },
    'sheet.percent-unit-mismatch': (p) =>
      `У клітинці ${percentShown(words, p.value)} — це відсоток, але ${p.unit === null ? 'одиницю в рядку не вказано' : `одиниця рядка — ${words.quote(p.unit)}`}: якщо значення у відсотках, укажіть одиницю ${words.quote('percent')}; інакше запишіть його без знака %`,
    'sheet.hidden-skipped': (p) => `Аркуш «${p.sheet}» приховано, тому його не прочитано: нічого з нього немає в пакеті. Якщо його записи мають бути в пакеті, покажіть аркуш в Excel (дуже прихований — з редактора Visual Basic) і збережіть файл; інакше видаліть аркуш`,
    'sheet.hidden-read': (p) =>
      `На аркуші «${p.sheet}» ${hiddenOf(words, p, ['рядок', 'рядки'], ['стовпець', 'стовпці'], 'і', (n) => `і ще ${words.count(n)}`).list} приховано в Excel, але все одно прочитано: приховані рядки й стовпці Excel теж зберігає в CSV. Щоб приховане не потрапило в пакет, видаліть його або перенесіть на інший аркуш і приховайте той аркуш: прихований аркуш не читається`,
    'sheet.normalised': (p) =>
      `Стовпець ${columnSeen(words, p.column, p)}: прочитано ${words.count(p.cells)} ${slavicPlural(p.cells, 'клітинку', 'клітинки', 'клітинок')} з урахуванням таких форм запису: ${formsOf(p.forms)}`,
    'sheet.ambiguous-thousands': (p) => {
      const more = p.cells > 1 ? ` (і ще ${words.count(p.cells - 1)} ${slavicPlural(p.cells - 1, 'така клітинка', 'такі клітинки', 'таких клітинок')})` : '';
      return `Стовпець ${columnSeen(words, p.column, p)}: ${p.text}${more} прочитано як ${words.number(p.value)} — крапку сприйнято як роздільник тисяч, як пише Excel іспанською. Якщо крапка тут — десятковий знак, введіть ${p.text.replace('.', ',')}; якщо число справді ${words.number(p.value)}, введіть його без крапки: ${p.text.replace('.', '')}`;
    },
    'codelist.unknown-code': (p) => `«${p.value}» — невідомий код для поля ${words.quote(words.fields[fieldOfList[p.codelist] ?? 'focusAreas'])}`,
  },
};
