/**
 * A throw-away PostgreSQL cluster for the hub's tests, the contract tests and the hub benchmark: initdb
 * in a temporary directory, a random port on 127.0.0.1, stopped and deleted afterwards. PostgreSQL
 * refuses to run as root, so as root (CI) the cluster runs as the `postgres` user. With
 * PHX_TEST_POSTGRES_URL set, the tests use that server instead (a database is created on it per test hub).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Where Debian's postgresql-15 puts its programs. */
export const POSTGRES_BIN = process.env.PHX_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** A running cluster: its connection URL (to the `postgres` database) and how to stop it. */
export interface Cluster {
  url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster, tuned for tests: no fsync (it is thrown away), enough connections for several hubs. */
export async function startCluster(): Promise<Cluster> {
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15 is not installed (no ${POSTGRES_BIN}/initdb): apt-get install postgresql-15, or set PHX_TEST_POSTGRES_URL to a server.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'phx-postgres-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) } : undefined;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  chmodSync(dir, 0o700);
  const run = (program: string, args: string[]) =>
    execFileSync(join(POSTGRES_BIN, program), args, { stdio: 'pipe', ...(owner ? { uid: owner.uid, gid: owner.gid } : {}), env: { ...process.env, LC_ALL: 'C' } });

  run('initdb', ['-D', data, '-U', 'phx', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = [
    '-c listen_addresses=127.0.0.1', `-p ${port}`, `-c unix_socket_directories=${dir}`, '-c fsync=off', '-c synchronous_commit=off',
    '-c full_page_writes=off', '-c max_connections=300', '-c shared_buffers=64MB',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', options, 'start']);
  return {
    url: `postgres://phx@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
