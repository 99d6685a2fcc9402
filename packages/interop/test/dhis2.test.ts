import fc from 'fast-check';
import Papa from 'papaparse';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { indicatorCatalogue, validate, type DataPackage, type Observation } from '@phx/schema';
import { dhis2FieldMap } from '../src/dhis2/fields.js';
import { DHIS2_CSV_COLUMNS, toDhis2Csv, toDhis2DataValueSet } from '../src/dhis2/export.js';
import { fromDhis2Csv, fromDhis2DataValueSet } from '../src/dhis2/import.js';
import { Dhis2Mapping, readDhis2Mapping } from '../src/dhis2/mapping.js';
import { gamDhis2Template } from '../src/dhis2/template.js';
import { gamIndicators } from '../src/gam/readiness.js';
import { importPackage } from '../src/targets.js';
import { carriedRecords, csvFile, csvPieces, examplePackage } from './support.js';

/** DHIS2 period names, as the Web API guide lists them (the kinds PHX writes). */
const dhis2Period = /^(\d{4}|\d{4}S[12]|\d{4}Q[1-4]|\d{4}(0[1-9]|1[0-2])|\d{8})$/;

/** A dataValueSet as the DHIS2 Web API guide describes it: values are strings, period and org unit on each value in the bulk form. */
const SpecDataValueSet = z.strictObject({
  dataSet: z.string().optional(),
  completeDate: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  attributeOptionCombo: z.string().optional(),
  idScheme: z.enum(['code', 'uid', 'name']).optional(),
  dataValues: z.array(
    z.strictObject({
      dataElement: z.string().min(1),
      period: z.string().regex(dhis2Period),
      orgUnit: z.string().min(1),
      categoryOptionCombo: z.string().min(1).optional(),
      attributeOptionCombo: z.string().min(1).optional(),
      value: z.string().regex(/^\d+(\.\d+)?$/),
      comment: z.string().optional(),
    }),
  ),
});

const template = Dhis2Mapping.parse({ ...gamDhis2Template(), reportingOrganisation: 'PHX-ORG-0001' });
const pkg = examplePackage();
const header = { license: 'CC-BY-4.0' };

/** The example's observations that the template can place: GAM indicators, country level, not suppressed. */
function placeable(observations: readonly Observation[]): Observation[] {
  const gam = new Set(template.dataElements.map((e) => e.indicator));
  return observations.filter((o) => gam.has(o.indicator) && !o.scope.facility && !o.scope.subnationalArea && !o.suppressed);
}

describe('the DHIS2 mapping file', () => {
  it('ships a GAM template that covers every indicator of the GAM profile, the prison population among them', () => {
    expect(new Set(template.dataElements.map((e) => e.indicator))).toEqual(new Set(gamIndicators));
    // A count of no breakdown, as the template names every count: its value, for the total alone.
    expect(template.dataElements.filter((e) => e.indicator === 'prison-population')).toEqual([
      { indicator: 'prison-population', part: 'value', dataElement: 'PHX_PRISON_POPULATION', categoryOptionCombos: [{ disaggregation: {}, categoryOptionCombo: 'default' }] },
    ]);
    const prevalence = template.dataElements.filter((e) => e.indicator === 'hiv-prevalence-prisoners');
    expect(prevalence.map((e) => e.part)).toEqual(['numerator', 'denominator', 'value']);
    expect(prevalence[0]!.categoryOptionCombos.map((c) => c.disaggregation)).toEqual([{}, { sex: 'female' }, { sex: 'male' }, { sex: 'transgender' }, { ageGroup: '<25' }, { ageGroup: '25+' }]);
  });

  it('rejects a reference that is not a DHIS2 UID, naming where', () => {
    const { mapping, notes } = readDhis2Mapping({ dataElements: [{ indicator: 'prisons-people-on-oat', dataElement: 'not a uid', categoryOptionCombos: [{ disaggregation: {}, categoryOptionCombo: 'HllvX50cXC0' }] }] });
    expect(mapping).toBeUndefined();
    expect(notes).toEqual([expect.objectContaining({ code: 'dhis2.mapping-not-a-uid', severity: 'error', params: { pointer: '/dataElements/0/dataElement', value: 'not a uid' } })]);
    expect(readDhis2Mapping({ dataElements: [{ indicator: 'prisons-people-on-oat', dataElement: 'fbfJHSPpUQD', categoryOptionCombos: [{ disaggregation: {}, categoryOptionCombo: 'HllvX50cXC0' }] }] }).mapping).toBeDefined();
  });

  it('never throws on any input', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => void readDhis2Mapping(value)), { numRuns: 200 });
  });
});

describe('DHIS2 dataValueSet export', () => {
  const { data, warnings } = toDhis2DataValueSet(pkg, template);

  it('writes what the DHIS2 Web API guide describes', () => {
    expect(SpecDataValueSet.safeParse(data).error).toBeUndefined();
    expect(data.idScheme).toBe('code');
  });

  it('sends numerator, denominator and value of a percentage, per breakdown', () => {
    const zm = data.dataValues.filter((v) => v.orgUnit === 'ZM' && v.period === '2019');
    expect(zm).toEqual(
      expect.arrayContaining([
        { dataElement: 'PHX_HIV_PREVALENCE_PRISONERS_NUMERATOR', period: '2019', orgUnit: 'ZM', categoryOptionCombo: 'default', value: '1320' },
        { dataElement: 'PHX_HIV_PREVALENCE_PRISONERS_VALUE', period: '2019', orgUnit: 'ZM', categoryOptionCombo: 'PHX_FEMALE', value: '36.5' },
        { dataElement: 'PHX_HIV_PREVALENCE_PRISONERS_DENOMINATOR', period: '2019', orgUnit: 'ZM', categoryOptionCombo: 'PHX_AGE_LT25', value: '1150' },
      ]),
    );
  });

  it('tells first, before the fields DHIS2 has no place for, that a facility has no organisation unit, and the entry of orgUnits to add', () => {
    // A count of a prison, shown (those of the example package are withheld, which DHIS2 would not be sent anyway).
    const { suppressed: _withheld, notes: _notes, ...prison } = pkg.observations!.find((o) => o.scope.facility !== undefined && template.dataElements.some((e) => e.indicator === o.indicator))!;
    const facility = { ...prison, numerator: 40, value: 40 } as Observation;
    const { warnings: told } = toDhis2DataValueSet({ ...pkg, observations: [facility] }, template);
    const { country, subnationalArea, facility: id } = facility.scope;
    const place = [country, subnationalArea, id].filter(Boolean).join(' › ');
    const entry = `{"orgUnit": "<its DHIS2 code or UID>", "country": "${country}", ${subnationalArea === undefined ? '' : `"subnationalArea": "${subnationalArea}", `}"facility": "${id}"}`;
    expect(told[0]).toMatchObject({ code: 'dhis2.unmapped-scope', params: { place, country, facility: id }, examples: [facility.id] });
    expect(told[0]!.message).toBe(`the mapping has no organisation unit for ${place}, so its observations are not sent: add ${entry} to "orgUnits" in the mapping file (phx export --mapping <file.json>)`);
    expect(told.slice(1).map((note) => note.code)).toContain('field-not-carried');
    // The entry it names is the one the mapping needs: with it, the observation is sent.
    const withEntry = Dhis2Mapping.parse({ ...template, idScheme: 'code', orgUnits: [...template.orgUnits, JSON.parse(entry.replace('<its DHIS2 code or UID>', 'FAC_1'))] });
    expect(toDhis2DataValueSet({ ...pkg, observations: [facility] }, withEntry).data.dataValues.map((value) => value.orgUnit)).toContain('FAC_1');
  });

  it('warns, never drops silently: unmapped scopes, suppressed cells, indicators without data elements, fields DHIS2 has no place for', () => {
    const codes = new Map(warnings.map((w) => [w.field === undefined ? w.code : `${w.code} ${w.field}`, w]));
    const examplesOf = (code: string) => warnings.filter((w) => w.code === code).flatMap((w) => w.examples);
    expect(examplesOf('dhis2.unmapped-indicator')).toContain('obs-zm-occupancy-2020');
    expect(warnings.find((w) => w.code === 'dhis2.unmapped-indicator' && w.examples.includes('obs-zm-occupancy-2020'))!.params).toEqual({ indicator: 'prison-occupancy' });
    expect(examplesOf('dhis2.unmapped-scope')).toContain('obs-za-condoms-2020');
    // The prison population, which GAM readiness counts, has its data element: sent on its reference date.
    expect(warnings.filter((w) => w.code === 'dhis2.unmapped-indicator').map((w) => w.params)).not.toContainEqual({ indicator: 'prison-population' });
    expect(data.dataValues).toContainEqual({ dataElement: 'PHX_PRISON_POPULATION', period: '20191231', orgUnit: 'BR', categoryOptionCombo: 'default', value: '755274' });
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['record-not-carried organisation', 'record-not-carried meeting', 'field-not-carried observation.methodNote']));
    // Every DHIS2 period starts with its year (`2019`, `2019Q1`, `20191231`).
    const sent = new Set(data.dataValues.map((v) => `${v.orgUnit}/${v.period.slice(0, 4)}`));
    const placed = placeable(pkg.observations!);
    expect(placed.length).toBeGreaterThan(0);
    for (const o of placed) expect(sent).toContain(`${o.scope.country}/${o.period.start.slice(0, 4)}`);
  });

  describe('parts of an observation the mapping has no data element for', () => {
    const prevalence = (id: string, sex?: 'female'): Observation => ({
      id, indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'UA-EDR-38214567', scope: { country: 'UA' }, period: { start: '2023-01-01', end: '2023-12-31' },
      ...(sex ? { disaggregation: { sex } } : {}), numerator: 36, denominator: 610, value: 5.9, unit: 'percent', dataSource: 'routine-programme-data',
    });
    const numeratorOnly = Dhis2Mapping.parse({
      idScheme: 'code', countryCodesAsOrgUnits: true,
      dataElements: [{ indicator: 'hiv-prevalence-prisoners', part: 'numerator', dataElement: 'PHX_HIV_NUMERATOR', categoryOptionCombos: [{ disaggregation: {}, categoryOptionCombo: 'default' }, { disaggregation: { sex: 'female' }, categoryOptionCombo: 'PHX_FEMALE' }] }],
    });

    it('names each part not sent, once per indicator, with the observations it concerns', () => {
      const { data, warnings } = toDhis2DataValueSet({ ...pkg, observations: [prevalence('total'), prevalence('female', 'female')] } as DataPackage, numeratorOnly);
      expect(data.dataValues.map((v) => [v.dataElement, v.categoryOptionCombo, v.value])).toEqual([['PHX_HIV_NUMERATOR', 'default', '36'], ['PHX_HIV_NUMERATOR', 'PHX_FEMALE', '36']]);
      expect(warnings.filter((w) => w.code === 'dhis2.unmapped-part').map((w) => [w.params, w.field, w.count, w.examples])).toEqual([
        [{ indicator: 'hiv-prevalence-prisoners', part: 'value' }, 'observation.value', 2, ['total', 'female']],
        [{ indicator: 'hiv-prevalence-prisoners', part: 'denominator' }, 'observation.denominator', 2, ['total', 'female']],
      ]);
    });

    it('says nothing when every part has its data element, a count’s value carrying its numerator', () => {
      expect(warnings.filter((w) => w.code === 'dhis2.unmapped-part')).toEqual([]);
      const count: Observation = { id: 'oat', indicator: 'prisons-people-on-oat', reportingOrganisation: 'UA-EDR-38214567', scope: { country: 'UA' }, period: { start: '2023-01-01', end: '2023-12-31' }, numerator: 1450, value: 1450, unit: 'count', dataSource: 'routine-programme-data' };
      const sent = toDhis2DataValueSet({ ...pkg, observations: [count] } as DataPackage, template);
      expect(sent.data.dataValues.map((v) => v.value)).toEqual(['1450']);
      expect(sent.warnings.filter((w) => w.code === 'dhis2.unmapped-part')).toEqual([]);
    });
  });

  describe('two observations giving the same data value', () => {
    const observation = (id: string, reportingOrganisation: string, value: number, year = 2023): Observation => ({
      id, indicator: 'prisons-people-on-oat', reportingOrganisation, scope: { country: 'UA' }, period: { start: `${year}-01-01`, end: `${year}-12-31` }, numerator: value, value, unit: 'count', dataSource: 'routine-programme-data',
    });
    const withObservations = (observations: Observation[]) => ({ ...pkg, observations }) as DataPackage;
    const keyOf = (v: { dataElement: string; period: string; orgUnit: string; categoryOptionCombo: string; attributeOptionCombo?: string }) => [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, v.attributeOptionCombo].join('|');

    it('sends the first of two reporting organisations’ values, with a warning naming the other, rather than both for DHIS2 to keep one', () => {
      const { data, warnings } = toDhis2DataValueSet(withObservations([observation('a', 'UA-EDR-38214567', 1450), observation('b', 'UA-EDR-11111111', 300)]), template);
      expect(data.dataValues.map((v) => v.value)).toEqual(['1450']);
      expect(warnings.filter((w) => w.code === 'dhis2.duplicate-key')).toEqual([expect.objectContaining({ severity: 'warning', count: 1, examples: ['b'], exampleKind: 'record' })]);
    });

    it('never sends two values with one key, and warns of every observation not sent', () => {
      const drafts = fc.array(fc.record({ reporter: fc.constantFrom('UA-EDR-38214567', 'UA-EDR-11111111'), year: fc.constantFrom(2022, 2023), value: fc.integer({ min: 0, max: 10_000 }) }), { maxLength: 8 });
      fc.assert(
        fc.property(drafts, (list) => {
          const observations = list.map((d, i) => observation(`o${i}`, d.reporter, d.value, d.year));
          const { data, warnings } = toDhis2DataValueSet(withObservations(observations), template);
          const keys = data.dataValues.map(keyOf);
          expect(new Set(keys).size).toBe(keys.length);
          const firstOfYear = [2022, 2023].flatMap((year) => observations.filter((o) => o.period.start.startsWith(String(year))).slice(0, 1));
          expect(data.dataValues.map((v) => [v.period, v.value])).toEqual(firstOfYear.sort((a, b) => observations.indexOf(a) - observations.indexOf(b)).map((o) => [o.period.start.slice(0, 4), String(o.value)]));
          expect(warnings.find((w) => w.code === 'dhis2.duplicate-key')?.count ?? 0).toBe(observations.length - firstOfYear.length);
        }),
      );
    });
  });

  it('writes DHIS2 data value CSV in the column order DHIS2 reads', () => {
    const { data: csv } = toDhis2Csv(pkg, template);
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...DHIS2_CSV_COLUMNS]);
    expect(rows.length - 1).toBe(data.dataValues.length);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(10);
      expect(row[1]).toMatch(dhis2Period);
    }
  });
});

describe('DHIS2 import', () => {
  const drop = ['reportingOrganisation', 'dataSource'];
  const expected: DataPackage = { ...pkg, observations: placeable(pkg.observations!) };

  it.each(['json', 'csv'] as const)('reads the %s export back: every observation DHIS2 carries, with every field it carries', (form) => {
    const result =
      form === 'json'
        ? fromDhis2DataValueSet(JSON.parse(JSON.stringify(toDhis2DataValueSet(pkg, template).data)), template, { header })
        : fromDhis2Csv(toDhis2Csv(pkg, template).data, template, { header });
    expect(result.notes.filter((n) => n.severity === 'error')).toEqual([]);
    expect(carriedRecords(result.package!, dhis2FieldMap, 'observation', drop)).toEqual(carriedRecords(expected, dhis2FieldMap, 'observation', drop));
    expect(result.package!.observations!.every((o) => o.reportingOrganisation === 'PHX-ORG-0001' && o.dataSource === 'routine-programme-data')).toBe(true);
  });

  it('needs the reporting organisation from the mapping', () => {
    const { reportingOrganisation: _, ...withoutReporter } = template;
    const result = fromDhis2DataValueSet(toDhis2DataValueSet(pkg, template).data, withoutReporter, { header });
    expect(result.package).toBeUndefined();
    expect(result.notes[0]).toMatchObject({ code: 'dhis2.reporter-missing', severity: 'error' });
  });

  it('names everything missing in one run, each with the option that gives it: the reporter and publisher, and the licence', () => {
    const values = toDhis2DataValueSet(pkg, template).data;
    const { reportingOrganisation: _, ...withoutReporter } = template;
    const { notes, package: none } = importPackage(JSON.stringify({ ...values, dataValues: [...values.dataValues, { dataElement: 'NOT_MAPPED', period: '2020', orgUnit: 'UA', value: '1' }] }), 'dhis2', { mapping: withoutReporter });
    expect(none).toBeUndefined();
    expect(notes.filter((note) => note.severity === 'error').map((note) => [note.code, note.message])).toEqual([
      ['dhis2.reporter-missing', 'DHIS2 values do not say who reports them: give the organisation that reports and publishes them (phx import --publisher <organisation id>), or name it in the mapping ("reportingOrganisation")'],
      ['import.header-missing', 'the source does not name the licence of the data: give one (phx import --license CC-BY-4.0)'],
    ]);
    // The values are read all the same: what they hold that PHX cannot read is told in the same run.
    expect(notes.map((note) => note.code)).toContain('dhis2.unmapped-value');
    // With the licence given, only the reporter is missing; with the publisher given too, the package is made.
    expect(importPackage(JSON.stringify(values), 'dhis2', { mapping: withoutReporter, header }).notes.filter((note) => note.severity === 'error').map((note) => note.code)).toEqual(['dhis2.reporter-missing']);
    expect(importPackage(JSON.stringify(values), 'dhis2', { mapping: withoutReporter, header: { ...header, publisher: { id: 'PHX-ORG-0001' } } }).package).toBeDefined();
  });

  it('round-trips generated observations of the GAM counts, the prison population among them', () => {
    const gamCounts = indicatorCatalogue.filter((d) => gamIndicators.includes(d.code) && d.calculation === 'count').map((d) => d.code);
    const observation = fc.record({
      indicator: fc.constantFrom(...gamCounts),
      country: fc.constantFrom('UA', 'KE', 'ZM', 'BR'),
      year: fc.integer({ min: 2000, max: 2024 }),
      quarter: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      count: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(observation, { selector: (o) => `${o.indicator}/${o.country}/${o.year}/${o.quarter}`, maxLength: 20 }), (drafts) => {
        const observations = drafts.map((d, i): Observation => {
          const start = d.quarter ? `${d.year}-${String((d.quarter - 1) * 3 + 1).padStart(2, '0')}-01` : `${d.year}-01-01`;
          const end = d.quarter ? new Date(Date.UTC(d.year, d.quarter * 3, 0)).toISOString().slice(0, 10) : `${d.year}-12-31`;
          return { id: `o${i}`, indicator: d.indicator, reportingOrganisation: 'PHX-ORG-0001', scope: { country: d.country as 'UA' }, period: { start, end }, numerator: d.count, value: d.count, unit: 'count', dataSource: 'routine-programme-data' };
        });
        const source = { ...pkg, organisations: [], facilities: [], indicators: [], meetings: [], observations } as DataPackage;
        const back = fromDhis2DataValueSet(toDhis2DataValueSet(source, template).data, template, { header: { ...header, publisher: pkg.publisher } }).package!;
        expect(carriedRecords(back, dhis2FieldMap, 'observation')).toEqual(carriedRecords(source, dhis2FieldMap, 'observation'));
      }),
      { numRuns: 50 },
    );
  });

  it('works out a percentage DHIS2 sends as its numerator and denominator alone (DHIS2 works it out as an indicator), and says so', () => {
    const percentages = template.dataElements.filter((e) => e.part === 'numerator').map((e) => e.indicator);
    const elementOf = (indicator: string, part: string) => template.dataElements.find((e) => e.indicator === indicator && e.part === part)!.dataElement;
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.constantFrom(...percentages), fc.nat(5000), fc.integer({ min: 1, max: 100_000 })), { selector: ([indicator]) => indicator, minLength: 1 }), (figures) => {
        const dataValues = figures.flatMap(([indicator, a, b]) => [
          { dataElement: elementOf(indicator, 'numerator'), period: '2023', orgUnit: 'UA', categoryOptionCombo: 'default', value: String(Math.min(a, b)) },
          { dataElement: elementOf(indicator, 'denominator'), period: '2023', orgUnit: 'UA', categoryOptionCombo: 'default', value: String(Math.max(a, b)) },
        ]);
        const { package: read, notes } = fromDhis2DataValueSet({ dataValues }, template, { header: { ...header, publisher: pkg.publisher } });
        expect(read!.observations!.map((o) => [o.indicator, o.value])).toEqual(
          figures.map(([indicator, a, b]) => {
            const exact = (Math.min(a, b) / Math.max(a, b)) * 100;
            return [indicator, Number(exact >= 1 ? exact.toFixed(2) : exact.toPrecision(3))];
          }),
        );
        // Small counts are the privacy rule's to refuse; the arithmetic holds. The publisher reports the values: an
        // organisation that `--with` or a hub gives.
        expect(validate(read!, { now: new Date('2024-01-01T00:00:00Z'), knownOrganisations: [pkg.publisher.id] }).issues.filter((i) => !i.code.startsWith('privacy.'))).toEqual([]);
        expect(notes.filter((n) => n.code === 'import.value-worked-out').reduce((sum, n) => sum + n.count, 0)).toBe(figures.length);
      }),
      { numRuns: 50 },
    );
  });

  describe('quoted cells of CSV', () => {
    const head = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup';
    const row = (orgUnit: string, value: number, comment: string) => `PHX_PRISONS_PEOPLE_ON_OAT,2020,${orgUnit},default,,${value},,,${comment},`;

    it.each([['LF', '\n'], ['CRLF', '\r\n']])('a quote never closed in a middle row (%s) is an error at its row, and nothing is imported', (_, eol) => {
      const text = [head, row('UA', 1450, ''), row('KG', 380, '"Central prison'), row('KE', 500, ''), row('ZM', 210, 'last'), ''].join(eol);
      const { package: back, notes } = fromDhis2Csv(text, template, { header });
      expect(back).toBeUndefined();
      expect(notes).toEqual([expect.objectContaining({ code: 'import.unclosed-quote', severity: 'error', params: { column: 9, value: 'Central prison,' }, count: 1, examples: ['3'], exampleKind: 'row' })]);
    });

    it('places a quote never closed on a last row of blank cells, which is not read, after the rows read', () => {
      const { package: back, notes } = fromDhis2Csv([head, row('UA', 1450, ''), ',,"  '].join('\n'), template, { header });
      expect(back).toBeUndefined();
      expect(notes).toEqual([expect.objectContaining({ code: 'import.unclosed-quote', params: { column: 3, value: '  ' }, examples: ['3'] })]);
    });

    it.each([['LF', '\n'], ['CRLF', '\r\n']])('text after the quote that closes a cell in a middle row (%s) is an error at its row, and nothing is imported', (_, eol) => {
      // Typed by hand: the rows up to the next quoted cell would be read into this one cell.
      const text = [head, row('UA', 1450, ''), row('KG', 380, '"Central" prison'), row('KE', 500, ''), row('ZM', 210, '"last"'), ''].join(eol);
      const { package: back, notes } = fromDhis2Csv(text, template, { header });
      expect(back).toBeUndefined();
      expect(notes).toEqual([expect.objectContaining({ code: 'import.text-after-quote', severity: 'error', params: { column: 9, value: '"Central" prison,' }, count: 1, examples: ['3'], exampleKind: 'row' })]);
    });

    it('numbers the row of text after a closing quote by its line, as the other rows are, blank lines counted, and without a header', () => {
      const blank = ['', head, row('UA', 1450, ''), ',,,,', '', row('KG', 380, ''), '"PHX_PRISONS_PEOPLE_ON_OAT" x,2020,KE,default,,500,,,,', row('ZM', 210, '"last"')].join('\n');
      expect(fromDhis2Csv(blank, template, { header }).notes).toEqual([expect.objectContaining({ code: 'import.text-after-quote', params: { column: 1, value: '"PHX_PRISONS_PEOPLE_ON_OAT" x,2020,KE,default,,500,,,,' }, examples: ['7'] })]);
      const headless = [row('UA', 1450, ''), `,,"KG" x,default,,380,,,,`, row('ZM', 210, '"last"')].join('\r\n');
      expect(fromDhis2Csv(headless, template, { header }).notes).toEqual([expect.objectContaining({ code: 'import.text-after-quote', params: { column: 3, value: '"KG" x,default,,380,,,,' }, examples: ['2'] })]);
    });

    it('places text after a closing quote at the row where its cell opens, whatever the blank rows and line ends around it', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom('', ',,,', '  '), { maxLength: 8 }), fc.integer({ min: 1, max: 6 }), fc.nat(), fc.constantFrom('\n', '\r\n', '\r'), (blanks, count, at, eol) => {
          const open = at % count;
          const rows = Array.from({ length: count }, (_, i) => row('UA', i, i === open ? '"Central" prison' : i === count - 1 ? '"last"' : ''));
          // Blank rows spread among the header and the rows, each a line of the file.
          const lines = [head, ...rows].flatMap((line, i) => [...blanks.filter((_, b) => b % (count + 1) === i), line]);
          const { package: back, notes } = fromDhis2Csv(lines.join(eol) + eol, template, { header });
          expect(back).toBeUndefined();
          expect(notes).toEqual([expect.objectContaining({ code: 'import.text-after-quote', params: { column: 9, value: '"Central" prison,' }, examples: [String(lines.indexOf(rows[open]!) + 1)] })]);
        }),
      );
    });

    it.each([['LF', '\n'], ['CRLF', '\r\n']])('reads every row of a file (%s) with quotes inside cells that do not open with one, and spaces after a closing quote', (_, eol) => {
      const text = [head, row('UA', 1450, 'the "Central" prison'), row('KG', 380, '"said ""no"""'), `PHX_PRISONS_PEOPLE_ON_OAT,2020,KE,default,,500,,,"block 2"  ,`, row('ZM', 210, '"4"')].join(eol) + eol;
      const { package: back, notes } = fromDhis2Csv(text, template, { header });
      expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
      expect(back!.observations!.map((o) => [o.scope.country, o.value, o.notes])).toEqual([
        ['UA', 1450, 'the "Central" prison'],
        ['KG', 380, 'said "no"'],
        ['KE', 500, 'block 2'],
        ['ZM', 210, '4'],
      ]);
    });

    it.each([['LF', '\n'], ['CRLF', '\r\n']])('reads every row of a file (%s) whose quoted cells hold separators, doubled quotes and line breaks (read as line feeds)', (_, eol) => {
      const text = [head, row('UA', 1450, '"Central prison, block 2"'), row('KG', 380, '"said ""no"""'), row('KE', 500, `"first line${eol}second line"`), row('ZM', 210, '"4"'), ''].join(eol);
      const { package: back, notes } = fromDhis2Csv(text, template, { header });
      expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
      expect(back!.observations!.map((o) => [o.scope.country, o.value, o.notes])).toEqual([
        ['UA', 1450, 'Central prison, block 2'],
        ['KG', 380, 'said "no"'],
        ['KE', 500, 'first line\nsecond line'],
        ['ZM', 210, '4'],
      ]);
    });
    it('reads every row of a file whose rows end in LF, CR LF and CR alike, as Excel and hand edits leave them', () => {
      // Papa Parse splits at one line end it guesses: a row ending another way went into the row above's last cell.
      const rows = [row('UA', 1450, 'first'), row('KG', 380, ''), row('KE', 500, '"two\r\nlines"'), row('ZM', 210, 'last')];
      fc.assert(
        fc.property(fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: rows.length + 1, maxLength: rows.length + 1 }), (ends) => {
          const text = [head, ...rows].map((line, i) => line + ends[i]).join('');
          const { package: back, notes } = fromDhis2Csv(text, template, { header });
          expect(notes).toEqual([]);
          expect(back!.observations!.map((o) => [o.scope.country, o.value, o.notes])).toEqual([
            ['UA', 1450, 'first'],
            ['KG', 380, undefined],
            ['KE', 500, 'two\nlines'],
            ['ZM', 210, 'last'],
          ]);
        }),
      );
    });
  });

  describe('rows of CSV as the file numbers them', () => {
    const head = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup';
    const eols = fc.constantFrom('\n', '\r\n', '\r');

    it.each([['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']])('names the line where a row starts (%s), past a cell of two lines and blank lines', (_, eol) => {
      const text = [head, 'PHX_PRISONS_PEOPLE_ON_OAT,2021,UA,default,,1450,,,"line one', 'line two",', '', '', 'PHX_PRISONS_PEOPLE_ON_OAT,2022,UA,default,,"1,450",,,,', 'PHX_PRISONS_PEOPLE_ON_OAT,2023,UA,default,,n/a,,,,', ''].join(eol);
      const { notes } = fromDhis2Csv(text, template, { header });
      expect(notes.filter((n) => n.code === 'dhis2.value-skipped').map((n) => [n.params.value, n.examples])).toEqual([
        ['1,450', ['6']],
        ['n/a', ['7']],
      ]);
    });

    it('names the line where each row starts, whatever the blank lines, cells of several lines and line ends', () => {
      fc.assert(
        fc.property(csvPieces, eols, (pieces, eol) => {
          const { text, lines } = csvFile(head, pieces, eol, (i, comment) => `PHX_PRISONS_PEOPLE_ON_OAT,${2000 + i},UA,default,,n/a${i},,,${comment},`);
          const { notes } = fromDhis2Csv(text, template, { header });
          expect(notes.filter((n) => n.code === 'dhis2.value-skipped').map((n) => [n.params.value, n.examples])).toEqual(lines.map((line, i) => [`n/a${i}`, [String(line)]]));
        }),
      );
    });

    it('names the line of a quote error as it names the others', () => {
      fc.assert(
        fc.property(csvPieces, eols, fc.boolean(), (pieces, eol, unclosed) => {
          const bad = `PHX_PRISONS_PEOPLE_ON_OAT,2020,KG,default,,380,,,${unclosed ? '"Central prison' : '"Central" prison'},`;
          const { text, lines } = csvFile(head, [...pieces, { comment: '' }], eol, (i, comment) => (i === pieces.filter((p) => typeof p !== 'string').length ? bad : `PHX_PRISONS_PEOPLE_ON_OAT,${2000 + i},UA,default,,${i},,,${comment},`));
          // A quote after an unclosed one would close it: the row below has one only after text after a closing quote.
          const { package: back, notes } = fromDhis2Csv(unclosed ? text : `${text}PHX_PRISONS_PEOPLE_ON_OAT,2020,ZM,default,,210,,,"last",${eol}`, template, { header });
          expect(back).toBeUndefined();
          expect(notes).toEqual([expect.objectContaining({ code: unclosed ? 'import.unclosed-quote' : 'import.text-after-quote', examples: [String(lines[lines.length - 1])] })]);
        }),
      );
    });
  });

  describe('two values for one part of an observation', () => {
    const numerator = (value: string, attributeOptionCombo?: string) => ({
      dataElement: 'PHX_HIV_PREVALENCE_PRISONERS_NUMERATOR', period: '2023', orgUnit: 'UA', categoryOptionCombo: 'default', ...(attributeOptionCombo ? { attributeOptionCombo } : {}), value,
    });
    const denominator = { dataElement: 'PHX_HIV_PREVALENCE_PRISONERS_DENOMINATOR', period: '2023', orgUnit: 'UA', categoryOptionCombo: 'default', value: '9800' };

    it('keeps the first of two values of two attribute option combos, and names both, rather than the last alone', () => {
      const { package: back, notes } = fromDhis2DataValueSet({ dataValues: [numerator('300', 'FUNDER_GF'), numerator('110', 'FUNDER_PEPFAR'), denominator] }, template, { header });
      expect(back!.observations!.map((o) => [o.numerator, o.denominator])).toEqual([[300, 9800]]);
      expect(notes.filter((n) => n.code === 'dhis2.value-conflict')).toEqual([
        expect.objectContaining({
          severity: 'warning',
          params: { dataElement: 'PHX_HIV_PREVALENCE_PRISONERS_NUMERATOR', categoryOptionCombo: 'default', orgUnit: 'UA', period: '2023', kept: '300', dropped: '110' },
          examples: ['/dataValues/1'],
          exampleKind: 'pointer',
        }),
      ]);
    });

    it('does the same in data value CSV, at the row of the value left out', () => {
      const csv = ['dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup', 'PHX_HIV_PREVALENCE_PRISONERS_NUMERATOR,2023,UA,default,FUNDER_GF,300,,,,', 'PHX_HIV_PREVALENCE_PRISONERS_NUMERATOR,2023,UA,default,FUNDER_PEPFAR,110,,,,', ''].join('\n');
      const { package: back, notes } = fromDhis2Csv(csv, template, { header });
      expect(back!.observations!.map((o) => o.numerator)).toEqual([300]);
      expect(notes.filter((n) => n.code === 'dhis2.value-conflict').map((n) => [n.params.kept, n.params.dropped, n.examples])).toEqual([['300', '110', ['3']]]);
    });

    it('never loses a value unsaid: the first is read, each later one is named beside it', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{10}$/), { nil: undefined })), { minLength: 1, maxLength: 6 }), (values) => {
          const { package: back, notes } = fromDhis2DataValueSet({ dataValues: [...values.map(([n, combo]) => numerator(String(n), combo)), denominator] }, template, { header });
          expect(back!.observations!.map((o) => o.numerator)).toEqual([values[0]![0]]);
          const conflicts = notes.filter((n) => n.code === 'dhis2.value-conflict');
          expect(conflicts.reduce((sum, n) => sum + n.count, 0)).toBe(values.length - 1);
          for (const [n] of values.slice(1)) expect(conflicts.some((c) => c.params.kept === String(values[0]![0]) && c.params.dropped === String(n))).toBe(true);
        }),
      );
    });
  });

  describe('deleted values and the columns of CSV', () => {
    const value = (categoryOptionCombo: string, number: string, deleted?: unknown) => ({ dataElement: 'PHX_PRISONS_PEOPLE_ON_OAT', period: '2023', orgUnit: 'UA', categoryOptionCombo, value: number, ...(deleted === undefined ? {} : { deleted }) });
    /** Data value CSV as recent DHIS2 versions write it: a byte order mark, CR LF, every cell quoted but empty ones, and a `deleted` column. */
    const dhis2Csv = (rows: string[][]) =>
      '\uFEFF' +
      [['dataelement', 'period', 'orgunit', 'categoryoptioncombo', 'attributeoptioncombo', 'value', 'storedby', 'lastupdated', 'comment', 'followup', 'deleted'], ...rows]
        .map((row) => row.map((cell) => (cell === '' ? '' : `"${cell.replace(/"/g, '""')}"`)).join(','))
        .join('\r\n') +
      '\r\n';
    const csvRow = (categoryOptionCombo: string, number: string, comment: string, deleted: string) => ['PHX_HIV_PREVALENCE_PRISONERS_NUMERATOR', '2023', 'UA', categoryOptionCombo, 'HllvX50cXC0', number, 'admin', '2024-01-10T10:00:00.000+0000', comment, 'false', deleted];

    it('skips a value DHIS2 marks deleted in a dataValueSet, with a warning at it', () => {
      const { package: back, notes } = fromDhis2DataValueSet({ dataValues: [value('default', '1450'), value('default', '999', true), value('default', '998', 'true'), value('default', '1450', false)] }, template, { header });
      expect(back!.observations!.map((o) => o.value)).toEqual([1450]);
      expect(notes.find((n) => n.code === 'dhis2.deleted-skipped')).toMatchObject({ severity: 'warning', count: 2, examples: ['/dataValues/1', '/dataValues/2'] });
      expect(notes.filter((n) => n.code === 'dhis2.value-conflict').map((n) => n.params.dropped)).toEqual(['1450']);
    });

    it('reads data value CSV as DHIS2 writes it, columns by their names, skipping deleted values', () => {
      const text = dhis2Csv([csvRow('default', '410', '', 'false'), csvRow('PHX_FEMALE', '36', 'checked, by hand', 'false'), csvRow('PHX_MALE', '374', '', 'true')]);
      const { package: back, notes } = fromDhis2Csv(text, template, { header });
      expect(back!.observations!.map((o) => [o.disaggregation?.sex, o.numerator, o.notes])).toEqual([
        [undefined, 410, undefined],
        ['female', 36, 'checked, by hand'],
      ]);
      expect(notes.filter((n) => n.code.startsWith('dhis2.'))).toEqual([expect.objectContaining({ code: 'dhis2.deleted-skipped', examples: ['4'] })]);
    });

    it('reads the columns by their names in any order, older names and missing columns alike', () => {
      const headings = ['value', 'catoptcombo', 'dataElement', 'orgunit', 'period', 'comment'];
      const row = { value: '36', catoptcombo: 'PHX_FEMALE', dataElement: 'PHX_HIV_PREVALENCE_PRISONERS_NUMERATOR', orgunit: 'UA', period: '2023', comment: 'by hand' };
      fc.assert(
        fc.property(fc.shuffledSubarray(headings, { minLength: headings.length }), (order) => {
          const text = [order, order.map((h) => row[h as keyof typeof row])].map((r) => r.join(',')).join('\n');
          const { package: back } = fromDhis2Csv(text, template, { header });
          expect(back!.observations!.map((o) => [o.disaggregation?.sex, o.numerator, o.notes])).toEqual([['female', 36, 'by hand']]);
        }),
      );
    });
  });

  describe('comments', () => {
    const part = (dataElement: string, value: string, comment?: string) => ({ dataElement: `PHX_HIV_PREVALENCE_PRISONERS_${dataElement}`, period: '2023', orgUnit: 'UA', categoryOptionCombo: 'PHX_FEMALE', value, ...(comment === undefined ? {} : { comment }) });

    it('keeps the comment of a value other than the first of its observation', () => {
      const { package: back } = fromDhis2DataValueSet({ dataValues: [part('NUMERATOR', '36'), part('DENOMINATOR', '610', 'Women’s colony No. 54 included')] }, template, { header });
      expect(back!.observations!.map((o) => o.notes)).toEqual(['Women’s colony No. 54 included']);
    });

    it('keeps every comment of an observation once, in the order of its values, one a line', () => {
      const { package: back } = fromDhis2DataValueSet(
        { dataValues: [part('NUMERATOR', '36', 'tested on entry'), part('DENOMINATOR', '610', 'colony No. 54 included'), part('VALUE', '5.9', 'tested on entry')] },
        template,
        { header },
      );
      expect(back!.observations!.map((o) => o.notes)).toEqual(['tested on entry\ncolony No. 54 included']);
    });

    it('loses no comment, whichever parts carry them', () => {
      const comment = fc.option(fc.constantFrom('a', 'b', 'Central prison, block 2', '  '), { nil: undefined });
      fc.assert(
        fc.property(fc.tuple(comment, comment, comment), (comments) => {
          const values = (['NUMERATOR', 'DENOMINATOR', 'VALUE'] as const).map((name, i) => part(name, ['36', '610', '5.9'][i]!, comments[i]));
          const { package: back } = fromDhis2DataValueSet({ dataValues: values }, template, { header });
          const given = [...new Set(comments.flatMap((c) => (c !== undefined && c.trim() !== '' ? [c] : [])))];
          expect(back!.observations![0]!.notes?.split('\n') ?? []).toEqual(given);
        }),
      );
    });
  });

  it('skips a value whose number it cannot read, naming its text, rather than reading 0x10 as 16 or an empty one as 0', () => {
    const value = (text: string) => ({ dataElement: 'PHX_PRISONS_PEOPLE_ON_OAT', period: '2020', orgUnit: 'UA', categoryOptionCombo: 'default', value: text });
    const { package: back, notes } = fromDhis2DataValueSet({ dataValues: ['0x10', '1 320', '28,7', ' ', '-5', '380'].map(value) }, template, { header });
    expect(back!.observations!.map((o) => o.value)).toEqual([380]);
    expect(notes.filter((n) => n.code === 'dhis2.value-skipped').map((n) => [n.params, n.examples])).toEqual([
      [{ reason: 'number', value: '0x10' }, ['/dataValues/0']],
      [{ reason: 'number', value: '1 320' }, ['/dataValues/1']],
      [{ reason: 'number', value: '28,7' }, ['/dataValues/2']],
      [{ reason: 'number', value: '' }, ['/dataValues/3']],
      [{ reason: 'number', value: '-5' }, ['/dataValues/4']],
    ]);
  });

  it('skips values it cannot read, with a warning, and never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue(), fc.record({ dataElement: fc.string(), period: fc.string(), orgUnit: fc.string(), value: fc.string() }))), fc.string(), (values, csv) => {
        fromDhis2DataValueSet({ dataValues: values }, template, { header });
        fromDhis2Csv(csv, template, { header });
      }),
      { numRuns: 100 },
    );
    expect(fromDhis2DataValueSet([], template).notes[0]!.code).toBe('dhis2.not-a-data-value-set');
  });
});
