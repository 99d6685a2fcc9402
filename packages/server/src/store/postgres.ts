import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { replaceClause, valuesOf, type Rows, type SqlConnection, type SqlDatabase, type SqlTransactionOptions } from './sql.js';

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

/** COPY's input, in chunks of many lines: the rows at `indexes`, each built as the chunk it falls in is. */
function* copyLines(rows: Rows, indexes: Iterable<number>): Generator<string> {
  let chunk = '';
  const values: unknown[] = [];
  for (const index of indexes) {
    values.length = 0;
    rows.push(index, values);
    for (let c = 0; c < values.length; c++) chunk += (c === 0 ? '' : '\t') + copyField(values[c]);
    chunk += '\n';
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The numbers 0 to count - 1. */
function* allRows(count: number): Generator<number> {
  for (let index = 0; index < count; index++) yield index;
}

let temporaryTables = 0;

/** Runs work in a transaction: the one a connection belongs to, or a new one. */
type InTransaction = (work: (tx: postgres.TransactionSql) => Promise<void>) => Promise<void>;

/** The text that stands for a key: its values, joined by a character no COPY field holds. */
const keyText = (values: readonly unknown[]) => values.map(String).join('\0');

/**
 * Copies rows into a table. Only rows that cannot be refused may be copied: when the server refuses a
 * COPY after its last row is sent, postgres.js 3.4 never settles the stream (porsager/postgres#1173).
 */
async function copyRows(tx: postgres.TransactionSql, table: string, columns: readonly string[], rows: Rows, indexes: Iterable<number> = allRows(rows.count)): Promise<void> {
  await pipeline(Readable.from(copyLines(rows, indexes)), await tx.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable());
}

/**
 * Replaces the stored rows of the rows' keys and adds the rest. A COPY cannot resolve conflicts, so the rows
 * go into a temporary table without constraints first; then two plain statements, which cost less than one
 * INSERT … ON CONFLICT (it inserts each row speculatively).
 */
async function replaceThroughStaging(tx: postgres.TransactionSql, table: string, columns: readonly string[], rows: Rows, key: readonly string[], indexes?: Iterable<number>): Promise<void> {
  const staging = `phx_copy_${++temporaryTables}`;
  const list = columns.join(', ');
  const sameKey = key.map((column) => `t.${column} = s.${column}`).join(' AND ');
  await tx.unsafe(`CREATE TEMPORARY TABLE ${staging} (LIKE ${table}) ON COMMIT DROP`);
  await copyRows(tx, staging, columns, rows, indexes);
  const rest = columns.filter((column) => !key.includes(column));
  await tx.unsafe(`UPDATE ${table} t SET ${rest.map((column) => `${column} = s.${column}`).join(', ')} FROM ${staging} s WHERE ${sameKey}`);
  await tx.unsafe(`INSERT INTO ${table} (${list}) SELECT ${list} FROM ${staging} s WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${sameKey})`);
}

/**
 * The keys of `rows` that the table holds, as `keyText` gives them: one query per value of the key's
 * leading columns (a record's type) with its last column compared to an array, which an index scan answers.
 */
async function storedKeys(tx: postgres.TransactionSql, table: string, key: readonly string[], rows: Rows, keyOf: (index: number) => readonly unknown[]): Promise<Set<string>> {
  const groups = new Map<string, { leading: readonly unknown[]; last: unknown[] }>();
  for (let index = 0; index < rows.count; index++) {
    const values = keyOf(index);
    const leading = values.slice(0, -1);
    const text = keyText(leading);
    let group = groups.get(text);
    if (!group) groups.set(text, (group = { leading, last: [] }));
    group.last.push(values[values.length - 1]);
  }
  const stored = new Set<string>();
  const where = [...key.slice(0, -1).map((column, i) => `${column} = $${i + 1}`), `${key[key.length - 1]} = ANY($${key.length}::text[])`].join(' AND ');
  for (const group of groups.values()) {
    const found = await tx.unsafe(`SELECT ${key.join(', ')} FROM ${table} WHERE ${where}`, [...group.leading, group.last] as postgres.ParameterOrJSON<never>[]);
    for (const row of found) stored.add(keyText(key.map((column) => row[column])));
  }
  return stored;
}

/**
 * Writes rows into a table this transaction has locked against other writers: the keys that are stored
 * are looked up, the rows of new keys are copied straight in (no other writer can add one of those keys
 * before this commits, so the COPY cannot be refused for a conflict), the others replace their rows
 * through a temporary table. Rows whose keys repeat among themselves all go the way that can report it.
 */
async function writeLocked(tx: postgres.TransactionSql, table: string, columns: readonly string[], rows: Rows, key: readonly string[], keyOf: (index: number) => readonly unknown[]): Promise<void> {
  const texts = Array.from({ length: rows.count }, (_, index) => keyText(keyOf(index)));
  if (new Set(texts).size < rows.count) return replaceThroughStaging(tx, table, columns, rows, key);
  const stored = await storedKeys(tx, table, key, rows, keyOf);
  if (stored.size === 0) return copyRows(tx, table, columns, rows);
  const fresh: number[] = [];
  const replacing: number[] = [];
  for (const [index, text] of texts.entries()) (stored.has(text) ? replacing : fresh).push(index);
  if (fresh.length > 0) await copyRows(tx, table, columns, rows, fresh);
  await replaceThroughStaging(tx, table, columns, rows, key, replacing);
}

function connectionOf(sql: postgres.Sql | postgres.TransactionSql, inTransaction: InTransaction, locked: ReadonlySet<string> = new Set()): SqlConnection {
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
    async insertMany(table, columns, rows, key) {
      const list = columns.join(', ');
      const width = columns.length;
      if (rows.count < COPY_FROM_ROWS) {
        for (let start = 0; start < rows.count; start += ROWS_PER_INSERT) {
          const count = Math.min(ROWS_PER_INSERT, rows.count - start);
          const placeholders = Array.from({ length: count }, (_, r) => `(${columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
          const batch = valuesOf(rows, start, start + count);
          await sql.unsafe(`INSERT INTO ${table} (${list}) VALUES ${placeholders} ${replaceClause(columns, key)}`, batch as postgres.ParameterOrJSON<never>[]);
        }
        return;
      }
      await inTransaction(async (tx) => {
        if (!key) return copyRows(tx, table, columns, rows);
        if (locked.has(table) && rows.key) return writeLocked(tx, table, columns, rows, key, rows.key);
        return replaceThroughStaging(tx, table, columns, rows, key);
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

  const transaction = async <T>(work: (tx: SqlConnection) => Promise<T>, options: SqlTransactionOptions & { mode?: string } = {}): Promise<T> => {
    const bulk = options.bulk ?? [];
    // A bulk transaction locks its tables first; it then needs no serializable snapshot to see the latest rows.
    const mode = options.mode ?? (bulk.length > 0 ? 'isolation level read committed' : 'isolation level serializable');
    for (let attempt = 1; ; attempt++) {
      try {
        return (await sql.begin(mode, async (tx) => {
          if (bulk.length > 0) await tx.unsafe(`LOCK TABLE ${bulk.join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
          // Before any read, which takes the snapshot: it then sees what a bulk write committed.
          else if (options.shared?.length) await tx.unsafe(`LOCK TABLE ${options.shared.join(', ')} IN ROW EXCLUSIVE MODE`);
          return work(connectionOf(tx, (inner) => inner(tx), new Set(bulk)));
        })) as T;
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
      }, { mode: 'isolation level read committed' }),
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
