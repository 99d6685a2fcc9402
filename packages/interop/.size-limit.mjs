import { asShipped } from '../../scripts/size-limit-shipped.mjs';

export default [
  { name: 'exportPackage() (every target)', path: 'dist/index.js', import: '{ exportPackage }', gzip: true, limit: '127.7 kB', modifyEsbuildConfig: asShipped },
  { name: 'gamReadiness() only (with the indicator catalogue)', path: 'dist/index.js', import: '{ gamReadiness }', gzip: true, limit: '52 kB', modifyEsbuildConfig: asShipped },
  {
    name: "@phx/interop's own code (with its texts in five languages), without @phx/schema, zod and papaparse",
    path: 'dist/index.js',
    import: '*',
    ignore: ['@phx/schema', 'zod', 'papaparse'],
    gzip: true,
    limit: '36.8 kB',
    modifyEsbuildConfig: asShipped,
  },
];
