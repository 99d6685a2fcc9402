import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DataPackage, Observation } from '@phx/schema';
import { toDhis2DataValueSet } from '../src/dhis2/export.js';
import { Dhis2Mapping } from '../src/dhis2/mapping.js';
import { fromDhis2Csv, fromDhis2DataValueSet } from '../src/dhis2/import.js';
import { gamDhis2Template } from '../src/dhis2/template.js';
import { toSdmxCsv } from '../src/sdmx/export.js';
import { fromSdmxCsv } from '../src/sdmx/import.js';

const header = { license: 'CC-BY-4.0', publisher: { id: 'PHX-ORG-0001', name: 'PHX' } };
const template = Dhis2Mapping.parse({ ...gamDhis2Template(), reportingOrganisation: 'PHX-ORG-0001' });

/** What an import made of a number's text: the number, or the text its note echoes. */
type Reading = { value: number } | { unread: string };

function bySdmx(text: string): Reading {
  const csv = Papa.unparse([
    ['STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'INDICATOR', 'REF_AREA', 'REPORTING_ORG', 'TIME_PERIOD', 'OBS_VALUE'],
    ['dataflow', 'PHX:DF_PRISON_HEALTH(1.0.0)', 'I', 'prisons-people-on-oat', 'UA', 'PHX-ORG-0001', '2020', text],
  ]);
  const { package: pkg, notes } = fromSdmxCsv(csv, { header });
  const note = notes.find((n) => n.code === 'sdmx.value-skipped');
  return note ? { unread: note.params.value } : { value: pkg!.observations![0]!.value! };
}

function byDhis2(text: string, form: 'json' | 'csv'): Reading {
  const value = { dataElement: 'PHX_PRISONS_PEOPLE_ON_OAT', period: '2020', orgUnit: 'UA', categoryOptionCombo: 'default', value: text };
  const { package: pkg, notes } =
    form === 'json' ? fromDhis2DataValueSet({ dataValues: [value] }, template, { header }) : fromDhis2Csv(Papa.unparse([[value.dataElement, value.period, value.orgUnit, value.categoryOptionCombo, '', text]]), template, { header });
  const note = notes.find((n) => n.code === 'dhis2.value-skipped');
  return note?.code === 'dhis2.value-skipped' ? { unread: note.params.value! } : { value: pkg!.observations![0]!.value! };
}

describe('the numbers of the DHIS2 and SDMX-CSV imports', () => {
  it('are read the same way from the same text, or left out with a note echoing the same text', () => {
    const numberLike = fc.stringMatching(/^[ +-]?[0-9]{0,4}([ ,.\u00A0][0-9]{0,4})?([eE][+-]?[0-9]{1,3})?[ %]?$/);
    const text = fc.oneof(numberLike, fc.double().map(String), fc.string({ maxLength: 70 })).filter((t) => t.trim() !== '');
    fc.assert(
      fc.property(text, (t) => {
        const sdmx = bySdmx(t);
        expect(byDhis2(t, 'json')).toEqual(sdmx);
        expect(byDhis2(t, 'csv')).toEqual(sdmx);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the ids of imported observations', () => {
  const facilities = ['ua-fac-1', 'ua-fac-22'];
  const mapping = Dhis2Mapping.parse({ ...template, orgUnits: facilities.map((facility, i) => ({ country: 'UA', facility, orgUnit: `UAFAC${i}` })) });
  const periods = [
    { start: '2023-01-01', end: '2023-12-31' },
    { start: '2023-01-01', end: '2023-03-31' },
    { start: '2023-01-01', end: '2023-01-31' },
    { start: '2023-04-01', end: '2023-06-30' },
  ];
  const observation = fc.record({
    indicator: fc.constantFrom('prisons-people-on-oat', 'prisons-people-tested-for-hiv'),
    facility: fc.constantFrom(undefined, ...facilities),
    period: fc.constantFrom(...periods),
    sex: fc.constantFrom(undefined, 'female' as const, 'male' as const),
    count: fc.nat(10_000),
  }).map((o) => (o.indicator === 'prisons-people-tested-for-hiv' ? o : { ...o, sex: undefined })); // the catalogue breaks only tests down by sex
  const observations = fc
    .uniqueArray(observation, { selector: (o) => JSON.stringify([o.indicator, o.facility, o.period, o.sex]), minLength: 1, maxLength: 12 })
    .map((drafts) =>
      drafts.map((d, i): Observation => ({
        id: `o${i}`,
        indicator: d.indicator,
        reportingOrganisation: 'PHX-ORG-0001',
        scope: { country: 'UA', ...(d.facility ? { facility: d.facility } : {}) },
        period: d.period,
        ...(d.sex ? { disaggregation: { sex: d.sex } } : {}),
        numerator: d.count,
        value: d.count,
        unit: 'count',
        dataSource: 'routine-programme-data',
      })),
    );
  const source = (list: Observation[]) => ({ phxVersion: '1.0', id: 'p', publisher: header.publisher, license: 'CC-BY-4.0', publishedAt: '2024-01-01T00:00:00Z', observations: list }) as DataPackage;
  /** Each observation's id, by what it is. */
  const idsByContent = (pkg: DataPackage | undefined) =>
    new Map(pkg!.observations!.map((o) => [JSON.stringify([o.indicator, o.scope, o.period, o.disaggregation ?? {}]), o.id]));
  const importers = {
    dhis2: (list: Observation[]) => fromDhis2DataValueSet(toDhis2DataValueSet(source(list), mapping).data, mapping, { header }).package,
    'sdmx-csv': (list: Observation[]) => fromSdmxCsv(toSdmxCsv(source(list)).data, { header }).package,
  };

  it.each(Object.keys(importers) as (keyof typeof importers)[])('are the same for an observation of %s whatever else the source holds and in whatever order', (target) => {
    fc.assert(
      fc.property(observations, fc.func(fc.boolean()), fc.func(fc.integer()), (list, keep, rank) => {
        const all = idsByContent(importers[target](list));
        expect(new Set(all.values()).size).toBe(list.length);
        const others = list.filter((o) => keep(o.id)).sort((a, b) => rank(a.id) - rank(b.id));
        if (others.length === 0) return;
        for (const [content, id] of idsByContent(importers[target](others))) expect(all.get(content)).toBe(id);
      }),
      { numRuns: 60 },
    );
  });

  it('name the facility and the period, so that a year, its first quarter and its first month differ by more than a counter', () => {
    const ids = [...idsByContent(importers.dhis2([
      ...periods.slice(0, 3).map((period, i): Observation => ({ id: `y${i}`, indicator: 'prisons-people-on-oat', reportingOrganisation: 'PHX-ORG-0001', scope: { country: 'UA', facility: 'ua-fac-22' }, period, numerator: 7, value: 7, unit: 'count', dataSource: 'routine-programme-data' })),
    ])).values()];
    expect(ids).toEqual(['prisons-people-on-oat.UA.ua-fac-22.2023', 'prisons-people-on-oat.UA.ua-fac-22.2023-Q1', 'prisons-people-on-oat.UA.ua-fac-22.2023-01']);
  });
});
