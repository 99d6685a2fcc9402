/**
 * The page served by a hub checks small counts by that hub's suppression threshold, and says so; opened on its own,
 * it checks them by the default, 5. Real hubs on 127.0.0.1 serve the built page, as `phx serve` does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@phx/schema';
import { startHub, type RunningHub } from '../../server/src/index.js';
import { fillText, uiTexts } from '../src/i18n/index.js';
import { hubThreshold } from '../src/ui/hub-rules.js';
import { headerLine, observation, publisherLine, recordLine } from './fixtures/ndjson.js';
import { packageText, validPackage } from './fixtures/packages.js';
import { chooseFiles, launchBrowser, openPage, screenshot, waitForResults } from './support/browser.js';
import { distDir } from './support/paths.js';
import { serveStatic, type StaticServer } from './support/static-server.js';

/** A count of 7 people, in each format the page reads: above the default threshold (5), below a rule of 10. */
const sevens = [
  {
    name: 'seven.phx.json',
    text: packageText({ ...validPackage, observations: [{ ...validPackage.observations![1]!, numerator: 7, value: 7 }] }),
  },
  {
    name: 'seven.phx.ndjson',
    text: `${[headerLine, recordLine('observation', { ...observation(1), numerator: 7, value: 7 }), publisherLine].join('\n')}\n`,
  },
  {
    name: 'seven.csv',
    text: [
      'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,value,unit,dataSource',
      'obs-7,prisons-people-on-art,ZM-PACRA-120000,ZM,2020-01-01,2020-12-31,7,7,count,routine-programme-data',
      '',
    ].join('\r\n'),
  },
];

let browser: Browser;
let strict: RunningHub;
let lenient: RunningHub;
let alone: StaticServer;
const dir = mkdtempSync(join(tmpdir(), 'phx-web-hub-'));
beforeAll(async () => {
  [strict, lenient, alone, browser] = await Promise.all([
    startHub({ db: join(dir, 'strict.sqlite'), port: 0, webRoot: distDir, suppressionThreshold: 10 }),
    startHub({ db: join(dir, 'lenient.sqlite'), port: 0, webRoot: distDir }),
    serveStatic(distDir),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), strict?.close(), lenient?.close(), alone?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** The page at a URL in a fresh profile, failing the test on any error of the page. */
async function withPage(url: string, run: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await openPage(browser, url);
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  try {
    await run(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

/** Checks the files of a count of 7 and gives each file's summary and the codes of the issues found (each once), by file. */
async function checkSevens(page: Page): Promise<{ summaries: string[]; codes: Record<string, string[]> }> {
  await chooseFiles(page, sevens);
  await waitForResults(page);
  const summaries = await page.locator('.file-summary').allInnerTexts();
  const rows = await page.locator('#issues tbody tr').evaluateAll((rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.innerText.trim())));
  // A count given twice (numerator and value) is one code for each.
  const codes: Record<string, string[]> = Object.fromEntries(sevens.map(({ name }) => [name, [...new Set(rows.filter((row) => row[0] === name).map((row) => row[2]!))]]));
  return { summaries, codes };
}

describe('the page served by a hub', () => {
  it('checks a count of 7 by a rule of 10 as the hub does: an error in every format, with the threshold in its message', async () => {
    await withPage(`${strict.url}/`, async (page) => {
      const { summaries, codes } = await checkSevens(page);
      for (const [index, { name }] of sevens.entries()) {
        expect(summaries[index], name).toContain(`${name} has errors and is not valid.`);
        expect(codes[name], name).toEqual(['privacy.small-cell']);
      }
      expect(await page.locator('#issues tbody').innerText()).toContain('below the suppression threshold 10');
      await screenshot(page, 'hub-threshold-10');
    });
  });

  it("says the hub's rule, in each of its languages", async () => {
    await withPage(`${strict.url}/`, async (page) => {
      const note = page.locator('#hub-threshold');
      await expect(note.isVisible()).resolves.toBe(true);
      await expect(note.innerText()).resolves.toBe('Small counts, below 10, must be suppressed: the rule of this hub.');
      for (const locale of ['ru', 'uk', 'fr', 'es', 'en'] as Locale[]) {
        await page.locator('#language').selectOption(locale);
        await expect(note.innerText(), locale).resolves.toBe(fillText(locale, uiTexts[locale]['files.hubThreshold'], { threshold: 10 }));
      }
    });
  });

  it('takes a count of 7 under the default rule of a hub (5), and says that rule', async () => {
    await withPage(`${lenient.url}/`, async (page) => {
      const { summaries, codes } = await checkSevens(page);
      for (const [index, { name }] of sevens.entries()) {
        expect(summaries[index], name).toContain(`${name} is valid.`);
        expect(codes[name], name).toEqual([]);
      }
      await expect(page.locator('#hub-threshold').innerText()).resolves.toBe('Small counts, below 5, must be suppressed: the rule of this hub.');
    });
  });
});

describe('the page opened on its own', () => {
  it('checks by the default threshold, 5, and names no hub', async () => {
    await withPage(alone.url, async (page) => {
      const { summaries } = await checkSevens(page);
      for (const [index, { name }] of sevens.entries()) expect(summaries[index], name).toContain(`${name} is valid.`);
      await expect(page.locator('#hub-threshold').isVisible()).resolves.toBe(false);
    });
  });
});

describe("the hub's threshold, as the page reads it", () => {
  /** A page whose `<meta name="phx-suppression-threshold">` says `content`. */
  const pageWith = (content?: string) => ({ querySelector: () => (content === undefined ? null : { content }) }) as unknown as Pick<Document, 'querySelector'>;

  it('is a whole number from 1, else none, and the default applies', () => {
    expect(hubThreshold(pageWith('10'))).toBe(10);
    expect(hubThreshold(pageWith(' 1 '))).toBe(1);
    for (const content of [undefined, '', '0', '-3', '7.5', '1e3', 'ten', '99999999999999999999']) expect(hubThreshold(pageWith(content)), content).toBeUndefined();
  });
});
