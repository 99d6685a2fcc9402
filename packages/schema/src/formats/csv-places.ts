import type { CellLocation, ValidationIssue } from '../validate/issue.js';
import type { LineIndex } from '../validate/locate.js';

/** How a CSV text was cut into the cells the parser gave: where its first row starts, and its numbers. */
export interface CsvLayout {
  /** The text the rows were read from (a byte order mark dropped). */
  text: string;
  /** The lines of `text`. */
  lines: LineIndex;
  /** The offset in `text` of the first row, row 1: past a `sep=;` line. */
  start: number;
  delimiter: string;
  linebreak: string;
}

const QUOTE = 0x22;

/**
 * The end of a cell that starts at `start` and that the parser read as `value`, or -1 when the text there does
 * not read so. A cell in quotes is its value with each quote doubled, in quotes, and any spaces up to the
 * delimiter or the line break (the parser drops them); any other cell is its value.
 */
function cellEnd(layout: CsvLayout, start: number, value: string): number {
  const { text, delimiter, linebreak } = layout;
  if (text.charCodeAt(start) !== QUOTE) return text.startsWith(value, start) ? start + value.length : -1;
  const quoted = `"${value.replaceAll('"', '""')}"`;
  if (!text.startsWith(quoted, start)) return -1;
  let end = start + quoted.length;
  while (end < text.length && !text.startsWith(delimiter, end) && !text.startsWith(linebreak, end) && text[end]!.trim() === '') end++;
  return end;
}

/**
 * Adds to each issue placed at a row and column of a CSV file (and not yet placed in its text) where that cell
 * starts in the text: its line and character, as an editor or a code-scanning tool counts them. A row's line is
 * its number only until a cell in quotes holds a line break; a column is a cell, not a character. The places are
 * found by reading the rows' cells back from the text, in one pass up to the last row asked for; a column past
 * the row's last cell is placed at the row's end. A cell whose text does not read as the parser read it (after a
 * quote the parser could not read), and every later one, is left without a place.
 */
export function placeCsvCells(layout: CsvLayout, rows: readonly (readonly string[])[], issues: readonly ValidationIssue[]): void {
  const cells = issues
    .flatMap(({ location }) => (location && 'row' in location && location.sheet === undefined && !location.text ? [location] : []))
    .sort((a, b) => a.row - b.row || a.column - b.column);
  if (cells.length === 0) return;
  let index = 0;
  let rowStart = layout.start;
  for (const cell of cells) {
    for (; index < cell.row - 1 && rowStart >= 0; index++) rowStart = nextRowStart(layout, rows[index] ?? [], rowStart);
    if (rowStart < 0 || index >= rows.length) return;
    const at = cellStart(layout, rows[index]!, rowStart, cell);
    if (at >= 0) cell.text = layout.lines.locate(at);
  }
}

/** Where the cell at `cell.column` of a row starts (the row's end for a column past its cells), or -1. */
function cellStart(layout: CsvLayout, row: readonly string[], rowStart: number, cell: CellLocation): number {
  let at = rowStart;
  for (let column = 0; column < cell.column - 1; column++) {
    if (column >= row.length) return at;
    const end = cellEnd(layout, at, row[column] ?? '');
    if (end < 0) return -1;
    if (column === row.length - 1) return end;
    if (!layout.text.startsWith(layout.delimiter, end)) return -1;
    at = end + layout.delimiter.length;
  }
  return at;
}

/** Where the row after one starting at `rowStart` starts, or -1 when the row does not read back from the text. */
function nextRowStart(layout: CsvLayout, row: readonly string[], rowStart: number): number {
  const { text, linebreak } = layout;
  const end = cellStart(layout, row, rowStart, { row: 0, column: row.length + 1 });
  if (end < 0 || end === text.length) return end;
  if (text.startsWith(linebreak, end)) return end + linebreak.length;
  // A row ended by CR LF among rows ended by LF: the reader dropped the CR from its last cell.
  return linebreak === '\n' && text.startsWith('\r\n', end) ? end + 2 : -1;
}
