import { cellName, excelConventions, spreadsheetText, type ExcelLocale, type Locale, type Severity } from '@phx/schema';
import type { FileIssue, FileSummary, RecordRef } from '../engine/protocol.js';
import { translate, type TextKey } from '../i18n/index.js';

/** The columns the issues table sorts by. */
const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type SortKey = 'file' | 'severity' | 'code' | 'record' | 'field' | 'message' | 'location';

/** The columns of the issues table, in order, with the texts of their headings; the CSV download has the same. */
export const issueColumns: readonly { key: SortKey; text: TextKey }[] = [
  { key: 'file', text: 'column.file' },
  { key: 'severity', text: 'column.severity' },
  { key: 'code', text: 'column.code' },
  { key: 'record', text: 'column.record' },
  { key: 'field', text: 'column.field' },
  { key: 'message', text: 'column.message' },
  { key: 'location', text: 'column.location' },
];

/** Which issues to show. */
export interface IssueFilter {
  severity: Severity | 'all';
  code: string | 'all';
}

/** How to order them. */
export interface IssueSort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/**
 * The record an issue belongs to, as a reader would name it: `observations[1] obs-2`, `line 12`.
 *
 * @example
 * ```ts
 * recordLabel({ kind: 'line', line: 12 }, 'fr'); // 'ligne 12'
 * ```
 */
export function recordLabel(record: RecordRef, locale: Locale): string {
  switch (record.kind) {
    case 'file':
      return translate(locale, 'record.file');
    case 'package':
      return translate(locale, 'record.package');
    case 'record':
      return `${record.collection}[${record.index}]${record.key === undefined ? '' : ` ${record.key}`}`;
    case 'line':
      return translate(locale, 'record.line', { line: record.line });
    case 'row':
      return record.sheet === undefined ? translate(locale, 'record.row', { row: record.row }) : translate(locale, 'record.sheetRow', { sheet: record.sheet, row: record.row });
    case 'sheet':
      return translate(locale, 'record.sheet', { sheet: record.sheet });
  }
}

/**
 * Where an issue is in its file: `line 3, column 7` for JSON and NDJSON; for CSV, the cell as Excel names it when it
 * opens the file (`cell B3`: its rows are the reader's, a `sep=` line hidden); `sheet "observations", cell C5` for a workbook.
 *
 * @example
 * ```ts
 * locationLabel({ row: 3, column: 2 }, 'en'); // 'cell B3'
 * locationLabel({ sheet: 'observations', row: 5, column: 3, cell: 'C5' }, 'uk'); // 'аркуш «observations», клітинка C5'
 * ```
 */
export function locationLabel(location: FileIssue['location'], locale: Locale): string {
  if (!location) return '';
  if ('line' in location) return translate(locale, 'location.text', { ...location });
  const { sheet } = location;
  const cell = cellName(location);
  return sheet === undefined ? translate(locale, 'location.cell', { cell }) : translate(locale, 'location.sheetCell', { sheet, cell });
}

/** Orders records: package header first, then by collection and index, line or row. */
function recordOrder(record: RecordRef): [string, number] {
  switch (record.kind) {
    case 'file':
    case 'package':
      return ['', 0];
    case 'record':
      return [record.collection, record.index];
    case 'line':
      return ['', record.line];
    case 'row':
      return [record.sheet ?? '', record.row];
    case 'sheet':
      return [record.sheet, 0];
  }
}

/** Orders places: a workbook's sheet by sheet, then by line or row and column. */
function locationOrder(location: FileIssue['location']): [string, number, number] {
  if (!location) return ['', 0, 0];
  return 'line' in location ? ['', location.line, location.column] : [location.sheet ?? '', location.row, location.column];
}

function compareTuples(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  }
  return 0;
}

const sortValue: Record<SortKey, (issue: FileIssue) => (string | number)[]> = {
  file: (issue) => [issue.file],
  // Errors before warnings, notes of how a sheet was read last.
  severity: (issue) => [severityRank[issue.severity]],
  code: (issue) => [issue.code],
  record: (issue) => recordOrder(issue.record),
  field: (issue) => [issue.field],
  message: (issue) => [issue.message],
  location: (issue) => locationOrder(issue.location),
};

/**
 * The issues that pass a filter, in an order; ties keep file and position order, so the result is
 * the same whichever order the issues came in.
 *
 * @example
 * ```ts
 * selectIssues(issues, { severity: 'error', code: 'all' }, { key: 'code', direction: 'ascending' });
 * ```
 */
export function selectIssues(issues: readonly FileIssue[], filter: IssueFilter, sort: IssueSort): FileIssue[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const key = sortValue[sort.key];
  return issues
    .filter((issue) => (filter.severity === 'all' || issue.severity === filter.severity) && (filter.code === 'all' || issue.code === filter.code))
    .sort(
      (a, b) =>
        sign * compareTuples(key(a), key(b)) ||
        compareTuples(
          [a.file, ...locationOrder(a.location), a.code, a.field, a.severity, a.message],
          [b.file, ...locationOrder(b.location), b.code, b.field, b.severity, b.message],
        ),
    );
}

/** The issue codes found, each once, in order. */
export function codesOf(issues: readonly FileIssue[]): string[] {
  return [...new Set(issues.map((issue) => issue.code))].sort();
}

/** A cell a spreadsheet would not run as a formula (CSV injection), quoted when needed. */
function csvCell(value: string | undefined, delimiter: string): string {
  if (value === undefined) return '';
  const safe = spreadsheetText(value);
  return /["\r\n]/.test(safe) || safe.includes(delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The issues as CSV, one a row, as the table shows them: its columns, headings, severities, records and places in
 * the page's language, for Excel in that language to open cell for cell: its separator (`;` in Ukrainian, Russian,
 * French and Spanish), and a byte order mark, without which Excel reads the text in the computer's old code page and
 * Cyrillic comes out garbled. The JSON download keeps the codes and numbers for programs.
 *
 * @example
 * ```ts
 * saveFile('issues.csv', 'text/csv', issuesCsv(issues, summaries, 'uk'));
 * ```
 */
export function issuesCsv(issues: readonly FileIssue[], files: readonly Pick<FileSummary, 'name'>[], locale: ExcelLocale): string {
  const { delimiter } = excelConventions[locale];
  const text: Record<SortKey, (issue: FileIssue) => string | undefined> = {
    file: (issue) => files[issue.file]?.name,
    severity: (issue) => translate(locale, `severity.${issue.severity}`),
    code: (issue) => issue.code,
    record: (issue) => recordLabel(issue.record, locale),
    field: (issue) => issue.field,
    message: (issue) => issue.message,
    location: (issue) => locationLabel(issue.location, locale),
  };
  const row = (cells: (string | undefined)[]): string => cells.map((cell) => csvCell(cell, delimiter)).join(delimiter);
  const header = row(issueColumns.map((column) => translate(locale, column.text)));
  return `\uFEFF${[header, ...issues.map((issue) => row(issueColumns.map((column) => text[column.key](issue))))].join('\r\n')}\r\n`;
}

/**
 * The issues as JSON: the files with their summaries, and each issue as @phx/schema reports it,
 * with the name of its file.
 *
 * @example
 * ```ts
 * saveFile('issues.json', 'application/json', issuesJson(issues, summaries));
 * ```
 */
export function issuesJson(issues: readonly FileIssue[], files: readonly FileSummary[]): string {
  return (
    JSON.stringify(
      {
        files,
        issues: issues.map(({ file, code, severity, path, pointer, message, params, location }) => ({
          file: files[file]?.name,
          code, severity, path, pointer, message, params,
          ...(location && { location }),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
