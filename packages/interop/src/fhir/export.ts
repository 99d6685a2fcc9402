/**
 * A PHX package as a FHIR R4 transaction Bundle: organisations become Organization, facilities, countries and
 * subnational areas become Location, indicators become Measure, observations become summary MeasureReport
 * (the total in the group, breakdowns as stratifiers, withheld cells with a data-absent reason).
 */
import type {
  BundleEntry, CodeableConcept, Extension, Location, Measure, MeasureReport, MeasureReportGroup, MeasureReportGroupPopulation,
  MeasureReportGroupStratifier, MeasureReportGroupStratifierStratum, Organization, Quantity, Reference,
} from '@medplum/fhirtypes';
import type { DataPackage, Facility, IndicatorDefinition, Observation, Organisation } from '@phx/schema';
import { reportUncarried } from '../fields.js';
import { indicatorsOf } from '../indicators.js';
import { Notes, type InteropNote } from '../report.js';
import { dimensionsOf, disaggregationKey } from '../breakdowns.js';
import { fhirFieldMap } from './fields.js';
import {
  codelistSystem, hl7, identifierSystems, measureUrl, phxExtensions, publisherSystem, scoringOfCalculation, stableUuid, ucumOfUnit,
} from './vocabulary.js';

/**
 * A FHIR resource as plain JSON.
 *
 * @example
 * ```ts
 * const { data: bundle } = toFhirBundle(pkg);
 * const resource: FhirResource = bundle.entry[0]!.resource;
 * resource.resourceType; // 'Organization'
 * ```
 */
export interface FhirResource {
  resourceType: string;
  [element: string]: unknown;
}

/**
 * A FHIR R4 transaction Bundle as the exporter writes it: every entry a conditional update (`PUT` by
 * identifier or canonical URL), so that sending the same package twice updates rather than duplicates.
 *
 * @example
 * ```ts
 * const { data: bundle } = toFhirBundle(pkg);
 * await fetch('https://fhir.example.org/fhir', { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify(bundle) });
 * ```
 */
export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'transaction';
  identifier?: { system: string; value: string };
  timestamp?: string;
  meta?: { extension?: unknown[] };
  entry: { fullUrl: string; resource: FhirResource; request: { method: 'PUT'; url: string } }[];
}

/**
 * What an exporter gives back: the data in the target's shape and the warnings about what it left behind.
 *
 * @example
 * ```ts
 * const { data, warnings }: Exported<FhirBundle> = toFhirBundle(pkg);
 * ```
 */
export interface Exported<T> {
  data: T;
  warnings: InteropNote[];
}

type Entry = BundleEntry & { fullUrl: string };

const coding = (system: string, code: string, display?: string): CodeableConcept => ({ coding: [{ system, code, ...(display ? { display } : {}) }] });
const populationCode = (code: string) => coding(hl7.measurePopulation, code);
const masked = (): Extension => ({ url: hl7.dataAbsentReason, valueCode: 'masked' });
const conditional = (type: string, system: string, value: string) => `${type}?identifier=${system}|${encodeURIComponent(value)}`;

/** The translation extensions of a language map: every language, so the importer reads it back whole. */
function translations(map: Record<string, string>): Extension[] {
  return Object.entries(map).map(([lang, content]) => ({
    url: hl7.translation,
    extension: [
      { url: 'lang', valueCode: lang },
      { url: 'content', valueString: content },
    ],
  }));
}

/** A typed resource as the plain JSON a Bundle entry holds. */
const asResource = (resource: { resourceType: string }) => resource as unknown as FhirResource;

const firstText = (map: Record<string, string>) => map.en ?? Object.values(map)[0]!;

/** A computable Measure name from an indicator code: `hiv-prevalence-prisoners` → `HivPrevalencePrisoners`. */
function computableName(code: string): string {
  const name = code.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
  return /^[A-Z]/.test(name) ? name : `M${name}`;
}

class BundleWriter {
  readonly entries: Entry[] = [];
  readonly #fullUrls = new Map<string, string>();

  /** Adds a resource once per identity; returns its fullUrl. */
  add(identity: string, resource: FhirResource, url: string): string {
    const known = this.#fullUrls.get(identity);
    if (known) return known;
    const fullUrl = stableUuid(identity);
    this.#fullUrls.set(identity, fullUrl);
    this.entries.push({ fullUrl, resource: resource as never, request: { method: 'PUT', url } });
    return fullUrl;
  }

  fullUrlOf(identity: string): string | undefined {
    return this.#fullUrls.get(identity);
  }
}

function organization(org: Organisation): Organization {
  const telecom = [
    ...(org.website ? [{ system: 'url' as const, value: org.website }] : []),
    ...(org.email ? [{ system: 'email' as const, value: org.email }] : []),
  ];
  return {
    resourceType: 'Organization',
    identifier: [{ system: identifierSystems.organisation, value: org.id }],
    active: true,
    type: [coding(codelistSystem('organisationType'), org.organisationType)],
    name: firstText(org.name),
    _name: { extension: translations(org.name) },
    ...(org.acronym ? { alias: [org.acronym] } : {}),
    ...(telecom.length ? { telecom } : {}),
    address: org.countries.map((country) => ({ country })),
  } as Organization;
}

function countryLocation(country: string): Location {
  return {
    resourceType: 'Location',
    identifier: [{ system: identifierSystems.country, value: country }],
    name: country,
    mode: 'instance',
    physicalType: coding(hl7.locationPhysicalType, 'jdn', 'Jurisdiction'),
    address: { country },
  };
}

function areaLocation(country: string, area: string, partOf: string): Location {
  return {
    resourceType: 'Location',
    identifier: [{ system: identifierSystems.area, value: `${country}/${area}` }],
    name: area,
    mode: 'instance',
    physicalType: coding(hl7.locationPhysicalType, 'area', 'Area'),
    address: { state: area, country },
    partOf: { reference: partOf },
  };
}

function facilityLocation(facility: Facility, system: string, partOf: string): Location {
  const extension: Extension[] = [
    ...(facility.capacity !== undefined ? [{ url: phxExtensions.capacity, valueInteger: facility.capacity }] : []),
    ...(facility.population
      ? [{ url: phxExtensions.population, extension: [{ url: 'count', valueInteger: facility.population.count }, { url: 'date', valueDate: facility.population.date }] }]
      : []),
    ...(facility.operator ? [{ url: phxExtensions.operator, valueCode: facility.operator }] : []),
  ];
  return {
    resourceType: 'Location',
    ...(extension.length ? { extension } : {}),
    identifier: [{ system, value: facility.id }],
    ...(facility.name ? { name: facility.name } : {}),
    mode: 'instance',
    type: [coding(codelistSystem('facilityType'), facility.facilityType)],
    physicalType: coding(hl7.locationPhysicalType, 'bu', 'Building'),
    address: { country: facility.country, ...(facility.subnationalArea ? { state: facility.subnationalArea } : {}) },
    partOf: { reference: partOf },
  };
}

/**
 * The Measure of an indicator; `publisher`, for an indicator the package defines, puts its canonical URL and
 * identifier under that publisher (two publishers may define two indicators of one code).
 */
function measure(definition: IndicatorDefinition, publisher: string | undefined): Measure {
  const population = (code: string, text: Record<string, string> | undefined) => ({
    code: populationCode(code),
    // Every language, as the title's, so that the importer reads the text back whole and in its own languages.
    ...(text ? { description: firstText(text), _description: { extension: translations(text) } } : {}),
    // R4 requires a criteria Expression; PHX defines populations in words, so it names no computable expression.
    criteria: { language: 'text/cql', name: code, ...(text ? { description: firstText(text) } : {}) },
  });
  const populations =
    definition.calculation === 'count'
      ? [population('initial-population', definition.numerator)]
      : [population('numerator', definition.numerator), population('denominator', definition.denominator)];
  return {
    resourceType: 'Measure',
    extension: [
      { url: hl7.scoringUnit, valueCodeableConcept: coding(hl7.ucum, ucumOfUnit[definition.unit], definition.unit) },
      // Whether the numerator counts people decides which small counts must be suppressed.
      ...(definition.countsPeople !== undefined ? [{ url: phxExtensions.countsPeople, valueBoolean: definition.countsPeople }] : []),
    ],
    url: measureUrl(definition.code, publisher),
    identifier: [{ system: publisher === undefined ? identifierSystems.indicator : publisherSystem(publisher, 'indicator'), value: definition.code }],
    name: computableName(definition.code),
    title: firstText(definition.name),
    _title: { extension: translations(definition.name) },
    status: 'active',
    description: firstText(definition.description),
    _description: { extension: translations(definition.description) },
    scoring: coding(hl7.measureScoring, scoringOfCalculation[definition.calculation]),
    ...(definition.interventions.length ? { topic: definition.interventions.map((code) => coding(codelistSystem('focusArea'), code)) } : {}),
    relatedArtifact: [{ type: 'documentation', label: definition.framework, display: definition.reference }],
    group: [
      {
        population: populations,
        ...(definition.disaggregations.length
          ? { stratifier: definition.disaggregations.map((dimension) => ({ code: coding(codelistSystem('disaggregationDimension'), dimension) })) }
          : {}),
      },
    ],
  } as Measure;
}

/**
 * The extensions that carry one observation's own fields: its id, notes, method, interval. A suppressed cell's
 * interval is left out: its bounds would give away the value it withholds.
 */
function observationExtensions(observation: Observation, notes: Notes): Extension[] {
  const withheld = observation.suppressed === true && observation.confidenceInterval !== undefined;
  if (withheld) notes.warn('fhir.suppressed-value-withheld', { field: 'confidenceInterval' }, { record: observation.id }, 'observation.confidenceInterval');
  const ci = withheld ? undefined : observation.confidenceInterval;
  return [
    { url: phxExtensions.observationId, valueString: observation.id },
    ...(observation.methodNote ? [{ url: phxExtensions.methodNote, valueString: observation.methodNote }] : []),
    ...(observation.notes ? [{ url: phxExtensions.notes, valueString: observation.notes }] : []),
    ...(ci
      ? [
          {
            url: phxExtensions.confidenceInterval,
            extension: [
              { url: 'lower', valueDecimal: ci.lower },
              { url: 'upper', valueDecimal: ci.upper },
              ...(ci.level !== undefined ? [{ url: 'level', valueDecimal: ci.level }] : []),
            ],
          },
        ]
      : []),
  ];
}

/** Populations and score of one observation, as a group or a stratum holds them. */
function figures(observation: Observation, definition: IndicatorDefinition | undefined, notes: Notes): { population?: MeasureReportGroupPopulation[]; measureScore?: Quantity } {
  const countCode = definition?.calculation === 'count' ? 'initial-population' : 'numerator';
  const count = (code: string, value: number | undefined, withheld: boolean): MeasureReportGroupPopulation[] => {
    if (withheld) return [{ code: populationCode(code), _count: { extension: [masked()] } } as MeasureReportGroupPopulation];
    if (value === undefined) return [];
    if (!Number.isInteger(value)) {
      const field = code === 'denominator' ? 'denominator' : 'numerator';
      notes.warn('fhir.count-not-integer', { field }, { record: observation.id }, `observation.${field}`);
      return [];
    }
    return [{ code: populationCode(code), count: value }];
  };
  const suppressed = observation.suppressed === true;
  if (suppressed) {
    for (const field of ['value', 'numerator'] as const) {
      if (observation[field] !== undefined) notes.warn('fhir.suppressed-value-withheld', { field }, { record: observation.id }, `observation.${field}`);
    }
  }
  const population = [...count(countCode, observation.numerator, suppressed), ...count('denominator', observation.denominator, false)];
  const measureScore: Quantity | undefined = suppressed
    ? ({ extension: [masked()] } as Quantity)
    : observation.value !== undefined
      ? { value: observation.value, unit: observation.unit, system: hl7.ucum, code: ucumOfUnit[observation.unit] }
      : undefined;
  // FHIR JSON has no empty arrays: a value without numerator or denominator gives no population at all.
  return { ...(population.length ? { population } : {}), ...(measureScore ? { measureScore } : {}) };
}

/** The key of observations that share one MeasureReport: everything but the breakdown and the figures. */
function reportKey(o: Observation): string {
  return JSON.stringify([o.indicator, o.reportingOrganisation, o.scope.country, o.scope.subnationalArea ?? '', o.scope.facility ?? '', o.period.start, o.period.end, o.unit, o.dataSource]);
}

interface ReportDraft {
  total?: Observation;
  breakdowns: Map<string, Observation>;
}

/** Groups observations into MeasureReports: a total and its breakdowns; a second observation of the same slot starts another report. */
function draftReports(observations: readonly Observation[]): ReportDraft[] {
  const byKey = new Map<string, ReportDraft[]>();
  for (const observation of observations) {
    const drafts = byKey.get(reportKey(observation)) ?? [];
    byKey.set(reportKey(observation), drafts);
    const slot = disaggregationKey(observation);
    let draft = drafts.find((d) => (slot === '' ? d.total === undefined : !d.breakdowns.has(slot)));
    if (!draft) {
      draft = { breakdowns: new Map() };
      drafts.push(draft);
    }
    if (slot === '') draft.total = observation;
    else draft.breakdowns.set(slot, observation);
  }
  return [...byKey.values()].flat();
}

function stratifiers(breakdowns: Iterable<Observation>, definitions: Map<string, IndicatorDefinition>, notes: Notes): MeasureReportGroupStratifier[] {
  const byDimensions = new Map<string, MeasureReportGroupStratifier>();
  for (const observation of breakdowns) {
    const dimensions = dimensionsOf(observation);
    const key = dimensions.map(([dimension]) => dimension).join('+');
    let stratifier = byDimensions.get(key);
    if (!stratifier) {
      stratifier = { code: dimensions.map(([dimension]) => coding(codelistSystem('disaggregationDimension'), dimension)), stratum: [] };
      byDimensions.set(key, stratifier);
    }
    const values =
      dimensions.length === 1
        ? { value: coding(codelistSystem(dimensions[0]![0]), dimensions[0]![1]) }
        : { component: dimensions.map(([dimension, code]) => ({ code: coding(codelistSystem('disaggregationDimension'), dimension), value: coding(codelistSystem(dimension), code) })) };
    const stratum: MeasureReportGroupStratifierStratum = {
      extension: observationExtensions(observation, notes),
      ...values,
      ...figures(observation, definitions.get(observation.indicator), notes),
    };
    stratifier.stratum!.push(stratum);
  }
  return [...byDimensions.values()];
}

/**
 * Exports a package as a FHIR R4 transaction Bundle. What FHIR has no place for (meetings; the focus areas,
 * populations and regions of organisations; ...) is left out with a warning per field. Facilities, observations
 * and the package's own indicators are identified under systems of the package's publisher
 * (`.../id/publisher/<publisher id>/facility`), as their ids are unique only among that publisher's: two
 * publishers' Bundles sent to one FHIR server update each its own resources. Organisations, countries, areas and
 * catalogue indicators, named alike across the network, keep systems shared by every publisher.
 *
 * @example
 * ```ts
 * import { toFhirBundle } from '@phx/interop';
 * const { data: bundle, warnings } = toFhirBundle(pkg);
 * bundle.entry.filter((e) => e.resource.resourceType === 'MeasureReport').length; // one per indicator, scope and period
 * ```
 */
export function toFhirBundle(pkg: DataPackage): Exported<FhirBundle> {
  const notes = new Notes();
  reportUncarried(pkg, fhirFieldMap, 'FHIR', notes);
  const writer = new BundleWriter();
  const definitions = indicatorsOf(pkg);
  const facilities = new Map((pkg.facilities ?? []).map((f) => [f.id, f]));
  const publisher = pkg.publisher.id;
  const facilitySystem = publisherSystem(publisher, 'facility');
  const observationSystem = publisherSystem(publisher, 'observation');
  // Indicators the package defines (its own, or its own version of a catalogue one) are the publisher's, as is
  // one known to neither: only the catalogue's Measures are shared.
  const ownIndicators = new Set((pkg.indicators ?? []).map((d) => d.code));
  const catalogued = (code: string) => !ownIndicators.has(code) && definitions.has(code);
  const urlOfMeasure = (code: string) => measureUrl(code, catalogued(code) ? undefined : publisher);

  for (const org of pkg.organisations ?? []) writer.add(`organisation|${org.id}`, asResource(organization(org)), conditional('Organization', identifierSystems.organisation, org.id));

  const country = (code: string) => writer.add(`country|${code}`, asResource(countryLocation(code)), conditional('Location', identifierSystems.country, code));
  const area = (code: string, name: string) =>
    writer.add(`area|${code}/${name}`, asResource(areaLocation(code, name, country(code))), conditional('Location', identifierSystems.area, `${code}/${name}`));
  const facility = (f: Facility) =>
    writer.add(`facility|${f.id}`, asResource(facilityLocation(f, facilitySystem, f.subnationalArea ? area(f.country, f.subnationalArea) : country(f.country))), conditional('Location', facilitySystem, f.id));
  for (const f of pkg.facilities ?? []) facility(f);

  const measures = new Set([...(pkg.indicators ?? []).map((d) => d.code), ...(pkg.observations ?? []).map((o) => o.indicator)]);
  for (const code of measures) {
    const definition = definitions.get(code);
    if (definition) writer.add(`measure|${code}`, asResource(measure(definition, catalogued(code) ? undefined : publisher)), `Measure?url=${urlOfMeasure(code)}`);
    else notes.warn('fhir.unknown-indicator', { indicator: code }, undefined, 'observation.indicator');
  }

  for (const draft of draftReports(pkg.observations ?? [])) {
    const first = draft.total ?? draft.breakdowns.values().next().value!;
    const scopeFacility = first.scope.facility ? facilities.get(first.scope.facility) : undefined;
    const subject = first.scope.facility
      ? scopeFacility
        ? facility(scopeFacility)
        : undefined
      : first.scope.subnationalArea
        ? area(first.scope.country, first.scope.subnationalArea)
        : country(first.scope.country);
    const subjectReference: Reference<Location> = subject
      ? { reference: subject }
      : { identifier: { system: facilitySystem, value: first.scope.facility! } };
    const reporterUrl = writer.fullUrlOf(`organisation|${first.reportingOrganisation}`);
    const group: MeasureReportGroup = {
      ...(draft.total ? { extension: observationExtensions(draft.total, notes), ...figures(draft.total, definitions.get(first.indicator), notes) } : {}),
      ...(draft.breakdowns.size ? { stratifier: stratifiers(draft.breakdowns.values(), definitions, notes) } : {}),
    };
    const report: MeasureReport = {
      resourceType: 'MeasureReport',
      extension: [{ url: phxExtensions.dataSource, valueCoding: { system: codelistSystem('dataSource'), code: first.dataSource } }],
      identifier: [draft.total ?? first].map((o) => ({ system: observationSystem, value: o.id })),
      status: 'complete',
      type: 'summary',
      measure: urlOfMeasure(first.indicator),
      subject: subjectReference,
      date: pkg.publishedAt,
      reporter: { ...(reporterUrl ? { reference: reporterUrl } : {}), identifier: { system: identifierSystems.organisation, value: first.reportingOrganisation } },
      period: { start: first.period.start, end: first.period.end },
      group: [group],
    };
    const identity = `report|${(draft.total ?? first).id}`;
    writer.add(identity, asResource(report), conditional('MeasureReport', observationSystem, (draft.total ?? first).id));
  }

  const bundle: FhirBundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    identifier: { system: identifierSystems.package, value: pkg.id },
    timestamp: pkg.publishedAt,
    meta: {
      extension: [
        { url: phxExtensions.publisher, valueReference: { identifier: { system: identifierSystems.organisation, value: pkg.publisher.id }, display: pkg.publisher.name } },
        { url: phxExtensions.license, valueString: pkg.license },
      ],
    },
    entry: writer.entries as FhirBundle['entry'],
  };
  return { data: bundle, warnings: notes.list() };
}
