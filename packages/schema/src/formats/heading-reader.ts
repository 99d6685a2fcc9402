import { NotLoaded } from '../validate/on-demand.js';
import type { HeadingReader } from './table.js';

/*
 * The reader of headings (./heading-columns.ts) loaded on demand: the readers of a browser's bundle load it, and the
 * words of the workbook's headings, only for a table whose first row names no field by its path, or a column they
 * do not know.
 */

let loaded: HeadingReader | undefined;

const load = async (): Promise<void> => {
  loaded ??= await import('./heading-columns.js');
};

/** The reader of headings once loaded; before, it throws {@link NotLoaded}. */
export function headingReaderOnDemand(): HeadingReader {
  if (!loaded) throw new NotLoaded(load);
  return loaded;
}
