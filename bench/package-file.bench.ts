/**
 * Memory of `phx validate` on a `.phx.json` package, which it reads piece by piece, beside the same records as
 * NDJSON. Generates a package of about --json-mb MB (default 1024) of observations and its NDJSON twin in the
 * temporary folder, runs `phx validate` on each in a fresh process, and writes the peak RSS and time of each to
 * bench/results/package-file.json. Long: run it alone (`flock /work/notes/bench.lock`).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { publisherOrganisation, writeResults } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const cli = join(root, 'packages/cli/dist/cli.js');
const PUBLISHER = 'ZM-PACRA-120045';

const header = { phxVersion: '1.0', id: 'package-bench', publisher: { id: PUBLISHER, name: 'Zambia Prisons Reintegration Trust' }, license: 'CC-BY-4.0', publishedAt: '2021-03-01T09:00:00Z' };
const publisher = publisherOrganisation(header.publisher, 'ZM');

/** The n-th observation as JSON text: a yearly count of one district, under an id whose length and letters vary with n. */
function observationText(n: number): string {
  const spread = Math.imul(n, 0x2545f491) >>> 0;
  const id = `zm-${n.toString(36)}-${'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(2).slice(spread % 36, (spread % 36) + ((spread >>> 8) % 30))}`;
  const count = 100 + (n % 900);
  const place = `"scope":{"country":"ZM","subnationalArea":"District ${n}"},"period":{"start":"2020-01-01","end":"2020-12-31"}`;
  return `{"id":"${id}","indicator":"prisons-people-on-art","reportingOrganisation":"${PUBLISHER}",${place},"numerator":${count},"value":${count},"unit":"count","dataSource":"routine-programme-data"}`;
}

/** Writes the package (its header, then one observation a line) and the same records as NDJSON; returns how many. */
async function generate(packageFile: string, ndjsonFile: string, minBytes: number): Promise<number> {
  const json = createWriteStream(packageFile);
  const ndjson = createWriteStream(ndjsonFile);
  const write = (out: typeof json, text: string): Promise<void> | undefined => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write(json, `${JSON.stringify(header, null, 2).slice(0, -2)},\n  "organisations": [${JSON.stringify(publisher)}],\n  "observations": [\n`);
  await write(ndjson, `${JSON.stringify({ type: 'package', ...header })}\n${JSON.stringify({ type: 'organisation', ...publisher })}\n`);
  let bytes = 0;
  let records = 0;
  while (bytes < minBytes) {
    let objects = '';
    let lines = '';
    for (let i = 0; i < 5000; i++) {
      const record = observationText(++records);
      objects += `${records > 1 ? ',\n' : ''}    ${record}`;
      lines += `{"type":"observation",${record.slice(1)}\n`;
    }
    bytes += objects.length;
    await write(json, objects);
    await write(ndjson, lines);
  }
  await write(json, '\n  ]\n}\n');
  await Promise.all([json, ndjson].map((out) => new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))));
  return records;
}

/** `phx validate` on a file in a fresh process: the observations it read, its time and its peak RSS. */
function validateRun(file: string): { records: number; seconds: number; peakRssMb: number } {
  const rssFile = join(tmpdir(), `phx-bench-rss-${process.pid}-${Date.now()}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(join(here, 'rss-probe.mjs')).href, cli, 'validate', file, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, PHX_BENCH_RSS_FILE: rssFile },
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`phx validate ${file} failed (exit ${result.status}): ${result.stderr.slice(0, 2000)}${result.stdout.slice(0, 2000)}`);
  const records = (JSON.parse(result.stdout) as { files: { read: { records: { observation: number } } }[] }).files[0]!.read.records.observation;
  // The probe writes its figures as JSON (bench/rss-probe.mjs).
  const { maxRssBytes } = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number };
  const peakRssMb = maxRssBytes / 1_048_576;
  rmSync(rssFile, { force: true });
  return { records, seconds, peakRssMb };
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'json-mb': { type: 'string' } }, strict: false });
  const megabytes = Number(values['json-mb'] ?? 1024);
  if (!(megabytes > 0)) throw new Error('--json-mb must be a positive number');
  if (!existsSync(cli)) throw new Error('packages/cli/dist/cli.js is missing: run `npm run build` first');
  const folder = mkdtempSync(join(tmpdir(), 'phx-package-bench-'));
  try {
    const packageFile = join(folder, 'observations.phx.json');
    const ndjsonFile = join(folder, 'observations.phx.ndjson');
    console.log(`generating a .phx.json of about ${megabytes} MB and its NDJSON twin…`);
    const records = await generate(packageFile, ndjsonFile, megabytes * 1_048_576);
    console.log('measuring phx validate on the .phx.json…');
    const json = validateRun(packageFile);
    console.log('measuring phx validate on the NDJSON…');
    const ndjson = validateRun(ndjsonFile);
    if (json.records !== records || ndjson.records !== records) throw new Error(`record counts differ: ${records} written, ${json.records} and ${ndjson.records} read`);
    const results = {
      date: new Date().toISOString(),
      node: process.version,
      cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
      records,
      phx_json: { file_mb: round(statSync(packageFile).size / 1_048_576), seconds: round(json.seconds), peak_rss_mb: round(json.peakRssMb) },
      ndjson: { file_mb: round(statSync(ndjsonFile).size / 1_048_576), seconds: round(ndjson.seconds), peak_rss_mb: round(ndjson.peakRssMb) },
      json_vs_ndjson_time: round(json.seconds / ndjson.seconds, 2),
      targets: { phx_json_peak_rss_mb: 150 },
    };
    console.log(JSON.stringify(results, null, 2));
    console.log(`wrote ${relative(root, writeResults('package-file', results))}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
