import { exportFormats, indicatorCatalogue, PHX_VERSION, validateRecord, writeCsv, type ExportFormat, type Facility, type Meeting } from '@phx/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, organisationOf, packageOf } from './data.js';
import { ORG_A, ORG_B, SECRETARIAT, startHub, type Hub } from './hub.js';
import { readFileSync } from 'node:fs';
import { createClient, InvalidResponseError, isExportEmpty, isExportTooLarge, isForbidden, isNotFound, type DataPackage, type Observation, type PhxClient, type ProblemError } from '@phx/client';

let hub: Hub;
let member: PhxClient;
let secretariat: PhxClient;
beforeAll(async () => {
  hub = await startHub();
  member = createClient({ baseUrl: hub.url, token: hub.tokens.memberA, validateResponses: validateRecord });
  secretariat = createClient({ baseUrl: hub.url, token: hub.tokens.secretariat });
});
afterAll(() => hub?.close());

const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe('every endpoint through the client', () => {
  it('organisations: create, get, update, replace, list, delete', async () => {
    const created = await secretariat.organisations.create(organisationOf(ORG_A));
    expect(created.data.id).toBe(ORG_A);
    expect(created.etag).toMatch(/^".+"$/);
    const updated = await member.organisations.update(ORG_A, { acronym: 'ZAN' }, { ifMatch: created.etag });
    expect(updated.data.acronym).toBe('ZAN');
    const replaced = await member.organisations.replace(ORG_A, { ...updated.data, countries: ['ZA', 'LS'] }, { ifMatch: updated.etag });
    expect((await member.organisations.get(ORG_A)).data).toEqual(replaced.data);
    expect((await collect(member.organisations.list())).map((o) => o.id)).toContain(ORG_A);

    await secretariat.organisations.create(organisationOf(ORG_B));
    const b = await secretariat.organisations.get(ORG_B);
    await secretariat.organisations.delete(ORG_B, { ifMatch: b.etag });
    expect(isNotFound(await member.organisations.get(ORG_B).catch((e: unknown) => e))).toBe(true);
  });

  it('facilities and observations, with every observation filter', async () => {
    const facility: Facility = { id: 'fac-1', country: 'ZA', facilityType: 'prison', capacity: 800 };
    await member.facilities.create(facility);
    expect(await collect(member.facilities.list({ country: 'ZA' }))).toEqual([facility]);
    expect(await collect(member.facilities.list({ country: 'KZ' }))).toEqual([]);
    const spare = await member.facilities.create({ id: 'fac-spare', country: 'ZA', facilityType: 'pre-trial-detention' });
    const patched = await member.facilities.update('fac-spare', { capacity: 120 }, { ifMatch: spare.etag });
    const replaced = await member.facilities.replace('fac-spare', { ...patched.data, operator: 'public' }, { ifMatch: patched.etag });
    expect(replaced.data).toEqual({ id: 'fac-spare', country: 'ZA', facilityType: 'pre-trial-detention', capacity: 120, operator: 'public' });
    await member.facilities.delete('fac-spare', { ifMatch: replaced.etag });

    const inFacility = { ...countOf('obs-f', ORG_A, 120, 2021), scope: { country: 'ZA' as const, facility: 'fac-1' } };
    await member.observations.create(inFacility);
    await member.observations.create(countOf('obs-2023', ORG_A, 130, 2023));
    const ids = async (filter: Parameters<PhxClient['observations']['list']>[0]) => (await collect(member.observations.list(filter))).map((o) => o.id);
    expect(await ids({ facility: 'fac-1' })).toEqual(['obs-f']);
    expect(await ids({ organisation: ORG_A, indicator: 'prisons-people-on-oat', country: 'ZA' })).toEqual(['obs-2023', 'obs-f']);
    expect(await ids({ from: '2022-06-01' })).toEqual(['obs-2023']);
    expect(await ids({ to: '2021-01-01' })).toEqual(['obs-f']);
    expect(await ids({ from: '2021-12-31', to: '2023-01-01' })).toEqual(['obs-2023', 'obs-f']);
    expect(await ids({ indicator: 'hiv-prevalence-prisoners' })).toEqual([]);

    const { etag } = await member.observations.get('obs-2023');
    await member.observations.delete('obs-2023', { ifMatch: etag });
    expect(await ids({ organisation: ORG_A })).toEqual(['obs-f']);
  });

  it('indicators: the catalogue, read-only', async () => {
    const all = await collect(member.indicators.list());
    expect(all.map((d) => d.code).sort()).toEqual(indicatorCatalogue.map((d) => d.code).sort());
    const first = indicatorCatalogue[0]!;
    expect((await member.indicators.get(first.code)).data).toEqual(first);
    expect(Object.keys(member.indicators).sort()).toEqual(['get', 'list', 'page']);
  });

  it('meetings: created by the secretariat, listed by organiser and date', async () => {
    const meeting: Meeting = {
      id: 'meeting-2020', title: { en: 'First meeting of the network', ru: 'Первая встреча сети' },
      start: '2020-10-28T13:00:00+01:00', end: '2020-10-28T17:00:00+01:00', format: 'virtual',
      organiser: ORG_A, participants: [{ organisation: ORG_A, representatives: 2 }],
    };
    const created = await secretariat.meetings.create(meeting);
    expect(await collect(member.meetings.list({ organisation: ORG_A, from: '2020-01-01', to: '2020-12-31' }))).toEqual([meeting]);
    expect(await collect(member.meetings.list({ from: '2021-01-01' }))).toEqual([]);
    const updated = await secretariat.meetings.update('meeting-2020', { languages: ['en', 'ru'] }, { ifMatch: created.etag });
    const replaced = await secretariat.meetings.replace('meeting-2020', { ...updated.data, format: 'hybrid', location: { city: 'Kyiv', country: 'UA' } }, { ifMatch: updated.etag });
    expect((await member.meetings.get('meeting-2020')).data).toEqual(replaced.data);
    await secretariat.meetings.delete('meeting-2020', { ifMatch: replaced.etag });
    expect(await collect(member.meetings.list())).toEqual([]);
  });

  it('packages.import stores a package; validate checks one and stores nothing', async () => {
    const pkg = packageOf(ORG_A, 25, 'pkg');
    const result = await member.validate({ ...pkg, id: 'validated-only', observations: pkg.observations!.map((o) => ({ ...o, id: `v-${o.id}` })) });
    expect(result).toMatchObject({ ok: true, issues: [], errors: 0, warnings: 0, truncated: false, format: 'json' });
    expect(result.read).toMatchObject({ records: { organisation: 1, observation: 25 }, complete: true });
    expect(await collect(member.observations.list({ organisation: ORG_A }))).not.toContainEqual(expect.objectContaining({ id: 'v-pkg-0000000' }));

    const summary = await member.packages.import(pkg);
    expect(summary).toEqual({ package: pkg.id, created: 25, updated: 1, unchanged: 0, records: { organisations: 1, facilities: 0, indicators: 0, observations: 25, meetings: 0 }, issues: [], warnings: 0, truncated: false });
    const page = await member.observations.page({ organisation: ORG_A, limit: 10 });
    expect(page.data).toHaveLength(10);
    expect(page.next).toEqual(expect.any(String));

    const invalid = await member.validate({ ...pkg, observations: [{ ...pkg.observations![0]!, numerator: 3, value: 3 }] });
    expect(invalid.ok).toBe(false);
    expect(invalid.issues.map((issue) => issue.code)).toContain('privacy.small-cell');
  });

  it("validateResponses with the hub's indicators as the catalogue: reads the observations of an indicator a member defined", async () => {
    const example = JSON.parse(readFileSync(new URL('../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8')) as DataPackage;
    const [definition] = example.indicators!;
    const own = { ...countOf('own-indicator', ORG_A), indicator: definition!.code, unit: definition!.unit } as Observation;
    await member.packages.import({ ...packageOf(ORG_A, 0, 'own-indicator'), indicators: [definition!], observations: [own] });
    // The catalogue of PHX alone does not know it.
    expect(await member.observations.get('own-indicator').catch((e: unknown) => e)).toBeInstanceOf(InvalidResponseError);
    const catalogue = await collect(member.indicators.list());
    const checked = createClient({ baseUrl: hub.url, token: hub.tokens.memberA, validateResponses: (type, record) => validateRecord(type, record, { catalogue }) });
    expect((await checked.observations.get('own-indicator')).data).toEqual(own);
  });

  it('validate takes a file as it is: a CSV table as Excel writes it, NDJSON lines, a package as read, told by media type or name', async () => {
    const [observation] = packageOf(ORG_A, 1, 'file').observations!;
    const csv = writeCsv('observation', [{ ...observation!, numerator: 3, value: 3 }], { excelLocale: 'uk' });
    const asCsv = await member.validate(csv, { name: 'observations-uk.csv' });
    expect(asCsv).toMatchObject({ ok: false, format: 'csv' });
    expect(new Set(asCsv.issues.filter((issue) => issue.severity === 'error').map((issue) => `${issue.code} row ${(issue.location as { row: number }).row}`))).toEqual(new Set(['privacy.small-cell row 2']));
    expect(await member.validate(new TextEncoder().encode(csv), { mediaType: 'text/csv' })).toEqual(asCsv);
    const ndjson = `${JSON.stringify({ type: 'observation', ...observation })}\n`;
    expect(await member.validate(ndjson, { mediaType: 'application/x-ndjson' })).toMatchObject({ ok: true, format: 'ndjson', read: { records: { observation: 1 } } });
    const pkg = packageOf(ORG_A, 2, 'file-pkg');
    expect(await member.validate(JSON.stringify(pkg), { name: 'file.phx.json' })).toEqual(await member.validate(pkg));
  });

  /** An export with the second it was made in (its id and publishedAt) as a placeholder: two requests may straddle a second. */
  const unstamped = (content: string, name: string) => {
    const made = /^export-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(name)!;
    const [, year, month, day, hours, minutes, seconds] = made;
    return content.replaceAll(made[0].slice('export-'.length), '<made>').replaceAll(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}Z`, '<made>');
  };

  it('export: the file exactly as the hub sends it, its name, media type and notes; too large a selection is its own problem', async () => {
    const formats = Object.keys(exportFormats) as ExportFormat[];
    for (const format of formats) {
      const sent = await fetch(`${hub.url}/v1/export?format=${format}&organisation=${ORG_A}&from=2021-01-01`, { headers: { Authorization: `Bearer ${hub.tokens.memberA}` } });
      if (format.startsWith('dhis2')) {
        // The GAM template has no organisation unit for the places of these observations: no DHIS2 file, and why.
        const refused = await member.export(format, { organisation: ORG_A, from: '2021-01-01' }).catch((e: unknown) => e);
        if (!isExportEmpty(refused)) throw refused;
        expect(sent.status).toBe(422);
        expect(refused.problem.notes).toEqual(((await sent.json()) as { notes: unknown }).notes);
        expect(refused.problem.notes[0]).toEqual({ severity: 'error', code: 'dhis2.nothing-to-send', count: 1 });
        continue;
      }
      const file = await member.export(format, { organisation: ORG_A, from: '2021-01-01' });
      const name = /filename="([^"]+)"/.exec(sent.headers.get('Content-Disposition') ?? '')![1]!;
      expect(unstamped(file.content, file.name)).toBe(unstamped(await sent.text(), name));
      expect(file.mediaType).toBe(exportFormats[format].mediaType);
      expect(file.name).toMatch(new RegExp(`^export-\\d{8}T\\d{6}Z${exportFormats[format].extension.replace(/\./g, '\\.')}$`));
      expect(file.notes).toEqual(JSON.parse(sent.headers.get('Export-Notes')!));
    }
    // DHIS2 files name their mapping; one the hub does not hold is a bad request.
    expect(isExportEmpty(await member.export('dhis2-csv', { mapping: 'gam' }).catch((e: unknown) => e))).toBe(true);
    expect(await member.export('dhis2', { mapping: 'moh' }).catch((e: unknown) => (e as ProblemError).problem.detail)).toBe('mapping is one of gam; got "moh".');
    const small = await startHub(['--max-export-records', '1']);
    try {
      const client = createClient({ baseUrl: small.url, token: small.tokens.memberA });
      // An observation names an organisation the hub knows.
      await client.organisations.create(organisationOf(ORG_A));
      await client.observations.create(countOf('one', ORG_A, 120, 2021));
      await client.observations.create(countOf('two', ORG_A, 130, 2022));
      expect(isExportTooLarge(await client.export('sdmx-csv').catch((e: unknown) => e))).toBe(true);
      expect((await client.export('sdmx-csv', { from: '2022-01-01' })).content).toContain('2022');
    } finally {
      await small.close();
    }
  });

  it("audit: the writes in an organisation's name and by whom, in order; another organisation's are the secretariat's to read", async () => {
    const entries = await collect(member.audit.list({ limit: 2 }));
    const seqs = entries.map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(entries).toContainEqual(expect.objectContaining({ action: 'create', type: 'organisation', id: ORG_A, owner: ORG_A, by: { organisation: SECRETARIAT, role: 'secretariat' } }));
    expect(entries).toContainEqual(expect.objectContaining({ action: 'import', type: null, package: 'pkg-pkg', owner: ORG_A, records: 26, by: { organisation: ORG_A, role: 'member' } }));
    expect(entries.every((entry) => entry.owner === ORG_A || entry.by.organisation === ORG_A)).toBe(true);
    expect(isForbidden(await member.audit.page({ organisation: ORG_B }).catch((e: unknown) => e))).toBe(true);
    expect((await secretariat.audit.page({ organisation: ORG_B })).data.map((entry) => [entry.action, entry.id])).toEqual([['create', ORG_B], ['delete', ORG_B]]);
  });
});

describe("the hub's settings", () => {
  it('tell a client the suppression threshold the hub checks by: a count of 7 is refused under 10, taken under the default 5', async () => {
    const tens = await startHub(['--suppression-threshold', '10']);
    try {
      const ten = createClient({ baseUrl: tens.url, token: tens.tokens.memberA });
      const defaults = createClient({ baseUrl: hub.url, token: hub.tokens.memberA });
      const settings = await ten.settings();
      expect(settings).toEqual({ phxVersion: PHX_VERSION, suppressionThreshold: 10, limits: { maxBodyBytes: 134_217_728, maxImportRecords: 200_000, maxIssues: 1000, maxExportRecords: 100_000 } });
      expect((await ten.call('get', '/v1/settings', {})).data).toEqual(settings);
      expect((await defaults.settings()).suppressionThreshold).toBe(5);
      // What the settings say is what the hub checks by.
      const seven = { ...packageOf(ORG_A, 0, 'seven'), observations: [countOf('seven-0', ORG_A, 7)] };
      const refused = await ten.validate(seven);
      expect(refused.ok).toBe(false);
      expect(refused.issues.filter((issue) => issue.code === 'privacy.small-cell').map((issue) => (issue.params as { threshold: number }).threshold)).toEqual([10, 10]);
      expect((await defaults.validate(seven)).ok).toBe(true);
    } finally {
      await tens.close();
    }
  });
});
