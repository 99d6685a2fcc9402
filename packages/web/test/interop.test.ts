import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as interop from '@phx/interop';
import { writeXlsx, type DataPackage } from '@phx/schema';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportTargets } from '../src/ui/interop-view.js';
import { invalidPackage, packageText } from './fixtures/packages.js';
import { chooseFiles, screenshot, waitForResults, type TextFile } from './support/browser.js';
import { examplesDir } from './support/paths.js';
import { browserSession } from './support/session.js';

const require = createRequire(import.meta.url);
const session = browserSession('/');
const name = 'network-meeting-2020.phx.json';
const text = await readFile(join(examplesDir, name), 'utf8');
const pkg = JSON.parse(text) as DataPackage;

/** The exporters' script (the worker's `interop-….js`), and the page's part that offers them (`interop-panel-….js`). */
const isExporters = (url: string) => /\/interop-(?!panel-)[\w-]+\.js$/.test(url);
const isPanel = (url: string) => /\/interop-panel-[\w-]+\.js$/.test(url);

/** Opens the page watching which of its scripts the browser fetches, and checks files (the example package by default). */
async function openWith(files: string | TextFile[] = [{ name, text }], options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; scripts: string[] }> {
  const scripts: string[] = [];
  const page = await session.open({ ...options, beforeLoad: (context) => context.on('request', (request) => void (request.url().endsWith('.js') && scripts.push(request.url()))) });
  await chooseFiles(page, files);
  await waitForResults(page);
  return { page, scripts };
}

async function contentOf(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Clicks a control and returns the file the browser downloads. */
async function downloadBy(page: Page, click: () => Promise<void>): Promise<{ name: string; content: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), content: await contentOf(download) };
}

describe('sending a valid package to another system', () => {
  it('offers the targets of @phx/interop', () => {
    expect(exportTargets).toEqual(interop.exportTargets);
  });

  it('downloads every target as @phx/interop writes it, loading the exporters only when first asked', async () => {
    const { page, scripts } = await openWith();
    const card = page.locator('.file-summary', { has: page.getByRole('heading', { name, exact: true }) });
    await card.getByRole('heading', { name: 'Send to another system' }).waitFor();
    expect(scripts.filter(isPanel)).toHaveLength(1);
    expect(scripts.some(isExporters)).toBe(false);

    for (const target of interop.exportTargets) {
      const expected = interop.exportPackage(pkg, target);
      await card.getByLabel('Format').selectOption(target);
      const data = await downloadBy(page, () => card.getByRole('button', { name: 'Download', exact: true }).click());
      expect(data).toEqual({ name: `network-meeting-2020${expected.files[0]!.extension}`, content: expected.files[0]!.content });
      for (const extra of expected.files.slice(1)) {
        const file = `network-meeting-2020${extra.extension}`;
        expect(await downloadBy(page, () => card.getByRole('button', { name: `Download ${file} as well` }).click())).toEqual({ name: file, content: extra.content });
      }
      // What the target has no place for, as @phx/interop says it, with the records concerned.
      const notes = await card.locator('.export-notes li').allInnerTexts();
      expect(notes).toEqual(expected.notes.map((note) => `${note.severity === 'error' ? 'Error' : 'Warning'} ${note.code} ${interop.formatNote(note, 'en')}${note.exampleKind ? ` (${interop.noteExamples(note, 'en')})` : ''}`));
    }
    expect(await card.innerText()).toContain('What network-meeting-2020.sdmx.json has no place for:');
    expect(scripts.filter(isExporters)).toHaveLength(1);
    await screenshot(page, 'export-notes');
  });

  it('offers no DHIS2 file that would send nothing, and shows the notes that say why', async () => {
    // The observations of the example that the GAM template has no place for: of indicators or places it does not map.
    const unsent = { ...pkg, observations: pkg.observations!.filter((o) => interop.exportPackage({ ...pkg, observations: [o] }, 'dhis2').files.length === 0) };
    const fileName = 'unsent.phx.json';
    const { page } = await openWith([{ name: fileName, text: JSON.stringify(unsent) }]);
    const card = page.locator('.file-summary', { has: page.getByRole('heading', { name: fileName, exact: true }) });
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    for (const target of ['dhis2', 'dhis2-csv'] as const) {
      const expected = interop.exportPackage(unsent, target);
      expect(expected.files).toEqual([]);
      await card.getByLabel('Format').selectOption(target);
      await card.getByRole('button', { name: 'Download', exact: true }).click();
      await card.getByText('No file was made, and none is downloaded:').waitFor();
      const notes = await card.locator('.export-notes li').allInnerTexts();
      expect(notes[0]).toBe(`Error dhis2.nothing-to-send ${interop.formatNote(expected.notes[0]!, 'en')}`);
      expect(notes).toEqual(expected.notes.map((note) => `${note.severity === 'error' ? 'Error' : 'Warning'} ${note.code} ${interop.formatNote(note, 'en')}${note.exampleKind ? ` (${interop.noteExamples(note, 'en')})` : ''}`));
    }
    // A target with a file still downloads it, after the exports without one.
    await card.getByLabel('Format').selectOption('sdmx-json');
    const data = await downloadBy(page, () => card.getByRole('button', { name: 'Download', exact: true }).click());
    expect(data.name).toBe('unsent.sdmx.json');
    expect(downloads).toEqual(['unsent.sdmx.json']);
  });

  it('says that DHIS2 files carry the template’s codes', async () => {
    const { page } = await openWith();
    await page.getByLabel('Format').selectOption('dhis2-csv');
    await page.getByText('DHIS2 files use the codes of the UNAIDS GAM template.', { exact: false }).waitFor();
  });

  it('exports a valid workbook, which holds a whole package, as it exports the .phx.json file it came from', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'phx-web-')), 'network-meeting-2020.xlsx');
    await writeFile(path, await writeXlsx(pkg));
    const { page } = await openWith(path);
    const card = page.locator('.file-summary', { has: page.getByRole('heading', { name: 'network-meeting-2020.xlsx', exact: true }) });
    await card.getByLabel('Format').selectOption('dhis2-csv');
    const expected = interop.exportPackage(pkg, 'dhis2-csv').files[0]!;
    expect(await downloadBy(page, () => card.getByRole('button', { name: 'Download', exact: true }).click())).toEqual({ name: `network-meeting-2020${expected.extension}`, content: expected.content });
    await card.getByRole('heading', { name: 'UNAIDS GAM readiness' }).waitFor();
  });

  it('offers nothing to export for a package with errors, and loads nothing of it', async () => {
    const { page, scripts } = await openWith([{ name: 'invalid.phx.json', text: packageText(invalidPackage) }]);
    expect(await page.locator('.file-summary').count()).toBe(1);
    expect(await page.getByLabel('Format').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'UNAIDS GAM readiness' }).count()).toBe(0);
    expect(scripts.filter((url) => isPanel(url) || isExporters(url))).toEqual([]);
  });
});

describe('UNAIDS GAM readiness', () => {
  it('shows, for the country and year chosen, each GAM indicator’s status and missing breakdowns', async () => {
    const { page } = await openWith();
    // The readiness form comes with the part of the page that loads once a valid package is shown.
    await page.getByLabel('Country').waitFor();
    const countries = await page.getByLabel('Country').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(countries).toEqual([...new Set(pkg.observations!.map((o) => o.scope.country))].sort());
    await page.getByLabel('Country').selectOption('ZM');
    await page.getByLabel('Year').selectOption('2019');
    await page.getByRole('button', { name: 'Show readiness' }).click();
    const panel = page.locator('#gam-panel');
    await panel.getByRole('heading', { name: 'UNAIDS GAM readiness: Zambia, 2019' }).waitFor();
    const report = interop.gamReadiness(pkg, { country: 'ZM', year: 2019 });
    const words = interop.interopLocales.en.gam;
    const rows = await panel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((cell) => cell.innerText.trim())));
    expect(rows).toEqual(
      report.indicators.map((row) => [`${row.name}\n${row.indicator}`, words.status[row.status], String(row.observations), String(row.suppressed), interop.describeBreakdowns(row.missingBreakdowns, 'en')]),
    );
    expect(await panel.locator('#gam-hiv-prevalence-prisoners').innerText()).toContain('Sex: Transgender; Age group: 25 and over');
    expect(await panel.locator('#gam-counts').innerText()).toBe(words.counts(report.counts));
    await screenshot(page, 'gam-readiness');
  });

  it('says beneath the status of an indicator of only partial figures what phx check --profile gam says, in the page’s language', async () => {
    const { page } = await openWith();
    await page.getByLabel('Country').selectOption('ZA');
    await page.getByLabel('Year').selectOption('2020');
    await page.getByRole('button', { name: 'Show readiness' }).click();
    const panel = page.locator('#gam-panel');
    await panel.getByRole('heading', { name: 'UNAIDS GAM readiness: South Africa, 2020' }).waitFor();
    const report = interop.gamReadiness(pkg, { country: 'ZA', year: 2020 });
    const partial = report.indicators.filter((row) => row.onlyPartialFigures).map((row) => row.indicator);
    expect(partial).toEqual(['prisons-condoms-distributed']);
    const statuses = () => panel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLTableRowElement).cells[1]!.innerText.trim()));
    const expected = (locale: 'en' | 'uk') => {
      const words = interop.interopLocales[locale].gam;
      return report.indicators.map((row) => (row.onlyPartialFigures ? `${words.status[row.status]}\n${words.onlyPartialFigures}` : words.status[row.status]));
    };
    expect(await statuses()).toEqual(expected('en'));
    expect(await panel.locator('#gam-prisons-condoms-distributed').innerText()).toContain('Only figures of part of the country or year');
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('heading', { name: /^Готовність до звіту UNAIDS GAM: .+, 2020$/ }).waitFor();
    expect(await statuses()).toEqual(expected('uk'));
    await screenshot(page, 'gam-partial-figures-uk');
  });

  it('follows a change of language, with the exports’ notes', async () => {
    const { page } = await openWith();
    await page.getByLabel('Format').selectOption('sdmx-csv');
    await downloadBy(page, () => page.getByRole('button', { name: 'Download', exact: true }).click());
    await page.getByLabel('Country').selectOption('UA');
    await page.getByLabel('Year').selectOption('2020');
    await page.getByRole('button', { name: 'Show readiness' }).click();
    await page.getByRole('heading', { name: 'UNAIDS GAM readiness: Ukraine, 2020' }).waitFor();
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('heading', { name: 'Готовність до звіту UNAIDS GAM: Україна, 2020' }).waitFor();
    await expect.poll(() => page.locator('.export-notes').innerText()).toContain('У SDMX немає місця для зустрічей (1 запис: phx-meeting-2020-10-28)');
    expect(await page.locator('#gam-prisons-people-on-oat').innerText()).toContain('повний');
    expect(await page.getByLabel('Країна', { exact: true }).inputValue()).toBe('UA');
    await screenshot(page, 'gam-readiness-uk');
  });

  it('has no serious or critical axe violations with an export and the report shown', async () => {
    const { page } = await openWith(undefined, { bypassCSP: true });
    await downloadBy(page, () => page.getByRole('button', { name: 'Download', exact: true }).click());
    await page.getByRole('button', { name: 'Show readiness' }).click();
    await page.locator('#gam-panel table').waitFor();
    await page.addScriptTag({ path: require.resolve('axe-core') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations.map(({ id, impact }) => ({ id, impact }));
    });
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
  });
});
