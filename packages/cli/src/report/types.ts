import { issuesListed, recordsReadIn, type FileValidationResult, type InputReport, type Locale } from '@phx/schema';
import { reportWords } from './words.js';

/** What `phx validate` found in one file: the result of the file pipeline, without the data. */
export interface FileReport extends Omit<FileValidationResult, 'data'> {
  /** The file as named on the command line, or `<stdin>`. */
  file: string;
}

/** What the reporters print for a run. */
export interface RunReport {
  files: FileReport[];
  /** Print errors only, no warnings and no summary of a valid run. */
  quiet: boolean;
  /** The language of the report's own words (the issues' messages are rendered in it already). */
  locale: Locale;
  /**
   * What makes a file fail (`--fail-on`): its errors, or its warnings too, which `quiet` then shows.
   * @default 'error'
   */
  failOn?: 'error' | 'warning';
  /** Whether the command takes `--encoding`: a file whose issue names its encoding is then followed by how to read it so. */
  readsEncodings?: boolean;
  /**
   * Whether the command reads CSV files in the Excel locale `--locale` names: a file whose point was taken for a
   * thousands separator on a guess is then followed by how to say it.
   */
  readsExcelLocale?: boolean;
}

/** A file's report from the pipeline's result. */
export function fileReport(file: string, { data: _data, ...result }: FileValidationResult): FileReport {
  return { file, ...result };
}

/** A file's report from what it gave to a package built from several inputs. */
export function inputReport({ name, ...result }: InputReport): FileReport {
  return { file: name, ...result };
}

/**
 * A file's report listing at most `max` of its issues, as `phx validate --max-issues` lists them
 * (`issuesListed()` of @phx/schema); marked `truncated`, so that its summary says how many are listed. Its counts stay
 * those of every issue.
 */
export function listedAtMost(file: FileReport, max: number): FileReport {
  if (file.issues.length <= max) return file;
  return { ...file, issues: issuesListed(file.issues, max), truncated: true };
}

/**
 * How far checking got in a file that it stopped at `--max-issues`, in words: the line and bytes of
 * a stream, the row of a table, and the records.
 */
export function extentOf(file: FileReport, locale: Locale): string {
  const words = reportWords[locale];
  const { lines, rows, bytes } = file.read;
  const parts = [words.count(recordsReadIn(file.read), 'record')];
  if (rows !== undefined) parts.unshift(words.row(rows));
  if (lines !== undefined) parts.unshift(words.line(lines) + (bytes === undefined ? '' : ` (${words.count(bytes, 'byte')})`));
  return parts.join(', ');
}

/** What a summary says of a file whose issues are not all listed; undefined when they are. */
export function truncationNote(file: FileReport, locale: Locale): string | undefined {
  if (!file.truncated) return undefined;
  const words = reportWords[locale];
  return `${words.listed(file.issues.length)}; ${file.read.complete ? words.whole : words.stopped(extentOf(file, locale))}`;
}

/** Totals over the files of a run. */
export function totals(files: readonly FileReport[], failOn: RunReport['failOn'] = 'error'): { errors: number; warnings: number; invalid: number } {
  let errors = 0;
  let warnings = 0;
  let invalid = 0;
  for (const file of files) {
    errors += file.errors;
    warnings += file.warnings;
    if (!file.ok || (failOn === 'warning' && file.warnings > 0)) invalid++;
  }
  return { errors, warnings, invalid };
}

/** The issues of a file a run shows: all of them, or with `quiet` those that make it fail (`failOn`). */
export function shownIssues(run: RunReport, file: FileReport): FileReport['issues'] {
  if (!run.quiet) return file.issues;
  return file.issues.filter((issue) => issue.severity === 'error' || (run.failOn === 'warning' && issue.severity === 'warning'));
}
