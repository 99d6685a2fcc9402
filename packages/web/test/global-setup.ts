import { join } from 'node:path';
import { build } from 'vite';
import { builtSince } from '../../../test/support/newest.js';
import { distDir, packageDir } from './support/paths.js';

/** Builds the page before the tests when dist/ is missing or older than its sources, @phx/schema or @phx/interop. */
export default async function setup(): Promise<void> {
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', '../schema/dist', '../interop/dist'];
  if (await builtSince(join(distDir, 'index.html'), packageDir, sources)) return;
  await build({ root: packageDir, configFile: join(packageDir, 'vite.config.ts'), logLevel: 'warn' });
}
