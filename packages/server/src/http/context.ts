import type { Context } from 'hono';
import { isLocale, type Locale } from '@phx/schema';
import type { Principal } from '../store/types.js';

/** What the middleware puts on a request's context. */
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
