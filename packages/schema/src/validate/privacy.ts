/**
 * Privacy: small counts that must be suppressed, suppressed cells that still show their number, and
 * which texts are free text; what in a free text looks like personal data is told by `personal-data.ts`.
 */
import { codelists } from '../codelists/codes.js';
import type { Observation } from '../model/observation.js';
import { impliedCountOf } from './arithmetic.js';
import type { RecordReport } from './structural.js';

/** Keys whose strings are codes, identifiers, dates or addresses, not free text. */
export const nonTextKeys = new Set([
  'id', 'code', 'type', 'indicator', 'reportingOrganisation', 'organisation', 'organiser', 'owner', 'facility', 'country',
  'countries', 'unit', 'dataSource', 'calculation', 'disaggregations', 'framework', 'interventions', 'focusAreas',
  'populations', 'regions', 'languages', 'language', 'url', 'website', 'email', 'start', 'end', 'due', 'date',
  'memberSince', 'publishedAt', 'license', '$schema', 'phxVersion', 'format', 'status', 'theme', 'sex', 'ageGroup',
  'population', 'operator', 'organisationType', 'facilityType',
]);

/** An organisation's own address may be a role (`info@`), but not a person's name (`jane.doe@`). */
export const personalMailbox = /^[a-z]+[._-][a-z]+@/i;

/** The fields of an observation that {@link checkSuppression} reads. */
export type SuppressionFields = Pick<Observation, 'numerator' | 'denominator' | 'value' | 'suppressed'> & { unit?: Observation['unit'] };

/** A number as an observation holds one: finite and not negative (NaN is not). */
function isNumber(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < Infinity;
}

/**
 * The fields {@link checkSuppression} reads of an observation that failed its shape, for each of its checks to run only
 * when every field it reads is valid (as the model allows it: absent, or a number that is finite and not negative, a
 * `suppressed` that is true or false, a `unit` of the unit codes); what is wrong with a field is reported by the shape
 * check already. Undefined when `suppressed` is not valid: every check reads it. A `numerator`, `value`, `denominator`
 * or `unit` that is not valid is left out, and so is the denominator beside a numerator that is there but not valid:
 * the count a percentage and its denominator give is read only without a numerator. Reads any value without throwing.
 */
export function suppressionFieldsOf(record: Readonly<Record<string, unknown>>): SuppressionFields | undefined {
  const { unit, numerator, denominator, value, suppressed } = record;
  if (suppressed !== undefined && typeof suppressed !== 'boolean') return undefined;
  const counted = isNumber(numerator);
  return {
    unit: (codelists.unit.codes as readonly unknown[]).includes(unit) ? (unit as Observation['unit']) : undefined,
    numerator: counted ? numerator : undefined,
    denominator: (counted || numerator === undefined) && isNumber(denominator) ? denominator : undefined,
    value: isNumber(value) ? value : undefined,
    suppressed,
  };
}

/**
 * Reports counts of people below the suppression threshold, and suppressed observations that still give their number.
 * `countsPeople` is false for an indicator that counts things or places (needles, prisons): no count of them is small.
 */
export function checkSuppression(obs: SuppressionFields, suppressionThreshold: number, report: RecordReport, countsPeople: boolean): void {
  if (obs.suppressed) {
    // A suppressed observation withholds its number: a percentage beside its denominator gives the count away too.
    for (const field of ['numerator', 'value'] as const) {
      if (obs[field] !== undefined) report('privacy.suppressed-value-present', [field], { field });
    }
    return;
  }
  if (!countsPeople) return;
  const countFields = obs.unit === 'count' ? (['numerator', 'value'] as const) : (['numerator'] as const);
  for (const field of countFields) {
    const number = obs[field];
    if (number !== undefined && number >= 1 && number < suppressionThreshold) {
      report('privacy.small-cell', [field], { field, value: number, threshold: suppressionThreshold });
    }
  }
  // A percentage or rate without its numerator still gives the count when its denominator is given: 0.5 % of 400 is 2.
  const count = impliedCountOf(obs);
  if (count >= 1 && count < suppressionThreshold) {
    report('privacy.small-cell', ['value'], { field: 'value', value: obs.value!, threshold: suppressionThreshold, count, denominator: obs.denominator! });
  }
}
