import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../src/file/validate-file.js';
import { repeatedRootKeys } from '../src/validate/locate.js';
import { readJsonDocument, validate } from '../src/validate/sync.js';
import { NOW } from './rules/small-package.js';

const example = readFileSync(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8');
const encoder = new TextEncoder();

/** The example with its observations split in two arrays under the same key, the second starting on the line returned. */
function splitObservations(): { text: string; first: number; second: number } {
  const pkg = JSON.parse(example) as { observations: unknown[] } & Record<string, unknown>;
  const { observations, ...rest } = pkg;
  const half = Math.floor(observations.length / 2);
  const head = JSON.stringify({ ...rest, observations: observations.slice(0, half) }, null, 2);
  const tail = JSON.stringify(observations.slice(half), null, 2).replace(/\n/g, '\n  ');
  const text = `${head.slice(0, -2)},\n  "observations": ${tail}\n}\n`;
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  return { text, first: lineOf(text.indexOf('"observations"')), second: lineOf(text.lastIndexOf('"observations"')) };
}

describe('a key of the package written twice', () => {
  it('is an error at its second writing, naming the line of the first, where JSON.parse alone drops the first records', () => {
    const { text, first, second } = splitObservations();
    const parsed = JSON.parse(text) as { observations: unknown[] };
    expect(parsed.observations.length).toBeLessThan((JSON.parse(example) as { observations: unknown[] }).observations.length);
    const result = validate(text, { now: NOW, locale: 'uk' });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'syntax.duplicate-key',
        severity: 'error',
        pointer: '/observations',
        params: { key: 'observations', firstLine: first },
        location: { line: second, column: 3 },
        message: `Ключ «observations» записано ще раз (уперше — у рядку ${first}): читається лише останній, а вміст попереднього втрачається; об’єднайте їх в один`,
      }),
    ]);
  });

  it('is said the same when the file is read piece by piece, and by readJsonDocument()', async () => {
    const { text } = splitObservations();
    const whole = validate(encoder.encode(text), { now: NOW });
    const file = await validateFile(encoder.encode(text), { name: 'network.phx.json', now: NOW });
    expect(file.issues).toEqual(whole.issues);
    expect(file.issues.map((issue) => issue.code)).toEqual(['syntax.duplicate-key']);
    expect(readJsonDocument(text).issues).toEqual(whole.issues);
  });

  it('is told at each writing after the first, header keys too, and a key spelt with escapes is the key it spells', () => {
    const text = '{\n"id": "a",\n"observations": [],\n"id": "b",\n"observ\\u0061tions": [],\n"observations": []\n}';
    expect(repeatedRootKeys(text)).toEqual([
      { key: 'id', offset: text.indexOf('"id": "b"'), first: text.indexOf('"id"') },
      { key: 'observations', offset: text.indexOf('"observ\\u0061'), first: text.indexOf('"observations"') },
      { key: 'observations', offset: text.lastIndexOf('"observations"'), first: text.indexOf('"observations"') },
    ]);
    expect(validate(text, { now: NOW }).issues.filter((issue) => issue.code === 'syntax.duplicate-key').map((issue) => issue.location)).toEqual([
      { line: 4, column: 1 },
      { line: 5, column: 1 },
      { line: 6, column: 1 },
    ]);
  });

  it('is not a key repeated inside a record, nor a key spelt in a text', () => {
    const text = '{"title": "\\"observations\\": [", "observations": [{"id": "a", "notes": {"en": "\\"id\\":"}}, {"id": "b"}], "meta": {"id": 1}}';
    expect(repeatedRootKeys(text)).toEqual([]);
  });
});

/** A JSON text of a root object: its keys as given (some repeated), with spaces and values of any kind between. */
const rootObject = fc
  .array(
    fc.record({
      key: fc.oneof(fc.constantFrom('observations', 'id', 'a"b', 'ключ', 'x\\y', ''), fc.string({ maxLength: 4 })),
      escaped: fc.boolean(),
      value: fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value)), fc.constantFrom('{"id":1,"id":2}', '["\\"id\\":", {"a": {"a": []}}]', '"}{"')),
      space: fc.constantFrom('', ' ', '\n  ', '\r\n\t'),
    }),
    { maxLength: 8 },
  )
  .map((entries) => {
    const firsts = new Map<string, number>();
    const repeated: { key: string; offset: number; first: number }[] = [];
    let text = '{';
    entries.forEach(({ key, escaped, value, space }, i) => {
      text += `${i > 0 ? ',' : ''}${space}`;
      const offset = text.length;
      // A key may be written with every letter escaped: the same key to JSON.parse.
      text += escaped ? `"${key.split('').map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(key);
      text += `${space}:${space}${value}`;
      const first = firsts.get(key);
      if (first === undefined) firsts.set(key, offset);
      else repeated.push({ key, offset, first });
    });
    return { text: `${text}}`, repeated };
  });

describe('repeatedRootKeys', () => {
  it('finds every repeated key of the root object, as a Map of the keys written finds them', () => {
    fc.assert(
      fc.property(rootObject, ({ text, repeated }) => {
        expect(() => JSON.parse(text)).not.toThrow();
        expect(repeatedRootKeys(text)).toEqual(repeated);
      }),
      { numRuns: 500 },
    );
  });
});
