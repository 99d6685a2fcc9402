// Sizes as a browser downloads them: bundlers for the web write non-ASCII text as UTF-8, where esbuild's default
// escapes each Cyrillic letter as `\uXXXX` and would count the Russian and Ukrainian texts thrice.
const asShipped = (config) => ({ ...config, charset: 'utf8' });

module.exports = [
  { name: 'exportPackage() (every target)', path: 'dist/index.js', import: '{ exportPackage }', gzip: true, limit: '99 kB', modifyEsbuildConfig: asShipped },
  { name: 'gamReadiness() only (with the indicator catalogue)', path: 'dist/index.js', import: '{ gamReadiness }', gzip: true, limit: '52 kB', modifyEsbuildConfig: asShipped },
  {
    name: "@phx/interop's own code (with its texts in five languages), without @phx/schema, zod and papaparse",
    path: 'dist/index.js',
    import: '*',
    ignore: ['@phx/schema', 'zod', 'papaparse'],
    gzip: true,
    limit: '26 kB',
    modifyEsbuildConfig: asShipped,
  },
];
