import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createToken } from '../src/index.js';
import { observationPackage, ORG_A } from './fixtures/data.js';

const entry = fileURLToPath(new URL('./fixtures/start.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');

/** Starts the hub in its own process and resolves with its URL once it listens. */
async function spawnHub(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', tsx, entry, '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) return { child, url: (JSON.parse(line) as { url: string }).url };
  throw new Error('The hub exited before listening.');
}

const walSize = (db: string) => {
  try {
    return statSync(`${db}-wal`).size;
  } catch {
    return 0;
  }
};

describe('an import interrupted by SIGKILL', () => {
  it('leaves the package either wholly stored or absent after a restart on the same file', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'phx-crash-')), 'hub.sqlite');
    const { token } = await createToken({ db, organisation: ORG_A, role: 'member' });
    const records = 30_000;
    const pkg = observationPackage(ORG_A, records);
    const first = await spawnHub(db);
    const before = walSize(db);

    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    const request = fetch(`${first.url}/v1/packages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(pkg),
    }).then((response) => response.status, () => 'connection lost');
    // Kill once the transaction has begun writing pages to the WAL, or at the latest after 10 s.
    const deadline = Date.now() + 10_000;
    while (walSize(db) <= before + 64 * 1024 && Date.now() < deadline) await sleep(2);
    first.child.kill('SIGKILL');
    await exited;
    const outcome = await request;

    const second = await spawnHub(db);
    try {
      const response = await fetch(`${second.url}/v1/observations?organisation=${ORG_A}&limit=1000`, { headers: { Authorization: `Bearer ${token}` } });
      const page = (await response.json()) as { data: unknown[]; next: string | null };
      let stored = page.data.length;
      for (let cursor = page.next; cursor; ) {
        const next = (await (await fetch(`${second.url}/v1/observations?organisation=${ORG_A}&limit=1000&cursor=${cursor}`, {
          headers: { Authorization: `Bearer ${token}` },
        })).json()) as { data: unknown[]; next: string | null };
        stored += next.data.length;
        cursor = next.next;
      }
      expect([0, records]).toContain(stored);
      // The import was answered only if it committed.
      if (outcome === 200) expect(stored).toBe(records);
    } finally {
      second.child.kill('SIGTERM');
    }
  });
});
