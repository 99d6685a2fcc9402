import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { resultsDir } from './paths.js';

/** Debian's Chromium (`apt-get install -y chromium`): playwright cannot download its own browser here. */
const executablePath = process.env.PHX_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium, with the flags given for its JavaScript engine (V8's, as Node takes them).
 *
 * @example
 * ```ts
 * const browser = await launchBrowser(['--max-old-space-size=64']);
 * ```
 */
export function launchBrowser(jsFlags: string[] = []): Promise<Browser> {
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', ...(jsFlags.length > 0 ? [`--js-flags=${jsFlags.join(' ')}`] : [])];
  return chromium.launch({ executablePath, headless: true, args });
}

/** How to open the page. */
export interface PageOptions {
  /** Viewport width in CSS pixels. Default 1280. */
  width?: number;
  /** The browser's language. Default en-GB. */
  locale?: string;
  /** Let test tools (axe-core) inject scripts, which the page's Content-Security-Policy forbids. */
  bypassCSP?: boolean;
  /** Called with the new profile before the page loads, e.g. to watch its requests. */
  beforeLoad?: (context: BrowserContext) => void;
  /** How long each step (loading, a click, giving files, a wait) may take, in ms: longer where the test's own timeout is. Default 30 000. */
  stepTimeout?: number;
}

/** A fresh browser profile (empty storage) showing the page. */
export async function openPage(browser: Browser, url: string, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'en-GB',
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
  });
  if (options.stepTimeout !== undefined) context.setDefaultTimeout(options.stepTimeout);
  options.beforeLoad?.(context);
  const page = await context.newPage();
  await page.goto(url);
  // The reference tables come from the engine: once they are there, the page is ready.
  await page.locator('#indicators-title', { hasText: /\d/ }).waitFor();
  return { context, page };
}

/** Saves a screenshot of the whole page as test-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
}

/** A file to give the page: its name and text. */
export interface TextFile {
  name: string;
  text: string;
}

/** Drops files on the drop zone, as a person dragging them from their desktop would. */
export async function dropFiles(page: Page, files: TextFile[]): Promise<void> {
  const transfer = await page.evaluateHandle((files) => {
    const data = new DataTransfer();
    for (const { name, text } of files) data.items.add(new File([text], name));
    return data;
  }, files);
  const zone = page.locator('#drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Chooses files with the "Choose files" control (paths on disk, or names and texts). */
export async function chooseFiles(page: Page, files: string | TextFile[]): Promise<void> {
  const input = page.locator('#file-input');
  if (typeof files === 'string') return input.setInputFiles(files);
  await input.setInputFiles(files.map(({ name, text }) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) })));
}

/** Waits until a check has finished and its results show. */
export async function waitForResults(page: Page): Promise<void> {
  await page.locator('#results').waitFor({ state: 'visible' });
}
