import { indicatorCatalogue } from '@phx/schema';
import { gamIndicators } from '../gam/readiness.js';
import type { Dhis2MappingInput } from './mapping.js';

/** Breakdowns GAM asks for, by dimension (UNAIDS reports sex and the age groups <25 and 25+). */
const gamBreakdowns = { sex: ['female', 'male', 'transgender'], ageGroup: ['<25', '25+'] } as const;

/** A DHIS2 code from an indicator code: `hiv-prevalence-prisoners` → `PHX_HIV_PREVALENCE_PRISONERS`. */
const dhis2Code = (...parts: string[]) => ['PHX', ...parts].join('_').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/_+$/, '');

/**
 * A DHIS2 mapping template for every indicator of the GAM profile ({@link gamIndicators}): the UNAIDS GAM prison
 * indicators of the catalogue and the prison population, GAM's "Prisoners: size estimate". It uses DHIS2 codes
 * (`idScheme: code`) named after the PHX codes — `PHX_PRISONS_PEOPLE_ON_OAT`, `PHX_PRISON_POPULATION`, `PHX_HIV_PREVALENCE_PRISONERS_NUMERATOR`,
 * category option combos `default`, `PHX_FEMALE`, `PHX_AGE_LT25` — and ISO country codes as organisation units:
 * replace them with the codes or UIDs of your DHIS2 instance. Counts map their value; percentages their numerator,
 * denominator and value, each with a combo for the total and for each GAM breakdown.
 *
 * @example
 * ```ts
 * import { gamDhis2Template, exportPackage } from '@phx/interop';
 * const { files } = exportPackage(pkg, 'dhis2', { mapping: gamDhis2Template() });
 * ```
 */
export function gamDhis2Template(): Dhis2MappingInput {
  const gam = indicatorCatalogue.filter((d) => gamIndicators.includes(d.code));
  return {
    idScheme: 'code',
    countryCodesAsOrgUnits: true,
    dataElements: gam.flatMap((definition) => {
      const parts = definition.calculation === 'count' ? (['value'] as const) : (['numerator', 'denominator', 'value'] as const);
      const combos = [
        { disaggregation: {}, categoryOptionCombo: 'default' },
        ...definition.disaggregations.flatMap((dimension) =>
          dimension === 'sex' || dimension === 'ageGroup'
            ? gamBreakdowns[dimension].map((code) => ({ disaggregation: { [dimension]: code }, categoryOptionCombo: dhis2Code(code === '<25' ? 'age_lt25' : code === '25+' ? 'age_25plus' : code) }))
            : [],
        ),
      ];
      return parts.map((part) => ({
        indicator: definition.code,
        part,
        dataElement: dhis2Code(definition.code, ...(part === 'value' && definition.calculation === 'count' ? [] : [part])),
        categoryOptionCombos: combos,
      }));
    }),
  };
}
