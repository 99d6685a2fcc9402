/**
 * A `.phx.json` file read piece by piece says what the same file read whole says: every issue — code, path,
 * params, message, location — in the same order, with the same counts, on every example file, on the awkward
 * files and on fuzzed packages cut into chunks anywhere (inside a string, an escape, a character of several
 * bytes). A document it does not read as a package (not JSON, nested too deep, its header after its records)
 * is left to the whole reader.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { awkwardFiles } from '../../../test/corpus/awkward-files.js';
import { validatePackageStream as streamWith } from '../src/file/package-stream.js';
import { type ValidateFileOptions } from '../src/file/validate-file.js';
import { validateFile } from '../src/file/validate-file-sync.js';
import { packageHeaderShape } from '../src/model/package.js';
import { recordTypeNames, recordTypes } from '../src/model/records.js';
import { importedParts } from '../src/validate/imported.js';
import { validate } from '../src/validate/sync.js';
import type { ValidateOptions } from '../src/validate/validate.js';
import { NOW, smallPackage } from './rules/small-package.js';
import { observationsOfGroupsOfOne, foresight } from './support/foresight.js';
import { fuzzed } from './support/fuzz.js';

const encoder = new TextEncoder();

/** The piece-by-piece reader with the parts imported as usual, as `validateFile()` reads with them. */
const validatePackageStream = (read: () => AsyncIterable<Uint8Array>, options: ValidateOptions & { size?: number }) => streamWith(read, options, importedParts);

/** A reading of the bytes in chunks of `size`, as many times as asked. */
const inChunks = (bytes: Uint8Array, size: number) =>
  async function* (): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };

/** What validate() says of the document read whole, without the data (a stream never holds it). */
function whole(bytes: Uint8Array, options: ValidateOptions) {
  const { data: _data, ...result } = validate(bytes, options);
  return result;
}

const optionSets: ValidateOptions[] = [{ now: NOW }, { now: NOW, locale: 'ru', maxIssues: 3 }, { now: NOW, locale: 'uk', maxIssues: 1 }, { now: NOW, maxDepth: 4 }];

const dataDir = new URL('../../../examples/data/', import.meta.url);
const examples = [
  ...readdirSync(dataDir).filter((name) => name.endsWith('.phx.json')),
  ...readdirSync(new URL('invalid/', dataDir)).filter((name) => name.endsWith('.phx.json')).map((name) => `invalid/${name}`),
];
/** Examples that are not read piece by piece: text that is not JSON, nesting past the limit, a key written twice. */
const readWhole = new Set(['invalid/syntax.invalid-json.phx.json', 'invalid/syntax.too-deep.phx.json', 'invalid/syntax.duplicate-key.phx.json']);

describe('every example file', () => {
  it.each(examples)('%s', async (name) => {
    const bytes = readFileSync(new URL(name, dataDir));
    for (const options of optionSets) {
      for (const size of [3, 64, bytes.length]) {
        const streamed = await validatePackageStream(inChunks(bytes, size), options);
        if (readWhole.has(name) || options.maxDepth === 4) {
          // Records nest deeper than 4 levels in the document (root, array, record, field, …).
          if (options.maxDepth !== 4 || readWhole.has(name)) expect(streamed).toBeUndefined();
          continue;
        }
        expect(streamed).toEqual(whole(bytes, options));
      }
    }
  });
});

describe('validateFile', () => {
  it('places an issue at its line whatever ends the lines: a line feed, both, or a carriage return alone', async () => {
    const duplicate = '{\n  "phxVersion": "1.0",\n  "facilities": [\n    { "id": "f-1", "country": "ZA", "facilityType": "prison" },\n    { "id": "f-1", "country": "ZA", "facilityType": "prison" }\n  ]\n}\n';
    for (const end of ['\n', '\r\n', '\r']) {
      const bytes = encoder.encode(duplicate.replaceAll('\n', end));
      const placed = (issues: { code: string; location?: unknown }[]) => issues.filter((issue) => issue.code === 'unique.duplicate-id').map((issue) => issue.location);
      expect(placed((await validateFile(bytes, { name: 'p.phx.json', now: NOW })).issues), JSON.stringify(end)).toEqual([{ line: 5, column: 7 }]);
      expect(placed(validate(new TextDecoder().decode(bytes)).issues), JSON.stringify(end)).toEqual([{ line: 5, column: 7 }]);
    }
  });

  it('reads bytes and reopened streams piece by piece, with no data, a second time to place what is found at the end', async () => {
    const bytes = readFileSync(new URL('invalid/ref.unknown-organisation.phx.json', dataDir));
    let reopened = 0;
    const reopen = (): AsyncGenerator<Uint8Array> => {
      reopened++;
      return inChunks(bytes, 333)();
    };
    const fromBytes = await validateFile(bytes, { name: 'p.phx.json', now: NOW });
    const fromStream = await validateFile(inChunks(bytes, 100)(), { name: 'p.phx.json', now: NOW, reopen });
    const readWholly = await validateFile(inChunks(bytes, 100)(), { name: 'p.phx.json', now: NOW });
    expect(fromBytes).toEqual(readWholly);
    expect(fromStream).toEqual(readWholly);
    expect(reopened).toBe(1);
    expect(fromBytes.data).toBeUndefined();
    expect(readWholly.issues.map((issue) => issue.code)).toContain('ref.unknown-organisation');
  });

  it('keeps the data when asked, reading the document whole', async () => {
    const bytes = readFileSync(new URL('network-meeting-2020.phx.json', dataDir));
    const result = await validateFile(bytes, { name: 'p.phx.json', now: NOW, keepData: true });
    expect(result.data?.observations?.length).toBeGreaterThan(0);
  });

  it.each(awkwardFiles().filter(({ name }) => name.endsWith('.json')))('says of $name what the whole reader says', async ({ name, bytes }) => {
    const options: ValidateFileOptions = { name, now: NOW };
    const readWholly = await validateFile(inChunks(bytes, 4096)(), options);
    expect(await validateFile(bytes, options)).toEqual(readWholly);
  });
});

const records = fc.record(
  Object.fromEntries(recordTypeNames.map((type) => [recordTypes[type].collection, fc.array(fuzzed(recordTypes[type].schema, 20), { maxLength: 6 })])),
  { requiredKeys: [], noNullPrototype: true },
);
const header = fuzzed(z.strictObject(packageHeaderShape), 20);
/**
 * How a program lays the document out: one line, or indented with spaces or tabs, with Windows, old Mac or mixed
 * line ends (undefined for a value JSON cannot write, such as a fuzzed header that is `undefined`).
 */
const layout = fc.constantFrom<(value: unknown) => string | undefined>(
  (value) => JSON.stringify(value),
  (value) => JSON.stringify(value, null, 2),
  (value) => JSON.stringify(value, null, '\t')?.replaceAll('\n', '\r\n'),
  (value) => `\uFEFF \n${JSON.stringify(value, null, 1)}\n\n`,
  // Carriage returns alone (old Mac programs), and all three line ends mixed.
  (value) => JSON.stringify(value, null, 2)?.replaceAll('\n', '\r'),
  (value) => JSON.stringify(value, null, 1)?.replace(/\n/g, (_, at: number) => ['\n', '\r', '\r\n'][at % 3]!),
);

describe('fuzzed packages', () => {
  it('in chunks cut anywhere: the same result as read whole', async () => {
    await fc.assert(
      fc.asyncProperty(header, records, layout, fc.integer({ min: 1, max: 300 }), fc.constantFrom(...optionSets), async (head, collections, write, size, options) => {
        const isObject = typeof head === 'object' && head !== null && !Array.isArray(head);
        const pkg = isObject ? { ...head, ...collections } : head;
        const bytes = encoder.encode(write(pkg) ?? 'null');
        const streamed = await validatePackageStream(inChunks(bytes, size), options);
        // A key written with an escape could spell a record array's name: such a document is left to the whole reader.
        const escapedKey = isObject && Object.keys(pkg as object).some((key) => JSON.stringify(key) !== `"${key}"`);
        if (escapedKey) expect(streamed).toBeUndefined();
        else if (isObject && options.maxDepth === undefined) expect(streamed).toEqual(whole(bytes, options));
        else if (streamed) expect(streamed).toEqual(whole(bytes, options));
      }),
      { numRuns: 80 },
    );
  });

  /** A stream read once is read whole; bytes, which can be read again, piece by piece where they can. */
  const readEitherWay = async (bytes: Uint8Array) => {
    const options: ValidateFileOptions = { name: 'p.phx.json', now: NOW };
    expect(await validateFile(bytes, options)).toEqual(await validateFile(inChunks(bytes, 50)(), options));
  };

  it('laid out otherwise (the header after the records): read whole, the same result', async () => {
    await fc.assert(
      fc.asyncProperty(header.filter((head) => typeof head === 'object' && head !== null && !Array.isArray(head)), records, async (head, collections) => {
        const reversed = Object.fromEntries(Object.entries({ ...collections, ...(head as object) }).reverse());
        await readEitherWay(encoder.encode(JSON.stringify({ ...collections, ...(head as object), ...reversed }, null, 1)));
      }),
      { numRuns: 60 },
    );
  });

  it('a valid package whose only, empty, record array comes before its header: no data either way', async () => {
    const head = { phxVersion: '1.0', id: 'a', publisher: { id: 'AA-00-0', name: 'Семинар в Лусаке' }, license: 'https://phx.example.org/ext', publishedAt: '2020-10-28T13:00:00+01:00' };
    const bytes = encoder.encode(JSON.stringify({ meetings: [], ...head }));
    expect(validate(bytes, { now: NOW }).data).toBeDefined();
    const result = await validateFile(bytes, { name: 'p.phx.json', now: NOW });
    expect(result.ok).toBe(true);
    expect(result.data).toBeUndefined();
    await readEitherWay(bytes);
    expect((await validateFile(bytes, { name: 'p.phx.json', now: NOW, keepData: true })).data).toEqual({ meetings: [], ...head });
  });
});

describe('texts a scanner could misread', () => {
  const base = readFileSync(new URL('network-meeting-2020.phx.json', dataDir), 'utf8');
  const pkg = JSON.parse(base) as { observations: { notes?: unknown }[] };
  const tricky = ['{"[', '\\"]}', '\\\\', 'ü€𝄞 \u2028', ']}],"observations":[', '\\u0022'];
  it.each(tricky)('a note holding %j, cut at chunk sizes up to 24', async (note) => {
    pkg.observations[0]!.notes = { en: `${note} then ${note}` };
    const bytes = encoder.encode(JSON.stringify(pkg, null, 2));
    for (let size = 1; size <= 24; size++) expect(await validatePackageStream(inChunks(bytes, size), { now: NOW })).toEqual(whole(bytes, { now: NOW }));
  });

  it.each([
    ['not JSON after the records', (text: string) => `${text.trimEnd()} x`],
    ['a trailing comma in an array', (text: string) => text.replace(/\}\s*\]\s*\}\s*$/, '},]}')],
    ['a cut document', (text: string) => text.slice(0, -10)],
    ['two separators', (text: string) => text.replace('},', '},,')],
    ['a record array twice', (text: string) => text.replace(/\}\s*$/, ',"observations":[]}')],
    ['a key of the header twice', (text: string) => text.replace('{', '{"license":"CC0-1.0",')],
    ['an escaped key', (text: string) => text.replace('"observations"', '"observ\\u0061tions"')],
    ['an escaped backslash in a key of the header', (text: string) => text.replace('{', '{"\\\\":null,')],
    ['bytes that are not UTF-8', (text: string) => text.replace('"id"', '"i\uFFFFd"')],
  ])('%s: read whole', async (_, change) => {
    const text = change(base);
    expect(text).not.toBe(base);
    const bytes = encoder.encode(text).map((byte, i, all) => (byte === 0xef && all[i + 1] === 0xbf && all[i + 2] === 0xbf ? 0xff : byte));
    expect(await validatePackageStream(inChunks(bytes, 64), { now: NOW })).toBeUndefined();
  });
});

/** The package with its root keys in the order of `ranks` (a key's rank is the one at its index), lowest first. */
function permuted(pkg: Record<string, unknown>, ranks: readonly number[]): Record<string, unknown> {
  const keys = Object.keys(pkg);
  const order = keys.map((key, i) => ({ key, rank: ranks[i % ranks.length]! })).sort((a, b) => a.rank - b.rank);
  return Object.fromEntries(order.map(({ key }) => [key, pkg[key]]));
}

const collectionNames = new Set<string>(recordTypeNames.map((type) => recordTypes[type].collection));

/** Whether a header key comes after a record array, which has the document read whole. */
const headerAfterRecords = (pkg: object) => {
  const keys = Object.keys(pkg);
  const first = keys.findIndex((key) => collectionNames.has(key));
  return first >= 0 && keys.slice(first).some((key) => !collectionNames.has(key));
};

describe('a document of known size', () => {
  it('has its tables made, once an eighth is read, for what it promises; the same result as read whole, its arrays in any order', async () => {
    // The small package and 4 000 observations each a group of its own, 600 of them with an id given before.
    const pkg = smallPackage();
    pkg.observations.push(...observationsOfGroupsOfOne(4000));
    const { scales, restore } = foresight();
    const { organisations, facilities, indicators, observations, meetings, ...header } = pkg;
    const outOfOrder = { ...header, observations, meetings, indicators, facilities, organisations };
    try {
      for (const text of [JSON.stringify(pkg, null, 2), JSON.stringify(outOfOrder)]) {
        const bytes = encoder.encode(text);
        const read = whole(bytes, { now: NOW });
        expect(read.issues.filter(({ code }) => code === 'unique.duplicate-id')).toHaveLength(600);
        for (const size of [bytes.length, 9 * bytes.length, Number.NaN]) {
          scales.length = 0;
          expect(await validatePackageStream(inChunks(bytes, 4096), { now: NOW, size })).toEqual(read);
          // Once a check, for at most eight times what was read and an eighth more (a check begun again, its arrays out of
          // order, once more); never for a size not reached by an eighth of the document, or none.
          for (const scale of scales) expect(scale).toBeLessThanOrEqual(8 * 1.125);
          expect(scales.length).toBe(size === bytes.length ? (text.startsWith('{\n') ? 1 : 2) : 0);
        }
      }
    } finally {
      restore();
    }
  });
});

describe('record arrays in any order', () => {
  /** The example with its record arrays in the order given, after its header. */
  const withArrays = (pkg: Record<string, unknown>, order: readonly string[]) =>
    Object.fromEntries([...Object.entries(pkg).filter(([key]) => !collectionNames.has(key)), ...order.filter((key) => key in pkg).map((key) => [key, pkg[key]])]);
  const orders = [
    ['meetings', 'observations', 'indicators', 'facilities', 'organisations'],
    ['observations', 'organisations', 'facilities', 'indicators', 'meetings'],
    ['facilities', 'observations', 'meetings', 'indicators', 'organisations'],
  ];

  it.each(examples.filter((name) => !readWhole.has(name)))('%s: read piece by piece, the same result as read whole', async (name) => {
    const pkg = JSON.parse(readFileSync(new URL(name, dataDir), 'utf8')) as Record<string, unknown>;
    for (const order of orders) {
      const bytes = encoder.encode(JSON.stringify(withArrays(pkg, order), null, 2));
      for (const options of optionSets.filter((set) => set.maxDepth === undefined)) {
        expect(await validatePackageStream(inChunks(bytes, 512), options), order.join()).toEqual(whole(bytes, options));
      }
    }
  });

  it('fuzzed packages with their root keys in any order: the same result as read whole, piece by piece while the header comes first', async () => {
    await fc.assert(
      fc.asyncProperty(
        header.filter((head) => typeof head === 'object' && head !== null && !Array.isArray(head)),
        records,
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom(...optionSets.filter((set) => set.maxDepth === undefined)),
        async (head, collections, ranks, headerAnywhere, size, options) => {
          // The header's keys among the arrays, or first as PHX writes them.
          const pkg = headerAnywhere ? permuted({ ...(head as object), ...collections }, ranks) : { ...(head as object), ...permuted(collections, ranks) };
          const bytes = encoder.encode(JSON.stringify(pkg, null, 1));
          const streamed = await validatePackageStream(inChunks(bytes, size), options);
          const escapedKey = Object.keys(pkg).some((key) => JSON.stringify(key) !== `"${key}"`);
          if (!escapedKey && !headerAfterRecords(pkg)) expect(streamed).toEqual(whole(bytes, options));
          else if (streamed) expect(streamed).toEqual(whole(bytes, options));
        },
      ),
      { numRuns: 120 },
    );
  });

  it.each([
    [['organisations', 'facilities', 'indicators', 'observations', 'meetings'], 1],
    // The organisations are checked anew in the first reading, from the observations before them; the rest in one more.
    [orders[1]!, 2],
    // Keys in alphabetical order: the organisations in the first reading, then what follows them in the order checked.
    [['facilities', 'indicators', 'meetings', 'observations', 'organisations'], 3],
    [orders[0]!, 5],
  ])('arrays %j: read %i times, the same result as read whole', async (order, readings) => {
    const pkg = JSON.parse(readFileSync(new URL('network-meeting-2020.phx.json', dataDir), 'utf8')) as Record<string, unknown>;
    const bytes = encoder.encode(JSON.stringify(withArrays(pkg, order), null, 2));
    let read = 0;
    const reading = inChunks(bytes, 512);
    // Today: the example's periods end before it, and a valid package needs no reading to place its issues.
    const streamed = await validatePackageStream(() => (read++, reading()), {});
    expect(streamed).toEqual(whole(bytes, {}));
    expect(streamed?.issues).toEqual([]);
    expect(read).toBe(readings);
  });

  it('organisations after the observations: not held whole, past the largest document read whole', async () => {
    const pkg = JSON.parse(readFileSync(new URL('invalid/ref.unknown-organisation.phx.json', dataDir), 'utf8')) as Record<string, unknown>;
    const bytes = encoder.encode(JSON.stringify(withArrays(pkg, orders[1]!), null, 2));
    const result = await validateFile(bytes, { name: 'p.phx.json', now: NOW, maxDocumentBytes: 1024 });
    expect(bytes.length).toBeGreaterThan(1024);
    expect(result.issues.map((issue) => issue.code)).toContain('ref.unknown-organisation');
    expect(result.issues).toEqual(validate(bytes, { now: NOW }).issues);
  });
});
