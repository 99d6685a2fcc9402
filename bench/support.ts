/** What every benchmark shares: where it writes its results, and the record of the organisation publishing its data. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataPackage, Organisation } from '@phx/schema';

/**
 * Where the benchmarks write their results and data files: `bench/results`, or the folder `PHX_BENCH_RESULTS`
 * names (the test that runs every benchmark on a few records writes there, leaving the committed results alone).
 */
export const resultsDir = process.env.PHX_BENCH_RESULTS ?? join(dirname(fileURLToPath(import.meta.url)), 'results');

/** Writes `results` as `<name>.json` in {@link resultsDir}; returns the file's path. */
export function writeResults(name: string, results: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

/**
 * The organisation record of a package's publisher, working in `country`: a package's data is valid only when
 * its publisher is among its organisations.
 */
export function publisherOrganisation(publisher: DataPackage['publisher'], country: Organisation['countries'][number]): Organisation {
  return { id: publisher.id, name: { en: publisher.name }, organisationType: 'ngo', countries: [country] };
}
