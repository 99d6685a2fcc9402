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
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > maxDepth) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return -1;
}
