import * as z from 'zod';
import { codeOf, describe, indicatorCode, languageMap, longLanguageMap, text, withExtensions } from './common.js';

/**
 * The definition of an indicator: what is counted or measured, and how.
 *
 * @example
 * ```ts
 * import { indicatorCatalogue } from '@phx/schema';
 * const prevalence = indicatorCatalogue.find((d) => d.code === 'hiv-prevalence-prisoners');
 * prevalence?.unit; // 'percent'
 * ```
 */
export const IndicatorDefinition = describe(
  z.strictObject({
    code: describe(indicatorCode, 'Code of the indicator, e.g. `hiv-prevalence-prisoners`.'),
    name: describe(languageMap, 'Name of the indicator.'),
    description: describe(longLanguageMap, 'What the indicator measures and why.'),
    unit: describe(codeOf('unit'), 'Unit of the value.'),
    calculation: describe(
      codeOf('calculation'),
      'How the value follows from numerator and denominator: `count` (no denominator), `proportion` (a percentage of the denominator, 0–100), `ratio` (a percentage that may exceed 100), `rate` (per 10 000 or 100 000).',
    ),
    numerator: describe(longLanguageMap, 'What the numerator counts.').optional(),
    denominator: describe(longLanguageMap, 'What the denominator counts.').optional(),
    countsPeople: describe(
      z.boolean(),
      'Whether the numerator counts people (the default); `false` for things or places (needles, prisons), which are not held to the suppression threshold.',
    ).optional(),
    disaggregations: describe(
      z.array(codeOf('disaggregationDimension')),
      'Dimensions that observations of this indicator may be disaggregated by.',
    ),
    framework: describe(codeOf('framework'), 'Framework that defines the indicator.'),
    reference: describe(text, 'Reference within the framework, e.g. the UNAIDS Indicator Registry slug.'),
    interventions: describe(z.array(codeOf('focusArea')), 'Interventions the indicator measures.'),
    frequency: describe(text, 'How often the indicator is usually reported.').optional(),
    ...withExtensions,
  }),
  'The definition of an indicator. The catalogue that ships with @phx/schema holds the common ones; a package may define more.',
  { id: 'IndicatorDefinition', title: 'IndicatorDefinition' },
);
/** The definition of an indicator. */
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;
