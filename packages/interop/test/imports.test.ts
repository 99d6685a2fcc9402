import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Dhis2Mapping } from '../src/dhis2/mapping.js';
import { fromDhis2Csv, fromDhis2DataValueSet } from '../src/dhis2/import.js';
import { gamDhis2Template } from '../src/dhis2/template.js';
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
