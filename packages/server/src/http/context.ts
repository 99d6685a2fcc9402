import type { Context } from 'hono';
import { isLocale, type Locale } from '@phx/schema';
import type { Principal } from '../store/types.js';

/**
 * What the middleware puts on a request's context: the token's principal and the request id.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * const app = new Hono<HubEnv>();
 * app.use('/v1/*', async (c, next) => {
 *   await next(); // the hub's middleware sets the principal on the way in
 *   console.log(c.get('requestId'), c.get('principal')?.organisation, c.res.status);
 * });
 * app.route('/', createApp({ store: await openStore('./phx.sqlite') }));
 * ```
 */
export interface HubEnv {
  Variables: { principal: Principal; requestId: string };
}

/** A handler context of the hub. */
export type HubContext = Context<HubEnv>;

/** The language of messages: the first supported one in Accept-Language, else English. */
export function localeOf(c: HubContext): Locale {
  for (const part of (c.req.header('Accept-Language') ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().split('-')[0]!;
    if (isLocale(tag)) return tag;
  }
  return 'en';
}
