import type { MiddlewareHandler } from 'hono';
import type { HubEnv } from './context.js';

/** The methods of the exchange API, as a preflight allows them. */
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';

/** The request headers the exchange API reads, beyond those a browser sends without asking. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, Idempotency-Key, Accept-Language, X-Request-Id';

/**
 * The response headers a script on another origin may read: those @phx/client reads (ETag, Retry-After, X-Request-Id,
 * Export-Notes, Content-Disposition) and the others the hub sends to say what happened.
 */
const EXPOSED_HEADERS = 'ETag, Location, Retry-After, RateLimit, RateLimit-Policy, X-Request-Id, Idempotent-Replayed, Export-Notes, Content-Disposition, WWW-Authenticate, Allow, Accept-Patch, Accept-Encoding';

/** How long a browser may keep a preflight's answer, in seconds (Chromium keeps it 2 hours at most). */
const PREFLIGHT_MAX_AGE = '7200';

/**
 * An origin a hub lets scripts call it from: `scheme://host[:port]`, as a browser sends it in `Origin`, or `*`
 * for every origin.
 */
const ORIGIN = /^https?:\/\/[^/?#@\s]+$/i;

/**
 * Checks the origins a hub is given and writes them as a browser sends them (lower case, no default port): throws
 * on one that is not an origin, such as `https://example.org/page` or `example.org`.
 */
export function corsOrigins(origins: readonly string[]): string[] {
  return origins.map((origin) => {
    if (origin === '*') return origin;
    if (!ORIGIN.test(origin)) throw new Error(`"${origin}" is not an origin: give scheme, host and port only, e.g. https://dashboard.example.org or http://localhost:5173, or * for every origin.`);
    const { origin: normal } = new URL(origin);
    return normal;
  });
}

/**
 * The headers of an answer (not a preflight's) to a request from `origin`, for a hub that allows `allowed`:
 * `Access-Control-Allow-Origin` and the headers scripts may read when the origin is allowed, and `Vary: Origin`
 * whenever the answer depends on it.
 */
export function corsAnswerHeaders(allowed: readonly string[], origin: string | undefined): Record<string, string> {
  const allow = allowedOrigin(allowed, origin);
  return {
    // The answer depends on Origin whenever an origin is named: caches must keep one per origin.
    ...(allowed.includes('*') ? {} : { Vary: 'Origin' }),
    ...(allow === undefined ? {} : { 'Access-Control-Allow-Origin': allow, 'Access-Control-Expose-Headers': EXPOSED_HEADERS }),
  };
}

/** What `Access-Control-Allow-Origin` names for a request from `origin`, or undefined when it is not allowed. */
function allowedOrigin(allowed: readonly string[], origin: string | undefined): string | undefined {
  return origin === undefined ? undefined : allowed.includes('*') ? '*' : allowed.includes(origin) ? origin : undefined;
}

/**
 * Lets scripts on the given origins call the hub (CORS). A preflight (`OPTIONS` with `Origin` and
 * `Access-Control-Request-Method`) from one of them is answered 204 without a token; every other answer to one
 * of them carries `Access-Control-Allow-Origin` and the headers scripts may read ({@link corsAnswerHeaders}). No
 * origin is allowed cookies or other credentials (`Access-Control-Allow-Credentials` is never sent): the hub reads
 * only the bearer token a script sends itself, so a page can act only with a token it holds — which is why `*` is
 * safe to allow. Requests from other origins are answered as before, without these headers, and a browser keeps
 * the answer from their scripts.
 */
export function cors(allowed: readonly string[]): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allow = allowedOrigin(allowed, origin);
    if (allow !== undefined && c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined) {
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': allow,
        'Access-Control-Allow-Methods': ALLOWED_METHODS,
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
        ...(allow === '*' ? {} : { Vary: 'Origin' }),
      });
    }
    await next();
    for (const [name, value] of Object.entries(corsAnswerHeaders(allowed, origin))) {
      if (name === 'Vary') c.res.headers.append(name, value);
      else c.res.headers.set(name, value);
    }
  };
}
