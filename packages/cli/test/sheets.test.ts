import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { fillObservations, guideObservations } from '../../../test/corpus/filled-template.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { observation, phx, phxInProcess, tempDir, validPackage, PUBLISHER } from './helpers.js';

const dir = tempDir();
const read = (path: string): string => readFileSync(path, 'utf8');

describe('phx convert never loses what the user gave it', () => {
  const pkg = validPackage();
  const original = `${JSON.stringify(pkg, null, 2)}\n`;
  const json = dir.write('package.phx.json', original);
  const csv = dir.write('observations.csv', `id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource\nobs-9,hiv-prevalence-prisoners,${PUBLISHER},ZA,2020-01-01,2020-12-31,60,1000,6,percent,survey\n`);

  it('refuses to write over an input, however it is named', async () => {
    symlinkSync(json, dir.path('link.phx.json'));
    for (const out of [json, dir.path('link.phx.json'), `${dir.path('')}/./package.phx.json`]) {
      const { code, stderr } = await phxInProcess(['convert', csv, json, '-o', out, '--force']);
      expect(code, out).toBe(2);
      expect(stderr).toContain('is an input of this command and is never overwritten');
    }
    expect(read(json)).toBe(original);
  });

  it('refuses to write over the header file, as docs once suggested (observations.csv -o package.phx.json --header package.phx.json)', async () => {
    const { code, stderr } = await phxInProcess(['convert', csv, '-o', json, '--header', json]);
    expect(code).toBe(2);
    expect(stderr).toContain('is an input of this command');
    expect(read(json)).toBe(original);
  });

  it('refuses a file given both as an input and as --header, however it is named, as it refuses another header', async () => {
    const out = dir.path('both.phx.json');
    symlinkSync(json, dir.path('header-link.phx.json'));
    for (const header of [json, `${dir.path('')}/./package.phx.json`, dir.path('header-link.phx.json')]) {
      const { code, stdout, stderr } = await phxInProcess(['convert', json, csv, '--header', header, '-o', out]);
      expect(code, header).toBe(2);
      expect(stdout, header).toBe('');
      expect(stderr, header).toBe(`phx: ${json} has a package header already, so --header ${header} would replace it\nhint: leave out --header\n`);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to overwrite an existing output without --force', async () => {
    const existing = dir.write('existing.phx.ndjson', 'keep me\n');
    const { code, stderr } = await phxInProcess(['convert', json, '-o', existing]);
    expect(code).toBe(2);
    expect(stderr).toContain('exists already');
    expect(read(existing)).toBe('keep me\n');
    expect((await phxInProcess(['convert', json, '-o', existing, '--force'])).code).toBe(0);
    expect(read(existing).split('\n')[0]).toContain('"type":"package"');
  });

  it('leaves an existing output as it was when the package would be invalid, --force or not', async () => {
    const existing = dir.write('kept.phx.ndjson', 'keep me too\n');
    const broken = dir.write('broken.phx.json', JSON.stringify({ ...pkg, observations: [observation('obs-1', { numerator: 2000 })] }));
    const { code, stdout } = await phxInProcess(['convert', broken, '-o', existing, '--force']);
    expect(code).toBe(1);
    expect(stdout).toContain('arith.numerator-exceeds-denominator');
    expect(read(existing)).toBe('keep me too\n');
  });

  it('refuses options it cannot use for these inputs, rather than ignore them', async () => {
    const ndjson = dir.path('package.phx.ndjson');
    expect((await phxInProcess(['convert', json, '-o', ndjson])).code).toBe(0);
    const cases: [string[], string][] = [
      [['convert', ndjson, '-o', dir.path('a.phx.json'), '--header', json], 'has a package header already, so --header'],
      [['convert', csv, '-o', dir.path('a.csv'), '--header', json], '--header has nothing to do with a CSV output'],
      [['convert', json, '-o', dir.path('a.phx.ndjson'), '--bom'], '--bom only applies to a CSV output'],
      [['convert', json, '-o', dir.path('a.phx.ndjson'), '--delimiter', ';'], '--delimiter only applies to CSV'],
      [['convert', json, '-o', dir.path('a.phx.ndjson'), '--date-order', 'day-month'], '--date-order only applies to CSV and .xlsx inputs'],
      [['convert', json, '-o', dir.path('a.phx.ndjson'), '--type', 'facility'], '--type only applies to CSV'],
      [['convert', json, ndjson, '-o', dir.path('a.xlsx')], 'each give a package header'],
      [['convert', csv, '-o', dir.path('a.phx.json'), '--header', dir.write('sheet.csv', read(csv))], 'the file holds no package header'],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await phxInProcess(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain(message);
    }
    expect(existsSync(dir.path('a.phx.json')) || existsSync(dir.path('a.csv')) || existsSync(dir.path('a.xlsx'))).toBe(false);
  });

  it('builds one package from a header file, a facilities sheet and an observations sheet, checking references across them', async () => {
    const { organisations, facilities: _f, observations: _o, ...header } = pkg as Record<string, unknown>;
    const headerFile = dir.write('header.phx.json', JSON.stringify({ ...header, organisations }));
    const facilities = dir.write('facilities.csv', 'id;country;facilityType;capacity\nfac-1;ZA;prison;1 200\n');
    const observations = dir.write('obs.csv', `id;indicator;reportingOrganisation;scope.country;scope.facility;period.start;period.end;numerator;denominator;value;unit;dataSource\nobs-1;hiv-prevalence-prisoners;${PUBLISHER};ZA;fac-1;01.01.2020;31.12.2020;120;1000;12;percent;survey\nobs-2;hiv-prevalence-prisoners;${PUBLISHER};ZA;fac-2;01.01.2020;31.12.2020;120;1000;12;percent;survey\n`);
    const out = dir.path('built.phx.json');
    const failed = await phxInProcess(['convert', headerFile, facilities, observations, '-o', out]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`${observations}:E3  error    ref.unknown-facility`);
    expect(existsSync(out)).toBe(false);

    dir.write('obs.csv', read(observations).replace(/obs-2(.*)fac-2;01\.01\.2020;31\.12\.2020/, 'obs-3$1fac-1;01.01.2021;31.12.2021'));
    const run = await phxInProcess(['convert', headerFile, facilities, observations, '-o', out]);
    expect(run.code, run.stdout).toBe(0);
    const built = JSON.parse(read(out)) as Record<string, unknown[]>;
    expect(built.facilities).toEqual([{ id: 'fac-1', country: 'ZA', facilityType: 'prison', capacity: 1200 }]);
    expect(built.observations).toHaveLength(2);
    expect(built).toMatchObject(header);
    expect((await phxInProcess(['validate', out])).code).toBe(0);
  });
});

describe('.xlsx in the CLI', () => {
  const pkg = validPackage();
  const json = dir.write('wb.phx.json', JSON.stringify(pkg));

  it('JSON → xlsx → JSON is deep-equal, header included; the workbook validates', async () => {
    const xlsx = dir.path('wb.xlsx');
    expect((await phxInProcess(['convert', json, '-o', xlsx, '--locale', 'uk'])).code).toBe(0);
    expect((await phxInProcess(['validate', xlsx])).code).toBe(0);
    expect((await phxInProcess(['convert', xlsx, '-o', dir.path('wb-back.phx.json')])).code).toBe(0);
    expect(JSON.parse(read(dir.path('wb-back.phx.json')))).toEqual(pkg);
  });

  it('JSON → xlsx writes the columns of `phx template`, empty ones too, and dates as the locale shows them; xlsx → JSON gives the package back', async () => {
    const example = new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url).pathname;
    const given = JSON.parse(read(example)) as Record<string, unknown>;
    const row = (sheet: ExcelJS.Worksheet, at: number): string[] => Array.from({ length: sheet.columnCount }, (_, i) => String(sheet.getCell(at, i + 1).value ?? ''));
    for (const [locale, dateFormat] of [['uk', 'dd.mm.yyyy'], ['en', 'yyyy-mm-dd']] as const) {
      const [xlsx, template, back] = [dir.path(`trip-${locale}.xlsx`), dir.path(`trip-template-${locale}.xlsx`), dir.path(`trip-${locale}.phx.json`)];
      expect((await phxInProcess(['convert', example, '-o', xlsx, '--locale', locale])).code).toBe(0);
      expect((await phxInProcess(['template', '-o', template, '--locale', locale])).code).toBe(0);
      const [written, empty] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
      await written.xlsx.readFile(xlsx);
      await empty.xlsx.readFile(template);
      for (const name of ['Package', 'organisations', 'facilities', 'observations']) {
        const [sheet, templateSheet] = [written.getWorksheet(name)!, empty.getWorksheet(name)!];
        const width = templateSheet.columnCount;
        expect([row(sheet, 1).slice(0, width), row(sheet, 2).slice(0, width)], `${locale} ${name}`).toEqual([row(templateSheet, 1), row(templateSheet, 2)]);
      }
      const observations = written.getWorksheet('observations')!;
      expect(row(observations, 2)).toEqual(expect.arrayContaining(['disaggregation.ageGroup', 'disaggregation.population', 'scope.subnationalArea', 'methodNote']));
      const start = observations.getCell(3, row(observations, 2).indexOf('period.start') + 1);
      expect([start.value instanceof Date, start.numFmt], locale).toEqual([true, dateFormat]);
      expect((await phxInProcess(['convert', xlsx, '-o', back, '--locale', locale])).code).toBe(0);
      expect(JSON.parse(read(back)), locale).toEqual(given);
    }
  });

  it('JSON → xlsx → JSON keeps each list as it is — absent, empty or of records — and adds none', async () => {
    const { organisations, facilities, observations, ...head } = validPackage() as Record<string, Record<string, unknown>[]>;
    const lists = { organisations, facilities, indicators: [], observations, meetings: [] };
    const given = fc.record(Object.fromEntries(Object.entries(lists).map(([collection, records]) => [collection, fc.constantFrom([], records)])), { requiredKeys: [] });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(given, async (chosen) => {
        run++;
        const pkg = { ...head, ...chosen };
        const [json, xlsx, back] = [dir.write(`lists-${run}.phx.json`, JSON.stringify(pkg)), dir.path(`lists-${run}.xlsx`), dir.path(`lists-${run}-back.phx.json`)];
        // Observations without their organisation make an invalid package: written all the same, the lists are asked for.
        expect((await phxInProcess(['convert', json, '-o', xlsx, '--allow-invalid'])).code).not.toBe(2);
        expect((await phxInProcess(['convert', xlsx, '-o', back, '--allow-invalid'])).code).not.toBe(2);
        expect(JSON.parse(read(back))).toStrictEqual(pkg);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('writes no CSV of a record type the package holds an empty list of, which a CSV cannot carry', async () => {
    const json = dir.write('no-meetings.phx.json', JSON.stringify({ ...validPackage(), meetings: [] }));
    const { code, stderr } = await phxInProcess(['convert', json, '-o', dir.path('meetings.csv'), '--type', 'meeting']);
    expect({ code, stderr }).toEqual({ code: 1, stderr: 'phx: no meeting records to write as CSV\n' });
    expect(existsSync(dir.path('meetings.csv'))).toBe(false);
    // Its header alone, the file would be no list of no records but a sheet saved empty by mistake.
    const headerOnly = dir.write('headers-only.csv', 'id,title.en,start,end,format,organiser\n');
    expect(await phxInProcess(['convert', headerOnly, '-o', dir.path('headers-only.phx.json')])).toMatchObject({ code: 1, stdout: expect.stringContaining('csv.no-rows') });
  });

  it('locates issues at sheet, row and A1 cell in human, JSON and SARIF output', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(dir.path('wb.xlsx'));
    const sheet = workbook.getWorksheet('observations')!;
    const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    const column = paths.indexOf('numerator') + 1;
    sheet.getCell(4, column).value = 2000;
    const bad = dir.path('bad.xlsx');
    await workbook.xlsx.writeFile(bad);
    const letter = String.fromCharCode(64 + column);
    const human = await phxInProcess(['validate', bad]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(`observations, row 4`);
    // An issue of a whole sheet is listed under that sheet, not under the package header.
    workbook.addWorksheet('Чернетка').addRow(['Some', 'notes']);
    const notes = dir.path('notes.xlsx');
    await workbook.xlsx.writeFile(notes);
    expect((await phxInProcess(['validate', notes])).stdout).toContain(`  sheet "Чернетка"\n    ${notes}  error    sheet.unknown-sheet /Чернетка`);
    expect((await phxInProcess(['validate', notes, '--locale', 'uk'])).stdout).toContain('  аркуш «Чернетка»\n');
    expect(human.stdout).toContain(`${bad}:observations!${letter}4  error    arith.numerator-exceeds-denominator`);
    const report = JSON.parse((await phxInProcess(['validate', bad, '--format', 'json'])).stdout) as { files: { format: string; issues: { location: unknown }[] }[] };
    expect(report.files[0]!.format).toBe('xlsx');
    expect(report.files[0]!.issues[0]!.location).toEqual({ sheet: 'observations', row: 4, column, cell: `${letter}4` });
    const sarif = JSON.parse((await phxInProcess(['validate', bad, '--format', 'sarif'])).stdout) as { runs: { results: { locations: { physicalLocation: { region: unknown }; logicalLocations: unknown[] }[] }[] }[] };
    const [location] = sarif.runs[0]!.results[0]!.locations;
    // A workbook is no text to place a region in: its cell is a logical place.
    expect(location!.physicalLocation).not.toHaveProperty('region');
    expect(location!.logicalLocations).toContainEqual({ name: `${letter}4`, fullyQualifiedName: `observations!${letter}4`, kind: 'element' });
  });

  it('phx template --locale uk writes a workbook with the facilities given, which a script fills and phx validates', async () => {
    const facilities = dir.write('our-facilities.csv', 'id,name,country,facilityType\nua-kyiv-sizo,Київський СІЗО,UA,pre-trial-detention\nua-lviv-19,Львівська колонія № 19,UA,prison\n');
    const report = dir.path('report.xlsx');
    const written = await phxInProcess(['template', '--locale', 'uk', '-o', report, '--facilities', facilities]);
    expect(written.code).toBe(0);
    expect(written.stderr).toBe(`записано: ${report}; заповніть книгу, потім запустіть \`phx validate ${report}\`\n`);
    expect((await phxInProcess(['template', '--locale', 'uk', '-o', report])).code).toBe(2);
    // A file without a package header as --header (a CSV of facilities) is a usage error: the Package sheet would be empty.
    const noHeader = await phxInProcess(['template', '-o', dir.path('no-header.xlsx'), '--header', facilities]);
    expect(noHeader.code).toBe(2);
    expect(noHeader.stderr).toContain('the file holds no package header');
    expect(existsSync(dir.path('no-header.xlsx'))).toBe(false);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report);
    const fill = (name: string, row: number, values: Record<string, ExcelJS.CellValue>): void => {
      const sheet = workbook.getWorksheet(name)!;
      if (name !== 'Package') expect(sheet.getCell(1, 1).value).toBe('Ідентифікатор');
      const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
      for (const [path, value] of Object.entries(values)) sheet.getCell(row, paths.indexOf(path) + 1).value = value;
    };
    const facility = workbook.getWorksheet('observations')!;
    const facilityColumn = ((facility.getRow(2).values as unknown[]).slice(1) as string[]).indexOf('scope.facility') + 1;
    expect(facility.getCell(3, facilityColumn).dataValidation.formulae).toHaveLength(1);
    fill('Package', 3, { id: 'ua-2023', 'publisher.id': 'UA-EDR-21514560', 'publisher.name': 'Мережа', license: 'CC-BY-4.0', publishedAt: '2024-02-01T10:00:00Z' });
    fill('organisations', 3, { id: 'UA-EDR-21514560', 'name.uk': 'Мережа', organisationType: 'ngo', 'countries.0': 'UA' });
    fill('observations', 3, {
      id: 'obs-1', indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'UA-EDR-21514560', 'scope.country': 'UA', 'scope.facility': 'ua-kyiv-sizo',
      'period.start': '01.01.2023', 'period.end': '31.12.2023', numerator: 96, denominator: '2 140', value: '4,5%', unit: 'percent', dataSource: 'survey',
    });
    await workbook.xlsx.writeFile(report);
    const { code, stdout } = await phxInProcess(['validate', report, '--fail-on', 'warning']);
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/observations!G2 {2}note {5}sheet.normalised \/period\/start {2}/);
  });

  it('phx template --facilities --header writes the facilities and the organisations it offers, so that the filled workbook validates and converts on its own', async () => {
    const facilities = dir.write('offered-facilities.csv', '\uFEFFid;name;country;facilityType;capacity\nua-kyiv-sizo;Київський СІЗО;UA;pre-trial-detention;2 800\nua-lviv-19;Львівська колонія № 19;UA;prison;1 050\n');
    const partner = { id: 'UA-EDR-00034061', name: { en: 'Health Care Centre', uk: 'Центр охорони здоров’я' }, organisationType: 'government', countries: ['UA'] };
    const headerPackage = {
      phxVersion: '1.0', id: 'ua-2023', publisher: { id: 'UA-EDR-21514560', name: 'Мережа' }, license: 'CC-BY-4.0', publishedAt: '2024-02-01T10:00:00Z',
      organisations: [{ id: 'UA-EDR-21514560', name: { en: 'Prison Health Network Ukraine' }, organisationType: 'ngo', countries: ['UA'] }, partner],
      observations: [{ ...observation('obs-old'), reportingOrganisation: 'UA-EDR-21514560', scope: { country: 'UA' } }],
    };
    const header = dir.write('offered-header.phx.json', JSON.stringify(headerPackage));
    const template = dir.path('offered.xlsx');
    const written = await phxInProcess(['template', '--locale', 'uk', '-o', template, '--facilities', facilities, '--header', header]);
    expect(written.code, written.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    // The records the header refers to are there; the header package's own observations are not.
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Package', 'organisations', 'facilities', 'observations', 'Codelists']);
    const sheet = workbook.getWorksheet('observations')!;
    const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    expect(sheet.getRow(3).hasValues).toBe(false);
    const values = {
      id: 'obs-1', indicator: 'hiv-prevalence-prisoners', reportingOrganisation: partner.id, 'scope.country': 'UA', 'scope.facility': 'ua-kyiv-sizo',
      'period.start': '01.01.2023', 'period.end': '31.12.2023', numerator: 96, denominator: '2 140', value: '4,5%', unit: 'percent', dataSource: 'survey',
    };
    for (const [path, value] of Object.entries(values)) sheet.getCell(3, paths.indexOf(path) + 1).value = value;
    const filled = dir.path('offered-filled.xlsx');
    await workbook.xlsx.writeFile(filled);

    const validated = await phxInProcess(['validate', filled, '--fail-on', 'warning']);
    expect(validated.code, validated.stdout).toBe(0);
    const out = dir.path('offered.phx.json');
    const converted = await phxInProcess(['convert', filled, '-o', out]);
    expect(converted.code, converted.stdout).toBe(0);
    const pkg = JSON.parse(read(out)) as Record<string, { id: string }[]>;
    expect(pkg.organisations!.map(({ id }) => id)).toEqual(['UA-EDR-21514560', partner.id]);
    expect(pkg.organisations![1]).toEqual(partner);
    expect(pkg.facilities).toEqual([
      { id: 'ua-kyiv-sizo', name: 'Київський СІЗО', country: 'UA', facilityType: 'pre-trial-detention', capacity: 2800 },
      { id: 'ua-lviv-19', name: 'Львівська колонія № 19', country: 'UA', facilityType: 'prison', capacity: 1050 },
    ]);
    expect(pkg.observations!.map(({ id }) => id)).toEqual(['obs-1']);

    // The facilities file given again beside the workbook, as before the workbook held them: each facility is taken once.
    const again = dir.path('offered-again.phx.json');
    const both = await phxInProcess(['convert', filled, facilities, '-o', again]);
    expect(both.code, both.stdout).toBe(0);
    expect(both.stdout).not.toContain('unique.duplicate-id');
    expect(JSON.parse(read(again))).toEqual(pkg);

    // A facility changed in the workbook is no longer the one of the file: two facilities of one id, reported.
    const facilitiesSheet = workbook.getWorksheet('facilities')!;
    const capacity = ((facilitiesSheet.getRow(2).values as unknown[]).slice(1) as string[]).indexOf('capacity') + 1;
    facilitiesSheet.getCell(3, capacity).value = 2900;
    const changed = dir.path('offered-changed.xlsx');
    await workbook.xlsx.writeFile(changed);
    expect((await phxInProcess(['convert', changed, '-o', dir.path('offered-changed.phx.json')])).code).toBe(0);
    const conflict = await phxInProcess(['convert', changed, facilities, '-o', dir.path('offered-conflict.phx.json')]);
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toContain('unique.duplicate-id');
    expect(existsSync(dir.path('offered-conflict.phx.json'))).toBe(false);
  }, 60_000);

  it('validates and converts a filled template whose field path under «Знаменник» was cleared, or with a column of one\'s own, each told once', async () => {
    const template = dir.path('row-2.xlsx');
    expect((await phxInProcess(['template', '--locale', 'uk', '-o', template, '--header', new URL('../../../examples/data/spreadsheet/header.phx.json', import.meta.url).pathname])).code).toBe(0);
    const rows = guideObservations;
    /** The template filled in and edited by `edit`, written as `name`. */
    const filled = async (name: string, edit: (sheet: ExcelJS.Worksheet, column: (path: string) => number) => void): Promise<string> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(template);
      const column = fillObservations(workbook, rows);
      edit(workbook.getWorksheet('observations')!, column);
      const file = dir.path(name);
      await workbook.xlsx.writeFile(file);
      return file;
    };
    const cleared = await filled('row-2-cleared.xlsx', (sheet, column) => {
      sheet.getCell(2, column('denominator')).value = null;
    });
    const own = await filled('row-2-own-column.xlsx', (sheet) => {
      sheet.getCell(1, 23).value = 'Коментар';
      sheet.getCell(3, 23).value = 'перевірено';
      sheet.getCell(5, 23).value = 'дані з лабораторії';
    });
    const validated = await phxInProcess(['validate', cleared, own, '--locale', 'uk']);
    expect(validated.code, validated.stdout).toBe(0);
    expect(validated.stdout).toBe([
      cleared,
      '  observations, рядок 2',
      `    ${cleared}:observations!M2  попередження  sheet.column-path-missing /denominator  У рядку 2 немає шляху поля для стовпця M («Знаменник»), тому його прочитано як «denominator» — поле, яке називає його заголовок: введіть «denominator» у клітинку M2 або скопіюйте рядок 2 з нового шаблону`,
      '',
      own,
      '  observations, рядок 1',
      `    ${own}:observations!W1  попередження  sheet.column-not-read  Стовпець W («Коментар») — не поле PHX, тому його клітинки не потрапляють у дані: щоб зберегти їх, перенесіть їх у стовпець V («Примітки»); інакше видаліть стовпець`,
      '',
      '✔ усі файли пройшли перевірку (файлів: 2; записів: 8; попереджень: 2)',
      '',
    ].join('\n'));
    expect((await phxInProcess(['validate', cleared, '--fail-on', 'warning'])).code).toBe(1);
    for (const [input, out] of [[cleared, 'row-2-cleared.phx.json'], [own, 'row-2-own-column.phx.json']] as const) {
      const converted = await phxInProcess(['convert', input, '-o', dir.path(out)]);
      expect(converted.code, converted.stdout).toBe(0);
      const observations = (JSON.parse(read(dir.path(out))) as { observations: Record<string, unknown>[] }).observations;
      expect(observations.map((record) => [record.id, record.denominator])).toEqual(rows.map((row) => [row.id, row.denominator]));
      expect(JSON.stringify(observations)).not.toContain('перевірено');
    }
  }, 60_000);

  it('converts no hidden sheet and says so; reports a year typed in a date cell and an Excel error at their cells, and writes nothing then', async () => {
    const xlsx = dir.path('sheets-kept.xlsx');
    expect((await phxInProcess(['convert', json, '-o', xlsx])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const observations = workbook.getWorksheet('observations')!;
    const paths = (observations.getRow(2).values as unknown[]).slice(1) as string[];
    // Last year's rows on a hidden sheet, never meant to be sent: a name and a date of birth among them.
    const draft = workbook.addWorksheet('чернетка, не надсилати', { state: 'hidden' });
    draft.addRow(paths);
    draft.addRow(paths.map((path) => (path === 'id' ? 'obs-draft' : path === 'notes' ? 'Іваненко І.І., 1985 р.н.' : observations.getCell(3, paths.indexOf(path) + 1).value)));
    await workbook.xlsx.writeFile(xlsx);
    const out = dir.path('sheets-kept.phx.json');
    const converted = await phxInProcess(['convert', xlsx, '-o', out]);
    expect(converted.code, converted.stdout).toBe(0);
    expect(converted.stdout).toContain('warning  sheet.hidden-skipped /чернетка, не надсилати  Sheet "чернетка, не надсилати" is hidden, so it was not read');
    expect(read(out)).not.toContain('obs-draft');
    expect(JSON.parse(read(out))).toEqual(pkg);
    // A year typed alone in the date-formatted period.start (Excel keeps day 2024, shown as 16.07.1905), an error in a note.
    const start = paths.indexOf('period.start') + 1;
    observations.getCell(3, start).value = 2024;
    observations.getCell(3, start).numFmt = 'dd.mm.yyyy';
    const notes = paths.indexOf('notes') + 1;
    observations.getCell(3, notes).value = { formula: 'VLOOKUP(A3,Sheet2!A:B,2,0)', result: { error: '#N/A' } };
    await workbook.xlsx.writeFile(xlsx);
    const letter = (column: number): string => String.fromCharCode(64 + column);
    const validated = await phxInProcess(['validate', xlsx]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(`observations!${letter(start)}3  error    schema.invalid-format /observations/0/period/start  Start of the period: "2024" is not a date written year-month-day`);
    expect(validated.stdout).toContain(`observations!${letter(notes)}3  error    sheet.error-cell /observations/0/notes  The cell holds the Excel error #N/A rather than a value`);
    const refused = await phxInProcess(['convert', xlsx, '-o', dir.path('sheets-refused.phx.json')]);
    expect(refused.code).toBe(1);
    expect(existsSync(dir.path('sheets-refused.phx.json'))).toBe(false);
  });

  it('converts a number as Excel shows it, to 15 significant digits, and a date cell in a note as its date', async () => {
    const xlsx = dir.path('as-shown.xlsx');
    expect((await phxInProcess(['convert', json, '-o', xlsx])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const observations = workbook.getWorksheet('observations')!;
    const paths = (observations.getRow(2).values as unknown[]).slice(1) as string[];
    // A count by a formula, kept as 120.00000000000001 and shown by Excel as 120; `12.03` typed in a note, made a date by Excel.
    const numerator = observations.getCell(3, paths.indexOf('numerator') + 1);
    numerator.value = { formula: '0.1*3*400', result: 0.1 * 3 * 400 };
    expect(numerator.result).toBe(120.00000000000001);
    const notes = paths.indexOf('notes') + 1;
    observations.getCell(3, notes).value = new Date(Date.UTC(2020, 2, 12));
    observations.getCell(3, notes).numFmt = 'dd.mm.yyyy';
    await workbook.xlsx.writeFile(xlsx);
    expect((await phxInProcess(['validate', xlsx, '--fail-on', 'warning'])).code).toBe(0);
    const out = dir.path('as-shown.phx.json');
    const converted = await phxInProcess(['convert', xlsx, '-o', out]);
    expect(converted.code, converted.stdout).toBe(0);
    const back = JSON.parse(read(out)) as { observations: Record<string, unknown>[] };
    expect(back.observations[0]).toEqual({ ...(pkg.observations as Record<string, unknown>[])[0], notes: '2020-03-12' });
  });

  it('converts a CSV table to a workbook whose Package sheet has the header\'s fields to fill in, as phx template writes them', async () => {
    const csv = dir.write('no-header.csv', `\uFEFFid;indicator;reportingOrganisation;scope.country;period.start;period.end;numerator;denominator;value;unit;dataSource\nobs-1;hiv-prevalence-prisoners;${PUBLISHER};ZA;01.01.2020;31.12.2020;120;1 000;12;percent;survey\n`);
    const xlsx = dir.path('no-header.xlsx');
    const converted = await phxInProcess(['convert', csv, '-o', xlsx, '--allow-invalid']);
    expect(converted.code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('Package')!;
    const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    expect(paths).toEqual(['phxVersion', 'id', 'publisher.id', 'publisher.name', 'license', 'publishedAt', 'description.en']);
    expect(sheet.getRow(3).hasValues).toBe(false);
    const header = { phxVersion: '1.0', id: 'pkg-2020', 'publisher.id': PUBLISHER, 'publisher.name': 'Prison Health Network South Africa', license: 'CC-BY-4.0', publishedAt: '2021-03-01T10:00:00+02:00' };
    for (const [path, value] of Object.entries(header)) sheet.getCell(3, paths.indexOf(path) + 1).value = value;
    // The records name an organisation the CSV held no record of: the workbook has a sheet to add it on.
    const organisations = workbook.getWorksheet('organisations')!;
    const organisationPaths = (organisations.getRow(2).values as unknown[]).slice(1) as string[];
    expect(organisations.getRow(3).hasValues).toBe(false);
    const organisation = { id: PUBLISHER, 'name.en': 'Prison Health Network South Africa', organisationType: 'ngo', 'countries.0': 'ZA' };
    for (const [path, value] of Object.entries(organisation)) organisations.getCell(3, organisationPaths.indexOf(path) + 1).value = value;
    await workbook.xlsx.writeFile(xlsx);
    // Filled in there, the header and the publisher's organisation make the package whole.
    const validated = await phxInProcess(['validate', xlsx, '--fail-on', 'warning']);
    expect(validated.code, validated.stdout).toBe(0);
  });

  it('converts a row filtered out in Excel all the same, as Excel writes it to CSV, and says so in a warning', async () => {
    const xlsx = dir.path('filtered.xlsx');
    expect((await phxInProcess(['convert', json, '-o', xlsx])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const observations = workbook.getWorksheet('observations')!;
    observations.getRow(3).hidden = true;
    await workbook.xlsx.writeFile(xlsx);
    const out = dir.path('filtered.phx.json');
    const converted = await phxInProcess(['convert', xlsx, '-o', out]);
    expect(converted.code, converted.stdout).toBe(0);
    expect(converted.stdout).toContain('observations!A3  warning  sheet.hidden-read /observations  On sheet "observations", row 3 is hidden in Excel but was read all the same');
    expect(JSON.parse(read(out))).toEqual(pkg);
    expect((await phxInProcess(['validate', xlsx, '--fail-on', 'warning'])).code).toBe(1);
  });
});

describe('CSV for Excel in a locale', () => {
  const pkg = validPackage();
  (pkg.observations as Record<string, unknown>[])[0] = observation('obs-1', { numerator: 125, value: 12.5 });
  const json = dir.write('locale.phx.json', JSON.stringify(pkg));

  it.each([
    ['en', ',', '12.5', '2020-01-01'],
    ['ru', ';', '12,5', '01.01.2020'],
    ['uk', ';', '12,5', '01.01.2020'],
    ['fr', ';', '12,5', '01/01/2020'],
    ['es', ';', '12,5', '01/01/2020'],
  ])('--locale %s writes what that Excel opens (separator %s, %s, %s, a byte order mark), and the package comes back unchanged from its sheets', async (locale, delimiter, decimal, date) => {
    const sheets: string[] = [];
    for (const type of ['organisation', 'facility', 'observation']) {
      const out = dir.path(`${type}-${locale}.csv`);
      expect((await phxInProcess(['convert', json, '-o', out, '--type', type, '--locale', locale])).code).toBe(0);
      sheets.push(out);
    }
    const text = read(sheets[2]!);
    expect(text.startsWith(`\uFEFFid${delimiter}indicator${delimiter}`)).toBe(true);
    const first = text.split('\r\n')[1]!.split(delimiter);
    expect(first).toContain(decimal);
    expect(first).toContain(date);
    const back = dir.path(`back-${locale}.phx.json`);
    const run = await phxInProcess(['convert', ...sheets, '--header', json, '-o', back, '--locale', locale]);
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(read(back))).toEqual(pkg);
  });

  it('names a column of a sheet in Ukrainian as the sheet heads it, and a flag by the words the sheet takes, with a hint for <5, 1 and x', async () => {
    const sheet = dir.write('headed-uk.csv', [
      '\uFEFFІдентифікатор;Індикатор;Організація, що звітує;Охоплення › Країна;Період › початок;Період › кінець;Чисельник;Знаменник;Значення;Одиниця;Джерело даних;Приховано',
      `ua-1;hiv-prevalence-prisoners;${PUBLISHER};UA;;31.12.2020;46;610;7,5;percent;survey;ХИБНІСТЬ`,
      `ua-2;hiv-prevalence-prisoners;${PUBLISHER};;01.01.2020;31.12.2020;46;610;7,5;percent;survey;ні`,
      `ua-3;hiv-prevalence-prisoners;${PUBLISHER};UA;01.01.2020;31.12.2020;46;610;<5;percent;survey;ні`,
      `ua-4;hiv-prevalence-prisoners;${PUBLISHER};UA;01.01.2020;31.12.2020;;610;;percent;survey;1`,
      `ua-5;hiv-prevalence-prisoners;${PUBLISHER};UA;01.01.2020;31.12.2020;;610;;percent;survey;х`,
      `ua-6;hiv-prevalence-prisoners;${PUBLISHER};UA;01.01.2020;31.12.2020;3;610;;percent;survey;ні`,
    ].join('\r\n'));
    const run = await phxInProcess(['validate', sheet, '--locale', 'uk']);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => / помилка /.test(line)).map((line) => line.replace(/^.*? помилка +/, ''));
    expect(lines).toEqual([
      'schema.required /period/start  Порожня клітинка в обов’язковому стовпці «Період › початок»: заповніть її',
      'schema.required /scope  Порожня клітинка в обов’язковому стовпці «Охоплення › Країна»: заповніть її',
      'schema.invalid-type /value  Стовпець «Значення»: очікується число, наприклад 12, а зазначено текст «<5»: щоб приховати малу кількість, поставте ІСТИНА в стовпці «Приховано» і залиште порожньою клітинку в стовпці «Значення»',
      'schema.invalid-type /suppressed  Стовпець «Приховано»: очікується ІСТИНА або ХИБНІСТЬ (або так/ні), а зазначено текст «1»: 1 і 0 не читаються як позначка; напишіть ІСТИНА замість 1 і ХИБНІСТЬ замість 0',
      'schema.invalid-type /suppressed  Стовпець «Приховано»: очікується ІСТИНА або ХИБНІСТЬ (або так/ні), а зазначено текст «х»: таку позначку не прочитано; напишіть ІСТИНА там, де спостереження приховано, а де ні — залиште клітинку порожньою',
      'privacy.small-cell /numerator  Чисельник 3 — це менше за поріг приховування 5: поставте ІСТИНА в стовпці «Приховано» і залиште порожніми цю клітинку та клітинку в стовпці «Значення»',
      'observation.value-missing  Немає значення: заповніть стовпець «Значення» або поставте ІСТИНА в стовпці «Приховано»',
    ]);
    expect(run.stdout).not.toMatch(/"suppressed"|true або false|«start»|«scope»/);
  });

  it('LANG picks the language of the messages, not how a CSV is written', async () => {
    const out = dir.path('lang.csv');
    expect(phx(['convert', json, '-o', out, '--type', 'observation'], { env: { LANG: 'fr_FR.UTF-8' } }).code).toBe(0);
    expect(read(out).startsWith('id,indicator,')).toBe(true);
    expect(await phxInProcess(['convert', json, '-o', out, '--type', 'observation', '--locale', 'de'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--locale must be one of en, ru, uk, fr, es') });
  });

  it('asks for --date-order when no cell of a date column tells day from month, and reads the dates as told', async () => {
    const sheet = dir.write('ambiguous.csv', [
      'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource',
      `obs-a,hiv-prevalence-prisoners,${PUBLISHER},ZA,03/04/2020,05/06/2020,60,1000,6,percent,survey`,
    ].join('\r\n'));
    const asked = await phxInProcess(['validate', sheet]);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain('sheet.date-order-unknown');
    expect((await phxInProcess(['validate', sheet, '--date-order', 'month-day'])).code).toBe(0);
    expect(await phxInProcess(['validate', sheet, '--date-order', 'middle'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--date-order must be one of day-month, month-day') });
    for (const [order, start, end] of [['month-day', '2020-03-04', '2020-05-06'], ['day-month', '2020-04-03', '2020-06-05']] as const) {
      const out = dir.path(`dates-${order}.phx.ndjson`);
      const run = await phxInProcess(['convert', sheet, '-o', out, '--date-order', order, '--allow-invalid']);
      expect(run.stdout).not.toContain('sheet.date-order-unknown');
      expect(JSON.parse(read(out).trim())).toMatchObject({ period: { start, end } });
    }
  });
});

describe('a point taken for a thousands separator on a guess', () => {
  const sheet = dir.write('thousands.csv', [
    'id;indicator;reportingOrganisation;scope.country;period.start;period.end;numerator;denominator;value;unit;dataSource',
    `obs-a;hiv-prevalence-prisoners;${PUBLISHER};ZA;01.01.2020;31.12.2020;617;1.234;50;percent;survey`,
    `obs-b;hiv-prevalence-prisoners;${PUBLISHER};ZA;01.01.2021;31.12.2021;250;2.000;12,5;percent;survey`,
  ].join('\r\n'));

  it('is a warning of phx validate at the first such cell, with how to say the Excel that wrote the file, and the exit code of a valid file', () => {
    const run = phx(['validate', sheet]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain(
      `    ${sheet}:H2  warning  sheet.ambiguous-thousands /denominator  Column "denominator": 1.234 (and 1 more cell like it) was read as 1234, the point taken for a thousands separator, as Spanish Excel writes it. If the point is a decimal mark here, type 1,234; if the number is 1234, type it without the point: 1234`,
    );
    expect(lines).toContain('  hint: run again with the locale of the Excel that wrote the file: with --locale es (Spanish Excel) a point is read as a thousands separator, without a warning; with --locale uk, ru or fr, whose Excel never groups thousands with a point, it is not taken for one');
    expect(run.stdout).toContain('✔');
    expect(phx(['validate', sheet, '--fail-on', 'warning']).code).toBe(1);
    const ukrainian = phx(['validate', sheet], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(ukrainian.stdout).toContain('Стовпець «denominator»: 1.234 (і ще 1 така клітинка) прочитано як 1234');
    expect(ukrainian.stdout).toContain('  підказка: запустіть знову з локаллю Excel, у якому збережено файл');
  });

  it('is in the JSON report with its params and place', async () => {
    const run = await phxInProcess(['validate', sheet, '--format', 'json']);
    expect(run.code).toBe(0);
    const [file] = (JSON.parse(run.stdout) as { files: { ok: boolean; warnings: number; issues: Record<string, unknown>[] }[] }).files;
    expect(file).toMatchObject({ ok: true, warnings: 1 });
    expect(file!.issues.filter((issue) => issue.severity !== 'info')).toEqual([
      expect.objectContaining({ code: 'sheet.ambiguous-thousands', severity: 'warning', params: { column: 'denominator', cells: 2, text: '1.234', value: 1234 }, location: expect.objectContaining({ row: 2, column: 8 }) }),
    ]);
  });

  it('is not given, nor its hint, where --locale says the Excel that wrote the file', async () => {
    for (const locale of ['es', 'uk', 'ru', 'fr']) {
      const run = await phxInProcess(['validate', sheet, '--locale', locale]);
      expect(run.stdout, locale).not.toContain('sheet.ambiguous-thousands');
      expect(run.stdout, locale).not.toContain('--locale es');
    }
    expect((await phxInProcess(['validate', sheet, '--locale', 'es'])).code).toBe(0);
  });

  it('does not stop phx convert, which writes the thousands read and says the warning above', async () => {
    const out = dir.path('thousands.phx.ndjson');
    const header = dir.write('thousands-header.phx.json', JSON.stringify(validPackage()));
    const run = await phxInProcess(['convert', sheet, '--header', header, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${sheet}:H2  warning  sheet.ambiguous-thousands`);
    expect(run.stdout).toContain('  hint: run again with the locale of the Excel that wrote the file');
    expect(run.stderr).toContain(`wrote ${out} (1 warning above)`);
    const records = read(out).trim().split('\n').map((line) => JSON.parse(line) as { type: string; denominator?: number });
    expect(records.filter((record) => record.type === 'observation').map((record) => record.denominator)).toEqual([1234, 2000]);
  });
});

describe('a date and time typed in a workbook', () => {
  it('is reported at its cell with the offset from UTC it lacks, never given one; in the publication date, read as UTC and said', async () => {
    const example = new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url).pathname;
    const xlsx = dir.path('meeting-dates.xlsx');
    expect((await phxInProcess(['convert', example, '-o', xlsx])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    // Typed in Excel, a date (01.04.2024) and a date and time (28.10.2020 16:00) become date cells, which keep no offset.
    workbook.getWorksheet('Package')!.getCell('F3').value = new Date(Date.UTC(2024, 3, 1));
    const meetings = workbook.getWorksheet('meetings')!;
    const column = ((meetings.getRow(2).values as unknown[]).slice(1) as string[]).indexOf('start') + 1;
    const start = meetings.getCell(3, column);
    start.value = new Date(Date.UTC(2020, 9, 28, 16));
    start.numFmt = 'dd.mm.yyyy hh:mm';
    await workbook.xlsx.writeFile(xlsx);
    const validated = await phxInProcess(['validate', xlsx]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain('Package!F2  note     sheet.normalised /publishedAt  Column F ("Published at"): 1 cell read allowing for these forms: dates alone read as midnight UTC');
    expect(validated.stdout).not.toContain('/publishedAt  Date and time of publication');
    expect(validated.stdout).toContain(`meetings!${start.address}  error    schema.invalid-format /meetings/0/start  Start of the meeting: "2020-10-28T16:00:00" has no offset from UTC: add the offset of the place at that date, or Z for a time in UTC, e.g. 2020-10-28T16:00:00Z`);
    expect(validated.stdout).toContain('✖ 1 error');
  });
});

describe('dates of a sheet in phx validate and phx convert', () => {
  const header = 'id;indicator;reportingOrganisation;scope.country;period.start;period.end;numerator;denominator;value;unit;dataSource';
  const line = (id: string, start: string, end: string) => `${id};hiv-prevalence-prisoners;${PUBLISHER};ZA;${start};${end};60;1000;6;percent;survey`;

  it('quotes a date as typed in its cell, in the text and json reports, the params keeping the ISO date', async () => {
    const csv = dir.write('typed-dates.csv', [header, line('obs-1', '31.02.2019', '31.12.2019'), line('obs-2', '01.01.2024', '31.12.2020')].join('\r\n'));
    const text = await phxInProcess(['validate', csv, '--quiet']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('schema.invalid-format /period/start  Start of the period: "31.02.2019" is not a day of the calendar: that month has fewer days');
    expect(text.stdout).toContain('period.start-after-end /period/start  The period starts (01.01.2024) after it ends (31.12.2020)');
    expect(text.stdout).not.toMatch(/2019-02-31|2024-01-01/);
    expect((await phxInProcess(['validate', csv, '--quiet', '--locale', 'uk'])).stdout).toContain('Період починається (01.01.2024) після свого завершення (31.12.2020)');
    const json = JSON.parse((await phxInProcess(['validate', csv, '--format', 'json'])).stdout) as { files: { issues: { code: string; message: string; params: Record<string, unknown> }[] }[] };
    const order = json.files[0]!.issues.find((issue) => issue.code === 'period.start-after-end')!;
    expect(order.params).toEqual({ start: '2024-01-01', end: '2020-12-31', typed: { start: '01.01.2024', end: '31.12.2020' } });
    expect(order.message).toBe('The period starts (01.01.2024) after it ends (31.12.2020)');
  });

  it('reads a date with a time of day in a date column as its day, saying so once for the column, and converts it', async () => {
    const csv = dir.write('date-times.csv', [header, line('obs-1', '01.01.2020 14:30', '31.12.2020'), line('obs-2', '2020-01-01 14:30', '31.12.2020').replace(';ZA;', ';ZM;').replace(PUBLISHER, 'ZM-PACRA-1')].join('\r\n'));
    const run = await phxInProcess(['validate', csv]);
    expect(run.stdout).toContain('note     sheet.normalised /period/start  Column "period.start": 2 cells read allowing for these forms: dates written dd.mm.yyyy hh:mm and yyyy-mm-dd hh:mm, times of day (left out: the column holds days)');
    expect(run.stdout).not.toContain('is not a date written year-month-day');
    const out = dir.path('date-times.phx.json');
    await phxInProcess(['convert', csv, '-o', out, '--allow-invalid']);
    const converted = JSON.parse(read(out)) as { observations: { period: { start: string } }[] };
    expect(converted.observations.map((observation) => observation.period.start)).toEqual(['2020-01-01', '2020-01-01']);
  });
});
