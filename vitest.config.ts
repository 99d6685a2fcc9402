import { defineConfig } from 'vitest/config';

// Each package keeps its own vitest.config.ts; the root runs them all, plus the repository-wide tests in test/.
export default defineConfig({
  test: {
    projects: ['packages/*', 'test'],
  },
});
