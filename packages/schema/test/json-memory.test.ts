import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observationsPackage } from '../../../test/corpus/awkward-files.js';
import { assemblePackage, readRecords, recordsReadIn, validateFile } from '../src/index.js';
import { jsonMemory } from '../src/formats/json-memory.js';

const pkg = new TextEncoder().encode(observationsPackage(300));

/**
 * The values a document's commas and closing brackets stand for, counted on what `JSON.parse` makes of it: every
 * member and element, and one for an empty object or array.
 */
function valuesOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const inner: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return Math.max(1, inner.length) + inner.reduce((sum: number, item) => sum + valuesOf(item), 0);
}

/** The UTF-16 code units of the strings that are values in what `JSON.parse` makes of a document, its own excepted. */
function valueCharsOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return (Array.isArray(value) ? value : Object.values(value)).reduce((sum: number, item) => sum + (typeof item === 'string' ? item.length : valueCharsOf(item)), 0);
}

/** The chunks of a file that cannot be read again (standard input). */
async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

describe('the values of a .phx.json file, counted before it is read', () => {
  it('are those JSON.parse makes, and its text and string values weighed as V8 keeps them, however the file is indented and whatever its strings hold', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'я', 'é', '😀', ' ', '"', '\\', ',', ':', '{', '}', '[', ']', '\n', '\u0001') });
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(text, tie('value'), { maxKeys: 5 }),
    })).value;
    fc.assert(
      fc.property(fc.oneof(value, fc.jsonValue()), fc.constantFrom(undefined, 2, '\t'), (document, indent) => {
        const json = JSON.stringify(document, null, indent);
        const { values, neededBytes } = jsonMemory(new TextEncoder().encode(json));
        expect(values).toBe(valuesOf(JSON.parse(json)));
        // The text and its string values in UTF-16 code units, as V8 keeps them: an escape (`\u0001`) is weighed at
        // its length in the text, above the character it stands for.
        const text = (json.length + valueCharsOf(JSON.parse(json))) * ([...json].some((char) => char.codePointAt(0)! > 0xff) ? 2 : 1);
        const weight = text + values * 20 + 52 * 1024 * 1024;
        if (json.includes('\\')) expect(neededBytes).toBeGreaterThanOrEqual(weight);
        else expect(neededBytes).toBe(weight);
      }),
      { numRuns: 500 },
    );
  });

  it('weigh its text at a byte a character (a UTF-16 code unit), two where one is beyond Latin-1, its string values as much again, and 20 bytes a value', () => {
    // The parts a check loads and V8's space for new objects, whatever the file.
    const fixed = 52 * 1024 * 1024;
    const weight = (bytes: Uint8Array): number => jsonMemory(bytes).neededBytes - fixed;
    const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
    expect(weight(utf8('{"a":"bc"}'))).toBe(10 + 2 + 20);
    // A byte order mark is dropped as the text is decoded.
    expect(weight(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('{"a":"bc"}')))).toBe(10 + 2 + 20);
    // A key is kept once, whatever the objects that have it.
    expect(weight(utf8('{"abc":1}'))).toBe(9 + 20);
    expect(weight(utf8('{"a":"é"}'))).toBe(9 + 1 + 20);
    expect(weight(utf8('{"a":"я"}'))).toBe((9 + 1) * 2 + 20);
    expect(weight(utf8('["😀"]'))).toBe((6 + 2) * 2 + 20);
    expect(weight(utf8('{"a":"\\""}'))).toBe(10 + 1 + 20);
  });
});

describe('a .phx.json file read whole that would take more memory than there is', () => {
  it('is refused by validateFile() before it is read, when its data is kept, in the language asked; one within the memory given is read', async () => {
    const whole = await validateFile(pkg, { name: 'observations.phx.json', keepData: true });
    expect(whole.ok).toBe(true);
    expect(recordsReadIn(whole.read)).toBe(301);
    const refused = await validateFile(pkg, { name: 'observations.phx.json', keepData: true, locale: 'ru', maxReadMemory: 1_000 });
    const { values, neededBytes } = jsonMemory(pkg);
    expect(refused.ok).toBe(false);
    expect(refused.data).toBeUndefined();
    expect(recordsReadIn(refused.read)).toBe(0);
    expect(refused.issues).toMatchObject([{ code: 'file.too-large-for-memory', severity: 'error', path: [], params: { format: 'json', values, neededBytes, availableBytes: 1_000 } }]);
    expect(refused.issues[0]!.message).toMatch(/^Число значений в файле — около 4\s816: для его чтения целиком нужно около [\d,]+ МБ памяти, больше доступных 1 кБ; разделите его на пакеты меньшего размера$/);
    // What it takes is the edge: that much memory reads it as a roomier one does, a byte less does not.
    expect(await validateFile(pkg, { name: 'observations.phx.json', keepData: true, maxReadMemory: neededBytes })).toEqual(whole);
    expect((await validateFile(pkg, { name: 'observations.phx.json', keepData: true, maxReadMemory: neededBytes - 1 })).issues.map((issue) => issue.code)).toEqual(['file.too-large-for-memory']);
  });

  it('is read piece by piece all the same when it can be read again and its data is not kept; from a stream read once, it is refused', async () => {
    const whole = await validateFile(pkg, { name: 'observations.phx.json' });
    expect(whole.ok).toBe(true);
    expect(await validateFile(pkg, { name: 'observations.phx.json', maxReadMemory: 1_000 })).toEqual(whole);
    const streamed = await validateFile(once(pkg), { name: 'observations.phx.json', maxReadMemory: 1_000 });
    expect(streamed.issues.map((issue) => issue.code)).toEqual(['file.too-large-for-memory']);
    expect(await validateFile(once(pkg), { name: 'observations.phx.json', maxReadMemory: jsonMemory(pkg).neededBytes })).toEqual(whole);
  });

  it('is refused alike by readRecords() and by assemblePackage(), which read nothing of it', async () => {
    const records = await readRecords(pkg, { name: 'observations.phx.json', maxReadMemory: 1_000 });
    expect(records.data).toBeUndefined();
    expect(records.issues.map((issue) => issue.code)).toEqual(['file.too-large-for-memory']);
    expect((await readRecords(pkg, { name: 'observations.phx.json', maxReadMemory: jsonMemory(pkg).neededBytes })).data?.observations).toHaveLength(300);
    const assembled = await assemblePackage([{ name: 'observations.phx.json', bytes: pkg }], { maxReadMemory: 1_000 });
    expect(assembled.readable).toBe(false);
    expect(assembled.pkg).toEqual({});
    expect(assembled.files[0]!.issues.map((issue) => [issue.code, issue.message.split(':')[0]])).toEqual([['file.too-large-for-memory', `The file holds about ${jsonMemory(pkg).values.toLocaleString('en')} values`]]);
    const read = await assemblePackage([{ name: 'observations.phx.json', bytes: pkg }], { maxReadMemory: jsonMemory(pkg).neededBytes });
    expect(read.readable).toBe(true);
    expect(read.pkg.observations).toHaveLength(300);
  });
});
