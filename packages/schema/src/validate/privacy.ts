/**
 * Privacy: small counts that must be suppressed, suppressed cells that still show their number, and
 * free text that looks like personal data. The text heuristics run on every free text of every record, so
 * each is linear in the text and the cheap tests come first.
 */
import type { Observation } from '../model/observation.js';
import type { RecordReport } from './structural.js';

/** Keys whose strings are codes, identifiers, dates or addresses, not free text. */
export const nonTextKeys = new Set([
  'id', 'code', 'type', 'indicator', 'reportingOrganisation', 'organisation', 'organiser', 'owner', 'facility', 'country',
  'countries', 'unit', 'dataSource', 'calculation', 'disaggregations', 'framework', 'interventions', 'focusAreas',
  'populations', 'regions', 'languages', 'language', 'url', 'website', 'email', 'start', 'end', 'due', 'date',
  'memberSince', 'publishedAt', 'license', '$schema', 'phxVersion', 'format', 'status', 'theme', 'sex', 'ageGroup',
  'population', 'operator', 'organisationType', 'facilityType',
]);

// Anchored at the `@` (one local-part character before it): a long text without an address is scanned in linear time.
const emailPattern = /(?<=[A-Za-z0-9._%+-])@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const dateOfBirthPattern =
  /\b(?:date of birth|d\.o\.b\.?|dob|born on)\b|дата рождения|родил(?:ся|ась)|date de naissance|n[ée]e? le|fecha de nacimiento|naci[óo] el/i;
/**
 * A run of digits with separators that could be a phone number. No bounded repeat before a final digit:
 * that backtracks, and on a run of megabytes it overflows the regular expression stack.
 */
const phoneCandidates = /\+?\d[\d\s().-]*/g;
const isoDateStart = /^\d{4}-\d{2}-\d{2}/;
/**
 * A number grouped in thousands by spaces (`120 000`, `1 234 567`) that stands apart from other digits:
 * a count, not part of a phone number. Lookarounds are bounded so that the scan stays linear.
 */
const groupedCount = /(?<![+\d][ ().]{0,3})[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![ .]{0,3}\d)/g;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A phone number has at least 9 digits, and a leading `+` or separators; an ISO date or a grouped count is not one. */
function looksLikePhone(text: string): boolean {
  for (const [run] of text.replace(groupedCount, '#').matchAll(phoneCandidates)) {
    let end = run.length;
    while (!isDigit(run.charCodeAt(end - 1))) end--;
    const candidate = run.slice(0, end);
    const digits = candidate.replace(/\D/g, '').length;
    if (digits >= 9 && digits <= 15 && !isoDateStart.test(candidate) && (candidate.startsWith('+') || /\d[\s().-]+\d/.test(candidate))) return true;
  }
  return false;
}

/** What kind of personal data a free text seems to hold, if any. */
export function personalDataIn(text: string): 'email' | 'phone' | 'date-of-birth' | undefined {
  // Cheap tests first: this runs on every free text of every record.
  if (text.includes('@') && emailPattern.test(text)) return 'email';
  if (dateOfBirthPattern.test(text)) return 'date-of-birth';
  if (text.length >= 9 && hasNineDigits(text) && looksLikePhone(text)) return 'phone';
  return undefined;
}

/** A phone number has at least nine digits: most texts have fewer and need no closer look. */
function hasNineDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i)) && ++digits >= 9) return true;
  return false;
}

/** An organisation's own address may be a role (`info@`), but not a person's name (`jane.doe@`). */
export const personalMailbox = /^[a-z]+[._-][a-z]+@/i;

/** Reports counts below the suppression threshold, and suppressed observations that still give their number. */
export function checkSuppression(obs: Observation, suppressionThreshold: number, report: RecordReport): void {
  if (obs.suppressed) {
    // A suppressed observation withholds its number: a percentage beside its denominator gives the count away too.
    for (const field of ['numerator', 'value'] as const) {
      if (obs[field] !== undefined) report('privacy.suppressed-value-present', [field], { field });
    }
    return;
  }
  const countFields = obs.unit === 'count' ? (['numerator', 'value'] as const) : (['numerator'] as const);
  for (const field of countFields) {
    const number = obs[field];
    if (number !== undefined && number >= 1 && number < suppressionThreshold) {
      report('privacy.small-cell', [field], { field, value: number, threshold: suppressionThreshold });
    }
  }
}
