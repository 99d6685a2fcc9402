import fc from 'fast-check';
import Papa from 'papaparse';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { codelists, validate, type DataPackage, type Observation } from '@phx/schema';
import { toSdmxCsv, toSdmxJson, sdmxStructure } from '../src/sdmx/export.js';
import { sdmxFieldMap } from '../src/sdmx/fields.js';
import { fromSdmxCsv } from '../src/sdmx/import.js';
import { formatNote } from '../src/locales/index.js';
import { carriedRecords, csvFile, csvPieces, examplePackage } from './support.js';

const pkg = examplePackage();
const header = { license: 'CC-BY-4.0', publisher: pkg.publisher };

/** SDMX IDs and time periods, as the SDMX information model defines them. */
const sdmxId = /^[A-Za-z0-9_@$-]+$/;
const timePeriod = /^\d{4}(-S[12]|-Q[1-4]|-(0[1-9]|1[0-2])(-\d{2})?)?$|^\d{4}-\d{2}-\d{2}\/P\d+D$/;

/** An SDMX-CSV 2.0 data message as the field guide defines it (columns per the PHX structure). */
function checkSdmxCsv(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [head, ...rows] = parsed.data;
  expect(head!.slice(0, 3)).toEqual(['STRUCTURE', 'STRUCTURE_ID', 'ACTION']);
  expect(new Set(head).size).toBe(head!.length);
  return rows.map((row) => {
    expect(row).toHaveLength(head!.length);
    expect(['dataflow', 'datastructure', 'dataprovision']).toContain(row[0]);
    expect(row[1]).toMatch(/^[A-Za-z0-9_@$.-]+:[A-Za-z0-9_@$-]+(\(\d+\.\d+\.\d+\))?$/);
    expect(['I', 'A', 'R', 'D']).toContain(row[2]);
    return Object.fromEntries(head!.map((column, i) => [column, row[i]!]));
  });
}

const Component = z.looseObject({ id: z.string(), name: z.string(), names: z.record(z.string(), z.string()) });
/** An SDMX-JSON 2.0 data message as the field guide defines it: meta, structures, flat data set. */
const SpecDataMessage = z.looseObject({
  meta: z.looseObject({ id: z.string(), prepared: z.iso.datetime({ offset: true }), sender: z.looseObject({ id: z.string() }), schema: z.url() }),
  data: z.looseObject({
    structures: z.array(
      z.looseObject({
        links: z.array(z.looseObject({ rel: z.string(), urn: z.string().startsWith('urn:sdmx:org.sdmx.infomodel.') })).min(1),
        dimensions: z.looseObject({ observation: z.array(Component.extend({ keyPosition: z.number().int().min(0), values: z.array(z.looseObject({ id: z.string() })) })) }),
        measures: z.looseObject({ observation: z.array(Component) }),
        attributes: z.looseObject({ observation: z.array(Component.extend({ relationship: z.looseObject({}) })) }),
      }),
    ).length(1),
    dataSets: z.array(z.looseObject({ action: z.enum(['Information', 'Append', 'Replace', 'Delete']), links: z.array(z.looseObject({ rel: z.string() })), observations: z.record(z.string().regex(/^\d+(:\d+)*$/), z.array(z.unknown())) })).length(1),
  }),
});

describe('SDMX-CSV 2.0 export', () => {
  const { data: csv, warnings } = toSdmxCsv(pkg);
  const rows = checkSdmxCsv(csv);

  it('writes what the SDMX-CSV 2.0 field guide defines: one row per observation, keys of SDMX IDs', () => {
    expect(rows).toHaveLength(pkg.observations!.length);
    for (const row of rows) {
      for (const dimension of ['INDICATOR', 'REF_AREA', 'FACILITY', 'REPORTING_ORG', 'SEX', 'AGE', 'POPULATION']) expect(row[dimension]).toMatch(sdmxId);
      expect(row.TIME_PERIOD).toMatch(timePeriod);
    }
  });

  it('keys the female HIV prevalence of Zambia 2019 with SDMX codes, and withholds a suppressed cell', () => {
    expect(rows).toContainEqual(expect.objectContaining({ INDICATOR: 'hiv-prevalence-prisoners', REF_AREA: 'ZM', SEX: 'F', AGE: '_T', FACILITY: '_Z', TIME_PERIOD: '2019', OBS_VALUE: '36.5', NUMERATOR: '95', DENOMINATOR: '260', CONF_STATUS: 'F' }));
    expect(rows).toContainEqual(expect.objectContaining({ INDICATOR: 'prisons-people-with-tb', TIME_PERIOD: '2021-Q1', OBS_VALUE: '', NUMERATOR: '', CONF_STATUS: 'C' }));
    expect(rows.find((r) => r.INDICATOR === 'hiv-prevalence-prisoners' && r.AGE === 'Y_LT25')).toBeDefined();
  });

  it('names what SDMX cannot carry, meetings first', () => {
    expect(warnings.find((w) => w.field === 'meeting')).toMatchObject({ code: 'record-not-carried', count: 1 });
    expect(warnings.map((w) => w.field)).toEqual(expect.arrayContaining(['observation.methodNote', 'observation.confidenceInterval', 'organisation', 'facility']));
  });

  it('has a structure description that defines every column and every code it writes', () => {
    const structure = sdmxStructure(pkg).data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const dsd = structure.dataStructures[0].dataStructureComponents;
    const components = [...dsd.dimensionList.dimensions, dsd.dimensionList.timeDimension, ...dsd.measureList.measures, ...dsd.attributeList.attributes];
    const concepts = new Set(structure.conceptSchemes[0].concepts.map((c: { id: string }) => `urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=PHX:CS_PRISON_HEALTH(1.0.0).${c.id}`));
    const lists = new Map<string, Set<string>>(structure.codelists.map((l: { id: string; codes: { id: string }[] }) => [`urn:sdmx:org.sdmx.infomodel.codelist.Codelist=PHX:${l.id}(1.0.0)`, new Set(l.codes.map((c) => c.id))]));
    const columns = Object.keys(rows[0]!).slice(3);
    expect(components.map((c) => c.id)).toEqual(columns);
    expect(dsd.dimensionList.dimensions.map((d: { position: number }) => d.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const component of components) {
      expect(concepts).toContain(component.conceptIdentity);
      const list = component.localRepresentation.enumeration;
      if (!list) continue;
      expect(lists.has(list)).toBe(true);
      for (const row of rows) if (row[component.id] !== '') expect(lists.get(list), `${component.id} ${row[component.id]}`).toContain(row[component.id]);
    }
    expect(structure.dataflows[0].structure).toBe('urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=PHX:DSD_PRISON_HEALTH(1.0.0)');
  });
});

describe('SDMX-JSON 2.0 data message', () => {
  const { data: message } = toSdmxJson(pkg);

  it('is what the SDMX-JSON 2.0 field guide defines', () => {
    expect(SpecDataMessage.safeParse(message).error).toBeUndefined();
  });

  it('refers to dimension and coded attribute values by index, one observation per key', () => {
    const structure = (message.data.structures as any[])[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const dimensions = structure.dimensions.observation as { id: string; values: { id: string }[] }[];
    const attributes = structure.attributes.observation as { id: string; values?: { id: string }[] }[];
    const observations = (message.data.dataSets as { observations: Record<string, unknown[]> }[])[0]!.observations;
    expect(Object.keys(observations)).toHaveLength(pkg.observations!.length);
    const decoded = Object.entries(observations).map(([key, [value, ...rest]]) => {
      const indexes = key.split(':').map(Number);
      expect(indexes).toHaveLength(dimensions.length);
      const row: Record<string, unknown> = Object.fromEntries(indexes.map((index, i) => [dimensions[i]!.id, dimensions[i]!.values[index]!.id]));
      rest.forEach((cell, i) => (row[attributes[i]!.id] = attributes[i]!.values && cell !== null ? attributes[i]!.values![cell as number]!.id : cell));
      return { ...row, OBS_VALUE: value };
    });
    expect(decoded).toContainEqual(expect.objectContaining({ INDICATOR: 'hiv-prevalence-prisoners', REF_AREA: 'ZM', SEX: 'M', TIME_PERIOD: '2019', OBS_VALUE: 28.2, UNIT_MEASURE: 'percent', CONF_STATUS: 'F', NUMERATOR: 1225 }));
    expect(decoded).toContainEqual(expect.objectContaining({ INDICATOR: 'prisons-people-with-hiv-hcv-coinfection', OBS_VALUE: null, CONF_STATUS: 'C' }));
  });
});

describe('SDMX-CSV import', () => {
  it('reads the export back: every observation, with every field SDMX carries', () => {
    const { package: back, notes } = fromSdmxCsv(toSdmxCsv(pkg).data, { header });
    expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
    expect(carriedRecords(back!, sdmxFieldMap, 'observation')).toEqual(carriedRecords(pkg, sdmxFieldMap, 'observation'));
  });

  it('reads a file with semicolons, columns in another order and an SDMX-CSV 1.0 header', () => {
    const text = 'DATAFLOW;TIME_PERIOD;REF_AREA;INDICATOR;REPORTING_ORG;OBS_VALUE;SEX\nPHX:DF_PRISON_HEALTH(1.0.0);2020-Q2;UA;prisons-people-on-oat;UA-EDR-38214567;1450;_T\n';
    const { package: back } = fromSdmxCsv(text, { header: { license: 'CC-BY-4.0' } });
    expect(back!.publisher.id).toBe('UA-EDR-38214567');
    expect(back!.observations).toEqual([expect.objectContaining({ indicator: 'prisons-people-on-oat', scope: { country: 'UA' }, period: { start: '2020-04-01', end: '2020-06-30' }, value: 1450, unit: 'count' })]);
  });

  it('says a TIME_PERIOD a spreadsheet rewrote as a date is no period of SDMX, not an unknown code', () => {
    const text = 'DATAFLOW;TIME_PERIOD;REF_AREA;INDICATOR;REPORTING_ORG;OBS_VALUE;SEX\nPHX:DF_PRISON_HEALTH(1.0.0);01.01.2020;UA;prisons-people-on-oat;UA-EDR-38214567;1450;_T\n';
    const [note] = fromSdmxCsv(text, { header: { license: 'CC-BY-4.0' } }).notes.filter((n) => n.code === 'sdmx.row-skipped');
    expect(note?.params).toEqual({ column: 'TIME_PERIOD', value: '01.01.2020' });
    expect(formatNote(note!, 'uk')).toBe('Рядок із TIME_PERIOD «01.01.2020» пропущено: це не період у записі SDMX (2020, 2020-Q1, 2020-01, 2020-01-31) — можливо, електронна таблиця переписала дату');
    expect(formatNote(note!, 'en')).not.toContain('code');
  });

  it('round-trips generated observations: every breakdown, period form and suppression', () => {
    const observation = fc.record({
      indicator: fc.constantFrom('hiv-prevalence-prisoners', 'prisons-people-on-oat', 'tb-notification-rate-prisons'),
      country: fc.constantFrom(...codelists.country.codes.slice(0, 20)),
      facility: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), { nil: undefined }),
      sex: fc.option(fc.constantFrom('female', 'male', 'transgender', 'other', 'unknown'), { nil: undefined }),
      ageGroup: fc.option(fc.constantFrom('<18', '18-24', '<25', '25+', '25-49', '50+'), { nil: undefined }),
      start: fc.date({ min: new Date('2000-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
      days: fc.constantFrom(1, 7, 31, 90, 365),
      value: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
      suppressed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 15 }), (drafts) => {
        const observations = drafts.map((d, i): Observation => {
          const start = d.start.toISOString().slice(0, 10);
          const end = new Date(d.start.getTime() + (d.days - 1) * 86_400_000).toISOString().slice(0, 10);
          return {
            id: `o${i}`, indicator: d.indicator, reportingOrganisation: 'PHX-ORG-0001', scope: { country: d.country, ...(d.facility ? { facility: d.facility } : {}) },
            period: { start, end }, ...(d.sex || d.ageGroup ? { disaggregation: { ...(d.sex ? { sex: d.sex } : {}), ...(d.ageGroup ? { ageGroup: d.ageGroup } : {}) } } : {}),
            ...(d.value !== undefined && !d.suppressed ? { value: d.value } : {}), unit: 'count', dataSource: 'survey', ...(d.suppressed ? { suppressed: true } : {}),
          };
        });
        const source = { ...pkg, meetings: [], observations } as DataPackage;
        const { data, warnings } = toSdmxCsv(source);
        const duplicates = warnings.find((w) => w.code === 'sdmx.duplicate-key')?.count ?? 0;
        const back = fromSdmxCsv(data, { header }).package!;
        expect(back.observations).toHaveLength(observations.length - duplicates);
        if (duplicates === 0) expect(carriedRecords(back, sdmxFieldMap, 'observation')).toEqual(carriedRecords(source, sdmxFieldMap, 'observation'));
      }),
      { numRuns: 60 },
    );
  });

  describe('quoted cells', () => {
    const head = 'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,REPORTING_ORG,TIME_PERIOD,OBS_VALUE,OBS_COMMENT';
    const row = (quarter: number, comment: string) => `dataflow,PHX:DF_PRISON_HEALTH(1.0.0),I,prisons-people-on-oat,UA,UA-EDR-38214567,2020-Q${quarter},${1400 + quarter},${comment}`;
    const options = { header: { license: 'CC-BY-4.0' } };

    it.each([['LF', '\n'], ['CRLF', '\r\n']])('a quote never closed in a middle row (%s) is an error at its row, and nothing is imported', (_, eol) => {
      const text = [head, row(1, ''), row(2, '"Central prison'), row(3, ''), row(4, 'fourth'), ''].join(eol);
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(back).toBeUndefined();
      expect(notes).toEqual([expect.objectContaining({ code: 'import.unclosed-quote', severity: 'error', params: { column: 9, value: 'Central prison' }, count: 1, examples: ['3'], exampleKind: 'row' })]);
    });

    it('says where a quote never closed opens in the header, and shortens a long cell', () => {
      expect(fromSdmxCsv(`STRUCTURE,"INDICATOR\n${row(1, '')}\n`, options).notes[0]).toMatchObject({ code: 'import.unclosed-quote', params: { column: 2, value: 'INDICATOR' }, examples: ['1'] });
      const note = fromSdmxCsv([head, row(1, `"${'x'.repeat(100)}`), row(2, '')].join('\n'), options).notes[0]!;
      expect(note).toMatchObject({ params: { column: 9, value: `${'x'.repeat(59)}…` }, examples: ['2'] });
    });

    it.each([['LF', '\n'], ['CRLF', '\r\n']])('text after the quote that closes a cell in a middle row (%s) is an error at its row, and nothing is imported', (_, eol) => {
      // Typed by hand: the rows up to the next quoted cell would be read into this one cell.
      const text = [head, row(1, ''), row(2, '"Central" prison'), row(3, ''), row(4, '"fourth"'), ''].join(eol);
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(back).toBeUndefined();
      expect(notes).toEqual([expect.objectContaining({ code: 'import.text-after-quote', severity: 'error', params: { column: 9, value: '"Central" prison' }, count: 1, examples: ['3'], exampleKind: 'row' })]);
    });

    it('numbers the row of text after a closing quote by its line, blank lines counted, and in the header', () => {
      const blank = [head, '', row(1, ''), ',,,', '  ', row(2, 'x'), '', row(3, '"Central" prison'), row(4, '"fourth"')].join('\r\n');
      expect(fromSdmxCsv(blank, options).notes).toEqual([expect.objectContaining({ code: 'import.text-after-quote', params: { column: 9, value: '"Central" prison' }, examples: ['8'] })]);
      const inHeader = `STRUCTURE,"INDICATOR" x,REF_AREA\n${row(1, '')}\n${row(2, '"second"')}\n`;
      expect(fromSdmxCsv(inHeader, options)).toMatchObject({ package: undefined, notes: [{ code: 'import.text-after-quote', params: { column: 2, value: '"INDICATOR" x,REF_AREA' }, examples: ['1'] }] });
      // With no quote further on, the cell also runs to the end of the file: the text after its quote is what went wrong.
      expect(fromSdmxCsv([head, row(1, '"Central" prison'), row(2, '')].join('\n'), options).notes).toEqual([
        expect.objectContaining({ code: 'import.text-after-quote', params: { column: 9, value: '"Central" prison' }, examples: ['2'] }),
      ]);
    });

    it.each([['LF', '\n'], ['CRLF', '\r\n']])('reads every row of a file (%s) with quotes inside cells that do not open with one, and spaces after a closing quote', (_, eol) => {
      const text = [head, row(1, 'the "Central" prison'), row(2, '"said ""no"""'), row(3, '"block 2"  '), row(4, '"4"')].join(eol) + eol;
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
      expect(back!.observations!.map((o) => [o.value, o.notes])).toEqual([
        [1401, 'the "Central" prison'],
        [1402, 'said "no"'],
        [1403, 'block 2'],
        [1404, '4'],
      ]);
    });

    it.each([['LF', '\n'], ['CRLF', '\r\n']])('reads every row of a file (%s) whose quoted cells hold separators, doubled quotes and line breaks (read as line feeds)', (_, eol) => {
      const text = [head, row(1, '"Central prison, block 2"'), row(2, '"said ""no"""'), row(3, `"first line${eol}second line"`), row(4, '"4"'), ''].join(eol);
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(notes.filter((n) => n.severity === 'error')).toEqual([]);
      expect(back!.observations!.map((o) => [o.value, o.notes])).toEqual([
        [1401, 'Central prison, block 2'],
        [1402, 'said "no"'],
        [1403, 'first line\nsecond line'],
        [1404, '4'],
      ]);
    });
    it('reads every row of a file whose rows end in LF, CR LF and CR alike, as Excel and hand edits leave them', () => {
      // Papa Parse splits at one line end it guesses: a row ending another way went into the row above's last cell.
      const rows = [row(1, 'first'), row(2, ''), row(3, '"two\r\nlines"'), row(4, 'last')];
      fc.assert(
        fc.property(fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: rows.length + 1, maxLength: rows.length + 1 }), (ends) => {
          const text = [head, ...rows].map((line, i) => line + ends[i]).join('');
          const { package: back, notes } = fromSdmxCsv(text, options);
          // The rows name no data source, which is said once.
          expect(notes.map((n) => n.code)).toEqual(['sdmx.code-replaced']);
          expect(back!.observations!.map((o) => [o.value, o.notes])).toEqual([
            [1401, 'first'],
            [1402, undefined],
            [1403, 'two\nlines'],
            [1404, 'last'],
          ]);
        }),
      );
    });
  });

  describe('rows as the file numbers them', () => {
    const head = 'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,REPORTING_ORG,TIME_PERIOD,OBS_VALUE,OBS_COMMENT';

    it('names the line where each row starts, whatever the blank lines, cells of several lines and line ends', () => {
      fc.assert(
        fc.property(csvPieces, fc.constantFrom('\n', '\r\n', '\r'), (pieces, eol) => {
          const { text, lines } = csvFile(head, pieces, eol, (i, comment) => `dataflow,PHX:DF_PRISON_HEALTH(1.0.0),I,prisons-people-on-oat,UA,UA-EDR-38214567,${2000 + i},n/a${i},${comment}`);
          const { notes } = fromSdmxCsv(text, { header: { license: 'CC-BY-4.0' } });
          expect(notes.filter((n) => n.code === 'sdmx.value-skipped').map((n) => [n.params.value, n.examples])).toEqual(lines.map((line, i) => [`n/a${i}`, [String(line)]]));
        }),
      );
    });
  });

  describe('numbers it cannot read', () => {
    const head = 'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,REPORTING_ORG,TIME_PERIOD,OBS_VALUE,NUMERATOR,DENOMINATOR';
    const row = (cells: string) => `dataflow,PHX:DF_PRISON_HEALTH(1.0.0),I,hiv-prevalence-prisoners,UA,UA-EDR-38214567,2020,${cells}`;
    const options = { header: { license: 'CC-BY-4.0' } };

    it('warns at the row, naming the column and the text, of numbers as Excel writes them in Ukrainian, and reads the rest of the row', () => {
      // As Excel in a Ukrainian locale shows 1320, 4600 and 28.7: a space and a no-break space between thousands, a decimal comma.
      const text = [head, row('28.7,1320,4600'), row('"28,7","1 320",4\u00A0600')].join('\n');
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(back!.observations!.map((o) => [o.value, o.numerator, o.denominator])).toEqual([
        [28.7, 1320, 4600],
        [undefined, undefined, undefined],
      ]);
      expect(notes.filter((n) => n.code === 'sdmx.value-skipped')).toEqual([
        expect.objectContaining({ severity: 'warning', params: { column: 'OBS_VALUE', value: '28,7' }, field: 'observation.value', count: 1, examples: ['3'], exampleKind: 'row' }),
        expect.objectContaining({ severity: 'warning', params: { column: 'NUMERATOR', value: '1 320' }, field: 'observation.numerator', count: 1, examples: ['3'], exampleKind: 'row' }),
        expect.objectContaining({ severity: 'warning', params: { column: 'DENOMINATOR', value: '4\u00A0600' }, field: 'observation.denominator', count: 1, examples: ['3'], exampleKind: 'row' }),
      ]);
    });

    it('warns of words, negative numbers and other ways of writing a number, never of an empty cell, grouping the rows of one text', () => {
      const text = [head, row('n/a,,'), row('n/a,-5,0x10'), row(',1e3,.5'), row(',,'), row('Infinity,1e400,12 %')].join('\n');
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(back!.observations!.map((o) => [o.value, o.numerator, o.denominator])).toEqual([
        [undefined, undefined, undefined],
        [undefined, undefined, undefined],
        [undefined, 1000, 0.5],
        [undefined, undefined, undefined],
        [undefined, undefined, undefined],
      ]);
      expect(notes.filter((n) => n.code === 'sdmx.value-skipped').map((n) => [n.params, n.examples])).toEqual([
        [{ column: 'OBS_VALUE', value: 'n/a' }, ['2', '3']],
        [{ column: 'NUMERATOR', value: '-5' }, ['3']],
        [{ column: 'DENOMINATOR', value: '0x10' }, ['3']],
        [{ column: 'OBS_VALUE', value: 'Infinity' }, ['6']],
        [{ column: 'NUMERATOR', value: '1e400' }, ['6']],
        [{ column: 'DENOMINATOR', value: '12 %' }, ['6']],
      ]);
    });
  });

  describe('codes and columns of other systems', () => {
    const head = 'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,REPORTING_ORG,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,CONF_STATUS,DATA_SOURCE';
    const row = (cells: string) => `dataflow,PHX:DF_PRISON_HEALTH(1.0.0),I,prisons-people-on-oat,UA,UA-EDR-38214567,2023,${cells}`;
    const options = { header: { license: 'CC-BY-4.0' } };

    it('keeps a value of any confidentiality status but free from being published again', () => {
      // SDMX's CL_CONF_STATUS: F free, N not for publication, C confidential, D secondary confidentiality, A small counts, …
      const statuses = ['F', '', 'N', 'C', 'D', 'A', 'S'];
      const text = [head, ...statuses.map((status, i) => row(`${1450 + i},count,0,${status},routine-programme-data`).replace(',2023,', `,${2010 + i},`))].join('\n');
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(back!.observations!.map((o) => [o.value, o.suppressed])).toEqual([
        [1450, undefined],
        [1451, undefined],
        [undefined, true],
        [undefined, true],
        [undefined, true],
        [undefined, true],
        [undefined, true],
      ]);
      expect(notes.map((n) => [n.code, n.params, n.field, n.count, n.examples])).toEqual([
        ['import.withheld-figure-left-out', { field: 'value' }, 'observation.value', 5, ['4', '5', '6', '7', '8']],
      ]);
      const again = checkSdmxCsv(toSdmxCsv(back!).data);
      expect(again.map((r) => [r.OBS_VALUE, r.CONF_STATUS])).toEqual([['1450', 'F'], ['1451', 'F'], ...statuses.slice(2).map(() => ['', 'C'])]);
    });

    it('says which data source and unit it reads in place of a code PHX does not know, at the row', () => {
      const text = [head, row('4.2,PT,0,F,BIO_BEHAV_SURVEY'), row('1450,count,0,F,'), row('1451,,0,F,routine-programme-data')].join('\n');
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(back!.observations!.map((o) => [o.value, o.unit, o.dataSource])).toEqual([
        [4.2, 'count', 'routine-programme-data'],
        [1450, 'count', 'routine-programme-data'],
        // Without a unit, the indicator's own is meant: nothing to say.
        [1451, 'count', 'routine-programme-data'],
      ]);
      expect(notes.map((n) => [n.code, n.params, n.field, n.examples])).toEqual([
        ['sdmx.code-replaced', { column: 'UNIT_MEASURE', value: 'PT', used: 'count' }, 'observation.unit', ['2']],
        ['sdmx.code-replaced', { column: 'DATA_SOURCE', value: 'BIO_BEHAV_SURVEY', used: 'routine-programme-data' }, 'observation.dataSource', ['2']],
        ['sdmx.code-replaced', { column: 'DATA_SOURCE', used: 'routine-programme-data' }, 'observation.dataSource', ['3']],
      ]);
    });

    it('reads a value given in a power of ten (UNIT_MULT) in units, and leaves out one whose power it cannot read', () => {
      const text = [head, ...['3', '-1', '0', '', 'k', '1.5'].map((multiplier, i) => row(`49.8,count,${multiplier},F,routine-programme-data`).replace(',2023,', `,${2010 + i},`))].join('\n');
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(back!.observations!.map((o) => o.value)).toEqual([49800, 4.98, 49.8, 49.8, undefined, undefined]);
      expect(notes.map((n) => [n.code, n.params, n.field, n.examples])).toEqual([
        ['sdmx.value-skipped', { column: 'UNIT_MULT', value: 'k' }, 'observation.value', ['6']],
        ['sdmx.value-skipped', { column: 'UNIT_MULT', value: '1.5' }, 'observation.value', ['7']],
      ]);
    });

    it('names once each column outside the PHX data structure, whose cells it does not read', () => {
      const text = [`${head},STRUCTURE_NAME,OBS_STATUS,DECIMALS`, `${row('1450,count,0,F,routine-programme-data')},Prison health,A,0`, `${row('1451,count,0,F,routine-programme-data')},Prison health,E,0`].join('\n');
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(back!.observations).toHaveLength(2);
      expect(notes.map((n) => [n.code, n.params, n.count])).toEqual([
        ['sdmx.column-not-read', { column: 'OBS_STATUS' }, 1],
        ['sdmx.column-not-read', { column: 'DECIMALS' }, 1],
      ]);
    });

    it('reads a file whose every cell is quoted, header included, as R writes one', () => {
      const quoted = (line: string) => line.split(',').map((cell) => `"${cell}"`).join(',');
      const text = `\uFEFF${[head, row('1450,count,0,N,routine-programme-data')].map(quoted).join('\r\n')}\r\n`;
      const { package: back, notes } = fromSdmxCsv(text, options);
      expect(notes.map((n) => n.code)).toEqual(['import.withheld-figure-left-out']);
      expect(back!.observations).toEqual([expect.objectContaining({ indicator: 'prisons-people-on-oat', suppressed: true })]);
      expect(back!.observations![0]).not.toHaveProperty('value');
    });

    it('leaves out the value and numerator of a row not for publication, keeping its denominator, and says so', () => {
      const text = [
        'DATAFLOW,INDICATOR,REF_AREA,FACILITY,REPORTING_ORG,SEX,AGE,POPULATION,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,CONF_STATUS,DATA_SOURCE,NUMERATOR,DENOMINATOR',
        'PHX:DF_PRISON_HEALTH(1.0.0),hiv-prevalence-prisoners,UA,_Z,UA-EDR-38214567,_T,_T,_T,2023,4.2,percent,F,routine-programme-data,410,9800',
        'PHX:DF_PRISON_HEALTH(1.0.0),hiv-prevalence-prisoners,UA,_Z,UA-EDR-38214567,F,_T,_T,2023,5.9,percent,N,routine-programme-data,36,610',
      ].join('\n');
      const { package: back, notes } = fromSdmxCsv(text, options);
      const [total, female] = back!.observations!;
      expect(total).toEqual(expect.objectContaining({ numerator: 410, denominator: 9800, value: 4.2 }));
      expect(female).toEqual({
        id: 'hiv-prevalence-prisoners.UA.2023.female.UA-EDR-38214567',
        indicator: 'hiv-prevalence-prisoners',
        reportingOrganisation: 'UA-EDR-38214567',
        scope: { country: 'UA' },
        period: { start: '2023-01-01', end: '2023-12-31' },
        disaggregation: { sex: 'female' },
        denominator: 610,
        unit: 'percent',
        dataSource: 'routine-programme-data',
        suppressed: true,
      });
      expect(notes.map((n) => [n.code, n.severity, n.params, n.field, n.examples])).toEqual([
        ['import.withheld-figure-left-out', 'warning', { field: 'value' }, 'observation.value', ['3']],
        ['import.withheld-figure-left-out', 'warning', { field: 'numerator' }, 'observation.numerator', ['3']],
      ]);
      expect(validate(back!).issues.filter((issue) => issue.code.startsWith('privacy.'))).toEqual([]);
    });
  });

  it('never throws on hostile text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD\n${s}`)), (text) => {
        const result = fromSdmxCsv(text, { header });
        expect(result.notes.every((n) => n.message.length > 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(fromSdmxCsv('a,b\n1,2\n').notes[0]!.code).toBe('sdmx.not-sdmx-csv');
  });
});
