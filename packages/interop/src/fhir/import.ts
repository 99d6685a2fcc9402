/**
 * A FHIR R4 Bundle (as `toFhirBundle` writes it, or any Bundle of the same resources) read back into PHX
 * records. Resources without a PHX identifier are skipped with a warning; nothing here throws on bad input.
 */
import * as z from 'zod';
import { codelists, indicatorCatalogue, type Facility, type IndicatorDefinition, type Observation, type Organisation } from '@phx/schema';
import { breakdownDimensions } from '../breakdowns.js';
import { assemblePackage, IdMaker, observationIdParts, withoutWithheldFigures, type ImportedRecords, type ImportOptions, type ImportResult, type PackageHeader } from '../imported.js';
import { Notes, type At } from '../report.js';
import { codelistSystem, codeOfMeasureUrl, hl7, identifierSystems, isPhxSystem, measureUrl, phxExtensions, ucumOfUnit, type PublisherScoped } from './vocabulary.js';

type Json = Record<string, unknown>;

const Entry = z.looseObject({ fullUrl: z.string().optional(), resource: z.looseObject({ resourceType: z.string() }) });
const BundleShape = z.looseObject({ resourceType: z.literal('Bundle'), entry: z.array(z.unknown()).optional() });

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The value of an identifier of a system among `identifier[]`. */
function identifierOf(resource: Json, system: string): string | undefined {
  return text(list(resource.identifier).find((i) => i.system === system)?.value);
}

/** The value of a PHX identifier of a kind: under any publisher's system, or the unscoped one of earlier Bundles. */
function phxIdOf(resource: Json, kind: PublisherScoped): string | undefined {
  return text(list(resource.identifier).find((i) => isPhxSystem(i.system, kind))?.value);
}

/** The code of a coding of a system in a CodeableConcept (or one of several). */
function codeOf(concepts: unknown, system: string): string | undefined {
  const all = Array.isArray(concepts) ? concepts : [concepts];
  for (const concept of all.filter(isObject)) {
    const code = text(list(concept.coding).find((c) => c.system === system)?.code);
    if (code) return code;
  }
  return undefined;
}

const extensionsOf = (element: unknown, url: string): Json[] => (isObject(element) ? list(element.extension).filter((e) => e.url === url) : []);
const extensionOf = (element: unknown, url: string): Json | undefined => extensionsOf(element, url)[0];
const subExtension = (extension: Json | undefined, url: string): Json | undefined => list(extension?.extension).find((e) => e.url === url);
const isMasked = (element: unknown) => extensionOf(element, hl7.dataAbsentReason)?.valueCode === 'masked';

/** A language map from the translation extensions of `_element`, else the plain text as English. */
function languageMap(plain: unknown, shadow: unknown): Record<string, string> | undefined {
  const map: Record<string, string> = {};
  for (const translation of extensionsOf(shadow, hl7.translation)) {
    const lang = text(subExtension(translation, 'lang')?.valueCode);
    const content = text(subExtension(translation, 'content')?.valueString);
    if (lang && content) map[lang] = content;
  }
  if (Object.keys(map).length) return map;
  const value = text(plain);
  return value ? { en: value } : undefined;
}

/** A code of a closed PHX codelist, or undefined. */
function known<T extends string>(code: string | undefined, codes: readonly T[]): T | undefined {
  return code !== undefined && (codes as readonly string[]).includes(code) ? (code as T) : undefined;
}

/** A RESTful `[type]/[id]` (optionally `/_history/[version]`) at the end of a URL, and the base before it. */
const RESTFUL = /^((?:https?:\/\/.+\/)?)([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

class BundleReader {
  readonly byFullUrl = new Map<string, Json>();
  readonly resources: Json[] = [];
  readonly #fullUrlOf = new Map<Json, string>();
  readonly #indexOf = new Map<Json, number>();

  constructor(entries: unknown[], notes: Notes) {
    entries.forEach((entry, index) => {
      const parsed = Entry.safeParse(entry);
      if (!parsed.success) {
        notes.warn('fhir.entry-unreadable', {}, { pointer: `/entry/${index}` });
        return;
      }
      this.resources.push(parsed.data.resource);
      this.#indexOf.set(parsed.data.resource, index);
      if (parsed.data.fullUrl) {
        this.byFullUrl.set(parsed.data.fullUrl, parsed.data.resource);
        this.#fullUrlOf.set(parsed.data.resource, parsed.data.fullUrl);
      }
    });
  }

  /** Where a resource is in the Bundle, as a JSON Pointer to its entry. */
  pointerOf(resource: Json): string {
    return `/entry/${this.#indexOf.get(resource) ?? 0}`;
  }

  ofType(type: string): Json[] {
    return this.resources.filter((r) => r.resourceType === type);
  }

  /**
   * The resource of a type a Reference in `from` points to: by `reference` as R4 resolves it in a Bundle
   * (bundle.html, "Resolving references in Bundles"), else by identifier.
   */
  resolve(reference: unknown, type: string, from: Json): Json | undefined {
    if (!isObject(reference)) return undefined;
    const url = text(reference.reference);
    const byUrl = url === undefined ? undefined : this.#byReference(url, from);
    if (byUrl) return byUrl.resourceType === type ? byUrl : undefined;
    const identifier = isObject(reference.identifier) ? reference.identifier : undefined;
    if (!identifier) return undefined;
    return this.ofType(type).find((r) => list(r.identifier).some((i) => i.system === identifier.system && i.value === identifier.value));
  }

  /**
   * `#id`: a resource contained in `from`. A fullUrl: its entry. `[type]/[id]`: the entry whose fullUrl is that
   * reference on the base of `from`'s fullUrl, when that fullUrl is a RESTful one (a `urn:uuid:` has no base).
   */
  #byReference(url: string, from: Json): Json | undefined {
    if (url.startsWith('#')) return list(from.contained).find((r) => r.id === url.slice(1));
    const restful = RESTFUL.exec(url);
    const versionless = restful ? restful[1]! + restful[2]! : url;
    const found = this.byFullUrl.get(url) ?? this.byFullUrl.get(versionless);
    if (found || !restful || restful[1]) return found;
    const base = RESTFUL.exec(this.#fullUrlOf.get(from) ?? '')?.[1];
    return base ? this.byFullUrl.get(base + restful[2]!) : undefined;
  }
}

function readOrganisation(resource: Json, notes: Notes): Organisation | undefined {
  const id = identifierOf(resource, identifierSystems.organisation);
  const name = languageMap(resource.name, resource._name);
  const organisationType = known(codeOf(resource.type, codelistSystem('organisationType')), codelists.organisationType.codes) ?? 'other';
  const countries = list(resource.address).map((a) => text(a.country)).filter((c): c is string => c !== undefined);
  if (!id || !name) {
    const resourceId = text(resource.id);
    notes.warn('fhir.resource-skipped', { resourceType: 'Organization', reason: id ? 'name' : 'identifier' }, resourceId === undefined ? undefined : { record: resourceId });
    return undefined;
  }
  const telecom = list(resource.telecom);
  const website = text(telecom.find((t) => t.system === 'url')?.value);
  const email = text(telecom.find((t) => t.system === 'email')?.value);
  const acronym = Array.isArray(resource.alias) ? text(resource.alias[0]) : undefined;
  return {
    id,
    name,
    ...(acronym ? { acronym } : {}),
    organisationType,
    countries: countries as Organisation['countries'],
    ...(website ? { website } : {}),
    ...(email ? { email } : {}),
  };
}

function readFacility(resource: Json, id: string): Facility {
  const address = isObject(resource.address) ? resource.address : {};
  const population = extensionOf(resource, phxExtensions.population);
  const count = number(subExtension(population, 'count')?.valueInteger);
  const date = text(subExtension(population, 'date')?.valueDate);
  const capacity = number(extensionOf(resource, phxExtensions.capacity)?.valueInteger);
  const operator = known(text(extensionOf(resource, phxExtensions.operator)?.valueCode), codelists.facilityOperator.codes);
  const name = text(resource.name);
  const subnationalArea = text(address.state);
  return {
    id,
    ...(name ? { name } : {}),
    country: (text(address.country) ?? '') as Facility['country'],
    ...(subnationalArea ? { subnationalArea } : {}),
    facilityType: known(codeOf(resource.type, codelistSystem('facilityType')), codelists.facilityType.codes) ?? 'other',
    ...(capacity !== undefined ? { capacity } : {}),
    ...(count !== undefined && date ? { population: { count, date } } : {}),
    ...(operator ? { operator } : {}),
  };
}

/** The indicator definition of a Measure, else what it lacks to be one. */
function readIndicator(resource: Json, code: string): IndicatorDefinition | 'title' | 'description' | 'unit' {
  const unitCode = codeOf(extensionOf(resource, hl7.scoringUnit)?.valueCodeableConcept, hl7.ucum);
  const unit = (Object.keys(ucumOfUnit) as (keyof typeof ucumOfUnit)[]).find((u) => ucumOfUnit[u] === unitCode);
  const name = languageMap(resource.title, resource._title);
  const description = languageMap(resource.description, resource._description);
  if (!name) return 'title';
  if (!description) return 'description';
  if (!unit) return 'unit';
  const scoring = codeOf(resource.scoring, hl7.measureScoring);
  const calculation = scoring === 'cohort' ? 'count' : scoring === 'proportion' ? 'proportion' : unit.startsWith('rate') ? 'rate' : 'ratio';
  const group = list(resource.group)[0] ?? {};
  const populationText = (codes: string[]) => {
    const population = list(group.population).find((p) => codes.includes(codeOf(p.code, hl7.measurePopulation) ?? ''));
    return languageMap(population?.description, population?._description);
  };
  const numerator = populationText(['numerator', 'initial-population']);
  const denominator = populationText(['denominator']);
  const artifact = list(resource.relatedArtifact)[0] ?? {};
  const countsPeople = extensionOf(resource, phxExtensions.countsPeople)?.valueBoolean;
  return {
    code,
    name,
    description,
    unit,
    calculation,
    ...(numerator ? { numerator } : {}),
    ...(denominator ? { denominator } : {}),
    disaggregations: list(group.stratifier)
      .map((s) => known(codeOf(s.code, codelistSystem('disaggregationDimension')), codelists.disaggregationDimension.codes))
      .filter((d): d is NonNullable<typeof d> => d !== undefined),
    framework: text(artifact.label) ?? 'phx',
    reference: text(artifact.display) ?? code,
    interventions: (Array.isArray(resource.topic) ? resource.topic : []).map((t) => codeOf(t, codelistSystem('focusArea'))).filter((c): c is string => c !== undefined),
    ...(typeof countsPeople === 'boolean' ? { countsPeople } : {}),
  };
}

/**
 * Whether a Location without PHX identifiers is a country: it says nothing of a place within the country (a
 * state, a town, a building, another identifier, a name other than the country's code).
 */
function isCountryOnly(location: Json, country: string): boolean {
  const address = isObject(location.address) ? location.address : {};
  const physicalType = codeOf(location.physicalType, hl7.locationPhysicalType);
  return (
    list(location.identifier).length === 0 &&
    Object.keys(address).every((key) => key === 'country' || key === 'use' || key === 'type') &&
    [undefined, country].includes(text(location.name)) &&
    location.partOf === undefined &&
    location.position === undefined &&
    location.type === undefined &&
    (location.physicalType === undefined || physicalType === 'jdn')
  );
}

/**
 * The scope of a report from the Location it is about; `unknown` names a Location PHX cannot place (not a PHX
 * facility or area, not a country), whose figures must not be taken for the whole country's.
 */
function scopeOf(location: Json | undefined): { scope: Observation['scope'] } | { unknown: string } | undefined {
  if (!location) return undefined;
  const address = isObject(location.address) ? location.address : {};
  const iso = identifierOf(location, identifierSystems.country);
  const country = (text(address.country) ?? iso) as Observation['scope']['country'] | undefined;
  if (!country) return undefined;
  const facility = phxIdOf(location, 'facility');
  if (facility) return { scope: { country, facility } };
  const area = identifierOf(location, identifierSystems.area);
  if (area) return { scope: { country, subnationalArea: text(address.state) ?? area.slice(3) } };
  if (iso || isCountryOnly(location, country)) return { scope: { country } };
  const name = text(location.name) ?? text(list(location.identifier)[0]?.value) ?? text(location.id) ?? country;
  return { unknown: name };
}

const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * A FHIR date or dateTime as a PHX date. R4 lets it be a year or a month, and a Period's end includes the whole of
 * it: a year or month is read as its first day at the `start` of a period, its last day at the `end`.
 */
function dateOf(value: unknown, edge: 'start' | 'end'): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T.+)?)?)?$/.exec(text(value) ?? '');
  if (!match) return undefined;
  const [, year, month, day] = match as unknown as [string, string, string | undefined, string | undefined];
  if (month === undefined) return `${year}-${edge === 'start' ? '01-01' : '12-31'}`;
  const last = Number(month) >= 1 && Number(month) <= 12 ? daysIn(Number(year), Number(month)) : 0;
  if (last === 0) return undefined;
  if (day === undefined) return `${year}-${month}-${edge === 'start' ? '01' : String(last)}`;
  return Number(day) >= 1 && Number(day) <= last ? `${year}-${month}-${day}` : undefined;
}

/** The figures and own fields of one observation, from a group or a stratum. */
function readFigures(element: Json, unit: Observation['unit'], notes: Notes, at: At): Partial<Observation> {
  const populations = list(element.population);
  const populationOf = (codes: string[]) => populations.find((p) => codes.includes(codeOf(p.code, hl7.measurePopulation) ?? ''));
  const numeratorPopulation = populationOf(['numerator', 'initial-population']);
  const numerator = number(numeratorPopulation?.count);
  const denominator = number(populationOf(['denominator'])?.count);
  const score = isObject(element.measureScore) ? element.measureScore : undefined;
  const suppressed = isMasked(score) || isMasked(numeratorPopulation?._count);
  // A score in another UCUM unit (a proportion as `1`, a rate per 100 000) is not read as the indicator's: 0.042 is not 0.042 %.
  const scoreCode = score?.system === hl7.ucum ? text(score.code) : undefined;
  const unlike = scoreCode !== undefined && scoreCode !== ucumOfUnit[unit];
  if (unlike && score?.value !== undefined) notes.warn('fhir.score-unit-unlike', { code: scoreCode, expected: ucumOfUnit[unit] }, at, 'observation.value');
  const value = unlike ? undefined : number(score?.value);
  const ci = extensionOf(element, phxExtensions.confidenceInterval);
  const lower = number(subExtension(ci, 'lower')?.valueDecimal);
  const upper = number(subExtension(ci, 'upper')?.valueDecimal);
  const level = number(subExtension(ci, 'level')?.valueDecimal);
  const methodNote = text(extensionOf(element, phxExtensions.methodNote)?.valueString);
  const notesText = text(extensionOf(element, phxExtensions.notes)?.valueString);
  return {
    ...(numerator !== undefined ? { numerator } : {}),
    ...(denominator !== undefined ? { denominator } : {}),
    ...(value !== undefined ? { value } : {}),
    unit,
    ...(methodNote ? { methodNote } : {}),
    ...(lower !== undefined && upper !== undefined ? { confidenceInterval: { lower, upper, ...(level !== undefined ? { level } : {}) } } : {}),
    ...(suppressed ? { suppressed: true } : {}),
    ...(notesText ? { notes: notesText } : {}),
  };
}

/** The breakdown of a stratum: its value (one dimension) or components (several). */
function breakdownOf(stratum: Json, stratifierCodes: unknown): Observation['disaggregation'] | undefined {
  const disaggregation: Record<string, string> = {};
  const dimensionSystem = codelistSystem('disaggregationDimension');
  if (isObject(stratum.value)) {
    const dimension = codeOf(stratifierCodes, dimensionSystem);
    const code = dimension && codeOf(stratum.value, codelistSystem(dimension));
    if (dimension && code) disaggregation[dimension] = code;
  }
  for (const component of list(stratum.component)) {
    const dimension = codeOf(component.code, dimensionSystem);
    const code = dimension && codeOf(component.value, codelistSystem(dimension));
    if (dimension && code) disaggregation[dimension] = code;
  }
  const entries = breakdownDimensions.filter((d) => disaggregation[d] !== undefined).map((d) => [d, disaggregation[d]]);
  return entries.length ? (Object.fromEntries(entries) as Observation['disaggregation']) : undefined;
}

/** What names a MeasureReport group in a note: its code's text or first code, else its place (from 1) as `#2`. */
function groupName(group: Json, index: number): string {
  const code = isObject(group.code) ? group.code : {};
  return text(code.text) ?? text(list(code.coding)[0]?.code) ?? text(list(code.coding)[0]?.display) ?? `#${index + 1}`;
}

/**
 * The group of a MeasureReport that holds its total and breakdowns, as the exporter writes it: the one group
 * without a code. Any other group (one with a code, or each of several without) counts something PHX cannot
 * tell from the total, so it is skipped with a warning rather than read as the total.
 */
function totalGroup(report: Json, notes: Notes, where: At): Json {
  const groups = list(report.group);
  const uncoded = groups.filter((g) => g.code === undefined);
  const total = uncoded.length === 1 ? uncoded[0]! : undefined;
  groups.forEach((group, index) => {
    if (group !== total) notes.warn('fhir.group-skipped', { group: groupName(group, index) }, where);
  });
  return total ?? {};
}

/** Reads the records of a FHIR Bundle. */
function readBundle(bundle: Json, notes: Notes): ImportedRecords {
  const reader = new BundleReader(Array.isArray(bundle.entry) ? bundle.entry : [], notes);
  const ids = new IdMaker();
  const organisations = reader.ofType('Organization').map((r) => readOrganisation(r, notes)).filter((o): o is Organisation => o !== undefined);
  const facilities: Facility[] = [];
  for (const location of reader.ofType('Location')) {
    const id = phxIdOf(location, 'facility');
    if (id) facilities.push(readFacility(location, id));
  }
  const measures = new Map<string, Json>();
  const indicators: IndicatorDefinition[] = [];
  const catalogued = new Set(indicatorCatalogue.map((d) => d.code));
  for (const resource of reader.ofType('Measure')) {
    const url = text(resource.url);
    const code = phxIdOf(resource, 'indicator') ?? (url === undefined ? undefined : (codeOfMeasureUrl(url) ?? url));
    if (!code) continue;
    measures.set(url ?? measureUrl(code), resource);
    // A catalogue indicator's Measure is the catalogue's; one under a publisher's URL is that package's own definition.
    const own = url !== undefined && url !== measureUrl(code) && codeOfMeasureUrl(url) === code;
    if (catalogued.has(code) && !own) continue;
    const definition = readIndicator(resource, code);
    if (typeof definition === 'string') notes.warn('fhir.resource-skipped', { resourceType: 'Measure', reason: definition }, { record: code });
    else indicators.push(definition);
  }
  const units = new Map<string, Observation['unit']>([...indicatorCatalogue, ...indicators].map((d) => [d.code, d.unit]));

  const observations: Observation[] = [];
  for (const report of reader.ofType('MeasureReport')) {
    const reportId = phxIdOf(report, 'observation') ?? text(report.id);
    const where: At = reportId === undefined ? { pointer: reader.pointerOf(report) } : { record: reportId };
    const measure = text(report.measure);
    const indicator = measure ? (phxIdOf(measures.get(measure) ?? {}, 'indicator') ?? codeOfMeasureUrl(measure) ?? measure) : undefined;
    const reporter = isObject(report.reporter) ? report.reporter : {};
    const reporterIdentifier = isObject(reporter.identifier) && reporter.identifier.system === identifierSystems.organisation ? text(reporter.identifier.value) : undefined;
    const reportingOrganisation = reporterIdentifier ?? identifierOf(reader.resolve(reporter, 'Organization', report) ?? {}, identifierSystems.organisation);
    const subject = reader.resolve(report.subject, 'Location', report);
    const place = scopeOf(subject);
    if (place && 'unknown' in place) {
      notes.warn('fhir.subject-unknown', { location: place.unknown }, where, 'observation.scope');
      continue;
    }
    // Only a summary report holds aggregate figures; FHIR's status `error` says they are not reliable, and `pending`
    // that they may still change: PHX has no place to mark figures provisional, and would pass them on as final.
    const status = text(report.status);
    const type = text(report.type);
    if (status === 'error' || status === 'pending' || (type !== undefined && type !== 'summary')) {
      notes.warn('fhir.report-skipped', status === 'error' || status === 'pending' ? { reason: 'status', value: status } : { reason: 'type', value: type! }, where);
      continue;
    }
    const scope = place?.scope;
    const period = isObject(report.period) ? report.period : {};
    const start = dateOf(period.start, 'start');
    const end = dateOf(period.end, 'end');
    const dataSource = known(extensionOf(report, phxExtensions.dataSource)?.valueCoding ? text((extensionOf(report, phxExtensions.dataSource)!.valueCoding as Json).code) : undefined, codelists.dataSource.codes);
    if (!indicator || !reportingOrganisation || !scope || !start || !end) {
      // The first thing the report lacks, so that the note says which.
      const reason = !indicator ? 'measure' : !reportingOrganisation ? 'reporter' : !scope ? 'subject' : 'period';
      notes.warn('fhir.resource-skipped', { resourceType: 'MeasureReport', reason }, where);
      continue;
    }
    if (!dataSource) notes.warn('fhir.default-data-source', {}, where, 'observation.dataSource');
    const group = totalGroup(report, notes, where);
    const scoreUnit = isObject(group.measureScore) ? text(group.measureScore.code) : undefined;
    const unit = units.get(indicator) ?? (Object.keys(ucumOfUnit) as Observation['unit'][]).find((u) => ucumOfUnit[u] === scoreUnit) ?? 'count';
    const common = { indicator, reportingOrganisation, scope, period: { start, end }, dataSource: dataSource ?? 'routine-programme-data' } as const;
    const hasTotal = list(group.population).length > 0 || isObject(group.measureScore) || extensionOf(group, phxExtensions.observationId) !== undefined;
    if (hasTotal) {
      const id = ids.keep(text(extensionOf(group, phxExtensions.observationId)?.valueString) ?? phxIdOf(report, 'observation'), observationIdParts(common));
      observations.push(withoutWithheldFigures({ id, ...common, ...readFigures(group, unit, notes, { record: id }) } as Observation, notes, { record: id }));
    }
    for (const stratifier of list(group.stratifier)) {
      for (const stratum of list(stratifier.stratum)) {
        const disaggregation = breakdownOf(stratum, stratifier.code);
        if (!disaggregation) {
          notes.warn('fhir.resource-skipped', { resourceType: 'stratum', reason: 'breakdown' }, where, 'observation.disaggregation');
          continue;
        }
        const id = ids.keep(text(extensionOf(stratum, phxExtensions.observationId)?.valueString), observationIdParts({ ...common, disaggregation }));
        observations.push(withoutWithheldFigures({ id, ...common, disaggregation, ...readFigures(stratum, unit, notes, { record: id }) } as Observation, notes, { record: id }));
      }
    }
  }

  const meta = isObject(bundle.meta) ? bundle.meta : {};
  const publisherReference = extensionOf(meta, phxExtensions.publisher)?.valueReference;
  const publisherId = isObject(publisherReference) && isObject(publisherReference.identifier) ? text(publisherReference.identifier.value) : undefined;
  const header: PackageHeader = {
    ...(identifierOf({ identifier: [bundle.identifier] }, identifierSystems.package) ? { id: identifierOf({ identifier: [bundle.identifier] }, identifierSystems.package)! } : {}),
    ...(publisherId ? { publisher: { id: publisherId, ...(text((publisherReference as Json).display) ? { name: text((publisherReference as Json).display)! } : {}) } } : {}),
    ...(text(extensionOf(meta, phxExtensions.license)?.valueString) ? { license: text(extensionOf(meta, phxExtensions.license)?.valueString)! } : {}),
    ...(text(bundle.timestamp) ? { publishedAt: text(bundle.timestamp)! } : {}),
  };
  return { organisations, facilities, indicators, observations, header };
}

/**
 * Reads a FHIR R4 Bundle (parsed JSON) back into a PHX package: Organization → organisations, Location with a
 * PHX facility identifier → facilities, Measure beyond the catalogue → indicators, MeasureReport → observations
 * (the figures of its group without a code as the total, each stratum as a breakdown; any other group is skipped
 * with a warning). A report about a Location that is not a PHX facility, area or country, one that is not a
 * summary, and one whose status is `error` or `pending` (its figures may still change) are skipped with a warning;
 * a year or month period is read whole. Facilities, observations and indicators are read from PHX identifiers of
 * any publisher. Never throws: unreadable input is an error note.
 *
 * @example
 * ```ts
 * import { fromFhirBundle } from '@phx/interop';
 * const { package: pkg, notes } = fromFhirBundle(JSON.parse(text));
 * pkg?.observations?.length;
 * ```
 */
export function fromFhirBundle(input: unknown, options: ImportOptions = {}): ImportResult {
  const notes = new Notes();
  const parsed = BundleShape.safeParse(input);
  if (!parsed.success) {
    notes.error('fhir.not-a-bundle', {});
    return { package: undefined, notes: notes.list() };
  }
  const records = readBundle(parsed.data, notes);
  const pkg = assemblePackage('fhir', records, options, notes);
  return { package: pkg, notes: notes.list() };
}
