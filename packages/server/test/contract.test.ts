/**
 * The hub answers as the contract of `@phx/schema/api` says: its routes are the contract's operations,
 * and every problem type of the contract is one the hub really sends — as the type's schema, with its
 * status, its title in the language asked for, and listed among the problems of the operation.
 */
import { connect } from 'node:net';
import { locales, type Locale } from '@phx/schema';
import { operations, PROBLEM_MEDIA_TYPE, problemSchemas, problemsOf, problemTypes, type ProblemSlug } from '@phx/schema/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, openStore } from '../src/index.js';
import { observation, organisation, ORG_A } from './fixtures/data.js';
import { startTestHub, RATE_WINDOW_MS, withinOneWindow, type TestHub } from './fixtures/hub.js';

const MAX_BODY_BYTES = 64 * 1024;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ limits: { maxBodyBytes: MAX_BODY_BYTES, maxExportRecords: 1, addressRateLimit: { requests: 1, windowMs: RATE_WINDOW_MS }, requestTimeoutMs: 2_000 } });
  // An observation names an organisation the hub knows.
  expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/organisations', organisation(ORG_A))).status).toBe(201);
  expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', observation('target', ORG_A))).status).toBe(201);
});
afterAll(() => hub?.close());

/** The operation of the contract a request is for. */
function operationOf(method: string, path: string) {
  const pathname = new URL(path, 'http://hub').pathname;
  const found = operations.find(
    (operation) => operation.method === method.toLowerCase() && new RegExp(`^${operation.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(pathname),
  );
  if (!found) throw new Error(`No operation of the contract is ${method} ${pathname}`);
  return found;
}

/** The answer of raw bytes sent to a server, as a Response. */
function rawAnswer(url: string, request: string): Promise<Response> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => {
      const [head, body] = [answer.slice(0, answer.indexOf('\r\n\r\n')), answer.slice(answer.indexOf('\r\n\r\n') + 4)];
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()] as [string, string]);
      resolve(new Response(body, { status: Number(statusLine!.split(' ')[1]), headers }));
    });
    socket.on('error', reject);
  });
}

const localeList = Object.keys(locales) as Locale[];
const answered = new Set<ProblemSlug>();

/**
 * Checks a problem answer against the contract. `route` is the request the hub read (none when Node
 * refused it unread, which is answered in English); `locale` the language it asked for.
 */
async function expectProblem(slug: ProblemSlug, response: Response, route?: { method: string; path: string; locale: Locale }): Promise<{ detail?: string | undefined }> {
  expect(response.status, slug).toBe(problemTypes[slug].status);
  expect(response.headers.get('content-type')).toBe(PROBLEM_MEDIA_TYPE);
  const parsed = problemSchemas[slug].safeParse(await response.json());
  expect(parsed.error?.issues ?? [], slug).toEqual([]);
  // Quoted to the operator: in the body and, as on every answer, in the header.
  expect(response.headers.get('x-request-id')).toMatch(/\S/);
  expect(response.headers.get('x-request-id')).toBe(parsed.data!.requestId);
  expect(parsed.data!.title).toBe(problemTypes[slug].title[route?.locale ?? 'en']);
  if (route) expect(problemsOf(operationOf(route.method, route.path)), `${route.method} ${route.path}`).toContain(slug);
  answered.add(slug);
  return parsed.data!;
}

/** Sends a request to the test hub asking for messages in `locale`, and checks the problem it gets. */
async function request(
  slug: ProblemSlug,
  token: string | undefined,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; locale?: Locale } = {},
): Promise<void> {
  const locale = options.locale ?? localeList[answered.size % localeList.length]!;
  const response = await hub.call(token, method, path, options.body, { 'Accept-Language': locale, ...options.headers });
  await expectProblem(slug, response, { method, path, locale });
}

const etag = async () => (await hub.call(hub.tokens.memberA, 'GET', '/v1/observations/target')).headers.get('etag')!;

describe('the routes of the hub', () => {
  it('are the operations of the contract, no more and no fewer', async () => {
    const store = await openStore(':memory:');
    const app = createApp({ store, webRoot: import.meta.dirname });
    const template = (path: string) => path.replace(/:\w+|\{\w+\}/g, '{}');
    const routes = new Set(app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${template(route.path)}`));
    const contract = operations.map((operation) => `${operation.method.toUpperCase()} ${template(operation.path)}`);
    expect([...routes].sort()).toEqual([...contract].sort());
    await store.close();
  });
});

describe('every problem type of the contract', () => {
  it('is answered to requests the hub reads', async () => {
    await request('bad-request', hub.tokens.memberA, 'GET', '/v1/observations?colour=red');
    await request('not-found', hub.tokens.reader, 'GET', '/v1/observations/nothing-here');
    await request('conflict', hub.tokens.memberA, 'POST', '/v1/observations', { body: observation('target', ORG_A) });
    await request('forbidden', hub.tokens.memberB, 'PATCH', '/v1/observations/target', { body: { notes: 'x' }, headers: { 'If-Match': await etag() } });
    await request('precondition-required', hub.tokens.memberA, 'PATCH', '/v1/observations/target', { body: { notes: 'x' } });
    await request('precondition-failed', hub.tokens.memberA, 'PUT', '/v1/observations/target', { body: observation('target', ORG_A), headers: { 'If-Match': '"stale"' } });
    await request('payload-too-large', hub.tokens.memberA, 'POST', '/v1/packages', { body: JSON.stringify({ notes: 'x'.repeat(MAX_BODY_BYTES) }) });
    await request('unsupported-media-type', hub.tokens.memberA, 'POST', '/v1/observations', { body: '{}', headers: { 'Content-Type': 'text/plain' } });
    // A method no operation of the path takes: no operation to list it among its problems.
    await expectProblem('method-not-allowed', await hub.call(hub.tokens.memberA, 'DELETE', '/v1/observations'));
    const backwards = { ...observation('backwards', ORG_A), period: { start: '2022-12-31', end: '2022-01-01' } };
    await request('validation-failed', hub.tokens.memberA, 'POST', '/v1/observations', { body: backwards });
    const keyed = { 'Idempotency-Key': 'problem-types' };
    expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', observation('keyed', ORG_A), keyed)).status).toBe(201);
    await request('idempotency-key-reused', hub.tokens.memberA, 'POST', '/v1/observations', { body: observation('keyed-other', ORG_A), headers: keyed });
    // Two observations now, and this hub exports one at most.
    await request('export-too-large', hub.tokens.reader, 'GET', '/v1/export?format=sdmx-csv');
    // No observation of France: a DHIS2 file would send nothing.
    await request('export-empty', hub.tokens.reader, 'GET', '/v1/export?format=dhis2&country=FR');
    // One request without a known token is allowed per address and window here; the next is limited.
    await withinOneWindow(5_000);
    await request('unauthorised', undefined, 'GET', '/v1/audit');
    await request('rate-limited', 'phx_unknown', 'GET', '/v1/audit');
  });

  it('is answered in every language the contract has a title in', async () => {
    for (const locale of localeList) await request('not-found', hub.tokens.reader, 'GET', '/v1/meetings/nothing-here', { locale });
  });

  it('is answered to requests Node refuses unread: headers too large, and too slow to arrive', async () => {
    await expectProblem('headers-too-large', await rawAnswer(hub.url, `GET /v1/audit HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(40_000)}\r\n\r\n`));
    // This hub waits 2 s for a request to arrive (limits.requestTimeoutMs).
    await expectProblem('request-timeout', await rawAnswer(hub.url, 'GET /v1/audit HTTP/1.1\r\nHost: x\r\n'));
  });

  it('is answered when the hub fails, without the cause', async () => {
    const store = await openStore(':memory:');
    const token = await store.createToken(ORG_A, 'member');
    await store.close();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await createApp({ store }).request('/v1/observations', { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'uk' } });
      const problem = await expectProblem('internal-error', response, { method: 'GET', path: '/v1/observations', locale: 'uk' });
      expect(problem.detail).toBe(`The hub failed to handle the request; quote request id ${response.headers.get('x-request-id')} to its operator.`);
      expect(log).toHaveBeenCalledOnce();
    } finally {
      log.mockRestore();
    }
  });

  it('has been answered, each one', () => {
    expect([...answered].sort()).toEqual(Object.keys(problemTypes).sort());
  });
});
