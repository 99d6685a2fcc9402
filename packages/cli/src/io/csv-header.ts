import type { RecordType } from '@phx/schema';

/**
 * Why a CSV table cannot be read at all, or undefined: no header row that names PHX columns.
 *
 * @example
 * ```ts
 * headerProblem({ type: undefined, columns: ['obs-1', 'ZA'], recognisedColumns: 0 });
 * // 'the first row is not a header of PHX columns (...)'
 * ```
 */
export function headerProblem(table: { type: RecordType | undefined; columns: readonly string[]; recognisedColumns: number }): string | undefined {
  if (table.columns.length === 0) return 'the file has no rows';
  if (!table.type) {
    return 'the first row is not a header of PHX columns (e.g. id, indicator, period.start), so the record type is unknown; add the header, or pass --type';
  }
  if (table.recognisedColumns === 0) return `the first row is not a header of ${table.type} columns (see \`phx schema ${table.type}\`); add the header row`;
  return undefined;
}
