/**
 * UNAIDS Global AIDS Monitoring (GAM) readiness: for one country and year, which GAM prison indicators a
 * package holds, whether they are complete (the country's value for the year and every breakdown GAM asks for),
 * withheld, or missing. GAM is a national, yearly report: a figure of a facility, a subnational area or part of
 * the year is not the country's value for the year (but a survey's percentage, measured over its fieldwork).
 */
import { indicatorCatalogue, type DataPackage, type Locale, type Observation } from '@phx/schema';
import { disaggregationKey } from '../breakdowns.js';

/** The breakdowns GAM asks for, by indicator (UNAIDS: sex female/male/transgender; age <25 and 25+). */
const gamBreakdowns: Record<string, Record<string, string>[]> = {
  'hiv-prevalence-prisoners': [{ sex: 'female' }, { sex: 'male' }, { sex: 'transgender' }, { ageGroup: '<25' }, { ageGroup: '25+' }],
  'art-coverage-prisoners': [{ sex: 'female' }, { sex: 'male' }, { sex: 'transgender' }],
};

/**
 * The indicators of the GAM profile: every catalogue indicator of the UNAIDS GAM framework (the nine counts of
 * "HIV prevention programmes in prisons" and the number of prisons, HIV prevalence, ART coverage, viral hepatitis),
 * and the prison population, which UNAIDS shows as "Prisoners: size estimate".
 *
 * @example
 * ```ts
 * import { gamIndicators } from '@phx/interop';
 * gamIndicators.includes('hiv-prevalence-prisoners'); // true
 * ```
 */
export const gamIndicators: readonly string[] = [
  ...indicatorCatalogue.filter((d) => d.framework === 'unaids-gam').map((d) => d.code),
  'prison-population',
];

/**
 * How ready one indicator is: `complete` (the country's value for the year and every breakdown GAM asks for),
 * `present` (a value, but some breakdowns missing, breakdowns without a total, or only figures of a facility, a
 * subnational area or part of the year), `suppressed` (only withheld values), `missing` (nothing).
 *
 * @example
 * ```ts
 * const status: GamStatus = 'complete';
 * ```
 */
export type GamStatus = 'complete' | 'present' | 'suppressed' | 'missing';

/**
 * The readiness of one GAM indicator.
 *
 * @example
 * ```ts
 * const report = gamReadiness(pkg, { country: 'UA', year: 2023 });
 * const row: GamIndicatorReadiness = report.indicators[0]!;
 * console.log(row.indicator, row.status, row.missingBreakdowns.join(', '));
 * ```
 */
export interface GamIndicatorReadiness {
  indicator: string;
  /** Name from the catalogue, in the report's locale (else English). */
  name: string;
  status: GamStatus;
  /** Observations of the indicator for the country and year. */
  observations: number;
  /** Observations withheld for privacy. */
  suppressed: number;
  /**
   * Breakdowns GAM asks for (`sex=female`, `ageGroup=<25`), and which of them the package lacks for the whole
   * country and year.
   */
  expectedBreakdowns: string[];
  missingBreakdowns: string[];
  /**
   * Whether the indicator's only values are partial figures: of a facility or a subnational area, or of part of
   * the year, none the country's for the year. They make the indicator `present` at most.
   */
  onlyPartialFigures: boolean;
}

/**
 * The GAM readiness report of a package for a country and a year.
 *
 * @example
 * ```ts
 * const report: GamReadiness = gamReadiness(pkg, { country: 'UA', year: 2023 });
 * report.counts; // { complete: 1, present: 2, suppressed: 0, missing: 12 }
 * ```
 */
export interface GamReadiness {
  country: string;
  year: number;
  indicators: GamIndicatorReadiness[];
  counts: Record<GamStatus, number>;
  /**
   * What the package holds when none of its observations is of the country and year asked: the countries of its
   * observations and the years their periods start in, in order. Absent when some observation is, or when the package
   * has none.
   */
  held?: { countries: string[]; years: number[] };
}

/** Whether an observation covers part of the calendar year and nothing outside it. */
const inYear = (o: Observation, year: number) => o.period.start.startsWith(`${year}-`) && o.period.end.startsWith(`${year}-`);

/**
 * Whether an observation of the year is the country's value for the year: of no subnational area or facility, and
 * for the whole year; or of one day of it for the prison population, which the catalogue counts on a reference date
 * put in the period; or of any part of it for a percentage a survey or a study measured, whose period is its
 * fieldwork (GAM takes a survey's HIV prevalence as the value of its year).
 */
const ofCountryAndYear = (o: Observation, year: number): boolean =>
  !o.scope.facility &&
  !o.scope.subnationalArea &&
  ((o.period.start === `${year}-01-01` && o.period.end === `${year}-12-31`) ||
    (o.indicator === 'prison-population' && o.period.start === o.period.end) ||
    (o.unit === 'percent' && (o.dataSource === 'survey' || o.dataSource === 'study')));

/**
 * What {@link gamReadiness} checks: a country (ISO 3166-1 alpha-2) and a calendar year; the locale of the
 * indicator names (default English).
 *
 * @example
 * ```ts
 * const options: GamReadinessOptions = { country: 'UA', year: 2023, locale: 'uk' };
 * ```
 */
export interface GamReadinessOptions {
  country: string;
  year: number;
  /** @default 'en' */
  locale?: Locale;
}

/**
 * Checks a package against the GAM profile for one country and year.
 *
 * @example
 * ```ts
 * import { gamReadiness } from '@phx/interop';
 * const report = gamReadiness(pkg, { country: 'ZM', year: 2019 });
 * report.indicators.find((i) => i.indicator === 'hiv-prevalence-prisoners')?.missingBreakdowns; // ['sex=transgender', 'ageGroup=25+']
 * ```
 */
export function gamReadiness(pkg: Pick<DataPackage, 'observations'>, options: GamReadinessOptions): GamReadiness {
  const locale = options.locale ?? 'en';
  const names = new Map(indicatorCatalogue.map((d) => [d.code, d.name[locale] ?? d.name.en ?? d.code]));
  const relevant = (pkg.observations ?? []).filter((o) => o.scope.country === options.country && inYear(o, options.year));
  const indicators = gamIndicators.map((indicator): GamIndicatorReadiness => {
    const observations = relevant.filter((o) => o.indicator === indicator);
    const usable = observations.filter((o) => !o.suppressed && o.value !== undefined);
    const national = usable.filter((o) => ofCountryAndYear(o, options.year));
    const expected = (gamBreakdowns[indicator] ?? []).map((d) => disaggregationKey({ disaggregation: d }));
    const present = new Set(national.map((o) => disaggregationKey(o)));
    const missingBreakdowns = expected.filter((key) => !present.has(key));
    const status: GamStatus =
      observations.length === 0 ? 'missing' : usable.length === 0 ? 'suppressed' : present.has('') && missingBreakdowns.length === 0 ? 'complete' : 'present';
    return {
      indicator,
      name: names.get(indicator) ?? indicator,
      status,
      observations: observations.length,
      suppressed: observations.filter((o) => o.suppressed).length,
      expectedBreakdowns: expected,
      missingBreakdowns,
      onlyPartialFigures: usable.length > 0 && national.length === 0,
    };
  });
  const counts: Record<GamStatus, number> = { complete: 0, present: 0, suppressed: 0, missing: 0 };
  for (const row of indicators) counts[row.status] += 1;
  const all = pkg.observations ?? [];
  if (relevant.length > 0 || all.length === 0) return { country: options.country, year: options.year, indicators, counts };
  const held = {
    countries: [...new Set(all.map((o) => o.scope.country))].sort(),
    years: [...new Set(all.map((o) => Number(o.period.start.slice(0, 4))))].sort((a, b) => a - b),
  };
  return { country: options.country, year: options.year, indicators, counts, held };
}
