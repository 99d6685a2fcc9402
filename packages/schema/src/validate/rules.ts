import { codelists, type CodelistId } from '../codelists/codes.js';
import type { Facility } from '../model/facility.js';
import type { IndicatorDefinition } from '../model/indicator.js';
import type { Meeting } from '../model/meeting.js';
import type { Observation } from '../model/observation.js';
import type { Organisation } from '../model/organisation.js';
import type { RecordType } from '../model/records.js';
import type { IssueCode } from './codes.js';
import { toPointer } from './issue.js';
import type { StructuralProblem } from './structural.js';

type Path = (string | number)[];
/** Keys under a record's path: joined to it only when a problem is reported, since most records have none. */
type Keys = readonly (string | number)[];

function join(path: Path, keys: Keys): Path {
  return [...path, ...keys];
}

const REPORTING_ORGANISATION: Keys = ['reportingOrganisation'];
const ORGANISER: Keys = ['organiser'];
const DISAGGREGATION_POPULATION: Keys = ['disaggregation', 'population'];
const FRAMEWORK: Keys = ['framework'];
const DIMENSIONS = ['sex', 'ageGroup', 'population'] as const;
const NO_DISAGGREGATION: NonNullable<Observation['disaggregation']> = Object.freeze({});

/** Settings of the rules beyond shape. */
export interface RuleSettings {
  /** Counts from 1 up to (not including) this number must be suppressed. */
  suppressionThreshold: number;
  /** Today as `YYYY-MM-DD`: periods may not end after it. */
  today: string;
  /** Indicator definitions known before the data (the catalogue). */
  catalogue: ReadonlyMap<string, IndicatorDefinition>;
  /** Organisation ids known outside the data (e.g. by a hub). */
  knownOrganisations: ReadonlySet<string>;
  /** Facilities known outside the data, by id, with their country. */
  knownFacilities: ReadonlyMap<string, string>;
  /** Whether references to organisations and facilities must resolve (off for a lone record). */
  references: boolean;
  /** Deepest nesting accepted inside a record. */
  maxDepth: number;
}

/** Where a problem is: a path, and whatever the caller needs to place it (e.g. an NDJSON line). */
export type Report<Context> = (problem: StructuralProblem, context: Context) => void;

const scaleOfUnit: Record<string, number> = { percent: 100, 'rate-per-100000': 100_000, 'rate-per-10000': 10_000, count: 1 };

/** Keys whose strings are codes, identifiers, dates or addresses, not free text. */
const nonTextKeys = new Set([
  'id', 'code', 'type', 'indicator', 'reportingOrganisation', 'organisation', 'organiser', 'owner', 'facility', 'country',
  'countries', 'unit', 'dataSource', 'calculation', 'disaggregations', 'framework', 'interventions', 'focusAreas',
  'populations', 'regions', 'languages', 'language', 'url', 'website', 'email', 'start', 'end', 'due', 'date',
  'memberSince', 'publishedAt', 'license', '$schema', 'phxVersion', 'format', 'status', 'theme', 'sex', 'ageGroup',
  'population', 'operator', 'organisationType', 'facilityType',
]);

// Anchored at the `@` (one local-part character before it): a long text without an address is scanned in linear time.
const emailPattern = /(?<=[A-Za-z0-9._%+-])@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const dateOfBirthPattern =
  /\b(?:date of birth|d\.o\.b\.?|dob|born on)\b|дата рождения|родил(?:ся|ась)|date de naissance|n[ée]e? le|fecha de nacimiento|naci[óo] el/i;
/**
 * A run of digits with separators that could be a phone number. No bounded repeat before a final digit:
 * that backtracks, and on a run of megabytes it overflows the regular expression stack.
 */
const phoneCandidates = /\+?\d[\d\s().-]*/g;
const isoDateStart = /^\d{4}-\d{2}-\d{2}/;
/**
 * A number grouped in thousands by spaces (`120 000`, `1 234 567`) that stands apart from other digits:
 * a count, not part of a phone number. Lookarounds are bounded so that the scan stays linear.
 */
const groupedCount = /(?<![+\d][ ().]{0,3})[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![ .]{0,3}\d)/g;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A phone number has at least 9 digits, and a leading `+` or separators; an ISO date or a grouped count is not one. */
function looksLikePhone(text: string): boolean {
  for (const [run] of text.replace(groupedCount, '#').matchAll(phoneCandidates)) {
    let end = run.length;
    while (!isDigit(run.charCodeAt(end - 1))) end--;
    const candidate = run.slice(0, end);
    const digits = candidate.replace(/\D/g, '').length;
    if (digits >= 9 && digits <= 15 && !isoDateStart.test(candidate) && (candidate.startsWith('+') || /\d[\s().-]+\d/.test(candidate))) return true;
  }
  return false;
}

/** What kind of personal data a free text seems to hold, if any. */
function personalDataIn(text: string): 'email' | 'phone' | 'date-of-birth' | undefined {
  // Cheap tests first: this runs on every free text of every record.
  if (text.includes('@') && emailPattern.test(text)) return 'email';
  if (dateOfBirthPattern.test(text)) return 'date-of-birth';
  if (text.length >= 9 && hasNineDigits(text) && looksLikePhone(text)) return 'phone';
  return undefined;
}

/** A phone number has at least nine digits: most texts have fewer and need no closer look. */
function hasNineDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) if (isDigit(text.charCodeAt(i)) && ++digits >= 9) return true;
  return false;
}

/** An organisation's own address may be a role (`info@`), but not a person's name (`jane.doe@`). */
const personalMailbox = /^[a-z]+[._-][a-z]+@/i;

const openCodeSets = new Map<CodelistId, ReadonlySet<string>>();
function knownCodes(list: CodelistId): ReadonlySet<string> {
  let set = openCodeSets.get(list);
  if (!set) openCodeSets.set(list, (set = new Set<string>(codelists[list].codes)));
  return set;
}

/** How many decimals `value` is written with (as `String(value)` writes it). */
function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  // The fewest decimals that give the value back: those `String` writes, without making a string on every record.
  // Exact while the scaled value is below 2^53; beyond it, and for exponent forms, the text is counted.
  for (let decimals = 1, scale = 10; decimals <= 22 && Math.abs(value) * scale < 2 ** 53; decimals++, scale *= 10) {
    if (Math.round(value * scale) / scale === value) return decimals;
  }
  const text = String(value);
  const exponent = text.indexOf('e-');
  if (exponent >= 0) return Number(text.slice(exponent + 2)) + (text.split('.')[1]?.split('e')[0]?.length ?? 0);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** True when `value` is `expected` rounded to the decimals `value` is written with. */
function agreesWithinRounding(value: number, expected: number): boolean {
  if (Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected))) return true;
  const tolerance = 0.5 * 10 ** -decimalsOf(value);
  return Math.abs(value - expected) <= tolerance * (1 + 1e-9) + Number.EPSILON * Math.abs(expected);
}

/** Strings, objects and arrays may hold free text; numbers, booleans and null need no step of the walk. */
function mayHoldText(value: unknown): boolean {
  return typeof value === 'string' || (value !== null && typeof value === 'object');
}

function isTotal(value: string | undefined): boolean {
  return value === undefined || value === 'all';
}

interface PendingReference<Context> {
  /** The referring record's path and the keys under it. */
  path: Path;
  keys: Keys;
  context: Context;
  /** For a facility reference: the country the referring observation names. */
  country?: string;
}

/**
 * The disaggregated observations of a group (same indicator, organisation, scope and period): their
 * sums and where to report them. Holds the record paths rather than new arrays.
 */
interface DisaggregatedParts<Context> {
  sexSum: number;
  /** The last observation disaggregated by sex only (where a sum above the total is reported). */
  sexLastPath: Path | undefined;
  sexLastContext: Context | undefined;
  /** The disaggregated observation with the largest numerator. */
  largest: number;
  largestPath: Path;
  largestContext: Context;
}

/** Key bytes are kept in pages of this size (a page is never copied to grow). */
const PAGE_BITS = 20;
const PAGE_SIZE = 1 << PAGE_BITS;
/** Keys longer than this go to the plain `Map`. */
const MAX_TABLE_KEY = 0xffff;

/**
 * A map from identifiers to values in a fraction of the memory of a `Map` of strings, for streams of
 * millions of records: ASCII keys (identifiers always are) are kept as bytes in 1 MiB pages and found
 * through an open-addressing hash table; the rare other key goes to a plain `Map`.
 */
class IdTable<T> {
  /** Entry number + 1 at each slot; 0 is an empty slot. */
  private slots = new Int32Array(1024);
  /** Per entry: where its bytes start (page × PAGE_SIZE + offset), how many, and its hash. */
  private starts = new Int32Array(512);
  private lengths = new Uint16Array(512);
  private hashes = new Int32Array(512);
  private readonly pages: Uint8Array[] = [new Uint8Array(PAGE_SIZE)];
  /** Where the next key's bytes go. */
  private end = 0;
  private count = 0;
  /** Per entry, its value: a number (e.g. an NDJSON line) in `numbers`, which holds it unboxed, else in `values`. */
  private numbers = new Float64Array(512);
  private readonly values: (T | undefined)[] = [];
  private readonly other = new Map<string, T>();

  get size(): number {
    return this.count + this.other.size;
  }

  get(key: string): T | undefined {
    const hash = IdTable.hashOf(key);
    if (hash === undefined) return this.other.get(key);
    const entry = this.slots[this.find(key, hash)]!;
    if (entry === 0) return undefined;
    return this.values[entry - 1] ?? (this.numbers[entry - 1] as T);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Adds a key that is not there yet (`value` must not be undefined). */
  add(key: string, value: T): void {
    const hash = IdTable.hashOf(key);
    if (hash === undefined) {
      this.other.set(key, value);
      return;
    }
    const entry = this.count;
    if ((entry + 1) * 2 > this.slots.length) this.grow();
    if (entry === this.starts.length) {
      this.starts = IdTable.enlarged(this.starts);
      this.lengths = IdTable.enlarged(this.lengths);
      this.hashes = IdTable.enlarged(this.hashes);
      this.numbers = IdTable.enlarged(this.numbers);
    }
    // A key never straddles two pages.
    if ((this.end & (PAGE_SIZE - 1)) + key.length > PAGE_SIZE) {
      this.pages.push(new Uint8Array(PAGE_SIZE));
      this.end = (this.pages.length - 1) * PAGE_SIZE;
    }
    const page = this.pages[this.end >>> PAGE_BITS]!;
    const offset = this.end & (PAGE_SIZE - 1);
    for (let i = 0; i < key.length; i++) page[offset + i] = key.charCodeAt(i);
    this.starts[entry] = this.end;
    this.lengths[entry] = key.length;
    this.hashes[entry] = hash;
    this.end += key.length;
    if (typeof value === 'number') this.numbers[entry] = value;
    else this.values[entry] = value;
    this.count++;
    this.slots[this.find(key, hash)] = entry + 1;
  }

  /** FNV-1a of an ASCII key, or undefined when the key has other characters or is too long. */
  private static hashOf(key: string): number | undefined {
    if (key.length > MAX_TABLE_KEY) return undefined;
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      if (code > 127) return undefined;
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    return hash;
  }

  /** The slot of a key: where it is, or the empty slot where it would go. */
  private find(key: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0 || (this.hashes[entry - 1] === hash && this.matches(entry - 1, key))) return slot;
    }
  }

  private matches(entry: number, key: string): boolean {
    if (this.lengths[entry] !== key.length) return false;
    const start = this.starts[entry]!;
    const page = this.pages[start >>> PAGE_BITS]!;
    const offset = start & (PAGE_SIZE - 1);
    for (let i = 0; i < key.length; i++) if (page[offset + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    }
  }

  private static enlarged<A extends Uint16Array | Int32Array | Float64Array>(array: A): A {
    const larger = new (array.constructor as new (length: number) => A)(array.length * 2);
    larger.set(array);
    return larger;
  }
}

/** Pending references kept per missing id: enough to report a few, in bounded memory. */
const MAX_PENDING_PER_ID = 20;

/**
 * The rules beyond shape, applied record by record. It keeps only ids, facility countries and
 * per-group sums — never the records — so that a stream of any length is checked in bounded memory.
 */
export class RuleChecker<Context> {
  private readonly ids = new Map<RecordType, IdTable<Path | Context>>();
  private readonly facilityCountries = new Map<string, string>();
  private readonly indicators = new Map<string, IndicatorDefinition>();
  private readonly pendingOrganisations = new Map<string, PendingReference<Context>[]>();
  private readonly pendingFacilities = new Map<string, PendingReference<Context>[]>();
  /**
   * Groups of observations by key, numbered. A stream may have a group for every record (each a total
   * of its own): a group is its key, its total in a list of numbers, and an object only once it has
   * disaggregated observations.
   */
  private groups = new IdTable<number>();
  private groupTotals: number[] = [];
  private groupParts = new Map<number, DisaggregatedParts<Context>>();
  private publisher: string | undefined;

  constructor(
    private readonly settings: RuleSettings,
    private readonly report: Report<Context>,
  ) {}

  private problem(code: IssueCode, path: Path, params: Record<string, unknown>, context: Context): void {
    this.report({ code, path, params }, context);
  }

  /** Notes the publisher of a package: references to it resolve. */
  publisherIs(id: string): void {
    this.publisher = id;
  }

  /** Applies the rules to a structurally valid package header (without its records): its free text and depth. */
  header(header: Record<string, unknown>, context: Context): void {
    this.textOf(header, [], context);
  }

  /** Applies the rules to one structurally valid record. */
  record(type: RecordType, record: Record<string, unknown>, path: Path, context: Context): void {
    this.textOf(record, path, context);
    switch (type) {
      case 'organisation':
        return this.organisation(record as Organisation, path, context);
      case 'facility':
        return this.facility(record as Facility, path, context);
      case 'indicator':
        return this.indicator(record as IndicatorDefinition, path, context);
      case 'observation':
        return this.observation(record as Observation, path, context);
      case 'meeting':
        return this.meeting(record as Meeting, path, context);
    }
  }

  /**
   * Notes the identifier of a record that failed its shape (its own issues are reported already), so that
   * it still counts for uniqueness and references to it do not add an error at every use.
   */
  invalid(type: RecordType, record: unknown, path: Path, context: Context): void {
    if (record === null || typeof record !== 'object') return;
    const key = type === 'indicator' ? 'code' : 'id';
    const id = (record as Record<string, unknown>)[key];
    if (typeof id === 'string') this.unique(type, id, path, context);
  }

  /** Reports what only the whole data can tell: unresolved references, disaggregations above totals. */
  finish(): void {
    for (const [id, refs] of this.pendingOrganisations) {
      if (this.isOrganisation(id)) continue;
      for (const ref of refs) this.problem('ref.unknown-organisation', join(ref.path, ref.keys), { id }, ref.context);
    }
    for (const [id, refs] of this.pendingFacilities) {
      const facilityCountry = this.countryOfFacility(id);
      for (const ref of refs) {
        if (facilityCountry === undefined) {
          if (!this.ids.get('facility')?.has(id)) this.problem('ref.unknown-facility', join(ref.path, ref.keys), { id }, ref.context);
        } else this.checkFacilityCountry(id, facilityCountry, ref);
      }
    }
    for (const [group, parts] of this.groupParts) {
      const total = this.groupTotals[group]!;
      if (Number.isNaN(total)) continue;
      if (parts.largest > total) {
        const params = { dimension: 'disaggregation', sum: parts.largest, total };
        this.problem('disagg.exceeds-total', [...parts.largestPath, 'numerator'], params, parts.largestContext);
      } else if (parts.sexLastPath && parts.sexSum > total) {
        const params = { dimension: 'sex', sum: parts.sexSum, total };
        this.problem('disagg.exceeds-total', [...parts.sexLastPath, 'numerator'], params, parts.sexLastContext as Context);
      }
    }
    this.pendingOrganisations.clear();
    this.pendingFacilities.clear();
    this.groups = new IdTable();
    this.groupTotals = [];
    this.groupParts.clear();
  }

  /** Notes the id of a record at `path` (its `code` for an indicator), reporting it if it was seen before. */
  private unique(type: RecordType, id: string, path: Path, context: Context): void {
    let seen = this.ids.get(type);
    if (!seen) this.ids.set(type, (seen = new IdTable()));
    const first = seen.get(id);
    if (first === undefined) {
      // Where it was first seen, cheaply: the record's context (an NDJSON line) when there is one, else its path.
      seen.add(id, context ?? path);
      return;
    }
    const key = type === 'indicator' ? 'code' : 'id';
    const where = Array.isArray(first) ? toPointer([...first, key]) : `line ${String(first)}`;
    this.problem('unique.duplicate-id', [...path, key], { recordType: type, id, first: where }, context);
  }

  private isOrganisation(id: string): boolean {
    return id === this.publisher || this.settings.knownOrganisations.has(id) || (this.ids.get('organisation')?.has(id) ?? false);
  }

  private organisationReference(id: string, path: Path, keys: Keys, context: Context): void {
    if (!this.settings.references || this.isOrganisation(id)) return;
    const pending = this.pendingOrganisations.get(id);
    if (!pending) this.pendingOrganisations.set(id, [{ path, keys, context }]);
    else if (pending.length < MAX_PENDING_PER_ID) pending.push({ path, keys, context });
  }

  private openCode(list: CodelistId, value: string | undefined, path: Path, keys: Keys, context: Context): void {
    if (value !== undefined && !knownCodes(list).has(value)) this.problem('codelist.unknown-code', join(path, keys), { codelist: list, value }, context);
  }

  private openCodes(list: CodelistId, values: readonly string[] | undefined, path: Path, key: string, context: Context): void {
    values?.forEach((value, index) => this.openCode(list, value, path, [key, index], context));
  }

  private organisation(org: Organisation, path: Path, context: Context): void {
    this.unique('organisation', org.id, path, context);
    this.openCodes('region', org.regions, path, 'regions', context);
    this.openCodes('focusArea', org.focusAreas, path, 'focusAreas', context);
    this.openCodes('population', org.populations, path, 'populations', context);
    if (org.email && personalMailbox.test(org.email)) {
      this.problem('privacy.personal-data', [...path, 'email'], { kind: 'email' }, context);
    }
  }

  private facility(facility: Facility, path: Path, context: Context): void {
    this.unique('facility', facility.id, path, context);
    this.facilityCountries.set(facility.id, facility.country);
  }

  private indicator(definition: IndicatorDefinition, path: Path, context: Context): void {
    this.unique('indicator', definition.code, path, context);
    this.indicators.set(definition.code, definition);
    this.openCode('framework', definition.framework, path, FRAMEWORK, context);
    this.openCodes('focusArea', definition.interventions, path, 'interventions', context);
  }

  private checkFacilityCountry(id: string, facilityCountry: string, ref: PendingReference<Context>): void {
    if (ref.country !== undefined && ref.country !== facilityCountry) {
      this.problem('ref.country-mismatch', join(ref.path, ref.keys), { facility: id, facilityCountry, country: ref.country }, ref.context);
    }
  }

  /** The country of a facility of the data, or else of one known outside it. */
  private countryOfFacility(id: string): string | undefined {
    return this.facilityCountries.get(id) ?? this.settings.knownFacilities.get(id);
  }

  private observation(obs: Observation, path: Path, context: Context): void {
    this.unique('observation', obs.id, path, context);
    this.organisationReference(obs.reportingOrganisation, path, REPORTING_ORGANISATION, context);
    const facility = obs.scope.facility;
    if (facility !== undefined && this.settings.references) {
      const ref = { path, keys: ['scope', 'facility'], context, country: obs.scope.country };
      const facilityCountry = this.countryOfFacility(facility);
      if (facilityCountry !== undefined) this.checkFacilityCountry(facility, facilityCountry, ref);
      else {
        const pending = this.pendingFacilities.get(facility);
        if (!pending) this.pendingFacilities.set(facility, [ref]);
        else if (pending.length < MAX_PENDING_PER_ID) pending.push(ref);
      }
    }
    this.period(obs, path, context);
    this.openCode('population', obs.disaggregation?.population, path, DISAGGREGATION_POPULATION, context);
    this.privacy(obs, path, context);

    const definition = this.indicators.get(obs.indicator) ?? this.settings.catalogue.get(obs.indicator);
    if (!definition) {
      // A definition in the data that failed its shape is reported there; its observations are not checked against it.
      if (!this.ids.get('indicator')?.has(obs.indicator)) this.problem('ref.unknown-indicator', [...path, 'indicator'], { code: obs.indicator }, context);
      return;
    }
    if (obs.unit !== definition.unit) {
      this.problem('indicator.unit-mismatch', [...path, 'unit'], { indicator: obs.indicator, unit: obs.unit, expected: definition.unit }, context);
      return;
    }
    this.arithmetic(obs, definition, path, context);
    this.disaggregation(obs, definition, path, context);
  }

  private period(obs: Observation, path: Path, context: Context): void {
    const { start, end } = obs.period;
    if (start > end) this.problem('period.start-after-end', [...path, 'period', 'start'], { start, end }, context);
    if (end > this.settings.today) this.problem('period.in-future', [...path, 'period', 'end'], { end, today: this.settings.today }, context);
  }

  private arithmetic(obs: Observation, definition: IndicatorDefinition, path: Path, context: Context): void {
    const { numerator, denominator, value } = obs;
    if (value === undefined && !obs.suppressed) this.problem('observation.value-missing', path, {}, context);
    for (const field of ['numerator', 'denominator'] as const) {
      const number = obs[field];
      if (number !== undefined && !Number.isInteger(number)) this.problem('arith.count-not-integer', [...path, field], { field, value: number }, context);
    }
    const interval = obs.confidenceInterval;
    if (interval && (interval.lower > interval.upper || (value !== undefined && (value < interval.lower || value > interval.upper)))) {
      this.problem('arith.value-outside-interval', [...path, 'confidenceInterval'], { value: value ?? null, lower: interval.lower, upper: interval.upper }, context);
    }
    if (definition.calculation === 'count') {
      if (value === undefined) return;
      if (!Number.isInteger(value)) this.problem('arith.count-not-integer', [...path, 'value'], { field: 'value', value }, context);
      else if (numerator !== undefined && numerator !== value) {
        this.problem('arith.value-mismatch', [...path, 'value'], { value, expected: numerator }, context);
      }
      return;
    }
    if (numerator !== undefined && denominator === undefined) {
      this.problem('observation.denominator-missing', [...path, 'denominator'], { indicator: obs.indicator }, context);
    }
    if (denominator === 0) this.problem('arith.zero-denominator', [...path, 'denominator'], {}, context);
    else if (numerator !== undefined && denominator !== undefined) {
      if (definition.calculation === 'proportion' && numerator > denominator) {
        this.problem('arith.numerator-exceeds-denominator', [...path, 'numerator'], { numerator, denominator }, context);
      }
      const expected = (numerator / denominator) * (scaleOfUnit[definition.unit] ?? 1);
      if (value !== undefined && !agreesWithinRounding(value, expected)) {
        // toFixed takes at most 100 digits; a value such as 1e-300 has more.
        const shown = Number(expected.toFixed(Math.min(Math.max(decimalsOf(value), 2), 100)));
        this.problem('arith.value-mismatch', [...path, 'value'], { value, expected: shown }, context);
      }
    }
    if (value !== undefined && definition.unit === 'percent' && definition.calculation === 'proportion' && value > 100) {
      this.problem('arith.percent-out-of-range', [...path, 'value'], { value }, context);
    }
  }

  private privacy(obs: Observation, path: Path, context: Context): void {
    if (obs.suppressed) {
      // A suppressed observation withholds its number: a percentage beside its denominator gives the count away too.
      for (const field of ['numerator', 'value'] as const) {
        if (obs[field] !== undefined) this.problem('privacy.suppressed-value-present', [...path, field], { field }, context);
      }
      return;
    }
    const countFields = obs.unit === 'count' ? (['numerator', 'value'] as const) : (['numerator'] as const);
    for (const field of countFields) {
      const number = obs[field];
      if (number !== undefined && number >= 1 && number < this.settings.suppressionThreshold) {
        this.problem('privacy.small-cell', [...path, field], { field, value: number, threshold: this.settings.suppressionThreshold }, context);
      }
    }
  }

  private disaggregation(obs: Observation, definition: IndicatorDefinition, path: Path, context: Context): void {
    const parts = obs.disaggregation ?? NO_DISAGGREGATION;
    let disaggregated = false;
    for (const dimension of DIMENSIONS) {
      if (isTotal(parts[dimension])) continue;
      disaggregated = true;
      if (!definition.disaggregations.includes(dimension)) {
        this.problem('disagg.not-allowed', [...path, 'disaggregation', dimension], { dimension, indicator: obs.indicator }, context);
      }
    }
    if (obs.numerator === undefined) return;
    const { scope, period } = obs;
    const key = `${obs.indicator}\u0000${obs.reportingOrganisation}\u0000${scope.country}\u0000${scope.subnationalArea ?? ''}\u0000${scope.facility ?? ''}\u0000${period.start}\u0000${period.end}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = this.groupTotals.push(Number.NaN) - 1;
      this.groups.add(key, group);
    }
    if (!disaggregated) {
      this.groupTotals[group] = obs.numerator;
      return;
    }
    let sums = this.groupParts.get(group);
    if (!sums) {
      sums = { sexSum: 0, sexLastPath: undefined, sexLastContext: undefined, largest: obs.numerator, largestPath: path, largestContext: context };
      this.groupParts.set(group, sums);
    } else if (obs.numerator > sums.largest) {
      sums.largest = obs.numerator;
      sums.largestPath = path;
      sums.largestContext = context;
    }
    const sexOnly = !isTotal(parts.sex) && isTotal(parts.ageGroup) && isTotal(parts.population);
    if (sexOnly) {
      sums.sexSum += obs.numerator;
      sums.sexLastPath = path;
      sums.sexLastContext = context;
    }
  }

  private meeting(meeting: Meeting, path: Path, context: Context): void {
    this.unique('meeting', meeting.id, path, context);
    this.organisationReference(meeting.organiser, path, ORGANISER, context);
    meeting.participants.forEach((p, i) => this.organisationReference(p.organisation, path, ['participants', i, 'organisation'], context));
    meeting.presentations?.forEach((p, i) => this.organisationReference(p.organisation, path, ['presentations', i, 'organisation'], context));
    meeting.issuesIdentified?.forEach((issue, i) => this.openCode('meetingIssue', issue.theme, path, ['issuesIdentified', i, 'theme'], context));
    if (Date.parse(meeting.end) < Date.parse(meeting.start)) {
      this.problem('meeting.end-before-start', [...path, 'end'], { start: meeting.start, end: meeting.end }, context);
    }
    const meetingDay = meeting.start.slice(0, 10);
    meeting.actionItems?.forEach((action, i) => {
      this.organisationReference(action.owner, path, ['actionItems', i, 'owner'], context);
      if (action.due !== undefined && action.due < meetingDay) {
        this.problem('meeting.action-due-before-meeting', [...path, 'actionItems', i, 'due'], { due: action.due, meetingStart: meetingDay }, context);
      }
    });
  }

  /**
   * Warns about personal data in free text, walking the record without recursion (it may be deep).
   * Paths are built only for what is reported: this runs on every record.
   */
  private textOf(record: Record<string, unknown>, path: Path, context: Context): void {
    interface Step { value: unknown; key: string | number; parent: Step | undefined; depth: number }
    const pathOf = (step: Step): Path => {
      const keys: Path = [];
      for (let at: Step | undefined = step; at?.parent; at = at.parent) keys.push(at.key);
      return [...path, ...keys.reverse()];
    };
    const stack: Step[] = [{ value: record, key: '', parent: undefined, depth: 0 }];
    while (stack.length > 0) {
      const step = stack.pop()!;
      const { value, depth } = step;
      if (typeof value === 'string') {
        const kind = personalDataIn(value);
        if (kind) this.problem('privacy.personal-data', pathOf(step), { kind }, context);
      } else if (value !== null && typeof value === 'object') {
        if (depth >= this.settings.maxDepth) {
          this.problem('syntax.too-deep', pathOf(step), { maxDepth: this.settings.maxDepth }, context);
          return;
        }
        if (Array.isArray(value)) {
          for (let i = value.length - 1; i >= 0; i--) {
            if (mayHoldText(value[i])) stack.push({ value: value[i], key: i, parent: step, depth: depth + 1 });
          }
        } else {
          const keys = Object.keys(value);
          for (let i = keys.length - 1; i >= 0; i--) {
            const key = keys[i]!;
            const child = (value as Record<string, unknown>)[key];
            if (!nonTextKeys.has(key) && mayHoldText(child)) stack.push({ value: child, key, parent: step, depth: depth + 1 });
          }
        }
      }
    }
  }
}
