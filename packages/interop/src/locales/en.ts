import { renderMessage } from '@phx/schema';
import { plural } from './plural.js';
import { orgUnitEntry } from './org-unit.js';
import { resourceSkipped } from './resources.js';
import type { InteropLocale, ResourceSkippedTexts } from './types.js';

const collections = { organisation: 'organisations', facility: 'facilities', indicator: 'indicator definitions', observation: 'observations', meeting: 'meetings' } as const;
const skipped: ResourceSkippedTexts = {
  Organization: ['an Organization without {} is skipped', { identifier: 'a PHX organisation identifier', name: 'a name' }],
  Measure: ['a Measure without {} is not read as an indicator definition', { title: 'a title', description: 'a description', unit: 'a unit PHX knows' }],
  MeasureReport: [
    'a MeasureReport without {} is skipped',
    { measure: 'a measure', reporter: 'a reporter with a PHX identifier', subject: 'a subject Location with a country', period: 'a readable period (start and end)' },
  ],
  stratum: ['a stratum whose value is not a PHX breakdown code is skipped', { breakdown: '' }],
};
const withheld = {
  value: 'the value of a suppressed observation is withheld (data-absent-reason "masked")',
  numerator: 'the numerator of a suppressed observation is withheld (data-absent-reason "masked")',
  confidenceInterval: 'the confidence interval of a suppressed observation is not sent: its bounds would give away the withheld value',
} as const;
const partNames = { value: 'value', numerator: 'numerator', denominator: 'denominator' } as const;
const leftOut = {
  value: 'value',
  numerator: 'numerator',
  confidenceInterval: 'confidence interval (its bounds would give the value away)',
} as const;

/** English texts. */
export const en: InteropLocale = {
  tag: 'en',
  notes: {
    'field-not-carried': (p) => `${p.target} has no place for ${p.field}`,
    'record-not-carried': (p) => `${p.target} has no place for ${collections[p.recordType]}`,
    'import.invalid-json': (p) => `the file is not JSON: it goes wrong at line ${p.line}, column ${p.column}`,
    'import.header-missing': (p) =>
      p.field === 'publisher'
        ? 'the source does not name the publisher of the package: give one (phx import --publisher <organisation id>)'
        : 'the source does not name the licence of the data: give one (phx import --license CC-BY-4.0)',
    'import.unclosed-quote': (p) => `a quote (") opened in column ${p.column} is never closed, so the rest of the file was read into this one cell, from "${p.value}": close the quote or remove it`,
    'import.text-after-quote': (p) => `the cell in column ${p.column} opens with a quote (") and has text after the quote that closes it (${p.value}), so the cells and rows after it may have been read into this one cell: write a quote inside a cell twice ("") or remove the quotes`,
    'import.value-worked-out': (p) => `no value was given for ${p.indicator}: it was worked out from ${p.from === 'numerator' ? 'the numerator' : 'the numerator and the denominator'}`,
    'import.withheld-figure-left-out': (p) => `the source marks the observation as withheld (suppressed) yet gives its ${leftOut[p.field]}: it is left out, so that PHX never publishes it`,
    'fhir.count-not-integer': (p) => `a FHIR population count is a whole number: the fractional ${p.field} is left out`,
    'fhir.suppressed-value-withheld': (p) => withheld[p.field],
    'fhir.unknown-indicator': (p) => `the indicator "${p.indicator}" is neither in the catalogue nor in the package: its Measure holds only its URL`,
    'fhir.not-a-bundle': () => 'the input is not a FHIR Bundle (resourceType "Bundle")',
    'fhir.entry-unreadable': () => 'a Bundle entry without a resource is skipped',
    'fhir.resource-skipped': (p) => resourceSkipped(skipped, p),
    'fhir.default-data-source': () => 'a MeasureReport without a PHX data source is read as routine programme data',
    'fhir.subject-unknown': (p) => `the MeasureReport is about the Location "${p.location}", which is not a PHX facility, subnational area or country: it is skipped rather than read as a figure for the whole country`,
    'fhir.report-skipped': (p) =>
      p.reason === 'status'
        ? p.value === 'pending'
          ? `the MeasureReport's status is "${p.value}": its figures may still change, so it is skipped; import it again once it is complete`
          : `the MeasureReport's status is "${p.value}": FHIR says its figures are not reliable, so it is skipped`
        : `the MeasureReport is of type "${p.value}", not "summary": it holds figures about individuals, not aggregate ones, so it is skipped`,
    'fhir.score-unit-unlike': (p) => `the measure score is in the unit "${p.code}", not "${p.expected}" as its indicator is: its value is left out (worked out from the numerator and denominator where they are given)`,
    'fhir.group-skipped': (p) => `the MeasureReport group "${p.group}" is skipped: PHX reads the one group without a code as the total, with its breakdowns as stratifiers, and cannot tell what this group counts`,
    'dhis2.mapping-invalid': (p) => `mapping file, ${p.pointer || '/'}: ${renderMessage(p.problem, p.problemParams, 'en')}`,
    'dhis2.mapping-not-a-uid': (p) => `mapping file, ${p.pointer}: "${p.value}" is not a DHIS2 UID (a letter, then ten letters or digits); for codes, set "idScheme": "code"`,
    'dhis2.unmapped-indicator': (p) => `the mapping has no data element for the indicator "${p.indicator}"`,
    'dhis2.unmapped-scope': (p) => `the mapping has no organisation unit for ${p.place}, so its observations are not sent: add ${orgUnitEntry(p, '<its DHIS2 code or UID>')} to "orgUnits" in the mapping file (phx export --mapping <file.json>)`,
    'dhis2.unmapped-period': (p) => `the period ${p.start} – ${p.end} is not a DHIS2 calendar period and the mapping does not name it`,
    'dhis2.suppressed-not-sent': () => 'DHIS2 has no way to mark a withheld value: the suppressed observation is not sent',
    'dhis2.unmapped-part': (p) => `the mapping has no data element for the ${partNames[p.part]} of the indicator "${p.indicator}": it is not sent`,
    'dhis2.unmapped-breakdown': (p) => `the mapping has no category option combo of ${p.dataElement} for the breakdown ${p.breakdown}`,
    'dhis2.not-a-data-value-set': () => 'the input is not a DHIS2 dataValueSet (an object with "dataValues")',
    'dhis2.reporter-missing': () => 'DHIS2 values do not say who reports them: give the organisation that reports and publishes them (phx import --publisher <organisation id>), or name it in the mapping ("reportingOrganisation")',
    'dhis2.unmapped-value': (p) => `the mapping has no indicator for the data element ${p.dataElement} with the category option combo ${p.categoryOptionCombo}`,
    'dhis2.value-skipped': (p) => {
      switch (p.reason) {
        case 'data-element':
          return 'a value without a data element is skipped';
        case 'org-unit':
          return p.value === undefined ? 'a value without an organisation unit is skipped' : `the organisation unit ${p.value} is not in the mapping: its values are skipped`;
        case 'period':
          return p.value === undefined ? 'a value without a period is skipped' : `"${p.value}" is not a DHIS2 period the mapping can read: its values are skipped`;
        case 'number':
          return `a value that is not a number of zero or more as DHIS2 writes one ("${p.value ?? ''}"; 28.7 or 1320: no decimal comma, no thousands separator) is skipped`;
      }
    },
    'dhis2.value-conflict': (p) => `the data element ${p.dataElement} (category option combo ${p.categoryOptionCombo}) has two values for ${p.orgUnit}, ${p.period}, perhaps of two attribute option combos, which PHX has no place for: the first, ${p.kept}, is kept, and ${p.dropped} is left out`,
    'dhis2.deleted-skipped': () => 'a value DHIS2 marks deleted is skipped',
    'dhis2.duplicate-key': () => 'another observation gives the same DHIS2 data values (data element, period, organisation unit and category option combo: they differ only in fields DHIS2 does not carry, such as the reporting organisation): only the first is sent',
    'dhis2.nothing-to-send': () => 'no observation could be sent to DHIS2, so no file is made: the warnings say why',
    'sdmx.not-sdmx-csv': () => 'the input is not SDMX-CSV: its first column is not headed STRUCTURE (or DATAFLOW)',
    'sdmx.delete-skipped': () => 'a row that deletes data (ACTION D) is skipped',
    'sdmx.row-skipped': (p) =>
      p.value === undefined
        ? `a row without ${p.column} is skipped`
        : p.column === 'TIME_PERIOD'
          ? `a row whose TIME_PERIOD is "${p.value}", no period as SDMX writes one (2020, 2020-Q1, 2020-01, 2020-01-31), is skipped: a spreadsheet may have rewritten the date`
          : `a row whose ${p.column} is "${p.value}", a code PHX does not know, is skipped`,
    'sdmx.value-skipped': (p) =>
      p.column === 'UNIT_MULT'
        ? `UNIT_MULT "${p.value}" is not a whole power of ten (3 for thousands): the row's value is left out, and the rest of the row is read`
        : `${p.column} "${p.value}" is not a number of zero or more as SDMX-CSV writes one (28.7 or 1320: no decimal comma, no thousands separator): it is left out, and the rest of the row is read`,
    'sdmx.code-replaced': (p) => (p.value === undefined ? `a row without ${p.column} is read as "${p.used}"` : `${p.column} "${p.value}" is a code PHX does not know: the row is read as "${p.used}"`),
    'sdmx.column-not-read': (p) => `the column ${p.column} is not part of the PHX data structure: its cells are not read`,
    'sdmx.duplicate-key': () => 'another observation has the same SDMX key (they differ only in fields outside the key, such as the subnational area): only the first is sent',
    'sdmx.code-not-an-id': (p) => `the ${p.dimension} code "${p.code}" has characters an SDMX identifier does not admit`,
  },
  punctuation: { colon: ': ', semicolon: '; ' },
  examples: {
    record: (count) => plural('en', count, { one: 'record', other: 'records' }),
    row: (count) => plural('en', count, { one: 'row', other: 'rows' }),
    pointer: (count) => plural('en', count, { one: 'entry', other: 'entries' }),
  },
  gam: {
    title: (country, year) => `UNAIDS GAM readiness: ${country}, ${year}`,
    columns: { indicator: 'Indicator', name: 'Name', status: 'Status', observations: 'Observations', suppressed: 'Withheld', missingBreakdowns: 'Missing breakdowns' },
    status: { complete: 'complete', present: 'incomplete', suppressed: 'withheld only', missing: 'missing' },
    onlyPartialFigures: 'Only figures of part of the country or year',
    counts: (c) => `${c.complete} complete, ${c.present} incomplete, ${c.suppressed} withheld only, ${c.missing} missing`,
    nothingFor: (country, year, held) => `The package has no observations for ${country} in ${year}. Countries in the package: ${held.countries.join(', ')}; years: ${held.years.join(', ')}`,
  },
};
