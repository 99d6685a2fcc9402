/** The reference the page shows: the indicator catalogue and the rule codes, from the data the validator uses. */
import { indicatorCatalogue, issueCodes, type Locale } from '@phx/schema';
import { labelOf } from '@phx/schema/codelists';
import type { EngineResults } from './protocol.js';

/** The indicators and the rules, in a language. */
export function reference(locale: Locale): EngineResults['reference'] {
  return {
    indicators: indicatorCatalogue.map((indicator) => ({
      code: indicator.code,
      name: indicator.name[locale] ?? indicator.name.en ?? indicator.code,
      description: indicator.description[locale] ?? indicator.description.en ?? '',
      unit: labelOf('unit', indicator.unit, locale),
      framework: labelOf('framework', indicator.framework, locale),
      reference: indicator.reference,
    })),
    rules: Object.entries(issueCodes).map(([code, info]) => ({ code: code as keyof typeof issueCodes, severity: info.severity, summary: info.summary })),
  };
}
