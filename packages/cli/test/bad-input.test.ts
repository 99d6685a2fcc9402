import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compoundFile, observationsCsv, observationsPackage } from '../../../test/corpus/awkward-files.js';
import { observation, phx, phxInProcess, PUBLISHER, tempDir, validPackage } from './helpers.js';

const dir = tempDir();

/** Text as Excel's plain "CSV" saves it on a Ukrainian or Russian Windows: in Windows-1251. */
function windows1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const byteOf = new Map(Array.from({ length: 256 }, (_, byte) => [decoder.decode(Uint8Array.of(byte)), byte]));
  return Uint8Array.from(text, (char) => byteOf.get(char)!);
}

/** The one line a user sees for a file that cannot be used as a whole: phx in this process, or in its own given `input`. */
async function failsWith(args: string[], code: number, message: string | RegExp, input?: string | Buffer): Promise<void> {
  const run = input === undefined ? await phxInProcess(args) : phx(args, { input });
  expect(run.code).toBe(code);
  expect(`${run.stdout}${run.stderr}`).toMatch(message);
}

describe('bad input gets one clear message and exit 1 or 2, never a stack trace', () => {
  it.each([['x.phx.json'], ['x.phx.ndjson'], ['x.csv']])('an empty %s', async (name) => {
    await failsWith(['validate', dir.write(name, '')], 1, `${dir.path(name)}\n  file\n    ${dir.path(name)}  error    file.empty  The file is empty`);
    await failsWith(['validate', dir.write(`blank-${name}`, '\r\n  \n')], 1, 'file.empty  The file holds only blank lines or spaces');
  });

  it('empty standard input', async () => {
    await failsWith(['validate', '-'], 1, '<stdin>\n  file\n    <stdin>  error    file.empty  The file is empty', '');
  });

  it('a damaged Excel workbook, under its own name or another, and an Excel 97–2003 one', async () => {
    const workbook = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('xl/workbook.xml')]);
    await failsWith(['validate', dir.write('Book1.xlsx', workbook)], 1, /sheet\.unreadable {2}The file is not an Excel workbook \(\.xlsx\) that can be read/);
    await failsWith(['validate', dir.write('Book1.csv', workbook)], 1, /sheet\.unreadable {2}The file is not an Excel workbook/);
    const old = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(504)]);
    await failsWith(['validate', dir.write('Book1.xls', old)], 1, /file\.unsupported-format {2}The file is an Excel 97–2003 workbook \(\.xls\), which PHX does not read/);
  });

  it('a web page saved under an Excel name, as web portals export tables, told as a web page whatever its name', async () => {
    const page = '\uFEFF\r\n<html><body><table><tr><td>id</td><td>indicator</td></tr><tr><td>o1</td><td>x</td></tr></table></body></html>';
    for (const name of ['portal.xlsx', 'portal.xls']) {
      await failsWith(['validate', '--locale', 'uk', dir.write(name, page)], 1, 'file.unsupported-format  Це вебсторінка (HTML), а не книга Excel; відкрийте її в Excel і збережіть як книгу Excel (.xlsx)');
    }
    await failsWith(['validate', dir.write('page.xlsx', '<!DOCTYPE html>\n<html><head><title>Error</title></head><body>Session expired</body></html>')], 1, /file\.unsupported-format {2}The file is a web page \(HTML\), not an Excel workbook/);
  });

  it('an Excel workbook encrypted with a password, told from an Excel 97–2003 one', async () => {
    const encrypted = Buffer.from(compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    await failsWith(
      ['validate', '--locale', 'uk', dir.write('report.xlsx', encrypted)],
      1,
      'file.unsupported-format  Це книга Excel, захищена паролем, і PHX не може її відкрити; зніміть пароль (у Excel: Файл › Відомості › Захистити книгу › Зашифрувати за допомогою пароля, і зітріть його) і збережіть книгу знову',
    );
    await failsWith(['validate', dir.write('report.xls', Buffer.from(compoundFile(['Workbook'])))], 1, /file\.unsupported-format {2}The file is an Excel 97–2003 workbook \(\.xls\)/);
  });

  it('a workbook larger than the memory Node allows: told, where reading it would end phx out of memory', async () => {
    // 160 000 cells take about 80 MB to read; Node is given a heap of 64 MiB.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    for (let row = 0; row < 8_000; row++) sheet.addRow(Array.from({ length: 20 }, (_, column) => row * 20 + column));
    const file = dir.write('big.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const env = { NODE_OPTIONS: '--max-old-space-size=16' };
    for (const args of [['validate', '--locale', 'ru', file], ['convert', file, '--out', dir.path('big.phx.json')]]) {
      const run = phx(args, { env });
      expect(run.code).toBe(1);
      expect(`${run.stdout}${run.stderr}`).toMatch(/file\.too-large-for-memory +(Число ячеек в книге — 160\s000: для её чтения нужно около|The workbook holds 160,000 cells: reading it takes about) [\d.,]+ (МБ|MB) /);
    }
    expect(existsSync(dir.path('big.phx.json'))).toBe(false);
  }, 60_000);

  it('a CSV file larger than the memory Node allows: told, where reading it would end phx out of memory', () => {
    // A header and 30 000 rows of 15 cells, as Ukrainian Excel saves them, take about 45 MiB to read; Node is given a
    // heap of 64 MiB, 16 of it for old objects.
    const file = dir.write('big.csv', observationsCsv(30_000));
    const env = { NODE_OPTIONS: '--max-old-space-size=16' };
    for (const args of [['validate', '--locale', 'uk', file], ['convert', file, '--out', dir.path('big-csv.phx.json')]]) {
      const run = phx(args, { env });
      expect(run.code).toBe(1);
      expect(`${run.stdout}${run.stderr}`).toMatch(/file\.too-large-for-memory +(Кількість клітинок у файлі CSV — близько 450\s015: щоб його прочитати, потрібно близько|The CSV file holds about 450,015 cells: reading it takes about) [\d.,]+ (МБ|MB) /);
    }
    expect(existsSync(dir.path('big-csv.phx.json'))).toBe(false);
  }, 60_000);

  it('a .phx.json file read whole larger than the memory Node allows: told, where reading it would end phx out of memory', () => {
    // 20 000 observations (10.6 MB, 320 016 values) take about 83 MiB to read whole; Node is given a heap of 64 MiB,
    // 16 of it for old objects. `phx validate` of the file reads it piece by piece, which takes far less.
    const file = dir.write('big.phx.json', observationsPackage(20_000));
    const env = { NODE_OPTIONS: '--max-old-space-size=16' };
    const runs = [
      phx(['check', '--profile', 'gam', '--country', 'UA', '--year', '2024', '--locale', 'uk', file], { env }),
      phx(['export', file, '-o', dir.path('big.sdmx.csv')], { env }),
      phx(['convert', file, '--out', dir.path('big.phx.ndjson')], { env }),
      phx(['validate', '-'], { env, input: readFileSync(file) }),
    ];
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(`${run.stdout}${run.stderr}`).toMatch(/file\.too-large-for-memory +(Кількість значень у файлі — близько 320\s016: щоб прочитати його цілком, потрібно близько|The file holds about 320,016 values: reading it whole takes about) [\d.,]+ (МБ|MB) /);
    }
    expect(existsSync(dir.path('big.sdmx.csv'))).toBe(false);
    expect(existsSync(dir.path('big.phx.ndjson'))).toBe(false);
    expect(phx(['validate', file], { env }).code).toBe(0);
  }, 60_000);

  it('binary data', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await failsWith(['validate', dir.write('binary.phx.json', bytes)], 1, /syntax\.invalid-encoding {2}The file is not valid UTF-8 text; save it as UTF-8/);
    await failsWith(['validate', dir.write('binary.phx.ndjson', bytes)], 1, /syntax\.invalid-encoding/);
    await failsWith(['validate', dir.write('binary.csv', bytes)], 1, /binary\.csv:A1 {2}error {4}syntax\.invalid-encoding/);
  });

  it('values holding characters a terminal does not show, printed by their code: a NUL, an escape sequence, a reversal', async () => {
    const header = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,value,unit,dataSource';
    const csv = `${header},no\u0000tes\n o1,prisons-people-on-oat,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,46\u0000,46,count,\u001b[2J\u001b]0;owned\u0007survey\u202Eyevrus,x\n`;
    const run = await phxInProcess(['validate', dir.write('unseen.csv', csv)]);
    expect(run.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(run.stdout).toContain('"no\\u0000tes"');
    expect(run.stdout).toContain('46\\u0000');
    expect(run.stdout).toContain('\\u001B[2J\\u001B]0;owned\\u0007survey\\u202Eyevrus');
    // The JSON report keeps the text as it is.
    expect(JSON.stringify(JSON.parse((await phxInProcess(['validate', dir.path('unseen.csv'), '--format', 'json'])).stdout))).toContain('no\\u0000tes');
  });

  it('invalid UTF-8, placed at its line', async () => {
    const latin1 = Buffer.concat([Buffer.from('{\n  "phxVersion": "1.0",\n  "id": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]);
    await failsWith(['validate', dir.write('latin1.phx.json', latin1)], 1, /latin1\.phx\.json:3:\d+ {2}error {4}syntax\.invalid-encoding/);
  });

  it('a CSV file as Excel\'s plain "CSV" saves it on a Ukrainian Windows: named, then read with --encoding', async () => {
    const text = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource,notes\r\n' +
      'obs-1251,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey,Добровільне тестування в СІЗО\r\n';
    const file = dir.write('cp1251.csv', windows1251(text));
    await failsWith(['validate', file], 1, /cp1251\.csv:[A-Z]+2 {2}error {4}syntax\.invalid-encoding {2}The file is not UTF-8 but Windows-1251 \(Cyrillic\) text.*\n {2}hint: run again with --encoding windows-1251 to read it as it is\n/);
    expect(phx(['validate', file], { env: { LANG: 'uk_UA.UTF-8' } }).stdout).toContain('  підказка: запустіть знову з --encoding windows-1251, щоб прочитати файл як є\n');
    const validated = await phxInProcess(['validate', file, '--encoding', 'CP1251', '--format', 'json']);
    expect(JSON.parse(validated.stdout).files[0].issues.map((issue: { code: string }) => issue.code)).not.toContain('syntax.invalid-encoding');
    const out = dir.path('cp1251.phx.ndjson');
    const pkg = dir.write('publisher.phx.json', JSON.stringify(validPackage()));
    expect((await phxInProcess(['convert', pkg, file, '-o', out, '--encoding', 'windows-1251'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"notes":"Добровільне тестування в СІЗО"');
    await failsWith(['validate', file, '--encoding', 'ebcdic'], 2, 'phx: --encoding names no text encoding (got "ebcdic")');
  });

  it('a Cyrillic CSV file read with --encoding of Western European text: warned at its first word, with the encoding it looks written in', () => {
    const text = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource,notes\r\n' +
      'obs-1251,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey,Добровільне тестування\r\n';
    const file = dir.write('misread.csv', windows1251(text));
    const run = phx(['validate', file, '--encoding', 'latin1'], { env: { LANG: 'uk_UA.UTF-8' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('misread.csv:L2  попередження  syntax.encoding-mismatch  Файл прочитано в кодуванні Windows-1252 (західноєвропейське), як зазначено, але, схоже, його записано в Windows-1251 (кирилиця), де «Äîáðîâ³ëüíå» — це «Добровільне»: прочитайте його так');
    expect(run.stdout).toContain('  підказка: запустіть знову з --encoding windows-1251, щоб прочитати файл як є\n');
  });

  it.each([
    ['SDMX-CSV', 'sdmx.csv', 'S2'],
    ['DHIS2 CSV', 'dhis2.csv', 'I2'],
  ])('a %s file in Windows-1251 given to phx import: placed at its cell as phx validate places it, then read with --encoding', async (_, ending, cell) => {
    const notes = 'Добровільне тестування в СІЗО';
    const pkg = dir.write(`import-${ending}.phx.json`, JSON.stringify({ ...validPackage(), observations: [observation('obs-1251', { notes, scope: { country: 'ZA' } })] }));
    const exported = dir.path(`utf8.${ending}`);
    expect((await phxInProcess(['export', pkg, '-o', exported, '-q'])).code).toBe(0);
    // The first letters beyond ASCII are the comment of row 2: OBS_COMMENT of SDMX-CSV, comment of DHIS2.
    const file = dir.write(`r-1251.${ending}`, windows1251(readFileSync(exported, 'utf8')));
    const uk = { env: { LANG: 'uk_UA.UTF-8' } };
    expect(phx(['validate', file], uk).stdout).toContain(`${file}:${cell}  помилка       syntax.invalid-encoding  Файл не в кодуванні UTF-8, а в Windows-1251`);
    const out = dir.path(`r-1251-${ending}.phx.json`);
    const options = ['-o', out, '--publisher', PUBLISHER, '--license', 'CC-BY-4.0', '--with', pkg];
    const refused = phx(['import', file, ...options], uk);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^phx: ${file.replace(/[.\\]/g, '\\$&')}:${cell}: Файл не в кодуванні UTF-8, а в Windows-1251`, 'm'));
    // With how to read it as it is, as phx validate says.
    expect(refused.stderr).toContain('\nпідказка: запустіть знову з --encoding windows-1251, щоб прочитати файл як є');
    expect(existsSync(out)).toBe(false);
    expect((await phxInProcess(['import', file, ...options, '--encoding', 'CP1251'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`"notes": "${notes}"`);
    await failsWith(['import', file, ...options, '--force', '--encoding', 'ebcdic'], 2, 'phx: --encoding names no text encoding (got "ebcdic")');
  });

  it('a facilities CSV in Windows-1251 given to phx template: named with how to read it, then read with --encoding', async () => {
    const file = dir.write('facilities-1251.csv', windows1251('id,name,country,facilityType\r\nua-kyiv-sizo,Київський СІЗО,UA,pre-trial-detention\r\n'));
    const out = dir.path('facilities-1251.xlsx');
    await failsWith(['template', '--facilities', file, '-o', out], 1, /syntax\.invalid-encoding {2}The file is not UTF-8 but Windows-1251 \(Cyrillic\) text.*\n {2}hint: run again with --encoding windows-1251 to read it as it is\n/);
    // The last line, that nothing was written, is in the language of the rest, as phx export and phx import say it.
    const notWritten = { en: `${out} was not written`, ru: `${out} не записан`, uk: `${out} не записано`, fr: `${out} n'a pas été écrit`, es: `no se escribió ${out}` };
    for (const [locale, line] of Object.entries(notWritten)) {
      const run = await phxInProcess(['template', '--locale', locale, '--facilities', file, '-o', out]);
      expect(run.code, locale).toBe(1);
      expect(run.stderr, locale).toBe(`phx: ${line}\n`);
    }
    expect(existsSync(out)).toBe(false);
    expect((await phxInProcess(['template', '--facilities', file, '-o', out, '--encoding', 'windows-1251'])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const facilities = workbook.getWorksheet('facilities')!;
    const paths = (facilities.getRow(2).values as unknown[]).slice(1);
    expect(facilities.getCell(3, paths.indexOf('name') + 1).value).toBe('Київський СІЗО');
    await failsWith(['template', '--facilities', file, '-o', out, '--force', '--encoding', 'ebcdic'], 2, 'phx: --encoding names no text encoding (got "ebcdic")');
  });

  it.each([
    ['export', (file: string) => ['export', file, '-o', dir.path(`${file.slice(-12)}.fhir.json`), '--force']],
    ['check', (file: string) => ['check', file, '--profile', 'gam', '--country', 'ZA', '--year', '2020']],
  ])('a package saved in Windows-1251 (Notepad\'s "ANSI") given to phx %s: refused with how to read it, then read with --encoding', async (command, args) => {
    const notes = 'Добровільне тестування в СІЗО';
    const text = JSON.stringify({ ...validPackage(), observations: [observation('obs-1251', { notes, scope: { country: 'ZA' } })] }, null, 2);
    const file = dir.write(`${command}-1251.phx.json`, windows1251(text));
    const refused = phx(args(file), { env: { LANG: 'uk_UA.UTF-8' } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/syntax\.invalid-encoding {2}Файл не в кодуванні UTF-8, а в Windows-1251.*\n {2}підказка: запустіть знову з --encoding windows-1251, щоб прочитати файл як є\n/);
    const read = await phxInProcess([...args(file), '--encoding', 'CP1251']);
    expect(read.code).toBe(0);
    expect(read.stdout).not.toContain('invalid-encoding');
    await failsWith([...args(file), '--encoding', 'ebcdic'], 2, 'phx: --encoding names no text encoding (got "ebcdic")');
  });

  it('truncated JSON, placed where it ends', async () => {
    await failsWith(['validate', dir.write('truncated.phx.json', '{\n  "phxVersion": "1.0",\n  "id": ')], 1, /\n {2}file\n {4}\S*truncated\.phx\.json:3:\d+ {2}error {4}syntax\.invalid-json {2}Not valid JSON: the text ends too early/);
    await failsWith(['validate', dir.write('cut.phx.json', '{\n  "phxVersion": "1.0",\n  "id": "pkg')], 1, /cut\.phx\.json:3:9 {2}error {4}syntax\.invalid-json/);
    await failsWith(['validate', dir.write('truncated.phx.ndjson', '{"type":"observation","id":')], 1, /truncated\.phx\.ndjson:1:\d+ {2}error {4}syntax\.invalid-json/);
  });

  it('a 100 MB single line on standard input', async () => {
    const line = Buffer.alloc(100 * 1024 * 1024, 'a');
    await failsWith(['validate', '--stdin-format', 'ndjson', '-'], 1, /<stdin>:1:1 {2}error {4}syntax\.line-too-long {2}Line longer than 16 MB; skipped/, line);
  });

  it('1 000 000-deep nesting', async () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    await failsWith(['validate', dir.write('deep.phx.json', deep)], 1, /deep\.phx\.json:1:101 {2}error {4}syntax\.too-deep {2}Nested deeper than 100 levels/);
    // A line that is an array, however deep, is not a record.
    await failsWith(['validate', dir.write('deep.phx.ndjson', `${deep}\n`)], 1, /deep\.phx\.ndjson:1:1 {2}error {4}ndjson\.unknown-type \/type {2}The line has no "type"/);
    await failsWith(['validate', dir.write('open.phx.ndjson', `${'{"a":'.repeat(1_000_000)}\n`)], 1, /open\.phx\.ndjson:1:\d+ {2}error {4}syntax\.too-deep/);
    await failsWith(['validate', dir.write('open.phx.json', '['.repeat(1_000_000))], 1, /syntax\.too-deep/);
  });

  it('a directory', async () => {
    const folder = dir.path('folder.phx.json');
    mkdirSync(folder);
    await failsWith(['validate', folder], 2, `phx: ${folder}: is a directory, not a file`);
  });

  it('a missing file', async () => {
    await failsWith(['validate', dir.path('missing.phx.json')], 2, `phx: ${dir.path('missing.phx.json')}: no such file`);
    await failsWith(['convert', dir.path('missing.csv'), '-o', dir.path('out.phx.json')], 2, 'no such file');
  });

  it('a CSV with no header', async () => {
    const rows = 'obs-1,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey\n';
    await failsWith(['validate', dir.write('headless.csv', rows)], 1, 'headless.csv:A1  error    csv.no-header  The first row is not a header of PHX columns (e.g. id, indicator, period.start), so the record type is unknown');
    await failsWith(['validate', '--type', 'observation', dir.path('headless.csv')], 1, 'csv.no-header  The first row is not a header of observation columns');
    await failsWith(['convert', dir.path('headless.csv'), '-o', dir.path('headless.phx.json')], 1, 'The first row is not a header of PHX columns');
  });
});
