import type { FieldMap } from '../fields.js';

const notCarried = (field: string, note: string) => ({ field, note });

/**
 * Where each PHX field goes in a DHIS2 dataValueSet. DHIS2 carries values, not metadata: organisations,
 * facilities, indicator definitions and meetings stay behind (the mapping file names the DHIS2 metadata instead).
 */
export const dhis2FieldMap: FieldMap = {
  package: [
    notCarried('$schema', 'a dataValueSet has no header of this kind'),
    notCarried('phxVersion', 'a dataValueSet has no header of this kind'),
    notCarried('id', 'a dataValueSet has no identifier'),
    notCarried('publisher', 'give the publisher on import (phx import --publisher)'),
    notCarried('license', 'give the licence on import (phx import --license)'),
    notCarried('publishedAt', 'a dataValueSet has no date of publication'),
    notCarried('description', 'a dataValueSet has no description'),
    notCarried('extensions', 'no place for PHX extensions'),
  ],
  observation: [
    notCarried('id', 'DHIS2 values have no identifier: ids are made on import'),
    { field: 'indicator', target: 'dataValue.dataElement', note: 'per the mapping `dataElements`' },
    notCarried('reportingOrganisation', 'the mapping `reportingOrganisation` on import'),
    { field: 'scope.country', target: 'dataValue.orgUnit', note: 'per the mapping `orgUnits` (or the ISO code, with `countryCodesAsOrgUnits`)' },
    { field: 'scope.subnationalArea', target: 'dataValue.orgUnit', note: 'per the mapping `orgUnits`' },
    { field: 'scope.facility', target: 'dataValue.orgUnit', note: 'per the mapping `orgUnits`' },
    { field: 'period.start', target: 'dataValue.period', note: 'year `2024`, half `2024S1`, quarter `2024Q1`, month `202401`, day `20240131`, or the mapping `periods`' },
    { field: 'period.end', target: 'dataValue.period' },
    { field: 'disaggregation.sex', target: 'dataValue.categoryOptionCombo', note: 'per the mapping `categoryOptionCombos`' },
    { field: 'disaggregation.ageGroup', target: 'dataValue.categoryOptionCombo' },
    { field: 'disaggregation.population', target: 'dataValue.categoryOptionCombo' },
    { field: 'numerator', target: 'dataValue.value of the data element mapped with part `numerator`' },
    { field: 'denominator', target: 'dataValue.value of the data element mapped with part `denominator`' },
    { field: 'value', target: 'dataValue.value of the data element mapped with part `value` (a count: also its numerator)' },
    { field: 'unit', target: 'the indicator definition', note: 'read back from the indicator' },
    notCarried('dataSource', 'the mapping `dataSource` on import'),
    notCarried('methodNote', 'no place for a method note'),
    notCarried('confidenceInterval', 'no place for a confidence interval'),
    { field: 'suppressed', target: '(not sent)', note: 'DHIS2 cannot mark a withheld value: a suppressed observation is not sent, with a warning' },
    { field: 'notes', target: 'dataValue.comment' },
    notCarried('extensions', 'no place for PHX extensions'),
  ],
};
