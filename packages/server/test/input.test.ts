/**
 * Text no engine can be trusted with: U+0000, which PostgreSQL cannot hold in text (nor compare text with), and
 * other control characters. The hub answers alike on SQLite and PostgreSQL — a 4xx problem or a success, never
 * a 5xx. On the server project the SQLite hub alone is checked; on server-postgres both, side by side.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observation, organisation, ORG_A } from './fixtures/data.js';
import { startTestHub, testEngine, type TestEngine, type TestHub } from './fixtures/hub.js';

const engines: TestEngine[] = testEngine === 'sqlite' ? ['sqlite'] : ['sqlite', 'postgres'];
const hubs: TestHub[] = [];
beforeAll(async () => {
  for (const engine of engines) {
    const hub = await startTestHub({ engine });
    hubs.push(hub);
    expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/organisations', organisation(ORG_A))).status).toBe(201);
    expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', observation('stored', ORG_A))).status).toBe(201);
  }
});
afterAll(() => Promise.all(hubs.map((hub) => hub.close())));

/** A request to send to each hub: with the token of a member of ORG_A and, when given, a JSON body. */
interface Sent {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The status and problem type of each hub's answer to the same request. */
async function answers({ method, path, body, headers = {} }: Sent): Promise<{ status: number; type: string | undefined }[]> {
  const results = [];
  for (const hub of hubs) {
    const response = await hub.call(hub.tokens.memberA, method, path, body, headers);
    const text = await response.text();
    const type = response.headers.get('content-type') === 'application/problem+json' ? (JSON.parse(text) as { type: string }).type.split('/').pop() : undefined;
    results.push({ status: response.status, type });
  }
  return results;
}

/** Sends a request to each hub and expects the same status and problem type from each, never a 5xx. */
async function same(sent: Sent): Promise<{ status: number; type: string | undefined }> {
  const [first, ...others] = await answers(sent);
  const label = `${sent.method} ${sent.path} ${JSON.stringify(sent.body ?? '')}`;
  for (const other of others) expect(other, label).toEqual(first);
  expect(first!.status, label).toBeLessThan(500);
  return first!;
}

const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const obs = (id: string, scope: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...observation(id, ORG_A), scope: { country: 'ZA', ...scope }, ...extra });
const packageOf = (id: string, observations: unknown[]) => ({
  phxVersion: '1.0', id, publisher: { id: ORG_A, name: 'A' }, license: 'CC-BY-4.0', publishedAt: '2024-03-01T12:00:00+00:00', observations,
});
const patch = { 'Content-Type': 'application/merge-patch+json', 'If-Match': '*' };

describe(`text holding U+0000 (${engines.join(' and ')})`, () => {
  it('names no record: a path is not found, a cursor is not one the hub gave out, a filter is a bad request', async () => {
    expect(await same({ method: 'GET', path: '/v1/observations/a%00b' })).toEqual({ status: 404, type: 'not-found' });
    expect(await same({ method: 'PATCH', path: '/v1/observations/a%00b', body: '{}', headers: patch })).toEqual({ status: 404, type: 'not-found' });
    expect(await same({ method: 'DELETE', path: '/v1/observations/a%00b', headers: { 'If-Match': '*' } })).toEqual({ status: 404, type: 'not-found' });
    expect(await same({ method: 'GET', path: '/v1/organisations/%00' })).toEqual({ status: 404, type: 'not-found' });
    expect(await same({ method: 'GET', path: `/v1/observations?cursor=${cursor('a\u0000')}` })).toEqual({ status: 400, type: 'bad-request' });
    expect(await same({ method: 'GET', path: `/v1/audit?cursor=${cursor('1\u0000')}` })).toEqual({ status: 400, type: 'bad-request' });
    for (const filter of ['organisation', 'indicator', 'facility', 'country']) {
      expect(await same({ method: 'GET', path: `/v1/observations?${filter}=a%00b` })).toEqual({ status: 400, type: 'bad-request' });
    }
    expect(await same({ method: 'GET', path: '/v1/export?format=fhir&organisation=a%00b' })).toEqual({ status: 400, type: 'bad-request' });
  });

  it('is refused in a record, a package and a file to validate, wherever it is, and nothing is stored', async () => {
    const lusaka = obs('nul-area', { subnationalArea: 'Lusaka\u0000' });
    expect(await same({ method: 'POST', path: '/v1/observations', body: lusaka })).toEqual({ status: 400, type: 'bad-request' });
    expect(await same({ method: 'POST', path: '/v1/observations', body: obs('nul-notes', {}, { notes: 'a\u0000b' }) })).toEqual({ status: 400, type: 'bad-request' });
    expect(await same({ method: 'PATCH', path: '/v1/observations/stored', body: { scope: { subnationalArea: '\u0000' } }, headers: patch })).toEqual({ status: 400, type: 'bad-request' });
    expect(await same({ method: 'PUT', path: '/v1/observations/stored', body: obs('stored', { subnationalArea: 'x\u0000' }), headers: { 'If-Match': '*' } })).toEqual({ status: 400, type: 'bad-request' });
    expect(await same({ method: 'POST', path: '/v1/packages', body: packageOf('nul-pkg', [lusaka]) })).toEqual({ status: 400, type: 'bad-request' });
    expect(await same({ method: 'POST', path: '/v1/packages', body: packageOf('nul\u0000pkg', []) })).toEqual({ status: 400, type: 'bad-request' });
    const detail = ((await (await hubs[0]!.call(hubs[0]!.tokens.memberA, 'POST', '/v1/observations', lusaka)).json()) as { detail: string }).detail;
    expect(detail).toBe('The body holds the character U+0000 at /scope/subnationalArea; no text of PHX data holds it, and the hub refuses it.');
    // A file to validate fails with the error `phx validate` gives, placed alike, in a package, NDJSON or CSV.
    const csv = `id,indicator,reportingOrganisation,scope.country,scope.subnationalArea,period.start,period.end,unit,dataSource,numerator,value\nnul-csv,prisons-people-on-oat,${ORG_A},ZA,Lusaka\u0000,2022-01-01,2022-12-31,count,routine-programme-data,100,100\n`;
    const files = [
      { body: JSON.stringify(packageOf('nul-pkg', [lusaka])), type: 'application/json', pointer: '/observations/0/scope/subnationalArea' },
      { body: `${JSON.stringify({ type: 'package', ...packageOf('nul-pkg', []), observations: undefined })}\n${JSON.stringify({ type: 'observation', ...lusaka })}\n`, type: 'application/x-ndjson', pointer: '/scope/subnationalArea' },
      { body: csv, type: 'text/csv', pointer: '/scope/subnationalArea' },
    ];
    for (const file of files) {
      for (const hub of hubs) {
        const answer = await hub.call(hub.tokens.memberA, 'POST', '/v1/validate', file.body, { 'Content-Type': file.type });
        expect(answer.status).toBe(200);
        const { ok, issues } = (await answer.json()) as { ok: boolean; issues: { code: string; pointer: string }[] };
        expect(ok).toBe(false);
        expect(issues.filter((issue) => issue.code === 'text.nul-character').map((issue) => issue.pointer), file.type).toEqual([file.pointer]);
      }
    }
    // A package id cannot hold it: the shape is wrong, and nothing is looked up.
    expect(await same({ method: 'POST', path: '/v1/validate', body: packageOf('nul\u0000pkg', []) })).toEqual({ status: 200, type: undefined });
    expect(await same({ method: 'GET', path: '/v1/observations/nul-area' })).toEqual({ status: 404, type: 'not-found' });
  });
});

describe(`ids and texts of control characters (${engines.join(' and ')})`, () => {
  it('get the same answer from every engine, never a 5xx', async () => {
    const character = fc.constantFrom('\u0000', '\u0001', '\u0008', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f', '\u0085', '\u2028', '\uffff', 'a', 'Z', '0', '-', '.', ' ', 'é', '/', '%');
    const text = fc.array(character, { minLength: 0, maxLength: 6 }).map((characters) => characters.join(''));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(text, text, async (one, other) => {
        const n = ++run;
        const id = encodeURIComponent(one);
        await same({ method: 'GET', path: `/v1/observations/${id}` });
        await same({ method: 'GET', path: `/v1/observations?cursor=${cursor(one)}` });
        await same({ method: 'GET', path: `/v1/observations?organisation=${id}&limit=1` });
        await same({ method: 'PATCH', path: `/v1/observations/${id}`, body: { notes: other }, headers: patch });
        await same({ method: 'DELETE', path: `/v1/observations/${id}`, headers: { 'If-Match': '*' } });
        await same({ method: 'POST', path: '/v1/observations', body: obs(one, { subnationalArea: `p${n}` }) });
        await same({ method: 'POST', path: '/v1/observations', body: obs(`p-${n}`, { subnationalArea: `${one}${n}` }, { notes: other }) });
        await same({ method: 'POST', path: '/v1/packages', body: packageOf(`p-${n}`, [obs(`q-${n}`, { subnationalArea: `${other}${n}` }, { notes: one })]) });
        await same({ method: 'POST', path: '/v1/validate', body: packageOf(`v-${n}`, [obs(`v-${n}`, { subnationalArea: one })]) });
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
