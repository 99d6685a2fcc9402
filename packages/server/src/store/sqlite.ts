import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { replaceClause, valuesOf, type SqlConnection, type SqlDatabase } from './sql.js';

/** Rows per multi-row INSERT: well under SQLite's 32 766 bound values for the widest table. */
const ROWS_PER_INSERT = 200;

/**
 * The writes of every SQLite database this process opened, one after another. SQLite has one writer
 * per file, and a second connection of the same thread that waited for the lock would block the very
 * thread that holds it: so two stores of one process on one file (a hub and `createToken`) queue here.
 */
let writes: Promise<unknown> = Promise.resolve();

/**
 * Opens a SQLite database file for a hub: WAL journal, foreign keys on, and `synchronous = FULL`, so
 * that a write the hub has answered survives a power cut, not only a crash of the process. A file that
 * does not exist is created, unless `create` is false: then it is refused with an error of code
 * `ENOENT` naming the file, as the file system refuses a file it does not have. A directory is refused with an
 * error of code `EISDIR` naming it (SQLite would say only that it cannot open it).
 */
export function openSqliteDatabase(file: string, { create = true }: { create?: boolean } = {}): SqlDatabase {
  if (!create && file !== ':memory:' && !existsSync(file)) {
    throw Object.assign(new Error(`There is no hub database at ${file}: a hub creates its database when it starts.`), { code: 'ENOENT', path: file });
  }
  if (file !== ':memory:' && statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw Object.assign(new Error(`${file} is a directory, not a hub database file.`), { code: 'EISDIR', path: file });
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const insertSql = (table: string, columns: readonly string[], rows: number, key: readonly string[] | undefined) => {
    const row = `(${columns.map(() => '?').join(', ')})`;
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')} ${replaceClause(columns, key)}`;
  };

  // better-sqlite3 is synchronous: every method settles at once, so a transaction whose work awaits
  // only the database ends before another request's statements run on the shared connection.
  const connection: SqlConnection = {
    dialect: 'sqlite',
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async script(sql) {
      db.exec(sql);
    },
    async run(sql, params = []) {
      return prepare(sql).run(...params).changes;
    },
    async insertMany(table, columns, rows, key) {
      const full = prepare(insertSql(table, columns, ROWS_PER_INSERT, key));
      let start = 0;
      for (; start + ROWS_PER_INSERT <= rows.count; start += ROWS_PER_INSERT) full.run(valuesOf(rows, start, start + ROWS_PER_INSERT));
      // The rest, in a statement of its size (not cached: sizes vary).
      if (start < rows.count) db.prepare(insertSql(table, columns, rows.count - start, key)).run(valuesOf(rows, start, rows.count));
    },
  };

  const transaction = <T>(work: (tx: SqlConnection) => Promise<T>): Promise<T> => {
    const run = async () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(connection);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    };
    const result = writes.then(run, run);
    writes = result.catch(() => undefined);
    return result;
  };
  return {
    ...connection,
    // A write outside a transaction queues like one.
    script: (sql) => transaction((tx) => tx.script(sql)),
    run: (sql, params) => transaction((tx) => tx.run(sql, params)),
    insertMany: (...args) => transaction((tx) => tx.insertMany(...args)),
    transaction,
    // BEGIN IMMEDIATE takes the write lock: another process opening the file waits (busy_timeout).
    migrate: (apply) => transaction(apply),
    async close() {
      await writes;
      db.close();
    },
  };
}
