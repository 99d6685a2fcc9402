import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observation, observationPackage, ORG_A } from '../../server/test/fixtures/data.js';
import { startTestHub, type TestHub } from '../../server/test/fixtures/hub.js';
import { createClient, PreconditionFailedError, ValidationFailedError, type PhxClient } from '../src/index.js';

let hub: TestHub;
let client: PhxClient;
beforeAll(async () => {
  hub = await startTestHub();
  client = createClient({ baseUrl: hub.url, token: hub.tokens.memberA });
});
afterAll(() => hub?.close());

async function storedIds(prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const o of client.observations.list({ organisation: ORG_A, limit: 1000 })) if (o.id.startsWith(prefix)) ids.push(o.id);
  return ids;
}

describe('pagination', () => {
  it('visits every record once while others insert records between its pages', async () => {
    const pkg = observationPackage(ORG_A, 300, { prefix: 'page-b' });
    const imported = new Set(pkg.observations!.map((o) => o.id));
    await client.packages.import(pkg);
    const seen: string[] = [];
    let inserted = 0;
    for await (const o of client.observations.list({ organisation: ORG_A, limit: 25 })) {
      seen.push(o.id);
      // Insert before, among and after the records still to come.
      if (seen.length % 20 === 0) {
        await Promise.all(
          ['page-a', 'page-b-7x', 'page-c'].map((prefix) => client.observations.create(observation(`${prefix}-${inserted}`, ORG_A))),
        );
        inserted++;
      }
    }
    const original = seen.filter((id) => imported.has(id));
    expect(original).toHaveLength(300);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
  });
});

describe('imports are all or nothing', () => {
  for (const [where, index] of [['first', 0], ['middle', 500], ['last', 999]] as const) {
    it(`stores nothing when the ${where} record is invalid, and says which`, async () => {
      const pkg = observationPackage(ORG_A, 1000, { prefix: `bad-${where}` });
      pkg.observations![index] = { ...pkg.observations![index]!, period: { start: '2022-12-31', end: '2022-01-01' } };
      const error = await client.packages.import(pkg).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationFailedError);
      const issues = (error as ValidationFailedError).issues;
      expect(issues.map((issue) => issue.pointer)).toContain(`/observations/${index}/period/start`);
      expect((error as ValidationFailedError).requestId).toEqual(expect.any(String));
      expect(await storedIds(`bad-${where}`)).toEqual([]);
    });
  }
});

describe('idempotency', () => {
  it('stores each record once when an import is retried after its response was lost', async () => {
    let attempts = 0;
    // The first attempt reaches the hub, which commits; its answer is then lost on the way back.
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (++attempts === 1) throw new TypeError('socket hang up');
      return response;
    };
    const keys: string[] = [];
    const retrying = createClient({
      baseUrl: hub.url,
      token: hub.tokens.memberA,
      fetch: flaky,
      retry: { limit: 2, delay: () => 10 },
      hooks: { beforeRequest: [(request) => void keys.push(request.headers.get('Idempotency-Key')!)] },
    });
    const pkg = observationPackage(ORG_A, 200, { prefix: 'idem' });
    const summary = await retrying.packages.import(pkg);
    expect(attempts).toBe(2);
    expect(new Set(keys).size).toBe(1);
    // The replay is the first answer (a second import would report 201 updated), and nothing was written twice.
    expect(summary).toMatchObject({ created: 200, updated: 1 });
    expect(await storedIds('idem')).toHaveLength(200);
  });

  it('replays a create with the same key, and refuses the key for a different request', async () => {
    const first = await client.observations.create(observation('idem-create', ORG_A), { idempotencyKey: 'create-1' });
    const replay = await client.observations.create(observation('idem-create', ORG_A), { idempotencyKey: 'create-1' });
    expect(replay).toEqual(first);
    await expect(client.observations.create(observation('idem-other', ORG_A), { idempotencyKey: 'create-1' })).rejects.toThrow(/different request/);
  });
});

describe('optimistic concurrency', () => {
  it('gives one of two concurrent writers 412, and its retry loses no update', async () => {
    const other = createClient({ baseUrl: hub.url, token: await hub.token(ORG_A, 'member') });
    await client.observations.create(observation('race', ORG_A));
    const [a, b] = await Promise.all([client.observations.get('race'), other.observations.get('race')]);
    await client.observations.update('race', { notes: 'Checked by A.' }, { ifMatch: a.etag });
    const lost = await other.observations.update('race', { methodNote: 'Counted by B.' }, { ifMatch: b.etag }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(PreconditionFailedError);
    expect((lost as PreconditionFailedError).status).toBe(412);

    const fresh = await other.observations.get('race');
    await other.observations.update('race', { methodNote: 'Counted by B.' }, { ifMatch: fresh.etag });
    expect((await client.observations.get('race')).data).toMatchObject({ notes: 'Checked by A.', methodNote: 'Counted by B.' });
  });

  it('needs ifMatch to change a record (428)', async () => {
    await expect(client.observations.update('race', { notes: 'x' }, { ifMatch: undefined as never })).rejects.toBeInstanceOf(PreconditionFailedError);
  });
});
