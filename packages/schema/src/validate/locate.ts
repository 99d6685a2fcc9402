import type { TextLocation } from './issue.js';

/**
 * Maps offsets in a text to 1-based lines and columns; the line starts are found once, on first use. A line ends
 * at a line feed, a carriage return and line feed, or a carriage return alone (as old Mac programs and Excel for
 * Mac end lines), as editors count them.
 *
 * @example
 * ```ts
 * const lines = new LineIndex(text);
 * lines.locate(text.indexOf('"observations"')); // { line: 12, column: 3 }
 * ```
 */
export class LineIndex {
  private starts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  /**
   * The line and column of an offset.
   *
   * @example
   * ```ts
   * new LineIndex('a\nbc').locate(3); // { line: 2, column: 2 }
   * ```
   */
  locate(offset: number): TextLocation {
    const starts = (this.starts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

/** The line starts of a text of one line, as most of an NDJSON stream's lines are: shared, never written. */
const ONE_LINE = Uint32Array.of(0);

/**
 * Where each line of a text starts (LF, CRLF or CR ends one), in a typed array made once at the size counted by a first
 * pass: a package written one field a line has millions of lines, and an array of numbers pushed one by one took
 * ≈ 0.4 s for 1.7 million where this takes ≈ 0.06, and a typed array grown as it is filled cost a line of a stream
 * eight times what the two passes do. A text is shorter than 2³² (V8's strings: 2²⁹).
 */
function lineStarts(text: string): Uint32Array {
  let count = 1;
  forEachLineEnd(text, () => count++);
  if (count === 1) return ONE_LINE;
  const starts = new Uint32Array(count);
  let line = 1;
  forEachLineEnd(text, (next) => (starts[line++] = next));
  return starts;
}

/** Calls `found` with the offset after each line end of a text, in order: LF, CRLF, CR alone. */
function forEachLineEnd(text: string, found: (next: number) => void): void {
  // The next LF and the next CR, each found by indexOf (much faster than a loop over the characters).
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      const end = lf === cr + 1 ? lf : cr;
      found(end + 1);
      cr = text.indexOf('\r', cr + 1);
      if (lf === end) lf = text.indexOf('\n', lf + 1);
    } else {
      found(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
}

/**
 * The offset at which arrays and objects nest deeper than `maxDepth`, or -1. Scans the text once,
 * without recursion, so that it is safe on any input.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_DEPTH, offsetBeyondDepth } from '@phx/schema';
 * if (offsetBeyondDepth(text, DEFAULT_MAX_DEPTH) >= 0) console.error('nested too deep to parse safely');
 * ```
 */
export function offsetBeyondDepth(text: string, maxDepth: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) i = endOfString(text, i);
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > maxDepth) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return -1;
}

/**
 * A key written again in its object of a JSON text: at `offset`, after its first writing at `first`; `path` is where
 * the key is in the value, the key last.
 */
export interface RepeatedKey {
  path: (string | number)[];
  offset: number;
  first: number;
}

/**
 * Whether a JSON text may write a key twice in one of its objects, given `value`, the text as `JSON.parse` read
 * it, which keeps the last value of such a key and drops the others without a word. False proves that it does
 * not: each key written ends with a quote that no backslash escapes, JSON's spaces and a colon of its own, so that
 * the colons after such a quote and spaces are at least as many as the keys written (a string that starts with a
 * colon adds one), which are at least as many as the keys of `value`; as many of those colons as keys leave no key
 * written twice. True when there are more (a string such as `": "`, or a key written twice) or `value` nests deeper
 * than 64 levels: `repeatedKeys()` of the JSON places then tells which. A quote escaped in a string (a note's
 * `\"MoH\": …`) is no key's end and not counted. A search of the text's colons and a walk of the value, a
 * fraction of `JSON.parse`'s time.
 */
export function mayRepeatKeys(text: string, value: unknown): boolean {
  let writings = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    let c: number;
    while ((c = text.charCodeAt(before)) === 32 || c === 10 || c === 13 || c === 9) before--;
    if (c !== 34 /* " */) continue;
    // After an odd number of backslashes the quote is a character of a string, not a key's end.
    let backslashes = 0;
    while (text.charCodeAt(before - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) writings++;
  }
  return writings !== keysIn(value, 0);
}

/** The keys of the objects in a value, at every depth; NaN beyond 64 levels, where the walk stops. */
function keysIn(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (depth > 64) return NaN;
  let keys = 0;
  if (Array.isArray(value)) {
    for (const item of value) keys += keysIn(item, depth + 1);
    return keys;
  }
  for (const key in value) {
    keys++;
    // Most values are not objects: no call for them.
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object') keys += keysIn(child, depth + 1);
  }
  return keys;
}

/** The offset of the quote that closes the string opened at `open`, or the text's length when none does. */
export function endOfString(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  for (;;) {
    if (close < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
}
