/**
 * The recipes of docs/generating-types.md, run as a user would against a real hub: a TypeScript client
 * from openapi-typescript and openapi-fetch, and a Python one from quicktype and the standard library.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, packageOf } from './data.js';
import { startHub, type Hub } from './hub.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const tsx = (args: string[]) => run(process.execPath, ['--import', 'tsx', ...args], { cwd: root });
const member = 'ZM-PACRA-120045'; // a member of the network, in the example package
const scratch = mkdtempSync(join(tmpdir(), 'phx-generated-clients-'));

let hub: Hub;
let token: string;
beforeAll(async () => {
  hub = await startHub(['--seed', join(root, 'examples/data/network-meeting-2020.phx.json')]);
  token = await hub.token(member, 'member');
});
afterAll(async () => {
  await hub?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('docs/generating-types.md', () => {
  it('TypeScript: openapi-typescript writes paths, a program on openapi-fetch type-checks and calls the hub', async () => {
    await tsx(['examples/typescript-client/generate.ts']);
    const compiled = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'examples/typescript-client'], { cwd: root }).catch(
      (error: { stdout: string }) => error,
    );
    expect(compiled.stdout).toBe('');
    const { stdout } = await tsx(['examples/typescript-client/program.ts', hub.url, token]);
    expect(stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^a page of 5, first \S+, more: true$/),
      '404: https://phx-network.github.io/phx/problems/not-found',
    ]);
  });

  it('Python: quicktype writes the types, a client on the standard library imports and lists, and reads a problem', async () => {
    await tsx(['examples/python-client/generate.ts']);
    const pkg = { ...packageOf(member, 2, 'python'), organisations: [] };
    pkg.observations = pkg.observations!.map((observation) => ({ ...countOf(observation.id, member), scope: { ...observation.scope, country: 'ZM' as const } }));
    const file = join(scratch, 'member.phx.json');
    writeFileSync(file, JSON.stringify(pkg));
    const { stdout } = await run('python3', ['examples/python-client/client.py', hub.url, token, file], { cwd: root });
    expect(stdout.trim().split('\n')).toEqual([
      'imported pkg-python: 2 new, 0 replaced, 0 unchanged',
      expect.stringMatching(/^\d+ observations for ZM, from \d{4}-\d{2}-\d{2}$/),
      'refused: validation-failed (period.start-after-end)',
    ]);
  });
});
