import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validate } from '@phx/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/index.js';
import { observation, observationPackage, organisation, ORG_A, ORG_B, SECRETARIAT } from './fixtures/data.js';
import { startTestHub, type TestHub } from './fixtures/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  // Records of A and of B to write to: seeded by the secretariat and the members themselves.
  for (const org of [ORG_A, ORG_B]) {
    const token = org === ORG_A ? hub.tokens.memberA : hub.tokens.memberB;
    expect((await hub.call(hub.tokens.secretariat, 'POST', '/v1/organisations', organisation(org))).status).toBe(201);
    expect((await hub.call(token, 'POST', '/v1/facilities', { id: `fac-${org}`, country: 'ZA', facilityType: 'prison' })).status).toBe(201);
    expect((await hub.call(token, 'POST', '/v1/observations', observation(`obs-${org}`, org))).status).toBe(201);
  }
  expect((await hub.call(hub.tokens.secretariat, 'POST', '/v1/organisations', organisation(SECRETARIAT))).status).toBe(201);
});
afterAll(() => hub?.close());

type Actor = 'memberA' | 'secretariat' | 'reader';
type Kind = 'organisation' | 'facility' | 'observation' | 'meeting';
type OwnedKind = Exclude<Kind, 'organisation'>;
const collections: Record<Kind, string> = { organisation: 'organisations', facility: 'facilities', observation: 'observations', meeting: 'meetings' };

/** A new record of a kind owned by an organisation (facilities are owned by whoever records them). */
function recordOf(kind: OwnedKind, owner: string, id: string): Record<string, unknown> {
  switch (kind) {
    case 'facility':
      return { id, country: 'ZA', facilityType: 'prison' };
    case 'observation':
      return observation(id, owner);
    case 'meeting':
      return {
        id, title: { en: 'Meeting' }, start: '2023-05-01T09:00:00+00:00', end: '2023-05-01T17:00:00+00:00',
        format: 'virtual', organiser: owner, participants: [{ organisation: owner }],
      };
  }
}

/** The expected outcome: the rule the hub documents (members write their own; the secretariat writes on behalf of every organisation). */
function allowed(actor: Actor, own: boolean): boolean {
  if (actor === 'reader') return false;
  return actor === 'secretariat' || own;
}

const actorOrg: Record<Actor, string> = { memberA: ORG_A, secretariat: SECRETARIAT, reader: ORG_A };
const kinds: Kind[] = ['organisation', 'facility', 'observation', 'meeting'];
const actors: Actor[] = ['memberA', 'secretariat', 'reader'];
let serial = 0;

describe('authorisation matrix: every write endpoint × role × own or other organisation', () => {
  for (const kind of kinds) {
    for (const actor of actors) {
      for (const own of [true, false]) {
        const owner = (o: boolean) => (o ? actorOrg[actor] : actorOrg[actor] === ORG_B ? ORG_A : ORG_B);
        const expected = allowed(actor, own) ? 'allowed' : 'forbidden';
        it(`${kind}: ${actor} on ${own ? 'its own' : "another organisation's"} record is ${expected}`, async () => {
          const id = `m${++serial}`;
          // An organisation owns only its own record: act for a fresh organisation, on it or on another fresh one.
          const me = `ZA-NPO-${id}`;
          const role: Role = actor === 'memberA' ? 'member' : actor;
          const token = kind === 'organisation' ? await hub.token(me, role) : hub.tokens[actor];
          const record = kind === 'organisation' ? organisation(own ? me : `GB-CHC-${id}`) : recordOf(kind, owner(own), id);
          const key = kind === 'organisation' ? (record.id as string) : id;
          const path = `/v1/${collections[kind]}`;
          const ok = expected === 'allowed';

          // Create. A facility belongs to whoever records it, so "another's" facility is first recorded by its owner.
          let existing = record;
          if (kind === 'facility' && !own) {
            const ownerToken = owner(false) === ORG_A ? hub.tokens.memberA : hub.tokens.memberB;
            expect((await hub.call(ownerToken, 'POST', path, record)).status).toBe(201);
          } else {
            const created = await hub.call(token, 'POST', path, record);
            expect(created.status).toBe(ok ? 201 : 403);
            if (!ok) {
              expect(created.headers.get('content-type')).toBe('application/problem+json');
              // Let the owner create it, so that the changes below have a record to be refused on.
              const ownerToken = kind === 'organisation' || kind === 'meeting' ? hub.tokens.secretariat : owner(own) === ORG_A ? hub.tokens.memberA : hub.tokens.memberB;
              expect((await hub.call(ownerToken, 'POST', path, record)).status).toBe(201);
            }
          }
          const read = await hub.call(token, 'GET', `${path}/${key}`);
          expect(read.status).toBe(200);
          existing = (await read.json()) as Record<string, unknown>;
          let etag = read.headers.get('etag')!;

          // Replace, patch, delete.
          const replaced = await hub.call(token, 'PUT', `${path}/${key}`, existing, { 'If-Match': etag });
          expect(replaced.status).toBe(ok ? 200 : 403);
          if (ok) etag = replaced.headers.get('etag')!;
          const patch = kind === 'observation' ? { notes: 'Checked.' } : kind === 'organisation' ? { acronym: 'ORG' } : kind === 'meeting' ? { languages: ['en'] } : { capacity: 10 };
          const patched = await hub.call(token, 'PATCH', `${path}/${key}`, patch, { 'If-Match': etag });
          expect(patched.status).toBe(ok ? 200 : 403);
          if (ok) etag = patched.headers.get('etag')!;
          const deleted = await hub.call(token, 'DELETE', `${path}/${key}`, undefined, { 'If-Match': etag });
          expect(deleted.status).toBe(ok ? 204 : 403);
          expect((await hub.call(token, 'GET', `${path}/${key}`)).status).toBe(ok ? 404 : 200);
        });
      }
    }
  }

  for (const actor of actors) {
    for (const own of [true, false]) {
      const allowedImport = actor === 'secretariat' || (actor !== 'reader' && own);
      it(`package import: ${actor} importing observations of ${own ? 'its own' : 'another'} organisation is ${allowedImport ? 'allowed' : 'forbidden'}`, async () => {
        const org = own ? actorOrg[actor] : ORG_B;
        const pkg = observationPackage(org, 3, { prefix: `imp-${actor}-${own}` });
        // The package is published by the organisation whose observations it holds: the secretariat compiles it on its behalf.
        const response = await hub.call(hub.tokens[actor], 'POST', '/v1/packages', { ...pkg, organisations: [] });
        expect(response.status).toBe(allowedImport ? 200 : 403);
        const listed = await hub.call(hub.tokens.reader, 'GET', `/v1/observations?organisation=${org}&limit=1000`);
        const ids = ((await listed.json()) as { data: { id: string }[] }).data.map((o) => o.id);
        expect(ids.filter((id) => id.startsWith(`imp-${actor}-${own}`))).toHaveLength(allowedImport ? 3 : 0);
      });
    }
  }

  it('refuses every request without a known token with 401 problem+json', async () => {
    for (const token of [undefined, 'phx_not-a-token']) {
      const response = await hub.call(token, 'GET', '/v1/observations');
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({ status: 401, type: expect.stringMatching(/unauthorised$/) });
    }
  });

  it('lets every role read everything', async () => {
    for (const role of ['member', 'secretariat', 'reader'] satisfies Role[]) {
      const token = await hub.token(ORG_B, role);
      const response = await hub.call(token, 'GET', `/v1/observations/obs-${ORG_A}`);
      expect(response.status).toBe(200);
    }
  });

  it('forbids moving a record to another organisation', async () => {
    const read = await hub.call(hub.tokens.memberA, 'GET', `/v1/observations/obs-${ORG_A}`);
    const moved = await hub.call(hub.tokens.memberA, 'PATCH', `/v1/observations/obs-${ORG_A}`, { reportingOrganisation: ORG_B }, { 'If-Match': read.headers.get('etag')! });
    expect(moved.status).toBe(403);
  });
});

describe('a package carrying an unchanged copy of another organisation’s record', () => {
  const examplePath = fileURLToPath(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url));
  const example = JSON.parse(readFileSync(examplePath, 'utf8')) as {
    organisations: { id: string }[];
    indicators: { code: string; name: Record<string, string> }[];
    observations: { id: string; indicator: string; reportingOrganisation: string }[];
  };
  const ZAMBIA = 'ZM-PACRA-120045';
  const definition = example.indicators.find((indicator) => indicator.code === 'halfway-house-places')!;
  const secretariat = example.organisations.find((org) => org.id === 'PHX-ORG-0001')!;
  const stored = example.observations.find((obs) => obs.indicator === definition.code && obs.reportingOrganisation === ZAMBIA)!;
  let network: TestHub;
  let zambia: string;
  beforeAll(async () => {
    network = await startTestHub({ seed: [examplePath] });
    zambia = await network.token(ZAMBIA, 'member');
  });
  afterAll(() => network?.close());

  /** A package of Zambia's: a new observation of the network's indicator, with a copy of its definition and of the secretariat's record. */
  const zambian = (id: string, year: number, copy: Record<string, unknown>) => ({
    phxVersion: '1.0', id, publisher: { id: ZAMBIA, name: 'Zambia' }, license: 'CC-BY-4.0', publishedAt: '2024-03-01T12:00:00+00:00',
    organisations: [secretariat, example.organisations.find((org) => org.id === ZAMBIA)],
    indicators: [copy],
    observations: [{ ...stored, id: `${id}-obs`, period: { start: `${year}-01-01`, end: `${year}-12-31` } }],
  });
  const etagOf = async (path: string) => (await network.call(zambia, 'GET', path)).headers.get('etag');

  it('validates on its own and imports: the copies are left as stored and counted as unchanged', async () => {
    // Its keys in another order: the same record.
    const copy = Object.fromEntries(Object.entries(definition).reverse());
    const pkg = zambian('zm-halfway-2022', 2022, copy);
    expect(validate(pkg).ok).toBe(true);
    const before = [await etagOf(`/v1/indicators/${definition.code}`), await etagOf('/v1/organisations/PHX-ORG-0001')];
    const response = await network.call(zambia, 'POST', '/v1/packages', pkg);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ package: 'zm-halfway-2022', created: 1, updated: 1, unchanged: 2 });
    expect([await etagOf(`/v1/indicators/${definition.code}`), await etagOf('/v1/organisations/PHX-ORG-0001')]).toEqual(before);
    expect((await network.call(zambia, 'GET', '/v1/observations/zm-halfway-2022-obs')).status).toBe(200);
    // The audit trail notes the records written, Zambia's own.
    const audit = (await (await network.call(network.tokens.secretariat, 'GET', '/v1/audit?organisation=PHX-ORG-0001')).json()) as { data: { package: string | null }[] };
    expect(audit.data.filter((entry) => entry.package === 'zm-halfway-2022')).toEqual([]);
  });

  it('is forbidden when a copy differs from the stored record, and stores nothing', async () => {
    const pkg = zambian('zm-halfway-2023', 2023, { ...definition, name: { ...definition.name, en: 'Beds in half-way houses' } });
    const response = await network.call(zambia, 'POST', '/v1/packages', pkg);
    expect(response.status).toBe(403);
    const problem = (await response.json()) as { forbidden: unknown; detail: string };
    expect(problem.forbidden).toEqual([{ pointer: '/indicators/0', owner: 'PHX-ORG-0001' }]);
    expect(problem.detail).toMatch(/taken only as an unchanged copy/);
    expect((await network.call(zambia, 'GET', '/v1/observations/zm-halfway-2023-obs')).status).toBe(404);
    expect(((await (await network.call(zambia, 'GET', `/v1/indicators/${definition.code}`)).json()) as { name: { en: string } }).name.en).toBe(definition.name.en);
  });
});
