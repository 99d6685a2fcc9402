import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awkwardFiles, compoundFile } from '../../../test/corpus/awkward-files.js';
import { decodeUtf8, legacyEncodingOf } from '../src/file/encoding.js';
import { looksUtf8, textEncodingOf } from '../src/file/text-encoding.js';
import { fileFormats, formatOfFile, formatOfMediaType, formatOfName, stemOfName } from '../src/file/format.js';
import { assemblePackage } from '../src/formats/assemble.js';
import { type FileValidationResult, type ValidateFileOptions } from '../src/file/validate-file.js';
import { validateFile } from '../src/file/validate-file-sync.js';
import type { ValidationIssue } from '../src/validate/issue.js';
import type { DataPackage } from '../src/model/package.js';
import { validate } from '../src/validate/sync.js';
import { toNdjsonLines } from '../src/formats/package-records.js';
import { writeCsv } from '../src/formats/csv.js';
import { writeXlsx } from '../src/formats/xlsx.js';
import { wholePackageOf } from '../src/model/record-kinds.js';
import { changed, NOW, prevalence } from './rules/fixtures.js';

const examples = new URL('../../../examples/data/', import.meta.url);
const now = new Date('2022-01-01T00:00:00Z');
const read = (name: string): Uint8Array => readFileSync(new URL(name, examples));

/** A stream of the bytes in chunks of `size`, counting what was pulled from it. */
function chunked(bytes: Uint8Array, size: number): { stream: AsyncGenerator<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  async function* stream(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += size) {
      const chunk = bytes.subarray(at, at + size);
      pulled += chunk.length;
      yield chunk;
    }
  }
  return { stream: stream(), pulled: () => pulled };
}

const placed = (issues: ValidationIssue[]) => issues.map((issue) => [issue.code, issue.location]);

describe('validateFile', () => {
  describe.each(awkwardFiles())('$name', ({ name, bytes, codes }) => {
    it('gives its codes, from bytes and from a stream of small chunks', async () => {
      const whole = await validateFile(bytes, { name, now });
      expect(whole.issues.map((issue) => issue.code)).toEqual(codes);
      expect(whole.ok).toBe(codes.length === 0);
      const streamed = await validateFile(chunked(bytes, 1000).stream, { name, now });
      expect(placed(streamed.issues)).toEqual(placed(whole.issues));
      expect(streamed.read).toEqual(whole.read);
    });
  });

  it('reads every example file, and tells each one\'s format from its content alone', async () => {
    const names = ['network-meeting-2020.phx.json', 'network-meeting-2020.phx.ndjson', 'spreadsheet/observations.csv'];
    names.push(...readdirSync(new URL('invalid/', examples)).filter((name) => name !== 'expected.json').map((name) => `invalid/${name}`));
    for (const name of names) {
      const named = await validateFile(read(name), { name, now });
      expect(named.format, name).toBe(formatOfName(name));
      const unnamed = await validateFile(read(name), { now });
      expect({ format: unnamed.format, issues: placed(unnamed.issues) }, name).toEqual({ format: named.format, issues: placed(named.issues) });
    }
  });

  it('gives the result of the format\'s validator, with the bytes read', async () => {
    const bytes = read('network-meeting-2020.phx.json');
    // Read piece by piece: the verdict of the whole document, without holding its data.
    const result = await validateFile(bytes, { name: 'x.phx.json', now });
    const { data: _data, ...direct } = validate(new TextDecoder().decode(bytes), { now });
    expect(result).toEqual({ ...direct, format: 'json', read: { ...direct.read, bytes: bytes.length } });
    const pkg = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown[] | undefined>;
    const counts = { organisation: pkg.organisations?.length, facility: pkg.facilities?.length, indicator: pkg.indicators?.length ?? 0, observation: pkg.observations?.length, meeting: pkg.meetings?.length };
    expect(result.read.records).toEqual(counts);
  });

  it('keeps the data when asked, the same package from .phx.json and .phx.ndjson', async () => {
    const json = await validateFile(read('network-meeting-2020.phx.json'), { name: 'a.phx.json', now, keepData: true });
    const ndjson = await validateFile(read('network-meeting-2020.phx.ndjson'), { name: 'a.phx.ndjson', now, keepData: true });
    expect(json.data).toEqual(JSON.parse(new TextDecoder().decode(read('network-meeting-2020.phx.json'))));
    expect(ndjson.data).toEqual(json.data);
    expect((await validateFile(read('network-meeting-2020.phx.ndjson'), { name: 'a.phx.ndjson', now })).data).toBeUndefined();
    const table = awkwardFiles().find((file) => file.name === 'crlf-bom.csv')!;
    const csv = await validateFile(table.bytes, { name: table.name, now });
    expect(csv.data).toEqual({ observations: [expect.objectContaining({ id: 'obs-1', numerator: 120, period: { start: '2020-01-01', end: '2020-12-31' } })] });
    const invalid = read('invalid/unique.duplicate-id.phx.json');
    expect((await validateFile(invalid, { name: 'x.phx.json', now })).data).toBeUndefined();
    // Asked to, it keeps what it read although it is not valid.
    expect((await validateFile(invalid, { name: 'x.phx.json', now, keepData: true })).data).toEqual(JSON.parse(new TextDecoder().decode(invalid)));
  });

  it('tells a whole package, header and all, from a part of one and from a file with errors', async () => {
    const kept = (bytes: Uint8Array, name: string) => validateFile(bytes, { name, now, keepData: true });
    const json = await kept(read('network-meeting-2020.phx.json'), 'a.phx.json');
    expect(wholePackageOf(json)).toEqual(JSON.parse(new TextDecoder().decode(read('network-meeting-2020.phx.json'))));
    expect(wholePackageOf(await kept(read('network-meeting-2020.phx.ndjson'), 'a.phx.ndjson'))).toEqual(json.data);
    expect(wholePackageOf(await kept(await writeXlsx(json.data!, { language: 'uk' }), 'a.xlsx'))).toEqual(json.data);
    // A stream of records without its header line is valid, and a part of a package.
    const records = new TextDecoder().decode(read('network-meeting-2020.phx.ndjson')).split('\n').slice(1).join('\n');
    const part = await kept(new TextEncoder().encode(records), 'a.phx.ndjson');
    expect({ ok: part.ok, whole: wholePackageOf(part) }).toEqual({ ok: true, whole: undefined });
    const csv = awkwardFiles().find((file) => file.name === 'crlf-bom.csv')!;
    const table = await kept(csv.bytes, csv.name);
    expect({ ok: table.ok, whole: wholePackageOf(table) }).toEqual({ ok: true, whole: undefined });
    const invalid = await kept(read('invalid/unique.duplicate-id.phx.json'), 'x.phx.json');
    expect(invalid.data).toHaveProperty('phxVersion');
    expect(wholePackageOf(invalid)).toBeUndefined();
    expect(wholePackageOf({ ok: true, data: undefined })).toBeUndefined();
    expect(wholePackageOf({ ok: true, data: null })).toBeUndefined();
  });

  it('tells the format from the declared one, then the name, then the content', async () => {
    const csvText = new TextEncoder().encode('id,indicator\nobs-1,x\n');
    expect((await validateFile(csvText, { name: 'data.txt' })).format).toBe('csv');
    expect((await validateFile(csvText, { name: 'data.phx.json' })).format).toBe('json');
    expect((await validateFile(csvText, { name: 'data.phx.json', format: 'csv' })).format).toBe('csv');
    const line = new TextEncoder().encode('{"type":"facility","id":"f-1","country":"ZM","facilityType":"prison"}\n');
    expect((await validateFile(line, {})).format).toBe('ndjson');
    expect((await validateFile(line.subarray(0, 30), {})).format).toBe('ndjson');
    expect((await validateFile(new TextEncoder().encode('{"phxVersion":"1.0"}\n'), {})).format).toBe('json');
    // A name that says workbook does not make text a workbook.
    expect((await validateFile(csvText, { name: 'data.xlsx' })).format).toBe('csv');
  });

  it('names formats by media type and by file name', () => {
    expect(formatOfMediaType('text/csv; charset=utf-8')).toBe('csv');
    expect(formatOfMediaType('Application/X-NDJSON')).toBe('ndjson');
    expect(formatOfMediaType('application/octet-stream')).toBeUndefined();
    expect(formatOfName('DATA.PHX.JSON')).toBe('json');
    expect(formatOfName('obs.jsonl')).toBe('ndjson');
    expect(formatOfName('Book1.xlsx')).toBe('xlsx');
    expect(formatOfName('notes.txt')).toBeUndefined();
  });

  it('names the files made of a file by its name without the ending that gives its format, in any case, whatever the name holds', () => {
    expect(stemOfName('zambia.phx.json')).toBe('zambia');
    expect(stemOfName('Звіт 2023.XLSX')).toBe('Звіт 2023');
    expect(stemOfName('obs.phx.ndjson')).toBe('obs');
    expect(stemOfName('notes.txt')).toBe('notes.txt');
    const endings = Object.values(fileFormats).flatMap((format) => [...format.extensions]);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(...endings), fc.boolean(), (base, ending, upper) => {
        const name = `${base}${upper ? ending.toUpperCase() : ending}`;
        // `x.phx` + `.json` is `x` + `.phx.json`: the longest ending that gives a format goes.
        const stem = stemOfName(name);
        expect(name.startsWith(stem)).toBe(true);
        expect(formatOfName(name)).toBeDefined();
        expect(stem.length).toBeLessThanOrEqual(base.length);
        expect(formatOfName(stem + name.slice(stem.length))).toBe(formatOfName(name));
        if (!base.toLowerCase().endsWith('.phx')) expect(stem).toBe(base);
      }),
    );
  });

  it('names the format of a file PHX does not read, and reads no further than its start', async () => {
    // An Excel 97–2003 workbook: a compound file, told by its first bytes.
    const large = new Uint8Array(10 * 1024 * 1024);
    large.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const { stream, pulled } = chunked(large, 4096);
    const result = await validateFile(stream, { name: 'big.xls', locale: 'fr' });
    expect(result.issues).toMatchObject([{ code: 'file.unsupported-format', params: { format: 'xls' }, message: expect.stringContaining('classeur Excel') }]);
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
    expect(result.read.bytes).toBe(pulled());
    for (const [head, format] of [['%PDF-1.7', 'pdf'], ['\x1f\x8b\x08', 'gzip']] as const) {
      expect((await validateFile(Uint8Array.from(head, (c) => c.charCodeAt(0)), { name: 'x.csv' })).issues[0]?.params).toEqual({ format });
    }
  });

  it('tells a web page saved under a workbook name (as web portals export "Excel" files) as a web page, not a CSV', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const portal = encode('\uFEFF\r\n  <html><body><table><tr><td>id</td><td>indicator</td></tr></table></body></html>');
    for (const name of ['portal.xlsx', 'portal.xls', 'portal.csv', 'portal']) {
      const result = await validateFile(portal, { name, locale: 'uk' });
      expect(result.format).toBe('html');
      expect(result.issues).toMatchObject([
        { code: 'file.unsupported-format', params: { format: 'html' }, message: 'Це вебсторінка (HTML), а не книга Excel; відкрийте її в Excel і збережіть як книгу Excel (.xlsx)' },
      ]);
    }
    for (const head of ['<!DOCTYPE html><html>', '<table border="1"><tr>', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', '<!-- saved -->\n<HTML>']) {
      expect(formatOfFile(encode(head), { name: 'export.xls' })).toBe('html');
    }
    const converted = await assemblePackage([{ name: 'page.xlsx', bytes: encode('<html><head><title>Error</title></head><body>Session expired</body></html>') }], { locale: 'en' });
    expect(converted.files[0]).toMatchObject({ format: 'html', issues: [{ code: 'file.unsupported-format', message: 'The file is a web page (HTML), not an Excel workbook; open it in Excel and save it as an Excel workbook (.xlsx)' }] });
    // A CSV whose first cell opens with `<` is still a CSV.
    expect(formatOfFile(encode('<id>,indicator\n'), { name: 'a.csv' })).toBe('csv');
  });

  it('tells a damaged workbook, a zip archive of no known entries named .xlsx, as a workbook to save again, and a .zip as an archive', async () => {
    const damaged = Uint8Array.from('PK\x03\x04\x14\x00garbage', (c) => c.charCodeAt(0));
    expect((await validateFile(damaged, { name: 'report.xlsx', locale: 'uk' })).issues).toMatchObject([
      { code: 'sheet.unreadable', message: 'Файл не є книгою Excel (.xlsx), яку можна прочитати; збережіть його знову у форматі .xlsx' },
    ]);
    expect((await validateFile(damaged, { name: 'report.zip' })).issues).toMatchObject([{ code: 'file.unsupported-format', params: { format: 'zip' } }]);
  });

  it('tells an Excel workbook encrypted with a password from an Excel 97–2003 one, both compound files, by their streams', async () => {
    const encrypted = compoundFile(['EncryptionInfo', 'EncryptedPackage']);
    const old = compoundFile(['Workbook']);
    const issuesOf = async (bytes: Uint8Array, options: ValidateFileOptions) => (await validateFile(bytes, { locale: 'uk', ...options })).issues;
    expect(await issuesOf(encrypted, { name: 'report.xlsx' })).toMatchObject([
      {
        code: 'file.unsupported-format',
        params: { format: 'encrypted-xlsx' },
        message: 'Це книга Excel, захищена паролем, і PHX не може її відкрити; зніміть пароль (у Excel: Файл › Відомості › Захистити книгу › Зашифрувати за допомогою пароля, і зітріть його) і збережіть книгу знову',
      },
    ]);
    // Its streams tell it whatever the name.
    expect((await issuesOf(encrypted, { name: 'report.xls' }))[0]?.params).toEqual({ format: 'encrypted-xlsx' });
    const xls = [{ code: 'file.unsupported-format', params: { format: 'xls' }, message: expect.stringMatching(/^Це книга Excel 97–2003 \(\.xls\), а PHX такі файли не читає/) }];
    expect(await issuesOf(old, { name: 'report.xls' })).toMatchObject(xls);
    // An old workbook renamed .xlsx is still one.
    expect(await issuesOf(old, { name: 'report.xlsx' })).toMatchObject(xls);
  });

  it('takes a large compound file whose directory lies past the first 64 KiB for an encrypted workbook when named or declared one, reading no further', async () => {
    const large = compoundFile(['EncryptionInfo', 'EncryptedPackage'], 256);
    for (const options of [{ name: 'report.xlsx' }, { format: 'xlsx' }] as const) {
      const { stream, pulled } = chunked(large, 4096);
      const result = await validateFile(stream, { ...options, locale: 'en' });
      expect(result.format).toBe('encrypted-xlsx');
      expect(result.issues[0]?.message).toBe(
        'The file is an Excel workbook protected by a password, which PHX cannot open; remove the password (in Excel: File › Info › Protect Workbook › Encrypt with Password, and clear it) and save the workbook again',
      );
      expect(pulled()).toBeLessThanOrEqual(64 * 1024);
    }
    expect((await validateFile(large, { name: 'report.xls' })).format).toBe('xls');
  });

  it('stops reading a document larger than maxDocumentBytes, and says so', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ notes: 'x'.repeat(1024 * 1024) }));
    const { stream, pulled } = chunked(bytes, 1024);
    const result = await validateFile(stream, { name: 'a.phx.json', maxDocumentBytes: 100_000 });
    expect(result.issues).toMatchObject([{ code: 'file.too-large', params: { maxBytes: 100_000 } }]);
    expect(pulled()).toBeLessThanOrEqual(100_000 + 1024);
  });

  describe('a document read whole from a stream told its size', () => {
    // Past the 64 KiB read to tell the format: the rest is read into the array of the size told.
    const example = JSON.parse(new TextDecoder().decode(read('network-meeting-2020.phx.json'))) as DataPackage;
    const observations = Array.from({ length: 700 }, (_, i) => ({ ...example.observations![i % example.observations!.length]!, id: `obs-${'й'.repeat(i % 7)}${i}` }));
    const large = { ...example, observations };
    const encode = (text: string) => new TextEncoder().encode(text);
    const documents = new Map<string, Uint8Array>([
      ['large.phx.json', encode(JSON.stringify(large, null, 2))],
      ['large.csv', encode(writeCsv('observation', observations))],
    ]);
    const options = { now, keepData: true } satisfies ValidateFileOptions;

    it('is read alike whatever size is told, right or wrong, and stops at maxDocumentBytes all the same', async () => {
      documents.set('large.xlsx', await writeXlsx({ ...large, observations: [...observations, ...observations.slice(0, 300)].map((observation, i) => ({ ...observation, id: `${observation.id}-${i}` })) }));
      expect([...documents.values()].map(({ length }) => length)).toEqual([expect.toSatisfy((n: number) => n > 200_000), expect.toSatisfy((n: number) => n > 100_000), expect.toSatisfy((n: number) => n > 100_000)]);
      const wholes = new Map<string, FileValidationResult>();
      const told = (n: number) => fc.oneof(fc.constantFrom(n, n - 1, n + 1, undefined), fc.integer({ min: 0, max: 2 * n }));
      // The length, one less, or well below it (past the first 64 KiB), where reading must stop early.
      const limit = (n: number) => fc.oneof(fc.constantFrom(undefined, n, n - 1), fc.integer({ min: 65_537, max: n - 1 }));
      // Tried in any case: a file longer than told, one shorter, one too large once its array is made.
      const examples = [...documents].flatMap(([name, { length }]) => [length - 1, length + 1, 70_000].map((size) => [[name, size, size === 70_000 ? 80_000 : undefined, 4096]] as [[string, number, number | undefined, number]]));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...documents.keys()).chain((name) => fc.tuple(fc.constant(name), told(documents.get(name)!.length), limit(documents.get(name)!.length), fc.integer({ min: 500, max: 70_000 }))),
          async ([name, size, maxDocumentBytes, chunk]) => {
            const bytes = documents.get(name)!;
            const key = `${name} ${maxDocumentBytes}`;
            const whole = wholes.get(key) ?? wholes.set(key, await validateFile(bytes, { ...options, name, maxDocumentBytes })).get(key)!;
            const streamed = await validateFile(chunked(bytes, chunk).stream, { ...options, name, maxDocumentBytes, size });
            expect(placed(streamed.issues)).toEqual(placed(whole.issues));
            expect(streamed.data).toEqual(whole.data);
            // A document too large is read no further than the chunk that passes its limit.
            if (whole.issues[0]?.code === 'file.too-large') expect(streamed.read.bytes).toBeLessThanOrEqual(Math.min(bytes.length, (maxDocumentBytes ?? Infinity) + chunk));
            else expect(streamed.read).toEqual(whole.read);
          },
        ),
        { numRuns: 30, examples },
      );
    });

    it('is read alike when read again from its start, decoded from another encoding, empty, or told a size no array holds', async () => {
      const same = async (bytes: Uint8Array, given: ValidateFileOptions, streamed: ValidateFileOptions) => {
        const result = await validateFile(chunked(bytes, 4096).stream, { ...options, ...given, ...streamed });
        const expected = await validateFile(bytes, { ...options, ...given });
        expect({ issues: placed(result.issues), data: result.data, read: result.read }).toEqual({ issues: placed(expected.issues), data: expected.data, read: expected.read });
      };
      // Its header after its records: read piece by piece, then again from the start, whole.
      const { observations: records, ...header } = large;
      const headerLast = encode(JSON.stringify({ observations: records, ...header }));
      for (const size of [headerLast.length - 1, headerLast.length + 1]) {
        await same(headerLast, { name: 'large.phx.json', keepData: false }, { size, reopen: () => chunked(headerLast, 4096).stream });
      }
      const { encode: cp1251 } = singleByte('windows-1251');
      const cyrillic = cp1251(writeCsv('observation', observations.map((observation, i) => ({ ...observation, notes: `Примітка ${i}` }))));
      expect(cyrillic.length).toBeGreaterThan(65_536);
      for (const size of [cyrillic.length - 1, cyrillic.length, cyrillic.length + 1]) await same(cyrillic, { name: 'large.csv', encoding: 'windows-1251' }, { size });
      await same(new Uint8Array(), { name: 'empty.csv' }, { size: 10 });
      await same(documents.get('large.csv')!, { name: 'large.csv', maxDocumentBytes: Infinity }, { size: 2 ** 40 });
      // A file its first 64 KiB hold needs no array of the size told.
      const before = process.memoryUsage().arrayBuffers;
      await same(encode(writeCsv('observation', observations.slice(0, 3))), { name: 'small.csv' }, { size: 300 * 2 ** 20 });
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(100 * 2 ** 20);
    });
  });

  it('names the encoding of text that is not UTF-8, and places the first bad byte', async () => {
    const files = Object.fromEntries(awkwardFiles().map((file) => [file.name, file]));
    const paramsOf = async (name: string) => (await validateFile(files[name]!.bytes, { name })).issues[0];
    expect(await paramsOf('unicode-text.csv')).toMatchObject({ params: { encoding: 'utf-16le' }, location: { row: 1, column: 1 } });
    expect(await paramsOf('utf16be.phx.json')).toMatchObject({ params: { encoding: 'utf-16be' }, location: { line: 1, column: 1 } });
    // In the 12th column, the notes.
    expect(await paramsOf('windows-1251.csv')).toMatchObject({ params: { encoding: 'windows-1251' }, location: { row: 2, column: 12 } });
    const latin = await paramsOf('windows-1252.phx.json');
    expect(latin).toMatchObject({ params: { encoding: 'windows-1252' }, location: { line: 3, column: 11 } });
    expect(latin!.message).toBe('The file is not UTF-8 but Windows-1252 (Western European) text; save it as UTF-8 (in Excel: "CSV UTF-8") or as an Excel workbook (.xlsx)');
    expect(await paramsOf('binary.phx.json')).toMatchObject({ params: { encoding: null } });
  });

  it('says, when reading stops at maxIssues, how far it got', async () => {
    const lines = readFileSync(new URL('network-meeting-2020.phx.ndjson', examples), 'utf8').trimEnd().split('\n');
    // Each bare meeting lacks five fields: the first two lines give five issues and more.
    const broken = [...lines, ...Array.from({ length: 50 }, (_, i) => `{"type":"meeting","id":"m-${i}"}`), ...lines.slice(1)].join('\n');
    const meetings = lines.filter((line) => line.startsWith('{"type":"meeting"')).length;
    const options: ValidateFileOptions = { name: 'a.phx.ndjson', now, maxIssues: 5 };
    const bytes = new TextEncoder().encode(broken);
    const result = await validateFile(chunked(bytes, 4096).stream, options);
    expect(result).toMatchObject({ ok: false, truncated: true, read: { complete: false, lines: lines.length + 1 } });
    expect(result.issues).toHaveLength(5);
    expect(result.errors).toBeGreaterThan(5);
    expect(result.read.records.meeting).toBe(meetings + 1);
    expect(result.read.bytes).toBeLessThan(bytes.length);
    const all = await validateFile(bytes, { ...options, maxIssues: undefined });
    expect(all.read).toMatchObject({ complete: true, lines: 2 * lines.length + 49 });
    expect(all.read.records.meeting).toBe(2 * meetings + 50);
  });

  it('hands each issue to onIssue as it is found, in the order of the result', async () => {
    for (const name of ['invalid/ndjson.unknown-type.phx.ndjson', 'invalid/unique.duplicate-id.phx.json']) {
      const seen: ValidationIssue[] = [];
      const result = await validateFile(read(name), { name, now, onIssue: (issue) => seen.push(issue) });
      expect(seen).toEqual(result.issues);
      expect(seen.length).toBeGreaterThan(0);
    }
  });

  it('reads a web ReadableStream', async () => {
    const bytes = read('network-meeting-2020.phx.ndjson');
    const stream = new ReadableStream<Uint8Array>({ start: (controller) => (controller.enqueue(bytes), controller.close()) });
    expect(await validateFile(stream, { name: 'a.phx.ndjson', now })).toMatchObject({ ok: true, format: 'ndjson', read: { bytes: bytes.length } });
  });

  it('never throws, and its counts agree with its issues, on any bytes under any name', async () => {
    const names = fc.constantFrom('a.phx.json', 'a.phx.ndjson', 'a.csv', 'a.xlsx', 'a', 'a.txt');
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }).map((text) => new TextEncoder().encode(text)));
    await fc.assert(
      fc.asyncProperty(bytes, names, fc.integer({ min: 1, max: 64 }), async (input, name, size) => {
        const result = await validateFile(chunked(input, size).stream, { name, now });
        expect(result.errors).toBe(result.issues.filter((issue) => issue.severity === 'error').length);
        expect(result.ok).toBe(result.errors === 0);
        expect(result.read.bytes).toBe(input.length);
      }),
      { numRuns: 300 },
    );
  });
});

/** A text in a single-byte encoding the WHATWG decoder knows, from that decoder's own table. */
function singleByte(encoding: 'windows-1251' | 'windows-1252'): { encode: (text: string) => Uint8Array; letters: string } {
  const decoder = new TextDecoder(encoding);
  const byteOf = new Map(Array.from({ length: 256 }, (_, byte) => [decoder.decode(Uint8Array.of(byte)), byte]));
  return {
    encode: (text) => Uint8Array.from(text, (char) => byteOf.get(char) ?? 0x3f),
    letters: [...byteOf.keys()].filter((char) => /\p{L}/u.test(char) && char.charCodeAt(0) >= 0x80).join(''),
  };
}

/** Text in Windows-1252 as the Encoding Standard maps it (Node 20's decoder reads 0x80–0x9F as C1 controls). */
function windows1252(text: string): Uint8Array {
  const typographic = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
  return Uint8Array.from(text, (char) => (typographic.includes(char) ? 0x80 + typographic.indexOf(char) : char.charCodeAt(0)));
}

describe('validateFile with an encoding', () => {
  const legacy = awkwardFiles().filter((file) => ['unicode-text.csv', 'utf16be.phx.json', 'windows-1251.csv', 'windows-1252.phx.json'].includes(file.name));
  const utf8Of = (bytes: Uint8Array, encoding: string) => new TextEncoder().encode(new TextDecoder(encoding).decode(bytes));

  it.each(legacy)('reads $name in the encoding its issue names as the same text saved as UTF-8', async ({ name, bytes }) => {
    const { encoding } = (await validateFile(bytes, { name })).issues[0]!.params as { encoding: string };
    const asUtf8 = await validateFile(utf8Of(bytes, encoding), { name, now, keepData: true });
    for (const input of [bytes, chunked(bytes, 7).stream]) {
      const result = await validateFile(input, { name, now, keepData: true, encoding });
      expect(result.issues).toEqual(asUtf8.issues);
      expect(result.data).toEqual(asUtf8.data);
      // Progress is told in the file's own bytes.
      expect(result.read).toEqual({ ...asUtf8.read, bytes: bytes.length, encoding });
    }
  });

  it('reads the Cyrillic text of a Windows-1251 CSV file, located as in its UTF-8 form, however it is cut', async () => {
    const { encode, letters } = singleByte('windows-1251');
    const header = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource,notes';
    const row = 'obs-1,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey';
    const notes = fc.array(fc.string({ unit: fc.constantFrom(...letters, ' ', 'a', '1', '"', ',', '\n'), maxLength: 40 }), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(notes, fc.integer({ min: 1, max: 300 }), async (texts, size) => {
        const text = `${header}\r\n${texts.map((note, i) => `${row.replace('obs-1', `obs-${i}`)},"${note.replaceAll('"', '""')}"`).join('\r\n')}\r\n`;
        const options = { name: 'observations.csv', now, keepData: true };
        const bytes = encode(text);
        // A line of a few capitals followed by і, ї, є or ё can be well-formed UTF-8 as well, and is read as such.
        fc.pre(!looksUtf8(bytes) && text.split('\n').every((line) => !looksUtf8(encode(line))));
        const asUtf8 = await validateFile(new TextEncoder().encode(text), options);
        const result = await validateFile(chunked(bytes, size).stream, { ...options, encoding: 'cp1251' });
        expect(result.issues).toEqual(asUtf8.issues);
        expect(result.data).toEqual(asUtf8.data);
      }),
      { numRuns: 100 },
    );
  });

  it('reads an NDJSON stream in Windows-1252, its lines placed as in its UTF-8 form', async () => {
    const { encode, letters } = singleByte('windows-1252');
    // Each letter in a word, as Western text writes them: three in a row would look Cyrillic (`syntax.encoding-mismatch`).
    const lines = new TextDecoder().decode(read('network-meeting-2020.phx.ndjson')).replace(/"notes":"/g, `"notes":"${[...letters.slice(0, 30)].join('a')} `);
    const asUtf8 = await validateFile(new TextEncoder().encode(lines), { name: 'a.phx.ndjson', now });
    const result = await validateFile(chunked(encode(lines), 100).stream, { name: 'a.phx.ndjson', now, encoding: 'windows-1252' });
    expect(placed(result.issues)).toEqual(placed(asUtf8.issues));
    expect(result.read).toEqual({ ...asUtf8.read, bytes: encode(lines).length, encoding: 'windows-1252' });
  });

  it('reads a file that is UTF-8 as UTF-8 whatever encoding is named, and leaves workbooks as they are', async () => {
    const header = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource,notes';
    const row = 'obs-1,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey,Добровільне тестування';
    for (const text of [`${header}\n${row}\n`, `\uFEFF${header}\n${row}\n`]) {
      const result = await validateFile(new TextEncoder().encode(text), { name: 'o.csv', now, keepData: true, encoding: 'windows-1251' });
      expect(result.data?.observations?.[0]?.notes).toBe('Добровільне тестування');
      expect(result.read.encoding).toBeUndefined();
    }
    const workbook = awkwardFiles().find((file) => file.name === 'renamed-workbook.csv')!;
    const plain = await validateFile(workbook.bytes, { name: workbook.name, now });
    expect(await validateFile(workbook.bytes, { name: workbook.name, now, encoding: 'windows-1251' })).toEqual(plain);
  });

  it('reads a line that is UTF-8 as UTF-8: a file whose first letters beyond ASCII come late, rows pasted from a UTF-8 file', async () => {
    const { encode } = singleByte('windows-1251');
    const header = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource,notes\r\n';
    const row = (id: string, notes: string) => `${id},hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey,${notes}\r\n`;
    const ascii = Array.from({ length: 900 }, (_, i) => row(`obs-${i}`, 'routine')).join('');
    const late = `${header}${ascii}${row('obs-kyiv', 'Київський слідчий ізолятор')}`;
    const concatenated = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const files = [
      { text: late, bytes: utf8(late) },
      { text: `${header}${row('a', 'Київ')}${row('b', 'Львів')}`, bytes: concatenated(utf8(header + row('a', 'Київ')), encode(row('b', 'Львів'))) },
      { text: `${header}${row('a', 'Львів')}${row('b', 'Київ')}`, bytes: concatenated(encode(header + row('a', 'Львів')), utf8(row('b', 'Київ'))) },
    ];
    for (const { text, bytes } of files) {
      const asUtf8 = await validateFile(utf8(text), { name: 'o.csv', now, keepData: true });
      for (const input of [bytes, chunked(bytes, 1000).stream]) {
        const result = await validateFile(input, { name: 'o.csv', now, keepData: true, encoding: 'windows-1251' });
        expect(result.issues).toEqual(asUtf8.issues);
        expect(result.data).toEqual(asUtf8.data);
      }
    }
  });

  it('reads a file with a UTF-16 byte order mark as UTF-16, whatever encoding is named', async () => {
    const file = awkwardFiles().find((candidate) => candidate.name === 'unicode-text.csv')!;
    const asUtf8 = await validateFile(new TextEncoder().encode(new TextDecoder('utf-16le').decode(file.bytes)), { name: file.name, now, keepData: true });
    const result = await validateFile(file.bytes, { name: file.name, now, keepData: true, encoding: 'windows-1251' });
    expect([result.issues, result.data, result.read.encoding]).toEqual([asUtf8.issues, asUtf8.data, 'utf-16le']);
  });

  it('reads the typographic quotes, dashes and euro sign of Windows-1252 as the Encoding Standard maps them', async () => {
    const text = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource,notes\r\n' +
      'obs-1,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey,L’équipe « santé » – 2 000 € “tests”…\r\n';
    const result = await validateFile(windows1252(text), { name: 'o.csv', now, keepData: true, encoding: 'latin1' });
    expect(result.data?.observations?.[0]?.notes).toBe('L’équipe « santé » – 2 000 € “tests”…');
    expect(result.read.encoding).toBe('windows-1252');
  });

  describe('a Cyrillic file read as Western European text', () => {
    const header = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource,notes\r\n';
    const row = (year: number, notes: string) => `obs-${year},hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,${year}-01-01,${year}-12-31,120,1000,12,percent,survey,${notes}\r\n`;
    const csv = (...notes: string[]) => header + notes.map((text, i) => row(2015 + i, text)).join('');
    const cyrillic = singleByte('windows-1251').encode(csv('routine', 'Київський слідчий ізолятор'));
    const western = windows1252(csv('Centre pénitentiaire de Fresnes'));

    it('warns first, at the first word that reads wrong, quoting it as read and as the other reads it', async () => {
      for (const input of [cyrillic, chunked(cyrillic, 13).stream]) {
        const result = await validateFile(input, { name: 'o.csv', now, encoding: 'windows-1252' });
        expect(result.issues[0]).toMatchObject({
          code: 'syntax.encoding-mismatch', severity: 'warning', pointer: '', location: { row: 3, column: 12, text: { line: 3, column: 102 } },
          params: { encoding: 'windows-1252', looksLike: 'windows-1251', read: 'Êè¿âñüêèé', meant: 'Київський' },
          message: 'Read as Windows-1252 (Western European) text, as asked, but the file looks written in Windows-1251 (Cyrillic), where "Êè¿âñüêèé" reads "Київський": read it so, or its names are garbled',
        });
        expect([result.ok, result.warnings, result.issues.length]).toEqual([true, 1, 1]);
      }
      const french = await validateFile(cyrillic, { name: 'o.csv', now, encoding: 'latin1', locale: 'fr' });
      expect(french.issues[0]!.message).toContain('où « Êè¿âñüêèé » se lit « Київський »');
    });

    it('says nothing of a file read in its own code page, of UTF-8 lines, or of an encoding it cannot judge', async () => {
      const clean = async (bytes: Uint8Array, encoding: string) => (await validateFile(bytes, { name: 'o.csv', now, encoding })).issues.map((issue) => issue.code);
      expect(await clean(cyrillic, 'windows-1251')).toEqual([]);
      expect(await clean(western, 'windows-1252')).toEqual([]);
      // Every byte of Western text is a Cyrillic letter as well: such text read as Cyrillic is not told.
      expect(await clean(western, 'windows-1251')).toEqual([]);
      // KOI8-R is Cyrillic too, in other bytes: no word of it is told apart from Windows-1251 here.
      expect(await clean(cyrillic, 'koi8-r')).toEqual([]);
      // Rows pasted from a UTF-8 file are read as UTF-8, and only the others judged.
      const pasted = Uint8Array.from([...western, ...new TextEncoder().encode(row(2020, 'Київ'))]);
      expect(await clean(pasted, 'windows-1252')).toEqual([]);
    });

    it('keeps its place first within maxIssues, as an issue found first, and in a package assembled from files', async () => {
      const noisy = singleByte('windows-1251').encode(header + Array.from({ length: 5 }, (_, i) => row(2015 + i, 'Київ').replace('ZA,', 'ZZ,')).join(''));
      const few = await validateFile(noisy, { name: 'o.csv', now, encoding: 'windows-1252', maxIssues: 6 });
      expect(few.issues.map((issue) => issue.severity)).toEqual(['warning', 'error', 'error', 'error', 'error', 'error']);
      // Errors found later take the places of warnings: the list is then the errors, and says it leaves some out.
      const listed = await validateFile(noisy, { name: 'o.csv', now, encoding: 'windows-1252', maxIssues: 3 });
      expect(listed.issues.map((issue) => issue.severity)).toEqual(['error', 'error', 'error']);
      expect([listed.warnings, listed.truncated]).toEqual([1, true]);
      const assembled = await assemblePackage([{ name: 'o.csv', bytes: cyrillic }], { encoding: 'latin1' });
      expect(assembled.files[0]!.issues[0]).toMatchObject({ code: 'syntax.encoding-mismatch', location: { row: 3, column: 12, text: { line: 3, column: 102 } }, params: { meant: 'Київський' } });
      expect(assembled.files[0]!.warnings).toBe(1);
    });
  });

  it('refuses a label that names no encoding before reading anything', async () => {
    const { stream, pulled } = chunked(read('network-meeting-2020.phx.ndjson'), 100);
    await expect(validateFile(stream, { encoding: 'ebcdic' })).rejects.toThrow(RangeError);
    expect(pulled()).toBe(0);
  });

  it('names encodings by their WHATWG labels', () => {
    expect([' CP1251', 'windows-1251', 'latin1', 'utf8', 'UTF-16', 'ebcdic', 'iso-2022-kr'].map(textEncodingOf)).toEqual([
      'windows-1251',
      'windows-1251',
      'windows-1252',
      'utf-8',
      'utf-16le',
      undefined,
      undefined,
    ]);
  });
});

describe('decodeUtf8', () => {
  /** Where a streaming WHATWG decoder stops: the text it gave before the first bad byte. */
  function reference(bytes: Uint8Array): { text: string } | { before: string } {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let before = '';
    for (let i = 0; i < bytes.length; i++) {
      try {
        before += decoder.decode(bytes.subarray(i, i + 1), { stream: true });
      } catch {
        return { before };
      }
    }
    try {
      return { text: before + decoder.decode() };
    } catch {
      return { before };
    }
  }

  it('stops where the WHATWG decoder stops', () => {
    const utf8ish = fc.array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x0a)), { maxLength: 40 });
    fc.assert(
      fc.property(utf8ish, fc.string({ unit: 'grapheme', maxLength: 10 }), (tail, text) => {
        const bytes = Uint8Array.from([...new TextEncoder().encode(text), ...tail]);
        const expected = reference(bytes);
        const decoded = decodeUtf8(bytes);
        if ('text' in expected) {
          // Zero bytes every other byte read as UTF-16, not as text.
          if ('problem' in decoded) expect(decoded.problem).toMatchObject({ code: 'syntax.invalid-encoding', params: { encoding: expect.stringMatching(/^utf-16/) } });
          else expect(decoded.text).toBe(expected.text);
          return;
        }
        expect(decoded).toHaveProperty('problem');
        if (!('at' in decoded) || (decoded.problem.code === 'syntax.invalid-encoding' && decoded.problem.params.encoding?.startsWith('utf-16'))) return;
        const lines = expected.before.split('\n');
        expect(decoded.at).toEqual({ line: lines.length, column: lines.at(-1)!.length + 1 });
      }),
      { numRuns: 2000 },
    );
  });

  it('tells Cyrillic and Western European code pages apart, and binary from both', () => {
    const bytes = (text: string, letters: string) => Uint8Array.from([...text], (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0xc0 + letters.indexOf(c)));
    const cyrillic = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';
    const latin = 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';
    expect(legacyEncodingOf(bytes('Колония 12, Харьков', cyrillic))).toBe('windows-1251');
    expect(legacyEncodingOf(bytes('Centre pénitentiaire de Fresnes, Île-de-France', latin))).toBe('windows-1252');
    expect(legacyEncodingOf(bytes('Prisión de Lurigancho, año 2020', latin))).toBe('windows-1252');
    expect(legacyEncodingOf(Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256))).toBeUndefined();
    // With what Excel's autocorrect types: ’ « » – … in Windows-1252, and in Windows-1251 beside Cyrillic words.
    expect(legacyEncodingOf(windows1252('L’équipe « Santé en prison » – Fresnes…'))).toBe('windows-1252');
    expect(legacyEncodingOf(windows1252('Don’t – see “notes”'))).toBe('windows-1252');
    expect(legacyEncodingOf(singleByte('windows-1251').encode('Колонія № 12 – «Харків»…'))).toBe('windows-1251');
  });
});

describe('issues', () => {
  // Two totals of one group: the second is a duplicate breakdown, reported at the record's own path, which the
  // rules share between the records of a stream or a table.
  const total = prevalence('obs-total', 100, 400, 25);
  const pkg = changed((p) => (p.observations = [total, { ...total, id: 'obs-total-again' }]));
  const encoder = new TextEncoder();

  it.each([
    { name: 'package.phx.json', text: JSON.stringify(pkg) },
    { name: 'package.phx.ndjson', text: [...toNdjsonLines(pkg)].join('\n') },
    { name: 'observations.csv', text: writeCsv('observation', pkg.observations as Record<string, unknown>[]) },
  ])('own their paths, in $name: changing one changes no later validation', async ({ name, text }) => {
    const bytes = encoder.encode(text);
    const result = await validateFile(bytes, { name, now: NOW });
    expect(result.issues.map(({ code }) => code)).toContain('unique.duplicate-breakdown');
    const expected = structuredClone(result);
    for (const issue of result.issues) issue.path.unshift('changed');
    expect(await validateFile(bytes, { name, now: NOW })).toEqual(expected);
    expect(validate(pkg, { now: NOW }).issues.every(({ path }) => path[0] !== 'changed')).toBe(true);
  });
});
