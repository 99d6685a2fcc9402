/** The SQL of one schema version, per engine. */
export interface Migration {
  sqlite: string;
  postgres: string;
}

/** The first schema: records with their filter columns, tokens, packages, idempotency keys. */
const records = (text: string) => `CREATE TABLE tokens (
     id TEXT PRIMARY KEY,
     hash TEXT NOT NULL UNIQUE,
     organisation TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('member', 'secretariat', 'reader')),
     created_at TEXT NOT NULL
   );
   CREATE TABLE packages (
     id ${text} PRIMARY KEY,
     publisher TEXT NOT NULL,
     summary TEXT NOT NULL,
     imported_at TEXT NOT NULL
   );
   CREATE TABLE records (
     type ${text} NOT NULL,
     id ${text} NOT NULL,
     owner ${text} NOT NULL,
     etag TEXT NOT NULL,
     body TEXT NOT NULL,
     indicator ${text},
     country ${text},
     organisation ${text},
     facility ${text},
     period_start ${text},
     period_end ${text},
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
   );`;

/** Periods indexed for `from`/`to`: each bound has an index that starts with the column it compares. */
const periods = `CREATE INDEX records_by_period_end ON records (type, period_end, id);
   CREATE INDEX records_by_period_start ON records (type, period_start, id);`;

/** Tokens that expire, are revoked and show when they were last used; the audit trail of writes. */
const audit = (seq: string, text: string) => `ALTER TABLE tokens ADD COLUMN label TEXT;
   ALTER TABLE tokens ADD COLUMN expires_at TEXT;
   ALTER TABLE tokens ADD COLUMN last_used_at TEXT;
   ALTER TABLE tokens ADD COLUMN revoked_at TEXT;
   CREATE TABLE audit (
     seq ${seq},
     at TEXT NOT NULL,
     action TEXT NOT NULL,
     type ${text},
     record_id ${text},
     package ${text},
     owner ${text} NOT NULL,
     records INTEGER NOT NULL,
     by_organisation ${text} NOT NULL,
     by_role TEXT NOT NULL,
     token_id TEXT
   );
   CREATE INDEX audit_by_owner ON audit (owner, seq);
   CREATE INDEX audit_by_writer ON audit (by_organisation, seq);`;

/**
 * The observations of a breakdown found by an index: an observation's subnational area ('' for none), taken
 * from the stored body, beside the columns it had. The rules that span a breakdown check a write with them.
 */
const groups = (text: string, area: string) => `ALTER TABLE records ADD COLUMN area ${text};
   UPDATE records SET area = COALESCE(${area}, '') WHERE type = 'observation';
   CREATE INDEX records_by_group ON records (type, indicator, organisation, country, area, period_start, period_end);`;

/**
 * Schema migrations, applied in order at start and recorded in `schema_migrations` (version n is
 * `migrations[n - 1]`). Append new ones; never edit one that has shipped. PostgreSQL compares the
 * identifiers and dates that lists order and filter by in the "C" collation, so that pages come in
 * the same byte order as on SQLite whatever the server's locale.
 */
export const migrations: readonly Migration[] = [
  { sqlite: records('TEXT'), postgres: records('TEXT COLLATE "C"') },
  {
    sqlite: periods,
    // Rate-limit windows are shared by the hub processes of one PostgreSQL database; they need no
    // crash safety, so the table skips the write-ahead log. One SQLite file serves one process, which
    // counts its windows in memory.
    postgres: `${periods}
   CREATE UNLOGGED TABLE rate_windows (
     key TEXT NOT NULL,
     window_start BIGINT NOT NULL,
     count INTEGER NOT NULL,
     PRIMARY KEY (key, window_start)
   );`,
  },
  { sqlite: audit('INTEGER PRIMARY KEY', 'TEXT'), postgres: audit('BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY', 'TEXT COLLATE "C"') },
  {
    sqlite: groups('TEXT', "json_extract(body, '$.scope.subnationalArea')"),
    postgres: groups('TEXT COLLATE "C"', "body::jsonb #>> '{scope,subnationalArea}'"),
  },
];
