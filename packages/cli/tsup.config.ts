import { chmod } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

const shared = { sourcemap: true, target: 'node20', platform: 'node' } as const;

export default defineConfig([
  {
    ...shared,
    // The command is bundled with what it runs (all but the optional hub): Node 20 takes about as long to
    // find and load the modules of the libraries, one file each, as to run a small check.
    entry: {
      cli: 'src/cli.ts',
      // `--jobs` starts the worker found beside `workerThreads()` (as in @phx/schema's ES build): bundled here too.
      'line-worker': fileURLToPath(new URL('./line-worker.js', import.meta.resolve('@phx/schema/node'))),
    },
    format: ['esm'],
    // Not minified, so a `PHX_DEBUG` stack trace reads as it is; no source maps, which would triple the package.
    sourcemap: false,
    noExternal: [/^(?!@phx\/server$)/],
    splitting: true,
    clean: true,
    esbuildOptions(options) {
      // jsonc-parser's `main` is a UMD build that requires its modules at run time: take its ES modules.
      options.mainFields = ['module', 'main'];
    },
    banner: {
      // Bundled CommonJS libraries (the workbook reader) call `require` for Node's modules.
      js: "#!/usr/bin/env node\nimport { createRequire as phxCreateRequire } from 'node:module';\nconst require = phxCreateRequire(import.meta.url);",
    },
    // npm links the bin before the workspace is built: the built file must be executable itself.
    onSuccess: async () => chmod('dist/cli.js', 0o755),
  },
  // The library (`runPhx()`) leaves its dependencies to the program that installs it, in one file.
  { ...shared, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], splitting: false, dts: true },
]);
