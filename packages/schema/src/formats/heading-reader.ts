import { NotLoaded } from '../validate/on-demand.js';
import type { HeadingColumn } from './table.js';

/*
 * The reader of headings (./heading-columns.ts) loaded on demand: the readers of a browser's bundle load the words
 * of the workbook's headings only for a table whose header names no field by its path, or a column they do not know.
 */

let loaded: HeadingColumn | undefined;

const load = async (): Promise<void> => {
  loaded ??= (await import('./heading-columns.js')).headingColumn;
};

/** The column a heading names once the reader of headings is loaded; before, it throws {@link NotLoaded}. */
export const headingColumnOnDemand: HeadingColumn = (type, heading) => {
  if (!loaded) throw new NotLoaded(load);
  return loaded(type, heading);
};
