import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { RateWindow, Store } from '../store/types.js';
import type { HubEnv } from './context.js';
import { Problem } from './problem.js';

/**
 * Requests a token may make in a window before it gets 429.
 *
 * @example
 * ```ts
 * const rateLimit: RateLimit = { requests: 600, windowMs: 60_000 }; // 600 a minute per token
 * const hub = await startHub({ db: './phx.sqlite', limits: { rateLimit } });
 * ```
 */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** The address of the client that sent a request (the proxy's, behind one). */
function clientAddress(c: Parameters<MiddlewareHandler<HubEnv>>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not on a Node server (app.fetch called directly): one shared window.
    return 'unknown';
  }
}

/**
 * The fields that tell a client its quota (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy` the requests a
 * window of how many seconds allows, `RateLimit` those left in this window and the seconds until it ends; the
 * policy is named for what is counted, a token or a client address. Throws 429, with them and Retry-After (the same
 * seconds), when the window is past its limit.
 */
function checkWindow(window: RateWindow, limit: RateLimit, counted: 'token' | 'address', who: string): Record<string, string> {
  const reset = Math.max(1, Math.ceil((window.resetAt - Date.now()) / 1000));
  const fields = {
    'RateLimit-Policy': `"${counted}";q=${limit.requests};w=${Math.ceil(limit.windowMs / 1000)}`,
    RateLimit: `"${counted}";r=${Math.max(0, limit.requests - window.count)};t=${reset}`,
  };
  if (window.count <= limit.requests) return fields;
  throw new Problem('rate-limited', `${who} made more than ${limit.requests} requests in ${limit.windowMs / 1000} s; retry after ${reset} s.`, {}, {
    ...fields,
    'Retry-After': String(reset),
  });
}

/**
 * Resolves the bearer token to its organisation and role; anything else gets 401, with `error="invalid_token"` in
 * WWW-Authenticate when a token was sent (unknown, revoked or expired) — and requests
 * without a known token count against a limit per client address, so that guessing tokens is slow.
 */
export function authenticate(store: Store, addressLimit: RateLimit): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '');
    const principal = match ? await store.principal(match[1]!) : undefined;
    if (!principal) {
      const address = clientAddress(c);
      const fields = checkWindow(await store.hit(`address:${address}`, addressLimit.windowMs), addressLimit, 'address', `The address ${address}, without a known token,`);
      // RFC 6750 §3.1: a token that was sent but is not (or no longer) good is `invalid_token`; a request without one gets no error code.
      throw new Problem(
        'unauthorised',
        match ? 'The bearer token is not known to this hub.' : 'Send a bearer token: Authorization: Bearer <token>.',
        {},
        { ...fields, 'WWW-Authenticate': match ? 'Bearer realm="phx", error="invalid_token", error_description="The token is unknown, revoked or expired"' : 'Bearer realm="phx"' },
      );
    }
    c.set('principal', principal);
    await next();
  };
}

/**
 * A fixed-window limit per token, counted by the store (so shared by the processes of one database); every answer
 * says what is left of it (`RateLimit`), so that a client can slow down before it is refused.
 */
export function rateLimit(store: Store, limit: RateLimit): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const fields = checkWindow(await store.hit(`token:${c.get('principal').tokenId}`, limit.windowMs), limit, 'token', 'This token');
    await next();
    for (const [name, value] of Object.entries(fields)) c.res.headers.set(name, value);
  };
}
