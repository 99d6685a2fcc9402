/**
 * GET /v1/export against a real hub seeded with the example package: each format is the file @phx/interop
 * writes of the observations the list selects with the same filters and the records they refer to, and the
 * Export-Notes header sums what the format had no place for.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportPackage, gamDhis2Template, importPackage, type Dhis2MappingInput } from '@phx/interop';
import { exportFormats, indicatorCatalogue, PHX_VERSION, type DataPackage, type ExportFormat, type Observation } from '@phx/schema';
import { PROBLEM_BASE } from '@phx/schema/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub } from '../src/index.js';
import { startTestHub, testDatabase, type TestHub } from './fixtures/hub.js';

const examplePath = fileURLToPath(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url));
const example = JSON.parse(readFileSync(examplePath, 'utf8')) as DataPackage;
const formats = Object.keys(exportFormats) as ExportFormat[];

let hub: TestHub;
let reader: string;
beforeAll(async () => {
  hub = await startTestHub({ seed: [examplePath] });
  reader = await hub.token(example.publisher.id, 'reader');
});
afterAll(() => hub?.close());

const get = async (path: string, token = reader) => hub.call(token, 'GET', path);
const json = async <T>(path: string) => (await (await get(path)).json()) as T;

/** Every record of a list the hub answers, page after page. */
async function listed<T>(path: string): Promise<T[]> {
  const records: T[] = [];
  let next: string | null = null;
  do {
    const page: { data: T[]; next: string | null } = await json(`${path}${path.includes('?') ? '&' : '?'}limit=1000${next ? `&cursor=${next}` : ''}`);
    records.push(...page.data);
    next = page.next;
  } while (next !== null);
  return records;
}

/**
 * The package an export of these filters is said to carry, read through the hub's own API: the observations the
 * list selects, the organisations (and the token's own) and facilities they refer to, the definitions of the
 * indicators the catalogue does not have; its header named by the file's name.
 */
async function expectedPackage(filters: string, fileName: string): Promise<DataPackage> {
  const observations = await listed<Observation>(`/v1/observations${filters ? `?${filters}` : ''}`);
  const ids = (values: (string | undefined)[]) => [...new Set(values.filter((value): value is string => value !== undefined))].sort();
  const records = async <T>(collection: string, keys: string[]) => Promise.all(keys.map((key) => json<T>(`/v1/${collection}/${encodeURIComponent(key)}`)));
  const catalogue = new Set(indicatorCatalogue.map((indicator) => indicator.code));
  const organisations = await records<NonNullable<DataPackage['organisations']>[number]>('organisations', ids([example.publisher.id, ...observations.map((o) => o.reportingOrganisation)]));
  const facilities = await records<NonNullable<DataPackage['facilities']>[number]>('facilities', ids(observations.map((o) => o.scope.facility)));
  const indicators = await records<NonNullable<DataPackage['indicators']>[number]>('indicators', ids(observations.map((o) => o.indicator)).filter((code) => !catalogue.has(code)));
  const stamp = /^export-(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z\./.exec(fileName)!;
  return {
    phxVersion: PHX_VERSION,
    id: `export-${stamp.slice(1, 4).join('')}T${stamp.slice(4, 7).join('')}Z`,
    publisher: { id: example.publisher.id, name: organisations.find((o) => o.id === example.publisher.id)!.name.en! },
    license: 'NOASSERTION',
    publishedAt: `${stamp.slice(1, 4).join('-')}T${stamp.slice(4, 7).join(':')}Z`,
    ...(organisations.length > 0 ? { organisations } : {}),
    ...(facilities.length > 0 ? { facilities } : {}),
    ...(indicators.length > 0 ? { indicators } : {}),
    observations,
  };
}

/** Export notes summed by code and field, as a plain reference of what the header says. */
function summed(notes: ReturnType<typeof exportPackage>['notes']) {
  const byKey = new Map<string, { severity: string; code: string; field?: string; count: number }>();
  for (const note of notes) {
    const key = `${note.code} ${note.field ?? ''}`;
    const known = byKey.get(key);
    byKey.set(key, { severity: note.severity, code: note.code, ...(note.field ? { field: note.field } : {}), count: (known?.count ?? 0) + note.count });
  }
  return [...byKey.values()];
}

describe('GET /v1/export', () => {
  it.each(formats)('%s: the file @phx/interop writes of what the list selects, named, typed and with its notes', async (format) => {
    const response = await get(`/v1/export?format=${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(exportFormats[format].mediaType);
    const fileName = /^attachment; filename="([^"]+)"$/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? '';
    expect(fileName).toMatch(new RegExp(`^export-\\d{8}T\\d{6}Z${exportFormats[format].extension.replace(/\./g, '\\.')}$`));
    const expected = exportPackage(await expectedPackage('', fileName), format);
    expect(await response.text()).toBe(expected.files[0]!.content);
    expect(JSON.parse(response.headers.get('export-notes')!)).toEqual(summed(expected.notes));
  });

  it('carries every observation of the example, and names meetings nowhere: an export holds observations and what they refer to', async () => {
    const response = await get('/v1/export?format=fhir');
    const back = importPackage(await response.text(), 'fhir');
    expect(back.package!.observations!.map((o) => o.id).sort()).toEqual(example.observations!.map((o) => o.id).sort());
    expect(back.package!.meetings ?? []).toEqual([]);
    // The example as a file has a meeting FHIR has no place for; the hub's export has none to name.
    const fields = (notes: { field?: string }[]) => notes.map((note) => note.field);
    expect(fields(exportPackage(example, 'fhir').notes)).toContain('meeting');
    expect(fields(JSON.parse(response.headers.get('export-notes')!) as { field?: string }[])).not.toContain('meeting');
  });

  it('selects with the filters of the observations list, as a plain filter of the example does', async () => {
    const filters = { country: 'ZM', from: '2020-06-01', to: '2021-12-31' };
    const query = new URLSearchParams(filters).toString();
    const response = await get(`/v1/export?format=sdmx-csv&${query}`);
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition')!)![1]!;
    const content = await response.text();
    const expected = await expectedPackage(query, fileName);
    expect(content).toBe(exportPackage(expected, 'sdmx-csv').files[0]!.content);
    // Against the example itself: the observations of Zambia whose period overlaps the dates, nothing else.
    const plain = example.observations!.filter((o) => o.scope.country === 'ZM' && o.period.end >= filters.from && o.period.start <= filters.to);
    expect(expected.observations!.map((o) => o.id)).toEqual(plain.map((o) => o.id).sort());
    expect(plain.length).toBeGreaterThan(0);
    // The package-defined indicator and the facility the selection refers to travel with it.
    expect(expected.indicators!.map((i) => i.code)).toEqual(['halfway-house-places']);
    // SDMX keeps no record ids: the observations come back as their indicator, period, breakdown and value.
    const back = importPackage(content, 'sdmx-csv', { header: { id: 'back', publisher: example.publisher, license: 'CC-BY-4.0' } });
    const cell = (o: Observation) => JSON.stringify([o.indicator, o.period, o.disaggregation ?? {}, o.value]);
    expect(back.package!.observations!.map(cell).sort()).toEqual(plain.map(cell).sort());
  });

  it('exports an empty selection as an SDMX file without observations, and as no DHIS2 file: it would send nothing', async () => {
    const response = await get('/v1/export?format=sdmx-csv&country=FR');
    expect(response.status).toBe(200);
    expect((await response.text()).trim().split('\n')).toHaveLength(1);
    for (const format of ['dhis2', 'dhis2-csv']) {
      const empty = await get(`/v1/export?format=${format}&country=FR`);
      expect(empty.status).toBe(422);
      expect(empty.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await empty.json()) as { type: string; status: number; detail: string; notes: { severity: string; code: string }[] };
      expect(problem).toMatchObject({ type: `${PROBLEM_BASE}export-empty`, status: 422, detail: 'The filters select no observation: a DHIS2 file would send nothing, so none is made.' });
      expect(problem.notes[0]).toEqual({ severity: 'error', code: 'dhis2.nothing-to-send', count: 1 });
    }
  });

  it('refuses a missing or unknown format and the parameters of pages, naming what it takes', async () => {
    const problem = async (path: string) => {
      const response = await get(path);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { type: string; detail: string };
      expect(body.type).toBe(`${PROBLEM_BASE}bad-request`);
      return body.detail;
    };
    expect(await problem('/v1/export?country=ZM')).toBe('"?format": nothing is not one of the codes allowed here: "fhir", "dhis2", "dhis2-csv", "sdmx-csv", or "sdmx-json"');
    expect(await problem('/v1/export?format=csv')).toBe('"?format": "csv" is not one of the codes allowed here: "fhir", "dhis2", "dhis2-csv", "sdmx-csv", or "sdmx-json"; did you mean "dhis2-csv" or "sdmx-csv"?');
    expect(await problem('/v1/export?format=fhir&limit=10')).toMatch(/^Unknown query parameter "limit" for export; known: format, mapping, indicator, country, organisation, facility, from, to\.$/);
    expect(await problem('/v1/export?format=fhir&from=2020')).toBe('"?from": "2020" is not a date written year-month-day, e.g. 2023-01-31');
    expect(await problem('/v1/export?format=dhis2&mapping=moh')).toBe('mapping is one of gam; got "moh".');
    expect(await problem('/v1/export?format=sdmx-csv&mapping=gam')).toBe('mapping is for the DHIS2 formats (dhis2, dhis2-csv), not sdmx-csv.');
  });

  it('needs a token', async () => {
    expect((await hub.call(undefined, 'GET', '/v1/export?format=fhir')).status).toBe(401);
  });
});

/** A temporary directory for the files a test writes, and how to remove it. */
function scratch(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'phx-export-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('DHIS2 mappings', () => {
  // The mapping of a DHIS2 instance: the GAM template's codes, with its own data set and Zambia's organisation unit.
  const moh: Dhis2MappingInput = { ...gamDhis2Template(), dataSet: 'MOH_GAM_PRISONS', orgUnits: [{ country: 'ZM', orgUnit: 'ZM_MOH_NATIONAL' }] };

  it('exports with the GAM template unless asked for a mapping the operator named, each as @phx/interop writes it', async () => {
    const files = scratch();
    writeFileSync(join(files.dir, 'moh.json'), JSON.stringify(moh));
    const named = await startTestHub({ seed: [examplePath], dhis2Mappings: { moh: join(files.dir, 'moh.json') } });
    try {
      const token = await named.token(example.publisher.id, 'reader');
      for (const format of ['dhis2', 'dhis2-csv'] as const) {
        const byDefault = await (await named.call(token, 'GET', `/v1/export?format=${format}&country=ZM`)).text();
        const gam = await (await named.call(token, 'GET', `/v1/export?format=${format}&country=ZM&mapping=gam`)).text();
        const response = await named.call(token, 'GET', `/v1/export?format=${format}&country=ZM&mapping=moh`);
        expect(response.status).toBe(200);
        const content = await response.text();
        const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition')!)![1]!;
        // The same selection on the default hub, read through the API, written with the operator's mapping.
        const expected = exportPackage(await expectedPackage('country=ZM', fileName), format, { mapping: moh });
        expect(content).toBe(expected.files[0]!.content);
        expect(JSON.parse(response.headers.get('export-notes')!)).toEqual(summed(expected.notes));
        expect(content).toContain('ZM_MOH_NATIONAL');
        expect(gam).not.toContain('ZM_MOH_NATIONAL');
        // Made in the same second or not, the default and `gam` differ at most in the time they name.
        const untimed = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, '');
        expect(untimed(byDefault)).toBe(untimed(gam));
      }
      const unknown = await named.call(token, 'GET', '/v1/export?format=dhis2&mapping=other');
      expect(((await unknown.json()) as { detail: string }).detail).toBe('mapping is one of gam, moh; got "other".');
    } finally {
      await named.close();
      files.remove();
    }
  });

  it('answers an export the mapping has no place for with the problem export-empty and the notes that say why, not with a file that sends nothing', async () => {
    const files = scratch();
    // Zambia's organisation unit only, and country codes not taken as organisation units: Ukraine's observations have no place.
    writeFileSync(join(files.dir, 'zambia.json'), JSON.stringify({ ...moh, countryCodesAsOrgUnits: false }));
    const named = await startTestHub({ seed: [examplePath], dhis2Mappings: { zambia: join(files.dir, 'zambia.json') } });
    try {
      const token = await named.token(example.publisher.id, 'reader');
      const ukraine = (await named.call(token, 'GET', '/v1/observations?country=UA&limit=1000').then((r) => r.json())) as { data: Observation[] };
      for (const format of ['dhis2', 'dhis2-csv'] as const) {
        const response = await named.call(token, 'GET', `/v1/export?format=${format}&country=UA&mapping=zambia`);
        expect(response.status).toBe(422);
        expect(response.headers.get('content-disposition')).toBeNull();
        const problem = (await response.json()) as { type: string; detail: string; notes: { severity: string; code: string; count: number }[] };
        expect(problem.type).toBe(`${PROBLEM_BASE}export-empty`);
        // Two observations of places the mapping has none for, one of an indicator the template does not map.
        expect(ukraine.data).toHaveLength(3);
        expect(problem.detail).toBe(
          'None of the 3 observations the filters select could be sent to DHIS2 with the mapping "zambia", so no file is made. Left out: dhis2.unmapped-scope (2), dhis2.unmapped-indicator (1); `notes` lists every note.',
        );
        expect(problem.notes[0]).toEqual({ severity: 'error', code: 'dhis2.nothing-to-send', count: 1 });
        expect(problem.notes).toContainEqual({ severity: 'warning', code: 'dhis2.unmapped-scope', field: 'observation.scope', count: 2 });
        expect(problem.notes).toContainEqual({ severity: 'warning', code: 'dhis2.unmapped-indicator', field: 'observation.indicator', count: 1 });
        expect(problem.notes.filter((note) => note.severity === 'error')).toHaveLength(1);
      }
      // Zambia's observations have their place: a file.
      expect((await named.call(token, 'GET', '/v1/export?format=dhis2&country=ZM&mapping=zambia')).status).toBe(200);
    } finally {
      await named.close();
      files.remove();
    }
  });

  it('refuses to start with a mapping its schema refuses, a bad name, or the name of the template, saying which', async () => {
    const files = scratch();
    const { db, remove } = await testDatabase();
    const file = (name: string, mapping: unknown) => (writeFileSync(join(files.dir, name), JSON.stringify(mapping)), join(files.dir, name));
    const start = (dhis2Mappings: Record<string, string>) => startHub({ db, port: 0, webRoot: false, dhis2Mappings });
    try {
      const notUid = file('uid.json', { ...moh, idScheme: 'uid' });
      await expect(start({ moh: notUid })).rejects.toThrow(/^The DHIS2 mapping "moh" is not valid: .*"MOH_GAM_PRISONS"/);
      await expect(start({ moh: file('shape.json', { dataElements: 'none' }) })).rejects.toThrow(/^The DHIS2 mapping "moh" is not valid: /);
      await expect(start({ MOH: file('moh.json', moh) })).rejects.toThrow('The DHIS2 mapping name "MOH" is not a name: lower-case letters, digits and hyphens, at most 64.');
      await expect(start({ gam: join(files.dir, 'moh.json') })).rejects.toThrow('The DHIS2 mapping name "gam" is the UNAIDS GAM template\'s; name the mapping otherwise.');
      await expect(start({ moh: join(files.dir, 'missing.json') })).rejects.toThrow(`Cannot read the DHIS2 mapping ${join(files.dir, 'missing.json')}: ENOENT`);
      // Refused before any seed, the database is left as it was: a hub starts on it.
      const hub = await start({ moh: join(files.dir, 'moh.json') });
      await hub.close();
    } finally {
      remove();
      files.remove();
    }
  });
});

describe('the export limit', () => {
  it('refuses a selection larger than the hub exports at once, and exports a narrower one', async () => {
    const small = await startTestHub({ seed: [examplePath], limits: { maxExportRecords: 5 } });
    try {
      const token = await small.token(example.publisher.id, 'reader');
      const whole = await small.call(token, 'GET', '/v1/export?format=fhir');
      expect(whole.status).toBe(422);
      const problem = (await whole.json()) as { type: string; detail: string };
      expect(problem.type).toBe(`${PROBLEM_BASE}export-too-large`);
      expect(problem.detail).toBe('The filters select more than 5 observations; this hub exports at most that many at once. Narrow them (country, indicator, from, to).');
      const narrow = await small.call(token, 'GET', '/v1/export?format=fhir&country=UA');
      expect(narrow.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
