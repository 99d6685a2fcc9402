import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Projects whose files take longest (a browser, packed tarballs, several hub processes), in the order they start.
 * Vitest otherwise starts projects by name, which left the page's longest file to run alone at the end while
 * the other core idled; started first, the short files of the other projects fill both cores at the end.
 */
const SLOW_FIRST = ['packaging', 'web', 'server-postgres-2', 'integration', 'cli', 'schema', 'server-postgres'];

/** Vitest's order within each project, the projects in {@link SLOW_FIRST} first. */
class SlowProjectsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = SLOW_FIRST.indexOf(file.project.name);
      return at < 0 ? SLOW_FIRST.length : at;
    };
    // A stable sort: each project's files keep the order Vitest gave them.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

/** The hub's tests that depend on the database, run again on PostgreSQL (one throw-away cluster per run). */
const onPostgres = (engine: 'postgres' | 'postgres-2', include: string[]) => ({
  test: {
    name: `server-${engine}`,
    include,
    env: { PHX_TEST_ENGINE: engine },
    globalSetup: ['test/postgres/global-setup.ts'],
    // Several hub processes and a database server share two cores with the other projects.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});

/**
 * The hub's tests of requests, run on PostgreSQL with two hub processes sharing the database: the engine's SQL
 * and what the processes must share (idempotency keys, rate-limit windows, ETags) in one run. One process on
 * PostgreSQL would repeat the SQL alone, for a minute of the suite.
 */
const hubTests = ['packages/server/test/{hub,authorisation,crash,concurrency,export,breakdowns,writes}.test.ts', 'contract/{exchange,resources}.test.ts'];

// Each package keeps its own vitest.config.ts; the root runs them all, the repository-wide tests in test/, the
// type-level tests (*.test-d.ts) of all of them, the packaging tests in test/packaging/, the slow checks of
// @phx/interop's output against the targets' published schemas, the faces run together on the same files, the
// client–hub contract tests in contract/, and the hub's tests again on PostgreSQL: its store's in one process,
// its requests' on two hub processes sharing one database.
export default defineConfig({
  test: {
    // Vitest's default leaves one core free; these tests spend much of their time waiting on the processes they
    // start (npm, Chromium, PostgreSQL, the built `phx` and hub), so one worker per core keeps both cores busy.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: SlowProjectsFirst },
    projects: [
      'packages/*',
      'test',
      'test/packaging',
      'packages/interop/test/conformance',
      'test/integration',
      'contract',
      // The type-level tests of every package in one compiler run, not one a package, each checking @phx/schema's types.
      {
        test: {
          name: 'types',
          typecheck: { enabled: true, only: true, include: ['packages/*/test/**/*.test-d.ts', 'test/**/*.test-d.ts', 'contract/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      // The hub's memory under the largest requests its limits accept, in a process of its own.
      { test: { name: 'server-memory', include: ['packages/server/test/memory/*.test.ts'], testTimeout: 300_000, hookTimeout: 120_000 } },
      onPostgres('postgres', ['packages/server/test/{store,plans,stewardship,input}.test.ts']),
      onPostgres('postgres-2', hubTests),
    ],
  },
});
