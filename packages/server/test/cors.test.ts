/**
 * Scripts on other origins (CORS): a hub lets only the origins it is given call it, answers their preflights
 * without a token and lets their scripts read the headers the client reads; without origins, as before, none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, openStore, startHub } from '../src/index.js';
import { observation, organisation, ORG_A } from './fixtures/data.js';
import { startTestHub, type TestHub } from './fixtures/hub.js';

const DASHBOARD = 'https://dashboard.example.org';

let hub: TestHub;
let closed: TestHub;
beforeAll(async () => {
  [hub, closed] = await Promise.all([startTestHub({ engine: 'sqlite', corsOrigins: [DASHBOARD, 'http://localhost:5173'] }), startTestHub({ engine: 'sqlite' })]);
  expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/organisations', organisation(ORG_A))).status).toBe(201);
});
afterAll(() => Promise.all([hub?.close(), closed?.close()]));

/** A browser's preflight for a request of `method` with `headers` from `origin`. */
const preflight = (target: TestHub, origin: string, method = 'GET', headers = 'authorization') =>
  fetch(`${target.url}/v1/observations`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers } });

describe('a hub given origins', () => {
  it('answers a preflight from one of them 204 without a token', async () => {
    const response = await preflight(hub, DASHBOARD, 'POST', 'authorization,content-type,idempotency-key');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
    const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase().split(', ');
    for (const header of ['authorization', 'content-type', 'if-match', 'idempotency-key', 'accept-language', 'x-request-id']) expect(allowed).toContain(header);
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the scripts of an allowed origin read the answer and the headers the client reads', async () => {
    const created = await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', observation('cors', ORG_A), { Origin: DASHBOARD, 'Idempotency-Key': 'cors-1' });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(created.headers.get('vary')).toContain('Origin');
    const exposed = created.headers.get('access-control-expose-headers')!.split(', ');
    for (const header of ['ETag', 'Location', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'X-Request-Id', 'Idempotent-Replayed', 'Export-Notes', 'Content-Disposition', 'WWW-Authenticate']) {
      expect(exposed).toContain(header);
    }
    // Problems too: a script on the page must be able to read why.
    const refused = await hub.call(undefined, 'GET', '/v1/observations', undefined, { Origin: 'http://localhost:5173' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('answers other origins as a hub without origins does: no preflight, no CORS headers', async () => {
    const response = await preflight(hub, 'https://elsewhere.example.org');
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const read = await hub.call(hub.tokens.reader, 'GET', '/v1/observations', undefined, { Origin: 'https://dashboard.example.org.elsewhere.example' });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('vary')).toContain('Origin');
  });

  it('keeps the page its Content-Security-Policy', async () => {
    const response = await hub.call(undefined, 'GET', '/v1/openapi.json', undefined, { Origin: DASHBOARD });
    expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'none'");
  });
});

describe('a hub without origins', () => {
  it('answers a preflight as any request without a token, and sends no CORS header', async () => {
    const response = await preflight(closed, DASHBOARD);
    expect(response.status).toBe(401);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const read = await closed.call(closed.tokens.reader, 'GET', '/v1/observations', undefined, { Origin: DASHBOARD });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('vary')).toBeNull();
  });
});

describe('the origins a hub is given', () => {
  it('may be *: every origin, never with credentials', async () => {
    const store = await openStore(':memory:');
    try {
      const app = createApp({ store, corsOrigins: ['*'] });
      const response = await app.request('/v1/observations', { method: 'OPTIONS', headers: { Origin: 'https://any.example', 'Access-Control-Request-Method': 'DELETE' } });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('are written as a browser sends them, and one that is not an origin stops the hub from starting', async () => {
    const store = await openStore(':memory:');
    try {
      const app = createApp({ store, corsOrigins: ['HTTPS://Dashboard.Example.org:443'] });
      const response = await app.request('/v1/observations', { method: 'OPTIONS', headers: { Origin: DASHBOARD, 'Access-Control-Request-Method': 'GET' } });
      expect(response.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
      expect(() => createApp({ store, corsOrigins: ['https://dashboard.example.org/'] })).toThrow('"https://dashboard.example.org/" is not an origin');
    } finally {
      await store.close();
    }
    await expect(startHub({ db: ':memory:', port: 0, corsOrigins: ['dashboard.example.org'] })).rejects.toThrow('is not an origin');
  });
});
