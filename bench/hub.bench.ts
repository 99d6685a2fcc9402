/**
 * Hub benchmark, on loopback against a real hub on a temporary SQLite file:
 * - bulk import of N observations (default 100 000) through @phx/client, in records/s, beside
 *   `validate()` of the same package alone and a raw better-sqlite3 insert of the same rows
 *   (one transaction, same columns) — the floor of the storage;
 * - list latency (p50/p99) of 32 concurrent clients paging through observations.
 * Prints a table and writes bench/results/hub.json. Options: --records N, --clients C, --requests R (per client).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { createClient } from '@phx/client';
import { validate } from '@phx/schema';
import { createToken } from '@phx/server';
import { observationPackage, ORG_A } from '../packages/server/test/fixtures/data.js';

const { values } = parseArgs({
  options: { records: { type: 'string', default: '100000' }, clients: { type: 'string', default: '32' }, requests: { type: 'string', default: '100' } },
});
const records = Number(values.records);
const clients = Number(values.clients);
const requestsPerClient = Number(values.requests);
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'phx-hub-bench-'));

/** Starts `dist/main.js` of @phx/server with the benchmark's limits and resolves once it listens. */
async function spawnHub(file: string): Promise<{ child: ChildProcess; url: string }> {
  const main = join(dirname(createRequire(import.meta.url).resolve('@phx/server')), 'main.js');
  const child = spawn(process.execPath, [main, '--db', file, '--port', '0', '--rate-limit', String(Number.MAX_SAFE_INTEGER), '--max-import-records', String(records + 1), '--max-body-bytes', String(Math.max(128 * 1024 * 1024, records * 1024))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) return { child, url: (JSON.parse(line) as { url: string }).url };
  throw new Error('The hub exited before listening.');
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const pkg = observationPackage(ORG_A, records, { prefix: 'bench' });

// validate() alone: the share of an import that is validation.
let start = process.hrtime.bigint();
const checked = validate(pkg);
const validateSeconds = seconds(start);
if (!checked.ok) throw new Error(`The benchmark package is invalid: ${checked.issues[0]?.message}`);

// Raw better-sqlite3: the same rows, the same columns, one transaction.
const raw = new Database(join(dir, 'raw.sqlite'));
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = NORMAL');
raw.exec(`CREATE TABLE records (type TEXT NOT NULL, id TEXT NOT NULL, owner TEXT NOT NULL, body TEXT NOT NULL, indicator TEXT, country TEXT,
  organisation TEXT, period_start TEXT, period_end TEXT, PRIMARY KEY (type, id))`);
const insert = raw.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
start = process.hrtime.bigint();
raw.transaction(() => {
  for (const o of pkg.observations!) {
    insert.run('observation', o.id, o.reportingOrganisation, JSON.stringify(o), o.indicator, o.scope.country, o.reportingOrganisation, o.period.start, o.period.end);
  }
})();
const rawSeconds = seconds(start);
raw.close();

// The hub, in its own process as in production: import through the client, then page with concurrent clients.
const db = join(dir, 'hub.sqlite');
const { token } = await createToken({ db, organisation: ORG_A, role: 'member' });
const hub = await spawnHub(db);
const client = createClient({ baseUrl: hub.url, token, timeout: false });
start = process.hrtime.bigint();
const summary = await client.packages.import(pkg);
const importSeconds = seconds(start);
if (summary.created !== records + 1) throw new Error(`Imported ${summary.created} records, expected ${records + 1}`);

const latencies: number[] = [];
start = process.hrtime.bigint();
await Promise.all(
  Array.from({ length: clients }, async () => {
    const reader = createClient({ baseUrl: hub.url, token, retry: 0 });
    let cursor: string | undefined;
    for (let i = 0; i < requestsPerClient; i++) {
      const began = performance.now();
      const page = await reader.observations.page({ organisation: ORG_A, limit: 100, ...(cursor ? { cursor } : {}) });
      latencies.push(performance.now() - began);
      cursor = page.next ?? undefined;
    }
  }),
);
const listSeconds = seconds(start);
hub.child.kill('SIGTERM');
await new Promise((resolve) => hub.child.once('exit', resolve));
rmSync(dir, { recursive: true, force: true });
latencies.sort((a, b) => a - b);

const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  records,
  import: { seconds: importSeconds, recordsPerSecond: records / importSeconds },
  validateOnly: { seconds: validateSeconds, recordsPerSecond: records / validateSeconds },
  rawInsert: { seconds: rawSeconds, recordsPerSecond: records / rawSeconds },
  list: {
    clients,
    requests: latencies.length,
    pageSize: 100,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    requestsPerSecond: latencies.length / listSeconds,
  },
};

const rate = (n: number) => `${Math.round(n).toLocaleString('en')} records/s`;
console.table({
  'import through @phx/client (HTTP, validate, one transaction)': { seconds: importSeconds.toFixed(2), rate: rate(result.import.recordsPerSecond) },
  'validate() alone': { seconds: validateSeconds.toFixed(2), rate: rate(result.validateOnly.recordsPerSecond) },
  'raw better-sqlite3 insert (floor)': { seconds: rawSeconds.toFixed(2), rate: rate(result.rawInsert.recordsPerSecond) },
});
console.table({
  [`list, ${clients} concurrent clients, pages of 100`]: {
    p50: `${result.list.p50Ms.toFixed(1)} ms`,
    p99: `${result.list.p99Ms.toFixed(1)} ms`,
    throughput: `${Math.round(result.list.requestsPerSecond)} requests/s`,
  },
});
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'hub.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('wrote bench/results/hub.json');
