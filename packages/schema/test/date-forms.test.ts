import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, readXlsx, validateCsv, xlsxTemplate, type CellLocation, type Locale, type ZodIssueParams } from '../src/index.js';
import { readColumn, sheetDateOrder, type SheetCell } from '../src/formats/cells.js';

const now = new Date('2024-06-30');
const locales: Locale[] = ['en', 'uk', 'ru', 'fr', 'es'];

const header = 'id;indicator;reportingOrganisation;scope.country;period.start;period.end;numerator;denominator;value;unit;dataSource';
const row = (start: string, end: string) => `obs-${start.replace(/\W/g, '')};hiv-prevalence-prisoners;ZA-NPO-123-456;ZA;${start};${end};120;1000;12;percent;survey`;
const sheet = (...rows: string[]): string => [header, ...rows].join('\r\n');
const values = (cells: SheetCell[], delimiter?: string): unknown[] => readColumn('date', cells, { delimiter }).values;

describe('dates written with dashes, day first or month first', () => {
  it('reads 31-12-2020 as the order of day and month the column, the sheet or the file tells, as for `/`', () => {
    expect(values(['31-12-2020', '01-02-2020'], ',')).toEqual(['2020-12-31', '2020-02-01']);
    expect(values(['12-31-2020', '01-02-2020'], ',')).toEqual(['2020-12-31', '2020-01-02']);
    // A `;`-separated file is day first when the cells cannot tell, and a date whose day and month are alike reads either way.
    expect(values(['01-02-2020', '1-1-2020'], ';')).toEqual(['2020-02-01', '2020-01-01']);
    // The order the dashes of one column tell is the sheet's, for a column that cannot tell.
    expect(sheetDateOrder([['31-12-2020'], ['01/02/2020']])).toBe('day-month');
    const table = readCsv(sheet(row('01-07-2020', '31-12-2020')));
    expect(table.records[0]!.period).toEqual({ start: '2020-07-01', end: '2020-12-31' });
    expect(table.issues.map((issue) => [issue.code, issue.params])).toEqual([
      ['sheet.normalised', { column: 'period.start', cells: 1, forms: ['dd-mm-yyyy'] }],
      ['sheet.normalised', { column: 'period.end', cells: 1, forms: ['dd-mm-yyyy'] }],
    ]);
  });

  it('asks for the order of 03-04-2020 once at the header, as for 03/04/2020, where nothing tells it', () => {
    const result = validateCsv(sheet(row('03-04-2020', '05-06-2020')).replaceAll(';', ','), { now });
    expect(result.issues.map((issue) => [issue.code, issue.params])).toEqual([
      ['sheet.date-order-unknown', { column: 'period.start', example: '03-04-2020' }],
      ['sheet.date-order-unknown', { column: 'period.end', example: '05-06-2020' }],
    ]);
    // Dates of one column that contradict each other are each reported at their cell.
    expect(readColumn('date', ['13-01-2020', '01-13-2020'], {}).values).toEqual(['13-01-2020', '01-13-2020']);
  });

  it('reads a date-time written with dashes', () => {
    const reading = readColumn('date-time', ['28-10-2020 16:00', '28-10-2020'], {});
    expect(reading.values).toEqual(['2020-10-28T16:00:00', '2020-10-28']);
    expect([...reading.forms]).toEqual(['dd-mm-yyyy hh:mm', 'dd-mm-yyyy']);
  });
});

describe('dates with a two-digit year', () => {
  it('are not read, whatever century Excel would take, and each is told to have its year in four digits, in every language', () => {
    const csv = sheet(row('01.01.20', '31.12.2020'), row('01.01.2021', '31-12-21'), row('1/7/20', '31/12/20'));
    const table = readCsv(csv);
    expect(table.records.map((r) => r.period)).toEqual([
      { start: '01.01.20', end: '2020-12-31' },
      { start: '2021-01-01', end: '31-12-21' },
      { start: '1/7/20', end: '31/12/20' },
    ]);
    const messages = Object.fromEntries(locales.map((locale) => {
      const issues = validateCsv(csv, { now, locale }).issues.filter((issue) => issue.severity === 'error');
      expect(issues.map((issue) => [issue.code, (issue.params as ZodIssueParams).form, (issue.location as CellLocation).row, issue.pointer])).toEqual([
        ['schema.invalid-format', 'four-digit-year', 2, '/period/start'],
        ['schema.invalid-format', 'four-digit-year', 3, '/period/end'],
        ['schema.invalid-format', 'four-digit-year', 4, '/period/start'],
        ['schema.invalid-format', 'four-digit-year', 4, '/period/end'],
      ]);
      return [locale, issues[0]!.message];
    }));
    expect(messages).toEqual({
      en: 'Start of the period: "01.01.20" is not a date with a four-digit year, e.g. 2020-12-31',
      uk: 'Початок періоду: «01.01.20» — не дата з роком із чотирьох цифр, наприклад 2020-12-31',
      ru: 'Начало периода: «01.01.20» — не дата с годом из четырёх цифр, например 2020-12-31',
      fr: "Début de la période : « 01.01.20 » n'est pas une date avec une année sur quatre chiffres, par ex. 2020-12-31",
      es: 'Inicio del período: «01.01.20» no es una fecha con el año en cuatro cifras, p. ej. 2020-12-31',
    });
  });

  it('are told so in a date-time column too, and other texts that are no date are not', () => {
    const meetingIssue = (start: string) =>
      validateCsv(`id;title.en;format;start;end\r\nm-1;Meeting;in-person;${start};2020-10-28T18:00:00+02:00`, { now }).issues.find((issue) => issue.pointer === '/meetings/0/start' || issue.pointer.endsWith('/start'));
    expect(meetingIssue('28.10.20 16:00')?.params).toMatchObject({ form: 'four-digit-year' });
    expect(readColumn('date', ['20', '2020.12.31', '31.12.2020.'], {}).values).toEqual(['20', '2020.12.31', '31.12.2020.']);
    const other = validateCsv(sheet(row('20', '2020-12-31'), row('31.12.200', '2020-12-31'))).issues.filter((issue) => issue.code === 'schema.invalid-format');
    expect(other.map((issue) => (issue.params as ZodIssueParams).form)).toEqual(['date', 'date']);
  });
});

describe('dates with the month in words, as people type them', () => {
  const typed: [string, string][] = [
    ['31 грудня 2020', '2020-12-31'], ['1 січня 2021 р.', '2021-01-01'], ['5 трав. 2020', '2020-05-05'],
    ['1 января 2020', '2020-01-01'], ['31 декабря 2020 г.', '2020-12-31'], ['8 Марта 2020', '2020-03-08'],
    ['31 December 2020', '2020-12-31'], ['December 31, 2020', '2020-12-31'], ['1 Jan 2020', '2020-01-01'], ['Sep 5, 2020', '2020-09-05'],
    ['1er janvier 2020', '2020-01-01'], ['14 juillet 2020', '2020-07-14'], ['3 févr. 2020', '2020-02-03'],
    ['31 de diciembre de 2020', '2020-12-31'], ['1 de enero del 2020', '2020-01-01'], ['1 січня 2021р.', '2021-01-01'], ['5 mayo 2020', '2020-05-05'],
  ];

  it('reads them in English, Ukrainian, Russian, French and Spanish, and notes the column', () => {
    const reading = readColumn('date', typed.map(([text]) => text), {});
    expect(reading.values).toEqual(typed.map(([, iso]) => iso));
    expect(reading).toMatchObject({ forms: new Set(['d mmmm yyyy']), normalised: typed.length });
    // A word that is no month, or a day no month has, stays as written, to be reported at its cell.
    expect(values(['31 Smarch 2020', '32 December 2020', 'December 2020', '31 December 20'])).toEqual(['31 Smarch 2020', '32 December 2020', 'December 2020', '31 December 20']);
  });

  it('in a CSV file and in text cells of a workbook alike, with the note in each language', async () => {
    const table = readCsv(sheet(row('1 січня 2020', '31 грудня 2020')), { locale: 'uk' });
    expect(table.records[0]!.period).toEqual({ start: '2020-01-01', end: '2020-12-31' });
    expect(table.issues.map((issue) => issue.message)).toEqual([
      'Стовпець «period.start»: клітинок, прочитаних з урахуванням дат вигляду d mmmm yyyy: 1',
      'Стовпець «period.end»: клітинок, прочитаних з урахуванням дат вигляду d mmmm yyyy: 1',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxTemplate({ language: 'en' })) as unknown as ArrayBuffer);
    const observations = workbook.getWorksheet('observations')!;
    const paths = (observations.getRow(2).values as unknown[]).slice(1);
    const cell = (path: string) => observations.getCell(3, paths.indexOf(path) + 1);
    cell('id').value = 'obs-1';
    cell('period.start').value = '1 января 2020';
    cell('period.end').value = '31-12-2020';
    const result = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { locale: 'ru' });
    expect((result.pkg.observations as unknown[])[0]).toMatchObject({ period: { start: '2020-01-01', end: '2020-12-31' } });
    const notes = result.issues.filter((issue) => issue.code === 'sheet.normalised');
    expect(notes.map((issue) => issue.params.forms)).toEqual([['d mmmm yyyy'], ['dd-mm-yyyy']]);
    expect(notes[0]!.message).toMatch(/ячеек, прочитанных с учётом дат вида d mmmm yyyy: 1$/);
    expect(notes[1]!.message).toMatch(/ячеек, прочитанных с учётом дат вида dd-mm-yyyy: 1$/);
  });
});

describe('any date written in a form PHX reads reads back as its ISO date', () => {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const monthName = (language: string, date: Date, month: 'long' | 'short', inDate: boolean): string =>
    new Intl.DateTimeFormat(language, { ...(inDate ? { day: 'numeric' } : {}), month, timeZone: 'UTC' }).formatToParts(date).find((part) => part.type === 'month')!.value;
  const forms: Record<string, (date: Date, language: string, short: boolean) => { text: string; settings?: { dateOrder: 'day-month' | 'month-day' } }> = {
    dots: (d, _, short) => ({ text: `${short ? d.getUTCDate() : pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}` }),
    'dashes, day first': (d) => ({ text: `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`, settings: { dateOrder: 'day-month' } }),
    'dashes, month first': (d) => ({ text: `${d.getUTCMonth() + 1}-${d.getUTCDate()}-${d.getUTCFullYear()}`, settings: { dateOrder: 'month-day' } }),
    'slashes, day first': (d) => ({ text: `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`, settings: { dateOrder: 'day-month' } }),
    'month in words': (d, language, short) => ({
      text: language === 'es' ? `${d.getUTCDate()} de ${monthName(language, d, 'long', true)} de ${d.getUTCFullYear()}` : `${d.getUTCDate()} ${monthName(language, d, short ? 'short' : 'long', true)} ${d.getUTCFullYear()}`,
    }),
    'month in words first': (d, language, short) => ({ text: `${monthName(language, d, short ? 'short' : 'long', false)} ${d.getUTCDate()}, ${d.getUTCFullYear()}` }),
  };

  it('in every form and language', () => {
    const day = fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((date) => new Date(Math.floor(date.getTime() / 86_400_000) * 86_400_000));
    fc.assert(
      fc.property(day, fc.constantFrom(...Object.keys(forms)), fc.constantFrom(...locales), fc.boolean(), fc.boolean(), (date, form, language, short, upper) => {
        const { text, settings = {} } = forms[form]!(date, language, short);
        const cell = upper ? text.toUpperCase() : text;
        const reading = readColumn('date', [cell], settings);
        expect(reading.values).toEqual([date.toISOString().slice(0, 10)]);
        expect(reading.normalised).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});
