/**
 * What users install: each publishable package is packed as npm would publish it, linted with publint and
 * arethetypeswrong, and installed from the tarballs (no workspace links) into a fresh project that imports
 * it from ESM, requires it from CJS and type-checks against it with moduleResolution node16 and bundler —
 * also from a CommonJS file, and with the client installed alone.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../packages/schema/src/index.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports: Record<string, unknown>;
  files?: string[];
}
const publishable = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir: join(root, 'packages', dir), manifest: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as Manifest }))
  .filter(({ manifest }) => !manifest.private);

const versionOf = (dependency: string) => (JSON.parse(readFileSync(join(root, 'node_modules', dependency, 'package.json'), 'utf8')) as { version: string }).version;
const typesNodeVersion = versionOf('@types/node');
/** One install per consumer; `npm ci` of the repository has filled the cache, so npm asks the registry only for what is missing. */
const install = (cwd: string, specs: string[]) => run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...specs], { cwd });

const scratch = mkdtempSync(join(tmpdir(), 'phx-packages-'));
const tarballs = new Map<string, string>();
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Writes `files` and a tsconfig.json of them into `dir` and compiles them (strict, ES2022 and `options`): the
 * compiler's errors, each with the lines that continue its message. The compiler is the repository's: it finds
 * the packages and types from `dir` as one installed in the project would, so installing it there only costs time.
 */
async function typeCheck(dir: string, files: Record<string, string>, options: Record<string, unknown>): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', ...options }, files: Object.keys(files) }));
  const result = await run(join(root, 'node_modules/.bin/tsc'), ['-p', dir, '--pretty', 'false'], { cwd: dir }).catch((error: { stdout: string }) => error);
  return result.stdout.split(/\n(?! )/).filter(Boolean);
}

/** Runs `make` once, when a test first asks for its result, for the tests that check parts of it. */
function lazily<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

beforeAll(async () => {
  // One npm for every package: each start of npm costs seconds on a loaded machine.
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch, ...publishable.flatMap(({ dir }) => ['--workspace', dir])], { cwd: root });
  for (const packed of JSON.parse(stdout) as { name: string; filename: string }[]) tarballs.set(packed.name, join(scratch, packed.filename));
  expect([...tarballs.keys()].sort()).toEqual(publishable.map(({ manifest }) => manifest.name).sort());
});

describe.each(publishable.map(({ manifest }) => [manifest.name, manifest] as const))('%s', (name, manifest) => {
  it('publint finds nothing to fix', async () => {
    // The tarball packed above, as published: publint would otherwise start npm to pack the package again.
    const { messages } = await publint({ pack: { tarball: new Uint8Array(readFileSync(tarballs.get(name)!)).buffer }, strict: true });
    expect(messages).toEqual([]);
  });

  it('arethetypeswrong finds no problem for node16 (ESM and CJS) and bundlers', async () => {
    // In this process, as `attw` checks a tarball: its compiler is loaded once for every package, not once each.
    const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarballs.get(name)!))));
    expect(analysis.types).not.toBe(false);
    const problems = 'problems' in analysis ? analysis.problems : [];
    // Node 10 resolution is out of scope: the packages need Node >= 20.19.
    expect(problems.filter((problem) => !('resolutionKind' in problem) || problem.resolutionKind !== 'node10')).toEqual([]);
  });

  it('ships only what users need', async () => {
    const { stdout } = await run('tar', ['-tzf', tarballs.get(name)!]);
    const files = stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files.filter((f) => /^(src|test|bench|scripts)\//.test(f) || f.endsWith('.test.ts') || f === 'tsconfig.json')).toEqual([]);
    expect(manifest.files).toBeDefined();
  });
});

describe('a fresh project installing the tarballs', () => {
  const consumer = join(scratch, 'consumer');

  beforeAll(async () => {
    mkdirSync(consumer, { recursive: true });
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await install(consumer, [...tarballs.values(), `@types/node@${typesNodeVersion}`]);
  });

  it('imports @phx/schema from ESM and validates', async () => {
    writeFileSync(join(consumer, 'esm.mjs'), "import { validate } from '@phx/schema';\nimport { labelOf } from '@phx/schema/codelists';\nconsole.log(validate('{').issues[0].code, labelOf('sex', 'female', 'ru'));\n");
    const { stdout } = await run(process.execPath, ['esm.mjs'], { cwd: consumer });
    expect(stdout.trim()).toBe('syntax.invalid-json Женский');
  });

  it('exports with @phx/interop from ESM and CJS', async () => {
    const pkg = "{ phxVersion: '1.0', id: 'p', publisher: { id: 'PHX-ORG-0001', name: 'S' }, license: 'CC-BY-4.0', publishedAt: '2021-01-01T00:00:00Z', observations: [{ id: 'o', indicator: 'prisons-people-on-oat', reportingOrganisation: 'PHX-ORG-0001', scope: { country: 'UA' }, period: { start: '2020-01-01', end: '2020-12-31' }, value: 12, unit: 'count', dataSource: 'routine-programme-data' }] }";
    writeFileSync(join(consumer, 'interop.mjs'), `import { exportPackage } from '@phx/interop';\nconsole.log(exportPackage(${pkg}, 'sdmx-csv').files[0].content.split('\\n')[1]);\n`);
    writeFileSync(join(consumer, 'interop.cjs'), `const { exportPackage } = require('@phx/interop');\nconsole.log(exportPackage(${pkg}, 'sdmx-csv').files[0].content.split('\\n')[1]);\n`);
    const esm = await run(process.execPath, ['interop.mjs'], { cwd: consumer });
    const cjs = await run(process.execPath, ['interop.cjs'], { cwd: consumer });
    expect(esm.stdout.trim()).toBe('dataflow,PHX:DF_PRISON_HEALTH(1.0.0),I,prisons-people-on-oat,UA,_Z,PHX-ORG-0001,_T,_T,_T,2020,12,count,F,routine-programme-data,,,,');
    expect(cjs.stdout).toBe(esm.stdout);
  });

  it('requires @phx/schema from CJS and validates', async () => {
    writeFileSync(join(consumer, 'cjs.cjs'), "const { validate } = require('@phx/schema');\nconst { labelOf } = require('@phx/schema/codelists');\nconsole.log(validate({}).ok, labelOf('sex', 'male', 'en'));\n");
    const { stdout } = await run(process.execPath, ['cjs.cjs'], { cwd: consumer });
    expect(stdout.trim()).toBe('false Male');
  });

  /** A program that uses every package, for module resolution node16 and bundler. */
  const program = [
    "import { validate, type Observation, type ValidationIssue } from '@phx/schema';",
    "import { codesOf } from '@phx/schema/codelists';",
    "import { createClient, isPreconditionFailed } from '@phx/client';",
    "import { exportPackage, gamReadiness, type ExportTarget } from '@phx/interop';",
    "import type { StartHubOptions } from '@phx/server';",
    "import type { Context } from '@phx/cli';",
    "const hub: StartHubOptions = { db: 'phx.sqlite', port: 0 };",
    "const context: Context | undefined = undefined;",
    "const client = createClient({ baseUrl: 'http://127.0.0.1:8080', token: 't' });",
    "console.log(hub, context, typeof client.observations.list, isPreconditionFailed(undefined));",
    "const target: ExportTarget = 'sdmx-csv';",
    "console.log(typeof exportPackage, typeof gamReadiness, target);",
    "const observation: Observation['unit'] = 'percent';",
    "const issues: ValidationIssue[] = validate({}).issues;",
    'console.log(observation, issues.length, codesOf("sex").length);',
    '// @ts-expect-error a unit outside the closed codelist is a type error',
    "const wrong: Observation['unit'] = 'percentage';",
    'export { wrong };',
  ].join('\n');

  /** A CommonJS file (module node16, .cts) that uses the client and @phx/schema. */
  const commonjs = [
    "import { createClient, isValidationFailed, type Observation } from '@phx/client';",
    "import { validate } from '@phx/schema';",
    "import { problemTypes } from '@phx/schema/api';",
    "const client = createClient({ baseUrl: 'http://127.0.0.1:1', token: 't', retry: 0 });",
    "const unit: Observation['unit'] = 'percent';",
    '// @ts-expect-error a unit outside the closed codelist is a type error',
    "const wrong: Observation['unit'] = 'percentage';",
    "console.log(typeof client.observations.list, validate({}).ok, problemTypes['idempotency-key-reused'].status, unit, isValidationFailed(wrong));",
  ].join('\n');

  /**
   * The program and the CommonJS file compiled together with module node16 and skipLibCheck false, as a project
   * that has both kinds of module: Node's types, most of the compiler's work, are checked once for the two.
   */
  const node16 = lazily(() =>
    typeCheck(join(consumer, 'node16'), { 'program.ts': program, 'program.cts': commonjs }, { module: 'node16', moduleResolution: 'node16', skipLibCheck: false, types: ['node'], outDir: 'out' }),
  );

  it.each(['node16', 'bundler'] as const)('type-checks a program with moduleResolution %s', async (resolution) => {
    const output =
      resolution === 'node16'
        ? await node16()
        : await typeCheck(join(consumer, resolution), { 'program.ts': program }, { module: 'esnext', moduleResolution: 'bundler', noEmit: true, types: ['node'] });
    expect(output).toEqual([]);
  });

  it('type-checks and runs a CommonJS file (module node16, .cts) with skipLibCheck false', async () => {
    expect(await node16()).toEqual([]);
    const { stdout } = await run(process.execPath, [join(consumer, 'node16/out/program.cjs')], { cwd: consumer });
    expect(stdout.trim()).toBe('function false 422 percent false');
  });

  it('runs the phx bin it installed', async () => {
    const { stdout } = await run(join(consumer, 'node_modules/.bin/phx'), ['--version'], { cwd: consumer });
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version);
  });

  // `phx` is bundled in chunks loaded when needed: each must be in the package and load where it is installed.
  it('validates, writes and reads a workbook, and checks lines on worker threads with the phx bin it installed', async () => {
    const phx = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      run(join(consumer, 'node_modules/.bin/phx'), args, { cwd: consumer }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const example = join(root, 'examples/data/network-meeting-2020.phx.ndjson');
    // Nothing on standard error but the line that says the workbook was written.
    expect(await phx(['convert', example, '-o', 'meeting.xlsx'])).toMatchObject({ code: 0, stderr: expect.stringMatching(/^[^\n]*meeting\.xlsx\n$/) });
    expect((await phx(['validate', 'meeting.xlsx'])).stdout).toContain('1 file valid');
    // Over 4 MiB, where `--jobs` starts its threads; one repeated id, so there is something to report.
    const text = readFileSync(example, 'utf8').trimEnd();
    const observation = JSON.parse(text.split('\n').find((line) => line.includes('"sex":"female"'))!) as { scope: object };
    const extra = Array.from({ length: 12_000 }, (_, i) => JSON.stringify({ ...observation, id: `obs-${i % 5000 === 7 ? 7 : i}`, scope: { ...observation.scope, subnationalArea: `Area ${i}` } }));
    writeFileSync(join(consumer, 'big.phx.ndjson'), [text, ...extra].join('\n'));
    const outcome = async (args: string[]) => {
      const { code, stdout, stderr } = await phx(['validate', '--format', 'json', ...args, 'big.phx.ndjson']);
      return { code, stdout, stderr };
    };
    const one = await outcome([]);
    expect(one).toMatchObject({ code: 1, stderr: '' });
    expect(one.stdout).toContain('unique');
    expect(await outcome(['--jobs', '2'])).toEqual(one);
  });

  it('bundles @phx/schema and @phx/client for the browser and validates in Chromium', async () => {
    writeFileSync(
      join(consumer, 'browser.mjs'),
      [
        "import { validate } from '@phx/schema';",
        "import { createClient } from '@phx/client';",
        // The page is about:blank, whose origin is "null", no URL: the client needs one.
        "const client = createClient({ baseUrl: 'http://127.0.0.1:1', token: 'none' });",
        "const result = validate(JSON.stringify({ phxVersion: '1.0' }));",
        "document.title = [typeof client.observations.list, result.ok, result.issues.map((i) => i.code).join(',')].join(' ');",
      ].join('\n'),
    );
    const { build } = await import('esbuild');
    const bundle = await build({ entryPoints: [join(consumer, 'browser.mjs')], bundle: true, write: false, format: 'esm', platform: 'browser', absWorkingDir: consumer });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      // Playwright's 30 s a step is too short on a loaded machine; the project's timeout bounds the test.
      page.setDefaultTimeout(240_000);
      await page.setContent('<!doctype html><title>loading</title>');
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text, type: 'module' });
      await page.waitForFunction(() => document.title !== 'loading');
      const inNode = validate(JSON.stringify({ phxVersion: '1.0' })).issues.map((i) => i.code).join(',');
      expect(inNode).toContain('schema.required');
      expect(await page.title()).toBe(`function false ${inNode}`);
    } finally {
      await browser.close();
    }
  });
});

describe('the client installed alone', () => {
  const alone = join(scratch, 'client-alone');

  beforeAll(async () => {
    mkdirSync(alone, { recursive: true });
    writeFileSync(join(alone, 'package.json'), JSON.stringify({ name: 'alone', private: true, type: 'module' }));
    await install(alone, [tarballs.get('@phx/client')!]);
  });

  /**
   * The compiler's errors for a program using the client's types, checked with skipLibCheck false. skipLibCheck
   * true only leaves out the errors inside declaration files: the same program reports the rest.
   */
  const errors = lazily(() => {
    const program = [
      "import { createClient, type Observation } from '@phx/client';",
      "const client = createClient({ baseUrl: 'http://127.0.0.1:8080', token: 't' });",
      "const observation: Observation = (await client.observations.get('o')).data;",
      '// @ts-expect-error were the types any, this would compile',
      "const unit: 'percentage' = observation.unit;",
      'export { unit };',
    ].join('\n');
    return typeCheck(join(alone, 'program'), { 'program.ts': program }, { module: 'node16', moduleResolution: 'node16', skipLibCheck: false, noEmit: true, types: [] });
  });

  it('needs no other package of ours', () => {
    const installed = readdirSync(join(alone, 'node_modules/@phx'));
    expect(installed).toEqual(['client']);
  });

  it.each([true, false])('has whole types (skipLibCheck %s): nothing missing, no record type any', async (skipLibCheck) => {
    const reported = (await errors()).filter((error) => !skipLibCheck || !/^\S+\.d\.[cm]?ts\(/.test(error));
    expect(reported).toEqual([]);
  });
});
