import type { Locale } from '../locales/index.js';
import { recordTypeNames, recordTypeOfCollection, type RecordType } from '../model/record-kinds.js';
import type { CellLocation, Problem, ValidationIssue } from '../validate/issue.js';
import type { SheetColumn, ZodIssueParams } from '../validate/params.js';
import { fieldOf } from '../validate/fields.js';
import { shortened } from '../validate/echo.js';
import { IssueCollector } from '../validate/validate.js';
import { excelErrorOf, excelShortDate, isSmallExcelDate, PercentCell, readColumn, sheetDateOrder, textOfCell, textOfSpreadsheet, utcDateTimeColumn, type SheetCell } from './cells.js';
import { knownColumns, requiredColumns, resolveColumn, type ColumnTarget, type TableType } from './csv-shape.js';
import { suggestionsInList } from '../validate/suggestions.js';
import type { DateOrder, ExcelLocale } from './excel-locale.js';
import { cellName, columnLetters } from './cell-names.js';

/** How to read the cells of a table: what CSV and workbook reading share. */
export interface TableOptions {
  /**
   * The type of the table.
   * @default the record type its header names (see {@link detectCsvType})
   */
  type?: TableType;
  /**
   * Language of the messages.
   * @default 'en'
   */
  locale?: Locale;
  /**
   * The cell separator of a CSV file: a `;` tells a decimal comma, and dates day first, where nothing else does; `;`
   * and `,` each tell a mark that groups no thousands (the decimal mark of the Excel that writes them). None for a sheet of a workbook.
   */
  delimiter?: string;
  decimalComma?: boolean;
  dateOrder?: DateOrder;
  excelLocale?: ExcelLocale;
  /** The sheet of a workbook the table is on: issues then name it and their cell in A1 style. */
  sheet?: string;
  /** The workbook counts days from 1904 (Excel's 1904 date system): a number in a date column is a day since 1904-01-01. */
  date1904?: boolean;
  /** The row over the header, when the table has one: the headings a PHX workbook shows over the field paths, which issues name a column by. */
  headings?: readonly SheetCell[];
  /** Whether a column of a sheet, counted from 1, is hidden in Excel: an unknown one says so, since the user does not see it. */
  hidden?: (column: number) => boolean;
  /** The field paths the header's cells name, when they are headings (see {@link findHeader}); else the cells are field paths. */
  columns?: readonly string[];
  /** The columns, counted from 0, whose cell of the row of field paths is empty, read as the field the heading over it names. */
  byHeading?: readonly number[];
  /** What reads headings: an unknown column named by a heading (`Примітки`) is told to be that column (`notes`). */
  headingReader?: () => HeadingReader;
  /** The cells of a sheet's row, counted from 1, merged over more than one column: those of the header row are told (see {@link MergedCell}). */
  merged?: (row: number) => readonly MergedCell[];
}

/** A cell of a sheet merged over more than one column of a row: where its value is kept, and the columns of the row it covers. */
export interface MergedCell {
  /** The row and column of the merge's first cell, which keeps its value, counted from 1. */
  row: number;
  column: number;
  /** The first and last columns of the row the merge covers, counted from 1. */
  first: number;
  last: number;
  /** What the merge holds. */
  value: SheetCell;
}

/**
 * A table of a sheet read into records: what {@link readXlsx} gives for each sheet.
 *
 * @example
 * ```ts
 * const { tables } = await readXlsx(bytes);
 * const table: Table = tables[0]!.table;
 * table.type; // 'package'
 * table.rows; // [3]: the header row of field paths is row 2
 * ```
 */
export interface Table {
  type: TableType | undefined;
  columns: string[];
  recognisedColumns: number;
  records: Record<string, unknown>[];
  /** The row of each record in the sheet (1-based; blank rows are skipped). */
  rows: number[];
  /** The row of the column names. */
  headerRow: number;
  /** Where each column leads in a record; undefined for a column that is not read. */
  targets: (ColumnTarget | undefined)[];
  issues: ValidationIssue[];
  /** The headings of the columns, when the sheet shows headings over their names or in their place (`Приховано` over `suppressed`). */
  headings?: readonly SheetCell[];
  /**
   * The cells of date columns read from a local form of a date, as typed (`31.02.2019` for `2019-02-31`), by their
   * column (counted from 0) and their row in the sheet (`typed.get(column)?.[row]`): the messages of their values
   * quote them so. One list a column rather than a map a row, as a large table in a local form has such cells on every row.
   */
  typed?: Map<number, (string | undefined)[]>;
}

/** A column of a table, counted from 0, as its user sees it: the heading over it, when the table has one there, and its letter on a sheet of a workbook. */
export function columnSeen(column: number, options: Pick<TableOptions, 'headings' | 'sheet'>): SheetColumn {
  const above = options.headings?.[column];
  const heading = typeof above === 'string' ? above.trim() : '';
  return { ...(heading === '' ? {} : { heading }), ...(options.sheet === undefined ? {} : { letter: columnLetters(column + 1) }) };
}

/** The location of a cell; on a sheet of a workbook, with the sheet and the A1 name of the cell. */
export function cellLocation(row: number, column: number, sheet: string | undefined): CellLocation {
  return sheet === undefined ? { row, column } : { sheet, row, column, cell: cellName({ row, column }) };
}

/**
 * The record type a CSV header names: the type most of whose fields the columns name.
 * Undefined when no column names a field, or two types fit equally well.
 *
 * @example
 * ```ts
 * detectCsvType(['id', 'indicator', 'period.start', 'period.end', 'value']); // 'observation'
 * ```
 */
export function detectCsvType(columns: readonly string[]): RecordType | undefined {
  let best: RecordType | undefined;
  let bestScore = 0;
  let tie = false;
  for (const type of recordTypeNames) {
    const score = columns.filter((column) => resolveColumn(type, column).kind !== 'unknown').length;
    if (score > bestScore) [best, bestScore, tie] = [type, score, false];
    else if (score === bestScore && score > 0) tie = true;
  }
  return tie ? undefined : best;
}

/** True when a row has no cell with content. */
export function isBlankRow(row: readonly SheetCell[]): boolean {
  return row.every((cell) => cell === undefined || (typeof cell === 'string' && cell.trim() === ''));
}

/**
 * What reads a header of the headings of PHX's workbook (`Період › початок`): ./heading-columns.ts, imported as
 * usual, or loaded on demand (./heading-reader.ts), when it throws `NotLoaded` until it is loaded.
 */
export interface HeadingReader {
  /** The header of a table whose first row names no field by its path: see `searchHeader()` of ./heading-columns.ts. */
  searchHeader(rows: readonly (readonly SheetCell[])[], type: TableType | undefined): HeaderRow;
  /** The column a heading names in a table of a type, in any language of the workbook, or undefined. */
  headingColumn(type: TableType, heading: string): string | undefined;
}

/** Where a table's header is among the rows of a sheet: `{ skip: 2, headings: […] }` when row 3 names the columns and row 2 has their headings. */
export interface HeaderRow {
  /** The rows over the header, passed over. */
  skip: number;
  /** The headings of its columns, over it or its own cells; what issues name a column by. */
  headings?: readonly SheetCell[];
  /** The field paths its headings name, when its cells are headings rather than field paths; or its cells, a cell left empty under a heading that names a field as that field. */
  columns?: string[];
  /** The columns, counted from 0, whose cell of the header is empty under a heading that names a field, read as that field. */
  byHeading?: number[];
}

/** How many cells of a row name a column of a type. */
function namedColumns(type: TableType, row: readonly SheetCell[] | undefined): number {
  return (row ?? []).filter((cell) => typeof cell === 'string' && resolveColumn(type, cell.trim()).kind !== 'unknown').length;
}

/**
 * The header of a sheet's table: its first row that is not blank when it names a field by its path, as most do;
 * else the reader of headings looks for it in the rows under it (the headings PHX writes over the field paths, a
 * title, headings alone), and that row names nothing when it finds none.
 *
 * @param type - the table's type where something else tells it (the sheet's name, an option); else the row does.
 */
export function findHeader(rows: readonly (readonly SheetCell[])[], type: TableType | undefined, reader: (() => HeadingReader) | undefined): HeaderRow {
  const first = Math.max(rows.findIndex((row) => !isBlankRow(row)), 0);
  const guess = type ?? detectCsvType((rows[first] ?? []).map((cell) => (typeof cell === 'string' ? cell.trim() : '')));
  return (guess && namedColumns(guess, rows[first]) > 0) || !reader ? { skip: first } : reader().searchHeader(rows, type);
}

function isEmpty(cell: SheetCell): cell is undefined | '' {
  return cell === undefined || cell === '';
}

/**
 * Reads a cell of a column that holds JSON or text; number, boolean, date and date-time columns are read whole by {@link readColumn}.
 * A CSV cell (not `inSheet`) drops the apostrophe written before a text Excel would run as a formula.
 */
function textCellValue(cell: Exclude<SheetCell, undefined>, kind: 'string' | 'json', inSheet: boolean): unknown {
  const text = inSheet ? textOfCell(cell) : textOfSpreadsheet(String(cell));
  if (kind === 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Sets a value at a path, making the objects and arrays on the way (each noted in `made`). */
function setAt(record: Record<string, unknown>, path: readonly (string | number)[], value: unknown, made: Set<object>): void {
  let node: Record<string | number, unknown> = record;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = node[key] as Record<string | number, unknown> | undefined;
    if (next === undefined || next === null || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? ([] as unknown as Record<number, unknown>) : {};
      made.add(next);
      node[key] = next;
    }
    node = next;
  }
  node[path[path.length - 1]!] = value;
}

/**
 * Drops the holes a sparse list gets when a row leaves some of its item columns blank: in the lists and objects
 * the columns made (`made`), as deep as a column's path, never in a cell's own JSON value, which has no holes and
 * may nest deeper than the stack allows.
 */
function compact(value: unknown, made: ReadonlySet<object>): unknown {
  if (value === null || typeof value !== 'object' || !made.has(value)) return value;
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map((item) => compact(item, made));
  for (const [key, item] of Object.entries(value)) (value as Record<string, unknown>)[key] = compact(item, made);
  return value;
}

/** The columns whose values are in percent when the row's unit is, and those always in percent. */
const percentColumns: Partial<Record<TableType, { byUnit: readonly string[]; always: readonly string[] }>> = {
  observation: { byUnit: ['value', 'confidenceInterval.lower', 'confidenceInterval.upper'], always: ['confidenceInterval.level'] },
};

/**
 * What people write for the unit `percent`, its code aside, in any case: its label in en, ru, uk, fr and es
 * (the codelist's, which a test holds them to) and the sign. A row whose unit is one of them is in percent all the
 * same: its unit's own issue tells the code to write, and its percents are read as such rather than each said to be
 * in a row of another unit.
 */
export const percentName = /^(?:percent|процент|відсоток|pourcentage|porcentaje|%)$/i;

/**
 * Where the cells of a table may show a percent, read as the number before the sign (`4,5%` is 4.5 in a percent
 * column): `allowed`. And where a cell shows one in a column that is in percent only when its row's unit is, in a row
 * of another unit or none (`5,2%` as the value of a count): `misplaced`, which gives the row's unit (null when none). A row
 * whose unit names percent in place of its code (`Відсоток`, {@link percentName}) is in percent.
 */
function percentCells(type: TableType, columns: readonly string[], rows: readonly (readonly SheetCell[])[]): {
  allowed: (column: string, row: number) => boolean;
  misplaced: (column: string, row: number, cell: SheetCell) => { unit: string | null } | undefined;
} {
  const percent = percentColumns[type];
  const unitColumn = columns.indexOf('unit');
  const unitOf = (row: number): string | null => {
    const cell = unitColumn >= 0 ? rows[row]![unitColumn] : undefined;
    return isEmpty(cell) ? null : textOfCell(cell).trim();
  };
  const inPercent = (row: number): boolean => percentName.test(unitOf(row) ?? '');
  return {
    allowed: (column, row) => !!percent && (percent.always.includes(column) || (percent.byUnit.includes(column) && inPercent(row))),
    misplaced: (column, row, cell) => {
      if (!percent?.byUnit.includes(column) || !(cell instanceof PercentCell || (typeof cell === 'string' && /%\s*$/.test(cell)))) return undefined;
      return inPercent(row) ? undefined : { unit: unitOf(row) };
    },
  };
}

/** The JSON type a missing column's cells would hold, as zod names it in its message. */
function expectedOf(target: ColumnTarget): string {
  if (target.kind === 'number' || target.kind === 'boolean') return target.kind;
  return target.kind === 'unknown' ? 'record' : 'string';
}

/** True when `path` starts with `prefix`. */
export function startsWith(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

/**
 * Reads the rows of a sheet — a CSV file or a worksheet — from its header row on: the first row
 * with content names the columns by the flattened paths of the fields. Number, boolean and date
 * columns are read whole, so that how a column is written (decimal mark, order of day and month)
 * is decided once for all its cells and reported as a note. Unknown, repeated and missing columns
 * are reported once, at the header; a column of one's own (`Коментар`), not read, once at its heading; a column read
 * by its heading as its field path was cleared, once at the empty cell; cells under no heading at their row and column.
 *
 * @param rows - the cells of the sheet, row by row; `firstRow` is the number of the first of them.
 * @param collector - takes the problems found, in the language and with the messages it was made with.
 */
export function readTable(
  rows: readonly (readonly SheetCell[])[],
  options: TableOptions,
  firstRow: number,
  collector: IssueCollector,
): Table {
  const table: Table = { type: options.type, columns: [], recognisedColumns: 0, records: [], rows: [], headerRow: 0, targets: [], issues: collector.issues, headings: options.headings };
  const add = (problem: Problem, row: number, column: number): void => {
    const issue = collector.add(problem);
    if (issue) issue.location = cellLocation(row, column, options.sheet);
  };
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  if (headerIndex < 0) return table;
  table.columns = (options.columns ?? rows[headerIndex]!).map((name) => (name === undefined ? '' : String(name).trim()));
  const type = (table.type ??= detectCsvType(table.columns));
  if (!type) return table;

  const headerRow = (table.headerRow = headerIndex + firstRow);
  const resolved = table.columns.map((name) => (name === '' ? undefined : resolveColumn(type, name)));
  // A header naming no field is no header: the caller says so once, rather than once a column.
  if (resolved.every((target) => !target || target.kind === 'unknown')) return table;
  // A header cell merged over several columns names the first alone: the others are not read, nor their cells told one by one.
  const merged = options.merged?.(headerRow) ?? [];
  const underMerge = (column: number): boolean => merged.some(({ first, last }) => column + 1 > first && column + 1 <= last);
  /** The column each name was first seen in, counted from 1. */
  const seen = new Map<string, number>();
  /** The columns not read that are told once, at their heading (`sheet.column-not-read`), with its row. */
  const notRead = new Map<number, number>();
  for (const [index, name] of table.columns.entries()) {
    const target = resolved[index];
    if (!target || underMerge(index)) {
      // A column of a heading of no field over an empty cell of the row of field paths (`Коментар`, notes of one's own).
      if (!target && !underMerge(index) && columnSeen(index, options).heading !== undefined) notRead.set(index, headerRow - 1);
      table.targets.push(undefined);
      continue;
    }
    if (target.kind === 'unknown') {
      // A merged cell of no field is told by the merge alone (sheet.merged-header).
      if (merged.some(({ first }) => first === index + 1)) {
        table.targets.push(undefined);
        continue;
      }
      // A column named by its heading rather than its field path (`Примітки` for `notes`) is told its field path first.
      const headed = options.headingReader?.().headingColumn(type, name);
      const suggestions = [...new Set([...(headed === undefined ? [] : [headed]), ...suggestionsInList(name, knownColumns(type))])].slice(0, 3);
      const params = { zodCode: 'unrecognized_keys', keys: [name], suggestions };
      // A column like none of PHX's and no field path (`Коментар`) is one of the user's own: told as not read, not as a field misspelt.
      if (suggestions.length === 0 && !name.includes('.')) notRead.set(index, headerRow);
      else add({ code: 'schema.unknown-field', path: target.path, params: options.hidden?.(index + 1) ? { ...params, hidden: true } : params }, headerRow, index + 1);
      table.targets.push(undefined);
      continue;
    }
    // A column named twice would overwrite its first: it is not read. One read by its heading gives way to one named by its path.
    const byHeading = options.byHeading?.includes(index);
    const first = seen.get(name) ?? (byHeading ? table.columns.findIndex((other, at) => other === name && !options.byHeading!.includes(at)) + 1 || undefined : undefined);
    if (first !== undefined) {
      const params = { column: name, first, ...(options.sheet === undefined ? {} : { firstLetter: columnLetters(first) }), ...columnSeen(index, options) };
      add({ code: 'sheet.repeated-column', path: target.path, params }, headerRow, index + 1);
      table.targets.push(undefined);
      continue;
    }
    if (byHeading) add({ code: 'sheet.column-path-missing', path: target.path, params: { column: name, row: headerRow, ...columnSeen(index, options) } }, headerRow, index + 1);
    seen.set(name, index + 1);
    table.recognisedColumns++;
    table.targets.push(target);
  }
  // Headings past the last cell of the row of field paths, a column of one's own added at its end.
  for (let index = table.columns.length; index < (options.headings?.length ?? 0); index++) if (columnSeen(index, options).heading !== undefined) notRead.set(index, headerRow - 1);
  const targets = table.targets;
  const missing: string[] = [];
  for (const path of requiredColumns(type)) {
    const present = targets.some((target) => target && startsWith(target.path, path));
    if (present) continue;
    // A header with a merged cell names the columns it lacks in the merge's issue: the merged columns may be meant for them.
    if (merged.length > 0) missing.push(path.join('.'));
    else {
      const column = path.join('.');
      const params = { zodCode: 'invalid_type', expected: expectedOf(resolveColumn(type, column)), received: 'undefined', field: fieldOf(path)?.field ?? String(path[path.length - 1]), column };
      add({ code: 'schema.required', path, params }, headerRow, table.columns.length + 1);
    }
  }
  merged.forEach(({ row, column, first, last, value }, at) => {
    const params = {
      cell: `${columnLetters(column)}${row}`, value: shortened(isEmpty(value) ? '' : textOfCell(value).trim()), first: columnLetters(first), last: columnLetters(last), missing: at === 0 ? missing : [],
    };
    add({ code: 'sheet.merged-header', path: [], params }, row, column);
  });

  const dataRows: number[] = [];
  for (let index = headerIndex + 1; index < rows.length; index++) if (!isBlankRow(rows[index]!)) dataRows.push(index);
  const notesAt = table.columns.indexOf('notes');
  const notes = resolveColumn(type, 'notes').kind === 'unknown' ? {} : { notes: { column: 'notes', ...(notesAt < 0 ? {} : columnSeen(notesAt, options)) } };
  for (const [column, row] of notRead) {
    // A column under a heading of its own is told where a cell of it holds something; one named in the header, always.
    if (row < headerRow && dataRows.every((index) => isEmpty(rows[index]![column]))) continue;
    const params = { column: table.columns[column] ?? '', ...columnSeen(column, options), ...notes, ...(options.hidden?.(column + 1) ? { hidden: true as const } : {}) };
    add({ code: 'sheet.column-not-read', path: [], params }, row, column + 1);
  }
  // An Excel error is no value of its column: it is reported at its cell below, and tells nothing of how the column is written.
  const cellsOf = (column: number): SheetCell[] => dataRows.map((index) => {
    const cell = rows[index]![column];
    return excelErrorOf(cell) === undefined ? cell : undefined;
  });
  const dateColumns = targets.flatMap((target, column) => (target?.kind === 'date' || target?.kind === 'date-time' ? [cellsOf(column)] : []));
  const settings = {
    delimiter: options.delimiter, decimalComma: options.decimalComma, dateOrder: options.dateOrder, excelLocale: options.excelLocale,
    sheetDateOrder: sheetDateOrder(dateColumns), date1904: options.date1904,
  };
  const percent = percentCells(type, table.columns, dataRows.map((index) => rows[index]!));
  const columns = targets.map((target, column) => {
    if (!target || (target.kind !== 'number' && target.kind !== 'boolean' && target.kind !== 'date' && target.kind !== 'date-time')) return undefined;
    const name = table.columns[column]!;
    const utc = target.kind === 'date-time' && utcDateTimeColumn(type, name);
    const reading = readColumn(target.kind, cellsOf(column), utc ? { ...settings, utc } : settings, (at) => percent.allowed(name, at));
    const seen = columnSeen(column, options);
    if (reading.ambiguousDate !== undefined) add({ code: 'sheet.date-order-unknown', path: target.path, params: { column: name, ...seen, example: reading.ambiguousDate } }, headerRow, column + 1);
    if (reading.normalised > 0) {
      add({ code: 'sheet.normalised', path: target.path, params: { column: name, ...seen, cells: reading.normalised, forms: [...reading.forms] } }, headerRow, column + 1);
    }
    // Told once for the column, at its first cell whose point was taken for a thousands separator on a guess.
    const guessed = reading.guessedThousands;
    if (guessed) {
      const params = { column: name, ...seen, cells: guessed.cells, text: shortened(guessed.text), value: guessed.value };
      add({ code: 'sheet.ambiguous-thousands', path: target.path, params }, dataRows[guessed.index]! + firstRow, column + 1);
    }
    if (reading.typed) {
      const typed: (string | undefined)[] = [];
      reading.typed.forEach((text, at) => (typed[dataRows[at]! + firstRow] = text));
      (table.typed ??= new Map()).set(column, typed);
    }
    return reading.values;
  });

  dataRows.forEach((index, at) => {
    const row = rows[index]!;
    const record: Record<string, unknown> = {};
    const made = new Set<object>([record]);
    row.forEach((cell, column) => {
      if (isEmpty(cell)) return;
      const target = targets[column];
      if (underMerge(column)) return;
      // Beyond the last heading or under a blank one (Excel pads a header with empty cells as far as any row goes).
      if (notRead.has(column)) return;
      if (column >= targets.length || table.columns[column] === '') {
        const params = { column: column + 1, value: shortened(textOfCell(cell)) };
        add({ code: 'sheet.cell-beyond-header', path: [], params: options.sheet === undefined ? params : { ...params, letter: columnLetters(column + 1) } }, index + firstRow, column + 1);
        return;
      }
      if (!target || target.kind === 'unknown') return;
      const error = excelErrorOf(cell);
      if (error !== undefined) {
        // Reported here, in any column; kept as its text, so that the record stays invalid (and says no more of it).
        add({ code: 'sheet.error-cell', path: target.path, params: { value: shortened(error) } }, index + firstRow, column + 1);
        setAt(record, target.path, error, made);
        return;
      }
      // A number Excel took for a date (`7.5` typed where dates are written day.month) is a day at midnight, from day
      // 10000 (below it, a year alone typed in a date cell) to 2099 (a large number in a date format, 100000, is
      // 14.10.2173): told as such, kept as the date's text.
      if (target.kind === 'number' && cell instanceof Date && cell.getTime() % 86_400_000 === 0 && !isSmallExcelDate(cell, options.date1904) && cell.getUTCFullYear() < 2100) {
        const date = cell.toISOString().slice(0, 10);
        add({ code: 'sheet.date-for-number', path: target.path, params: { date } }, index + firstRow, column + 1);
        setAt(record, target.path, date, made);
        return;
      }
      // Such a date as the text Excel showed, which a CSV file keeps (`07.тра`, a day and a month): told as such, kept as it is.
      const date = target.kind === 'number' && typeof cell === 'string' ? excelShortDate(cell) : undefined;
      if (date) {
        const text = (cell as string).trim();
        add({ code: 'sheet.date-for-number', path: target.path, params: { date, text: shortened(text) } }, index + firstRow, column + 1);
        setAt(record, target.path, text, made);
        return;
      }
      const misplaced = target.kind === 'number' ? percent.misplaced(table.columns[column]!, at, cell) : undefined;
      if (misplaced) {
        // Kept as the text it shows, so that the record stays invalid (and says no more of it): the unit or the value is wrong.
        const params = { value: cell instanceof PercentCell ? cell.shown : shortened(String(cell).trim()), unit: misplaced.unit === null ? null : shortened(misplaced.unit) };
        add({ code: 'sheet.percent-unit-mismatch', path: target.path, params }, index + firstRow, column + 1);
      }
      const text = typeof cell === 'string' ? cell.trim() : undefined;
      if (target.kind === 'empty-array') setAt(record, target.path, text === '[]' ? [] : cell, made);
      else if (target.kind === 'empty-object') setAt(record, target.path, text === '{}' ? {} : cell, made);
      else if (target.kind === 'string' || target.kind === 'json') setAt(record, target.path, textCellValue(cell, target.kind, options.sheet !== undefined), made);
      else setAt(record, target.path, columns[column]![at], made);
    });
    table.records.push(compact(record, made) as Record<string, unknown>);
    table.rows.push(index + firstRow);
  });
  return table;
}

/** Places an issue's path in a table: its own column, else the first column under it, else its nearest parent's. */
export function columnLocator(targets: readonly (ColumnTarget | undefined)[]): (path: readonly (string | number)[]) => number {
  const paths = targets.map((target) => target?.path);
  return (path) => {
    let under = -1;
    for (let i = 0; i < paths.length; i++) {
      const target = paths[i];
      if (!target) continue;
      if (target.length === path.length && startsWith(target, path)) return i + 1;
      if (under < 0 && startsWith(target, path)) under = i;
    }
    if (under >= 0) return under + 1;
    for (let length = path.length - 1; length > 0; length--) {
      const prefix = path.slice(0, length);
      const at = paths.findIndex((target) => target !== undefined && startsWith(target, prefix));
      if (at >= 0) return at + 1;
    }
    return 1;
  };
}

/**
 * The params of a problem of a table's row, at its `column` (counted from 1), with the columns its message names as
 * the sheet shows them ({@link SheetNames}): a cell left empty, a cell of a type the column does not read, a small
 * count to suppress, a suppressed figure still given, a value missing. The params as they are for any other problem. `merged`: the cells merged over
 * the cell from a row above (`B3:B5`), which leave it empty.
 */
export function sheetParams(
  code: Problem['code'],
  given: Problem['params'],
  table: Pick<Table, 'type' | 'columns' | 'headings' | 'targets' | 'typed'>,
  column: number,
  merged?: string,
  row?: number,
): Problem['params'] {
  const params = row === undefined ? given : withTyped(code, given, table, column, row);
  const seen = (at: number): string => columnSeen(at, table).heading ?? table.columns[at]!;
  const named = (name: string): string => (table.columns.includes(name) ? seen(table.columns.indexOf(name)) : name);
  const p = params as ZodIssueParams & { column?: string };
  // The flag and the value of an observation, which a small count is suppressed with.
  const flag = table.type === 'observation' ? { suppressed: named('suppressed'), value: named('value') } : undefined;
  if (code === 'schema.required') return p.column === undefined ? { ...p, sheet: { column: seen(column - 1), ...(merged === undefined ? {} : { merged }) } } : params;
  // A cell of the wrong type is named by its column too: what a sheet holds is typed in a cell, never quoted.
  if (code === 'privacy.small-cell' || code === 'privacy.suppressed-value-present' || code === 'observation.value-missing' || code === 'schema.invalid-type') {
    return { ...p, sheet: { column: seen(column - 1), ...flag } };
  }
  return params;
}

/**
 * The params of a problem of a table's row with the dates it quotes as typed in their cells, where read from a local
 * form (`31.02.2019` for `2019-02-31`, `01.01.2024` for `2024-01-01`): `typed` beside the value of a cell
 * (`schema.invalid-format`), or beside the dates of a period (`period.start-after-end`, `period.in-future`), which keep
 * the ISO dates checked.
 */
function withTyped(code: Problem['code'], params: Problem['params'], table: Pick<Table, 'targets' | 'typed'>, column: number, row: number): Problem['params'] {
  const typedIn = (index: number): string | undefined => table.typed?.get(index)?.[row];
  const p = params as Record<string, unknown>;
  if (!table.typed) return params;
  if (code.startsWith('schema.')) {
    const text = typedIn(column - 1);
    return typeof p.value === 'string' && text !== undefined && text !== p.value ? ({ ...p, typed: text } as Problem['params']) : params;
  }
  const typed: Record<string, string> = {};
  for (const key of code === 'period.start-after-end' ? ['start', 'end'] : code === 'period.in-future' ? ['end'] : []) {
    const text = typedIn(table.targets.findIndex((target) => target?.path.join('.') === `period.${key}`));
    if (text !== undefined && text !== p[key]) typed[key] = text;
  }
  return Object.keys(typed).length > 0 ? ({ ...p, typed } as Problem['params']) : params;
}

/** The path of a column's name: `countries.0` is `['countries', 0]`. */
function pathOfColumn(column: string): (string | number)[] {
  return column.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** A path within a record: the path of a table's issue without its record's place in the package, which a workbook's reader gives it. */
function inRecord(path: readonly (string | number)[]): (string | number)[] {
  return recordTypeOfCollection(path[0]) !== undefined && typeof path[1] === 'number' ? path.slice(2) : [...path];
}

/** The codes of the issues of a sheet about the value of one cell of a row of records, which is read and checked all the same. */
const cellValueCodes: ReadonlySet<ValidationIssue['code']> = new Set(['sheet.error-cell', 'sheet.date-for-number', 'sheet.percent-unit-mismatch', 'sheet.formula-without-result']);

/**
 * True for an issue about the value of one cell of a row of records (an Excel error, a date in a number column, a
 * percent in a row of another unit, a formula without its result), which leaves the sheet readable: its record is
 * checked with the cell left out, and its other issues are told beside it.
 */
export function isCellValueIssue(issue: Pick<ValidationIssue, 'code' | 'location'>): boolean {
  return cellValueCodes.has(issue.code) && issue.location !== undefined && 'row' in issue.location;
}

/**
 * Which problems of a table's records the reading of the table has reported already: once for the whole column at
 * the header, a missing column (`schema.required` under it) and dates of unknown order (`schema.invalid-format`);
 * and at its cell, a value left out because its formula has no result (`schema.required` of the record on `row`),
 * and an Excel error, a date in a number column or a percent in a row of another unit, whatever the record's checks
 * say of its text there.
 */
export function headerSettled(issues: readonly ValidationIssue[]): (problem: Pick<Problem, 'code' | 'path'>, row?: number) => boolean {
  const atHeader = (code: ValidationIssue['code']): (string | number)[][] => issues.filter((issue) => issue.code === code).map((issue) => issue.path);
  // The required columns a header with a merged cell lacks are named by the merge's issue.
  const missing = [...atHeader('schema.required'), ...issues.flatMap((issue) => (issue.code === 'sheet.merged-header' ? issue.params.missing.map(pathOfColumn) : []))];
  const undated = atHeader('sheet.date-order-unknown');
  // The cell-value issues: a formula without its result settles its cell's `schema.required`, any other all of its cell's problems.
  const cells = issues.filter(isCellValueIssue).map(({ code, path, location }) => ({ code, whole: path.length === 0, path: inRecord(path), row: (location as CellLocation).row }));
  const uncalculated = cells.filter((cell) => cell.code === 'sheet.formula-without-result' && !cell.whole);
  const errors = cells.filter((cell) => cell.code !== 'sheet.formula-without-result');
  return ({ code, path }, row) =>
    errors.some((cell) => cell.row === row && startsWith(path, cell.path)) ||
    // A missing column's field, and the group it is in (`scope` of a row without `scope.country`), are said at the header.
    (code === 'schema.required' && missing.some((prefix) => startsWith(path, prefix) || startsWith(prefix, path))) ||
    (code === 'schema.required' && uncalculated.some((cell) => cell.row === row && startsWith(path, cell.path))) ||
    (code === 'schema.invalid-format' && undated.some((prefix) => startsWith(path, prefix)));
}
