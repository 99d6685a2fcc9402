/**
 * A web page on another origin uses @phx/client, bundled for the browser, against a real hub in headless Chromium:
 * it can when the hub names the page's origin (the preflight, the write, the ETag and X-Request-Id it reads, a
 * problem it reads), and cannot when the hub names none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, startHub, type RunningHub } from '../../packages/server/dist/index.js';
import { launchBrowser } from '../../packages/web/test/support/browser.js';

const ORG = 'ZA-NPO-204-118';
const dir = mkdtempSync(join(tmpdir(), 'phx-cors-'));

/** A page server on 127.0.0.1 (another port, so another origin than the hub's): an empty page and the client as a script. */
async function pageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const client = fileURLToPath(new URL('../../packages/client/dist/index.js', import.meta.url));
  const bundle = await build({ entryPoints: [client], bundle: true, format: 'iife', globalName: 'phx', platform: 'browser', write: false });
  const script = bundle.outputFiles[0]!.text;
  const server: Server = createServer((request, response) => {
    if (request.url === '/client.js') return void response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>dashboard</title><script src="/client.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

let page: Awaited<ReturnType<typeof pageServer>>;
let browser: Browser;
let open: RunningHub;
let closed: RunningHub;
let token: string;
beforeAll(async () => {
  page = await pageServer();
  open = await startHub({ db: join(dir, 'open.sqlite'), port: 0, webRoot: false, corsOrigins: [page.origin] });
  closed = await startHub({ db: join(dir, 'closed.sqlite'), port: 0, webRoot: false });
  token = (await createToken({ db: join(dir, 'open.sqlite'), organisation: ORG, role: 'member', newOrganisation: true })).token;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([open?.close(), closed?.close(), page?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** What the page's script saw: the record it wrote and read back, its ETag, and the problem of a missing record. */
interface Seen {
  created?: string;
  etag?: string;
  requestId?: string;
  problem?: { slug?: string; status?: number; requestId?: string };
  failure?: string;
}

/** Runs the client in a page of the page server's origin against a hub. */
async function fromPage(hubUrl: string): Promise<Seen> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`${page.origin}/`);
    return await tab.evaluate(
      async ({ baseUrl, token, org }) => {
        const { createClient, ProblemError } = (globalThis as unknown as { phx: typeof import('@phx/client') }).phx;
        const client = createClient({ baseUrl, token, retry: 0 });
        const seen: Seen = {};
        try {
          const organisation = { id: org, name: { en: 'A network member' }, organisationType: 'ngo', countries: ['ZA'] };
          const created = (await client.organisations.create(organisation as never)) as unknown as { id?: string; data?: { id: string } };
          seen.created = created.data?.id ?? created.id;
          const read = (await client.organisations.get(org)) as unknown as { etag: string };
          seen.etag = read.etag;
          await client.organisations.get('nobody-here').catch((error: unknown) => {
            if (!(error instanceof ProblemError)) throw error;
            seen.problem = { slug: error.slug, status: error.status, ...(error.requestId ? { requestId: error.requestId } : {}) };
          });
        } catch (error) {
          seen.failure = `${(error as Error).name}: ${(error as Error).message}`;
        }
        return seen;
      },
      { baseUrl: hubUrl, token, org: ORG },
    );
  } finally {
    await context.close();
  }
}

describe('a web page on another origin', () => {
  it('uses @phx/client against a hub that names its origin', async () => {
    const seen = await fromPage(open.url);
    expect(seen.failure).toBeUndefined();
    expect(seen.created).toBe(ORG);
    expect(seen.etag).toMatch(/^"/);
    expect(seen.problem).toMatchObject({ slug: 'not-found', status: 404, requestId: expect.any(String) });
  });

  it('cannot read a hub that names no origin', async () => {
    const seen = await fromPage(closed.url);
    expect(seen.created).toBeUndefined();
    expect(seen.failure).toMatch(/^NetworkError/);
  });
});
