import { describe, expect, it } from 'vitest';
import type { Locale } from '@phx/schema';
import { fillText, languageNames, rememberLocale, startLocale, translate, uiTexts } from '../src/i18n/index.js';
import { interopTexts } from '../src/i18n/interop.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

/** Storage in memory, as `localStorage` behaves. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('interface texts', () => {
  // The page's texts, and those of sending a package elsewhere, which load with that part of the page.
  const tables = { page: uiTexts, interop: interopTexts } as Record<string, Record<Locale, Record<string, string>>>;

  it.each(Object.keys(tables).flatMap((table) => Object.keys(uiTexts).map((locale) => [table, locale])))(
    '%s: %s has every text of English, with the same placeholders, and no empty one',
    (table, locale) => {
      const english = tables[table]!.en;
      const texts = tables[table]![locale as Locale];
      expect(Object.keys(texts).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(texts)) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(english[key]!));
      }
    },
  );

  it('names each language in itself', () => {
    expect(languageNames).toEqual({ en: 'English', ru: 'Русский', uk: 'Українська', fr: 'Français', es: 'Español' });
  });
});

describe('translate', () => {
  it('fills placeholders and writes numbers the language’s way', () => {
    expect(translate('en', 'progress.found', { errors: 1200, warnings: 3 })).toBe('Found so far: 1,200 errors, 3 warnings.');
    expect(translate('ru', 'location.text', { line: 12, column: 4 })).toBe('строка 12, столбец 4');
    expect(translate('fr', 'issues.count', { shown: 200, total: 12000 })).toBe('200 problèmes affichés sur 12\u202f000.');
  });

  it('leaves a placeholder without a value visible rather than writing "undefined"', () => {
    expect(translate('en', 'summary.valid')).toBe('{file} is valid.');
    expect(fillText('uk', interopTexts.uk['export.also'], { other: 1 })).toBe('Завантажити також {file}');
  });
});

describe('the language to start in', () => {
  it('is the one chosen before, then the browser’s, then English', () => {
    const storage = memoryStorage();
    expect(startLocale(storage, ['de-DE', 'fr-CA', 'ru'])).toBe('fr');
    expect(startLocale(storage, ['de-DE', 'pt'])).toBe('en');
    expect(startLocale(storage, [])).toBe('en');
    rememberLocale(storage, 'es');
    expect(startLocale(storage, ['ru-RU'])).toBe('es');
  });

  it('ignores a remembered value that is not a language of the page', () => {
    const storage = memoryStorage();
    storage.setItem('phx-web-locale', 'xx');
    expect(startLocale(storage, ['ru-RU'])).toBe('ru');
  });
});
