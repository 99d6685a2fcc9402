/**
 * The PHX data structure in SDMX terms: its dimensions, time dimension, measure and attributes, the codes
 * each coded component uses, and how PHX values become SDMX codes and back.
 */
import type { Observation } from '@phx/schema';
import { calendarPeriod, periodFromDays, periodName, periodOf, type Period } from '../period.js';

/** The agency, dataflow and data structure of PHX data in SDMX. */
export const sdmxArtefacts = {
  agency: 'PHX',
  dataflow: { id: 'DF_PRISON_HEALTH', version: '1.0.0' },
  dataStructure: { id: 'DSD_PRISON_HEALTH', version: '1.0.0' },
  conceptScheme: { id: 'CS_PRISON_HEALTH', version: '1.0.0' },
} as const;

/** `AGENCY:ID(VERSION)`, as SDMX-CSV names a structure. */
export const dataflowReference = `${sdmxArtefacts.agency}:${sdmxArtefacts.dataflow.id}(${sdmxArtefacts.dataflow.version})`;

/**
 * A component of the PHX data structure: a dimension, the time dimension, the measure or an attribute.
 *
 * @example
 * ```ts
 * const sex: SdmxComponent = { id: 'SEX', name: 'Sex', kind: 'dimension', codelist: 'CL_SEX' };
 * ```
 */
export interface SdmxComponent {
  id: string;
  name: string;
  kind: 'dimension' | 'time' | 'measure' | 'attribute';
  /** Coded components name their codelist. */
  codelist?: string;
  /** Uncoded components name their SDMX data type. */
  dataType?: string;
}

/**
 * The components of the PHX data structure, in the order SDMX-CSV writes them: dimensions (indicator, country,
 * facility, reporting organisation, sex, age group, population), the time period, the value, then attributes.
 *
 * @example
 * ```ts
 * import { sdmxComponents } from '@phx/interop';
 * sdmxComponents.filter((c) => c.kind === 'dimension').map((c) => c.id); // ['INDICATOR', 'REF_AREA', 'FACILITY', ...]
 * ```
 */
export const sdmxComponents: readonly SdmxComponent[] = [
  { id: 'INDICATOR', name: 'Indicator', kind: 'dimension', codelist: 'CL_INDICATOR' },
  { id: 'REF_AREA', name: 'Country', kind: 'dimension', codelist: 'CL_AREA' },
  { id: 'FACILITY', name: 'Facility', kind: 'dimension', codelist: 'CL_FACILITY' },
  { id: 'REPORTING_ORG', name: 'Reporting organisation', kind: 'dimension', codelist: 'CL_REPORTING_ORG' },
  { id: 'SEX', name: 'Sex', kind: 'dimension', codelist: 'CL_SEX' },
  { id: 'AGE', name: 'Age group', kind: 'dimension', codelist: 'CL_AGE' },
  { id: 'POPULATION', name: 'Population group', kind: 'dimension', codelist: 'CL_POPULATION' },
  { id: 'TIME_PERIOD', name: 'Time period', kind: 'time', dataType: 'ObservationalTimePeriod' },
  { id: 'OBS_VALUE', name: 'Observation value', kind: 'measure', dataType: 'Double' },
  { id: 'UNIT_MEASURE', name: 'Unit of measure', kind: 'attribute', codelist: 'CL_UNIT' },
  { id: 'CONF_STATUS', name: 'Confidentiality status', kind: 'attribute', codelist: 'CL_CONF_STATUS' },
  { id: 'DATA_SOURCE', name: 'Data source', kind: 'attribute', codelist: 'CL_DATA_SOURCE' },
  { id: 'NUMERATOR', name: 'Numerator', kind: 'attribute', dataType: 'Double' },
  { id: 'DENOMINATOR', name: 'Denominator', kind: 'attribute', dataType: 'Double' },
  { id: 'SUBNATIONAL_AREA', name: 'Subnational area', kind: 'attribute', dataType: 'String' },
  { id: 'OBS_COMMENT', name: 'Comment', kind: 'attribute', dataType: 'String' },
];

/** SDMX special codes: total, and not applicable. */
export const TOTAL = '_T';
export const NOT_APPLICABLE = '_Z';

/** SDMX codes of PHX sex and age-group codes (SDMX IDs admit no `<` or `+`). `all` is the total, `_T`. */
export const sexCodes: Record<string, string> = { female: 'F', male: 'M', transgender: 'TG', other: '_O', unknown: '_U', all: TOTAL };
export const ageCodes: Record<string, string> = { '<18': 'Y_LT18', '18-24': 'Y18T24', '<25': 'Y_LT25', '25+': 'Y_GE25', '25-49': 'Y25T49', '50+': 'Y_GE50', all: TOTAL };
/** Confidentiality status: `C` (confidential) for a suppressed cell, `F` (free) otherwise. */
export const CONFIDENTIAL = 'C';
export const FREE = 'F';

/** The PHX code of an SDMX code in a table. */
export const phxCodeOf = (table: Record<string, string>, code: string) => Object.keys(table).find((key) => table[key] === code && key !== 'all');

/** SDMX IDs: letters, digits, `_`, `@`, `$` and `-`. */
export const SDMX_ID = /^[A-Za-z0-9_@$-]+$/;

/** The PHX period of an SDMX TIME_PERIOD (the forms `periodName` writes); undefined otherwise. */
export function periodOfSdmx(time: string): Period | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:-A1)?$/.exec(time))) return periodOf({ kind: 'year', year: Number(m[1]) });
  if ((m = /^(\d{4})-S([12])$/.exec(time))) return periodOf({ kind: 'half', year: Number(m[1]), half: Number(m[2]) as 1 | 2 });
  if ((m = /^(\d{4})-Q([1-4])$/.exec(time))) return periodOf({ kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 });
  if ((m = /^(\d{4})-(?:M)?(0[1-9]|1[0-2])$/.exec(time))) return periodOf({ kind: 'month', year: Number(m[1]), month: Number(m[2]) });
  if ((m = /^(\d{4}-\d{2}-\d{2})$/.exec(time))) return calendarPeriod({ start: m[1]!, end: m[1]! }) ? { start: m[1]!, end: m[1]! } : undefined;
  if ((m = /^(\d{4}-\d{2}-\d{2})\/P(\d+)D$/.exec(time))) return periodFromDays(m[1]!, Number(m[2]));
  return undefined;
}

/** The dimension codes of an observation, in the order of {@link sdmxComponents}. */
export function keyOf(o: Observation): Record<string, string> {
  return {
    INDICATOR: o.indicator,
    REF_AREA: o.scope.country,
    FACILITY: o.scope.facility ?? NOT_APPLICABLE,
    REPORTING_ORG: o.reportingOrganisation,
    SEX: o.disaggregation?.sex ? sexCodes[o.disaggregation.sex]! : TOTAL,
    AGE: o.disaggregation?.ageGroup ? ageCodes[o.disaggregation.ageGroup]! : TOTAL,
    POPULATION: o.disaggregation?.population ?? TOTAL,
    TIME_PERIOD: periodName(o.period),
  };
}

/** The attribute and measure values of an observation (empty string: none). */
export function valuesOf(o: Observation): Record<string, string | number> {
  const withheld = o.suppressed === true;
  return {
    OBS_VALUE: withheld || o.value === undefined ? '' : o.value,
    UNIT_MEASURE: o.unit,
    CONF_STATUS: withheld ? CONFIDENTIAL : FREE,
    DATA_SOURCE: o.dataSource,
    NUMERATOR: withheld || o.numerator === undefined ? '' : o.numerator,
    DENOMINATOR: o.denominator ?? '',
    SUBNATIONAL_AREA: o.scope.subnationalArea ?? '',
    OBS_COMMENT: o.notes ?? '',
  };
}
