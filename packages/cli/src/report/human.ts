import type { ValidationIssue } from '@phx/schema';
import { createColors } from 'picocolors';
import { recordsRead, totals, truncationNote, type FileReport, type RunReport } from './types.js';

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}

/** The record an issue belongs to: a package entry (`/observations/3`), an NDJSON line, a CSV row, a row of a workbook's sheet, or the file as a whole. */
function recordOf(file: FileReport, issue: ValidationIssue): string {
  const location = issue.location;
  if (location && 'row' in location) return location.sheet === undefined ? `row ${location.row}` : `${location.sheet}, row ${location.row}`;
  if (file.format === 'ndjson' && location) return `line ${location.line}`;
  if (!location && issue.path.length === 0) return 'file';
  const [collection, index] = issue.path;
  return typeof collection === 'string' && typeof index === 'number' ? `/${collection}/${index}` : 'package';
}

function placeOf(file: string, issue: ValidationIssue): string {
  const location = issue.location;
  if (!location) return file;
  if ('row' in location) return location.sheet === undefined ? `${file}:${location.row}:${location.column}` : `${file}:${location.sheet}!${location.cell}`;
  return `${file}:${location.line}:${location.column}`;
}

/**
 * Renders a run for a person: issues grouped by file and by record, each as `file:line:col`, its
 * severity, code, path and message; then a summary line. Coloured only when `color` is true.
 */
export function renderHuman(run: RunReport, color: boolean): string {
  const c = createColors(color);
  const out: string[] = [];
  for (const file of run.files) {
    const issues = run.quiet ? file.issues.filter((issue) => issue.severity === 'error') : file.issues;
    if (issues.length === 0) continue;
    out.push(c.underline(file.file));
    let group: string | undefined;
    for (const issue of issues) {
      const record = recordOf(file, issue);
      if (record !== group) {
        group = record;
        out.push(`  ${c.bold(record)}`);
      }
      const severity = issue.severity === 'error' ? c.red('error  ') : issue.severity === 'warning' ? c.yellow('warning') : c.cyan('note   ');
      const pointer = issue.pointer === '' ? '' : ` ${c.dim(issue.pointer)}`;
      out.push(`    ${placeOf(file.file, issue)}  ${severity}  ${c.cyan(issue.code)}${pointer}  ${issue.message}`);
    }
    const note = truncationNote(file);
    if (note) out.push(c.dim(`  … ${note}`));
    out.push('');
  }
  const { errors, warnings, invalid } = totals(run.files);
  const files = plural(run.files.length, 'file');
  const records = run.files.reduce((sum, file) => sum + recordsRead(file), 0);
  if (invalid > 0) {
    out.push(c.red(`✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}: ${invalid} of ${files} invalid (${plural(records, 'record')})`));
  } else if (!run.quiet) {
    out.push(c.green(`✔ ${files} valid, ${plural(records, 'record')}`) + (warnings > 0 ? c.yellow(`, ${plural(warnings, 'warning')}`) : ''));
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
