import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The tests run the built `phx` as a user would: build it once before they start. */
export default function setup(): void {
  if (!existsSync(join(packageDir, '../schema/dist/index.js'))) {
    throw new Error('@phx/schema is not built: run `npm run build -w @phx/schema` first');
  }
  execFileSync(join(packageDir, '../../node_modules/.bin/tsup'), { cwd: packageDir, stdio: 'pipe' });
}
