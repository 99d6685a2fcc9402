import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { replaceClause, type SqlConnection, type SqlDatabase } from './sql.js';

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

/** The characters that COPY's text format escapes. */
const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as a field of COPY's text format (most need no escape: only those that do are copied). */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  COPY_SPECIAL.lastIndex = 0;
  return COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c]!) : text;
}

/** COPY's input, in chunks of many lines: `values` holds the rows one after another, `width` values each. */
function* copyLines(values: readonly unknown[], width: number): Generator<string> {
  let chunk = '';
  for (let start = 0; start < values.length; start += width) {
    for (let c = 0; c < width; c++) chunk += (c === 0 ? '' : '\t') + copyField(values[start + c]);
    chunk += '\n';
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
    async insertMany(table, columns, values, key) {
      const list = columns.join(', ');
      const width = columns.length;
      const rows = values.length / width;
      if (rows < COPY_FROM_ROWS) {
        for (let start = 0; start < rows; start += ROWS_PER_INSERT) {
          const count = Math.min(ROWS_PER_INSERT, rows - start);
          const placeholders = Array.from({ length: count }, (_, r) => `(${columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
          const batch = values.slice(start * width, (start + count) * width);
          await sql.unsafe(`INSERT INTO ${table} (${list}) VALUES ${placeholders} ${replaceClause(columns, key)}`, batch as postgres.ParameterOrJSON<never>[]);
        }
        return;
      }
      await inTransaction(async (tx) => {
        const copy = async (target: string) => void (await pipeline(Readable.from(copyLines(values, width)), await tx.unsafe(`COPY ${target} (${list}) FROM STDIN`).writable()));
        if (!key) return copy(table);
        // COPY cannot resolve conflicts, and a COPY that fails leaves the driver waiting: the rows go into a
        // temporary table that has no constraints, then replace the stored rows of their keys and add the rest.
        // Two plain statements cost less than one INSERT … ON CONFLICT, which inserts each row speculatively.
        const staging = `phx_copy_${++temporaryTables}`;
        const sameKey = key.map((column) => `t.${column} = s.${column}`).join(' AND ');
        await tx.unsafe(`CREATE TEMPORARY TABLE ${staging} (LIKE ${table}) ON COMMIT DROP`);
        await copy(staging);
        const rest = columns.filter((column) => !key.includes(column));
        await tx.unsafe(`UPDATE ${table} t SET ${rest.map((column) => `${column} = s.${column}`).join(', ')} FROM ${staging} s WHERE ${sameKey}`);
        await tx.unsafe(`INSERT INTO ${table} (${list}) SELECT ${list} FROM ${staging} s WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${sameKey})`);
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
