import type { FieldMap } from '../fields.js';

const notCarried = (field: string, note: string) => ({ field, note });
const extension = (name: string) => `extension[${name}]`;

/**
 * Where each PHX field goes in the FHIR Bundle. Extensions named `[name]` are PHX extensions under
 * `https://phx-network.github.io/phx/fhir/StructureDefinition/<name>`; identifier systems and Measure URLs are
 * under `https://phx-network.github.io/phx/`, written `…/` here.
 */
export const fhirFieldMap: FieldMap = {
  package: [
    notCarried('$schema', 'the Bundle has its own format'),
    notCarried('phxVersion', 'the Bundle has its own format'),
    { field: 'id', target: 'Bundle.identifier.value' },
    { field: 'publisher', target: `Bundle.meta.${extension('package-publisher')}`, note: 'its id scopes the identifiers of facilities, observations and the package’s own indicators' },
    { field: 'license', target: `Bundle.meta.${extension('package-license')}` },
    { field: 'publishedAt', target: 'Bundle.timestamp, MeasureReport.date' },
    notCarried('description', 'a Bundle has no description'),
    notCarried('extensions', 'PHX extensions are not translated to FHIR extensions'),
  ],
  organisation: [
    {
      field: 'id',
      target: 'Organization.identifier.value',
      note: 'system `…/id/organisation`, one for every publisher (an organisation id names the organisation itself, across the network); conditional update by this identifier',
    },
    { field: 'name', target: 'Organization.name (English, else the first language); every language in the translation extension' },
    { field: 'acronym', target: 'Organization.alias[0]' },
    { field: 'organisationType', target: 'Organization.type.coding (PHX codelist organisationType)' },
    { field: 'countries', target: 'Organization.address[].country' },
    notCarried('regions', 'no Organization element for the network region'),
    notCarried('focusAreas', 'no Organization element for areas of work'),
    notCarried('populations', 'no Organization element for populations served'),
    { field: 'website', target: 'Organization.telecom[system=url]' },
    { field: 'email', target: 'Organization.telecom[system=email]' },
    notCarried('memberSince', 'no Organization element for network membership'),
    notCarried('languages', 'no Organization element for working languages'),
    notCarried('extensions', 'PHX extensions are not translated to FHIR extensions'),
  ],
  facility: [
    {
      field: 'id',
      target: 'Location.identifier.value',
      note: 'system `…/id/publisher/<publisher id>/facility`: facility ids are unique only among one publisher’s; conditional update by this identifier',
    },
    { field: 'name', target: 'Location.name' },
    { field: 'country', target: 'Location.address.country; Location.partOf the country Location' },
    { field: 'subnationalArea', target: 'Location.address.state; Location.partOf the area Location' },
    { field: 'facilityType', target: 'Location.type.coding (PHX codelist facilityType)' },
    { field: 'capacity', target: `Location.${extension('facility-capacity')}` },
    { field: 'population.count', target: `Location.${extension('facility-population')}.count` },
    { field: 'population.date', target: `Location.${extension('facility-population')}.date` },
    { field: 'operator', target: `Location.${extension('facility-operator')}` },
    notCarried('extensions', 'PHX extensions are not translated to FHIR extensions'),
  ],
  indicator: [
    {
      field: 'code',
      target: 'Measure.identifier.value; Measure.url ends with it',
      note: 'an indicator the package defines: URL `…/fhir/publisher/<publisher id>/Measure/<code>`, system `…/id/publisher/<publisher id>/indicator`; a catalogue indicator: URL `…/fhir/Measure/<code>`, system `…/id/indicator`, one for every publisher; conditional update by the URL',
    },
    { field: 'name', target: 'Measure.title, every language in its translation extension' },
    { field: 'description', target: 'Measure.description, every language in its translation extension' },
    { field: 'unit', target: 'Measure scoringUnit (R5 cross-version extension), UCUM' },
    { field: 'calculation', target: 'Measure.scoring (count → cohort, proportion → proportion, ratio and rate → ratio)' },
    { field: 'numerator', target: 'Measure.group.population[numerator or initial-population].description, every language in its translation extension' },
    { field: 'denominator', target: 'Measure.group.population[denominator].description, every language in its translation extension' },
    { field: 'disaggregations', target: 'Measure.group.stratifier[].code' },
    { field: 'framework', target: 'Measure.relatedArtifact.label' },
    { field: 'reference', target: 'Measure.relatedArtifact.display' },
    { field: 'interventions', target: 'Measure.topic.coding (PHX codelist focusArea)' },
    { field: 'countsPeople', target: `Measure ${extension('indicator-counts-people')} (valueBoolean)` },
    notCarried('frequency', 'no Measure element for the reporting frequency'),
    notCarried('extensions', 'PHX extensions are not translated to FHIR extensions'),
  ],
  observation: [
    {
      field: 'id',
      target: `MeasureReport.group or stratum ${extension('observation-id')}; MeasureReport.identifier of the total`,
      note: 'identifier system `…/id/publisher/<publisher id>/observation`: observation ids are unique only among one publisher’s; conditional update by this identifier',
    },
    { field: 'indicator', target: 'MeasureReport.measure (canonical URL of the Measure: the catalogue’s, or the publisher’s for an indicator the package defines)' },
    { field: 'reportingOrganisation', target: 'MeasureReport.reporter (Organization, by identifier)' },
    { field: 'scope.country', target: 'MeasureReport.subject → Location of the country' },
    { field: 'scope.subnationalArea', target: 'MeasureReport.subject → Location of the area' },
    { field: 'scope.facility', target: 'MeasureReport.subject → Location of the facility' },
    { field: 'period.start', target: 'MeasureReport.period.start' },
    { field: 'period.end', target: 'MeasureReport.period.end' },
    { field: 'disaggregation.sex', target: 'MeasureReport.group.stratifier[sex].stratum.value' },
    { field: 'disaggregation.ageGroup', target: 'MeasureReport.group.stratifier[ageGroup].stratum.value' },
    { field: 'disaggregation.population', target: 'MeasureReport.group.stratifier[population].stratum.value' },
    { field: 'numerator', target: 'MeasureReport.group.population[numerator].count (initial-population for counts); whole numbers only' },
    { field: 'denominator', target: 'MeasureReport.group.population[denominator].count; whole numbers only' },
    { field: 'value', target: 'MeasureReport.group.measureScore.value' },
    { field: 'unit', target: 'MeasureReport.group.measureScore.code (UCUM) and .unit (PHX code)' },
    { field: 'dataSource', target: `MeasureReport.${extension('data-source')}` },
    { field: 'methodNote', target: `group or stratum ${extension('method-note')}` },
    { field: 'confidenceInterval.lower', target: `group or stratum ${extension('confidence-interval')}.lower`, note: 'not sent for a suppressed cell' },
    { field: 'confidenceInterval.upper', target: `group or stratum ${extension('confidence-interval')}.upper`, note: 'not sent for a suppressed cell' },
    { field: 'confidenceInterval.level', target: `group or stratum ${extension('confidence-interval')}.level`, note: 'not sent for a suppressed cell' },
    { field: 'suppressed', target: 'data-absent-reason "masked" on measureScore and on the numerator count', note: 'the value of a suppressed cell is never sent, nor its confidence interval' },
    { field: 'notes', target: `group or stratum ${extension('notes')}` },
    notCarried('extensions', 'PHX extensions are not translated to FHIR extensions'),
  ],
};
