/** Fresh PostgreSQL databases on the test server, one per store or hub under test. */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a PostgreSQL server on which the tests may create databases (see global-setup.ts). */
    postgresUrl: string;
  }
}

/** Creates an empty database on the test server and returns its URL. */
export async function freshDatabase(): Promise<string> {
  const server = inject('postgresUrl');
  const name = `phx_test_${randomBytes(6).toString('hex')}`;
  const sql = postgres(server, { max: 1, onnotice: () => undefined });
  try {
    await sql.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await sql.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
