/**
 * Runs every benchmark in bench/ (`*.bench.ts`) in turn, each in its own process, passing the
 * arguments through (e.g. `npm run bench -- --records 100000`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here).filter((name) => name.endsWith('.bench.ts')).sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n▶ ${bench}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, bench), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${bench} failed (exit ${result.status ?? result.signal})`);
    failed++;
  }
}
process.exitCode = failed > 0 ? 1 : 0;
