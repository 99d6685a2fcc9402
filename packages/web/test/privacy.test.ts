import { randomUUID } from 'node:crypto';
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ndjsonText } from './fixtures/ndjson.js';
import { invalidPackage, packageText } from './fixtures/packages.js';
import { semicolonCsv } from './fixtures/tables.js';
import { chooseFiles, waitForResults } from './support/browser.js';
import { browserSession } from './support/session.js';

const session = browserSession('/phx/');

/** What a request the browser made could have carried. */
interface Sent {
  url: string;
  method: string;
  body: string | null;
  headers: string;
}

async function sentOf(request: Request): Promise<Sent> {
  return { url: request.url(), method: request.method(), body: request.postData(), headers: JSON.stringify(await request.allHeaders()) };
}

describe('privacy', () => {
  it('sends no file anywhere: every request stays on the page’s origin, is a GET without a body, and carries none of the data', async () => {
    // A marker that exists only inside the files being checked.
    const marker = `secret-${randomUUID()}`;
    const pkg = { ...invalidPackage, description: { en: `Held by ${marker}` } };
    const files = [
      { name: 'package.phx.json', text: packageText(pkg) },
      { name: 'stream.phx.ndjson', text: ndjsonText(2000).replace('Counted from', `${marker} counted from`) },
      { name: 'table.csv', text: semicolonCsv.replace('obs-1;', `${marker};`) },
    ];
    const requests: Promise<Sent>[] = [];
    const page = await session.open({ beforeLoad: (context) => context.on('request', (request) => requests.push(sentOf(request))) });
    const { server } = session;
    const loaded = server.received.length;
    await chooseFiles(page, files);
    await waitForResults(page);
    expect(await page.locator('.file-summary').count()).toBe(3);
    // Opening a record and saving results are part of the work too.
    await page.locator('#issues button.link').first().click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download issues (JSON)' }).click()]);
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as .phx.json' }).click()]);

    const sent = await Promise.all(requests);
    // The requests were watched from the start: the page's own files are among them.
    const paths = sent.map((request) => new URL(request.url).pathname);
    expect(paths).toContain('/phx/');
    expect(paths.some((path) => /^\/phx\/assets\/worker-.*\.js$/.test(path))).toBe(true);
    for (const request of sent) {
      const origin = new URL(request.url.startsWith('blob:') ? request.url.slice('blob:'.length) : request.url).origin;
      expect(origin, request.url).toBe(server.origin);
      expect(request.method, request.url).toBe('GET');
      expect(request.body, request.url).toBeNull();
      expect(request.url + request.headers, request.url).not.toContain(marker);
    }
    // During the work the server saw only the page's own scripts that load when first needed (the CSV reader
    // here), fetched without data.
    for (const received of server.received.slice(loaded)) expect(received.url).toMatch(/^\/phx\/assets\/[\w.-]+\.js$/);
    for (const received of server.received) expect(received).toMatchObject({ method: 'GET', bodyBytes: 0 });
  });

  it('forbids itself any connection, so that even a changed page could not upload a file', async () => {
    const page = await session.open();
    const { server } = session;
    const before = server.received.length;
    const attempts = await page.evaluate(async (elsewhere) => {
      const attempt = (url: string): Promise<string> =>
        fetch(url, { method: 'POST', body: 'data' }).then(
          () => 'sent',
          () => 'blocked',
        );
      return { here: await attempt(location.href), elsewhere: await attempt(elsewhere) };
    }, server.url.replace('127.0.0.1', 'localhost'));
    expect(attempts).toEqual({ here: 'blocked', elsewhere: 'blocked' });
    await expect(page.addScriptTag({ content: 'window.injected = true' })).rejects.toThrow(/Content Security Policy/);
    expect(server.received.slice(before)).toEqual([]);
  });
});
