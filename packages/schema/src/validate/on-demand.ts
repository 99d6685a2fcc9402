/**
 * What a validation loads only when it needs it, with a dynamic `import()`, so that a bundler leaves it out of
 * the first download: the describer — zod and the model, which say what a record the generated checks do not
 * accept has wrong —, the JSON places (jsonc-parser), which place issues in a text, and the messages of a
 * language other than English.
 */
import { en } from '../locales/en.js';
import type { Locale } from '../locales/index.js';
import type { PhxLocale } from '../locales/types.js';
import type { JsonPlaces } from './json-places.js';
import type { Describer } from './shape.js';

/** The languages whose messages are loaded: English, and each other one once asked for. */
export const loadedLocales: Partial<Record<Locale, PhxLocale>> = { en };

const localeLoaders: Record<Exclude<Locale, 'en'>, () => Promise<PhxLocale>> = {
  ru: async () => (await import('../locales/ru.js')).ru,
  uk: async () => (await import('../locales/uk.js')).uk,
  fr: async () => (await import('../locales/fr.js')).fr,
  es: async () => (await import('../locales/es.js')).es,
};

/** The messages of a language, loaded the first time they are asked for. */
export async function loadLocale(locale: Locale): Promise<PhxLocale> {
  return (loadedLocales[locale] ??= await localeLoaders[locale as Exclude<Locale, 'en'>]());
}

/**
 * What a part loaded on demand throws when it is used before it is loaded: the caller awaits `load()` and
 * checks again from the start (nothing it found before is kept, so the issues are those of one run).
 */
export class NotLoaded extends Error {
  constructor(readonly load: () => Promise<void>) {
    super('A part of the validator is not loaded yet: await load() and validate again');
  }
}

let describer: Describer | undefined;
let places: JsonPlaces | undefined;

const loadDescriber = async (): Promise<void> => {
  describer ??= (await import('./structural.js')).describeShape;
};
const loadPlaces = async (): Promise<void> => {
  places ??= (await import('./json-places.js')).jsonPlaces;
};

/** The describer once loaded; before, it throws {@link NotLoaded}. */
export const describeOnDemand: Describer = (kind, value, base) => {
  if (!describer) throw new NotLoaded(loadDescriber);
  return describer(kind, value, base);
};

/** The JSON places once loaded; before, each throws {@link NotLoaded}. */
export const placesOnDemand: JsonPlaces = {
  syntaxErrorOf(text, error) {
    if (!places) throw new NotLoaded(loadPlaces);
    return places.syntaxErrorOf(text, error);
  },
  locatePaths(text, paths, lines) {
    if (!places) throw new NotLoaded(loadPlaces);
    return places.locatePaths(text, paths, lines);
  },
};
