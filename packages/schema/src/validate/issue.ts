import type { IssueCode } from './codes.js';

/** How serious an issue is: an `error` makes the data invalid, a `warning` does not. */
export type Severity = 'error' | 'warning';

/** A place in a JSON or NDJSON text: 1-based line and column. */
export interface TextLocation {
  line: number;
  column: number;
}

/** A cell of a CSV file: 1-based row (the header is row 1) and column. */
export interface CellLocation {
  row: number;
  column: number;
}

/** One problem found in the data. Issues are data: render `message` or re-render with `formatIssue()`. */
export interface ValidationIssue {
  /** Stable code, e.g. `ref.unknown-organisation`; see docs/validation-rules.md. */
  code: IssueCode;
  severity: Severity;
  /** Path to the offending value, e.g. `['observations', 3, 'numerator']`. */
  path: (string | number)[];
  /** The same path as an RFC 6901 JSON Pointer, e.g. `/observations/3/numerator`. */
  pointer: string;
  /** The message, rendered in the locale asked for. */
  message: string;
  /** What the message is rendered from. */
  params: Record<string, unknown>;
  /** Where in the text, when the input was JSON, NDJSON or CSV text. */
  location?: TextLocation | CellLocation;
}

/** The outcome of a validation: `ok` is true when no issue is an error. */
export interface ValidationResult {
  ok: boolean;
  issues: ValidationIssue[];
}

/**
 * Turns a path into an RFC 6901 JSON Pointer.
 *
 * @example
 * ```ts
 * toPointer(['observations', 0, 'a/b']); // '/observations/0/a~1b'
 * ```
 */
export function toPointer(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const part of path) pointer += '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1');
  return pointer;
}

/**
 * Turns an RFC 6901 JSON Pointer back into a path (array indices stay strings).
 *
 * @example
 * ```ts
 * fromPointer('/observations/0/a~1b'); // ['observations', '0', 'a/b']
 * ```
 */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}
