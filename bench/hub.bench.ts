/**
 * Hub benchmark, on SQLite and on PostgreSQL (a throw-away cluster, or PHX_BENCH_POSTGRES_URL):
 * - bulk import: the hub's write of N observations (default 100 000) in one transaction — rows with
 *   owner, ETag and filter columns, many a statement (COPY on PostgreSQL) — against the raw driver
 *   inserting the same rows into the same table in the same run, in one transaction (better-sqlite3:
 *   the hub's multi-row INSERT of 200 rows; postgres: COPY straight into the table). Neither raw side
 *   computes an ETag or resolves conflicts; what each side does is written into the results. The
 *   ratio import/raw is the figure to watch (goal ≥ 0.8);
 * - the import of the same package through @phx/client over HTTP (validation included), for scale;
 * - list latency (p50/p99) of 32 concurrent clients on M observations (default 1 000 000): pages by
 *   organisation with cursors, by country, and by periods (`from`/`to`), one of them matching nothing.
 * Prints tables and writes bench/results/hub.json. Options: --records N, --list-records M (0: no list test), --clients C,
 * --requests R (per client), --engines sqlite,postgres, --repeat K (import and raw insert run K times in turn; the best
 * of each counts, so that a busy machine shifts both alike).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { writeResults } from './support.js';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { createClient } from '@phx/client';
import type { Observation } from '@phx/schema';
import { createToken, openStore, type RecordWrite } from '@phx/server';
import { startCluster } from '../test/postgres/cluster.js';
import { observationPackage, ORG_A } from '../packages/server/test/fixtures/data.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    'list-records': { type: 'string', default: '1000000' },
    clients: { type: 'string', default: '32' },
    requests: { type: 'string', default: '50' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    repeat: { type: 'string', default: '3' },
  },
});
const repeat = Number(values.repeat);
const records = Number(values.records);
const listRecords = Number(values['list-records']);
const clients = Number(values.clients);
const requestsPerClient = Number(values.requests);
const engines = values.engines.split(',') as ('sqlite' | 'postgres')[];
const dir = mkdtempSync(join(tmpdir(), 'phx-hub-bench-'));

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const organisations = ['ZA-NPO-123-456', 'GB-CHC-1234567', 'UA-EDR-12345678', 'KE-NGO-0042'];
const countries = ['ZA', 'MZ', 'KE', 'UA', 'RU', 'KZ', 'FR', 'ES', 'BR', 'IN', 'TH', 'NG', 'UG', 'ZM', 'ZW', 'MW'];

/** The i-th observation of the list data: organisations, countries and years (2010–2024) spread evenly. */
function listObservation(i: number): Observation {
  const year = 2010 + (i % 15);
  const n = 100 + (i % 50);
  return {
    id: `obs-${String(i).padStart(8, '0')}`,
    indicator: 'prisons-people-on-oat',
    reportingOrganisation: organisations[i % organisations.length]!,
    scope: { country: countries[Math.floor(i / 4) % countries.length] as Observation['scope']['country'] },
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    numerator: n,
    value: n,
    unit: 'count',
    dataSource: 'routine-programme-data',
  };
}

const asWrite = (o: Observation): RecordWrite => ({ type: 'observation', id: o.id, owner: o.reportingOrganisation, body: o as unknown as Record<string, unknown> });

/** The hub's columns of `records`, in the order the raw rows give them. */
const COLUMNS = ['type', 'id', 'owner', 'etag', 'body', 'indicator', 'country', 'organisation', 'facility', 'period_start', 'period_end', 'updated_at'];
/** The hub's rows per multi-row INSERT on SQLite (`ROWS_PER_INSERT` of its SQLite store). */
const SQLITE_ROWS_PER_STATEMENT = 200;
/** An ETag-sized constant: the raw side stores a value as long as the hub's ETag, without computing one. */
const RAW_ETAG = `"${'0'.repeat(27)}"`;

/**
 * The raw row of an observation: its JSON text (one JSON.stringify, as the hub does), the same
 * filter columns read straight off the object, and a constant in place of the ETag.
 */
const rawRow = (o: Observation, now: string) =>
  ['observation', o.id, o.reportingOrganisation, RAW_ETAG, JSON.stringify(o), o.indicator, o.scope.country, o.reportingOrganisation, o.scope.facility ?? null, o.period.start, o.period.end, now];

/**
 * What the raw driver does, per engine, for the results: the fastest plain use of the driver for
 * the same rows, in one transaction, with the statement shape the hub uses.
 */
const RAW_METHOD = {
  sqlite: `better-sqlite3: one prepared INSERT of ${SQLITE_ROWS_PER_STATEMENT} rows a statement (the hub's batch size), run with a flat array of values, the rest in one smaller statement; one transaction; no conflict clause, no ETag computed`,
  postgres: 'postgres: COPY … FROM STDIN (text format) of the rows straight into `records`, in chunks of 64 KiB, in one transaction; no conflict handling, no ETag computed',
};
const HUB_METHOD = {
  sqlite: `Store.put in one Store.transaction: per record one JSON.stringify, a SHA-256 ETag of that text, the filter columns; INSERT … ON CONFLICT DO UPDATE of ${SQLITE_ROWS_PER_STATEMENT} rows a statement`,
  postgres: 'Store.put in one bulk Store.transaction (LOCK TABLE records first, read committed): per record one JSON.stringify, a SHA-256 ETag of that text, the filter columns; one SELECT of the stored keys among the rows\' (unnest of key arrays), then COPY of the rows with new keys straight into `records` (rows with stored keys would go through a temporary table, UPDATE … FROM and INSERT … SELECT)',
};

/** Inserts the rows with the bare driver into a freshly migrated hub database; returns the seconds it took. */
async function rawInsert(db: string, rows: Observation[]): Promise<number> {
  await (await openStore(db)).close();
  const now = new Date().toISOString();
  if (!db.startsWith('postgres')) {
    const raw = new Database(db);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    const statement = (count: number) =>
      raw.prepare(`INSERT INTO records (${COLUMNS.join(', ')}) VALUES ${Array.from({ length: count }, () => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ')}`);
    const full = statement(SQLITE_ROWS_PER_STATEMENT);
    const start = process.hrtime.bigint();
    raw.transaction(() => {
      for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_STATEMENT) {
        const values: unknown[] = [];
        const end = Math.min(rows.length, i + SQLITE_ROWS_PER_STATEMENT);
        for (let r = i; r < end; r++) values.push(...rawRow(rows[r]!, now));
        (end - i === SQLITE_ROWS_PER_STATEMENT ? full : statement(end - i)).run(values);
      }
    })();
    const took = seconds(start);
    raw.close();
    return took;
  }
  const sql = postgres(db, { onnotice: () => undefined });
  const start = process.hrtime.bigint();
  /** COPY's text input in chunks of 64 KiB; these rows hold nothing that its text format escapes. */
  function* lines(): Generator<string> {
    let chunk = '';
    for (const o of rows) {
      const values = rawRow(o, now);
      if (values.some((value) => typeof value === 'string' && /[\\\t\n\r]/.test(value))) throw new Error(`Row ${o.id} needs escaping`);
      chunk += `${values.map((value) => value ?? '\\N').join('\t')}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await sql.begin(async (tx) => {
    await pipeline(Readable.from(lines()), await tx.unsafe(`COPY records (${COLUMNS.join(', ')}) FROM STDIN`).writable());
  });
  const took = seconds(start);
  await sql.end();
  return took;
}

/** The hub's bulk write of the same rows, in one bulk transaction as a package import runs; returns the seconds it took. */
async function storeImport(db: string, rows: Observation[]): Promise<number> {
  const store = await openStore(db);
  const writes = rows.map(asWrite);
  const start = process.hrtime.bigint();
  await store.transaction((tx) => tx.put(writes), { bulk: true });
  const took = seconds(start);
  await store.close();
  return took;
}

/** Starts `dist/main.js` of @phx/server with the benchmark's limits and resolves once it listens. */
async function spawnHub(db: string): Promise<{ child: ChildProcess; url: string }> {
  const main = join(dirname(createRequire(import.meta.url).resolve('@phx/server')), 'main.js');
  const child = spawn(process.execPath, [main, '--db', db, '--port', '0', '--rate-limit', String(Number.MAX_SAFE_INTEGER), '--max-import-records', String(records + 1), '--max-body-bytes', String(Math.max(128 * 1024 * 1024, records * 1024))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) return { child, url: (JSON.parse(line) as { url: string }).url };
  throw new Error('The hub exited before listening.');
}
const stop = (child: ChildProcess) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));

/** The list queries of the latency test: [label, query]. */
const queries: [string, string][] = [
  ['by organisation, paged', `organisation=${organisations[1]}`],
  ['by country', 'country=UA'],
  ['from (most match)', 'from=2012-01-01'],
  ['from + to (one year)', 'from=2017-01-01&to=2017-12-31'],
  ['from, matching nothing', 'from=2031-01-01'],
];

async function listLatency(db: string): Promise<Record<string, unknown>> {
  const store = await openStore(db);
  for (let i = 0; i < listRecords; i += 100_000) {
    const batch = Array.from({ length: Math.min(100_000, listRecords - i) }, (_, k) => asWrite(listObservation(i + k)));
    await store.transaction((tx) => tx.put(batch));
  }
  const token = await store.createToken(ORG_A, 'reader');
  await store.close();
  const hub = await spawnHub(db);
  const latencies = new Map<string, number[]>(queries.map(([label]) => [label, []]));
  const all: number[] = [];
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const [label, query] = queries[c % queries.length]!;
      let cursor: string | null = null;
      for (let i = 0; i < requestsPerClient; i++) {
        const began = performance.now();
        const response: Response = await fetch(`${hub.url}/v1/observations?${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: { Authorization: `Bearer ${token}` } });
        if (response.status !== 200) throw new Error(`${query}: ${response.status} ${await response.text()}`);
        cursor = ((await response.json()) as { next: string | null }).next;
        const took = performance.now() - began;
        latencies.get(label)!.push(took);
        all.push(took);
      }
    }),
  );
  const listSeconds = seconds(start);
  await stop(hub.child);
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50Ms: Number(percentile(sorted, 50).toFixed(1)), p99Ms: Number(percentile(sorted, 99).toFixed(1)) };
  };
  return {
    observations: listRecords,
    clients,
    requests: all.length,
    pageSize: 100,
    ...summary(all),
    requestsPerSecond: Math.round(all.length / listSeconds),
    // Fewer clients than queries leave some queries unasked.
    byQuery: Object.fromEntries([...latencies].filter(([, values]) => values.length > 0).map(([label, values]) => [label, summary(values)])),
  };
}

async function importThroughClient(db: string): Promise<number> {
  // Only a starting hub creates its database, and `createToken` refuses one that does not exist.
  await (await openStore(db)).close();
  const { token } = await createToken({ db, organisation: ORG_A, role: 'member', newOrganisation: true });
  const hub = await spawnHub(db);
  const client = createClient({ baseUrl: hub.url, token, timeout: false });
  const start = process.hrtime.bigint();
  const summary = await client.packages.import(observationPackage(ORG_A, records, { prefix: 'bench' }));
  const took = seconds(start);
  await stop(hub.child);
  if (summary.created !== records + 1) throw new Error(`Imported ${summary.created} records, expected ${records + 1}`);
  return took;
}

const rows = Array.from({ length: records }, (_, i) => listObservation(i));
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, records, repeat };
const cluster = engines.includes('postgres') && !process.env.PHX_BENCH_POSTGRES_URL ? await startCluster() : undefined;
try {
  let serial = 0;
  /** A new empty database of an engine. */
  const database = async (engine: 'sqlite' | 'postgres'): Promise<string> => {
    if (engine === 'sqlite') return join(dir, `bench-${++serial}.sqlite`);
    const server = process.env.PHX_BENCH_POSTGRES_URL ?? cluster!.url;
    const name = `phx_bench_${process.pid}_${++serial}`;
    const sql = postgres(server, { max: 1, onnotice: () => undefined });
    await sql.unsafe(`CREATE DATABASE ${name}`);
    await sql.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return url.toString();
  };
  for (const engine of engines) {
    let raw = Infinity;
    let imported = Infinity;
    for (let k = 0; k < repeat; k++) {
      raw = Math.min(raw, await rawInsert(await database(engine), rows));
      imported = Math.min(imported, await storeImport(await database(engine), rows));
    }
    const throughClient = await importThroughClient(await database(engine));
    const list = listRecords > 0 ? await listLatency(await database(engine)) : undefined;
    results[engine] = {
      import: { seconds: imported, recordsPerSecond: Math.round(records / imported), does: HUB_METHOD[engine] },
      rawInsert: { seconds: raw, recordsPerSecond: Math.round(records / raw), does: RAW_METHOD[engine] },
      importVsRaw: Number((raw / imported).toFixed(2)),
      importThroughClient: { seconds: throughClient, recordsPerSecond: Math.round(records / throughClient) },
      list,
    };
    const rate = (s: number) => `${Math.round(records / s).toLocaleString('en')} records/s`;
    console.log(`\n${engine}: ${records.toLocaleString('en')} observations`);
    console.table({
      'hub bulk import (one transaction)': { seconds: imported.toFixed(2), rate: rate(imported) },
      'raw driver insert of the same rows': { seconds: raw.toFixed(2), rate: rate(raw) },
      'import through @phx/client (HTTP, validation)': { seconds: throughClient.toFixed(2), rate: rate(throughClient) },
    });
    console.log(`import / raw = ${(raw / imported).toFixed(2)} (goal ≥ 0.8)\n  hub: ${HUB_METHOD[engine]}\n  raw: ${RAW_METHOD[engine]}`);
    if (!list) continue;
    console.log(`list, ${clients} clients, ${listRecords.toLocaleString('en')} observations:`);
    console.table((list as { byQuery: Record<string, unknown> }).byQuery);
  }
} finally {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`wrote ${writeResults('hub', results)}`);
