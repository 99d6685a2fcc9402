import { readFileSync, existsSync, symlinkSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observation, phx, phxInProcess, tempDir, validPackage } from './helpers.js';

const dir = tempDir();
const header = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource';

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

describe('phx convert between .phx.json, .phx.ndjson and .csv', () => {
  const pkg = { ...validPackage(), facilities: undefined };
  const json = dir.write('pkg.phx.json', JSON.stringify(pkg, null, 2));

  it('JSON → NDJSON → JSON gives back the same package', async () => {
    const converted = await phxInProcess(['convert', json, '-o', dir.path('pkg.phx.ndjson')]);
    expect(converted.code).toBe(0);
    // Said on standard error, as phx export says it, in the user's language.
    expect(converted.stderr).toBe(`wrote ${dir.path('pkg.phx.ndjson')}\n`);
    expect((await phxInProcess(['convert', json, '-o', dir.path('pkg.phx.ndjson'), '--force', '--locale', 'uk'])).stderr).toBe(`записано: ${dir.path('pkg.phx.ndjson')}\n`);
    const noted = dir.write('noted.phx.json', JSON.stringify({ ...pkg, observations: [observation('obs-noted', { notes: 'Засуджений Петренко Іван Олегович, 12.03.1987 р.н.' })] }));
    const withWarning = await phxInProcess(['convert', noted, '-o', dir.path('noted.phx.ndjson'), '--locale', 'uk']);
    expect(withWarning.code).toBe(0);
    expect(withWarning.stdout).toContain('privacy.personal-data');
    expect(withWarning.stderr).toBe(`записано: ${dir.path('noted.phx.ndjson')} (попереджень: 1 вище)\n`);
    const lines = read(dir.path('pkg.phx.ndjson')).trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(lines.map((line) => line.type)).toEqual(['package', 'organisation', 'observation', 'observation']);
    expect((await phxInProcess(['validate', dir.path('pkg.phx.ndjson')])).code).toBe(0);
    expect((await phxInProcess(['convert', dir.path('pkg.phx.ndjson'), '-o', dir.path('back.phx.json')])).code).toBe(0);
    expect(JSON.parse(read(dir.path('back.phx.json')))).toEqual(JSON.parse(JSON.stringify(pkg)));
  });

  it('JSON → CSV → JSON gives back the same records; the header comes from --header', async () => {
    expect((await phxInProcess(['convert', json, '-o', dir.path('obs.csv'), '--type', 'observation'])).code).toBe(0);
    expect(read(dir.path('obs.csv')).split('\r\n')[0]).toBe(
      'id,indicator,reportingOrganisation,scope.country,scope.subnationalArea,period.start,period.end,disaggregation.sex,numerator,denominator,value,unit,dataSource',
    );
    const back = await phxInProcess(['convert', dir.path('obs.csv'), '-o', dir.path('obs.phx.json'), '--header', json]);
    expect(back.code).toBe(0);
    expect(JSON.parse(read(dir.path('obs.phx.json')))).toEqual(JSON.parse(JSON.stringify(pkg)));
    expect((await phxInProcess(['validate', dir.path('obs.phx.json')])).code).toBe(0);
  });

  it('does not write a package that would be invalid, and says why; --allow-invalid writes it, still with exit 1', () => {
    const { code, stdout, stderr } = phx(['convert', dir.path('obs.csv'), '-o', dir.path('bare.phx.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('schema.required /phxVersion');
    expect(stderr).toContain('no input gives a package header');
    expect(stderr).toContain('bare.phx.json was not written: the package would be invalid (pass --allow-invalid to write it anyway)');
    expect(existsSync(dir.path('bare.phx.json'))).toBe(false);
    const forced = phx(['convert', dir.path('obs.csv'), '-o', dir.path('bare.phx.json'), '--allow-invalid']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain('written, although the package is invalid');
    expect(JSON.parse(read(dir.path('bare.phx.json')))).toHaveProperty('observations');
    // In the user's language, as the report above them is.
    const es = phx(['convert', dir.path('obs.csv'), '-o', dir.path('bare-es.phx.json'), '--locale', 'es']);
    expect(es.stderr).toContain('ningún archivo de entrada da un encabezado de paquete');
    expect(es.stderr).toContain('no se escribió ' + dir.path('bare-es.phx.json') + ': el paquete no sería válido (pase --allow-invalid para escribirlo de todos modos)');
    const ru = phx(['convert', dir.path('obs.csv'), '-o', dir.path('bare-ru.phx.json'), '--locale', 'ru', '--allow-invalid']);
    expect(ru.stderr).toContain('bare-ru.phx.json записан, хотя пакет недействителен (--allow-invalid)');
  });

  it('lists at most 1000 issues of an input, or --max-issues of them, errors first, with the note phx validate gives', async () => {
    const rows = Array.from({ length: 1005 }, (_, i) => `obs-${i},x,org,ZZ,2023-01-01,2023-12-31,1,10,,,survey`);
    const many = dir.write('many.csv', `${header}\r\n${rows.join('\r\n')}\r\n`);
    const listed = (text: string) => text.split('\n').filter((line) => line.startsWith(`    ${many}:`)).length;
    const all = await phxInProcess(['convert', many, '-o', dir.path('many.phx.json'), '--header', json]);
    expect(all.code).toBe(1);
    expect(listed(all.stdout)).toBe(1000);
    expect(all.stdout).toContain('… 1,000 issues listed (--max-issues); the counts cover the whole file');
    const few = await phxInProcess(['convert', many, '-o', dir.path('many.phx.json'), '--header', json, '--max-issues', '3', '--locale', 'uk']);
    expect(listed(few.stdout)).toBe(3);
    expect(few.stdout).toContain('… показано проблем: 3 (--max-issues); підраховано весь файл');
    expect((await phxInProcess(['convert', many, '-o', dir.path('many.phx.json'), '--max-issues', '0'])).stderr).toContain('--max-issues must be a whole number of at least 1 (got "0")');
  });

  it('--allow-invalid still tells the privacy warnings of a row with a wrong cell, as phx validate does, before writing it', async () => {
    const note = 'Засуджений Петренко Іван Олегович, 12.03.1987 р.н., тел. +380671234567';
    const csv = dir.write('leak.csv', [
      `${header},disaggregation.sex,notes`,
      `obs-f,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,3,610,0.5,percent,survey,Жіноча,"${note}"`,
    ].join('\n'));
    const validated = await phxInProcess(['validate', csv]);
    expect(validated.stdout).toContain('schema.invalid-value /disaggregation/sex');
    expect(validated.stdout).toContain('privacy.personal-data /notes');
    expect(validated.stdout).toContain('privacy.small-cell /numerator');
    const converted = await phxInProcess(['convert', csv, '--header', json, '-o', dir.path('leak.phx.json'), '--allow-invalid']);
    expect(converted.code).toBe(1);
    expect(converted.stdout).toContain('schema.invalid-value /observations/0/disaggregation/sex');
    expect(converted.stdout).toContain('privacy.personal-data /observations/0/notes');
    expect(converted.stdout).toContain('privacy.small-cell /observations/0/numerator');
    expect(converted.stderr).toContain('written, although the package is invalid');
    expect(JSON.parse(read(dir.path('leak.phx.json'))).observations[0].notes).toBe(note);
  });

  it('NDJSON → CSV, with --type, a separator and a byte order mark for Excel', async () => {
    const { code } = await phxInProcess(['convert', dir.path('pkg.phx.ndjson'), '-o', dir.path('excel.csv'), '--type', 'observation', '--delimiter', ';', '--bom']);
    expect(code).toBe(0);
    expect(read(dir.path('excel.csv')).startsWith('\uFEFFid;indicator;')).toBe(true);
    expect((await phxInProcess(['validate', dir.path('excel.csv')])).code).toBe(0);
  });

  it('asks for --type when a package holds several record types', async () => {
    const full = dir.write('full.phx.json', JSON.stringify(validPackage()));
    const { code, stderr } = await phxInProcess(['convert', full, '-o', dir.path('full.csv')]);
    // How it was called, not the data: a usage error.
    expect(code).toBe(2);
    expect(stderr).toContain('holds organisation, facility, observation records, and a CSV holds one type');
    expect(stderr).toContain('--type observation');
    expect(existsSync(dir.path('full.csv'))).toBe(false);
    expect((await phxInProcess(['convert', full, '-o', dir.path('facilities.csv'), '--type', 'facility'])).code).toBe(0);
    expect(read(dir.path('facilities.csv'))).toBe('id,country,facilityType,capacity\r\nfac-1,ZA,prison,1200\r\n');
  });

  it('rejects a conversion to the same format, and a missing -o', async () => {
    expect(await phxInProcess(['convert', json, '-o', dir.path('same.phx.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('nothing to convert') });
    expect(await phxInProcess(['convert', json])).toMatchObject({ code: 2, stderr: expect.stringContaining('-o <file>') });
    expect(await phxInProcess(['convert', json, '-o', dir.path('out.txt')])).toMatchObject({ code: 2, stderr: expect.stringContaining('unsupported file type') });
  });

  it('never writes over an input, the header file included, however the output is named', async () => {
    const csv = dir.path('overwrite-obs.csv');
    expect((await phxInProcess(['convert', json, '-o', csv, '--type', 'observation'])).code).toBe(0);
    const before = { header: read(json), csv: read(csv) };
    const linked = dir.path('linked.phx.json');
    symlinkSync(json, linked);
    for (const out of [json, linked, `${dir.path('.')}/./${basename(json)}`]) {
      const { code, stderr } = await phxInProcess(['convert', csv, '-o', out, '--header', json, '--force']);
      expect({ code, stderr }).toMatchObject({ code: 2, stderr: expect.stringContaining('is an input of this command and is never overwritten') });
    }
    expect({ header: read(json), csv: read(csv) }).toEqual(before);
    expect(await phxInProcess(['convert', json, '-o', csv, '--type', 'observation'])).toMatchObject({ code: 2, stderr: expect.stringContaining('exists already') });
    expect((await phxInProcess(['convert', json, '-o', csv, '--type', 'observation', '--force'])).code).toBe(0);
  });
});

describe('phx convert: a CSV re-saved as a CSV, for Excel in another locale', () => {
  // A percentage to three decimals: what a guessed thousands separator would make a thousand times larger.
  const pkg = { ...validPackage(), facilities: undefined, observations: [observation('obs-1', { numerator: 1234, denominator: 100000, value: 1.234 })] };
  const json = dir.write('resave.phx.json', JSON.stringify(pkg));
  const plain = dir.path('resave.csv');
  const example = new URL('../../../examples/data/spreadsheet/observations.csv', import.meta.url).pathname;

  it('checks a CSV output as phx validate checks a CSV, a part of a package still to be assembled, and writes it', async () => {
    expect((await phxInProcess(['convert', json, '-o', plain, '--type', 'observation'])).code).toBe(0);
    expect((await phxInProcess(['validate', plain])).code).toBe(0);
    // The sheet names its organisation, which it does not hold: that is left to the package it joins.
    const uk = await phxInProcess(['convert', plain, '-o', dir.path('resave-uk.csv'), '--locale', 'uk']);
    expect(uk).toMatchObject({ code: 0, stdout: expect.not.stringContaining('ref.unknown-organisation') });
    expect(read(dir.path('resave-uk.csv')).split('\r\n')[1]).toBe('obs-1;hiv-prevalence-prisoners;ZA-NPO-123-456;ZA;Western Cape;01.01.2020;31.12.2020;1234;100000;1,234;percent;survey');
    expect((await phxInProcess(['convert', dir.path('resave-uk.csv'), '-o', dir.path('resave-fr.csv'), '--locale', 'fr'])).code).toBe(0);
    expect(read(dir.path('resave-fr.csv')).split('\r\n')[1]).toContain(';01/01/2020;31/12/2020;1234;100000;1,234;');
    expect((await phxInProcess(['convert', dir.path('resave-fr.csv'), '-o', dir.path('resave-back.csv')])).code).toBe(0);
    expect(read(dir.path('resave-back.csv'))).toBe(read(plain));
  });

  it('says, in the language of its messages, that a CSV written without --locale is for Excel in English, and how to ask for theirs', () => {
    const uk = phx(['convert', json, '-o', dir.path('lang-uk.csv'), '--type', 'observation'], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(uk.code).toBe(0);
    expect(uk.stderr).toContain('підказка: CSV записано для Excel англійською (коми між стовпцями); для Excel українською вкажіть --locale uk');
    // Written as asked all the same: the hint changes nothing of the file.
    expect(read(dir.path('lang-uk.csv'))).toBe(read(plain));
    for (const [args, env] of [[[], { LANG: 'en_GB.UTF-8' }], [['--locale', 'uk'], { LANG: 'uk_UA.UTF-8' }], [['--delimiter', ';'], { LANG: 'uk_UA.UTF-8' }]] as const) {
      const run = phx(['convert', json, '-o', dir.path(`lang-${args.length}.csv`), '--type', 'observation', '--force', ...args], { env });
      expect([run.code, run.stderr]).toEqual([0, expect.not.stringMatching(/--locale uk|--locale \(uk/)]);
    }
  });

  it('still checks every rule of a CSV, as phx validate does, and writes nothing when one fails', async () => {
    const codes = (stdout: string): string[] => [...stdout.matchAll(/ (?:erreur|avertissement) +([\w.-]+) /g)].map((match) => match[1]!).sort();
    const validated = await phxInProcess(['validate', example, '--locale', 'fr']);
    const converted = await phxInProcess(['convert', example, '-o', dir.path('example-fr.csv'), '--locale', 'fr']);
    expect(converted.code).toBe(1);
    expect(codes(converted.stdout)).toEqual(codes(validated.stdout));
    expect(codes(converted.stdout)).toContain('privacy.small-cell');
    expect(existsSync(dir.path('example-fr.csv'))).toBe(false);
  });

  it('checks a whole package written from it with its references', async () => {
    for (const out of ['whole.phx.ndjson', 'whole.phx.json', 'whole.xlsx']) {
      const { code, stdout } = await phxInProcess(['convert', plain, '-o', dir.path(out)]);
      expect({ out, code }).toEqual({ out, code: 1 });
      expect(stdout).toContain('ref.unknown-organisation');
      expect(existsSync(dir.path(out))).toBe(false);
    }
  });
});

describe('phx convert: real-world CSV', () => {
  const row = (id: string, ...cells: string[]) => [id, 'hiv-prevalence-prisoners', 'ZA-NPO-123-456', 'ZA', ...cells].join(';');

  it('reads a BOM, ; separators, decimal commas, Excel serial dates and blank rows', async () => {
    const csv = `\uFEFF${header.replaceAll(',', ';')}\r\n\r\n${row('obs-1', '43831', '44196', '125', '1000', '12,5', 'percent', 'survey')}\r\n;;;\r\n${row('obs-2', '2019-01-01', '2019-12-31', '60', '1000', '6', 'percent', 'survey')}\r\n`;
    const path = dir.write('excel-export.csv', csv);
    // The sheet names an organisation it does not hold: the package is invalid, and written only when asked.
    const refused = await phxInProcess(['convert', path, '-o', dir.path('excel-export.phx.ndjson')]);
    expect(refused).toMatchObject({ code: 1, stdout: expect.stringContaining('ref.unknown-organisation') });
    expect(existsSync(dir.path('excel-export.phx.ndjson'))).toBe(false);
    expect((await phxInProcess(['convert', path, '-o', dir.path('excel-export.phx.ndjson'), '--allow-invalid'])).code).toBe(1);
    const records = read(dir.path('excel-export.phx.ndjson')).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toEqual([
      { type: 'observation', id: 'obs-1', indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'ZA-NPO-123-456', scope: { country: 'ZA' }, period: { start: '2020-01-01', end: '2020-12-31' }, numerator: 125, denominator: 1000, value: 12.5, unit: 'percent', dataSource: 'survey' },
      { type: 'observation', id: 'obs-2', indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'ZA-NPO-123-456', scope: { country: 'ZA' }, period: { start: '2019-01-01', end: '2019-12-31' }, numerator: 60, denominator: 1000, value: 6, unit: 'percent', dataSource: 'survey' },
    ]);
    expect((await phxInProcess(['validate', path])).code).toBe(0);
  });

  it('reports all extra and missing columns at once, at the header, and writes nothing', async () => {
    const path = dir.write('columns.csv', 'id,indicator,colour,period.start,size\nobs-1,hiv-prevalence-prisoners,red,2020-01-01,3\n');
    const { code, stdout, stderr } = await phxInProcess(['convert', path, '-o', dir.path('columns.phx.json'), '--type', 'observation']);
    expect(code).toBe(1);
    // Columns of the user's own, like no field of PHX: not read, each said once as such.
    expect(stdout).toContain(`${path}:C1  warning  sheet.column-not-read  Column "colour" is not a field of PHX, so its cells are not read into the data: to keep them, move them to column "notes"; else delete the column`);
    expect(stdout).toContain(`${path}:E1  warning  sheet.column-not-read  Column "size" is not a field of PHX`);
    for (const missing of ['/reportingOrganisation', '/scope/country', '/period/end', '/unit', '/dataSource']) {
      expect(stdout).toContain(`${path}:F1  error    schema.required ${missing}`);
    }
    expect(stderr).toContain('columns.phx.json was not written');
    expect(existsSync(dir.path('columns.phx.json'))).toBe(false);
  });

  it('reports a cell beyond the header at its row and column', async () => {
    const path = dir.write('ragged.csv', `${header}\n${row('obs-1', '2020-01-01', '2020-12-31', '120', '1000', '12', 'percent', 'survey').replaceAll(';', ',')},oops\n`);
    const { code, stdout } = await phxInProcess(['convert', path, '-o', dir.path('ragged.phx.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${path}:L2  error    sheet.cell-beyond-header`);
  });

  it('refuses a CSV whose quote is never closed, which would lose the rows after it, and writes nothing', async () => {
    const line = (id: string, note: string) => `${row(id, '2020-01-01', '2020-12-31', '120', '1000', '12', 'percent', 'survey').replaceAll(';', ',')},${note}`;
    const path = dir.write('quoted.csv', [`${header},notes`, line('obs-1', '"Lviv, block 2'), line('obs-2', 'x'), ''].join('\n'));
    const { code, stdout, stderr } = await phxInProcess(['convert', path, '-o', dir.path('quoted.phx.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${path}:L2  error    csv.unclosed-quote`);
    expect(stderr).toContain('quoted.phx.json was not written');
    expect(existsSync(dir.path('quoted.phx.json'))).toBe(false);
    // Text after a closing quote runs the rows below into one cell up to the next quote: refused alike.
    const typed = dir.write('typed.csv', [`${header},notes`, line('obs-1', '"Central" prison'), line('obs-2', 'x'), line('obs-3', '"y"'), ''].join('\n'));
    const again = await phxInProcess(['convert', typed, '-o', dir.path('typed.phx.json')]);
    expect([again.code, again.stdout.includes(`${typed}:L2  error    csv.text-after-quote`), existsSync(dir.path('typed.phx.json'))]).toEqual([1, true, false]);
  });

  it('reports NDJSON lines it cannot read at their line, and writes nothing', async () => {
    const path = dir.write('broken.phx.ndjson', `${JSON.stringify({ type: 'observation', ...observation('obs-1') })}\n{"type":\n{"type":"person"}\n`);
    const { code, stdout } = await phxInProcess(['convert', path, '-o', dir.path('broken.csv')]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${path}:2:9  error    syntax.invalid-json`);
    expect(stdout).toContain(`${path}:3:1  error    ndjson.unknown-type`);
    expect(existsSync(dir.path('broken.csv'))).toBe(false);
    const russian = await phxInProcess(['convert', path, '-o', dir.path('broken.csv'), '--locale', 'ru']);
    expect(russian.stdout).toContain('Неизвестный тип записи "person"');
  });
});

describe('phx convert: CSV → JSON → CSV round trip', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', 'é', 'Ж', '0', '.'), minLength: 1, maxLength: 10 });
  const count = fc.nat(1_000_000);
  const table = fc.array(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/),
      area: fc.option(text, { nil: undefined }),
      sex: fc.option(fc.constantFrom('female', 'male', 'all'), { nil: undefined }),
      numerator: count,
      value: fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 100 }),
      notes: fc.option(text, { nil: undefined }),
    }),
    { minLength: 1, maxLength: 5 },
  );
  /** Quotes a cell as spreadsheets and phx do: when it holds a quote, a comma or a line break, or starts or ends with a space. */
  const quote = (cell: string) => (/[",\n\r]/.test(cell) || cell.trim() !== cell ? `"${cell.replaceAll('"', '""')}"` : cell);

  it('gives back the same CSV', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(table, async (rows) => {
        run++;
        const columns = 'id,indicator,reportingOrganisation,scope.country,scope.subnationalArea,period.start,period.end,disaggregation.sex,numerator,value,unit,dataSource,notes';
        const lines = rows.map((r) => [r.id, 'hiv-prevalence-prisoners', 'ZA-NPO-123-456', 'ZA', r.area ?? '', '2020-01-01', '2020-12-31', r.sex ?? '', String(r.numerator), String(Object.is(r.value, -0) ? 0 : r.value), 'percent', 'survey', r.notes ?? ''].map(quote).join(','));
        const csv = `${columns}\r\n${lines.join('\r\n')}\r\n`;
        const source = dir.write(`round-${run}.csv`, csv);
        // Generated rows need not make a valid package (no header, ids may repeat): the round trip is asked for anyway.
        expect((await phxInProcess(['convert', source, '-o', dir.path(`round-${run}.phx.json`), '--allow-invalid'])).code).toBe(1);
        expect((await phxInProcess(['convert', dir.path(`round-${run}.phx.json`), '-o', dir.path(`round-${run}-back.csv`), '--allow-invalid'])).code).not.toBe(2);
        const back = read(dir.path(`round-${run}-back.csv`));
        // Columns that no row fills are not written back; every other cell is.
        const used = columns.split(',').filter((_, i) => rows.some((r) => [r.id, 1, 1, 1, r.area, 1, 1, r.sex, 1, 1, 1, 1, r.notes][i] !== undefined));
        const expected = `${used.join(',')}\r\n${rows.map((r) => {
          const cells: Record<string, string> = { id: r.id, indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'ZA-NPO-123-456', 'scope.country': 'ZA', 'scope.subnationalArea': r.area ?? '', 'period.start': '2020-01-01', 'period.end': '2020-12-31', 'disaggregation.sex': r.sex ?? '', numerator: String(r.numerator), value: String(Object.is(r.value, -0) ? 0 : r.value), unit: 'percent', dataSource: 'survey', notes: r.notes ?? '' };
          return used.map((column) => quote(cells[column]!)).join(',');
        }).join('\r\n')}\r\n`;
        expect(back).toBe(expected);
      }),
      { numRuns: 20 },
    );
  });
});

describe('phx convert: the summary of several inputs', () => {
  it('counts every input and every record read, not only the files with notes', async () => {
    const example = new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url).pathname;
    const pkg = JSON.parse(read(example)) as Record<string, unknown>;
    const types = ['organisation', 'facility', 'indicator', 'observation', 'meeting'];
    // Written for Excel in French, the dates and decimal commas are read back with notes — except in indicators.
    const sheets: string[] = [];
    for (const type of types) {
      const path = dir.path(`meeting-${type}.csv`);
      expect((await phxInProcess(['convert', example, '--type', type, '--locale', 'fr', '-o', path])).code).toBe(0);
      sheets.push(path);
    }
    const { organisations, facilities, indicators, observations, meetings, ...packageHeader } = pkg;
    const headerFile = dir.write('meeting-header.phx.json', JSON.stringify(packageHeader));
    const { code, stdout } = await phxInProcess(['convert', '--header', headerFile, ...sheets, '-o', dir.path('meeting-back.phx.json')]);
    expect(code).toBe(0);
    expect(stdout).toContain('sheet.normalised');
    const records = [organisations, facilities, indicators, observations, meetings].reduce((sum: number, list) => sum + (list as unknown[]).length, 0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`✔ 6 files valid, ${records} records`);
  });
});

describe('phx convert: duplicates across inputs', () => {
  it('names the file and row of the first of two facilities with one id in two CSV inputs', async () => {
    const fa = dir.write('dup-fa.csv', 'id,country,facilityType\nua-1,UA,prison\nua-2,UA,prison\n');
    const fb = dir.write('dup-fb.csv', 'id,country,facilityType\nua-3,UA,prison\nua-2,UA,pre-trial-detention\n');
    const { code, stdout } = await phxInProcess(['convert', fa, fb, '-o', dir.path('dup.phx.ndjson')]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${fb}:A3  error    unique.duplicate-id /facilities/3/id  A second facility with the identifier "ua-2" (the first is at file "${fa}", row 3)`);
  });

  it('takes once a facility two inputs give field for field', async () => {
    const fa = dir.write('same-fa.csv', 'id,country,facilityType\nua-1,UA,prison\nua-2,UA,prison\n');
    const fb = dir.write('same-fb.csv', 'id,facilityType,country\nua-3,prison,UA\nua-2,prison,UA\n');
    const out = dir.path('same.phx.ndjson');
    const { code, stdout } = await phxInProcess(['convert', fa, fb, '-o', out]);
    expect(code, stdout).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['ua-1', 'ua-2', 'ua-3']);
  });
});

describe('phx convert --header: the records of the header package', () => {
  // A package as `phx init` starts it and its author fills it in: the publisher is its organisation record.
  const organisation = { id: 'UA-EDR-38214567', name: { uk: 'Харківська правозахисна група' }, organisationType: 'ngo', countries: ['UA'] };
  const facility = { id: 'ua-kh-43', name: 'Темнівська ВК № 100', country: 'UA', facilityType: 'prison' };
  const myPackage = {
    phxVersion: '1.0', id: 'ua-2023', publisher: { id: organisation.id, name: 'Харківська правозахисна група' }, license: 'CC-BY-4.0', publishedAt: '2024-02-01T09:00:00Z',
    organisations: [organisation], facilities: [facility], observations: [{ ...observation('ua-earlier'), reportingOrganisation: organisation.id, scope: { country: 'UA' } }], meetings: [],
  };
  const headerFile = dir.write('my-package.phx.json', JSON.stringify(myPackage, null, 2));
  // As Excel in Ukrainian saves a sheet: a byte order mark, `;`, dates day first.
  const sheet = dir.write('ua-observations.csv', [
    '\uFEFFid;indicator;reportingOrganisation;scope.country;scope.facility;period.start;period.end;value;unit;dataSource',
    `ua-pop-2023;prison-population;${organisation.id};UA;ua-kh-43;01.01.2023;31.12.2023;1105;count;routine-programme-data`,
  ].join('\r\n'));

  it('resolves the organisations and facilities the sheet names and writes them in the package, without its observations', async () => {
    for (const out of ['ua.phx.json', 'ua.phx.ndjson'].map((name) => dir.path(name))) {
      const { code, stdout } = await phxInProcess(['convert', sheet, '--header', headerFile, '-o', out]);
      expect({ code, stdout }).toMatchObject({ code: 0, stdout: expect.not.stringContaining('error') });
      expect(stdout.trimEnd().split('\n').at(-1)).toBe('✔ 2 files valid, 3 records');
      expect((await phxInProcess(['validate', out])).code).toBe(0);
    }
    const written = JSON.parse(read(dir.path('ua.phx.json'))) as Record<string, unknown>;
    expect(written).toMatchObject({ publisher: myPackage.publisher, organisations: [organisation], facilities: [facility], observations: [{ id: 'ua-pop-2023', scope: { facility: 'ua-kh-43' } }] });
    expect(written.observations).toHaveLength(1);
    expect(written).not.toHaveProperty('meetings');
  });

  it('reports a record of an input that differs from the one of its id in the header package, at the input, naming where the first is', async () => {
    const facilities = dir.write('ua-facilities.csv', `id,country,facilityType\n${facility.id},UA,pre-trial-detention\n`);
    const { code, stdout } = await phxInProcess(['convert', facilities, sheet, '--header', headerFile, '-o', dir.path('ua-dup.phx.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${facilities}:A2  error    unique.duplicate-id /facilities/1/id  A second facility with the identifier "ua-kh-43" (the first is at file "${headerFile}", /facilities/0/id)`);
    expect(existsSync(dir.path('ua-dup.phx.json'))).toBe(false);
  });
});
