/** The client's behaviour that the real hub cannot be made to show on demand, against a scripted fetch. */
import { Facility, IndicatorDefinition, Meeting, Observation as ObservationSchema, Organisation, validateRecord } from '@phx/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createClient, InvalidResponseError, isConflict, isExportEmpty, isExportTooLarge, isForbidden, isHeadersTooLarge, isIdempotencyKeyReused, isMethodNotAllowed, isNotFound, isPayloadTooLarge,
  isPreconditionFailed, isPreconditionRequired, isRateLimited, isUnauthorised, isValidationFailed, NetworkError, PROBLEM_BASE, ProblemError, TimeoutError, type Observation,
} from '../src/index.js';
import { fakeFetch, json, problem } from './fixtures/fake-fetch.js';

const client = (fetch: typeof globalThis.fetch, extra: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ baseUrl: 'http://hub.test/', token: 'phx_t', fetch, retry: { limit: 2, delay: () => 1 }, ...extra });

const observation: Observation = {
  id: 'o1', indicator: 'prisons-people-on-oat', reportingOrganisation: 'ZA-NPO-123-456', scope: { country: 'ZA' },
  period: { start: '2022-01-01', end: '2022-12-31' }, numerator: 120, value: 120, unit: 'count', dataSource: 'routine-programme-data',
};

describe('one error class, narrowed by slug', () => {
  const guards = [
    ['unauthorised', 401, isUnauthorised],
    ['forbidden', 403, isForbidden],
    ['not-found', 404, isNotFound],
    ['method-not-allowed', 405, isMethodNotAllowed],
    ['conflict', 409, isConflict],
    ['precondition-failed', 412, isPreconditionFailed],
    ['precondition-required', 428, isPreconditionRequired],
    ['payload-too-large', 413, isPayloadTooLarge],
    ['headers-too-large', 431, isHeadersTooLarge],
    ['idempotency-key-reused', 422, isIdempotencyKeyReused],
    ['export-too-large', 422, isExportTooLarge],
    ['export-empty', 422, isExportEmpty],
  ] as const;
  for (const [slug, status, guard] of guards) {
    it(`${slug}: a ProblemError with the problem document, its slug, status and request id`, async () => {
      const error = await client(fakeFetch(problem(status, slug, { detail: 'Because.' }))).observations.get('o1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProblemError);
      expect(guard(error)).toBe(true);
      expect(guards.filter(([, , other]) => other(error)).map(([other]) => other)).toEqual([slug]);
      expect(error).toMatchObject({ slug, status, requestId: 'req-1', problem: { type: `${PROBLEM_BASE}${slug}`, detail: 'Because.' } });
      expect((error as Error).message).toBe(`${status} ${slug} title: Because.`);
    });
  }

  it('tells a validation failure, which carries issues, from a reused key, which has none: both are 422', async () => {
    const issue = { code: 'period.start-after-end', severity: 'error', path: ['period'], pointer: '/period', message: 'x', params: {} };
    const failed = await client(fakeFetch(problem(422, 'validation-failed', { issues: [issue] }))).observations.create(observation).catch((e: unknown) => e);
    if (!isValidationFailed(failed)) throw failed;
    expect(failed.problem.issues).toEqual([issue]);
    const reused = await client(fakeFetch(problem(422, 'idempotency-key-reused'))).observations.create(observation).catch((e: unknown) => e);
    expect([isValidationFailed(reused), isIdempotencyKeyReused(reused)]).toEqual([false, true]);
  });

  it('tells an export with nothing to send, which carries its notes, from one too large: both are 422', async () => {
    const notes = [{ severity: 'error', code: 'dhis2.nothing-to-send', count: 1 }, { severity: 'warning', code: 'dhis2.unmapped-scope', field: 'observation.scope', count: 3 }];
    const empty = await client(fakeFetch(problem(422, 'export-empty', { notes }))).export('dhis2', { country: 'UA' }).catch((e: unknown) => e);
    if (!isExportEmpty(empty)) throw empty;
    expect(empty.problem.notes).toEqual(notes);
    const large = await client(fakeFetch(problem(422, 'export-too-large'))).export('dhis2').catch((e: unknown) => e);
    expect([isExportEmpty(large), isExportTooLarge(large)]).toEqual([false, true]);
  });

  it('falls back to the status line when the answer is not a problem of the hub', async () => {
    const error = await client(fakeFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })), { retry: 0 })
      .indicators.get('x')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ slug: undefined, status: 502, problem: { type: 'about:blank', title: 'Bad Gateway', status: 502 } });
  });

  it('reports a web page answered in the hub’s place (a network’s login page) as a NetworkError, not a record', async () => {
    const portal = () => new Response('<html><body>Sign in to the Wi-Fi</body></html>', { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    const error = await client(fakeFetch(portal())).observations.get('o1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe('The answer is not from a PHX hub: 200 text/html; charset=utf-8');
    // A call that asks for the text gets it.
    expect((await client(fakeFetch(portal())).call('get', '/v1/export', { query: { format: 'sdmx-csv' }, text: true })).data).toContain('Sign in');
  });

  it('reports an unreachable hub as a NetworkError', async () => {
    const error = await createClient({ baseUrl: 'http://127.0.0.1:1', token: 't', retry: 0 }).indicators.get('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('reports a hub that never answers as a TimeoutError, after retrying', async () => {
    const never = fakeFetch((request) => new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    await expect(client(never, { timeout: 20 }).indicators.get('x')).rejects.toBeInstanceOf(TimeoutError);
    expect(never.requests).toHaveLength(3);
  });

  it('rejects a record that fails validateResponses', async () => {
    const bad = { ...observation, unit: 'percent' };
    const error = await client(fakeFetch(json(bad)), { validateResponses: validateRecord }).observations.get('o1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).issues[0]).toMatchObject({ code: 'indicator.unit-mismatch' });
  });
});

describe('retries', () => {
  it('retry reads and honour Retry-After', async () => {
    const fetch = fakeFetch(problem(429, 'rate-limited', {}, { 'Retry-After': '1' }), json({ data: [], next: null }));
    const started = Date.now();
    await client(fetch).observations.page();
    expect(fetch.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('end at once with the rate-limited problem when Retry-After asks for longer than maxRetryAfter', async () => {
    const always = fakeFetch(problem(429, 'rate-limited', {}, { 'Retry-After': '5' }));
    const started = Date.now();
    const error = await client(always, { retry: { limit: 2, maxRetryAfter: 1000 } }).observations.page().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(500);
    expect(always.requests).toHaveLength(1);
    expect(isRateLimited(error) && error.retryAfter).toBe(5);
    // As an HTTP date too; a 503's Retry-After as a 429's.
    const later = new Date(Date.now() + 60_000).toUTCString();
    const dated = fakeFetch(problem(503, 'internal-error', {}, { 'Retry-After': later }));
    await expect(client(dated, { retry: { limit: 2, maxRetryAfter: 1000 } }).observations.page()).rejects.toMatchObject({ status: 503 });
    expect(dated.requests).toHaveLength(1);
    // One within the limit is waited for, and retried.
    const brief = fakeFetch(problem(429, 'rate-limited', {}, { 'Retry-After': '0' }), json({ data: [], next: null }));
    await client(brief, { retry: { limit: 2, maxRetryAfter: 1000 } }).observations.page();
    expect(brief.requests).toHaveLength(2);
  });

  it('give up with the rate-limited problem and its Retry-After once spent', async () => {
    const error = await client(fakeFetch(problem(429, 'rate-limited', {}, { 'Retry-After': '7' })), { retry: 0 }).observations.page().catch((e: unknown) => e);
    expect(isRateLimited(error) && error.retryAfter).toBe(7);
  });

  it('read Retry-After as seconds or as an HTTP date, one way for the retries and for retryAfter', async () => {
    const retryAfterOf = async (header: string) => {
      const error = await client(fakeFetch(problem(429, 'rate-limited', {}, { 'Retry-After': header })), { retry: 0 }).observations.page().catch((e: unknown) => e);
      return isRateLimited(error) ? error.retryAfter : 'not rate-limited';
    };
    // A date a minute ahead: about 60 seconds (whole seconds, rounded up, so never a wait too short).
    expect(await retryAfterOf(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThanOrEqual(58);
    expect(await retryAfterOf(new Date(Date.now() + 60_000).toUTCString())).toBeLessThanOrEqual(60);
    // A date already past asks for no wait; what says nothing readable, or a negative wait, is no answer.
    expect(await retryAfterOf('Wed, 21 Oct 2015 07:28:00 GMT')).toBe(0);
    for (const unreadable of ['soon', '-5', ' ']) expect(await retryAfterOf(unreadable)).toBeUndefined();
    expect(await retryAfterOf('0')).toBe(0);
  });

  it('repeat a create with the same Idempotency-Key after a 503, a dropped connection and a timeout', async () => {
    const fetch = fakeFetch(
      problem(503, 'internal-error'),
      new TypeError('socket hang up'),
      (request) => new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      json(observation, 201, { ETag: '"e1"' }),
    );
    const created = await client(fetch, { retry: { limit: 3, delay: () => 1 }, timeout: 50 }).observations.create(observation);
    expect(created).toEqual({ data: observation, etag: '"e1"' });
    const keys = fetch.requests.map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('use a new key for each logical call', async () => {
    const fetch = fakeFetch(json(observation, 201));
    await client(fetch).observations.create(observation);
    await client(fetch).observations.create(observation);
    expect(fetch.requests[0]!.headers.get('Idempotency-Key')).not.toBe(fetch.requests[1]!.headers.get('Idempotency-Key'));
  });

  it('send the Idempotency-Key given in headers, in any case of its name, as the only one', async () => {
    for (const name of ['idempotency-key', 'Idempotency-Key', 'IDEMPOTENCY-KEY']) {
      const fetch = fakeFetch(problem(503, 'internal-error'), json(observation, 201, { ETag: '"e"' }));
      await client(fetch).observations.create(observation, { headers: { [name]: 'mine' } });
      expect(fetch.requests.map((r) => r.headers.get('Idempotency-Key'))).toEqual(['mine', 'mine']);
    }
  });

  it('send a text body of another media type as it is, not as a JSON string', async () => {
    const fetch = fakeFetch(json({ ok: true, issues: [] }, 200));
    await client(fetch).call('post', '/v1/validate', { body: 'id;indicator\r\n', contentType: 'text/csv', query: { name: 'o.csv' } });
    expect(fetch.requests[0]!.headers.get('Content-Type')).toBe('text/csv');
    expect(fetch.requests[0]!.body).toBe('id;indicator\r\n');
    expect(new URL(fetch.requests[0]!.url).searchParams.get('name')).toBe('o.csv');
  });

  it('send a change with If-Match and its media type, and retry it', async () => {
    const fetch = fakeFetch(problem(503, 'internal-error'), json(observation, 200, { ETag: '"e2"' }));
    await client(fetch).observations.update('o1', { notes: 'x' }, { ifMatch: '"e"' });
    expect(fetch.requests.map((r) => [r.method, r.headers.get('If-Match'), r.headers.get('Content-Type')])).toEqual([
      ['PATCH', '"e"', 'application/merge-patch+json'],
      ['PATCH', '"e"', 'application/merge-patch+json'],
    ]);
  });
});

describe('an answer whose body breaks off', () => {
  /** An answer of `status` whose body sends `sent` and then ends as `end` says: an error, or nothing more ever. */
  const brokenOff = (sent: string, end: Error | 'stall', status = 200) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(sent));
          if (end !== 'stall') controller.error(end);
        },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    );
  const cut = () => brokenOff(JSON.stringify(observation).slice(0, 20), new TypeError('terminated'));

  it('retries a body cut off, with the same Idempotency-Key, so a stored create is not reported failed', async () => {
    const fetch = fakeFetch(cut, json(observation, 201, { ETag: '"e1"', 'Idempotent-Replayed': 'true' }));
    expect(await client(fetch).observations.create(observation)).toEqual({ data: observation, etag: '"e1"' });
    expect(fetch.requests).toHaveLength(2);
    expect(new Set(fetch.requests.map((request) => request.headers.get('Idempotency-Key'))).size).toBe(1);
  });

  it('gives up with a NetworkError once the retries are spent, for the body of an error answer too', async () => {
    const error = await client(fakeFetch(cut)).observations.get('o1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe("The hub's answer was cut off (TypeError: terminated)");
    const problemCut = () => brokenOff('{"type":"https://phx', new TypeError('terminated'), 409);
    await expect(client(fakeFetch(problemCut), { retry: 0 }).observations.get('o1')).rejects.toBeInstanceOf(NetworkError);
  });

  it('times out a body that stops arriving, and retries it', async () => {
    const stalled = () => brokenOff('{"data":[', 'stall');
    const always = fakeFetch(stalled);
    const error = await client(always, { timeout: 50, retry: 1 }).observations.page().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("The hub's answer did not all come within 50 ms.");
    expect(always.requests).toHaveLength(2);
    const once = fakeFetch(stalled, json({ data: [observation], next: null }));
    expect((await client(once, { timeout: 50 }).observations.page()).data).toEqual([observation]);
  });

  it('reports a success whose JSON ends early as a NetworkError, not a SyntaxError', async () => {
    const truncated = new Response(JSON.stringify(observation).slice(0, 30), { status: 200, headers: { 'Content-Type': 'application/json' } });
    const error = await client(fakeFetch(truncated)).observations.get('o1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/^The hub's answer is not the JSON its media type says \(SyntaxError: /);
  });

  it('retries over a real connection that a server closes halfway through the body', async () => {
    const { createServer } = await import('node:http');
    let requests = 0;
    const body = JSON.stringify(observation);
    const server = createServer((_request, response) => {
      requests++;
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) });
      if (requests === 1) {
        response.write(body.slice(0, 10));
        setTimeout(() => response.destroy(), 20);
      } else response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const real = createClient({ baseUrl: `http://127.0.0.1:${port}`, token: 'phx_t', retry: { limit: 2, delay: () => 1 } });
      expect((await real.observations.get('o1')).data).toEqual(observation);
      expect(requests).toBe(2);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a retried change that finds its own change stored', () => {
  const stored = { ...observation, notes: 'Checked.' };
  const lost = new TypeError('socket hang up'); // the first attempt was stored; its answer never came

  it('replace: succeeds with the stored record and its ETag', async () => {
    const fetch = fakeFetch(lost, problem(412, 'precondition-failed', { etag: '"e2"' }), json(stored, 200, { ETag: '"e2"' }));
    expect(await client(fetch).observations.replace('o1', stored, { ifMatch: '"e1"' })).toEqual({ data: stored, etag: '"e2"' });
    expect(fetch.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'GET']);
  });

  it('update: succeeds when the stored record already carries the patch', async () => {
    const fetch = fakeFetch(lost, problem(412, 'precondition-failed', { etag: '"e2"' }), json(stored, 200, { ETag: '"e2"' }));
    expect(await client(fetch).observations.update('o1', { notes: 'Checked.' }, { ifMatch: '"e1"' })).toEqual({ data: stored, etag: '"e2"' });
  });

  it('delete: succeeds when the record is gone', async () => {
    const fetch = fakeFetch(lost, problem(404, 'not-found'), problem(404, 'not-found'));
    await expect(client(fetch).observations.delete('o1', { ifMatch: '"e1"' })).resolves.toBeUndefined();
  });

  it('but fails when someone else changed the record meanwhile', async () => {
    const fetch = fakeFetch(lost, problem(412, 'precondition-failed', { etag: '"e3"' }), json({ ...observation, notes: 'Someone else.' }, 200, { ETag: '"e3"' }));
    const error = await client(fetch).observations.update('o1', { notes: 'Checked.' }, { ifMatch: '"e1"' }).catch((e: unknown) => e);
    expect(isPreconditionFailed(error) && error.problem.etag).toBe('"e3"');
  });

  it('and a 412 without a retry is the caller’s to handle, without asking the hub again', async () => {
    const fetch = fakeFetch(problem(412, 'precondition-failed', { etag: '"e2"' }));
    expect(isPreconditionFailed(await client(fetch).observations.replace('o1', stored, { ifMatch: '"e1"' }).catch((e: unknown) => e))).toBe(true);
    expect(fetch.requests).toHaveLength(1);
  });
});

describe('cancellation', () => {
  it('stops a call, and its retries, when its signal aborts', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(() => {
      controller.abort();
      return problem(503, 'internal-error');
    });
    await expect(client(fetch, { retry: { limit: 5, delay: () => 1000 } }).observations.page({}, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch.requests).toHaveLength(1);
  });

  it('stops an iteration between pages', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(json({ data: [observation], next: 'c1' }), json({ data: [{ ...observation, id: 'o2' }], next: null }));
    const seen: string[] = [];
    const iterate = async () => {
      for await (const o of client(fetch).observations.list({}, { signal: controller.signal })) {
        seen.push(o.id);
        controller.abort();
      }
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['o1']);
  });
});

describe('requests', () => {
  it('are not made with a base URL that is none, or without a token; a token read with its line break is sent without it', async () => {
    expect(() => createClient({ baseUrl: 'hub.example.org', token: 't' })).toThrow('baseUrl must be an http(s) URL such as https://hub.example.org, not "hub.example.org"');
    expect(() => createClient({ baseUrl: 'ftp://hub.example.org', token: 't' })).toThrow(TypeError);
    expect(() => createClient({ baseUrl: 'https://hub.example.org', token: process.env.PHX_NO_SUCH_TOKEN! })).toThrow('token is missing: give a bearer token from `phx token create`');
    expect(() => createClient({ baseUrl: new URL('https://hub.example.org'), token: ' ' })).toThrow('token is missing');
    const fetch = fakeFetch(json({ data: [], next: null }));
    await client(fetch, { token: 'phx_t\r\n' }).observations.page();
    expect(fetch.requests[0]!.headers.get('Authorization')).toBe('Bearer phx_t');
  });

  it('send the token, the filters and the cursor, and fill the path', async () => {
    const fetch = fakeFetch(json({ data: [], next: null }), json({ code: 'x' }));
    await client(fetch).observations.page({ country: 'ZA', from: '2020-01-01', cursor: 'abc', limit: 5 });
    await client(fetch).indicators.get('hiv/odd id');
    expect(fetch.requests.map((r) => r.url)).toEqual([
      'http://hub.test/v1/observations?country=ZA&from=2020-01-01&cursor=abc&limit=5',
      'http://hub.test/v1/indicators/hiv%2Fodd%20id',
    ]);
    expect(fetch.requests[0]!.headers.get('Authorization')).toBe('Bearer phx_t');
  });

  it('send any id as one segment of the path, which the URL keeps as it is', async () => {
    const fetch = fakeFetch(json(observation));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1 }).filter((id) => id !== '.' && id !== '..'), async (id) => {
        await client(fetch).observations.get(id);
        const url = new URL(fetch.requests.at(-1)!.url);
        expect(url.pathname.startsWith('/v1/observations/')).toBe(true);
        expect(decodeURIComponent(url.pathname.slice('/v1/observations/'.length))).toBe(id);
      }),
    );
  });

  it('are not sent for an id "." or "..", which a URL resolves away and no record has: a TypeError says why', async () => {
    for (const id of ['.', '..']) {
      for (const schema of [Organisation.shape.id, Facility.shape.id, IndicatorDefinition.shape.code, ObservationSchema.shape.id, Meeting.shape.id]) expect(schema.safeParse(id).success).toBe(false);
      const fetch = fakeFetch(json(observation));
      const hub = client(fetch);
      const refusal = `id "${id}" names no record: a URL resolves it as a step of the path, which would send the request to another resource`;
      await expect(hub.observations.get(id)).rejects.toThrow(new TypeError(refusal));
      await expect(hub.meetings.update(id, { notes: 'x' }, { ifMatch: '"e"' })).rejects.toThrow(TypeError);
      await expect(hub.facilities.replace(id, { id, country: 'ZA', facilityType: 'prison' }, { ifMatch: '"e"' })).rejects.toThrow(TypeError);
      await expect(hub.organisations.delete(id, { ifMatch: '"e"' })).rejects.toThrow(TypeError);
      await expect(hub.indicators.get(id)).rejects.toThrow(`code "${id}" names no record`);
      await expect(hub.call('get', '/v1/meetings/{id}', { path: { id } })).rejects.toThrow(TypeError);
      expect(fetch.requests).toEqual([]);
    }
  });
});
