import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    // Tests that run `phx` in the test's process (`phxInProcess()`) read the language from the environment as a
    // child process does (`phx()` starts one with LANG=C): English unless a test names another.
    env: { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
