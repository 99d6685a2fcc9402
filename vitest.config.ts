import { defineConfig } from 'vitest/config';

// Each package keeps its own vitest.config.ts; the root runs them all, the repository-wide tests in test/, and
// the slow checks of @phx/interop's output against the targets' published schemas.
export default defineConfig({
  test: {
    projects: ['packages/*', 'test', 'packages/interop/test/conformance'],
  },
});
