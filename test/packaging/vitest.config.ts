import { defineConfig } from 'vitest/config';

// What users install, checked as they get it: tarballs, consumer projects (ESM, CommonJS, the client
// alone), the release dry run and the TSDoc examples compiled against the built packages. Slow; its own project.
// Its tests and hooks take these timeouts, none shorter: npm and the compiler take minutes on a loaded machine.
export default defineConfig({
  test: { name: 'packaging', include: ['**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
});
