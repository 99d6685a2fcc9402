import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, validateCsv, type Locale } from '../src/index.js';
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

describe('any date written in a form PHX reads reads back as its ISO date', () => {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const forms: Record<string, (date: Date, language: string, short: boolean) => { text: string; settings?: { dateOrder: 'day-month' | 'month-day' } }> = {
    dots: (d, _, short) => ({ text: `${short ? d.getUTCDate() : pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}` }),
    'dashes, day first': (d) => ({ text: `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`, settings: { dateOrder: 'day-month' } }),
    'dashes, month first': (d) => ({ text: `${d.getUTCMonth() + 1}-${d.getUTCDate()}-${d.getUTCFullYear()}`, settings: { dateOrder: 'month-day' } }),
    'slashes, day first': (d) => ({ text: `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`, settings: { dateOrder: 'day-month' } }),
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
