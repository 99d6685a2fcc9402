import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

describe('the client in a browser', () => {
  it('bundles for the browser without any node: import', async () => {
    const result = await build({
      entryPoints: [`${root}src/index.ts`],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports.filter((path) => path.startsWith('node:'))).toEqual([]);
    expect(Object.keys(result.metafile.inputs).some((path) => path.includes('@phx/schema') || path.includes('packages/schema'))).toBe(false);
    expect(result.outputFiles[0]!.text).toContain('Idempotency-Key');
  });

  it('stays within its size budget (size-limit: 8.2 KB gzip with ky)', async () => {
    const cli = join(dirname(createRequire(import.meta.url).resolve('size-limit/package.json')), 'bin.js');
    const { stdout } = await run(process.execPath, [cli, '--json'], { cwd: root });
    const [entry] = JSON.parse(stdout) as { name: string; size: number; passed: boolean }[];
    expect(entry!.passed).toBe(true);
    expect(entry!.size).toBeLessThanOrEqual(8.2 * 1000);
  });
});
