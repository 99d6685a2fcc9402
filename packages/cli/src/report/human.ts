import { cellName, issueRecord, recordsReadIn, type IssueRecord, type Locale, type ValidationIssue } from '@phx/schema';
import { createColors } from 'picocolors';
import { shownIssues, totals, truncationNote, type RunReport } from './types.js';
import { visible } from './visible.js';
import { reportWords, type ReportWords } from './words.js';

/** The record an issue belongs to, as @phx/schema's `issueRecord()` names it: `/observations/3`, a line, a row, a sheet, the package header or the file. */
function recordOf(record: IssueRecord, words: ReportWords): string {
  switch (record.kind) {
    case 'row':
      return record.sheet === undefined ? words.row(record.row) : `${visible(record.sheet)}, ${words.row(record.row)}`;
    case 'line':
      return words.line(record.line);
    case 'sheet':
      return words.sheet(visible(record.sheet));
    case 'record':
      return `/${record.collection}/${record.index}`;
    default:
      return words[record.kind];
  }
}

/** Where an issue is, as `file:line:col`, a CSV file's `file:cell` (`observations.csv:H6`) or a workbook's `file:sheet!cell`. */
export function placeOf(file: string, issue: ValidationIssue): string {
  const location = issue.location;
  if (!location) return file;
  // A cell as Excel names it, where the file is opened: a CSV file's column is a field, not a character of its line.
  if ('row' in location) return location.sheet === undefined ? `${file}:${cellName(location)}` : `${file}:${visible(location.sheet)}!${cellName(location)}`;
  return `${file}:${location.line}:${location.column}`;
}

/**
 * Renders a run for a person: issues grouped by file and by record, each as `file:line:col`, its
 * severity, code, path and message; then a summary line, in the run's language. Coloured only when `color` is true.
 * What the data gives (messages quoting values, pointers, sheet names) is printed {@link visible}.
 */
export function renderHuman(run: RunReport, color: boolean): string {
  const c = createColors(color);
  const words = reportWords[run.locale];
  // Severities padded to one width, so that the codes line up.
  const width = Math.max(...Object.values(words.severity).map((word) => word.length));
  const colour = { error: c.red, warning: c.yellow, info: c.cyan };
  const out: string[] = [];
  for (const file of run.files) {
    const issues = shownIssues(run, file);
    if (issues.length === 0) continue;
    out.push(c.underline(file.file));
    // Each record once, with all its issues, in the order of the file: the file's and the header's first, then each
    // sheet (or list of records) in the order first met, its rows (or lines, or records) in order — though the checks
    // spanning records (references, a breakdown's sum) find their issues after the rows below.
    const byRecord = new Map<string, { place: [number, number]; issues: ValidationIssue[] }>();
    const parts = new Map<string, number>();
    for (const issue of issues) {
      const record = issueRecord(issue, file.format);
      const name = recordOf(record, words);
      const group = byRecord.get(name);
      if (group) {
        group.issues.push(issue);
        continue;
      }
      const part = record.kind === 'row' || record.kind === 'sheet' ? `sheet ${record.sheet ?? ''}` : record.kind === 'record' ? `list ${record.collection}` : record.kind === 'line' ? 'lines' : undefined;
      if (part !== undefined && !parts.has(part)) parts.set(part, parts.size + 1);
      const at = record.kind === 'row' ? record.row : record.kind === 'line' ? record.line : record.kind === 'record' ? record.index : 0;
      byRecord.set(name, { place: [part === undefined ? 0 : parts.get(part)!, at], issues: [issue] });
    }
    const groups = [...byRecord].sort(([, a], [, b]) => a.place[0] - b.place[0] || a.place[1] - b.place[1]);
    const issueLine = (issue: ValidationIssue): string => {
      const severity = colour[issue.severity](words.severity[issue.severity].padEnd(width));
      const pointer = issue.pointer === '' ? '' : ` ${c.dim(visible(issue.pointer))}`;
      return `    ${placeOf(file.file, issue)}  ${severity}  ${c.cyan(issue.code)}${pointer}  ${visible(issue.message)}`;
    };
    for (const [record, group] of groups) {
      out.push(`  ${c.bold(record)}`);
      for (const issue of group.issues) out.push(issueLine(issue));
    }
    const note = truncationNote(file, run.locale);
    if (note) out.push(c.dim(`  … ${note}`));
    const encoding = run.readsEncodings ? encodingToReadIn(issues) : undefined;
    if (encoding) out.push(`  ${readAsHint(run.locale, encoding)}`);
    // The message says what to type either way, in every program; the command can read the file as its Excel wrote it.
    if (run.readsExcelLocale && issues.some((issue) => issue.code === 'sheet.ambiguous-thousands')) out.push(`  ${words.hintLabel} ${words.excelLocale}`);
    out.push('');
  }
  const { errors, warnings, invalid } = totals(run.files, run.failOn);
  const summary = { errors, warnings, invalid, files: run.files.length, records: run.files.reduce((sum, file) => sum + recordsReadIn(file.read), 0) };
  if (invalid > 0) out.push(c.red(`✖ ${words.invalid(summary)}`));
  else if (!run.quiet) out.push(c.green(`✔ ${words.valid(summary)}`));
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** The encoding a file's issues say it is written in, where it was not read in it: not UTF-8, or not the code page named. */
function encodingToReadIn(issues: readonly ValidationIssue[]): string | null | undefined {
  for (const issue of issues) {
    if (issue.code === 'syntax.invalid-encoding') return issue.params.encoding;
    if (issue.code === 'syntax.encoding-mismatch') return issue.params.looksLike;
  }
  return undefined;
}

/** The hint under a file in an encoding that is not UTF-8: how to read it as it is (`--encoding windows-1251`). */
export function readAsHint(locale: Locale, encoding: string): string {
  return `${reportWords[locale].hintLabel} ${reportWords[locale].readAs(encoding)}`;
}
