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
   * Inserts many rows at once (multi-row INSERT on SQLite, COPY on PostgreSQL), each built only when it
   * is written, so that a bulk write computes its rows while the database stores those before. With `key`
   * (columns among `columns`), a row whose key is taken replaces the other columns of the stored row.
   */
  insertMany(table: string, columns: readonly string[], rows: Rows, key?: readonly string[]): Promise<void>;
}

/** Rows of a bulk write, built on demand: each row is asked for once, and no array is kept per row. */
export interface Rows {
  readonly count: number;
  /** Appends the values of row `index` to `into`, one per column, in the order of the columns. */
  push(index: number, into: unknown[]): void;
  /** The values of row `index`'s key columns, in the order of the key, without building the rest of the row (rows written with a key). */
  key?(index: number): readonly unknown[];
}

/** The values of rows `start` to `end` (excluded), one after another. */
export function valuesOf(rows: Rows, start: number, end: number): unknown[] {
  const values: unknown[] = [];
  for (let index = start; index < end; index++) rows.push(index, values);
  return values;
}

/** How a transaction runs. */
export interface SqlTransactionOptions {
  /**
   * Tables the transaction writes in bulk. PostgreSQL locks them against other writers before the work
   * reads anything (they wait until it commits), so that the work sees the latest rows, is never aborted
   * for a conflict and run again, and copies rows with new keys straight into them. SQLite has one writer
   * at a time anyway.
   * @default []
   */
  bulk?: readonly string[];
  /**
   * Tables the transaction reads and writes row by row. PostgreSQL first takes a lock on them that waits
   * for a bulk write of them to commit (and that a bulk write waits for), so that what the work reads is
   * not outdated by a bulk write before the work commits: a bulk write's reads are not serializable and
   * would not make the server abort either. Such transactions do not wait for one another.
   * @default []
   */
  shared?: readonly string[];
}

/** A hub database: a connection that also runs transactions and closes. */
export interface SqlDatabase extends SqlConnection {
  /**
   * Runs `work` in one transaction on the connection it is given: all of its statements take effect or
   * none. Transactions behave as if run one after another (SQLite: one writer; PostgreSQL: serializable,
   * retried on a serialization failure), so `work` must not have effects outside the database.
   */
  transaction<T>(work: (tx: SqlConnection) => Promise<T>, options?: SqlTransactionOptions): Promise<T>;
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
