import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import { launchBrowser, openPage, type PageOptions } from './browser.js';
import { distDir } from './paths.js';
import { serveStatic, type StaticServer } from './static-server.js';

/** The built page served for a test file, and Chromium to open it in. */
export interface BrowserSession {
  readonly server: StaticServer;
  /** Opens the page in a fresh profile; the profile closes when the test ends, which fails on any page error. */
  open(options?: PageOptions): Promise<Page>;
}

/**
 * Serves the built page under `prefix` and starts Chromium for the tests of a file (with `jsFlags` for
 * its JavaScript engine), stopping both after them.
 *
 * @example
 * ```ts
 * const session = browserSession('/tools/validator/');
 * it('shows the page', async () => {
 *   const page = await session.open();
 * });
 * ```
 */
export function browserSession(prefix = '/', jsFlags: string[] = []): BrowserSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(distDir, prefix);
    browser = await launchBrowser(jsFlags);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    async open(options = {}) {
      const { context, page } = await openPage(browser!, server!.url, options);
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      onTestFinished(async () => {
        await context.close();
        expect(errors).toEqual([]);
      });
      return page;
    },
  };
}
