import type { Locale } from '@phx/schema';
import { labelOf } from '@phx/schema/codelists';
import type { BreakdownDimension } from '../breakdowns.js';
import type { InteropNote } from '../report.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ru } from './ru.js';
import type { InteropLocale } from './types.js';
import { uk } from './uk.js';

export type { InteropLocale, NoteMessages } from './types.js';

/**
 * The texts of @phx/interop in every locale PHX speaks: note messages and the words of the GAM readiness report.
 *
 * @example
 * ```ts
 * import { interopLocales } from '@phx/interop';
 * interopLocales.uk.gam.status.complete; // 'повний'
 * ```
 */
export const interopLocales: Record<Locale, InteropLocale> = { en, ru, uk, fr, es };

/**
 * The message of a note in a locale (a note's own `message` is English).
 *
 * @example
 * ```ts
 * import { exportPackage, formatNote } from '@phx/interop';
 * for (const note of exportPackage(pkg, 'sdmx-csv').notes) console.warn(formatNote(note, 'ru'));
 * // В SDMX нет места для поля observation.methodNote
 * ```
 */
export function formatNote(note: Pick<InteropNote, 'code' | 'params'>, locale: Locale): string {
  return interopLocales[locale].notes[note.code](note.params as never);
}

/**
 * What a note concerns, in a locale: how many records, rows or entries, and the first few of them.
 *
 * @example
 * ```ts
 * import { noteExamples } from '@phx/interop';
 * noteExamples({ count: 7, examples: ['3', '4'], exampleKind: 'row' }, 'en'); // '7 rows: 3, 4, …'
 * ```
 */
export function noteExamples(note: Pick<InteropNote, 'count' | 'examples' | 'exampleKind'>, locale: Locale): string {
  if (!note.exampleKind || note.examples.length === 0) return '';
  const more = note.count > note.examples.length ? ', …' : '';
  const { examples, punctuation } = interopLocales[locale];
  return `${examples[note.exampleKind](note.count)}${punctuation.colon}${note.examples.join(', ')}${more}`;
}

/**
 * Breakdown keys (`sex=female`, `ageGroup=<25`), as GAM readiness lists them, in words of a locale, grouped by
 * dimension: `Sex: Male, Transgender; Age group: Under 25`.
 *
 * @example
 * ```ts
 * import { describeBreakdowns } from '@phx/interop';
 * describeBreakdowns(['sex=male', 'ageGroup=<25'], 'fr'); // 'Sexe : Masculin ; Groupe d’âge : Moins de 25 ans'
 * ```
 */
export function describeBreakdowns(keys: readonly string[], locale: Locale): string {
  const byDimension = new Map<string, string[]>();
  for (const key of keys) {
    for (const part of key.split(';')) {
      const [dimension, code] = part.split('=') as [BreakdownDimension, string];
      const name = labelOf('disaggregationDimension', dimension, locale);
      byDimension.set(name, [...(byDimension.get(name) ?? []), labelOf(dimension, code, locale)]);
    }
  }
  const { colon, semicolon } = interopLocales[locale].punctuation;
  return [...byDimension].map(([dimension, categories]) => `${dimension}${colon}${categories.join(', ')}`).join(semicolon);
}
