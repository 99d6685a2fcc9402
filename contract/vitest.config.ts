import { defineConfig } from 'vitest/config';

// Client and hub together, each as users install them (the built packages): the hub runs in its own
// process, sometimes behind a proxy that injects faults. Slower than the unit suites, so its own project.
export default defineConfig({
  test: {
    name: 'contract',
    include: ['**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
