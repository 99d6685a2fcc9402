import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, readXlsx, validate, validateCsv, validateXlsx, writeCsv, writeXlsx, type CellLocation, type ValidationIssue, type ZodIssueParams } from '../src/index.js';
import { readColumn, type ColumnSettings, type SheetCell } from '../src/formats/cells.js';

const example = JSON.parse(readFileSync(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const meeting = (example.meetings as Record<string, unknown>[])[0]!;
const now = new Date('2024-06-30');

/** The values a date-time column reads its cells as. */
const read = (cells: SheetCell[], settings: ColumnSettings = {}): unknown[] => readColumn('date-time', cells, settings).values;

const formatIssues = (issues: readonly ValidationIssue[]): ValidationIssue[] => issues.filter((issue) => issue.code === 'schema.invalid-format');

describe('date-time columns: a date and time read as Excel writes it, with no offset from UTC made up', () => {
  it('reads the forms Excel shows a date-time cell in as the ISO local date and time, and a date alone as a date', () => {
    expect(read(['28.10.2020 16:00', '28.10.2020 16:00:30', ' 1.4.2024 ', '01.04.2024 0:00', '2020-10-28 16:00', '2020-10-28 9:05:07'])).toEqual([
      '2020-10-28T16:00:00', '2020-10-28T16:00:30', '2024-04-01', '2024-04-01', '2020-10-28T16:00:00', '2020-10-28T09:05:07',
    ]);
    // ISO text, with an offset or without, is the model's to judge as it stands.
    expect(read(['2020-10-28T13:00:00+01:00', '2020-10-28T13:00:00Z', '2020-10-28T13:00:00', '2024-04-01'])).toEqual([
      '2020-10-28T13:00:00+01:00', '2020-10-28T13:00:00Z', '2020-10-28T13:00:00', '2024-04-01',
    ]);
    // A time of no clock and a day of no month stay as they were written.
    expect(read(['28.10.2020 24:00', '28.10.2020 16:60', '28.13.2020 16:00', '28.10.2020 13:00 PM'])).toEqual(['28.10.2020 24:00', '28.10.2020 16:60', '28.13.2020 16:00', '28.10.2020 13:00 PM']);
  });

  it('reads `/` date-times only in the order of day and month the column, the sheet or the file tells, on a 12-hour clock too', () => {
    const cells = ['10/28/2020 4:00 PM', '10/28/2020 12:30 AM', '3/4/2020 12:00 p.m.'];
    expect(read(cells, { excelLocale: 'en' })).toEqual(['2020-10-28T16:00:00', '2020-10-28T00:30:00', '2020-03-04T12:00:00']);
    expect(read(['04/03/2020 16:00'], { dateOrder: 'day-month' })).toEqual(['2020-03-04T16:00:00']);
    // Nothing tells the order of 04/03: the cell stays as written, and the column asks for the order.
    const unknown = readColumn('date-time', ['04/03/2020 16:00'], { delimiter: ',' });
    expect(unknown).toMatchObject({ values: ['04/03/2020 16:00'], ambiguousDate: '04/03/2020 16:00' });
  });

  it('reads a typed date cell as the date and time it shows, at midnight as a date alone, and a day number as Excel keeps it', () => {
    const cells: SheetCell[] = [new Date(Date.UTC(2020, 9, 28, 16)), new Date(Date.UTC(2024, 3, 1)), 44132.5416666667, 45383, '44132,5416666667', new Date(Date.UTC(1905, 6, 16))];
    const reading = readColumn('date-time', cells, {});
    expect(reading.values).toEqual(['2020-10-28T16:00:00', '2024-04-01', '2020-10-28T13:00:00', '2024-04-01', '2020-10-28T13:00:00', '2024']);
    expect([...reading.forms]).toEqual(['excel-serial']);
    expect(reading.normalised).toBe(3);
  });

  it('reads any date cell back as the ISO text of the time of day it shows', () => {
    const moment = fc.date({ min: new Date(Date.UTC(1927, 4, 18)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)), noInvalidDate: true });
    fc.assert(
      fc.property(moment, (date) => {
        const [value] = read([date]);
        const midnight = date.getTime() % 86_400_000 === 0;
        expect(value).toMatch(midnight ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$/);
        expect(new Date(midnight ? (value as string) : `${value as string}Z`)).toEqual(date);
      }),
    );
  });

  it('reads any date and time written dd.mm.yyyy hh:mm(:ss), as Excel in Ukrainian or Russian shows it, as the ISO local date and time', () => {
    const pad = (n: number): string => String(n).padStart(2, '0');
    const moment = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)), noInvalidDate: true }).map((date) => new Date(Math.floor(date.getTime() / 1000) * 1000));
    fc.assert(
      fc.property(moment, fc.boolean(), fc.boolean(), (date, seconds, short) => {
        const at = seconds ? date : new Date(Math.floor(date.getTime() / 60_000) * 60_000);
        const [day, month, hours] = [at.getUTCDate(), at.getUTCMonth() + 1, at.getUTCHours()];
        const text = `${short ? day : pad(day)}.${short ? month : pad(month)}.${at.getUTCFullYear()} ${short ? hours : pad(hours)}:${pad(at.getUTCMinutes())}${seconds ? `:${pad(at.getUTCSeconds())}` : ''}`;
        const iso = at.toISOString().slice(0, 19);
        const reading = readColumn('date-time', [text], { excelLocale: 'uk' });
        expect(reading.values).toEqual([iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso]);
        expect([...reading.forms]).toEqual([iso.endsWith('T00:00:00') ? 'dd.mm.yyyy' : 'dd.mm.yyyy hh:mm']);
      }),
    );
  });
});

describe('a date and time without its offset from UTC says what to add', () => {
  it('in a .phx.json file: the offset, or the time and the offset, completed from the value', () => {
    const checked = (publishedAt: string): ValidationIssue[] => formatIssues(validate(JSON.stringify({ ...example, publishedAt }), { now, locale: 'uk' }).issues);
    expect(checked('2024-04-01T09:00:00').map((issue) => [issue.pointer, (issue.params as ZodIssueParams).lacks, issue.message])).toEqual([
      ['/publishedAt', 'offset', 'Дата й час публікації: «2024-04-01T09:00:00» — без зсуву від UTC: додайте зсув місця на ту дату або Z для часу за UTC, наприклад 2024-04-01T09:00:00Z'],
    ]);
    expect(checked('2024-04-01').map((issue) => [(issue.params as ZodIssueParams).lacks, issue.message])).toEqual([
      ['time', 'Дата й час публікації: «2024-04-01» — лише дата: додайте час і зсув від UTC місця на ту дату або Z для часу за UTC, наприклад 2024-04-01T09:00:00Z'],
    ]);
    // A day or a time that cannot be lacks more than an offset: the form is named, as for any other text.
    for (const value of ['2024-13-01T09:00:00', '2024-04-01T25:00:00', '2024-02-30', '01.04.2024 09:00']) {
      expect(checked(value).map((issue) => (issue.params as ZodIssueParams).lacks)).toEqual([undefined]);
    }
    const english = validate(JSON.stringify({ ...example, meetings: [{ ...meeting, start: '2020-10-28T16:00:00' }] }), { now }).issues;
    expect(formatIssues(english).map((issue) => issue.message)).toEqual([
      'Start of the meeting: "2020-10-28T16:00:00" has no offset from UTC: add the offset of the place at that date, or Z for a time in UTC, e.g. 2020-10-28T16:00:00Z',
    ]);
  });

  it('in a CSV file saved by Excel in Ukrainian: 28.10.2020 16:00 read, noted, and reported at its cell as lacking the offset', () => {
    const written = writeCsv('meeting', [meeting], { excelLocale: 'uk' });
    const csv = written.replace('2020-10-28T13:00:00+01:00', '28.10.2020 16:00').replace('2020-10-28T16:00:00+01:00', '28.10.2020');
    expect(csv).not.toBe(written);
    const table = readCsv(csv);
    expect(table.records[0]).toMatchObject({ start: '2020-10-28T16:00:00', end: '2020-10-28' });
    // The action items' due dates are written dd.mm.yyyy too, and noted each in its column.
    const noted = table.issues.filter((issue) => issue.code === 'sheet.normalised' && !issue.params.column.endsWith('.due'));
    expect(noted.map((issue) => [issue.code, issue.params])).toEqual([
      ['sheet.normalised', { column: 'start', cells: 1, forms: ['dd.mm.yyyy hh:mm'] }],
      ['sheet.normalised', { column: 'end', cells: 1, forms: ['dd.mm.yyyy'] }],
    ]);
    for (const locale of ['en', 'uk'] as const) {
      const issues = formatIssues(validateCsv(csv, { now, locale }).issues);
      expect(issues.map((issue) => [issue.pointer, (issue.location as CellLocation).row, issue.message])).toEqual(
        locale === 'en'
          ? [
              ['/start', 2, 'Start: "2020-10-28T16:00:00" has no offset from UTC: add the offset of the place at that date, or Z for a time in UTC, e.g. 2020-10-28T16:00:00Z'],
              ['/end', 2, 'End: "2020-10-28" is a date alone: add the time and the offset from UTC of the place at that date, or Z for a time in UTC, e.g. 2020-10-28T09:00:00Z'],
            ]
          : [
              ['/start', 2, 'Початок: «2020-10-28T16:00:00» — без зсуву від UTC: додайте зсув місця на ту дату або Z для часу за UTC, наприклад 2020-10-28T16:00:00Z'],
              ['/end', 2, 'Кінець: «2020-10-28» — лише дата: додайте час і зсув від UTC місця на ту дату або Z для часу за UTC, наприклад 2020-10-28T09:00:00Z'],
            ],
      );
    }
  });

  it('in a workbook: date cells typed in a meeting’s start and end, with a time and without; in publishedAt, read as UTC', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(example)) as unknown as ArrayBuffer);
    const header = workbook.getWorksheet('Package')!;
    const meetings = workbook.getWorksheet('meetings')!;
    const column = (sheet: ExcelJS.Worksheet, name: string): number => (sheet.getRow(2).values as unknown[]).indexOf(name);
    header.getCell(3, column(header, 'publishedAt')).value = new Date(Date.UTC(2024, 3, 1));
    const start = meetings.getCell(3, column(meetings, 'start'));
    start.value = new Date(Date.UTC(2020, 9, 28, 16));
    start.numFmt = 'dd.mm.yyyy hh:mm';
    meetings.getCell(3, column(meetings, 'end')).value = new Date(Date.UTC(2020, 9, 28, 18, 30, 15));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const { pkg } = await readXlsx(bytes);
    expect(pkg.publishedAt).toBe('2024-04-01T00:00:00Z');
    expect((pkg.meetings as Record<string, unknown>[])[0]).toMatchObject({ start: '2020-10-28T16:00:00', end: '2020-10-28T18:30:15' });
    const issues = formatIssues((await validateXlsx(bytes, { now, locale: 'en' })).issues);
    expect(issues.map((issue) => [(issue.location as CellLocation).sheet, (issue.location as CellLocation).cell, issue.message])).toEqual([
      ['meetings', 'C3', 'Start of the meeting: "2020-10-28T16:00:00" has no offset from UTC: add the offset of the place at that date, or Z for a time in UTC, e.g. 2020-10-28T16:00:00Z'],
      ['meetings', 'D3', 'End of the meeting: "2020-10-28T18:30:15" has no offset from UTC: add the offset of the place at that date, or Z for a time in UTC, e.g. 2020-10-28T18:30:15Z'],
    ]);
  });

  it('writes date-times as the ISO text they are, in a text cell, so that they read back unchanged', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(example)) as unknown as ArrayBuffer);
    const meetings = workbook.getWorksheet('meetings')!;
    const start = meetings.getCell(3, (meetings.getRow(2).values as unknown[]).indexOf('start'));
    expect([start.value, start.numFmt]).toEqual([meeting.start, '@']);
    expect(readCsv(writeCsv('meeting', [meeting], { excelLocale: 'uk' })).records).toEqual([meeting]);
  });
});

describe('a time of day in a date column: the day read, the time left out said once for the column', () => {
  const locales = ['en', 'uk', 'ru', 'fr', 'es'] as const;
  const header = 'id;indicator;reportingOrganisation;scope.country;period.start;period.end;numerator;denominator;value;unit;dataSource';
  const csv = (...starts: string[]): string =>
    [header, ...starts.map((start, i) => `obs-${i};hiv-prevalence-prisoners;ZA-NPO-123-456;ZA;${start};31.12.2020;${120 + 10 * i};1000;${12 + i};percent;survey`)].join('\r\n');
  const notes = (issues: readonly ValidationIssue[]) => issues.filter((issue) => issue.code === 'sheet.normalised' && issue.pointer === '/period/start').map((issue) => issue.params);

  it('reads 2020-01-01 14:30, 01.01.2020 14:30 and the day number 43831.5 in a CSV date column as 2020-01-01, and says so in one note', () => {
    const result = validateCsv(csv('2020-01-01 14:30', '01.01.2020 14:30', '43831.5', '43831,5'), { now });
    expect(result.issues.filter((issue) => issue.pointer.endsWith('/period/start') && issue.code !== 'sheet.normalised')).toEqual([]);
    expect(readCsv(csv('2020-01-01 14:30', '01.01.2020 14:30', '43831.5', '43831,5')).records.map((record) => (record.period as { start: string }).start)).toEqual(['2020-01-01', '2020-01-01', '2020-01-01', '2020-01-01']);
    expect(notes(result.issues)).toEqual([{ column: 'period.start', cells: 4, forms: ['yyyy-mm-dd hh:mm', 'time-dropped', 'dd.mm.yyyy hh:mm', 'excel-serial'] }]);
    expect(result.issues.find((issue) => issue.pointer === '/period/start')!.message).toBe(
      'Column "period.start": 4 cells read allowing for these forms: dates written yyyy-mm-dd hh:mm and dd.mm.yyyy hh:mm, times of day (left out: the column holds days), Excel serial dates',
    );
  });

  it('says nothing of a time at midnight, which Excel shows after a date in a date-time cell', () => {
    const result = validateCsv(csv('2020-01-01 0:00', '01.01.2020 00:00', '43831.0'), { now });
    expect(result.issues.filter((issue) => issue.pointer.endsWith('/period/start') && issue.code !== 'sheet.normalised')).toEqual([]);
    expect(notes(result.issues)).toEqual([{ column: 'period.start', cells: 3, forms: ['yyyy-mm-dd hh:mm', 'dd.mm.yyyy', 'excel-serial'] }]);
  });

  it('names the time left out in each of the five languages', () => {
    const messages = Object.fromEntries(locales.map((locale) => [locale, validateCsv(csv('01.01.2020 14:30'), { now, locale }).issues.find((issue) => issue.pointer === '/period/start')!.message]));
    expect(messages).toEqual({
      en: 'Column "period.start": 1 cell read allowing for these forms: dates written dd.mm.yyyy hh:mm, times of day (left out: the column holds days)',
      uk: 'Стовпець «period.start»: прочитано 1 клітинку з урахуванням таких форм запису: дати у форматі dd.mm.yyyy hh:mm, час доби (відкинуто: стовпець містить дні)',
      ru: 'Столбец «period.start»: 1 ячейка прочитана с учётом таких форм записи: даты в формате dd.mm.yyyy hh:mm, время суток (отброшено: столбец содержит дни)',
      fr: 'Colonne « period.start » : 1 cellule lue en tenant compte des formes suivantes : dates écrites dd.mm.yyyy hh:mm, heures (ignorées : la colonne contient des jours)',
      es: 'Columna «period.start»: 1 celda leída teniendo en cuenta estas formas: fechas escritas dd.mm.yyyy hh:mm, horas (omitidas: la columna contiene días)',
    });
  });

  it('reads a date-time cell of a workbook, and a number with a fraction, in a date column as its day, and says so; a date cell at midnight says nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    sheet.addRow(header.split(';'));
    const base = (id: string, start: Date | number) => [id, 'hiv-prevalence-prisoners', 'ZA-NPO-123-456', 'ZA', start, new Date(Date.UTC(2020, 11, 31)), 120, 1000, 12, 'percent', 'survey'];
    sheet.addRow(base('obs-1', new Date(Date.UTC(2020, 0, 1, 14, 30))));
    sheet.addRow(base('obs-2', 43831.5));
    sheet.addRow(base('obs-3', new Date(Date.UTC(2020, 0, 1))));
    for (const cell of ['E2', 'E4']) sheet.getCell(cell).numFmt = 'dd.mm.yyyy hh:mm';
    sheet.getColumn(6).numFmt = 'dd.mm.yyyy';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { pkg } = await readXlsx(bytes);
    expect((pkg.observations as { period: { start: string } }[]).map((observation) => observation.period.start)).toEqual(['2020-01-01', '2020-01-01', '2020-01-01']);
    const result = await validateXlsx(bytes, { now, locale: 'uk' });
    expect(result.issues.filter((issue) => issue.pointer.endsWith('/period/start') && issue.code !== 'sheet.normalised')).toEqual([]);
    const startNotes = result.issues.filter((issue) => issue.code === 'sheet.normalised' && issue.pointer.endsWith('/period/start'));
    expect(startNotes.map((issue) => [issue.params, issue.location])).toEqual([[{ column: 'period.start', letter: 'E', cells: 2, forms: ['time-dropped', 'excel-serial'] }, expect.objectContaining({ sheet: 'observations', row: 1 })]]);
    expect(startNotes[0]!.message).toContain('час доби (відкинуто: стовпець містить дні)');
    // period.end holds dates at midnight alone: nothing to say of it.
    expect(result.issues.filter((issue) => issue.pointer.endsWith('/period/end'))).toEqual([]);
  });
});
