import type { RecognisedEncoding } from '../file/encoding.js';
import type { FileFormat } from '../file/format.js';
import type { OtherSystemFormat } from '../file/other-systems.js';
import type { NormalisedForm } from '../formats/cells.js';
import type { TextForm } from '../model/common.js';
import type { RecordType } from '../model/records.js';
import type { PersonalDataKind } from './personal-data.js';

/**
 * What PHX keeps of a zod issue to render a structural (`schema.*`) message in any language: zod's
 * own code and details, the field, the value found (a text shortened) and the form of text asked for.
 *
 * @example
 * ```ts
 * const params: ZodIssueParams = { zodCode: 'invalid_type', expected: 'number', received: 'string', field: 'numerator', value: '12' };
 * renderMessage('schema.invalid-type', params, 'fr');
 * ```
 */
export interface ZodIssueParams {
  /** zod's issue code, e.g. `invalid_type`. */
  zodCode: string;
  expected?: string;
  /** The JSON type found, as zod names it. */
  received?: string;
  origin?: string;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: string;
  /** The allowed values (the first 20). */
  values?: unknown[];
  keys?: string[];
  /** For a text that is none of the allowed texts: the nearest of them (see {@link Suggested}). */
  suggestions?: string[];
  /** The field: a {@link FieldKey} where the model knows it (every locale names it in words), else its key. */
  field?: string;
  /** When the value is an entry of a list: its index. */
  entry?: number;
  /** The value found, as the message echoes it: a text (cut after 60 characters), a number, true, false or null. */
  value?: string | number | boolean | null;
  /**
   * In a sheet (a CSV file, a sheet of a workbook): the cell as typed, where its date was read from a local form
   * (`31.02.2019`, `value` being `2019-02-31`): the message quotes the cell as its user typed it, `value` keeps what was checked.
   */
  typed?: string;
  /** The form of text asked for, which the message names with an example. */
  form?: TextForm;
  /**
   * For an identifier (`form` `record-id` or `organisation-id`): the kind of record it is the identifier of, or refers
   * to, which the message gives an identifier of for example (`idExamples`): a facility's for the facility of
   * an observation, a meeting's for a meeting's own.
   */
  idOf?: IdOf;
  /**
   * Where the text is the name of a record of the data, written in place of its identifier (the facility of an
   * observation written `Бучанська виправна колонія №85`): that record's type; `suggestions` then holds its id alone.
   */
  nameOf?: NamedRecord;
  /**
   * Where the text found has spaces (or tabs, line breaks) around it that a code, an identifier or a form of text does
   * not take: a cell typed `UA ` looks like `UA`, so the message says so after the value.
   */
  spaces?: SpacesAround;
  /**
   * What a date and time found lacks, when it is one but for the offset from UTC (`2020-10-28T16:00:00`, as a sheet
   * keeps a date and time), or a date alone (`2024-04-01`): the message then says what to add, with the value completed.
   */
  lacks?: DateTimeLack;
  /**
   * In a sheet (a CSV file, a sheet of a workbook): the columns the message names, as the sheet shows them (see
   * {@link SheetNames}). Given where a cell of a row is left empty (`schema.required`), and where a cell holds what its
   * column does not read (`schema.invalid-type`).
   */
  sheet?: SheetNames;
}

/**
 * The columns of a sheet a message names, as its user sees them: by the heading over each where the sheet has one
 * (`Охоплення › Країна`, `Приховано`), else by its name in the header row (`scope.country`). `column`: the column of
 * the cell the issue is at; `suppressed` and `value`: the columns of an observation's flag and value, by their field
 * paths when the sheet has no such column. The messages then tell what to type in the sheet (`TRUE` under
 * `Suppressed`) rather than what to write in the data (`"suppressed": true`).
 *
 * @example
 * ```ts
 * const params: IssueParams['observation.value-missing'] = { sheet: { suppressed: 'Приховано', value: 'Значення' } };
 * renderMessage('observation.value-missing', params, 'uk');
 * ```
 */
export interface SheetNames {
  column?: string;
  suppressed?: string;
  value?: string;
  /** The cells of a workbook merged over the empty cell from a row above it (`B3:B5`): the merge keeps its value in its first cell alone. */
  merged?: string;
}

/**
 * What a date and time lacks: the offset from UTC alone (`2020-10-28T16:00:00`), or the time of day and the offset
 * (`2024-04-01`, a date alone).
 *
 * @example
 * ```ts
 * const lacks: DateTimeLack = 'offset'; // "2020-10-28T16:00:00" needs +02:00 or the like
 * ```
 */
export type DateTimeLack = 'offset' | 'time';

/**
 * Where a text has spaces around it: at its start, at its end, or both.
 *
 * @example
 * ```ts
 * const where: SpacesAround = 'end'; // "UA "
 * ```
 */
export type SpacesAround = 'start' | 'end' | 'both';

/**
 * The kinds of record whose identifiers a message gives an example of: the record types, and the package.
 *
 * @example
 * ```ts
 * const kind: IdOf = 'facility'; // an identifier such as zm-fac-01
 * ```
 */
export type IdOf = RecordType | 'package';

/**
 * The records that other records refer to by an identifier, and that people refer to by their name instead: the
 * organisations and the facilities.
 *
 * @example
 * ```ts
 * const params: IssueParams['ref.unknown-facility'] = { id: 'Kafue', suggestions: ['zm-fac-01'], nameOf: 'facility' };
 * ```
 */
export type NamedRecord = 'organisation' | 'facility';

/**
 * The params of an unknown value that has known values near it: at most three, nearest first, none when
 * nothing is near. The message ends with them.
 *
 * @example
 * ```ts
 * const params: IssueParams['ref.unknown-indicator'] = { code: 'hiv-prevalance-prisoners', suggestions: ['hiv-prevalence-prisoners'] };
 * ```
 */
export interface Suggested {
  suggestions: string[];
}

/**
 * The sum of the parts of a breakdown against its total: the dimension it is broken down by, whether the
 * numerators or the denominators are added, and how many parts were added.
 *
 * @example
 * ```ts
 * const params: BreakdownSum = { dimension: 'sex', field: 'numerator', sum: 57, total: 50, parts: 2 };
 * renderMessage('disagg.exceeds-total', params, 'uk');
 * ```
 */
export interface BreakdownSum {
  dimension: string;
  field: 'numerator' | 'denominator';
  sum: number;
  total: number;
  parts: number;
}

/**
 * Where the first of two clashing records is, as `first` of `unique.duplicate-id` and `unique.duplicate-breakdown`
 * gives it: in a `.phx.json` document its JSON pointer (`/observations/1`), in an NDJSON file its line (from 1), in a
 * CSV file or on a sheet of a workbook its row (see {@link TableRow}); in a package built from several files, when the
 * first is in another file than the second, that file and the place there (see {@link InAnotherFile}).
 *
 * @example
 * ```ts
 * const params: IssueParams['unique.duplicate-id'] = { recordType: 'facility', id: 'zm-fac-01', first: { sheet: 'facilities', row: 3 } };
 * renderMessage('unique.duplicate-id', params, 'en'); // '… (the first is at sheet "facilities", row 3)'
 * ```
 */
export type FirstSeen = string | number | TableRow | InAnotherFile;

/**
 * A place in another input of a package built from several files (`phx convert a.csv b.csv`): the file's name, and the
 * place there as validating that file alone gives it.
 *
 * @example
 * ```ts
 * const first: InAnotherFile = { file: 'facilities-north.csv', at: { row: 3 } };
 * ```
 */
export interface InAnotherFile {
  file: string;
  at: string | number | TableRow;
}

/**
 * A row of a table: of a CSV file (the header is row 1), or of a sheet of a workbook, named, numbered as Excel numbers it.
 *
 * @example
 * ```ts
 * const row: TableRow = { sheet: 'observations', row: 14 };
 * ```
 */
export interface TableRow {
  row: number;
  /** The sheet of a workbook; none in a CSV file. */
  sheet?: string;
}

/**
 * A column of a sheet as its user sees it, beside its name in the header row: `heading`, the heading the sheet shows
 * over that name, when it has a row of them (a PHX workbook's `Примітки` over `notes`); `letter`, the column's letter
 * in a workbook (`V`), none in a CSV file.
 *
 * @example
 * ```ts
 * const column: SheetColumn = { heading: 'Примітки', letter: 'V' };
 * ```
 */
export interface SheetColumn {
  heading?: string;
  letter?: string;
}

/**
 * What a file read whole is weighed at before it is read (`file.too-large-for-memory`): its format, what was counted
 * in it (a workbook's or a CSV file's cells, a `.phx.json` file's values) and the memory reading it would take.
 */
export type ReadWeight = { format: 'xlsx' | 'csv'; cells: number; neededBytes: number } | { format: 'json'; values: number; neededBytes: number };

/**
 * The params of each issue code: what its message is rendered from, in any language. A rule sets
 * exactly these, and a message can read no other.
 *
 * @example
 * ```ts
 * const params: IssueParams['privacy.small-cell'] = { field: 'numerator', value: 3, threshold: 5 };
 * renderMessage('privacy.small-cell', params, 'uk');
 * ```
 */
export interface IssueParams {
  'file.empty': { blank: boolean };
  'file.unsupported-format': { format: FileFormat };
  'file.other-system': { format: OtherSystemFormat };
  'file.too-large': { maxBytes: number };
  'file.too-large-for-memory': ReadWeight & { availableBytes: number };
  'syntax.invalid-json': { token: string | null };
  'syntax.too-deep': { maxDepth: number };
  'syntax.duplicate-key': { key: string; firstLine: number };
  'syntax.invalid-encoding': { encoding: RecognisedEncoding | null };
  'syntax.encoding-mismatch': { encoding: 'windows-1252'; looksLike: 'windows-1251'; read: string; meant: string };
  'syntax.line-too-long': { maxBytes: number };
  'ndjson.unknown-type': { type: string | null };
  'ndjson.header-not-first': Record<string, never>;
  'csv.no-header': { type: RecordType | null };
  'csv.no-rows': Record<string, never>;
  /** `value`: the cell's text from the quote to its first line break, shortened. */
  'csv.unclosed-quote': { column: number; value: string };
  /** `value`: the cell's text from its opening quote to its first line break, shortened. */
  'csv.text-after-quote': { column: number; value: string };
  'schema.invalid-type': ZodIssueParams;
  /** `column`: the field path of a column the header row of a sheet lacks, when the issue is of the column rather than of a record. */
  'schema.required': ZodIssueParams & { field: string; column?: string };
  /** `hidden`: the column of a sheet the key heads is hidden in Excel, so that the user does not see it. */
  'schema.unknown-field': ZodIssueParams & { keys: string[]; hidden?: true };
  'schema.invalid-value': ZodIssueParams;
  /**
   * `fullYears`: for a date with a two-digit year (`form: 'four-digit-year'`), the value found with its year written in
   * full, in its own form, in each century it may mean: `['31.12.1920', '31.12.2020']` for `31.12.20`; in a date field,
   * without a time of day after it. Absent when the value is more than a date and a time, or no day and month.
   */
  'schema.invalid-format': ZodIssueParams & { fullYears?: [string, string] };
  'schema.too-small': ZodIssueParams;
  'schema.too-big': ZodIssueParams;
  'schema.invalid-key': ZodIssueParams;
  'schema.invalid-union': ZodIssueParams;
  'unique.duplicate-id': { recordType: RecordType; id: string; first: FirstSeen };
  /** `categories`: the breakdown's categories by dimension (`{ sex: 'female' }`), none for the total. */
  'unique.duplicate-breakdown': { categories: Record<string, string>; first: FirstSeen };
  /**
   * `isPublisher`: the id is the package's publisher's, which the header names without making an organisation record.
   * `nameOf`: the id is the name of an organisation of the data, whose id is the one suggestion.
   */
  'ref.unknown-organisation': { id: string; isPublisher?: true; nameOf?: 'organisation' } & Suggested;
  /** `nameOf`: the id is the name of a facility of the data, whose id is the one suggestion. */
  'ref.unknown-facility': { id: string; nameOf?: 'facility' } & Suggested;
  'ref.unknown-indicator': { code: string } & Suggested;
  'ref.country-mismatch': { facility: string; facilityCountry: string; country: string };
  'indicator.unit-mismatch': { indicator: string; unit: string; expected: string };
  /** `sheet`: in a sheet, its columns of the value and the flag (see {@link SheetNames}). */
  'observation.value-missing': { sheet?: SheetNames };
  'observation.denominator-missing': { indicator: string };
  'arith.numerator-exceeds-denominator': { numerator: number; denominator: number };
  'arith.zero-denominator': Record<string, never>;
  'arith.value-mismatch': { value: number; expected: number };
  'arith.percent-out-of-range': { value: number };
  'arith.count-not-integer': { field: 'numerator' | 'denominator' | 'value'; value: number };
  'arith.value-outside-interval': { value: number | null; lower: number; upper: number };
  'arith.confidence-level-fraction': { level: number; percent: number };
  /** `typed`: in a sheet, the dates as typed in their cells, where read from a local form (`01.01.2024`): the message quotes these. */
  'period.start-after-end': { start: string; end: string; typed?: { start?: string; end?: string } };
  /** `typed`: in a sheet, the end as typed in its cell, where read from a local form (`31.12.2030`): the message quotes it. */
  'period.in-future': { end: string; today: string; typed?: { end?: string } };
  'meeting.end-before-start': { start: string; end: string };
  'meeting.action-due-before-meeting': { due: string; meetingStart: string };
  'disagg.not-allowed': { dimension: string; indicator: string; allowed: string[] };
  'disagg.exceeds-total': BreakdownSum;
  'disagg.below-total': BreakdownSum;
  'package.placeholder': { value: string };
  /** `value`: the licence as given; `suggestions`: the known licences nearest to it. */
  'package.unknown-licence': { value: string } & Suggested;
  /**
   * `value`: the number given. For a percentage or rate whose numerator is left out, `count` is the number of people its
   * value gives with its `denominator` (0.5 % of 400: 2). `sheet`: in a sheet, its column of the flag (see {@link SheetNames}).
   */
  'privacy.small-cell':
    | { field: 'numerator' | 'value'; value: number; threshold: number; count?: undefined; denominator?: undefined; sheet?: SheetNames }
    | { field: 'value'; value: number; threshold: number; count: number; denominator: number; sheet?: SheetNames };
  'privacy.suppressed-value-present': { field: 'numerator' | 'value'; sheet?: SheetNames };
  /**
   * `figures`: the categories of the observations shown whose numbers give the suppressed one away (`{}` for the
   * total), `parts` how many they are; `denominators`: those of the observations whose denominators take part, as no
   * count is below 0 or above the denominator of its proportion (the suppressed one's own among them), absent where the
   * sums alone give it away; `dimension`: the dimensions they add up by (`sex`, `ageGroup`, `sex, ageGroup`).
   */
  'privacy.complementary-disclosure': { dimension: string; parts: number; figures: Record<string, string>[]; denominators?: Record<string, string>[] };
  'privacy.personal-data': { kind: PersonalDataKind };
  /** `position`: where in the text (or key) the first U+0000 is, counted in characters from 1. */
  'text.nul-character': { position: number };
  'sheet.unreadable': Record<string, never>;
  'sheet.unknown-sheet': { sheet: string };
  /** `column`: the column's name in the header row (its field path); `heading` and `letter`: the column as the sheet shows it (see {@link SheetColumn}). */
  'sheet.date-order-unknown': { column: string; example: string } & SheetColumn;
  /** `column`: the cell's column, counted from 1; `letter`: its letter in a workbook. */
  'sheet.cell-beyond-header': { column: number; value: string; letter?: string };
  /**
   * `column`: the field path the column is read as, the field its heading names; `row`: the row of field paths, whose
   * cell of the column is empty; `heading` and `letter`: the column as the sheet shows it (see {@link SheetColumn}).
   */
  'sheet.column-path-missing': { column: string; row: number } & SheetColumn;
  /**
   * `column`: the column's name in the header row, empty where it has a heading alone; `heading` and `letter`: the
   * column as the sheet shows it (see {@link SheetColumn}); `notes`: the column of notes its records have, as the sheet
   * shows it (`column` its field path), to move the cells to; `hidden`: the column is hidden in Excel.
   */
  'sheet.column-not-read': { column: string; notes?: { column: string } & SheetColumn; hidden?: true } & SheetColumn;
  /**
   * `column`: the column's name in the header row (its field path), `heading` and `letter`: the column as the sheet
   * shows it (see {@link SheetColumn}); `first`: the number of the column of that name before it, counted from 1, and
   * `firstLetter` its letter in a workbook.
   */
  'sheet.repeated-column': { column: string; first: number; firstLetter?: string } & SheetColumn;
  /**
   * `cell`: the header cell merged over more than one column, by its A1 name (`C1`), `value` what it holds, shortened;
   * `first` and `last`: the letters of the first and last columns of the merge, of which only the first is read;
   * `missing`: the required columns the header lacks (their field paths), which the merged columns may have been meant for.
   */
  'sheet.merged-header': { cell: string; value: string; first: string; last: string; missing: string[] };
  /** `formula`: the cell's formula, `=` first, shortened. */
  'sheet.formula-without-result': { formula: string };
  /** `sheet`: the sheet whose first row of values is the header. */
  'sheet.second-header': { sheet: string };
  /** `value`: the error the cell holds, as Excel shows it (`#N/A`, `#REF!`). */
  'sheet.error-cell': { value: string };
  /**
   * `date`: the date the cell holds, as `2023-05-07`; of a text that shows a day and a month alone, as Excel saves
   * such a date in a CSV file (`07.тра`), the month and the day as ISO 8601 writes them without a year, `--05-07`, and
   * `text`: the text.
   */
  'sheet.date-for-number': { date: string; text?: string };
  /**
   * `value`: the cell as typed (`5,2%`), or the number a cell formatted as a percent shows before its `%` sign (5.2);
   * `unit`: the unit its row gives, null when none.
   */
  'sheet.percent-unit-mismatch': { value: string | number; unit: string | null };
  /** `sheet`: the name of the hidden sheet, not read. */
  'sheet.hidden-skipped': { sheet: string };
  /**
   * `sheet`: the sheet; `rows`: its hidden rows read into records, in ranges as Excel numbers them (`{ first: 5, last: 7 }`),
   * the first ten ranges, and `moreRows` how many other hidden rows were read; `columns`: its hidden columns read, by
   * letter and the heading the sheet shows over them (else their name in the header row), the first ten, and `moreColumns` how many others.
   */
  'sheet.hidden-read': { sheet: string; rows: { first: number; last: number }[]; moreRows: number; columns: { column: string; heading: string }[]; moreColumns: number };
  /**
   * `column`: the column's name in the header row (its field path); `heading` and `letter`: the column as the sheet
   * shows it (see {@link SheetColumn}); `cells`: how many of its cells were read from a local form; `forms`: which.
   */
  'sheet.normalised': { column: string; cells: number; forms: NormalisedForm[] } & SheetColumn;
  /**
   * `column`: the column's name in the header row (its field path); `heading` and `letter`: the column as the sheet
   * shows it (see {@link SheetColumn}); `cells`: how many of its cells were read with a point taken for a thousands
   * separator on a guess (`1.234` as 1234); `text`: the first of them as typed, `1.234`; `value`: the number it was read as, 1234.
   */
  'sheet.ambiguous-thousands': { column: string; cells: number; text: string; value: number } & SheetColumn;
  'codelist.unknown-code': { codelist: string; value: string } & Suggested;
}
