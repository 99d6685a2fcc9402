import { configDefaults, defineConfig } from 'vitest/config';

// The hub's tests on SQLite. The root config runs those of its store again on PostgreSQL, and those of its
// requests on two hub processes sharing one PostgreSQL database (projects server-postgres and server-postgres-2).
export default defineConfig({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    // The memory ceiling runs in its own project (server-memory, in the root config): it is slow.
    exclude: [...configDefaults.exclude, 'test/memory/**'],
    env: { PHX_TEST_ENGINE: 'sqlite' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
