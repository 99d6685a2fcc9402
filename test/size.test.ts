/** Size budgets (size-limit, gzip) of every package entry that declares them in its .size-limit.json. */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const budgeted = readdirSync(join(root, 'packages')).filter((dir) => existsSync(join(root, 'packages', dir, '.size-limit.json')));

interface Measured {
  name: string;
  passed: boolean;
  size: number;
}

describe.each(budgeted)('packages/%s', (dir) => {
  it('stays within its size budgets', async () => {
    const result = await run(join(root, 'node_modules/.bin/size-limit'), ['--json'], { cwd: join(root, 'packages', dir) }).catch((error: { stdout: string }) => error);
    const measured = JSON.parse(result.stdout) as Measured[];
    expect(measured.length).toBeGreaterThan(0);
    for (const entry of measured) expect(entry, `${entry.name}: ${entry.size} bytes`).toMatchObject({ passed: true });
  }, 120_000);
});
