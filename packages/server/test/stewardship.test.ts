/** Who may publish a package, the secretariat compiling members' data, the audit trail, and tokens. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, listTokens, openStore, revokeToken, startHub, UnknownOrganisationError } from '../src/index.js';
import { observation, observationPackage, ORG_A, ORG_B } from './fixtures/data.js';
import { startTestHub, testDatabase, testEngine, type TestHub } from './fixtures/hub.js';

const networkPath = fileURLToPath(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url));
const network = JSON.parse(readFileSync(networkPath, 'utf8')) as {
  id: string;
  publisher: { id: string };
  observations: { id: string; reportingOrganisation: string }[];
};

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

interface Entry {
  action: string;
  type: string | null;
  id: string | null;
  package: string | null;
  owner: string;
  records: number;
  by: { organisation: string; role: string };
}
async function trail(token: string, query = ''): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const response = await hub.call(token, 'GET', `/v1/audit?limit=50${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { data: Entry[]; next: string | null };
    entries.push(...page.data);
    cursor = page.next;
  }
  return entries;
}

describe(`packages belong to their publisher (${testEngine})`, () => {
  it('lets only a member of the publishing organisation, or the secretariat, import a package', async () => {
    const ofA = observationPackage(ORG_A, 2, { id: 'owned-by-a', prefix: 'owned-a' });
    const byB = await hub.call(hub.tokens.memberB, 'POST', '/v1/packages', ofA);
    expect(byB.status).toBe(403);
    expect(((await byB.json()) as { detail: string }).detail).toMatch(new RegExp(`may not import a package that ${ORG_A} publishes`));
    expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', ofA)).status).toBe(200);
    expect((await hub.call(hub.tokens.reader, 'POST', '/v1/packages', ofA)).status).toBe(403);
  });

  it("refuses another publisher's package under an id that is taken (409), and keeps the first", async () => {
    const first = observationPackage(ORG_A, 1, { id: 'phx-contested-id', prefix: 'contested-a' });
    expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', first)).status).toBe(200);
    const taken = await hub.call(hub.tokens.memberB, 'POST', '/v1/packages', observationPackage(ORG_B, 1, { id: 'phx-contested-id', prefix: 'contested-b' }));
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { detail: string }).detail).toContain(`belongs to a package that ${ORG_A} publishes`);
    expect((await hub.call(hub.tokens.reader, 'GET', '/v1/observations/contested-b-0000000')).status).toBe(404);
    // The publisher replaces its own package.
    expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', first)).status).toBe(200);
  });

  it('reports the seed packages it skips, and why', async () => {
    const { db, remove } = await testDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'phx-seed-'));
    const squatter = join(dir, 'squatter.phx.json');
    writeFileSync(squatter, JSON.stringify(observationPackage(ORG_B, 1, { id: network.id, prefix: 'squat' })));
    const real = fileURLToPath(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url));
    const started = await startHub({ db, port: 0, seed: [squatter, real], webRoot: false });
    try {
      expect(started.skipped).toEqual([{ file: real, package: network.id, reason: `the id is held by a package that ${ORG_B} publishes` }]);
    } finally {
      await started.close();
    }
    const again = await startHub({ db, port: 0, seed: [squatter], webRoot: false });
    await again.close();
    expect(again.skipped).toEqual([{ file: squatter, package: network.id, reason: 'imported already' }]);
    remove();
  });
});

describe(`the secretariat compiles members' data (${testEngine})`, () => {
  it("imports the network's own package, whose observations belong to its members", async () => {
    const secretariat = await hub.token(network.publisher.id, 'secretariat');
    const response = await hub.call(secretariat, 'POST', '/v1/packages', network);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ package: network.id, records: { observations: network.observations.length } });
  });

  it('keeps an audit trail that each owner reads: who wrote what in its name, and when', async () => {
    const member = network.observations[0]!.reportingOrganisation;
    const own = network.observations.filter((o) => o.reportingOrganisation === member);
    const memberToken = await hub.token(member, 'member');
    const entries = await trail(memberToken);
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'import', package: network.id, owner: member, records: expect.any(Number), by: { organisation: network.publisher.id, role: 'secretariat' } }),
    );
    const imported = entries.find((e) => e.action === 'import' && e.package === network.id && e.owner === member)!;
    expect(imported.records).toBeGreaterThanOrEqual(own.length);
    // Only entries of records it owns or wrote.
    expect(entries.every((e) => e.owner === member || e.by.organisation === member)).toBe(true);
    expect((await hub.call(memberToken, 'GET', `/v1/audit?organisation=${ORG_B}`)).status).toBe(403);
    for (const at of entries.map((e) => (e as unknown as { at: string }).at)) expect(at).toMatch(/^\d{4}-\d\d-\d\dT/);

    // The member corrects what was written in its name, and the trail shows that too.
    const path = `/v1/observations/${own[0]!.id}`;
    const read = await hub.call(memberToken, 'GET', path);
    const corrected = await hub.call(memberToken, 'PATCH', path, { notes: 'Corrected by the member.' }, { 'If-Match': read.headers.get('etag')! });
    expect(corrected.status).toBe(200);
    expect(await trail(memberToken)).toContainEqual(
      expect.objectContaining({ action: 'patch', type: 'observation', id: own[0]!.id, owner: member, records: 1, by: { organisation: member, role: 'member' } }),
    );
    // The secretariat reads every entry, or one organisation's.
    const secretariat = await hub.token(network.publisher.id, 'secretariat');
    const ofMember = await trail(secretariat, `&organisation=${member}`);
    expect(ofMember.filter((e) => e.action === 'patch')).toHaveLength(1);
  });

  it('notes creations, replacements and deletions by the secretariat on behalf of a member', async () => {
    const secretariat = hub.tokens.secretariat;
    expect((await hub.call(secretariat, 'POST', '/v1/observations', observation('compiled-1', ORG_A))).status).toBe(201);
    const read = await hub.call(secretariat, 'GET', '/v1/observations/compiled-1');
    expect((await hub.call(secretariat, 'DELETE', '/v1/observations/compiled-1', undefined, { 'If-Match': read.headers.get('etag')! })).status).toBe(204);
    const mine = (await trail(hub.tokens.memberA)).filter((e) => e.id === 'compiled-1');
    expect(mine.map((e) => [e.action, e.by.role])).toEqual([['create', 'secretariat'], ['delete', 'secretariat']]);
  });
});

describe(`tokens (${testEngine})`, () => {
  it('lists tokens without their secret, notes their last use, and revokes them', async () => {
    const { db, remove } = await testDatabase();
    const { token } = await createToken({ db, organisation: ORG_A, role: 'member', label: 'upload script', expiresAt: '2999-01-01', newOrganisation: true });
    const [info] = await listTokens({ db });
    expect(info).toMatchObject({ organisation: ORG_A, role: 'member', label: 'upload script', expiresAt: '2999-01-01T00:00:00.000Z', lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(info)).not.toContain(token.slice(4));
    const store = await openStore(db);
    try {
      expect(await store.principal(token)).toMatchObject({ organisation: ORG_A });
      expect((await store.tokens())[0]!.lastUsedAt).toMatch(/^\d{4}-/);
      expect(await revokeToken({ db, id: info!.id })).toBe(true);
      expect(await revokeToken({ db, id: info!.id })).toBe(false);
      expect(await store.principal(token)).toBeUndefined();
      expect((await store.tokens())[0]!.revokedAt).toMatch(/^\d{4}-/);
      // An expired token is refused like an unknown one.
      const expired = await store.createToken(ORG_A, 'member', { expiresAt: new Date(Date.now() - 1000).toISOString() });
      expect(await store.principal(expired)).toBeUndefined();
    } finally {
      await store.close();
      remove();
    }
  });

  it('refuses an organisation the hub holds no record of, naming the nearest ids it knows, unless it is a new one', async () => {
    const { db, remove } = await testDatabase();
    try {
      const empty = await createToken({ db, organisation: ORG_A, role: 'member' }).catch((error: unknown) => error);
      expect(empty).toBeInstanceOf(UnknownOrganisationError);
      expect(empty).toMatchObject({ organisation: ORG_A, suggestions: [], message: `The hub knows no organisation "${ORG_A}": it holds no organisation yet.` });
      await (await startHub({ db, port: 0, seed: [networkPath], webRoot: false })).close();
      const [known, typo] = ['ZA-NPO-204-118', 'ZA-NPO-204-181'];
      const refused = await createToken({ db, organisation: typo, role: 'member' }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(UnknownOrganisationError);
      expect(refused).toMatchObject({ organisation: typo, suggestions: [known], message: `The hub knows no organisation "${typo}": did you mean "${known}"?` });
      expect((await createToken({ db, organisation: known, role: 'member' })).token).toMatch(/^phx_/);
      expect((await createToken({ db, organisation: typo, role: 'member', newOrganisation: true })).token).toMatch(/^phx_/);
      expect((await listTokens({ db })).map((token) => token.organisation)).toEqual([known, typo]);
    } finally {
      remove();
    }
  });

  it('refuses an expiry that is not a date or has passed', async () => {
    const { db, remove } = await testDatabase();
    await expect(createToken({ db, organisation: ORG_A, role: 'member', expiresAt: 'next week' })).rejects.toThrow(/not a date/);
    await expect(createToken({ db, organisation: ORG_A, role: 'member', expiresAt: '2001-01-01' })).rejects.toThrow(/has passed/);
    remove();
  });

  it('answers 401 to a revoked token', async () => {
    const before = new Set((await listTokens({ db: hub.db })).map((t) => t.id));
    const token = await hub.token(ORG_A, 'reader');
    const created = (await listTokens({ db: hub.db })).find((t) => !before.has(t.id))!;
    expect((await hub.call(token, 'GET', '/v1/indicators?limit=1')).status).toBe(200);
    expect(await revokeToken({ db: hub.db, id: created.id })).toBe(true);
    const refused = await hub.call(token, 'GET', '/v1/indicators?limit=1');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
  });
});
