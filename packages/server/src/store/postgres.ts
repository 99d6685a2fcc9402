import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import type { SqlConnection, SqlDatabase } from './sql.js';

/** Below this many rows a multi-row INSERT is quicker than a COPY through a temporary table. */
const COPY_FROM_ROWS = 500;
/** Rows per multi-row INSERT: PostgreSQL binds at most 65 535 values a statement. */
const ROWS_PER_INSERT = 1000;
/** Attempts of a transaction that the server aborted to keep transactions serializable. */
const MAX_ATTEMPTS = 20;
/** The key of the advisory lock that one process at a time holds while it migrates. */
const MIGRATION_LOCK = 7_352_019;

/** SQLSTATEs after which the same transaction may succeed when run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the hub's SQL has no `?` in literals). */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A value as a field of COPY's text format. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** COPY's input, in chunks of many lines. */
function* copyLines(rows: readonly (readonly unknown[])[]): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyField).join('\t')}\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

let temporaryTables = 0;

/** Runs work in a transaction: the one a connection belongs to, or a new one. */
type InTransaction = (work: (tx: postgres.TransactionSql) => Promise<void>) => Promise<void>;

function connectionOf(sql: postgres.Sql | postgres.TransactionSql, inTransaction: InTransaction): SqlConnection {
  return {
    dialect: 'postgres',
    async all<T>(query: string, params: readonly unknown[] = []) {
      return (await sql.unsafe(numbered(query), params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
    },
    async script(query) {
      await sql.unsafe(query);
    },
    async run(query, params = []) {
      return (await sql.unsafe(numbered(query), params as postgres.ParameterOrJSON<never>[])).count;
    },
    async insertMany(table, columns, rows, onConflict) {
      const list = columns.join(', ');
      if (rows.length < COPY_FROM_ROWS) {
        for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
          const batch = rows.slice(start, start + ROWS_PER_INSERT);
          const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
          await sql.unsafe(`INSERT INTO ${table} (${list}) VALUES ${values} ${onConflict}`, batch.flat() as postgres.ParameterOrJSON<never>[]);
        }
        return;
      }
      // COPY cannot resolve conflicts: copy into a temporary table, then insert from it.
      await inTransaction(async (tx) => {
        const staging = `phx_copy_${++temporaryTables}`;
        await tx.unsafe(`CREATE TEMPORARY TABLE ${staging} (LIKE ${table}) ON COMMIT DROP`);
        await pipeline(Readable.from(copyLines(rows)), await tx.unsafe(`COPY ${staging} (${list}) FROM STDIN`).writable());
        await tx.unsafe(`INSERT INTO ${table} (${list}) SELECT ${list} FROM ${staging} ${onConflict}`);
      });
    },
  };
}

/**
 * Opens a pool of connections to a PostgreSQL database for a hub. Several hub processes may share
 * the database: transactions are serializable and retried when the server aborts one to keep them so.
 */
export function openPostgresDatabase(url: string): SqlDatabase {
  const sql = postgres(url, { max: 10, onnotice: () => undefined, connection: { application_name: 'phx-hub' } });

  const transaction = async <T>(work: (tx: SqlConnection) => Promise<T>, mode = 'isolation level serializable'): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await sql.begin(mode, (tx) => work(connectionOf(tx, (inner) => inner(tx))))) as T;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (!RETRYABLE.has(code ?? '') || attempt >= MAX_ATTEMPTS) throw error;
        // Back off a little, and at random, so that the transactions that collided do not collide again.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  };
  const pooled = connectionOf(sql, async (work) => void (await sql.begin(work)));
  return {
    ...pooled,
    transaction,
    migrate: (apply) =>
      transaction(async (tx) => {
        await tx.all('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
        await apply(tx);
      }, 'isolation level read committed'),
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
