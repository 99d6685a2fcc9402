import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { exitCodes, runPhx } from '../src/index.js';

/** The built bin, as `npm install @phx/cli` puts it on the PATH. */
export const bin = join(dirname(fileURLToPath(import.meta.url)), '../bin/phx.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `phx` in a child process (no terminal, no colours) and checks that it never prints a stack trace: for tests of
 * what the process does — exit codes as a shell sees them, standard input, the environment's language, colours,
 * worker threads, a hub that listens. Other tests use {@link phxInProcess}, a fraction of the time.
 */
export function phx(args: string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    input: options.input ?? '',
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH, LANG: 'C', ...options.env },
  });
  const run = { code: result.status, stdout: result.stdout, stderr: result.stderr };
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at .+[:(]\d+/m);
  return run;
}

/**
 * Runs `phx` in this process, as `runPhx` does for a script, keeping what it prints: for tests of what phx says and
 * writes (a process each would cost up to a second on a loaded machine). Never a stack trace either. The language is
 * the environment's, as for a child process: the project's config sets `LANG=C`.
 */
export async function phxInProcess(args: string[]): Promise<Run> {
  let stdout = '';
  const notes: string[] = [];
  const code = await runPhx(args, {
    version: '0.0.0-test',
    color: false,
    print: (text) => {
      stdout += text;
      return exitCodes.ok;
    },
    note: (text) => void notes.push(text),
  });
  const run = { code, stdout, stderr: notes.map((note) => `${note}\n`).join('') };
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at .+[:(]\d+/m);
  expect(run.stderr).not.toContain('unexpected failure');
  return run;
}

/** A temporary folder for a test file, removed after the file's tests. */
export function tempDir(): { path: (name: string) => string; write: (name: string, content: string | Uint8Array) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'phx-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    path: (name) => join(dir, name),
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

export const PUBLISHER = 'ZA-NPO-123-456';

/** A valid observation of the catalogue's HIV prevalence indicator. */
export function observation(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    indicator: 'hiv-prevalence-prisoners',
    reportingOrganisation: PUBLISHER,
    scope: { country: 'ZA', subnationalArea: 'Western Cape' },
    period: { start: '2020-01-01', end: '2020-12-31' },
    numerator: 120,
    denominator: 1000,
    value: 12,
    unit: 'percent',
    dataSource: 'survey',
    ...extra,
  };
}

/** A small valid package: the publisher, a facility and two observations. */
export function validPackage(): Record<string, unknown> {
  return {
    $schema: 'https://phx-network.github.io/phx/schemas/v1/DataPackage.schema.json',
    phxVersion: '1.0',
    id: 'pkg-2020',
    publisher: { id: PUBLISHER, name: 'Prison Health Network South Africa' },
    license: 'CC-BY-4.0',
    publishedAt: '2021-03-01T10:00:00+02:00',
    organisations: [{ id: PUBLISHER, name: { en: 'Prison Health Network', ru: 'Сеть' }, organisationType: 'ngo', countries: ['ZA'] }],
    facilities: [{ id: 'fac-1', country: 'ZA', facilityType: 'prison', capacity: 1200 }],
    observations: [observation('obs-1'), observation('obs-2', { disaggregation: { sex: 'female' }, numerator: 20, value: 2 })],
  };
}

/** The package header, its organisation and its observations as NDJSON lines. */
export function validNdjson(): string {
  const { organisations, facilities: _f, observations, ...header } = validPackage() as Record<string, Record<string, unknown>[]>;
  const lines = [{ type: 'package', ...header }, ...organisations!.map((record) => ({ type: 'organisation', ...record })), ...observations!.map((record) => ({ type: 'observation', ...record }))];
  return `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
}
