import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { distDir } from './support/paths.js';

/** A script of the built page: its path under dist/, text and gzip size. */
interface Script {
  file: string;
  text: string;
  size: number;
}

async function builtScripts(): Promise<Script[]> {
  const files = (await readdir(distDir, { recursive: true })).filter((file) => file.endsWith('.js'));
  return Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(join(distDir, file));
      return { file, text: bytes.toString('utf8'), size: gzipSync(bytes, { level: 9 }).length };
    }),
  );
}

/** The page's own script, as index.html names it. */
async function pageScript(scripts: readonly Script[]): Promise<Script> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const src = /<script type="module"[^>]* src="\.\/([^"]+)"/.exec(html)?.[1];
  const script = scripts.find((candidate) => candidate.file === src);
  if (!script) throw new Error(`index.html names no built script (${src})`);
  return script;
}

/**
 * The scripts the browser runs as the page opens: the page's own, the engine worker's, and what they import
 * statically (`import … from "./x.js"`); a dynamic `import("./x.js")` loads only when asked for.
 */
async function initialScripts(scripts: readonly Script[]): Promise<Script[]> {
  return withStaticImports(scripts, [await pageScript(scripts), ...workerScripts(scripts)]);
}

/** The engine worker's own script. */
function workerScripts(scripts: readonly Script[]): Script[] {
  return scripts.filter((script) => /(^|\/)worker-[\w-]+\.js$/.test(script.file));
}

/** Scripts and what they import statically, transitively. */
function withStaticImports(scripts: readonly Script[], roots: readonly Script[]): Script[] {
  const byName = new Map(scripts.map((script) => [script.file.split('/').pop()!, script]));
  const initial = new Set(roots);
  for (const script of initial) {
    for (const [, name] of script.text.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([\w.-]+\.js)"/g)) initial.add(byName.get(name!)!);
  }
  return [...initial];
}

describe('bundle budget', () => {
  it('keeps all the JavaScript of the page within 254.3 KB gzip, and the workbook reader within 270 KB', async () => {
    const scripts = await builtScripts();
    expect(scripts.some(({ file }) => file.includes('worker'))).toBe(true);
    const [workbookReader, ...others] = [...scripts].sort((a, b) => Number(b.file.includes('exceljs')) - Number(a.file.includes('exceljs')));
    expect(workbookReader!.file).toMatch(/exceljs/);
    expect(workbookReader!.size).toBeLessThanOrEqual(270 * 1024);
    const total = others.reduce((sum, { size }) => sum + size, 0);
    expect(total).toBeLessThanOrEqual(254.3 * 1024);
  });

  it('loads the workbook reader (exceljs) only with the first workbook', async () => {
    const scripts = await builtScripts();
    const initial = await initialScripts(scripts);
    expect(initial.filter(({ file }) => file.includes('exceljs'))).toEqual([]);
  });

  it('keeps the worker’s first download within 33.7 KB gzip: zod, the recogniser of personal data, jsonc-parser, the messages, the readers and the catalogue’s names load when first needed', async () => {
    const scripts = await builtScripts();
    const first = withStaticImports(scripts, workerScripts(scripts));
    expect(first.reduce((sum, { size }) => sum + size, 0)).toBeLessThanOrEqual(33.7 * 1024);
    const onDemand = scripts.filter((script) => !first.includes(script)).map(({ file }) => file);
    const parts = [/papaparse/, /table-/, /workbook-/, /reference-/, /structural-/, /personal-data-/, /json-places-/, /package-stream-/, /(^|\/)(en|ru|uk|fr|es)-/];
    for (const part of parts) expect(onDemand).toContainEqual(expect.stringMatching(part));
    // zod's schemas, the given names the recogniser of personal data knows, jsonc-parser's scanner and the messages
    // (a Russian one) are in none of the first scripts.
    for (const marker of ['$ZodObject', 'Thandiwe', 'CloseBraceExpected', 'Знаменатель']) expect(first.filter(({ text }) => text.includes(marker)).map(({ file }) => file)).toEqual([]);
  });

  // What a file of each kind loads after the worker's first download when it has nothing to say: its reader, and
  // what the reader imports (exceljs, imported by the workbook reader when it first reads, is held above). The CSV
  // reader is also what the record view of a CSV file loads (`csv-reader`): Rollup makes the two one chunk. A
  // `.phx.json` file above 32 MiB is read piece by piece, its reader one chunk with its scanner.
  it.each([
    { kind: 'a CSV file', reader: /(^|\/)csv-(table|reader)-[\w-]+\.js$/, brings: /papaparse/, budget: 20.1 },
    { kind: 'a workbook', reader: /(^|\/)workbook-reader-[\w-]+\.js$/, brings: /table-/, budget: 16.1 },
    { kind: 'a large .phx.json file', reader: /(^|\/)package-stream-[\w-]+\.js$/, brings: undefined, budget: 4 },
  ])('checks $kind with its reader alone, within $budget KB gzip: zod, jsonc-parser and the messages load only when needed', async ({ reader: name, brings, budget }) => {
    const scripts = await builtScripts();
    const first = withStaticImports(scripts, workerScripts(scripts));
    const readers = scripts.filter(({ file }) => name.test(file));
    expect(readers).not.toEqual([]);
    for (const reader of readers) {
      const loaded = withStaticImports(scripts, [reader]).filter((script) => !first.includes(script));
      // What the reader brings beyond itself (the piece-by-piece reader brings nothing of its own).
      if (brings) expect(loaded.filter((script) => script !== reader).map(({ file }) => file)).toContainEqual(expect.stringMatching(brings));
      expect(loaded.reduce((sum, { size }) => sum + size, 0)).toBeLessThanOrEqual(budget * 1024);
      for (const marker of ['$ZodObject', 'CloseBraceExpected', 'Знаменатель', 'Denominator']) expect(loaded.filter(({ text }) => text.includes(marker)).map(({ file }) => file)).toEqual([]);
    }
  });

  it('loads exceljs from the workbook reader when it first reads a workbook', async () => {
    const reader = (await builtScripts()).find(({ file }) => /(^|\/)workbook-reader-[\w-]+\.js$/.test(file));
    expect(reader?.text).toMatch(/import\("\.\/exceljs[\w.-]*\.js"\)/);
  });

  it('keeps the validator (zod, the rules) out of the page’s own script: it loads with the worker', async () => {
    expect((await pageScript(await builtScripts())).size).toBeLessThanOrEqual(25 * 1024);
  });

  it('loads the exporters of @phx/interop, and the page’s part that offers them, only when asked for', async () => {
    const scripts = await builtScripts();
    const initial = await initialScripts(scripts);
    // The FHIR resource type of observations is written by the exporters and by nothing else of the page.
    const exporters = scripts.filter(({ text }) => text.includes('MeasureReport'));
    expect(exporters.map(({ file }) => file)).toEqual([expect.stringMatching(/interop-/)]);
    expect(initial).not.toContain(exporters[0]);
    const panel = scripts.find(({ text }) => text.includes('Send to another system'));
    expect(panel).toBeDefined();
    expect(initial).not.toContain(panel);
  });
});
