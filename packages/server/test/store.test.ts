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
  it('runs its migrations once, in WAL mode with foreign keys on', async () => {
    const file = tempFile();
    await openSqliteStore(file).close();
    await openSqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(migrations.map((_, i) => i + 1));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('enforces foreign keys: an idempotency record needs its token', async () => {
    const store = openSqliteStore(':memory:');
    await expect(store.saveResponse({ tokenId: 'no-such-token', organisation: ORG_A, role: 'member' }, 'k', { requestHash: 'h', status: 200, body: '{}', headers: {} }))
      .rejects.toThrow(/FOREIGN KEY/);
    await store.close();
  });

  it('keeps only the hash of a token', async () => {
    const file = tempFile();
    const store = openSqliteStore(file);
    const token = await store.createToken(ORG_A, 'member');
    expect(await store.principal(token)).toMatchObject({ organisation: ORG_A, role: 'member' });
    expect(await store.principal(`${token}x`)).toBeUndefined();
    await store.close();
    expect(readFileSync(file).includes(token)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT hash FROM tokens').pluck().get()).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('rolls a failed transaction back, and runs transactions one after another', async () => {
    const store = openSqliteStore(':memory:');
    const write = (id: string) => ({ type: 'observation' as const, id, owner: ORG_A, body: observation(id, ORG_A) });
    await expect(
      store.transaction(async (tx) => {
        await tx.put([write('kept-not')]);
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await store.get('observation', 'kept-not')).toBeUndefined();
    const order: string[] = [];
    await Promise.all(
      ['a', 'b'].map((name) =>
        store.transaction(async (tx) => {
          order.push(`${name} begins`);
          await tx.put([write(name)]);
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(`${name} ends`);
        }),
      ),
    );
    expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    await store.close();
  });

  it('holds the indicator catalogue', async () => {
    const store = openSqliteStore(':memory:');
    expect((await store.ids('indicator')).sort()).toEqual(indicatorCatalogue.map((d) => d.code).sort());
    await store.close();
  });

  it('treats filter values as data, never as SQL', async () => {
    const store = openSqliteStore(':memory:');
    await store.put([{ type: 'observation', id: 'o1', owner: ORG_A, body: observation('o1', ORG_A) }]);
    expect((await store.list('observation', { country: "ZA' OR '1'='1" }, undefined, 10)).records).toEqual([]);
    expect((await store.list('observation', { country: 'ZA' }, undefined, 10)).records).toHaveLength(1);
    await store.close();
  });

  it('gives the same ETag to the same content and a new one to changed content', async () => {
    const store = openSqliteStore(':memory:');
    const body = observation('o1', ORG_A);
    const [first] = (await store.put([{ type: 'observation', id: 'o1', owner: ORG_A, body }]));
    const [same] = (await store.put([{ type: 'observation', id: 'o1', owner: ORG_A, body }]));
    const [changed] = (await store.put([{ type: 'observation', id: 'o1', owner: ORG_A, body: { ...body, notes: 'x' } }]));
    expect(same).toBe(first);
    expect(changed).not.toBe(first);
    await store.close();
  });
});
