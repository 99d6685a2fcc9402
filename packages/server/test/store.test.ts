import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { indicatorCatalogue } from '@phx/schema';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import { migrations } from '../src/store/migrations.js';
import { observation, ORG_A } from './fixtures/data.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'phx-store-')), 'hub.sqlite');

describe('the SQLite store', () => {
  it('runs its migrations once, in WAL mode with foreign keys on', () => {
    const file = tempFile();
    openSqliteStore(file).close();
    const store = openSqliteStore(file);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(migrations.map((_, i) => i + 1));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('enforces foreign keys: an idempotency record needs its token', () => {
    const store = openSqliteStore(':memory:');
    expect(() => store.saveResponse({ tokenId: 'no-such-token', organisation: ORG_A, role: 'member' }, 'k', { requestHash: 'h', status: 200, body: '{}', headers: {} }))
      .toThrow(/FOREIGN KEY/);
    store.close();
  });

  it('keeps only the hash of a token', () => {
    const file = tempFile();
    const store = openSqliteStore(file);
    const token = store.createToken(ORG_A, 'member');
    expect(store.principal(token)).toMatchObject({ organisation: ORG_A, role: 'member' });
    expect(store.principal(`${token}x`)).toBeUndefined();
    store.close();
    expect(readFileSync(file).includes(token)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT hash FROM tokens').pluck().get()).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('holds the indicator catalogue', () => {
    const store = openSqliteStore(':memory:');
    expect(store.ids('indicator').sort()).toEqual(indicatorCatalogue.map((d) => d.code).sort());
    store.close();
  });

  it('treats filter values as data, never as SQL', () => {
    const store = openSqliteStore(':memory:');
    store.put([{ type: 'observation', id: 'o1', owner: ORG_A, body: observation('o1', ORG_A) }]);
    expect(store.list('observation', { country: "ZA' OR '1'='1" }, undefined, 10).records).toEqual([]);
    expect(store.list('observation', { country: 'ZA' }, undefined, 10).records).toHaveLength(1);
    store.close();
  });

  it('gives the same ETag to the same content and a new one to changed content', () => {
    const store = openSqliteStore(':memory:');
    const body = observation('o1', ORG_A);
    const [first] = store.put([{ type: 'observation', id: 'o1', owner: ORG_A, body }]).etags;
    const [same] = store.put([{ type: 'observation', id: 'o1', owner: ORG_A, body }]).etags;
    const [changed] = store.put([{ type: 'observation', id: 'o1', owner: ORG_A, body: { ...body, notes: 'x' } }]).etags;
    expect(same).toBe(first);
    expect(changed).not.toBe(first);
    store.close();
  });
});
