/**
 * `phx convert`'s assembly of a package from CSV files (`assemblePackage`) against validating the same file
 * (`validateFile`), in one process: both read and check every record, so their ratio stays near 1 whatever the
 * machine, and grows with the number of rows if assembling does more than a constant amount of work a record.
 * The CSV is written as Excel in a Ukrainian locale writes one (`;`, decimal commas), with ids of varied length
 * and letters and district names in Cyrillic. Writes bench/results/convert.json (`npm run bench -- --rows 50000`).
 */
import { parseArgs } from 'node:util';
import { publisherOrganisation, writeResults } from './support.js';
import { assemblePackage, validateFile, writeCsv, type Observation } from '@phx/schema';

const PUBLISHER = 'ZM-PACRA-120045';
const header = { phxVersion: '1.0', id: 'convert-bench', publisher: { id: PUBLISHER, name: 'Zambia Prisons Reintegration Trust' }, license: 'CC-BY-4.0', publishedAt: '2021-03-01T09:00:00Z' };
const letters = 'abcdefghijklmnopqrstuvwxyz0123456789._:-ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The n-th observation: a yearly share of one district, under an id whose length and letters vary with n. */
function observation(n: number): Observation {
  const spread = Math.imul(n, 0x2545f491) >>> 0;
  const tail = letters.repeat(2).slice(spread % 66, (spread % 66) + ((spread >>> 8) % 30));
  const denominator = 1000 + (n % 9000);
  const numerator = n % 500;
  return {
    id: `zm-${n.toString(36)}-${tail}`, indicator: 'hiv-prevalence-prisoners', reportingOrganisation: PUBLISHER,
    scope: { country: 'ZM', subnationalArea: `Район ${n} «${tail.slice(0, 5)}»` }, period: { start: '2020-01-01', end: '2020-12-31' },
    numerator, denominator, value: Number(((numerator / denominator) * 100).toFixed(2)), unit: 'percent', dataSource: 'routine-programme-data',
  };
}

/** CPU time of `run`, the best of `rounds`. */
async function timed(run: () => Promise<unknown>, rounds: number): Promise<number> {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = process.cpuUsage();
    await run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, rounds: { type: 'string' } }, strict: false });
  const rows = Number(values.rows ?? 50_000);
  const rounds = Number(values.rounds ?? 3);
  const csv = new TextEncoder().encode(writeCsv('observation', Array.from({ length: rows }, (_, i) => observation(i + 1)), { excelLocale: 'uk' }));
  const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, organisations: [publisherOrganisation(header.publisher, 'ZM')] }));
  const options = { excelLocale: 'uk', suppressionThreshold: 1 } as const;
  const validateSeconds = await timed(() => validateFile(csv, { name: 'observations.csv', ...options }), rounds);
  const assembleSeconds = await timed(async () => {
    const assembled = await assemblePackage([{ name: 'header.phx.json', bytes: headerBytes, headerPackage: true }, { name: 'observations.csv', bytes: csv }], options);
    if (!assembled.ok) throw new Error(`the generated file does not assemble: ${JSON.stringify(assembled.files.flatMap((f) => f.issues).filter((i) => i.severity === "error").slice(0, 3))}`);
  }, rounds);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    rows,
    csv_mb: Number((csv.length / 1_048_576).toFixed(1)),
    validate_file_seconds: Number(validateSeconds.toFixed(2)),
    assemble_package_seconds: Number(assembleSeconds.toFixed(2)),
    assemble_vs_validate_time: Number((assembleSeconds / validateSeconds).toFixed(2)),
  };
  console.log(JSON.stringify(results, null, 2));
  writeResults('convert', results);
}

await main();
