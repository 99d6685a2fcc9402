/**
 * `@phx/schema/codelists`: every codelist with its labels in en, ru, uk, fr and es. A separate entry, so
 * that code which only validates does not carry the labels.
 *
 * @packageDocumentation
 */
import { codelists, type Code, type CodelistId } from './codes.js';
import { en, es, fr, ru, uk, type CodelistLabels, type LabelLocale } from './labels.js';

export { codelists, type Code, type CodelistId } from './codes.js';
export type { CodelistLabels, LabelLocale } from './labels.js';

/**
 * The labels of every codelist but `country`, by locale.
 *
 * @example
 * ```ts
 * import { codelistLabels } from '@phx/schema/codelists';
 * codelistLabels.en.sex.female; // 'Female'
 * ```
 */
export const codelistLabels: Record<LabelLocale, CodelistLabels> = { en, ru, uk, fr, es };

const countryNames = new Map<string, Intl.DisplayNames>();

/**
 * The label of a code in a locale. Country names come from the platform's `Intl.DisplayNames`.
 * Returns the code itself for a code the list does not know (open lists accept any code).
 *
 * @example
 * ```ts
 * import { labelOf } from '@phx/schema/codelists';
 * labelOf('sex', 'female', 'ru'); // 'Женщины'
 * labelOf('country', 'ZM', 'fr'); // 'Zambie'
 * ```
 */
export function labelOf<Id extends CodelistId>(list: Id, code: Code<Id> | (string & {}), locale: LabelLocale = 'en'): string {
  if (list === 'country') {
    let names = countryNames.get(locale);
    if (!names) countryNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })));
    return names.of(code) ?? code;
  }
  const labels = codelistLabels[locale][list as Exclude<CodelistId, 'country'>] as Record<string, string>;
  return Object.hasOwn(labels, code) ? labels[code]! : code;
}

/**
 * One code of a list with its label.
 *
 * @example
 * ```ts
 * const options: LabelledCode[] = codesOf('unit', 'es');
 * const html = options.map(({ code, label }) => `<option value="${code}">${label}</option>`).join('');
 * ```
 */
export interface LabelledCode {
  code: string;
  label: string;
}

/**
 * Every code of a list with its label in a locale, in the list's order.
 *
 * @example
 * ```ts
 * import { codesOf } from '@phx/schema/codelists';
 * codesOf('meetingFormat', 'es'); // [{ code: 'in-person', label: 'Presencial' }, ...]
 * ```
 */
export function codesOf(list: CodelistId, locale: LabelLocale = 'en'): LabelledCode[] {
  return codelists[list].codes.map((code) => ({ code, label: labelOf(list, code, locale) }));
}
