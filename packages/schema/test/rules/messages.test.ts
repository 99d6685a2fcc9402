import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { awkwardFiles } from '../../../../test/corpus/awkward-files.js';
import { validateFile } from '../../src/file/validate-file-sync.js';
import { locales, type Locale } from '../../src/locales/index.js';
import { issueCodes, type IssueCode } from '../../src/validate/codes.js';
import type { ValidationIssue } from '../../src/validate/issue.js';
import { messageExamples } from '../../src/validate/message-examples.js';
import { formatIssue, renderMessage } from '../../src/validate/messages.js';
import { validateNdjson } from '../../src/validate/sync.js';
import { validate } from '../../src/validate/sync.js';
import ExcelJS from 'exceljs';
import { validateCsv } from '../../src/formats/csv.js';
import { readXlsx, validateXlsx } from '../../src/formats/xlsx.js';

const invalidDir = new URL('../../../../examples/data/invalid/', import.meta.url);
const now = new Date('2022-01-01T00:00:00Z');
const localeTags = Object.keys(locales) as Locale[];

/** One issue of every code the example files give, plus those that only a stream, an awkward file or a sheet can give. */
async function issuesOfEveryCode(): Promise<Map<IssueCode, ValidationIssue>> {
  const found = new Map<IssueCode, ValidationIssue>();
  const keep = (issue: ValidationIssue) => found.has(issue.code) || found.set(issue.code, issue);
  for (const file of readdirSync(invalidDir)) {
    if (file.endsWith('.phx.json')) validate(readFileSync(new URL(file, invalidDir), 'utf8'), { now }).issues.forEach(keep);
    if (file.endsWith('.phx.ndjson')) for await (const issue of validateNdjson(createReadStream(new URL(file, invalidDir)), { now })) keep(issue);
  }
  async function* tooLongAndNotUtf8() {
    yield new Uint8Array([0xff, 0x0a]);
    yield 'x'.repeat(100) + '\n';
  }
  for await (const issue of validateNdjson(tooLongAndNotUtf8(), { maxLineBytes: 10 })) keep(issue);
  // And those of whole files: empty, in another format or encoding, too large, a table that is not PHX data.
  for (const { name, bytes } of awkwardFiles()) (await validateFile(bytes, { name, now })).issues.forEach(keep);
  // A Cyrillic file read as Western European text.
  const cyrillic = awkwardFiles().find((file) => file.name === 'windows-1251.csv')!;
  (await validateFile(cyrillic.bytes, { name: cyrillic.name, now, encoding: 'windows-1252' })).issues.forEach(keep);
  // A stream that cannot be read again is read whole, up to the limit.
  (await validateFile(createReadStream(new URL('../network-meeting-2020.phx.json', invalidDir)), { name: 'a.phx.json', maxDocumentBytes: 1000 })).issues.forEach(keep);
  validateCsv('id,period.start,period.end,value,id\nobs-1,03/04/2020,"1.234,5","1,5",obs-1,surplus\n', { type: 'observation' }).issues.forEach(keep);
  // A sheet of a workbook saved as CSV: a field path cleared under its heading, and a column of one's own.
  validateCsv('Ідентифікатор;Індикатор;Знаменник;Коментар\nid;indicator;;\nobs-1;x;610;перевірено\n', { type: 'observation' }).issues.forEach(keep);
  // A value in percent in a row of another unit.
  validateCsv('id;unit;value\nobs-1;count;5,2%\n', { type: 'observation' }).issues.forEach(keep);
  // A point read as a thousands separator on a guess, in a `;`-separated file read without an Excel locale.
  validateCsv('id;unit;denominator\nobs-1;count;1.234\n', { type: 'observation' }).issues.forEach(keep);
  (await validateXlsx(new TextEncoder().encode('not a workbook'))).issues.forEach(keep);
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRow(['Some', 'notes']);
  // A Package sheet of two rows of values.
  workbook.addWorksheet('Package').addRows([['id'], ['pkg-1'], ['pkg-2']]);
  // An Excel error in a cell, a number Excel took for a date, a hidden row read all the same, and a hidden sheet that holds records.
  workbook.addWorksheet('facilities').addRows([['id', 'name', 'population.count'], ['f-1', { error: '#N/A' }, new Date(Date.UTC(2023, 4, 7))], ['f-3', 'Filtered out']]);
  workbook.getWorksheet('facilities')!.getRow(3).hidden = true;
  workbook.addWorksheet('draft', { state: 'hidden' }).addRows([['id', 'name'], ['f-2', 'Draft']]);
  (await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()))).issues.forEach(keep);
  // The same workbook, where there is memory for 3 kB.
  (await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { maxReadMemory: 3_000 })).issues.forEach(keep);
  return found;
}

const issues = await issuesOfEveryCode();

describe('messages', () => {
  it('exist for every code that data can produce', () => {
    expect([...issues.keys()].sort()).toEqual(Object.keys(issueCodes).sort());
  });

  it.each([...issues.entries()])('%s renders in every locale', (code, issue) => {
    const rendered = localeTags.map((locale) => formatIssue(issue, locale));
    for (const message of rendered) {
      expect(message.trim()).not.toBe('');
      expect(message).not.toMatch(/\[object Object\]|NaN/);
      expect(message).not.toContain('undefined');
    }
    expect(rendered[0]).toBe(issue.message);
    // Each language has its own wording.
    expect(new Set(rendered).size, rendered.join('\n')).toBe(localeTags.length);
    expect(rendered[localeTags.indexOf('ru')]).toMatch(/[а-яё]/i);
    expect(code).toBe(issue.code);
  });

  it('are rendered in the locale asked for', () => {
    const text = readFileSync(new URL('arith.value-mismatch.phx.json', invalidDir), 'utf8');
    for (const locale of localeTags) {
      const [issue] = validate(text, { now, locale }).issues;
      expect(issue!.message).toBe(renderMessage(issue!.code, issue!.params, locale));
    }
    expect(validate(text, { now, locale: 'ru' }).issues[0]!.message).toBe('Значение 31 не согласуется с числителем и знаменателем (ожидалось 28,7)');
  });

  it('write the numbers of the data as each language writes them: a decimal comma but in English', () => {
    const decimals = (value: unknown): number[] =>
      typeof value === 'number' ? (Number.isInteger(value) ? [] : [value]) : value !== null && typeof value === 'object' ? Object.values(value).flatMap(decimals) : [];
    const withDecimals = [
      ...Object.entries(messageExamples).map(([code, params]) => ({ code, params }) as ValidationIssue),
      { code: 'arith.value-mismatch', params: { value: 31, expected: 28.7 } },
      { code: 'privacy.small-cell', params: { field: 'value', value: 0.5, threshold: 5, count: 2, denominator: 400 } },
      { code: 'disagg.exceeds-total', params: { dimension: 'sex', field: 'denominator', sum: 8523.5, total: 8500.25, parts: 2 } },
      { code: 'schema.too-small', params: { zodCode: 'too_small', origin: 'number', minimum: 0, inclusive: true, value: -0.5, field: 'value' } },
      { code: 'schema.too-big', params: { zodCode: 'too_big', origin: 'number', maximum: 99.5, inclusive: true, value: 100, field: 'value' } },
    ].filter(({ params }) => decimals(params).length > 0) as ValidationIssue[];
    expect(new Set(withDecimals.map(({ code }) => code)).size).toBeGreaterThanOrEqual(7);
    for (const { code, params } of withDecimals) {
      for (const locale of localeTags) {
        const message = renderMessage(code, params, locale);
        for (const number of decimals(params)) {
          const [written, other] = locale === 'en' ? [String(number), String(number).replace('.', ',')] : [String(number).replace('.', ','), String(number)];
          expect(message, `${code} in ${locale}`).toContain(written);
          expect(message, `${code} in ${locale}`).not.toContain(other);
        }
      }
    }
  });

  it('write sizes in the language\'s units and limits with their digits grouped, as people read them', () => {
    const megabytes = { en: '512 MB', uk: '512 МБ', ru: '512 МБ', fr: '512\u202fMo', es: '512 MB' } as const;
    const thousands = { en: '20,000', uk: '20\u00a0000', ru: '20\u00a0000', fr: '20\u202f000', es: '20.000' } as const;
    for (const locale of localeTags) {
      const tooLarge = renderMessage('file.too-large', { maxBytes: 512 * 2 ** 20 }, locale);
      expect(tooLarge).toContain(megabytes[locale]);
      expect(tooLarge).not.toMatch(/536870912|\bbytes?\b|байт|octets/);
      expect(renderMessage('syntax.line-too-long', { maxBytes: 16 * 2 ** 20 }, locale)).toContain(megabytes[locale].replace('512', '16'));
      expect(renderMessage('file.too-large', { maxBytes: 1536 }, locale)).toMatch(/^\D*1[.,]5\s?[kк]/);
      const tooLong = renderMessage('schema.too-big', { zodCode: 'too_big', origin: 'string', maximum: 20_000, inclusive: true, field: 'notes' }, locale);
      expect(tooLong).toContain(thousands[locale]);
      expect(renderMessage('text.nul-character', { position: 20_000 }, locale)).toContain(thousands[locale]);
    }
  });

  it('keep params that are plain JSON, so that an issue can be stored and rendered again', () => {
    for (const issue of issues.values()) {
      const copy = JSON.parse(JSON.stringify(issue)) as ValidationIssue;
      expect(copy).toEqual(issue);
      expect(formatIssue(copy, 'fr')).toBe(formatIssue(issue, 'fr'));
    }
  });
});
