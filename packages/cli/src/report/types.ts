import type { ValidationIssue } from '@phx/schema';
import type { FileFormat } from '../io/files.js';

/** What `phx validate` found in one file. */
export interface FileReport {
  /** The file as named on the command line, or `<stdin>`. */
  file: string;
  format: FileFormat;
  /** True when the file has no errors. */
  ok: boolean;
  /** Records read. */
  records: number;
  errors: number;
  warnings: number;
  /** True when validation stopped at `--max-issues`. */
  truncated: boolean;
  /** A problem that makes the whole file unreadable (empty, no CSV header), if any. */
  failure?: string;
  issues: ValidationIssue[];
}

/** What the reporters print for a run. */
export interface RunReport {
  files: FileReport[];
  /** Print errors only, no warnings and no summary of a valid run. */
  quiet: boolean;
}

/** Totals over the files of a run. */
export function totals(files: readonly FileReport[]): { errors: number; warnings: number; invalid: number } {
  let errors = 0;
  let warnings = 0;
  let invalid = 0;
  for (const file of files) {
    errors += file.errors;
    warnings += file.warnings;
    if (!file.ok) invalid++;
  }
  return { errors, warnings, invalid };
}
