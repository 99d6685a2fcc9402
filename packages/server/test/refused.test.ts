/**
 * Requests Node's HTTP server refuses before the app answers them — headers or URL too large, a Content-Length
 * that is not a number, a body that stops arriving — are answered as the app answers: problem+json with a request
 * id, the headers of every answer and, for an allowed origin whose request was read, its CORS headers. A client
 * that goes away mid-body is one short line in the log, not a failure of the hub.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROBLEM_BASE } from '@phx/schema/api';
import { startTestHub, type TestHub } from './fixtures/hub.js';

const DASHBOARD = 'https://dashboard.example.org';
/**
 * How long this hub waits for a request to arrive (limits.requestTimeoutMs): less than the half second
 * @hono/node-server reads an unread body for after the app answered, so that the hub's timeout meets such a body.
 */
const REQUEST_TIMEOUT_MS = 300;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let hub: TestHub;
/** The headers of an answer of the app, which every refused request's answer carries too. */
let appHeaders: Headers;
beforeAll(async () => {
  hub = await startTestHub({ engine: 'sqlite', corsOrigins: [DASHBOARD], limits: { requestTimeoutMs: REQUEST_TIMEOUT_MS } });
  appHeaders = (await hub.call(hub.tokens.reader, 'GET', '/v1/nothing-here')).headers;
});
afterAll(() => hub?.close());

interface RawAnswer {
  status: number;
  headers: Headers;
  body: string;
  /** The whole answer as it was sent: one HTTP message, or more. */
  text: string;
  /** Milliseconds from the first byte sent to the connection's close. */
  ms: number;
}

/** Sends raw bytes to the hub and keeps the connection open until the hub closes it, or until `hangUpAfterMs`. */
function raw(request: string, hangUpAfterMs?: number): Promise<RawAnswer> {
  const { hostname, port } = new URL(hub.url);
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const socket = connect(Number(port), hostname, () => {
      socket.write(request);
      if (hangUpAfterMs !== undefined) setTimeout(() => socket.destroy(), hangUpAfterMs);
    });
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const end = text.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = text.slice(0, Math.max(end, 0)).split('\r\n');
      const headers = new Headers(lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()] as [string, string]));
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: text.slice(end + 4), text, ms: Date.now() - start });
    });
  });
}

/** Checks a refused request's answer: the problem, its request id in the header and the body, the app's headers. */
function expectRefused(answer: RawAnswer, slug: string, status: number): Record<string, unknown> {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  const problem = JSON.parse(answer.body) as Record<string, unknown>;
  expect(problem).toMatchObject({ type: `${PROBLEM_BASE}${slug}`, status });
  const id = answer.headers.get('x-request-id');
  expect(id).toMatch(UUID);
  expect(problem.requestId).toBe(id);
  for (const name of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-resource-policy', 'x-xss-protection']) {
    expect(answer.headers.get(name), name).toBe(appHeaders.get(name));
  }
  return problem;
}

/** Waits until `spy` has been called, or `ms` have passed. */
async function calledWithin(spy: { mock: { calls: unknown[][] } }, ms: number): Promise<void> {
  for (const end = Date.now() + ms; spy.mock.calls.length === 0 && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 20));
}

const stalledBody = (headers: string) =>
  `POST /v1/observations HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer ${hub.tokens.memberA}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n${headers}\r\n{"id": "stalled", `;

describe('requests Node refuses before they are read', () => {
  it.each([
    ['a URL of 20 KB', `GET /v1/observations?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: hub\r\nOrigin: ${DASHBOARD}\r\n\r\n`, 'headers-too-large', 431],
    ['a Content-Length that is not a number', `POST /v1/observations HTTP/1.1\r\nHost: hub\r\nOrigin: ${DASHBOARD}\r\nContent-Length: abc\r\n\r\n`, 'bad-request', 400],
  ])('answer %s with a request id, the headers of every answer, and no path', async (_, request, slug, status) => {
    const answer = await raw(request);
    const problem = expectRefused(answer, slug, status);
    expect(problem).not.toHaveProperty('instance');
    // The request was never parsed: its Origin is not known, so no origin may read the answer.
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('vary')).toBe('Origin');
  });

  it('give every answer a new request id', async () => {
    const request = `GET /v1/observations?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: hub\r\n\r\n`;
    const [first, second] = await Promise.all([raw(request), raw(request)]);
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
  });
});

describe('a body that stops arriving', () => {
  it('is answered 408 once the request has taken longer than the hub waits, as the app answers, and logged in one line', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answer = await raw(stalledBody(`Origin: ${DASHBOARD}\r\nAccept-Language: fr\r\n`));
      expect(answer.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
      expect(answer.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000);
      const problem = expectRefused(answer, 'request-timeout', 408);
      // The request was read up to its body: its path, its language and its origin are known.
      expect(problem).toMatchObject({ instance: '/v1/observations', title: "Délai d'attente de la requête dépassé" });
      expect(answer.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
      expect(answer.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
      // The app, whose reading of the body ended, logs it by the id the client was given.
      await calledWithin(warn, 2_000);
      expect(warn.mock.calls).toEqual([[`[${problem.requestId as string}] POST /v1/observations: the connection closed before the request's body arrived.`]]);
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it('is one line in the log, without a stack, when the client goes away', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answer = await raw(stalledBody(''), 100);
      expect(answer.text).toBe('');
      await calledWithin(warn, 2_000);
      expect(warn).toHaveBeenCalledOnce();
      expect(warn.mock.calls[0]).toEqual([expect.stringMatching(/^\[[\w-]+\] POST \/v1\/observations: the connection closed before the request's body arrived\.$/)]);
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it('after the app answered already gets no second answer', async () => {
    // No token: the app answers 401 before reading the body, and the body never comes.
    const answer = await raw('POST /v1/observations HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id": ');
    expect(answer.status).toBe(401);
    expect(answer.text.match(/HTTP\/1\.1 /g)).toHaveLength(1);
  });
});
