import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { issueRecord, validateFile, writeXlsx, type IssueRecord } from '../src/index.js';

const exampleText = readFileSync(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8');
const example = JSON.parse(exampleText) as { observations: Record<string, unknown>[] } & Record<string, unknown>;
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** What each issue of a file is about, with its code. */
async function recordsOf(bytes: Uint8Array, name: string): Promise<[string, IssueRecord][]> {
  const result = await validateFile(bytes, { name });
  return result.issues.map((issue) => [issue.code, issueRecord(issue, result.format)]);
}

describe('issueRecord', () => {
  it('names the file for text that is no JSON, a record by its path, and the header for the rest of a package', async () => {
    expect(await recordsOf(bytesOf(exampleText.replace('"observations": [', '"observations": [,')), 'broken.phx.json')).toEqual([['syntax.invalid-json', { kind: 'file' }]]);
    const [first, ...rest] = example.observations;
    const wrong = { ...example, license: '', observations: [{ ...first, numerator: -1 }, ...rest] };
    const records = await recordsOf(bytesOf(JSON.stringify(wrong, null, 2)), 'wrong.phx.json');
    expect(records).toContainEqual(['schema.too-small', { kind: 'record', collection: 'observations', index: 0 }]);
    expect(records.filter(([, record]) => record.kind === 'package').length).toBeGreaterThan(0);
    expect(records.every(([, record]) => record.kind === 'record' || record.kind === 'package')).toBe(true);
  });

  it('names the line of an NDJSON stream and the row of a CSV table', async () => {
    const { observations: _observations, organisations: _organisations, facilities: _facilities, indicators: _indicators, meetings: _meetings, ...header } = example;
    const ndjson = `${JSON.stringify({ type: 'package', ...header })}\n{"type": "observation",\n`;
    expect(await recordsOf(bytesOf(ndjson), 'broken.phx.ndjson')).toContainEqual(['syntax.invalid-json', { kind: 'line', line: 2 }]);
    const csv = 'id,indicator,colour\nobs-1,hiv-prevalence-prisoners,red\n';
    expect((await recordsOf(bytesOf(csv), 'table.csv')).map(([, record]) => record)).toContainEqual({ kind: 'row', row: 1 });
  });

  it('names a sheet of a workbook for an issue of the whole sheet, and the row of a sheet for one of its cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const [first, ...rest] = example.observations;
    await workbook.xlsx.load((await writeXlsx({ ...example, observations: [{ ...first, numerator: -1 }, ...rest] })) as unknown as ArrayBuffer);
    workbook.addWorksheet('Чернетка').addRow(['Some', 'notes']);
    workbook.addWorksheet('old', { state: 'hidden' }).addRow(['id', 'indicator']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const records = await recordsOf(bytes, 'package.xlsx');
    expect(records).toContainEqual(['sheet.unknown-sheet', { kind: 'sheet', sheet: 'Чернетка' }]);
    expect(records).toContainEqual(['sheet.hidden-skipped', { kind: 'sheet', sheet: 'old' }]);
    expect(records).toContainEqual(['schema.too-small', { kind: 'row', row: 3, sheet: 'observations' }]);
  });
});
