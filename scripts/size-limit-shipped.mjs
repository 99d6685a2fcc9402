// How the packages' size budgets (.size-limit.mjs) bundle an import: as a browser downloads it.
// Bundlers for the web (Vite among them) write non-ASCII text as UTF-8, where esbuild's default escapes each
// Cyrillic letter as `\uXXXX` and would count the Russian and Ukrainian texts thrice. And they split off what a
// dynamic `import()` loads, which is downloaded only when asked for: here it is left out (marked external), where
// esbuild without code splitting would inline it, wrapped to run later. What is loaded on demand is measured on
// its own.
const onDemandLeftOut = {
  name: 'leave out what is loaded on demand',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

export const asShipped = (config) => ({ ...config, charset: 'utf8', plugins: [...(config.plugins ?? []), onDemandLeftOut] });
