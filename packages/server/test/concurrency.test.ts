/**
 * Concurrent writers and replays. On the postgres-2 project every request goes to the next of two hub
 * processes on one database, so these hold across processes too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '@phx/schema';
import { observation, observationPackage, organisation, ORG_A, ORG_B } from './fixtures/data.js';
import { startTestHub, testEngine, RATE_WINDOW_MS, withinOneWindow, type TestHub } from './fixtures/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ limits: { rateLimit: { requests: 40, windowMs: RATE_WINDOW_MS } } });
});
afterAll(() => hub?.close());

describe(`concurrent requests (${testEngine})`, () => {
  it('lets exactly one of 50 writers holding the same ETag win; the others get 412 and nothing is lost', async () => {
    const writer = await hub.token(ORG_B, 'member');
    // An observation names an organisation the hub knows.
    expect((await hub.call(writer, 'POST', '/v1/organisations', organisation(ORG_B))).status).toBe(201);
    expect((await hub.call(writer, 'POST', '/v1/observations', observation('contested', ORG_B))).status).toBe(201);
    const etag = (await hub.call(writer, 'GET', '/v1/observations/contested')).headers.get('etag')!;
    // Each writer uses its own token, so that the rate limit of one token does not decide the race.
    const tokens = await Promise.all(Array.from({ length: 50 }, () => hub.token(ORG_B, 'member')));
    const statuses = await Promise.all(
      tokens.map((token, i) => hub.call(token, 'PATCH', '/v1/observations/contested', { notes: `writer ${i}` }, { 'If-Match': etag }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(49);
    const winner = statuses.indexOf(200);
    const stored = await hub.call(writer, 'GET', '/v1/observations/contested');
    expect(((await stored.json()) as { notes: string }).notes).toBe(`writer ${winner}`);
    expect(stored.headers.get('etag')).not.toBe(etag);
  });

  it('writes an import once when 20 copies of it arrive at once with the same Idempotency-Key', async () => {
    const token = await hub.token(ORG_A, 'member');
    const pkg = observationPackage(ORG_A, 50, { prefix: 'replayed' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => hub.call(token, 'POST', '/v1/packages', pkg, { 'Idempotency-Key': 'import-once' })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ created: 51, updated: 0, records: { observations: 50, organisations: 1 } });
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    const listed = await hub.call(token, 'GET', `/v1/observations?organisation=${ORG_A}&limit=1000`);
    expect(((await listed.json()) as { data: { id: string }[] }).data.filter((o) => o.id.startsWith('replayed'))).toHaveLength(50);
  });

  it('lets one of two writes that give a suppressed count away only together pass, whether posted or imported', async () => {
    const token = await hub.token(ORG_A, 'member');
    const count = (area: string, id: string, sex: string | undefined, n: number | undefined): Observation => ({
      ...observation(`${area}-${id}`, ORG_A),
      indicator: 'prisons-people-tested-for-hiv',
      scope: { country: 'ZA', subnationalArea: area },
      ...(sex === undefined ? {} : { disaggregation: { sex } as Observation['disaggregation'] }),
      ...(n === undefined ? { numerator: undefined, value: undefined, suppressed: true } : { numerator: n, value: n }),
    });
    const pkg = (id: string, observations: Observation[]) => ({
      phxVersion: '1.0', id, publisher: { id: ORG_A, name: 'A' }, license: 'CC-BY-4.0', publishedAt: '2024-03-01T12:00:00+00:00', organisations: [organisation(ORG_A)], observations,
    });
    const areas = Array.from({ length: 8 }, (_, i) => `race-${i}`);
    await Promise.all(areas.map(async (area) => expect((await hub.call(token, 'POST', '/v1/observations', count(area, 'total', undefined, 50))).status).toBe(201)));
    // Alone, each write leaves the female count unknown; together they give it away (50 − 47). Half race an import.
    const statuses = await Promise.all(
      areas.map((area, i) =>
        Promise.all([
          i % 2 === 0
            ? hub.call(token, 'POST', '/v1/observations', count(area, 'm', 'male', 47))
            : hub.call(token, 'POST', '/v1/packages', pkg(`pkg-${area}`, [count(area, 'm', 'male', 47)])),
          hub.call(token, 'POST', '/v1/observations', count(area, 'f', 'female', undefined)),
        ]).then((responses) => responses.map((r) => r.status).sort()),
      ),
    );
    for (const pair of statuses) expect(pair[0]! < 300 && pair[1] === 422).toBe(true);
  });

  it('counts one rate limit per token across every request, however they are spread', async () => {
    const token = await hub.token(ORG_A, 'reader');
    await withinOneWindow();
    const statuses = await Promise.all(Array.from({ length: 60 }, () => hub.call(token, 'GET', '/v1/indicators?limit=1').then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });
});
