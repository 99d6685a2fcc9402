import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordTypeNames, recordTypes, type RecordType } from '../src/model/records.js';
import { issueCodes, type IssueCode } from '../src/validate/codes.js';
import type { ValidationIssue } from '../src/validate/issue.js';
import { validateNdjson } from '../src/validate/sync.js';
import { validate } from '../src/validate/sync.js';

const dataDir = new URL('../../../examples/data/', import.meta.url);
const invalidDir = new URL('invalid/', dataDir);
const schemasDir = new URL('../../../schemas/v1/', import.meta.url);

const jsonText = readFileSync(new URL('network-meeting-2020.phx.json', dataDir), 'utf8');
const ndjsonPath = new URL('network-meeting-2020.phx.ndjson', dataDir);
const pkg = JSON.parse(jsonText) as Record<string, unknown>;

/** The examples hold no data after this day; judging them against it keeps the tests independent of the clock. */
const now = new Date('2022-01-01T00:00:00Z');

interface Expected {
  code: IssueCode;
  pointer: string;
  line: number;
  column: number;
  /** Issues that follow from the same mistake. */
  also?: IssueCode[];
}
const expected = JSON.parse(readFileSync(new URL('expected.json', invalidDir), 'utf8')) as Record<string, Expected>;

/** Codes that need input no example file should hold: they are produced in the tests below, in file.test.ts and, from files as Excel writes them, in excel-csv.test.ts, xlsx.test.ts and workbook-memory.test.ts. */
const generatedCodes: IssueCode[] = [
  'syntax.invalid-encoding', 'syntax.encoding-mismatch', 'syntax.line-too-long', 'file.empty', 'file.unsupported-format', 'file.too-large', 'file.too-large-for-memory', 'csv.no-header', 'csv.no-rows', 'csv.unclosed-quote', 'csv.text-after-quote',
  'sheet.cell-beyond-header', 'sheet.column-path-missing', 'sheet.column-not-read', 'sheet.date-order-unknown', 'sheet.normalised', 'sheet.unreadable', 'sheet.unknown-sheet', 'sheet.formula-without-result', 'sheet.second-header', 'sheet.repeated-column', 'sheet.error-cell', 'sheet.date-for-number', 'sheet.percent-unit-mismatch', 'sheet.hidden-skipped', 'sheet.hidden-read', 'sheet.merged-header', 'sheet.ambiguous-thousands',
];

async function drain(source: Parameters<typeof validateNdjson>[0], options: Parameters<typeof validateNdjson>[1] = {}) {
  const issues: ValidationIssue[] = [];
  const run = validateNdjson(source, { now, ...options });
  for (;;) {
    const step = await run.next();
    if (step.done) return { issues, summary: step.value };
    issues.push(step.value);
  }
}

/** The records of each type in the NDJSON twin, without the line's `type`, and its header. */
function ndjsonRecords(): { header: Record<string, unknown>; records: Record<RecordType, Record<string, unknown>[]> } {
  const records = Object.fromEntries(recordTypeNames.map((type) => [type, []])) as unknown as Record<RecordType, Record<string, unknown>[]>;
  let header: Record<string, unknown> = {};
  const lines = readFileSync(ndjsonPath, 'utf8').split('\n').filter((line) => line !== '');
  lines.forEach((line, index) => {
    const { type, ...record } = JSON.parse(line) as { type: RecordType | 'package' } & Record<string, unknown>;
    if (type === 'package') {
      expect(index).toBe(0);
      header = record;
    } else records[type].push(record);
  });
  return { header, records };
}

describe('the network’s first meeting, as JSON', () => {
  it('validates with no issue, as an object and as text', () => {
    expect(validate(pkg, { now })).toMatchObject({ ok: true, issues: [] });
    expect(validate(jsonText, { now })).toMatchObject({ ok: true, issues: [] });
    expect(validate(jsonText)).toMatchObject({ ok: true, issues: [] });
  });

  it('follows the published schema and the format version', () => {
    expect(pkg.$schema).toBe('https://phx-network.github.io/phx/schemas/v1/DataPackage.schema.json');
    expect(pkg.phxVersion).toBe('1.0');
    expect(pkg.license).toBe('CC-BY-4.0');
  });

  it('holds the meeting of 28 October 2020 with its 26 member organisations and its report in English and Russian', () => {
    const { organisations, meetings, publisher } = pkg as {
      organisations: { id: string }[];
      meetings: { start: string; format: string; participants: { organisation: string }[]; documents: { language: string; type: string }[]; issuesIdentified: { theme: string }[] }[];
      publisher: { id: string };
    };
    const [meeting] = meetings;
    expect(meeting!.start.slice(0, 10)).toBe('2020-10-28');
    expect(meeting!.format).toBe('virtual');
    const members = organisations.filter((o) => o.id !== publisher.id).map((o) => o.id);
    expect(members).toHaveLength(26);
    expect(new Set(meeting!.participants.map((p) => p.organisation))).toEqual(new Set([publisher.id, ...members]));
    expect(meeting!.documents.filter((d) => d.type === 'report').map((d) => d.language)).toEqual(['en', 'ru']);
    expect(meeting!.issuesIdentified.map((i) => i.theme)).toEqual(['access-to-people-in-prison', 'lack-of-data', 'stigma', 'political-apathy']);
  });

  it('includes a suppressed small count, an occupancy above 100 % and a disaggregation by sex', () => {
    const observations = pkg.observations as { indicator: string; suppressed?: boolean; value?: number; numerator?: number; disaggregation?: { sex?: string } }[];
    expect(observations.some((o) => o.suppressed && o.numerator === undefined && o.value === undefined)).toBe(true);
    expect(observations.some((o) => o.indicator === 'prison-occupancy' && o.value! > 100)).toBe(true);
    expect(observations.some((o) => o.disaggregation?.sex === 'female')).toBe(true);
  });
});

describe('the network’s first meeting, as NDJSON', () => {
  it('validates with no issue through validateNdjson', async () => {
    const { issues, summary } = await drain(createReadStream(ndjsonPath));
    expect(issues).toEqual([]);
    const counts = Object.fromEntries(recordTypeNames.map((type) => [type, (pkg[recordTypes[type].collection] as unknown[]).length]));
    const lines = 1 + Object.values(counts).reduce((a, b) => a + b, 0);
    expect(summary).toEqual({ ok: true, issues: [], errors: 0, warnings: 0, truncated: false, read: { records: counts, lines, bytes: statSync(ndjsonPath).size, complete: true } });
  });

  it('holds the same header and the same records, in the same order, as the JSON', () => {
    const { header, records } = ndjsonRecords();
    const collections = new Set<string>(recordTypeNames.map((type) => recordTypes[type].collection));
    expect(header).toEqual(Object.fromEntries(Object.entries(pkg).filter(([key]) => !collections.has(key))));
    for (const type of recordTypeNames) {
      expect(records[type], type).toEqual(pkg[recordTypes[type].collection]);
    }
  });
});

describe('the invalid examples', () => {
  const files = readdirSync(invalidDir).filter((file) => file !== 'expected.json').sort();

  it('have one expectation per file, named by its code', () => {
    expect(Object.keys(expected).sort()).toEqual(files);
    for (const [file, { code }] of Object.entries(expected)) expect(file.startsWith(`${code}.phx.`), file).toBe(true);
  });

  it('cover every issue code', () => {
    const covered = new Set<IssueCode>([...Object.values(expected).map((e) => e.code), ...generatedCodes]);
    expect([...covered].sort()).toEqual(Object.keys(issueCodes).sort());
  });

  it('leave no code unreachable that a schema could produce', () => {
    for (const file of readdirSync(schemasDir)) expect(readFileSync(new URL(file, schemasDir), 'utf8')).not.toContain('multipleOf');
  });

  it.each(Object.entries(expected).filter(([file]) => file.endsWith('.json')))('%s gives its issue at its place', (file, { code, pointer, line, column, also = [] }) => {
    const text = readFileSync(new URL(file, invalidDir), 'utf8');
    const { ok, issues } = validate(text, { now });
    const issue = issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.pointer).toBe(pointer);
    expect(issue!.severity).toBe(issueCodes[code].severity);
    expect(issue!.location).toEqual({ line, column });
    expect(issues.filter((i) => i !== issue).map((i) => i.code)).toEqual(also);
    expect(ok).toBe(issues.every((i) => i.severity === 'warning'));
    // The same issue when the file is read as an object, unless only its text shows it.
    if (code !== 'syntax.invalid-json' && code !== 'syntax.duplicate-key') expect(validate(JSON.parse(text), { now }).issues.map((i) => [i.code, i.pointer])).toContainEqual([code, pointer]);
  });

  it.each(Object.entries(expected).filter(([file]) => file.endsWith('.ndjson')))('%s gives its issue on its line', async (file, { code, pointer, line, column, also = [] }) => {
    const { issues, summary } = await drain(createReadStream(new URL(file, invalidDir)));
    const issue = issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.pointer).toBe(pointer);
    expect(issue!.location).toEqual({ line, column });
    expect(issues.filter((i) => i !== issue).map((i) => i.code)).toEqual(also);
    expect(summary.ok).toBe(false);
  });

  it('syntax.invalid-encoding: a line that is not UTF-8 (generated)', async () => {
    const lines = readFileSync(ndjsonPath, 'utf8').split('\n');
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, 3).join('\n') + '\n'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), Buffer.from(lines.slice(3).join('\n'))]);
    const { issues } = await drain((async function* () {
      yield bytes;
    })());
    expect(issues.map((i) => [i.code, i.pointer, i.location])).toEqual([['syntax.invalid-encoding', '', { line: 4, column: 1 }]]);
  });

  it('syntax.line-too-long: a line over maxLineBytes (generated)', async () => {
    const { issues } = await drain(createReadStream(ndjsonPath), { maxLineBytes: 4096 });
    const longest = readFileSync(ndjsonPath, 'utf8').split('\n').findIndex((line) => Buffer.byteLength(line) > 4096);
    expect(issues.map((i) => [i.code, i.location])).toEqual([['syntax.line-too-long', { line: longest + 1, column: 1 }]]);
  });
});
