import * as z from 'zod';
import { codeOf, date, describe, indicatorCode, note, organisationId, recordId, text, withExtensions } from './common.js';

const nonNegative = z.number().min(0);

/**
 * One reported value of an indicator: aggregate statistics, never data about a person.
 *
 * @example
 * ```ts
 * const observation: Observation = {
 *   id: 'zm-hiv-2020', indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'ZM-PACRA-120045',
 *   scope: { country: 'ZM' }, period: { start: '2020-01-01', end: '2020-12-31' },
 *   numerator: 118, denominator: 1400, value: 8.4, unit: 'percent', dataSource: 'routine-programme-data',
 * };
 * ```
 */
export const Observation = describe(
  z.strictObject({
    id: describe(recordId, 'Stable identifier of the observation within the publisher.'),
    indicator: describe(indicatorCode, 'Code of the indicator (from the catalogue or from the package `indicators`).'),
    reportingOrganisation: describe(organisationId, 'Organisation that reports the value.'),
    scope: describe(
      z.strictObject({
        country: describe(codeOf('country'), 'Country (ISO 3166-1 alpha-2).'),
        subnationalArea: describe(text, 'Region, province or state, when the value covers only part of the country.').optional(),
        facility: describe(recordId, 'Facility id, when the value covers one facility.').optional(),
      }),
      'Where the value applies: a country, a part of it, or one facility.',
    ),
    period: describe(
      z.strictObject({
        start: describe(date, 'First day of the period.'),
        end: describe(date, 'Last day of the period (inclusive).'),
      }),
      'Period the value covers.',
    ),
    disaggregation: describe(
      z.strictObject({
        sex: describe(codeOf('sex'), 'Sex category; absent or `all` for the total.').optional(),
        ageGroup: describe(codeOf('ageGroup'), 'Age group; absent or `all` for the total.').optional(),
        population: describe(codeOf('population'), 'Population group.').optional(),
      }),
      'The part of the population the value describes. Absent means the total.',
    ).optional(),
    numerator: describe(nonNegative, 'Numerator (for counts: the count itself).').optional(),
    denominator: describe(nonNegative, 'Denominator, for proportions, ratios and rates.').optional(),
    value: describe(nonNegative, 'The value in `unit` (never negative). May be absent when the observation is suppressed.').optional(),
    unit: describe(codeOf('unit'), 'Unit of the value; must be the unit of the indicator.'),
    dataSource: describe(codeOf('dataSource'), 'Where the value comes from.'),
    methodNote: describe(note, 'How the value was obtained (e.g. the testing algorithm).').optional(),
    confidenceInterval: describe(
      z.strictObject({
        lower: describe(nonNegative, 'Lower bound, in `unit`.'),
        upper: describe(nonNegative, 'Upper bound, in `unit`.'),
        level: describe(z.number().gt(0).lt(100), 'Confidence level in percent, e.g. 95.').optional(),
      }),
      'Confidence interval of an estimated value.',
    ).optional(),
    suppressed: describe(
      z.boolean(),
      'True when small numbers are withheld to protect privacy; numerator and value may then be absent.',
    ).optional(),
    notes: describe(note, 'Free notes. Never personal data.').optional(),
    ...withExtensions,
  }),
  'One reported value of an indicator for a scope, a period and optionally a part of the population.',
  { id: 'Observation', title: 'Observation' },
);
/** One reported value of an indicator. */
export type Observation = z.infer<typeof Observation>;
