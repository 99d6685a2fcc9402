import { readFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';

/**
 * The `phx` command, bundled with the libraries it runs (all but the optional hub): Node 20 takes about as long to find
 * and load the modules of the libraries, one file each, as to run a small check. Rollup, not esbuild, splits it into
 * the chunks each command loads: esbuild, splitting, keeps an import of every module that @phx/schema's index
 * re-exports (evanw/esbuild#3704), so `phx validate` loaded every language, zod and the CSV reader at start.
 */
const here = dirname(fileURLToPath(import.meta.url));
const { compilerOptions } = JSON.parse(readFileSync(join(here, '../../tsconfig.base.json'), 'utf8'));
const packages = join(here, '..', sep);

/** Whether a module is PHX's own: under the workspace's packages (as npm links them), not a library installed there. */
const ofPhx = (id) => id.startsWith(packages) && !/[\\/]node_modules[\\/]/.test(id.slice(packages.length));

export default {
  input: {
    cli: join(here, 'src/cli.ts'),
    // `--jobs` starts the worker found beside `workerThreads()` (as in @phx/schema's ES build): bundled here too.
    'line-worker': join(dirname(fileURLToPath(import.meta.resolve('@phx/schema/node'))), 'line-worker.js'),
  },
  external: (id) => id === '@phx/server' || id.startsWith('node:') || builtinModules.includes(id),
  plugins: [
    // jsonc-parser's `main` is a UMD build that requires its modules at run time: take its ES modules.
    // Node's builds of the libraries that ship one (uuid, in exceljs), not their browsers'.
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'], mainFields: ['module', 'main'], extensions: ['.mjs', '.js', '.json', '.node', '.ts'] }),
    json(),
    // The workbook reader (exceljs) and the CSV reader (papaparse) are CommonJS.
    commonjs({ ignoreDynamicRequires: true }),
    {
      // TypeScript to JavaScript, file by file, by esbuild as tsup did, with the workspace's compiler options (esbuild
      // reads those that change the output); node-resolve finds the .ts file an import of .js names.
      name: 'typescript',
      async transform(code, id) {
        if (!id.endsWith('.ts')) return null;
        const { code: js, map } = await transform(code, { loader: 'ts', format: 'esm', target: 'node20', sourcefile: id, sourcemap: true, tsconfigRaw: { compilerOptions } });
        return { code: js, map };
      },
    },
    {
      // A chunk of libraries alone (exceljs with what it requires, papaparse, tinyglobby, zod's locales) is minified:
      // 3.1 MB of exceljs are 1.1 MB so, which Node reads and compiles at a workbook's first cell, and the package is a
      // quarter smaller. PHX's own code is not, so that a `PHX_DEBUG` stack trace reads as it is.
      name: 'minify-libraries',
      async renderChunk(code, chunk) {
        if (chunk.moduleIds.some(ofPhx)) return null;
        // Names kept: exceljs tells a merged cell's value by its class's name.
        const { code: minified } = await transform(code, { minify: true, keepNames: true, format: 'esm', target: 'node20', legalComments: 'inline' });
        return { code: minified, map: null };
      },
    },
    {
      // npm links the bin before the workspace is built: the built file must be executable itself.
      name: 'executable',
      writeBundle: () => chmod(join(here, 'dist/cli.js'), 0o755),
    },
  ],
  output: {
    dir: join(here, 'dist'),
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    // Bundled CommonJS libraries call `require` for what they load at run time. PHX's code not minified (above); no
    // source maps, which would triple the package.
    banner: (chunk) =>
      `${chunk.fileName === 'cli.js' ? '#!/usr/bin/env node\n' : ''}import { createRequire as phxCreateRequire } from 'node:module';\nconst require = phxCreateRequire(import.meta.url);`,
  },
  onwarn(warning, warn) {
    // Cycles among a library's own modules, its top-level `this` and pure marks in its comments (zod's) are how those
    // libraries are written; a cycle among PHX's modules is told.
    const inLibraries = !(warning.ids ?? [warning.id ?? '']).some(ofPhx);
    if (inLibraries && ['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code)) return;
    warn(warning);
  },
};
