import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { distDir } from './support/paths.js';

/** Gzip size of each .js file of the built page, by path. */
async function gzipSizes(): Promise<Map<string, number>> {
  const files = (await readdir(distDir, { recursive: true })).filter((file) => file.endsWith('.js'));
  const sizes = new Map<string, number>();
  for (const file of files) sizes.set(file, gzipSync(await readFile(join(distDir, file)), { level: 9 }).length);
  return sizes;
}

describe('bundle budget', () => {
  it('keeps all the JavaScript of the page within 150 KB gzip', async () => {
    const sizes = await gzipSizes();
    expect([...sizes.keys()].some((file) => file.includes('worker'))).toBe(true);
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    expect(total).toBeLessThanOrEqual(150 * 1024);
  });

  it('keeps the validator (zod, the rules) out of the page’s own script: it loads with the worker', async () => {
    const sizes = await gzipSizes();
    const [page] = [...sizes].filter(([file]) => !file.includes('worker'));
    expect(page![1]).toBeLessThanOrEqual(25 * 1024);
  });
});
