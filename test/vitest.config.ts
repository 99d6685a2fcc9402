import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'repo',
    include: ['**/*.test.ts'],
    // The packaging tests and the faces run together are projects of their own.
    exclude: ['packaging/**', 'integration/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
