/**
 * Hundreds of writes through a proxy that injects 503 and 429 answers, dropped connections and
 * delays past the client's timeout, in front of the real hub. Whatever the network does, nothing
 * the client reports stored is lost, nothing is stored twice, and nothing it reports failed was stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Observation, type PhxClient } from '@phx/client';
import { countOf, organisationOf, packageOf } from './data.js';
import { ORG_A, startHub, type Hub } from './hub.js';
import { startProxy, type Proxy } from './proxy.js';

// Long enough that only the injected delays, not a busy machine, exceed it.
const TIMEOUT = 2500;
const LANES = 90; // each lane: a create, a replace, an update, and every third lane a delete
const IMPORTS = 30; // packages of 5 observations
const CONCURRENCY = 12;

let hub: Hub;
let proxy: Proxy;
let direct: PhxClient;
let flaky: PhxClient;
beforeAll(async () => {
  hub = await startHub();
  proxy = await startProxy(hub.url, {
    seed: 20_201_028,
    delayMs: TIMEOUT * 2,
    faults: { unavailable: 0.06, 'rate-limited': 0.02, 'drop-before': 0.05, 'drop-after': 0.06, 'gateway-error-after': 0.05, 'slow-request': 0.04, 'slow-answer': 0.05 },
  });
  direct = createClient({ baseUrl: hub.url, token: hub.tokens.memberA });
  await createClient({ baseUrl: hub.url, token: hub.tokens.secretariat }).organisations.create(organisationOf(ORG_A));
  flaky = createClient({ baseUrl: proxy.url, token: hub.tokens.memberA, timeout: TIMEOUT, retry: { limit: 10, delay: () => 25 } });
});
afterAll(async () => {
  await proxy?.close();
  await hub?.close();
});

/** What the client said of one write, and what the hub holds for its record if the write was stored. */
interface Reported {
  write: string;
  ok: boolean;
  error?: unknown;
  id: string;
  /** The record as the write would leave it; undefined for a delete. */
  intended: Observation | undefined;
}

/** Runs `tasks` with at most `limit` at once. */
async function pool(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < tasks.length) await tasks[next++]!();
  }));
}

describe('writes through a faulty network', () => {
  it('are never lost, doubled or misreported', async () => {
    const reports: Reported[] = [];
    const report = async (write: string, id: string, intended: Observation | undefined, work: () => Promise<unknown>) => {
      try {
        await work();
        reports.push({ write, id, intended, ok: true });
      } catch (error) {
        reports.push({ write, id, intended, ok: false, error });
      }
    };
    const expected = new Map<string, Observation | undefined>();
    const lane = (i: number) => async () => {
      const id = `fault-${String(i).padStart(3, '0')}`;
      const created = countOf(id, ORG_A, 100 + i);
      await report(`create ${id}`, id, created, () => flaky.observations.create(created));
      expected.set(id, created);
      const replaced = { ...created, methodNote: `Counted again, lane ${i}.` };
      await report(`replace ${id}`, id, replaced, async () => flaky.observations.replace(id, replaced, { ifMatch: (await direct.observations.get(id)).etag }));
      expected.set(id, replaced);
      const updated = { ...replaced, notes: `Checked, lane ${i}.` };
      await report(`update ${id}`, id, updated, async () => flaky.observations.update(id, { notes: updated.notes }, { ifMatch: (await direct.observations.get(id)).etag }));
      expected.set(id, updated);
      if (i % 3 === 0) {
        await report(`delete ${id}`, id, undefined, async () => flaky.observations.delete(id, { ifMatch: (await direct.observations.get(id)).etag }));
        expected.set(id, undefined);
      }
    };
    const summaries: unknown[] = [];
    const importing = (i: number) => async () => {
      const pkg = packageOf(ORG_A, 5, `fault-pkg-${String(i).padStart(2, '0')}`);
      await report(`import ${pkg.id}`, pkg.observations![0]!.id, pkg.observations![0], async () => summaries.push(await flaky.packages.import(pkg)));
      for (const observation of pkg.observations!) expected.set(observation.id, observation);
    };
    await pool([...Array.from({ length: LANES }, (_, i) => lane(i)), ...Array.from({ length: IMPORTS }, (_, i) => importing(i))], CONCURRENCY);

    const writes = reports.length;
    expect(writes).toBe(LANES * 3 + Math.ceil(LANES / 3) + IMPORTS);
    // Every kind of fault happened, several times over.
    for (const [fault, count] of Object.entries(proxy.counts)) expect(count, JSON.stringify(proxy.counts)).toBeGreaterThanOrEqual(fault === 'rate-limited' ? 2 : 5);

    const stored = new Map<string, Observation>();
    for await (const observation of direct.observations.list({ organisation: ORG_A, limit: 1000 })) {
      if (observation.id.startsWith('fault-')) stored.set(observation.id, observation);
    }
    // Nothing reported failed that was stored: a failed write left its record as it was before.
    const misreported = reports.filter((r) => !r.ok && (r.intended === undefined ? !stored.has(r.id) : JSON.stringify(stored.get(r.id)) === JSON.stringify(r.intended)));
    expect(misreported.map((r) => `${r.write}: ${String(r.error)}`)).toEqual([]);
    // And with ten retries every write got through: none was refused for a change it had made itself.
    expect(reports.filter((r) => !r.ok).map((r) => `${r.write}: ${String(r.error)}`)).toEqual([]);
    // Nothing lost: the hub holds exactly what the client reported stored, in its last state.
    const present = [...expected].filter(([, record]) => record !== undefined);
    expect(stored.size).toBe(present.length);
    for (const [id, record] of present) expect(stored.get(id), id).toEqual(record);
    // Nothing doubled: every import answered with its first answer, all five records new.
    expect(summaries).toHaveLength(IMPORTS);
    for (const summary of summaries) expect(summary).toMatchObject({ created: 5, updated: 1 });
  });
});
