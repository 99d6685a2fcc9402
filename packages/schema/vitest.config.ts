import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'schema',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Plain JavaScript, no process state: threads start and load modules sooner than processes.
    pool: 'threads',
  },
});
