// Sizes as a browser downloads them. Bundlers for the web (Vite among them) write non-ASCII text as UTF-8, where
// esbuild's default escapes each Cyrillic letter as `\uXXXX` and would count the Russian and Ukrainian texts thrice.
// And they split off what a dynamic `import()` loads, which is downloaded only when asked for: here it is left out
// (marked external), where esbuild without code splitting would inline it, wrapped to be run later. What is loaded
// on demand is measured on its own.
const onDemandLeftOut = {
  name: 'leave out what is loaded on demand',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};
const asShipped = (config) => ({ ...config, charset: 'utf8', plugins: [...(config.plugins ?? []), onDemandLeftOut] });

module.exports = [
  { name: 'validate() only', path: 'dist/index.js', import: '{ validate }', gzip: true, limit: '89.5 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateAsync(): first download', path: 'dist/index.js', import: '{ validateAsync }', gzip: true, limit: '37 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateAsync(): the describer, loaded with the first record the generated checks reject', path: 'dist/validate/structural.js', import: '{ describeShape }', gzip: true, limit: '60 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateAsync(): the JSON places (jsonc-parser), loaded with the first issue to place in a text', path: 'dist/validate/json-places.js', import: '{ jsonPlaces }', gzip: true, limit: '5 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateAsync(): the messages in Russian, loaded before the first message in Russian', path: 'dist/locales/ru.js', import: '{ ru }', gzip: true, limit: '10 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateNdjson() only', path: 'dist/index.js', import: '{ validateNdjson }', gzip: true, limit: '90 kB', modifyEsbuildConfig: asShipped },
  { name: 'codelist labels', path: 'dist/codelists/index.js', import: '{ labelOf }', gzip: true, limit: '10 kB', modifyEsbuildConfig: asShipped },
  { name: 'everything but exceljs, which is loaded with the first workbook', path: 'dist/index.js', import: '*', gzip: true, ignore: ['exceljs'], limit: '142.5 kB', modifyEsbuildConfig: asShipped },
];
