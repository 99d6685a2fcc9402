import { defineConfig } from 'vitest/config';

// The hub's tests on SQLite. The root config runs the same tests again on PostgreSQL and on two hub
// processes sharing one PostgreSQL database (projects server-postgres and server-postgres-2).
export default defineConfig({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    env: { PHX_TEST_ENGINE: 'sqlite' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
