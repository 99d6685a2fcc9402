/**
 * What HTTP says the hub's answers carry: the error code of a bad token in WWW-Authenticate (RFC 6750 §3), the
 * methods a path takes on a 405 (RFC 9110 §15.5.6), the media types a PATCH takes on a 415 (RFC 5789 §2.2), and a
 * 415 for a content coding the hub does not decode (RFC 9110 §15.5.16). A real hub on a SQLite file.
 */
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
