/** Vitest global setup: one throw-away PostgreSQL cluster for the run, unless PHX_TEST_POSTGRES_URL names a server. */
import type { TestProject } from 'vitest/node';
import { startCluster } from './cluster.js';
// The type of what this setup provides.
import type {} from './databases.js';

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.PHX_TEST_POSTGRES_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
