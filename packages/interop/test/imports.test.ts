import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DataPackage, Observation, Organisation } from '@phx/schema';
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
    expect(ids).toEqual(['2023', '2023-Q1', '2023-01'].map((period) => `prisons-people-on-oat.UA.ua-fac-22.${period}.PHX-ORG-0001`));
  });
});

describe('the ids made for observations a source gives none for', () => {
  const areas = ['Київська область', 'Львівська область', 'Одеська область', "Кам'янське", 'Île-de-France', 'Ñuble', 'თბილისი', 'القاهرة', 'Oblast Kyiv', 'a'.repeat(90)];
  const reporters = ['UA-EDR-38214567', 'UA-EDR-21560045', 'PHX-ORG-0001'];
  const observation = fc.record({
    area: fc.constantFrom(undefined, ...areas),
    reporter: fc.constantFrom(...reporters),
    year: fc.constantFrom('2022', '2023'),
    ageGroup: fc.constantFrom(undefined, '<18', '<25', '25+', '50+'),
    facility: fc.constantFrom(undefined, 'f'.repeat(128), 'ua-fac-1'),
    count: fc.nat(10_000),
  });
  const observations = fc
    // SDMX's key leaves the area out (an attribute): observations differing only by area are one row of it.
    .uniqueArray(observation, { selector: (o) => JSON.stringify([o.reporter, o.year, o.ageGroup, o.facility]), minLength: 1, maxLength: 12 })
    .map((drafts) =>
      drafts.map((d, i): Observation => ({
        id: `o${i}`,
        indicator: 'prisons-people-on-oat',
        reportingOrganisation: d.reporter,
        scope: { country: 'UA', ...(d.area ? { subnationalArea: d.area } : {}), ...(d.facility ? { facility: d.facility } : {}) },
        period: { start: `${d.year}-01-01`, end: `${d.year}-12-31` },
        ...(d.ageGroup ? { disaggregation: { ageGroup: d.ageGroup as NonNullable<Observation['disaggregation']>['ageGroup'] } } : {}),
        numerator: d.count,
        value: d.count,
        unit: 'count',
        dataSource: 'routine-programme-data',
      })),
    );
  const source = (list: Observation[]) => ({ phxVersion: '1.0', id: 'p', publisher: header.publisher, license: 'CC-BY-4.0', publishedAt: '2024-01-01T00:00:00Z', observations: list }) as DataPackage;
  const imported = (list: Observation[]) => fromSdmxCsv(toSdmxCsv(source(list)).data, { header }).package!.observations!;
  const byContent = (list: Observation[]) => new Map(imported(list).map((o) => [JSON.stringify([o.reportingOrganisation, o.scope, o.period, o.disaggregation ?? {}]), o.id]));

  it('are record ids that differ for observations that differ, whatever else the source holds and in whatever order: areas in any script, reporters, long facilities, age groups', () => {
    fc.assert(
      fc.property(observations, fc.func(fc.boolean()), fc.func(fc.integer()), (list, keep, rank) => {
        const all = byContent(list);
        expect(all.size).toBe(list.length);
        for (const id of all.values()) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);
        // Each is the id the observation gets alone: none is told apart by a counter (`-2`), given in the order read.
        for (const o of list) expect([...byContent([o]).values()]).toEqual([all.get([...byContent([o]).keys()][0]!)]);
        const others = list.filter((o) => keep(o.id)).sort((a, b) => rank(a.id) - rank(b.id));
        for (const [content, id] of byContent(others)) expect(all.get(content)).toBe(id);
      }),
      { numRuns: 200 },
    );
  });

  it('tell areas written in Cyrillic letters apart, in whatever order DHIS2 gives them', () => {
    const oblasts = ['Київська область', 'Львівська область', 'Одеська область'];
    const mapping = Dhis2Mapping.parse({ ...template, orgUnits: oblasts.map((subnationalArea, i) => ({ country: 'UA', subnationalArea, orgUnit: `UAOBL${i}` })) });
    const list = oblasts.map((subnationalArea, i): Observation => ({ id: `o${i}`, indicator: 'prisons-people-on-oat', reportingOrganisation: 'PHX-ORG-0001', scope: { country: 'UA', subnationalArea }, period: { start: '2023-01-01', end: '2023-03-31' }, numerator: i, value: i, unit: 'count', dataSource: 'routine-programme-data' }));
    const idsByArea = (observations: Observation[]) => {
      const { data } = toDhis2DataValueSet(source(observations), mapping);
      return new Map(fromDhis2DataValueSet(data, mapping, { header }).package!.observations!.map((o) => [o.scope.subnationalArea, o.id]));
    };
    const ids = idsByArea(list);
    expect([...ids.values()].sort()).toEqual(['Kyivska', 'Lvivska', 'Odeska'].map((area) => `prisons-people-on-oat.UA.${area}-oblast.2023-Q1.PHX-ORG-0001`));
    expect(idsByArea([...list].reverse())).toEqual(ids);
    expect(idsByArea(list.slice(1))).toEqual(new Map([...ids].slice(1)));
  });

  it('write an area in Latin letters, an age group in words and the reporter last', () => {
    const [kyiv, paris, kamianske] = imported([
      { id: 'a', indicator: 'prisons-people-on-oat', reportingOrganisation: 'UA-EDR-38214567', scope: { country: 'UA', subnationalArea: 'Київська область' }, period: { start: '2023-01-01', end: '2023-03-31' }, disaggregation: { ageGroup: '<25' }, numerator: 7, value: 7, unit: 'count', dataSource: 'routine-programme-data' },
      { id: 'b', indicator: 'prisons-people-on-oat', reportingOrganisation: 'PHX-ORG-0001', scope: { country: 'FR', subnationalArea: 'Île-de-France' }, period: { start: '2023-01-01', end: '2023-12-31' }, disaggregation: { ageGroup: '25+' }, numerator: 7, value: 7, unit: 'count', dataSource: 'routine-programme-data' },
      { id: 'c', indicator: 'prisons-people-on-oat', reportingOrganisation: 'PHX-ORG-0001', scope: { country: 'UA', subnationalArea: "Кам'янське" }, period: { start: '2023-01-01', end: '2023-12-31' }, numerator: 7, value: 7, unit: 'count', dataSource: 'routine-programme-data' },
    ]);
    expect([kyiv!.id, paris!.id]).toEqual(['prisons-people-on-oat.UA.Kyivska-oblast.2023-Q1.under25.UA-EDR-38214567', 'prisons-people-on-oat.FR.Ile-de-France.2023.25plus.PHX-ORG-0001']);
    // An apostrophe is dropped, as passports drop it.
    expect(kamianske!.id).toBe('prisons-people-on-oat.UA.Kamianske.2023.PHX-ORG-0001');
    // Є, Ї, Й, Ю, Я start a word otherwise than they go on in it; Й is not И with a mark; ЗГ is not Ж.
    const areas = imported(['Йосипівка', 'Яготин', 'Криворізький район', 'Ємільчине', 'Південний', 'Згурівка'].map((subnationalArea, i): Observation => ({ id: `a${i}`, indicator: 'prisons-people-on-oat', reportingOrganisation: 'PHX-ORG-0001', scope: { country: 'UA', subnationalArea }, period: { start: `${2010 + i}-01-01`, end: `${2010 + i}-12-31` }, numerator: 7, value: 7, unit: 'count', dataSource: 'routine-programme-data' })));
    expect(areas.map((o) => o.id.split('.')[2])).toEqual(['Yosypivka', 'Yahotyn', 'Kryvorizkyi-raion', 'Yemilchyne', 'Pivdennyi', 'Zghurivka']);
  });
});

describe('the publisher of an imported package', () => {
  const organisation: Organisation = { id: 'UA-EDR-38214567', name: { uk: 'Альянс', en: 'Alliance' }, organisationType: 'ngo', countries: ['UA'] };
  const observation: Observation = { id: 'o1', indicator: 'prisons-people-on-oat', reportingOrganisation: organisation.id, scope: { country: 'UA' }, period: { start: '2023-01-01', end: '2023-12-31' }, numerator: 7, value: 7, unit: 'count', dataSource: 'routine-programme-data' };
  const csv = toSdmxCsv({ phxVersion: '1.0', id: 'p', publisher: { id: organisation.id, name: 'Alliance' }, license: 'CC-BY-4.0', publishedAt: '2024-01-01T00:00:00Z', observations: [observation] }).data;
  const publisherOf = (options: Parameters<typeof fromSdmxCsv>[1]) => fromSdmxCsv(csv, options).package!.publisher;

  it('is named by its organisation among the records given, in English, when the options give only its id', () => {
    expect(publisherOf({ header: { license: 'CC-BY-4.0', publisher: { id: organisation.id } }, knownRecords: { organisations: [organisation] } })).toEqual({ id: organisation.id, name: 'Alliance' });
    expect(publisherOf({ header: { license: 'CC-BY-4.0', publisher: { id: organisation.id } }, knownRecords: { organisations: [{ ...organisation, name: { uk: 'Альянс' } }] } })).toEqual({ id: organisation.id, name: 'Альянс' });
  });

  it('keeps the name the options give, and is named by its id when no record names it', () => {
    expect(publisherOf({ header: { license: 'CC-BY-4.0', publisher: { id: organisation.id, name: 'UHRPA' } }, knownRecords: { organisations: [organisation] } })).toEqual({ id: organisation.id, name: 'UHRPA' });
    expect(publisherOf({ header: { license: 'CC-BY-4.0', publisher: { id: 'PHX-ORG-0001' } }, knownRecords: { organisations: [organisation] } })).toEqual({ id: 'PHX-ORG-0001', name: 'PHX-ORG-0001' });
  });

  it('is the one organisation reporting every observation when the options name none, named as the records given name it', () => {
    expect(publisherOf({ header: { license: 'CC-BY-4.0' }, knownRecords: { organisations: [organisation] } })).toEqual({ id: organisation.id, name: 'Alliance' });
  });
});
