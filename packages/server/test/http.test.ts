/**
 * What HTTP says the hub's answers carry: the error code of a bad token in WWW-Authenticate (RFC 6750 §3), the
 * methods a path takes on a 405 (RFC 9110 §15.5.6), the media types a PATCH takes on a 415 (RFC 5789 §2.2), and a
 * 415 for a content coding the hub does not decode (RFC 9110 §15.5.16). A real hub on a SQLite file.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_BASE, PROBLEM_MEDIA_TYPE } from '@phx/schema/api';
import { listTokens, openStore, revokeToken } from '../src/index.js';
import { observation, organisation, ORG_A } from './fixtures/data.js';
import { startTestHub, type TestHub } from './fixtures/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ engine: 'sqlite' });
  expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/organisations', organisation(ORG_A))).status).toBe(201);
  expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', observation('stored', ORG_A))).status).toBe(201);
});
afterAll(() => hub?.close());

/** The problem of an answer, after checking its media type. */
async function problemOf(response: Response): Promise<{ type: string; status: number; detail: string }> {
  expect(response.headers.get('content-type')).toBe(PROBLEM_MEDIA_TYPE);
  return (await response.json()) as { type: string; status: number; detail: string };
}

describe('WWW-Authenticate of a 401', () => {
  it('says invalid_token for a token the hub does not know, has revoked or is past its expiry', async () => {
    const invalid = 'Bearer realm="phx", error="invalid_token", error_description="The token is unknown, revoked or expired"';
    const unknown = await hub.call('phx_not-a-token', 'GET', '/v1/observations');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toBe(invalid);

    const revoked = await hub.token(ORG_A, 'reader');
    expect((await hub.call(revoked, 'GET', '/v1/observations')).status).toBe(200);
    const [info] = (await listTokens({ db: hub.db })).filter((token) => token.role === 'reader' && token.lastUsedAt !== null).slice(-1);
    expect(await revokeToken({ db: hub.db, id: info!.id })).toBe(true);
    const afterRevoke = await hub.call(revoked, 'GET', '/v1/observations');
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.headers.get('www-authenticate')).toBe(invalid);

    const store = await openStore(hub.db);
    const expired = await store.createToken(ORG_A, 'member', { expiresAt: new Date(Date.now() - 1000).toISOString() }).finally(() => store.close());
    const afterExpiry = await hub.call(expired, 'GET', '/v1/observations');
    expect(afterExpiry.status).toBe(401);
    expect(afterExpiry.headers.get('www-authenticate')).toBe(invalid);
  });

  it('names no error when no token was sent', async () => {
    for (const headers of [{}, { Authorization: 'Basic dXNlcjpwYXNz' }] as Record<string, string>[]) {
      const response = await hub.call(undefined, 'GET', '/v1/observations', undefined, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="phx"');
    }
  });
});

describe('a method a path does not take', () => {
  it('is 405 method-not-allowed with the methods it takes in Allow', async () => {
    for (const [method, path, allow] of [
      ['DELETE', '/v1/observations', 'GET, HEAD, POST'],
      ['GET', '/v1/packages', 'POST'],
      ['POST', '/v1/observations/stored', 'GET, HEAD, PUT, PATCH, DELETE'],
      ['PUT', '/v1/indicators/prisons-people-on-oat', 'GET, HEAD'],
      ['DELETE', '/v1/audit', 'GET, HEAD'],
    ] as const) {
      const response = await hub.call(hub.tokens.secretariat, method, path);
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({ type: `${PROBLEM_BASE}method-not-allowed`, status: 405, detail: `${path} takes ${allow}, not ${method}.` });
    }
    // The document needs no token: another method is 405 with a token or without one.
    for (const token of [hub.tokens.reader, undefined]) {
      const document = await hub.call(token, 'POST', '/v1/openapi.json');
      expect([document.status, document.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    }
  });

  it("leaves a path that is not the API's 404, and asks for the token first", async () => {
    const response = await hub.call(hub.tokens.secretariat, 'GET', '/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('allow')).toBeNull();
    expect((await hub.call(undefined, 'DELETE', '/v1/observations')).status).toBe(401);
    // A method the path takes, that finds nothing there.
    const schema = await hub.call(undefined, 'GET', '/schemas/v1/Nothing.schema.json');
    expect([schema.status, schema.headers.get('allow')]).toEqual([404, null]);
  });
});

describe('a 415', () => {
  it('of a PATCH names the patch formats in Accept-Patch', async () => {
    const etag = (await hub.call(hub.tokens.memberA, 'GET', '/v1/observations/stored')).headers.get('etag')!;
    const response = await hub.call(hub.tokens.memberA, 'PATCH', '/v1/observations/stored', '{"notes":"x"}', { 'Content-Type': 'application/json-patch+json', 'If-Match': etag });
    expect(response.status).toBe(415);
    expect(response.headers.get('accept-patch')).toBe('application/merge-patch+json, application/json');
    expect((await problemOf(response)).type).toBe(`${PROBLEM_BASE}unsupported-media-type`);
    // Other methods have no such header.
    const posted = await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', '{}', { 'Content-Type': 'text/plain' });
    expect([posted.status, posted.headers.get('accept-patch')]).toEqual([415, null]);
  });
});

describe('a file to validate in another encoding than UTF-8', () => {
  const windows1251 = new TextDecoder('windows-1251');
  const byteOf = new Map(Array.from({ length: 256 }, (_, byte) => [windows1251.decode(Uint8Array.of(byte)), byte]));
  const csv = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource,notes\r\n' +
    `cp1251,hiv-prevalence-prisoners,${ORG_A},ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey,Добровільне тестування в СІЗО\r\n`;
  const bytes = Uint8Array.from(csv, (char) => byteOf.get(char)!);
  const validateAs = (type: string) =>
    fetch(`${hub.url}/v1/validate`, { method: 'POST', headers: { Authorization: `Bearer ${hub.tokens.memberA}`, 'Content-Type': type }, body: bytes });

  it('is read in the encoding its charset names, as the same text in UTF-8', async () => {
    const named = (await (await validateAs('text/csv')).json()) as { issues: { code: string; params: unknown }[] };
    expect(named.issues.map(({ code, params }) => ({ code, params }))).toEqual([{ code: 'syntax.invalid-encoding', params: { encoding: 'windows-1251' } }]);
    const read = await validateAs('text/csv; charset="CP1251"');
    expect(read.status).toBe(200);
    const asUtf8 = await hub.call(hub.tokens.memberA, 'POST', '/v1/validate', csv, { 'Content-Type': 'text/csv; charset=utf-8' });
    const { read: readAs, ...result } = (await read.json()) as { ok: boolean; read: { bytes: number } };
    const { read: readUtf8, ...expected } = (await asUtf8.json()) as { ok: boolean; read: { bytes: number } };
    expect(result).toEqual(expected);
    expect(result.ok).toBe(true);
    expect(readAs).toEqual({ ...readUtf8, bytes: bytes.length, encoding: 'windows-1251' });
  });

  it('is UTF-8 when it is JSON, as an import reads it: its charset is not read', async () => {
    const pkg = JSON.stringify({ phxVersion: '1.0', id: 'cp1251-pkg', publisher: { id: ORG_A, name: 'Київ' }, license: 'CC-BY-4.0', publishedAt: '2024-03-01T12:00:00+00:00' });
    const body = Uint8Array.from(pkg, (char) => byteOf.get(char)!);
    const headers = { Authorization: `Bearer ${hub.tokens.memberA}`, 'Content-Type': 'application/json; charset=windows-1251' };
    const checked = (await (await fetch(`${hub.url}/v1/validate`, { method: 'POST', headers, body })).json()) as { ok: boolean; issues: { code: string }[] };
    expect([checked.ok, checked.issues.map((issue) => issue.code)]).toEqual([false, ['syntax.invalid-encoding']]);
    const imported = await fetch(`${hub.url}/v1/packages`, { method: 'POST', headers, body });
    expect(imported.status).toBe(422);
  });

  it("checks a CSV table's references against what the hub stores, as an import of its records is checked", async () => {
    const unknown = 'ZA-NPO-999-999';
    const stranger = csv.replace(ORG_A, unknown).replace('Добровільне тестування в СІЗО', 'voluntary testing');
    const checked = (await (await hub.call(hub.tokens.memberA, 'POST', '/v1/validate', stranger, { 'Content-Type': 'text/csv' })).json()) as { ok: boolean; issues: { code: string; location: unknown }[] };
    expect([checked.ok, checked.issues.map(({ code, location }) => [code, location])]).toEqual([false, [['ref.unknown-organisation', { row: 2, column: 3, text: { line: 2, column: 33 } }]]]);
    const pkg = { phxVersion: '1.0', id: 'stranger', publisher: { id: ORG_A, name: 'A' }, license: 'CC-BY-4.0', publishedAt: '2024-03-01T12:00:00+00:00', observations: [{ ...observation('stranger', ORG_A), reportingOrganisation: unknown }] };
    const imported = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', JSON.stringify(pkg), { 'Content-Type': 'application/json' });
    expect(imported.status).toBe(422);
    expect(((await imported.json()) as { issues: { code: string }[] }).issues.map((issue) => issue.code)).toContain('ref.unknown-organisation');
  });

  it('is refused with 415 when its charset names no encoding, and nothing is read', async () => {
    const response = await validateAs('text/csv; charset=ebcdic');
    expect(response.status).toBe(415);
    expect((await problemOf(response)).detail).toBe('The charset "ebcdic" names no text encoding; send the file as UTF-8, or name its encoding (charset=windows-1251).');
  });
});

describe('a body in a content coding', () => {
  it('is 415 unsupported-media-type with Accept-Encoding: identity, for any coding and any operation with a body', async () => {
    const body = gzipSync(JSON.stringify(observation('zipped', ORG_A)));
    for (const [method, path, coding, type] of [
      ['POST', '/v1/observations', 'gzip', 'application/json'],
      ['POST', '/v1/packages', 'br', 'application/json'],
      ['PUT', '/v1/observations/stored', 'deflate', 'application/json'],
      ['PATCH', '/v1/observations/stored', 'gzip, identity', 'application/merge-patch+json'],
      ['POST', '/v1/validate?name=data.phx.json', 'x-gzip', 'application/json'],
    ] as const) {
      const response = await fetch(`${hub.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${hub.tokens.memberA}`, 'Content-Type': type, 'Content-Encoding': coding, 'If-Match': '"any"' },
        body,
      });
      expect(response.status, `${method} ${path} ${coding}`).toBe(415);
      expect(response.headers.get('accept-encoding')).toBe('identity');
      const problem = await problemOf(response);
      expect(problem.type).toBe(`${PROBLEM_BASE}unsupported-media-type`);
      expect(problem.detail).toBe(`The body is sent with Content-Encoding: ${coding.replace(', identity', '')}, which this hub does not decode; send it uncompressed.`);
    }
    // Nothing was stored.
    expect((await hub.call(hub.tokens.memberA, 'GET', '/v1/observations/zipped')).status).toBe(404);
  });

  it('is read as it is when the coding is identity', async () => {
    const response = await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', observation('plain', ORG_A), { 'Content-Encoding': 'identity' });
    expect(response.status).toBe(201);
  });
});

describe('a query parameter the hub cannot read', () => {
  /** The 400 of a GET, its detail in the language asked for. */
  async function detailOf(path: string, language = 'en'): Promise<string> {
    const response = await hub.call(hub.tokens.secretariat, 'GET', path, undefined, { 'Accept-Language': language });
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: `${PROBLEM_BASE}bad-request`, status: 400 });
    return problem.detail;
  }

  it('is named, with the value given and the nearest code, not the whole code list', async () => {
    expect(await detailOf('/v1/observations?country=zm')).toBe('"?country": "zm" is not a country code of ISO 3166-1: two capital letters; did you mean "ZM"?');
    expect(await detailOf('/v1/facilities?country=Zambia')).toBe('"?country": "Zambia" is not a country code of ISO 3166-1: two capital letters; did you mean "ZM"?');
  });

  it('says what form the value takes, with an example, not the pattern it is checked by', async () => {
    const detail = await detailOf('/v1/observations?organisation=nope');
    expect(detail).toBe(`"?organisation": "nope" is not an organisation identifier: the register's prefix and the number, joined by hyphens, e.g. ZM-PACRA-120045 (PHX-ORG-0001 without a register)`);
    expect(await detailOf('/v1/observations?from=2020-13-01')).toBe('"?from": "2020-13-01" is not a date written year-month-day, e.g. 2023-01-31');
    expect(await detailOf('/v1/observations?limit=ten')).toBe('"?limit" should be a whole number, e.g. 12, not the text "ten"');
    expect(await detailOf('/v1/observations?limit=1e2')).toBe('"?limit": "1e2" is not written in the form this field takes');
    expect(await detailOf('/v1/observations?limit=5000')).toBe('"?limit" must be at most 1000, not 5000');
    expect(await detailOf('/v1/export')).toBe('"?format": nothing is not one of the codes allowed here: "fhir", "dhis2", "dhis2-csv", "sdmx-csv", or "sdmx-json"');
  });

  it('is told in the language of Accept-Language, as the issues of a body are', async () => {
    expect(await detailOf('/v1/observations?country=zm', 'ru')).toBe('«?country»: «zm» — не код страны по ISO 3166-1: две заглавные латинские буквы; возможно, вы имели в виду «ZM»?');
    expect(await detailOf('/v1/observations?organisation=nope', 'uk;q=0.9, en;q=0.1')).toBe(
      '«?organisation»: «nope» — не ідентифікатор організації: префікс реєстру й номер через дефіс, наприклад ZM-PACRA-120045 (PHX-ORG-0001, якщо організації немає в реєстрі)',
    );
  });

  it('is told briefly, whatever the value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('country', 'organisation', 'indicator', 'facility', 'from', 'to', 'limit'), fc.string({ minLength: 1, maxLength: 40 }).filter((text) => !text.includes('\u0000')), async (name, value) => {
        const response = await hub.call(hub.tokens.secretariat, 'GET', `/v1/observations?${name}=${encodeURIComponent(value)}`);
        if (response.status === 200) return;
        const { detail } = await problemOf(response);
        expect(detail).toContain(`"?${name}"`);
        expect(detail.length).toBeLessThan(300);
      }),
      { numRuns: 60 },
    );
  });
});
