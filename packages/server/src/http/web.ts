import type { Hono, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { serveStatic } from '@hono/node-server/serve-static';
import { relative } from 'node:path';
import { jsonSchemaOf, publishedSchemas, SCHEMA_BASE_URL, type SchemaName } from '@phx/schema';
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

/**
 * Serves the static files of `root` at `/`: compressed when the browser accepts it, hashed assets
 * cached as immutable, the page revalidated with its ETag.
 */
export function serveWebRoot(app: Hono<HubEnv>, root: string): void {
  const cacheHeaders: MiddlewareHandler<HubEnv> = async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', HASHED.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  // serveStatic resolves its root from the working directory.
  app.use('/*', cacheHeaders, compress(), etag(), serveStatic({ root: relative(process.cwd(), root) || '.' }));
}

/**
 * Serves the JSON Schemas at `/schemas/v1/<Name>.schema.json`, their ids and references rewritten to
 * this hub (`hubUrl`), so that a package whose `$schema` points here gets completion in editors from the hub.
 */
export function serveSchemas(app: Hono<HubEnv>, hubUrl: (c: HubContext) => string): void {
  const texts = new Map(
    (Object.keys(publishedSchemas) as SchemaName[]).map((name) => [`${name}.schema.json`, JSON.stringify(jsonSchemaOf(name), null, 2)]),
  );
  app.get('/schemas/v1/:file', etag(), async (c, next) => {
    const text = texts.get(c.req.param('file'));
    if (text === undefined) return next();
    const base = `${hubUrl(c)}/schemas/v1/`;
    return c.body(text.replaceAll(SCHEMA_BASE_URL, base), 200, { 'Content-Type': 'application/schema+json', 'Cache-Control': 'public, max-age=3600' });
  });
}
