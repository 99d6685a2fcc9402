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
function shortened(text: string): string {
  return text.length > ECHOED_TEXT ? `${text.slice(0, ECHOED_TEXT - 1)}…` : text;
}

/** The cells of a parsed row in their order in the file: a row of cells, or an object keyed by the header's `fields`. */
function cellsOf(row: unknown, fields: readonly string[] | undefined): unknown[] {
  if (Array.isArray(row)) return row;
  const record = row as Record<string, unknown> & { __parsed_extra?: unknown[] };
  return [...(fields ?? []).filter((field) => field in record).map((field) => record[field]), ...(record.__parsed_extra ?? [])];
}

/**
 * Reports, as an error, a quote that opens a cell and is never closed: Papa Parse reads everything after it (every
 * later row) into that cell, so the rows below are lost and the data must not be imported. `index` is Papa Parse's,
 * just after the opening quote.
 */
function reportUnclosedQuote(parsed: Papa.ParseResult<unknown>, text: string, index: number, firstRow: number, notes: Notes): void {
  const cell = text.slice(index);
  // The cell runs to the end of the text, so it ends the last row read (the header, when there is one and no row
  // below it); unless that row was skipped as blank, the cell holding nothing but spaces: then the quote's row
  // comes after the last one read, its cells before the quote blank.
  const last = parsed.data.length - 1;
  const cells = last >= 0 ? cellsOf(parsed.data[last], parsed.meta.fields) : (parsed.meta.fields ?? []);
  const holds = cells.length > 0 && cells[cells.length - 1] === cell;
  const lineStart = Math.max(text.lastIndexOf('\n', index - 1), text.lastIndexOf('\r', index - 1)) + 1;
  const column = holds ? cells.length : text.slice(lineStart, index - 1).split(parsed.meta.delimiter).length;
  const value = shortened(/^[^\r\n]*/.exec(cell)![0]);
  notes.error('import.unclosed-quote', { column, value }, { row: (holds ? last : last + 1) + firstRow });
}

/**
 * Reports, as an error, a cell that opens with a quote and has text after the quote that closes it (`"Central"
 * prison`, typed by hand): Papa Parse reads on, cells and rows alike, up to the next quote that ends a cell, so the
 * rows between are lost. `index` is Papa Parse's, just after the opening quote.
 */
function reportTextAfterQuote(parsed: Papa.ParseResult<unknown>, text: string, index: number, firstRow: number, notes: Notes): void {
  // The rows before the cell, read again as the importer read them, and the cells of its row before it.
  const before = Papa.parse<string[]>(text.slice(0, index - 1), { delimiter: parsed.meta.delimiter, newline: parsed.meta.linebreak as Papa.ParseConfig['newline'], skipEmptyLines: false }).data;
  // Rows read as blank were skipped; the header, when there is one, is not a row of `parsed.data`.
  const rows = before.slice(0, -1).filter((cells) => cells.join('').trim() !== '').length - (parsed.meta.fields ? 1 : 0);
  const column = before[before.length - 1]?.length ?? 1;
  const value = shortened(/^[^\r\n]*/.exec(text.slice(index - 1))![0]);
  notes.error('import.text-after-quote', { column, value }, { row: rows + firstRow });
}

/**
 * Reports, as an error, the first quote (by its place in `text`, the text parsed) that makes Papa Parse read rows
 * into one cell: one never closed (`import.unclosed-quote`) or one closing a cell with text after it
 * (`import.text-after-quote`). The note is placed at the row where the cell opens, `firstRow` being the number of
 * the first of `parsed.data` (rows numbered as the importer numbers the others); its params name the column and
 * the cell's text. Returns whether there was one.
 */
export function reportQuoteError(parsed: Papa.ParseResult<unknown>, text: string, firstRow: number, notes: Notes): boolean {
  // Papa Parse's `index` is just after the opening quote; its `row` counts the header and the blank rows the importers skip.
  const first = parsed.errors.filter((e) => e.type === 'Quotes' && e.index !== undefined).sort((a, b) => a.index! - b.index!)[0];
  if (first?.code === 'MissingQuotes') reportUnclosedQuote(parsed, text, first.index!, firstRow, notes);
  else if (first?.code === 'InvalidQuotes') reportTextAfterQuote(parsed, text, first.index!, firstRow, notes);
  else return false;
  return true;
}
