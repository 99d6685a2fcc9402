/** The store contract: every test runs on the engine of the test project (SQLite, PostgreSQL). */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { indicatorCatalogue } from '@phx/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type ListFilter, type Store } from '../src/index.js';
import { migrations } from '../src/store/migrations.js';
import { observation, organisation, ORG_A } from './fixtures/data.js';
import { testDatabase, testEngine } from './fixtures/hub.js';

const run = promisify(execFile);
const tsx = createRequire(import.meta.url).resolve('tsx');

const opened: { store?: Store; remove(): void }[] = [];
afterEach(async () => {
  for (const { store, remove } of opened.splice(0)) {
    await store?.close();
    remove();
  }
});

/** A store on a new database of this project's engine. */
async function freshStore(): Promise<{ store: Store; db: string }> {
  const { db, remove } = await testDatabase();
  const store = await openStore(db);
  opened.push({ store, remove });
  return { store, db };
}

/** Runs one query on the database behind a store, outside the store. */
async function query<T>(db: string, sql: string): Promise<T[]> {
  if (testEngine === 'sqlite') {
    const file = new Database(db, { readonly: true });
    try {
      return file.prepare(sql).all() as T[];
    } finally {
      file.close();
    }
  }
  const client = postgres(db, { max: 1 });
  try {
    return (await client.unsafe(sql)) as unknown as T[];
  } finally {
    await client.end();
  }
}

const write = (id: string, body = observation(id, ORG_A)) => ({ type: 'observation' as const, id, owner: ORG_A, body });

describe(`the store on ${testEngine}`, () => {
  it('runs its migrations once, however often it is opened', async () => {
    const { store, db } = await freshStore();
    expect(store.engine).toBe(testEngine === 'sqlite' ? 'sqlite' : 'postgres');
    await (await openStore(db)).close();
    const versions = await query<{ version: number }>(db, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('migrates once when several processes open a new database at the same time', async () => {
    const { db, remove } = await testDatabase();
    opened.push({ remove });
    const results = await Promise.all(
      Array.from({ length: 4 }, () => run(process.execPath, ['--import', tsx, fileURLToPath(new URL('./fixtures/open-store.ts', import.meta.url)), db])),
    );
    expect(results.map((result) => result.stderr)).toEqual(['', '', '', '']);
    expect(await query(db, 'SELECT version FROM schema_migrations')).toHaveLength(migrations.length);
  });

  it('enforces foreign keys: an idempotency record needs its token', async () => {
    const { store } = await freshStore();
    await expect(
      store.transaction((tx) => tx.saveResponse({ tokenId: 'no-such-token', organisation: ORG_A, role: 'member' }, 'k', { requestHash: 'h', status: 200, body: '{}', headers: {} })),
    ).rejects.toThrow(/foreign key/i);
  });

  it('keeps only the hash of a token', async () => {
    const { store, db } = await freshStore();
    const token = await store.createToken(ORG_A, 'member');
    expect(await store.principal(token)).toMatchObject({ organisation: ORG_A, role: 'member' });
    expect(await store.principal(`${token}x`)).toBeUndefined();
    const hashes = await query<{ hash: string }>(db, 'SELECT hash FROM tokens');
    expect(hashes.map((row) => row.hash)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    if (testEngine === 'sqlite') expect(readFileSync(db).includes(token)).toBe(false);
  });

  it('rolls a failed transaction back, and runs transactions as if one after another', async () => {
    const { store } = await freshStore();
    await expect(
      store.transaction(async (tx) => {
        await tx.put([write('kept-not')]);
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await store.get('observation', 'kept-not')).toBeUndefined();
    // Ten transactions each read a counter and write it back one higher: none may lose another's update.
    await store.put([write('counter', { ...observation('counter', ORG_A), numerator: 100, value: 100 })]);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        store.transaction(async (tx) => {
          const current = (await tx.get('observation', 'counter'))!.body;
          await new Promise((resolve) => setTimeout(resolve, 5));
          const n = (current.numerator as number) + 1;
          await tx.put([write('counter', { ...(current as ReturnType<typeof observation>), numerator: n, value: n })]);
        }),
      ),
    );
    expect((await store.get('observation', 'counter'))!.body.numerator).toBe(110);
  });

  it('holds the indicator catalogue', async () => {
    const { store } = await freshStore();
    expect((await store.ids('indicator')).sort()).toEqual(indicatorCatalogue.map((d) => d.code).sort());
  });

  it('treats filter values as data, never as SQL', async () => {
    const { store } = await freshStore();
    await store.put([write('o1')]);
    // The hub's query schema refuses such a country; the store must be safe without it.
    const injection = { country: "ZA' OR '1'='1" } as unknown as ListFilter;
    expect((await store.list('observation', injection, undefined, 10)).records).toEqual([]);
    expect((await store.list('observation', { country: 'ZA' }, undefined, 10)).records).toHaveLength(1);
  });

  it('gives the same ETag to the same content and a new one to changed content', async () => {
    const { store } = await freshStore();
    const body = observation('o1', ORG_A);
    const [first] = await store.put([write('o1', body)]);
    const [same] = await store.put([write('o1', body)]);
    const [changed] = await store.put([write('o1', { ...body, notes: 'x' })]);
    expect(same).toBe(first);
    expect(changed).not.toBe(first);
  });

  it.each([false, true])('stores many records at once, replacing those that exist, with any text in them (bulk transaction: %s)', async (bulk) => {
    const { store } = await freshStore();
    // Enough rows for the bulk path (COPY on PostgreSQL), with characters that COPY and SQL escape.
    const notes = 'tab\there, newline\nthere, back\\slash, quote\' and "double", NUL-free ünïcødé 🙂';
    const records = Array.from({ length: 1200 }, (_, i) => write(`bulk-${String(i).padStart(4, '0')}`, { ...observation(`bulk-${String(i).padStart(4, '0')}`, ORG_A), notes }));
    const etags = await store.transaction((tx) => tx.put(records), { bulk });
    expect(new Set(etags).size).toBe(records.length);
    // New records among those that exist: copied straight in (bulk) or through the staging table with the rest.
    const replaced = await store.transaction(
      (tx) => tx.put([write('bulk-new'), ...records.slice(0, 600).map((r) => write(r.id, { ...r.body, notes: 'changed' })), write('bulk-newer')]),
      { bulk },
    );
    expect(replaced).toHaveLength(602);
    const all = [];
    for (let after: string | undefined, page; (page = await store.list('observation', {}, after, 1000)); after = page.next!) {
      all.push(...page.records);
      if (page.next === null) break;
    }
    expect(all.map((r) => r.id)).toEqual([...records.map((r) => r.id), 'bulk-new', 'bulk-newer'].sort());
    expect((await store.get('observation', 'bulk-0001'))!.etag).toBe(replaced[2]);
    expect(all.filter((r) => r.body.notes === notes)).toHaveLength(600);
    expect(all.filter((r) => r.body.notes === 'changed')).toHaveLength(600);
    expect((await store.get('observation', 'bulk-0700'))!.json).toBe(JSON.stringify(records[700]!.body));
  });

  it('keeps the ids of each record type apart in a bulk write of several types, some stored and some new', async () => {
    const { store } = await freshStore();
    // Ids of varied lengths, each used by an organisation and by an observation.
    const ids = Array.from({ length: 300 }, (_, i) => `${'k'.repeat(1 + (i % 40))}.${i}`);
    const organisationOf = (id: string, name: string) => ({ type: 'organisation' as const, id, owner: ORG_A, body: { ...organisation(id), name } });
    await store.put(ids.filter((_, i) => i % 2 === 0).map((id) => organisationOf(id, 'before')));
    const etags = await store.transaction((tx) => tx.put([...ids.map((id) => organisationOf(id, 'bulk')), ...ids.map((id) => write(id))]), { bulk: true });
    expect(etags).toHaveLength(600);
    for (const [i, id] of ids.entries()) {
      expect((await store.get('organisation', id))?.body.name).toBe('bulk');
      expect((await store.get('organisation', id))?.etag).toBe(etags[i]);
      expect((await store.get('observation', id))?.etag).toBe(etags[300 + i]);
    }
  });

  it('lets a bulk transaction and other writers of the same ids, on another connection pool, all finish, each write whole', async () => {
    const { store, db } = await freshStore();
    const other = await openStore(db);
    opened.push({ store: other, remove: () => undefined });
    const ids = Array.from({ length: 600 }, (_, i) => `race-${String(i).padStart(4, '0')}`);
    // Some ids are stored before, some are written by both sides while the bulk write runs.
    await store.put(ids.filter((_, i) => i % 3 === 0).map((id) => write(id, { ...observation(id, ORG_A), notes: 'before' })));
    const bulk = store.transaction((tx) => tx.put(ids.map((id) => write(id, { ...observation(id, ORG_A), notes: 'bulk' }))), { bulk: true });
    const singles = ids
      .filter((_, i) => i % 50 === 1 || i % 50 === 3)
      .map((id) => other.transaction(async (tx) => tx.put([write(id, { ...observation(id, ORG_A), notes: 'single' })])));
    await Promise.all([bulk, ...singles]);
    const stored = await Promise.all(ids.map((id) => store.get('observation', id)));
    for (const [i, record] of stored.entries()) {
      expect(record?.body.notes).toEqual(i % 50 === 1 || i % 50 === 3 ? expect.stringMatching(/^(bulk|single)$/) : 'bulk');
      const [again] = await store.put([write(ids[i]!, record!.body as ReturnType<typeof observation>)]);
      expect(again).toBe(record!.etag);
    }
  });

  it('finds the observations of a breakdown, and shows a writer the breakdown as a bulk write running before it left it', async () => {
    const { store, db } = await freshStore();
    const other = await openStore(db);
    opened.push({ store: other, remove: () => undefined });
    const key = { indicator: 'prisons-people-on-oat', organisation: ORG_A, country: 'ZA', area: 'North', start: '2022-01-01', end: '2022-12-31' };
    const inArea = (id: string, area?: string) => ({ ...observation(id, ORG_A), scope: { country: 'ZA' as const, ...(area === undefined ? {} : { subnationalArea: area }) } });
    await store.put([write('north', inArea('north', 'North')), write('south', inArea('south', 'South')), write('whole', inArea('whole'))]);
    expect((await store.breakdowns([key])).map((r) => r.id)).toEqual(['north']);
    expect((await store.breakdowns([{ ...key, area: '' }, { ...key, area: 'South' }])).map((r) => r.id).sort()).toEqual(['south', 'whole']);
    // A writer that starts while a bulk write runs reads the breakdown once the bulk write has committed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const bulk = store.transaction(async (tx) => {
      await tx.put([write('north-2', inArea('north-2', 'North'))]);
      wrote();
      await held;
    }, { bulk: true });
    await written;
    const seen = other.transaction(async (tx) => {
      const ids = (await tx.breakdowns([key])).map((r) => r.id).sort();
      await tx.put([write('north-3', inArea('north-3', 'North'))]);
      return ids;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await bulk;
    expect(await seen).toEqual(['north', 'north-2']);
  });

  it('orders ids by their bytes, whatever the locale of the server', async () => {
    const { store } = await freshStore();
    const ids = ['a-1', 'B-1', 'a_1', 'a1', 'Ä-1', 'z', '0', 'a-10', 'a-2'];
    await store.put(ids.map((id) => write(id)));
    const listed = (await store.list('observation', {}, undefined, 100)).records.map((r) => r.id);
    expect(listed).toEqual([...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it('counts requests per key in fixed windows', async () => {
    const { store } = await freshStore();
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push((await store.hit('token:a', 60_000)).count);
    expect(counts).toEqual([1, 2, 3]);
    const other = await store.hit('address:127.0.0.1', 60_000);
    expect(other.count).toBe(1);
    expect(other.resetAt).toBeGreaterThan(Date.now());
    expect(other.resetAt - Date.now()).toBeLessThanOrEqual(60_000);
  });
});
