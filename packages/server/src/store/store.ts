import { createHash, hash, randomBytes, randomUUID } from 'node:crypto';
import { indicatorCatalogue, type RecordType } from '@phx/schema';
import { FILTER_COLUMNS, pushFilterColumns } from './columns.js';
import { migrations } from './migrations.js';
import { openPostgresDatabase } from './postgres.js';
import type { Rows, SqlConnection, SqlDatabase } from './sql.js';
import { openSqliteDatabase } from './sqlite.js';
import type { AuditEntry, ListFilter, ListPage, Principal, RateWindow, RecordWrite, Role, Store, StoredRecord, TokenInfo } from './types.js';

/** The owner recorded for the indicators of the catalogue that ships with @phx/schema. */
export const CATALOGUE_OWNER = '@catalogue';

/** SHA-256 of a text, hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A strong ETag derived from the stored representation: it changes exactly when the record does. */
function etagOf(json: string): string {
  // The one-shot hash: a bulk import computes one per record.
  return `"${hash('sha256', json, 'base64url').slice(0, 27)}"`;
}

interface RecordRow {
  type: RecordType;
  id: string;
  owner: string;
  etag: string;
  body: string;
}

/** A stored record; its body is parsed only when read, so that lists send the stored text as is. */
class Row implements StoredRecord {
  readonly type: RecordType;
  readonly id: string;
  readonly owner: string;
  readonly etag: string;
  readonly json: string;
  #body: Record<string, unknown> | undefined;

  constructor(row: RecordRow) {
    this.type = row.type;
    this.id = row.id;
    this.owner = row.owner;
    this.etag = row.etag;
    this.json = row.body;
  }

  get body(): Record<string, unknown> {
    return (this.#body ??= JSON.parse(this.json) as Record<string, unknown>);
  }
}

/** Filter name → SQL condition on the `records` columns (values are always bound parameters). */
const conditions: Record<keyof ListFilter, string> = {
  indicator: 'indicator = ?',
  country: 'country = ?',
  organisation: 'organisation = ?',
  facility: 'facility = ?',
  from: 'period_end >= ?',
  to: 'period_start <= ?',
};

/**
 * The query of the observations of the breakdowns of `count` keys (exported for the test that explains its
 * plan). Each key is looked up through records_by_group, the keys joined as a table: a condition per key,
 * joined by OR, would be checked on every row of a large table.
 */
export function breakdownsQuery(count: number): string {
  const keys = Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?)').join(', ');
  return `WITH wanted (indicator, organisation, country, area, period_start, period_end) AS (VALUES ${keys})
    SELECT DISTINCT r.type, r.id, r.owner, r.etag, r.body FROM wanted w CROSS JOIN records r
    WHERE r.type = 'observation' AND r.indicator = w.indicator AND r.organisation = w.organisation AND r.country = w.country
      AND r.area = w.area AND r.period_start = w.period_start AND r.period_end = w.period_end`;
}

/** After a write of this many records the planner's statistics are refreshed, so that filters keep their index. */
const ANALYZE_FROM_RECORDS = 10_000;

/**
 * Refreshes the statistics by which the engine picks an index for a filter (a period that matches
 * few records is read through its period index; one that matches most, in id order) once a large
 * write has committed. It runs after the answer, as its own statement: on a million records SQLite
 * takes a second or more to read them all.
 */
function statistics(database: SqlDatabase): { stale(): void; refresh(): void; settled(): Promise<void> } {
  let stale = false;
  let pending: Promise<void> = Promise.resolve();
  return {
    stale: () => void (stale = true),
    refresh() {
      if (!stale) return;
      stale = false;
      // Statistics only guide the planner: a failure leaves the old ones, and the next large write retries.
      // On the next turn of the event loop, once the write's answer is on its way: a synchronous driver
      // would otherwise run it before the caller of the transaction resumes.
      pending = pending
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => database.script('ANALYZE records'))
        .catch(() => undefined);
    },
    settled: () => pending,
  };
}

/** The columns of a stored record, in the order `pushRecordRow` gives them. */
const RECORD_COLUMNS = ['type', 'id', 'owner', 'etag', 'body', ...FILTER_COLUMNS, 'updated_at'];
/** The key of a record: a record written again replaces the stored one. */
const RECORD_KEY = ['type', 'id'];

/**
 * Appends the row of a record to `values` (the parameters of a bulk insert) and returns its
 * ETag. The body is serialised once: the stored text, the ETag's hash and nothing else read it.
 */
function pushRecordRow(values: unknown[], record: RecordWrite, now: string): string {
  const body = JSON.stringify(record.body);
  const etag = etagOf(body);
  values.push(record.type, record.id, record.owner, etag, body);
  pushFilterColumns(record.type, record.body, values);
  values.push(now);
  return etag;
}

/** The rows of records for a bulk write, and their ETags: each ETag is known once its row has been built. */
function recordRows(records: readonly RecordWrite[], now: string): { rows: Rows; etags: string[] } {
  const etags = new Array<string>(records.length);
  const rows: Rows = {
    count: records.length,
    push: (index, into) => void (etags[index] = pushRecordRow(into, records[index]!, now)),
    key: (index) => [records[index]!.type, records[index]!.id],
  };
  return { rows, etags };
}

/** The SQL of the list query of a filter, and its values (exported for the test that explains its plans). */
export function listQuery(type: RecordType, filter: ListFilter, after: string | undefined, limit: number): { sql: string; params: unknown[] } {
  const where = ['type = ?'];
  const params: unknown[] = [type];
  for (const [name, condition] of Object.entries(conditions) as [keyof ListFilter, string][]) {
    const value = filter[name];
    if (value === undefined) continue;
    where.push(condition);
    params.push(value);
  }
  if (after !== undefined) {
    where.push('id > ?');
    params.push(after);
  }
  // One row beyond the page tells whether another page follows.
  return { sql: `SELECT type, id, owner, etag, body FROM records WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`, params: [...params, limit + 1] };
}

/** Rate-limit windows of one process, for SQLite (one file, one process). */
function memoryWindows(): (key: string, windowMs: number) => Promise<RateWindow> {
  const windows = new Map<string, RateWindow>();
  return async (key, windowMs) => {
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now >= window.resetAt) {
      // Forget windows that ended, so that the map holds only active clients.
      for (const [other, w] of windows) if (now >= w.resetAt) windows.delete(other);
      windows.set(key, (window = { count: 0, resetAt: now - (now % windowMs) + windowMs }));
    }
    window.count++;
    return { ...window };
  };
}

/** Rate-limit windows in the database, shared by every hub process on it. */
function databaseWindows(db: SqlConnection): (key: string, windowMs: number) => Promise<RateWindow> {
  return async (key, windowMs) => {
    const now = Date.now();
    const start = now - (now % windowMs);
    const [row] = await db.all<{ count: number }>(
      'INSERT INTO rate_windows (key, window_start, count) VALUES (?, ?, 1) ON CONFLICT (key, window_start) DO UPDATE SET count = rate_windows.count + 1 RETURNING count',
      [key, start],
    );
    // The first request of a window clears the windows that ended.
    if (row!.count === 1) await db.run('DELETE FROM rate_windows WHERE window_start < ?', [start]);
    return { count: row!.count, resetAt: start + windowMs };
  };
}

/** What the stores of one database share: the database, its rate-limit windows and its statistics. */
interface Shared {
  database: SqlDatabase;
  hit: Store['hit'];
  statistics: ReturnType<typeof statistics>;
}

/** A store over a connection: the database itself, or one of its transactions. */
function storeOn(db: SqlConnection, shared: Shared): Store {
  const { database, hit } = shared;
  const one = async <T>(sql: string, params: unknown[]) => (await db.all<T>(sql, params))[0];
  const store: Store = {
    engine: db.dialect,
    async transaction(work, options) {
      try {
        // A write checks the records it reads (a breakdown's observations) before it writes: a bulk import may not change them meanwhile.
        return await database.transaction((tx) => work(storeOn(tx, shared)), options?.bulk ? { bulk: ['records'] } : { shared: ['records'] });
      } finally {
        shared.statistics.refresh();
      }
    },
    async get(type, id) {
      const row = await one<RecordRow>('SELECT type, id, owner, etag, body FROM records WHERE type = ? AND id = ?', [type, id]);
      return row && new Row(row);
    },
    async list(type, filter, after, limit): Promise<ListPage> {
      const { sql, params } = listQuery(type, filter, after, limit);
      const rows = await db.all<RecordRow>(sql, params);
      const more = rows.length > limit;
      const records = rows.slice(0, limit).map((row) => new Row(row));
      return { records, next: more ? records[records.length - 1]!.id : null };
    },
    async owners(type, ids) {
      const found = new Map<string, string>();
      // In slices, to stay within the values a statement binds.
      for (let start = 0; start < ids.length; start += 500) {
        const slice = ids.slice(start, start + 500);
        const rows = await db.all<{ id: string; owner: string }>(`SELECT id, owner FROM records WHERE type = ? AND id IN (${slice.map(() => '?').join(', ')})`, [type, ...slice]);
        for (const row of rows) found.set(row.id, row.owner);
      }
      return found;
    },
    async breakdowns(keys) {
      const found: StoredRecord[] = [];
      // In slices, to stay within the values a statement binds.
      for (let start = 0; start < keys.length; start += 500) {
        const slice = keys.slice(start, start + 500);
        const rows = await db.all<RecordRow>(breakdownsQuery(slice.length), slice.flatMap((key) => [key.indicator, key.organisation, key.country, key.area, key.start, key.end]));
        for (const row of rows) found.push(new Row(row));
      }
      return found;
    },
    async ids(type) {
      return (await db.all<{ id: string }>('SELECT id FROM records WHERE type = ?', [type])).map((row) => row.id);
    },
    async put(records) {
      const { rows, etags } = recordRows(records, new Date().toISOString());
      await db.insertMany('records', RECORD_COLUMNS, rows, RECORD_KEY);
      if (records.length >= ANALYZE_FROM_RECORDS) shared.statistics.stale();
      return etags;
    },
    async delete(type, id) {
      return (await db.run('DELETE FROM records WHERE type = ? AND id = ?', [type, id])) > 0;
    },
    async recordPackage(id, publisher, summary) {
      await db.run(
        `INSERT INTO packages (id, publisher, summary, imported_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET publisher = excluded.publisher, summary = excluded.summary, imported_at = excluded.imported_at`,
        [id, publisher, JSON.stringify(summary), new Date().toISOString()],
      );
    },
    async packagePublisher(id) {
      return (await one<{ publisher: string }>('SELECT publisher FROM packages WHERE id = ?', [id]))?.publisher;
    },
    async createToken(organisation: string, role: Role, options = {}) {
      const token = `phx_${randomBytes(32).toString('base64url')}`;
      await db.run('INSERT INTO tokens (id, hash, organisation, role, created_at, expires_at, label) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        randomUUID(), sha256(token), organisation, role, new Date().toISOString(), options.expiresAt ?? null, options.label ?? null,
      ]);
      return token;
    },
    async principal(token) {
      const row = await one<{ id: string; organisation: string; role: Role; expires_at: string | null; last_used_at: string | null; revoked_at: string | null }>(
        'SELECT id, organisation, role, expires_at, last_used_at, revoked_at FROM tokens WHERE hash = ?',
        [sha256(token)],
      );
      const now = new Date().toISOString();
      if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return undefined;
      // Noted to the minute: a write for every request would cost more than it tells.
      if (row.last_used_at === null || row.last_used_at.slice(0, 16) !== now.slice(0, 16)) await db.run('UPDATE tokens SET last_used_at = ? WHERE id = ?', [now, row.id]);
      return { tokenId: row.id, organisation: row.organisation, role: row.role };
    },
    async tokens() {
      const rows = await db.all<Record<string, string | null>>(
        'SELECT id, organisation, role, label, created_at, expires_at, last_used_at, revoked_at FROM tokens ORDER BY organisation, created_at, id',
      );
      return rows.map((row): TokenInfo => ({
        id: row.id!, organisation: row.organisation!, role: row.role as Role, label: row.label ?? null, createdAt: row.created_at!,
        expiresAt: row.expires_at ?? null, lastUsedAt: row.last_used_at ?? null, revokedAt: row.revoked_at ?? null,
      }));
    },
    async revokeToken(id) {
      return (await db.run('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [new Date().toISOString(), id])) > 0;
    },
    async audit(entries) {
      const at = new Date().toISOString();
      await db.insertMany(
        'audit',
        ['at', 'action', 'type', 'record_id', 'package', 'owner', 'records', 'by_organisation', 'by_role'],
        { count: entries.length, push: (index, into) => {
          const e = entries[index]!;
          into.push(at, e.action, e.type, e.id, e.package, e.owner, e.records, e.by.organisation, e.by.role);
        } },
      );
    },
    async auditTrail(organisation, after, limit) {
      const where = [after === undefined ? '1 = 1' : 'seq > ?', organisation === undefined ? '1 = 1' : '(owner = ? OR by_organisation = ?)'];
      const params = [...(after === undefined ? [] : [after]), ...(organisation === undefined ? [] : [organisation, organisation])];
      const rows = await db.all<Record<string, string | number | null>>(
        `SELECT seq, at, action, type, record_id, package, owner, records, by_organisation, by_role FROM audit WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`,
        [...params, limit + 1],
      );
      const entries = rows.slice(0, limit).map((row): AuditEntry => ({
        // PostgreSQL sends a BIGINT as text.
        seq: Number(row.seq), at: row.at as string, action: row.action as AuditEntry['action'], type: (row.type ?? null) as AuditEntry['type'],
        id: (row.record_id ?? null) as string | null, package: (row.package ?? null) as string | null, owner: row.owner as string,
        records: Number(row.records), by: { organisation: row.by_organisation as string, role: row.by_role as AuditEntry['by']['role'] },
      }));
      return { entries, next: rows.length > limit ? entries[entries.length - 1]!.seq : null };
    },
    async response(principal: Principal, key: string) {
      const row = await one<{ request_hash: string; status: number; headers: string; body: string }>(
        'SELECT request_hash, status, headers, body FROM idempotency WHERE token_id = ? AND idempotency_key = ?',
        [principal.tokenId, key],
      );
      return row && { requestHash: row.request_hash, status: row.status, headers: JSON.parse(row.headers) as Record<string, string>, body: row.body };
    },
    async saveResponse(principal, key, response) {
      await db.run('INSERT INTO idempotency (token_id, idempotency_key, request_hash, status, headers, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        principal.tokenId, key, response.requestHash, response.status, JSON.stringify(response.headers), response.body, new Date().toISOString(),
      ]);
    },
    hit,
    async close() {
      await shared.statistics.settled();
      await database.close();
    },
  };
  return store;
}

/** Applies the migrations the database has not had, each recorded in `schema_migrations`. */
async function migrate(db: SqlDatabase): Promise<void> {
  await db.migrate(async (tx) => {
    await tx.script('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const [row] = await tx.all<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    for (let version = (row?.version ?? 0) + 1; version <= migrations.length; version++) {
      await tx.script(migrations[version - 1]![tx.dialect]);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [version, new Date().toISOString()]);
    }
    // The catalogue's indicators are stored, so that they list, paginate and carry ETags like any record.
    const catalogue = indicatorCatalogue.map((definition): RecordWrite => ({ type: 'indicator', id: definition.code, owner: CATALOGUE_OWNER, body: definition as unknown as Record<string, unknown> }));
    await tx.insertMany('records', RECORD_COLUMNS, recordRows(catalogue, new Date().toISOString()).rows, RECORD_KEY);
  });
}

/** Whether a database location is a PostgreSQL connection URL rather than a SQLite file. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/**
 * How {@link openStore} opens a database.
 *
 * @example
 * ```ts
 * import { openStore, type OpenStoreOptions } from '@phx/server';
 * const existingOnly: OpenStoreOptions = { create: false };
 * const store = await openStore('./phx.sqlite', existingOnly);
 * await store.close();
 * ```
 */
export interface OpenStoreOptions {
  /**
   * Create the SQLite file when it does not exist. With `false`, a missing file is refused with an
   * error of code `ENOENT` (and its `path`), so that a mistyped path does not leave an empty database
   * that no hub reads. A PostgreSQL database is never created: one that does not exist is an error.
   * @default true
   */
  create?: boolean;
}

/**
 * Opens the store of a hub: a PostgreSQL database when `location` is a `postgres://` (or
 * `postgresql://`) URL, else a SQLite file (created if missing, unless `options.create` is false;
 * `:memory:` for one that lives as long as the store). Pending migrations are applied and the indicator
 * catalogue kept in step with @phx/schema; hub processes that open the same PostgreSQL database at once
 * wait for each other.
 *
 * @example
 * ```ts
 * import { openStore } from '@phx/server';
 * const store = await openStore(process.env.PHX_DB ?? './phx.sqlite'); // or postgres://phx@db.example.org/phx
 * const token = await store.createToken('ZA-NPO-123-456', 'member');
 * await store.close();
 * ```
 */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  const database = isPostgresUrl(location) ? openPostgresDatabase(location) : openSqliteDatabase(location, options);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return storeOn(database, {
    database,
    hit: database.dialect === 'postgres' ? databaseWindows(database) : memoryWindows(),
    statistics: statistics(database),
  });
}
