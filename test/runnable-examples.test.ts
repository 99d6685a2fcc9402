/** Every runnable example in examples/ runs as documented and does what it says. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
      { code: 'sheet.normalised', severity: 'info', location: { row: 1, column: 5 } },
      { code: 'sheet.normalised', severity: 'info', location: { row: 1, column: 6 } },
      { code: 'sheet.normalised', severity: 'info', location: { row: 1, column: 9 } },
      { code: 'sheet.normalised', severity: 'info', location: { row: 1, column: 10 } },
      { code: 'sheet.normalised', severity: 'info', location: { row: 1, column: 13 } },
      { code: 'privacy.small-cell', severity: 'error', location: { row: 6, column: 8 } },
      { code: 'privacy.personal-data', severity: 'warning', location: { row: 7, column: 14 } },
    ]);
  });

  it('the phx bin that `npm start` runs is installed in the repository', async () => {
    const { stdout } = await run(join(root, 'node_modules/.bin/phx'), ['validate', 'examples/data/network-meeting-2020.phx.json'], { cwd: root });
    expect(stdout).toMatch(/✔ 1 file valid/);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start).toMatch(/^phx validate examples\/data\/network-meeting-2020\.phx\.json && phx serve /);
  });
});
