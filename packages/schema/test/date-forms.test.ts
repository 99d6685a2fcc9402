import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemblePackage, readCsv, readXlsx, validateCsv, validateFile, xlsxTemplate, type CellLocation, type IssueParams, type Locale, type ZodIssueParams } from '../src/index.js';
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
    // The message writes the value with its year in full, in its own form, in both centuries: it does not pick one.
    expect(messages).toEqual({
      en: 'Start of the period: "01.01.20" has a two-digit year: write the year in full, 01.01.1920 or 01.01.2020, whichever is meant',
      uk: 'Початок періоду: «01.01.20» — рік записано двома цифрами: запишіть його повністю, 01.01.1920 або 01.01.2020, залежно від того, який рік мали на увазі',
      ru: 'Начало периода: «01.01.20» — год записан двумя цифрами: запишите его полностью, 01.01.1920 или 01.01.2020, в зависимости от того, какой год имеется в виду',
      fr: "Début de la période : « 01.01.20 » a une année sur deux chiffres : écrivez l'année en entier, 01.01.1920 ou 01.01.2020, selon le cas",
      es: 'Inicio del período: «01.01.20» tiene el año en dos cifras: escriba el año completo, 01.01.1920 o 01.01.2020, según corresponda',
    });
    const fullYears = validateCsv(csv, { now }).issues.filter((issue) => issue.severity === 'error').map((issue) => (issue.params as IssueParams['schema.invalid-format']).fullYears);
    expect(fullYears).toEqual([['01.01.1920', '01.01.2020'], ['31-12-1921', '31-12-2021'], ['1/7/1920', '1/7/2020'], ['31/12/1920', '31/12/2020']]);
  });

  it('are written in full in the message only where the value is a date, with a time in a date-time field alone', () => {
    const issueOf = (start: string) => validateCsv(sheet(row(start, '2020-12-31')), { now }).issues.find((issue) => issue.pointer === '/period/start')!;
    // A date field takes no time of day: the date alone is written in full.
    expect((issueOf('31.12.20 14:30').params as IssueParams['schema.invalid-format']).fullYears).toEqual(['31.12.1920', '31.12.2020']);
    // No day and month (45.13.20, 13.13.20 where dots are day first) or more than a date: the message gives the general example.
    for (const start of ['45.13.20', '13.13.20', '31.12.20 and more']) {
      const issue = issueOf(start);
      expect(issue.params).toMatchObject({ form: 'four-digit-year' });
      expect(issue.params).not.toHaveProperty('fullYears');
      expect(issue.message).toBe(`Start of the period: "${start}" is not a date with a four-digit year, e.g. 2020-12-31`);
    }
    const meeting = validateCsv('id;title.en;format;start;end\r\nm-1;Meeting;in-person;28.10.20 4:00 PM;2020-10-28T18:00:00+02:00', { now }).issues.find((issue) => issue.pointer.endsWith('/start'))!;
    expect(meeting.message).toBe('Start: "28.10.20 4:00 PM" has a two-digit year: write the year in full, 28.10.1920 4:00 PM or 28.10.2020 4:00 PM, whichever is meant');
  });

  it('are offered, in full, in a form that reads, and any text at all gives a message', () => {
    const number = (max: number, digits: number) => fc.nat(max).chain((n) => fc.constantFrom(String(n), String(n).padStart(digits, '0')));
    const dated = fc
      .tuple(number(40, 2), fc.constantFrom('.', '/', '-'), number(14, 2), number(99, 2), fc.constantFrom('', ' 16:00', ' 4:30 PM', ' 0:00', ' x'))
      .map(([first, separator, second, year, after]) => `${first}${separator}${second}${separator}${year.slice(-2)}${after}`);
    const cell = fc.oneof(dated, fc.stringMatching(/^[\d./ :-]{0,14}$/));
    fc.assert(
      fc.property(cell, (start) => {
        const issues = validateCsv(sheet(row(start, '2020-12-31')), { now }).issues.filter((issue) => issue.pointer === '/period/start');
        for (const issue of issues) {
          expect(issue.message).not.toMatch(/undefined|NaN/);
          const { fullYears } = issue.params as IssueParams['schema.invalid-format'];
          if (!fullYears) continue;
          expect(fullYears.map((full) => full.replace(/^(\d+\D\d+\D)(19|20)/, '$1'))).toEqual([start.trim().split(' ')[0], start.trim().split(' ')[0]]);
          // Written in full, the date is read (day first where the dots or its order say so).
          for (const full of fullYears) {
            const read = readColumn('date', [full], { dateOrder: Number(full.split(/\D/)[0]) > 12 ? 'day-month' : 'month-day' }).values[0];
            expect(read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('are told so in a date-time column too, and other texts that are no date are not', () => {
    const meetingIssue = (start: string) =>
      validateCsv(`id;title.en;format;start;end\r\nm-1;Meeting;in-person;${start};2020-10-28T18:00:00+02:00`, { now }).issues.find((issue) => issue.pointer === '/meetings/0/start' || issue.pointer.endsWith('/start'));
    expect(meetingIssue('28.10.20 16:00')?.params).toMatchObject({ form: 'four-digit-year' });
    expect(readColumn('date', ['20', '2020.12.31.', '31.12.2020.'], {}).values).toEqual(['20', '2020.12.31.', '31.12.2020.']);
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
      'Стовпець «period.start»: прочитано 1 клітинку з урахуванням таких форм запису: дати у форматі d mmmm yyyy',
      'Стовпець «period.end»: прочитано 1 клітинку з урахуванням таких форм запису: дати у форматі d mmmm yyyy',
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
    expect(notes[0]!.message).toMatch(/: 1 ячейка прочитана с учётом таких форм записи: даты в формате d mmmm yyyy$/);
    expect(notes[1]!.message).toMatch(/: 1 ячейка прочитана с учётом таких форм записи: даты в формате dd-mm-yyyy$/);
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

describe('dates written year first with `/` or `.`', () => {
  it('are read year, month, day whatever the order of day and month, and noted in a form of their own', () => {
    for (const dateOrder of [undefined, 'day-month', 'month-day'] as const) {
      const reading = readColumn('date', ['2020/12/31', '2020.12.31', '2020/1/5', '2020.1.5', '2020/05/01'], { dateOrder });
      expect(reading.values).toEqual(['2020-12-31', '2020-12-31', '2020-01-05', '2020-01-05', '2020-05-01']);
      expect(reading).toMatchObject({ forms: new Set(['yyyy/mm/dd', 'yyyy.mm.dd']), normalised: 5 });
    }
    // They tell nothing of the order of the sheet's other dates, and ask for none.
    expect(sheetDateOrder([['2020/12/31', '2020/01/02']])).toBeUndefined();
    expect(readColumn('date', ['2020/01/02', '2020/02/01'], { delimiter: ',' })).not.toHaveProperty('ambiguousDate');
  });

  it('that cannot be are not read as anything else: no such month stays as written, no such day is reported as such', () => {
    expect(values(['2020/13/01', '2020/31/12', '2020.0.5', '2020/12/32', '2020/12/0', '2020/12-31', '2020//12/31', '20/12/31', '12020/12/31'])).toEqual([
      '2020/13/01', '2020/31/12', '2020.0.5', '2020/12/32', '2020/12/0', '2020/12-31', '2020//12/31', '20/12/31', '12020/12/31',
    ]);
    const issues = validateCsv(sheet(row('2020/31/12', '2021.02.29')), { now }).issues.filter((issue) => issue.severity === 'error');
    expect(issues.map((issue) => [issue.pointer, (issue.params as ZodIssueParams).form, (issue.params as ZodIssueParams).value])).toEqual([
      ['/period/start', 'date', '2020/31/12'],
      ['/period/end', 'calendar-day', '2021-02-29'],
    ]);
  });

  it('with a time of day in a date-time column, as a date in figures, and as its day in a date column, the time left out said', () => {
    const cells = ['2020/10/28 16:00', '2020.10.28 4:00 PM', '2020/10/28 0:00', '2020/10/28 24:00'];
    const times = readColumn('date-time', cells, {});
    expect(times.values).toEqual(['2020-10-28T16:00:00', '2020-10-28T16:00:00', '2020-10-28', '2020/10/28 24:00']);
    expect([...times.forms]).toEqual(['yyyy/mm/dd hh:mm', 'yyyy.mm.dd hh:mm', 'yyyy/mm/dd']);
    const days = readColumn('date', cells, {});
    expect(days.values).toEqual(['2020-10-28', '2020-10-28', '2020-10-28', '2020/10/28 24:00']);
    expect([...days.forms]).toEqual(['yyyy/mm/dd hh:mm', 'time-dropped', 'yyyy.mm.dd hh:mm', 'yyyy/mm/dd']);
  });
});

describe('a date with the month in words and a time of day', () => {
  const written: [string, string][] = [
    ['31 грудня 2020 14:30', '2020-12-31T14:30:00'], ['31 грудня 2020 р. о 14:30', '2020-12-31T14:30:00'], ['31 груд. 2020 р., 14:30', '2020-12-31T14:30:00'],
    ['31 декабря 2020 г. в 14:30', '2020-12-31T14:30:00'], ['31 декабря 2020 14:30:15', '2020-12-31T14:30:15'],
    ['December 31, 2020 2:30 PM', '2020-12-31T14:30:00'], ['December 31, 2020 at 2:30 PM', '2020-12-31T14:30:00'], ['Dec 31, 2020, 2:30 p.m.', '2020-12-31T14:30:00'],
    ['31 décembre 2020 à 14:30', '2020-12-31T14:30:00'], ['31 de diciembre de 2020 a las 14:30', '2020-12-31T14:30:00'], ['5 de enero de 2020 a la 1:30', '2020-01-05T01:30:00'],
  ];

  it('is read as a date in figures with a time is: a date and time in a date-time column, noted in a form of its own', () => {
    const reading = readColumn('date-time', written.map(([text]) => text), {});
    expect(reading.values).toEqual(written.map(([, iso]) => iso));
    expect(reading).toMatchObject({ forms: new Set(['d mmmm yyyy hh:mm']), normalised: written.length });
    // As `31.12.2020 14:30` is.
    expect(readColumn('date-time', ['31.12.2020 14:30'], {}).values).toEqual(['2020-12-31T14:30:00']);
  });

  it('is read as its day in a date column, as `31.12.2020 14:30` is, the time left out said unless it is midnight; a time that cannot be is never read', () => {
    expect(values(['31 грудня 2020 14:30', '31.12.2020 14:30', '31 грудня 2020 0:00', 'December 31, 2020 12:00 AM'])).toEqual(['2020-12-31', '2020-12-31', '2020-12-31', '2020-12-31']);
    expect([...readColumn('date', ['31 грудня 2020 0:00', 'December 31, 2020 12:00 AM'], {}).forms]).toEqual(['d mmmm yyyy']);
    expect([...readColumn('date', ['31 грудня 2020 14:30'], {}).forms]).toEqual(['d mmmm yyyy hh:mm', 'time-dropped']);
    expect(readColumn('date-time', ['31 грудня 2020 25:00', 'December 31, 2020 13:00 PM', '31 грудня 2020 14:60', '31 грудня 2020 о', '31 Smarch 2020 14:30'], {}).values).toEqual([
      '31 грудня 2020 25:00', 'December 31, 2020 13:00 PM', '31 грудня 2020 14:60', '31 грудня 2020 о', '31 Smarch 2020 14:30',
    ]);
    const issues = (start: string) => validateCsv(sheet(row(start, '2020-12-31')), { now }).issues.map((issue) => [issue.code, issue.params]);
    expect(issues('31 грудня 2020 14:30')).toEqual([['sheet.normalised', { column: 'period.start', cells: 1, forms: ['d mmmm yyyy hh:mm', 'time-dropped'] }]]);
    expect(issues('31.12.2020 14:30')).toEqual([['sheet.normalised', { column: 'period.start', cells: 1, forms: ['dd.mm.yyyy hh:mm', 'time-dropped'] }]]);
  });

  it('in a meeting sheet, is told to need its offset from UTC, as one in figures is', () => {
    const lacks = (start: string) => validateCsv(`id;title.en;format;start;end\r\nm-1;Meeting;in-person;${start};2020-10-28T18:00:00+02:00`, { now }).issues.filter((issue) => issue.pointer.endsWith('/start')).map((issue) => [issue.code, issue.params]);
    expect(lacks('28 жовтня 2020 о 16:00')).toEqual([
      ['sheet.normalised', { column: 'start', cells: 1, forms: ['d mmmm yyyy hh:mm'] }],
      lacks('28.10.2020 16:00')[1],
    ]);
    expect(lacks('28 жовтня 2020 о 16:00')[1]).toEqual(['schema.invalid-format', expect.objectContaining({ value: '2020-10-28T16:00:00', lacks: 'offset' })]);
  });
});

describe('any date, with a time or not, written year first or as each language writes it in words, reads back', () => {
  const instant = fc
    .date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59)), noInvalidDate: true })
    .map((date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000));
  const pad = (n: number, short: boolean): string => (short ? String(n) : String(n).padStart(2, '0'));
  const iso = (date: Date, withTime: boolean): string => (withTime && date.getUTCHours() + date.getUTCMinutes() > 0 ? date.toISOString().slice(0, 19) : date.toISOString().slice(0, 10));

  it('year first, with `/` or `.`, padded or not, whatever order of day and month the file says', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('/', '.'), fc.boolean(), fc.constantFrom(undefined, 'day-month', 'month-day'), fc.constantFrom(undefined, ';', ','), fc.boolean(), (date, separator, short, dateOrder, delimiter, withTime) => {
        const day = [date.getUTCFullYear(), pad(date.getUTCMonth() + 1, short), pad(date.getUTCDate(), short)].join(separator);
        const cell = withTime ? `${day} ${pad(date.getUTCHours(), short)}:${pad(date.getUTCMinutes(), false)}` : day;
        const reading = readColumn(withTime ? 'date-time' : 'date', [cell], { dateOrder, delimiter });
        expect(reading.values).toEqual([iso(date, withTime)]);
        expect([...reading.forms]).toEqual([`yyyy${separator}mm${separator}dd${withTime && iso(date, true).length > 10 ? ' hh:mm' : ''}`]);
      }),
      { numRuns: 500 },
    );
  });

  it('as Intl.DateTimeFormat writes a date and time in each language, long and medium, in a date-time column', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...locales), fc.constantFrom('long', 'medium') as fc.Arbitrary<'long' | 'medium'>, (date, language, dateStyle) => {
        const cell = new Intl.DateTimeFormat(language, { dateStyle, timeStyle: 'short', timeZone: 'UTC' }).format(date);
        expect(readColumn('date-time', [cell], {}).values, cell).toEqual([iso(date, true)]);
      }),
      { numRuns: 500 },
    );
  });

  it('and any text at all is read as a date or left as it is, never thrown on', () => {
    const piece = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('2020', '31', '1', '/', '.', '-', ' ', ':', '30', 'PM', 'р.', 'о', 'at', 'de', 'грудня', 'December', ','));
    const text = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom('date', 'date-time') as fc.Arbitrary<'date' | 'date-time'>, fc.constantFrom(undefined, 'day-month', 'month-day'), (cell, kind, dateOrder) => {
        const [value] = readColumn(kind, [cell], { dateOrder }).values;
        if (value !== undefined && value !== cell) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a CSV file as Excel in Ukrainian saves it, with dates written every way', () => {
  it('is read by validateFile: each form noted, a two-digit year told in full in both centuries', async () => {
    const rows = [row('2020/01/01', '2020.12.31'), row('1 лютого 2020 р.', '31 грудня 2020'), row('2020/1/1', '31.12.20')].map((line, i) => line.replace(/^obs-\w+/, `obs-${i + 1}`));
    const bytes = new TextEncoder().encode(`\uFEFF${sheet(...rows)}\r\n`);
    const result = await validateFile(bytes, { name: 'спостереження.csv', now, locale: 'uk' });
    expect(result.issues.map((issue) => [issue.code, issue.severity, issue.message])).toEqual([
      ['sheet.normalised', 'info', 'Стовпець «period.start»: прочитано 3 клітинки з урахуванням таких форм запису: дати у форматі yyyy/mm/dd та d mmmm yyyy'],
      ['sheet.normalised', 'info', 'Стовпець «period.end»: прочитано 2 клітинки з урахуванням таких форм запису: дати у форматі yyyy.mm.dd та d mmmm yyyy'],
      ['schema.invalid-format', 'error', 'Кінець періоду: «31.12.20» — рік записано двома цифрами: запишіть його повністю, 31.12.1920 або 31.12.2020, залежно від того, який рік мали на увазі'],
    ]);
  });
});

describe('dates of a sheet quoted in messages as typed in their cells', () => {
  const messagesOf = (issues: readonly { code: string; params: unknown; message: string }[], code: string) => issues.filter((issue) => issue.code === code).map((issue) => [issue.params, issue.message]);

  it('in a CSV file: a day of no calendar and a period that ends before it starts, in each language, the ISO dates kept in the params', () => {
    const csv = sheet(row('31.02.2019', '31.12.2019'), row('01.01.2024', '31.12.2020'), row('2024-01-01', '2020-12-31'), row('01.01.2030', '31.12.2030'));
    const issues = validateCsv(csv, { now }).issues;
    expect(messagesOf(issues, 'schema.invalid-format')).toEqual([
      [expect.objectContaining({ value: '2019-02-31', form: 'calendar-day', typed: '31.02.2019' }), 'Start of the period: "31.02.2019" is not a day of the calendar: that month has fewer days'],
    ]);
    expect(messagesOf(issues, 'period.start-after-end')).toEqual([
      [{ start: '2024-01-01', end: '2020-12-31', typed: { start: '01.01.2024', end: '31.12.2020' } }, 'The period starts (01.01.2024) after it ends (31.12.2020)'],
      // Typed as PHX writes a date: as it is.
      [{ start: '2024-01-01', end: '2020-12-31' }, 'The period starts (2024-01-01) after it ends (2020-12-31)'],
    ]);
    expect(messagesOf(issues, 'period.in-future')).toEqual([[{ end: '2030-12-31', today: '2024-06-30', typed: { end: '31.12.2030' } }, 'The period ends in the future (31.12.2030; today is 2024-06-30)']]);
    const inEach = Object.fromEntries(locales.map((locale) => [locale, validateCsv(csv, { now, locale }).issues.filter((issue) => issue.severity === 'error').map((issue) => issue.message)]));
    expect(inEach.uk!.slice(0, 2)).toEqual(['Початок періоду: «31.02.2019» — не наявний день календаря: у цьому місяці менше днів', 'Період починається (01.01.2024) після свого завершення (31.12.2020)']);
    expect(inEach.ru!.slice(0, 2)).toEqual(['Начало периода: «31.02.2019» — не существующий день: в этом месяце меньше дней', 'Период начинается (01.01.2024) после своего окончания (31.12.2020)']);
    for (const locale of locales) expect(inEach[locale]!.slice(0, 2).join(' ')).not.toMatch(/2019-02-31|2024-01-01/);
  });

  it('in a CSV file under a title, on rows far apart among ISO dates: each quoted as typed at its own row, no other', () => {
    const iso = Array.from({ length: 40 }, (_, i) => row(`${1980 + i}-01-01`, `${1980 + i}-12-31`));
    const csv = ['Звіт про ВІЛ у місцях позбавлення волі', '', header, row('31.02.2019', '31.12.2019'), ...iso, row('01.01.2024', '31.12.2020'), row('2024-02-01', '2020-12-31')].join('\r\n');
    const issues = validateCsv(csv, { now }).issues;
    const placed = (code: string) => issues.filter((issue) => issue.code === code).map((issue) => [(issue.location as { row: number }).row, issue.params]);
    // The header is row 3: the first record row 4, the last two rows 45 and 46.
    expect(placed('schema.invalid-format')).toEqual([[4, expect.objectContaining({ value: '2019-02-31', typed: '31.02.2019' })]]);
    expect(placed('period.start-after-end')).toEqual([
      [45, { start: '2024-01-01', end: '2020-12-31', typed: { start: '01.01.2024', end: '31.12.2020' } }],
      [46, { start: '2024-02-01', end: '2020-12-31' }],
    ]);
  });

  it('in a workbook: text cells quoted as typed, in validateXlsx and in a package built from it', async () => {
    const workbook = new ExcelJS.Workbook();
    const observations = workbook.addWorksheet('observations');
    observations.addRow(header.split(';'));
    observations.addRow(row('31.02.2019', '31.12.2019').split(';').map((cell, i) => (i === 6 || i === 7 || i === 8 ? Number(cell) : cell)));
    observations.addRow(row('01.01.2024', '31.12.2020').split(';').map((cell, i) => (i === 6 || i === 7 || i === 8 ? Number(cell) : cell)));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const expected = [
      ['schema.invalid-format', { sheet: 'observations', cell: 'E2' }, 'Початок періоду: «31.02.2019» — не наявний день календаря: у цьому місяці менше днів'],
      ['period.start-after-end', { sheet: 'observations', cell: 'E3' }, 'Період починається (01.01.2024) після свого завершення (31.12.2020)'],
    ];
    // The workbook has no Package sheet: a package built from it lacks its header, which is no matter here.
    const errors = (issues: readonly { code: string; location?: unknown; message: string }[]) =>
      issues.filter((issue) => issue.code === 'schema.invalid-format' || issue.code === 'period.start-after-end').map((issue) => [issue.code, issue.location, issue.message]);
    expect(errors((await validateFile(bytes, { name: 'report.xlsx', now, locale: 'uk' })).issues)).toEqual(expected.map(([code, at, message]) => [code, expect.objectContaining(at), message]));
    const assembled = await assemblePackage([{ name: 'report.xlsx', bytes }], { locale: 'uk', now });
    expect(errors(assembled.files.flatMap((file) => file.issues))).toEqual(expected.map(([code, at, message]) => [code, expect.objectContaining(at), message]));
  });
});
