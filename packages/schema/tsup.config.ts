import { defineConfig } from 'tsup';

const entry = { index: 'src/index.ts', codelists: 'src/codelists/index.ts', api: 'src/api/index.ts' };
// Node only (worker threads); its worker is the ES module build's file, for CommonJS too.
const nodeEntry = { node: 'src/node/index.ts' };
const common = { target: 'es2022', platform: 'neutral', sourcemap: true } as const;

export default defineConfig([
  // ES modules one file per source module, as written: a bundler that takes one export then drops every
  // module it does not reach (`sideEffects: false`), which it cannot do within one bundled file.
  { ...common, entry: ['src/**/*.ts'], format: ['esm'], bundle: false },
  // CommonJS, for `require`, bundled per entry.
  { ...common, entry, format: ['cjs'], treeshake: true },
  { ...common, entry: nodeEntry, format: ['cjs'], treeshake: true, platform: 'node' },
  { ...common, entry: { ...entry, ...nodeEntry }, format: ['esm', 'cjs'], dts: { only: true } },
]);
