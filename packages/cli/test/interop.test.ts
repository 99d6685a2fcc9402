import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportTargets, gamDhis2Template, gamReadiness } from '@phx/interop';
import { observation, phx, phxInProcess as run, PUBLISHER, tempDir, validPackage } from './helpers.js';

const example = join(import.meta.dirname, '../../../examples/data/network-meeting-2020.phx.json');
const examplePackage = JSON.parse(readFileSync(example, 'utf8')) as { observations: unknown[]; indicators: Record<string, unknown>[] };
const dir = tempDir();
const read = (path: string) => readFileSync(path, 'utf8');

describe('phx export', () => {
  it.each(exportTargets)('writes the example package as %s, the target told by the ending of -o, and names what it cannot carry', async (target) => {
    const ending = { fhir: '.fhir.json', dhis2: '.dhis2.json', 'dhis2-csv': '.dhis2.csv', 'sdmx-csv': '.sdmx.csv', 'sdmx-json': '.sdmx.json' }[target];
    const out = dir.path(`example${ending}`);
    const { code, stderr } = await run(['export', example, '-o', out]);
    expect(code).toBe(0);
    expect(read(out).length).toBeGreaterThan(100);
    // Meetings have no place in any target: a warning, never a silent drop.
    expect(stderr).toMatch(/warning {2}record-not-carried {2}.* meetings \(1 record: phx-meeting-2020-10-28\)/);
    expect(stderr).toContain(`wrote ${out}`);
    if (target === 'fhir') expect(JSON.parse(read(out))).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
    if (target === 'dhis2') {
      // The default mapping places every indicator `phx check --profile gam` counts, the prison population among them.
      expect(stderr).not.toContain('no data element for the indicator "prison-population"');
      expect((JSON.parse(read(out)) as { dataValues: { dataElement: string }[] }).dataValues.map((value) => value.dataElement)).toContain('PHX_PRISON_POPULATION');
    }
    if (target === 'sdmx-csv') {
      expect(read(out).split('\n')[0]).toMatch(/^STRUCTURE,STRUCTURE_ID,ACTION,/);
      expect(JSON.parse(read(dir.path('example.sdmx-structure.json')))).toHaveProperty('data.dataStructures');
    }
  });

  it('writes files that phx validate names as files of another system, each in one error with the command that reads it', async () => {
    const files = { fhir: 'other.fhir.json', dhis2: 'other.dhis2.json', 'dhis2-csv': 'other.dhis2.csv', 'sdmx-csv': 'other.sdmx.csv', 'sdmx-json': 'other.sdmx.json' } as const;
    for (const [target, name] of Object.entries(files)) expect((await run(['export', example, '-o', dir.path(name), '-q'])).code, target).toBe(0);
    const report = await run(['validate', '--format', 'json', ...Object.values(files).map((name) => dir.path(name)), dir.path('other.sdmx-structure.json')]);
    expect(report.code).toBe(1);
    const issues = (JSON.parse(report.stdout) as { files: { issues: { code: string; params: { format: string } }[] }[] }).files.map((file) => file.issues.map(({ code, params }) => `${code} ${params.format}`));
    expect(issues).toEqual([...Object.keys(files), 'sdmx-structure'].map((format) => [`file.other-system ${format}`]));
    const human = await run(['validate', dir.path('other.sdmx.csv')]);
    expect(human.stdout).toContain('other.sdmx.csv:A1  error    file.other-system  The file is an SDMX-CSV file, not PHX data: phx import --from sdmx-csv reads it into a PHX package');
    expect(human.stdout).toMatch(/✖ 1 error, 0 warnings/);
    expect((await run(['validate', '--locale', 'uk', dir.path('other.dhis2.json')])).stdout).toContain('Це набір значень даних DHIS2 (JSON), а не дані PHX: phx import --from dhis2 перетворює його на пакет PHX');
  });

  it('takes the target from --to whatever the name, and refuses a name that says another target', async () => {
    expect((await run(['export', example, '--to', 'sdmx-json', '-o', dir.path('any-name.json')])).code).toBe(0);
    const clash = await run(['export', example, '--to', 'sdmx-csv', '-o', dir.path('clash.fhir.json')]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('ends as a fhir file does, but --to is sdmx-csv');
    const unknown = await run(['export', example, '-o', dir.path('plain.json')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('name the target with --to');
    expect(existsSync(dir.path('clash.fhir.json')) || existsSync(dir.path('plain.json'))).toBe(false);
    // A name of another kind of file: JSON as .csv, CSV as .json, a FHIR Bundle as a PHX package.
    for (const [to, name, says] of [
      ['dhis2', 'values.csv', 'values.csv names a CSV file, but dhis2 writes JSON'],
      ['sdmx-csv', 'data.json', 'data.json names a JSON file, but sdmx-csv writes CSV'],
      ['fhir', 'bundle.phx.json', 'bundle.phx.json names a PHX package file, but fhir writes JSON'],
    ] as const) {
      const wrong = await run(['export', example, '--to', to, '-o', dir.path(name)]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain(says);
      expect(existsSync(dir.path(name))).toBe(false);
    }
  });

  it('never overwrites an input, and an existing output only with --force', async () => {
    const pkg = dir.write('own.phx.json', JSON.stringify(validPackage(), null, 2));
    const before = read(pkg);
    const input = await run(['export', pkg, '--to', 'fhir', '-o', pkg, '--force']);
    expect(input.code).toBe(2);
    expect(input.stderr).toContain('is an input of this command and is never overwritten');
    expect(read(pkg)).toBe(before);

    const out = dir.path('own.fhir.json');
    expect((await run(['export', pkg, '-o', out])).code).toBe(0);
    const written = statSync(out).mtimeMs;
    const again = await run(['export', pkg, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${out} exists already`);
    expect(again.stderr).toContain('pass --force');
    expect(statSync(out).mtimeMs).toBe(written);
    expect((await run(['export', pkg, '-o', out, '--force'])).code).toBe(0);
  });

  it('writes neither file of SDMX-CSV when its structure description would overwrite a file', async () => {
    const pkg = dir.write('sdmx.phx.json', JSON.stringify(validPackage()));
    dir.write('taken.sdmx-structure.json', '{}');
    const { code, stderr } = await run(['export', pkg, '-o', dir.path('taken.sdmx.csv')]);
    expect(code).toBe(2);
    expect(stderr).toContain('taken.sdmx-structure.json exists already');
    expect(existsSync(dir.path('taken.sdmx.csv'))).toBe(false);
    expect(read(dir.path('taken.sdmx-structure.json'))).toBe('{}');
  });

  it('refuses a package with errors: they are printed where they are, and nothing is written', async () => {
    const pkg = { ...validPackage(), observations: [observation('small', { indicator: 'prisons-people-on-oat', unit: 'count', numerator: undefined, denominator: undefined, value: 3 })] };
    const file = dir.write('small-cell.phx.json', JSON.stringify(pkg, null, 2));
    const { code, stdout, stderr } = await run(['export', file, '-o', dir.path('small-cell.fhir.json')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/small-cell\.phx\.json:\d+:\d+ {2}error {4}privacy\.small-cell/);
    expect(stderr).toContain('small-cell.fhir.json was not written');
    expect(existsSync(dir.path('small-cell.fhir.json'))).toBe(false);
  });

  it('reads a DHIS2 mapping file: its UIDs in the data values, its problems named in it, in the user’s language', async () => {
    const pkg = dir.write('oat.phx.json', JSON.stringify({ ...validPackage(), observations: [observation('oat', { indicator: 'prisons-people-on-oat', unit: 'count', numerator: undefined, denominator: undefined, value: 1450 })] }));
    const mapping = {
      orgUnits: [{ country: 'ZA', subnationalArea: 'Western Cape', orgUnit: 'ImspTQPwCqd' }],
      dataElements: [{ indicator: 'prisons-people-on-oat', dataElement: 'fbfJHSPpUQD', categoryOptionCombos: [{ disaggregation: {}, categoryOptionCombo: 'HllvX50cXC0' }] }],
    };
    const good = dir.write('mapping.json', JSON.stringify(mapping));
    expect((await run(['export', pkg, '-o', dir.path('oat.dhis2.json'), '--mapping', good])).code).toBe(0);
    expect(JSON.parse(read(dir.path('oat.dhis2.json')))).toEqual({
      dataValues: [{ dataElement: 'fbfJHSPpUQD', period: '2020', orgUnit: 'ImspTQPwCqd', categoryOptionCombo: 'HllvX50cXC0', value: '1450' }],
    });

    const bad = dir.write('bad-mapping.json', JSON.stringify({ ...mapping, orgUnits: [{ country: 'ZA', orgUnit: 'not a uid' }] }));
    const refused = await run(['export', pkg, '-o', dir.path('bad.dhis2.json'), '--mapping', bad, '--locale', 'uk']);
    expect(refused.code).toBe(1);
    // The severity in the user's language too, padded to the longer of the two words so that the codes line up.
    expect(refused.stderr).toContain(`${bad}  помилка       dhis2.mapping-not-a-uid  Файл зіставлення, /orgUnits/0/orgUnit: «not a uid» — не UID DHIS2`);
    expect(refused.stderr).toContain('bad.dhis2.json не записано');

    const broken = dir.write('broken-mapping.json', '{\n  "dataElements": [\n    {,}\n  ]\n}');
    const notJson = await run(['export', pkg, '-o', dir.path('broken.dhis2.json'), '--mapping', broken]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/broken-mapping\.json:3:\d+: /);
    expect((await run(['export', pkg, '-o', dir.path('x.fhir.json'), '--mapping', good])).code).toBe(2);
  });

  it('writes no DHIS2 file that would send nothing, as an import that reads nothing writes none, and says why', async () => {
    // The mapping has an organisation unit for no place of the example: every observation is left out.
    const mapping = dir.write('no-places.json', JSON.stringify({ ...gamDhis2Template(), countryCodesAsOrgUnits: false }));
    for (const ending of ['.dhis2.json', '.dhis2.csv']) {
      const out = dir.path(`nothing${ending}`);
      const { code, stderr } = await run(['export', example, '-o', out, '--mapping', mapping]);
      expect(code).toBe(1);
      // The error that no file is made, at the package, then the warnings that say why, then the file not written.
      const lines = stderr.trimEnd().split('\n');
      expect(lines[0]).toBe(`${example}  error    dhis2.nothing-to-send  no observation could be sent to DHIS2, so no file is made: the warnings say why`);
      expect(lines.slice(1, -1).every((line) => line.includes('  warning  '))).toBe(true);
      expect(lines.some((line) => line.includes('  warning  dhis2.unmapped-scope'))).toBe(true);
      expect(lines.at(-1)).toBe(`phx: ${out} was not written`);
      expect(existsSync(out)).toBe(false);
    }
    const ru = await run(['export', example, '-o', dir.path('nothing-ru.dhis2.json'), '--mapping', mapping, '--locale', 'ru', '-q']);
    expect(ru.code).toBe(1);
    // Quiet, and nothing written: the error, and the warnings it refers to.
    const ruLines = ru.stderr.trimEnd().split('\n');
    expect(ruLines[0]).toMatch(/^\S*network-meeting-2020\.phx\.json {2}ошибка\s+dhis2\.nothing-to-send {2}Ни одно наблюдение не передано в DHIS2, файл не создан: причины — в предупреждениях$/);
    expect(ruLines.some((line) => /предупреждение\s+dhis2\.unmapped-scope/.test(line))).toBe(true);
    expect(ruLines.at(-1)).toMatch(/^phx: \S*nothing-ru\.dhis2\.json не записан$/);
    expect(existsSync(dir.path('nothing-ru.dhis2.json'))).toBe(false);
  });

  it('prints the same columns in every language: a field a param of the message names is not printed again', async () => {
    // The code and the field column (a word without spaces before the message) of each line.
    const columns = async (locale: string) => {
      const { stderr } = await run(['export', example, '-o', dir.path(`columns-${locale}.dhis2.json`), '--locale', locale]);
      return stderr.trim().split('\n').slice(0, -1).map((line) => {
        const [, , code, next] = line.split('  ').filter(Boolean);
        return [code, next!.includes(' ') ? undefined : next];
      });
    };
    const english = await columns('en');
    // A record type the target has no place for is named by the message ("facilities", "установ"), not again as a field.
    expect(english.filter(([code]) => code === 'record-not-carried')).toEqual(Array(4).fill(['record-not-carried', undefined]));
    expect(english).toContainEqual(['dhis2.unmapped-indicator', 'observation.indicator']);
    for (const locale of ['ru', 'uk', 'fr', 'es']) expect(await columns(locale), locale).toEqual(english);
  });

  it('speaks the user’s language from --locale or LANG, and keeps quiet with --quiet', async () => {
    const ru = phx(['export', example, '-o', dir.path('ru.sdmx.json')], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.stderr).toContain('В SDMX нет места для встреч (1 запись: phx-meeting-2020-10-28)');
    expect(ru.stderr).toContain('предупреждение  record-not-carried');
    expect(ru.stderr).toMatch(/записано: .*ru\.sdmx\.json \(предупреждений: \d+ выше\)\n$/);
    const fr = await run(['export', example, '-o', dir.path('fr.sdmx.json'), '--locale', 'fr']);
    expect(fr.stderr).toContain('SDMX n’a pas de place pour les réunions (1 enregistrement : phx-meeting-2020-10-28)');
    expect(fr.stderr).toMatch(/\n\S*fr\.sdmx\.json écrit \(\d+ avertissements ci-dessus\)\n$/);
    // Nothing of the run is left in English.
    expect(fr.stderr).not.toMatch(/\b(warning|wrote|written)\b/);
    const quiet = await run(['export', example, '-o', dir.path('quiet.sdmx.json'), '--quiet']);
    expect(quiet).toMatchObject({ code: 0, stderr: '' });
  });

  it('exports a package written as a workbook or as NDJSON as it exports the .phx.json file', async () => {
    const workbook = dir.path('example.xlsx');
    const stream = dir.path('example.phx.ndjson');
    expect((await run(['convert', example, '-o', workbook])).code).toBe(0);
    expect((await run(['convert', example, '-o', stream])).code).toBe(0);
    const written = async (input: string, name: string) => {
      const { code } = await run(['export', input, '-o', dir.path(name)]);
      expect(code, input).toBe(0);
      return read(dir.path(name));
    };
    const fromJson = await written(example, 'from-json.dhis2.csv');
    expect(await written(workbook, 'from-xlsx.dhis2.csv')).toBe(fromJson);
    expect(await written(stream, 'from-ndjson.dhis2.csv')).toBe(fromJson);
    const gam = async (input: string) => JSON.parse((await run(['check', '--profile', 'gam', '--country', 'ZM', '--year', '2020', '--format', 'json', input])).stdout) as unknown;
    expect(await gam(workbook)).toEqual(await gam(example));
  });

  it('phx check says once, after the table, that the package holds nothing of the country and year asked, and what it holds', async () => {
    const other = await run(['check', '--profile', 'gam', '--country', 'PL', '--year', '2022', '--locale', 'uk', example]);
    expect(other.code).toBe(0);
    const observations = examplePackage.observations as { scope: { country: string }; period: { start: string } }[];
    const countries = [...new Set(observations.map((o) => o.scope.country))].sort().join(', ');
    const years = [...new Set(observations.map((o) => Number(o.period.start.slice(0, 4))))].sort((a, b) => a - b).join(', ');
    expect(other.stdout.trimEnd().split('\n').at(-1)).toBe(`У пакеті немає спостережень для країни PL за 2022 рік. Країни в пакеті: ${countries}; роки: ${years}`);
    const json = JSON.parse((await run(['check', '--profile', 'gam', '--country', 'PL', '--year', '2022', '--format', 'json', example])).stdout) as { held?: unknown };
    expect(json.held).toEqual({ countries: countries.split(', '), years: years.split(', ').map(Number) });
    const held = await run(['check', '--profile', 'gam', '--country', 'ZM', '--year', '2019', example]);
    expect(held.stdout).not.toContain('has no observations for');
  });

  it('says how to export a part of a package: a CSV table, an NDJSON stream without its header line', async () => {
    const csv = dir.write('observations.csv', 'id,indicator\n');
    const { code, stderr } = await run(['export', csv, '-o', dir.path('csv.fhir.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('phx export reads a whole package: a .phx.json file, a .phx.ndjson file with its header line, or a workbook with its Package sheet');
    expect(stderr).toContain(`phx convert ${csv} --header <package.phx.json> -o package.phx.json`);
    const records = dir.write('records.phx.ndjson', read(dir.path('example.phx.ndjson')).split('\n').slice(1).join('\n'));
    expect(await run(['check', '--profile', 'gam', '--country', 'ZM', '--year', '2020', records])).toMatchObject({ code: 2, stderr: expect.stringContaining('phx check reads a whole package') });
    expect(await run(['export', dir.path('missing.phx.json'), '-o', dir.path('missing.fhir.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
  });

  it('reports a workbook of a format PHX does not read (.xls, .ods) as phx validate does, for export and check alike', async () => {
    // An Excel 97–2003 workbook is a compound file; an OpenDocument spreadsheet a zip whose first entry names its type.
    const xls = dir.write('report.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(504)]));
    const ods = dir.write('report.ods', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]));
    for (const [file, format] of [[xls, /Excel 97–2003 \(\.xls\)/], [ods, /OpenDocument/]] as const) {
      const validated = await run(['validate', file, '--locale', 'uk']);
      for (const args of [['export', file, '-o', dir.path('report.fhir.json')], ['check', '--profile', 'gam', '--country', 'UA', '--year', '2020', file]]) {
        const { code, stdout, stderr } = await run([...args, '--locale', 'uk']);
        expect(code, args.join(' ')).toBe(1);
        expect(stdout).toContain(validated.stdout.split('\n').find((line) => line.includes('file.unsupported-format')));
        expect(stdout).toMatch(format);
        expect(stderr).not.toContain('phx convert');
      }
    }
    expect(existsSync(dir.path('report.fhir.json'))).toBe(false);
  });

  it('prints the warnings of the package as phx validate does, personal data in notes among them, and exports it', async () => {
    const notes = 'Олена Коваль відмовилася від тестування';
    const file = dir.write('pii.phx.json', JSON.stringify({ ...validPackage(), observations: [observation('obs-1', { notes })] }, null, 2));
    const warning = phx(['validate', file], { env: { LANG: 'uk_UA.UTF-8' } }).stdout.split('\n').find((line) => line.includes('privacy.personal-data'))!;
    expect(warning).toContain('попередження');
    const out = dir.path('pii.fhir.json');
    const exported = phx(['export', file, '-o', out], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(exported.code).toBe(0);
    // Before the file is written.
    expect(exported.stderr.indexOf(warning)).toBeGreaterThanOrEqual(0);
    expect(exported.stderr.indexOf(warning)).toBeLessThan(exported.stderr.indexOf('записано: '));
    // The count after the file is that of every warning printed above it, the package's among them.
    const printed = exported.stderr.split('\n').filter((line) => / {2}попередження {2}/.test(line)).length;
    expect(printed).toBeGreaterThan(0);
    expect(exported.stderr).toContain(`записано: ${out} (попереджень: ${printed} вище)`);
    expect(read(out)).toContain(notes);
    // A check prints its report alone on standard output, the warnings beside it.
    const checked = phx(['check', '--profile', 'gam', '--country', 'ZA', '--year', '2020', '--format', 'json', file], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ profile: 'gam' });
    expect(checked.stderr).toContain(warning);
    expect(await run(['export', file, '-o', dir.path('pii-quiet.fhir.json'), '--quiet'])).toMatchObject({ code: 0, stderr: '' });
    // As an import hears those of the package it takes records from.
    const values = dir.path('pii.sdmx.csv');
    expect((await run(['export', file, '-o', values, '-q'])).code).toBe(0);
    const imported = await run(['import', values, '-o', dir.path('pii-imported.phx.json'), '--publisher', PUBLISHER, '--license', 'CC-BY-4.0', '--with', file]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/pii\.phx\.json:\d+:\d+ {2}warning {2}privacy\.personal-data/);
    // And those of the package it writes: the notes came with the values.
    expect(imported.stderr).toMatch(/pii-imported\.phx\.json:\d+:\d+ {2}warning {2}privacy\.personal-data/);
    expect(imported.stderr.indexOf('pii-imported.phx.json:')).toBeLessThan(imported.stderr.lastIndexOf('wrote '));
  });

  it('prints the errors of a workbook it will not export, at their cells', async () => {
    const book = dir.path('no-header.xlsx');
    expect((await run(['convert', example, '-o', book])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    workbook.getWorksheet('Package')!.getCell('F3').value = null;
    await workbook.xlsx.writeFile(book);
    const { code, stdout, stderr } = await run(['export', book, '-o', dir.path('no-header.fhir.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('no-header.xlsx:Package!F3');
    expect(stderr).toContain('not written');
    expect(existsSync(dir.path('no-header.fhir.json'))).toBe(false);
  });
});

describe('phx import', () => {
  const network = ['--with', example];

  it('reads a FHIR Bundle written by phx export back into a valid package with every observation, and its indicators in every language', () => {
    const bundle = dir.path('round.fhir.json');
    expect(phx(['export', example, '-o', bundle, '-q']).code).toBe(0);
    const { code, stderr } = phx(['import', bundle, '-o', dir.path('round.phx.json')]);
    expect(code).toBe(0);
    expect(stderr).toContain(`wrote ${dir.path('round.phx.json')} (${examplePackage.observations.length} observations)`);
    expect(phx(['validate', dir.path('round.phx.json')]).code).toBe(0);
    const texts = ({ name, description, numerator, denominator }: Record<string, unknown>) => ({ name, description, numerator, denominator });
    expect((JSON.parse(read(dir.path('round.phx.json'))) as typeof examplePackage).indicators.map(texts)).toEqual(examplePackage.indicators.map(texts));
  });

  it.each([
    ['sdmx-csv', '.sdmx.csv'],
    ['dhis2', '.dhis2.json'],
    ['dhis2-csv', '.dhis2.csv'],
  ])('reads %s back with the publisher, licence and records given', async (source, ending) => {
    const data = dir.path(`back${ending}`);
    expect((await run(['export', example, '-o', data, '-q'])).code).toBe(0);
    const out = dir.path(`back-${source}.phx.json`);
    const { code } = await run(['import', data, '-o', out, '--publisher', 'PHX-ORG-0001', '--license', 'CC-BY-4.0', ...network]);
    expect(code).toBe(0);
    expect((await run(['validate', out])).code).toBe(0);
    // Named as the package of --with names the organisation.
    expect(JSON.parse(read(out))).toMatchObject({ publisher: { id: 'PHX-ORG-0001', name: 'Prison Health Exchange Network Secretariat' }, license: 'CC-BY-4.0' });
  });

  it('refuses a publisher, licence or package id the format does not take before it reads anything, naming the option', async () => {
    const data = dir.path('never-read.sdmx.csv');
    const out = dir.path('never-written.phx.json');
    const refused = await run(['import', data, '-o', out, '--publisher', 'UA EDR', '--license', 'CC-BY-4.0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('phx: --publisher: Publisher\'s identifier: "UA EDR" is not an organisation identifier');
    expect(refused.stderr).not.toContain('no such file');
    const uk = await run(['import', data, '-o', out, '--publisher', 'PHX-ORG-0001', '--license', 'CC BY 4.0', '--locale', 'uk']);
    expect(uk.code).toBe(2);
    expect(uk.stderr).toContain('phx: --license: Ліцензія: «CC BY 4.0» — не ідентифікатор ліцензії');
    expect((await run(['import', data, '-o', out, '--publisher', 'PHX-ORG-0001', '--publisher-name', '', '--license', 'CC-BY-4.0', '--id', 'a b'])).stderr).toMatch(/phx: --(id|publisher-name): /);
    expect(existsSync(out)).toBe(false);
  });

  it('needs a publisher and a licence the source does not carry, and says how to give them', async () => {
    const data = dir.path('header.sdmx.csv');
    expect((await run(['export', example, '-o', data, '-q'])).code).toBe(0);
    const { code, stderr } = await run(['import', data, '-o', dir.path('header.phx.json')]);
    expect(code).toBe(1);
    expect(stderr).toContain('import.header-missing');
    expect(stderr).toContain('--publisher');
    expect(stderr).toContain('--license');
    expect(existsSync(dir.path('header.phx.json'))).toBe(false);
  });

  it.each(['.dhis2.json', '.dhis2.csv'])('names in one run everything a DHIS2 import (%s) lacks, each with the option that gives it', async (ending) => {
    const data = dir.path(`lacking${ending}`);
    expect((await run(['export', example, '-o', data, '-q'])).code).toBe(0);
    const out = dir.path(`lacking${ending.replace(/\W/g, '-')}.phx.json`);
    const { code, stderr } = await run(['import', data, '-o', out]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n').filter((line) => line.includes('  error  '))).toEqual([
      `${data}  error    dhis2.reporter-missing  observation.reportingOrganisation  DHIS2 values do not say who reports them: give the organisation that reports and publishes them (phx import --publisher <organisation id>), or name it in the mapping ("reportingOrganisation")`,
      `${data}  error    import.header-missing  package.license  the source does not name the licence of the data: give one (phx import --license CC-BY-4.0)`,
    ]);
    expect(existsSync(out)).toBe(false);
    // The two options it names are all the import needs.
    expect((await run(['import', data, '-o', out, '--publisher', 'PHX-ORG-0001', '--license', 'CC-BY-4.0', '-q'])).stderr).not.toContain('  error  ');
    expect(existsSync(out)).toBe(true);
  });

  it('tells first why the observations of a prison are not sent to DHIS2, and the entry of the --mapping file that sends them', async () => {
    const pkg = JSON.parse(read(example)) as { observations: Record<string, unknown>[] };
    pkg.observations = [{ id: 'prison-oat', indicator: 'prisons-people-on-oat', reportingOrganisation: 'UA-EDR-38214567', scope: { country: 'UA', facility: 'ua-fac-12' }, period: { start: '2021-01-01', end: '2021-12-31' }, numerator: 40, value: 40, unit: 'count', dataSource: 'routine-programme-data' }];
    const prison = dir.write('prison.phx.json', JSON.stringify(pkg));
    const mapping = dir.write('prison-mapping.json', JSON.stringify(gamDhis2Template()));
    const { code, stderr } = await run(['export', prison, '-o', dir.path('prison.dhis2.json'), '--mapping', mapping]);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toContain('dhis2.nothing-to-send');
    expect(lines[1]).toBe(
      `${prison}  warning  dhis2.unmapped-scope  observation.scope  the mapping has no organisation unit for UA › ua-fac-12, so its observations are not sent: add {"orgUnit": "<its DHIS2 code or UID>", "country": "UA", "facility": "ua-fac-12"} to "orgUnits" in the mapping file (phx export --mapping <file.json>) (1 record: prison-oat)`,
    );
    expect(lines.slice(2).some((line) => line.includes('field-not-carried'))).toBe(true);
    const uk = await run(['export', prison, '-o', dir.path('prison-uk.dhis2.json'), '--mapping', mapping, '--locale', 'uk']);
    expect(uk.stderr.split('\n')[1]).toContain('додайте {"orgUnit": "<її код або UID у DHIS2>", "country": "UA", "facility": "ua-fac-12"} до "orgUnits" у файлі зіставлення (phx export --mapping <файл.json>)');
  });

  it('warns of a number of SDMX-CSV it cannot read, naming its column, text and row, and writes the rest', async () => {
    const exported = dir.path('spaced-source.sdmx.csv');
    expect((await run(['export', example, '-o', exported, '-q'])).code).toBe(0);
    const [head, first] = read(exported).split('\n') as [string, string];
    const columns = head.split(',');
    // The first row's numerator and denominator as Excel in a Ukrainian locale shows them.
    const cells = first.split(',').map((cell, i) => ({ NUMERATOR: '1 320', DENOMINATOR: '4\u00A0600' })[columns[i]!] ?? cell);
    const data = dir.write('spaced.sdmx.csv', `${head}\n${cells.join(',')}\n`);
    const out = dir.path('spaced.phx.json');
    const { code, stderr } = await run(['import', data, '-o', out, '--publisher', 'PHX-ORG-0001', '--license', 'CC-BY-4.0', ...network]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/spaced\.sdmx\.csv {2}warning {2}sdmx\.value-skipped {2}observation\.numerator {2}NUMERATOR "1 320" is not a number .* \(1 row: 2\)/);
    expect(stderr).toMatch(/sdmx\.value-skipped {2}observation\.denominator {2}DENOMINATOR "4\u00A0600" is not a number/);
    const [observation] = (JSON.parse(read(out)) as { observations: Record<string, unknown>[] }).observations;
    expect(observation).not.toHaveProperty('numerator');
    expect(observation).not.toHaveProperty('denominator');
    expect(observation).toHaveProperty('value');
    const uk = await run(['import', data, '-o', dir.path('spaced-uk.phx.json'), '--publisher', 'PHX-ORG-0001', '--license', 'CC-BY-4.0', ...network, '--locale', 'uk']);
    expect(uk.stderr).toMatch(/NUMERATOR «1 320» не є невід’ємним числом у записі SDMX-CSV .* \(1 рядок: 2\)/);
    expect(uk.stderr).toMatch(/записано: \S*spaced-uk\.phx\.json \(спостережень: \d+\)\n$/);
  });

  it('writes nothing when no observation can be read, and says so in the user’s language', async () => {
    const exported = dir.path('dates-source.sdmx.csv');
    expect((await run(['export', example, '-o', exported, '-q'])).code).toBe(0);
    const [head, ...rows] = read(exported).trimEnd().split('\n') as [string, ...string[]];
    const at = head.split(',').indexOf('TIME_PERIOD');
    // Every period as Excel rewrites a date it opens (31.12.2020): no row can be read.
    const data = dir.write('dates.sdmx.csv', `${head}\n${rows.map((row) => row.split(',').map((cell, i) => (i === at ? '31.12.2020' : cell)).join(',')).join('\n')}\n`);
    const out = dir.path('dates.phx.json');
    // Quiet too: the warnings say why nothing was read.
    const { code, stderr } = await run(['import', data, '-o', out, '--publisher', 'PHX-ORG-0001', '--license', 'CC-BY-4.0', ...network, '--quiet']);
    expect(code).toBe(1);
    expect(stderr).toContain('sdmx.row-skipped');
    expect(stderr).toMatch(/dates\.phx\.json was not written: no observation could be read from \S*dates\.sdmx\.csv/);
    expect(existsSync(out)).toBe(false);
    // A FHIR Bundle of resources PHX does not read.
    const bundle = dir.write('patients.fhir.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p1' } }] }));
    const uk = await run(['import', bundle, '-o', dir.path('patients.phx.json'), '--publisher', 'PHX-ORG-0001', '--license', 'CC-BY-4.0', '--locale', 'uk']);
    expect(uk.code).toBe(1);
    expect(uk.stderr).toMatch(/patients\.phx\.json не записано: з \S*patients\.fhir\.json не вдалося прочитати жодного спостереження/);
    expect(existsSync(dir.path('patients.phx.json'))).toBe(false);
  });

  it('writes a package whose references do not resolve, lists them and points to --with', async () => {
    const data = dir.path('refs.sdmx.csv');
    expect((await run(['export', example, '-o', data, '-q'])).code).toBe(0);
    const out = dir.path('refs.phx.json');
    const { code, stdout, stderr } = await run(['import', data, '-o', out, '--publisher', 'PHX-ORG-0001', '--license', 'CC-BY-4.0']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/refs\.phx\.json:\d+:\d+ {2}error {4}ref\.unknown-organisation/);
    expect(stderr).toContain('does not pass phx validate');
    expect(stderr).toContain('--with <package.phx.json>');
    expect(existsSync(out)).toBe(true);
    const fr = await run(['import', data, '-o', dir.path('refs-fr.phx.json'), '--publisher', 'PHX-ORG-0001', '--license', 'CC-BY-4.0', '--locale', 'fr']);
    expect(fr.stderr).toMatch(/refs-fr\.phx\.json écrit \(\d+ observations\), mais il ne passe pas phx validate/);
    expect(fr.stderr).toContain('conseil : sdmx-csv ne transmet ni organisations ni établissements');
  });

  it('says where text that should be JSON goes wrong, and what a file of unknown format needs', async () => {
    const broken = dir.write('broken.fhir.json', '{\n  "resourceType": "Bundle",\n  "entry": [,]\n}');
    const { code, stderr } = await run(['import', broken, '-o', dir.path('broken.phx.json'), '--locale', 'es']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/import\.invalid-json {2}el archivo no es JSON: falla en la línea 3, columna \d+/);
    const plain = dir.write('plain.json', '{}');
    expect(await run(['import', plain, '-o', dir.path('plain.phx.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('name its format with --from') });
    expect(await run(['import', plain, '--from', 'fhir', '-o', dir.path('plain.csv')])).toMatchObject({ code: 2, stderr: expect.stringContaining('phx import writes a .phx.json package') });
    expect(await run(['import', plain, '--from', 'fhir', '-o', plain])).toMatchObject({ code: 2, stderr: expect.stringContaining('never overwritten') });
  });
});

describe('phx check --profile gam', () => {
  it('prints a table of the GAM prison indicators for a country and year', async () => {
    const { code, stdout } = await run(['check', '--profile', 'gam', '--country', 'ZM', '--year', '2019', example]);
    expect(code).toBe(0);
    expect(stdout).toContain('UNAIDS GAM readiness: Zambia, 2019');
    expect(stdout).toMatch(/^hiv-prevalence-prisoners +incomplete +4 +0 +HIV prevalence among people in prison$/m);
    expect(stdout).toContain('    Missing breakdowns: Sex: Transgender; Age group: 25 and over');
    expect(stdout).toMatch(/^prisons-people-on-oat +missing +0 +0 /m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`0 complete, 1 incomplete, 0 withheld only, ${gamReadiness({ observations: [] }, { country: 'ZM', year: 2019 }).indicators.length - 1} missing`);
  });

  it('prints the report as JSON, the same as the library’s', async () => {
    const { code, stdout } = await run(['check', '--profile', 'gam', '--country', 'ua', '--year', '2020', '--format', 'json', example]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ profile: 'gam', ...gamReadiness(JSON.parse(read(example)), { country: 'UA', year: 2020 }) });
  });

  it('calls one prison’s figure of a quarter and one area’s of a month incomplete, and says why', async () => {
    const pkg = validPackage();
    const file = dir.write(
      'gam-q1-one-prison.phx.json',
      JSON.stringify({
        ...pkg,
        observations: [
          observation('q1-oat', { indicator: 'prisons-people-on-oat', scope: { country: 'ZA', facility: 'fac-1' }, period: { start: '2023-01-01', end: '2023-03-31' }, numerator: undefined, denominator: undefined, value: 12, unit: 'count', dataSource: 'routine-programme-data' }),
          observation('feb-pop', { indicator: 'prison-population', scope: { country: 'ZA', subnationalArea: 'Western Cape' }, period: { start: '2023-02-01', end: '2023-02-28' }, numerator: undefined, denominator: undefined, value: 700, unit: 'count', dataSource: 'routine-programme-data' }),
        ],
      }),
    );
    const { code, stdout } = await run(['check', '--profile', 'gam', '--country', 'ZA', '--year', '2023', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^prisons-people-on-oat +incomplete +1 +0 .*\n {4}Only figures of part of the country or year$/m);
    expect(stdout).toMatch(/^prison-population +incomplete +1 +0 .*\n {4}Only figures of part of the country or year$/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^0 complete, 2 incomplete, /);
    const ukrainian = await run(['check', '--profile', 'gam', '--country', 'ZA', '--year', '2023', file, '--locale', 'uk']);
    expect(ukrainian.stdout).toContain('    Лише дані щодо частини країни або року');
  });

  it('speaks the user’s language', async () => {
    const { stdout } = await run(['check', '--profile', 'gam', '--country', 'UA', '--year', '2020', example, '--locale', 'uk']);
    expect(stdout).toContain('Готовність до звіту UNAIDS GAM: Україна, 2020');
    expect(stdout).toMatch(/^prisons-people-on-oat +повний +1 +0 /m);
  });

  it.each([
    [['--country', 'UA', '--year', '2023'], 'phx: name the profile: --profile gam\n'],
    [['--profile', 'who', '--country', 'UA', '--year', '2023'], '--profile must be one of gam (got "who")'],
    [['--profile', 'gam', '--year', '2023'], 'phx: name the country: --country UA\n'],
    [['--country', 'UA'], 'phx: name the profile and the year: --profile gam --year 2023\n'],
    [['--profile', 'gam', '--country', 'UK', '--year', '2023'], 'or name (got "UK")\nhint: use --country GB'],
    [['--profile', 'gam', '--country', 'Замбия', '--year', '23'], '--year must be a year such as 2023 (got "23")'],
    [['--profile', 'gam', '--country', 'UA', '--year', '23'], '--year must be a year such as 2023 (got "23")'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const { code, stderr } = await run(['check', ...args, example]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('refuses a package with errors', async () => {
    const file = dir.write('broken-package.phx.json', JSON.stringify({ ...validPackage(), license: undefined }));
    const { code, stderr } = await run(['check', '--profile', 'gam', '--country', 'ZA', '--year', '2020', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('not checked');
  });
});

describe('docs/interop.md', () => {
  const work = tempDir();

  it('its commands run on its sample package as they are written', () => {
    const doc = read(join(import.meta.dirname, '../../../docs/interop.md'));
    const block = (heading: string, lang: string) => new RegExp(`## ${heading}\\n[\\s\\S]*?\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(doc)![1]!;
    work.write('ua-2023.phx.json', block('The sample package', 'json'));
    work.write('dhis2-mapping.json', JSON.stringify(gamDhis2Template()));
    const commands = block('From the command line', 'sh').trim().split('\n');
    expect(commands.length).toBeGreaterThan(4);
    for (const command of commands) {
      const [name, ...args] = command.replace(/\s+#.*$/, '').split(/\s+/);
      expect(name).toBe('phx');
      const { code, stderr } = phx(args, { cwd: work.path('.') });
      expect(code, `${command}\n${stderr}`).toBe(0);
    }
    expect(existsSync(work.path('ua-2023.sdmx-structure.json'))).toBe(true);
  });
});
