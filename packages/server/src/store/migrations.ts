/**
 * Schema migrations, applied in order at start and recorded in `schema_migrations`.
 * Append new ones; never edit one that has shipped. The SQL is kept portable (no SQLite-only
 * types or syntax) so that the PostgreSQL store can run the same statements.
 */
export const migrations: readonly string[] = [
  `CREATE TABLE tokens (
     id TEXT PRIMARY KEY,
     hash TEXT NOT NULL UNIQUE,
     organisation TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('member', 'secretariat', 'reader')),
     created_at TEXT NOT NULL
   );
   CREATE TABLE packages (
     id TEXT PRIMARY KEY,
     publisher TEXT NOT NULL,
     summary TEXT NOT NULL,
     imported_at TEXT NOT NULL
   );
   CREATE TABLE records (
     type TEXT NOT NULL,
     id TEXT NOT NULL,
     owner TEXT NOT NULL,
     etag TEXT NOT NULL,
     body TEXT NOT NULL,
     indicator TEXT,
     country TEXT,
     organisation TEXT,
     facility TEXT,
     period_start TEXT,
     period_end TEXT,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (type, id)
   );
   CREATE INDEX records_by_indicator ON records (type, indicator, id);
   CREATE INDEX records_by_country ON records (type, country, id);
   CREATE INDEX records_by_organisation ON records (type, organisation, id);
   CREATE INDEX records_by_facility ON records (type, facility, id);
   CREATE TABLE idempotency (
     token_id TEXT NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
     idempotency_key TEXT NOT NULL,
     request_hash TEXT NOT NULL,
     status INTEGER NOT NULL,
     headers TEXT NOT NULL,
     body TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (token_id, idempotency_key)
   );`,
];
