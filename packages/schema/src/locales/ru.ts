import zodRu from 'zod/v4/locales/ru.js';
import type { FileFormat } from '../file/format.js';
import type { OtherSystemFormat } from '../file/other-systems.js';
import { alternatives } from './alternatives.js';
import { amountsIn, capitalised, categories, columnSeen, completedDateTime, decimalComma, fieldNamed, fieldOfList, figures, formAsked, formList, hiddenOf, keyOf, listed, percentShown, placeOf, sheetCell, shown, slavicPlural, subject, typedAsDate, type Words } from './phrases.js';
import type { SheetNames } from '../validate/params.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'адрес электронной почты', phone: 'номер телефона', 'date-of-birth': 'дату рождения', name: 'имя человека', address: 'домашний адрес', identifier: 'номер осуждённого, дела или документа' } as const;
const encodings = { 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1251': 'Windows-1251 (кириллица)', 'windows-1252': 'Windows-1252 (западноевропейская)' } as const;
const formats: Record<FileFormat, string> = {
  json: 'JSON', ndjson: 'NDJSON', csv: 'CSV', xlsx: 'книга Excel (.xlsx)', xls: 'книга Excel 97–2003 (.xls)', 'encrypted-xlsx': 'книга Excel, защищённая паролем', ods: 'таблица OpenDocument (.ods)',
  docx: 'документ Word (.docx)', pdf: 'документ PDF', zip: 'архив zip', gzip: 'архив gzip', html: 'веб-страница (HTML)',
};
const otherSystems: Record<OtherSystemFormat, string> = {
  fhir: 'ресурс FHIR Bundle', dhis2: 'набор значений данных DHIS2 (JSON)', 'dhis2-csv': 'файл значений данных DHIS2 в формате CSV', 'sdmx-csv': 'файл SDMX-CSV',
  'sdmx-json': 'сообщение с данными SDMX-JSON', 'sdmx-structure': 'описание структуры SDMX',
};

const forms: Record<string, string> = {
  'decimal-comma': 'десятичные запятые', 'thousands-separator': 'разделители разрядов', 'percent-sign': 'знаки %',
  'boolean-word': 'ИСТИНА/ЛОЖЬ', 'excel-serial': 'порядковые номера дней Excel', 'yes-no-word': 'да/нет', 'time-dropped': 'время суток (отброшено: столбец содержит дни)', 'read-as-utc': 'время, прочитанное как UTC', 'midnight-utc': 'даты без времени, прочитанные как полночь по UTC',
};
const formsOf = (list: string[]): string => formList(list, forms, (said) => `слова ${said}`, (dates) => `даты в формате ${dates}`, 'и');
const words: Words = {
  fields: {
    $schema: 'ссылка на схему', phxVersion: 'версия PHX', id: 'идентификатор', publisher: 'издатель', 'publisher.id': 'идентификатор издателя',
    'publisher.name': 'название издателя', name: 'название', license: 'лицензия', publishedAt: 'дата и время публикации', description: 'описание',
    extensions: 'расширения', organisations: 'организации', facilities: 'учреждения', indicators: 'индикаторы', observations: 'наблюдения',
    meetings: 'встречи', acronym: 'сокращённое название', organisationType: 'тип организации', countries: 'страны работы', regions: 'регионы',
    focusAreas: 'направления работы', populations: 'целевые группы', website: 'веб-сайт', email: 'адрес электронной почты', memberSince: 'член сети с',
    languages: 'языки', country: 'страна', subnationalArea: 'регион страны', facilityType: 'тип учреждения', capacity: 'вместимость',
    population: 'группа населения', 'facilities.population': 'численность содержащихся', 'population.count': 'число содержащихся',
    'population.date': 'дата подсчёта', operator: 'оператор', code: 'код индикатора', unit: 'единица', calculation: 'способ расчёта',
    numerator: 'числитель', denominator: 'знаменатель', disaggregations: 'допустимые разбивки', framework: 'система индикаторов', reference: 'источник',
    interventions: 'вмешательства', frequency: 'периодичность отчётности', indicator: 'индикатор', reportingOrganisation: 'отчитывающаяся организация',
    scope: 'охват', facility: 'учреждение', period: 'период', start: 'начало', end: 'окончание', 'period.start': 'начало периода',
    'period.end': 'конец периода', 'meetings.start': 'начало встречи', 'meetings.end': 'окончание встречи', disaggregation: 'разбивка',
    sex: 'пол', ageGroup: 'возрастная группа', value: 'значение', dataSource: 'источник данных', methodNote: 'методика',
    confidenceInterval: 'доверительный интервал', lower: 'нижняя граница', upper: 'верхняя граница', level: 'уровень доверия', suppressed: 'скрыто',
    notes: 'примечания', title: 'заголовок', format: 'формат встречи', location: 'место', city: 'город', organiser: 'организатор',
    participants: 'участники', organisation: 'организация', representatives: 'число представителей', roles: 'роли', agenda: 'повестка дня',
    presentations: 'выступления', topic: 'тема', achievements: 'достижения', issuesRaised: 'поднятые вопросы', issuesIdentified: 'выявленные проблемы',
    theme: 'тема', decisions: 'решения', text: 'текст', actionItems: 'поручения', owner: 'ответственный', due: 'срок', status: 'статус',
    documents: 'документы', url: 'веб-адрес', language: 'язык', type: 'тип', 'documents.type': 'тип документа', count: 'число', date: 'дата',
  },
  records: { package: 'пакет', organisation: 'организация', facility: 'учреждение', indicator: 'индикатор', observation: 'наблюдение', meeting: 'встреча' },
  forms: {
    date: 'дата в виде год-месяц-день, например 2023-01-31',
    'calendar-day': 'существующий день: в этом месяце меньше дней',
    'four-digit-year': 'дата с годом из четырёх цифр, например 2020-12-31',
    'date-time': 'дата и время со смещением от UTC, например 2020-10-28T13:00:00+01:00',
    url: 'веб-адрес, начинающийся с https://, например https://example.org/report.pdf',
    email: 'адрес электронной почты, например info@example.org',
    'organisation-id': 'идентификатор организации: префикс реестра и номер через дефис, например {id} (PHX-ORG-0001, если организации нет в реестре)',
    'record-id': 'идентификатор длиной до 128 символов из латинских букв (A–Z, a–z), цифр и знаков . _ : -, начинающийся с буквы или цифры, например {id}',
    code: 'код из строчных латинских букв и цифр через дефис',
    'indicator-code': 'код из строчных латинских букв и цифр через дефис, например hiv-prevalence-prisoners',
    country: 'код страны по ISO 3166-1: две заглавные латинские буквы, например UA или ZM',
    'language-tag': 'код языка, например en, ru или pt-BR',
    licence: 'идентификатор лицензии, например CC-BY-4.0, или веб-адрес лицензии',
    'extension-key': 'веб-адрес расширения, например https://example.org/phx/prison-wings',
    text: 'текст',
  },
  kinds: {
    string: 'текст', number: 'число, например 12', int: 'целое число, например 12', boolean: 'true или false', object: 'группа полей в { }',
    record: 'группа полей в { }', array: 'список в [ ]', null: 'null', undefined: 'ничего', nan: 'не число',
  },
  entry: (index) => `запись ${index}`,
  line: (line) => `строка ${line}`,
  row: 'строка',
  sheet: 'лист',
  file: 'файл',
  quote: (text) => `«${text}»`,
  spaces: { start: '(в начале пробел)', end: '(в конце пробел)', both: '(пробелы в начале и в конце)' },
  number: decimalComma,
  ...amountsIn('ru'),
};

/** The field of a breakdown's dimension, quoted. */
const dimension = (name: string): string => words.quote(words.fields[name as 'sex'] ?? name);

/** In a sheet (see SheetNames): ИСТИНА in its column of the flag, and the hints of a cell its column does not read (see sheetCell()). */
const flagged = (sheet: SheetNames): string => `ИСТИНА в столбце ${words.quote(sheet.suppressed ?? 'suppressed')}`;
const sheetHints = {
  small: (sheet: SheetNames, empty: string | undefined): string => `: чтобы скрыть малое число, поставьте ${flagged(sheet)} и оставьте пустой ячейку в столбце ${words.quote(empty ?? 'value')}`,
  digit: (): string => ': 1 и 0 не читаются как отметка; напишите ИСТИНА вместо 1 и ЛОЖЬ вместо 0',
  mark: (): string => ': такая отметка не читается; напишите ИСТИНА там, где наблюдение скрыто, а где нет — оставьте ячейку пустой',
  none: (): string => ': если числа нет, оставьте ячейку пустой',
};

/** Russian messages. */
export const ru: PhxLocale = {
  tag: 'ru',
  zod: zodRu,
  fields: words.fields,
  suggestion: (values) => `; возможно, вы имели в виду ${alternatives(values, 'ru', words.quote)}?`,
  named: (value, type, id) => `${words.quote(value)} — название ${type === 'facility' ? 'учреждения' : 'организации'} ${words.quote(id)}: укажите вместо него идентификатор`,
  messages: {
    'file.empty': (p) => (p.blank ? 'В файле только пустые строки и пробелы: данных в нём нет' : 'Файл пуст'),
    'file.unsupported-format': (p) =>
      p.format === 'html'
        ? `Это ${formats.html}, а не книга Excel; откройте её в Excel и сохраните как книгу Excel (.xlsx)`
        : p.format === 'encrypted-xlsx'
        ? `Это ${formats[p.format]}, и PHX не может её открыть; снимите пароль (в Excel: Файл › Сведения › Защита книги › Зашифровать с использованием пароля, и сотрите его) и сохраните книгу заново`
        : `Это ${formats[p.format]}, а PHX такие файлы не читает; сохраните данные как книгу Excel (.xlsx), «CSV UTF-8», .phx.json или .phx.ndjson`,
    'file.other-system': (p) =>
      p.format === 'sdmx-json' || p.format === 'sdmx-structure'
        ? `Это ${otherSystems[p.format]}, а не данные PHX, и PHX такие файлы не читает: phx import --from sdmx-csv читает файл SDMX-CSV (.sdmx.csv) с этими данными`
        : `Это ${otherSystems[p.format]}, а не данные PHX: phx import --from ${p.format} преобразует его в пакет PHX`,
    'file.too-large': (p) => `Файл больше ${words.size(p.maxBytes)} — слишком велик, чтобы прочитать его целиком; разделите его или сохраните как .phx.ndjson: такой файл читается потоком`,
    'file.too-large-for-memory': (p) =>
      p.format === 'json'
        ? `Число значений в файле — около ${words.count(p.values)}: для его чтения целиком нужно около ${words.size(p.neededBytes)} памяти, больше доступных ${words.size(p.availableBytes)}; разделите его на пакеты меньшего размера`
        : p.format === 'csv'
        ? `Число ячеек в файле CSV — около ${words.count(p.cells)}: для его чтения нужно около ${words.size(p.neededBytes)} памяти, больше доступных ${words.size(p.availableBytes)}; разделите его на файлы с меньшим числом строк`
        : `Число ячеек в книге — ${words.count(p.cells)}: для её чтения нужно около ${words.size(p.neededBytes)} памяти, больше доступных ${words.size(p.availableBytes)}; сохраните каждый лист как CSV UTF-8 (такой файл читается с гораздо меньшими затратами памяти) или разделите книгу`,
    'syntax.invalid-json': (p) => (p.token === null ? 'Недопустимый JSON: текст обрывается' : `Недопустимый JSON: неожиданный символ ${JSON.stringify(p.token)}`),
    'syntax.too-deep': (p) => `Вложенность глубже ${words.count(p.maxDepth)} уровней`,
    'syntax.duplicate-key': (p) =>
      `Ключ ${words.quote(p.key)} записан ещё раз (впервые — в строке ${p.firstLine}): читается только последний, а содержимое предыдущего теряется; объедините их в один`,
    'syntax.invalid-encoding': (p) =>
      p.encoding === null
        ? 'Файл не в кодировке UTF-8; сохраните его в UTF-8'
        : `Файл не в кодировке UTF-8, а в ${encodings[p.encoding]}; сохраните его в UTF-8 (в Excel: «CSV UTF-8») или как книгу Excel (.xlsx)`,
    'syntax.encoding-mismatch': (p) =>
      `Файл прочитан в кодировке ${encodings[p.encoding]}, как указано, но, похоже, записан в ${encodings[p.looksLike]}, где «${p.read}» — это «${p.meant}»: прочитайте его так, иначе названия будут искажены`,
    'syntax.line-too-long': (p) => `Строка длиннее ${words.size(p.maxBytes)}; пропущена`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'В строке нет поля "type"' : `Неизвестный тип записи ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => 'Заголовок пакета может быть только первой строкой',
    'csv.no-header': (p) =>
      p.type === null
        ? 'Первая строка — не заголовок со столбцами PHX (например, id, indicator, period.start), поэтому тип записей неизвестен; добавьте строку заголовка'
        : `Первая строка — не заголовок со столбцами записей типа ${words.quote(words.records[p.type])}; добавьте строку заголовка`,
    'csv.no-rows': () => 'В файле есть строка заголовка, но нет строк с данными',
    'csv.unclosed-quote': (p) => `В столбце ${p.column} открыта кавычка ("), но не закрыта, поэтому весь остаток файла прочитан в эту одну ячейку, начиная с «${p.value}»: закройте кавычку или удалите её`,
    'csv.text-after-quote': (p) => `Ячейка в столбце ${p.column} начинается с кавычки ("), но после закрывающей кавычки в ней есть ещё текст (${p.value}), поэтому следующие ячейки и строки могли быть прочитаны в эту одну ячейку: удвойте кавычки внутри ячейки ("") или удалите их`,
    'schema.invalid-type': (p) => {
      const found = typeof p.value === 'string' ? `текст «${p.value}»` : p.value === undefined || p.value === null ? (words.kinds[p.received ?? ''] ?? 'другое') : shown(words, p);
      const unquote = typeof p.value === 'string' && (p.expected === 'number' || p.expected === 'int') && p.value.trim() !== '' && !Number.isNaN(Number(p.value)) ? ': напишите число без кавычек' : '';
      const cell = sheetCell(p);
      if (cell) return `Столбец ${words.quote(cell.sheet.column ?? '')}: ожидается ${p.expected === 'boolean' ? 'ИСТИНА или ЛОЖЬ (или да/нет)' : (words.kinds[p.expected ?? ''] ?? 'другое')}, а указано ${found}${cell.hint ? sheetHints[cell.hint](cell.sheet, cell.empty) : ''}`;
      return `${subject(words, p, 'значение')}: ожидается ${words.kinds[p.expected ?? ''] ?? 'другое'}, а указано ${found}${unquote}`;
    },
    'schema.required': (p) =>
      p.column === undefined && p.sheet?.column !== undefined
        ? `Пустая ячейка в обязательном столбце ${words.quote(p.sheet.column)}: ${p.sheet.merged === undefined ? 'заполните её' : `она входит в объединённые ячейки ${p.sheet.merged}, а объединение хранит значение только в первой ячейке, ${p.sheet.merged.split(':')[0]}. Отмените объединение и заполните каждую ячейку`}`
        : p.column === undefined
        ? `Не заполнено обязательное поле: ${fieldNamed(words, p, 'поле')} («${keyOf(p.field)}»)`
        : `В строке заголовков нет столбца ${words.quote(p.column)} (${fieldNamed(words, p, 'поле')}): добавьте этот столбец`,
    'schema.unknown-field': (p) => `«${p.keys[0]}» — не поле PHX в этом месте: проверьте написание или перенесите свои данные в "extensions"${p.hidden ? '. Столбец скрыт в Excel: чтобы увидеть его, выделите соседние столбцы и выберите «Показать»' : ''}`,
    'schema.invalid-value': (p) => {
      const allowed = (p.values ?? []).map(String);
      if (allowed.length === 1) return `${subject(words, p, 'значение')}: должно быть «${allowed[0]}», а указано ${shown(words, p)}`;
      if (p.form) return `${subject(words, p, 'значение')}: ${shown(words, p)} — не ${formAsked(words, p)}`;
      const list = allowed.length > 0 && allowed.length <= 8 ? `: ${alternatives(allowed, 'ru', words.quote)}` : '';
      return `${subject(words, p, 'значение')}: ${shown(words, p)} — не из допустимых здесь кодов${list}`;
    },
    'schema.invalid-format': (p) =>
      p.value === ''
        ? `${subject(words, p, 'текст')}: пусто`
        : p.form === 'text'
          ? `${subject(words, p, 'текст')}: только пробелы`
          : p.fullYears
            ? `${subject(words, p, 'значение')}: ${shown(words, p)} — год записан двумя цифрами: запишите его полностью, ${p.fullYears[0]} или ${p.fullYears[1]}, в зависимости от того, какой год имеется в виду`
            : p.lacks
              ? `${subject(words, p, 'значение')}: ${shown(words, p)} — ${p.lacks === 'offset' ? 'без смещения от UTC: добавьте смещение' : 'только дата: добавьте время и смещение от UTC'} места на эту дату или Z для времени по UTC, например ${completedDateTime(p)}`
              : `${subject(words, p, 'значение')}: ${shown(words, p)} — ${p.form ? `не ${formAsked(words, p)}` : 'записано не в том виде, который нужен этому полю'}`,
    'schema.too-small': (p) => {
      const min = p.minimum ?? 1;
      if (p.origin === 'string') return `${subject(words, p, 'текст')}: пусто`;
      if (p.origin === 'array') return `${subject(words, p, 'список')}: ${min === 1 ? 'нужна хотя бы одна запись' : `нужно записей: не меньше ${words.count(min)}`}`;
      if (p.origin === 'object') return `${subject(words, p, 'текст')}: нужен текст хотя бы на одном языке, например {"ru": "…"}`;
      return `${subject(words, p, 'значение')}: должно быть ${p.inclusive === false ? 'больше' : 'не меньше'} ${words.number(min)}, а указано ${shown(words, p)}`;
    },
    'schema.too-big': (p) => {
      const max = p.maximum ?? 0;
      if (p.origin === 'string') return `${subject(words, p, 'текст')}: длиннее ${words.count(max)} символов — сократите текст`;
      if (p.origin === 'array') return `${subject(words, p, 'список')}: записей больше ${words.count(max)}`;
      return `${subject(words, p, 'значение')}: должно быть ${p.inclusive === false ? 'меньше' : 'не больше'} ${words.number(max)}, а указано ${shown(words, p)}`;
    },
    'schema.invalid-key': (p) => `${subject(words, p, 'ключ')}: ${shown(words, p)} — ${p.form ? `не ${formAsked(words, p)}` : 'недопустимый ключ'}`,
    'schema.invalid-union': (p) =>
      `${subject(words, p, 'значение')}: ${shown(words, p)} — ${p.form ? `не ${formAsked(words, p)}` : 'не подходит ни под одну из допустимых форм'}`,
    'unique.duplicate-id': (p) => `Повторяющийся идентификатор «${p.id}» (${words.records[p.recordType]}; впервые: ${placeOf(words, p.first)})`,
    'unique.duplicate-breakdown': (p) =>
      `Второе наблюдение той же категории (${categories(words, p.categories) || 'общий итог'}) того же индикатора, охвата, периода и источника данных (впервые: ${placeOf(words, p.first)})`,
    'ref.unknown-organisation': (p) => `В пакете нет организации с идентификатором «${p.id}»${p.isPublisher ? ': издатель пакета тоже должен быть среди его организаций' : ''}`,
    'ref.unknown-facility': (p) => `В пакете нет учреждения с идентификатором «${p.id}»`,
    'ref.unknown-indicator': (p) => `Индикатора «${p.code}» нет ни в каталоге, ни в пакете`,
    'ref.country-mismatch': (p) => `Учреждение «${p.facility}» находится в ${p.facilityCountry}, а в наблюдении указано ${p.country}`,
    'indicator.unit-mismatch': (p) => `Единица «${p.unit}» не совпадает с единицей индикатора «${p.indicator}» («${p.expected}»)`,
    'observation.value-missing': (p) => (p.sheet ? `Нет значения: заполните столбец ${words.quote(p.sheet.value ?? 'value')} или поставьте ${flagged(p.sheet)}` : 'Нет значения: укажите "value" или отметьте наблюдение как "suppressed"'),
    'observation.denominator-missing': (p) => `Для индикатора «${p.indicator}» кроме числителя нужен знаменатель`,
    'arith.numerator-exceeds-denominator': (p) => `Числитель ${words.number(p.numerator)} больше знаменателя ${words.number(p.denominator)}`,
    'arith.zero-denominator': () => 'Знаменатель равен 0',
    'arith.value-mismatch': (p) => `Значение ${words.number(p.value)} не согласуется с числителем и знаменателем (ожидалось ${words.number(p.expected)})`,
    'arith.percent-out-of-range': (p) => `Процент ${words.number(p.value)} вне диапазона 0–100`,
    'arith.count-not-integer': (p) =>
      `${capitalised(words.fields[p.field])} ${words.number(p.value)} — не целое число: ${p.field === 'value' ? 'этот индикатор — количество, поэтому запишите само количество; доля или среднее — это другой индикатор' : 'запишите само количество, целым числом; доля или коэффициент записываются в значение'}`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `Границы доверительного интервала ${words.number(p.lower)}–${words.number(p.upper)} перепутаны` : `Значение ${words.number(p.value)} вне доверительного интервала ${words.number(p.lower)}–${words.number(p.upper)}`,
    'arith.confidence-level-fraction': (p) => `Уровень доверия ${words.number(p.level)}: уровень указывается в процентах, так что это интервал ${words.number(p.level)} %; для ${words.number(p.percent)} % укажите ${words.number(p.percent)}`,
    'period.start-after-end': (p) => `Период начинается (${p.start}) после своего окончания (${p.end})`,
    'period.in-future': (p) => `Период заканчивается в будущем (${p.end}; сегодня ${p.today})`,
    'meeting.end-before-start': (p) => `Встреча заканчивается (${p.end}) раньше, чем начинается (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Срок выполнения поручения ${p.due} — раньше встречи (${p.meetingStart})`,
    'disagg.not-allowed': (p) =>
      p.allowed.length === 0
        ? `Индикатор «${p.indicator}» не разбивают ни по какому признаку: оставьте поле ${dimension(p.dimension)} пустым и укажите значение для всех вместе`
        : `Индикатор «${p.indicator}» нельзя разбивать по признаку ${dimension(p.dimension)}, только по ${p.allowed.length === 1 ? 'признаку' : 'признакам'} ${listed(p.allowed.map(dimension), 'и')}: оставьте поле ${dimension(p.dimension)} пустым`,
    'disagg.exceeds-total': (p) =>
      `${p.field === 'denominator' ? 'Знаменатели' : 'Числители'} по признаку ${dimension(p.dimension)} в сумме дают ${words.number(p.sum)}, больше общего итога ${words.number(p.total)}`,
    'disagg.below-total': (p) =>
      `${p.field === 'denominator' ? 'Знаменатели' : 'Числители'} по признаку ${dimension(p.dimension)} в сумме дают ${words.number(p.sum)}, меньше общего итога ${words.number(p.total)}: не пропущена ли категория?`,
    'package.placeholder': (p) => `«${p.value}» — заполнитель из шаблона пакета: замените его своим значением`,
    'package.unknown-licence': (p) => `Лицензия «${p.value}» — не известный PHX идентификатор SPDX лицензии для данных, такой как CC-BY-4.0, CC0-1.0 или ODbL-1.0: проверьте его на https://spdx.org/licenses/ или укажите веб-адрес лицензии`,
    'privacy.small-cell': (p) =>
      p.count !== undefined
        ? `Значение ${words.number(p.value)} при знаменателе ${words.number(p.denominator)} даёт количество ${words.number(p.count)}, меньше порога скрытия ${words.number(p.threshold)}: ${p.sheet ? `поставьте ${flagged(p.sheet)} и оставьте эту ячейку пустой` : 'отметьте наблюдение как "suppressed" и не указывайте значение'}`
        : `${capitalised(words.fields[p.field])} ${words.number(p.value)} меньше порога скрытия ${words.number(p.threshold)}: ${p.sheet ? p.field === 'numerator' ? `поставьте ${flagged(p.sheet)} и оставьте пустыми эту ячейку и ячейку в столбце ${words.quote(p.sheet.value ?? 'value')}` : `поставьте ${flagged(p.sheet)} и оставьте эту ячейку пустой` : p.field === 'numerator' ? 'отметьте наблюдение как "suppressed" и не указывайте ни числитель, ни значение' : 'отметьте наблюдение как "suppressed" и не указывайте число'}`,
    'privacy.suppressed-value-present': (p) =>
      p.sheet
        ? `В строке стоит ${flagged(p.sheet)}, но ячейка в столбце ${words.quote(p.sheet.column ?? p.field)} заполнена: оставьте её пустой, чтобы скрытое число не попало в данные`
        : `Наблюдение скрыто, но поле ${words.quote(words.fields[p.field])} всё ещё заполнено: удалите "${p.field}", чтобы скрытое число не попало в данные`,
    'privacy.complementary-disclosure': (p) =>
      `Это скрытое число можно вычислить из показанных чисел (${figures(words, p.figures, 'общий итог')}), которые складываются ${p.dimension.includes(', ') ? `по признакам ${p.dimension.split(', ').map(dimension).join(' и ')}` : `по признаку ${dimension(p.dimension)}`}${p.denominators ? `, так как ни одно число не меньше 0 и не больше своего знаменателя (${figures(words, p.denominators, 'общий итог')})` : ''}: скройте ещё одно из них`,
    'privacy.personal-data': (p) => `Похоже, текст содержит ${kinds[p.kind]}; не передавайте персональные данные`,
    'text.nul-character': (p) => `В тексте есть невидимый символ U+0000 (NUL) — ${words.count(p.position)}-й символ текста: в данных PHX его быть не может, его не сохраняют ни базы данных, ни Excel. Удалите его`,
    'sheet.unreadable': () => 'Файл не является читаемой книгой Excel (.xlsx); сохраните его заново в формате .xlsx',
    'sheet.unknown-sheet': (p) => `Лист «${p.sheet}» не содержит записей PHX: его столбцы не называют поля ни одного типа записей; назовите лист по его записям или удалите его`,
    'sheet.date-order-unknown': (p) => `Столбец ${columnSeen(words, p.column, p)}: даты вроде ${p.example} читаются и как день/месяц, и как месяц/день, и ни одна ячейка не подсказывает порядок; укажите порядок дат (day-month или month-day) или запишите даты как год-месяц-день, например 2020-04-01`,
    'sheet.cell-beyond-header': (p) => `Ячейка «${p.value}» в столбце ${p.letter ?? words.number(p.column)} без заголовка: дайте столбцу заголовок PHX или удалите ячейку`,
    'sheet.column-path-missing': (p) =>
      `В строке ${p.row} нет пути поля для столбца ${columnSeen(words, p.column, p)}, поэтому он прочитан как ${words.quote(p.column)} — поле, которое называет его заголовок: введите ${words.quote(p.column)} ${p.letter ? `в ячейку ${p.letter}${p.row}` : `в строку ${p.row} этого столбца`} или скопируйте строку ${p.row} из нового шаблона`,
    'sheet.column-not-read': (p) =>
      `Столбец ${columnSeen(words, p.column, p)} — не поле PHX, поэтому его ячейки не попадают в данные: ${p.notes ? `чтобы сохранить их, перенесите их в столбец ${columnSeen(words, p.notes.column, p.notes)}; иначе удалите столбец` : 'у этих записей нет для них поля; удалите столбец или сохраните их в отдельном файле'}${p.hidden ? '. Столбец скрыт в Excel: чтобы увидеть его, выделите соседние столбцы и выберите «Показать»' : ''}`,
    'sheet.repeated-column': (p) => `Столбец ${columnSeen(words, p.column, p)} повторяет столбец ${p.firstLetter ?? words.number(p.first)}: у поля один столбец, поэтому этот не читается; удалите его или переименуйте`,
    'sheet.merged-header': (p) =>
      `Ячейка заголовка ${p.cell} (${words.quote(p.value)}) объединена на столбцы ${p.first}–${p.last}, поэтому прочитан только столбец ${p.first}: у каждого столбца должен быть свой заголовок. Отмените объединение ячеек и дайте каждому столбцу свой путь поля или заголовок${p.missing.length > 0 ? `; в строке заголовков не хватает ${p.missing.map(words.quote).join(', ')}` : ''}`,
    'sheet.formula-without-result': (p) => `В ячейке формула «${p.formula}», но нет её результата: файл сохранила программа, которая не вычисляет формулы. Откройте файл в Excel и сохраните его снова или введите значение`,
    'sheet.second-header': (p) => `Заголовок пакета — первая строка значений на листе «${p.sheet}»: эта строка — второй заголовок, и она не читается; перенесите её значения в ту строку или удалите её`,
    'sheet.error-cell': (p) => `В ячейке ошибка Excel ${p.value}, а не значение: исправьте формулу, которая её даёт, или введите значение`,
    'sheet.date-for-number': (p) => {
      const { day, month, year, typed, withComma } = typedAsDate(p.date);
      // A date of a CSV file, as the text Excel showed (`07.май`); else the date of a workbook's cell.
      const [date, short] = p.text === undefined ? [`${day}.${month}.${year}`, `${day}.${month}`] : [p.text, p.text];
      return `Здесь дата (${date}), а ожидается число: Excel превращает в дату число, введённое с точкой (${typed} — в ${short}). Задайте ячейке формат «Числовой» и введите число снова с десятичной запятой: ${withComma}`;
    },
    'sheet.percent-unit-mismatch': (p) =>
      `В ячейке ${percentShown(words, p.value)} — это процент, но ${p.unit === null ? 'единица в строке не указана' : `единица строки — ${words.quote(p.unit)}`}: если значение в процентах, укажите единицу ${words.quote('percent')}; иначе запишите его без знака %`,
    'sheet.hidden-skipped': (p) => `Лист «${p.sheet}» скрыт, поэтому он не прочитан: ничего с него нет в пакете. Если его записи должны быть в пакете, покажите лист в Excel (очень скрытый — из редактора Visual Basic) и сохраните файл; иначе удалите лист`,
    'sheet.hidden-read': (p) => {
      const { list, one } = hiddenOf(words, p, ['строка', 'строки'], ['столбец', 'столбцы'], 'и', (n) => `и ещё ${words.count(n)}`);
      const [hidden, read] = one === 'row' ? ['скрыта', 'прочитана'] : one ? ['скрыт', 'прочитан'] : ['скрыты', 'прочитаны'];
      return `На листе «${p.sheet}» ${list} ${hidden} в Excel, но всё равно ${read}: скрытые строки и столбцы Excel тоже сохраняет в CSV. Чтобы скрытое не попало в пакет, удалите его или перенесите на другой лист и скройте тот лист: скрытый лист не читается`;
    },
    'sheet.normalised': (p) =>
      `Столбец ${columnSeen(words, p.column, p)}: ${words.count(p.cells)} ${slavicPlural(p.cells, 'ячейка прочитана', 'ячейки прочитаны', 'ячеек прочитано')} с учётом таких форм записи: ${formsOf(p.forms)}`,
    'sheet.ambiguous-thousands': (p) => {
      const more = p.cells > 1 ? ` (и ещё ${words.count(p.cells - 1)} ${slavicPlural(p.cells - 1, 'такая ячейка', 'такие ячейки', 'таких ячеек')})` : '';
      return `Столбец ${columnSeen(words, p.column, p)}: ${p.text}${more} прочитано как ${words.number(p.value)} — точка принята за разделитель тысяч, как пишет Excel на испанском. Если точка здесь — десятичный знак, введите ${p.text.replace('.', ',')}; если число действительно ${words.number(p.value)}, введите его без точки: ${p.text.replace('.', '')}`;
    },
    'codelist.unknown-code': (p) => `«${p.value}» — неизвестный код для поля ${words.quote(words.fields[fieldOfList[p.codelist] ?? 'focusAreas'])}`,
  },
};
