import { formatIssueAsync, readXlsx, validate, validateCsv, validateNdjson, type ValidationIssue } from '@phx/schema';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile, packageFile, type CheckedFile } from '../src/engine/checks.js';
import { EngineError, MAX_ISSUES, type FileIssue, type FileSummary, type ValidateEvent } from '../src/engine/protocol.js';
import { translate } from '../src/i18n/index.js';
import { truncationNote } from '../src/ui/summary-view.js';
import { recordLabel } from '../src/ui/issue-list.js';
import { lineOfPath, recordView } from '../src/engine/records.js';
import { Reporter } from '../src/engine/report.js';
import { awkwardFiles } from '../../../test/corpus/awkward-files.js';
import { ndjsonText, observation, recordLine } from './fixtures/ndjson.js';
import { invalidPackage, packageText, validPackage } from './fixtures/packages.js';
import { invalidCsv, semicolonCsv } from './fixtures/tables.js';

/** Checks a file as the worker does, collecting what it reports. */
async function check(name: string, text: string | Uint8Array<ArrayBuffer>, encoding?: string): Promise<{ summary: FileSummary; issues: FileIssue[]; events: ValidateEvent[]; checked: CheckedFile }> {
  const file = new File([text], name);
  const checked: CheckedFile = { file };
  const events: ValidateEvent[] = [];
  const summary = await checkFile(checked, 'en', new Reporter(0, (event) => events.push(event)), encoding);
  const issues = events.flatMap((event) => (event.kind === 'issues' ? event.issues : []));
  return { summary, issues, events, checked };
}

const essentials = ({ code, severity, pointer, message, location }: ValidationIssue) => ({ code, severity, pointer, message, location });

describe('checking any file', () => {
  it.each(awkwardFiles().filter((file) => file.bytes.length < 1_000_000))('gives $name the verdict and codes of the file pipeline', async ({ name, bytes, codes }) => {
    const { summary, issues } = await check(name, bytes as Uint8Array<ArrayBuffer>);
    expect(issues.map((issue) => issue.code)).toEqual(codes);
    expect(summary.ok).toBe(codes.length === 0);
    // A problem of the whole file is listed as the file's, not as the package header's.
    for (const issue of issues.filter((found) => !found.location && found.field === '')) expect(issue.record).toEqual({ kind: 'file' });
  });
});

describe('checking a file of another system', () => {
  it('says what the file is and which command reads it, in one issue of the whole file, as phx validate does', async () => {
    const sdmx = 'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE\ndataflow,PHX:DF_PRISON_HEALTH(1.0.0),I,hiv-prevalence-prisoners,ZM,2019,28.7\n';
    const fhir = JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [] });
    for (const [name, text, format] of [['ua-2023.sdmx.csv', sdmx, 'sdmx-csv'], ['ua-2023.fhir.json', fhir, 'fhir'], ['values.json', JSON.stringify({ dataValues: [] }), 'dhis2']] as const) {
      const { summary, issues } = await check(name, text);
      expect(issues.map(({ code, params }) => ({ code, params })), name).toEqual([{ code: 'file.other-system', params: { format } }]);
      expect(issues[0]!.message).toContain(`phx import --from ${format}`);
      expect(summary.ok).toBe(false);
    }
  });
});

describe('checking a .phx.json package', () => {
  it('reports a valid package valid, with its records per type', async () => {
    const { summary, issues } = await check('valid.phx.json', packageText(validPackage));
    expect(issues).toEqual([]);
    const bytes = new TextEncoder().encode(packageText(validPackage)).length;
    expect(summary).toEqual({
      name: 'valid.phx.json', format: 'json', ok: true, errors: 0, warnings: 0, truncated: false, convertible: true,
      read: { records: { organisation: 2, facility: 1, indicator: 0, observation: 2, meeting: 0 }, bytes, complete: true },
    });
  });

  it('downloads as .xlsx and back as .phx.json the same package, its empty lists kept as sheets of no rows', async () => {
    const pkg = { ...validPackage, indicators: [], meetings: [] };
    const { checked } = await check('empty-lists.phx.json', packageText(pkg));
    const workbook = await packageFile(checked, 'xlsx', 'fr');
    const again = await check('empty-lists.xlsx', workbook.content as Uint8Array<ArrayBuffer>);
    expect(again.summary).toMatchObject({ ok: true, convertible: true });
    const back = await packageFile(again.checked, 'json', 'fr');
    expect(JSON.parse(back.content as string)).toStrictEqual(pkg);
  });

  it('reports the issues validate() finds, each with its record and its field within the record', async () => {
    const text = packageText(invalidPackage);
    const { summary, issues } = await check('invalid.phx.json', text);
    expect(issues.map(essentials)).toEqual(validate(text).issues.map(essentials));
    expect(issues.map(({ record, field }) => ({ record, field }))).toEqual([
      { record: { kind: 'record', collection: 'observations', index: 0, key: 'obs-1' }, field: '/numerator' },
      { record: { kind: 'record', collection: 'observations', index: 0, key: 'obs-1' }, field: '/value' },
      { record: { kind: 'record', collection: 'observations', index: 1, key: 'obs-2' }, field: '/reportingOrganisation' },
    ]);
    expect(summary).toMatchObject({ ok: false, errors: 3, warnings: 0 });
  });

  it('reports progress up to the whole file', async () => {
    const text = packageText(validPackage);
    const { events } = await check('valid.phx.json', text);
    const last = events.filter((event) => event.kind === 'progress').at(-1);
    expect(last).toEqual({ kind: 'progress', file: 0, bytes: new TextEncoder().encode(text).length, phase: 'checking' });
  });

  it('reports a file that is not UTF-8 instead of guessing its characters', async () => {
    const { summary, issues } = await check('cp1251.phx.json', new Uint8Array([0x7b, 0x22, 0xcf, 0xf0, 0x22, 0x7d]));
    expect(issues.map((issue) => issue.code)).toEqual(['syntax.invalid-encoding']);
    expect(summary.ok).toBe(false);
  });

  it('shows the offending record, the package header, or the lines around a syntax error', async () => {
    const { issues, checked } = await check('invalid.phx.json', packageText(invalidPackage));
    const view = await recordView(checked, issues[2]!);
    expect(JSON.parse(view.json!)).toEqual(invalidPackage.observations![1]);

    const header = await recordView(checked, { record: { kind: 'package' }, field: '/license' });
    expect(JSON.parse(header.json!)).toEqual({ phxVersion: '1.0', id: 'zm-2020-annual', publisher: validPackage.publisher, license: 'CC-BY-4.0', publishedAt: validPackage.publishedAt });

    const broken = packageText(validPackage).replace('"capacity": 400', '"capacity": 400,,');
    const syntax = await check('broken.phx.json', broken);
    const excerpt = await recordView(syntax.checked, syntax.issues[0]!);
    const line = (syntax.issues[0]!.location as { line: number }).line;
    expect(excerpt.excerpt).toMatchObject({ focus: line, firstLine: line - 3 });
    expect(excerpt.excerpt!.lines[3]).toContain('"capacity": 400,,');
  });

  it('shows the lines around an issue of a package it does not hold, reading them again, not the whole file', async () => {
    const text = packageText(invalidPackage);
    const { issues, checked } = await check('invalid.phx.json', text);
    /** A file that can be read in slices only: a package read piece by piece may be hundreds of megabytes. */
    class SlicesOnly extends File {
      override text(): never {
        throw new Error('read whole');
      }
      override arrayBuffer(): never {
        throw new Error('read whole');
      }
      override stream(): never {
        throw new Error('read whole');
      }
    }
    const view = await recordView({ ...checked, file: new SlicesOnly([text], 'invalid.phx.json'), data: undefined }, issues[2]!);
    const line = (issues[2]!.location as { line: number }).line;
    expect(view.excerpt).toEqual({ firstLine: line - 3, lines: text.split('\n').slice(line - 4, line + 3), focus: line });
    expect(view.excerpt!.lines[3]).toContain('"reportingOrganisation": "PHX-ORG-9999"');
  });

  it('places a syntax error on the whole file, an issue of the header on the package, and a record’s on that record', async () => {
    const broken = await check('broken.phx.json', packageText(validPackage).replace('"capacity": 400', '"capacity": 400,,'));
    expect(broken.issues.map(({ record, field }) => ({ record, field }))).toEqual([{ record: { kind: 'file' }, field: '' }]);
    expect(recordLabel(broken.issues[0]!.record, 'en')).toBe('whole file');
    const { issues } = await check('invalid.phx.json', packageText({ ...invalidPackage, license: '' }));
    expect(issues.find((issue) => issue.path[0] === 'license')).toMatchObject({ record: { kind: 'package' }, field: '/license' });
    expect(issues.find((issue) => issue.path[0] === 'observations')).toMatchObject({ record: { kind: 'record', collection: 'observations', key: expect.any(String) } });
  });
});

describe('checking a .phx.ndjson stream', () => {
  it('reports a valid stream valid, with its records per type', async () => {
    const { summary, issues } = await check('valid.phx.ndjson', ndjsonText(50));
    expect(issues).toEqual([]);
    expect(summary).toMatchObject({ format: 'ndjson', ok: true, read: { records: { observation: 50 } }, errors: 0, warnings: 0 });
  });

  it('reports what validateNdjson reports, and finds each offending line again', async () => {
    // Lines far apart, so that finding them again starts from different remembered line starts.
    const text = ndjsonText(3000, {
      5: recordLine('observation', { ...observation(4), numerator: 3, value: 3 }),
      1500: '{"type": "observation",',
      2999: recordLine('observation', { ...observation(2998), scope: { country: 'ZM', facility: 'fac-nowhere' } }),
    });
    const { summary, issues, checked } = await check('invalid.phx.ndjson', text);
    const expected: ValidationIssue[] = [];
    const run = validateNdjson(new Blob([text]).stream());
    for (let next = await run.next(); !next.done; next = await run.next()) expected.push(next.value);
    expect(issues.map(essentials)).toEqual(expected.map(essentials));
    expect(issues.map((issue) => [issue.code, (issue.location as { line: number }).line])).toEqual([
      ['privacy.small-cell', 5],
      ['privacy.small-cell', 5],
      ['syntax.invalid-json', 1500],
      ['ref.unknown-facility', 2999],
    ]);
    expect(summary).toMatchObject({ format: 'ndjson', ok: false, read: { records: { observation: 2999 } }, errors: 4 });
    const lines = text.split('\n');
    const [small, , syntax, facility] = await Promise.all(issues.map((issue) => recordView(checked, issue)));
    expect(JSON.parse(small!.json!)).toEqual(JSON.parse(lines[4]!));
    expect(syntax!.excerpt).toEqual({ firstLine: 1500, lines: ['{"type": "observation",'], focus: 1500 });
    expect(JSON.parse(facility!.json!)).toEqual(JSON.parse(lines[2998]!));
    expect(issues.map((issue) => issue.record)).toEqual([5, 5, 1500, 2999].map((line) => ({ kind: 'line', line })));
  });
});

describe('a file read in another encoding than UTF-8', () => {
  const windows1251 = new TextDecoder('windows-1251');
  const byteOf = new Map(Array.from({ length: 256 }, (_, byte) => [windows1251.decode(Uint8Array.of(byte)), byte]));
  /** Text in Windows-1251, with the lines of `pasted` (0-based) in UTF-8, as rows pasted from a UTF-8 file are. */
  const mixed = (lines: string[], pasted: number[]): Uint8Array<ArrayBuffer> =>
    new Uint8Array(
      lines.flatMap((line, index) => [...(pasted.includes(index) ? new TextEncoder().encode(`${line}\n`) : Uint8Array.from(`${line}\n`, (char) => byteOf.get(char)!))]),
    );

  it('shows each record, row and line as the check read it: a line pasted from UTF-8 in UTF-8, the rest in the encoding named', async () => {
    const lines = ndjsonText(6, {
      3: recordLine('observation', { ...observation(2), numerator: 3, value: 3, scope: { country: 'ZM', subnationalArea: 'Лусака' } }),
      5: recordLine('observation', { ...observation(4), numerator: 4, value: 4, scope: { country: 'ZM', subnationalArea: 'Ндола' } }),
      7: '{"type": "observation", "notes": "Слідчий ізолятор",',
    }).trimEnd().split('\n');
    const { summary, issues, checked } = await check('mixed.phx.ndjson', mixed(lines, [4]), 'windows-1251');
    expect(summary.read.encoding).toBe('windows-1251');
    const views = await Promise.all(issues.map((issue) => recordView(checked, issue)));
    const areas = views.filter((view) => view.json).map((view) => (JSON.parse(view.json!) as { scope: { subnationalArea: string } }).scope.subnationalArea);
    expect(new Set(areas)).toEqual(new Set(['Лусака', 'Ндола']));
    expect(views.find((view) => view.excerpt)!.excerpt).toEqual({ firstLine: 7, lines: ['{"type": "observation", "notes": "Слідчий ізолятор",'], focus: 7 });

    const [header, row] = invalidCsv.split('\n') as [string, string];
    const table = [`${header},notes`, `${row},Житомир`, `${row.replace('obs-1', 'obs-2')},Чернігів`];
    const csv = await check('mixed.csv', mixed(table, [2]), 'windows-1251');
    const rows = await Promise.all(csv.issues.filter((issue) => issue.record.kind === 'row' && issue.record.row > 1).map((issue) => recordView(csv.checked, issue)));
    expect(new Set(rows.map((view) => (JSON.parse(view.json!) as { notes: string }).notes))).toEqual(new Set(['Житомир', 'Чернігів']));
  });

  it('finds the lines of a UTF-16 file again from its start, where a byte 0x0A is half of a character', async () => {
    // Њ is U+040A: in UTF-16LE its bytes are 0A 04, and every line feed is 0A 00.
    const text = ndjsonText(1500, {
      1400: recordLine('observation', { ...observation(1399), numerator: 2, value: 2, scope: { country: 'ZM', subnationalArea: 'Њива' } }),
      1450: '{"type": "observation", "notes": "Њива",',
    });
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(text, (char) => char.charCodeAt(0)).buffer)]);
    const { summary, issues, checked } = await check('utf16.phx.ndjson', bytes, 'utf-16le');
    expect(summary.read.encoding).toBe('utf-16le');
    const views = await Promise.all(issues.map((issue) => recordView(checked, issue)));
    expect(issues.map((issue) => issue.record)).toEqual([1400, 1400, 1450].map((line) => ({ kind: 'line', line })));
    expect(JSON.parse(views[0]!.json!)).toEqual(JSON.parse(text.split('\n')[1399]!));
    expect(views[2]!.excerpt).toEqual({ firstLine: 1450, lines: ['{"type": "observation", "notes": "Њива",'], focus: 1450 });
  });
});

describe('checking a CSV table', () => {
  it('reads `;` separators and decimal commas, and converts the table to a package', async () => {
    const { summary, issues, checked } = await check('observations.csv', semicolonCsv);
    // The decimal commas are read, and said so in a note.
    expect(issues.map(({ code, severity, params }) => ({ code, severity, params }))).toEqual([
      { code: 'sheet.normalised', severity: 'info', params: { column: 'value', cells: 2, forms: ['decimal-comma'] } },
    ]);
    expect(summary).toMatchObject({ format: 'csv', ok: true, read: { records: { observation: 2 } }, convertible: true });
    const converted = await packageFile(checked, 'json', 'en');
    expect(converted).toMatchObject({ name: 'observations.phx.json', mediaType: 'application/json' });
    const pkg = JSON.parse(converted.content as string) as { observations: { value: number }[] };
    expect(pkg.observations.map((observation) => observation.value)).toEqual([12.5, 84.4]);
    // As a workbook, read back by the same pipeline: the same records, with headings in the language asked for.
    const workbook = await packageFile(checked, 'xlsx', 'uk');
    expect(workbook).toMatchObject({ name: 'observations.xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const back = await readXlsx(workbook.content as Uint8Array);
    // With an organisations sheet to fill in: the rows name an organisation the table holds no record of.
    expect(back.pkg).toEqual({ ...pkg, organisations: [] });
    const sheets = await new ExcelJS.Workbook().xlsx.load(workbook.content as unknown as ArrayBuffer);
    const sheet = sheets.getWorksheet('observations')!;
    expect([sheet.getCell('A1').value, sheet.getCell('A2').value]).toEqual(['Ідентифікатор', 'id']);
    // The table has no package header: the Package sheet offers its fields to fill in.
    const paths = (sheets.getWorksheet('Package')!.getRow(2).values as unknown[]).slice(1);
    expect(paths).toEqual(['phxVersion', 'id', 'publisher.id', 'publisher.name', 'license', 'publishedAt', 'description.en', 'description.uk']);
  });

  it('reports the personal data and small count of a row with a wrong cell, as with the cell put right', async () => {
    const note = 'Засуджений Петренко Іван Олегович, 12.03.1987 р.н., тел. +380671234567';
    const csv = (sex: string) => [
      'id,indicator,reportingOrganisation,scope.country,period.start,period.end,disaggregation.sex,numerator,denominator,value,unit,dataSource,notes',
      `obs-f,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,${sex},3,610,0.5,percent,survey,"${note}"`,
    ].join('\n');
    const privacy = (issues: FileIssue[]) => issues.filter(({ code }) => code.startsWith('privacy.')).map(({ code, pointer, location }) => ({ code, pointer, location }));
    const wrong = await check('leak.csv', csv('Жіноча'));
    expect(wrong.issues.map(({ code, pointer }) => [code, pointer])).toEqual([
      ['schema.invalid-value', '/disaggregation/sex'],
      ['privacy.personal-data', '/notes'],
      ['privacy.small-cell', '/numerator'],
    ]);
    expect(wrong.issues.map(essentials)).toEqual(validateCsv(csv('Жіноча')).issues.map(essentials));
    expect(privacy(wrong.issues)).toEqual(privacy((await check('leak.csv', csv('female'))).issues));
  });

  it('reports issues at their row and column, and shows the row as a record', async () => {
    const { summary, issues, checked } = await check('invalid.csv', invalidCsv);
    expect(issues.map(essentials)).toEqual(validateCsv(invalidCsv).issues.map(essentials));
    // Each also where its cell starts in the text.
    const [header, row] = invalidCsv.split('\n') as [string, string];
    expect(issues.map(({ code, location, record }) => ({ code, location, record }))).toEqual([
      // A column of the user's own, not read: said once, at its name in the header.
      { code: 'sheet.column-not-read', location: { row: 1, column: 12, text: { line: 1, column: header.indexOf('colour') + 1 } }, record: { kind: 'row', row: 1 } },
      { code: 'arith.numerator-exceeds-denominator', location: { row: 2, column: 7, text: { line: 2, column: row.indexOf(',400,') + 2 } }, record: { kind: 'row', row: 2 } },
      { code: 'arith.percent-out-of-range', location: { row: 2, column: 9, text: { line: 2, column: row.indexOf('111.1') + 1 } }, record: { kind: 'row', row: 2 } },
    ]);
    expect(summary.convertible).toBe(false);
    expect(JSON.parse((await recordView(checked, issues[1]!)).json!)).toMatchObject({ id: 'obs-1', numerator: 400 });
    expect(JSON.parse((await recordView(checked, issues[0]!)).json!)).toContain('colour');
    // The page words why in the reader's language: the engine names the problem, not an English sentence.
    await expect(packageFile(undefined, 'json', 'en')).rejects.toThrow(new EngineError('not-convertible'));
    await expect(packageFile(checked, 'xlsx', 'en')).rejects.toThrow(new EngineError('not-convertible'));
    for (const locale of ['en', 'ru', 'uk', 'fr', 'es'] as const) expect(translate(locale, 'problem.not-convertible')).toMatch(/\.phx\.json, CSV .+ \.xlsx/);
  });
});

describe('checking a workbook', () => {
  it('reports issues at their sheet and cell, and shows the row of its sheet as a record, or its columns for the header', async () => {
    const workbook = new ExcelJS.Workbook();
    const header = workbook.addWorksheet('Package');
    header.addRow(['phxVersion', 'id', 'publisher.id', 'publisher.name', 'license', 'publishedAt']);
    header.addRow(['1.0', 'pkg-1', 'ZA-NPO-123-456', 'Network', 'CC-BY-4.0', 'yesterday']);
    const facilities = workbook.addWorksheet('facilities');
    facilities.addRow(['id', 'country', 'facilityType', 'colour']);
    facilities.addRow(['zm-lusaka', 'ZM', 'prison', 'red']);
    facilities.addRow(['zm-kabwe', 'ZMX', 'prison', 'blue']);
    // A sheet of notes: an issue of the whole sheet, neither a row nor the package header.
    workbook.addWorksheet('Чернетка').addRow(['Some', 'notes']);
    const { issues, checked } = await check('network.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const places = issues.map(({ code, location, record, field }) => ({ code, location, record, field }));
    expect(places).toEqual([
      { code: 'sheet.column-not-read', location: { sheet: 'facilities', row: 1, column: 4, cell: 'D1' }, record: { kind: 'row', row: 1, sheet: 'facilities' }, field: '' },
      { code: 'sheet.unknown-sheet', location: undefined, record: { kind: 'sheet', sheet: 'Чернетка' }, field: '' },
      { code: 'schema.invalid-format', location: { sheet: 'Package', row: 2, column: 6, cell: 'F2' }, record: { kind: 'row', row: 2, sheet: 'Package' }, field: '/publishedAt' },
      { code: 'schema.invalid-value', location: { sheet: 'facilities', row: 3, column: 2, cell: 'B3' }, record: { kind: 'row', row: 3, sheet: 'facilities' }, field: '/country' },
    ]);
    expect(recordLabel(places[1]!.record, 'uk')).toBe('аркуш «Чернетка»');
    const [columns, , packageRow, facility] = await Promise.all(issues.map((issue) => recordView(checked, issue)));
    expect(JSON.parse(columns!.json!)).toEqual(['id', 'country', 'facilityType', 'colour']);
    expect(JSON.parse(packageRow!.json!)).toMatchObject({ id: 'pkg-1', publishedAt: 'yesterday' });
    expect(JSON.parse(facility!.json!)).toEqual({ id: 'zm-kabwe', country: 'ZMX', facilityType: 'prison' });
    expect(facility!.focus).toBe(2);
  });

  it('shows the header of a CSV file that starts with a `sep=` line or blank rows for an issue of its columns', async () => {
    const { issues, checked } = await check('observations.csv', `sep=;\r\n\r\n${semicolonCsv.replace(/^\uFEFF/, '').replace(/\r?\n/, ';colour\r\n')}`);
    const unknown = issues.find((issue) => issue.code === 'sheet.column-not-read')!;
    // Excel shows no `sep=` line: the header below the blank row is row 2.
    expect(unknown.record).toEqual({ kind: 'row', row: 2 });
    expect(JSON.parse((await recordView(checked, unknown)).json!)).toContain('colour');
  });
});

describe('lineOfPath', () => {
  /** Every path into a JSON value, with the value there and whether its parent is an array. */
  function* pathsOf(value: unknown, path: string[] = []): Generator<{ path: string[]; value: unknown; inArray: boolean }> {
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      yield { path: [...path, key], value: child, inArray: Array.isArray(value) };
      yield* pathsOf(child, [...path, key]);
    }
  }

  it('finds the line where any field of a record starts in its pretty JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const lines = JSON.stringify(value, null, 2).split('\n');
        expect(lineOfPath(value, [])).toBe(0);
        for (const { path, value: child, inArray } of pathsOf(value)) {
          // The line, without the comma that separates it from the next entry.
          const line = lines[lineOfPath(value, path)]!.trimStart().replace(/,$/, '');
          const first = JSON.stringify(child, null, 2).split('\n')[0]!;
          expect(line).toBe(inArray ? first : `${JSON.stringify(path.at(-1))}: ${first}`);
        }
      }),
    );
  });

  it('points at the deepest part that exists when the field is missing', () => {
    const record = { id: 'obs-1', period: { start: '2020-01-01' } };
    expect(lineOfPath(record, ['period', 'end'])).toBe(2);
    expect(lineOfPath(record, ['scope', 'country'])).toBe(0);
  });
});

describe('a file with more issues than the page lists', () => {
  // Three errors a line (no id, no indicator, ...): well past the limit in a few thousand lines.
  const lines = Array.from({ length: Math.ceil(MAX_ISSUES / 2) }, () => '{"type":"observation"}').join('\n');

  it('says that checking stopped, where, and that the counts cover only the part checked', async () => {
    const { summary, issues } = await check('many.phx.ndjson', lines);
    expect(issues).toHaveLength(MAX_ISSUES);
    expect(summary).toMatchObject({ truncated: true, read: { complete: false } });
    const where = `line ${summary.read.lines!.toLocaleString('en')}`;
    expect(truncationNote(summary, 'en')).toMatch(new RegExp(`^Only the first 10,000 issues are listed, and checking stopped there, at ${where} \\(.+ MB\\), [\\d,]+ records: the counts cover only the part checked\\.$`));
    expect(truncationNote(summary, 'uk')).toContain('лічильники охоплюють лише перевірену частину');
    expect(summary.errors).toBeGreaterThanOrEqual(MAX_ISSUES);
  });

  it('says nothing of the kind for a file whose issues are all listed', async () => {
    const { summary } = await check('few.phx.ndjson', '{"type":"observation"}\n');
    expect(truncationNote(summary, 'en')).toBeUndefined();
  });
});

describe('dates of a sheet on the page', () => {
  const header = 'id;indicator;reportingOrganisation;scope.country;period.start;period.end;numerator;denominator;value;unit;dataSource';
  const line = (id: string, start: string, end: string) => `${id};hiv-prevalence-prisoners;ZM-PACRA-120000;ZM;${start};${end};45;360;12,5;percent;routine-programme-data`;

  it('quotes a date as typed in its cell, in the language checked in and in another chosen after', async () => {
    const { issues } = await check('typed.csv', [header, line('obs-1', '31.02.2019', '31.12.2019'), line('obs-2', '01.01.2024', '31.12.2020')].join('\r\n'));
    const errors = issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => issue.message)).toEqual([
      'Start of the period: "31.02.2019" is not a day of the calendar: that month has fewer days',
      'The period starts (01.01.2024) after it ends (31.12.2020)',
    ]);
    expect(await Promise.all(errors.map((issue) => formatIssueAsync(issue, 'uk')))).toEqual([
      'Початок періоду: «31.02.2019» — не наявний день календаря: у цьому місяці менше днів',
      'Період починається (01.01.2024) після свого завершення (31.12.2020)',
    ]);
  });

  it('reads a date with a time of day in a date column as its day, saying so in the column\'s note', async () => {
    const { issues } = await check('times.csv', [header, line('obs-1', '01.01.2020 14:30', '31.12.2020')].join('\r\n'));
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(issues.find((issue) => issue.pointer === '/period/start')!.message).toBe(
      'Column "period.start": 1 cell read allowing for these forms: dates written dd.mm.yyyy hh:mm, times of day (left out: the column holds days)',
    );
  });
});
