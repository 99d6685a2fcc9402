import { findNodeAtLocation, parse, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { TextLocation } from './issue.js';

/**
 * Maps offsets in a text to 1-based lines and columns; the line starts are found once, on first use.
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
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
  const token = offset >= text.length ? null : String.fromCodePoint(text.codePointAt(offset)!);
  return { offset, token };
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
    for (let length = path.length; length >= 0 && !node; length--) node = findNodeAtLocation(root, path.slice(0, length) as (string | number)[]);
    const target = node?.parent?.type === 'property' ? node.parent : node;
    return lines.locate(target?.offset ?? 0);
  });
}
