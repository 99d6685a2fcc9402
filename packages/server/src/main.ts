/**
 * A process entry of the hub for supervisors, benchmarks and tests:
 * `node dist/main.js --db FILE [--port N] [--host H] [--seed FILE ...] [--rate-limit N] [--max-import-records N] [--max-issues N] [--max-export-records N] [--max-body-bytes N] [--dhis2-mapping NAME=FILE ...] [--cors-origin ORIGIN ...] [--public-url URL] [--suppression-threshold N]`.
 * Prints one JSON line `{"url": ...}` once it listens; stops on SIGINT or SIGTERM. Exit code 2 for flags it cannot
 * take, 1 for a hub that cannot start.
 */
import { parseArgs } from 'node:util';
import { defaultLimits } from './http/app.js';
import { startHub } from './hub.js';

const USAGE = 'Usage: node main.js --db FILE [--port N] [--host H] [--seed FILE ...] [--rate-limit N] [--max-import-records N] [--max-issues N] [--max-export-records N] [--max-body-bytes N] [--dhis2-mapping NAME=FILE ...] [--cors-origin ORIGIN ...] [--public-url URL] [--suppression-threshold N]';

/** The flags given, or the usage and exit code 2 for a flag it does not know or one without its value. */
function flags() {
  try {
    return parseArgs({
      options: {
        db: { type: 'string' },
        port: { type: 'string', default: '0' },
        host: { type: 'string' },
        seed: { type: 'string', multiple: true },
        'rate-limit': { type: 'string' },
        'max-import-records': { type: 'string' },
        'max-issues': { type: 'string' },
        'max-export-records': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'dhis2-mapping': { type: 'string', multiple: true },
        'cors-origin': { type: 'string', multiple: true },
        'public-url': { type: 'string' },
        'suppression-threshold': { type: 'string' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
const values = flags();
if (!values.db) {
  console.error(USAGE);
  process.exit(2);
}
const dhis2Mappings = (values['dhis2-mapping'] ?? []).map((pair) => /^([^=]+)=(.+)$/.exec(pair) ?? pair);
const unpaired = dhis2Mappings.find((pair) => typeof pair === 'string');
if (unpaired !== undefined) {
  console.error(`--dhis2-mapping takes NAME=FILE, e.g. --dhis2-mapping moh=moh-dhis2.json; got "${String(unpaired)}".`);
  process.exit(2);
}
// A hub that cannot start (a database it cannot open, a port in use, a seed it refuses) says why in one line, exit code 1.
const hub = await startHub({
  db: values.db,
  port: Number(values.port),
  ...(values.host ? { host: values.host } : {}),
  ...(values.seed ? { seed: values.seed } : {}),
  ...(values['cors-origin'] ? { corsOrigins: values['cors-origin'] } : {}),
  ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
  ...(values['suppression-threshold'] ? { suppressionThreshold: Number(values['suppression-threshold']) } : {}),
  dhis2Mappings: Object.fromEntries((dhis2Mappings as RegExpExecArray[]).map(([, name, file]) => [name!, file!])),
  limits: {
    ...(values['rate-limit'] ? { rateLimit: { ...defaultLimits.rateLimit, requests: Number(values['rate-limit']) } } : {}),
    ...(values['max-import-records'] ? { maxImportRecords: Number(values['max-import-records']) } : {}),
    ...(values['max-issues'] ? { maxIssues: Number(values['max-issues']) } : {}),
    ...(values['max-export-records'] ? { maxExportRecords: Number(values['max-export-records']) } : {}),
    ...(values['max-body-bytes'] ? { maxBodyBytes: Number(values['max-body-bytes']) } : {}),
  },
}).catch((error: unknown) => {
  console.error(`The hub did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
// Listened for before the URL is printed: a stop asked as soon as it is closes the hub.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void hub.close().then(() => process.exit(0)));
console.log(JSON.stringify({ url: hub.url, skipped: hub.skipped }));
