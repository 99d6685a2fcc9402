import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../src/catalogue/indicators.js';
import { labelOf } from '../src/codelists/index.js';
import { validateFileAsync, type ValidateFileOptions } from '../src/file/validate-file.js';
import { validateFile } from '../src/file/validate-file-sync.js';
import { writeCsv } from '../src/formats/csv.js';
import { toNdjsonLines } from '../src/formats/package-records.js';
import { writeXlsx } from '../src/formats/xlsx.js';
import type { Locale } from '../src/locales/index.js';
import type { ValidationIssue } from '../src/validate/issue.js';
import { formatIssue } from '../src/validate/messages.js';
import { nameCodes } from '../src/validate/named-codes.js';
import { validate } from '../src/validate/sync.js';
import { en } from '../src/locales/en.js';

const example = readFileSync(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8');
const now = new Date('2024-06-30');
const languages: Locale[] = ['en', 'ru', 'uk', 'fr', 'es'];
const encoder = new TextEncoder();

interface Pkg {
  observations: Record<string, unknown>[];
  organisations: Record<string, unknown>[];
  indicators: Record<string, unknown>[];
  meetings: { issuesIdentified: { theme: string }[] }[];
}
const fresh = (): Pkg => JSON.parse(example) as Pkg;
const nameOf = (code: string, language: Locale): string => (indicatorCatalogue.find((definition) => definition.code === code)!.name as Record<Locale, string>)[language];

/** The code, place and suggestions of each issue of the changed fields. */
const suggested = (issues: readonly ValidationIssue[]) =>
  issues.filter((issue) => issue.code === 'schema.invalid-format' || issue.code === 'codelist.unknown-code').map((issue) => [issue.code, issue.pointer, (issue.params as { suggestions?: string[] }).suggestions]);

describe('a name written in place of a code', () => {
  it('has the indicator’s code suggested, its name in any of the five languages, in any case and between any spaces', async () => {
    const pkg = fresh();
    const typed = [
      nameOf('hiv-prevalence-prisoners', 'uk'),
      nameOf('hiv-prevalence-prisoners', 'en').toUpperCase(),
      `  ${nameOf('art-coverage-prisoners', 'ru').replace(/ /g, '  ')} `,
      nameOf('hcv-positivity-prisoners', 'fr').toLowerCase(),
      // Longer than a message echoes: its start is enough.
      nameOf('art-coverage-prisoners', 'es'),
    ];
    typed.forEach((name, i) => (pkg.observations[i]!.indicator = name));
    for (const locale of languages) {
      const options: ValidateFileOptions = { name: 'data.phx.json', now, locale };
      const issues: ValidationIssue[] = [];
      const result = await validateFile(encoder.encode(JSON.stringify(pkg)), { ...options, onIssue: (issue) => issues.push(issue) });
      expect(suggested(result.issues)).toEqual([
        ['schema.invalid-format', '/observations/0/indicator', ['hiv-prevalence-prisoners']],
        ['schema.invalid-format', '/observations/1/indicator', ['hiv-prevalence-prisoners']],
        ['schema.invalid-format', '/observations/2/indicator', ['art-coverage-prisoners']],
        ['schema.invalid-format', '/observations/3/indicator', ['hcv-positivity-prisoners']],
        ['schema.invalid-format', '/observations/4/indicator', ['art-coverage-prisoners']],
      ]);
      // The message says it, in the language asked for, and the issues given as found are the same.
      for (const issue of result.issues) expect(issue.message).toBe(formatIssue(issue, locale));
      expect(issues).toEqual(result.issues);
      // validateFileAsync() loads what it needs and gives the same; so does a file read whole.
      expect(await validateFileAsync(encoder.encode(JSON.stringify(pkg)), options)).toEqual(result);
      expect((await validateFile(encoder.encode(JSON.stringify(pkg)), { ...options, keepData: true })).issues).toEqual(result.issues);
    }
    const [issue] = (await validateFile(encoder.encode(JSON.stringify(pkg)), { name: 'data.phx.json', now, locale: 'uk' })).issues;
    expect(issue!.message).toBe(
      'Індикатор: «Поширеність ВІЛ серед людей у місцях позбавлення волі» — не код із малих латинських літер і цифр через дефіс; можливо, ви мали на увазі «hiv-prevalence-prisoners»?',
    );
  });

  it('has the code of an open codelist suggested for its label, whether no code at all (an error) or an unknown one (a warning)', async () => {
    const pkg = fresh();
    Object.assign(pkg.organisations[0]!, { populations: ['Жінки в місцях позбавлення волі'], regions: [labelOf('region', 'western-central-europe', 'fr')] });
    Object.assign(pkg.organisations[1]!, { focusAreas: ['plaidoyer', 'stigma'] });
    pkg.meetings[0]!.issuesIdentified[0]!.theme = labelOf('meetingIssue', 'lack-of-data', 'es');
    pkg.indicators[0]!.framework = labelOf('framework', 'unaids-gam', 'ru');
    const { issues } = await validateFile(encoder.encode(JSON.stringify(pkg)), { name: 'data.phx.json', now, locale: 'uk' });
    const found = new Map(suggested(issues).map(([code, pointer, suggestions]) => [pointer, [code, suggestions]]));
    expect(found.get('/organisations/0/populations/0')).toEqual(['schema.invalid-format', ['women-in-prison']]);
    expect(found.get('/organisations/0/regions/0')).toEqual(['schema.invalid-format', ['western-central-europe']]);
    expect(found.get('/organisations/1/focusAreas/0')).toEqual(['codelist.unknown-code', ['advocacy']]);
    expect(found.get('/meetings/0/issuesIdentified/0/theme')).toEqual(['schema.invalid-format', ['lack-of-data']]);
    expect(found.get('/indicators/0/framework')).toEqual(['schema.invalid-format', ['unaids-gam']]);
    // A code that is no label keeps the suggestions it had.
    const stigma = issues.find((issue) => issue.pointer === '/organisations/1/focusAreas/1')!;
    expect(stigma.params).toEqual(validate(pkg, { now }).issues.find((issue) => issue.pointer === '/organisations/1/focusAreas/1')!.params);
  });

  it('has the code suggested for a name typed with е for ё, and for a code typed in capitals, said once in each language', async () => {
    const pkg = fresh();
    const prevalence = nameOf('hiv-prevalence-prisoners', 'ru');
    expect(prevalence).toContain('ё');
    pkg.observations[0]!.indicator = prevalence.replace(/ё/g, 'е');
    pkg.observations[1]!.indicator = 'Hiv-Prevalence-Prisoners';
    Object.assign(pkg.organisations[0]!, { populations: [labelOf('population', 'young-people-in-detention', 'ru').replace(/ё/g, 'е'), 'WOMEN-IN-PRISON', 'People-In-Prison'] });
    pkg.meetings[0]!.issuesIdentified[0]!.theme = 'Lack-Of-Data';
    // A code in capitals that is no code of the list is left as it was.
    pkg.indicators[0]!.framework = 'UNAIDS';
    const expected = [
      ['schema.invalid-format', '/organisations/0/populations/0', ['young-people-in-detention']],
      ['schema.invalid-format', '/organisations/0/populations/1', ['women-in-prison']],
      ['schema.invalid-format', '/organisations/0/populations/2', ['people-in-prison']],
      ['schema.invalid-format', '/indicators/0/framework', undefined],
      ['schema.invalid-format', '/observations/0/indicator', ['hiv-prevalence-prisoners']],
      ['schema.invalid-format', '/observations/1/indicator', ['hiv-prevalence-prisoners']],
      ['schema.invalid-format', '/meetings/0/issuesIdentified/0/theme', ['lack-of-data']],
    ];
    const messages: Record<Locale, string[]> = { en: [], ru: [], uk: [], fr: [], es: [] };
    for (const locale of languages) {
      const { issues } = await validateFile(encoder.encode(JSON.stringify(pkg)), { name: 'data.phx.json', now, locale });
      expect(suggested(issues)).toEqual(expected);
      messages[locale] = issues.filter((issue) => issue.code === 'schema.invalid-format').map((issue) => issue.message);
      // The code suggested is not also the example of the form.
      for (const message of messages[locale]) for (const code of ['people-in-prison', 'hiv-prevalence-prisoners']) expect(message.split(code).length, message).toBeLessThanOrEqual(2);
    }
    expect(messages.en[1]).toBe('Populations served (entry 2): "WOMEN-IN-PRISON" is not a code of small letters and digits joined by hyphens; did you mean "women-in-prison"?');
    expect(messages.en[2]).toBe('Populations served (entry 3): "People-In-Prison" is not a code of small letters and digits joined by hyphens; did you mean "people-in-prison"?');
    expect(messages.en[5]).toBe('Indicator: "Hiv-Prevalence-Prisoners" is not a code of small letters and digits joined by hyphens; did you mean "hiv-prevalence-prisoners"?');
    expect(messages.ru[5]).toBe('Индикатор: «Hiv-Prevalence-Prisoners» — не код из строчных латинских букв и цифр через дефис; возможно, вы имели в виду «hiv-prevalence-prisoners»?');
    expect(messages.uk[5]).toBe('Індикатор: «Hiv-Prevalence-Prisoners» — не код із малих латинських літер і цифр через дефіс; можливо, ви мали на увазі «hiv-prevalence-prisoners»?');
    expect(messages.fr[5]).toBe("Indicateur : « Hiv-Prevalence-Prisoners » n'est pas un code de lettres minuscules et de chiffres reliés par des tirets ; vouliez-vous dire « hiv-prevalence-prisoners » ?");
    expect(messages.es[5]).toBe('Indicador: «Hiv-Prevalence-Prisoners» no es un código de minúsculas y dígitos unidos por guiones; ¿quiso decir «hiv-prevalence-prisoners»?');
  });

  it('has the code suggested for a Ukrainian label typed with the keyboard\'s apostrophe', async () => {
    const pkg = fresh();
    const label = labelOf('population', 'people-who-inject-drugs-in-prison', 'uk');
    expect(label).toContain('’');
    Object.assign(pkg.organisations[0]!, { populations: [label.replace(/’/g, "'")] });
    const { issues } = await validateFile(encoder.encode(JSON.stringify(pkg)), { name: 'data.phx.json', now, locale: 'uk' });
    expect(suggested(issues)).toEqual([['schema.invalid-format', '/organisations/0/populations/0', ['people-who-inject-drugs-in-prison']]]);
  });

  it('has the code suggested in an NDJSON stream and in a CSV file', async () => {
    const pkg = fresh();
    pkg.observations[0]!.indicator = nameOf('hiv-prevalence-prisoners', 'uk');
    const ndjson = encoder.encode([...toNdjsonLines(pkg as never)].join('\n'));
    const streamed = await validateFile(ndjson, { name: 'data.phx.ndjson', now });
    // Each line is a record of its own: the pointer is the record's.
    expect(suggested(streamed.issues)).toEqual([['schema.invalid-format', '/indicator', ['hiv-prevalence-prisoners']]]);
    const table = await validateFile(encoder.encode(writeCsv('observation', pkg.observations)), { name: 'observations.csv', now });
    expect(suggested(table.issues).map(([, , suggestions]) => suggestions)).toEqual([['hiv-prevalence-prisoners']]);
  });

  it('has the code suggested for the name a workbook’s Codelists sheet gives the indicator, copied into a row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(fresh() as never, { language: 'uk' })) as unknown as ArrayBuffer);
    // The name beside the code on the Codelists sheet, word for word.
    const lists = workbook.getWorksheet('Codelists')!;
    let name: string | undefined;
    lists.eachRow((row) => row.eachCell((cell, column) => {
      if (cell.value === 'hiv-prevalence-prisoners') name = String(row.getCell(column + 1).value);
    }));
    expect(name).toBe('Поширеність ВІЛ серед людей у місцях позбавлення волі');
    const sheet = workbook.worksheets.find((worksheet) => worksheet.getRow(2).values.toString().includes('indicator') && worksheet.name !== 'Codelists' && worksheet.getRow(2).values.toString().includes('reportingOrganisation'))!;
    const column = (sheet.getRow(2).values as unknown[]).indexOf('indicator');
    sheet.getCell(3, column).value = name!;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { issues } = await validateFile(bytes, { name: 'data.xlsx', now, locale: 'uk' });
    expect(suggested(issues).map(([code, , suggestions]) => [code, suggestions])).toEqual([['schema.invalid-format', ['hiv-prevalence-prisoners']]]);
    expect(issues[0]!.message).toContain('можливо, ви мали на увазі «hiv-prevalence-prisoners»?');
  });

  it('leaves validate() without the names: its bundle carries none', () => {
    const pkg = fresh();
    pkg.observations[0]!.indicator = nameOf('hiv-prevalence-prisoners', 'en');
    expect(suggested(validate(pkg, { now }).issues)).toEqual([['schema.invalid-format', '/observations/0/indicator', undefined]]);
  });
});

describe('nameCodes', () => {
  const issueOf = (value: string, field = 'indicator'): ValidationIssue =>
    ({ code: 'schema.invalid-format', severity: 'error', path: [], pointer: '', message: '', params: { zodCode: 'invalid_format', field, value, form: field === 'indicator' ? 'indicator-code' : 'code' } }) as ValidationIssue;

  it('names the indicators of the catalogue given, and leaves a value that names none as it is', () => {
    const custom = [{ ...indicatorCatalogue[0]!, code: 'my-count', name: { en: 'My own count' } }];
    const named = issueOf('my own  count');
    nameCodes(named, en, custom);
    expect(named.params).toMatchObject({ suggestions: ['my-count'] });
    expect(named.message).toMatch(/did you mean "my-count"\?$/);
    const other = issueOf('HIV prevalence among people in prison');
    nameCodes(other, en, custom);
    expect(other.params).not.toHaveProperty('suggestions');
    expect(other.message).toBe('');
    // A value cut short that starts the names of several codes names none.
    const cut = issueOf('Люди в місцях позбавлення волі, які отримують …');
    nameCodes(cut, en);
    expect(cut.params).not.toHaveProperty('suggestions');
    // A field that holds no such code.
    const elsewhere = issueOf('HIV prevalence among people in prison', 'unit');
    nameCodes(elsewhere, en);
    expect(elsewhere.params).not.toHaveProperty('suggestions');
  });
});
