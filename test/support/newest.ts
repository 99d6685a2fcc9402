import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Newest modification time of the files under a path (0 when it is missing). */
async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newest(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** Whether what was built from `sources` (paths under `dir`) is newer than every one of them. */
export async function builtSince(built: string, dir: string, sources: readonly string[]): Promise<boolean> {
  const [builtAt, ...times] = await Promise.all([newest(built), ...sources.map((path) => newest(join(dir, path)))]);
  return builtAt! > Math.max(...times);
}
