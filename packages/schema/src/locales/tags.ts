/**
 * The tags of the locales PHX ships messages for, without their messages ({@link locales} holds them): a program
 * that only reads which language its user asks for loads none of them.
 *
 * @example
 * ```ts
 * import { localeTags } from '@phx/schema';
 * localeTags; // ['en', 'ru', 'uk', 'fr', 'es']
 * ```
 */
export const localeTags = ['en', 'ru', 'uk', 'fr', 'es'] as const;

/**
 * A locale PHX ships messages for: `en`, `ru`, `uk`, `fr` or `es`.
 */
export type Locale = (typeof localeTags)[number];

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
  return (localeTags as readonly string[]).includes(tag);
}
