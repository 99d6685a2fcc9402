import type { HttpBindings } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { DEFAULT_SUPPRESSION_THRESHOLD, isSuppressionThreshold } from '@phx/schema';
import { openApiDocument, PROBLEM_MEDIA_TYPE } from '@phx/schema/api';
import type { Store } from '../store/types.js';
import { hubDhis2Mappings } from '../hub/export.js';
import { authenticate, rateLimit, type RateLimit } from './auth.js';
import { cors, corsOrigins } from './cors.js';
import { refuseContentCoding } from './body.js';
import { hubUrlOf, localeOf, publicUrlOf, newRequestId, type HubContext, type HubEnv } from './context.js';
import { Problem } from './problem.js';
import { registerRoutes } from './routes.js';
import { allowedMethods, requestTarget } from './target.js';
import { securityHeaders, serveSchemas, serveWebRoot } from './web.js';

/**
 * The limits a hub enforces; each one left out keeps its value in {@link defaultLimits}.
 *
 * @example
 * ```ts
 * const limits: HubLimits = { maxBodyBytes: 16 * 1024 * 1024, maxImportRecords: 50_000, rateLimit: { requests: 600, windowMs: 60_000 } };
 * const hub = await startHub({ db: './phx.sqlite', limits });
 * ```
 */
export interface HubLimits {
  /**
   * Largest request body, in bytes.
   * @default 128 MiB (a package of about 200 000 observations)
   */
  maxBodyBytes?: number;
  /**
   * Most records one request may carry: a package to import, or a package to validate. They are
   * counted before the body is parsed, so that a larger one is refused (413) without taking memory.
   * @default 200 000
   */
  maxImportRecords?: number;
  /**
   * Most issues listed in an answer of `POST /v1/validate`, in the 422 of an import and among the warnings of an
   * import's answer: past it the list is cut (`truncated: true`), the counts of errors and warnings go on, and
   * checking stops once an error is among them.
   * @default 1 000
   */
  maxIssues?: number;
  /**
   * Most observations one export (`GET /v1/export`) may carry.
   * @default 100 000
   */
  maxExportRecords?: number;
  /**
   * Requests per token and window.
   * @default 6 000 a minute
   */
  rateLimit?: RateLimit;
  /**
   * Requests without a known token per client address and window.
   * @default 600 a minute
   */
  addressRateLimit?: RateLimit;
  /**
   * Longest time a request may take to arrive, its headers and its whole body, in milliseconds: past it the hub
   * answers 408 `request-timeout` and closes the connection, so a client that stops sending midway holds no
   * connection or memory for long. The time a body of `maxBodyBytes` takes over the slowest link members use must
   * fit in it. Kept by the Node server `startHub` starts (its `requestTimeout`); an app served by another server
   * leaves it to that server.
   * @default 300 000 (5 minutes)
   */
  requestTimeoutMs?: number;
}

/**
 * Options of {@link createApp}.
 *
 * @example
 * ```ts
 * const options: AppOptions = { store: await openStore('./phx.sqlite'), limits: { maxImportRecords: 50_000 }, webRoot: './public' };
 * const app = createApp(options);
 * ```
 */
export interface AppOptions {
  store: Store;
  limits?: HubLimits;
  /**
   * A directory of static files served at `/` (the browser validator page). Its `index.html` is served with the
   * hub's suppression threshold in a `<meta name="phx-suppression-threshold">`, by which the page checks files.
   */
  webRoot?: string;
  /**
   * DHIS2 mappings (parsed JSON) by name, for `GET /v1/export?format=dhis2&mapping=<name>`; each is checked by
   * its schema, and a bad one stops the app from being made.
   * @default none: only `gam`, the UNAIDS GAM template, which a hub always holds
   */
  dhis2Mappings?: Record<string, unknown>;
  /**
   * Origins whose scripts may call the API and read the schemas (CORS), each `scheme://host[:port]` as a browser
   * sends it in `Origin`, e.g. `https://dashboard.example.org`; `*` allows every origin. Only bearer tokens are
   * read, never cookies, so a page on an allowed origin can do no more than the token it sends itself may.
   * An entry that is not an origin stops the app from being made.
   * @default none: scripts on other origins cannot read the hub's answers
   */
  corsOrigins?: string[];
  /**
   * The URL the hub is reached at from outside, e.g. `https://hub.example.org` behind a TLS-terminating proxy, or
   * `https://example.org/phx` behind one that serves it under a path: the OpenAPI document's server, the `$id`s and
   * references of the JSON Schemas and the `Location` of a new record are written on it. Headers that a client
   * could send as well as a proxy (`X-Forwarded-Proto`, `X-Forwarded-Host`, `Forwarded`) are never read. A URL
   * that is not http or https, or that has a query, a fragment or a user name, stops the app from being made.
   * @default none: the documents name the origin each request was sent to (its scheme, and its `Host` header),
   * and `Location` is a path
   */
  publicUrl?: string;
  /**
   * The network's suppression threshold: counts from 1 up to (not including) it must be marked suppressed. Every
   * validation the hub does checks small counts by it (`privacy.small-cell`): an import, `POST /v1/validate` of any
   * format, a record written, and the stored observations a write is checked with; as `phx validate
   * --suppression-threshold` does; `GET /v1/settings` tells it to clients, and the page of `webRoot` checks files in
   * the browser by it, without a token. A number that is not a whole number from 1
   * stops the app from being made.
   * @default 5
   */
  suppressionThreshold?: number;
}

/**
 * The suppression threshold of a hub, {@link DEFAULT_SUPPRESSION_THRESHOLD} unless given; one that is not a whole
 * number from 1 is refused.
 */
export function suppressionThresholdOf(threshold: number | undefined): number {
  if (threshold === undefined) return DEFAULT_SUPPRESSION_THRESHOLD;
  if (!isSuppressionThreshold(threshold)) throw new Error(`The suppression threshold must be a whole number from 1; got ${threshold}.`);
  return threshold;
}

/**
 * The default limits: 128 MiB bodies, 200 000 records and 1 000 issues listed per import or validation,
 * 100 000 observations per export, 6 000 requests a minute per token, 600 a minute per client address
 * for requests without a known token, 5 minutes for a request to arrive.
 *
 * @example
 * ```ts
 * import { defaultLimits, startHub } from '@phx/server';
 * const hub = await startHub({ db: './phx.sqlite', limits: { maxBodyBytes: defaultLimits.maxBodyBytes * 2 } });
 * ```
 */
export const defaultLimits: Required<HubLimits> = {
  maxBodyBytes: 128 * 1024 * 1024,
  maxImportRecords: 200_000,
  maxIssues: 1000,
  maxExportRecords: 100_000,
  rateLimit: { requests: 6000, windowMs: 60_000 },
  addressRateLimit: { requests: 600, windowMs: 60_000 },
  requestTimeoutMs: 300_000,
};

/** Where the served OpenAPI document gives the hub's origin; no text of the contract holds U+0000. */
const ORIGIN = '\u0000origin';

function problemResponse(problem: Problem, c: HubContext): Response {
  const id = c.get('requestId');
  return new Response(JSON.stringify(problem.document(c.req.path, id, localeOf(c))), {
    status: problem.status,
    // A new response: the request id the middleware set on the context's headers is not on it.
    headers: { 'Content-Type': PROBLEM_MEDIA_TYPE, 'X-Request-Id': id, ...problem.headers },
  });
}

/**
 * Gives every request its id (the `X-Request-Id` it sent, else a new one) and puts it on every response: also on
 * those a handler builds itself (a write's, a stored replay's, a problem's), which do not carry the headers set on
 * the context.
 */
function requestIds(): MiddlewareHandler<HubEnv> {
  const assign = requestId({ headerName: 'X-Request-Id', generator: newRequestId });
  return (c, next) =>
    assign(c, async () => {
      // Served on Node, the id goes on the server's answer at once: a request whose body stops arriving is answered
      // by the server (answerRefusedRequests) with the id the app logs it by.
      (c.env as Partial<HttpBindings> | undefined)?.outgoing?.setHeader('X-Request-Id', c.get('requestId'));
      await next();
      c.res.headers.set('X-Request-Id', c.get('requestId'));
    });
}

/** The OpenAPI document's text on each side of the place of the origin, once made. */
let openApiText: readonly [string, string] | undefined;

/**
 * The OpenAPI document's text on each side of the place of the origin, where each hub names itself as its server:
 * made at the first request for it, once for every hub of the process, not by each hub as it starts (a tenth of
 * a second there).
 */
function openApiTextAroundOrigin(): readonly [string, string] {
  openApiText ??= JSON.stringify({ ...openApiDocument(), servers: [{ url: ORIGIN, description: 'This hub.' }] }).split(JSON.stringify(ORIGIN)) as [string, string];
  return openApiText;
}

/**
 * The exchange API as a Hono app, over a store. `startHub` serves it on Node; tests and other
 * servers can call `app.fetch(request)` directly.
 *
 * @example
 * ```ts
 * import { createApp, openStore } from '@phx/server';
 * const app = createApp({ store: await openStore(':memory:') });
 * const response = await app.request('/v1/openapi.json');
 * ```
 */
export function createApp(options: AppOptions): Hono<HubEnv> {
  const limits = { ...defaultLimits, ...options.limits };
  const suppressionThreshold = suppressionThresholdOf(options.suppressionThreshold);
  const publicUrl = options.publicUrl === undefined ? undefined : publicUrlOf(options.publicUrl);
  const hubUrl = hubUrlOf(publicUrl);
  const app = new Hono<HubEnv>();

  app.use(requestIds(), securityHeaders());
  const origins = corsOrigins(options.corsOrigins ?? []);
  if (origins.length > 0) {
    // Before the token is asked for: a browser sends a preflight without one.
    app.use('/v1/*', cors(origins));
    app.use('/schemas/*', cors(origins));
  }
  // The documents need no token; every other operation checks its target once the token is known.
  const target = requestTarget();
  app.use('/v1/openapi.json', target);
  app.use('/schemas/*', target);
  app.onError((error, c) => {
    const id = c.get('requestId');
    if (error instanceof Problem) return problemResponse(error, c);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(new Problem('bad-request', error.message || 'The request is malformed.'), c);
    }
    if (c.req.raw.signal.aborted && (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
      // Node ended the body's stream as the connection closed: the client went away, or took longer than the hub
      // waits. No one is left to answer, and nothing failed in the hub: a line says so, without a stack.
      console.warn(`[${id}] ${c.req.method} ${c.req.path}: the connection closed before the request's body arrived.`);
      return problemResponse(new Problem('bad-request', "The connection closed before the request's body arrived."), c);
    }
    // The cause goes to the operator's log, never to the client.
    console.error(`[${id}] ${c.req.method} ${c.req.path}:`, error);
    return problemResponse(new Problem('internal-error', `The hub failed to handle the request; quote request id ${id} to its operator.`), c);
  });
  app.notFound((c) => {
    // A path of the API asked with a method it does not take: 405 and the methods it takes (RFC 9110 §15.5.6). A
    // method it takes that found nothing (a schema no one publishes) stays 404.
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      const methods = allowed.join(', ');
      return problemResponse(new Problem('method-not-allowed', `${c.req.path} takes ${methods}, not ${c.req.method}.`, {}, { Allow: methods }), c);
    }
    return problemResponse(new Problem('not-found', `There is no ${c.req.method} ${c.req.path} here.`), c);
  });

  app.get('/v1/openapi.json', (c) => {
    const [beforeOrigin, afterOrigin] = openApiTextAroundOrigin();
    return c.body(beforeOrigin + JSON.stringify(hubUrl(c)) + afterOrigin, 200, { 'Content-Type': 'application/json' });
  });
  // The document needs no token, so another method on it is answered 405 without one, not 401.
  app.all('/v1/openapi.json', (c) => c.notFound());
  serveSchemas(app, hubUrl);
  app.use('/v1/*', authenticate(options.store, limits.addressRateLimit), rateLimit(options.store, limits.rateLimit), target, refuseContentCoding());
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: () => {
        throw new Problem('payload-too-large', `The body exceeds ${limits.maxBodyBytes} bytes; split the data into smaller packages.`);
      },
    }),
  );
  registerRoutes(app, {
    store: options.store,
    ...(publicUrl !== undefined && { publicUrl }),
    maxImportRecords: limits.maxImportRecords,
    maxBodyBytes: limits.maxBodyBytes,
    maxIssues: limits.maxIssues,
    suppressionThreshold,
    exports: { maxRecords: limits.maxExportRecords, dhis2Mappings: hubDhis2Mappings(options.dhis2Mappings) },
  });

  if (options.webRoot) serveWebRoot(app, options.webRoot, suppressionThreshold);
  return app;
}
