/**
 * Validation benchmark. Generates N observation records (default 1 000 000) as NDJSON and measures,
 * each in a fresh process:
 * - the floor: reading the file line by line and JSON.parse of each line;
 * - `phx validate` on the file (all rules on), with its peak RSS;
 * - in memory, on the same records: ajv (Ajv2020, allErrors, formats) on the generated JSON Schema,
 *   and `validate()` of @phx/schema.
 * Prints a table and writes bench/results/latest.json. Options: --records N.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const resultsDir = join(here, 'results');
const cli = join(root, 'packages/cli/dist/cli.js');

const PUBLISHER = 'ZA-NPO-123-456';
const countries = ['ZA', 'MZ', 'KE', 'UA', 'RU', 'KZ', 'FR', 'ES', 'BR', 'IN', 'TH', 'NG', 'UG', 'ZM', 'ZW', 'MW'];
/**
 * Eight records per group: the total, two sexes, five age groups; numerators and denominators add up to the
 * total's within each breakdown (a part's denominator is its share of the total's, as its numerator is).
 */
const parts: [Record<string, string> | undefined, number][] = [
  [undefined, 100],
  [{ sex: 'female' }, 40],
  [{ sex: 'male' }, 60],
  [{ ageGroup: '<18' }, 5],
  [{ ageGroup: '18-24' }, 20],
  [{ ageGroup: '25-49' }, 50],
  [{ ageGroup: '50+' }, 25],
  [{ ageGroup: '<25' }, 25],
];

const idAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-';

/**
 * The id of the i-th observation: unique, of lengths from 6 to about 70 characters, over the whole id
 * alphabet — ids of one length hide bugs that real files meet (a key ending exactly on a table page).
 */
function observationId(i: number): string {
  const spread = Math.imul(i, 0x9e3779b1) >>> 0;
  return `obs-${i.toString(36)}-${idAlphabet.slice(spread % 40, spread % 40 + (spread >>> 8) % 28)}`;
}

/** The i-th observation: valid under every rule, so that the benchmark measures the full path. */
function observation(i: number): Record<string, unknown> {
  const group = Math.floor(i / parts.length);
  const [disaggregation, numerator] = parts[i % parts.length]!;
  // A multiple of 20, so that every share (5 %, 20 %, 25 %, 40 %, 50 %, 60 %) of it is a whole number.
  const denominator = ((1000 + 20 * (group % 25)) * numerator) / 100;
  const year = 2000 + (group % 24);
  return {
    id: observationId(i),
    indicator: 'hiv-prevalence-prisoners',
    reportingOrganisation: PUBLISHER,
    scope: { country: countries[group % countries.length], subnationalArea: `Area ${group}` },
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    ...(disaggregation ? { disaggregation } : {}),
    numerator,
    denominator,
    value: Number(((numerator / denominator) * 100).toFixed(2)),
    unit: 'percent',
    dataSource: 'routine-programme-data',
  };
}

const header = {
  phxVersion: '1.0',
  id: 'bench-package',
  publisher: { id: PUBLISHER, name: 'Benchmark organisation' },
  license: 'CC-BY-4.0',
  publishedAt: '2025-01-01T00:00:00Z',
};

async function generate(file: string, records: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string): Promise<void> | undefined => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write(`${JSON.stringify({ type: 'package', ...header })}\n`);
  let batch = '';
  for (let i = 0; i < records; i++) {
    batch += `${JSON.stringify({ type: 'observation', ...observation(i) })}\n`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Splits a file into lines and parses each, the least any NDJSON reader must do. */
async function floor(file: string): Promise<{ records: number }> {
  const decoder = new TextDecoder();
  let rest = '';
  let records = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = rest + decoder.decode(chunk as Buffer, { stream: true });
    let from = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', from)) {
      const value = JSON.parse(text.slice(from, newline)) as { type: string };
      if (value.type === 'observation') records++;
      from = newline + 1;
    }
    rest = text.slice(from);
  }
  return { records };
}

async function inMemory(file: string): Promise<Record<string, number>> {
  const { validate, jsonSchemaOf } = await import('@phx/schema');
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const addFormats = (await import('ajv-formats')).default as unknown as (ajv: unknown) => void;
  const records: Record<string, unknown>[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    const { type, ...record } = JSON.parse(line) as Record<string, unknown>;
    if (type === 'observation') records.push(record);
  }
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(jsonSchemaOf('Observation'));
  let started = performance.now();
  let ajvErrors = 0;
  for (const record of records) if (!check(record)) ajvErrors++;
  const ajvSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const result = validate({ ...header, observations: records });
  const validateSeconds = (performance.now() - started) / 1000;
  return { records: records.length, ajvSeconds, ajvErrors, validateSeconds, validateErrors: result.issues.length };
}

/** Runs this file in a fresh process in one of its modes, returning what it prints and its peak RSS. */
function child(mode: string, file: string, nodeArgs: string[] = []): { output: Record<string, number>; seconds: number; rssMb: number } {
  const rssFile = join(tmpdir(), `phx-bench-rss-${process.pid}-${mode}`);
  const args = mode === 'cli'
    ? [...nodeArgs, '--import', pathToFileURL(join(here, 'rss-probe.mjs')).href, cli, 'validate', file, '--format', 'json']
    : [...nodeArgs, '--import', pathToFileURL(join(here, 'rss-probe.mjs')).href, '--import', 'tsx', fileURLToPath(import.meta.url), '--mode', mode, '--file', file];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, PHX_BENCH_RSS_FILE: rssFile } });
  const seconds = (performance.now() - started) / 1000;
  if (mode === 'cli' ? result.status !== 0 : result.status !== 0) {
    throw new Error(`${mode} failed (exit ${result.status}): ${result.stderr.slice(0, 2000)}${result.stdout.slice(0, 2000)}`);
  }
  const output = mode === 'cli' ? { records: (JSON.parse(result.stdout) as { files: { read: { records: { observation: number } } }[] }).files[0]!.read.records.observation } : (JSON.parse(result.stdout) as Record<string, number>);
  return { output, seconds, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1_048_576 };
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { records: { type: 'string' }, mode: { type: 'string' }, file: { type: 'string' } } });
  if (values.mode === 'floor' || values.mode === 'memory') {
    const started = performance.now();
    const output = values.mode === 'floor' ? await floor(values.file!) : await inMemory(values.file!);
    process.stdout.write(JSON.stringify({ ...output, seconds: (performance.now() - started) / 1000 }));
    return;
  }
  const records = Number(values.records ?? 1_000_000);
  if (!Number.isInteger(records) || records < 1) throw new Error('--records must be a whole number of at least 1');
  if (!existsSync(cli)) throw new Error('packages/cli/dist/cli.js is missing: run `npm run build` first');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `observations-${records}.ndjson`);
  console.log(`generating ${records.toLocaleString('en')} observations → ${relative(root, file)}`);
  await generate(file, records);
  const fileMb = statSync(file).size / 1_048_576;

  console.log('measuring the floor (line split + JSON.parse)…');
  const floorRun = child('floor', file);
  console.log('measuring phx validate…');
  const cliRun = child('cli', file);
  console.log('measuring ajv and validate() in memory…');
  const memoryRun = child('memory', file, ['--max-old-space-size=8192']);
  if (floorRun.output.records !== records || cliRun.output.records !== records || memoryRun.output.records !== records) {
    throw new Error(`record counts differ: floor ${floorRun.output.records}, phx ${cliRun.output.records}, memory ${memoryRun.output.records}`);
  }
  if (memoryRun.output.ajvErrors !== 0 || memoryRun.output.validateErrors !== 0) throw new Error('the generated records should be valid');

  const floorRate = records / floorRun.output.seconds!;
  const streamRate = records / cliRun.seconds;
  const ajvRate = records / memoryRun.output.ajvSeconds!;
  const validateRate = records / memoryRun.output.validateSeconds!;
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    records,
    file_mb: round(fileMb, 1),
    floor: { records_per_s: Math.round(floorRate), seconds: round(floorRun.output.seconds!), peak_rss_mb: round(floorRun.rssMb, 1) },
    phx_validate: { records_per_s: Math.round(streamRate), seconds: round(cliRun.seconds), peak_rss_mb: round(cliRun.rssMb, 1) },
    ajv_in_memory: { records_per_s: Math.round(ajvRate), seconds: round(memoryRun.output.ajvSeconds!) },
    validate_in_memory: { records_per_s: Math.round(validateRate), seconds: round(memoryRun.output.validateSeconds!) },
    stream_vs_floor: round(streamRate / floorRate),
    memory_vs_ajv: round(validateRate / ajvRate),
    peak_rss_mb: round(cliRun.rssMb, 1),
    targets: { stream_vs_floor: 0.8, peak_rss_mb: 100, memory_vs_ajv: 1.5 },
  };
  const table = [
    ['measure', 'records/s', 'seconds', 'peak RSS MB'],
    ['floor: lines + JSON.parse', results.floor.records_per_s, results.floor.seconds, results.floor.peak_rss_mb],
    ['phx validate (stream, all rules)', results.phx_validate.records_per_s, results.phx_validate.seconds, results.phx_validate.peak_rss_mb],
    ['ajv (Ajv2020, allErrors), in memory', results.ajv_in_memory.records_per_s, results.ajv_in_memory.seconds, ''],
    ['validate(), in memory', results.validate_in_memory.records_per_s, results.validate_in_memory.seconds, ''],
  ].map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en') : cell)));
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => String(row[column]).length)));
  for (const row of table) console.log(row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]!) : String(cell).padStart(widths[i]!))).join('   '));
  console.log(`\nstream_vs_floor ${results.stream_vs_floor} (target ≥ 0.8), memory_vs_ajv ${results.memory_vs_ajv} (target ≥ 1.5), peak RSS ${results.peak_rss_mb} MB (target ≤ 100) — ${records.toLocaleString('en')} records, ${results.file_mb} MB`);
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${relative(root, join(resultsDir, 'latest.json'))}`);
}

await main();
