import { locales, type Locale } from '../locales/index.js';
import type { PhxLocale } from '../locales/types.js';
import type { RecordType } from '../model/records.js';
import { severities } from '../generated/severities.js';
import type { IssueCode } from './codes.js';
import type { IssueParams } from './params.js';
import { renderIn } from './render.js';

/**
 * How serious an issue is: an `error` makes the data invalid, a `warning` does not, and an `info`
 * note only says what was done to read the data (e.g. decimal commas read as numbers).
 *
 * @example
 * ```ts
 * const severity: Severity = 'warning';
 * const warnings = validate(pkg).issues.filter((issue) => issue.severity === severity);
 * ```
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A place in a JSON or NDJSON text: 1-based line and column.
 *
 * @example
 * ```ts
 * const [issue] = validate('{"phxVersion": "1.0",').issues;
 * const { line, column } = issue!.location as TextLocation; // line 1
 * ```
 */
export interface TextLocation {
  line: number;
  column: number;
}

/**
 * A cell of a CSV file or of a workbook's sheet: 1-based row (the header is row 1) and column; on a
 * sheet of a workbook, also the sheet and the cell's A1 name (`C5`).
 *
 * @example
 * ```ts
 * for (const issue of validateCsv(await file.text()).issues) {
 *   const { row, column } = issue.location as CellLocation;
 *   console.error(`row ${row}, column ${column}: ${issue.message}`);
 * }
 * ```
 */
export interface CellLocation {
  row: number;
  column: number;
  /** The sheet of a workbook, e.g. `observations`. */
  sheet?: string;
  /** The cell's name in A1 style, e.g. `C5`, on a sheet of a workbook. */
  cell?: string;
  /**
   * In a CSV file, where the cell starts in the text, as an editor counts: its line and character. A row is a
   * line only until a cell in quotes holds a line break, and a column is a cell, not a character.
   */
  text?: TextLocation;
}

/**
 * One issue of one code: `params` is what that code's message is rendered from.
 *
 * @example
 * ```ts
 * const issue: IssueOf<'privacy.small-cell'> = validate(text).issues.find((found) => found.code === 'privacy.small-cell')!;
 * console.log(issue.params.threshold); // 5
 * ```
 */
export interface IssueOf<C extends IssueCode> {
  /** Stable code, e.g. `ref.unknown-organisation`; see docs/validation-rules.md. */
  code: C;
  severity: Severity;
  /** Path to the offending value, e.g. `['observations', 3, 'numerator']`. */
  path: (string | number)[];
  /** The same path as an RFC 6901 JSON Pointer, e.g. `/observations/3/numerator`. */
  pointer: string;
  /** The message, rendered in the locale asked for. */
  message: string;
  /** What the message is rendered from: its fields depend on the code. */
  params: IssueParams[C];
  /** Where in the text, when the input was JSON, NDJSON or CSV text. */
  location?: TextLocation | CellLocation;
}

/**
 * One problem found in the data. Issues are data: render `message` or re-render with `formatIssue()`.
 * A union discriminated on `code`: checking the code types the params.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = {
 *   code: 'ref.unknown-organisation', severity: 'error', path: ['observations', 0, 'reportingOrganisation'],
 *   pointer: '/observations/0/reportingOrganisation', message: 'No organisation with id "ZM-PACRA-120045" in the package',
 *   params: { id: 'ZM-PACRA-120045', suggestions: ['ZM-PACRA-120054'] },
 * };
 * formatIssue(issue, 'fr'); // the same message in French
 * if (issue.code === 'ref.unknown-organisation') console.log(issue.params.id);
 * ```
 */
export type ValidationIssue<C extends IssueCode = IssueCode> = { [K in C]: IssueOf<K> }[C];

/**
 * A problem found, before it is an issue: its code, where it is, and its params.
 *
 * @example
 * ```ts
 * const problem: Problem = { code: 'ref.unknown-facility', path: ['scope', 'facility'], params: { id: 'zm-fac-99', suggestions: [] } };
 * makeIssue(problem, 'ru').message; // 'В пакете нет учреждения с идентификатором «zm-fac-99»'
 * ```
 */
export type Problem<C extends IssueCode = IssueCode> = { [K in C]: { code: K; path: (string | number)[]; params: IssueParams[K] } }[C];

/**
 * A problem of a code a caller holds in a type parameter: the params are checked against the code
 * here, where TypeScript cannot tell the pair apart from the union.
 */
export function problemOf<C extends IssueCode>(code: C, path: (string | number)[], params: IssueParams[C]): Problem<C> {
  return { code, path, params } as Problem<C>;
}

/**
 * Makes an issue of a problem: the one place a {@link ValidationIssue} is built. The severity comes
 * from the code, the pointer from the path, and the message is rendered in the locale.
 *
 * @example
 * ```ts
 * const issue = makeIssue({ code: 'ref.unknown-facility', path: ['scope', 'facility'], params: { id: 'zm-fac-99', suggestions: ['zm-fac-09'] } }, 'fr');
 * issue.severity; // 'error'
 * ```
 */
export function makeIssue(problem: Problem, locale: Locale = 'en'): ValidationIssue {
  return issueIn(problem, locales[locale]);
}

/**
 * Makes an issue of a problem with the messages of one language, or with its message left empty, to be
 * written once the language is loaded, when `messages` is undefined.
 */
export function issueIn(problem: Problem, messages: PhxLocale | undefined): ValidationIssue {
  const { code, path, params } = problem;
  const message = messages ? renderIn(messages, code, params) : '';
  // An issue owns its path: the rules may report one they share (the empty path of every record of a stream).
  return { code, severity: severities[code], path: [...path], pointer: toPointer(path), message, params } as ValidationIssue;
}

/**
 * What a validation read: the records by type and how far into the input it got. When reading
 * stopped at `maxIssues` (`complete` is false), every count covers only the part read.
 *
 * @example
 * ```ts
 * const { read } = validateCsv(bytes, { maxIssues: 100 });
 * if (!read.complete) console.log(`stopped at row ${read.rows}: the counts cover only the rows above`);
 * ```
 */
export interface ReadSummary {
  /** Records read, by type. */
  records: Record<RecordType, number>;
  /** Lines read, blank ones included (JSON and NDJSON text). */
  lines?: number;
  /** The row of the last record read (CSV, where the header is row 1). */
  rows?: number;
  /** Bytes read (input given as bytes or a stream). */
  bytes?: number;
  /** The encoding the text was read in, when it is not UTF-8 (as `encoding` of {@link validateFile} named it). */
  encoding?: string;
  /** False when reading stopped before the end, once `maxIssues` issues and an error were found. */
  complete: boolean;
}

/**
 * The outcome of a validation, the same for every format: `ok` is true when no issue is an error.
 * `errors` and `warnings` count every issue found, also those past `maxIssues` that `issues` leaves
 * out; `data` is what was read, when it is valid.
 *
 * @example
 * ```ts
 * const result: ValidationResult<DataPackage> = validate(text, { locale: 'es', maxIssues: 100 });
 * if (!result.ok) for (const issue of result.issues) console.error(issue.pointer, issue.message);
 * if (result.truncated) console.error(`${result.errors} errors in all; ${result.issues.length} listed`);
 * else if (result.data) await client.packages.import(result.data);
 * ```
 */
export interface ValidationResult<Data = unknown> {
  ok: boolean;
  /**
   * The issues listed, in the order found: every one, or the first `maxIssues` of them, but for errors found
   * later, which take the places of the latest warnings and notes. An error found is always listed then.
   */
  issues: ValidationIssue[];
  /** Errors found, including those past `maxIssues`. */
  errors: number;
  /** Warnings found, including those past `maxIssues`. */
  warnings: number;
  /** True when `issues` leaves some out: past `maxIssues`, or because reading stopped there. */
  truncated: boolean;
  /** What was read. */
  read: ReadSummary;
  /** The data read, when it is valid (`ok`); with the `keepData` option, whatever could be read. */
  data?: Data;
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
