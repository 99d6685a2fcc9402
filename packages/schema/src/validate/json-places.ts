import { parse, parseTree, visit, type Node, type ParseError } from 'jsonc-parser';
import type { TextLocation } from './issue.js';
import { LineIndex, type RepeatedKey } from './locate.js';

/**
 * Where things are in a JSON text, found with jsonc-parser: needed only to place issues, so kept apart from
 * ./locate.ts for a caller to load on demand (./on-demand.ts).
 */
export interface JsonPlaces {
  /** Where a text stops being JSON, and what it found there (`null` for the end of the text). */
  syntaxErrorOf(text: string, error: unknown): { offset: number; token: string | null };
  /** Where each path lies in a JSON text (see {@link locatePaths}). */
  locatePaths(text: string, paths: readonly (readonly (string | number)[])[], lines?: LineIndex): TextLocation[];
  /** The keys written again in their objects of a JSON text (see {@link repeatedKeys}). */
  repeatedKeys(text: string): RepeatedKey[];
}

/**
 * The offset of a raw control character (a tab or a line break typed into a note) in the string that starts at
 * `start`, if it holds one: jsonc-parser reports the string, where the character is what to name and show.
 */
function controlCharacterIn(text: string, start: number): number | undefined {
  for (let at = start + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) return undefined;
    if (code === 0x5c) at++;
    else if (code < 0x20) return at;
  }
  return undefined;
}

/** Where a text stops being JSON, and what it found there (`null` for the end of the text). */
export function syntaxErrorOf(text: string, error: unknown): { offset: number; token: string | null } {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  let offset = errors[0]?.offset;
  if (offset === undefined) {
    // jsonc-parser accepted what JSON.parse did not (e.g. a raw control character): take V8's position.
    const position = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
    offset = position === undefined ? 0 : Number(position);
  }
  while (offset < text.length && /\s/.test(text[offset]!)) offset++;
  if (text[offset] === '"') offset = controlCharacterIn(text, offset) ?? offset;
  const token = offset >= text.length ? null : String.fromCodePoint(text.codePointAt(offset)!);
  return { offset, token };
}

/**
 * The node at a path, as `JSON.parse` reads the text: of a key given twice in an object, the last, whose value is the
 * one checked (jsonc-parser's `findNodeAtLocation` takes the first).
 */
function nodeAt(root: Node, path: readonly (string | number)[]): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    const children: Node[] = node?.children ?? [];
    if (typeof segment === 'number') node = node?.type === 'array' ? children[segment] : undefined;
    else node = node?.type === 'object' ? children.findLast((property) => property.children?.[0]?.value === segment)?.children?.[1] : undefined;
    if (!node) return undefined;
  }
  return node;
}

/**
 * Finds where each path lies in a JSON text: the key of a field, or the value itself for
 * array items and the root. A path that does not exist (a missing field) gets the place of
 * the nearest object that does.
 */
export function locatePaths(text: string, paths: readonly (readonly (string | number)[])[], lines = new LineIndex(text)): TextLocation[] {
  const root = parseTree(text, [], { disallowComments: true });
  return paths.map((path) => {
    if (!root) return { line: 1, column: 1 };
    let node: Node | undefined;
    for (let length = path.length; length >= 0 && !node; length--) node = nodeAt(root, path.slice(0, length));
    const target = node?.parent?.type === 'property' ? node.parent : node;
    return lines.locate(target?.offset ?? 0);
  });
}

/**
 * The keys of a JSON text written more than once in their object, at any depth, each later writing with the offset
 * of the first, in the order written: `JSON.parse` keeps the last value of such a key and drops the others without
 * a word (a package with `observations` twice loses the records of the first, an observation with `value` twice
 * its first value). A key spelt with escapes is the key it spells. The text must be JSON that parses, nested no
 * deeper than the checks walk (the reader recurses); `mayRepeatKeys()` of ./locate.ts tells first, at a fraction
 * of the cost, whether there can be any.
 */
export function repeatedKeys(text: string): RepeatedKey[] {
  const objects: Map<string, number>[] = [];
  const repeated: RepeatedKey[] = [];
  visit(text, {
    onObjectBegin: () => void objects.push(new Map()),
    onObjectEnd: () => void objects.pop(),
    onObjectProperty(key, offset, _length, _line, _column, path) {
      const keys = objects.at(-1)!;
      const first = keys.get(key);
      if (first === undefined) keys.set(key, offset);
      else repeated.push({ path: [...path(), key], offset, first });
    },
  });
  return repeated;
}

/** The places of this module, for a caller that is handed them rather than importing them (./on-demand.ts). */
export const jsonPlaces: JsonPlaces = { syntaxErrorOf, locatePaths, repeatedKeys };
