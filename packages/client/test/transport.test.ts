import { validateRecord } from '@phx/schema';
import { describe, expect, it } from 'vitest';
import { observation, ORG_A } from '../../server/test/fixtures/data.js';
import {
  ConflictError, createClient, ForbiddenError, HttpError, InvalidResponseError, NetworkError, NotFoundError, PreconditionFailedError,
  RateLimitedError, ServerError, TimeoutError, UnauthorisedError, ValidationFailedError,
} from '../src/index.js';
import { fakeFetch, json, problem } from './fixtures/fake-fetch.js';

const client = (fetch: typeof globalThis.fetch, extra: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ baseUrl: 'http://hub.test/', token: 'phx_t', fetch, retry: { limit: 2, delay: () => 1 }, ...extra });

describe('typed errors', () => {
  const cases = [
    [401, UnauthorisedError],
    [403, ForbiddenError],
    [404, NotFoundError],
    [409, ConflictError],
    [412, PreconditionFailedError],
    [428, PreconditionFailedError],
    [422, ValidationFailedError],
    [413, HttpError],
    [501, ServerError],
  ] as const;
  for (const [status, Class] of cases) {
    it(`turns ${status} into ${Class.name} with the problem details and the request id`, async () => {
      const error = await client(fakeFetch(problem(status, 'Nope', { detail: 'Because.' }))).observations.get('o1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Class);
      expect(error).toMatchObject({ status, requestId: 'req-1', problem: { title: 'Nope', detail: 'Because.' } });
      expect((error as Error).message).toBe(`${status} Nope: Because.`);
    });
  }

  it('carries the validation issues', async () => {
    const issue = { code: 'period.start-after-end', severity: 'error', path: ['period'], pointer: '/period', message: 'x', params: {} };
    const error = await client(fakeFetch(problem(422, 'Validation failed', { issues: [issue] }))).observations.create(observation('o', ORG_A)).catch((e: unknown) => e);
    expect((error as ValidationFailedError).issues).toEqual([issue]);
  });

  it('falls back to the status line when the body is not a problem', async () => {
    const error = await client(fakeFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }))).indicators.get('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
  });

  it('reports an unreachable hub as a NetworkError', async () => {
    const error = await createClient({ baseUrl: 'http://127.0.0.1:1', token: 't', retry: 0 }).indicators.get('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('reports a slow hub as a TimeoutError', async () => {
    const never: typeof fetch = (input, init) => new Promise((_, reject) => (init?.signal ?? (input as Request).signal)?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    await expect(client(never, { timeout: 20 }).indicators.get('x')).rejects.toBeInstanceOf(TimeoutError);
  });

  it('rejects a record that fails validateResponses', async () => {
    const bad = { ...observation('o1', ORG_A), unit: 'percent' };
    const error = await client(fakeFetch(json(bad)), { validateResponses: validateRecord }).observations.get('o1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).issues[0]).toMatchObject({ code: 'indicator.unit-mismatch' });
  });
});

describe('retries', () => {
  it('retries reads and honours Retry-After', async () => {
    const fetch = fakeFetch(problem(429, 'Slow down', {}, { 'Retry-After': '1' }), json({ data: [], next: null }));
    const started = Date.now();
    await client(fetch).observations.page();
    expect(fetch.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up with RateLimitedError and its Retry-After once the retries are spent', async () => {
    const error = await client(fakeFetch(problem(429, 'Slow down', {}, { 'Retry-After': '0' })), { retry: 0 }).observations.page().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
  });

  it('retries a create with the same generated Idempotency-Key', async () => {
    const fetch = fakeFetch(problem(503, 'Unavailable'), new TypeError('reset'), json(observation('o1', ORG_A), 201, { ETag: '"e1"' }));
    const created = await client(fetch).observations.create(observation('o1', ORG_A));
    expect(created.etag).toBe('"e1"');
    const keys = fetch.requests.map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('uses a new key for each logical call', async () => {
    const fetch = fakeFetch(json(observation('o1', ORG_A), 201));
    await client(fetch).observations.create(observation('o1', ORG_A));
    await client(fetch).observations.create(observation('o1', ORG_A));
    expect(fetch.requests[0]!.headers.get('Idempotency-Key')).not.toBe(fetch.requests[1]!.headers.get('Idempotency-Key'));
  });

  it('never retries a write without a key (PATCH)', async () => {
    const fetch = fakeFetch(problem(503, 'Unavailable'), json(observation('o1', ORG_A)));
    await expect(client(fetch).observations.update('o1', { notes: 'x' }, { ifMatch: '"e"' })).rejects.toBeInstanceOf(ServerError);
    expect(fetch.requests).toHaveLength(1);
    expect(fetch.requests[0]!.headers.get('Content-Type')).toBe('application/merge-patch+json');
    expect(fetch.requests[0]!.headers.get('If-Match')).toBe('"e"');
  });

  it('retries PUT and DELETE, which If-Match makes safe', async () => {
    const fetch = fakeFetch(problem(503, 'Unavailable'), new Response(null, { status: 204 }));
    await client(fetch).observations.delete('o1', { ifMatch: '"e"' });
    expect(fetch.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
  });
});

describe('cancellation', () => {
  it('stops a call, and its retries, when its signal aborts', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(() => {
      controller.abort();
      return problem(503, 'Unavailable');
    });
    await expect(client(fetch, { retry: { limit: 5, delay: () => 1000 } }).observations.page({}, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch.requests).toHaveLength(1);
  });

  it('stops an iteration between pages', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(json({ data: [observation('a', ORG_A)], next: 'c1' }), json({ data: [observation('b', ORG_A)], next: null }));
    const seen: string[] = [];
    const iterate = async () => {
      for await (const o of client(fetch).observations.list({}, { signal: controller.signal })) {
        seen.push(o.id);
        controller.abort();
      }
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['a']);
  });
});

describe('requests', () => {
  it('sends the token, the filters and the cursor', async () => {
    const fetch = fakeFetch(json({ data: [], next: null }));
    await client(fetch).observations.page({ country: 'ZA', from: '2020-01-01', cursor: 'abc', limit: 5 });
    const [request] = fetch.requests;
    expect(request!.url).toBe('http://hub.test/v1/observations?country=ZA&from=2020-01-01&cursor=abc&limit=5');
    expect(request!.headers.get('Authorization')).toBe('Bearer phx_t');
  });
});
