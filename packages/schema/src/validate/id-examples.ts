import type { IdOf } from './params.js';

/**
 * An identifier of each kind of record ({@link IdOf}), as the messages give one for example where an identifier is
 * asked for: one of each from the example data, so that the form of a facility's id is shown with a facility's.
 *
 * @example
 * ```ts
 * idExamples.facility; // 'zm-fac-01'
 * ```
 */
export const idExamples: Readonly<Record<IdOf, string>> = {
  package: 'phx-network-meeting-2020',
  organisation: 'ZM-PACRA-120045',
  facility: 'zm-fac-01',
  indicator: 'hiv-prevalence-prisoners',
  observation: 'obs-zm-hiv-prevalence-2019',
  meeting: 'phx-meeting-2020-10-28',
};
