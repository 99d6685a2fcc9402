/**
 * A process entry of the hub for supervisors and tests: `node dist/main.js --db FILE [--port N]`.
 * Prints one JSON line `{"url": ...}` once it listens; stops on SIGINT or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startHub } from './hub.js';

const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string', default: '0' }, host: { type: 'string' }, seed: { type: 'string', multiple: true } },
});
if (!values.db) {
  console.error('Usage: node main.js --db FILE [--port N] [--host H] [--seed FILE ...]');
  process.exit(2);
}
const hub = await startHub({ db: values.db, port: Number(values.port), ...(values.host ? { host: values.host } : {}), ...(values.seed ? { seed: values.seed } : {}) });
console.log(JSON.stringify({ url: hub.url }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void hub.close().then(() => process.exit(0)));
