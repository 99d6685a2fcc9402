import { renderMessage } from '@phx/schema';
import { plural } from './plural.js';
import { orgUnitEntry } from './org-unit.js';
import { resourceSkipped } from './resources.js';
import type { InteropLocale, ResourceSkippedTexts } from './types.js';

const collections = { organisation: 'организаций', facility: 'учреждений', indicator: 'определений индикаторов', observation: 'наблюдений', meeting: 'встреч' } as const;
const skipped: ResourceSkippedTexts = {
  Organization: ['Organization без {} пропущен', { identifier: 'идентификатора организации PHX', name: 'названия' }],
  Measure: ['Measure без {} не читается как определение индикатора', { title: 'заголовка', description: 'описания', unit: 'единицы, известной PHX' }],
  MeasureReport: [
    'MeasureReport без {} пропущен',
    { measure: 'measure', reporter: 'reporter с идентификатором PHX', subject: 'subject (Location со страной)', period: 'читаемого периода (начала и конца)' },
  ],
  stratum: ['Страта, значение которой не является кодом разбивки PHX, пропущена', { breakdown: '' }],
};
const parts = { numerator: 'Дробный числитель', denominator: 'Дробный знаменатель' } as const;
const withheld = {
  value: 'Значение скрытого наблюдения не передаётся (data-absent-reason "masked")',
  numerator: 'Числитель скрытого наблюдения не передаётся (data-absent-reason "masked")',
  confidenceInterval: 'Доверительный интервал скрытого наблюдения не передаётся: его границы выдали бы скрытое значение',
} as const;
const partNames = { value: 'значения', numerator: 'числителя', denominator: 'знаменателя' } as const;
const leftOut = {
  value: 'его значение',
  numerator: 'его числитель',
  confidenceInterval: 'доверительный интервал (его границы выдали бы значение)',
} as const;

/** Russian texts. */
export const ru: InteropLocale = {
  tag: 'ru',
  notes: {
    'field-not-carried': (p) => `В ${p.target} нет места для поля ${p.field}`,
    'record-not-carried': (p) => `В ${p.target} нет места для ${collections[p.recordType]}`,
    'import.invalid-json': (p) => `Файл не является JSON: ошибка в строке ${p.line}, столбец ${p.column}`,
    'import.header-missing': (p) =>
      p.field === 'publisher'
        ? 'Источник не называет издателя пакета: укажите его (phx import --publisher <идентификатор организации>)'
        : 'Источник не называет лицензию данных: укажите её (phx import --license CC-BY-4.0)',
    'import.unclosed-quote': (p) => `В столбце ${p.column} открыта кавычка ("), но не закрыта, поэтому весь остаток файла прочитан в эту одну ячейку, начиная с «${p.value}»: закройте кавычку или удалите её`,
    'import.text-after-quote': (p) => `Ячейка в столбце ${p.column} начинается с кавычки ("), но после закрывающей кавычки в ней есть ещё текст (${p.value}), поэтому следующие ячейки и строки могли быть прочитаны в эту одну ячейку: удвойте кавычки внутри ячейки ("") или удалите их`,
    'import.value-worked-out': (p) => `Значение для ${p.indicator} не указано: оно вычислено ${p.from === 'numerator' ? 'по числителю' : 'по числителю и знаменателю'}`,
    'import.withheld-figure-left-out': (p) => `Источник помечает наблюдение как скрытое, но указывает ${leftOut[p.field]}: это поле не перенесено в пакет, чтобы PHX его не опубликовал`,
    'fhir.count-not-integer': (p) => `${parts[p.field]} опущен: численность популяции в FHIR — целое число`,
    'fhir.suppressed-value-withheld': (p) => withheld[p.field],
    'fhir.unknown-indicator': (p) => `Индикатора «${p.indicator}» нет ни в каталоге, ни в пакете: его Measure содержит только адрес`,
    'fhir.not-a-bundle': () => 'Входные данные не являются FHIR Bundle (resourceType "Bundle")',
    'fhir.entry-unreadable': () => 'Запись Bundle без ресурса пропущена',
    'fhir.resource-skipped': (p) => resourceSkipped(skipped, p),
    'fhir.default-data-source': () => 'MeasureReport без источника данных PHX читается как данные рутинных программ',
    'fhir.subject-unknown': (p) => `MeasureReport относится к Location «${p.location}», которая не является учреждением, субнациональной территорией или страной PHX: он пропущен, чтобы не читать его как данные по всей стране`,
    'fhir.report-skipped': (p) =>
      p.reason === 'status'
        ? p.value === 'pending'
          ? `статус MeasureReport — «${p.value}»: его данные ещё могут измениться, поэтому он пропущен; импортируйте его снова, когда он будет завершён`
          : `статус MeasureReport — «${p.value}»: по FHIR его данные ненадёжны, поэтому он пропущен`
        : `MeasureReport типа «${p.value}», а не «summary»: в нём данные об отдельных людях, а не сводные показатели, поэтому он пропущен`,
    'fhir.score-unit-unlike': (p) => `measureScore дан в единицах «${p.code}», а не «${p.expected}», как у показателя: значение не перенесено (где даны числитель и знаменатель, оно вычисляется из них)`,
    'fhir.group-skipped': (p) => `Группа MeasureReport «${p.group}» пропущена: PHX читает единственную группу без кода как итог, а её страты как разбивки, и не может определить, что считает эта группа`,
    'dhis2.mapping-invalid': (p) => `Файл сопоставления, ${p.pointer || '/'}: ${renderMessage(p.problem, p.problemParams, 'ru')}`,
    'dhis2.mapping-not-a-uid': (p) => `Файл сопоставления, ${p.pointer}: «${p.value}» — не UID DHIS2 (буква, затем десять букв или цифр); для кодов укажите "idScheme": "code"`,
    'dhis2.unmapped-indicator': (p) => `В сопоставлении нет элемента данных для индикатора «${p.indicator}»`,
    'dhis2.unmapped-scope': (p) => `В сопоставлении нет организационной единицы для ${p.place}, поэтому наблюдения по ней не переданы: добавьте ${orgUnitEntry(p, '<её код или UID в DHIS2>')} в "orgUnits" файла сопоставления (phx export --mapping <файл.json>)`,
    'dhis2.unmapped-period': (p) => `Период ${p.start} – ${p.end} не является календарным периодом DHIS2, и сопоставление его не называет`,
    'dhis2.suppressed-not-sent': () => 'В DHIS2 нельзя отметить скрытое значение: скрытое наблюдение не передаётся',
    'dhis2.unmapped-part': (p) => `В сопоставлении нет элемента данных для ${partNames[p.part]} индикатора «${p.indicator}»: эта часть не передаётся`,
    'dhis2.unmapped-breakdown': (p) => `В сопоставлении нет комбинации категорий элемента ${p.dataElement} для разбивки ${p.breakdown}`,
    'dhis2.not-a-data-value-set': () => 'Входные данные не являются набором значений DHIS2 (объект с "dataValues")',
    'dhis2.reporter-missing': () => 'Значения DHIS2 не говорят, кто о них сообщает: укажите организацию, которая сообщает о них и публикует их (phx import --publisher <идентификатор организации>), или назовите её в сопоставлении ("reportingOrganisation")',
    'dhis2.unmapped-value': (p) => `В сопоставлении нет индикатора для элемента данных ${p.dataElement} с комбинацией категорий ${p.categoryOptionCombo}`,
    'dhis2.value-skipped': (p) => {
      switch (p.reason) {
        case 'data-element':
          return 'Значение без элемента данных пропущено';
        case 'org-unit':
          return p.value === undefined ? 'Значение без организационной единицы пропущено' : `Организационной единицы ${p.value} нет в сопоставлении: её значения пропущены`;
        case 'period':
          return p.value === undefined ? 'Значение без периода пропущено' : `«${p.value}» — не период DHIS2, который можно прочитать по сопоставлению: его значения пропущены`;
        case 'number':
          return `Значение, которое не является неотрицательным числом в записи DHIS2 («${p.value ?? ''}»; 28.7 или 1320: без десятичной запятой и разделителя тысяч), пропущено`;
      }
    },
    'dhis2.value-conflict': (p) => `У элемента данных ${p.dataElement} (комбинация категорий ${p.categoryOptionCombo}) два значения для ${p.orgUnit}, ${p.period}, возможно, двух комбинаций атрибутов, для которых в PHX нет места: первое, ${p.kept}, сохранено, а ${p.dropped} пропущено`,
    'dhis2.deleted-skipped': () => 'Значение, помеченное в DHIS2 как удалённое, пропущено',
    'dhis2.duplicate-key': () => 'Другое наблюдение даёт те же значения DHIS2 (элемент данных, период, организационная единица и комбинация категорий: они различаются только полями, которые DHIS2 не передаёт, например отчитывающейся организацией): передаётся только первое',
    'dhis2.nothing-to-send': () => 'Ни одно наблюдение не передано в DHIS2, файл не создан: причины — в предупреждениях',
    'sdmx.not-sdmx-csv': () => 'Входные данные не являются SDMX-CSV: первый столбец не озаглавлен STRUCTURE (или DATAFLOW)',
    'sdmx.delete-skipped': () => 'Строка, удаляющая данные (ACTION D), пропущена',
    'sdmx.row-skipped': (p) =>
      p.value === undefined
        ? `Строка без ${p.column} пропущена`
        : p.column === 'TIME_PERIOD'
          ? `Строка с TIME_PERIOD «${p.value}» пропущена: это не период в записи SDMX (2020, 2020-Q1, 2020-01, 2020-01-31) — возможно, электронная таблица переписала дату`
          : `Строка с ${p.column} «${p.value}» — кодом, неизвестным PHX, — пропущена`,
    'sdmx.value-skipped': (p) =>
      p.column === 'UNIT_MULT'
        ? `UNIT_MULT «${p.value}» не является целой степенью десяти (3 — тысячи): значение строки пропущено, остальная часть строки прочитана`
        : `${p.column} «${p.value}» не является неотрицательным числом в записи SDMX-CSV (28.7 или 1320: без десятичной запятой и разделителя тысяч): оно пропущено, остальная часть строки прочитана`,
    'sdmx.code-replaced': (p) => (p.value === undefined ? `Строка без ${p.column} прочитана как «${p.used}»` : `${p.column} «${p.value}» — код, неизвестный PHX: строка прочитана как «${p.used}»`),
    'sdmx.column-not-read': (p) => `Столбец ${p.column} не входит в структуру данных PHX: его ячейки не прочитаны`,
    'sdmx.duplicate-key': () => 'У другого наблюдения тот же ключ SDMX (они различаются только полями вне ключа, например субнациональной территорией): передаётся только первое',
    'sdmx.code-not-an-id': (p) => `Код ${p.dimension} «${p.code}» содержит символы, недопустимые в идентификаторе SDMX`,
  },
  punctuation: { colon: ': ', semicolon: '; ' },
  examples: {
    record: (count) => plural('ru', count, { one: 'запись', few: 'записи', many: 'записей', other: 'записи' }),
    row: (count) => plural('ru', count, { one: 'строка', few: 'строки', many: 'строк', other: 'строки' }),
    pointer: (count) => plural('ru', count, { one: 'элемент', few: 'элемента', many: 'элементов', other: 'элемента' }),
  },
  gam: {
    title: (country, year) => `Готовность к отчёту UNAIDS GAM: ${country}, ${year}`,
    columns: { indicator: 'Индикатор', name: 'Название', status: 'Состояние', observations: 'Наблюдения', suppressed: 'Скрыто', missingBreakdowns: 'Недостающие разбивки' },
    status: { complete: 'полный', present: 'неполный', suppressed: 'только скрытые', missing: 'нет данных' },
    onlyPartialFigures: 'Только данные по части страны или года',
    counts: (c) => `полных: ${c.complete}, неполных: ${c.present}, только скрытые: ${c.suppressed}, нет данных: ${c.missing}`,
    nothingFor: (country, year, held) => `В пакете нет наблюдений по стране ${country} за ${year} год. Страны в пакете: ${held.countries.join(', ')}; годы: ${held.years.join(', ')}`,
  },
};
