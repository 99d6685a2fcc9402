/**
 * Every benchmark of `npm run bench`, run on a few records: each must still generate data that every check
 * finds valid and write its results. A benchmark run on 1 000 000 records is not part of the tests, so without
 * this a change to the rules (a publisher that must be among the organisations, a hub that no longer creates
 * its database for a token) leaves `npm run bench` failing unseen. The results go to a folder of their own
 * (`PHX_BENCH_RESULTS`), never over the committed bench/results.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = mkdtempSync(join(tmpdir(), 'phx-bench-results-'));
afterAll(() => rmSync(results, { recursive: true, force: true }));

/** Runs a benchmark of bench/ as `npm run bench` runs it, and returns the results it wrote. */
function bench(name: string, args: string[], resultsFile: string): Record<string, unknown> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', `${name}.bench.ts`), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PHX_BENCH_RESULTS: results },
  });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  return JSON.parse(readFileSync(join(results, resultsFile), 'utf8')) as Record<string, unknown>;
}

describe('npm run bench, on a few records', () => {
  it('validate: every peer and phx validate read the generated observations as valid', () => {
    const latest = bench('validate', ['--records', '2000'], 'latest.json');
    expect(latest).toMatchObject({ records: 2000, phx_validate: { records_per_s: expect.any(Number) }, validate_in_memory: { records_per_s: expect.any(Number) } });
  });

  it('package-file: phx validate reads the same records from a .phx.json and from NDJSON', () => {
    const figures = bench('package-file', ['--json-mb', '0.5'], 'package-file.json');
    expect(figures.records).toBeGreaterThan(0);
    expect(figures).toMatchObject({ phx_json: { peak_rss_mb: expect.any(Number) }, ndjson: { peak_rss_mb: expect.any(Number) } });
  });

  it('convert: a Ukrainian Excel CSV validates and assembles into a package', () => {
    expect(bench('convert', ['--rows', '300', '--rounds', '1'], 'convert.json')).toMatchObject({ rows: 300, assemble_vs_validate_time: expect.any(Number) });
  });

  it('hub: the hub imports the rows, directly and through @phx/client, on SQLite', () => {
    const figures = bench('hub', ['--records', '300', '--list-records', '0', '--engines', 'sqlite', '--repeat', '1'], 'hub.json');
    expect(figures).toMatchObject({ records: 300, sqlite: { import: { recordsPerSecond: expect.any(Number) }, importThroughClient: { recordsPerSecond: expect.any(Number) } } });
  });
});
