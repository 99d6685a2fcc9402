import fc from 'fast-check';
import { parse, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import type { TextLocation } from '../src/validate/issue.js';
import { firstErrorOf, locatePaths } from '../src/validate/json-places.js';

type Path = (string | number)[];

/** Line and character of an offset, counted the plain way: any of CR LF, LF or CR alone ends a line. */
function plainLocation(text: string, offset: number): TextLocation {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** The node at a path in jsonc-parser's tree of the whole text; of a key given twice, the last, as `JSON.parse` keeps. */
function nodeAt(root: Node, path: Path): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    const children: Node[] = node?.children ?? [];
    if (typeof segment === 'number') node = node?.type === 'array' ? children[segment] : undefined;
    else node = node?.type === 'object' ? children.findLast((property) => property.children?.[0]?.value === segment)?.children?.[1] : undefined;
    if (!node) return undefined;
  }
  return node;
}

/** The plain reference: the whole text's tree, each path or its longest prefix found in it, at its key. */
function referenceLocations(text: string, paths: Path[]): TextLocation[] {
  const root = parseTree(text, [], { disallowComments: true });
  return paths.map((path) => {
    if (!root) return { line: 1, column: 1 };
    let node: Node | undefined;
    for (let length = path.length; length >= 0 && !node; length--) node = nodeAt(root, path.slice(0, length));
    const target = node?.parent?.type === 'property' ? node.parent : node;
    return plainLocation(text, target?.offset ?? 0);
  });
}

/** Keys of a few letters and alphabets, one a number's digits, two that JSON writes with escapes, so that paths often meet them, and objects repeat them. */
const keys = ['id', 'observations', 'scope', '0', 'Область', 'a b', '😀', 'a"b', 'a\\b'];
const space = fc.constantFrom('', ' ', '\n', '\r\n', '\r', '\t', '\n    ');

/** A key as JSON writes it, or with a letter escaped (`"\u0069d"` is `id`). */
const keyText = (key: string) =>
  fc.boolean().map((escaped) => (escaped && /^[a-z]/.test(key) ? `"\\u${key.charCodeAt(0).toString(16).padStart(4, '0')}${JSON.stringify(key).slice(2)}` : JSON.stringify(key)));

/** A JSON text, its objects' keys sometimes written twice, with any whitespace between its tokens. */
const { json } = fc.letrec<{ json: string; literal: string; object: string; array: string }>((tie) => ({
  json: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('literal'), tie('object'), tie('array')),
  literal: fc.oneof(fc.constantFrom('true', 'false', 'null', '0', '-1.5e3', '"Київ"', '"a\\"b"', '"\\n"'), fc.string({ maxLength: 6 }).map((text) => JSON.stringify(text))),
  object: fc
    .array(fc.tuple(space, fc.constantFrom(...keys).chain(keyText), space, tie('json'), space), { maxLength: 5 })
    .map((members) => `{${members.map(([before, key, colon, value, after]) => `${before}${key}${colon}:${colon}${value}${after}`).join(',')}}`),
  array: fc.array(fc.tuple(space, tie('json'), space), { maxLength: 4 }).map((items) => `[${items.map(([before, value, after]) => `${before}${value}${after}`).join(',')}]`),
}));

/** Paths of the same keys and small indices: many lie in the text, many end past it, some ask a number of an object. */
const path = fc.array(fc.oneof(fc.constantFrom(...keys, 'missing'), fc.nat(4)), { maxLength: 5 });

describe('locatePaths', () => {
  it('places every path where the whole tree of the text has it, or its longest prefix', () => {
    fc.assert(
      fc.property(space, json, space, fc.array(path, { maxLength: 8 }), (before, value, after, paths) => {
        const text = `${before}${value}${after}`;
        expect(() => JSON.parse(text)).not.toThrow();
        expect(locatePaths(text, paths)).toEqual(referenceLocations(text, paths));
      }),
      { numRuns: 2000 },
    );
  });

  it('places a key written twice at its last writing, and what lies under the first only as far as the last has it', () => {
    const text = '{\n "scope": {"area": 1, "list": [0, 1]},\n "scope": {"area": 2},\n "id": 3\n}';
    expect(locatePaths(text, [['scope'], ['scope', 'area'], ['scope', 'list', 1], ['id'], []])).toEqual([
      { line: 3, column: 2 },
      { line: 3, column: 12 },
      { line: 3, column: 2 },
      { line: 4, column: 2 },
      { line: 1, column: 1 },
    ]);
  });

  // Every caller gives a text that parses; one that does not is still read to an end, each path placed in it.
  it('reads a text that is not JSON to an end, a place for each path', () => {
    const broken = fc.tuple(json, fc.nat(), fc.constantFrom('', '{', '}', '[', ']', '"', ',', ':', '\\')).map(([text, at, added]) => {
      const cut = at % (text.length + 1);
      return text.slice(0, cut) + added + text.slice(cut + (added === '' ? 1 : 0));
    });
    fc.assert(
      fc.property(fc.oneof(broken, fc.string({ maxLength: 20, unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', ' ', 'a', '1') })), fc.array(path, { maxLength: 4 }), (text, paths) => {
        const locations = locatePaths(text, paths);
        expect(locations).toHaveLength(paths.length);
        for (const { line, column } of locations) expect(line >= 1 && column >= 1).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('places paths deep in a package of many records, past its end and short of a field too', () => {
    const records = Array.from({ length: 50_000 }, (_, i) => ({ id: `obs-${i}`, scope: { country: 'UA', subnationalArea: `Район ${i}` } }));
    const text = JSON.stringify({ id: 'p', observations: records }, null, 2);
    const paths: Path[] = [['observations', 49_999, 'scope', 'subnationalArea'], ['observations', 7, 'id'], ['observations', 50_000], ['observations', 3, 'value']];
    expect(locatePaths(text, paths)).toEqual(referenceLocations(text, paths));
  });
});

describe('firstErrorOf', () => {
  /** A JSON text broken at one place: a character dropped, one of JSON's or a stray one added, or the rest cut off. */
  const broken = fc.tuple(json, fc.nat(), fc.constantFrom('', ',', ':', '{', '}', '[', ']', '"', 'x', '/', '\\', '\u0001', '\n', 'Ж')).map(([text, at, added]) => {
    const cut = at % (text.length + 1);
    return added === '' ? text.slice(0, cut) + text.slice(cut + 1) : text.slice(0, cut) + added + text.slice(cut);
  });

  it('finds where jsonc-parser\'s parse finds the first error, of any text', () => {
    fc.assert(
      fc.property(fc.oneof(broken, json, fc.string({ maxLength: 12 })), (text) => {
        const errors: ParseError[] = [];
        parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
        expect(firstErrorOf(text)).toBe(errors[0]?.offset);
      }),
      { numRuns: 2000 },
    );
  });
});
