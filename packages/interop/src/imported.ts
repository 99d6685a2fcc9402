/**
 * What every importer shares: the options that complete a package header the source format does not carry,
 * identifiers for records the source does not name, and the assembly of the imported package.
 */
import { PHX_VERSION, valueOfParts, type DataPackage, type Facility, type IndicatorDefinition, type Observation, type Organisation } from '@phx/schema';
import { fingerprint } from './fingerprint.js';
import { indicatorsOf } from './indicators.js';
import { periodName } from './period.js';
import type { At, InteropNote, Notes } from './report.js';

/**
 * The header of an imported package, where the source does not carry it. Each field left out is taken from
 * the source when it carries one (a FHIR Bundle does; DHIS2 and SDMX-CSV do not).
 *
 * @example
 * ```ts
 * const header: PackageHeader = { publisher: { id: 'UA-EDR-38214567', name: 'Ukrainian Harm Reduction in Prisons Alliance' }, license: 'CC-BY-4.0' };
 * ```
 */
export interface PackageHeader {
  /**
   * Identifier of the new package.
   * @default `imported-<source>`
   */
  id?: string;
  /**
   * Publishing organisation. Without a `name`, it is named as the source names it, else by the name of the
   * organisation of that id among the source's records or `knownRecords`.
   * @default what the source names, else the one organisation that reports every observation
   */
  publisher?: { id: string; name?: string };
  /**
   * Licence of the data (SPDX identifier or URL).
   * @default what the source names; an import without one fails
   */
  license?: string;
  /**
   * When the package is published.
   * @default what the source names, else now
   */
  publishedAt?: string;
}

/**
 * Options every importer takes.
 *
 * @example
 * ```ts
 * const options: ImportOptions = { header: { license: 'CC-BY-4.0' }, now: new Date('2024-03-01T00:00:00Z'), knownRecords: pkg };
 * ```
 */
export interface ImportOptions {
  /** The package header, where the source does not carry it. */
  header?: PackageHeader;
  /**
   * The clock, for `publishedAt`.
   * @default the current time
   */
  now?: Date;
  /**
   * Records the source may not carry (DHIS2 and SDMX carry no organisations, facilities or indicator definitions),
   * e.g. those of the network's own package: the ones the imported observations refer to, and the publisher, are
   * added to the package, unless the source has a record of the same id.
   */
  knownRecords?: Pick<DataPackage, 'organisations' | 'facilities' | 'indicators'>;
}

/**
 * The result of an import: the package (absent when the input could not be read at all) and the notes.
 *
 * @example
 * ```ts
 * const { package: pkg, notes } = importPackage(text, 'sdmx-csv', { header: { license: 'CC-BY-4.0' } });
 * if (pkg) console.log(validate(pkg).ok);
 * for (const note of notes) console.error(`${note.severity} ${note.code}: ${note.message}`);
 * ```
 */
export interface ImportResult {
  /** The imported package; absent when an error note says why. */
  package: DataPackage | undefined;
  /** Errors (the input could not be read) and warnings (something was left behind). */
  notes: InteropNote[];
}

/** Records read from a source, and what it says about the package header. */
export interface ImportedRecords {
  organisations: Organisation[];
  facilities: Facility[];
  indicators: IndicatorDefinition[];
  observations: Observation[];
  header: PackageHeader;
}

const recordIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * What tells an observation apart, for an id when the source gives none: indicator, country, area, facility, period,
 * breakdown and reporting organisation (`hiv-prevalence-prisoners.UA.ua-fac-12.2023-Q1.female.UA-EDR-38214567`), so
 * that an observation gets the same id whatever else the source holds and in whatever order.
 */
export function observationIdParts(observation: Pick<Observation, 'indicator' | 'scope' | 'period' | 'disaggregation' | 'reportingOrganisation'>): string[] {
  const { indicator, scope, period, disaggregation, reportingOrganisation } = observation;
  return [indicator, scope.country, scope.subnationalArea ?? '', scope.facility ?? '', periodName(period), ...Object.values(disaggregation ?? {}), reportingOrganisation].filter(Boolean);
}

/** Longest id made from parts, leaving room for a counter within the 128 characters of a record id. */
const MADE_ID_LENGTH = 120;

/** Cyrillic letters in Latin ones, as Ukraine's passports write them (Russian letters alike): `Київська` → `Kyivska`. */
const cyrillicLetters = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ';
const latinOfCyrillic = 'a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch - iu ia y e e -'.split(' ');
/** Letters written otherwise at the start of a word (`Yosypivka`, `Yana`, `Yevhen`). */
const atWordStart: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };
/** Signs of the age groups' codes, in words (`<25` → `under25`, `25+` → `25plus`); apostrophes, as passports drop them (`Мар'яна` → `Mariana`). */
const signs: Record<string, string> = { '<': 'under', '>': 'over', '+': 'plus', "'": '', 'ʼ': '', '’': '' };

/**
 * A part of an id in the characters of a record id: accents dropped (`Île` → `Ile`), Cyrillic letters in Latin ones,
 * signs in words, other runs as `-`; a part in another script (Georgian, Arabic) by its fingerprint, so that parts
 * that differ give ids that differ.
 */
function idPart(part: string): string {
  let latin = '';
  let wordStart = true;
  let before = '';
  // Cyrillic letters first, whole (`й` is not `и` with a mark); other letters without their marks.
  for (const char of part.normalize('NFC')) {
    const lower = char.toLowerCase();
    const at = cyrillicLetters.indexOf(lower);
    // `зг` is `zgh`, not `zh`, which is `ж` (`Згурівка` → `Zghurivka`).
    const cyrillic = wordStart ? atWordStart[lower] : before === 'з' && lower === 'г' ? 'gh' : undefined;
    const written = at === -1 ? (signs[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '')) : (cyrillic ?? latinOfCyrillic[at]!.replace('-', ''));
    before = lower;
    latin += lower !== char && written ? written[0]!.toUpperCase() + written.slice(1) : written;
    // An apostrophe is inside a word (`Кам'янське` → `Kamianske`).
    wordStart = !/[\p{L}'ʼ’]/u.test(char);
  }
  const safe = latin.replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^-+|-+$/g, '');
  return /[A-Za-z0-9]/.test(safe) || !/[\p{L}\p{N}]/u.test(part) ? safe : `x${fingerprint(part)}`;
}

/** Makes record ids from parts, unique within one import. */
export class IdMaker {
  readonly #used = new Set<string>();

  /**
   * An id from the parts (see `idPart`), with a counter when taken. One too long keeps its start and ends with the
   * fingerprint of the whole, so that ids that differ only at their ends (a period, a breakdown) still differ.
   */
  make(parts: readonly string[]): string {
    const joined = parts.map(idPart).filter(Boolean).join('.').replace(/^[^A-Za-z0-9]+/, '');
    const base = (joined.length > MADE_ID_LENGTH ? `${joined.slice(0, MADE_ID_LENGTH - 9)}.${fingerprint(joined)}` : joined) || 'record';
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = `${base}-${n}`;
    this.#used.add(id);
    return id;
  }

  /** Keeps `id` when it is a valid record id not yet taken; otherwise makes one from the parts. */
  keep(id: string | undefined, parts: readonly string[]): string {
    if (id !== undefined && recordIdPattern.test(id) && !this.#used.has(id)) {
      this.#used.add(id);
      return id;
    }
    return this.make(parts);
  }
}

/**
 * The name of the publisher `id`: as the options or the source name it, else the name of that organisation among
 * the records (in English where it has one), else the id.
 */
function publisherName(id: string, named: (PackageHeader['publisher'] | undefined)[], records: (Organisation[] | undefined)[]): string {
  const given = named.find((publisher) => publisher?.id === id && publisher.name !== undefined)?.name;
  if (given !== undefined) return given;
  const name = records.flatMap((list) => list ?? []).find((organisation) => organisation.id === id)?.name;
  return name?.en ?? Object.values(name ?? {})[0] ?? id;
}

/** Assembles the imported package, completing the header from the options, the source and the data. */
export function assemblePackage(source: string, records: ImportedRecords, options: ImportOptions, notes: Notes): DataPackage | undefined {
  const given = options.header ?? {};
  const known = options.knownRecords ?? {};
  const reporters = [...new Set(records.observations.map((o) => o.reportingOrganisation))];
  const publisherId = given.publisher?.id ?? records.header.publisher?.id ?? (reporters.length === 1 ? reporters[0] : undefined);
  const publisher = publisherId === undefined ? undefined : { id: publisherId, name: publisherName(publisherId, [given.publisher, records.header.publisher], [records.organisations, known.organisations]) };
  const license = given.license ?? records.header.license;
  if (!publisher) notes.error('import.header-missing', { field: 'publisher' }, undefined, 'package.publisher');
  if (!license) notes.error('import.header-missing', { field: 'license' }, undefined, 'package.license');
  if (!publisher || !license) return undefined;
  const pkg: DataPackage = {
    phxVersion: PHX_VERSION,
    id: given.id ?? records.header.id ?? `imported-${source}`,
    publisher,
    license,
    publishedAt: given.publishedAt ?? records.header.publishedAt ?? (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const organisations = withReferenced(records.organisations, known.organisations, (o) => o.id, new Set([publisher.id, ...records.observations.map((o) => o.reportingOrganisation)]));
  const facilities = withReferenced(records.facilities, known.facilities, (f) => f.id, new Set(records.observations.flatMap((o) => (o.scope.facility ? [o.scope.facility] : []))));
  const indicators = withReferenced(records.indicators, known.indicators, (d) => d.code, new Set(records.observations.map((o) => o.indicator)));
  const definitions = indicatorsOf({ indicators });
  const observations = records.observations.map((observation) => withWorkedOutValue(observation, definitions, notes));
  if (organisations.length) pkg.organisations = organisations;
  if (facilities.length) pkg.facilities = facilities;
  if (indicators.length) pkg.indicators = indicators;
  pkg.observations = observations;
  return pkg;
}

/** What a suppressed observation withholds: its value, its numerator, and the bounds that would give the value away. */
const withheldFields = ['value', 'numerator', 'confidenceInterval'] as const;

/**
 * An observation the source marks withheld (SDMX `CONF_STATUS` other than free, FHIR's data-absent reason `masked`)
 * without the figures it withholds, each left out with a warning: a source may mark a figure confidential and still
 * give it, and PHX must never publish it again.
 */
export function withoutWithheldFigures<T extends Partial<Observation>>(observation: T, notes: Notes, at: At): T {
  if (!observation.suppressed) return observation;
  const kept = { ...observation };
  for (const field of withheldFields) {
    if (kept[field] === undefined) continue;
    delete kept[field];
    notes.warn('import.withheld-figure-left-out', { field }, at, `observation.${field}`);
  }
  return kept;
}

/** A worked-out value as an importer writes it: two decimals, or three significant digits below 1 (0.00412 %). */
const rounded = (value: number) => Number(Math.abs(value) >= 1 ? value.toFixed(2) : value.toPrecision(3));

/**
 * An observation with the value its numerator (a count) or numerator and denominator give, when the source sent
 * none: DHIS2 keeps a percentage's parts as data elements and works the percentage out as an indicator of its own,
 * and a FHIR MeasureReport's measure score is optional.
 */
function withWorkedOutValue(observation: Observation, definitions: ReadonlyMap<string, IndicatorDefinition>, notes: Notes): Observation {
  const definition = definitions.get(observation.indicator);
  if (observation.value !== undefined || observation.suppressed || !definition) return observation;
  const { numerator, denominator } = observation;
  // Parts that are not counts, or a part above its whole, are the validator's to report: no value is made of them.
  const counts = [numerator, denominator].every((part) => part === undefined || Number.isInteger(part));
  if (!counts || (definition.calculation === 'proportion' && numerator! > denominator!)) return observation;
  const value = valueOfParts(definition, numerator, denominator);
  if (value === undefined) return observation;
  const from = definition.calculation === 'count' ? 'numerator' : 'numerator-and-denominator';
  notes.warn('import.value-worked-out', { indicator: observation.indicator, from }, { record: observation.id }, 'observation.value');
  // The value where a package writes it: before the unit.
  const entries = Object.entries(observation);
  const unit = entries.findIndex(([key]) => key === 'unit');
  entries.splice(unit < 0 ? entries.length : unit, 0, ['value', rounded(value)]);
  return Object.fromEntries(entries) as Observation;
}

/** The imported records, then the known ones that are referred to and that the import does not have. */
function withReferenced<T>(imported: T[], known: readonly T[] | undefined, idOf: (record: T) => string, referenced: ReadonlySet<string>): T[] {
  const have = new Set(imported.map(idOf));
  return [...imported, ...(known ?? []).filter((record) => referenced.has(idOf(record)) && !have.has(idOf(record)))];
}
