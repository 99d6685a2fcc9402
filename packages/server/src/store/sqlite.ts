import { createHash, randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { indicatorCatalogue, type RecordType } from '@phx/schema';
import { filterColumns } from './columns.js';
import { migrations } from './migrations.js';
import type { ImportSummary, ListFilter, ListPage, Principal, Role, Store, StoredRecord, StoredResponse } from './types.js';

/** The owner recorded for the indicators of the catalogue that ships with @phx/schema. */
export const CATALOGUE_OWNER = '@catalogue';

/** SHA-256 of a text, hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A strong ETag derived from the stored representation: it changes exactly when the record does. */
function etagOf(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
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

const toRecord = (row: RecordRow): StoredRecord => new Row(row);

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
 * Opens (creating if needed) a hub database on a SQLite file: WAL journal, foreign keys on,
 * pending migrations applied, the indicator catalogue kept in step with @phx/schema.
 *
 * @example
 * ```ts
 * const store = openSqliteStore('./phx.sqlite');
 * const token = await store.createToken('ZA-NPO-123-456', 'member');
 * await store.close();
 * ```
 */
export function openSqliteStore(file: string): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const getRow = db.prepare('SELECT type, id, owner, etag, body FROM records WHERE type = ? AND id = ?');
  const ownerOf = db.prepare('SELECT owner FROM records WHERE type = ? AND id = ?');
  const upsert = db.prepare(
    `INSERT INTO records (type, id, owner, etag, body, indicator, country, organisation, facility, period_start, period_end, updated_at)
     VALUES (@type, @id, @owner, @etag, @body, @indicator, @country, @organisation, @facility, @period_start, @period_end, @updated_at)
     ON CONFLICT (type, id) DO UPDATE SET owner = excluded.owner, etag = excluded.etag, body = excluded.body,
       indicator = excluded.indicator, country = excluded.country, organisation = excluded.organisation,
       facility = excluded.facility, period_start = excluded.period_start, period_end = excluded.period_end,
       updated_at = excluded.updated_at`,
  );

  // SQLite has one writer: transactions run one after another. Reads outside a transaction share its
  // connection; they cannot see its writes half-done because every method settles at once, so a
  // transaction whose work awaits only the store ends before any other request is handled.
  let queue: Promise<unknown> = Promise.resolve();
  const store: Store = {
    transaction(work) {
      const run = async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(store);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async get(type, id) {
      const row = getRow.get(type, id) as RecordRow | undefined;
      return row && toRecord(row);
    },
    async list(type, filter, after, limit): Promise<ListPage> {
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
      const rows = prepare(`SELECT type, id, owner, etag, body FROM records WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`)
        .all(...params, limit + 1) as RecordRow[];
      const more = rows.length > limit;
      const records = rows.slice(0, limit).map(toRecord);
      return { records, next: more ? records[records.length - 1]!.id : null };
    },
    async owners(type, ids) {
      const found = new Map<string, string>();
      for (const id of ids) {
        const row = ownerOf.get(type, id) as { owner: string } | undefined;
        if (row) found.set(id, row.owner);
      }
      return found;
    },
    async ids(type) {
      return (prepare('SELECT id FROM records WHERE type = ?').pluck().all(type) as string[]);
    },
    async put(records) {
      const now = new Date().toISOString();
      return records.map((record) => {
        const body = JSON.stringify(record.body);
        const etag = etagOf(body);
        upsert.run({ type: record.type, id: record.id, owner: record.owner, etag, body, ...filterColumns(record.type, record.body), updated_at: now });
        return etag;
      });
    },
    async delete(type, id) {
      return prepare('DELETE FROM records WHERE type = ? AND id = ?').run(type, id).changes > 0;
    },
    async recordPackage(id: string, publisher: string, summary: ImportSummary) {
      prepare(
        `INSERT INTO packages (id, publisher, summary, imported_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET publisher = excluded.publisher, summary = excluded.summary, imported_at = excluded.imported_at`,
      ).run(id, publisher, JSON.stringify(summary), new Date().toISOString());
    },
    async hasPackage(id) {
      return prepare('SELECT 1 FROM packages WHERE id = ?').get(id) !== undefined;
    },
    async createToken(organisation: string, role: Role) {
      const token = `phx_${randomBytes(32).toString('base64url')}`;
      prepare('INSERT INTO tokens (id, hash, organisation, role, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(randomUUID(), sha256(token), organisation, role, new Date().toISOString());
      return token;
    },
    async principal(token) {
      const row = prepare('SELECT id, organisation, role FROM tokens WHERE hash = ?').get(sha256(token)) as
        | { id: string; organisation: string; role: Role }
        | undefined;
      return row && { tokenId: row.id, organisation: row.organisation, role: row.role };
    },
    async response(principal: Principal, key: string) {
      const row = prepare('SELECT request_hash, status, headers, body FROM idempotency WHERE token_id = ? AND idempotency_key = ?')
        .get(principal.tokenId, key) as { request_hash: string; status: number; headers: string; body: string } | undefined;
      return row && { requestHash: row.request_hash, status: row.status, headers: JSON.parse(row.headers), body: row.body };
    },
    async saveResponse(principal: Principal, key: string, response: StoredResponse) {
      prepare('INSERT INTO idempotency (token_id, idempotency_key, request_hash, status, headers, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(principal.tokenId, key, response.requestHash, response.status, JSON.stringify(response.headers), response.body, new Date().toISOString());
    },
    async close() {
      db.close();
    },
  };
  syncCatalogue(db, upsert);
  return store;
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = db.prepare('SELECT COALESCE(MAX(version), 0) FROM schema_migrations').pluck().get() as number;
  db.transaction(() => {
    for (let version = applied + 1; version <= migrations.length; version++) {
      db.exec(migrations[version - 1]!);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
    }
  })();
}

/** Stores the catalogue's indicators, so that they list, paginate and carry ETags like any record. */
function syncCatalogue(db: Database.Database, upsert: Database.Statement): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const definition of indicatorCatalogue) {
      const body = JSON.stringify(definition);
      upsert.run({ type: 'indicator', id: definition.code, owner: CATALOGUE_OWNER, etag: etagOf(body), body, ...filterColumns('indicator', definition), updated_at: now });
    }
  })();
}
