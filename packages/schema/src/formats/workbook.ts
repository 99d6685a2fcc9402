import { locales } from '../locales/index.js';
/**
 * Excel workbooks (.xlsx) both ways, with exceljs. exceljs is loaded with the first workbook read
 * or written, so that it never weighs on those who only read JSON or CSV (nor on the page's first
 * download).
 */
import type * as ExcelJS from 'exceljs';
import { indicatorCatalogue } from '../catalogue/indicators.js';
import { codelistLabels } from '../codelists/index.js';
import { codelists, type CodelistId } from '../codelists/codes.js';
import { PHX_VERSION } from '../model/package.js';
import { recordTypeNames, recordTypes, type RecordType } from '../model/records.js';
import type { DataPackage } from '../model/package.js';
import type { ReadSummary, ValidationIssue, ValidationResult } from '../validate/issue.js';
import { validate } from '../validate/sync.js';
import { IssueCollector, noRecords } from '../validate/validate.js';
import type { SheetCell } from './cells.js';
import { flattenRecord, orderedColumns } from './flatten.js';
import { recordShape, resolveColumn, type Shape, type TableType } from './csv-shape.js';
import type { ExcelLocale } from './excel-locale.js';
import { expansionOf } from './zip.js';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../file/encoding.js';
import { columnHeading } from './headings.js';
import { cellLocation, columnLetters, columnLocator, headerSettled, readTable, type Table } from './table.js';
import type { ReadXlsxOptions, ValidateXlsxOptions, WorkbookRead, WriteXlsxOptions } from './xlsx.js';

/** exceljs, loaded once, on first use: its CommonJS and browser builds export the library as their default. */
let excel: Promise<typeof ExcelJS> | undefined;
function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((module) => ((module as { default?: typeof ExcelJS }).default ?? module) as typeof ExcelJS);
  return excel;
}

/** The sheet of the package header. */
export const PACKAGE_SHEET = 'Package';
/** The sheet of the drop-down lists. */
export const CODELISTS_SHEET = 'Codelists';
/** Headings are row 1, field paths row 2, data from row 3. */
const FIRST_DATA_ROW = 3;
/**
 * How many rows below the records a drop-down reaches. Kept modest: a reader of the workbook
 * (exceljs among them) expands a validation range into one entry per cell.
 */
const ROWS_TO_FILL = 1000;

/** The sheet of each record type: its collection, as in a .phx.json file. */
function sheetOf(type: TableType): string {
  return type === 'package' ? PACKAGE_SHEET : recordTypes[type].collection;
}

function typeOfSheet(name: string): TableType | undefined {
  if (name.trim().toLowerCase() === PACKAGE_SHEET.toLowerCase()) return 'package';
  return recordTypeNames.find((type) => recordTypes[type].collection === name.trim());
}

/** The columns of an empty sheet of a type: every field, a list's first item, a language map in English and the workbook's language. */
function templateColumns(type: TableType, language: ExcelLocale): string[] {
  const columns: string[] = [];
  const visit = (shape: Shape, path: string): void => {
    if (shape.kind === 'object') for (const [key, field] of shape.fields) visit(field, path === '' ? key : `${path}.${key}`);
    else if (shape.kind === 'array') visit(shape.element, `${path}.0`);
    else if (shape.kind === 'map') {
      if (shape.whole) return;
      for (const tag of new Set(['en', language])) visit(shape.value, `${path}.${tag}`);
    } else if (path !== '$schema') columns.push(path);
  };
  visit(recordShape(type), '');
  return columns;
}

/** The lists of values a column's drop-down offers: codelists, and the ids the package and the options know. */
interface Lists {
  codes: Map<string, { values: string[]; labels: string[]; strict: boolean }>;
}

function buildLists(pkg: Record<string, unknown>, options: WriteXlsxOptions, language: ExcelLocale): Lists {
  const labelLanguage = language in codelistLabels ? (language as keyof typeof codelistLabels) : 'en';
  const codes: Lists['codes'] = new Map();
  for (const [id, list] of Object.entries(codelists) as [CodelistId, (typeof codelists)[CodelistId]][]) {
    const labels = id === 'country' ? undefined : (codelistLabels[labelLanguage][id] as Record<string, string>);
    codes.set(id, { values: [...list.codes], labels: list.codes.map((code) => labels?.[code] ?? code), strict: !list.open });
  }
  const records = (key: string): Record<string, unknown>[] => (Array.isArray(pkg[key]) ? (pkg[key] as Record<string, unknown>[]) : []);
  const nameOf = (record: Record<string, unknown>, key: string): string => {
    const name = record[key];
    if (typeof name === 'string') return name;
    if (name && typeof name === 'object') return String((name as Record<string, unknown>)[language] ?? (name as Record<string, unknown>).en ?? '');
    return '';
  };
  const indicators = [...indicatorCatalogue, ...records('indicators')] as Record<string, unknown>[];
  codes.set('indicator', { values: indicators.map((d) => String(d.code)), labels: indicators.map((d) => nameOf(d, 'name')), strict: false });
  const facilities = [...(options.facilities ?? []), ...records('facilities')] as Record<string, unknown>[];
  if (facilities.length > 0) {
    const seen = new Set<string>();
    const unique = facilities.filter((f) => typeof f.id === 'string' && !seen.has(f.id) && seen.add(f.id));
    codes.set('facility', { values: unique.map((f) => f.id as string), labels: unique.map((f) => nameOf(f, 'name')), strict: true });
  }
  return { codes };
}

/** The list a column's drop-down draws from, by the codelist of its field or the record it names. */
function listOfColumn(type: TableType, column: string): string | undefined {
  const target = resolveColumn(type, column);
  if (target.kind === 'string' && target.codelist) return target.codelist;
  if (type === 'observation' && column === 'indicator') return 'indicator';
  if (type === 'observation' && column === 'scope.facility') return 'facility';
  return undefined;
}

/** A record's value as a typed cell: a date as a date, so that Excel shows and sorts it as one. */
function cellValue(kind: string, value: unknown): ExcelJS.CellValue {
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return date;
  }
  if (value === null) return 'null';
  return value as ExcelJS.CellValue;
}

/** Writes one table: headings in the language over the field paths, a frozen header, drop-downs. */
function addTable(
  workbook: ExcelJS.Workbook,
  type: TableType,
  records: readonly Record<string, unknown>[],
  columns: readonly string[],
  language: ExcelLocale,
  ranges: ReadonlyMap<string, { range: string }>,
): void {
  const sheet = workbook.addWorksheet(sheetOf(type), { views: [{ state: 'frozen', ySplit: FIRST_DATA_ROW - 1 }] });
  sheet.addRow(columns.map((column) => columnHeading(column, language))).font = { bold: true };
  sheet.addRow([...columns]).font = { italic: true, color: { argb: 'FF6B7280' } };
  const kinds = columns.map((column) => resolveColumn(type, column).kind);
  for (const record of records) {
    const cells = flattenRecord(record);
    sheet.addRow(columns.map((column, i) => (cells.has(column) ? cellValue(kinds[i]!, cells.get(column)) : null)));
  }
  columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = Math.min(Math.max(column.length, columnHeading(column, language).length, 10) + 2, 40);
    if (kinds[i] === 'date') sheetColumn.numFmt = 'yyyy-mm-dd';
    else if (kinds[i] === 'string') sheetColumn.numFmt = '@';
    const list = listOfColumn(type, column);
    const range = list && ranges.get(list)?.range;
    if (!range) return;
    const letters = sheetColumn.letter;
    const strict = list === 'indicator' ? false : list === 'facility' || !codelists[list as CodelistId]?.open;
    (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${letters}${FIRST_DATA_ROW}:${letters}${FIRST_DATA_ROW + records.length + ROWS_TO_FILL}`,
      { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: strict, errorStyle: 'stop' },
    );
  });
}

/** Where each used list goes on the Codelists sheet: a code column and a label column each. */
function listRanges(lists: Lists, used: ReadonlySet<string>): Map<string, { column: number; range: string }> {
  const ranges = new Map<string, { column: number; range: string }>();
  let column = 1;
  for (const [id, list] of lists.codes) {
    if (!used.has(id)) continue;
    const letters = columnLetters(column);
    ranges.set(id, { column, range: `${CODELISTS_SHEET}!$${letters}$2:$${letters}$${list.values.length + 1}` });
    column += 2;
  }
  return ranges;
}

/** Writes the lists the drop-downs draw from. */
function addCodelists(workbook: ExcelJS.Workbook, lists: Lists, ranges: ReadonlyMap<string, { column: number }>): void {
  const sheet = workbook.addWorksheet(CODELISTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const [id, { column }] of ranges) {
    const list = lists.codes.get(id)!;
    sheet.getCell(1, column).value = id;
    sheet.getCell(1, column + 1).value = `${id} (label)`;
    list.values.forEach((value, i) => {
      sheet.getCell(i + 2, column).value = value;
      sheet.getCell(i + 2, column + 1).value = list.labels[i] ?? '';
    });
    sheet.getColumn(column).width = Math.max(12, ...list.values.map((value) => value.length + 2));
    sheet.getColumn(column + 1).width = 40;
  }
  sheet.getRow(1).font = { bold: true };
}

/** Writes a whole package as a workbook; see {@link writeXlsx}. */
export async function writeWorkbook(pkg: Record<string, unknown>, options: WriteXlsxOptions): Promise<Uint8Array> {
  const language = options.language ?? 'en';
  const collections = new Set<string>(recordTypeNames.map((type) => recordTypes[type].collection));
  const header = Object.fromEntries(Object.entries(pkg).filter(([key]) => !collections.has(key)));
  const tables: { type: TableType; records: Record<string, unknown>[]; columns: string[] }[] = [];
  const headerColumns = orderedColumns('package', [flattenRecord(header)]);
  tables.push({ type: 'package', records: [header], columns: options.template ? mergeColumns(templateColumns('package', language), headerColumns) : headerColumns });
  for (const type of recordTypeNames) {
    const records = Array.isArray(pkg[recordTypes[type].collection]) ? (pkg[recordTypes[type].collection] as Record<string, unknown>[]) : [];
    const wanted = options.template?.includes(type) ?? false;
    if (records.length === 0 && !wanted) continue;
    const present = orderedColumns(type, records.map(flattenRecord));
    tables.push({ type, records, columns: wanted ? mergeColumns(templateColumns(type, language), present) : present });
  }
  const lists = buildLists(pkg, options, language);
  const used = new Set(tables.flatMap(({ type, columns }) => columns.map((column) => listOfColumn(type, column)).filter((list) => list !== undefined)));
  const ranges = listRanges(lists, used);
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'PHX';
  for (const table of tables) addTable(workbook, table.type, table.records, table.columns, language, ranges);
  addCodelists(workbook, lists, ranges);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Columns of a template first, then any the records have beyond them, in the schema's order. */
function mergeColumns(template: readonly string[], present: readonly string[]): string[] {
  return [...template, ...present.filter((column) => !template.includes(column))];
}

/** A cell of exceljs as a sheet cell: formulas by their result, rich text and links by their text. */
function sheetCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('result' in value) return sheetCell(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return typeof value.text === 'string' ? value.text : sheetCell(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return undefined;
}

function rowsOf(sheet: ExcelJS.Worksheet): SheetCell[][] {
  const rows: SheetCell[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: SheetCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(sheetCell(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === undefined) cells.pop();
    rows.push(cells);
  }
  return rows;
}

/** How many cells of a row name a column of a type. */
function namedColumns(type: TableType, row: readonly SheetCell[] | undefined): number {
  return (row ?? []).filter((cell) => typeof cell === 'string' && resolveColumn(type, cell.trim()).kind !== 'unknown').length;
}

/** Reads a workbook into a package; see {@link readXlsx}. */
export async function readWorkbook(bytes: Uint8Array, options: ReadXlsxOptions): Promise<WorkbookRead> {
  const collector = new IssueCollector({ locale: options.locale }, locales);
  const read: WorkbookRead = { pkg: {}, issues: collector.issues, tables: [] };
  // Unpacked whole only when it stays within the limit, measured as a stream first.
  const maxBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const expansion = await expansionOf(bytes, maxBytes);
  if (expansion === 'too-large') collector.add({ code: 'file.too-large', path: [], params: { maxBytes } });
  else if (expansion === 'unreadable') collector.add({ code: 'sheet.unreadable', path: [], params: {} });
  if (typeof expansion === 'string') return read;
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    collector.add({ code: 'sheet.unreadable', path: [], params: {} });
    return read;
  }
  const records = new Map<RecordType, Record<string, unknown>[]>();
  for (const sheet of workbook.worksheets) {
    if (sheet.name === CODELISTS_SHEET) continue;
    const rows = rowsOf(sheet);
    const named = typeOfSheet(sheet.name);
    // Headings over field paths, as PHX writes a workbook; or field paths in the first row, as in a CSV file.
    const pathsSecond = (type: TableType | undefined): boolean => type !== undefined && namedColumns(type, rows[1]) > namedColumns(type, rows[0]);
    // Each reading of a sheet has problems of its own: a guess's are dropped, the table's are taken in below.
    const problems = (): IssueCollector => new IssueCollector({ locale: options.locale }, locales);
    const guess = named ?? readTable(rows.slice(1), { sheet: sheet.name }, 1, problems()).type ?? readTable(rows, { sheet: sheet.name }, 1, problems()).type;
    const skip = pathsSecond(guess) ? 1 : 0;
    const table = readTable(rows.slice(skip), { ...options, type: named, sheet: sheet.name }, skip + 1, problems());
    // A sheet named by no record type is taken for one only when most of its columns name its fields.
    const headed = table.columns.filter((column) => column !== '').length;
    if (!table.type || (!named && table.recognisedColumns * 2 <= headed)) {
      if (rows.some((row) => row.length > 0)) collector.add({ code: 'sheet.unknown-sheet', path: [sheet.name], params: { sheet: sheet.name } });
      continue;
    }
    read.tables.push({ sheet: sheet.name, table });
    table.issues.forEach((issue) => collector.keep(issue));
    if (table.type === 'package') read.pkg = { ...(table.records[0] ?? {}), ...read.pkg };
    else {
      const list = records.get(table.type) ?? [];
      records.set(table.type, [...list, ...table.records]);
    }
  }
  for (const type of recordTypeNames) {
    const list = records.get(type);
    if (list) read.pkg[recordTypes[type].collection] = list;
  }
  return read;
}

/** Reads a workbook and validates the package it holds; see {@link validateXlsx}. */
export async function validateWorkbook(bytes: Uint8Array, options: ValidateXlsxOptions): Promise<ValidationResult<Partial<DataPackage>>> {
  const read = await readWorkbook(bytes, options);
  const collector = new IssueCollector(options, locales);
  read.issues.forEach((issue) => collector.keep(issue));
  const summary: ReadSummary = { records: noRecords(), complete: true };
  for (const { table } of read.tables) if (table.type !== undefined && table.type !== 'package') summary.records[table.type] += table.records.length;
  if (read.tables.length === 0 || read.issues.some((issue) => issue.code === 'sheet.unreadable')) return collector.result(summary);
  const place = placer(read.tables);
  for (const issue of validate(read.pkg, options).issues) {
    const where = place(issue);
    if (where === null) continue;
    collector.keep(where ? { ...issue, location: where } : issue);
  }
  return collector.result(summary, read.pkg as Partial<DataPackage>);
}

/**
 * Where an issue of the package lies in the workbook: its sheet, row and column. Null for an issue
 * the sheet has already reported once at its header (a missing column, dates of unknown order).
 */
function placer(tables: readonly { sheet: string; table: Table }[]): (issue: ValidationIssue) => ValidationIssue['location'] | null {
  const byType = new Map<TableType, { sheet: string; table: Table; locate: (path: readonly (string | number)[]) => number; settled: ReturnType<typeof headerSettled>; offset: number }[]>();
  for (const { sheet, table } of tables) {
    const list = byType.get(table.type!) ?? [];
    const offset = list.reduce((sum, entry) => sum + entry.table.records.length, 0);
    list.push({ sheet, table, locate: columnLocator(table.targets), settled: headerSettled(table.issues), offset });
    byType.set(table.type!, list);
  }
  const collectionType = new Map<unknown, RecordType>(recordTypeNames.map((type) => [recordTypes[type].collection, type]));
  return (issue) => {
    const [collection, index] = issue.path;
    const type = collectionType.get(collection);
    if (type && typeof index === 'number') {
      const entry = byType.get(type)?.find(({ table, offset }) => index >= offset && index < offset + table.records.length);
      if (!entry) return undefined;
      const path = issue.path.slice(2);
      if (entry.settled({ code: issue.code, path })) return null;
      return cellLocation(entry.table.rows[index - entry.offset]!, entry.locate(path), entry.sheet);
    }
    const header = byType.get('package')?.[0];
    if (!header || type) return undefined;
    if (header.settled(issue)) return null;
    return cellLocation(header.table.rows[0] ?? header.table.headerRow, header.locate(issue.path), header.sheet);
  };
}

/** The template workbook's package: its header with the format's version filled in. */
export function templatePackage(header: Record<string, unknown> | undefined): Record<string, unknown> {
  return { phxVersion: PHX_VERSION, ...(header ?? {}) };
}
