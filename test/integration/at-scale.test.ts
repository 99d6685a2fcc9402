/**
 * Three million observations whose ids have lengths from a few characters to the 128 an id may have, through
 * `phx validate` on standard input: close to a gigabyte of NDJSON, read as a stream, validate clean. Ids of
 * varied length are what once crashed the id table of a file a little over 1 MiB of ids.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { idAlphabet, random } from '../../packages/schema/test/random.js';
import { countObservation, smallPackage } from '../../packages/schema/test/rules/fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const COUNT = 3_000_000;
const MAX_ID = 128;

/** Distinct ids of random lengths: a random stem, then the record's number in base 36, which keeps them apart. */
function* ids(count: number): Generator<string> {
  const next = random(3_000_000);
  const char = (alphabet: string) => alphabet[Math.floor(next() * alphabet.length)]!;
  for (let i = 0; i < count; i++) {
    const suffix = i.toString(36);
    const length = next() < 0.8 ? 1 + Math.floor(next() * 32) : 1 + Math.floor(next() * MAX_ID);
    let id = char(idAlphabet.slice(0, 62));
    while (id.length < length - suffix.length - 1) id += char(idAlphabet);
    yield `${id}-${suffix}`;
  }
}

/** The package header and the records the observations refer to, then the observations, as NDJSON lines. */
function* lines(count: number): Generator<string> {
  const { organisations, facilities, indicators, observations: _, meetings: __, ...header } = smallPackage();
  yield JSON.stringify({ type: 'package', ...header });
  for (const [type, list] of [['organisation', organisations], ['facility', facilities], ['indicator', indicators]] as const) {
    for (const record of list as object[]) yield JSON.stringify({ type, ...record });
  }
  for (const id of ids(count)) yield JSON.stringify({ type: 'observation', ...countObservation({ id }) });
}

it(`validates ${COUNT.toLocaleString('en')} observations with ids of random lengths, streamed to phx validate`, async () => {
  const child = spawn(process.execPath, [join(root, 'packages/cli/bin/phx.js'), 'validate', '--format', 'json', '--stdin-format', 'ndjson', '-'], {
    env: { PATH: process.env.PATH, LANG: 'C' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'close');
  let batch = '';
  let bytes = 0;
  for (const line of lines(COUNT)) {
    batch += `${line}\n`;
    if (batch.length < 1 << 20) continue;
    bytes += batch.length;
    if (!child.stdin.write(batch)) await once(child.stdin, 'drain');
    batch = '';
  }
  bytes += batch.length;
  child.stdin.end(batch);
  const [code] = await exited;

  expect(stderr).toBe('');
  const report = JSON.parse(stdout) as { files: { ok: boolean; errors: number; warnings: number; read: { records: Record<string, number>; complete: boolean } }[] };
  expect(report.files[0]).toMatchObject({ ok: true, errors: 0, warnings: 0, read: { complete: true, records: { observation: COUNT } } });
  expect(code).toBe(0);
  expect(bytes).toBeGreaterThan(800 * 1024 * 1024);
});
