/** Every answer carries its request id, that of a write too. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisation, ORG_A, ORG_B } from './fixtures/data.js';
import { startTestHub, testEngine, type TestHub } from './fixtures/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  for (const [org, token] of [[ORG_A, hub.tokens.memberA], [ORG_B, hub.tokens.memberB]] as const) {
    expect((await hub.call(token, 'POST', '/v1/organisations', organisation(org))).status).toBe(201);
  }
});
afterAll(() => hub?.close());

const facility = (id: string, country = 'ZA') => ({ id, country, facilityType: 'prison' });

let packages = 0;
/** A package of ORG_A holding records. */
const pkg = (records: Record<string, unknown[]>) => ({
  phxVersion: '1.0', id: `pkg-writes-${++packages}`, publisher: { id: ORG_A, name: `Organisation ${ORG_A}` },
  license: 'CC-BY-4.0', publishedAt: '2024-03-01T12:00:00+00:00', ...records,
});

const etagOf = async (path: string) => (await hub.call(hub.tokens.secretariat, 'GET', path)).headers.get('etag')!;

describe(`request ids (${testEngine})`, () => {
  it('are on the answer of every write, a replay and an import too: the one sent, else one the hub made', async () => {
    const answers: [string, Response][] = [];
    const send = async (label: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await hub.call(hub.tokens.memberA, method, path, body, { 'X-Request-Id': `req-${label}`, ...headers });
      answers.push([label, response]);
      return response;
    };
    expect((await send('post', 'POST', '/v1/facilities', facility('rid-1'))).status).toBe(201);
    expect((await send('patch', 'PATCH', '/v1/facilities/rid-1', { country: 'ZA' }, { 'If-Match': await etagOf('/v1/facilities/rid-1') })).status).toBe(200);
    expect((await send('put', 'PUT', '/v1/facilities/rid-1', facility('rid-1'), { 'If-Match': await etagOf('/v1/facilities/rid-1') })).status).toBe(200);
    expect((await send('delete', 'DELETE', '/v1/facilities/rid-1', undefined, { 'If-Match': await etagOf('/v1/facilities/rid-1') })).status).toBe(204);
    expect((await send('import', 'POST', '/v1/packages', pkg({ facilities: [facility('rid-2')] }))).status).toBe(200);
    const key = { 'Idempotency-Key': 'rid-key' };
    expect((await send('keyed', 'POST', '/v1/facilities', facility('rid-3'), key)).status).toBe(201);
    const replay = await send('replay', 'POST', '/v1/facilities', facility('rid-3'), key);
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    for (const [label, response] of answers) expect(response.headers.get('x-request-id'), label).toBe(`req-${label}`);

    const made = await hub.call(hub.tokens.memberA, 'POST', '/v1/facilities', facility('rid-4'));
    expect(made.status).toBe(201);
    expect(made.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });
});
