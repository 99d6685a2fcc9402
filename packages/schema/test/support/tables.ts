import type { Counts, IdTable, TupleTable } from '../../src/validate/tables.js';

/** Slots are filled at most to this share before they grow (as the tables fill them). */
export const MAX_LOAD = 0.8;

/** The hash slots of a table: whether it grew, and how far, is told by them alone. */
export const slotsOf = (table: IdTable<unknown> | TupleTable): Uint32Array => (table as unknown as { slots: Uint32Array }).slots;

/** Where the next key's bytes would go in the pages of an `IdTable`: the bytes its keys take, with the ends of pages skipped. */
export const keyBytesOf = (table: IdTable<unknown>): number => (table as unknown as { end: number }).end;

/** Bytes each number of a `Counts` column takes: 2 while its numbers fit 16 bits, then 4, or 8 once one is not whole. */
export const countBytesOf = (counts: Counts): number => {
  const { words, floats } = counts as unknown as Record<'words' | 'floats', { pages: { BYTES_PER_ELEMENT: number }[] } | undefined>;
  return (words ?? floats)!.pages[0]!.BYTES_PER_ELEMENT;
};

/** Bytes each number of each field of a `TupleTable` takes. */
export const fieldBytesOf = (table: TupleTable): number[] => (table as unknown as { fields: Counts[] }).fields.map(countBytesOf);
