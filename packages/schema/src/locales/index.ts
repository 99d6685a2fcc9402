import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ru } from './ru.js';
import { uk } from './uk.js';
import type { PhxLocale } from './types.js';

export type { PhxLocale, MessageTemplate, Messages } from './types.js';

/**
 * The locales PHX ships messages for.
 *
 * @example
 * ```ts
 * import { locales } from '@phx/schema';
 * Object.keys(locales); // ['en', 'ru', 'uk', 'fr', 'es']
 * locales.ru.tag; // 'ru'
 * ```
 */
export const locales = { en, ru, uk, fr, es } as const satisfies Record<string, PhxLocale>;

/**
 * A locale PHX ships messages for: `en`, `ru`, `uk`, `fr` or `es`.
 */
export type Locale = keyof typeof locales;

/**
 * True when PHX ships messages for the tag.
 *
 * @example
 * ```ts
 * const tag = process.env.LANG?.slice(0, 2) ?? 'en';
 * validate(text, { locale: isLocale(tag) ? tag : 'en' });
 * ```
 */
export function isLocale(tag: string): tag is Locale {
  return Object.hasOwn(locales, tag);
}
