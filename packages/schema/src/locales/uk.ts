import zodUk from 'zod/v4/locales/uk.js';
import type { FileFormat } from '../file/format.js';
import { alternatives } from './alternatives.js';
import { categories } from './categories.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'адресу електронної пошти', phone: 'номер телефону', 'date-of-birth': 'дату народження', name: 'ім’я людини', address: 'домашню адресу', identifier: 'номер засудженого, справи чи документа' } as const;
const encodings = { 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1251': 'Windows-1251 (кирилиця)', 'windows-1252': 'Windows-1252 (західноєвропейське)' } as const;
const formats: Record<FileFormat, string> = {
  json: 'JSON', ndjson: 'NDJSON', csv: 'CSV', xlsx: 'книга Excel (.xlsx)', xls: 'книга Excel 97–2003 (.xls)', ods: 'таблиця OpenDocument (.ods)',
  docx: 'документ Word (.docx)', pdf: 'документ PDF', zip: 'архів zip', gzip: 'архів gzip',
};

const forms: Record<string, string> = {
  'decimal-comma': 'десяткових ком', 'thousands-separator': 'розділювачів розрядів', 'percent-sign': 'знаків %',
  'boolean-word': 'слів ІСТИНА/ХИБНІСТЬ', 'excel-serial': 'порядкових дат Excel',
};
const formsOf = (list: string[]): string => list.map((form) => forms[form] ?? `дат вигляду ${form}`).join(', ');

/** Ukrainian messages. */
export const uk: PhxLocale = {
  tag: 'uk',
  zod: zodUk,
  suggestion: (values) => `; можливо, ви мали на увазі ${alternatives(values, 'uk', (value) => `«${value}»`)}?`,
  messages: {
    'file.empty': (p) => (p.blank ? 'У файлі лише порожні рядки та пробіли: даних у ньому немає' : 'Файл порожній'),
    'file.unsupported-format': (p) => `Це ${formats[p.format]}, а PHX такі файли не читає; збережіть дані як «CSV UTF-8», .phx.json або .phx.ndjson`,
    'file.too-large': (p) => `Файл більший за ${p.maxBytes} байтів — завеликий, щоб прочитати його цілком; розділіть його або збережіть як .phx.ndjson: такий файл читається потоком`,
    'schema.required': (p) => `Немає обов’язкового поля «${p.field}»`,
    'syntax.invalid-json': (p) => (p.token === null ? 'Недійсний JSON: текст обривається' : `Недійсний JSON: неочікуваний символ ${JSON.stringify(p.token)}`),
    'syntax.too-deep': (p) => `Вкладеність глибша за ${p.maxDepth} рівнів`,
    'syntax.invalid-encoding': (p) =>
      p.encoding === null
        ? 'Файл не в кодуванні UTF-8; збережіть його в UTF-8'
        : `Файл не в кодуванні UTF-8, а в ${encodings[p.encoding]}; збережіть його в UTF-8 (в Excel: «CSV UTF-8»)`,
    'syntax.line-too-long': (p) => `Рядок довший за ${p.maxBytes} байтів; пропущено`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'У рядку немає поля "type"' : `Невідомий тип запису ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => 'Заголовок пакета може бути лише першим рядком',
    'csv.no-header': (p) =>
      p.type === null
        ? 'Перший рядок — не заголовок зі стовпцями PHX (наприклад, id, indicator, period.start), тому тип записів невідомий; додайте рядок заголовка'
        : `Перший рядок — не заголовок зі стовпцями записів ${p.type}; додайте рядок заголовка`,
    'csv.no-rows': () => 'У файлі є рядок заголовка, але немає рядків із даними',
    'unique.duplicate-id': (p) => `Повторюваний ідентифікатор ${p.recordType} «${p.id}» (уперше: ${p.first})`,
    'unique.duplicate-breakdown': (p) => `Друге спостереження для ${categories(p.categories) || 'загального підсумку'} того самого індикатора, охоплення, періоду та джерела даних (уперше: ${p.first})`,
    'ref.unknown-organisation': (p) => `У пакеті немає організації з ідентифікатором «${p.id}»`,
    'ref.unknown-facility': (p) => `У пакеті немає установи з ідентифікатором «${p.id}»`,
    'ref.unknown-indicator': (p) => `Індикатора «${p.code}» немає ні в каталозі, ні в пакеті`,
    'ref.country-mismatch': (p) => `Установа «${p.facility}» розташована в ${p.facilityCountry}, а в спостереженні зазначено ${p.country}`,
    'indicator.unit-mismatch': (p) => `Одиниця «${p.unit}» не збігається з одиницею індикатора «${p.indicator}» («${p.expected}»)`,
    'observation.value-missing': () => 'Немає значення: зазначте "value" або позначте спостереження як "suppressed"',
    'observation.denominator-missing': (p) => `Для індикатора «${p.indicator}» крім чисельника потрібен знаменник`,
    'arith.numerator-exceeds-denominator': (p) => `Чисельник ${p.numerator} більший за знаменник ${p.denominator}`,
    'arith.zero-denominator': () => 'Знаменник дорівнює 0',
    'arith.value-mismatch': (p) => `Значення ${p.value} не узгоджується з чисельником і знаменником (очікувалося ${p.expected})`,
    'arith.percent-out-of-range': (p) => `Відсоток ${p.value} поза межами 0–100`,
    'arith.count-not-integer': (p) => `${p.field} ${p.value} — не ціле число`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `Межі довірчого інтервалу ${p.lower}–${p.upper} переплутано` : `Значення ${p.value} поза довірчим інтервалом ${p.lower}–${p.upper}`,
    'period.start-after-end': (p) => `Період починається (${p.start}) після свого завершення (${p.end})`,
    'period.in-future': (p) => `Період закінчується в майбутньому (${p.end}; сьогодні ${p.today})`,
    'meeting.end-before-start': (p) => `Зустріч закінчується (${p.end}) раніше, ніж починається (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Строк дії ${p.due} — раніше за зустріч (${p.meetingStart})`,
    'disagg.not-allowed': (p) => `Індикатор «${p.indicator}» не можна дезагрегувати за ознакою ${p.dimension}`,
    'disagg.exceeds-total': (p) => `${p.field === 'denominator' ? 'Знаменники' : 'Чисельники'} за ознакою ${p.dimension} у сумі дають ${p.sum}, більше за загальний підсумок ${p.total}`,
    'disagg.below-total': (p) => `${p.field === 'denominator' ? 'Знаменники' : 'Чисельники'} за ознакою ${p.dimension} у сумі дають ${p.sum}, менше за загальний підсумок ${p.total}: чи не пропущено категорію?`,
    'package.placeholder': (p) => `«${p.value}» — заповнювач із шаблону пакета: замініть його своїм значенням`,
    'privacy.small-cell': (p) => `${p.field} ${p.value} менше за поріг приховування ${p.threshold}: позначте спостереження як "suppressed" і не зазначайте число`,
    'privacy.suppressed-value-present': (p) => `Спостереження приховано, але ${p.field} досі зазначено`,
    'privacy.complementary-disclosure': (p) => `Це приховане число можна обчислити із загального підсумку та інших категорій за ознакою ${p.dimension}: приховайте ще одну категорію або загальний підсумок`,
    'privacy.personal-data': (p) => `Схоже, текст містить ${kinds[p.kind]}; не передавайте персональні дані`,
    'sheet.unreadable': () => 'Файл не є книгою Excel (.xlsx), яку можна прочитати; збережіть його знову у форматі .xlsx',
    'sheet.unknown-sheet': (p) => `Аркуш «${p.sheet}» не містить записів PHX: його стовпці не називають полів жодного типу записів; назвіть аркуш за його записами або видаліть його`,
    'sheet.date-order-unknown': (p) => `Стовпець «${p.column}»: дати на кшталт ${p.example} читаються і як день/місяць, і як місяць/день, і жодна клітинка не підказує порядок; укажіть порядок дат (day-month або month-day)`,
    'sheet.normalised': (p) => `Стовпець «${p.column}»: клітинок, прочитаних з урахуванням ${formsOf(p.forms)}: ${p.cells}`,
    'codelist.unknown-code': (p) => `«${p.value}» — невідомий код довідника ${p.codelist}`,
  },
};
