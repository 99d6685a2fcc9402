/**
 * The hub's process entry (`node dist/main.js`, for supervisors) on flags it cannot take and on a hub that cannot
 * start: what is wrong in a line or two, never a stack trace.
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubEntry } from './fixtures/hub.js';

/** Runs the entry with `args` to its exit: its exit code and what it printed on standard error. */
function runEntry(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [...hubEntry(), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

/**
 * A database in a directory that does not exist: an entry that took flags it should refuse fails to start (exit code
 * 1) rather than make a file and listen until the test times out.
 */
const nowhere = join(tmpdir(), 'phx-no-such-directory', 'hub.sqlite');

describe('the hub process entry', () => {
  it('refuses flags it cannot take with exit code 2, saying why', async () => {
    const refused = {
      'an unknown flag': { args: ['--db', nowhere, '--no-such-flag'], says: "Unknown option '--no-such-flag'" },
      'a flag without its value': { args: ['--db'], says: "Option '--db <value>' argument missing" },
      'no database': { args: ['--port', '8080'], says: 'Usage: node main.js --db FILE' },
      'a mapping without its name': { args: ['--db', nowhere, '--dhis2-mapping', 'moh.json'], says: '--dhis2-mapping takes NAME=FILE' },
    };
    // Together: each start of the entry from the sources takes a second or two.
    const runs = await Promise.all(Object.values(refused).map(({ args }) => runEntry(args)));
    for (const [index, [name, { says }]] of Object.entries(refused).entries()) {
      expect(runs[index], name).toEqual({ code: 2, stderr: expect.stringContaining(says) });
      expect(runs[index]!.stderr, name).not.toMatch(/^\s+at /m);
    }
  });

  it('says why a hub cannot start, with exit code 1', async () => {
    const { code, stderr } = await runEntry(['--db', nowhere]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('The hub did not start: Cannot open database because the directory does not exist');
  });
});
