/**
 * How a spreadsheet names its columns and cells (`AB`, `H6`). Apart from ./table.ts and its readers: a report that
 * names the cell of an issue needs none of them.
 */
import type { CellLocation } from '../validate/issue.js';

/**
 * The column letters of a 1-based column number, as spreadsheets name it: 1 is `A`, 27 `AA`.
 *
 * @example
 * ```ts
 * columnLetters(28); // 'AB'
 * ```
 */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The name of a cell as a spreadsheet shows it (`H6`): a workbook's as its location gives it, a CSV file's from its
 * row and column, so that an issue of either is placed where Excel shows it.
 *
 * @example
 * ```ts
 * const issue = validateCsv(text).issues.find((found) => found.location && 'row' in found.location);
 * if (issue?.location && 'row' in issue.location) console.log(`observations.csv:${cellName(issue.location)}`); // observations.csv:H6
 * ```
 */
export function cellName(location: Pick<CellLocation, 'row' | 'column' | 'cell'>): string {
  return location.cell ?? `${columnLetters(location.column)}${location.row}`;
}
