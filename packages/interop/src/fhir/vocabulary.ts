/** The URLs, code systems and units the FHIR mapping uses, in one place for the exporter and the importer. */
import type { Observation } from '@phx/schema';
import { fingerprint } from '../fingerprint.js';

/** Where PHX publishes its identifiers, code systems, measures and extensions. */
export const PHX_BASE = 'https://phx-network.github.io/phx';

/**
 * Identifier systems of the records whose PHX ids name the same thing across the network: organisations (an id
 * names the organisation itself), catalogue indicators, subnational areas (a country and a name) and countries
 * (ISO 3166); and of packages, which name the Bundle. The unscoped `facility` and `observation` systems are those
 * of Bundles written before ids were scoped by publisher: the importer still reads them.
 */
export const identifierSystems = {
  package: `${PHX_BASE}/id/package`,
  organisation: `${PHX_BASE}/id/organisation`,
  facility: `${PHX_BASE}/id/facility`,
  area: `${PHX_BASE}/id/area`,
  observation: `${PHX_BASE}/id/observation`,
  indicator: `${PHX_BASE}/id/indicator`,
  country: 'urn:iso:std:iso:3166',
} as const;

/** The kinds of PHX ids that are unique only within the packages of one publisher. */
export type PublisherScoped = 'facility' | 'observation' | 'indicator';

/**
 * The identifier system of ids a publisher gives (facilities, observations, its own indicators), e.g.
 * `.../id/publisher/UA-EDR-38214567/facility`: FHIR's Identifier.system is the namespace within which values are
 * unique, and two publishers may give the same id to two different facilities.
 */
export const publisherSystem = (publisher: string, kind: PublisherScoped) => `${PHX_BASE}/id/publisher/${encodeURIComponent(publisher)}/${kind}`;

/** What follows `base` in `text`, read by `pattern` (its first group), or undefined. */
const after = (text: string, base: string, pattern: RegExp) => (text.startsWith(base) ? pattern.exec(text.slice(base.length))?.[1] : undefined);

/** Whether a system is one of PHX's for ids of a kind: any publisher's, or the unscoped one of earlier Bundles. */
export const isPhxSystem = (system: unknown, kind: PublisherScoped) =>
  typeof system === 'string' && after(system, `${PHX_BASE}/id/`, /^(?:publisher\/[^/]+\/)?(facility|observation|indicator)$/) === kind;

/** The code system of a PHX codelist, e.g. `.../codelist/sex`. */
export const codelistSystem = (list: string) => `${PHX_BASE}/codelist/${list}`;
/**
 * The canonical URL of the Measure of an indicator: of the catalogue, shared by every publisher
 * (`.../fhir/Measure/<code>`); of a package, under its publisher (`.../fhir/publisher/<publisher>/Measure/<code>`).
 */
export const measureUrl = (code: string, publisher?: string) =>
  publisher === undefined ? `${PHX_BASE}/fhir/Measure/${code}` : `${PHX_BASE}/fhir/publisher/${encodeURIComponent(publisher)}/Measure/${code}`;

/** The indicator code a PHX Measure URL ends with (a catalogue's or a publisher's), else undefined. */
export const codeOfMeasureUrl = (url: string) => after(url, `${PHX_BASE}/fhir/`, /^(?:publisher\/[^/]+\/)?Measure\/([^/]+)$/);
/** The URL of a PHX extension. */
export const extensionUrl = (name: string) => `${PHX_BASE}/fhir/StructureDefinition/${name}`;

/** Code systems and extensions published by HL7. */
export const hl7 = {
  measurePopulation: 'http://terminology.hl7.org/CodeSystem/measure-population',
  measureScoring: 'http://terminology.hl7.org/CodeSystem/measure-scoring',
  locationPhysicalType: 'http://terminology.hl7.org/CodeSystem/location-physical-type',
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  /** R5's Measure.scoringUnit, carried in R4 by the cross-version extension. */
  scoringUnit: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Measure.scoringUnit',
  ucum: 'http://unitsofmeasure.org',
} as const;

/** The UCUM code of each PHX unit. */
export const ucumOfUnit: Record<Observation['unit'], string> = {
  percent: '%',
  count: '1',
  'rate-per-100000': '/10*5',
  'rate-per-10000': '/10*4',
};

/** The FHIR measure-scoring code of each PHX calculation. */
export const scoringOfCalculation = { count: 'cohort', proportion: 'proportion', ratio: 'ratio', rate: 'ratio' } as const;

/** The PHX extensions, by the field they carry. */
export const phxExtensions = {
  observationId: extensionUrl('observation-id'),
  dataSource: extensionUrl('data-source'),
  methodNote: extensionUrl('method-note'),
  notes: extensionUrl('notes'),
  confidenceInterval: extensionUrl('confidence-interval'),
  capacity: extensionUrl('facility-capacity'),
  population: extensionUrl('facility-population'),
  operator: extensionUrl('facility-operator'),
  countsPeople: extensionUrl('indicator-counts-people'),
  publisher: extensionUrl('package-publisher'),
  license: extensionUrl('package-license'),
} as const;

/**
 * A stable `urn:uuid:` for a resource, derived from its identity, so the same package gives the same Bundle.
 * It is an RFC 9562 version 8 (custom) UUID: 122 bits of FNV-1a hashes.
 */
export function stableUuid(identity: string): string {
  const hex = [1, 2, 3, 4].map((seed) => fingerprint(identity, seed)).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
