/**
 * What the CSV importers (DHIS2 data value CSV, SDMX-CSV) share about Papa Parse's results: finding a quote that
 * opens a cell and is never closed, which makes Papa Parse read the rest of the text into that one cell, or text
 * after the quote that closes a cell, which makes it read on, cells and rows alike, up to the next quote.
 */
import Papa from 'papaparse';
import type { Notes } from './report.js';

/** Longest text a note echoes whole; a longer one is cut, with an ellipsis (as @phx/schema's messages echo one). */
const ECHOED_TEXT = 60;

/** A text as a note echoes it: whole up to {@link ECHOED_TEXT} characters, else cut with an ellipsis. */
export function shortened(text: string): string {
  return text.length > ECHOED_TEXT ? `${text.slice(0, ECHOED_TEXT - 1)}…` : text;
}

/**
 * A CSV text as the importers parse it: without a byte order mark, and with every line ending in a line feed. Papa
 * Parse splits rows at one line end, guessed from the text; in a file whose rows end both ways (a header typed in
 * one program, rows pasted from Excel, a CR-only line from Excel for Mac) a row ending the other way would be read
 * into the last cell of the row before it, and lost. A line break inside a quoted cell becomes a line feed too.
 */
export function csvText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * The line (from 1) where each row starts, of rows Papa Parse read from a text as {@link csvText} gives it, none
 * skipped: a row takes one line, and one more for each line break in its quoted cells.
 */
function startLines(rows: readonly (readonly string[])[]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const row of rows) {
    lines.push(line);
    line += 1;
    for (const cell of row) for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) line += 1;
  }
  return lines;
}

/**
 * How the CSV importers number the rows their notes are about: by the line of the file where each row starts, as
 * the user's editor shows it, blank lines and the lines of a cell that holds line breaks counted. Returns the line of
 * each row of `parsed.data`, Papa Parse's reading of `text` (from {@link csvText}) with `skipEmptyLines: 'greedy'`:
 * rows of blank cells are not among them, nor is the header row when `parsed` was read with one.
 */
export function rowLines(parsed: Papa.ParseResult<unknown>, text: string): number[] {
  // Read again with nothing skipped: the rows skipped take lines too, and one of blank cells may hold a line break.
  const rows = Papa.parse<string[]>(text, { delimiter: parsed.meta.delimiter, newline: '\n', skipEmptyLines: false }).data;
  const lines = startLines(rows).filter((_, i) => rows[i]!.join('').trim() !== '');
  return parsed.meta.fields ? lines.slice(1) : lines;
}

/**
 * Reports, as an error, the first quote (by its place in `text`, the text parsed) that makes Papa Parse read rows
 * into one cell: one never closed, which takes every later row into that cell (`import.unclosed-quote`), or one
 * closing a cell with text after it (`"Central" prison`, typed by hand), after which Papa Parse reads on, cells and
 * rows alike, up to the next quote that ends a cell (`import.text-after-quote`). Either way the rows are lost and the
 * data must not be imported. The note is placed at the row where the cell opens, numbered as {@link rowLines}
 * numbers the others; its params name the column and the cell's text. Returns whether there was one.
 */
export function reportQuoteError(parsed: Papa.ParseResult<unknown>, text: string, notes: Notes): boolean {
  // Papa Parse's `index` is just after the opening quote; its `row` counts neither blank rows nor the lines of a cell.
  const first = parsed.errors.filter((e) => (e.code === 'MissingQuotes' || e.code === 'InvalidQuotes') && e.index !== undefined).sort((a, b) => a.index! - b.index!)[0];
  if (!first) return false;
  const index = first.index!;
  // The rows up to the cell, read again with none skipped: the last is the cell's, with its cells before it.
  const before = Papa.parse<string[]>(text.slice(0, index - 1), { delimiter: parsed.meta.delimiter, newline: '\n', skipEmptyLines: false }).data;
  const column = before[before.length - 1]?.length ?? 1;
  const unclosed = first.code === 'MissingQuotes';
  // Never closed: the cell's text after the quote; else from the quote on.
  const value = shortened(/^[^\r\n]*/.exec(text.slice(unclosed ? index : index - 1))![0]);
  notes.error(unclosed ? 'import.unclosed-quote' : 'import.text-after-quote', { column, value }, { row: startLines(before).at(-1) ?? 1 });
  return true;
}
