import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { observation, phxInProcess as run, tempDir, validPackage } from './helpers.js';

const dir = tempDir();

/** A package with a count of 7 people: shown under the default threshold of 5, to be suppressed under a threshold of 10. */
const seven = dir.write('seven.phx.json', JSON.stringify({
  ...validPackage(),
  observations: [observation('seven', { indicator: 'prisons-people-on-oat', unit: 'count', numerator: undefined, denominator: undefined, value: 7, scope: { country: 'ZA' } })],
}, null, 2));

/** Each command that checks data before it writes or reports it, run on the package of 7, with the options given. */
const commands: Record<string, (name: string, options: string[]) => string[]> = {
  validate: (_name, options) => ['validate', seven, ...options],
  convert: (name, options) => ['convert', seven, '-o', dir.path(`${name}.phx.ndjson`), ...options],
  export: (name, options) => ['export', seven, '-o', dir.path(`${name}.fhir.json`), ...options],
  check: (_name, options) => ['check', '--profile', 'gam', '--country', 'ZA', '--year', '2020', seven, ...options],
};

describe('--suppression-threshold', () => {
  it.each(Object.keys(commands))('%s takes a count of 7 under the default threshold, and refuses it as a small cell under a threshold of 10', async (command) => {
    const args = commands[command]!;
    expect((await run(args(`${command}-default`, []))).code).toBe(0);
    const { code, stdout, stderr } = await run(args(`${command}-ten`, ['--suppression-threshold', '10']));
    expect(code).toBe(1);
    expect(stdout).toMatch(/privacy\.small-cell .*Value 7 is below the suppression threshold 10/);
    if (command === 'convert') expect(stderr).toContain('was not written');
    expect(existsSync(dir.path(`${command}-ten.phx.ndjson`)) || existsSync(dir.path(`${command}-ten.fhir.json`))).toBe(false);
  });

  it('import checks the package it writes with the threshold given', async () => {
    const bundle = dir.path('seven.fhir.json');
    expect((await run(['export', seven, '-o', bundle, '-q'])).code).toBe(0);
    expect((await run(['import', bundle, '-o', dir.path('import-default.phx.json')])).code).toBe(0);
    const { code, stdout } = await run(['import', bundle, '-o', dir.path('import-ten.phx.json'), '--suppression-threshold', '10']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/privacy\.small-cell .*Value 7 is below the suppression threshold 10/);
  });

  it.each([...Object.keys(commands), 'import', 'serve'])('%s refuses a threshold that is not a whole number of at least 1, as validate does', async (command) => {
    const args =
      command === 'import' ? ['import', 'in.fhir.json', '-o', dir.path('never.phx.json')]
      : command === 'serve' ? ['serve', '--db', dir.path('never.sqlite'), '--port', '0']
      : commands[command]!('never', []);
    for (const value of ['0', 'ten', '2.5', '1e21']) {
      const { code, stderr } = await run([...args, '--suppression-threshold', value]);
      expect(code).toBe(2);
      expect(stderr).toBe(`phx: --suppression-threshold must be a whole number of at least 1 (got "${value}")\n`);
    }
  });

  it.each(['validate', 'convert', 'export', 'check', 'import', 'serve'])('%s documents the option as validate does', async (command) => {
    const { stdout } = await run([command, '--help']);
    expect(stdout).toContain('\n  --suppression-threshold <N>   counts from 1 to N-1 must be suppressed (default 5)\n');
  });
});
