import { countRecords, type FileValidationResult, type FormatHints, type ValidationIssue } from '@phx/schema';
import { Problem } from '../http/problem.js';

/**
 * Refuses (413) a package or file whose records, counted on its bytes before it is read, exceed
 * `maxRecords`. A body is a `.phx.json` package unless `hints` tell another format.
 */
export function limitRecords(bytes: Uint8Array, maxRecords: number, what: string, hints: FormatHints = { format: 'json' }): void {
  const count = countRecords(bytes, hints);
  if (count !== undefined && count > maxRecords) tooManyRecords(count, maxRecords, what);
}

/** The 413 of a package or file with more records than the hub reads at once. */
export function tooManyRecords(count: number, maxRecords: number, what: string): never {
  throw new Problem('payload-too-large', `${what} holds ${count} records; this hub reads at most ${maxRecords} at once. Split it into smaller packages.`);
}

/** Why the hub did not read a file, when an issue says it did not: unpacking it, or reading it whole, was refused. */
function whyUnread(issue: ValidationIssue, { format }: FileValidationResult, maxBodyBytes: number): string | undefined {
  switch (issue.code) {
    case 'file.too-large':
      return `The ${format} file unpacks to more than ${maxBodyBytes} bytes, the most this hub reads at once; it was not unpacked.`;
    case 'file.too-large-for-memory': {
      const { params } = issue;
      const [counted, advice] =
        params.format === 'json'
          ? [`The package's ${params.values} values (its commas and closing brackets counted)`, 'Split it into smaller packages.']
          : params.format === 'csv'
            ? [`The CSV file's ${params.cells} cells (its delimiters and line feeds counted)`, 'Split it into files of fewer rows.']
            : [`The workbook's ${params.cells} cells`, 'Send its sheets as CSV files, or split it.'];
      return `${counted} would take about ${params.neededBytes} bytes of memory to read, more than this hub has at hand; it was not read. ${advice}`;
    }
    default:
      return undefined;
  }
}

/** Refuses (413) a file its validation did not read, which has no verdict to give. */
export function refuseUnread(result: FileValidationResult, maxBodyBytes: number): void {
  for (const issue of result.issues) {
    const detail = whyUnread(issue, result, maxBodyBytes);
    if (detail !== undefined) throw new Problem('payload-too-large', detail);
  }
}
