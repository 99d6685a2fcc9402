import { fromPointer, packageHeaderOf, readLines, type Table } from '@phx/schema';
import type { CheckedFile } from './checks.js';
import type { FileIssue, RecordView } from './protocol.js';
import { clipped, LineStarts, linesAround } from './reading.js';

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/**
 * The line (0-based) of `pretty(value)` where the value at `path` starts; for a path that is not
 * there (a missing field), the line of the deepest part that is.
 */
export function lineOfPath(value: unknown, path: readonly string[]): number {
  let line = 0;
  for (const key of path) {
    if (value === null || typeof value !== 'object') break;
    // Entries as JSON.stringify writes them: undefined object members are left out.
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value).filter(([, item]) => item !== undefined);
    const at = entries.findIndex(([name]) => name === key);
    if (at < 0) break;
    line += 1 + entries.slice(0, at).reduce((lines, [, item]) => lines + pretty(item ?? null).split('\n').length, 0);
    value = entries[at]![1];
  }
  return line;
}

/** A record as pretty JSON, with the line of the issue's field. */
function jsonView(value: unknown, field: string): Pick<RecordView, 'json' | 'focus'> {
  return { json: pretty(value), focus: lineOfPath(value, fromPointer(field)) };
}

/** Reads one line of an NDJSON file again, starting from the nearest remembered line start. */
async function lineOf(checked: CheckedFile, line: number): Promise<string | undefined> {
  const { offset, skip } = checked.lines!.seek(line);
  let seen = 0;
  const bytes = checked.file.slice(offset).stream();
  for await (const read of readLines(checked.encoding ? (await import('./decoded.js')).utf8Stream(bytes, checked.encoding) : bytes)) {
    if (seen++ < skip) continue;
    return 'text' in read ? read.text : undefined;
  }
  return undefined;
}

/** What the record view needs of a table: its columns, and its records with the row of each. */
type SheetTable = Pick<Table, 'columns' | 'records' | 'rows'>;

const tables = new WeakMap<CheckedFile, Promise<Map<string | undefined, SheetTable>>>();

/** The table of a CSV file (under `undefined`), or of each sheet of a workbook (under its name). */
async function readTables(checked: CheckedFile): Promise<Map<string | undefined, SheetTable>> {
  const file = new Uint8Array(await checked.file.arrayBuffer());
  // Its dates read as the check read them.
  const options = { dateOrder: checked.dateOrder };
  const bytes = checked.encoding ? (await import('./decoded.js')).decodingOf(checked.encoding).whole(file) : file;
  if (checked.format === 'xlsx') {
    const { readXlsxAsync } = await import('./workbook-reader.js');
    // Weighed against the memory the check was given: one too large then has no row to show.
    return new Map((await readXlsxAsync(bytes, { ...options, maxReadMemory: checked.maxReadMemory })).tables.map(({ sheet, table }) => [sheet, table]));
  }
  const { readCsvAsync } = await import('./csv-reader.js');
  return new Map([[undefined, await readCsvAsync(bytes, options)]]);
}

/**
 * The tables of a CSV file or a workbook, read again (once) when a row of one is first shown: a check does not keep
 * them. The reader loads with the first row shown (the check's, if a file of its kind was checked), without the
 * messages of any language: its issues are not shown here (English loads only for a table that has some).
 */
function tablesOf(checked: CheckedFile): Promise<Map<string | undefined, SheetTable>> {
  let read = tables.get(checked);
  if (!read) tables.set(checked, (read = readTables(checked)));
  return read;
}

/**
 * The offending record of an issue: the record of a package, the package header, the NDJSON line, the row of a
 * CSV file or of a workbook's sheet (its columns for the header), or, for text that does not parse, the lines
 * around the issue.
 */
export async function recordView(checked: CheckedFile | undefined, issue: Pick<FileIssue, 'location' | 'record' | 'field'>): Promise<RecordView> {
  const { record, field } = issue;
  const base = { record, field };
  if (!checked) return { ...base, unavailable: true };
  const at = issue.location && 'line' in issue.location ? issue.location : undefined;
  const pkg = checked.format === 'json' ? (checked.data as Record<string, unknown> | undefined) : undefined;
  if (record.kind === 'record' && pkg) {
    return { ...base, ...jsonView((pkg[record.collection] as unknown[])[record.index], field) };
  }
  if (record.kind === 'package' && pkg) {
    return { ...base, ...jsonView(packageHeaderOf(pkg), field) };
  }
  if (record.kind === 'line' && checked.format === 'ndjson' && checked.lines) {
    const text = await lineOf(checked, record.line);
    if (text === undefined) return { ...base, unavailable: true };
    try {
      return { ...base, ...jsonView(JSON.parse(text), field) };
    } catch {
      return { ...base, excerpt: { firstLine: record.line, lines: [clipped(text, at?.column)], focus: record.line } };
    }
  }
  if (record.kind === 'row') {
    const table = (await tablesOf(checked)).get(record.sheet);
    const index = table ? table.rows.indexOf(record.row) : -1;
    if (table && index >= 0) return { ...base, ...jsonView(table.records[index], field) };
    // A row above the first record is the header (blank rows and a `sep=` line are not rows of the table): its issues are about the columns.
    if (table && record.row < (table.rows[0] ?? Infinity)) return { ...base, ...jsonView(table.columns, '') };
  }
  if (at) {
    // A few lines read again: the file may be one read piece by piece, too large to hold.
    return { ...base, excerpt: await linesAround(checked.file, checked.lines ?? new LineStarts(), at.line, at.column, checked.encoding) };
  }
  return { ...base, unavailable: true };
}
