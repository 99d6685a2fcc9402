import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'interop',
    include: ['test/**/*.test.ts'],
    // Checks against the targets' published schemas are slow: they are the interop-conformance project.
    exclude: ['test/conformance/**', '**/node_modules/**'],
    testTimeout: 60_000,
  },
});
