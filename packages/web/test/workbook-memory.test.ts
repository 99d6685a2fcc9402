/**
 * A workbook, a CSV file or a .phx.json file the page would hold that would take more memory to read than the page's heap has left is told rather than read
 * until Chromium ends the page out of memory ("Aw, Snap!", the results of every file lost). Chromium is given a small
 * heap.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it, onTestFinished } from 'vitest';
import { observationsCsv, observationsPackage } from '../../../test/corpus/awkward-files.js';
import { waitForResults } from './support/browser.js';
import { browserSession } from './support/session.js';

// 32 MiB for old objects: Chromium then tells a page a heap of about 138 MB in all (`performance.memory`).
const session = browserSession('/', ['--max-old-space-size=32']);

async function workbookOf(name: string, rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(name).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

it('tells a workbook too large for the page’s heap, and goes on reading others', async () => {
  // 400 000 cells take about 200 MB to read, which ends the page out of memory where nothing checks it first.
  const large = await workbookOf('observations', Array.from({ length: 20_000 }, (_, row) => Array.from({ length: 20 }, (_, column) => row * 20 + column)));
  const page = await session.open();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.locator('#file-input').setInputFiles({ name: 'large.xlsx', mimeType: 'application/octet-stream', buffer: large });
  await waitForResults(page);
  await expect(page.locator('#issues tbody').innerText()).resolves.toMatch(
    /file\.too-large-for-memory[\s\S]*The workbook holds 400,000 cells: reading it takes about [\d.]+ MB of memory, more than the [\d.]+ MB at hand; save each sheet as CSV UTF-8/,
  );
  // The same page reads a small workbook next (a sheet of facilities alone lacks the package's header).
  const small = await workbookOf('facilities', [['id', 'country', 'facilityType', 'capacity'], ['zm-lusaka', 'ZM', 'prison', 1200]]);
  await page.locator('#file-input').setInputFiles({ name: 'facilities.xlsx', mimeType: 'application/octet-stream', buffer: small });
  await page.locator('.file-summary', { has: page.getByRole('heading', { name: 'facilities.xlsx', exact: true }) }).waitFor();
  await expect(page.locator('.file-summary').innerText()).resolves.toMatch(/Record type\tRecords\nFacilities\t1/);
  expect(crashed).toBe(false);
}, 120_000);

/**
 * Checks a file written to a path in a fresh page (given by its path: a buffer would be copied into the page's heap on
 * its way to the input): the issues the page lists, and whether the page crashed.
 */
async function checkWritten(name: string, text: string): Promise<{ issues: string; crashed: boolean }> {
  const page = await session.open();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const dir = mkdtempSync(join(tmpdir(), 'phx-web-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, name);
  writeFileSync(file, text);
  await page.locator('#file-input').setInputFiles(file);
  await waitForResults(page);
  return { issues: await page.locator('#issues tbody').innerText(), crashed };
}

it('tells a CSV file too large for the page’s heap', async () => {
  // A header and 120 000 rows of 15 cells, as Ukrainian Excel saves them (23 MB), take about 180 MiB to read, which
  // ends the page out of memory where nothing checks it first.
  const { issues, crashed } = await checkWritten('large.csv', observationsCsv(120_000));
  expect(issues).toMatch(/file\.too-large-for-memory[\s\S]*The CSV file holds about 1,800,015 cells: reading it takes about [\d.]+ MB of memory, more than the [\d.]+ MB at hand; split it into files of fewer rows/);
  expect(crashed).toBe(false);
}, 120_000);

it('tells a .phx.json file it would hold (up to 32 MiB) too large for the page’s heap', async () => {
  // 60 000 observations with notes in Ukrainian (32.0 MB, 960 016 values) take about 150 MB to read whole, which ends
  // the page out of memory where nothing checks it first.
  const { issues, crashed } = await checkWritten('large.phx.json', observationsPackage(60_000));
  expect(issues).toMatch(/file\.too-large-for-memory[\s\S]*The file holds about 960,016 values: reading it whole takes about [\d.]+ MB of memory, more than the [\d.]+ MB at hand; split it into smaller packages/);
  expect(crashed).toBe(false);
}, 120_000);
