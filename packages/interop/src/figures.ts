/**
 * How the DHIS2 and SDMX-CSV importers read the number in a value's text, so that the same text is read the same
 * way whichever format it comes in.
 */
import { shortened } from './csv.js';

/**
 * A number as DHIS2 and SDMX-CSV write one: digits, a point before any decimals, perhaps an exponent. No thousands
 * separator and no decimal comma: `1,320` is 1320 in English and 1.32 in Ukrainian, and a cell alone cannot tell which.
 */
const FIGURE = /^\+?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * What the text of an imported value holds: `{ value }`, a number of zero or more; `{ unread }`, text that is not
 * one (`1 320`, `28,7`, `n/a`, `-5`), echoed for the note that says it was left out (shortened when long); or
 * undefined when there is no text. `Number()` alone would read `0x10` as 16 and `''` as 0.
 */
export type Figure = { value: number; unread?: undefined } | { value?: undefined; unread: string } | undefined;

/** Reads the number in the text of an imported value (see {@link Figure}). */
export function readFigure(text: string | undefined): Figure {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const value = FIGURE.test(trimmed) ? Number(trimmed) : Number.NaN;
  // A huge exponent overflows to Infinity.
  return Number.isFinite(value) ? { value } : { unread: shortened(trimmed) };
}
