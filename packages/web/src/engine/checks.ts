import { fileFormats, formatOfName, issueRecord, recordStores, stemOfName, toPointer, validateFileAsync, type DataPackage, type DateOrder, type FileFormat, type Locale, type ValidationIssue } from '@phx/schema';
import { EngineError, MAX_HELD_DOCUMENT_BYTES, MAX_ISSUES, type ExportedFile, type FileSummary, type RecordRef } from './protocol.js';
import { LineStarts, observedStream } from './reading.js';
import type { Reporter } from './report.js';

/** A file that was checked, with what the engine keeps to show its records later. */
export interface CheckedFile {
  file: File;
  /** The format the file was read as, once checked. */
  format?: FileFormat;
  /** Whether the file was valid, once checked. */
  ok?: boolean;
  /** What a `.phx.json`, CSV or .xlsx file holds, as read (valid or not). */
  data?: Partial<DataPackage>;
  /** Where the lines of the file start, to read one of them again. */
  lines?: LineStarts;
  /** The encoding the file's text was read in, when not UTF-8. */
  encoding?: string;
  /** The order of day and month to read dates such as 03/04/2020 in, when the user says it. */
  dateOrder?: DateOrder;
  /** The suppression threshold small counts are checked by, when the hub serving the page gives its own. */
  suppressionThreshold?: number;
  /**
   * The memory a workbook, a CSV file or a `.phx.json` file read whole may take: what the page's heap had left when the
   * check began.
   */
  maxReadMemory?: number;
}

const keyOfCollection = new Map<string, string>(Object.values(recordStores).map(({ collection, key }) => [collection, key]));

/**
 * The field's pointer within the record or the package header that a path of a package points into: a path of
 * no record is the header's.
 */
function fieldOfPath(path: readonly (string | number)[]): string {
  const [collection, index] = path;
  return toPointer(typeof collection === 'string' && typeof index === 'number' && keyOfCollection.has(collection) ? path.slice(2) : path);
}

/**
 * Where an issue is, as the issues table shows it — the record @phx/schema's `issueRecord()` names, with a package
 * record's identifier from the package held — and its field within that record.
 */
function placeOf(issue: ValidationIssue, format: FileFormat, pkg: Partial<DataPackage> | undefined): { record: RecordRef; field: string } {
  const record = issueRecord(issue, format);
  switch (record.kind) {
    case 'record': {
      const key = (pkg?.[record.collection as keyof DataPackage] as Record<string, unknown>[] | undefined)?.[record.index]?.[keyOfCollection.get(record.collection)!];
      return { record: { ...record, ...(typeof key === 'string' && { key }) }, field: fieldOfPath(issue.path) };
    }
    case 'file':
    case 'sheet':
      return { record, field: '' };
    case 'row':
      // A workbook's issue has a path in the package it holds: its field is the part within the record or the header.
      return { record, field: record.sheet === undefined ? issue.pointer : fieldOfPath(issue.path) };
    default:
      return { record, field: issue.pointer };
  }
}

/**
 * Checks a file with the file pipeline of @phx/schema — the verdict the `phx` command and the hub give
 * on the same bytes — reading it as a stream, reporting progress and issues as it reads, and noting
 * where lines start so that a record can be found again. What a CSV file or a `.phx.json` file of a
 * moderate size holds is kept to show its records and to convert it; an NDJSON file is never held.
 */
export async function checkFile(checked: CheckedFile, locale: Locale, reporter: Reporter, encoding?: string): Promise<FileSummary> {
  const { file } = checked;
  const lines = (checked.lines = new LineStarts());
  const stream = observedStream(file, (chunk, offset) => {
    lines.observe(chunk, offset);
    const read = offset + chunk.length;
    reporter.progress(read, read < file.size ? 'reading' : 'checking', read === file.size);
  });
  // What checking a valid file in English never needs (zod, jsonc-parser, other languages) loads where first needed.
  const result = await validateFileAsync(stream, {
    name: file.name,
    size: file.size,
    locale,
    ...(encoding && { encoding }),
    dateOrder: checked.dateOrder,
    suppressionThreshold: checked.suppressionThreshold,
    maxReadMemory: checked.maxReadMemory,
    maxIssues: MAX_ISSUES,
    // What a document of a moderate size holds is kept to show its records; an NDJSON stream is never held.
    keepData: formatOfName(file.name) !== 'ndjson' && file.size <= MAX_HELD_DOCUMENT_BYTES,
    // A larger .phx.json file is read piece by piece, and again to place what is found at its end.
    reopen: () => file.stream(),
    // A stream's issues are sent as it is read; a document's all come at the end, placed in its records below.
    onIssue: (issue, format) => {
      if (format === 'ndjson') reporter.add({ ...issue, file: reporter.file, ...placeOf(issue, format, undefined) });
    },
  });
  const { issues, data, ...summary } = result;
  checked.format = result.format;
  checked.ok = result.ok;
  checked.data = data;
  checked.encoding = result.read.encoding;
  // A line feed of UTF-16 is two bytes, and a byte 0x0A may be half of another character: its lines are found
  // again from the file's start, not from where a byte 0x0A was seen.
  if (checked.encoding?.startsWith('utf-16')) checked.lines = new LineStarts();
  if (result.format !== 'ndjson') for (const issue of issues) reporter.add({ ...issue, file: reporter.file, ...placeOf(issue, result.format, data) });
  reporter.flush();
  const readableAs = issues.find((issue) => issue.code === 'syntax.invalid-encoding')?.params.encoding;
  return { ...summary, name: file.name, convertible: result.ok && packageFormats.has(result.format) && data !== undefined, ...(readableAs && { readableAs }) };
}

/** The formats whose valid files hold a package the page can write again as .phx.json or .xlsx. */
const packageFormats = new Set<FileFormat>(['json', 'csv', 'xlsx']);

/**
 * A valid checked file's package as a .phx.json file or an Excel workbook (headings in the page's
 * language), named after the file. A CSV file holds records only: its package header (publisher,
 * licence, ...) is left for the user to fill in, as `phx convert` does. The workbook writer (exceljs)
 * is fetched only now, the first time a workbook is asked for.
 */
export async function packageFile(checked: CheckedFile | undefined, to: 'json' | 'xlsx', locale: Locale): Promise<ExportedFile> {
  if (!checked?.ok || !checked.data || !checked.format || !packageFormats.has(checked.format)) throw new EngineError('not-convertible');
  const base = stemOfName(checked.file.name);
  if (to === 'json') return { name: `${base}.phx.json`, mediaType: fileFormats.json.mediaTypes[0], content: `${JSON.stringify(checked.data, null, 2)}\n` };
  return { name: `${base}.xlsx`, mediaType: fileFormats.xlsx.mediaTypes[0], content: await (await import('./workbook-writer.js')).writeXlsx(checked.data, { language: locale }) };
}
