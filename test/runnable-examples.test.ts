/** Every runnable example in examples/ runs as documented and does what it says. */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { validate, validateCsv } from '../packages/schema/src/index.js';

const root = join(import.meta.dirname, '..');
const run = promisify(execFile);
const tsx = (args: string[]) => run(process.execPath, ['--import', 'tsx', ...args], { cwd: root });
const scratch = mkdtempSync(join(tmpdir(), 'phx-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('examples/', () => {
  it('validate-file.ts reports the example package valid', async () => {
    const { stdout } = await tsx(['examples/validate-file.ts']);
    expect(stdout).toContain('network-meeting-2020.phx.json is valid');
  });

  it('validate-file.ts reports an invalid file with its line, code and message in the locale asked for, and exits 1', async () => {
    const file = join(root, 'examples/data/invalid/ref.unknown-organisation.phx.json');
    const failure = await tsx(['examples/validate-file.ts', file, 'ru']).catch((error: { code: number; stdout: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stdout).toMatch(/:\d+:\d+ error ref\.unknown-organisation В пакете нет организации/);
  });

  it('build-package.ts writes a package that validates', async () => {
    const out = join(scratch, 'built.phx.json');
    const { stdout } = await tsx(['examples/build-package.ts', out]);
    expect(stdout).toContain('with 3 observations');
    const written = readFileSync(out, 'utf8');
    expect(validate(written)).toMatchObject({ ok: true, issues: [], data: JSON.parse(written) });
  });

  it('stream-ndjson.ts streams the NDJSON example and prints a summary', async () => {
    const { stdout } = await tsx(['examples/stream-ndjson.ts']);
    expect(stdout).toMatch(/\d+ lines, \d+ observations: 0 errors, 0 warnings/);
  });

  it('client-hub.ts starts a hub, imports, pages through a list and meets a 412', async () => {
    const { stdout } = await tsx(['examples/client-hub.ts']);
    expect(stdout.split('\n').filter(Boolean)).toEqual([
      'imported: 1 new record(s)',
      'a page of 4, more: true',
      expect.stringMatching(/^first: obs-zm-/),
      '10 observations for ZM',
      '412: the record changed meanwhile; its notes now read "Checked against the 2020 annual report."',
    ]);
  });

  it('generate-types/ generates types from the JSON Schema and a program compiles against them', async () => {
    await tsx(['examples/generate-types/generate.ts']);
    const { stdout } = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'examples/generate-types'], { cwd: root });
    expect(stdout).toBe('');
    expect(readFileSync(join(root, 'examples/generate-types/phx-types.d.ts'), 'utf8')).toContain('export interface Observation');
  });

  it('the worked spreadsheet of docs/csv.md gives the notes and the two issues the guide explains, at their rows', () => {
    const { issues } = validateCsv(readFileSync(join(root, 'examples/data/spreadsheet/observations.csv')));
    expect(issues.map(({ code, severity, location }) => ({ code, severity, location }))).toEqual([
      { code: 'sheet.normalised', severity: 'info', location: { row: 1, column: 5, text: { line: 1, column: 50 } } },
      { code: 'sheet.normalised', severity: 'info', location: { row: 1, column: 6, text: { line: 1, column: 63 } } },
      { code: 'sheet.normalised', severity: 'info', location: { row: 1, column: 9, text: { line: 1, column: 103 } } },
      { code: 'sheet.normalised', severity: 'info', location: { row: 1, column: 10, text: { line: 1, column: 115 } } },
      { code: 'sheet.normalised', severity: 'info', location: { row: 1, column: 13, text: { line: 1, column: 137 } } },
      { code: 'privacy.small-cell', severity: 'error', location: { row: 6, column: 8, text: { line: 6, column: 78 } } },
      { code: 'privacy.personal-data', severity: 'warning', location: { row: 7, column: 14, text: { line: 7, column: 124 } } },
    ]);
  });

  it('the phx bin that `npm start` runs is installed in the repository', async () => {
    const { stdout } = await run(join(root, 'node_modules/.bin/phx'), ['validate', 'examples/data/network-meeting-2020.phx.json'], { cwd: root });
    expect(stdout).toMatch(/✔ 1 file valid/);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start).toMatch(/^phx validate examples\/data\/network-meeting-2020\.phx\.json && phx serve /);
  });

  it('every command of the spreadsheets guide (docs/csv.md) runs on its example files and does what the guide says', async () => {
    const guide = readFileSync(join(root, 'docs/csv.md'), 'utf8');
    const commands = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block]) => block!.split('\n').filter((line) => line.startsWith('phx ')).map((line) => line.replace(/\s+#.*$/, '')));
    const folder = join(scratch, 'spreadsheet');
    mkdirSync(folder);
    cpSync(join(root, 'examples/data/spreadsheet'), folder, { recursive: true });
    const phx = async (command: string): Promise<{ code: number; stdout: string; stderr: string }> => {
      const args = command.split(' ').slice(1);
      return run(process.execPath, [join(root, 'packages/cli/bin/phx.js'), ...args], { cwd: folder, env: { PATH: process.env.PATH, LANG: 'C' } }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    };
    /** What a data officer does in Excel between two commands: fill in the template. */
    const fillTemplate = async (): Promise<void> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(folder, 'report.xlsx'));
      const fill = (name: string, values: Record<string, ExcelJS.CellValue>): void => {
        const sheet = workbook.getWorksheet(name)!;
        const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
        for (const [path, value] of Object.entries(values)) sheet.getCell(3, paths.indexOf(path) + 1).value = value;
      };
      // The Package sheet is filled in from header.phx.json, the facilities sheet from facilities.csv.
      fill('observations', {
        id: 'obs-1', indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'UA-EDR-21514560', 'scope.country': 'UA', 'scope.facility': 'ua-kyiv-sizo',
        'period.start': '01.01.2023', 'period.end': '31.12.2023', numerator: 96, denominator: '2 140', value: '4,5%', unit: 'percent', dataSource: 'survey',
      });
      await workbook.xlsx.writeFile(join(folder, 'report.xlsx'));
    };
    // Each command with the exit code the guide gives it, and what the user does before it.
    const steps: [string, number, (() => Promise<void> | void)?][] = [
      ['phx template --locale uk -o report.xlsx --facilities facilities.csv --header header.phx.json', 0],
      ['phx validate report.xlsx', 0, fillTemplate],
      ['phx convert report.xlsx -o report.phx.json', 0],
      ['phx convert report.phx.json -o report-fr.xlsx --locale fr', 0],
      ['phx convert report-fr.xlsx -o report-back.phx.json', 0],
      ['phx validate observations.csv', 1],
      ['phx convert header.phx.json facilities.csv observations.csv -o package.phx.json', 1],
      ['phx convert package.phx.json -o observations-uk.csv --type observation --locale uk', 0, () => {
        // Row 6 fixed as the report says, before the same command is run again.
        const sheet = readFileSync(join(folder, 'observations.csv'), 'utf8');
        writeFileSync(join(folder, 'observations.csv'), sheet.replace(';;3;558;0,5%;percent;routine-programme-data;ХИБНІСТЬ;', ';;;558;;percent;routine-programme-data;ІСТИНА;'));
      }],
    ];
    expect(commands).toEqual(steps.map(([command]) => command));
    for (const [command, code, before] of steps) {
      await before?.();
      if (command.startsWith('phx convert package.phx.json')) {
        expect(await phx('phx convert header.phx.json facilities.csv observations.csv -o package.phx.json')).toMatchObject({ code: 0 });
        expect(await phx('phx validate package.phx.json')).toMatchObject({ code: 0 });
      }
      const result = await phx(command);
      expect(result.code, `${command}\n${result.stdout}${result.stderr}`).toBe(code);
      if (command === 'phx validate observations.csv') {
        const shown = /```console\n([\s\S]*?)```/.exec(guide.slice(guide.indexOf(command)))![1];
        expect(result.stdout).toBe(shown);
      }
      if (command.startsWith('phx convert header.phx.json')) {
        expect(result.stdout).toContain('observations.csv:H6  error    privacy.small-cell');
        expect(result.stderr).toContain('package.phx.json was not written: the package would be invalid');
      }
    }
    const report = JSON.parse(readFileSync(join(folder, 'report.phx.json'), 'utf8')) as Record<string, { id: string }[]>;
    expect(JSON.parse(readFileSync(join(folder, 'report-back.phx.json'), 'utf8'))).toEqual(report);
    // The workbook held the facilities and the organisation it offered: each once in the package.
    expect([report.organisations, report.facilities].map((records) => records!.map(({ id }) => id))).toEqual([['UA-EDR-21514560'], ['ua-kyiv-sizo', 'ua-lviv-19']]);
    expect(readFileSync(join(folder, 'observations-uk.csv'), 'utf8')).toMatch(/^\uFEFFid;indicator;.*\r\nua-hiv-2020-f;.*;01\.01\.2020;31\.12\.2020;.*;7,5;/su);
  });
});
