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
 * The URL by which the documents the hub serves (the OpenAPI document, the JSON Schemas) and its `Location` headers
 * name it: its public URL, when it is given one; else the origin the request reached it at — its scheme, and the
 * host and port of its `Host` header.
 */
export function hubUrlOf(publicUrl: string | undefined): (c: HubContext) => string {
  return publicUrl === undefined ? (c) => new URL(c.req.url).origin : () => publicUrl;
}

/**
 * Checks the URL a hub is reached at from outside (`https://hub.example.org`, or with the path a proxy serves it
 * under, `https://example.org/phx`) and writes it without a trailing slash: throws on one that is not an http or
 * https URL, or that has a query, a fragment or a user name, which no base of other URLs has.
 */
export function publicUrlOf(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // Named below.
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`The public URL "${value}" is not an http or https URL: give the address the hub is reached at, e.g. https://hub.example.org.`);
  }
  if (/[?#]/.test(value) || url.username !== '' || url.password !== '') {
    throw new Error(`The public URL "${value}" has a query, a fragment or a user name: give the address the hub is reached at alone, e.g. https://hub.example.org.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
