import {
  issueCodes, PackageBuilder, readCsv, recordTypes, renderMessage, toPointer, validate, validateCsv, validateNdjson,
  type CsvTable, type Locale, type RecordType, type ValidationIssue,
} from '@phx/schema';
import { MAX_ISSUES, type FileFormat, type FileSummary, type RecordRef } from './protocol.js';
import { decodeUtf8, LineStarts, observedStream, readBytes } from './reading.js';
import type { Reporter } from './report.js';

/** A file that was checked, with what the engine keeps to show its records later. */
export interface CheckedFile {
  file: File;
  format: FileFormat;
  /** The parsed package of a .phx.json file that is valid JSON. */
  pkg?: Record<string, unknown>;
  /** Where the lines of an NDJSON file start. */
  lines?: LineStarts;
  /** The records of a CSV file, with their rows. */
  table?: CsvTable;
}

const keyOfCollection = new Map<string, string>(Object.values(recordTypes).map(({ collection, key }) => [collection, key]));

/** The record of a package that a path points into, and the field's pointer within that record. */
export function recordOfPath(path: readonly (string | number)[], pkg: Record<string, unknown> | undefined): { record: RecordRef; field: string } {
  const [collection, index] = path;
  if (typeof collection === 'string' && typeof index === 'number' && keyOfCollection.has(collection)) {
    const record = (pkg?.[collection] as Record<string, unknown>[] | undefined)?.[index];
    const key = record?.[keyOfCollection.get(collection)!];
    return {
      record: { kind: 'record', collection, index, ...(typeof key === 'string' && { key }) },
      field: toPointer(path.slice(2)),
    };
  }
  return { record: { kind: 'package' }, field: toPointer(path) };
}

function summaryOf(checked: CheckedFile, ok: boolean, records: Partial<Record<RecordType, number>>, reporter: Reporter, truncated: boolean, convertible = false): FileSummary {
  return { name: checked.file.name, format: checked.format, ok, records, errors: reporter.errors, warnings: reporter.warnings, truncated, convertible };
}

/** The issue of a file whose bytes are not UTF-8. */
function encodingIssue(locale: Locale): ValidationIssue {
  const code = 'syntax.invalid-encoding';
  return { code, severity: issueCodes[code].severity, path: [], pointer: '', params: {}, message: renderMessage(code, {}, locale) };
}

/**
 * Checks a `.phx.json` package: reads it (reporting progress), validates the text so issues carry
 * lines and columns, and keeps the parsed package to show records from.
 */
export async function checkPackage(checked: CheckedFile, locale: Locale, reporter: Reporter): Promise<FileSummary> {
  const text = await decodeUtf8(observedStream(checked.file, (chunk, offset) => reporter.progress(offset + chunk.length, 'reading')));
  reporter.progress(checked.file.size, 'checking', true);
  if (text === undefined) {
    reporter.add({ ...encodingIssue(locale), file: reporter.file, record: { kind: 'package' }, field: '' });
    reporter.flush();
    return summaryOf(checked, false, {}, reporter, false);
  }
  const { ok, issues } = validate(text, { locale, maxIssues: MAX_ISSUES });
  if (!issues.some((issue) => issue.code.startsWith('syntax.'))) checked.pkg = parsedObject(text);
  for (const issue of issues) reporter.add({ ...issue, file: reporter.file, ...recordOfPath(issue.path, checked.pkg) });
  reporter.flush();
  const records: Partial<Record<RecordType, number>> = {};
  for (const [type, { collection }] of Object.entries(recordTypes) as [RecordType, { collection: string }][]) {
    const list = checked.pkg?.[collection];
    if (Array.isArray(list) && list.length > 0) records[type] = list.length;
  }
  return summaryOf(checked, ok, records, reporter, issues.length >= MAX_ISSUES);
}

function parsedObject(text: string): Record<string, unknown> | undefined {
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Checks a `.phx.ndjson` file as a stream, in constant memory, reporting progress and issues as it
 * reads, and noting where lines start so that a record can be found again.
 */
export async function checkNdjson(checked: CheckedFile, locale: Locale, reporter: Reporter): Promise<FileSummary> {
  const lines = (checked.lines = new LineStarts());
  const stream = observedStream(checked.file, (chunk, offset) => {
    lines.observe(chunk, offset);
    reporter.progress(offset + chunk.length, 'reading');
  });
  const run = validateNdjson(stream, { locale, maxIssues: MAX_ISSUES });
  for (;;) {
    const next = await run.next();
    if (next.done) {
      reporter.flush();
      const { ok, records, truncated } = next.value;
      const found = Object.fromEntries(Object.entries(records).filter(([, count]) => count > 0));
      // The stream's own counts go on past the listing limit; the reporter's stop there.
      return { ...summaryOf(checked, ok, found, reporter, truncated), errors: next.value.errors, warnings: next.value.warnings };
    }
    const issue = next.value;
    const line = issue.location && 'line' in issue.location ? issue.location.line : 0;
    reporter.add({ ...issue, file: reporter.file, record: { kind: 'line', line }, field: issue.pointer });
  }
}

/**
 * Checks a CSV table of one record type (a spreadsheet saved as CSV): `;` separators with decimal
 * commas, a byte order mark, Excel dates and blank rows are handled by @phx/schema; issues carry
 * their row and column. The records are kept to show them and to convert the file.
 */
export async function checkCsv(checked: CheckedFile, locale: Locale, reporter: Reporter): Promise<FileSummary> {
  const bytes = await readBytes(observedStream(checked.file, (chunk, offset) => reporter.progress(offset + chunk.length, 'reading')));
  reporter.progress(checked.file.size, 'checking', true);
  const { ok, issues, type, records } = validateCsv(bytes, { locale, maxIssues: MAX_ISSUES });
  checked.table = readCsv(bytes, { locale });
  for (const issue of issues) {
    const row = issue.location && 'row' in issue.location ? issue.location.row : 1;
    reporter.add({ ...issue, file: reporter.file, record: { kind: 'row', row }, field: issue.pointer });
  }
  reporter.flush();
  const counts = type && records > 0 ? { [type]: records } : {};
  return summaryOf(checked, ok, counts, reporter, issues.length >= MAX_ISSUES, ok && type !== undefined);
}

/**
 * A checked CSV file as a .phx.json package holding its records. The package header (publisher,
 * licence, ...) is not in a CSV: it is left for the user to fill in, as `phx convert` does.
 */
export function csvAsPackage(checked: CheckedFile | undefined): { name: string; text: string } {
  const table = checked?.table;
  if (!checked || !table?.type) throw new Error('Only a checked CSV file with a PHX header can be converted.');
  const builder = new PackageBuilder();
  for (const record of table.records) builder.add(table.type, record);
  return { name: checked.file.name.replace(/(\.phx)?\.csv$/i, '') + '.phx.json', text: JSON.stringify(builder.build(), null, 2) + '\n' };
}
