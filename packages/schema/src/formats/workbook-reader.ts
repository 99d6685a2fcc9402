/**
 * Reading Excel workbooks (.xlsx) with exceljs, and validating the package they hold with the validator given:
 * `validate()` with every part imported, or `validateAsync()`, which loads zod and the messages of a language
 * only when they are needed, so that checking a workbook with nothing to say loads exceljs and this alone. Apart
 * from the writer (./workbook.ts), whose drop-down lists bring the catalogue's names and every codelist's labels.
 * exceljs is loaded with the first workbook read or written, so that it never weighs on those who only read JSON or
 * CSV (nor on the page's first download).
 */
import type * as ExcelJS from 'exceljs';
import type { Locale } from '../locales/index.js';
import type { PhxLocale } from '../locales/types.js';
import { recordStores, recordTypeNames, recordTypeOfCollection, type RecordType } from '../model/record-kinds.js';
import type { DataPackage } from '../model/package.js';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../file/encoding.js';
import { toPointer, type Problem, type ReadSummary, type Severity, type ValidationIssue, type ValidationResult } from '../validate/issue.js';
import type { IssueParams, TableRow } from '../validate/params.js';
import { loadedLocales, withPartsLoaded, writeMessages } from '../validate/on-demand.js';
import { IssueCollector, noRecords, type ValidateOptions } from '../validate/validate.js';
import { ErrorCell, PercentCell, type SheetCell } from './cells.js';
import type { TableType } from './csv-shape.js';
import { shortened } from '../validate/echo.js';
import { headingReaderOnDemand } from './heading-reader.js';
import { columnLetters } from './cell-names.js';
import { cellLocation, columnLocator, columnSeen, findHeader, headerSettled, isBlankRow, isCellValueIssue, readTable, sheetParams, type MergedCell, type Table, type TableOptions } from './table.js';
import type { ZeroSizes } from './workbook-xml.js';
import type { ReadXlsxOptions, ValidateXlsxOptions, WorkbookRead } from './xlsx.js';
import { readWithinMemory } from './weighed-reads.js';
import { expansionOf, type Expansion } from './zip.js';

let excel: Promise<typeof ExcelJS> | undefined;
/** exceljs, loaded once, on first use: its CommonJS and browser builds export the library as their default. */
export function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((module) => ((module as { default?: typeof ExcelJS }).default ?? module) as typeof ExcelJS);
  return excel;
}

/** The sheet of the package header. */
export const PACKAGE_SHEET = 'Package';
/** The sheet of the drop-down lists. */
export const CODELISTS_SHEET = 'Codelists';

/** The record type a sheet's name says: its collection (as in a .phx.json file), or the Package sheet. */
function typeOfSheet(name: string): TableType | undefined {
  if (name.trim().toLowerCase() === PACKAGE_SHEET.toLowerCase()) return 'package';
  return recordTypeOfCollection(name.trim());
}

/**
 * True when a number format shows a number as a percent, times 100: a `%` in the section of the format the number
 * is shown by (positive; negative; zero), outside quoted text, `\` escapes, `_` spaces, `*` fills and `[…]`.
 */
function isPercentFormat(format: string | undefined, value: number): boolean {
  if (!format?.includes('%')) return false;
  const sections = format.replace(/"[^"]*"?|\\.|[_*].|\[[^\]]*\]?/g, '').split(';');
  const section = (value < 0 ? sections[1] : value === 0 ? sections[2] : undefined) ?? sections[0]!;
  return section.includes('%');
}

/**
 * Significant digits Excel shows and calculates a number to: the file may keep a double of 17 (a formula's
 * `=0.1*3*10` is kept as 3.0000000000000004), which Excel shows as 3.
 */
const EXCEL_DIGITS = 15;

/**
 * The memory a workbook takes while it is read and checked: for each cell, exceljs's model of it and the reader's row,
 * table and record; for each byte of its unpacked XML, its texts as exceljs keeps them and as the records take them.
 * Measured with `phx validate`, the heap limit set in steps: 100 000 observations (1 753 172 cells, 66.7 MB unpacked)
 * end out of memory with a heap of 855 MiB and pass with 880; 20 000 with notes of 2 000 Ukrainian letters (351 985
 * cells, 91.4 MB) end with 250 MiB and pass with 270. These figures put both past what they take, so that a workbook
 * at the edge is refused rather than left to end the program.
 */
const BYTES_PER_CELL = 480;
const BYTES_PER_UNPACKED_BYTE = 2;

/**
 * A value of exceljs as a sheet cell: a number as Excel shows it at full precision ({@link EXCEL_DIGITS}), rich text
 * and links by their text, errors as {@link ErrorCell} (`#N/A`), a number formatted as a percent (`numFmt`) as the
 * percent Excel shows (7.5 for 0.075, see {@link PercentCell}).
 */
function sheetCell(value: ExcelJS.CellValue, numFmt?: string): SheetCell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') {
    const shown = Number(value.toPrecision(EXCEL_DIGITS));
    return isPercentFormat(numFmt, shown) ? new PercentCell(shown, numFmt!) : shown;
  }
  // A date cell of no date (a number beyond any date, NaN) is read by exceljs as an invalid Date: its text says so.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return typeof value.text === 'string' ? value.text : sheetCell(value.text as ExcelJS.CellValue);
  if ('error' in value) return new ErrorCell(String(value.error));
  return undefined;
}

/** A cell of a sheet that holds a formula and not its result: a program wrote it and no spreadsheet has calculated it. */
interface UncalculatedCell {
  row: number;
  column: number;
  formula: string;
}

/**
 * The cells of a sheet, row by row, and those that hold a formula without its result. A formula is read as its
 * result, which the file keeps beside it (`cell.result`: exceljs's `cell.value` drops a result of 0, `false` or
 * ''). A merged cell's value is its first cell's alone, as the file keeps it: exceljs hands it to every cell of the
 * merge, where it would be read again (a `period.start` merged over `period.end` would give the period an end). A
 * merge in the header row is told by the table (`sheet.merged-header`, see {@link mergedIn}); `merged` names the merge
 * a cell past a merge's first is under (see {@link mergedOver}).
 */
function rowsOf(sheet: ExcelJS.Worksheet): { rows: SheetCell[][]; uncalculated: UncalculatedCell[]; merged: (row: number, column: number) => string | undefined } {
  const rows: SheetCell[][] = [];
  const uncalculated: UncalculatedCell[] = [];
  // The cells past the first of a merge, by `row:column`, and the last row and column of each merge, by its first cell:
  // names alone, which keep nothing of the workbook once read.
  const underMerge = new Map<string, string>();
  const ends = new Map<string, [row: number, column: number]>();
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: SheetCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.master !== cell) {
        cells.push(undefined);
        const first = cell.master.address;
        underMerge.set(`${r}:${c}`, first);
        const [lastRow, lastColumn] = ends.get(first) ?? [r, c];
        ends.set(first, [Math.max(lastRow, r), Math.max(lastColumn, c)]);
      }
      else if (cell.formula === undefined) cells.push(sheetCell(cell.value, cell.numFmt));
      else {
        if (cell.result === undefined) uncalculated.push({ row: r, column: c, formula: cell.formula });
        cells.push(sheetCell(cell.result as ExcelJS.CellValue, cell.numFmt));
      }
    }
    while (cells.length > 0 && cells[cells.length - 1] === undefined) cells.pop();
    rows.push(cells);
  }
  const merged = (row: number, column: number): string | undefined => {
    const first = underMerge.get(`${row}:${column}`);
    const end = first === undefined ? undefined : ends.get(first);
    return end && `${first}:${columnLetters(end[1])}${end[0]}`;
  };
  return { rows, uncalculated, merged };
}

/**
 * The cells of a row of a sheet merged over more than one of its columns (`period.start` over C1:D1), with the value
 * their merge keeps; none on a sheet of no merge.
 */
function mergedIn(sheet: ExcelJS.Worksheet, rows: readonly (readonly SheetCell[])[], row: number): MergedCell[] {
  const merged: MergedCell[] = [];
  if (!sheet.hasMerges) return merged;
  const cells = sheet.getRow(row);
  for (let c = 1; c <= sheet.columnCount; c++) {
    const cell = cells.getCell(c);
    if (!cell.isMerged) continue;
    const { row: masterRow, col: masterColumn } = cell.master.fullAddress;
    const last = merged[merged.length - 1];
    if (last && last.row === masterRow && last.column === masterColumn) last.last = c;
    else merged.push({ row: masterRow, column: masterColumn, first: c, last: c, value: rows[masterRow - 1]?.[masterColumn - 1] });
  }
  return merged.filter(({ first, last }) => last > first);
}

/**
 * Gives the issues the reading of a table of records found on its rows — an Excel error, a date in a number column,
 * a percent in a row of another unit, a formula without its result, a cell under no heading — the path of their
 * record in the package (`/observations/4/value` rather than `/value`), as the issues of the record's validation
 * have: `first` is the index in the package of the table's first record. Issues given such a path already (`placed`)
 * are moved to the record's index in another package, one the table's records join after others. A table of the
 * package header, whose fields are the package's own, is left as it is.
 */
export function inPackage(table: Pick<Table, 'type' | 'rows' | 'issues'>, first: number, placed = false): void {
  if (table.type === undefined || table.type === 'package') return;
  const collection = recordStores[table.type].collection;
  const records = new Map(table.rows.map((row, index) => [row, index]));
  for (const issue of table.issues) {
    // The issues of a cell, not of the sheet as a whole (`sheet.hidden-read`, placed at its first hidden row).
    const ofCell = isCellValueIssue(issue) || issue.code === 'sheet.cell-beyond-header';
    const index = ofCell && issue.location && 'row' in issue.location ? records.get(issue.location.row) : undefined;
    if (index === undefined) continue;
    issue.path = [collection, first + index, ...(placed ? issue.path.slice(2) : issue.path)];
    issue.pointer = toPointer(issue.path);
  }
}

/** What finds the merges over the cells of each sheet's table: see {@link mergedOver}. */
const mergesOf = /* @__PURE__ */ new WeakMap<Table, (row: number, column: number) => string | undefined>();

/**
 * The cells merged over the cell at a row and column (from 1) of a table of a sheet, as Excel names them (`B3:B5`),
 * when the cell is not the merge's first: it is empty, as the merge keeps its value in its first cell alone (a
 * facility's name merged over the rows of its observations). Undefined for any other cell, and for a table of no workbook.
 */
export function mergedOver(table: Table, row: number, column: number): string | undefined {
  return mergesOf.get(table)?.(row, column);
}

/**
 * A cell of ISO date type as a sheet cell (see `isoDateCells`): a date at midnight as its ISO date, as a date column
 * reads it and a text column keeps it; a date and time as a date, as exceljs gives a date cell; anything else as
 * its text, to be reported where it is no value of its column.
 */
function isoDateCell(text: string): SheetCell {
  const date = /^(\d{4}-\d{2}-\d{2})(?:T00:00(?::00(?:\.0+)?)?)?Z?$/.exec(text);
  if (date) return date[1];
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  const moment = time ? new Date(time[1] ? text : `${text}Z`) : undefined;
  return moment && !Number.isNaN(moment.getTime()) ? moment : text;
}

/** The row and column, from 1, of a cell's A1 name. */
function cellOf(name: string): { row: number; column: number } | undefined {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(name);
  if (!match) return undefined;
  const column = [...match[1]!].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

/** The most ranges of hidden rows, and hidden columns, that `sheet.hidden-read` names: it counts the others. */
const HIDDEN_LISTED = 10;

/**
 * The rows and columns of a sheet hidden in Excel (by hand, by a filter, in a collapsed group, of no size) whose cells a table
 * read all the same: the rows of its records, in ranges as Excel numbers them, and the columns read that hold a
 * value on one of them, by letter and heading; the first few of each, the others counted. With the cell the issue is
 * placed at: the first hidden row's first, else the first hidden column's heading. Undefined when none is hidden.
 */
function hiddenRead(
  sheet: ExcelJS.Worksheet,
  hidden: Hidden,
  table: Table,
  rows: readonly (readonly SheetCell[])[],
  settings: Pick<TableOptions, 'headings' | 'sheet'>,
): { params: IssueParams['sheet.hidden-read']; at: [row: number, column: number] } | undefined {
  const ranges: { first: number; last: number }[] = [];
  for (const row of table.rows) {
    if (!hidden.row(row)) continue;
    const last = ranges[ranges.length - 1];
    if (last?.last === row - 1) last.last = row;
    else ranges.push({ first: row, last: row });
  }
  const filled = (column: number): boolean => table.rows.some((row) => {
    const cell = rows[row - 1]?.[column];
    return cell !== undefined && cell !== '';
  });
  const columns = table.targets.flatMap((target, column) => (target && hidden.column(column + 1) && filled(column) ? [column + 1] : []));
  if (ranges.length === 0 && columns.length === 0) return undefined;
  const params = {
    sheet: sheet.name,
    rows: ranges.slice(0, HIDDEN_LISTED),
    moreRows: ranges.slice(HIDDEN_LISTED).reduce((sum, { first, last }) => sum + last - first + 1, 0),
    columns: columns.slice(0, HIDDEN_LISTED).map((column) => ({ column: columnLetters(column), heading: columnSeen(column - 1, settings).heading ?? table.columns[column - 1]! })),
    moreColumns: Math.max(0, columns.length - HIDDEN_LISTED),
  };
  return { params, at: ranges[0] ? [ranges[0].first, 1] : [table.headerRow, columns[0]!] };
}

/** Which rows and columns of a sheet Excel hides, numbered from 1. */
interface Hidden {
  row: (row: number) => boolean;
  column: (column: number) => boolean;
}

/** The rows and columns a sheet hides: marked hidden, or of no height or width (`sizes`, read from its XML). */
function hiddenOf(sheet: ExcelJS.Worksheet, sizes: ZeroSizes | undefined): Hidden {
  return {
    row: (row) => sheet.getRow(row).hidden || sizes?.rows.has(row) === true,
    column: (column) => sheet.getColumn(column).hidden || sizes?.columns.has(column) === true,
  };
}

/** The languages whose messages are at hand: every one, or those loaded so far (then the others load when needed). */
type Messages = Readonly<Partial<Record<Locale, PhxLocale>>>;

/**
 * Reads a workbook into a package; see {@link readXlsx}. The messages of its issues are written in the languages
 * given, the language of `options.locale` loaded first when it is not among them.
 */
export async function readWorkbook(bytes: Uint8Array, options: ReadXlsxOptions, messages: Messages): Promise<WorkbookRead> {
  const problems = (): IssueCollector => new IssueCollector({ locale: options.locale }, messages);
  // The collectors whose issues are kept: the workbook's, and each sheet's taken for a table.
  const kept = [problems()];
  const read = await readSheets(bytes, options, kept, problems);
  for (const collector of kept) await writeMessages(collector, options.locale);
  return read;
}

async function readSheets(bytes: Uint8Array, options: ReadXlsxOptions, kept: IssueCollector[], problems: () => IssueCollector): Promise<WorkbookRead> {
  const collector = kept[0]!;
  const read: WorkbookRead = { pkg: {}, issues: collector.issues, tables: [] };
  // Unpacked whole only when it stays within the limit, measured as a stream first.
  const maxBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const expansion = await expansionOf(bytes, maxBytes);
  if (expansion === 'too-large') collector.add({ code: 'file.too-large', path: [], params: { maxBytes } });
  else if (expansion === 'unreadable') collector.add({ code: 'sheet.unreadable', path: [], params: {} });
  if (typeof expansion === 'string') return read;
  const weight = { format: 'xlsx', cells: expansion.cells, neededBytes: expansion.cells * BYTES_PER_CELL + expansion.bytes * BYTES_PER_UNPACKED_BYTE } as const;
  const refuse = (problem: Problem): WorkbookRead => {
    collector.add(problem);
    return read;
  };
  return readWithinMemory(weight, options.maxReadMemory, () => readWeighed(bytes, expansion, options, kept, problems, read), refuse);
}

/** Reads the sheets of a workbook measured and weighed (`expansion`) into `read`. */
async function readWeighed(bytes: Uint8Array, expansion: Exclude<Expansion, string>, options: ReadXlsxOptions, kept: IssueCollector[], problems: () => IssueCollector, read: WorkbookRead): Promise<WorkbookRead> {
  const collector = kept[0]!;
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    collector.add({ code: 'sheet.unreadable', path: [], params: {} });
    return read;
  }
  const records = new Map<RecordType, Record<string, unknown>[]>();
  /** The sheet the package header was read from. */
  let headerSheet: string | undefined;
  // Looked for only in a workbook with a formula exceljs finds no result of: the sheets' XML is read again for it.
  let emptyTexts: Promise<Map<number, Set<string>>> | undefined;
  let formats: Promise<Map<string, string>> | undefined;
  // Cells of ISO date type, which exceljs reads as a number (2024), read again from the sheets' XML when there are any.
  const isoDates = expansion.isoDates ? await import('./workbook-xml.js').then((xml) => xml.isoDateCells(bytes)) : undefined;
  // Rows and columns of no size, hidden in Excel but not to exceljs, read again from the sheets' XML when there are any.
  const zeroSizes = expansion.zeroSizes ? await import('./workbook-xml.js').then((xml) => xml.zeroSizes(bytes)) : undefined;
  for (const sheet of workbook.worksheets) {
    if (sheet.name === CODELISTS_SHEET) continue;
    const { rows, uncalculated: noResult, merged } = rowsOf(sheet);
    for (const [name, text] of isoDates?.get(sheet.id) ?? []) {
      const at = cellOf(name);
      const cell = at && sheet.getCell(at.row, at.column);
      if (!at || !cell || cell.master !== cell) continue;
      const cells = (rows[at.row - 1] ??= []);
      while (cells.length < at.column - 1) cells.push(undefined);
      cells[at.column - 1] = isoDateCell(text);
    }
    // exceljs reads `0.0\%` (a literal % sign) as `0.0%`: a percent is told again by its format as written.
    const percents = rows.flatMap((cells, r) => cells.flatMap((cell, c) => (cell instanceof PercentCell ? [{ r, c, cell }] : [])));
    if (percents.length > 0) {
      const written = await (formats ??= import('./workbook-xml.js').then((xml) => xml.formatsAsWritten(bytes)));
      for (const { r, c, cell } of percents) {
        const format = written.get(cell.format);
        if (format !== undefined && !isPercentFormat(format, cell.kept)) rows[r]![c] = cell.kept;
      }
    }
    const empty = noResult.length > 0 ? (await (emptyTexts ??= import('./workbook-xml.js').then((xml) => xml.emptyTextFormulas(bytes)))).get(sheet.id) : undefined;
    const uncalculated = noResult.filter(({ row, column }) => !empty?.has(`${columnLetters(column)}${row}`));
    // A blank sheet holds nothing to read or report, whatever its name (a template's sheet left unfilled).
    if (rows.every(isBlankRow)) continue;
    // A hidden sheet is not read, so that nothing the user does not see in Excel leaves in the package unsaid: said.
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') {
      collector.add({ code: 'sheet.hidden-skipped', path: [sheet.name], params: { sheet: sheet.name } });
      continue;
    }
    const named = typeOfSheet(sheet.name);
    const hidden = hiddenOf(sheet, zeroSizes?.get(sheet.id));
    const readSheet = (type: TableType | undefined) => {
      // Headings over field paths, as PHX writes a workbook; field paths in the first row, as in a CSV file, or
      // under a title; or headings alone.
      const { skip, headings, columns, byHeading } = findHeader(rows, type, headingReaderOnDemand);
      const sheetProblems = problems();
      const settings = { ...options, type, sheet: sheet.name, date1904: workbook.properties.date1904, headings, columns, byHeading, headingReader: headingReaderOnDemand, hidden: hidden.column, merged: (row: number) => mergedIn(sheet, rows, row) };
      const table = readTable(rows.slice(skip), settings, skip + 1, sheetProblems);
      const mostNamed = table.recognisedColumns * 2 > table.columns.filter((column) => column !== '').length;
      // A sheet named by no record type is taken for one only when most of its columns name its fields.
      return { sheetProblems, settings, table, mostNamed, told: !!table.type && (!!type || mostNamed) };
    };
    // Read again from the start when the reader of headings (the words of the headings) is loaded midway.
    const readAs = (type: TableType | undefined): Promise<ReturnType<typeof readSheet>> => withPartsLoaded(() => readSheet(type));
    let reading = await readAs(named);
    // A Package sheet renamed (Пакет, Header) is told by its columns too, as a sheet of records is.
    if (!named && !reading.told) {
      const header = await readAs('package');
      if (header.mostNamed) reading = header;
    }
    const { sheetProblems, settings, table } = reading;
    if (!reading.told || !table.type) {
      collector.add({ code: 'sheet.unknown-sheet', path: [sheet.name], params: { sheet: sheet.name } });
      continue;
    }
    // A sheet named after its records whose header names none of their fields: its rows would be lost without a word.
    if (table.type !== 'package' && table.recognisedColumns === 0) {
      const issue = collector.add({ code: 'csv.no-header', path: [sheet.name], params: { type: table.type } });
      if (issue) issue.location = cellLocation(table.headerRow || 1, 1, sheet.name);
      continue;
    }
    for (const { row, column, formula } of uncalculated) {
      const path = row > table.headerRow ? (table.targets[column - 1]?.path ?? []) : [];
      const issue = sheetProblems.add({ code: 'sheet.formula-without-result', path, params: { formula: shortened(`=${formula}`) } });
      if (issue) issue.location = cellLocation(row, column, sheet.name);
    }
    // What Excel hides of the table is read all the same, as Excel's "Save as" CSV writes it: said once a sheet.
    const hiddenCells = hiddenRead(sheet, hidden, table, rows, settings);
    if (hiddenCells) {
      const issue = sheetProblems.add({ code: 'sheet.hidden-read', path: [sheet.name], params: hiddenCells.params });
      if (issue) issue.location = cellLocation(...hiddenCells.at, sheet.name);
    }
    // The issues of a cell of a record carry its path in the package, as those of the record's validation do.
    if (table.type !== 'package') inPackage(table, records.get(table.type)?.length ?? 0);
    mergesOf.set(table, merged);
    read.tables.push({ sheet: sheet.name, table });
    kept.push(sheetProblems);
    if (table.type === 'package') {
      // A package has one header: the first row of values of the first sheet of it. Any other row would be lost.
      const secondHeader = (row: number): void => {
        const issue = sheetProblems.add({ code: 'sheet.second-header', path: [], params: { sheet: headerSheet! } });
        if (issue) issue.location = cellLocation(row, 1, sheet.name);
      };
      if (headerSheet === undefined && table.records.length > 0) {
        read.pkg = { ...table.records[0] };
        headerSheet = sheet.name;
        for (const row of table.rows.slice(1)) secondHeader(row);
      } else for (const row of table.rows) secondHeader(row);
    }
    table.issues.forEach((issue) => collector.keep(issue));
    if (table.type !== 'package') {
      const list = records.get(table.type) ?? [];
      records.set(table.type, [...list, ...table.records]);
    }
  }
  // A workbook saved before anything was typed in it holds no sheet to read, nor any to report; one of hidden sheets
  // alone, none to read either.
  if (read.tables.length === 0 && collector.issues.every((issue) => issue.code === 'sheet.hidden-skipped')) collector.add({ code: 'file.empty', path: [], params: { blank: false } });
  for (const type of recordTypeNames) {
    const list = records.get(type);
    if (list) read.pkg[recordStores[type].collection] = list;
  }
  return read;
}

/**
 * Reads a workbook as {@link readXlsx} does, with the same result, loading the messages of the language asked for
 * only when there is an issue to write: the page reads a workbook's sheets with it to show a row of one. Never
 * throws on bad data.
 *
 * @example
 * ```ts
 * import { readXlsxAsync } from '@phx/schema';
 * const { tables } = await readXlsxAsync(new Uint8Array(await file.arrayBuffer()));
 * const sheet = tables.find((table) => table.sheet === 'observations')?.table;
 * sheet?.records[sheet.rows.indexOf(5)]; // the record of row 5
 * ```
 */
export function readXlsxAsync(bytes: Uint8Array, options: ReadXlsxOptions = {}): Promise<WorkbookRead> {
  return readWorkbook(bytes, options, loadedLocales);
}

/** What validates the package a workbook holds: `validate()`, or `validateAsync()`, which loads its parts when needed. */
export type PackageValidator = (input: unknown, options: ValidateOptions) => ValidationResult<Partial<DataPackage>> | Promise<ValidationResult<Partial<DataPackage>>>;

/** A workbook read, its issues counted and its records summed by type: where reading and validating it start. */
async function readAndCount(
  bytes: Uint8Array,
  options: ValidateXlsxOptions,
  messages: Messages,
): Promise<{ read: WorkbookRead; collector: IssueCollector; summary: ReadSummary }> {
  const read = await readWorkbook(bytes, options, messages);
  // Every issue of the reading is made by now, its message written: this collector only counts and keeps them.
  const collector = new IssueCollector(options, messages);
  read.issues.forEach((issue) => collector.keep(issue));
  const summary: ReadSummary = { records: noRecords(), complete: true };
  for (const { table } of read.tables) if (table.type !== undefined && table.type !== 'package') summary.records[table.type] += table.records.length;
  return { read, collector, summary };
}

/** The package of a workbook, unchecked, with the problems of its sheets and notes of what was read from local forms. */
export async function workbookRecords(bytes: Uint8Array, options: ValidateXlsxOptions, messages: Messages): Promise<ValidationResult<Partial<DataPackage>>> {
  const { read, collector, summary } = await readAndCount(bytes, options, messages);
  return collector.result(summary, read.pkg as Partial<DataPackage>);
}

/**
 * Reads a workbook and validates the package it holds with `validatePackage`, its issues placed at their sheet,
 * row and column; see {@link validateXlsx}.
 */
export async function validateWorkbook(
  bytes: Uint8Array,
  options: ValidateXlsxOptions,
  validatePackage: PackageValidator,
  messages: Messages,
): Promise<ValidationResult<Partial<DataPackage>>> {
  const { read, collector, summary } = await readAndCount(bytes, options, messages);
  if (read.tables.length === 0 || read.issues.some((issue) => issue.code === 'sheet.unreadable')) return collector.result(summary);
  const { place, rowOf, named } = placer(read.tables);
  const checked = await validatePackage(read.pkg, options);
  for (const issue of checked.issues) {
    const where = place(issue);
    if (where === null) continue;
    // The first of two duplicates by its sheet and row rather than its pointer in the package, and the columns a
    // message names as the sheet shows them, their message written again.
    const first = 'first' in issue.params && typeof issue.params.first === 'string' ? rowOf(issue.params.first) : undefined;
    const params = named(issue);
    const placed = first || params !== issue.params ? collector.make({ code: issue.code, path: issue.path, params: first ? { ...params, first } : params } as Problem) : { ...issue };
    if (where) placed.location = where;
    collector.keep(placed);
  }
  // What the validation found past `maxIssues` is counted too; where it stopped, the counts cover what it read.
  const listed = (severity: Severity): number => checked.issues.filter((issue) => issue.severity === severity).length;
  collector.errors += checked.errors - listed('error');
  collector.warnings += checked.warnings - listed('warning');
  if (!checked.read.complete) Object.assign(summary, { records: checked.read.records, complete: false });
  await writeMessages(collector, options.locale);
  return collector.result(summary, read.pkg as Partial<DataPackage>);
}

/**
 * Where an issue of the package lies in the workbook: its sheet, row and column. Null for an issue
 * the sheet has already reported once at its header (a missing column, dates of unknown order).
 * And the sheet and row of a record given by its pointer in the package.
 */
function placer(tables: readonly { sheet: string; table: Table }[]): {
  place: (issue: ValidationIssue) => ValidationIssue['location'] | null;
  rowOf: (pointer: string) => TableRow | undefined;
  named: (issue: ValidationIssue) => ValidationIssue['params'];
} {
  const byType = new Map<TableType, { sheet: string; table: Table; locate: (path: readonly (string | number)[]) => number; settled: ReturnType<typeof headerSettled>; offset: number }[]>();
  for (const { sheet, table } of tables) {
    const list = byType.get(table.type!) ?? [];
    const offset = list.reduce((sum, entry) => sum + entry.table.records.length, 0);
    list.push({ sheet, table, locate: columnLocator(table.targets), settled: headerSettled(table.issues), offset });
    byType.set(table.type!, list);
  }
  const entryOf = (type: RecordType, index: number) => byType.get(type)?.find(({ table, offset }) => index >= offset && index < offset + table.records.length);
  const place = (issue: ValidationIssue): ValidationIssue['location'] | null => {
    const [collection, index] = issue.path;
    const type = recordTypeOfCollection(collection);
    if (type && typeof index === 'number') {
      const entry = entryOf(type, index);
      if (!entry) return undefined;
      const path = issue.path.slice(2);
      const row = entry.table.rows[index - entry.offset]!;
      if (entry.settled({ code: issue.code, path }, row)) return null;
      return cellLocation(row, entry.locate(path), entry.sheet);
    }
    // The header is the first row of values of a Package sheet (see readSheets).
    const header = byType.get('package')?.find((entry) => entry.table.records.length > 0);
    if (!header || type) return undefined;
    const row = header.table.rows[0]!;
    if (header.settled(issue, row)) return null;
    return cellLocation(row, header.locate(issue.path), header.sheet);
  };
  const rowOf = (pointer: string): TableRow | undefined => {
    const [, collection, at] = pointer.split('/');
    const type = recordTypeOfCollection(collection);
    const index = Number(at);
    const entry = type && entryOf(type, index);
    return entry ? { sheet: entry.sheet, row: entry.table.rows[index - entry.offset]! } : undefined;
  };
  // The columns a message names, as the sheet of its record (or of the header) shows them.
  const named = (issue: ValidationIssue): ValidationIssue['params'] => {
    const [collection, index] = issue.path;
    const type = recordTypeOfCollection(collection);
    const entry = type ? (typeof index === 'number' ? entryOf(type, index) : undefined) : byType.get('package')?.find(({ table }) => table.records.length > 0);
    if (!entry) return issue.params;
    const column = entry.locate(type ? issue.path.slice(2) : issue.path);
    const row = type ? entry.table.rows[(index as number) - entry.offset]! : entry.table.rows[0]!;
    return sheetParams(issue.code, issue.params, entry.table, column, issue.code === 'schema.required' ? mergedOver(entry.table, row, column) : undefined, row);
  };
  return { place, rowOf, named };
}

