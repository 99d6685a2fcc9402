/** What the hub serves besides the API: security headers, the validator page compressed and cached, the JSON Schemas. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { chromium } from 'playwright-core';
import { jsonSchemaOf, publishedSchemas } from '@phx/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, openStore, startHub, type RunningHub } from '../src/index.js';
import { testDatabase } from './fixtures/hub.js';

let hub: RunningHub;
let remove: () => void;
const dir = mkdtempSync(join(tmpdir(), 'phx-web-'));
beforeAll(async () => {
  // A page and a worker like the validator's; the worker tries to send data to another origin.
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>PHX</title><script src="/assets/page-AbCdEf12.js"></script>${'<!-- padding -->'.repeat(200)}`);
  writeFileSync(join(dir, 'assets', 'page-AbCdEf12.js'), `window.result = new Promise((resolve) => {
    const worker = new Worker('/assets/worker-XyZ98765.js');
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(new URL(location.href).searchParams.get('target'));
  });${'\n// padding'.repeat(200)}`);
  writeFileSync(join(dir, 'assets', 'worker-XyZ98765.js'), `onmessage = async (event) => {
    try { await fetch(event.data, { method: 'POST', body: 'secret' }); postMessage('sent'); } catch { postMessage('blocked'); }
  };`);
  const database = await testDatabase();
  remove = database.remove;
  hub = await startHub({ db: database.db, port: 0, webRoot: dir });
});
afterAll(async () => {
  await hub?.close();
  remove?.();
});

describe('security headers', () => {
  it('are on every response: the page, its assets, the API, errors', async () => {
    for (const path of ['/', '/assets/page-AbCdEf12.js', '/v1/openapi.json', '/v1/observations', '/nothing', '/schemas/v1/Observation.schema.json']) {
      const { headers } = await fetch(hub.url + path);
      expect(headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(headers.get('content-security-policy'), path).toContain("connect-src 'none'");
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it("bind the page's worker: it cannot send data to another origin", async () => {
    let received = 0;
    const elsewhere = createServer((request, response) => {
      received++;
      response.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('ok');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/collect`;
    const browser = await chromium.launch({ executablePath: process.env.PHX_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${hub.url}/?target=${encodeURIComponent(target)}`);
      expect(await page.evaluate(() => (window as unknown as { result: Promise<string> }).result)).toBe('blocked');
      expect(received).toBe(0);
    } finally {
      await browser.close();
      elsewhere.close();
    }
  });
});

describe('static files', () => {
  it('are compressed for browsers that accept it', async () => {
    const response = await fetch(`${hub.url}/assets/page-AbCdEf12.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    // fetch decompresses; the bytes on the wire are checked through node's own decoder.
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const url = new URL(`${hub.url}/assets/page-AbCdEf12.js`);
      import('node:http').then(({ get }) =>
        get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks)));
        }).on('error', reject),
      );
    });
    expect(gunzipSync(raw).toString()).toContain('new Worker');
  });

  it('keep hashed assets for a year and revalidate the page with its ETag', async () => {
    expect((await fetch(`${hub.url}/assets/worker-XyZ98765.js`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${hub.url}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const etag = page.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await fetch(`${hub.url}/`, { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });
});

describe('the JSON Schemas at /schemas/v1/', () => {
  it('serves each published schema with its ids on this hub, and they validate as the originals do', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const name of Object.keys(publishedSchemas) as (keyof typeof publishedSchemas)[]) {
      const response = await fetch(`${hub.url}/schemas/v1/${name}.schema.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('json');
      const served = (await response.json()) as { $id: string };
      expect(served.$id).toBe(`${hub.url}/schemas/v1/${name}.schema.json`);
      expect(JSON.stringify(served)).not.toContain('phx-network.github.io');
      expect(JSON.stringify(served).replaceAll(`${hub.url}/schemas/v1/`, '')).toBe(JSON.stringify(jsonSchemaOf(name)).replaceAll(/https:\/\/phx-network\.github\.io\/phx\/schemas\/v1\//g, ''));
      ajv.addSchema(served);
    }
    expect(ajv.getSchema(`${hub.url}/schemas/v1/DataPackage.schema.json`)).toBeDefined();
    expect((await fetch(`${hub.url}/schemas/v1/Nothing.schema.json`)).status).toBe(404);
  });
});

describe("the page's suppression threshold", () => {
  /** The threshold the page's `<meta>` gives, as the page reads it. */
  const metaOf = (html: string) => /<meta name="phx-suppression-threshold" content="([^"]*)">/.exec(html)?.[1];

  it('is in the page the hub serves, at / and /index.html, to anyone without a token: the default 5', async () => {
    for (const path of ['/', '/index.html']) {
      const response = await fetch(hub.url + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      const html = await response.text();
      expect(metaOf(html), path).toBe('5');
      // Where the browser reads it into the head, before the page's own markup and script.
      expect(html.indexOf('phx-suppression-threshold'), path).toBeLessThan(html.indexOf('<title>'));
    }
    // The page is still compressed, and the hub's other files are served as they are.
    expect((await fetch(`${hub.url}/`, { headers: { 'Accept-Encoding': 'gzip' } })).headers.get('content-encoding')).toBe('gzip');
    expect(await (await fetch(`${hub.url}/assets/worker-XyZ98765.js`)).text()).not.toContain('phx-suppression-threshold');
  });

  it("is the hub's own, at the end of the page's head, and a new threshold gives the page a new ETag", async () => {
    const page = mkdtempSync(join(tmpdir(), 'phx-web-head-'));
    writeFileSync(join(page, 'index.html'), '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <title>PHX</title>\n  </head>\n  <body></body>\n</html>\n');
    const store = await openStore(':memory:');
    try {
      /** The page a hub of a threshold serves, which must say `expected`, and its ETag. */
      const etagOf = async (suppressionThreshold: number | undefined, expected: string) => {
        const response = await createApp({ store, webRoot: page, ...(suppressionThreshold !== undefined && { suppressionThreshold }) }).request('/');
        expect(await response.text()).toContain(`<title>PHX</title>\n  <meta name="phx-suppression-threshold" content="${expected}"></head>`);
        return response.headers.get('etag');
      };
      const ten = { etag: await etagOf(10, '10') };
      const byDefault = { etag: await etagOf(undefined, '5') };
      expect(ten.etag).toBeTruthy();
      expect(ten.etag).not.toBe(byDefault.etag);
      // The page's ETag still answers 304 to a browser that holds it.
      const app = createApp({ store, webRoot: page, suppressionThreshold: 10 });
      expect((await app.request('/', { headers: { 'If-None-Match': ten.etag! } })).status).toBe(304);
    } finally {
      await store.close();
    }
  });
});
