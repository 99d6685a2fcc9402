// The hub's own code, bundled for Node without its dependencies: a budget against accidental bloat.
const forNode = (config) => ({ ...config, platform: 'node', format: 'esm', packages: 'external' });

module.exports = [{ name: 'the hub (its own code)', path: 'dist/index.js', import: '*', gzip: true, limit: '20 kB', modifyEsbuildConfig: forNode }];
