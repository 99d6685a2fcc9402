import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // ky ships only ESM: bundled, it serves the CommonJS build too, and the client needs no package at run time.
  noExternal: ['ky'],
});
