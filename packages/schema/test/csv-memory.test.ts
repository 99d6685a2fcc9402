import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { assemblePackage, readRecords, recordsReadIn, validateFile } from '../src/index.js';
import { csvMemory } from '../src/formats/weighed-reads.js';

/** Observations as Ukrainian Excel saves them: `;`, decimal commas, dates `dd.mm.yyyy`, a blank row. */
const observations = readFileSync(new URL('../../../examples/data/spreadsheet/observations.csv', import.meta.url));

describe('the cells of a CSV file, counted before it is read', () => {
  it('are never fewer than the cells of its rows, and as many where no value holds a delimiter or a line feed', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'я', '€', '😀', ' ', '"', ',', ';', '\t', '|', '\n', '\r', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 30 }), fc.constantFrom(',', ';', '\t', '|'), (rows, delimiter) => {
        const width = rows[0]!.length;
        const table = rows.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? ''));
        const csv = `${Papa.unparse(table, { delimiter, newline: '\n', quotes: true })}\n`;
        const { cells } = csvMemory(new TextEncoder().encode(csv));
        expect(cells).toBeGreaterThanOrEqual(table.length * width);
        if (table.every((row) => row.every((value) => !/[,;\t|\n]/.test(value)))) expect(cells).toBe(table.length * width);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a CSV file that would take more memory than there is', () => {
  it('is refused by validateFile() before it is read, in the language asked, the cells and the memory named; one within the memory given is read', async () => {
    const whole = await validateFile(observations, { name: 'observations.csv' });
    expect(recordsReadIn(whole.read)).toBeGreaterThan(0);
    const refused = await validateFile(observations, { name: 'observations.csv', locale: 'uk', maxReadMemory: 1_000 });
    const { cells, neededBytes } = csvMemory(observations);
    expect(refused.ok).toBe(false);
    expect(recordsReadIn(refused.read)).toBe(0);
    expect(refused.issues).toMatchObject([{ code: 'file.too-large-for-memory', severity: 'error', path: [], params: { format: 'csv', cells, neededBytes, availableBytes: 1_000 } }]);
    expect(refused.issues[0]!.message).toMatch(/^Кількість клітинок у файлі CSV — близько \d+: щоб його прочитати, потрібно близько [\d,]+ МБ пам’яті, більше за доступні 1 кБ; розділіть його на файли з меншою кількістю рядків$/);
    // What it takes is the edge: that much memory reads it as a roomier one does, a byte less does not.
    expect(await validateFile(observations, { name: 'observations.csv', maxReadMemory: neededBytes })).toEqual(whole);
    expect((await validateFile(observations, { name: 'observations.csv', maxReadMemory: neededBytes - 1 })).issues.map((issue) => issue.code)).toEqual(['file.too-large-for-memory']);
  });

  it('is weighed against the files being read as well: of two read at once, each fitting alone, the second is refused', async () => {
    const { neededBytes } = csvMemory(observations);
    const whole = await validateFile(observations, { name: 'observations.csv' });
    const maxReadMemory = Math.floor(neededBytes * 1.5);
    const both = await Promise.all([validateFile(observations, { name: 'a.csv', maxReadMemory }), validateFile(observations, { name: 'b.csv', maxReadMemory })]);
    const [read, refused] = both[0].issues.some((issue) => issue.code === 'file.too-large-for-memory') ? [...both].reverse() : both;
    expect(read).toEqual(whole);
    expect(refused!.issues).toMatchObject([{ code: 'file.too-large-for-memory', params: { neededBytes, availableBytes: maxReadMemory - neededBytes } }]);
    // Once read, what it took is at hand again.
    expect(await validateFile(observations, { name: 'observations.csv', maxReadMemory: neededBytes })).toEqual(whole);
  });

  it('is refused alike by readRecords() and by assemblePackage(), which read nothing of it', async () => {
    const records = await readRecords(observations, { name: 'observations.csv', maxReadMemory: 1_000 });
    expect(records.data).toBeUndefined();
    expect(records.issues.map((issue) => issue.code)).toEqual(['file.too-large-for-memory']);
    const assembled = await assemblePackage([{ name: 'observations.csv', bytes: observations }], { maxReadMemory: 1_000 });
    expect(assembled.readable).toBe(false);
    expect(assembled.pkg).toEqual({});
    expect(assembled.files[0]!.issues.map((issue) => [issue.code, issue.message.split(':')[0]])).toEqual([['file.too-large-for-memory', `The CSV file holds about ${csvMemory(observations).cells} cells`]]);
  });
});
