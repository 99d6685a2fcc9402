import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, packageOf } from './data.js';
import { ORG_A, startHub, type Hub } from './hub.js';
import { createClient, isIdempotencyKeyReused, isPreconditionFailed, isPreconditionRequired, isRateLimited, isValidationFailed, type PhxClient } from '@phx/client';

let hub: Hub;
let client: PhxClient;
beforeAll(async () => {
  hub = await startHub();
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
    const pkg = packageOf(ORG_A, 300, 'page-b');
    const imported = new Set(pkg.observations!.map((o) => o.id));
    await client.packages.import(pkg);
    const seen: string[] = [];
    let inserted = 0;
    for await (const o of client.observations.list({ organisation: ORG_A, limit: 25 })) {
      seen.push(o.id);
      // Insert before, among and after the records still to come.
      if (seen.length % 20 === 0) {
        await Promise.all(
          ['page-a', 'page-b-7x', 'page-c'].map((prefix) => client.observations.create(countOf(`${prefix}-${inserted}`, ORG_A))),
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
      const pkg = packageOf(ORG_A, 1000, `bad-${where}`);
      pkg.observations![index] = { ...pkg.observations![index]!, period: { start: '2022-12-31', end: '2022-01-01' } };
      const error = await client.packages.import(pkg).catch((e: unknown) => e);
      if (!isValidationFailed(error)) throw error;
      expect(error.problem.issues.map((issue) => issue.pointer)).toContain(`/observations/${index}/period/start`);
      expect(error.requestId).toEqual(expect.any(String));
      expect(await storedIds(`bad-${where}`)).toEqual([]);
    });
  }
});

describe('an import stored with warnings', () => {
  it('answers them, as the hub lists them, in the language the request asks for', async () => {
    const inUkrainian = createClient({
      baseUrl: hub.url,
      token: hub.tokens.memberA,
      fetch: (input, init) => {
        (input as Request).headers.set('Accept-Language', 'uk');
        return fetch(input, init);
      },
    });
    const pkg = packageOf(ORG_A, 3, 'warned');
    pkg.observations![2]!.notes = 'Петренко І.М., 14.03.1987 р.н.';
    const summary = await inUkrainian.packages.import(pkg);
    expect(summary).toMatchObject({ package: 'pkg-warned', records: { observations: 3 }, warnings: 1, truncated: false });
    expect(summary.issues.map(({ code, severity, pointer, message }) => ({ code, severity, pointer, message }))).toEqual([
      { code: 'privacy.personal-data', severity: 'warning', pointer: '/observations/2/notes', message: 'Схоже, текст містить дату народження; не передавайте персональні дані' },
    ]);
    expect(await storedIds('warned')).toHaveLength(3);
  });
});

describe('idempotency', () => {
  it('stores each record once when an import is retried after its response was lost', async () => {
    const keys: string[] = [];
    // The first attempt reaches the hub, which commits; its answer is then lost on the way back.
    const flaky: typeof fetch = async (input, init) => {
      keys.push((input as Request).headers.get('Idempotency-Key')!);
      const response = await fetch(input, init);
      if (keys.length === 1) throw new TypeError('socket hang up');
      return response;
    };
    const retrying = createClient({ baseUrl: hub.url, token: hub.tokens.memberA, fetch: flaky, retry: { limit: 2, delay: () => 10 } });
    const pkg = packageOf(ORG_A, 200, 'idem');
    const summary = await retrying.packages.import(pkg);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    // The replay is the first answer (a second import would report 201 updated), and nothing was written twice.
    expect(summary).toMatchObject({ created: 200, updated: 1 });
    expect(await storedIds('idem')).toHaveLength(200);
  });

  it('replays a create with the same key, and refuses the key for a different request as its own problem, not a validation failure', async () => {
    const first = await client.observations.create(countOf('idem-create', ORG_A), { idempotencyKey: 'create-1' });
    const replay = await client.observations.create(countOf('idem-create', ORG_A), { idempotencyKey: 'create-1' });
    expect(replay).toEqual(first);
    const reused = await client.observations.create(countOf('idem-other', ORG_A), { idempotencyKey: 'create-1' }).catch((e: unknown) => e);
    expect(isIdempotencyKeyReused(reused)).toBe(true);
    expect(isValidationFailed(reused)).toBe(false);
    expect(reused).toMatchObject({ status: 422, slug: 'idempotency-key-reused', message: expect.stringMatching(/different request/) });
  });
});

describe('optimistic concurrency', () => {
  it('gives one of two concurrent writers 412, and its retry loses no update', async () => {
    const other = createClient({ baseUrl: hub.url, token: await hub.token(ORG_A, 'member') });
    await client.observations.create(countOf('race', ORG_A));
    const [a, b] = await Promise.all([client.observations.get('race'), other.observations.get('race')]);
    await client.observations.update('race', { notes: 'Checked by A.' }, { ifMatch: a.etag });
    const lost = await other.observations.update('race', { methodNote: 'Counted by B.' }, { ifMatch: b.etag }).catch((e: unknown) => e);
    if (!isPreconditionFailed(lost)) throw lost;
    expect(lost.problem.etag).toBe((await client.observations.get('race')).etag);

    const fresh = await other.observations.get('race');
    await other.observations.update('race', { methodNote: 'Counted by B.' }, { ifMatch: fresh.etag });
    expect((await client.observations.get('race')).data).toMatchObject({ notes: 'Checked by A.', methodNote: 'Counted by B.' });
  });

  describe('a change whose answer was lost, retried', () => {
    /** A client whose first attempt of each call reaches the hub, then loses its answer; `meanwhile` runs in between. */
    const losingFirstAnswer = (meanwhile: () => Promise<unknown> = async () => undefined) => {
      const methods: string[] = [];
      const lossy: typeof fetch = async (input, init) => {
        const { method } = input as Request;
        methods.push(method);
        const response = await fetch(input, init);
        if (methods.length === 1) {
          await meanwhile();
          throw new TypeError('socket hang up');
        }
        return response;
      };
      return { methods, client: createClient({ baseUrl: hub.url, token: hub.tokens.memberA, fetch: lossy, retry: { limit: 2, delay: () => 10 } }) };
    };

    it('replace and update: succeed with the record as stored, read back after the 412 of the retry', async () => {
      const created = await client.observations.create(countOf('lost-change', ORG_A));
      const replaced = { ...created.data, methodNote: 'Counted again.' };
      const replacing = losingFirstAnswer();
      const answer = await replacing.client.observations.replace('lost-change', replaced, { ifMatch: created.etag });
      expect(replacing.methods).toEqual(['PUT', 'PUT', 'GET']);
      expect(answer).toEqual(await client.observations.get('lost-change'));
      expect(answer.data).toEqual(replaced);

      const updating = losingFirstAnswer();
      const updated = await updating.client.observations.update('lost-change', { notes: 'Checked.' }, { ifMatch: answer.etag });
      expect(updating.methods).toEqual(['PATCH', 'PATCH', 'GET']);
      expect(updated).toEqual(await client.observations.get('lost-change'));
      expect(updated.data).toEqual({ ...replaced, notes: 'Checked.' });
    });

    it('replace and update with fields set to undefined, which JSON leaves out: succeed as well', async () => {
      const created = await client.observations.create(countOf('lost-undefined', ORG_A));
      const replacing = losingFirstAnswer();
      const replaced = await replacing.client.observations.replace('lost-undefined', { ...created.data, methodNote: 'Counted again.', notes: undefined }, { ifMatch: created.etag });
      expect(replacing.methods).toEqual(['PUT', 'PUT', 'GET']);
      expect(replaced.data).toEqual({ ...created.data, methodNote: 'Counted again.' });
      const updating = losingFirstAnswer();
      const updated = await updating.client.observations.update('lost-undefined', { notes: 'Checked.', methodNote: undefined }, { ifMatch: replaced.etag });
      expect(updating.methods).toEqual(['PATCH', 'PATCH', 'GET']);
      expect(updated).toEqual(await client.observations.get('lost-undefined'));
    });

    it('delete: succeeds when the retry finds the record gone', async () => {
      const created = await client.observations.create(countOf('lost-delete', ORG_A));
      const deleting = losingFirstAnswer();
      await expect(deleting.client.observations.delete('lost-delete', { ifMatch: created.etag })).resolves.toBeUndefined();
      expect(deleting.methods).toEqual(['DELETE', 'DELETE', 'GET']);
    });

    it('but fails with the current ETag when another writer changed the same field in between', async () => {
      const created = await client.observations.create(countOf('lost-raced', ORG_A));
      const other = createClient({ baseUrl: hub.url, token: await hub.token(ORG_A, 'member') });
      const racing = losingFirstAnswer(async () => {
        const mine = await other.observations.get('lost-raced');
        await other.observations.update('lost-raced', { methodNote: 'Theirs.' }, { ifMatch: mine.etag });
      });
      const error = await racing.client.observations.update('lost-raced', { methodNote: 'Mine.' }, { ifMatch: created.etag }).catch((e: unknown) => e);
      if (!isPreconditionFailed(error)) throw error;
      const current = await client.observations.get('lost-raced');
      expect(error.problem.etag).toBe(current.etag);
      expect(current.data).toMatchObject({ methodNote: 'Theirs.' });
    });
  });

  it('needs ifMatch to change a record (428)', async () => {
    const error = await client.observations.update('race', { notes: 'x' }, { ifMatch: undefined as never }).catch((e: unknown) => e);
    expect(isPreconditionRequired(error)).toBe(true);
  });
});

describe('the rate limit', () => {
  it('ends the retries at once when the hub asks to wait longer than maxRetryAfter', async () => {
    const limited = await startHub(['--rate-limit', '2']);
    try {
      // The windows are the clock's minutes: the hub's Retry-After is the rest of this one, so leave it a few seconds.
      const left = 60_000 - (Date.now() % 60_000);
      if (left < 5000) await new Promise((resolve) => setTimeout(resolve, left + 100));
      const patient = createClient({ baseUrl: limited.url, token: limited.tokens.memberA, retry: { limit: 2, maxRetryAfter: 1000 } });
      for (let i = 0; i < 2; i++) await patient.indicators.page({ limit: 1 });
      const started = Date.now();
      const error = await patient.indicators.page({ limit: 1 }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(isRateLimited(error) && error.retryAfter).toBeGreaterThan(1);
    } finally {
      await limited.close();
    }
  });
});
