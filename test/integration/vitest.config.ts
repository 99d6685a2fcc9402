import { defineConfig } from 'vitest/config';

// Tests that run several faces (the built `phx` command, the hub, the page in Chromium) on the same files:
// slow, so kept out of the unit projects.
export default defineConfig({
  test: {
    name: 'integration',
    include: ['*.test.ts'],
    globalSetup: ['global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
