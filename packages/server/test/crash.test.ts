import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createToken } from '../src/index.js';
import { observationPackage, ORG_A } from './fixtures/data.js';
import { spawnHub, testDatabase, testEngine } from './fixtures/hub.js';

const walSize = (db: string) => {
  try {
    return statSync(`${db}-wal`).size;
  } catch {
    return 0;
  }
};

/** Resolves once the import's transaction has begun writing: the WAL grows (SQLite), or a transaction holds an id (PostgreSQL). */
async function writing(db: string, deadline: number): Promise<void> {
  if (testEngine === 'sqlite') {
    const before = walSize(db);
    while (walSize(db) <= before + 64 * 1024 && Date.now() < deadline) await sleep(2);
    return;
  }
  const sql = postgres(db, { max: 1 });
  try {
    while (Date.now() < deadline) {
      const [row] = await sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`;
      if (row!.n > 0) return;
      await sleep(2);
    }
  } finally {
    await sql.end();
  }
}

async function countStored(url: string, token: string): Promise<number> {
  let stored = 0;
  for (let cursor: string | null = ''; cursor !== null; ) {
    const response = await fetch(`${url}/v1/observations?organisation=${ORG_A}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { headers: { Authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { data: unknown[]; next: string | null };
    stored += page.data.length;
    cursor = page.next;
  }
  return stored;
}

describe(`an import interrupted by SIGKILL (${testEngine})`, () => {
  it('leaves the package either wholly stored or absent, for the other process and after a restart', async () => {
    const { db, remove } = await testDatabase();
    const { token } = await createToken({ db, organisation: ORG_A, role: 'member', newOrganisation: true });
    const records = 30_000;
    const pkg = observationPackage(ORG_A, records);
    const first = await spawnHub(db);
    // With two processes on one database, the other one keeps serving while the first dies.
    const other = testEngine === 'postgres-2' ? await spawnHub(db) : undefined;

    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    const request = fetch(`${first.url}/v1/packages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(pkg),
    }).then((response) => response.status, () => 'connection lost');
    // Kill once the transaction has begun writing, or at the latest after 20 s.
    await writing(db, Date.now() + 20_000);
    first.child.kill('SIGKILL');
    await exited;
    const outcome = await request;

    const second = other ?? (await spawnHub(db));
    try {
      const stored = await countStored(second.url, token);
      expect([0, records]).toContain(stored);
      // The import was answered only if it committed.
      if (outcome === 200) expect(stored).toBe(records);
      // The database takes writes again: the killed process held no lock.
      const retried = await fetch(`${second.url}/v1/packages`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(observationPackage(ORG_A, 10)),
      });
      expect(retried.status).toBe(200);
    } finally {
      await new Promise((resolve) => (second.child.once('exit', resolve), second.child.kill('SIGTERM')));
      remove();
    }
  });
});
