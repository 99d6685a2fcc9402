/** Size budgets (size-limit, gzip) of every package entry, declared in each package's .size-limit.json, .size-limit.cjs or .size-limit.mjs. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const configs = ['.size-limit.json', '.size-limit.cjs', '.size-limit.mjs'];
const budgeted = readdirSync(join(root, 'packages')).filter((dir) => configs.some((name) => existsSync(join(root, 'packages', dir, name))));

interface Measured {
  name: string;
  passed: boolean;
  size: number;
}

it('every published package has size budgets', () => {
  const published = readdirSync(join(root, 'packages')).filter((dir) => !JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')).private);
  expect(budgeted.sort()).toEqual(expect.arrayContaining(published.sort()));
});

describe.each(budgeted)('packages/%s', (dir) => {
  it('stays within its size budgets', async () => {
    const result = await run(join(root, 'node_modules/.bin/size-limit'), ['--json'], { cwd: join(root, 'packages', dir) }).catch((error: { stdout: string }) => error);
    const measured = JSON.parse(result.stdout) as Measured[];
    expect(measured.length).toBeGreaterThan(0);
    for (const entry of measured) expect(entry, `${entry.name}: ${entry.size} bytes`).toMatchObject({ passed: true });
  }, 120_000);
});
