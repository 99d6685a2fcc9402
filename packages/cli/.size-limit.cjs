// The phx command's own code, bundled for Node without its dependencies: a budget against accidental bloat.
// (Its build, dist/cli.js, bundles the libraries it runs as well.)
const forNode = (config) => ({ ...config, platform: 'node', format: 'esm', packages: 'external' });

module.exports = [
  { name: 'phx (its own code)', path: 'src/cli.ts', gzip: true, limit: '36.8 kB', modifyEsbuildConfig: forNode },
  { name: 'runPhx()', path: 'dist/index.js', import: '{ runPhx }', gzip: true, limit: '36.8 kB', modifyEsbuildConfig: forNode },
];
