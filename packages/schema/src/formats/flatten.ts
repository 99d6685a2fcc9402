import { columnOrder, compareRanks, type TableType } from './csv-shape.js';

/**
 * Flattens a record into cells keyed by column name: its scalar values as they are; an empty list
 * or object in it is a cell of its own, `[]` or `{}`, and an extension a cell of JSON text. An empty
 * record has no cells: no column is named by an empty path.
 */
export function flattenRecord(record: Record<string, unknown>): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  const visit = (value: unknown, prefix: string): void => {
    if (Array.isArray(value)) {
      if (value.length === 0) cells.set(prefix, '[]');
      value.forEach((item, i) => visit(item, `${prefix}.${i}`));
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      if (entries.length === 0 && prefix !== '') cells.set(prefix, '{}');
      for (const [key, item] of entries) {
        const name = prefix === '' ? key : `${prefix}.${key}`;
        // An extension's key is a URL and its value any JSON: it is one cell.
        if (prefix === 'extensions') cells.set(name, JSON.stringify(item));
        else visit(item, name);
      }
    } else if (value !== undefined) cells.set(prefix, value);
  };
  visit(record, '');
  return cells;
}

/** The columns of flattened records of a type, in the order of the schema's fields. */
export function orderedColumns(type: TableType, rows: readonly ReadonlyMap<string, unknown>[]): string[] {
  const names = new Set<string>();
  for (const cells of rows) for (const name of cells.keys()) names.add(name);
  const ranked = [...names].map((name) => ({ name, rank: columnOrder(type, name) }));
  return ranked.sort((a, b) => compareRanks(a.rank, b.rank)).map(({ name }) => name);
}
