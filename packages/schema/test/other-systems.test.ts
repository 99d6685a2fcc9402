import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFileAsync } from '../src/file/validate-file.js';
import { validateFile } from '../src/file/validate-file-sync.js';
import { readCsv } from '../src/formats/csv.js';
import { validate } from '../src/validate/sync.js';
import { validateAsync } from '../src/validate/validate.js';

const now = new Date('2022-01-01T00:00:00Z');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
/** The bytes of a text in pieces of 7. */
async function* pieces(text: string): AsyncGenerator<Uint8Array> {
  const all = bytes(text);
  for (let at = 0; at < all.length; at += 7) yield all.subarray(at, at + 7);
}
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Files of other systems as PHX exports them, and as those systems write them. */
const sdmxCsv = [
  'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,FACILITY,REPORTING_ORG,SEX,AGE,POPULATION,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,CONF_STATUS,DATA_SOURCE,NUMERATOR,DENOMINATOR,SUBNATIONAL_AREA,OBS_COMMENT',
  'dataflow,PHX:DF_PRISON_HEALTH(1.0.0),I,hiv-prevalence-prisoners,ZM,_Z,ZM-PACRA-120045,_T,_T,_T,2019,28.7,percent,F,routine-programme-data,1320,4600,,',
  '',
].join('\n');
const sdmxCsv1 = 'DATAFLOW;INDICATOR;REF_AREA;TIME_PERIOD;OBS_VALUE\r\nPHX:DF_PRISON_HEALTH(1.0.0);hiv-prevalence-prisoners;ZM;2019;28,7\r\n';
const dhis2Csv = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\nPHX_HIV_PREVALENCE_PRISONERS_NUMERATOR,2019,ZM,default,,1320,,,,\n';
const fhir = json({ resourceType: 'Bundle', type: 'transaction', timestamp: '2021-03-15T10:00:00+01:00', entry: [{ resource: { resourceType: 'Organization', id: 'ZM-PACRA-120045', name: 'Zambia Prisons Reintegration Trust' } }] });
const dhis2 = json({ dataSet: 'PHX_GAM', period: '2019', orgUnit: 'ZM', dataValues: [{ dataElement: 'PHX_HIV_PREVALENCE_PRISONERS_NUMERATOR', categoryOptionCombo: 'default', value: '1320' }] });
const sdmxJson = json({ meta: { schema: 'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json', id: 'x' }, data: { structures: [], dataSets: [] } });
const sdmxStructure = json({ meta: { schema: 'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json', id: 'x' }, data: { dataStructures: [] } });

const files = [
  { name: 'ua-2023.sdmx.csv', text: sdmxCsv, format: 'sdmx-csv', row: 1 },
  { name: 'export.csv', text: sdmxCsv1, format: 'sdmx-csv', row: 1 },
  { name: 'values.csv', text: `\n${dhis2Csv}`, format: 'dhis2-csv', row: 2 },
  { name: 'ua-2023.fhir.json', text: fhir, format: 'fhir' },
  { name: 'ua-2023.dhis2.json', text: dhis2, format: 'dhis2' },
  { name: 'ua-2023.sdmx.json', text: sdmxJson, format: 'sdmx-json' },
  { name: 'ua-2023.sdmx-structure.json', text: sdmxStructure, format: 'sdmx-structure' },
] as const;

describe('a file of another system given to be validated', () => {
  it.each(files)('$name is named as $format, in one issue, by validateFile and validateFileAsync', async ({ name, text, format, ...at }) => {
    for (const run of [validateFile, validateFileAsync]) {
      const result = await run(bytes(text), { name, now, locale: 'uk' });
      expect(result.issues.map(({ code, params }) => ({ code, params }))).toEqual([{ code: 'file.other-system', params: { format } }]);
      expect(result).toMatchObject({ ok: false, errors: 1, warnings: 0 });
      expect(result.issues[0]!.location).toEqual('row' in at ? { row: at.row, column: 1 } : { line: 1, column: 1 });
      expect(result.issues[0]!.message).toContain('phx import');
      // Streamed in small pieces, the same.
      const streamed = await run(pieces(text), { name, now, locale: 'uk', reopen: () => pieces(text) });
      expect(streamed.issues.map((issue) => issue.code)).toEqual(['file.other-system']);
    }
  });

  it('is named whatever its name, and by validate() and validateAsync() of a parsed document', async () => {
    expect((await validateFile(bytes(sdmxCsv), { name: 'data.txt', now })).issues.map((issue) => issue.params)).toEqual([{ format: 'sdmx-csv' }]);
    for (const text of [fhir, dhis2]) {
      const value = JSON.parse(text) as unknown;
      expect(validate(value, { now }).issues.map((issue) => issue.code)).toEqual(['file.other-system']);
      expect((await validateAsync(text, { now, locale: 'fr' })).issues.map((issue) => issue.code)).toEqual(['file.other-system']);
    }
    expect(readCsv(sdmxCsv).issues.map((issue) => issue.code)).toEqual(['file.other-system']);
  });

  it('says what the file is and which command reads it, in every language', () => {
    const [issue] = validate(JSON.parse(fhir) as unknown, { now }).issues;
    expect(issue!.message).toBe('The file is a FHIR Bundle, not PHX data: phx import --from fhir reads it into a PHX package');
    expect(validate(JSON.parse(sdmxJson) as unknown, { now, locale: 'ru' }).issues[0]!.message).toContain('SDMX-CSV (.sdmx.csv)');
  });

  it('leaves a PHX package alone that carries fields of theirs, and a CSV file with a column of theirs', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(validate({ ...pkg, resourceType: 'Bundle', dataValues: [] }, { now }).issues.map((issue) => issue.code)).toEqual(['schema.unknown-field', 'schema.unknown-field']);
    const table = readCsv('id,indicator,period.start,period.end,STRUCTURE\nobs-1,hiv-prevalence-prisoners,2019-01-01,2019-12-31,x\n');
    expect(table.issues.map((issue) => issue.code)).not.toContain('file.other-system');
  });
});
