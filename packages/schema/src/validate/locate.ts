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
  private starts: number[] | undefined;

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
    if (!this.starts) {
      const text = this.text;
      this.starts = [0];
      if (!text.includes('\r')) {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      } else {
        for (let i = 0; i < text.length; i++) {
          const char = text.charCodeAt(i);
          if (char === 0x0a || (char === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(i + 1);
        }
      }
    }
    const starts = this.starts;
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

/** A key of a JSON text's root object written again: at `offset`, after its first writing at `first`. */
export interface RepeatedKey {
  key: string;
  offset: number;
  first: number;
}

/**
 * The keys of the root object of a JSON text that are written more than once, each later writing with the offset
 * of the first: `JSON.parse` keeps the last value of such a key and drops the others without a word (a package
 * with `observations` twice loses the records of the first). The text must be JSON that parses; its strings are
 * skipped by `indexOf`, so that the scan costs a fraction of the parse.
 */
export function repeatedRootKeys(text: string): RepeatedKey[] {
  const firsts = new Map<string, number>();
  const repeated: RepeatedKey[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const start = i;
      i = endOfString(text, i);
      // A string of the root object followed by a colon is one of its keys.
      keyEnd.lastIndex = i + 1;
      if (depth === 1 && keyEnd.test(text)) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        const first = firsts.get(key);
        if (first === undefined) firsts.set(key, start);
        else repeated.push({ key, offset: start, first });
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) depth++;
    else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return repeated;
}

/** A colon after spaces: what follows a key. */
const keyEnd = /[ \t\n\r]*:/y;

/** The offset of the quote that closes the string opened at `open`, or the text's length when none does. */
function endOfString(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  for (;;) {
    if (close < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
}
