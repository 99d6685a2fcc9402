import type { Locale } from '../locales/index.js';
import type { PhxLocale } from '../locales/types.js';
import type { JsonPlaces } from './json-places.js';
import type { PersonalDataKind } from './personal-data.js';
import type { Describer } from './shape.js';

/**
 * The parts of a validation that a caller may load on demand (./on-demand.ts): the describer (zod and the
 * model), the recogniser of personal data in free text (its word lists and names), the JSON places (jsonc-parser)
 * and the messages of each language. The synchronous validators hand
 * over those imported as usual; those that load them on demand hand over parts that throw `NotLoaded` when used
 * before they are loaded, and the languages loaded so far.
 */
export interface ValidationParts {
  readonly describe: Describer;
  /** The kind of personal data a free text holds, if any. */
  readonly personalData: (text: string) => PersonalDataKind | undefined;
  readonly places: JsonPlaces;
  /** The languages whose messages are at hand. */
  readonly messages: Readonly<Partial<Record<Locale, PhxLocale>>>;
  /**
   * Runs a step that uses these parts until none it needs is missing: awaits each part it throws `NotLoaded`
   * for, and runs it again (the step throws before it changes anything). A part that the rules use midway
   * through a record, the recogniser of personal data, is loaded before the first step. Nothing to wait for when
   * none is missing, as with the parts imported as usual.
   */
  readonly whenLoaded: (step: () => void) => Promise<void> | void;
}
