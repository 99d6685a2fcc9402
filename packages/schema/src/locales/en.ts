import zodEn from 'zod/v4/locales/en.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'an e-mail address', phone: 'a phone number', 'date-of-birth': 'a date of birth' } as const;

/** English messages. */
export const en: PhxLocale = {
  tag: 'en',
  zod: zodEn,
  messages: {
    'schema.required': (p) => `Missing required field "${p.field}"`,
    'syntax.invalid-json': (p) => (p.token === null ? 'Not valid JSON: the text ends too early' : `Not valid JSON: unexpected ${JSON.stringify(p.token)}`),
    'syntax.too-deep': (p) => `Nested deeper than ${p.maxDepth} levels`,
    'syntax.invalid-encoding': () => 'The file is not valid UTF-8 text; save it as UTF-8',
    'syntax.line-too-long': (p) => `Line longer than ${p.maxBytes} bytes; skipped`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'The line has no "type"' : `Unknown record type ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => 'The package header may only be the first line',
    'unique.duplicate-id': (p) => `Duplicate ${p.recordType} id "${p.id}" (first at ${p.first})`,
    'ref.unknown-organisation': (p) => `No organisation with id "${p.id}" in the package`,
    'ref.unknown-facility': (p) => `No facility with id "${p.id}" in the package`,
    'ref.unknown-indicator': (p) => `Indicator "${p.code}" is neither in the catalogue nor defined in the package`,
    'ref.country-mismatch': (p) => `Facility "${p.facility}" is in ${p.facilityCountry}, but the observation says ${p.country}`,
    'indicator.unit-mismatch': (p) => `Unit "${p.unit}" does not match the unit of "${p.indicator}" ("${p.expected}")`,
    'observation.value-missing': () => 'No value: give "value", or mark the observation "suppressed"',
    'observation.denominator-missing': (p) => `Indicator "${p.indicator}" needs a denominator beside the numerator`,
    'arith.numerator-exceeds-denominator': (p) => `Numerator ${p.numerator} is larger than denominator ${p.denominator}`,
    'arith.zero-denominator': () => 'The denominator is 0',
    'arith.value-mismatch': (p) => `Value ${p.value} does not agree with numerator and denominator (expected ${p.expected})`,
    'arith.percent-out-of-range': (p) => `Percentage ${p.value} is outside 0–100`,
    'arith.count-not-integer': (p) => `${p.field} ${p.value} is not a whole number`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `The confidence interval ${p.lower}–${p.upper} is reversed` : `Value ${p.value} is outside its confidence interval ${p.lower}–${p.upper}`,
    'period.start-after-end': (p) => `The period starts (${p.start}) after it ends (${p.end})`,
    'period.in-future': (p) => `The period ends in the future (${p.end}; today is ${p.today})`,
    'meeting.end-before-start': (p) => `The meeting ends (${p.end}) before it starts (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Action due ${p.due}, before the meeting (${p.meetingStart})`,
    'disagg.not-allowed': (p) => `Indicator "${p.indicator}" cannot be disaggregated by ${p.dimension}`,
    'disagg.exceeds-total': (p) => `Numerators by ${p.dimension} add up to ${p.sum}, more than the total ${p.total}`,
    'privacy.small-cell': (p) => `${p.field} ${p.value} is below the suppression threshold ${p.threshold}: mark the observation "suppressed" and leave the number out`,
    'privacy.suppressed-value-present': (p) => `The observation is suppressed, but ${p.field} is still given`,
    'privacy.personal-data': (p) => `This text looks like it contains ${kinds[p.kind as keyof typeof kinds]}; do not share personal data`,
    'codelist.unknown-code': (p) => `"${p.value}" is not a known code of the ${p.codelist} list`,
  },
};
