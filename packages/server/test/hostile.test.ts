/** Requests meant to hurt the hub: each gets a 4xx problem+json answer, and nothing invalid is stored. */
import { connect } from 'node:net';
import { validate } from '@phx/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observation, organisation, ORG_A } from './fixtures/data.js';
import { startTestHub, testEngine, RATE_WINDOW_MS, withinOneWindow, type TestHub } from './fixtures/hub.js';
import { zipBomb } from './fixtures/zip-bomb.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ limits: { addressRateLimit: { requests: 20, windowMs: RATE_WINDOW_MS } } });
  // An observation names an organisation the hub knows.
  expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/organisations', organisation(ORG_A))).status).toBe(201);
  expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', observation('target', ORG_A))).status).toBe(201);
});
afterAll(() => hub?.close());

/** Sends raw bytes to the hub and returns the raw answer. */
function raw(request: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(hub.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

async function expectProblem(response: Response, status: number, detail?: RegExp): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem.status).toBe(status);
  if (detail) expect(problem.detail).toMatch(detail);
  return problem;
}

async function stored(): Promise<Record<string, unknown>> {
  return (await (await hub.call(hub.tokens.reader, 'GET', '/v1/observations/target')).json()) as Record<string, unknown>;
}
const etag = async () => (await hub.call(hub.tokens.reader, 'GET', '/v1/observations/target')).headers.get('etag')!;

describe(`hostile bodies (${testEngine})`, () => {
  it('refuses keys that reach prototypes, in creates, replacements and merge patches, and stores nothing', async () => {
    const before = await stored();
    const patch = '{"reportingOrganisation":null,"__proto__":{"reportingOrganisation":"ZA-NPO-123-456"}}';
    await expectProblem(await hub.call(hub.tokens.memberA, 'PATCH', '/v1/observations/target', patch, { 'If-Match': await etag() }), 400, /key named "__proto__"/);
    await expectProblem(await hub.call(hub.tokens.memberA, 'PUT', '/v1/observations/target', { ...before, notes: { constructor: { prototype: 1 } } }, { 'If-Match': await etag() }), 400, /"constructor"/);
    await expectProblem(await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', `{"id":"proto","prototype":{}}`), 400, /"prototype"/);
    expect(await stored()).toEqual(before);
    expect((await hub.call(hub.tokens.reader, 'GET', '/v1/observations/proto')).status).toBe(404);
  });

  it('accepts those words as values', async () => {
    const response = await hub.call(hub.tokens.memberA, 'PATCH', '/v1/observations/target', { notes: 'the "constructor": of a __proto__ prototype' }, { 'If-Match': await etag() });
    expect(response.status).toBe(200);
  });

  it('answers 400, not 500, to a body that is null, an array or a number', async () => {
    for (const body of ['null', '[]', '7', '"text"']) {
      await expectProblem(await hub.call(hub.tokens.memberA, 'PUT', '/v1/observations/target', body, { 'If-Match': await etag() }), 400, /^Send the observation as a JSON object\.$/);
      await expectProblem(await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', body), 400, /^Send the observation as a JSON object\.$/);
    }
    await expectProblem(await hub.call(hub.tokens.memberA, 'PATCH', '/v1/observations/target', 'null', { 'If-Match': await etag() }), 400, /merge patch is a JSON object/);
  });

  it('refuses bodies nested deeper than 100 levels with the issue phx validate gives, in any request', async () => {
    const deep = `{"notes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    for (const [method, path] of [['PATCH', '/v1/observations/target'], ['POST', '/v1/packages'], ['POST', '/v1/observations']] as const) {
      const problem = await expectProblem(await hub.call(hub.tokens.memberA, method, path, deep, { 'If-Match': await etag() }), 422);
      expect(problem.issues).toEqual([expect.objectContaining({ code: 'syntax.too-deep', location: { line: 1, column: 109 } })]);
    }
  });

  it('refuses a body with a key written twice, whose first value JSON.parse would drop, with the issue phx validate gives', async () => {
    const before = await stored();
    const patch = '{\n  "value": 12,\n  "value": 21\n}';
    const problem = await expectProblem(await hub.call(hub.tokens.memberA, 'PATCH', '/v1/observations/target', patch, { 'If-Match': await etag() }), 422);
    expect(problem.issues).toEqual([expect.objectContaining({ code: 'syntax.duplicate-key', pointer: '/value', params: { key: 'value', firstLine: 2 }, location: { line: 3, column: 3 } })]);
    expect(await stored()).toEqual(before);
    const pkg = `{"phxVersion":"1.0","observations":[${JSON.stringify(before)}],"observations":[]}`;
    const refused = await expectProblem(await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg), 422);
    expect(refused.issues).toEqual([expect.objectContaining({ code: 'syntax.duplicate-key', pointer: '/observations' })]);
  });

  it('refuses a package or a record with a key written twice inside a record, which the hub would store as JSON.parse kept it', async () => {
    const before = await stored();
    const record = JSON.stringify(before);
    const twice = `{"value":12,${record.slice(1)}`;
    const pkg = `{"phxVersion":"1.0","observations":[\n${twice}\n]}`;
    const refused = await expectProblem(await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg), 422);
    expect(refused.issues).toEqual([
      expect.objectContaining({ code: 'syntax.duplicate-key', pointer: '/observations/0/value', params: { key: 'value', firstLine: 2 }, location: { line: 2, column: twice.indexOf('"value"', 2) + 1 } }),
    ]);
    const nested = record.replace('"scope":{', '"scope":{"country":"ZZ",');
    expect(nested).not.toBe(record);
    const put = await expectProblem(await hub.call(hub.tokens.memberA, 'PUT', '/v1/observations/target', nested, { 'If-Match': await etag() }), 422);
    expect(put.issues).toEqual([expect.objectContaining({ code: 'syntax.duplicate-key', pointer: '/scope/country' })]);
    expect(await stored()).toEqual(before);
  });

  it('refuses invalid UTF-8 with the issue phx validate gives, instead of storing U+FFFD', async () => {
    const before = await stored();
    const bytes = Buffer.concat([Buffer.from('{"notes":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const response = await fetch(`${hub.url}/v1/observations/target`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${hub.tokens.memberA}`, 'Content-Type': 'application/merge-patch+json', 'If-Match': await etag() },
      body: bytes,
    });
    const problem = await expectProblem(response, 422);
    expect(problem.issues).toEqual(validate(new Uint8Array(bytes)).issues);
    expect(await stored()).toEqual(before);
  });
});

describe(`hostile files to validate (${testEngine})`, () => {
  /** The hub's default record limit: a file one record over it. */
  const over = 200_001;
  const post = (body: string, name: string) => hub.call(hub.tokens.reader, 'POST', `/v1/validate?name=${name}`, body, { 'Content-Type': 'application/octet-stream' });

  it('refuses NDJSON and CSV files with more records than the hub reads, on their count, with 413 as for JSON', async () => {
    const ndjson = `{"type":"package","id":"p"}\n${'{"type":"observation"}\n'.repeat(over)}`;
    await expectProblem(await post(ndjson, 'big.phx.ndjson'), 413, /holds 200001 records/);
    // Quoted line breaks do not end a row: one row per record, however many lines it spans.
    const csv = `id,notes\n${'x,"two\nlines"\n'.repeat(over)}`;
    await expectProblem(await post(csv, 'big.csv'), 413, /holds 200001 records/);
  });

  it('refuses a workbook that unpacks to more than the hub reads (a zip bomb) with 413, without unpacking it', async () => {
    const bomb = await zipBomb(256 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await fetch(`${hub.url}/v1/validate?name=budget.xlsx`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hub.tokens.reader}`, 'Content-Type': 'application/octet-stream' },
      body: bomb,
    });
    await expectProblem(response, 413, /xlsx file unpacks to more than \d+ bytes/);
  });
});

describe(`hostile parameters (${testEngine})`, () => {
  it.each([
    ['/v1/observations?limit=0x10', /limit/],
    ['/v1/observations?limit=+5', /limit/],
    ['/v1/observations?limit=1e2', /limit/],
    ['/v1/observations?limit=5.0', /limit/],
    ['/v1/observations?limit=0', /limit/],
    ['/v1/observations?from=2022-13-45', /"\?from": "2022-13-45" is not a date/],
    ['/v1/observations?to=2023-02-29', /"\?to": "2023-02-29" is not a day of the calendar/],
    ['/v1/observations?cursor=@@@@', /cursor/],
    ['/v1/audit?cursor=eA', /cursor/],
    ['/v1/observations?limit=10&limit=20', /limit/],
  ])('%s is refused with 400', async (path, detail) => {
    await expectProblem(await hub.call(hub.tokens.memberA, 'GET', path), 400, detail);
  });
});

describe(`transport-level abuse (${testEngine})`, () => {
  it('answers headers and URLs that are too large with 431 problem+json', async () => {
    for (const request of [
      `GET /v1/observations HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(40_000)}\r\n\r\n`,
      `GET /v1/observations?${'a'.repeat(40_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ]) {
      const answer = await raw(request);
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer).toContain('Content-Type: application/problem+json');
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 431 });
    }
  });

  it('answers a malformed request with 400 problem+json', async () => {
    const answer = await raw('GARBAGE / HTTP/9\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('Content-Type: application/problem+json');
  });

  it('limits requests without a known token per client address', async () => {
    await withinOneWindow();
    const statuses = [];
    for (let i = 0; i < 25; i++) statuses.push((await hub.call(`phx_guess-${i}`, 'GET', '/v1/observations')).status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    // The quota counted for the address is said, on the 429 as on the 401 before it.
    const refused = await hub.call('phx_guess-last', 'GET', '/v1/observations');
    expect([refused.headers.get('ratelimit-policy'), refused.headers.get('ratelimit')?.replace(/t=\d+$/, 't=')]).toEqual([`"address";q=20;w=${RATE_WINDOW_MS / 1000}`, '"address";r=0;t=']);
    // Known tokens are limited per token, not by the address.
    expect((await hub.call(hub.tokens.reader, 'GET', '/v1/indicators?limit=1')).status).toBe(200);
  });
});
