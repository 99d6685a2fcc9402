/**
 * A real hub for the contract tests: `@phx/server` as built, in its own process on 127.0.0.1 with a
 * random port, and tokens of each role. The database is the one PHX_TEST_ENGINE names: `sqlite` (a
 * temporary file, the default), `postgres` (a fresh database on the test server) or `postgres-2` (two
 * hub processes on one fresh database, each request sent to the next in turn).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createToken, type Role } from '@phx/server';
import { freshDatabase } from '../test/postgres/databases.js';
import { startProxy } from './proxy.js';

/** Organisations the contract tests act for. */
export const ORG_A = 'ZA-NPO-123-456';
export const ORG_B = 'GB-CHC-1234567';
export const SECRETARIAT = 'PHX-ORG-SECRETARIAT';

export interface Hub {
  url: string;
  tokens: { memberA: string; memberB: string; secretariat: string };
  token(organisation: string, role: Role): Promise<string>;
  close(): Promise<void>;
}

const engine = process.env.PHX_TEST_ENGINE ?? 'sqlite';
const main = join(dirname(createRequire(import.meta.url).resolve('@phx/server')), 'main.js');

/** Starts `node dist/main.js` of @phx/server and waits for the URL it prints. */
async function spawnHub(db: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [main, '--db', db, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The hub exited with ${code} before it listened`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return { child, url };
}

/** Starts the hub (two processes on `postgres-2`) on a new database of this project's engine. */
export async function startHub(args: string[] = []): Promise<Hub> {
  const dir = engine === 'sqlite' ? mkdtempSync(join(tmpdir(), 'phx-contract-')) : undefined;
  const db = dir ? join(dir, 'hub.sqlite') : await freshDatabase();
  const hubs = [await spawnHub(db, args), ...(engine === 'postgres-2' ? [await spawnHub(db, args)] : [])];
  const balancer = hubs.length > 1 ? await startProxy(hubs.map((hub) => hub.url), { seed: 0, faults: {}, delayMs: 0 }) : undefined;
  const token = async (organisation: string, role: Role) => (await createToken({ db, organisation, role, newOrganisation: true })).token;
  return {
    url: balancer?.url ?? hubs[0]!.url,
    tokens: { memberA: await token(ORG_A, 'member'), memberB: await token(ORG_B, 'member'), secretariat: await token(SECRETARIAT, 'secretariat') },
    token,
    close: async () => {
      await balancer?.close();
      await Promise.all(
        hubs.map(({ child }) => {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          return exited;
        }),
      );
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
