import { renderMessage } from '@phx/schema';
import { plural } from './plural.js';
import { orgUnitEntry } from './org-unit.js';
import { resourceSkipped } from './resources.js';
import type { InteropLocale, ResourceSkippedTexts } from './types.js';

const collections = { organisation: 'організацій', facility: 'установ', indicator: 'визначень індикаторів', observation: 'спостережень', meeting: 'зустрічей' } as const;
const skipped: ResourceSkippedTexts = {
  Organization: ['Organization без {} пропущено', { identifier: 'ідентифікатора організації PHX', name: 'назви' }],
  Measure: ['Measure без {} не читається як визначення індикатора', { title: 'заголовка', description: 'опису', unit: 'одиниці, відомої PHX' }],
  MeasureReport: [
    'MeasureReport без {} пропущено',
    { measure: 'measure', reporter: 'reporter з ідентифікатором PHX', subject: 'subject (Location з країною)', period: 'зрозумілого періоду (початку й кінця)' },
  ],
  stratum: ['Страту, значення якої не є кодом розбивки PHX, пропущено', { breakdown: '' }],
};
const parts = { numerator: 'Дробовий чисельник', denominator: 'Дробовий знаменник' } as const;
const withheld = {
  value: 'Значення прихованого спостереження не передається (data-absent-reason "masked")',
  numerator: 'Чисельник прихованого спостереження не передається (data-absent-reason "masked")',
  confidenceInterval: 'Довірчий інтервал прихованого спостереження не передається: його межі видали б приховане значення',
} as const;
const partNames = { value: 'значення', numerator: 'чисельника', denominator: 'знаменника' } as const;
const leftOut = {
  value: 'його значення',
  numerator: 'його чисельник',
  confidenceInterval: 'довірчий інтервал (його межі видали б значення)',
} as const;

/** Ukrainian texts. */
export const uk: InteropLocale = {
  tag: 'uk',
  notes: {
    'field-not-carried': (p) => `У ${p.target} немає місця для поля ${p.field}`,
    'record-not-carried': (p) => `У ${p.target} немає місця для ${collections[p.recordType]}`,
    'import.invalid-json': (p) => `Файл не є JSON: помилка в рядку ${p.line}, стовпець ${p.column}`,
    'import.header-missing': (p) =>
      p.field === 'publisher'
        ? 'Джерело не називає видавця пакета: зазначте його (phx import --publisher <ідентифікатор організації>)'
        : 'Джерело не називає ліцензію даних: зазначте її (phx import --license CC-BY-4.0)',
    'import.unclosed-quote': (p) => `У стовпці ${p.column} відкрито лапки ("), але їх не закрито, тому всю решту файлу прочитано в цю одну клітинку, починаючи з «${p.value}»: закрийте лапки або видаліть їх`,
    'import.text-after-quote': (p) => `Клітинка в стовпці ${p.column} починається з лапок ("), але після закривальних лапок у ній є ще текст (${p.value}), тому наступні клітинки й рядки могли бути прочитані в цю одну клітинку: подвойте лапки всередині клітинки ("") або видаліть їх`,
    'import.value-worked-out': (p) => `Значення для ${p.indicator} не вказано: його обчислено ${p.from === 'numerator' ? 'за чисельником' : 'за чисельником і знаменником'}`,
    'import.withheld-figure-left-out': (p) => `Джерело позначає спостереження як приховане, але наводить ${leftOut[p.field]}: це поле не перенесено до пакета, щоб PHX його не оприлюднив`,
    'fhir.count-not-integer': (p) => `${parts[p.field]} пропущено: чисельність популяції у FHIR — ціле число`,
    'fhir.suppressed-value-withheld': (p) => withheld[p.field],
    'fhir.unknown-indicator': (p) => `Індикатора «${p.indicator}» немає ні в каталозі, ні в пакеті: його Measure містить лише адресу`,
    'fhir.not-a-bundle': () => 'Вхідні дані не є FHIR Bundle (resourceType "Bundle")',
    'fhir.entry-unreadable': () => 'Запис Bundle без ресурсу пропущено',
    'fhir.resource-skipped': (p) => resourceSkipped(skipped, p),
    'fhir.default-data-source': () => 'MeasureReport без джерела даних PHX читається як дані рутинних програм',
    'fhir.subject-unknown': (p) => `MeasureReport стосується Location «${p.location}», яка не є установою, субнаціональною територією чи країною PHX: його пропущено, щоб не читати його як дані по всій країні`,
    'fhir.report-skipped': (p) =>
      p.reason === 'status'
        ? p.value === 'pending'
          ? `статус MeasureReport — «${p.value}»: його дані ще можуть змінитися, тому його пропущено; імпортуйте його знову, коли його буде завершено`
          : `статус MeasureReport — «${p.value}»: за FHIR його дані ненадійні, тому його пропущено`
        : `MeasureReport типу «${p.value}», а не «summary»: у ньому дані про окремих людей, а не зведені показники, тому його пропущено`,
    'fhir.score-unit-unlike': (p) => `measureScore подано в одиницях «${p.code}», а не «${p.expected}», як у показника: значення не перенесено (де подано чисельник і знаменник, його обчислено з них)`,
    'fhir.group-skipped': (p) => `Групу MeasureReport «${p.group}» пропущено: PHX читає єдину групу без коду як підсумок, а її страти як розбивки, і не може визначити, що рахує ця група`,
    'dhis2.mapping-invalid': (p) => `Файл зіставлення, ${p.pointer || '/'}: ${renderMessage(p.problem, p.problemParams, 'uk')}`,
    'dhis2.mapping-not-a-uid': (p) => `Файл зіставлення, ${p.pointer}: «${p.value}» — не UID DHIS2 (літера, далі десять літер або цифр); для кодів зазначте "idScheme": "code"`,
    'dhis2.unmapped-indicator': (p) => `У зіставленні немає елемента даних для індикатора «${p.indicator}»`,
    'dhis2.unmapped-scope': (p) => `У зіставленні немає організаційної одиниці для ${p.place}, тому спостереження щодо неї не передано: додайте ${orgUnitEntry(p, '<її код або UID у DHIS2>')} до "orgUnits" у файлі зіставлення (phx export --mapping <файл.json>)`,
    'dhis2.unmapped-period': (p) => `Період ${p.start} – ${p.end} не є календарним періодом DHIS2, і зіставлення його не називає`,
    'dhis2.suppressed-not-sent': () => 'У DHIS2 не можна позначити приховане значення: приховане спостереження не передається',
    'dhis2.unmapped-part': (p) => `У зіставленні немає елемента даних для ${partNames[p.part]} індикатора «${p.indicator}»: цю частину не передано`,
    'dhis2.unmapped-breakdown': (p) => `У зіставленні немає комбінації категорій елемента ${p.dataElement} для розбивки ${p.breakdown}`,
    'dhis2.not-a-data-value-set': () => 'Вхідні дані не є набором значень DHIS2 (об’єкт із "dataValues")',
    'dhis2.reporter-missing': () => 'Значення DHIS2 не кажуть, хто про них звітує: зазначте організацію, яка звітує про них і публікує їх (phx import --publisher <ідентифікатор організації>), або назвіть її в зіставленні ("reportingOrganisation")',
    'dhis2.unmapped-value': (p) => `У зіставленні немає індикатора для елемента даних ${p.dataElement} з комбінацією категорій ${p.categoryOptionCombo}`,
    'dhis2.value-skipped': (p) => {
      switch (p.reason) {
        case 'data-element':
          return 'Значення без елемента даних пропущено';
        case 'org-unit':
          return p.value === undefined ? 'Значення без організаційної одиниці пропущено' : `Організаційної одиниці ${p.value} немає в зіставленні: її значення пропущено`;
        case 'period':
          return p.value === undefined ? 'Значення без періоду пропущено' : `«${p.value}» — не період DHIS2, який можна прочитати за зіставленням: його значення пропущено`;
        case 'number':
          return `Значення, яке не є невід’ємним числом у записі DHIS2 («${p.value ?? ''}»; 28.7 або 1320: без десяткової коми й розділювача тисяч), пропущено`;
      }
    },
    'dhis2.value-conflict': (p) => `Елемент даних ${p.dataElement} (комбінація категорій ${p.categoryOptionCombo}) має два значення для ${p.orgUnit}, ${p.period}, можливо, двох комбінацій атрибутів, для яких у PHX немає місця: перше, ${p.kept}, збережено, а ${p.dropped} пропущено`,
    'dhis2.deleted-skipped': () => 'Значення, позначене в DHIS2 як видалене, пропущено',
    'dhis2.duplicate-key': () => 'Інше спостереження дає ті самі значення DHIS2 (елемент даних, період, організаційна одиниця та комбінація категорій: вони різняться лише полями, які DHIS2 не передає, наприклад звітною організацією): передається лише перше',
    'dhis2.nothing-to-send': () => 'Жодне спостереження не передано до DHIS2, файл не створено: причини — у попередженнях',
    'sdmx.not-sdmx-csv': () => 'Вхідні дані не є SDMX-CSV: перший стовпець не має заголовка STRUCTURE (або DATAFLOW)',
    'sdmx.delete-skipped': () => 'Рядок, що видаляє дані (ACTION D), пропущено',
    'sdmx.row-skipped': (p) =>
      p.value === undefined
        ? `Рядок без ${p.column} пропущено`
        : p.column === 'TIME_PERIOD'
          ? `Рядок із TIME_PERIOD «${p.value}» пропущено: це не період у записі SDMX (2020, 2020-Q1, 2020-01, 2020-01-31) — можливо, електронна таблиця переписала дату`
          : `Рядок із ${p.column} «${p.value}» — кодом, невідомим PHX, — пропущено`,
    'sdmx.value-skipped': (p) =>
      p.column === 'UNIT_MULT'
        ? `UNIT_MULT «${p.value}» не є цілим степенем десяти (3 — тисячі): значення рядка пропущено, решту рядка прочитано`
        : `${p.column} «${p.value}» не є невід’ємним числом у записі SDMX-CSV (28.7 або 1320: без десяткової коми й розділювача тисяч): його пропущено, решту рядка прочитано`,
    'sdmx.code-replaced': (p) => (p.value === undefined ? `Рядок без ${p.column} прочитано як «${p.used}»` : `${p.column} «${p.value}» — код, невідомий PHX: рядок прочитано як «${p.used}»`),
    'sdmx.column-not-read': (p) => `Стовпець ${p.column} не входить до структури даних PHX: його клітинки не прочитано`,
    'sdmx.duplicate-key': () => 'Інше спостереження має той самий ключ SDMX (вони різняться лише полями поза ключем, як-от субнаціональною територією): передається лише перше',
    'sdmx.code-not-an-id': (p) => `Код ${p.dimension} «${p.code}» містить символи, неприпустимі в ідентифікаторі SDMX`,
  },
  punctuation: { colon: ': ', semicolon: '; ' },
  examples: {
    record: (count) => plural('uk', count, { one: 'запис', few: 'записи', many: 'записів', other: 'записи' }),
    row: (count) => plural('uk', count, { one: 'рядок', few: 'рядки', many: 'рядків', other: 'рядка' }),
    pointer: (count) => plural('uk', count, { one: 'елемент', few: 'елементи', many: 'елементів', other: 'елемента' }),
  },
  gam: {
    title: (country, year) => `Готовність до звіту UNAIDS GAM: ${country}, ${year}`,
    columns: { indicator: 'Індикатор', name: 'Назва', status: 'Стан', observations: 'Спостереження', suppressed: 'Приховано', missingBreakdowns: 'Бракує розбивок' },
    status: { complete: 'повний', present: 'неповний', suppressed: 'лише приховані', missing: 'немає даних' },
    onlyPartialFigures: 'Лише дані щодо частини країни або року',
    counts: (c) => `повних: ${c.complete}, неповних: ${c.present}, лише приховані: ${c.suppressed}, немає даних: ${c.missing}`,
    nothingFor: (country, year, held) => `У пакеті немає спостережень для країни ${country} за ${year} рік. Країни в пакеті: ${held.countries.join(', ')}; роки: ${held.years.join(', ')}`,
  },
};
