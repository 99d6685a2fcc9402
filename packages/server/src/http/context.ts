import type { Context } from 'hono';
import { parseAccept } from 'hono/utils/accept';
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

/**
 * The language of messages: the supported one Accept-Language weighs most (`q`; among equals, the first listed), a
 * region counting as its language (`uk-UA` is `uk`), never one weighed 0; else English.
 */
export function localeOf(c: HubContext): Locale {
  return acceptedLocale(c.req.header('Accept-Language'));
}

/** The language of messages for an `Accept-Language` header, as {@link localeOf} chooses it. */
export function acceptedLocale(acceptLanguage: string | undefined): Locale {
  for (const { type, q } of parseAccept(acceptLanguage ?? '')) {
    const tag = type.toLowerCase().split('-')[0]!;
    if (q > 0 && isLocale(tag)) return tag;
  }
  return 'en';
}

/** A new request id, for a request that sent none: a random UUID. */
export function newRequestId(): string {
  return crypto.randomUUID();
}

/**
 * The origin of the hub as the request reached it — its scheme, and the host and port of its `Host` header — by
 * which the documents the hub serves (the OpenAPI document, the JSON Schemas) name it.
 */
export function hubOrigin(c: HubContext): string {
  return new URL(c.req.url).origin;
}
