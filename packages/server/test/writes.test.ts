/**
 * Writes of one record are checked as imports are, every answer carries its request id, and every operation
 * refuses query parameters it does not take.
 */
import { request } from 'node:http';
import { operations } from '@phx/schema/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observation, organisation, ORG_A, ORG_B } from './fixtures/data.js';
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
const meeting = (id: string, organiser: string, participants = [organiser]) => ({
  id, title: { en: 'Meeting' }, start: '2023-05-01T09:00:00+00:00', end: '2023-05-01T17:00:00+00:00',
  format: 'virtual', organiser, participants: participants.map((org) => ({ organisation: org })),
});

let packages = 0;
/** A package of ORG_A holding records. */
const pkg = (records: Record<string, unknown[]>) => ({
  phxVersion: '1.0', id: `pkg-writes-${++packages}`, publisher: { id: ORG_A, name: `Organisation ${ORG_A}` },
  license: 'CC-BY-4.0', publishedAt: '2024-03-01T12:00:00+00:00', ...records,
});

/** The status of an answer and the codes of the issues of its problem, where they point. */
async function outcome(response: Response): Promise<{ status: number; issues: string[] }> {
  const body = (await response.json()) as { issues?: { code: string; pointer: string }[] };
  return { status: response.status, issues: (body.issues ?? []).map((issue) => `${issue.code} ${issue.pointer}`) };
}

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

describe(`writes of one record (${testEngine})`, () => {
  it('refuse references to organisations and facilities the hub does not know, as an import does', async () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['observations', 'observation', { ...observation('ref-obs', ORG_A), reportingOrganisation: 'ZM-PACRA-999999' }],
      ['observations', 'observation', { ...observation('ref-fac', ORG_A), scope: { country: 'ZA', facility: 'no-such-facility' } }],
      ['meetings', 'meeting', meeting('ref-meeting', 'ZZ-NOPE-1', ['ZZ-NOPE-2'])],
      ['meetings', 'meeting', meeting('ref-participant', ORG_A, [ORG_A, 'ZZ-NOPE-2'])],
    ];
    for (const [collection, , record] of cases) {
      const alone = await outcome(await hub.call(hub.tokens.secretariat, 'POST', `/v1/${collection}`, record));
      const imported = await outcome(await hub.call(hub.tokens.secretariat, 'POST', '/v1/packages', pkg({ [collection]: [record] })));
      expect(alone.status, String(record.id)).toBe(422);
      expect(alone.issues.length).toBeGreaterThan(0);
      expect(alone.issues.every((issue) => issue.startsWith('ref.'))).toBe(true);
      // The same issues, pointing into the record rather than into the package.
      expect(imported).toEqual({ status: 422, issues: alone.issues.map((issue) => issue.replace(' /', ` /${collection}/0/`)) });
      expect((await hub.call(hub.tokens.reader, 'GET', `/v1/${collection}/${String(record.id)}`)).status).toBe(404);
    }
    // A change that names an unknown organisation is refused too; a known one is taken.
    expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', observation('ref-ok', ORG_A))).status).toBe(201);
    const path = '/v1/observations/ref-ok';
    const patched = await hub.call(hub.tokens.secretariat, 'PATCH', path, { reportingOrganisation: 'ZA-NPO-999-999' }, { 'If-Match': await etagOf(path) });
    expect(await outcome(patched)).toEqual({ status: 422, issues: ['ref.unknown-organisation /reportingOrganisation'] });
    expect((await hub.call(hub.tokens.secretariat, 'POST', '/v1/meetings', meeting('ref-known', ORG_A, [ORG_A, ORG_B]))).status).toBe(201);
  });

  it('refuse, in an import, references to a publisher the hub does not store and the package does not define', async () => {
    const stranger = 'ZM-PACRA-120000123';
    const ofStranger = (id: string, records: Record<string, unknown[]>) => ({ ...pkg(records), id, publisher: { id: stranger, name: 'Organisation not on the hub' } });
    const record = observation('ref-publisher', stranger);
    const refused = ofStranger('pkg-stranger-1', { observations: [record] });
    const alone = await outcome(await hub.call(hub.tokens.secretariat, 'POST', '/v1/observations', record));
    expect(alone).toEqual({ status: 422, issues: ['ref.unknown-organisation /reportingOrganisation'] });
    expect(await outcome(await hub.call(hub.tokens.secretariat, 'POST', '/v1/packages', refused))).toEqual({
      status: 422,
      issues: ['ref.unknown-organisation /observations/0/reportingOrganisation'],
    });
    // POST /v1/validate foretells it.
    const checked = (await (await hub.call(hub.tokens.secretariat, 'POST', '/v1/validate', refused)).json()) as { ok: boolean; issues: { code: string }[] };
    expect([checked.ok, checked.issues.map((issue) => issue.code)]).toEqual([false, ['ref.unknown-organisation']]);
    for (const path of ['/v1/observations/ref-publisher', `/v1/organisations/${stranger}`]) expect((await hub.call(hub.tokens.reader, 'GET', path)).status, path).toBe(404);

    // With its publisher among its organisations, the package is taken, and what it stored can be changed.
    const taken = await hub.call(hub.tokens.secretariat, 'POST', '/v1/packages', ofStranger('pkg-stranger-2', { organisations: [organisation(stranger)], observations: [record] }));
    expect(taken.status).toBe(200);
    const path = '/v1/observations/ref-publisher';
    expect((await hub.call(hub.tokens.secretariat, 'PATCH', path, { notes: 'Checked.' }, { 'If-Match': await etagOf(path) })).status).toBe(200);
    // The publisher itself need not be stored: a package of records that refer to stored organisations only is taken.
    const other = ofStranger('pkg-stranger-3', { observations: [observation('ref-of-a', ORG_A)] });
    expect((await hub.call(hub.tokens.secretariat, 'POST', '/v1/packages', { ...other, publisher: { id: 'ZM-PACRA-120000999', name: 'Not on the hub' } })).status).toBe(200);
  });

  it('keep their id: changing it is a bad request for every record type, before the record is validated', async () => {
    const records: [string, Record<string, unknown>][] = [
      ['organisations', organisation(ORG_A)],
      ['facilities', facility('keep-fac')],
      ['observations', observation('keep-obs', ORG_A)],
      ['meetings', meeting('keep-meeting', ORG_A)],
    ];
    for (const [collection, record] of records) {
      const path = `/v1/${collection}/${String(record.id)}`;
      if (collection !== 'organisations') expect((await hub.call(hub.tokens.memberA, 'POST', `/v1/${collection}`, record)).status).toBe(201);
      const changes: [string, unknown][] = [['PATCH', { id: 'renamed' }], ['PUT', { ...record, id: 'renamed' }]];
      for (const [method, body] of changes) {
        const response = await hub.call(hub.tokens.memberA, method, path, body, { 'If-Match': await etagOf(path) });
        expect(response.status, `${method} ${path}`).toBe(400);
        expect(((await response.json()) as { detail: string }).detail).toBe(`The id of a record cannot change: the body says "renamed", the URL "${String(record.id)}".`);
      }
    }
  });

  it('name the record type in grammatical English when a body is no object or an id is taken, for every record type', async () => {
    const records: [string, string, Record<string, unknown>][] = [
      ['organisations', 'organisation', organisation(ORG_A)],
      ['facilities', 'facility', facility('taken-fac')],
      ['observations', 'observation', observation('taken-obs', ORG_A)],
      ['meetings', 'meeting', meeting('taken-meeting', ORG_A)],
    ];
    for (const [collection, type, record] of records) {
      if (collection !== 'organisations') expect((await hub.call(hub.tokens.memberA, 'POST', `/v1/${collection}`, record)).status).toBe(201);
      const taken = await hub.call(hub.tokens.memberA, 'POST', `/v1/${collection}`, record);
      expect(taken.status, collection).toBe(409);
      expect(((await taken.json()) as { detail: string }).detail).toBe(`The ${type} "${String(record.id)}" exists already; update it with PUT or PATCH.`);
      const notAnObject = await hub.call(hub.tokens.memberA, 'POST', `/v1/${collection}`, '[]');
      expect(notAnObject.status, collection).toBe(400);
      expect(((await notAnObject.json()) as { detail: string }).detail).toBe(`Send the ${type} as a JSON object.`);
    }
  });
});

describe(`If-Match (${testEngine})`, () => {
  it('holds when any entity-tag of a list matches the record’s, compared strongly, or is *', async () => {
    expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/facilities', facility('if-match'))).status).toBe(201);
    const path = '/v1/facilities/if-match';
    const stale = await etagOf(path);
    expect((await hub.call(hub.tokens.memberA, 'PATCH', path, { name: 'First' }, { 'If-Match': stale })).status).toBe(200);
    const lists: [string, (etag: string) => string, number][] = [
      ['the current one after a stale one', (etag) => `${stale}, ${etag}`, 200],
      ['the current one first', (etag) => `${etag}, "other"`, 200],
      ['without spaces', (etag) => `"other",${etag},${stale}`, 200],
      ['with spaces and tabs around', (etag) => ` "a" ,\t${etag} `, 200],
      ['after an entity-tag holding a comma', (etag) => `"a,b", ${etag}`, 200],
      ['*', () => '*', 200],
      ['stale ones only', () => `"a", ${stale}`, 412],
      ['the current one as a weak tag', (etag) => `W/${etag}`, 412],
      ['the current one inside another entity-tag', (etag) => `"x,${etag.slice(1)}`, 412],
    ];
    for (const [label, list, status] of lists) {
      const etag = await etagOf(path);
      const response = await hub.call(hub.tokens.memberA, 'PATCH', path, { name: label }, { 'If-Match': list(etag) });
      expect(response.status, label).toBe(status);
      if (status === 412) expect(((await response.json()) as { etag: string }).etag, label).toBe(etag);
    }
    // Several If-Match lines are one list.
    const etag = await etagOf(path);
    const lines = await new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ name: 'Lines' });
      const headers = { Authorization: `Bearer ${hub.tokens.memberA}`, 'Content-Type': 'application/json', 'If-Match': ['"a"', etag] };
      request(`${hub.url}${path}`, { method: 'PATCH', headers }, (answer) => (answer.resume(), resolve(answer.statusCode!))).on('error', reject).end(body);
    });
    expect(lines).toBe(200);
    const deleted = await hub.call(hub.tokens.memberA, 'DELETE', path, undefined, { 'If-Match': `"a", ${await etagOf(path)}` });
    expect(deleted.status).toBe(204);
  });
});

describe(`query parameters (${testEngine})`, () => {
  it('are refused, unknown or repeated, by every operation of the contract', async () => {
    const values: Record<string, string> = { '{id}': 'keep-obs', '{code}': 'prisons-people-on-oat', '{file}': 'Observation.schema.json' };
    for (const operation of operations) {
      const path = operation.path.replace(/\{\w+\}/, (name) => (operation.path.startsWith('/v1/organisations') ? ORG_A : values[name]!));
      const known = operation.query ? Object.keys(operation.query.shape) : [];
      const queries = ['colour=red', known.length > 0 ? `${known[0]}=1&${known[0]}=2` : 'colour=red&colour=blue'];
      for (const query of queries) {
        const response = await hub.call(hub.tokens.secretariat, operation.method.toUpperCase(), `${path}?${query}`, undefined, { 'If-Match': '*' });
        const label = `${operation.method.toUpperCase()} ${path}?${query}`;
        expect(response.status, label).toBe(400);
        expect(((await response.json()) as { detail: string }).detail, label).toMatch(/^Unknown query parameter "colour"|is given 2 times/);
      }
    }
    // Nothing was changed or removed meanwhile.
    expect((await hub.call(hub.tokens.reader, 'GET', '/v1/observations/keep-obs')).status).toBe(200);
  });
});
