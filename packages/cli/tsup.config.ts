import { defineConfig } from 'tsup';

// The library (`runPhx()`) leaves its dependencies to the program that installs it, in one file. The command is
// bundled by Rollup (rollup.config.mjs).
export default defineConfig({ entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], target: 'node20', platform: 'node', sourcemap: true, splitting: false, dts: true });
