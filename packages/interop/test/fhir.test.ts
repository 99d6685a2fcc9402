import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataPackage, validate } from '@phx/schema';
import { fhirFieldMap } from '../src/fhir/fields.js';
import { toFhirBundle, type FhirResource } from '../src/fhir/export.js';
import { fromFhirBundle } from '../src/fhir/import.js';
import { formatNote } from '../src/locales/index.js';
import { carriedRecords, examplePackage } from './support.js';

const pkg = examplePackage();
const { data: bundle, warnings } = toFhirBundle(pkg);
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const phx = (path: string) => `https://phx-network.github.io/phx/${path}`;
const resources = (type: string) => bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type) as (FhirResource & Record<string, any>)[]; // eslint-disable-line @typescript-eslint/no-explicit-any

// The check against the official FHIR R4 JSON Schema is in test/conformance (slow: its own project).
describe('FHIR R4 export', () => {
  it('is a transaction of conditional updates, every fullUrl unique and stable', () => {
    expect(bundle.type).toBe('transaction');
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) expect(url).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const entry of bundle.entry) expect(entry.request.url).toMatch(/^(Organization|Location|MeasureReport)\?identifier=|^Measure\?url=/);
    expect(toFhirBundle(pkg).data).toEqual(bundle);
  });

  it('makes one Organization per organisation, a Measure per indicator used, a Location per facility', () => {
    expect(resources('Organization')).toHaveLength(pkg.organisations!.length);
    const used = new Set([...pkg.observations!.map((o) => o.indicator), ...pkg.indicators!.map((d) => d.code)]);
    expect(resources('Measure').map((m) => m.identifier[0].value).sort()).toEqual([...used].sort());
    expect(resources('Location').filter((l) => l.identifier[0].system === phx(`id/publisher/${pkg.publisher.id}/facility`))).toHaveLength(pkg.facilities!.length);
  });

  it('carries whether an indicator counts people, so that a count of 3 kits is no small cell after a round trip', () => {
    const kits = examplePackage();
    const definition = kits.indicators!.find((d) => d.code === 'halfway-house-places')!;
    for (const countsPeople of [false, true]) {
      definition.countsPeople = countsPeople;
      const back = fromFhirBundle(toFhirBundle(kits).data, { header: { license: kits.license, publisher: kits.publisher } }).package!;
      expect(back.indicators!.find((d) => d.code === 'halfway-house-places')!.countsPeople).toBe(countsPeople);
    }
    definition.countsPeople = false;
    const observation = kits.observations!.find((o) => o.indicator === 'halfway-house-places')!;
    Object.assign(observation, { numerator: 3, value: 3 });
    const back = fromFhirBundle(toFhirBundle(kits).data, { header: { license: kits.license, publisher: kits.publisher } }).package!;
    expect(validate(back, { now: new Date('2026-01-01') }).issues.map((i) => i.code)).not.toContain('privacy.small-cell');
    expect(validate(kits, { now: new Date('2026-01-01') }).issues.map((i) => i.code)).not.toContain('privacy.small-cell');
  });

  it('puts the total in the group and the sex and age breakdowns in stratifiers', () => {
    const report = resources('MeasureReport').find((r) => r.identifier[0].value === 'obs-zm-hiv-prevalence-2019')!;
    expect(report).toMatchObject({ status: 'complete', type: 'summary', period: { start: '2019-01-01', end: '2019-12-31' } });
    const group = report.group[0];
    expect(group.measureScore).toMatchObject({ value: 28.7, code: '%', system: 'http://unitsofmeasure.org' });
    expect(group.population.map((p: any) => [p.code.coding[0].code, p.count])).toEqual([['numerator', 1320], ['denominator', 4600]]); // eslint-disable-line @typescript-eslint/no-explicit-any
    const sex = group.stratifier.find((s: any) => s.code[0].coding[0].code === 'sex'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(sex.stratum.map((s: any) => [s.value.coding[0].code, s.measureScore.value])).toEqual([['female', 36.5], ['male', 28.2]]); // eslint-disable-line @typescript-eslint/no-explicit-any
    const age = group.stratifier.find((s: any) => s.code[0].coding[0].code === 'ageGroup'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(age.stratum[0].value.coding[0].code).toBe('<25');
  });

  it('withholds a suppressed cell with the data-absent reason "masked"', () => {
    const report = resources('MeasureReport').find((r) => r.identifier[0].value === 'obs-zm-coinfection-2020')!;
    const group = report.group[0];
    expect(group.measureScore).toEqual({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }] });
    expect(group.population[0]._count.extension[0].valueCode).toBe('masked');
    expect(group.population[0].count).toBeUndefined();
  });

  it('says which fields of a suppressed cell it withholds: value and numerator masked', () => {
    const observations = pkg.observations!.map((o) => (o.id === 'obs-zm-coinfection-2020' ? { ...o, numerator: 3, value: 1.5 } : o));
    const notes = toFhirBundle({ ...pkg, observations }).warnings.filter((n) => n.code === 'fhir.suppressed-value-withheld');
    expect(notes.map((n) => [n.field, n.params, n.examples])).toEqual([
      ['observation.value', { field: 'value' }, ['obs-zm-coinfection-2020']],
      ['observation.numerator', { field: 'numerator' }, ['obs-zm-coinfection-2020']],
    ]);
  });

  it('sends no confidence interval of a suppressed cell, total or breakdown, and says so; sends it for a cell shown', () => {
    const bound = fc.double({ min: 0, max: 1e6, noNaN: true });
    const ids = pkg.observations!.map((o) => o.id);
    fc.assert(
      fc.property(fc.constantFrom(...ids), bound, bound, fc.option(fc.constantFrom(90, 95, 99), { nil: undefined }), fc.boolean(), (id, a, b, level, suppressed) => {
        const confidenceInterval = { lower: Math.min(a, b), upper: Math.max(a, b), ...(level === undefined ? {} : { level }) };
        const observations = pkg.observations!.map((o) => (o.id === id ? { ...o, confidenceInterval, suppressed } : o));
        const { data, warnings: notes } = toFhirBundle({ ...pkg, observations });
        const elements = data.entry.flatMap((e) => JSON.parse(JSON.stringify(e.resource.group ?? [])) as any[]).flatMap((g) => [g, ...(g.stratifier ?? []).flatMap((s: any) => s.stratum ?? [])]); // eslint-disable-line @typescript-eslint/no-explicit-any
        const own = elements.find((el) => el.extension?.some((x: { valueString?: string }) => x.valueString === id));
        const interval = own.extension.find((x: { url: string }) => x.url.endsWith('/confidence-interval'));
        const withheld = notes.find((n) => n.code === 'fhir.suppressed-value-withheld' && n.field === 'observation.confidenceInterval');
        if (suppressed) {
          expect(interval).toBeUndefined();
          expect(withheld).toMatchObject({ params: { field: 'confidenceInterval' }, examples: [id] });
        } else {
          expect(interval.extension.map((x: { url: string; valueDecimal: number }) => [x.url, x.valueDecimal])).toEqual(Object.entries(confidenceInterval));
          expect(withheld).toBeUndefined();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('writes no empty array and no empty object anywhere, as FHIR JSON forbids them', () => {
    const empties = (value: unknown, at: string): string[] => {
      if (Array.isArray(value)) return value.length === 0 ? [at] : value.flatMap((item, i) => empties(item, `${at}/${i}`));
      if (typeof value !== 'object' || value === null) return [];
      const entries = Object.entries(value);
      return entries.length === 0 ? [at] : entries.flatMap(([key, item]) => empties(item, `${at}/${key}`));
    };
    // The example holds a value without numerator or denominator (Brazil's HIV prevalence in 2019).
    expect(pkg.observations!.find((o) => o.id === 'obs-br-hiv-prevalence-2019')).toMatchObject({ value: expect.any(Number) });
    expect(pkg.observations!.find((o) => o.id === 'obs-br-hiv-prevalence-2019')).not.toHaveProperty('numerator');
    const examples = join(import.meta.dirname, '../../../examples/data');
    const files = readdirSync(examples).filter((name) => name.endsWith('.phx.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const exported = toFhirBundle(DataPackage.parse(JSON.parse(readFileSync(join(examples, name), 'utf8')))).data;
      expect(exported.entry.flatMap((entry, i) => empties(entry.resource, `${name}#/entry/${i}/resource`))).toEqual([]);
      expect(empties(exported, `${name}#`)).toEqual([]);
    }
  });

  it('warns about each field FHIR cannot carry: meetings, and organisation regions and focus areas', () => {
    const fields = warnings.map((w) => w.field);
    expect(fields).toEqual(expect.arrayContaining(['meeting', 'organisation.regions', 'organisation.focusAreas', 'package.description']));
    const meetings = warnings.find((w) => w.field === 'meeting')!;
    expect(meetings).toMatchObject({ code: 'record-not-carried', severity: 'warning', count: pkg.meetings!.length });
  });
});

describe('FHIR R4 export: ids of one publisher', () => {
  // Two organisations that each name a facility `ua-fac-12`, an observation `ua-hiv-2023` and an indicator `halfway-house-places`.
  const alliance = { ...pkg, id: 'ua-2023', publisher: { id: 'UA-EDR-38214567', name: 'Alliance' } };
  const bundles = [pkg, alliance].map((p) => toFhirBundle(p).data);
  const entryOf = (b: typeof bundle, type: string, value: string) => b.entry.find((e) => e.resource.resourceType === type && (e.resource as Json).identifier?.some((i: Json) => i.value === value))!;
  const identifiersOf = (entry: typeof bundle.entry[number]) => (entry.resource as Json).identifier as Json[];

  it('gives two publishers’ facilities, reports and own indicators of the same ids different identifiers and conditional updates', () => {
    const facility = pkg.facilities![0]!.id;
    const report = bundle.entry.find((e) => e.resource.resourceType === 'MeasureReport')!;
    const observation = identifiersOf(report)[0]!.value as string;
    const own = pkg.indicators![0]!.code;
    for (const [type, value] of [['Location', facility], ['MeasureReport', observation], ['Measure', own]] as const) {
      const [ours, theirs] = bundles.map((b) => entryOf(b, type, value));
      expect(ours!.request.url).not.toBe(theirs!.request.url);
      expect(identifiersOf(ours!)).not.toEqual(identifiersOf(theirs!));
    }
    const [ours, theirs] = bundles.map((b) => entryOf(b, 'Location', facility));
    expect([ours!.request.url, theirs!.request.url]).toEqual([
      `Location?identifier=${phx('id/publisher/PHX-ORG-0001/facility')}|${facility}`,
      `Location?identifier=${phx('id/publisher/UA-EDR-38214567/facility')}|${facility}`,
    ]);
    expect(bundles.map((b) => entryOf(b, 'Measure', own).request.url)).toEqual([
      `Measure?url=${phx(`fhir/publisher/PHX-ORG-0001/Measure/${own}`)}`,
      `Measure?url=${phx(`fhir/publisher/UA-EDR-38214567/Measure/${own}`)}`,
    ]);
    expect(bundles.map((b) => (entryOf(b, 'MeasureReport', observation).resource as Json).group[0].extension[0])).toEqual([
      { url: phx('fhir/StructureDefinition/observation-id'), valueString: observation },
      { url: phx('fhir/StructureDefinition/observation-id'), valueString: observation },
    ]);
  });

  it('points each report at its own publisher’s Measure and facility', () => {
    const [, theirs] = bundles;
    const reports = theirs!.entry.map((e) => e.resource as Json).filter((r) => r.resourceType === 'MeasureReport');
    expect(reports.filter((r) => r.measure.endsWith('/halfway-house-places')).map((r) => r.measure)).toEqual([phx('fhir/publisher/UA-EDR-38214567/Measure/halfway-house-places')]);
    expect(reports.filter((r) => r.subject.identifier).map((r) => r.subject.identifier.system)).toEqual(reports.filter((r) => r.subject.identifier).map(() => phx('id/publisher/UA-EDR-38214567/facility')));
    for (const r of reports) expect(r.identifier[0].system).toBe(phx('id/publisher/UA-EDR-38214567/observation'));
  });

  it('keeps one identifier for what every publisher names alike: organisations, countries, areas, catalogue indicators', () => {
    const shared = (b: typeof bundle) =>
      b.entry
        .filter((e) => e.resource.resourceType === 'Organization' || (e.resource.resourceType === 'Location' && !identifiersOf(e)[0]!.system.includes('/publisher/')) || (e.resource.resourceType === 'Measure' && !(e.resource as Json).url.includes('/publisher/')))
        .map((e) => e.request.url)
        .sort();
    const [ours, theirs] = bundles.map(shared);
    expect(ours!.length).toBeGreaterThan(pkg.organisations!.length);
    expect(ours!.some((url) => url.startsWith('Measure?url=' + phx('fhir/Measure/')))).toBe(true);
    expect(ours).toEqual(theirs);
  });

  it('reads each publisher’s Bundle back into its own package', () => {
    for (const [source, written] of [[pkg, bundles[0]!], [alliance, bundles[1]!]] as const) {
      const back = fromFhirBundle(JSON.parse(JSON.stringify(written))).package!;
      expect(back.publisher).toEqual(source.publisher);
      for (const type of ['observation', 'facility', 'organisation', 'indicator'] as const) expect(carriedRecords(back, fhirFieldMap, type)).toEqual(carriedRecords(source, fhirFieldMap, type));
    }
  });

  it('reads a Bundle written before ids were scoped by publisher, with the shared systems, into the same package', () => {
    const unscoped = JSON.parse(JSON.stringify(bundles[1]).replaceAll('/id/publisher/UA-EDR-38214567/', '/id/').replaceAll('/fhir/publisher/UA-EDR-38214567/Measure/', '/fhir/Measure/'));
    expect(JSON.stringify(unscoped)).not.toContain('/publisher/');
    const back = fromFhirBundle(unscoped).package!;
    for (const type of ['observation', 'facility', 'organisation'] as const) expect(carriedRecords(back, fhirFieldMap, type)).toEqual(carriedRecords(alliance, fhirFieldMap, type));
    expect(back.indicators!.map((d) => d.code)).toEqual([alliance.indicators![0]!.code]);
  });

  it('reads a package’s own version of a catalogue indicator back as its own, under its publisher', () => {
    const catalogued = { ...pkg.indicators![0]!, code: 'hiv-prevalence-prisoners', unit: 'percent', calculation: 'proportion' } as const;
    const redefined = { ...alliance, indicators: [catalogued], observations: alliance.observations!.filter((o) => o.indicator === 'hiv-prevalence-prisoners') };
    const { data } = toFhirBundle(redefined);
    expect(data.entry.filter((e) => e.resource.resourceType === 'Measure').map((e) => e.request.url)).toEqual([`Measure?url=${phx('fhir/publisher/UA-EDR-38214567/Measure/hiv-prevalence-prisoners')}`]);
    const back = fromFhirBundle(JSON.parse(JSON.stringify(data))).package!;
    expect(back.indicators).toEqual([expect.objectContaining({ code: 'hiv-prevalence-prisoners', name: catalogued.name })]);
    expect(carriedRecords(back, fhirFieldMap, 'observation')).toEqual(carriedRecords(redefined, fhirFieldMap, 'observation'));
  });
});

describe('FHIR R4 import', () => {
  const { package: back, notes } = fromFhirBundle(JSON.parse(JSON.stringify(bundle)));

  it('reads the Bundle back into a valid package with the same header', () => {
    expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
    expect(back).toMatchObject({ id: pkg.id, publisher: pkg.publisher, license: pkg.license, publishedAt: pkg.publishedAt });
    expect(validate(back!, { now: new Date('2022-01-01T00:00:00Z') }).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it.each(['observation', 'facility', 'organisation', 'indicator'] as const)('keeps every %s field FHIR carries', (type) => {
    expect(carriedRecords(back!, fhirFieldMap, type)).toEqual(carriedRecords(pkg, fhirFieldMap, type));
  });

  it('keeps the package-defined indicator, with its unit and breakdowns', () => {
    expect(back!.indicators).toEqual([expect.objectContaining({ code: 'halfway-house-places', unit: 'count', calculation: 'count', disaggregations: ['sex'], name: pkg.indicators![0]!.name })]);
  });

  it('keeps every language of an indicator’s texts, each under its own tag', () => {
    const [definition] = back!.indicators!;
    expect(definition!.numerator).toEqual(pkg.indicators![0]!.numerator);
    expect(Object.keys(definition!.numerator!)).toContain('ru');
    // Without English, the first language is the plain text: it stays Ukrainian, not English.
    const ukrainian = { ...pkg, indicators: [{ ...pkg.indicators![0]!, numerator: { uk: 'Місця в реабілітаційних центрах' } }] };
    const again = fromFhirBundle(JSON.parse(JSON.stringify(toFhirBundle(ukrainian).data))).package!;
    expect(again.indicators![0]!.numerator).toEqual({ uk: 'Місця в реабілітаційних центрах' });
  });

  it('round-trips generated language maps of an indicator’s name, description, numerator and denominator', () => {
    const tag = fc.constantFrom('en', 'ru', 'uk', 'fr', 'es', 'pt-BR', 'ky');
    const words = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => /\S/.test(s));
    const map = fc.dictionary(tag, words, { minKeys: 1, maxKeys: 7 });
    const shape = fc.constantFrom({ calculation: 'count', unit: 'count' } as const, { calculation: 'proportion', unit: 'percent' } as const);
    fc.assert(
      fc.property(map, map, map, map, shape, (name, description, numerator, denominator, { calculation, unit }) => {
        const source = pkg.indicators![0]!;
        // A count has no denominator population in FHIR, nor in PHX.
        const definition = { ...source, name, description, numerator, calculation, unit, ...(calculation === 'count' ? {} : { denominator }) };
        const observations = pkg.observations!.filter((o) => o.indicator === source.code).map((o) => ({ ...o, unit }));
        const { data } = toFhirBundle({ ...pkg, indicators: [definition], observations });
        const read = fromFhirBundle(JSON.parse(JSON.stringify(data))).package!.indicators!.find((d) => d.code === source.code)!;
        expect({ name: read.name, description: read.description, numerator: read.numerator, denominator: read.denominator }).toEqual({
          name,
          description,
          numerator,
          denominator: calculation === 'count' ? undefined : denominator,
        });
      }),
      { numRuns: 100 },
    );
  });

  it('fails with a note, never a throw, on input that is not a Bundle', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = fromFhirBundle(value);
        expect(result.package).toBeUndefined();
        expect(result.notes[0]!.code).toBe('fhir.not-a-bundle');
      }),
      { numRuns: 100 },
    );
  });

  it('skips entries it cannot read, with a warning, and never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue(), fc.record({ resource: fc.record({ resourceType: fc.constantFrom('MeasureReport', 'Organization', 'Location', 'Measure') }, { requiredKeys: [] }) }))), (entries) => {
        const result = fromFhirBundle({ resourceType: 'Bundle', type: 'transaction', entry: entries }, { header: { license: 'CC-BY-4.0', publisher: { id: 'PHX-ORG-0001', name: 'Secretariat' } } });
        expect(result.package).toBeDefined();
      }),
      { numRuns: 100 },
    );
  });
});

const header = { header: { license: 'CC-BY-4.0', publisher: { id: 'UA-EDR-38214567', name: 'Alliance' } } };
const populations = (numerator: number, denominator: number) => [
  { code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code: 'numerator' }] }, count: numerator },
  { code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code: 'denominator' }] }, count: denominator },
];
const ukraine = { resourceType: 'Location', identifier: [{ system: 'urn:iso:std:iso:3166', value: 'UA' }], address: { country: 'UA' } };
/** A MeasureReport of HIV prevalence in 2022, by a PHX organisation, about `subject`. */
const measureReport = (fields: Json = {}): Json => ({
  resourceType: 'MeasureReport',
  id: 'mr-1',
  status: 'complete',
  type: 'summary',
  measure: phx('fhir/Measure/hiv-prevalence-prisoners'),
  subject: { reference: 'urn:uuid:00000000-0000-4000-8000-0000000000aa' },
  reporter: { identifier: { system: phx('id/organisation'), value: 'UA-EDR-38214567' } },
  period: { start: '2022-01-01', end: '2022-12-31' },
  group: [{ population: populations(400, 9700) }],
  ...fields,
});
const bundleOf = (...entries: [string, Json][]) => ({ resourceType: 'Bundle', type: 'collection', entry: entries.map(([fullUrl, resource]) => ({ fullUrl, resource })) });
const withUkraine = (report: Json, fullUrl = 'urn:uuid:00000000-0000-4000-8000-000000000001') => bundleOf([fullUrl, report], ['urn:uuid:00000000-0000-4000-8000-0000000000aa', ukraine]);
const imported = (bundle: unknown) => fromFhirBundle(bundle, header);
const figuresOf = (bundle: unknown) => imported(bundle).package!.observations!.map((o) => ({ scope: o.scope, numerator: o.numerator, denominator: o.denominator, ...(o.disaggregation ? { disaggregation: o.disaggregation } : {}) }));
const coded = (text: string, numerator: number, denominator: number) => ({ code: { text }, population: populations(numerator, denominator) });

describe('FHIR R4 import: MeasureReport groups', () => {
  it('takes no coded group for the total: groups "Women" and "All" are each skipped with a warning naming it and the report', () => {
    const { package: read, notes } = imported(withUkraine(measureReport({ group: [coded('Women', 30, 600), coded('All', 400, 9700)] })));
    expect(read!.observations ?? []).toEqual([]);
    expect(notes.filter((n) => n.code === 'fhir.group-skipped').map((n) => [n.params, n.examples])).toEqual([
      [{ group: 'Women' }, ['mr-1']],
      [{ group: 'All' }, ['mr-1']],
    ]);
  });

  it('cannot tell two groups without a code apart: neither is the total', () => {
    const { package: read, notes } = imported(withUkraine(measureReport({ group: [{ population: populations(30, 600) }, { population: populations(400, 9700) }] })));
    expect(read!.observations ?? []).toEqual([]);
    expect(notes.filter((n) => n.code === 'fhir.group-skipped').map((n) => n.params)).toEqual([{ group: '#1' }, { group: '#2' }]);
  });

  it('reads the group without a code as PHX writes it, total and stratifiers, wherever other groups are put around it', () => {
    const expected = figuresOf(JSON.parse(JSON.stringify(bundle)));
    const extra = fc.record({ text: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /\S/.test(s)), numerator: fc.nat(1000), denominator: fc.nat(100000) });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), extra), { maxLength: 3 }), (extras) => {
        const copy = JSON.parse(JSON.stringify(bundle));
        const reports = copy.entry.filter((e: Json) => e.resource.resourceType === 'MeasureReport');
        for (const [at, { text, numerator, denominator }] of extras) {
          const report = reports[at % reports.length].resource;
          report.group.splice(at % (report.group.length + 1), 0, coded(text, numerator, denominator));
        }
        const { notes: read } = imported(copy);
        expect(figuresOf(copy)).toEqual(expected);
        expect(read.filter((n) => n.code === 'fhir.group-skipped').reduce((sum, n) => sum + n.count, 0)).toBe(extras.length);
      }),
      { numRuns: 50 },
    );
  });
});

describe('FHIR R4 import: a report without a measure score', () => {
  const masked = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }] };

  it('works out the value from the populations, as FHIR leaves the score optional, and says so', () => {
    const { package: read, notes } = imported(withUkraine(measureReport()));
    expect(read!.observations!.map((o) => [o.numerator, o.denominator, o.value])).toEqual([[400, 9700, 4.12]]);
    // The publisher reports the figures: an organisation that `--with` or a hub gives.
    const reporter = header.header.publisher.id;
    expect(validate(read!, { now: new Date('2024-01-01T00:00:00Z'), knownOrganisations: [reporter] }).issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(notes.filter((n) => n.code === 'import.value-worked-out').map((n) => [n.params, n.examples, n.field])).toEqual([
      [{ indicator: 'hiv-prevalence-prisoners', from: 'numerator-and-denominator' }, [read!.observations![0]!.id], 'observation.value'],
    ]);
  });

  it('keeps the score a report gives, and works out none for a masked one or from a numerator above its denominator', () => {
    const scored = imported(withUkraine(measureReport({ group: [{ population: populations(400, 9700), measureScore: { value: 4.1, code: 'percent' } }] })));
    expect(scored.package!.observations![0]!.value).toBe(4.1);
    const hidden = imported(withUkraine(measureReport({ group: [{ population: populations(400, 9700), measureScore: masked }] })));
    expect(hidden.package!.observations![0]).toMatchObject({ suppressed: true });
    expect(hidden.package!.observations![0]!.value).toBeUndefined();
    // A numerator above its denominator is the validator's to report, not a value of 4 124 %.
    const above = imported(withUkraine(measureReport({ group: [{ population: populations(400, 97) }] })));
    expect(above.package!.observations![0]!.value).toBeUndefined();
    expect([...scored.notes, ...hidden.notes, ...above.notes].map((n) => n.code)).not.toContain('import.value-worked-out');
  });
});

describe('FHIR R4 import: what a report is, and the unit of its score', () => {
  it('skips a report whose status is error or pending, or which is not a summary (about individuals), with a warning', () => {
    for (const [fields, params] of [
      [{ status: 'error' }, { reason: 'status', value: 'error' }],
      [{ status: 'pending' }, { reason: 'status', value: 'pending' }],
      [{ type: 'individual' }, { reason: 'type', value: 'individual' }],
      [{ type: 'subject-list' }, { reason: 'type', value: 'subject-list' }],
      [{ type: 'data-collection' }, { reason: 'type', value: 'data-collection' }],
    ] as const) {
      const { package: read, notes } = imported(withUkraine(measureReport(fields)));
      expect(read!.observations ?? []).toEqual([]);
      expect(notes.filter((n) => n.code === 'fhir.report-skipped').map((n) => n.params)).toEqual([params]);
    }
    expect(figuresOf(withUkraine(measureReport({ status: 'complete' })))).toEqual([{ scope: { country: 'UA' }, numerator: 400, denominator: 9700 }]);
  });

  it('says why a pending report is skipped apart from one in error: its figures may still change', () => {
    const [pending, error] = (['pending', 'error'] as const).map((status) => imported(withUkraine(measureReport({ status }))).notes.find((n) => n.code === 'fhir.report-skipped')!);
    expect(pending!.message).toBe('the MeasureReport\'s status is "pending": its figures may still change, so it is skipped; import it again once it is complete');
    expect(error!.message).toMatch(/not reliable/);
  });

  it('leaves out a score in another unit than its indicator\'s, and works the value out from the counts', () => {
    // A proportion written as UCUM "1" (0.0412) is not 0.0412 percent; a rate per 100 000 is not a percent either.
    for (const code of ['1', '/10*5']) {
      const { package: read, notes } = imported(withUkraine(measureReport({ group: [{ population: populations(400, 9700), measureScore: { value: 0.0412, system: 'http://unitsofmeasure.org', code } }] })));
      expect(read!.observations!.map((o) => [o.value, o.unit])).toEqual([[4.12, 'percent']]);
      expect(notes.filter((n) => n.code === 'fhir.score-unit-unlike').map((n) => [n.params, n.field])).toEqual([[{ code, expected: '%' }, 'observation.value']]);
      expect(notes.map((n) => n.code)).toContain('import.value-worked-out');
    }
    const { package: read, notes } = imported(withUkraine(measureReport({ group: [{ population: populations(400, 9700), measureScore: { value: 4.12, system: 'http://unitsofmeasure.org', code: '%' } }] })));
    expect(read!.observations!.map((o) => o.value)).toEqual([4.12]);
    expect(notes.map((n) => n.code)).not.toContain('fhir.score-unit-unlike');
  });
});

describe('FHIR R4 import: why a resource is skipped', () => {
  const skippedBy = (bundle: unknown) => imported(bundle).notes.filter((n) => n.code === 'fhir.resource-skipped');

  it('names the one thing a MeasureReport lacks: a measure, a reporter with a PHX identifier, a subject Location with a country, a period', () => {
    for (const [fields, reason] of [
      [{ measure: undefined }, 'measure'],
      [{ reporter: { identifier: { system: 'https://moj.gov.ua/id/organisation', value: 'NGO-7' }, display: 'Alliance' } }, 'reporter'],
      [{ subject: { reference: 'urn:uuid:00000000-0000-4000-8000-0000000000ff' } }, 'subject'],
      [{ period: {} }, 'period'],
      [{ measure: undefined, period: {} }, 'measure'],
    ] as const) {
      const notes = skippedBy(withUkraine(measureReport(fields)));
      expect(notes.map((n) => [n.params, n.examples])).toEqual([[{ resourceType: 'MeasureReport', reason }, ['mr-1']]]);
    }
    const messages = (['measure', 'reporter', 'subject', 'period'] as const).map((reason) => formatNote({ code: 'fhir.resource-skipped', params: { resourceType: 'MeasureReport', reason } }, 'en'));
    expect(new Set(messages).size).toBe(4);
    expect(messages[1]).toBe('a MeasureReport without a reporter with a PHX identifier is skipped');
  });

  it('names what an Organization lacks, in every language: an Organization with a name is not said to lack one', () => {
    const named = { resourceType: 'Organization', id: 'org-1', name: 'Alliance' };
    const [note] = skippedBy(bundleOf(['urn:uuid:00000000-0000-4000-8000-000000000002', named]));
    expect(note!.params).toEqual({ resourceType: 'Organization', reason: 'identifier' });
    expect(formatNote(note!, 'uk')).toBe('Organization без ідентифікатора організації PHX пропущено');
    expect(formatNote(note!, 'en')).not.toMatch(/name/);
    const nameless = { resourceType: 'Organization', id: 'org-1', identifier: [{ system: phx('id/organisation'), value: 'UA-EDR-38214567' }] };
    expect(skippedBy(bundleOf(['urn:uuid:00000000-0000-4000-8000-000000000002', nameless])).map((n) => n.params)).toEqual([{ resourceType: 'Organization', reason: 'name' }]);
  });

  it('names what a Measure lacks to be read as an indicator definition: a title, a description, a unit', () => {
    const written = resources('Measure').find((m) => m.identifier[0].value === 'halfway-house-places')!;
    for (const [leave, reason] of [[['title', '_title'], 'title'], [['description', '_description'], 'description'], [['extension'], 'unit']] as const) {
      const measure = Object.fromEntries(Object.entries(written).filter(([key]) => !(leave as readonly string[]).includes(key)));
      expect(skippedBy(bundleOf(['urn:uuid:00000000-0000-4000-8000-000000000003', measure])).map((n) => n.params)).toEqual([{ resourceType: 'Measure', reason }]);
    }
  });
});

describe('FHIR R4 import: a masked cell that still gives its figures', () => {
  const masked = [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }];
  const interval = { url: phx('fhir/StructureDefinition/confidence-interval'), extension: [{ url: 'lower', valueDecimal: 4.1 }, { url: 'upper', valueDecimal: 7.9 }] };

  it('leaves out the masked score, the numerator and the interval, keeps the denominator, and says so', () => {
    const [numerator, denominator] = populations(36, 610);
    const group = { extension: [interval], population: [{ ...numerator, _count: { extension: masked } }, denominator], measureScore: { value: 5.9, extension: masked } };
    const { package: read, notes } = imported(withUkraine(measureReport({ group: [group] })));
    const [observation] = read!.observations!;
    expect(observation).toMatchObject({ denominator: 610, suppressed: true });
    for (const field of ['numerator', 'value', 'confidenceInterval']) expect(observation).not.toHaveProperty(field);
    expect(notes.filter((n) => n.code === 'import.withheld-figure-left-out').map((n) => [n.params, n.field, n.examples])).toEqual([
      [{ field: 'value' }, 'observation.value', [observation!.id]],
      [{ field: 'numerator' }, 'observation.numerator', [observation!.id]],
      [{ field: 'confidenceInterval' }, 'observation.confidenceInterval', [observation!.id]],
    ]);
    expect(validate(read!, { now: new Date('2024-01-01T00:00:00Z') }).issues.filter((i) => i.code.startsWith('privacy.'))).toEqual([]);
  });

  it('leaves out the numerator of a stratum whose score alone is masked', () => {
    const stratum = { value: { coding: [{ system: phx('codelist/sex'), code: 'female' }] }, population: populations(36, 610), measureScore: { extension: masked } };
    const sex = { code: [{ coding: [{ system: phx('codelist/disaggregationDimension'), code: 'sex' }] }], stratum: [stratum] };
    const { package: read, notes } = imported(withUkraine(measureReport({ group: [{ population: populations(410, 9800), stratifier: [sex] }] })));
    const female = read!.observations!.find((o) => o.disaggregation?.sex === 'female')!;
    expect(female).toMatchObject({ denominator: 610, suppressed: true });
    expect(female).not.toHaveProperty('numerator');
    expect(notes.filter((n) => n.code === 'import.withheld-figure-left-out').map((n) => n.params)).toEqual([{ field: 'numerator' }]);
  });
});

describe('FHIR R4 import: the subject Location and references', () => {
  const facility = { resourceType: 'Location', id: 'loc-12', identifier: [{ system: phx('id/facility'), value: 'ua-fac-12' }], name: 'Kyiv SIZO', address: { country: 'UA' } };
  const sizo = { resourceType: 'Location', id: 'loc-sizo', identifier: [{ system: 'https://moj.gov.ua/id/facility', value: 'SIZO-13' }], name: 'Lviv SIZO No. 19', address: { country: 'UA', state: 'Lviv' } };
  const base = 'https://hmis.example.org/fhir/';

  it('skips a report about a Location it cannot place, naming it, rather than read it as the country’s', () => {
    const { package: read, notes } = imported(bundleOf([`${base}MeasureReport/mr-1`, measureReport({ subject: { reference: `${base}Location/loc-sizo` } })], [`${base}Location/loc-sizo`, sizo]));
    expect(read!.observations ?? []).toEqual([]);
    expect(notes).toContainEqual(expect.objectContaining({ code: 'fhir.subject-unknown', params: { location: 'Lviv SIZO No. 19' }, examples: ['mr-1'], field: 'observation.scope' }));
  });

  it('never takes a Location that says anything of a place within its country for the country', () => {
    const within = fc.constantFrom<Json>(
      { name: 'Lviv SIZO No. 19' },
      { address: { country: 'UA', state: 'Lviv' } },
      { address: { country: 'UA', city: 'Lviv' } },
      { identifier: [{ system: 'https://moj.gov.ua/id/facility', value: 'SIZO-13' }] },
      { physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'bu' }] } },
      { partOf: { reference: 'Location/ua' } },
      { type: [{ text: 'prison' }] },
    );
    fc.assert(
      fc.property(fc.array(within, { minLength: 1, maxLength: 4 }), (parts) => {
        const location = Object.assign({ resourceType: 'Location', id: 'loc', address: { country: 'UA' } }, ...parts);
        const { package: read, notes } = imported(bundleOf([`${base}MeasureReport/mr-1`, measureReport({ subject: { reference: 'Location/loc' } })], [`${base}Location/loc`, location]));
        expect(read!.observations ?? []).toEqual([]);
        expect(notes.map((n) => n.code)).toContain('fhir.subject-unknown');
      }),
      { numRuns: 50 },
    );
  });

  it('reads a Location of only a country, or one with the ISO 3166 identifier, as the country', () => {
    expect(figuresOf(bundleOf([`${base}MeasureReport/mr-1`, measureReport({ subject: { reference: 'Location/ua' } })], [`${base}Location/ua`, { resourceType: 'Location', id: 'ua', address: { country: 'UA' } }]))).toEqual([{ scope: { country: 'UA' }, numerator: 400, denominator: 9700 }]);
    expect(figuresOf(withUkraine(measureReport()))).toEqual([{ scope: { country: 'UA' }, numerator: 400, denominator: 9700 }]);
  });

  it('resolves a relative reference against the base of the fullUrl of the entry that holds it, with or without a version', () => {
    for (const reference of ['Location/loc-12', 'Location/loc-12/_history/3', `${base}Location/loc-12`]) {
      const report = measureReport({ subject: { reference }, reporter: { reference: 'Organization/org-1' } });
      const organisation = { resourceType: 'Organization', id: 'org-1', identifier: [{ system: phx('id/organisation'), value: 'UA-EDR-38214567' }], name: 'Alliance' };
      const read = bundleOf([`${base}MeasureReport/mr-1`, report], [`${base}Location/loc-12`, facility], [`${base}Organization/org-1`, organisation], [`${base}Location/loc-sizo`, sizo]);
      expect(figuresOf(read)).toEqual([{ scope: { country: 'UA', facility: 'ua-fac-12' }, numerator: 400, denominator: 9700 }]);
    }
  });

  it('names an observation of another system by its facility, period and reporter, whichever reports come first', () => {
    const second = { ...facility, id: 'loc-13', identifier: [{ system: phx('id/facility'), value: 'ua-fac-13' }] };
    const reports: [string, Json][] = [
      ['loc-12', { start: '2022-01-01', end: '2022-12-31' }],
      ['loc-12', { start: '2022-01-01', end: '2022-03-31' }],
      ['loc-13', { start: '2022-01-01', end: '2022-12-31' }],
    ].map(([location, period], i) => [`${base}MeasureReport/mr-${i}`, measureReport({ id: `mr-${i}`, subject: { reference: `Location/${location}` }, period })]);
    const idsOf = (entries: [string, Json][]) => imported(bundleOf(...entries, [`${base}Location/loc-12`, facility], [`${base}Location/loc-13`, second])).package!.observations!.map((o) => o.id).sort();
    const expected = ['hiv-prevalence-prisoners.UA.ua-fac-12.2022', 'hiv-prevalence-prisoners.UA.ua-fac-12.2022-Q1', 'hiv-prevalence-prisoners.UA.ua-fac-13.2022'].map((id) => `${id}.UA-EDR-38214567`).sort();
    expect(idsOf(reports)).toEqual(expected);
    expect(idsOf([...reports].reverse())).toEqual(expected);
  });

  it('does not resolve a relative reference from an entry whose fullUrl has no base, nor one to a resource of another type', () => {
    const fromUuid = bundleOf(['urn:uuid:00000000-0000-4000-8000-000000000001', measureReport({ subject: { reference: 'Location/loc-12' } })], [`${base}Location/loc-12`, facility]);
    expect(imported(fromUuid).package!.observations ?? []).toEqual([]);
    const organisation = { resourceType: 'Organization', id: 'org-1', identifier: [{ system: phx('id/organisation'), value: 'UA-EDR-38214567' }], name: 'Alliance', address: [{ country: 'UA' }] };
    const wrongType = bundleOf([`${base}MeasureReport/mr-1`, measureReport({ subject: { reference: 'Organization/org-1' } })], [`${base}Organization/org-1`, organisation]);
    expect(imported(wrongType).package!.observations ?? []).toEqual([]);
  });

  it('resolves references to resources contained in the report', () => {
    const report = measureReport({
      contained: [{ ...facility, id: 'loc' }, { resourceType: 'Organization', id: 'org', identifier: [{ system: phx('id/organisation'), value: 'UA-EDR-38214567' }], name: 'Alliance' }],
      subject: { reference: '#loc' },
      reporter: { reference: '#org' },
    });
    expect(figuresOf(bundleOf(['urn:uuid:00000000-0000-4000-8000-000000000001', report]))).toEqual([{ scope: { country: 'UA', facility: 'ua-fac-12' }, numerator: 400, denominator: 9700 }]);
  });
});

describe('FHIR R4 import: periods', () => {
  const periodOf = (start: string, end: string) => imported(withUkraine(measureReport({ period: { start, end } }))).package!.observations?.[0]?.period;

  it('reads a year or a month as its first day at the start and its last day at the end', () => {
    expect(periodOf('2022', '2022')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(periodOf('2024-02', '2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('2023-02', '2023-03')).toEqual({ start: '2023-02-01', end: '2023-03-31' });
    expect(periodOf('2023-01-01T00:00:00+02:00', '2023-12-31T23:59:59+02:00')).toEqual({ start: '2023-01-01', end: '2023-12-31' });
  });

  it('gives every year and month whole, as valid dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const m = `${year}-${String(month).padStart(2, '0')}`;
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(periodOf(m, m)).toEqual({ start: `${m}-01`, end: `${m}-${last}` });
        expect(periodOf(String(year), String(year))).toEqual({ start: `${year}-01-01`, end: `${year}-12-31` });
      }),
      { numRuns: 200 },
    );
  });

  it('skips a report whose period is not a FHIR date, with a warning', () => {
    for (const [start, end] of [['2022-13', '2022-12'], ['2022-02-30', '2022-03-01'], ['22', '2022'], ['2022-1-1', '2022-12-31']] as const) {
      const { package: read, notes } = imported(withUkraine(measureReport({ period: { start, end } })));
      expect(read!.observations ?? []).toEqual([]);
      expect(notes).toContainEqual(expect.objectContaining({ code: 'fhir.resource-skipped', params: { resourceType: 'MeasureReport', reason: 'period' } }));
    }
  });
});
