import zodRu from 'zod/v4/locales/ru.js';
import type { FileFormat } from '../file/format.js';
import { alternatives } from './alternatives.js';
import { categories } from './categories.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'адрес электронной почты', phone: 'номер телефона', 'date-of-birth': 'дату рождения', name: 'имя человека', address: 'домашний адрес', identifier: 'номер осуждённого, дела или документа' } as const;
const encodings = { 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1251': 'Windows-1251 (кириллица)', 'windows-1252': 'Windows-1252 (западноевропейская)' } as const;
const formats: Record<FileFormat, string> = {
  json: 'JSON', ndjson: 'NDJSON', csv: 'CSV', xlsx: 'книга Excel (.xlsx)', xls: 'книга Excel 97–2003 (.xls)', ods: 'таблица OpenDocument (.ods)',
  docx: 'документ Word (.docx)', pdf: 'документ PDF', zip: 'архив zip', gzip: 'архив gzip',
};

const forms: Record<string, string> = {
  'decimal-comma': 'десятичных запятых', 'thousands-separator': 'разделителей разрядов', 'percent-sign': 'знаков %',
  'boolean-word': 'слов ИСТИНА/ЛОЖЬ', 'excel-serial': 'порядковых дат Excel',
};
const formsOf = (list: string[]): string => list.map((form) => forms[form] ?? `дат вида ${form}`).join(', ');

/** Russian messages. */
export const ru: PhxLocale = {
  tag: 'ru',
  zod: zodRu,
  suggestion: (values) => `; возможно, вы имели в виду ${alternatives(values, 'ru', (value) => `«${value}»`)}?`,
  messages: {
    'file.empty': (p) => (p.blank ? 'В файле только пустые строки и пробелы: данных в нём нет' : 'Файл пуст'),
    'file.unsupported-format': (p) => `Это ${formats[p.format]}, а PHX такие файлы не читает; сохраните данные как «CSV UTF-8», .phx.json или .phx.ndjson`,
    'schema.required': (p) => `Нет обязательного поля «${p.field}»`,
    'file.too-large': (p) => `Файл больше ${p.maxBytes} байт — слишком велик, чтобы прочитать его целиком; разделите его или сохраните как .phx.ndjson: такой файл читается потоком`,
    'syntax.invalid-json': (p) => (p.token === null ? 'Недопустимый JSON: текст обрывается' : `Недопустимый JSON: неожиданный символ ${JSON.stringify(p.token)}`),
    'syntax.too-deep': (p) => `Вложенность глубже ${p.maxDepth} уровней`,
    'syntax.invalid-encoding': (p) =>
      p.encoding === null
        ? 'Файл не в кодировке UTF-8; сохраните его в UTF-8'
        : `Файл не в кодировке UTF-8, а в ${encodings[p.encoding]}; сохраните его в UTF-8 (в Excel: «CSV UTF-8»)`,
    'syntax.line-too-long': (p) => `Строка длиннее ${p.maxBytes} байт; пропущена`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'В строке нет поля "type"' : `Неизвестный тип записи ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => 'Заголовок пакета может быть только первой строкой',
    'csv.no-header': (p) =>
      p.type === null
        ? 'Первая строка — не заголовок со столбцами PHX (например, id, indicator, period.start), поэтому тип записей неизвестен; добавьте строку заголовка'
        : `Первая строка — не заголовок со столбцами записей ${p.type}; добавьте строку заголовка`,
    'csv.no-rows': () => 'В файле есть строка заголовка, но нет строк с данными',
    'unique.duplicate-id': (p) => `Повторяющийся идентификатор ${p.recordType} «${p.id}» (впервые: ${p.first})`,
    'unique.duplicate-breakdown': (p) => `Второе наблюдение для ${categories(p.categories) || 'общего итога'} того же индикатора, охвата, периода и источника данных (впервые: ${p.first})`,
    'ref.unknown-organisation': (p) => `В пакете нет организации с идентификатором «${p.id}»`,
    'ref.unknown-facility': (p) => `В пакете нет учреждения с идентификатором «${p.id}»`,
    'ref.unknown-indicator': (p) => `Индикатора «${p.code}» нет ни в каталоге, ни в пакете`,
    'ref.country-mismatch': (p) => `Учреждение «${p.facility}» находится в ${p.facilityCountry}, а в наблюдении указано ${p.country}`,
    'indicator.unit-mismatch': (p) => `Единица «${p.unit}» не совпадает с единицей индикатора «${p.indicator}» («${p.expected}»)`,
    'observation.value-missing': () => 'Нет значения: укажите "value" или отметьте наблюдение как "suppressed"',
    'observation.denominator-missing': (p) => `Для индикатора «${p.indicator}» кроме числителя нужен знаменатель`,
    'arith.numerator-exceeds-denominator': (p) => `Числитель ${p.numerator} больше знаменателя ${p.denominator}`,
    'arith.zero-denominator': () => 'Знаменатель равен 0',
    'arith.value-mismatch': (p) => `Значение ${p.value} не согласуется с числителем и знаменателем (ожидалось ${p.expected})`,
    'arith.percent-out-of-range': (p) => `Процент ${p.value} вне диапазона 0–100`,
    'arith.count-not-integer': (p) => `${p.field} ${p.value} — не целое число`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `Границы доверительного интервала ${p.lower}–${p.upper} перепутаны` : `Значение ${p.value} вне доверительного интервала ${p.lower}–${p.upper}`,
    'period.start-after-end': (p) => `Период начинается (${p.start}) после своего окончания (${p.end})`,
    'period.in-future': (p) => `Период заканчивается в будущем (${p.end}; сегодня ${p.today})`,
    'meeting.end-before-start': (p) => `Встреча заканчивается (${p.end}) раньше, чем начинается (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Срок действия ${p.due} — раньше встречи (${p.meetingStart})`,
    'disagg.not-allowed': (p) => `Индикатор «${p.indicator}» нельзя дезагрегировать по признаку ${p.dimension}`,
    'disagg.exceeds-total': (p) => `${p.field === 'denominator' ? 'Знаменатели' : 'Числители'} по признаку ${p.dimension} в сумме дают ${p.sum}, больше общего итога ${p.total}`,
    'disagg.below-total': (p) => `${p.field === 'denominator' ? 'Знаменатели' : 'Числители'} по признаку ${p.dimension} в сумме дают ${p.sum}, меньше общего итога ${p.total}: не пропущена ли категория?`,
    'package.placeholder': (p) => `«${p.value}» — заполнитель из шаблона пакета: замените его своим значением`,
    'privacy.small-cell': (p) => `${p.field} ${p.value} меньше порога скрытия ${p.threshold}: отметьте наблюдение как "suppressed" и не указывайте число`,
    'privacy.suppressed-value-present': (p) => `Наблюдение скрыто, но ${p.field} всё ещё указан`,
    'privacy.complementary-disclosure': (p) => `Это скрытое число можно вычислить из общего итога и других категорий по признаку ${p.dimension}: скройте ещё одну категорию или общий итог`,
    'privacy.personal-data': (p) => `Похоже, текст содержит ${kinds[p.kind]}; не передавайте персональные данные`,
    'sheet.unreadable': () => 'Файл не является читаемой книгой Excel (.xlsx); сохраните его заново в формате .xlsx',
    'sheet.unknown-sheet': (p) => `Лист «${p.sheet}» не содержит записей PHX: его столбцы не называют поля ни одного типа записей; назовите лист по его записям или удалите его`,
    'sheet.date-order-unknown': (p) => `Столбец «${p.column}»: даты вроде ${p.example} читаются и как день/месяц, и как месяц/день, и ни одна ячейка не подсказывает порядок; укажите порядок дат (day-month или month-day)`,
    'sheet.normalised': (p) => `Столбец «${p.column}»: ячеек, прочитанных с учётом ${formsOf(p.forms)}: ${p.cells}`,
    'codelist.unknown-code': (p) => `«${p.value}» — неизвестный код справочника ${p.codelist}`,
  },
};
