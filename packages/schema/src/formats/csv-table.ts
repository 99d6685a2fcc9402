import Papa from 'papaparse';
import { decodeUtf8 } from '../file/encoding.js';
import type { DataPackage } from '../model/package.js';
import { recordStores, type RecordType } from '../model/record-kinds.js';
import type { CellLocation, Problem, ReadSummary, TextLocation, ValidationIssue, ValidationResult } from '../validate/issue.js';
import type { Misreading, TextDecoding } from '../file/text-encoding.js';
import { RECORD_PATH } from '../validate/record-numbers.js';
import { RuleChecker } from '../validate/rules.js';
import { shortened } from '../validate/echo.js';
import { LineIndex } from '../validate/locate.js';
import type { ValidationParts } from '../validate/parts.js';
import { onDemandParts } from '../validate/on-demand.js';
import { checkShape } from '../validate/shape.js';
import { checkOnDemand, emptiness, IssueCollector, namesKnownRecords, noRecords, ruleSettings, type ValidateOptions } from '../validate/validate.js';
import type { CsvTable, ReadCsvOptions } from './csv.js';
import { otherSystemOfHeader } from '../file/other-systems.js';
import { placeCsvCells } from './csv-places.js';
import { headingReaderOnDemand } from './heading-reader.js';
import { columnLocator, findHeader, headerSettled, isBlankRow, readTable, sheetParams, type HeadingReader, type Table } from './table.js';

/*
 * Reading and checking a CSV table with the parts given: the messages the collector writes with, the describer
 * of records the generated checks reject. `validateCsv()` gives those imported as usual; a file checked with the
 * parts loaded on demand (`validateFileAsync()`) loads only this, papaparse and the table reader at first.
 */

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The separator of a table: the one the header row uses most (the first of its first lines that holds one). Only
 * the header is read, as column names hold no separators while cells (a JSON extension, a note) may hold any.
 */
function delimiterOf(text: string): string {
  // A line ends at a line feed or a carriage return: Excel for Mac ends rows with a carriage return alone. A title
  // over the header may hold no separator.
  const lines = text.trimStart().split(/\r\n?|\n/, 10);
  const header = lines.find((line) => DELIMITERS.some((delimiter) => line.includes(delimiter))) ?? lines[0]!;
  let best: string = DELIMITERS[0];
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const count = header.split(delimiter).length - 1;
    if (count > most) [best, most] = [delimiter, count];
  }
  return best;
}

/**
 * What ends the rows of a CSV text: a line feed wherever one ends a line outside quotes (a CR before it is dropped
 * from the row: files whose rows end both ways are common, a header typed in one program and rows pasted from
 * Excel), else a carriage return (Excel for Mac), looked for in the first MiB as the parser would.
 */
function newlineOf(text: string): '\n' | '\r' {
  const unquoted = text.slice(0, 1 << 20).replace(/"[^"]*"/g, '');
  return unquoted.includes('\n') || !unquoted.includes('\r') ? '\n' : '\r';
}

/**
 * The rows of a CSV text (a byte order mark dropped) as the parser reads them, past a first line `sep=;`, which
 * names the separator for Excel and which Excel does not show as a row: files made for Excel carry one. The rows
 * keep the numbers Excel shows, the header's 1. `start` is where the first row starts in `whole`.
 */
function parse(whole: string, delimiter: string | undefined, file = whole): { start: number; text: string; newline: '\n' | '\r'; parsed: Papa.ParseResult<string[]> } {
  const separatorLine = /^sep=([^\r\n])(?:\r\n|\n|\r|$)/i.exec(whole);
  const start = separatorLine?.[0].length ?? 0;
  const text = whole.slice(start);
  // The line breaks and the separator are those of the whole file, also when `whole` is only its start.
  const newline = newlineOf(file.slice(start));
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: delimiter ?? separatorLine?.[1] ?? delimiterOf(file.slice(start)), newline });
  return { start, text, newline, parsed };
}

const utf8 = new TextDecoder();

/**
 * The cell of a CSV file (its text, or as much of it as is read) that holds what follows the text `before`: its row
 * as Excel numbers it and its column, counted from 1.
 */
function cellBefore(file: string, before: string, delimiter: string | undefined): { row: number; column: number } {
  // The whole text tells how its rows end, which the text before may not.
  const rows = parse(before, delimiter, file).parsed.data;
  return { row: Math.max(rows.length, 1), column: Math.max(rows.at(-1)?.length ?? 1, 1) };
}

/** The cell of a CSV file read in another encoding than UTF-8 (its first bytes `head`) that holds a word read wrong, and where that word is in the text. */
export function cellOfMisreading(decoding: TextDecoding, misread: Misreading, head: Uint8Array, delimiter: string | undefined): CellLocation {
  const text = (bytes: Uint8Array): string => utf8.decode(decoding.whole(bytes));
  return { ...cellBefore(text(head), text(head.subarray(0, misread.offset)), delimiter), text: misread.at };
}

/**
 * Reports the first cell whose quotes the parser could not read as a cell: a quote that opens a cell and is never
 * closed, which takes the rest of the file into that cell (`csv.unclosed-quote`), or text after the quote that closes
 * a cell (`"Central" prison`), after which the parser reads on, cells and rows alike, up to a quote that ends a cell
 * (`csv.text-after-quote`). Either way the rows read are not those of the file, which must not pass for valid.
 */
function reportQuoteError(text: string, parsed: Papa.ParseResult<string[]>, collector: IssueCollector, locate: (offset: number) => TextLocation): void {
  const first = parsed.errors
    .filter((error) => (error.code === 'MissingQuotes' || error.code === 'InvalidQuotes') && error.row !== undefined && error.index !== undefined)
    .sort((a, b) => a.index! - b.index!)[0];
  if (!first) return;
  // The error's index is just past the cell's opening quote: the cells of its row before it make its column.
  const before = Papa.parse<string[]>(text.slice(0, first.index! - 1), { header: false, skipEmptyLines: false, delimiter: parsed.meta.delimiter, newline: parsed.meta.linebreak as Papa.ParseConfig['newline'] }).data;
  const column = before[before.length - 1]?.length ?? 1;
  const unclosed = first.code === 'MissingQuotes';
  // Never closed: the cell's text after the quote, as the parser reads it (a doubled quote once); else from the quote on.
  const cell = unclosed ? text.slice(first.index).replaceAll('""', '"') : text.slice(first.index! - 1);
  const value = shortened(/^[^\r\n]*/.exec(cell)![0]);
  const issue = collector.add({ code: unclosed ? 'csv.unclosed-quote' : 'csv.text-after-quote', path: [], params: { column, value } });
  if (issue) issue.location = { row: first.row! + 1, column, text: locate(first.index! - 1) };
}

/** A CSV file's table as read, and how to place issues at its rows and columns in its text ({@link placeCsvCells}). */
export type CsvRead = Table & { delimiter: string; place: (issues: readonly ValidationIssue[]) => void };

/**
 * Reads a CSV file into a {@link Table}, adding its problems to `collector`: those of the bytes
 * (encoding, an empty file) and of the header (no PHX columns), those of the table, and a table
 * without rows.
 *
 * @param headingReader - looks for a header that is not the first row (headings alone, `Період › початок`; a title over it), and tells the field an unknown column's heading names.
 */
export function readCsvTable(input: string | Uint8Array, options: ReadCsvOptions, collector: IssueCollector, headingReader: () => HeadingReader): CsvRead {
  const table: CsvRead = {
    type: options.type, columns: [], recognisedColumns: 0, records: [], rows: [], headerRow: 0, targets: [], issues: collector.issues, delimiter: options.delimiter ?? ',', place: () => {},
  };
  const decoded = typeof input === 'string' ? { text: input } : decodeUtf8(input);
  if ('problem' in decoded) {
    const issue = collector.add(decoded.problem);
    // Only bytes can fail to decode; the file is read with the bad bytes replaced.
    if (issue && decoded.at) issue.location = { ...cellBefore(utf8.decode(input as Uint8Array), decoded.before ?? '', options.delimiter), text: decoded.at };
    return table;
  }
  const whole = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const { start, text, newline, parsed } = parse(whole, options.delimiter);
  const empty = emptiness(text);
  if (empty) {
    collector.add(empty);
    return table;
  }
  if (newline === '\n') {
    // Rows ended by CR LF in a file of LF rows leave the CR in their last cell.
    for (const row of parsed.data) if (row[row.length - 1]?.endsWith('\r')) row[row.length - 1] = row[row.length - 1]!.slice(0, -1);
  }
  const delimiter = parsed.meta.delimiter;
  if (parsed.data.every(isBlankRow)) {
    // Rows of empty cells alone (`;;` lines): a table saved before anything was typed in it.
    collector.add({ code: 'file.empty', path: [], params: { blank: true } });
    return { ...table, delimiter };
  }
  // A file of another system (SDMX-CSV, DHIS2's CSV) is named once, rather than each of its columns PHX does not know.
  const first = parsed.data.findIndex((row) => !isBlankRow(row));
  const other = otherSystemOfHeader(parsed.data[first]!);
  if (other) {
    const issue = collector.add({ code: 'file.other-system', path: [], params: { format: other } });
    if (issue) issue.location = { row: first + 1, column: 1 };
    return { ...table, delimiter };
  }
  const layout = { text: whole, lines: new LineIndex(whole), start, delimiter, linebreak: newline };
  const place = (issues: readonly ValidationIssue[]): void => placeCsvCells(layout, parsed.data, issues);
  // A sheet of a PHX workbook saved as CSV keeps its headings over the field paths; a title may be over the header.
  const { skip, headings, columns, byHeading } = findHeader(parsed.data, options.type, headingReader);
  const read = { ...readTable(parsed.data.slice(skip), { ...options, delimiter, headings, columns, byHeading, headingReader }, skip + 1, collector), delimiter, place };
  reportQuoteError(text, parsed, collector, (offset) => layout.lines.locate(start + offset));
  const at = { row: read.headerRow || parsed.data.findIndex((row) => !isBlankRow(row)) + 1, column: 1 };
  if (!read.type || read.recognisedColumns === 0) {
    const issue = collector.add({ code: 'csv.no-header', path: [], params: { type: (read.type as RecordType | undefined) ?? null } });
    if (issue) issue.location = at;
  } else if (read.records.length === 0) {
    const issue = collector.add({ code: 'csv.no-rows', path: [], params: {} });
    if (issue) issue.location = at;
  }
  return read;
}

/**
 * A table as `readCsv()` gives it, its issues placed in the text, without what the reader keeps beside it (where its
 * columns lead, its header's row, the text).
 */
export function csvTableOf(table: CsvRead): CsvTable {
  const { type, columns, recognisedColumns, records, rows, delimiter, issues } = table;
  table.place(issues);
  return { type: type as RecordType | undefined, columns, recognisedColumns, records, rows, delimiter, issues };
}

/**
 * Reads a CSV table as {@link readCsv} does, with the same result, loading the messages of the language asked for
 * only when there is an issue to write: a browser's bundle of it holds neither zod nor any language's messages
 * until they are needed (see docs/performance.md). Never throws on bad data.
 *
 * @param input - the CSV as text, or as bytes (then invalid UTF-8 is reported).
 * @example
 * ```ts
 * import { readCsvAsync } from '@phx/schema';
 * const table = await readCsvAsync(new Uint8Array(await file.arrayBuffer()), { locale: 'uk' });
 * for (const issue of table.issues) console.log(issue.location, issue.message);
 * ```
 */
export async function readCsvAsync(input: string | Uint8Array, options: ReadCsvOptions = {}): Promise<CsvTable> {
  // Read again from the start when the reader of headings is loaded midway.
  return checkOnDemand({ locale: options.locale }, (_, collector) => csvTableOf(readCsvTable(input, options, collector, headingReaderOnDemand)));
}

/** A problem of a CSV row; of a duplicate, the first is given by its row (the rules' context here), named as a row rather than a line. */
function firstByRow(problem: Problem): Problem {
  return 'first' in problem.params && typeof problem.params.first === 'number' ? ({ ...problem, params: { ...problem.params, first: { row: problem.params.first } } } as Problem) : problem;
}

/** Validates a CSV table as `validateCsv()` does, with the messages of `collector`, the parts and the reader of headings given. */
export function checkCsv(
  input: string | Uint8Array,
  options: ValidateOptions & ReadCsvOptions,
  collector: IssueCollector,
  parts: Pick<ValidationParts, 'describe' | 'personalData'>,
  headingReader: () => HeadingReader,
): ValidationResult<Partial<DataPackage>> {
  const table = readCsvTable(input, options, collector, headingReader);
  const read: ReadSummary = { records: noRecords(), rows: 0, complete: true };
  const result = (records?: Partial<DataPackage>): ValidationResult<Partial<DataPackage>> => {
    table.place(collector.issues);
    return collector.result(read, records);
  };
  const type = table.type as RecordType | undefined;
  if (!type || table.recognisedColumns === 0 || table.records.length === 0) return result();
  const locate = columnLocator(table.targets);
  // Missing columns, and date columns of unknown order, are reported once at the header, not again on every row; a
  // percent in a row of another unit, once at its cell.
  const settled = headerSettled(table.issues);
  const add = (problem: Problem, row: number): void => {
    if (settled(problem, row)) return;
    const column = locate(problem.path);
    const issue = collector.add(firstByRow({ ...problem, params: sheetParams(problem.code, problem.params, table, column, undefined, row) } as Problem));
    if (issue) issue.location = { row, column };
  };
  const checker = new RuleChecker<number>(ruleSettings(options, namesKnownRecords(options), parts.personalData), add);
  for (let i = 0; i < table.records.length; i++) {
    if (collector.settled) {
      read.complete = false;
      return result();
    }
    const row = table.rows[i]!;
    const { problems, data, text } = checkShape(type, table.records[i], RECORD_PATH, parts.describe);
    problems.forEach((problem) => add(checker.named(problem), row));
    if (data) checker.record(type, data, row, text);
    // A row that failed its shape still has its privacy checked; its id is not noted, as before.
    else checker.invalid(type, table.records[i], row, false);
    read.records[type]++;
    read.rows = row;
  }
  checker.finish();
  return result({ [recordStores[type].collection]: table.records });
}

/**
 * Validates a CSV table as `validateCsv()` does, with the parts and the reader of headings loaded on demand, each
 * once the check needs it, the check run again from its start (the recogniser of personal data before it starts, and
 * for a large file the describer: `loadForDocument()`): what `validateFileAsync()` checks a CSV file with.
 */
export async function checkCsvOnDemand(input: Uint8Array, options: ValidateOptions & ReadCsvOptions): Promise<ValidationResult<Partial<DataPackage>>> {
  return checkOnDemand(options, (settled, collector) => checkCsv(input, settled, collector, onDemandParts, headingReaderOnDemand), { bytes: input.byteLength, json: false });
}
