import { visit } from 'jsonc-parser';
import type { TextLocation } from './issue.js';
import { endOfString, LineIndex, type RepeatedKey } from './locate.js';

/**
 * Where things are in a JSON text, found with jsonc-parser or by a pass of its own: needed only to place issues, so kept apart from
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

/**
 * Where jsonc-parser finds that a text stops being JSON, if it does: the first error of a pass that builds nothing, where
 * its `parse` would build the values of a text of megabytes before the error.
 */
export function firstErrorOf(text: string): number | undefined {
  let offset: number | undefined;
  visit(text, { onError: (_error, at) => void (offset ??= at) }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return offset;
}

/** Where a text stops being JSON, and what it found there (`null` for the end of the text). */
export function syntaxErrorOf(text: string, error: unknown): { offset: number; token: string | null } {
  let offset = firstErrorOf(text);
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
 * A step of the paths asked for, and where the text has it: the offset of its key (of its value for an array item and
 * the root), -1 while not found. Steps are shared by the paths through them.
 */
interface Step {
  offset: number;
  keys?: Map<string, Step>;
  items?: Map<number, Step>;
}

/** The steps of each path from the root, the root's first: made once for the paths that share them. */
function stepsOf(root: Step, paths: readonly (readonly (string | number)[])[]): Step[][] {
  return paths.map((path) => {
    const steps = [root];
    let step = root;
    for (const segment of path) {
      const next: Map<string | number, Step> = typeof segment === 'number' ? (step.items ??= new Map()) : (step.keys ??= new Map());
      let child = next.get(segment);
      if (!child) next.set(segment, (child = { offset: -1 }));
      steps.push(child);
      step = child;
    }
    return steps;
  });
}

/** Forgets where the steps under `step` were found: a key given again in its object replaces the value they were in. */
function forgetUnder(step: Step): void {
  for (const child of [...(step.keys?.values() ?? []), ...(step.items?.values() ?? [])]) {
    if (child.offset < 0) continue;
    child.offset = -1;
    forgetUnder(child);
  }
}

/** Notes where a step's text lies; of a key given again in its object, the last writing counts, and what was under the first is forgotten. */
function found(step: Step, offset: number): void {
  if (step.offset >= 0) forgetUnder(step);
  step.offset = offset;
}

/** The offset of the first character at or after `at` that is not JSON's whitespace. */
function skipSpace(text: string, at: number): number {
  for (let code = text.charCodeAt(at); code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09; code = text.charCodeAt(++at));
  return at;
}

/** The offset after the value at `at`, stepped over by its brackets and strings: nothing in it is asked for. */
function stepOver(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === 0x22) return endOfString(text, at) + 1;
  if (first !== 0x7b && first !== 0x5b) {
    // A number or a literal: up to the comma, bracket or space after it.
    for (let code = first; at < text.length && code !== 0x2c && code !== 0x7d && code !== 0x5d && code > 0x20; code = text.charCodeAt(++at));
    return at;
  }
  let depth = 0;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) at = endOfString(text, at);
    else if (code === 0x7b || code === 0x5b) depth++;
    else if ((code === 0x7d || code === 0x5d) && --depth === 0) return at + 1;
  }
  return at;
}

/** Reads the value at `at`, noting where the steps under `step` lie in it; the offset after it. */
function readValue(text: string, at: number, step: Step): number {
  const first = text.charCodeAt(at);
  if (first === 0x7b && step.keys) return readObject(text, at, step.keys);
  if (first === 0x5b && step.items) return readArray(text, at, step.items);
  return stepOver(text, at);
}

/** The key of the string from `open` to `close`: a key spelt with escapes is the key it spells (as written, should they not be JSON's). */
function keyAt(text: string, open: number, close: number): string {
  const written = text.slice(open + 1, close);
  if (!written.includes('\\')) return written;
  try {
    return JSON.parse(text.slice(open, close + 1)) as string;
  } catch {
    return written;
  }
}

/** Reads the object at `at`, noting where the keys asked for lie (each at its key) and what is asked under them. */
function readObject(text: string, at: number, keys: ReadonlyMap<string, Step>): number {
  at = skipSpace(text, at + 1);
  if (text.charCodeAt(at) === 0x7d) return at + 1;
  for (;;) {
    const close = endOfString(text, at);
    const child = keys.get(keyAt(text, at, close));
    if (child) found(child, at);
    // Past the colon to the value.
    at = skipSpace(text, skipSpace(text, close + 1) + 1);
    at = skipSpace(text, child ? readValue(text, at, child) : stepOver(text, at));
    if (text.charCodeAt(at) !== 0x2c) return at + 1;
    at = skipSpace(text, at + 1);
  }
}

/** Reads the array at `at`, noting where the items asked for lie (each at its value) and what is asked in them. */
function readArray(text: string, at: number, items: ReadonlyMap<number, Step>): number {
  at = skipSpace(text, at + 1);
  if (text.charCodeAt(at) === 0x5d) return at + 1;
  for (let index = 0; ; index++) {
    const item = items.get(index);
    if (item) found(item, at);
    at = skipSpace(text, item ? readValue(text, at, item) : stepOver(text, at));
    if (text.charCodeAt(at) !== 0x2c) return at + 1;
    at = skipSpace(text, at + 1);
  }
}

/**
 * Finds where each path lies in a JSON text: the key of a field, or the value itself for
 * array items and the root. A path that does not exist (a missing field) gets the place of
 * the nearest object that does. Of a key given twice in an object, the last counts, whose value `JSON.parse` keeps.
 * The text is JSON that parses (a text that does not is read to an end all the same, its places those of a guess).
 * One pass over the text that reads the objects and arrays on the paths only and steps over the others by their
 * brackets and strings: no tree of the text is built, which for a package of many megabytes took seconds and most of
 * its size again in memory, where one issue is placed, and no value is read, as jsonc-parser's tokens are (≈ 0.3 s
 * for 38.9 MB, where the step over takes ≈ 0.04 s; `json-places.test.ts` holds it to jsonc-parser's tree).
 */
export function locatePaths(text: string, paths: readonly (readonly (string | number)[])[], lines = new LineIndex(text)): TextLocation[] {
  const root: Step = { offset: -1 };
  const steps = stepsOf(root, paths);
  const start = skipSpace(text, 0);
  found(root, start);
  readValue(text, start, root);
  return steps.map((path) => {
    const step = path.findLast(({ offset }) => offset >= 0);
    return step ? lines.locate(step.offset) : { line: 1, column: 1 };
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
