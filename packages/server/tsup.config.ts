import { defineConfig } from 'tsup';

const common = { clean: true, sourcemap: true, target: 'node20', platform: 'node', splitting: true } as const;

export default defineConfig([
  { ...common, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], dts: true },
  // The process entry uses top-level await: ESM only.
  { ...common, entry: { main: 'src/main.ts' }, format: ['esm'], clean: false },
]);
