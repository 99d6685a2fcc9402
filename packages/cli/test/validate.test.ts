import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { jobsWithin } from '../src/commands/validate.js';
import { observation, phx, phxInProcess, PUBLISHER, tempDir, validNdjson, validPackage } from './helpers.js';

const dir = tempDir();
const valid = dir.write('valid.phx.json', JSON.stringify(validPackage(), null, 2));
const validStream = dir.write('valid.phx.ndjson', validNdjson());
/** obs-2 repeats obs-1's id; obs-3 has a numerator below the suppression threshold. */
const invalidPackage = {
  ...validPackage(),
  observations: [observation('obs-1'), observation('obs-1'), observation('obs-3', { numerator: 3, value: 0.3, scope: { country: 'ZA', subnationalArea: 'Eastern Cape' } })],
};
const invalid = dir.write('invalid.phx.json', JSON.stringify(invalidPackage, null, 2));
/** A note that looks like a phone number: a warning, not an error. */
const warned = dir.write('warned.phx.json', JSON.stringify({ ...validPackage(), observations: [observation('obs-1', { notes: 'Call +27 21 555 0199 for details' })] }, null, 2));

interface JsonReport {
  ok: boolean;
  errors: number;
  warnings: number;
  files: {
    file: string;
    format: string;
    ok: boolean;
    errors: number;
    warnings: number;
    truncated: boolean;
    read: { records: Record<string, number>; lines?: number; bytes: number; complete: boolean };
    issues: { code: string; message: string; location?: Record<string, number> }[];
  }[];
}

function json(args: string[], input?: string): { code: number | null; report: JsonReport } {
  const run = phx(['validate', '--format', 'json', ...args], { input });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

describe('phx validate: files and exit codes', () => {
  it('exits 0 and prints a summary for valid files of each format', () => {
    const csv = phx(['convert', valid, '-o', dir.path('obs.csv'), '--type', 'observation']);
    expect(csv.code).toBe(0);
    const { code, stdout } = phx(['validate', valid, validStream, dir.path('obs.csv')]);
    expect(code).toBe(0);
    expect(stdout).toBe('✔ 3 files valid, 9 records\n');
  });

  it('exits 1 and groups issues by file and record, with file:line:col, code and message', () => {
    const { code, stdout } = phx(['validate', invalid]);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(invalid);
    expect(lines).toContain('  /observations/1');
    expect(stdout).toMatch(new RegExp(`${invalid}:\\d+:\\d+  error    unique\\.duplicate-id /observations/1/id  A second observation with the identifier "obs-1"`));
    expect(stdout).toMatch(/privacy\.small-cell \/observations\/2\/numerator {2}Numerator 3 is below the suppression threshold 5/);
    expect(stdout).toContain('✖ 2 errors, 0 warnings: 1 of 1 file invalid (5 records)');
  });

  it('suggests the code of an indicator written by its name, and of a population written by its label, in the language of the messages', async () => {
    const named = {
      ...validPackage(),
      organisations: [{ id: PUBLISHER, name: { en: 'Prison Health Network' }, organisationType: 'ngo', countries: ['ZA'], populations: ['Жінки в місцях позбавлення волі'] }],
      observations: [observation('obs-1', { indicator: 'Поширеність ВІЛ серед людей у місцях позбавлення волі' }), observation('obs-2', { indicator: 'hiv prevalence among  people in prison' })],
    };
    const { code, stdout } = await phxInProcess(['validate', '--locale', 'uk', dir.write('named.json', JSON.stringify(named, null, 2))]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      '/observations/0/indicator  Індикатор: «Поширеність ВІЛ серед людей у місцях позбавлення волі» — не код із малих латинських літер і цифр через дефіс; можливо, ви мали на увазі «hiv-prevalence-prisoners»?',
    );
    expect(stdout).toContain('/observations/1/indicator  Індикатор: «hiv prevalence among  people in prison» — не код із малих латинських літер');
    expect(stdout.match(/можливо, ви мали на увазі «hiv-prevalence-prisoners»\?/g)).toHaveLength(2);
    expect(stdout).toMatch(/\/organisations\/0\/populations\/0 {2}.*; можливо, ви мали на увазі «women-in-prison»\?/);
  });

  it('lists each record once, with all its issues, though a breakdown\'s sum is found after the rows below it', async () => {
    const header = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource,disaggregation.sex';
    const row = (id: string, numerator: number, denominator: number, value: number, sex = '') =>
      `${id},hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,${numerator},${denominator},${value},percent,survey,${sex}`;
    const csv = [header, row('total', 100, 1000, 12), row('women', 10, 100, 10, 'female'), row('men', 20, 200, 50, 'male')].join('\n');
    const { stdout } = await phxInProcess(['validate', dir.write('groups.csv', `${csv}\n`)]);
    const headings = stdout.split('\n').filter((line) => /^ {2}row \d+$/.test(line));
    expect(headings).toEqual(['  row 2', '  row 4']);
    const total = stdout.slice(stdout.indexOf('  row 2\n'), stdout.indexOf('  row 4\n'));
    expect(total).toContain('arith.value-mismatch');
    expect(total).toContain('disagg.below-total');
  });

  it('lists the records in the order of the file, though a reference is checked once the file is read', async () => {
    const lines = validNdjson().trimEnd().split('\n');
    // Line 3 names an organisation nowhere in the file (found at the end); line 4 is below the threshold (found as read).
    lines[2] = lines[2]!.replace(`"reportingOrganisation":"${PUBLISHER}"`, '"reportingOrganisation":"ZA-NPO-999-999"');
    lines[3] = lines[3]!.replace('"numerator":20', '"numerator":3').replace('"value":2', '"value":0.3');
    const { stdout } = await phxInProcess(['validate', dir.write('order.phx.ndjson', `${lines.join('\n')}\n`)]);
    expect(stdout).toContain('ref.unknown-organisation');
    expect(stdout).toContain('privacy.small-cell');
    expect(stdout.split('\n').filter((line) => /^ {2}line \d+$/.test(line))).toEqual(['  line 3', '  line 4']);
  });

  it('prints no colour codes when the output is not a terminal', () => {
    expect(phx(['validate', invalid]).stdout).not.toContain('\u001b[');
  });

  it('reads standard input with -, as NDJSON unless told otherwise', () => {
    expect(phx(['validate', '-'], { input: validNdjson() }).code).toBe(0);
    const asJson = phx(['validate', '--stdin-format', 'json', '-'], { input: JSON.stringify(invalidPackage) });
    expect(asJson.code).toBe(1);
    expect(asJson.stdout).toContain('<stdin>:1:');
    const asCsv = phx(['validate', '--stdin-format', 'csv', '-'], { input: 'id,indicator,period.start\nobs-1,hiv-prevalence-prisoners,2020-13-01\n' });
    expect(asCsv.code).toBe(1);
    expect(asCsv.stdout).toContain('<stdin>:C2  error    schema.invalid-format /period/start');
    expect(phx(['validate', '--stdin-format', 'xml', '-']).code).toBe(2);
  });

  it('expands quoted globs, in a stable order', () => {
    const { report } = json([`${dir.path('')}/*.phx.json`]);
    expect(report.files.map((file) => file.file.split('/').pop())).toEqual(['invalid.phx.json', 'valid.phx.json', 'warned.phx.json']);
  });

  it('exits 2 when a glob matches nothing', () => {
    const { code, stderr } = phx(['validate', `${dir.path('')}/*.nothing.phx.json`]);
    expect(code).toBe(2);
    expect(stderr).toContain('no file matches');
  });

  it('tells the format of a file with another ending from its content', () => {
    const path = dir.write('export.txt', validNdjson());
    expect(json([path]).report.files[0]).toMatchObject({ format: 'ndjson', ok: true });
  });

  it('exits 2 when no file is named', () => {
    const { code, stderr } = phx(['validate']);
    expect(code).toBe(2);
    expect(stderr).toContain('name at least one file');
  });
});

describe('phx validate: options', () => {
  it('--format json prints the issues as data', () => {
    const { code, report } = json([invalid, valid]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, errors: 2, warnings: 0 });
    expect(report.files[0]).toMatchObject({ file: invalid, format: 'json', ok: false, read: { records: { organisation: 1, facility: 1, observation: 3 } }, errors: 2 });
    expect(report.files[0]!.issues.map((issue) => issue.code)).toEqual(['unique.duplicate-id', 'privacy.small-cell']);
    expect(report.files[0]!.issues[0]!.location).toEqual({ line: expect.any(Number), column: expect.any(Number) });
    expect(report.files[1]).toMatchObject({ file: valid, ok: true, issues: [] });
  });

  it('--locale renders the messages in Russian, Ukrainian, French and Spanish, and LANG sets the default', () => {
    const messages = (args: string[], env?: Record<string, string>) => phx(['validate', '--format', 'json', ...args, invalid], { env }).stdout;
    expect(messages(['--locale', 'ru'])).toContain('Повторяющийся идентификатор');
    expect(messages(['--locale', 'fr'])).not.toContain('A second observation with the identifier');
    expect(messages(['--locale', 'es'])).not.toContain('A second observation with the identifier');
    expect(messages(['--locale', 'uk'])).toContain('Повторюваний ідентифікатор');
    expect(messages([], { LANG: 'ru_RU.UTF-8' })).toContain('Повторяющийся идентификатор');
    expect(messages([], { LANG: 'uk_UA.UTF-8' })).toContain('Повторюваний ідентифікатор');
    expect(messages([], { LANG: 'de_DE.UTF-8' })).toContain('A second observation with the identifier');
  });

  it("speaks the run's language in its own words too: severities, rows and lines, the summary", async () => {
    const table = dir.write('twice.csv', ['id,indicator,reportingOrganisation,scope.country,period.start,period.end,unit,numerator,denominator,value,dataSource',
      'obs-1,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,percent,13,100,13,survey',
      'obs-1,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,percent,30,100,30,survey', ''].join('\n'));
    const ukrainian = phx(['validate', table, valid], { env: { LANG: 'uk_UA.UTF-8' } }).stdout;
    expect(ukrainian).toContain('  рядок 3\n');
    expect(ukrainian).toMatch(/помилка +unique\.duplicate-id \/id {2}Повторюваний ідентифікатор «obs-1» \(спостереження; уперше: рядок 2\)/);
    expect(ukrainian).toMatch(/✖ помилок: 1, попереджень: 0; не пройшли перевірку файлів: 1 з 2 \(записів: \d+\)/);
    expect((await phxInProcess(['validate', '--locale', 'ru', valid])).stdout).toBe('✔ все файлы прошли проверку (файлов: 1; записей: 4)\n');
    expect((await phxInProcess(['validate', '--locale', 'fr', table])).stdout).toContain('✖ 1 erreur, 0 avertissement : 1 sur 1 fichier non valide (2 enregistrements)');
    expect((await phxInProcess(['validate', '--locale', 'es', table])).stdout).toContain('  fila 3\n');
    const many = dir.write('many-uk.phx.ndjson', `${Array.from({ length: 30 }, () => JSON.stringify({ type: 'observation', ...observation('same') })).join('\n')}\n`);
    expect((await phxInProcess(['validate', '--locale', 'uk', '--max-issues', '3', many])).stdout).toMatch(/показано проблем: 3 \(--max-issues\); перевірка зупинилася \(рядок 4 \(байтів: [\d\s]+\), записів: 4\)/);
  });

  it('--fail-on warning makes warnings fail', async () => {
    const errorOnly = await phxInProcess(['validate', warned]);
    expect(errorOnly.code).toBe(0);
    expect(errorOnly.stdout).toContain('warning  privacy.personal-data');
    expect(errorOnly.stdout).toContain('✔ 1 file valid, 3 records, 1 warning');
    // The summary, --quiet and the json report say what the exit code says: the file fails.
    const failing = await phxInProcess(['validate', '--fail-on', 'warning', warned]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('✖ 0 errors, 1 warning: 1 of 1 file invalid');
    expect(failing.stdout).not.toContain('✔');
    const quiet = await phxInProcess(['validate', '--fail-on', 'warning', '--quiet', warned]);
    expect(quiet.stdout).toContain('warning  privacy.personal-data');
    expect((await phxInProcess(['validate', '--quiet', warned])).stdout).toBe('');
    const { report } = json(['--fail-on', 'warning', warned]);
    expect(report).toMatchObject({ ok: false, files: [{ ok: true, warnings: 1 }] });
    expect(json([warned]).report).toMatchObject({ ok: true });
  });

  it('--max-issues stops a file after N issues', async () => {
    const many = { ...validPackage(), observations: Array.from({ length: 30 }, () => observation('same')) };
    const path = dir.write('many.phx.json', JSON.stringify(many));
    const { report } = json(['--max-issues', '5', path]);
    expect(report.files[0]!.issues).toHaveLength(5);
    expect(report.files[0]).toMatchObject({ truncated: true, read: { complete: false, records: { observation: 6 } } });
    const stream = dir.write('many.phx.ndjson', `${Array.from({ length: 30 }, () => JSON.stringify({ type: 'observation', ...observation('same') })).join('\n')}\n`);
    const streamed = json(['--max-issues', '3', stream]).report.files[0]!;
    expect(streamed.issues).toHaveLength(3);
    expect(streamed).toMatchObject({ truncated: true, read: { complete: false, lines: 4, records: { observation: 4 } } });
    const human = (await phxInProcess(['validate', '--max-issues', '5', path])).stdout;
    expect(human).toContain('… 5 issues listed (--max-issues); checking stopped at 8 records: the counts cover only the part checked');
    expect((await phxInProcess(['validate', '--max-issues', '3', stream])).stdout).toMatch(/checking stopped at line 4 \(\d[\d,]* bytes\), 4 records: the counts cover only the part checked/);
    // Warnings past the limit are counted, and the file read to its end.
    const warned = dir.write('warned-many.phx.json', JSON.stringify({ ...validPackage(), observations: Array.from({ length: 8 }, (_, i) => observation(`obs-${i}`, { notes: 'call +27 21 555 0199', scope: { country: 'ZA', subnationalArea: `Area ${i}` } })) }));
    expect((await phxInProcess(['validate', '--max-issues', '2', warned])).stdout).toContain('… 2 issues listed (--max-issues); the counts cover the whole file');
    expect((await phxInProcess(['validate', '--max-issues', '0', path])).code).toBe(2);
  });

  it('--max-issues lists an error found once warnings fill the list, in the place of the last warning', async () => {
    // Two notes that look like phone numbers (warnings), then an observation that repeats an id (an error).
    const warnedFirst = [
      observation('obs-1', { notes: 'call +27 21 555 0199', scope: { country: 'ZA', subnationalArea: 'Area 1' } }),
      observation('obs-2', { notes: 'call +27 21 555 0198', scope: { country: 'ZA', subnationalArea: 'Area 2' } }),
      observation('obs-1', { scope: { country: 'ZA', subnationalArea: 'Area 3' } }),
    ];
    const path = dir.write('warned-first.phx.json', JSON.stringify({ ...validPackage(), observations: warnedFirst }, null, 2));
    const stream = dir.write('warned-first.phx.ndjson', `${warnedFirst.map((record) => JSON.stringify({ type: 'observation', ...record })).join('\n')}\n`);
    for (const file of [path, stream]) {
      const { code, stdout } = await phxInProcess(['validate', '--max-issues', '1', file]);
      expect(code).toBe(1);
      expect(stdout).toMatch(/ {2}error {4}unique\.duplicate-id /);
      expect(stdout).not.toContain('privacy.personal-data');
      expect(stdout).toContain('✖ 1 error, 2 warnings');
      expect(stdout).toContain('… 1 issue listed (--max-issues)');
      const listed = json(['--max-issues', '2', file]).report.files[0]!;
      expect(listed.issues.map((issue) => issue.code)).toEqual(['privacy.personal-data', 'unique.duplicate-id']);
      expect(listed).toMatchObject({ errors: 1, warnings: 2, truncated: true });
    }
  });

  it('--suppression-threshold changes which counts must be suppressed', async () => {
    expect((await phxInProcess(['validate', '--suppression-threshold', '3', invalid])).stdout).not.toContain('privacy.small-cell');
    expect((await phxInProcess(['validate', '--suppression-threshold', '200', valid])).stdout).toContain('below the suppression threshold 200');
    expect((await phxInProcess(['validate', '--suppression-threshold', 'five', valid])).code).toBe(2);
  });

  it('--quiet prints errors only, and nothing for valid data', async () => {
    const quietValid = await phxInProcess(['validate', '--quiet', valid, warned]);
    expect(quietValid).toMatchObject({ code: 0, stdout: '' });
    const quietInvalid = await phxInProcess(['validate', '--quiet', invalid]);
    expect(quietInvalid.code).toBe(1);
    expect(quietInvalid.stdout).toContain('unique.duplicate-id');
  });

  it('--type reads a CSV whose header could be several types', async () => {
    const path = dir.write('ids.csv', 'id\nobs-1\n');
    const untyped = await phxInProcess(['validate', path]);
    expect(untyped.code).toBe(1);
    expect(untyped.stdout).toContain('record type is unknown');
    const typed = json(['--type', 'observation', path]).report.files[0]!;
    expect(typed.issues.map((issue) => issue.code)).toContain('schema.required');
    expect((await phxInProcess(['validate', '--type', 'person', path])).code).toBe(2);
  });

  it('streams NDJSON and places each issue at its line and column', async () => {
    const lines = validNdjson().trimEnd().split('\n');
    lines.push(JSON.stringify({ type: 'observation', ...observation('obs-9', { numerator: 'many' }) }));
    const path = dir.write('bad.phx.ndjson', `${lines.join('\n')}\n`);
    const { code, stdout } = await phxInProcess(['validate', path]);
    expect(code).toBe(1);
    expect(stdout).toContain('  line 5\n');
    const column = lines[4]!.indexOf('"numerator"') + 1;
    expect(stdout).toContain(`${path}:5:${column}  error    schema.invalid-type /numerator`);
  });

  it('places CSV issues at their row and column', async () => {
    const path = dir.write('bad.csv', 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource\nobs-1,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey\nobs-2,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,lots,1000,12,percent,survey\n');
    const { code, stdout } = await phxInProcess(['validate', path]);
    expect(code).toBe(1);
    expect(stdout).toContain('  row 3\n');
    expect(stdout).toContain(`${path}:G3  error    schema.invalid-type /numerator`);
  });
});

describe('phx validate --jobs', () => {
  /**
   * An NDJSON file over 4 MiB (the size from which worker threads check lines) with something wrong now and
   * then: repeated ids, counts below the suppression threshold, a line that is not JSON, one of unknown type,
   * and a last line cut short.
   */
  const lines = [JSON.parse(validNdjson().split('\n')[0]!) as Record<string, unknown>];
  for (let i = 0; i < 16_000; i++) {
    const id = i % 997 === 5 ? 'obs-again' : `obs-${i}`;
    const extra = i % 1301 === 7 ? { numerator: 3, value: 0.3 } : { scope: { country: 'ZA', subnationalArea: `Area ${i}` } };
    lines.push({ type: 'observation', ...observation(id, extra) });
  }
  const text = lines.map((line, i) => (i === 9000 ? '{"type": "observation",' : i === 12_000 ? '{"type": "survey"}' : JSON.stringify(line))).join('\n');
  const big = dir.write('big.phx.ndjson', `${text}\n{"type": "observation", "id": "cut`);

  it('gives what one thread gives, for 2, 3 and 64 threads (lowered to the processors), whole or stopped at --max-issues', () => {
    for (const [args, jobs] of [[['--format', 'json'], ['2', '3', '64']], [['--format', 'json', '--max-issues', '7'], ['2']], [['--locale', 'fr', '--max-issues', '40'], ['3']]] as const) {
      const one = phx(['validate', ...args, big]);
      expect(one.code).toBe(1);
      for (const n of jobs) expect(phx(['validate', ...args, '--jobs', n, big])).toEqual(one);
    }
  }, 240_000);

  it('lowers a number of jobs above the processors available to that number, and says so in its help', () => {
    expect([1, 2, 3, 64].map((jobs) => jobsWithin(jobs, 2))).toEqual([1, 2, 2, 2]);
    expect(jobsWithin(64, 16)).toBe(16);
    expect(jobsWithin(undefined, 2)).toBeUndefined();
    expect(jobsWithin(1_000_000)).toBe(availableParallelism());
    expect(phx(['validate', '--help']).stdout).toContain(`More than the processors available (${availableParallelism()} here) is\n                                lowered to that number`);
    expect(phx(['validate', '--jobs', '1000000', valid])).toMatchObject({ code: 0, stderr: '' });
  });

  it('refuses a number of jobs that is not a whole number from 1', () => {
    for (const jobs of ['0', 'x', '1.5']) {
      const run = phx(['validate', '--jobs', jobs, valid]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--jobs must be a whole number of at least 1 (got "${jobs}")`);
    }
  });
});

describe('phx validate: a name written where an id is asked for', () => {
  // Files of their own, apart from those the globs above expand to.
  const dir = tempDir();
  const named = dir.write('named.phx.json', JSON.stringify({
    ...validPackage(),
    facilities: [{ id: 'ua-bucha-85', name: 'Бучанська виправна колонія №85', country: 'UA', facilityType: 'prison' }],
    observations: [observation('obs-1', { scope: { country: 'UA', facility: 'Бучанська виправна колонія № 85' } })],
  }, null, 2));

  it('names the record whose name it is, in the language asked for', async () => {
    const en = json([named]);
    expect(en.code).toBe(1);
    expect(en.report.files[0]!.issues.map((issue) => issue.message)).toEqual([
      '"Бучанська виправна колонія № 85" is the name of the facility "ua-bucha-85": write its identifier instead',
    ]);
    const uk = await phxInProcess(['validate', named, '--locale', 'uk']);
    expect(uk.stdout).toContain('«Бучанська виправна колонія № 85» — назва установи «ua-bucha-85»: вкажіть замість неї ідентифікатор');
  });

  it('in a CSV table of observations alone, which names no facility, shows the form of a facility’s id', () => {
    const csv = dir.write('named.csv', [
      'id,indicator,reportingOrganisation,scope.country,scope.facility,period.start,period.end,numerator,denominator,value,unit,dataSource',
      `obs-1,hiv-prevalence-prisoners,${PUBLISHER},UA,Бучанська виправна колонія №85,2020-01-01,2020-12-31,120,1000,12,percent,survey`,
    ].join('\n'));
    const { report } = json([csv]);
    expect(report.files[0]!.issues.map((issue) => issue.message)).toEqual([
      'Facility: "Бучанська виправна колонія №85" is not an identifier of up to 128 Latin letters (A–Z, a–z), digits and . _ : - that starts with a letter or a digit, e.g. zm-fac-01',
    ]);
  });

  it('in CSV tables joined into a package by phx convert, names the facility of another table', async () => {
    const facilities = dir.write('named-facilities.csv', 'id,name,country,facilityType\nua-bucha-85,Бучанська виправна колонія №85,UA,prison\n');
    const observations = dir.write('named-observations.csv', [
      'id,indicator,reportingOrganisation,scope.country,scope.facility,period.start,period.end,numerator,denominator,value,unit,dataSource',
      `obs-1,hiv-prevalence-prisoners,${PUBLISHER},UA,«Бучанська виправна колонія №85»,2020-01-01,2020-12-31,120,1000,12,percent,survey`,
    ].join('\n'));
    const header = dir.write('named-header.phx.json', JSON.stringify({ ...validPackage(), facilities: [], observations: [] }));
    const run = await phxInProcess(['convert', facilities, observations, '--header', header, '-o', dir.path('named-out.phx.json'), '--locale', 'fr']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain("« «Бучанська виправна колонія №85» » est le nom de l'établissement « ua-bucha-85 » : écrivez plutôt son identifiant");
  });
});
