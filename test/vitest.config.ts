import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'repo',
    include: ['**/*.test.ts'],
    // The faces run together are a project of their own.
    exclude: ['integration/**', '**/node_modules/**'],
    typecheck: { enabled: true, include: ['**/*.test-d.ts'] },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
