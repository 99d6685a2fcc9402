/**
 * A `.phx.json` package larger than the page holds is checked piece by piece in the worker, and an issue of it
 * is shown by reading the lines around it again: the tab stays small. The file is 40 MB by default (the one with
 * an issue 33 MB); `PHX_PAGE_PACKAGE_MB=200` measures 200 MB ones (opt in: the files take a while to write; see
 * docs/performance.md).
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_ORGANISATION, writeLargeFile } from './fixtures/ndjson.js';
import { chooseFiles, waitForResults } from './support/browser.js';
import { browserSession } from './support/session.js';

const session = browserSession();
const sizeMb = Number(process.env.PHX_PAGE_PACKAGE_MB ?? 40);
/** The most the tab may take while it checks the file, in MB. */
const TAB_LIMIT_MB = 400;
/** A package with one wrong observation in its middle: just larger than the page holds (32 MiB), or as large as the other when measuring. */
const wrongFileMb = process.env.PHX_PAGE_PACKAGE_MB ? sizeMb : 33;
let folder: string;
let file: string;
let records: number;
let wrongFile: string;
let organisationsLastFile: string;
let wrongRecord: number;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'phx-web-'));
  file = join(folder, `package-${sizeMb}mb.phx.json`);
  ({ records } = await writeLargeFile(file, sizeMb * 1024 * 1024, 'json'));
  organisationsLastFile = join(folder, 'organisations-last.phx.json');
  await writeLargeFile(organisationsLastFile, wrongFileMb * 1024 * 1024, 'organisationsLast');
  wrongFile = join(folder, 'wrong.phx.json');
  // Past the 1 024 lines whose starts the page remembers in a block, and past 32 MiB's first pieces.
  wrongRecord = Math.floor(records / 2) + 517;
  await writeLargeFile(wrongFile, wrongFileMb * 1024 * 1024, 'json', wrongRecord);
}, 600_000);

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** The highest resident memory any of the browser's page processes reached, in MB (the page and its worker share one). */
async function peakPageMemoryMb(page: Page): Promise<number> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const peaks = await Promise.all(
    processInfo
      .filter(({ type }) => type === 'renderer')
      .map(async ({ id }) => Number(/VmHWM:\s+(\d+) kB/.exec(await readFile(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) / 1024),
  );
  return Math.max(...peaks);
}

describe(`a ${sizeMb} MB .phx.json package`, () => {
  it(`is checked to the end piece by piece, the tab staying under ${TAB_LIMIT_MB} MB`, { timeout: 60_000 + sizeMb * 3_000 }, async () => {
    const page = await session.open();
    await chooseFiles(page, file);
    await page.locator('#results').waitFor({ state: 'visible', timeout: 30_000 + sizeMb * 3_000 });
    await waitForResults(page);
    const summary = await page.locator('.file-summary').innerText();
    expect(summary).toContain(`package-${sizeMb}mb.phx.json is valid.`);
    expect(summary).toContain(`Observations\t${records.toLocaleString('en-GB')}`);
    // Not held, so not offered for conversion.
    expect(await page.getByRole('button', { name: 'Download as .phx.json' }).count()).toBe(0);
    const peak = await peakPageMemoryMb(page);
    if (process.env.PHX_PAGE_PACKAGE_MB) console.log(`peak memory of the page's process checking ${sizeMb} MB of .phx.json: ${peak.toFixed(0)} MB`);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(TAB_LIMIT_MB);
  });

  it(`with its organisations after its observations: still piece by piece, the tab staying under ${TAB_LIMIT_MB} MB`, { timeout: 60_000 + wrongFileMb * 3_000 }, async () => {
    const page = await session.open();
    await chooseFiles(page, organisationsLastFile);
    await page.locator('#results').waitFor({ state: 'visible', timeout: 30_000 + wrongFileMb * 3_000 });
    await waitForResults(page);
    expect(await page.locator('.file-summary').innerText()).toContain('organisations-last.phx.json is valid.');
    const peak = await peakPageMemoryMb(page);
    if (process.env.PHX_PAGE_PACKAGE_MB) console.log(`peak memory of the page's process checking ${wrongFileMb} MB of .phx.json, organisations last: ${peak.toFixed(0)} MB`);
    expect(peak).toBeLessThan(TAB_LIMIT_MB);
  });

  it('shows the lines around an issue of such a package, read again around its line only', { timeout: 60_000 + wrongFileMb * 3_000 }, async () => {
    const page = await session.open();
    await chooseFiles(page, wrongFile);
    await page.locator('#results').waitFor({ state: 'visible', timeout: 30_000 + wrongFileMb * 3_000 });
    await waitForResults(page);
    // The record is found at the end (its organisation is unknown) and placed by reading the file again.
    const line = wrongRecord + 1;
    const row = page.locator('#issues tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain(`line ${line.toLocaleString('en-GB')}, column`);
    await row.locator('td.message').click();
    const dialog = page.getByRole('dialog', { name: `Record: observations[${wrongRecord - 1}]` });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('The text around the issue:');
    const shown = await dialog.locator('pre span').allInnerTexts();
    expect(shown.map((text) => Number(text.split('│')[0]))).toEqual([line - 3, line - 2, line - 1, line, line + 1, line + 2, line + 3]);
    expect(await dialog.locator('.focus-line').innerText()).toContain(`"reportingOrganisation":"${UNKNOWN_ORGANISATION}"`);
    const peak = await peakPageMemoryMb(page);
    if (process.env.PHX_PAGE_PACKAGE_MB) console.log(`peak memory of the page's process checking ${wrongFileMb} MB of .phx.json and opening an issue: ${peak.toFixed(0)} MB`);
    expect(peak).toBeLessThan(TAB_LIMIT_MB);
  });
});
