import { issueRecord, recordsReadIn, type ValidationIssue } from '@phx/schema';
import { createColors } from 'picocolors';
import { shownIssues, totals, truncationNote, type FileReport, type RunReport } from './types.js';
import { visible } from './visible.js';
import { usageWords } from './usage.js';
import { reportWords, type ReportWords } from './words.js';

/** The record an issue belongs to, as @phx/schema's `issueRecord()` names it: `/observations/3`, a line, a row, a sheet, the package header or the file. */
function recordOf(file: FileReport, issue: ValidationIssue, words: ReportWords): string {
  const record = issueRecord(issue, file.format);
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

function placeOf(file: string, issue: ValidationIssue): string {
  const location = issue.location;
  if (!location) return file;
  if ('row' in location) return location.sheet === undefined ? `${file}:${location.row}:${location.column}` : `${file}:${visible(location.sheet)}!${location.cell}`;
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
    // Each record once, with all its issues, in the order its first issue was found (a breakdown's sum is found
    // after the rows below it).
    const byRecord = new Map<string, ValidationIssue[]>();
    for (const issue of issues) {
      const record = recordOf(file, issue, words);
      const group = byRecord.get(record);
      if (group) group.push(issue);
      else byRecord.set(record, [issue]);
    }
    const issueLine = (issue: ValidationIssue): string => {
      const severity = colour[issue.severity](words.severity[issue.severity].padEnd(width));
      const pointer = issue.pointer === '' ? '' : ` ${c.dim(visible(issue.pointer))}`;
      return `    ${placeOf(file.file, issue)}  ${severity}  ${c.cyan(issue.code)}${pointer}  ${visible(issue.message)}`;
    };
    for (const [record, group] of byRecord) {
      out.push(`  ${c.bold(record)}`);
      for (const issue of group) out.push(issueLine(issue));
    }
    const note = truncationNote(file, run.locale);
    if (note) out.push(c.dim(`  … ${note}`));
    const encoding = run.readsEncodings ? issues.find((issue) => issue.code === 'syntax.invalid-encoding')?.params.encoding : undefined;
    if (encoding) out.push(`  ${usageWords[run.locale].hintLabel} ${words.readAs(encoding)}`);
    out.push('');
  }
  const { errors, warnings, invalid } = totals(run.files, run.failOn);
  const summary = { errors, warnings, invalid, files: run.files.length, records: run.files.reduce((sum, file) => sum + recordsReadIn(file.read), 0) };
  if (invalid > 0) out.push(c.red(`✖ ${words.invalid(summary)}`));
  else if (!run.quiet) out.push(c.green(`✔ ${words.valid(summary)}`));
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
