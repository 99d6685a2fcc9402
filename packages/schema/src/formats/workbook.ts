/**
 * Writing Excel workbooks (.xlsx) with exceljs: headings in a language over the field paths, and drop-down lists
 * of the codelists and the catalogue's indicators. Reading them is ./workbook-reader.ts.
 */
import type * as ExcelJS from 'exceljs';
import { indicatorCatalogue } from '../catalogue/indicators.js';
import { codelistLabels } from '../codelists/index.js';
import { codelists, type CodelistId } from '../codelists/codes.js';
import { PHX_VERSION } from '../model/package.js';
import { packageHeaderOf, recordStores, recordTypeNames, referredRecordTypes, type RecordType } from '../model/record-kinds.js';
import { isSmallExcelDate, utcDateTimeColumn } from './cells.js';
import { excelConventions } from './excel-conventions.js';
import { flattenRecord, orderedColumns } from './flatten.js';
import { recordShape, resolveColumn, type Shape, type TableType } from './csv-shape.js';
import type { ExcelLocale } from './excel-locale.js';
import { columnHeading } from './headings.js';
import { columnLetters } from './cell-names.js';
import { CODELISTS_SHEET, loadExcel, PACKAGE_SHEET } from './workbook-reader.js';
import type { WriteXlsxOptions } from './xlsx.js';

/** Headings are row 1, field paths row 2, data from row 3. */
const FIRST_DATA_ROW = 3;
/**
 * How many rows below the records a drop-down reaches. Kept modest: a reader of the workbook
 * (exceljs among them) expands a validation range into one entry per cell.
 */
const ROWS_TO_FILL = 1000;

/** The sheet of each record type: its collection, as in a .phx.json file. */
function sheetOf(type: TableType): string {
  return type === 'package' ? PACKAGE_SHEET : recordStores[type].collection;
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

function buildLists(pkg: Record<string, unknown>, language: ExcelLocale): Lists {
  const labelLanguage = language in codelistLabels ? (language as keyof typeof codelistLabels) : 'en';
  const codes: Lists['codes'] = new Map();
  for (const [id, list] of Object.entries(codelists) as [CodelistId, (typeof codelists)[CodelistId]][]) {
    // Country names in the language from the platform's Intl.DisplayNames, as `labelOf` gives them, without its cache
    // of one per language, which a workbook's single language does not need.
    const names = id === 'country' ? new Intl.DisplayNames([labelLanguage], { type: 'region' }) : undefined;
    const labels = codelistLabels[labelLanguage][id as Exclude<CodelistId, 'country'>] as Record<string, string> | undefined;
    codes.set(id, { values: [...list.codes], labels: list.codes.map((code) => names?.of(code) ?? labels?.[code] ?? code), strict: !list.open });
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
  const facilities = records('facilities');
  if (facilities.length > 0) {
    const seen = new Set<string>();
    const unique = facilities.filter((f) => typeof f.id === 'string' && !seen.has(f.id) && seen.add(f.id));
    codes.set('facility', { values: unique.map((f) => f.id as string), labels: unique.map((f) => nameOf(f, 'name')), strict: true });
  }
  return { codes };
}

/**
 * The package with the facilities offered beside its own (those of an id it does not hold) after them: a workbook
 * holds every facility its drop-downs offer, so that one filled in picking any of them holds what it refers to.
 */
function withOffered(pkg: Record<string, unknown>, offered: readonly Record<string, unknown>[] | undefined): Record<string, unknown> {
  if (!offered || offered.length === 0) return pkg;
  const own = Array.isArray(pkg.facilities) ? (pkg.facilities as Record<string, unknown>[]) : [];
  const ids = new Set(own.map((facility) => facility.id));
  const added = offered.filter((facility) => !ids.has(facility.id) && ids.add(facility.id));
  return added.length === 0 ? pkg : { ...pkg, facilities: [...own, ...added] };
}

/** The list a column's drop-down draws from, by the codelist of its field or the record it names. */
function listOfColumn(type: TableType, column: string): string | undefined {
  const target = resolveColumn(type, column);
  if (target.kind === 'string' && target.codelist) return target.codelist;
  if (type === 'observation' && column === 'indicator') return 'indicator';
  if (type === 'observation' && column === 'scope.facility') return 'facility';
  return undefined;
}

/**
 * A record's value as a typed cell: a date as a date, so that Excel shows and sorts it as one; one before 1927-05-18
 * as its text, since a date cell of so few days reads back as a number typed in it (see `isSmallExcelDate`). A
 * date-time is its ISO text, with its offset, which a date cell cannot keep: one in UTC too, which a date-time cell
 * would keep but read back with a note that it was read as UTC.
 */
function cellValue(kind: string, value: unknown): ExcelJS.CellValue {
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && !isSmallExcelDate(date)) return date;
  }
  if (value === null) return 'null';
  return typeof value === 'string' ? excelText(value) : (value as ExcelJS.CellValue);
}

/**
 * A text as Excel writes it into a workbook, which exceljs does not do: a character XML cannot hold (a control
 * character but tab and line breaks) as `_xHHHH_`, and a `_` that starts such a code in the text itself as
 * `_x005F_`. Read back, the workbook gives the text as it was, where `_x0041_` would read as `A` and a control
 * character would be dropped.
 */
function excelText(text: string): string {
  // A `_` is escaped before four hex digits and a `_`, or a character escaped in turn (whose code starts with one).
  // eslint-disable-next-line no-control-regex -- the control characters are what is escaped
  return text.replace(/_(?=x[0-9A-Fa-f]{4}[_\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF])|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (character) =>
    `_x${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
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
  const utc = columns.map((column, i) => kinds[i] === 'date-time' && utcDateTimeColumn(type, column));
  const rows = records.map((record) => {
    const cells = flattenRecord(record);
    return sheet.addRow(columns.map((column, i) => (cells.has(column) ? cellValue(kinds[i]!, cells.get(column)) : null)));
  });
  // Dates as the locale's Excel shows them (`dd.mm.yyyy`: ДД.ММ.РРРР in Ukrainian Excel's dialog), so that the date
  // cells a user types look like those written; ISO in English, whose Excel writes day and month in either order.
  const { dateForm } = excelConventions[language];
  columns.forEach((column, i) => {
    const sheetColumn = sheet.getColumn(i + 1);
    sheetColumn.width = Math.min(Math.max(column.length, columnHeading(column, language).length, 10) + 2, 40);
    if (kinds[i] === 'date') sheetColumn.numFmt = dateForm;
    else if (utc[i]) {
      // A date-time read in UTC takes a date-time cell typed in Excel (an empty cell, a template's); a value written
      // stays the ISO text it is, in a cell formatted as text.
      sheetColumn.numFmt = `${dateForm} hh:mm`;
      sheetColumn.width = Math.max(sheetColumn.width, 18);
      for (const row of rows) if (typeof row.getCell(i + 1).value === 'string') row.getCell(i + 1).numFmt = '@';
    }
    // A date-time is written as the ISO text it is, with its offset, which a date cell cannot keep.
    else if (kinds[i] === 'string' || kinds[i] === 'date-time') sheetColumn.numFmt = '@';
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
function listRanges(lists: Lists, used: ReadonlyMap<string, unknown>): Map<string, { column: number; range: string }> {
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

/**
 * Writes the lists the drop-downs draw from: the codes under the list's name, which the drop-downs refer to, and
 * beside them their labels under the list's heading in the workbook's language.
 */
function addCodelists(workbook: ExcelJS.Workbook, lists: Lists, ranges: ReadonlyMap<string, { column: number }>, headings: ReadonlyMap<string, string>): void {
  const sheet = workbook.addWorksheet(CODELISTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const [id, { column }] of ranges) {
    const list = lists.codes.get(id)!;
    sheet.getCell(1, column).value = id;
    sheet.getCell(1, column + 1).value = headings.get(id);
    list.values.forEach((value, i) => {
      sheet.getCell(i + 2, column).value = excelText(value);
      sheet.getCell(i + 2, column + 1).value = excelText(list.labels[i] ?? '');
    });
    sheet.getColumn(column).width = Math.max(12, ...list.values.map((value) => value.length + 2));
    sheet.getColumn(column + 1).width = 40;
  }
  sheet.getRow(1).font = { bold: true };
}

/** Writes a whole package as a workbook; see {@link writeXlsx}. */
export async function writeWorkbook(given: Record<string, unknown>, options: WriteXlsxOptions): Promise<Uint8Array> {
  const pkg = withOffered(given, options.facilities);
  const language = options.language ?? 'en';
  const header = packageHeaderOf(pkg);
  const tables: { type: TableType; records: Record<string, unknown>[]; columns: string[] }[] = [];
  // Every field of the header, filled or not: a package read from sheets has none to fill in anywhere else.
  const headerColumns = mergeColumns(templateColumns('package', language), orderedColumns('package', [flattenRecord(header)]));
  tables.push({ type: 'package', records: [header], columns: headerColumns });
  const listOf = (type: RecordType): Record<string, unknown>[] | undefined => {
    const records = pkg[recordStores[type].collection];
    return Array.isArray(records) ? (records as Record<string, unknown>[]) : undefined;
  };
  // Records read from sheets alone have no header and no organisation to refer to: as the header's fields, an
  // organisations sheet is offered to fill in (the publisher's row first, which the header names but does not make).
  const organisationsWanted = pkg.publisher === undefined && !listOf('organisation')?.length && (!!listOf('observation')?.length || !!listOf('meeting')?.length);
  for (const type of recordTypeNames) {
    const records = listOf(type);
    const wanted = (options.template?.includes(type) ?? false) || (type === 'organisation' && organisationsWanted);
    if (records === undefined && !wanted) continue;
    // A list held empty is its sheet with every field, as a template's: the header alone reads back as the empty list.
    // Every column of the template, filled or not, so that the sheet is the one a user fills in from `phx template`.
    const present = orderedColumns(type, (records ?? []).map(flattenRecord));
    tables.push({ type, records: records ?? [], columns: mergeColumns(templateColumns(type, language), present) });
  }
  const lists = buildLists(pkg, language);
  // Each list used, headed as the first column that draws from it without an item's number (`countries.0`: "Країни").
  const listHeadings = new Map<string, string>();
  for (const { type, columns } of tables) {
    for (const column of columns) {
      const list = listOfColumn(type, column);
      if (list && !listHeadings.has(list)) listHeadings.set(list, columnHeading(column.replace(/\.\d+/g, ''), language));
    }
  }
  const ranges = listRanges(lists, listHeadings);
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'PHX';
  for (const table of tables) addTable(workbook, table.type, table.records, table.columns, language, ranges);
  addCodelists(workbook, lists, ranges, listHeadings);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Columns of a template first, then any the records have beyond them, in the schema's order. */
function mergeColumns(template: readonly string[], present: readonly string[]): string[] {
  return [...template, ...present.filter((column) => !template.includes(column))];
}

/**
 * The template workbook's package: the header given with the format's version filled in, and the records of it that
 * other records refer to (organisations, facilities, indicator definitions), so that the filled workbook holds them;
 * not its observations or meetings, which are what is filled in.
 */
export function templatePackage(header: Record<string, unknown> | undefined): Record<string, unknown> {
  const given = header ?? {};
  const pkg: Record<string, unknown> = { phxVersion: PHX_VERSION, ...packageHeaderOf(given) };
  for (const type of referredRecordTypes) {
    const { collection } = recordStores[type];
    if (Array.isArray(given[collection]) && given[collection].length > 0) pkg[collection] = given[collection];
  }
  return pkg;
}
