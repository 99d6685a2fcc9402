import { chmod } from 'node:fs/promises';
import { defineConfig } from 'tsup';

const shared = { sourcemap: true, target: 'node20', platform: 'node' } as const;

export default defineConfig([
  {
    ...shared,
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    clean: true,
    banner: { js: '#!/usr/bin/env node' },
    // npm links the bin before the workspace is built: the built file must be executable itself.
    onSuccess: async () => chmod('dist/cli.js', 0o755),
  },
  { ...shared, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], dts: true },
]);
