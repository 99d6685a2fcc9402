import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtSince } from '../../../../test/support/newest.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The tests run the built `phx` as a user would: built before they start, when missing or older than its sources (the libraries it bundles among them). */
export default async function setup(): Promise<void> {
  if (!existsSync(join(packageDir, '../schema/dist/index.js'))) {
    throw new Error('@phx/schema is not built: run `npm run build -w @phx/schema` first');
  }
  if (await builtSince(join(packageDir, 'dist/cli.js'), packageDir, ['src', 'package.json', 'tsup.config.ts', 'rollup.config.mjs', '../schema/dist', '../interop/dist'])) return;
  execFileSync('npm', ['run', 'build'], { cwd: packageDir, stdio: 'pipe' });
}
