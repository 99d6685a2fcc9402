/**
 * `validateFileAsync` and `validateNdjsonAsync` load the describer (zod and the model), the JSON places
 * (jsonc-parser) and each language's messages only when they need them, awaiting a missing part at the line or
 * record that needs it, and say exactly what `validateFile` and `validateNdjson` say — every issue given as it is
 * found (with its message, at that moment), in the same order, and the same result — on every example file (as
 * `.phx.json` read whole and piece by piece, as NDJSON, CSV and a workbook) and on fuzzed streams and packages,
 * in every language: the first time (nothing loaded yet, in a fresh copy of the modules), and once everything is
 * loaded.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import * as z from 'zod';
import { validateFileAsync, type FileValidationResult, type ValidateFileOptions } from '../src/file/validate-file.js';
import { validateFile } from '../src/file/validate-file-sync.js';
import { toNdjsonLines } from '../src/formats/package-records.js';
import { readCsv, writeCsv } from '../src/formats/csv.js';
import { readCsvAsync } from '../src/formats/csv-table.js';
import { excelLocales, type DateOrder } from '../src/formats/excel-locale.js';
import { readXlsx, writeXlsx } from '../src/formats/xlsx.js';
import { readXlsxAsync } from '../src/formats/workbook-reader.js';
import type { Locale } from '../src/locales/index.js';
import { packageHeaderShape } from '../src/model/package.js';
import { recordTypeNames, recordTypes } from '../src/model/records.js';
import type { ValidationIssue } from '../src/validate/issue.js';
import { formatIssue } from '../src/validate/messages.js';
import { messageExamples } from '../src/validate/message-examples.js';
import { validateNdjsonAsync, type ValidateNdjsonOptions } from '../src/validate/ndjson.js';
import { validateNdjson } from '../src/validate/sync.js';
import type { IssueCode } from '../src/validate/codes.js';
import { NOW } from './rules/small-package.js';
import { fuzzed } from './support/fuzz.js';
import { addFacilitiesByHand } from './support/workbooks.js';

const languages: Locale[] = ['en', 'ru', 'uk', 'fr', 'es'];
const encoder = new TextEncoder();

const dataDir = new URL('../../../examples/data/', import.meta.url);
const exampleFiles = [
  ...readdirSync(dataDir).filter((name) => name.includes('.phx.')),
  ...readdirSync(new URL('invalid/', dataDir)).filter((name) => name.includes('.phx.')).map((name) => `invalid/${name}`),
  'spreadsheet/observations.csv',
  'spreadsheet/facilities.csv',
].map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, dataDir))) }));

/** The example of a whole package, and its header. */
const example = JSON.parse(readFileSync(new URL('network-meeting-2020.phx.json', dataDir), 'utf8')) as Record<string, unknown>;
const packageHeader = Object.fromEntries(Object.entries(example).filter(([, value]) => !Array.isArray(value)));

/** The examples' packages as NDJSON streams too: each record a line, checked line by line. */
const exampleStreams = exampleFiles
  .filter(({ name }) => name.endsWith('.phx.json'))
  .flatMap(({ name, bytes }) => {
    try {
      const pkg = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      if (pkg === null || typeof pkg !== 'object' || Array.isArray(pkg)) return [];
      return [{ name: name.replace('.phx.json', '.phx.ndjson'), bytes: encoder.encode([...toNdjsonLines(pkg as Record<string, unknown>)].join('\n')) }];
    } catch {
      return [];
    }
  });

/** The ways in of a fresh copy of the modules: nothing loaded on demand yet. */
async function fresh(): Promise<{
  validateFileAsync: typeof validateFileAsync;
  validateNdjsonAsync: typeof validateNdjsonAsync;
  readCsvAsync: typeof readCsvAsync;
  readXlsxAsync: typeof readXlsxAsync;
  onDemand: typeof import('../src/validate/on-demand.js');
}> {
  vi.resetModules();
  const file = await import('../src/file/validate-file.js');
  const ndjson = await import('../src/validate/ndjson.js');
  const csv = await import('../src/formats/csv-table.js');
  const workbook = await import('../src/formats/workbook-reader.js');
  return {
    validateFileAsync: file.validateFileAsync, validateNdjsonAsync: ndjson.validateNdjsonAsync, readCsvAsync: csv.readCsvAsync, readXlsxAsync: workbook.readXlsxAsync,
    onDemand: await import('../src/validate/on-demand.js'),
  };
}

/** The bytes in chunks of `size`, from the start each time asked; `read` counts the chunks handed out. */
function chunks(bytes: Uint8Array, size: number, read = { chunks: 0 }): () => AsyncGenerator<Uint8Array> {
  return async function* () {
    for (let at = 0; at < bytes.length; at += size, read.chunks++) yield bytes.subarray(at, at + size);
  };
}

/** What a validation of a file says: each issue as it was when given (a copy), and the result; and how many chunks it read. */
async function fileRun(
  run: typeof validateFile,
  bytes: Uint8Array,
  options: ValidateFileOptions,
  size = 4096,
): Promise<{ given: unknown[]; result: FileValidationResult; read: { chunks: number } }> {
  const given: unknown[] = [];
  const read = { chunks: 0 };
  const source = chunks(bytes, size, read);
  const result = await run(source(), { ...options, reopen: source, onIssue: (issue, format) => given.push(structuredClone({ format, ...issue })) });
  return { given, result, read };
}

/** What a validation of an NDJSON stream says: each issue as it was when given (a copy), and the result. */
async function ndjsonRun(run: typeof validateNdjson, bytes: Uint8Array, options: ValidateNdjsonOptions, size = 97): Promise<{ given: ValidationIssue[]; result: unknown }> {
  const given: ValidationIssue[] = [];
  const steps = run(chunks(bytes, size)(), options);
  for (;;) {
    const step = await steps.next();
    if (step.done) return { given, result: step.value };
    given.push(structuredClone(step.value));
  }
}

describe('validateFileAsync, validateNdjsonAsync, readCsvAsync and readXlsxAsync', () => {
  it.each(languages)('say what validateFile says of every example file in %s, loading what they need at the first file that needs it', async (locale) => {
    const lazily = await fresh();
    for (const { name, bytes } of [...exampleFiles, ...exampleStreams]) {
      // Read whole with its data (as the page reads a .phx.json file it keeps), and piece by piece without it.
      for (const keepData of [true, false]) {
        const options: ValidateFileOptions = { name, locale, now: NOW, keepData };
        const expected = await fileRun(validateFile, bytes, options);
        for (const run of [lazily.validateFileAsync, validateFileAsync]) expect(await fileRun(run, bytes, options), `${name} ${keepData}`).toEqual(expected);
      }
    }
  });

  it('load only the recogniser of personal data for a valid stream in English, and the describer at the first line it is needed for', async () => {
    const lazily = await fresh();
    const { bytes } = exampleFiles.find(({ name }) => name === 'network-meeting-2020.phx.ndjson')!;
    expect(() => lazily.onDemand.personalDataOnDemand('Met Mykola Petrenko')).toThrow(lazily.onDemand.NotLoaded);
    const { result } = await ndjsonRun(lazily.validateNdjsonAsync, bytes, {});
    expect((result as { ok: boolean }).ok).toBe(true);
    expect(lazily.onDemand.personalDataOnDemand('Met Mykola Petrenko')).toBe('name');
    expect(Object.keys(lazily.onDemand.loadedLocales)).toEqual([]);
    expect(() => lazily.onDemand.describeOnDemand('package', null, [])).toThrow(lazily.onDemand.NotLoaded);
    expect(() => lazily.onDemand.placesOnDemand.locatePaths('{}', [[]])).toThrow(lazily.onDemand.NotLoaded);
    // A wrong line: each part is loaded once, there, and the lines before are not read again.
    const text = `${new TextDecoder().decode(bytes)}\n{"type":"observation","id":1}\n`;
    const lazy = await ndjsonRun(lazily.validateNdjsonAsync, encoder.encode(text), { now: NOW, locale: 'uk' });
    expect(lazy).toEqual(await ndjsonRun(validateNdjson, encoder.encode(text), { now: NOW, locale: 'uk' }));
    expect(lazy.given.length).toBeGreaterThan(0);
    expect(Object.keys(lazily.onDemand.loadedLocales)).toEqual(['uk']);
    expect(() => lazily.onDemand.describeOnDemand('package', null, [])).not.toThrow();
  });

  // The page reads a `.phx.json` file above 32 MiB piece by piece: a valid one needs no part, and a part is awaited
  // at the record that first needs it, with the records before it not read again.
  // The rules call the recogniser of personal data midway through a record, once they have reported what they found
  // before it and changed their tables: a stream's line could not be checked again, so it is loaded before the first.
  it.each([
    { name: 'an NDJSON stream', file: 'first.phx.ndjson', text: (line: string) => line },
    { name: 'a .phx.json file read piece by piece', file: 'first.phx.json', text: (line: string) => `{"observations": [${line}]}` },
  ])('load the recogniser of personal data before the first record of $name, whose issues are given once', async ({ file, text }) => {
    const lazily = await fresh();
    const record = { ...(example.observations as Record<string, unknown>[])[0], methodNote: 'Vu\u0000 avec Mykola Petrenko' };
    const line = JSON.stringify({ type: 'observation', ...record });
    const bytes = encoder.encode(text(file.endsWith('.ndjson') ? line : JSON.stringify(record)));
    const options = { name: file, now: NOW, locale: 'uk' as const };
    const lazy = await fileRun(lazily.validateFileAsync, bytes, options, 64);
    expect(lazy).toEqual(await fileRun(validateFile, bytes, options, 64));
    expect(lazy.result.issues.filter(({ code }) => code === 'text.nul-character' || code === 'privacy.personal-data').map(({ code, path }) => [code, path.at(-1)])).toEqual([
      ['text.nul-character', 'methodNote'],
      ['privacy.personal-data', 'methodNote'],
    ]);
  });

  it('load nothing for a valid .phx.json file read piece by piece in English, and a part at the record that needs it', async () => {
    const lazily = await fresh();
    const { bytes } = exampleFiles.find(({ name }) => name === 'network-meeting-2020.phx.json')!;
    // Judged today: the example's last periods end after NOW.
    const valid = await fileRun(lazily.validateFileAsync, bytes, { name: 'valid.phx.json' }, 256);
    expect(valid).toEqual(await fileRun(validateFile, bytes, { name: 'valid.phx.json' }, 256));
    expect(valid.result).toMatchObject({ ok: true, issues: [], format: 'json', read: { complete: true } });
    expect(Object.keys(lazily.onDemand.loadedLocales)).toEqual([]);
    expect(() => lazily.onDemand.describeOnDemand('package', null, [])).toThrow(lazily.onDemand.NotLoaded);
    expect(() => lazily.onDemand.placesOnDemand.locatePaths('{}', [[]])).toThrow(lazily.onDemand.NotLoaded);
    // A wrong record in the middle of the first array read, and a reference to no organisation, placed in a second reading.
    const observations = example.observations as Record<string, unknown>[];
    const wrong = { ...example, observations: [observations[0], { ...observations[1], value: 'many' }, ...observations.slice(2), { ...observations[0], id: 'obs-late', reportingOrganisation: 'PHX-ORG-9999' }] };
    const text = encoder.encode(JSON.stringify(wrong, null, 2));
    const lazy = await fileRun(lazily.validateFileAsync, text, { name: 'wrong.phx.json', now: NOW, locale: 'fr' }, 256);
    const eager = await fileRun(validateFile, text, { name: 'wrong.phx.json', now: NOW, locale: 'fr' }, 256);
    expect(lazy).toEqual(eager);
    expect(lazy.result.issues.map(({ code }) => code)).toEqual(expect.arrayContaining(['schema.invalid-type', 'ref.unknown-organisation']));
    // Read once, and once more to place the reference (as validateFile reads it): nothing again for the parts.
    expect(lazy.read.chunks).toBe(2 * Math.ceil(text.length / 256));
    expect(Object.keys(lazily.onDemand.loadedLocales)).toEqual(['fr']);
    expect(() => lazily.onDemand.placesOnDemand.locatePaths('{}', [[]])).not.toThrow();
  });

  const records = fc.record(
    Object.fromEntries(recordTypeNames.map((type) => [recordTypes[type].collection, fc.array(fuzzed(recordTypes[type].schema, 20), { maxLength: 5 })])),
    { requiredKeys: [], noNullPrototype: true },
  );
  const header = fuzzed(z.strictObject(packageHeaderShape), 20);
  /** Lines of any kind: records, headers, and lines that are not records (not JSON, nested too deep, of no type, blank). */
  const line = fc.oneof(
    { weight: 6, arbitrary: fc.oneof(...recordTypeNames.map((type) => fuzzed(recordTypes[type].schema, 20).map((record) => ({ type, record })))) },
    { weight: 1, arbitrary: header.map((record) => ({ type: 'package', record })) },
    { weight: 1, arbitrary: fc.constantFrom('{"type":"observation",', 'not json', '{"type":"person"}', '', '   ', '[[[[[[[[1]]]]]]]]', '{"type":"package"}', '\u00ff{') },
  );
  const settings = fc.record({
    locale: fc.constantFrom(...languages),
    maxIssues: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    maxDepth: fc.constantFrom(undefined, 2, 5),
  });

  it('fuzzed NDJSON streams, in every language, from nothing loaded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 10 }), settings, fc.integer({ min: 1, max: 200 }), fc.boolean(), async (lines, setting, size, fromNothing) => {
        const run = fromNothing ? (await fresh()).validateNdjsonAsync : validateNdjsonAsync;
        const text = lines
          .map((entry) =>
            typeof entry === 'string'
              ? entry
              : (JSON.stringify(typeof entry.record === 'object' && entry.record !== null && !Array.isArray(entry.record) ? { type: entry.type, ...entry.record } : entry.record) ?? ''),
          )
          .join('\n');
        const bytes = encoder.encode(text);
        const options: ValidateNdjsonOptions = { now: NOW, ...setting };
        expect(await ndjsonRun(run, bytes, options, size)).toEqual(await ndjsonRun(validateNdjson, bytes, options, size));
      }),
      { numRuns: 80 },
    );
  });

  // What a browser downloads for it is held by packages/web/test/budget.test.ts (here every module is imported
  // as usual): this holds that the check asks for no part it does not need.
  it('ask for no part for a CSV file with nothing to say', async () => {
    const lazily = await fresh();
    const organisations = example.organisations as Record<string, unknown>[];
    const bytes = encoder.encode(writeCsv('organisation', organisations));
    const { result } = await fileRun(lazily.validateFileAsync, bytes, { name: 'organisations.csv', now: NOW });
    expect(result).toMatchObject({ ok: true, issues: [], format: 'csv', read: { records: { organisation: organisations.length } } });
    expect(await lazily.readCsvAsync(bytes, { locale: 'ru' })).toEqual(readCsv(bytes, { locale: 'ru' }));
    expect(Object.keys(lazily.onDemand.loadedLocales)).toEqual([]);
    expect(() => lazily.onDemand.describeOnDemand('package', null, [])).toThrow(lazily.onDemand.NotLoaded);
  });

  // A CSV file is read whole and checked again from the start once a part is loaded: of 1 MiB or more, it is checked
  // with the describer loaded first, as reading its rows again would cost more; the recogniser, any file's, first too.
  it('load the describer before a CSV file of 1 MiB or more, whose rows a second check would read again', async () => {
    const lazily = await fresh();
    // Few rows, each with a long name in five languages: the size is what counts, not the records.
    const [first] = example.organisations as Record<string, unknown>[];
    const long = (words: string): string => Array.from({ length: 12 }, (_, n) => `${words} ${n}`).join(', ').slice(0, 500);
    const name = { en: long('Prison Health Exchange Network Secretariat'), ru: long('Секретариат сети по обмену данными'), uk: long('Секретаріат мережі з обміну даними'), fr: long('Secrétariat du réseau d’échange'), es: long('Secretaría de la red de intercambio') };
    const many = Array.from({ length: 340 }, (_, n) => ({ ...first, id: `PHX-ORG-${n}`, name }));
    const bytes = encoder.encode(writeCsv('organisation', many));
    expect(bytes.length).toBeGreaterThanOrEqual(1 << 20);
    const { result } = await fileRun(lazily.validateFileAsync, bytes, { name: 'organisations.csv', now: NOW });
    expect(result).toMatchObject({ ok: true, format: 'csv', read: { records: { organisation: many.length } } });
    expect(() => lazily.onDemand.describeOnDemand('package', null, [])).not.toThrow();
    expect(lazily.onDemand.personalDataOnDemand('Met Mykola Petrenko')).toBe('name');
    // A CSV file's issues are placed by its rows, not by the JSON places.
    expect(() => lazily.onDemand.placesOnDemand.locatePaths('{}', [[]])).toThrow(lazily.onDemand.NotLoaded);
  });

  // CSV files as people have them, not as PHX writes them: another encoding, CRLF and quoted line breaks, a header
  // of no PHX columns or of some unknown, cells beyond the header, dates of no clear order, blank rows alone.
  const peoplesCsv: { name: string; bytes: Uint8Array }[] = [
    { name: 'cp1251.csv', bytes: Uint8Array.of(...encoder.encode('id;name.ru;organisationType;countries.0\r\nUA-1;'), 0xcf, 0xf0, 0xe8, 0xfe, 0xf2, ...encoder.encode(';ngo;UA\r\n')) },
    { name: 'utf16.csv', bytes: Uint8Array.of(0xff, 0xfe, ...[...'id,country\r\nf-1,UA\r\n'].flatMap((char) => [char.charCodeAt(0), 0])) },
    { name: 'quoted.csv', bytes: encoder.encode('\uFEFFid;indicator;reportingOrganisation;scope.country;period.start;period.end;value;unit;dataSource;notes\r\nobs-1;hiv-prevalence-prisoners;UA-EDR-21514560;UA;01/02/2020;31/12/2020;7,5;percent;survey;"line one\r\nline ""two"";"\r\nobs-2;hiv-prevalence-prisoners;UA-EDR-21514560;UA;01/02/2020;12/31/2020;12;percent;survey;;extra\r\n') },
    { name: 'not-phx.csv', bytes: encoder.encode('Name,Age\nIvan,34\n') },
    { name: 'unknown-columns.csv', bytes: encoder.encode('id,country,colour,капасити\nf-1,XX,red,12\nf-2,UA,,\n') },
    { name: 'blank-rows.csv', bytes: encoder.encode(';;;\r\n;;;\r\n') },
  ];

  // Workbooks as people have them: sheets made by hand in Excel (field paths or Ukrainian headings, dates and
  // decimal commas typed as text, a sheet of notes), PHX's own in Russian with a mistake, and ones that cannot be read.
  const peoplesWorkbooks = (async (): Promise<{ name: string; bytes: Uint8Array; maxDocumentBytes?: number }[]> => {
    const byHand = new ExcelJS.Workbook();
    addFacilitiesByHand(byHand);
    const observations = byHand.addWorksheet('observations');
    observations.addRow(['Ідентифікатор', 'Показник', 'Організація', 'Країна', 'Установа', 'Початок періоду', 'Кінець періоду', 'Значення', 'Одиниця', 'Джерело даних', 'Примітки']);
    observations.addRow(['id', 'indicator', 'reportingOrganisation', 'scope.country', 'scope.facility', 'period.start', 'period.end', 'value', 'unit', 'dataSource', 'notes']);
    observations.addRow(['obs-1', 'hiv-prevalence-prisoners', 'UA-EDR-21514560', 'UA', 'ua-lviv-19', new Date(Date.UTC(2020, 0, 1)), '31.12.2020', '7,5', 'percent', 'survey', 'Іван Петренко, 34 роки, ВІЛ+']);
    observations.addRow(['obs-2', 'hiv-prevalence-prisoners', 'UA-EDR-21514560', 'UA', 'no-such-prison', '03/04/2020', '12/31/2020', 12, 'percent', 'survey']);
    byHand.addWorksheet('Sheet1').addRow(['Нотатки', 'до звіту']);
    const phx = await writeXlsx({ ...example, observations: [{ ...(example.observations as Record<string, unknown>[])[0], numerator: -1 }] }, { language: 'ru' });
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    return [
      { name: 'by-hand.xlsx', bytes: new Uint8Array(await byHand.xlsx.writeBuffer()) },
      { name: 'phx-ru.xlsx', bytes: phx },
      { name: 'empty.xlsx', bytes: new Uint8Array(await empty.xlsx.writeBuffer()) },
      { name: 'cut.xlsx', bytes: phx.subarray(0, phx.length - 100) },
      { name: 'too-large.xlsx', bytes: phx, maxDocumentBytes: phx.length },
    ];
  })();

  it.each(languages)('say what validateFile and readCsv say of CSV files as people have them, in %s, from nothing loaded', async (locale) => {
    for (const { name, bytes } of peoplesCsv) {
      const options: ValidateFileOptions = { name, locale, now: NOW };
      const expected = await fileRun(validateFile, bytes, options);
      expect(expected.result.format, name).toBe('csv');
      expect(await fileRun((await fresh()).validateFileAsync, bytes, options), name).toEqual(expected);
      expect(await (await fresh()).readCsvAsync(bytes, { locale }), name).toEqual(readCsv(bytes, { locale }));
    }
  });

  // Records that zod rejects need the describer, which a check of a CSV file loads at the first of them, and then
  // checks the file again from its start; what it says must not show it.
  it('fuzzed CSV files as Excel writes them, checked and read, in every language, from nothing loaded', async () => {
    // Each type's rows made once: made inside `chain`, a type's arbitrary would be built again for every run.
    const rowsOf = Object.fromEntries(recordTypeNames.map((type) => [type, fc.array(fuzzed(recordTypes[type].schema, 20), { minLength: 1, maxLength: 5 })]));
    const table = fc.constantFrom(...recordTypeNames).chain((type) => fc.tuple(fc.constant(type), rowsOf[type]!));
    // How the file is read: as written, or with the reader told another way (a type, a separator, an order of day
    // and month that may not be the file's), keeping the data or not.
    const reading = fc.record(
      {
        keepData: fc.boolean(),
        type: fc.constantFrom(...recordTypeNames),
        delimiter: fc.constantFrom(',', ';', '\t'),
        dateOrder: fc.constantFrom<DateOrder>('day-month', 'month-day'),
      },
      { requiredKeys: ['keepData'] },
    );
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom(undefined, ...excelLocales), settings, reading, fc.boolean(), async ([type, rows], excelLocale, setting, read, fromNothing) => {
        const run = fromNothing ? (await fresh()).validateFileAsync : validateFileAsync;
        const objects = rows.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null && !Array.isArray(row));
        const bytes = encoder.encode(writeCsv(type, objects, { excelLocale }));
        const options: ValidateFileOptions = { name: 'fuzzed.csv', now: NOW, excelLocale, ...setting, ...read };
        expect(await fileRun(run, bytes, options, 64)).toEqual(await fileRun(validateFile, bytes, options, 64));
        const readTable = fromNothing ? (await fresh()).readCsvAsync : readCsvAsync;
        expect(await readTable(bytes, options)).toEqual(readCsv(bytes, options));
      }),
      { numRuns: 40 },
    );
    // Three seconds alone; several times that on a machine busy with other builds and tests.
  }, 180_000);

  // What a browser downloads for it is held by packages/web/test/budget.test.ts.
  it('ask for no part for a workbook with nothing to say', async () => {
    const lazily = await fresh();
    const bytes = await writeXlsx(example, { language: 'uk' });
    // Judged today: the example's last periods end after NOW.
    const { result } = await fileRun(lazily.validateFileAsync, bytes, { name: 'package.xlsx' });
    expect(result).toMatchObject({ ok: true, issues: [], format: 'xlsx', read: { records: { observation: (example.observations as unknown[]).length } } });
    expect(Object.keys(lazily.onDemand.loadedLocales)).toEqual([]);
    expect(() => lazily.onDemand.describeOnDemand('package', null, [])).toThrow(lazily.onDemand.NotLoaded);
  });

  it.each(languages)('say what validateFile and readXlsx say of workbooks as people have them, in %s, from nothing loaded', async (locale) => {
    for (const { name, bytes, maxDocumentBytes } of await peoplesWorkbooks) {
      const options: ValidateFileOptions = { name, locale, now: NOW, maxDocumentBytes };
      const expected = await fileRun(validateFile, bytes, options);
      expect(expected.result.format, name).toBe('xlsx');
      expect(await fileRun((await fresh()).validateFileAsync, bytes, options), name).toEqual(expected);
      expect(await (await fresh()).readXlsxAsync(bytes, { locale, maxDocumentBytes }), name).toEqual(await readXlsx(bytes, { locale, maxDocumentBytes }));
    }
  });

  // The package a workbook holds is validated again from its start once the describer is loaded; what it says must
  // not show it.
  it('fuzzed packages as workbooks, in every language, from nothing loaded', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.constantFrom(...excelLocales), settings, fc.boolean(), fc.boolean(), async (collections, language, setting, keepData, fromNothing) => {
        const run = fromNothing ? (await fresh()).validateFileAsync : validateFileAsync;
        const objects = Object.fromEntries(
          Object.entries(collections).map(([key, list]) => [key, (list ?? []).filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null && !Array.isArray(row))]),
        );
        const bytes = await writeXlsx({ ...packageHeader, ...objects }, { language });
        const options: ValidateFileOptions = { name: 'fuzzed.xlsx', now: NOW, keepData, ...setting };
        expect(await fileRun(run, bytes, options)).toEqual(await fileRun(validateFile, bytes, options));
      }),
      { numRuns: 15 },
    );
  });

  it.each(languages)('say what validateFile says of the example files with their record arrays in alphabetical order, in %s, from nothing loaded', async (locale) => {
    const lazily = await fresh();
    const collections: string[] = recordTypeNames.map((type) => recordTypes[type].collection).sort();
    for (const { name, bytes } of exampleFiles.filter(({ name }) => name.endsWith('.phx.json') && !name.includes('syntax.'))) {
      const pkg = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
      // The header first, then the arrays in the order of their keys: a first reading out of order from the observations on.
      const reordered = Object.fromEntries([...Object.entries(pkg).filter(([key]) => !collections.includes(key)), ...collections.filter((key) => key in pkg).map((key) => [key, pkg[key]])]);
      const options: ValidateFileOptions = { name, locale, now: NOW };
      const text = encoder.encode(JSON.stringify(reordered, null, 2));
      expect(await fileRun(lazily.validateFileAsync, text, options, 256), name).toEqual(await fileRun(validateFile, text, options, 256));
    }
  });

  it('fuzzed packages as .phx.json files, read whole and piece by piece, in every language, from nothing loaded', async () => {
    await fc.assert(
      fc.asyncProperty(header, records, settings, fc.boolean(), fc.boolean(), async (head, collections, setting, keepData, fromNothing) => {
        const run = fromNothing ? (await fresh()).validateFileAsync : validateFileAsync;
        const pkg = typeof head === 'object' && head !== null && !Array.isArray(head) ? { ...head, ...collections } : head;
        const bytes = encoder.encode(JSON.stringify(pkg, null, 1) ?? 'null');
        const options: ValidateFileOptions = { name: 'fuzzed.phx.json', now: NOW, keepData, ...setting };
        expect(await fileRun(run, bytes, options, 64)).toEqual(await fileRun(validateFile, bytes, options, 64));
      }),
      { numRuns: 40 },
    );
  });
});

describe('formatIssueAsync', () => {
  it('writes every message as formatIssue does, in every language, loading each language when first asked for', async () => {
    vi.resetModules();
    const { formatIssueAsync, loadedLocales } = await import('../src/validate/on-demand.js');
    expect(Object.keys(loadedLocales)).toEqual([]);
    for (const locale of languages) {
      for (const [code, params] of Object.entries(messageExamples)) {
        const issue = { code: code as IssueCode, params: params as never };
        expect(await formatIssueAsync(issue, locale)).toBe(formatIssue(issue, locale));
      }
    }
    expect(Object.keys(loadedLocales).sort()).toEqual([...languages].sort());
  });
});
