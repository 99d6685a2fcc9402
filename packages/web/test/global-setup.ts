import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { distDir, packageDir } from './support/paths.js';

/** Newest modification time of the files under a path. */
async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newest(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** Builds the page before the tests when dist/ is missing or older than its sources, @phx/schema or @phx/interop. */
export default async function setup(): Promise<void> {
  const built = await newest(join(distDir, 'index.html'));
  const sources = Math.max(
    ...(await Promise.all(
      ['src', 'index.html', 'vite.config.ts', 'package.json', '../schema/dist', '../interop/dist'].map((path) => newest(join(packageDir, path))),
    )),
  );
  if (built > sources) return;
  await build({ root: packageDir, configFile: join(packageDir, 'vite.config.ts'), logLevel: 'warn' });
}
