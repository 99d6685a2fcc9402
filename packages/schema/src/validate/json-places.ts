import { visit } from 'jsonc-parser';
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

/**
 * Finds where each path lies in a JSON text: the key of a field, or the value itself for
 * array items and the root. A path that does not exist (a missing field) gets the place of
 * the nearest object that does. Of a key given twice in an object, the last counts, whose value `JSON.parse` keeps.
 * One pass over the text that goes into the objects and arrays on the paths only: no tree of the text is built, which
 * for a package of many megabytes took seconds and most of its size again in memory, where one issue is placed.
 */
export function locatePaths(text: string, paths: readonly (readonly (string | number)[])[], lines = new LineIndex(text)): TextLocation[] {
  const root: Step = { offset: -1 };
  const steps = stepsOf(root, paths);
  const found = (step: Step, offset: number): void => {
    if (step.offset >= 0) forgetUnder(step);
    step.offset = offset;
  };
  /** The objects and arrays the pass is in: the step of each (undefined off the paths), and an array's next index. */
  const within: { step: Step | undefined; array: boolean; index: number }[] = [];
  /** The step of the value that follows the key just read. */
  let keyed: Step | undefined;
  let rootRead = false;
  /** The step of a value that starts at `offset`, noted as found. */
  const valueAt = (offset: number): Step | undefined => {
    const parent = within.at(-1);
    if (!parent) {
      if (rootRead) return undefined;
      rootRead = true;
      found(root, offset);
      return root;
    }
    if (!parent.array) return keyed;
    const step = parent.step?.items?.get(parent.index++);
    if (step) found(step, offset);
    return step;
  };
  visit(
    text,
    {
      // Returning false skips the callbacks inside (but for its end): nothing asked for is in there.
      onObjectBegin(offset) {
        const step = valueAt(offset);
        within.push({ step, array: false, index: 0 });
        return step?.keys !== undefined;
      },
      onArrayBegin(offset) {
        const step = valueAt(offset);
        within.push({ step, array: true, index: 0 });
        return step?.items !== undefined;
      },
      onObjectEnd: () => void within.pop(),
      onArrayEnd: () => void within.pop(),
      onObjectProperty(key, offset) {
        keyed = within.at(-1)!.step?.keys?.get(key);
        if (keyed) found(keyed, offset);
      },
      onLiteralValue: (_value, offset) => void valueAt(offset),
    },
    { disallowComments: true },
  );
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
