import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', codelists: 'src/codelists/index.ts', api: 'src/api/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  splitting: true,
  treeshake: true,
});
