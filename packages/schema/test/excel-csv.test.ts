import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelOf } from '../src/codelists/index.js';
import { excelShortDate } from '../src/formats/cells.js';
import { percentName } from '../src/formats/table.js';
import { codelists, excelConventions, excelLocales, indicatorCatalogue, readCsv, validateCsv, writeCsv, type ExcelLocale } from '../src/index.js';

/**
 * Sheets saved by Excel as "CSV UTF-8" in each locale: a byte order mark, the locale's separator,
 * CRLF, dates in its short form, numbers with its decimal mark and thousands separator (a no-break
 * space in uk and ru, a narrow one in fr, `.` in es, `,` in en), `%` in percent cells, its TRUE/FALSE
 * words, Cyrillic text and a blank row.
 */
const fixture = (name: string): Uint8Array => readFileSync(new URL(`fixtures/excel/observations-${name}.csv`, import.meta.url));
const now = new Date('2024-06-30');

const record = (id: string, fields: Record<string, unknown>): Record<string, unknown> => ({
  id, reportingOrganisation: 'UA-EDR-21514560', scope: { country: 'UA' }, period: { start: '2023-01-01', end: '2023-12-31' },
  dataSource: 'routine-programme-data', suppressed: false, ...fields,
});
const expected = (notes: [string, string]): Record<string, unknown>[] => [
  record('ua-hiv-2023-f', { indicator: 'hiv-prevalence-prisoners', disaggregation: { sex: 'female' }, numerator: 96, denominator: 2140, value: 4.5, unit: 'percent', notes: notes[0] }),
  record('ua-hiv-2023-m', { indicator: 'hiv-prevalence-prisoners', disaggregation: { sex: 'male' }, numerator: 1208, denominator: 21480, value: 5.6, unit: 'percent' }),
  record('ua-oat-2023', { indicator: 'prisons-people-on-oat', numerator: 1312, value: 1312, unit: 'count' }),
  record('ua-art-2023', { indicator: 'art-coverage-prisoners', period: { start: '2023-07-01', end: '2023-12-31' }, denominator: 1208, unit: 'percent', suppressed: true, notes: notes[1] }),
  record('ua-hcv-2023', { indicator: 'hcv-positivity-prisoners', numerator: 410, denominator: 2140, value: 19.2, unit: 'percent', dataSource: 'survey' }),
];

const sheets: { name: string; notes: [string, string]; dateForm: string; decimalComma: boolean }[] = [
  { name: 'uk', notes: ['Добровільне тестування при вступі; за запитом', 'Менше 5 осіб — приховано'], dateForm: 'dd.mm.yyyy', decimalComma: true },
  { name: 'ru', notes: ['Добровольное тестирование при поступлении; по запросу', 'Меньше 5 человек — скрыто'], dateForm: 'dd.mm.yyyy', decimalComma: true },
  { name: 'fr', notes: ['Dépistage volontaire à l’entrée; sur demande', 'Moins de 5 personnes : masqué'], dateForm: 'dd/mm/yyyy', decimalComma: true },
  { name: 'es', notes: ['Prueba voluntaria al ingreso; a petición', 'Menos de 5 personas: suprimido'], dateForm: 'dd/mm/yyyy', decimalComma: true },
  { name: 'en-us', notes: ['Voluntary testing at entry, and on request', 'Fewer than 5 people: suppressed'], dateForm: 'mm/dd/yyyy', decimalComma: false },
  { name: 'en-gb', notes: ['Voluntary testing at entry, and on request', 'Fewer than 5 people: suppressed'], dateForm: 'dd/mm/yyyy', decimalComma: false },
];

describe('CSV as Excel writes it in each locale', () => {
  for (const sheet of sheets) {
    it(`${sheet.name}: validates clean, reads every value, and says what it read from local forms`, () => {
      const bytes = fixture(sheet.name);
      // The Spanish sheet's thousands (2.140) read as Spanish Excel writes them, told as a guess where nothing says so.
      const excelLocale = sheet.name === 'es' ? 'es' : undefined;
      const result = validateCsv(bytes, { now, excelLocale });
      expect(result.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
      expect(result.ok).toBe(true);
      const table = readCsv(bytes, { excelLocale });
      expect(table.records).toEqual(expected(sheet.notes));
      expect(table.rows).toEqual([2, 3, 5, 6, 7]);

      const notes = new Map(table.issues.map((issue) => [issue.code === 'sheet.normalised' ? issue.params.column : undefined, issue]));
      expect(table.issues.every((issue) => issue.code === 'sheet.normalised' && issue.severity === 'info')).toBe(true);
      expect(notes.get('period.end')).toMatchObject({ params: { cells: 5, forms: [sheet.dateForm] }, location: { row: 1, column: 6 } });
      expect(notes.get('denominator')?.params).toEqual({ column: 'denominator', cells: 4, forms: ['thousands-separator'] });
      const valueForms = sheet.decimalComma ? ['decimal-comma', 'percent-sign'] : ['percent-sign'];
      expect(notes.get('value')?.params).toMatchObject({ cells: 4, forms: expect.arrayContaining([...valueForms, 'thousands-separator']) });
      expect(notes.get('suppressed')?.params).toEqual({ column: 'suppressed', cells: 5, forms: ['boolean-word'] });
      expect(notes.has('numerator') && notes.has('period.start')).toBe(true);
    });
  }

  it('reads the Spanish sheet without its locale as well, and warns once a column that each thousand typed as 2.140 may be a decimal', () => {
    const result = validateCsv(fixture('es'), { now });
    expect(result.ok).toBe(true);
    expect(readCsv(fixture('es')).records).toEqual(expected(sheets.find((sheet) => sheet.name === 'es')!.notes));
    expect(result.issues.filter((issue) => issue.severity !== 'info').map((issue) => [issue.code, issue.severity, issue.params, issue.location])).toEqual([
      ['sheet.ambiguous-thousands', 'warning', { column: 'numerator', cells: 2, text: '1.208', value: 1208 }, { row: 3, column: 8, text: { line: 3, column: 86 } }],
      ['sheet.ambiguous-thousands', 'warning', { column: 'denominator', cells: 4, text: '2.140', value: 2140 }, { row: 2, column: 9, text: { line: 2, column: 91 } }],
      ['sheet.ambiguous-thousands', 'warning', { column: 'value', cells: 1, text: '1.312', value: 1312 }, { row: 5, column: 10, text: { line: 5, column: 84 } }],
    ]);
  });

  it('reads the Ukrainian sheet whose every date, number and TRUE/FALSE was an error before', () => {
    const { issues } = validateCsv(fixture('uk'), { now, locale: 'ru' });
    expect(issues.map((issue) => issue.code)).toEqual(Array(issues.length).fill('sheet.normalised'));
    expect(issues.find((issue) => issue.code === 'sheet.normalised' && issue.params.column === 'period.start')!.message).toBe('Столбец «period.start»: 5 ячеек прочитано с учётом таких форм записи: даты в формате dd.mm.yyyy');
  });
});

const header = 'id;indicator;reportingOrganisation;scope.country;period.start;period.end;numerator;denominator;value;unit;dataSource';
const row = (start: string, end: string, numbers = '120;1000;12', unit = 'percent') =>
  `obs-${start.replace(/\W/g, '')};hiv-prevalence-prisoners;ZA-NPO-123-456;ZA;${start};${end};${numbers};${unit};survey`;
const sheet = (...rows: string[]): string => [header, ...rows].join('\r\n');

describe('dates: the order of day and month is decided for a whole column, never cell by cell', () => {
  it('reads day first when one cell of the column can only be day first', () => {
    const table = readCsv(sheet(row('03/04/2020', '30/04/2020'), row('13/04/2020', '30/04/2020')));
    expect(table.records.map((r) => (r.period as { start: string }).start)).toEqual(['2020-04-03', '2020-04-13']);
  });

  it('reads month first when one cell of the column can only be month first', () => {
    const table = readCsv(sheet(row('03/04/2020', '04/30/2020'), row('04/13/2020', '04/30/2020')));
    expect(table.records.map((r) => (r.period as { start: string }).start)).toEqual(['2020-03-04', '2020-04-13']);
  });

  it('takes the order from the other date columns of the sheet when a column cannot tell', () => {
    const table = readCsv(sheet(row('01/07/2020', '31/12/2020')));
    expect(table.records[0]!.period).toEqual({ start: '2020-07-01', end: '2020-12-31' });
  });

  it('asks for the order, once at the header, when the sheet cannot tell', () => {
    const csv = sheet(row('03/04/2020', '05/06/2020'), row('01/02/2020', '11/12/2020')).replaceAll(';', ',');
    const result = validateCsv(csv, { now });
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.severity, issue.location])).toEqual([
      ['sheet.date-order-unknown', 'error', { row: 1, column: 5, text: { line: 1, column: 50 } }],
      ['sheet.date-order-unknown', 'error', { row: 1, column: 6, text: { line: 1, column: 63 } }],
    ]);
    expect(result.issues[0]!.message).toContain('03/04/2020');
    expect(readCsv(csv, { dateOrder: 'month-day' }).records[0]!.period).toEqual({ start: '2020-03-04', end: '2020-05-06' });
    expect(readCsv(csv, { dateOrder: 'day-month' }).records[0]!.period).toEqual({ start: '2020-04-03', end: '2020-06-05' });
    expect(readCsv(csv, { excelLocale: 'fr' }).records[0]!.period).toEqual({ start: '2020-04-03', end: '2020-06-05' });
    expect(readCsv(csv, { excelLocale: 'en' }).issues.map((issue) => issue.code)).toContain('sheet.date-order-unknown');
  });

  it('reads a date whose day and month are alike in either order, without asking for one', () => {
    // 1/1/2023 and 12/12/2023 read the same day first or month first: no order to ask for, in a `,`-separated sheet.
    const csv = sheet(row('1/1/2023', '12/12/2023'), row('01/01/2024', '31/12/2024')).replaceAll(';', ',');
    const result = readCsv(csv);
    expect(result.records.map((r) => r.period)).toEqual([{ start: '2023-01-01', end: '2023-12-12' }, { start: '2024-01-01', end: '2024-12-31' }]);
    expect(result.issues.map((issue) => issue.code)).not.toContain('sheet.date-order-unknown');
    // Beside a date that needs the order, the order is still asked for once, at the header, and that date stays text.
    const mixed = readCsv(sheet(row('1/1/2023', '03/04/2023')).replaceAll(';', ','));
    expect(mixed.records[0]!.period).toEqual({ start: '2023-01-01', end: '03/04/2023' });
    expect(mixed.issues.map((issue) => issue.code)).toContain('sheet.date-order-unknown');
  });

  it('reads day first in a `;`-separated sheet that cannot tell, as Excel writes `;` only where it writes the day first', () => {
    const csv = sheet(row('03/04/2020', '05/06/2020'), row('01/02/2020', '11/12/2020'));
    const table = readCsv(csv);
    expect(table.records.map((r) => r.period)).toEqual([{ start: '2020-04-03', end: '2020-06-05' }, { start: '2020-02-01', end: '2020-12-11' }]);
    expect(table.issues.map((issue) => [issue.code, issue.params])).toEqual([
      ['sheet.normalised', { column: 'period.start', cells: 2, forms: ['dd/mm/yyyy'] }],
      ['sheet.normalised', { column: 'period.end', cells: 2, forms: ['dd/mm/yyyy'] }],
    ]);
    // What the user says, and what the cells tell, come first.
    expect(readCsv(csv, { dateOrder: 'month-day' }).records[0]!.period).toEqual({ start: '2020-03-04', end: '2020-05-06' });
    expect(readCsv(sheet(row('03/04/2020', '04/30/2020'))).records[0]!.period).toEqual({ start: '2020-03-04', end: '2020-04-30' });
    expect(readCsv(csv, { excelLocale: 'en' }).issues.map((issue) => issue.code)).toContain('sheet.date-order-unknown');
  });

  it('leaves dates that contradict each other as text, each reported at its cell', () => {
    const result = validateCsv(sheet(row('13/01/2020', '31/12/2020'), row('01/13/2020', '31/12/2020')), { now });
    expect(result.issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.location])).toEqual([
      ['schema.invalid-format', { row: 2, column: 5, text: { line: 2, column: 57 } }],
      ['schema.invalid-format', { row: 3, column: 5, text: { line: 3, column: 57 } }],
    ]);
  });

  it('reads dots as day first, drops Excel’s midnight time, and refuses days that do not exist as days of no calendar', () => {
    const table = readCsv(sheet(row('1.2.2020', '31.12.2020 0:00'), row('30.02.2020', '31.12.2020'), row('01.13.2020', '31.12.2020')));
    expect(table.records.map((r) => r.period)).toEqual([
      { start: '2020-02-01', end: '2020-12-31' },
      { start: '2020-02-30', end: '2020-12-31' },
      { start: '01.13.2020', end: '2020-12-31' },
    ]);
    // The day the month has not is said to be that, at its cell, quoted as typed; a thirteenth month is no date of the form at all.
    const issues = validateCsv(sheet(row('30.02.2020', '31.12.2020'), row('31/04/2020', '31/12/2020'), row('01.13.2020', '31.12.2020')), { now, locale: 'uk' }).issues;
    expect(issues.filter((issue) => issue.code === 'schema.invalid-format').map((issue) => [issue.location, issue.params.form, issue.params.value, issue.message])).toEqual([
      [{ row: 2, column: 5, text: { line: 2, column: 57 } }, 'calendar-day', '2020-02-30', expect.stringContaining('«30.02.2020»')],
      [{ row: 3, column: 5, text: { line: 3, column: 57 } }, 'calendar-day', '2020-04-31', expect.stringContaining('«31/04/2020»')],
      [{ row: 4, column: 5, text: { line: 4, column: 57 } }, 'date', '01.13.2020', expect.stringContaining('«01.13.2020»')],
    ]);
  });

  it('reads Excel serial dates and says so', () => {
    const table = readCsv(sheet(row('43831', '2020-12-31')));
    expect(table.records[0]!.period).toEqual({ start: '2020-01-01', end: '2020-12-31' });
    expect(table.issues).toMatchObject([{ code: 'sheet.normalised', params: { column: 'period.start', cells: 1, forms: ['excel-serial'] } }]);
  });

  it('takes a number below 10000 for a year or a slip, not a serial date of 1900–1927, and reports it at its cell', () => {
    const result = validateCsv(sheet(row('2023', '2023-12-31'), row('31.12.2023', '31.12.2023'), row('9999', '10000')), { now });
    expect(result.issues.map((issue) => [issue.code, issue.location])).toEqual([
      ['sheet.normalised', { row: 1, column: 5, text: { line: 1, column: 50 } }],
      ['sheet.normalised', { row: 1, column: 6, text: { line: 1, column: 63 } }],
      ['schema.invalid-format', { row: 2, column: 5, text: { line: 2, column: 53 } }],
      ['schema.invalid-format', { row: 4, column: 5, text: { line: 4, column: 53 } }],
    ]);
    expect(result.issues[2]!.message).toContain('2023');
    // 10000 is still a serial date (1927-05-18): only the smaller numbers changed.
    expect(result.issues[1]!.params).toEqual({ column: 'period.end', cells: 2, forms: ['dd.mm.yyyy', 'excel-serial'] });
  });
});

describe('numbers: decimal mark and thousands separators', () => {
  const values = (csv: string, options = {}): unknown[] => readCsv(csv, options).records.map((r) => r.denominator);
  const column = (delimiter: string, ...cells: string[]): string =>
    ['id' + delimiter + 'denominator', ...cells.map((cell, i) => `o${i}${delimiter}${cell.includes(delimiter) ? `"${cell}"` : cell}`)].join('\n');

  it('reads the thousands separators Excel writes', () => {
    expect(values(column(';', '2 140', '2\u00A0140', '2\u202F140', "2'140", '1.234.567', '1 234 567,5'))).toEqual([2140, 2140, 2140, 2140, 1234567, 1234567.5]);
    expect(values(column(',', '2,140', '1,234,567.5', '2 140'))).toEqual([2140, 1234567.5, 2140]);
  });

  it('reads a decimal comma in a comma-separated file when the column says so, and 1,234 as a thousand when nothing does', () => {
    expect(values(column(',', '12,5', '1,234'))).toEqual([12.5, 1.234]);
    expect(values(column(',', '1,234'))).toEqual([1234]);
    expect(values(column(';', '1,234'))).toEqual([1.234]);
    expect(values(column(';', '1.234'))).toEqual([1234]);
    expect(values(column(';', '1.5', '1.234'))).toEqual([1.5, 1.234]);
    expect(values(column(';', '1.234'), { decimalComma: false })).toEqual([1.234]);
    expect(values(column(';', '1.234'), { excelLocale: 'en' })).toEqual([1.234]);
  });

  it('reads `.` as a thousands separator only where the Excel that wrote the file may group with it', () => {
    // Excel in Ukrainian, Russian and French groups thousands with a space; in Spanish with `.`; in English with `,`.
    for (const excelLocale of ['uk', 'ru', 'fr'] as const) {
      expect(values(column(';', '1.250', '2.5'), { excelLocale })).toEqual([1.25, 2.5]);
      expect(values(column(';', '1.250'), { excelLocale })).toEqual([1.25]);
      expect(values(column(';', '2 140', '1,250'), { excelLocale })).toEqual([2140, 1.25]);
    }
    expect(values(column(';', '1.250'), { excelLocale: 'es' })).toEqual([1250]);
  });

  it('reads no `.` as a thousands separator in a comma-separated file, whatever the locale: Excel writes `,` between cells where the point is the decimal mark', () => {
    for (const excelLocale of [undefined, ...excelLocales]) expect(values(column(',', '1.250', '7'), { excelLocale })).toEqual([1.25, 7]);
    expect(values(column(',', '1.250'), { decimalComma: true })).toEqual(['1.250']);
    expect(values(column(',', '1,5', '1.250'))).toEqual(['1,5', 1.25]);
  });

  it('reads no `,` as a thousands separator in a semicolon-separated file: Excel writes `;` between cells where the comma is the decimal mark', () => {
    expect(values(column(';', '1.5', '1,250'))).toEqual(['1.5', 1.25]);
    expect(values(column(';', '1,250'), { excelLocale: 'en' })).toEqual([1.25]);
  });

  it('reads no mark as a thousands separator in a column where a cell has it as the decimal mark', () => {
    expect(values(column(';', '1.250', '1.25', '1,5'), { excelLocale: 'es' })).toEqual(['1.250', '1.25', 1.5]);
    expect(values(column(',', '1,250', '1,25', '1.5'))).toEqual(['1,250', '1,25', 1.5]);
    expect(values(column(';', '1.250', '1.5'), { decimalComma: true })).toEqual(['1.250', '1.5']);
  });

  it('reads a cell grouped by a mark that the Excel of the file does not group with as no number, to be reported', () => {
    expect(values(column(';', '1.234,5', '1.234.567', '2 140,5'), { excelLocale: 'uk' })).toEqual(['1.234,5', '1.234.567', 2140.5]);
    expect(values(column(';', '1.234,5', '1.234.567'))).toEqual([1234.5, 1234567]);
  });

  describe('a point taken for a thousands separator on a guess', () => {
    const guesses = (csv: string, options = {}) =>
      readCsv(csv, options).issues.filter((issue) => issue.code === 'sheet.ambiguous-thousands').map((issue) => [issue.params, issue.location && 'row' in issue.location ? issue.location.row : undefined]);

    it('keeps reading 1.234 as a thousand in a `;`-separated file, as Spanish Excel writes it, and warns once for the column, at its first such cell', () => {
      const csv = column(';', '7', '1.234', '-12.500', '2 140', '+3.000%', '1,5');
      expect(values(csv)).toEqual([7, 1234, -12500, 2140, '+3.000%', 1.5]);
      expect(guesses(csv)).toEqual([[{ column: 'denominator', cells: 2, text: '1.234', value: 1234 }, 3]]);
      expect(readCsv(csv).issues.find((issue) => issue.code === 'sheet.ambiguous-thousands')).toMatchObject({ severity: 'warning', path: ['denominator'] });
      expect(guesses(column(';', '1.234'))).toEqual([[{ column: 'denominator', cells: 1, text: '1.234', value: 1234 }, 2]]);
    });

    it('says nothing where a cell can only be grouped with the point: 1.234.567, 1.234,5', () => {
      expect(values(column(';', '1.234', '1.234.567'))).toEqual([1234, 1234567]);
      expect(guesses(column(';', '1.234', '1.234.567'))).toEqual([]);
      expect(guesses(column(';', '1.234', '1.234,5'))).toEqual([]);
      // In another column, such a cell settles nothing: each column is read, and told, on its own.
      const two = 'id;numerator;denominator\no1;1.234;1.234.567\n';
      expect(readCsv(two).records[0]).toMatchObject({ numerator: 1234, denominator: 1234567 });
      expect(guesses(two)).toEqual([[{ column: 'numerator', cells: 1, text: '1.234', value: 1234 }, 2]]);
    });

    it('says nothing where the options settle the marks: an Excel locale or the decimal mark', () => {
      const csv = column(';', '1.234', '5.000');
      expect(values(csv, { excelLocale: 'es' })).toEqual([1234, 5000]);
      for (const excelLocale of excelLocales) expect(guesses(csv, { excelLocale })).toEqual([]);
      expect(values(csv, { decimalComma: true })).toEqual([1234, 5000]);
      expect(guesses(csv, { decimalComma: true })).toEqual([]);
      expect(guesses(csv, { decimalComma: false })).toEqual([]);
    });

    it('says nothing of a point that reads as a decimal mark, nor of 1,234 in a comma-separated file, which Excel writes only where the comma groups thousands', () => {
      expect(guesses(column(';', '1.5', '1.234'))).toEqual([]);
      expect(guesses(column(';', '1234.5'))).toEqual([]);
      expect(guesses(column(',', '1.234'))).toEqual([]);
      // Excel whose decimal mark is the comma writes `;` between cells: a `,`-separated file's `1,234` is from an Excel
      // that groups with the comma, and reads as a thousand without a warning.
      expect(values(column(',', '1,234'))).toEqual([1234]);
      expect(guesses(column(',', '1,234'))).toEqual([]);
    });

    it('is a warning of validateCsv at the first such cell, which leaves the file valid and says what to do either way', () => {
      const csv = sheet(row('01.01.2020', '31.12.2020', '12;1.234;1,0'), row('01.01.2021', '31.12.2021', '12;2.000;0,6'), row('01.01.2022', '31.12.2022', '12;1.500;0,8'));
      const result = validateCsv(csv, { now, locale: 'uk' });
      expect(result.ok).toBe(true);
      expect(result.data?.observations?.map((observation) => observation.denominator)).toEqual([1234, 2000, 1500]);
      expect(result.issues.filter((issue) => issue.severity !== 'info').map((issue) => [issue.code, issue.severity, issue.path, issue.params, issue.location])).toEqual([
        ['sheet.ambiguous-thousands', 'warning', ['denominator'], { column: 'denominator', cells: 3, text: '1.234', value: 1234 }, { row: 2, column: 8, text: { line: 2, column: 82 } }],
      ]);
      expect(result.issues.find((issue) => issue.code === 'sheet.ambiguous-thousands')!.message).toBe(
        'Стовпець «denominator»: 1.234 (і ще 2 такі клітинки) прочитано як 1234 — крапку сприйнято як роздільник тисяч, як пише Excel іспанською. Якщо крапка тут — десятковий знак, введіть 1,234; якщо число справді 1234, введіть його без крапки: 1234',
      );
      const one = validateCsv(sheet(row('01.01.2020', '31.12.2020', '12;-12.500;1,0')), { now, locale: 'en' }).issues.find((issue) => issue.code === 'sheet.ambiguous-thousands')!;
      expect(one.message).toBe(
        'Column "denominator": -12.500 was read as -12500, the point taken for a thousands separator, as Spanish Excel writes it. If the point is a decimal mark here, type -12,500; if the number is -12500, type it without the point: -12500',
      );
      expect(validateCsv(csv, { now, excelLocale: 'es' }).issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
      expect(validateCsv(csv, { now, excelLocale: 'uk' }).issues.map((issue) => issue.code)).not.toContain('sheet.ambiguous-thousands');
    });

    it('tells each cell of one group after the point in a `;` file read without a locale, once a column, and none with a locale (property)', () => {
      const thousand = fc.tuple(fc.constantFrom('', '-'), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([sign, high, low]) => `${sign}${high}.${String(low).padStart(3, '0')}`);
      const other = fc.oneof(fc.integer({ min: 0, max: 999 }).map(String), fc.constantFrom('2 140', '1,5', '12,25', ''));
      fc.assert(
        fc.property(fc.array(fc.oneof(thousand, other), { minLength: 1, maxLength: 8 }), fc.array(thousand, { minLength: 1, maxLength: 4 }), (mixed, more) => {
          const cells = [...mixed, ...more];
          const csv = `id;numerator;denominator\n${cells.map((cell, i) => `o${i};${cell};${cells[cells.length - 1 - i]}`).join('\n')}\n`;
          const table = readCsv(csv);
          const told = table.issues.filter((issue) => issue.code === 'sheet.ambiguous-thousands');
          const grouped = cells.filter((cell) => cell.includes('.'));
          expect(told.map((issue) => issue.params.column)).toEqual(['numerator', 'denominator']);
          for (const issue of told) {
            expect(issue.params.cells).toBe(grouped.length);
            expect(issue.params.value).toBe(Number(issue.params.text.replace('.', '')));
          }
          expect(told[0]!.params.text).toBe(grouped[0]);
          expect(table.records.map((record) => record.numerator)).toEqual(cells.map((cell) => (cell === '' ? undefined : Number(cell.replace(/[. ]/g, '').replace(',', '.')))));
          for (const excelLocale of excelLocales) expect(readCsv(csv, { excelLocale }).issues.filter((issue) => issue.code === 'sheet.ambiguous-thousands')).toEqual([]);
        }),
      );
    });
  });

  it('leaves a cell that the column’s decimal mark does not fit as text', () => {
    expect(values(column(';', '1,5', '2,5', '2.5'))).toEqual([1.5, 2.5, '2.5']);
    expect(values(column(';', '2 14', '1.23.4', '12,5,6', 'n/a', '1e5', ','))).toEqual(['2 14', '1.23.4', '12,5,6', 'n/a', 100000, ',']);
  });

  it('reads % only in percent columns: value and interval bounds in percent, and the confidence level', () => {
    const csv = sheet(row('2020-01-01', '2020-12-31', '120;1000;12,0%'), row('2021-01-01', '2021-12-31', '120%;1000;12%', 'count'));
    expect(readCsv(csv).records.map((r) => [r.numerator, r.value])).toEqual([[120, 12], ['120%', '12%']]);
    const level = readCsv('id;unit;confidenceInterval.lower;confidenceInterval.level\nobs-1;count;4%;95 %\n');
    expect(level.records[0]!.confidenceInterval).toEqual({ lower: '4%', level: 95 });
  });

  it('says a percent typed in a row of another unit, or of none, at its cell and nothing else of it: the unit or the value is wrong', () => {
    const lines = [
      `\ufeff${header};confidenceInterval.lower;confidenceInterval.upper`,
      `${row('01.01.2020', '31.12.2020', '52;1000;5,2%', 'count')};4,1 %;6,3 %`,
      `${row('01.01.2021', '31.12.2021', '52;1000;5,2%', '')};;`,
      `${row('01.01.2022', '31.12.2022', '52;1000;5,2%')};4,1%;6,3%`,
    ];
    const result = validateCsv(`${lines.join('\r\n')}\r\n`, { now, locale: 'uk' });
    const cells = (row: number) => result.issues.filter((issue) => issue.location && 'row' in issue.location && issue.location.row === row && issue.location.column !== 10);
    expect(cells(2).map((issue) => [issue.code, issue.params, issue.location])).toEqual([
      ['sheet.percent-unit-mismatch', { value: '5,2%', unit: 'count' }, { row: 2, column: 9, text: { line: 2, column: 87 } }],
      ['sheet.percent-unit-mismatch', { value: '4,1 %', unit: 'count' }, { row: 2, column: 12, text: { line: 2, column: 105 } }],
      ['sheet.percent-unit-mismatch', { value: '6,3 %', unit: 'count' }, { row: 2, column: 13, text: { line: 2, column: 111 } }],
    ]);
    expect(cells(2)[0]!.message).toBe('У клітинці 5,2% — це відсоток, але одиниця рядка — «count»: якщо значення у відсотках, укажіть одиницю «percent»; інакше запишіть його без знака %');
    expect(cells(3).map((issue) => [issue.code, issue.params])).toEqual([['sheet.percent-unit-mismatch', { value: '5,2%', unit: null }]]);
    expect(cells(3)[0]!.message).toContain('одиницю в рядку не вказано');
    // The unit left out is said as before, at its own cell; the row of unit percent reads its percents.
    expect(result.issues.find((issue) => issue.code === 'schema.required' && issue.path.at(-1) === 'unit')?.location).toMatchObject({ row: 3, column: 10 });
    expect(cells(4)).toEqual([]);
    expect(readCsv(lines.join('\n')).records[2]).toMatchObject({ value: 5.2, confidenceInterval: { lower: 4.1, upper: 6.3 } });
  });

  it('says only its unit of a row whose unit is percent written in words, in any language: its percents are read as such', () => {
    for (const unit of ['Відсоток', 'Процент', 'Percent', 'pourcentage', 'Porcentaje', '%']) {
      const lines = [`\ufeff${header};confidenceInterval.lower;confidenceInterval.upper`, `${row('01.01.2020', '31.12.2020', '52;1000;5,2%', unit)};4,1 %;6,3 %`];
      const result = validateCsv(`${lines.join('\r\n')}\r\n`, { now, locale: 'uk' });
      expect(result.issues.filter((issue) => issue.severity !== 'info').map((issue) => [issue.code, issue.path.join('.'), (issue.params as { suggestions?: string[] }).suggestions]), unit).toEqual([['schema.invalid-value', 'unit', ['percent']]]);
      expect(readCsv(lines.join('\n')).records[0], unit).toMatchObject({ value: 5.2, confidenceInterval: { lower: 4.1, upper: 6.3 } });
    }
    // A unit in words that is not percent is wrong as well as its percents: both are said.
    const counted = validateCsv(`${header}\n${row('01.01.2020', '31.12.2020', '52;1000;5,2%', 'Кількість')}\n`, { now });
    expect(counted.issues.filter((issue) => issue.severity !== 'info').map((issue) => issue.code)).toEqual(['sheet.percent-unit-mismatch', 'schema.invalid-value']);
  });

  it('knows the names of percent that the codelist gives it, in every language', () => {
    for (const language of excelLocales) expect(percentName.test(labelOf('unit', 'percent', language)), language).toBe(true);
  });
});

describe('Excel errors in a CSV file', () => {
  const errors = excelLocales.flatMap((locale) => excelConventions[locale].errors.map((error) => [locale, error] as const));

  it.each(errors)('%s: %s, as Excel writes a failed formula into CSV, is said at its cell in a number and in a text column', (_, error) => {
    const csv = `${header};notes\r\n${row('01.01.2020', '31.12.2020', `120;1000;${error}`)};${error}\r\n`;
    const { issues } = validateCsv(csv, { now, locale: 'uk' });
    const onRow = issues.filter((issue) => issue.location && 'row' in issue.location && issue.location.row === 2);
    expect(onRow.map((issue) => [issue.code, issue.params, issue.location && 'column' in issue.location ? issue.location.column : undefined])).toEqual([
      ['sheet.error-cell', { value: error }, 9],
      ['sheet.error-cell', { value: error }, 12],
    ]);
    expect(onRow[0]!.message).toBe(`У клітинці помилка Excel ${error}, а не значення: виправте формулу, що її дає, або введіть значення`);
  });

  it('takes text that only looks like an error, or an error among other words, as text', () => {
    const notes = fc.oneof(
      fc.constantFrom('#N/A.', '#n/a', ' #N/A', '#NA', '#hiv', '#1', 'N/A', '#N/A і #REF!', '#ЗНАЧ', '#'),
      fc.string({ unit: 'grapheme', minLength: 1 }).map((text) => `#${text}`),
    ).filter((text) => !errors.some(([, error]) => error === text) && !/[;"\r\n]/.test(text));
    fc.assert(
      fc.property(notes, (note) => {
        const { issues } = validateCsv(`${header};notes\r\n${row('01.01.2020', '31.12.2020')};${note}\r\n`, { now });
        expect(issues.filter((issue) => issue.code === 'sheet.error-cell')).toEqual([]);
      }),
    );
  });
});

/** The params of an issue about a value with suggestions. */
type Suggested = { value?: string; suggestions?: string[] };

describe('a number Excel took for a date, saved as text in a CSV file', () => {
  const onRow = (csv: string, locale: 'uk' | 'ru' | 'en' = 'uk') =>
    validateCsv(csv, { now, locale }).issues.filter((issue) => issue.location && 'row' in issue.location && issue.location.row === 2);

  it('says a day and a month as Excel shows them in a number column (`07.тра` for 7.5) at its cell, with the number to type again, and nothing else of it', () => {
    const cases: [string, string, 'uk' | 'ru' | 'en', string][] = [
      ['07.тра', '--05-07', 'uk', 'Тут дата (07.тра), а очікується число: Excel перетворює на дату число, введене з крапкою (7.5 — на 07.тра). Задайте клітинці формат «Числовий» і введіть число знову з десятковою комою: 7,5'],
      ['12.кві', '--04-12', 'uk', 'Тут дата (12.кві), а очікується число: Excel перетворює на дату число, введене з крапкою (12.4 — на 12.кві). Задайте клітинці формат «Числовий» і введіть число знову з десятковою комою: 12,4'],
      ['07.май', '--05-07', 'ru', 'Здесь дата (07.май), а ожидается число: Excel превращает в дату число, введённое с точкой (7.5 — в 07.май). Задайте ячейке формат «Числовой» и введите число снова с десятичной запятой: 7,5'],
      ['3.Мая', '--05-03', 'ru', 'Здесь дата (3.Мая), а ожидается число: Excel превращает в дату число, введённое с точкой (3.5 — в 3.Мая). Задайте ячейке формат «Числовой» и введите число снова с десятичной запятой: 3,5'],
      ['29.фев', '--02-29', 'ru', 'Здесь дата (29.фев), а ожидается число: Excel превращает в дату число, введённое с точкой (29.2 — в 29.фев). Задайте ячейке формат «Числовой» и введите число снова с десятичной запятой: 29,2'],
      ['07.May', '--05-07', 'en', 'A date (07.May) where a number is expected: where dates are written day.month, Excel turns a number typed with a point into a date (7.5 into 07.May). Format the cell as Number and type the number again, with a decimal comma if your Excel uses one (7,5)'],
      ['7-May', '--05-07', 'en', 'A date (7-May) where a number is expected: where dates are written day.month, Excel turns a number typed with a point into a date (7.5 into 7-May). Format the cell as Number and type the number again, with a decimal comma if your Excel uses one (7,5)'],
    ];
    for (const [cell, date, locale, message] of cases) {
      const issues = onRow(`${header}\r\n${row('01.01.2020', '31.12.2020', `120;1000;${cell}`)}\r\n`, locale);
      expect(issues.map(({ code, params, pointer, location }) => [code, params, pointer, location]), cell).toEqual([
        ['sheet.date-for-number', { date, text: cell }, '/value', { row: 2, column: 9, text: expect.any(Object) }],
      ]);
      expect(issues[0]!.message, cell).toBe(message);
    }
    for (const locale of ['fr', 'es'] as const) {
      const [issue] = validateCsv(`${header}\r\n${row('01.01.2020', '31.12.2020', '120;1000;07.тра')}\r\n`, { now, locale }).issues.filter((found) => found.code === 'sheet.date-for-number');
      expect(issue!.message).toContain('(7.5 ');
      expect(issue!.message).toContain('07.тра');
      expect(issue!.message).toMatch(/7,5$/);
    }
  });

  it("knows each month by Excel's short name of it in English, Ukrainian and Russian", () => {
    const names = [
      'jan feb mar apr may jun jul aug sep oct nov dec', 'січ лют бер кві тра чер лип сер вер жов лис гру', 'янв фев мар апр май июн июл авг сен окт ноя дек',
    ];
    for (const list of names) list.split(' ').forEach((name, at) => expect(excelShortDate(`1.${name}`), name).toBe(`--${String(at + 1).padStart(2, '0')}-01`));
    expect(excelShortDate('15.мая')).toBe('--05-15');
    expect(excelShortDate(' 31-DEC ')).toBe('--12-31');
    // Not the names people type, which a date column reads (`травня`, `трав.`), nor a French or Spanish one.
    for (const text of ['1.тра.', '1.травня', '1.jui', '1.ene', '1.tra']) expect(excelShortDate(text), text).toBeUndefined();
  });

  it('takes any other text for what it is: no day of the month, no month Excel names so, more than a day and a month, or a text column', () => {
    for (const cell of ['31.кві', '30.фев', '0.тра', '07.травня', '07.трав', '07 тра', '07.тра.2023', 'тра.07', '07/тра', '07.xyz', '7.5.', '07.Mai']) {
      const issues = onRow(`${header}\r\n${row('01.01.2020', '31.12.2020', `120;1000;${cell}`)}\r\n`);
      expect(issues.map((issue) => issue.code), cell).not.toContain('sheet.date-for-number');
      expect(issues.length, cell).toBeGreaterThan(0);
    }
    const noted = validateCsv(`${header};notes\r\n${row('01.01.2020', '31.12.2020')};07.тра\r\n`, { now });
    expect(noted.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(noted.data?.observations?.[0]?.notes).toBe('07.тра');
  });
});

describe('labels and names typed in coded columns', () => {
  /** The Ukrainian sheet with cells of some of its rows typed anew, as a data officer types them. */
  const typed = (edits: Record<string, [from: string, to: string][]>): Uint8Array => {
    const lines = new TextDecoder().decode(fixture('uk')).split('\r\n');
    return new TextEncoder().encode(lines.map((line) => (edits[line.split(';')[0]!] ?? []).reduce((text, [from, to]) => text.replace(`;${from};`, `;${to};`), line)).join('\r\n'));
  };
  const edits: Record<string, [string, string][]> = {
    'ua-hiv-2023-f': [['female', 'Жіноча']],
    'ua-hiv-2023-m': [['UA', 'Україна'], ['male', 'чоловіча']],
    'ua-oat-2023': [['count', 'Кількість'], ['UA', 'UKR']],
    'ua-hcv-2023': [['UA', 'Ukraine']],
  };

  it('suggests the code of a country written by its official name', () => {
    const { issues } = validateCsv(typed({ 'ua-hcv-2023': [['UA', 'Республика Молдова']], 'ua-oat-2023': [['UA', 'Российская Федерация']] }), { now, locale: 'uk' });
    const wrong = issues.filter((issue) => issue.severity !== 'info');
    expect(wrong.map((issue) => [(issue.params as Suggested).value, (issue.params as Suggested).suggestions])).toEqual([
      ['Российская Федерация', ['RU']],
      ['Республика Молдова', ['MD']],
    ]);
    expect(wrong[0]!.message).toContain('можливо, ви мали на увазі «RU»?');
  });

  it('suggests the code of a label in the sheet\'s language, of a country\'s name and of its alpha-3 code', () => {
    const { issues } = validateCsv(typed(edits), { now, locale: 'uk' });
    const wrong = issues.filter((issue) => issue.severity !== 'info').map((issue) => [issue.location && 'row' in issue.location ? issue.location.row : undefined, issue.code, (issue.params as Suggested).value, (issue.params as Suggested).suggestions]);
    expect(wrong).toEqual([
      [2, 'schema.invalid-value', 'Жіноча', ['female']],
      [3, 'schema.invalid-value', 'Україна', ['UA']],
      [3, 'schema.invalid-value', 'чоловіча', ['male']],
      [5, 'schema.invalid-value', 'UKR', ['UA']],
      [5, 'schema.invalid-value', 'Кількість', ['count']],
      [7, 'schema.invalid-value', 'Ukraine', ['UA']],
    ]);
    const messages = issues.filter((issue) => issue.severity !== 'info').map((issue) => issue.message);
    expect(messages[0]).toBe('Стать: «Жіноча» — не з допустимих тут кодів: «female», «male», «transgender», «other», «unknown» або «all»; можливо, ви мали на увазі «female»?');
    expect(messages[3]).toBe('Країна: «UKR» — не код країни за ISO 3166-1: дві великі латинські літери; можливо, ви мали на увазі «UA»?');
    expect(messages[4]).toBe('Одиниця: «Кількість» — не з допустимих тут кодів: «percent», «count», «rate-per-100000» або «rate-per-10000»; можливо, ви мали на увазі «count»?');
  });

  it('suggests the code of a label typed in any of the five languages, whatever language the messages are in', () => {
    const labels: [string, string][] = [['Женский', 'female'], ['Féminin', 'female'], ['Hombre', 'male'], ['Masculino', 'male'], ['FEMALE ', 'female'], ['Мужской', 'male']];
    for (const [label, code] of labels) {
      for (const locale of excelLocales) {
        const sex = code === 'female' ? 'female' : 'male';
        const { issues } = validateCsv(typed({ [code === 'female' ? 'ua-hiv-2023-f' : 'ua-hiv-2023-m']: [[sex, label]] }), { now, locale });
        const wrong = issues.filter((issue) => issue.severity !== 'info');
        expect(wrong.map((issue) => (issue.params as Suggested).suggestions), `${label} ${locale}`).toEqual([[code]]);
      }
    }
  });
});

describe('booleans', () => {
  it('reads TRUE and FALSE in en, ru, uk, fr and es, in any case', () => {
    const words = ['TRUE', 'false', 'ИСТИНА', 'ложь', 'ІСТИНА', 'ХИБНІСТЬ', 'VRAI', 'Faux', 'VERDADERO', 'FALSO', 'peut-être'];
    const table = readCsv(['id;suppressed', ...words.map((word, i) => `o${i};${word}`)].join('\n'), { type: 'observation' });
    expect(table.records.map((r) => r.suppressed)).toEqual([true, false, true, false, true, false, true, false, true, false, 'peut-être']);
    expect(table.issues.find((issue) => issue.code === 'sheet.normalised')?.params).toEqual({ column: 'suppressed', cells: 9, forms: ['boolean-word'] });
  });

  const yesNo: [string, boolean][] = [['так', true], ['ні', false], ['да', true], ['нет', false], ['oui', true], ['non', false], ['sí', true], ['si', true], ['no', false], ['yes', true]];

  it('reads yes and no in uk, ru, fr, es and en, in any case and between spaces, and says so per column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...yesNo), fc.constantFrom('lower', 'upper', 'title'), fc.constantFrom('', ' ', '\u00a0')), { minLength: 1, maxLength: 12 }),
        (cells) => {
          const typed = cells.map(([[word], shape, space]) => space + (shape === 'upper' ? word.toUpperCase() : shape === 'title' ? word[0]!.toUpperCase() + word.slice(1) : word) + space);
          const table = readCsv(['id;suppressed', ...typed.map((word, i) => `o${i};${word}`)].join('\r\n'), { type: 'observation' });
          expect(table.records.map((r) => r.suppressed)).toEqual(cells.map(([[, value]]) => value));
          expect(table.issues.filter((issue) => issue.code.startsWith('sheet.'))).toEqual([expect.objectContaining({ code: 'sheet.normalised', severity: 'info', params: { column: 'suppressed', cells: cells.length, forms: ['yes-no-word'] } })]);
        },
      ),
    );
  });

  it('reads a Ukrainian sheet saved as CSV UTF-8 whose flags are так and ні, noting the column in each language', () => {
    const lines = new TextDecoder().decode(fixture('uk')).split('\r\n');
    const csv = lines.map((line) => line.replace(';ХИБНІСТЬ;', ';ні;').replace(';ІСТИНА;', ';Так;')).join('\r\n');
    expect(csv).toContain(';ні;');
    const { issues, ok } = validateCsv(new TextEncoder().encode(csv), { now, locale: 'uk' });
    expect(ok).toBe(true);
    expect(issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
    expect(readCsv(csv).records.map((r) => r.suppressed)).toEqual([false, false, false, true, false]);
    const note = issues.find((issue) => issue.code === 'sheet.normalised' && issue.params.column === 'suppressed')!;
    expect(note.params).toEqual({ column: 'suppressed', cells: 5, forms: ['yes-no-word'] });
    expect(note.message).toBe('Стовпець «suppressed»: прочитано 5 клітинок з урахуванням таких форм запису: слова так/ні');
    const messages = Object.fromEntries(excelLocales.map((locale) => [locale, validateCsv(new TextEncoder().encode(csv), { now, locale }).issues.find((issue) => issue.code === 'sheet.normalised' && issue.params.column === 'suppressed')!.message]));
    expect(messages).toEqual({
      en: 'Column "suppressed": 5 cells read allowing for these forms: yes/no words',
      ru: 'Столбец «suppressed»: 5 ячеек прочитано с учётом таких форм записи: слова да/нет',
      uk: 'Стовпець «suppressed»: прочитано 5 клітинок з урахуванням таких форм запису: слова так/ні',
      fr: 'Colonne « suppressed » : 5 cellules lues en tenant compte des formes suivantes : mots oui/non',
      es: 'Columna «suppressed»: 5 celdas leídas teniendo en cuenta estas formas: palabras sí/no',
    });
  });
});

describe('the note of cells read in another form', () => {
  const note = (locale: ExcelLocale, cells: string[]): string => {
    const csv = [`${header};suppressed`, ...cells.map((cell) => `${row('01.01.2020', '31.12.2020')};${cell}`)].join('\r\n');
    return validateCsv(csv, { now, locale }).issues.find((issue) => issue.code === 'sheet.normalised' && issue.params.column === 'suppressed')!.message;
  };

  it('names each noun of its list once, the words of a flag together, and counts the cells as each language does', () => {
    const both = ['так', 'ІСТИНА', 'ні', 'ХИБНІСТЬ', 'Так'];
    expect(Object.fromEntries(excelLocales.map((locale) => [locale, note(locale, both)]))).toEqual({
      en: 'Column "suppressed": 5 cells read allowing for these forms: yes/no and TRUE/FALSE words',
      ru: 'Столбец «suppressed»: 5 ячеек прочитано с учётом таких форм записи: слова да/нет и ИСТИНА/ЛОЖЬ',
      uk: 'Стовпець «suppressed»: прочитано 5 клітинок з урахуванням таких форм запису: слова так/ні та ІСТИНА/ХИБНІСТЬ',
      fr: 'Colonne « suppressed » : 5 cellules lues en tenant compte des formes suivantes : mots oui/non, mots VRAI/FAUX',
      es: 'Columna «suppressed»: 5 celdas leídas teniendo en cuenta estas formas: palabras sí/no, palabras VERDADERO/FALSO',
    });
    const counted = (n: number) => Array.from({ length: n }, () => 'ні');
    expect([1, 2, 5, 11, 21, 22].map((n) => note('uk', counted(n)).split(': ')[1])).toEqual([
      'прочитано 1 клітинку з урахуванням таких форм запису', 'прочитано 2 клітинки з урахуванням таких форм запису', 'прочитано 5 клітинок з урахуванням таких форм запису',
      'прочитано 11 клітинок з урахуванням таких форм запису', 'прочитано 21 клітинку з урахуванням таких форм запису', 'прочитано 22 клітинки з урахуванням таких форм запису',
    ]);
    expect([1, 3, 12, 21].map((n) => note('ru', counted(n)).split(': ')[1])).toEqual([
      '1 ячейка прочитана с учётом таких форм записи', '3 ячейки прочитаны с учётом таких форм записи', '12 ячеек прочитано с учётом таких форм записи', '21 ячейка прочитана с учётом таких форм записи',
    ]);
    expect(note('en', ['ні'])).toBe('Column "suppressed": 1 cell read allowing for these forms: yes/no words');
  });

  it('names the forms of dates under one noun, beside the serial numbers Excel keeps dates as', () => {
    const csv = [header, row('01.01.2020', '2020-12-31'), row('43831', '31 грудня 2020'), row('1 січня 2020', '2020-12-31')].join('\r\n');
    const notes = (locale: ExcelLocale) => validateCsv(csv, { now, locale }).issues.filter((issue) => issue.code === 'sheet.normalised').map((issue) => issue.message);
    expect(notes('uk')).toEqual([
      'Стовпець «period.start»: прочитано 3 клітинки з урахуванням таких форм запису: дати у форматі dd.mm.yyyy та d mmmm yyyy, порядкові номери днів Excel',
      'Стовпець «period.end»: прочитано 1 клітинку з урахуванням таких форм запису: дати у форматі d mmmm yyyy',
    ]);
    expect(notes('ru')[0]).toBe('Столбец «period.start»: 3 ячейки прочитаны с учётом таких форм записи: даты в формате dd.mm.yyyy и d mmmm yyyy, порядковые номера дней Excel');
    expect(notes('en')[0]).toBe('Column "period.start": 3 cells read allowing for these forms: dates written dd.mm.yyyy and d mmmm yyyy, Excel serial dates');
  });
});

describe('writing CSV for Excel in a locale', () => {
  const observation = {
    id: 'obs-1', indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'UA-EDR-21514560', scope: { country: 'UA' },
    period: { start: '2023-01-01', end: '2023-12-31' }, numerator: 96, denominator: 2140, value: 4.5, unit: 'percent',
    dataSource: 'survey', suppressed: false,
  };

  it('writes the separator, decimal mark, date form and TRUE/FALSE words that Excel in the locale opens as values', () => {
    const cells = (locale: ExcelLocale): string => writeCsv('observation', [observation], { excelLocale: locale }).split('\r\n')[1]!;
    expect(cells('uk')).toBe('obs-1;hiv-prevalence-prisoners;UA-EDR-21514560;UA;01.01.2023;31.12.2023;96;2140;4,5;percent;survey;ХИБНІСТЬ');
    expect(cells('ru')).toContain(';01.01.2023;31.12.2023;96;2140;4,5;percent;survey;ЛОЖЬ');
    expect(cells('fr')).toContain(';01/01/2023;31/12/2023;96;2140;4,5;percent;survey;FAUX');
    expect(cells('es')).toContain(';01/01/2023;31/12/2023;96;2140;4,5;percent;survey;FALSO');
    expect(cells('en')).toContain(',2023-01-01,2023-12-31,96,2140,4.5,percent,survey,FALSE');
    expect(writeCsv('observation', [observation], { excelLocale: 'uk' }).startsWith('\uFEFFid;')).toBe(true);
  });

  it('writes decimal commas in a ;-separated file, as it is read back', () => {
    expect(writeCsv('observation', [observation], { delimiter: ';' }).split('\r\n')[1]).toContain(';4,5;');
  });
});

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '.', 'Ж', 'ї', '0', '%', '/'), minLength: 1, maxLength: 12 });
const date = fc.date({ min: new Date('1900-03-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const number = fc.oneof(
  fc.nat(10_000_000),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e25 }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1000),
);
const observation = fc.record(
  {
    id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,15}$/),
    indicator: fc.constantFrom(...indicatorCatalogue.map((definition) => definition.code)),
    reportingOrganisation: fc.constant('UA-EDR-21514560'),
    scope: fc.record({ country: fc.constantFrom('UA', 'RU', 'FR', 'ES', 'ZA'), subnationalArea: text }, { requiredKeys: ['country'] }),
    period: fc.record({ start: date, end: date }),
    numerator: number,
    denominator: number,
    value: number,
    unit: fc.constantFrom(...codelists.unit.codes),
    dataSource: fc.constantFrom(...codelists.dataSource.codes),
    confidenceInterval: fc.record({ lower: number, upper: number, level: fc.constantFrom(90, 95, 99.5) }, { requiredKeys: ['lower', 'upper'] }),
    suppressed: fc.boolean(),
    notes: text,
  },
  { requiredKeys: ['id', 'indicator', 'reportingOrganisation', 'scope', 'period', 'unit', 'dataSource'] },
);

describe('round trip through Excel’s CSV', () => {
  it('records → CSV for a locale → records is lossless in every locale', () => {
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 8 }), fc.constantFrom(...excelLocales), (records, excelLocale) => {
        const csv = writeCsv('observation', records, { excelLocale });
        const table = readCsv(csv, { excelLocale });
        expect(table.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
        expect(table.records).toEqual(records);
        expect(writeCsv('observation', table.records, { excelLocale })).toBe(csv);
      }),
      { numRuns: 300 },
    );
  });

  // A file written for one locale (or for none) and read as from another: its delimiter, its cells and the locale
  // said may disagree, but a number is read as the writer wrote it or not at all, never a thousand times larger.
  it('reads the numbers of a CSV written for any locale, or none, back as they are, whatever locale it is read as from', () => {
    const locales = [undefined, ...excelLocales];
    const numbers = (record: Record<string, unknown>): unknown[] => [record.numerator, record.denominator, record.value, record.confidenceInterval];
    const figures = fc.record(
      {
        id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
        numerator: number,
        denominator: fc.oneof(number, fc.integer({ min: 1000, max: 999_999 })),
        value: fc.oneof(number, fc.integer({ min: 1, max: 999_999 }).map((n) => n / 1000)),
        confidenceInterval: fc.record({ lower: number, upper: number }),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(figures, { minLength: 1, maxLength: 8, selector: (record) => record.id }), fc.constantFrom(...locales), fc.constantFrom(...locales), (records, writtenFor, readAs) => {
        const observations = records.map((record) => ({ ...record, indicator: 'hiv-prevalence-prisoners', period: { start: '2020-01-01', end: '2020-12-31' }, unit: 'count' }));
        const table = readCsv(writeCsv('observation', observations, { excelLocale: writtenFor }), { excelLocale: readAs });
        expect(table.records.map(numbers)).toEqual(observations.map(numbers));
      }),
      { numRuns: 500 },
    );
  });

  // The page and the hub are not told the locale a file was written for.
  it('reads the CSV of any locale back to the same records without being told the locale', () => {
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 8 }), fc.constantFrom(...excelLocales), (records, excelLocale) => {
        const table = readCsv(writeCsv('observation', records, { excelLocale }));
        expect(table.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
        expect(table.records).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });
});
