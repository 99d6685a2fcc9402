/**
 * What a validation loads only when it needs it, with a dynamic `import()`, so that a bundler leaves it out of
 * the first download: the describer — zod and the model, which say what a record the generated checks do not
 * accept has wrong —, the recogniser of personal data (its word lists and given names), with the first record
 * checked, the JSON places (jsonc-parser), which place issues in a text, and the messages of each language,
 * English too (a valid file has none).
 */
import type { Locale } from '../locales/index.js';
import type { PersonalDataKind } from './personal-data.js';
import type { PhxLocale } from '../locales/types.js';
import type { JsonPlaces } from './json-places.js';
import type { ValidationParts } from './parts.js';
import { renderIn } from './render.js';
import type { Describer } from './shape.js';
import type { IssueCode } from './codes.js';
import type { IssueParams } from './params.js';

/** The languages whose messages are loaded: each once asked for. */
export const loadedLocales: Partial<Record<Locale, PhxLocale>> = {};

const localeLoaders: Record<Locale, () => Promise<PhxLocale>> = {
  en: async () => (await import('../locales/en.js')).en,
  ru: async () => (await import('../locales/ru.js')).ru,
  uk: async () => (await import('../locales/uk.js')).uk,
  fr: async () => (await import('../locales/fr.js')).fr,
  es: async () => (await import('../locales/es.js')).es,
};

/** The messages of a language, loaded the first time they are asked for. */
export async function loadLocale(locale: Locale): Promise<PhxLocale> {
  return (loadedLocales[locale] ??= await localeLoaders[locale]());
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

/**
 * Runs `step` until no part it needs is missing: awaits the part each run throws {@link NotLoaded} for, and runs it
 * again from the start (a step that throws has kept nothing of its run).
 */
export async function withPartsLoaded<Result>(step: () => Result): Promise<Result> {
  for (;;) {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof NotLoaded)) throw error;
      await error.load();
    }
  }
}

/**
 * Runs a step until no part it needs is missing: see {@link ValidationParts.whenLoaded}. The recogniser of personal
 * data is loaded before the first step: the rules call it midway through a record, once they have changed their
 * tables, when the step could no longer run again.
 */
function untilLoaded(step: () => void): Promise<void> | void {
  if (!personalData) return loadPersonalData().then(() => untilLoaded(step));
  try {
    step();
  } catch (error) {
    if (!(error instanceof NotLoaded)) throw error;
    return error.load().then(() => untilLoaded(step));
  }
}

let describer: Describer | undefined;
let personalData: ((text: string) => PersonalDataKind | undefined) | undefined;
let places: JsonPlaces | undefined;

/** Loads the describer (zod and the model), which only a record the generated checks do not accept needs. */
const loadDescriber = async (): Promise<void> => {
  describer ??= (await import('./structural.js')).describeShape;
};
/**
 * Loads the recogniser of personal data, which a check of records needs at their first free text. A check of a whole
 * document loads it first (`loadForDocument()`), as a stream does, rather than run again from the start once it meets
 * that text: the run before would have read the whole document (a CSV file's every row) for nothing.
 */
const loadPersonalData = async (): Promise<void> => {
  personalData ??= (await import('./personal-data.js')).personalDataIn;
};
const loadPlaces = async (): Promise<void> => {
  places ??= (await import('./json-places.js')).jsonPlaces;
};

/** The records of a whole document a check reads: how many bytes they take, and whether as JSON text, whose issues the JSON places place. */
export interface DocumentChecked {
  readonly bytes: number;
  readonly json: boolean;
}

/**
 * A document from this size on is checked with the describer loaded before it is read, and a JSON text with the JSON
 * places too, whether it needs them or not: checked again from its start once one is needed, it would be read again,
 * which takes longer (≈ 0.05 s a MiB of JSON, ≈ 0.12 s of CSV, in Node) than loading them (≈ 0.05 s, the places ≈ 3 ms).
 */
const READ_AGAIN_BYTES = 1 << 20;

/**
 * Loads what a check of a whole document's records would otherwise run again from its start for: the recogniser of
 * personal data, and for a document of {@link READ_AGAIN_BYTES} or more the describer and, for JSON text, the places.
 */
export async function loadForDocument({ bytes, json }: DocumentChecked): Promise<void> {
  await Promise.all([loadPersonalData(), bytes >= READ_AGAIN_BYTES && loadDescriber(), bytes >= READ_AGAIN_BYTES && json && loadPlaces()]);
}

/** The describer once loaded; before, it throws {@link NotLoaded}. */
export const describeOnDemand: Describer = (kind, value, base) => {
  if (!describer) throw new NotLoaded(loadDescriber);
  return describer(kind, value, base);
};

/**
 * The recogniser of personal data once loaded; before, it throws {@link NotLoaded}: a check of a whole document
 * then runs again from the start (`checkOnDemand()`).
 */
export const personalDataOnDemand: ValidationParts['personalData'] = (text) => {
  if (!personalData) throw new NotLoaded(loadPersonalData);
  return personalData(text);
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
  repeatedKeys(text) {
    if (!places) throw new NotLoaded(loadPlaces);
    return places.repeatedKeys(text);
  },
};

/** The parts loaded on demand, and the languages loaded so far: what `validateNdjsonAsync()` and `validateFileAsync()` check with. */
export const onDemandParts: ValidationParts = {
  describe: describeOnDemand,
  personalData: personalDataOnDemand,
  places: placesOnDemand,
  messages: loadedLocales,
  whenLoaded: untilLoaded,
};

/** Writes the messages of a collector's issues made before their language was loaded, loading it; nothing to wait for when there are none. */
export function writeMessages(collector: { readonly unwritten: readonly unknown[]; write(messages: PhxLocale): void }, locale: Locale | undefined): Promise<void> | void {
  if (collector.unwritten.length > 0) return loadLocale(locale ?? 'en').then((messages) => collector.write(messages));
}

/**
 * Renders an issue's message in a locale as `formatIssue()` does, loading the messages of the language
 * the first time they are asked for rather than holding every language: a browser's bundle
 * then downloads only the languages it shows.
 *
 * @example
 * ```ts
 * const { issues } = await validateAsync(text);
 * for (const issue of issues) console.log(await formatIssueAsync(issue, 'fr'));
 * ```
 */
export async function formatIssueAsync<C extends IssueCode>(issue: { code: C; params: IssueParams[C] }, locale: Locale): Promise<string> {
  return renderIn(await loadLocale(locale), issue.code, issue.params);
}
