import { cpSync, existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

const common = { clean: true, sourcemap: true, target: 'node20', platform: 'node', splitting: true, shims: true } as const;

/** The browser validator page (packages/web, built first) ships inside the hub and is served at `/`. */
const validatorPage = '../web/dist';

export default defineConfig([
  {
    ...common,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    onSuccess: async () => {
      if (existsSync(validatorPage)) cpSync(validatorPage, 'dist/web', { recursive: true });
    },
  },
  // The process entry uses top-level await: ESM only.
  { ...common, entry: { main: 'src/main.ts' }, format: ['esm'], clean: false },
]);
