import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeFile } from './fixtures/ndjson.js';
import { packageText, validPackage } from './fixtures/packages.js';
import { chooseFiles, screenshot, waitForResults } from './support/browser.js';
import { browserSession } from './support/session.js';

const session = browserSession();
let folder: string;
let bigFile: string;
let bigRecords: number;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'phx-web-'));
  bigFile = join(folder, 'observations-50mb.phx.ndjson');
  ({ records: bigRecords } = await writeLargeFile(bigFile, 50 * 1024 * 1024));
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** The progress bar's value, or null while it shows no value (indeterminate). */
function progressValue(page: Page): Promise<number | null> {
  return page.locator('#progress-bar').evaluate((bar: HTMLProgressElement) => (bar.hasAttribute('value') ? bar.value : null));
}

describe('a 50 MB NDJSON file', () => {
  it('is checked to the end, with the progress bar moving on the way', async () => {
    const page = await session.open();
    await chooseFiles(page, bigFile);
    const seen = new Set<number>();
    // Sample the bar until the results show: it must have shown the reading part way.
    while (!(await page.locator('#results').isVisible())) {
      const value = await progressValue(page);
      if (value !== null && value > 0 && value < 1) seen.add(value);
    }
    expect(seen.size).toBeGreaterThan(0);
    const summary = await page.locator('.file-summary').innerText();
    expect(summary).toContain('observations-50mb.phx.ndjson is valid.');
    expect(summary).toContain(`Observations\t${bigRecords.toLocaleString('en-GB')}`);
  });

  it('leaves the page answering clicks while it checks, and Cancel stops the check', async () => {
    const page = await session.open();
    await chooseFiles(page, bigFile);
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('#progress-bar')!;
      return bar.hasAttribute('value') && bar.value > 0;
    });
    // A click on the page is answered while the worker reads the file.
    await page.getByText(/^Indicator catalogue/).click();
    const during = await page.evaluate(() => ({
      catalogueOpen: document.querySelector<HTMLDetailsElement>('#indicators')!.open,
      checking: !document.getElementById('progress')!.hidden,
    }));
    expect(during).toEqual({ catalogueOpen: true, checking: true });

    // Cancel at once: a screenshot first took seconds on a loaded machine, long enough for the check to end.
    const [worker] = page.workers();
    const ended = new Promise((resolve) => worker!.once('close', resolve));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await ended;
    await expect(page.locator('#status').innerText()).resolves.toBe('Checking was cancelled. No results are shown.');
    expect(await page.locator('#progress').isHidden()).toBe(true);
    expect(await page.locator('#results').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file-input');
    await screenshot(page, 'cancelled');

    // The page checks the next file as usual.
    await chooseFiles(page, [{ name: 'after.phx.json', text: packageText(validPackage) }]);
    await waitForResults(page);
    expect(await page.locator('.file-summary').innerText()).toContain('after.phx.json is valid.');
  });
});
