import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/types.js';
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

/** Resolves the bearer token to its organisation and role; anything else gets 401. */
export function authenticate(store: Store): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '');
    const principal = match ? await store.principal(match[1]!) : undefined;
    if (!principal) {
      throw new Problem(
        401,
        'unauthorised',
        match ? 'The bearer token is not known to this hub.' : 'Send a bearer token: Authorization: Bearer <token>.',
        {},
        { 'WWW-Authenticate': 'Bearer realm="phx"' },
      );
    }
    c.set('principal', principal);
    await next();
  };
}

/** A fixed-window limit per token, kept in memory (one hub process). */
export function rateLimit(limit: RateLimit): MiddlewareHandler<HubEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const now = Date.now();
    const key = c.get('principal').tokenId;
    let window = windows.get(key);
    if (!window || now - window.start >= limit.windowMs) {
      // Forget windows that ended, so that the map holds only active tokens.
      for (const [other, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(other);
      windows.set(key, (window = { start: now, count: 0 }));
    }
    if (++window.count > limit.requests) {
      const retryAfter = Math.max(1, Math.ceil((window.start + limit.windowMs - now) / 1000));
      throw new Problem(429, 'rate-limited', `This token made more than ${limit.requests} requests in ${limit.windowMs / 1000} s; retry after ${retryAfter} s.`, {}, {
        'Retry-After': String(retryAfter),
      });
    }
    await next();
  };
}
