import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ru } from './ru.js';
import { uk } from './uk.js';
import type { Locale } from './tags.js';
import type { PhxLocale } from './types.js';

export type { PhxLocale, MessageTemplate, Messages } from './types.js';
export { localeTags, isLocale, type Locale } from './tags.js';

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
export const locales = { en, ru, uk, fr, es } as const satisfies Record<Locale, PhxLocale>;
