/**
 * Validation benchmark. Generates N observation records (default 1 000 000) as NDJSON and measures,
 * each in a fresh process:
 * - the floor: reading the file in chunks, splitting lines and JSON.parse of each line;
 * - the shape-only peers, reading the file as the floor does: Ajv2020 (allErrors, formats) compiled from
 *   the committed JSON Schema, and zod's `safeParse` of the observation's line schema;
 * - `phx validate` on the file (all rules on), with its peak RSS, and `phx validate --jobs 2` (lines checked on two
 *   worker threads), compared with the floor in wall time;
 * - in memory, on the same records: the same Ajv check, and `validate()` of @phx/schema.
 * With --growth, also peak RSS of `phx validate` on 300 000 and 3 000 000 records (≈ 1 GB) and the bytes
 * each record adds. Prints a table and writes bench/results/latest.json. Options: --records N, --growth.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { publisherOrganisation, resultsDir, writeResults } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const cli = join(root, 'packages/cli/dist/cli.js');

const PUBLISHER = 'ZA-NPO-123-456';
const countries = ['ZA', 'MZ', 'KE', 'UA', 'RU', 'KZ', 'FR', 'ES', 'BR', 'IN', 'TH', 'NG', 'UG', 'ZM', 'ZW', 'MW'];
/** Areas as files name them: Latin, Cyrillic and accented names, of varied length. */
const areas = ['Western Cape', 'Київська область', 'Île-de-France', 'Nairobi', 'Алматинская область', 'Región de Murcia', 'Copperbelt', 'São Paulo'];

/** A part of a group: its categories, and its share (in %) of the total's numerator and denominator. */
type Part = [Record<string, string> | undefined, number];
const total: Part = [undefined, 100];
const bySex: Part[] = [[{ sex: 'female' }, 40], [{ sex: 'male' }, 60]];
const byAge: Part[] = [[{ ageGroup: '<18' }, 5], [{ ageGroup: '18-24' }, 20], [{ ageGroup: '25-49' }, 50], [{ ageGroup: '50+' }, 25], [{ ageGroup: '<25' }, 25]];

/**
 * The kinds of groups, in turn: a proportion broken down by sex and age (eight records), a proportion by sex
 * (three), a count by sex and age (eight), counts with no breakdown (one). Numerators and denominators add up
 * to the total's within each breakdown (a part's denominator is its share of the total's, as its numerator is).
 */
const groupKinds: { indicator: string; unit: 'percent' | 'count'; parts: Part[] }[] = [
  { indicator: 'hiv-prevalence-prisoners', unit: 'percent', parts: [total, ...bySex, ...byAge] },
  { indicator: 'art-coverage-prisoners', unit: 'percent', parts: [total, ...bySex] },
  { indicator: 'prisons-people-tested-for-hiv', unit: 'count', parts: [total, ...bySex, ...byAge] },
  { indicator: 'prison-population', unit: 'count', parts: [total] },
  { indicator: 'prisons-people-on-art', unit: 'count', parts: [total] },
];
/** Records in one round of the group kinds. */
const roundSize = groupKinds.reduce((sum, kind) => sum + kind.parts.length, 0);

/** Free-text notes as data officers write them, in several languages; numbers vary, so no two in a row are alike. */
const noteTexts = [
  (n: number) => `Routine programme data from ${n} facilities; screening at intake and on request.`,
  (n: number) => `Данные за год, ${n} учреждений, тестирование при поступлении.`,
  (n: number) => `Données de routine de ${n} établissements, dépistage à l’entrée.`,
  (n: number) => `Datos de ${n} centros penitenciarios; incluye pruebas voluntarias.`,
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
  const round = Math.floor(i / roundSize);
  let at = i % roundSize;
  let kind = 0;
  while (at >= groupKinds[kind]!.parts.length) at -= groupKinds[kind++]!.parts.length;
  const { indicator, unit, parts } = groupKinds[kind]!;
  const group = round * groupKinds.length + kind;
  const [disaggregation, share] = parts[at]!;
  // Multiples of 20, so that every share (5 %, 20 %, 25 %, 40 %, 50 %, 60 %) of them is a whole number above 4.
  const denominator = ((1000 + 20 * (round % 25)) * share) / 100;
  const numerator = unit === 'count' ? denominator : ((100 + 20 * (round % 7)) * share) / 100;
  const year = 2000 + (round % 24);
  const area = areas[round % areas.length]!;
  return {
    id: observationId(i),
    indicator,
    reportingOrganisation: PUBLISHER,
    scope: { country: countries[round % countries.length], subnationalArea: `${area} ${round}` },
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    ...(disaggregation ? { disaggregation } : {}),
    numerator,
    ...(unit === 'count' ? { value: numerator } : { denominator, value: Number(((numerator / denominator) * 100).toFixed(2)) }),
    unit,
    dataSource: 'routine-programme-data',
    ...(group % 3 === 0 ? { notes: noteTexts[group % noteTexts.length]!(3 + (i % 97)) } : {}),
  };
}

const header = {
  phxVersion: '1.0',
  id: 'bench-package',
  publisher: { id: PUBLISHER, name: 'Benchmark organisation' },
  license: 'CC-BY-4.0',
  publishedAt: '2025-01-01T00:00:00Z',
};
const publisher = publisherOrganisation(header.publisher, 'ZA');

async function generate(file: string, records: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string): Promise<void> | undefined => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write(`${JSON.stringify({ type: 'package', ...header })}\n${JSON.stringify({ type: 'organisation', ...publisher })}\n`);
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

/**
 * Reads a file in chunks of 64 KiB (as `phx validate` reads it), splits its lines and parses each, handing
 * every observation's line, as parsed, to `check`: the floor when `check` does nothing, and how the
 * shape-only peers read the file. Nothing is copied: a peer checks the line's shape, `type` included.
 */
async function eachObservation(file: string, check: (line: Record<string, unknown>) => void): Promise<{ records: number }> {
  const decoder = new TextDecoder();
  let rest = '';
  let records = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
    const text = rest + decoder.decode(chunk as Buffer, { stream: true });
    let from = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', from)) {
      const line = JSON.parse(text.slice(from, newline)) as Record<string, unknown>;
      if (line.type === 'observation') {
        check(line);
        records++;
      }
      from = newline + 1;
    }
    rest = text.slice(from);
  }
  return { records };
}

/**
 * Ajv2020 with every error and the formats, compiled from the committed JSON Schema of an observation: of
 * the record itself, or of its NDJSON line (the record and its `type`).
 */
async function ajvCheck(of: 'record' | 'line'): Promise<(value: unknown) => boolean> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const addFormats = (await import('ajv-formats')).default as unknown as (ajv: unknown) => void;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(root, 'schemas/v1/Observation.schema.json'), 'utf8')) as { properties: object; required: string[] };
  if (of === 'record') return ajv.compile(schema);
  return ajv.compile({ ...schema, properties: { ...schema.properties, type: { const: 'observation' } }, required: [...schema.required, 'type'] });
}

/** The shape-only peers of the stream: each reads the file as the floor does, then checks each line's shape. */
const streams = {
  floor: async (file: string) => ({ ...(await eachObservation(file, () => {})), invalid: 0 }),
  'ajv-stream': async (file: string) => {
    const check = await ajvCheck('line');
    let invalid = 0;
    return { ...(await eachObservation(file, (line) => void (check(line) || invalid++))), invalid };
  },
  'zod-stream': async (file: string) => {
    const { recordLineSchemas } = await import('@phx/schema');
    let invalid = 0;
    return { ...(await eachObservation(file, (line) => void (recordLineSchemas.observation.safeParse(line).success || invalid++))), invalid };
  },
};

async function inMemory(file: string): Promise<Record<string, number>> {
  const { validate } = await import('@phx/schema');
  const records: Record<string, unknown>[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    const { type, ...record } = JSON.parse(line) as Record<string, unknown>;
    if (type === 'observation') records.push(record);
  }
  const check = await ajvCheck('record');
  let started = performance.now();
  let ajvErrors = 0;
  for (const record of records) if (!check(record)) ajvErrors++;
  const ajvSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const result = validate({ ...header, organisations: [publisher], observations: records });
  const validateSeconds = (performance.now() - started) / 1000;
  return { records: records.length, ajvSeconds, ajvErrors, validateSeconds, validateErrors: result.issues.length };
}

/** What a measured process did: what it printed, its wall and CPU seconds, and its peak RSS. */
interface Run {
  output: Record<string, number>;
  seconds: number;
  cpuSeconds: number;
  rssMb: number;
}

/**
 * Runs `phx validate` on a file, or this file in one of its modes, in a fresh process. Its CPU time is what the
 * process spent after Node started (`rss-probe.mjs`): for `phx validate` loading the CLI and the library; for a
 * mode, from its start, so that it includes loading Ajv or zod but not the TypeScript loader this file runs under.
 */
function child(mode: string, file: string, nodeArgs: string[] = [], cliArgs: string[] = []): Run {
  const probeFile = join(tmpdir(), `phx-bench-probe-${process.pid}-${mode}`);
  const probe = ['--import', pathToFileURL(join(here, 'rss-probe.mjs')).href];
  const args = mode === 'cli'
    ? [...nodeArgs, ...probe, cli, 'validate', file, '--format', 'json', ...cliArgs]
    : [...nodeArgs, ...probe, '--import', 'tsx', fileURLToPath(import.meta.url), '--mode', mode, '--file', file];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, PHX_BENCH_RSS_FILE: probeFile } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${mode} failed (exit ${result.status}): ${result.stderr.slice(0, 2000)}${result.stdout.slice(0, 2000)}`);
  const probed = JSON.parse(readFileSync(probeFile, 'utf8')) as { maxRssBytes: number; cpuSeconds: number };
  if (mode === 'cli') {
    const report = JSON.parse(result.stdout) as { files: { read: { records: { observation: number } }; errors: number; warnings: number }[] };
    const { read, errors, warnings } = report.files[0]!;
    return { output: { records: read.records.observation, invalid: errors + warnings }, seconds, cpuSeconds: probed.cpuSeconds, rssMb: probed.maxRssBytes / 1_048_576 };
  }
  const output = JSON.parse(result.stdout) as Record<string, number>;
  return { output, seconds, cpuSeconds: output.cpuSeconds!, rssMb: probed.maxRssBytes / 1_048_576 };
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Generates a file of `records` observations unless it is there already, and returns its path. */
async function dataFile(records: number): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `observations-${records}.ndjson`);
  console.log(`generating ${records.toLocaleString('en')} observations → ${relative(root, file)}`);
  await generate(file, records);
  return file;
}

/** Peak RSS of `phx validate` on about 300 000 and 3 000 000 records (≈ 1 GB), and what each record adds. */
async function growth(): Promise<{ small: { records: number; peak_rss_mb: number }; large: { records: number; file_mb: number; peak_rss_mb: number; records_per_s: number }; bytes_per_record: number }> {
  const measure = async (records: number) => {
    const file = await dataFile(records);
    console.log(`measuring phx validate on ${records.toLocaleString('en')} records…`);
    const run = child('cli', file);
    if (run.output.records !== records || run.output.invalid !== 0) throw new Error(`phx validate read ${run.output.records} records with ${run.output.invalid} issues`);
    return { records, file_mb: round(statSync(file).size / 1_048_576, 1), peak_rss_mb: round(run.rssMb, 1), records_per_s: Math.round(records / run.cpuSeconds), rssBytes: run.rssMb * 1_048_576 };
  };
  const small = await measure(300_000);
  const large = await measure(3_000_000);
  return {
    small: { records: small.records, peak_rss_mb: small.peak_rss_mb },
    large: { records: large.records, file_mb: large.file_mb, peak_rss_mb: large.peak_rss_mb, records_per_s: large.records_per_s },
    bytes_per_record: round((large.rssBytes - small.rssBytes) / (large.records - small.records), 1),
  };
}

/** Goals of the validation benchmark: ratios of one run, and memory. */
const targets = {
  stream_vs_ajv_stream: 1.0,
  stream_vs_zod_stream: 1.0,
  memory_vs_ajv: 1.0,
  jobs2_vs_floor_wall: 1.0,
  peak_rss_mb_1gb: 150,
  bytes_per_record: 30,
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { records: { type: 'string' }, mode: { type: 'string' }, file: { type: 'string' }, growth: { type: 'boolean' } } });
  if (values.mode !== undefined) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const output = values.mode === 'memory' ? await inMemory(values.file!) : await streams[values.mode as keyof typeof streams](values.file!);
    const used = process.cpuUsage(cpu);
    process.stdout.write(JSON.stringify({ ...output, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 }));
    return;
  }
  const records = Number(values.records ?? 1_000_000);
  if (!Number.isInteger(records) || records < 1) throw new Error('--records must be a whole number of at least 1');
  if (!existsSync(cli)) throw new Error('packages/cli/dist/cli.js is missing: run `npm run build` first');
  const file = await dataFile(records);
  const fileMb = statSync(file).size / 1_048_576;

  const runs: Record<string, Run> = {};
  for (const [mode, what] of [['floor', 'the floor (line split + JSON.parse)'], ['ajv-stream', 'the Ajv stream'], ['zod-stream', 'the zod safeParse stream'], ['cli', 'phx validate']] as const) {
    console.log(`measuring ${what}…`);
    runs[mode] = child(mode, file);
  }
  console.log('measuring phx validate --jobs 2…');
  const jobs2 = child('cli', file, [], ['--jobs', '2']);
  console.log('measuring ajv and validate() in memory…');
  const memoryRun = child('memory', file, ['--max-old-space-size=8192']);
  for (const [mode, run] of Object.entries({ ...runs, jobs2, memory: memoryRun })) {
    if (run.output.records !== records) throw new Error(`${mode} read ${run.output.records} records, not ${records}`);
  }
  if ([...Object.values(runs), jobs2].some((run) => run.output.invalid !== 0) || memoryRun.output.ajvErrors !== 0 || memoryRun.output.validateErrors !== 0) {
    throw new Error('the generated records should be valid under every check');
  }
  const grown = values.growth ? await growth() : undefined;

  // Rates from CPU time: the machine may be shared, and CPU time moves less with other work than wall time.
  const rate = (run: Run) => records / run.cpuSeconds;
  const stream = (run: Run) => ({ records_per_s: Math.round(rate(run)), cpu_seconds: round(run.cpuSeconds), seconds: round(run.seconds), peak_rss_mb: round(run.rssMb, 1) });
  const ajvRate = records / memoryRun.output.ajvSeconds!;
  const validateRate = records / memoryRun.output.validateSeconds!;
  const phx = runs.cli!;
  /**
   * Threads share the work, so `--jobs 2` is measured in wall time, against the floor's wall time in the same
   * run: the floor's from its start in its process (no Node start, no loading), `phx validate`'s the whole process.
   */
  const floorWall = runs.floor!.output.seconds!;
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    records,
    file_mb: round(fileMb, 1),
    floor: stream(runs.floor!),
    ajv_stream: stream(runs['ajv-stream']!),
    zod_stream: stream(runs['zod-stream']!),
    phx_validate: stream(phx),
    phx_validate_jobs2: { records_per_s_wall: Math.round(records / jobs2.seconds), seconds: round(jobs2.seconds), cpu_seconds: round(jobs2.cpuSeconds), peak_rss_mb: round(jobs2.rssMb, 1) },
    floor_wall_seconds: round(floorWall),
    ajv_in_memory: { records_per_s: Math.round(ajvRate), seconds: round(memoryRun.output.ajvSeconds!) },
    validate_in_memory: { records_per_s: Math.round(validateRate), seconds: round(memoryRun.output.validateSeconds!) },
    stream_vs_ajv_stream: round(rate(phx) / rate(runs['ajv-stream']!)),
    stream_vs_zod_stream: round(rate(phx) / rate(runs['zod-stream']!)),
    stream_vs_floor: round(rate(phx) / rate(runs.floor!)),
    memory_vs_ajv: round(validateRate / ajvRate),
    jobs2_vs_floor_wall: round(floorWall / jobs2.seconds),
    jobs2_vs_jobs1_wall: round(phx.seconds / jobs2.seconds),
    peak_rss_mb: round(phx.rssMb, 1),
    ...(grown ? { growth: grown, peak_rss_mb_1gb: grown.large.peak_rss_mb, bytes_per_record: grown.bytes_per_record } : {}),
    targets,
  };
  const table = [
    ['measure', 'records/s (CPU)', 'CPU s', 'wall s', 'peak RSS MB'],
    ...([['floor: lines + JSON.parse', results.floor], ['Ajv stream (shape only)', results.ajv_stream], ['zod safeParse stream (shape only)', results.zod_stream], ['phx validate (stream, all rules)', results.phx_validate]] as const).map(([name, figures]) => [name, figures.records_per_s, figures.cpu_seconds, figures.seconds, figures.peak_rss_mb]),
    ['phx validate --jobs 2 (wall time)', results.phx_validate_jobs2.records_per_s_wall, results.phx_validate_jobs2.cpu_seconds, results.phx_validate_jobs2.seconds, results.phx_validate_jobs2.peak_rss_mb],
    ['ajv (Ajv2020, allErrors), in memory', results.ajv_in_memory.records_per_s, '', results.ajv_in_memory.seconds, ''],
    ['validate(), in memory', results.validate_in_memory.records_per_s, '', results.validate_in_memory.seconds, ''],
  ].map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en') : cell)));
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => String(row[column]).length)));
  for (const row of table) console.log(row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]!) : String(cell).padStart(widths[i]!))).join('   '));
  console.log(`\n${records.toLocaleString('en')} records, ${results.file_mb} MB:`);
  console.log(`phx validate ÷ Ajv stream ${results.stream_vs_ajv_stream} (target ≥ ${targets.stream_vs_ajv_stream}), ÷ zod stream ${results.stream_vs_zod_stream} (target ≥ ${targets.stream_vs_zod_stream}), ÷ floor ${results.stream_vs_floor}`);
  console.log(`phx validate --jobs 2 ÷ floor in wall time ${results.jobs2_vs_floor_wall} (target ≥ ${targets.jobs2_vs_floor_wall}; floor ${results.floor_wall_seconds} s), ÷ one thread ${results.jobs2_vs_jobs1_wall}`);
  console.log(`validate() ÷ Ajv in memory ${results.memory_vs_ajv} (target ≥ ${targets.memory_vs_ajv}), peak RSS ${results.peak_rss_mb} MB`);
  if (grown) {
    console.log(`peak RSS ${grown.small.peak_rss_mb} MB at ${grown.small.records.toLocaleString('en')} records, ${grown.large.peak_rss_mb} MB at ${grown.large.records.toLocaleString('en')} (${grown.large.file_mb} MB; target ≤ ${targets.peak_rss_mb_1gb}): ${grown.bytes_per_record} bytes a record (target ≤ ${targets.bytes_per_record})`);
  }
  console.log(`wrote ${relative(root, writeResults('latest', results))}`);
}

await main();
