// Sizes as a browser downloads them: bundlers for the web (Vite among them) write non-ASCII text as UTF-8, where
// esbuild's default escapes each Cyrillic letter as `\uXXXX` and would count the Russian and Ukrainian texts thrice.
const asShipped = (config) => ({ ...config, charset: 'utf8' });

module.exports = [
  { name: 'validate() only', path: 'dist/index.js', import: '{ validate }', gzip: true, limit: '89.5 kB', modifyEsbuildConfig: asShipped },
  { name: 'validateNdjson() only', path: 'dist/index.js', import: '{ validateNdjson }', gzip: true, limit: '90 kB', modifyEsbuildConfig: asShipped },
  { name: 'codelist labels', path: 'dist/codelists/index.js', import: '{ labelOf }', gzip: true, limit: '10 kB', modifyEsbuildConfig: asShipped },
  { name: 'everything but exceljs, which is loaded with the first workbook', path: 'dist/index.js', import: '*', gzip: true, ignore: ['exceljs'], limit: '141.7 kB', modifyEsbuildConfig: asShipped },
];
