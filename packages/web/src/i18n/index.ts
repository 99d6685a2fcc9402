import type { Locale } from '@phx/schema';
import { en, type TextKey, type UiTexts } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ru } from './ru.js';
import { uk } from './uk.js';

export type { TextKey, UiTexts } from './en.js';

/** The interface texts of every language the page speaks, the same five as the validation messages. */
export const uiTexts: Record<Locale, UiTexts> = { en, ru, uk, fr, es };

/** Each language's name in itself, for the language switch. */
export const languageNames: Record<Locale, string> = { en: 'English', ru: 'Русский', uk: 'Українська', fr: 'Français', es: 'Español' };

const STORAGE_KEY = 'phx-web-locale';

function isUiLocale(tag: string | null | undefined): tag is Locale {
  return tag != null && Object.hasOwn(uiTexts, tag);
}

/**
 * The language to start in: the one chosen before on this computer, else the browser's, else English.
 *
 * @example
 * ```ts
 * const locale = startLocale(localStorage, navigator.languages); // 'ru' for a Russian browser
 * ```
 */
export function startLocale(storage: Pick<Storage, 'getItem'>, browserLanguages: readonly string[]): Locale {
  const remembered = storage.getItem(STORAGE_KEY);
  if (isUiLocale(remembered)) return remembered;
  for (const tag of browserLanguages) {
    const language = tag.split('-')[0]!.toLowerCase();
    if (isUiLocale(language)) return language;
  }
  return 'en';
}

/**
 * Remembers the chosen language on this computer (local storage: nothing leaves the browser).
 *
 * @example
 * ```ts
 * rememberLocale(localStorage, 'fr');
 * ```
 */
export function rememberLocale(storage: Pick<Storage, 'setItem'>, locale: Locale): void {
  storage.setItem(STORAGE_KEY, locale);
}

/**
 * Renders an interface text in a language, filling `{name}` placeholders; numbers are written the
 * language's way.
 *
 * @example
 * ```ts
 * translate('fr', 'progress.found', { errors: 1200, warnings: 3 }); // 'Trouvé jusqu'ici : 1 200 erreurs, 3 avertissements.'
 * ```
 */
export function translate(locale: Locale, key: TextKey, params: Record<string, string | number> = {}): string {
  return fillText(locale, uiTexts[locale][key], params);
}

/**
 * Fills the `{name}` placeholders of a text in a language; numbers are written the language's way, a
 * placeholder without a value stays visible.
 *
 * @example
 * ```ts
 * fillText('ru', 'Скачать также {file}', { file: 'ua.sdmx-structure.json' }); // 'Скачать также ua.sdmx-structure.json'
 * ```
 */
export function fillText(locale: Locale, text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}
