import type { ValidationIssue } from '../validate/issue.js';
import { recordStores } from '../model/record-kinds.js';
import type { FileFormat } from './format.js';

/**
 * What an issue of a file is about, as a person looks for it: the file as a whole, the package header, a record of
 * the package, a line of an NDJSON stream, a row of a CSV file or of a workbook's sheet, or a sheet of a workbook.
 */
export type IssueRecord =
  | { kind: 'file' }
  | { kind: 'package' }
  | { kind: 'record'; collection: string; index: number }
  | { kind: 'line'; line: number }
  | { kind: 'row'; row: number; sheet?: string }
  | { kind: 'sheet'; sheet: string };

const collections = /* @__PURE__ */ new Set<string>(Object.values(recordStores).map(({ collection }) => collection));

/**
 * What an issue of a file of `format` is about (see {@link IssueRecord}), so that every report groups and names it
 * alike: a row where the issue has a cell, a line of an NDJSON stream, the file for an issue of no path (text that is
 * not JSON, a file of another kind), a sheet for an issue of a whole sheet (one hidden, one of no record type), a
 * record of the package by its path, else the package header.
 *
 * @example
 * ```ts
 * const result = await validateFile(bytes, { name: 'data.xlsx' });
 * for (const issue of result.issues) console.log(issueRecord(issue, result.format), issue.message);
 * // { kind: 'sheet', sheet: 'Draft' } Sheet "Draft" holds no PHX records: …
 * ```
 */
export function issueRecord(issue: ValidationIssue, format: FileFormat | undefined): IssueRecord {
  const { location, path, params } = issue;
  if (location && 'row' in location) return location.sheet === undefined ? { kind: 'row', row: location.row } : { kind: 'row', row: location.row, sheet: location.sheet };
  if (format === 'ndjson' && location) return { kind: 'line', line: location.line };
  if (path.length === 0) return { kind: 'file' };
  const sheet = (params as { sheet?: unknown }).sheet;
  if (!location && path.length === 1 && typeof sheet === 'string' && path[0] === sheet) return { kind: 'sheet', sheet };
  const [collection, index] = path;
  if (typeof collection === 'string' && typeof index === 'number' && collections.has(collection)) return { kind: 'record', collection, index };
  return { kind: 'package' };
}
