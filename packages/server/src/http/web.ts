import type { Hono, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { jsonSchemaOf, publishedSchemas, SCHEMA_BASE_URL, type SchemaName } from '@phx/schema';
import { SUPPRESSION_THRESHOLD_META } from '@phx/schema/api';
import type { HubContext, HubEnv } from './context.js';

/**
 * The headers of every response, the app's and those of requests Node refuses before the app reads them. The
 * Content-Security-Policy is the validator page's: sent as a header, it also binds the page's worker (a `<meta>`
 * policy does not), so no script the hub serves can send a file anywhere. `frame-ancestors 'none'` and
 * X-Frame-Options keep the page out of other sites' frames.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'Cross-Origin-Opener-Policy': 'same-origin',
  // The schemas are fetched by editors and tools on other origins.
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};

/** Puts {@link SECURITY_HEADERS} on every answer of the app. */
export function securityHeaders(): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}

/** Assets whose names carry a hash of their content (as Vite writes them) never change: browsers keep them a year. */
const HASHED = /^\/assets\/.+-[\w-]{8,}\.\w+$/;

/** The page's HTML with the `<meta>` of the hub's suppression threshold, at the end of its head. */
export function withThresholdMeta(html: string, suppressionThreshold: number): string {
  const meta = `<meta name="${SUPPRESSION_THRESHOLD_META}" content="${suppressionThreshold}">`;
  const end = html.search(/<\/head\s*>/i);
  if (end >= 0) return html.slice(0, end) + meta + html.slice(end);
  // A page without a written head: the element goes after the doctype, where the browser's head begins.
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? '';
  return doctype + meta + html.slice(doctype.length);
}

/**
 * Serves the static files of `root` at `/`: compressed when the browser accepts it, hashed assets
 * cached as immutable, the page revalidated with its ETag. The page (`/`, `/index.html`) carries the hub's
 * suppression threshold in a `<meta>` (`SUPPRESSION_THRESHOLD_META` of `@phx/schema/api`), by which it checks files as the hub does.
 */
export function serveWebRoot(app: Hono<HubEnv>, root: string, suppressionThreshold: number): void {
  const cacheHeaders: MiddlewareHandler<HubEnv> = async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', HASHED.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  // serveStatic resolves its root from the working directory, and so does the page read here.
  const dir = relative(process.cwd(), root) || '.';
  // Read at each request, as serveStatic reads every other file: a page built again is served at once. A middleware,
  // as serveStatic is, not a route: the routes of the app are the operations of the contract.
  const page: MiddlewareHandler<HubEnv> = async (c, next) => {
    if (c.req.path !== '/' && c.req.path !== '/index.html') return next();
    const html = await readFile(join(dir, 'index.html'), 'utf8').catch(() => undefined);
    if (html === undefined) return next();
    return c.html(withThresholdMeta(html, suppressionThreshold));
  };
  app.use('/*', cacheHeaders, compress(), etag(), page, serveStatic({ root: dir }));
}

/** The published JSON Schemas' texts by file name, once made. */
let schemaFiles: ReadonlyMap<string, string> | undefined;

/** The published JSON Schemas' texts by file name: made at the first request for one, once for every hub of the process. */
function schemaTexts(): ReadonlyMap<string, string> {
  schemaFiles ??= new Map((Object.keys(publishedSchemas) as SchemaName[]).map((name) => [`${name}.schema.json`, JSON.stringify(jsonSchemaOf(name), null, 2)]));
  return schemaFiles;
}

/**
 * Serves the JSON Schemas at `/schemas/v1/<Name>.schema.json`, their ids and references rewritten to
 * this hub (`hubUrl`), so that a package whose `$schema` points here gets completion in editors from the hub.
 */
export function serveSchemas(app: Hono<HubEnv>, hubUrl: (c: HubContext) => string): void {
  app.get('/schemas/v1/:file', etag(), async (c, next) => {
    const text = schemaTexts().get(c.req.param('file'));
    if (text === undefined) return next();
    const base = `${hubUrl(c)}/schemas/v1/`;
    return c.body(text.replaceAll(SCHEMA_BASE_URL, base), 200, { 'Content-Type': 'application/schema+json', 'Cache-Control': 'public, max-age=3600' });
  });
}
