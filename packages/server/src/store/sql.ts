/** The SQL engines a hub stores its data in. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * A connection to a hub database, or a transaction on one. Statements take `?` placeholders and
 * their values; values are always bound, never spliced into the SQL.
 */
export interface SqlConnection {
  readonly dialect: Dialect;
  /** The rows a query returns. */
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs statements that take no values, separated by `;` (a migration). */
  script(sql: string): Promise<void>;
  /** Runs a statement; returns how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Inserts many rows at once (multi-row INSERT on SQLite, COPY on PostgreSQL). `values` holds the
   * rows one after another, `columns.length` values each (one flat array, so that a bulk import
   * builds no array per row). With `key` (columns among `columns`), a row whose key is taken
   * replaces the other columns of the stored row.
   */
  insertMany(table: string, columns: readonly string[], values: readonly unknown[], key?: readonly string[]): Promise<void>;
}

/** A hub database: a connection that also runs transactions and closes. */
export interface SqlDatabase extends SqlConnection {
  /**
   * Runs `work` in one transaction on the connection it is given: all of its statements take effect or
   * none. Transactions behave as if run one after another (SQLite: one writer; PostgreSQL: serializable,
   * retried on a serialization failure), so `work` must not have effects outside the database.
   */
  transaction<T>(work: (tx: SqlConnection) => Promise<T>): Promise<T>;
  /** Runs the pending migrations under a lock that other processes opening the database wait for. */
  migrate(apply: (tx: SqlConnection) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** The `ON CONFLICT` clause by which a row replaces the stored row of the same `key` (`excluded` names the new row). */
export function replaceClause(columns: readonly string[], key: readonly string[] | undefined): string {
  if (!key) return '';
  const rest = columns.filter((column) => !key.includes(column));
  return `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${rest.map((column) => `${column} = excluded.${column}`).join(', ')}`;
}
