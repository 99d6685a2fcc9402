import type { FieldMap } from '../fields.js';

const notCarried = (field: string, note: string) => ({ field, note });

/**
 * Where each PHX field goes in SDMX (SDMX-CSV 2.0 and SDMX-JSON alike): observations become SDMX observations
 * keyed by the PHX data structure; the structure message names the indicators, countries and codes.
 */
export const sdmxFieldMap: FieldMap = {
  package: [
    notCarried('$schema', 'SDMX has its own format'),
    notCarried('phxVersion', 'SDMX has its own format'),
    { field: 'id', target: 'SDMX-JSON meta.id (SDMX-CSV: none)' },
    { field: 'publisher', target: 'SDMX-JSON meta.sender (SDMX-CSV: none; give it on import)' },
    notCarried('license', 'give the licence on import (phx import --license)'),
    { field: 'publishedAt', target: 'SDMX-JSON meta.prepared (SDMX-CSV: none)' },
    notCarried('description', 'no place for a description'),
    notCarried('extensions', 'no place for PHX extensions'),
  ],
  observation: [
    notCarried('id', 'SDMX observations are identified by their key: ids are made on import'),
    { field: 'indicator', target: 'INDICATOR (codelist CL_INDICATOR)' },
    { field: 'reportingOrganisation', target: 'REPORTING_ORG' },
    { field: 'scope.country', target: 'REF_AREA (ISO 3166-1 alpha-2)' },
    { field: 'scope.subnationalArea', target: 'SUBNATIONAL_AREA (attribute: not part of the key)' },
    { field: 'scope.facility', target: 'FACILITY (`_Z` when the value covers no single facility)' },
    { field: 'period.start', target: 'TIME_PERIOD', note: '`2024`, `2024-S1`, `2024-Q1`, `2024-01`, `2024-01-31`, else `2024-01-01/P90D`' },
    { field: 'period.end', target: 'TIME_PERIOD' },
    { field: 'disaggregation.sex', target: 'SEX (F, M, TG, _O other, _U unknown, _T total)' },
    { field: 'disaggregation.ageGroup', target: 'AGE (Y_LT18, Y18T24, Y_LT25, Y_GE25, Y25T49, Y_GE50, _T total)' },
    { field: 'disaggregation.population', target: 'POPULATION (PHX population codes, _T total)' },
    { field: 'numerator', target: 'NUMERATOR' },
    { field: 'denominator', target: 'DENOMINATOR' },
    { field: 'value', target: 'OBS_VALUE' },
    { field: 'unit', target: 'UNIT_MEASURE (PHX unit codes)' },
    { field: 'dataSource', target: 'DATA_SOURCE (PHX data source codes)' },
    notCarried('methodNote', 'no attribute for a method note'),
    notCarried('confidenceInterval', 'no attribute for a confidence interval'),
    { field: 'suppressed', target: 'CONF_STATUS = C, OBS_VALUE empty', note: 'the value and numerator of a suppressed cell are never sent' },
    { field: 'notes', target: 'OBS_COMMENT' },
    notCarried('extensions', 'no place for PHX extensions'),
  ],
};
