/**
 * The same files through the three faces — the `phx` command, the validator page in Chromium and the
 * hub's POST /v1/validate — must get the same verdict, codes and places: what a file means is decided
 * once, in @phx/schema. Every file under examples/data, and files as people send them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, startHub, type RunningHub } from '../../packages/server/dist/index.js';
import { launchBrowser, openPage } from '../../packages/web/test/support/browser.js';
import { distDir } from '../../packages/web/test/support/paths.js';
import { awkwardFiles, type AwkwardFile } from '../corpus/awkward-files.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'packages/cli/bin/phx.js');

/** What a face says of a file: the verdict, and each issue's code and place, in a stable order. */
interface Verdict {
  ok: boolean;
  issues: string[];
}

interface Issue {
  code: string;
  location?: unknown;
}

function verdictOf(ok: boolean, issues: readonly Issue[]): Verdict {
  return { ok, issues: issues.map(({ code, location }) => `${code} ${JSON.stringify(location ?? null)}`).sort() };
}

/** Every file under a folder, by path relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const relative = join(prefix, name);
    return statSync(join(dir, relative)).isDirectory() ? filesUnder(dir, relative) : [relative];
  });
}

const examplesDir = join(root, 'examples/data');
const examples = filesUnder(examplesDir).map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(join(examplesDir, path))) }));
const awkward = awkwardFiles();
const corpus: { name: string; bytes: Uint8Array; codes?: AwkwardFile['codes'] }[] = [...examples, ...awkward];
const dir = mkdtempSync(join(tmpdir(), 'phx-faces-'));
for (const file of corpus) writeFileSync(join(dir, file.name), file.bytes);

let hub: RunningHub;
let token: string;
/**
 * The organisations the CSV tables of the corpus refer to, which a hub checks a table's references against (as an
 * import of its records is checked): stored, the hub's verdict is the command's and the page's, which check a table
 * on its own.
 */
const register = join(dir, 'register.phx.json');
writeFileSync(register, JSON.stringify({
  phxVersion: '1.0', id: 'faces-register', publisher: { id: 'PHX-ORG-9999', name: 'PHX' }, license: 'CC-BY-4.0', publishedAt: '2024-01-01T00:00:00Z',
  organisations: [
    { id: 'ZA-NPO-123-456', name: { en: 'Cape Prisons Forum' }, organisationType: 'ngo', countries: ['ZA'] },
    { id: 'UA-EDR-21514560', name: { uk: 'Благодійна організація' }, organisationType: 'ngo', countries: ['UA'] },
  ],
}));

beforeAll(async () => {
  const db = join(dir, 'hub.sqlite');
  hub = await startHub({ db, port: 0, webRoot: distDir, seed: [register] });
  token = (await createToken({ db, organisation: 'PHX-ORG-9999', role: 'member', newOrganisation: true })).token;
});
afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `phx validate --format json` on every file at once. */
function cliVerdicts(): Map<string, Verdict> {
  const run = spawnSync(process.execPath, [bin, 'validate', '--format', 'json', '--max-issues', '100000', ...corpus.map((file) => file.name)], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { PATH: process.env.PATH, LANG: 'C' },
  });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { files: { file: string; ok: boolean; issues: Issue[] }[] };
  return new Map(report.files.map((file) => [file.file, verdictOf(file.ok, file.issues)]));
}

/** POST /v1/validate of each file, named as it is. */
async function hubVerdicts(): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>();
  for (const file of corpus) {
    const response = await fetch(`${hub.url}/v1/validate?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
      body: Buffer.from(file.bytes),
    });
    expect(response.status, file.name).toBe(200);
    const result = (await response.json()) as { ok: boolean; issues: Issue[] };
    verdicts.set(file.name, verdictOf(result.ok, result.issues));
  }
  return verdicts;
}

/** The page, served by the hub, checking every file at once in Chromium; the issues as its JSON download gives them. */
async function pageVerdicts(): Promise<Map<string, Verdict>> {
  const browser = await launchBrowser();
  try {
    // Every file at once on a loaded machine: each step may take minutes, within the project's timeouts.
    const { page } = await openPage(browser, `${hub.url}/`, { stepTimeout: 300_000 });
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.locator('#file-input').setInputFiles(corpus.map((file) => ({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) })));
    await page.locator('#results').waitFor({ state: 'visible' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
    const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as { files: { name: string; ok: boolean }[]; issues: (Issue & { file: string })[] };
    expect(errors).toEqual([]);
    return new Map(report.files.map((file) => [file.name, verdictOf(file.ok, report.issues.filter((issue) => issue.file === file.name))]));
  } finally {
    await browser.close();
  }
}

describe('the command, the page and the hub', () => {
  let cli: Map<string, Verdict>;
  let web: Map<string, Verdict>;
  let api: Map<string, Verdict>;
  beforeAll(async () => {
    cli = cliVerdicts();
    api = await hubVerdicts();
    web = await pageVerdicts();
  });

  it.each(corpus.map((file) => [file.name, file] as const))('agree on %s', (name, file) => {
    const verdict = cli.get(name);
    expect(verdict, name).toBeDefined();
    expect(web.get(name), `the page on ${name}`).toEqual(verdict);
    expect(api.get(name), `the hub on ${name}`).toEqual(verdict);
    if (file.codes) expect(verdict!.issues.map((issue) => issue.split(' ')[0])).toEqual([...file.codes].sort());
  });

  it('reject the empty, blank, header-only and non-PHX files, and accept the example data', () => {
    for (const name of ['empty.csv', 'blank.csv', 'header-only.csv', 'not-phx.csv', 'empty.phx.ndjson']) expect(web.get(name)?.ok, name).toBe(false);
    for (const name of ['network-meeting-2020.phx.json', 'network-meeting-2020.phx.ndjson']) expect(web.get(name), name).toEqual({ ok: true, issues: [] });
  });
});
