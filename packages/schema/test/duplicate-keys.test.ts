import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePackageStream } from '../src/file/package-stream.js';
import { validateFileAsync } from '../src/file/validate-file.js';
import { validateFile } from '../src/file/validate-file-sync.js';
import { readNdjson } from '../src/formats/convert.js';
import { toNdjsonLines } from '../src/formats/package-records.js';
import type { ValidationIssue } from '../src/validate/issue.js';
import { importedParts } from '../src/validate/imported.js';
import { repeatedKeys } from '../src/validate/json-places.js';
import { mayRepeatKeys } from '../src/validate/locate.js';
import { validateNdjsonAsync } from '../src/validate/ndjson.js';
import { validateNdjson } from '../src/validate/sync.js';
import { readJsonDocument, validate } from '../src/validate/sync.js';
import { validateAsync } from '../src/validate/validate.js';
import { NOW, smallPackage } from './rules/small-package.js';

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
    expect(repeatedKeys(text)).toEqual([
      { path: ['id'], offset: text.indexOf('"id": "b"'), first: text.indexOf('"id"') },
      { path: ['observations'], offset: text.indexOf('"observ\\u0061'), first: text.indexOf('"observations"') },
      { path: ['observations'], offset: text.lastIndexOf('"observations"'), first: text.indexOf('"observations"') },
    ]);
    expect(validate(text, { now: NOW }).issues.filter((issue) => issue.code === 'syntax.duplicate-key').map((issue) => issue.location)).toEqual([
      { line: 4, column: 1 },
      { line: 5, column: 1 },
      { line: 6, column: 1 },
    ]);
  });

  it('is not a key spelt in a text, nor the same key in another object', () => {
    const text = '{"title": "\\"observations\\": [", "observations": [{"id": "a", "notes": {"en": "\\"id\\" :"}}, {"id": "b"}], "meta": {"id": 1}}';
    // The quotes before colons in the texts are escaped: the quick count sees keys only, each written once.
    expect(mayRepeatKeys(text, JSON.parse(text))).toBe(false);
    expect(repeatedKeys(text)).toEqual([]);
    expect(validate(text, { now: NOW }).issues.map((issue) => issue.code)).not.toContain('syntax.duplicate-key');
  });
});

/** The small package as text, two spaces an indent, with `from` replaced by `to` once, at the `nth` place (0 the first). */
function edited(from: string, to: string, nth = 0): string {
  const text = JSON.stringify(smallPackage(), null, 2);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(from, at + 1);
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const lineAndColumn = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
};

describe('a key written twice inside a record or the header', () => {
  // The first observation's value, 28.7, with a 12 written before it: JSON.parse keeps 28.7 and drops the 12.
  const text = edited('"numerator": 1320,', '"value": 12,\n      "numerator": 1320,');
  const first = text.indexOf('"value": 12');
  const later = text.indexOf('"value"', first + 1);

  it('is an error at its later writing, naming the line of the first, where JSON.parse alone drops the first value', () => {
    expect((JSON.parse(text) as { observations: { value: number }[] }).observations[0]!.value).toBe(28.7);
    const result = validate(text, { now: NOW, locale: 'fr' });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'syntax.duplicate-key',
        severity: 'error',
        pointer: '/observations/0/value',
        params: { key: 'value', firstLine: lineAndColumn(text, first).line },
        location: lineAndColumn(text, later),
        message: `La clé « value » est écrite une nouvelle fois (la première à la ligne ${lineAndColumn(text, first).line}) : seule la dernière est lue et le contenu de la précédente est perdu ; réunissez-les en une seule`,
      }),
    ]);
  });

  it('is said the same by readJsonDocument() and validateAsync(), and by validateFile() and validateFileAsync(), which leave the file to the whole reader', async () => {
    const bytes = encoder.encode(text);
    const whole = validate(bytes, { now: NOW });
    expect(readJsonDocument(text).issues).toEqual(whole.issues);
    expect((await validateAsync(bytes, { now: NOW })).issues).toEqual(whole.issues);
    expect(await validatePackageStream(async function* () {
      yield bytes;
    }, { now: NOW }, importedParts)).toBeUndefined();
    for (const check of [validateFile, validateFileAsync]) {
      const file = await check(bytes, { name: 'small.phx.json', now: NOW });
      expect(file.issues).toEqual(whole.issues);
    }
  });

  it('is found at any depth, in the header too, each later writing told', () => {
    const nested = edited('"sex": "female"', '"sex": "male", "sex": "female", "sex": "female"').replace('"id": "PHX-ORG-0001",', '"id": "PHX-ORG-0001", "id": "PHX-ORG-0001",');
    const issues = validate(nested, { now: NOW }).issues.filter((issue) => issue.code === 'syntax.duplicate-key');
    expect(issues.map(({ pointer, params }) => [pointer, params])).toEqual([
      ['/publisher/id', { key: 'id', firstLine: lineAndColumn(nested, nested.indexOf('"id": "PHX-ORG-0001"')).line }],
      ['/observations/1/disaggregation/sex', { key: 'sex', firstLine: lineAndColumn(nested, nested.indexOf('"sex": "male"')).line }],
      ['/observations/1/disaggregation/sex', { key: 'sex', firstLine: lineAndColumn(nested, nested.indexOf('"sex": "male"')).line }],
    ]);
    expect(readJsonDocument(nested).issues.map((issue) => issue.location)).toEqual(issues.map((issue) => issue.location));
  });

  it('leaves a file whose texts only hold `\\":` read piece by piece, with no issue', async () => {
    const quoted = edited('"numerator": 1320,', '"notes": "written as {\\"value\\": 12} \\"value\\" : 28.7",\n      "numerator": 1320,');
    expect(validate(quoted, { now: NOW }).issues).toEqual([]);
    const bytes = encoder.encode(quoted);
    const read = await validatePackageStream(async function* () {
      yield bytes;
    }, { now: NOW }, importedParts);
    expect(read?.issues).toEqual([]);
  });
});

/** The small package as NDJSON lines: the header first. */
const lines = [...toNdjsonLines(smallPackage())];
const observationLine = lines.findIndex((line) => line.includes('"numerator":1320'));

async function ndjsonIssues(run: typeof validateNdjson, text: string): Promise<{ issues: ValidationIssue[]; result: ValidationIssue[] }> {
  const issues: ValidationIssue[] = [];
  const validation = run((async function* () {
    yield text;
  })(), { now: NOW });
  for (;;) {
    const step = await validation.next();
    if (step.done) return { issues, result: step.value.issues };
    issues.push(step.value);
  }
}

describe('a key written twice on a line of NDJSON', () => {
  const written = [...lines];
  written[0] = written[0]!.replace('"license":"CC-BY-4.0"', '"license":"CC-BY-4.0","license":"CC0-1.0"');
  written[observationLine] = written[observationLine]!.replace('"numerator":1320', '"value":12,"numerator":1320').replace('"scope":{"country":"ZM"}', '"scope":{"country":"ZM","country":"ZM"}');
  const text = `${written.join('\n')}\n`;
  const at = (line: number, needle: string, nth = 0) => {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = written[line]!.indexOf(needle, offset + 1);
    return { line: line + 1, column: offset + 1 };
  };

  it('is an error at each later writing, the header line too, as validateNdjson() and validateNdjsonAsync() read it', async () => {
    const expected = [
      { pointer: '/license', params: { key: 'license', firstLine: 1 }, location: at(0, '"license"', 1) },
      { pointer: '/scope/country', params: { key: 'country', firstLine: observationLine + 1 }, location: at(observationLine, '"country"', 1) },
      { pointer: '/value', params: { key: 'value', firstLine: observationLine + 1 }, location: at(observationLine, '"value"', 1) },
    ].map((issue) => expect.objectContaining({ code: 'syntax.duplicate-key', severity: 'error', ...issue }));
    for (const run of [validateNdjson, validateNdjsonAsync]) {
      const { issues, result } = await ndjsonIssues(run, text);
      expect(issues).toEqual(expected);
      expect(result).toEqual(issues);
    }
    const file = await validateFile(encoder.encode(text), { name: 'small.phx.ndjson', now: NOW });
    expect(file.issues).toEqual(expected);
  });

  it('is said by readNdjson(), which reads a file to convert it', async () => {
    const found: ValidationIssue[] = [];
    for await (const entry of readNdjson((async function* () {
      yield text;
    })())) if ('issue' in entry) found.push(entry.issue);
    expect(found.map(({ code, pointer, location }) => [code, pointer, location])).toEqual([
      ['syntax.duplicate-key', '/license', at(0, '"license"', 1)],
      ['syntax.duplicate-key', '/scope/country', at(observationLine, '"country"', 1)],
      ['syntax.duplicate-key', '/value', at(observationLine, '"value"', 1)],
    ]);
  });

  it('is not a key spelt in a text', async () => {
    const quoted = [...lines];
    quoted[observationLine] = quoted[observationLine]!.replace('"numerator":1320', '"notes":"\\"value\\":12","numerator":1320');
    const { issues } = await ndjsonIssues(validateNdjson, quoted.join('\n'));
    expect(issues).toEqual([]);
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

describe('repeatedKeys', () => {
  it('finds every repeated key of the root object, as a Map of the keys written finds them', () => {
    fc.assert(
      fc.property(rootObject, ({ text, repeated }) => {
        expect(() => JSON.parse(text)).not.toThrow();
        expect(repeatedKeys(text).filter(({ path }) => path.length === 1)).toEqual(repeated.map(({ key, offset, first }) => ({ path: [key], offset, first })));
      }),
      { numRuns: 500 },
    );
  });
});

/** A JSON value to write as text: a scalar as written, an array, or an object whose keys may repeat. */
type Written = { text: string } | { items: Written[] } | { entries: { key: string; escaped: boolean; value: Written }[] };

/** Keys that look like the ends of keys and strings: quotes, colons, backslashes, spaces, letters beyond ASCII. */
const trickyKey = fc.oneof(fc.constantFrom('value', 'id', '"', '":', '\\":', 'a"b', 'x\\y', 'ключ', '𝄞', ' :', ''), fc.string({ maxLength: 3, unit: fc.constantFrom('a', '"', ':', '\\', ' ', 'é', '\u2028') }));
/** Strings whose text holds what a key's end looks like, and values of any kind. */
const scalarText = fc.oneof(
  fc.constantFrom('"\\":"', '"\\" :"', '"\\\\"', '"a\\\\\\":1"', '"}{"', '"\\u0022:"', '12', 'true', 'null', '"value"'),
  fc.jsonValue({ maxDepth: 1 }).map((value) => JSON.stringify(value)),
  trickyKey.map((key) => JSON.stringify(key)),
);
const { written } = fc.letrec<{ written: Written }>((tie) => ({
  written: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText.map((text) => ({ text })),
    fc.array(tie('written'), { maxLength: 4 }).map((items) => ({ items })),
    fc.array(fc.record({ key: trickyKey, escaped: fc.boolean(), value: tie('written') }), { maxLength: 5 }).map((entries) => ({ entries })),
  ),
}));
const space = fc.constantFrom('', ' ', '\n  ', '\r\n\t');

/** Writes a value as JSON text with `spaces` between tokens, and the keys written again as `repeatedKeys()` is to find them. */
function writeOut(value: Written, spaces: readonly string[]): { text: string; repeated: { path: (string | number)[]; offset: number; first: number }[] } {
  let text = '';
  let turn = 0;
  const repeated: { path: (string | number)[]; offset: number; first: number }[] = [];
  const gap = () => spaces[turn++ % spaces.length]!;
  const write = (node: Written, path: (string | number)[]): void => {
    if ('text' in node) text += node.text;
    else if ('items' in node) {
      text += `[${gap()}`;
      node.items.forEach((item, i) => {
        if (i > 0) text += `,${gap()}`;
        write(item, [...path, i]);
      });
      text += `${gap()}]`;
    } else {
      const firsts = new Map<string, number>();
      text += `{${gap()}`;
      node.entries.forEach(({ key, escaped, value }, i) => {
        if (i > 0) text += `,${gap()}`;
        const offset = text.length;
        // A key spelt with every letter escaped is the same key to JSON.parse.
        text += escaped ? `"${key.split('').map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(key);
        text += `${gap()}:${gap()}`;
        const first = firsts.get(key);
        if (first === undefined) firsts.set(key, offset);
        else repeated.push({ path: [...path, key], offset, first });
        write(value, [...path, key]);
      });
      text += `${gap()}}`;
    }
  };
  write(value, []);
  return { text, repeated };
}

describe('mayRepeatKeys and repeatedKeys', () => {
  it('find every key written again at any depth, the quick count never passing a text that writes one', () => {
    fc.assert(
      fc.property(written, fc.array(space, { minLength: 1, maxLength: 5 }), (value, spaces) => {
        const { text, repeated } = writeOut(value, spaces);
        const parsed = JSON.parse(text) as unknown;
        expect(repeatedKeys(text)).toEqual(repeated);
        if (!mayRepeatKeys(text, parsed)) expect(repeated).toEqual([]);
        if (repeated.length > 0) expect(mayRepeatKeys(text, parsed)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('count as many key endings as keys in a text that writes each key once and no string that starts with a colon, at a depth of 64 levels and not beyond', () => {
    const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    expect(mayRepeatKeys(deep(65), JSON.parse(deep(65)))).toBe(false);
    expect(mayRepeatKeys(deep(66), JSON.parse(deep(66)))).toBe(true);
    const text = '{ "a" :\n [ {"b"\t: "c:d"}, {"b": "\\"e"}, "f\\\\" ], "__proto__": {"g": "http://h"}}';
    expect(mayRepeatKeys(text, JSON.parse(text))).toBe(false);
    // Quotes before colons in strings, after one backslash or three; a key ending in a backslash (two before its quote).
    const strings = '{"note": "\\"MoH\\": routine", "x": "a\\\\\\":b", "k\\\\": 1}';
    expect(Object.keys(JSON.parse(strings) as object)).toEqual(['note', 'x', 'k\\']);
    expect(mayRepeatKeys(strings, JSON.parse(strings))).toBe(false);
    expect(mayRepeatKeys(`${strings.slice(0, -1)}, "k\\\\": 2}`, JSON.parse(strings))).toBe(true);
    // A string that starts with a colon is counted as a key's end: the places then find none written twice.
    expect(mayRepeatKeys('{"a": ": b"}', { a: ': b' })).toBe(true);
  });
});
