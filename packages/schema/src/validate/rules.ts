import { codelists, type CodelistId } from '../codelists/codes.js';
import type { Facility } from '../model/facility.js';
import type { IndicatorRule } from '../catalogue/indicators.js';
import type { IndicatorDefinition } from '../model/indicator.js';
import type { Meeting } from '../model/meeting.js';
import type { Observation } from '../model/observation.js';
import type { Organisation } from '../model/organisation.js';
import { recordStores, type RecordType } from '../model/record-kinds.js';
import type { IssueCode } from './codes.js';
import { problemOf, type Problem } from './issue.js';
import { checkArithmetic } from './arithmetic.js';
import { Breakdowns, DIMENSIONS } from './breakdowns.js';
import type { IssueParams, NamedRecord, ZodIssueParams } from './params.js';
import type { PersonalDataKind } from './personal-data.js';
import { checkLicence } from './licences.js';
import { checkHeaderPlaceholders, checkOrganisationPlaceholders } from './placeholders.js';
import { checkSuppression, nonTextKeys, personalMailbox, suppressionFieldsOf } from './privacy.js';
import type { RecordReport } from './structural.js';
import { RecordNames } from './record-names.js';
import { Suggestions, suggestionsInList } from './suggestions.js';
import { IdTable } from './tables.js';
import { ANY_VALUE, type TextShape } from './text-shape.js';

type Path = (string | number)[];
/** Keys under a record: a problem's path, relative to the record; copied only when a problem is reported. */
type Keys = Parameters<RecordReport>[1];

const REPORTING_ORGANISATION: Keys = ['reportingOrganisation'];
const ORGANISER: Keys = ['organiser'];
const DISAGGREGATION_POPULATION: Keys = ['disaggregation', 'population'];
const FRAMEWORK: Keys = ['framework'];
const FACILITY: Keys = ['scope', 'facility'];
const NO_DISAGGREGATION: NonNullable<Observation['disaggregation']> = Object.freeze({});

/** Settings of the rules beyond shape. */
export interface RuleSettings {
  /** Counts from 1 up to (not including) this number must be suppressed. */
  suppressionThreshold: number;
  /** Today as `YYYY-MM-DD`: periods may not end after it. */
  today: string;
  /** Indicator definitions known before the data (the catalogue). */
  catalogue: ReadonlyMap<string, IndicatorRule>;
  /** Organisation ids known outside the data (e.g. by a hub). */
  knownOrganisations: ReadonlySet<string>;
  /** Facilities known outside the data, by id, with their country. */
  knownFacilities: ReadonlyMap<string, string>;
  /** Observations held outside the data, added to its breakdowns when it ends (those whose id it gives are replaced). */
  knownObservations: Iterable<Observation>;
  /** Whether references to organisations and facilities must resolve (off for a lone record). */
  references: boolean;
  /** Deepest nesting accepted inside a record. */
  maxDepth: number;
  /** The kind of personal data a free text holds, if any: imported as usual or loaded on demand (see `ValidationParts`). */
  personalData: (text: string) => PersonalDataKind | undefined;
}

/**
 * Where a problem is: its path, relative to the record, and the record's number, by which the caller places it (an
 * NDJSON line, a CSV row, a record of a package); undefined for a package's header.
 */
export type Report<Context> = (problem: Problem, context: Context) => void;

const openCodeSets = new Map<CodelistId, ReadonlySet<string>>();
function knownCodes(list: CodelistId): ReadonlySet<string> {
  let set = openCodeSets.get(list);
  if (!set) openCodeSets.set(list, (set = new Set<string>(codelists[list].codes)));
  return set;
}

/** Strings, objects and arrays may hold free text; numbers, booleans and null need no step of the walk. */
function mayHoldText(value: unknown): boolean {
  return typeof value === 'string' || (value !== null && typeof value === 'object');
}

function isTotal(value: string | undefined): boolean {
  return value === undefined || value === 'all';
}

interface PendingReference<Context> {
  /** The keys under the referring record. */
  keys: Keys;
  context: Context;
  /** For a facility reference: the country the referring observation names. */
  country?: string;
}

/** Pending references kept per missing id: enough to report a few, in bounded memory. */
const MAX_PENDING_PER_ID = 20;
/** Data of known size is foreseen once this share of it is read (see {@link RuleChecker.foresee}). */
const FORESIGHT = 8;
/**
 * Tables foreseen take this many times what the data read so far promises: the rest of a file may hold a little more
 * per byte than its first eighth, and a table made just too small doubles near the end.
 */
const FORESIGHT_ROOM = 1.125;

/**
 * The rules beyond shape, applied record by record. It keeps only ids, facility countries and
 * per-group sums — never the records — so that a stream of any length is checked in bounded memory.
 */
export class RuleChecker<Context extends number | undefined> {
  private readonly ids = new Map<RecordType, IdTable<number>>();
  /** Whether the tables were made for what the data promises (see {@link RuleChecker.foresee}). */
  private foreseen = false;
  private readonly facilityCountries = new Map<string, string>();
  /** The indicators the data defined: their definitions win over the catalogue's. */
  readonly indicators = new Map<string, IndicatorRule>();
  private readonly pendingOrganisations = new Map<string, PendingReference<Context>[]>();
  private readonly pendingFacilities = new Map<string, PendingReference<Context>[]>();
  private readonly breakdowns = new Breakdowns<Context>((code, path, params, context) => this.problem(code, path, params, context));
  private publisher: string | undefined;
  /** The known values nearest to an unknown one, by kind: read from what the checker holds when one is needed. */
  private readonly nearest = {
    organisation: new Suggestions(() => this.knownIds('organisation', this.settings.knownOrganisations.keys())),
    facility: new Suggestions(() => this.knownIds('facility', this.settings.knownFacilities.keys())),
    indicator: new Suggestions(() => this.knownIds('indicator', this.settings.catalogue.keys())),
  };
  /** The names of the organisations and facilities of the data: what a name written in place of an id is told by. */
  private readonly names = new RecordNames();

  constructor(
    protected readonly settings: RuleSettings,
    private readonly report: Report<Context>,
  ) {}

  /** The record being checked: where `reportHere` places what the checks of one record report. */
  private currentContext: Context | undefined;
  private readonly reportHere: RecordReport = <C extends IssueCode>(code: C, keys: readonly (string | number)[], params: IssueParams[C]) => {
    this.problem(code, [...keys], params, this.currentContext as Context);
  };

  private here(context: Context): void {
    this.currentContext = context;
  }

  private problem<C extends IssueCode>(code: C, path: Path, params: IssueParams[C], context: Context): void {
    this.report(problemOf<IssueCode>(code, path, params), context);
  }

  /**
   * Notes the publisher of a package. A reference to it resolves only as one to any organisation does (the header's
   * publisher makes no organisation record); its issue says that it is the publisher's.
   */
  publisherIs(id: string): void {
    this.publisher = id;
  }

  /**
   * Applies the rules to a structurally valid package header: its free text and depth. `text` says where
   * its free text is (the header's fields of a whole package); any value is walked whole.
   */
  header(header: Record<string, unknown>, context: Context, text: TextShape): void {
    this.textOf(header, [], context, text, 0);
    this.here(context);
    checkHeaderPlaceholders(header, this.reportHere);
    checkLicence(header.license, this.reportHere);
  }

  /** Applies the rules to one structurally valid record; `text` says where its free text is. */
  record(type: RecordType, record: Record<string, unknown>, context: Context, text: TextShape): void {
    this.textOf(record, [], context, text, 0);
    switch (type) {
      case 'organisation':
        return this.organisation(record as Organisation, context);
      case 'facility':
        return this.facility(record as Facility, context);
      case 'indicator':
        return this.indicator(record as IndicatorDefinition, context);
      case 'observation':
        return this.observation(record as Observation, context);
      case 'meeting':
        return this.meeting(record as Meeting, context);
    }
  }

  /**
   * Applies the privacy rules to a record that failed its shape (its own issues are reported already), on the
   * values that are there, and notes its identifier (unless `noteId` is false), so that it still counts for
   * uniqueness and references to it do not add an error at every use. Its free text is walked as that of a record
   * of no known shape is: every string but those of {@link nonTextKeys}, whatever its type. An organisation's email
   * that is a string is checked as a valid one's is; each check of an observation's small counts runs when the fields
   * it reads are valid ({@link suppressionFieldsOf}). The other rules (references, arithmetic, breakdowns)
   * skip the record. Reads any value without throwing.
   */
  invalid(type: RecordType, record: unknown, context: Context, noteId = true): void {
    // Any value: the walk reads strings and steps into objects and arrays; other values have no text.
    this.walkAny(record as object, [], context, 0);
    if (record === null || typeof record !== 'object') return;
    const fields = record as Readonly<Record<string, unknown>>;
    const id = fields[recordStores[type].key];
    if (noteId && typeof id === 'string') this.unique(type, id, context);
    if (typeof id === 'string' && (type === 'organisation' || type === 'facility')) this.recordNamed(type, id, fields.name, fields.acronym);
    if (type === 'organisation') this.mailbox(fields.email, context);
    else if (type === 'observation') {
      const read = suppressionFieldsOf(fields);
      this.here(context);
      // An indicator that is not known (not a string, then: no map holds it) is taken to count people, as an unknown one of a valid observation is.
      if (read) checkSuppression(read, this.settings.suppressionThreshold, this.reportHere, this.ruleOf(fields.indicator as string)?.countsPeople !== false);
    }
  }

  /** Reports what only the whole data can tell: unresolved references, and the sums of breakdowns. */
  finish(): void {
    for (const [id, refs] of this.pendingOrganisations) {
      if (this.isOrganisation(id)) continue;
      const named = this.names.idOf('organisation', id);
      const params = named !== undefined
        ? { id, suggestions: [named], nameOf: 'organisation' as const }
        : { id, suggestions: this.nearest.organisation.for(id), ...(id === this.publisher && { isPublisher: true as const }) };
      for (const ref of refs) this.problem('ref.unknown-organisation', [...ref.keys], params, ref.context);
    }
    for (const [id, refs] of this.pendingFacilities) {
      const facilityCountry = this.countryOfFacility(id);
      for (const ref of refs) {
        if (facilityCountry === undefined) {
          if (!this.ids.get('facility')?.has(id)) {
            const named = this.names.idOf('facility', id);
            const params = named !== undefined ? { id, suggestions: [named], nameOf: 'facility' as const } : { id, suggestions: this.nearest.facility.for(id) };
            this.problem('ref.unknown-facility', [...ref.keys], params, ref.context);
          }
        } else this.checkFacilityCountry(id, facilityCountry, ref);
      }
    }
    this.addKnownObservations();
    this.breakdowns.finish();
    this.pendingOrganisations.clear();
    this.pendingFacilities.clear();
  }

  /**
   * Adds the observations known outside the data to its breakdowns, as the data's own would be: those with a known
   * indicator and its unit. They come after the data's, whose records with the same id replace them.
   */
  private addKnownObservations(): void {
    const written = this.ids.get('observation');
    for (const obs of this.settings.knownObservations) {
      if (written?.has(obs.id)) continue;
      const rule = this.ruleOf(obs.indicator);
      if (rule?.unit === obs.unit) this.breakdowns.addKnown(obs, rule);
    }
  }

  // What spans records: each record's checks call these methods, which a checker on another thread
  // (`RecordingChecker`) overrides to note what to do here later, in the order of the records.

  /** Notes that `count` records of `type` are to come, so that the table of their ids is made to hold them. */
  expect(type: RecordType, count: number): void {
    if (!this.ids.has(type)) this.ids.set(type, new IdTable({ expected: count }));
  }

  /**
   * Once an eighth of data of `size` bytes is read, as far as `read` bytes, makes the tables of ids and groups hold
   * what the whole data promises at that rate, and an eighth more (at most nine times what they hold), rather than
   * doubled again and again as they fill. Once a check; nothing while the size is unknown.
   */
  foresee(read: number, size: number | undefined): void {
    // Not `read * FORESIGHT < size`: a size that is not a number is never reached either.
    if (this.foreseen || size === undefined || !(read * FORESIGHT >= size)) return;
    this.foreseen = true;
    const scale = (size / read) * FORESIGHT_ROOM;
    for (const seen of this.ids.values()) seen.foresee(scale);
    this.breakdowns.foresee(scale);
  }

  /**
   * Notes the id of a record (its `code` for an indicator), reporting it if it was seen before. Returns whether
   * the id is new.
   */
  unique(type: RecordType, id: string, context: Context): boolean {
    let seen = this.ids.get(type);
    if (!seen) this.ids.set(type, (seen = new IdTable()));
    // Where it was first seen: the record's number. Every record has one; only a package's header has none.
    const first = seen.addIfAbsent(id, context as number);
    if (first === undefined) return true;
    this.problem('unique.duplicate-id', [recordStores[type].key], { recordType: type, id, first }, context);
    return false;
  }

  /** Notes the names of an organisation or a facility of the data (a text, or a text by language), by which it may be referred to in place of its id. */
  recordNamed(type: NamedRecord, id: string, ...names: unknown[]): void {
    this.names.add(type, id, ...names);
  }

  /**
   * A problem of a record's shape as it is reported: where it is of an organisation or a facility referred to by a
   * name of one of the data (a text that is no id, in the place of an organisation's or a facility's id), with that
   * record's id as its one suggestion; any other as it is. The names are those of the records noted so far.
   */
  named<P extends Problem>(problem: P): P {
    const params = problem.params as ZodIssueParams;
    const { form, field, value } = params;
    if (typeof value !== 'string') return problem;
    const type = form === 'organisation-id' && field !== 'id' && field !== 'publisher.id' ? 'organisation' : form === 'record-id' && params.idOf === 'facility' ? 'facility' : undefined;
    const id = type && this.names.idOf(type, value);
    return id === undefined ? problem : { ...problem, params: { ...params, suggestions: [id], nameOf: type } };
  }

  /** The ids of the records of a type the data holds, and those known outside it. */
  private *knownIds(type: RecordType, outside: Iterable<string>): Generator<string> {
    yield* outside;
    const table = this.ids.get(type);
    if (table) yield* table.keys();
  }

  /** The organisation found last: records of a file name mostly one, which is then not looked up again. */
  private organisationFound: string | undefined;

  private isOrganisation(id: string): boolean {
    if (id === this.organisationFound) return true;
    // An id once found stays found: organisations are only added.
    const found = this.settings.knownOrganisations.has(id) || (this.ids.get('organisation')?.has(id) ?? false);
    if (found) this.organisationFound = id;
    return found;
  }

  /** Notes a reference to an organisation, which must resolve by the end of the data. */
  organisationReference(id: string, keys: Keys, context: Context): void {
    if (!this.settings.references || this.isOrganisation(id)) return;
    const pending = this.pendingOrganisations.get(id);
    if (!pending) this.pendingOrganisations.set(id, [{ keys, context }]);
    else if (pending.length < MAX_PENDING_PER_ID) pending.push({ keys, context });
  }

  private openCode(list: CodelistId, value: string | undefined, keys: Keys, context: Context): void {
    if (value === undefined || knownCodes(list).has(value)) return;
    const suggestions = suggestionsInList(value, codelists[list].codes);
    this.problem('codelist.unknown-code', [...keys], { codelist: list, value, suggestions }, context);
  }

  private openCodes(list: CodelistId, values: readonly string[] | undefined, key: string, context: Context): void {
    values?.forEach((value, index) => this.openCode(list, value, [key, index], context));
  }

  private organisation(org: Organisation, context: Context): void {
    this.unique('organisation', org.id, context);
    this.recordNamed('organisation', org.id, org.name, org.acronym);
    this.here(context);
    checkOrganisationPlaceholders(org, this.reportHere);
    this.openCodes('region', org.regions, 'regions', context);
    this.openCodes('focusArea', org.focusAreas, 'focusAreas', context);
    this.openCodes('population', org.populations, 'populations', context);
    this.mailbox(org.email, context);
  }

  /** Reports an organisation's email that is a person's mailbox rather than a role's. */
  private mailbox(email: unknown, context: Context): void {
    if (typeof email === 'string' && personalMailbox.test(email)) this.problem('privacy.personal-data', ['email'], { kind: 'email' }, context);
  }

  private facility(facility: Facility, context: Context): void {
    this.unique('facility', facility.id, context);
    this.recordNamed('facility', facility.id, facility.name);
    this.facilityIn(facility.id, facility.country);
  }

  /** Notes the country of a facility of the data. */
  facilityIn(id: string, country: string): void {
    this.facilityCountries.set(id, country);
  }

  private indicator(definition: IndicatorDefinition, context: Context): void {
    this.unique('indicator', definition.code, context);
    this.indicatorDefined(definition);
    this.openCode('framework', definition.framework, FRAMEWORK, context);
    this.openCodes('focusArea', definition.interventions, 'interventions', context);
  }

  private checkFacilityCountry(id: string, facilityCountry: string, ref: PendingReference<Context>): void {
    if (ref.country !== undefined && ref.country !== facilityCountry) {
      this.problem('ref.country-mismatch', [...ref.keys], { facility: id, facilityCountry, country: ref.country }, ref.context);
    }
  }

  /** Notes an indicator the data defines: its observations are checked against it rather than the catalogue. */
  indicatorDefined(definition: IndicatorDefinition): void {
    this.indicators.set(definition.code, definition);
    // The rule looked up last may be the catalogue's for this code. (An undefined code, of an observation without
    // one, then finds no rule, as it should.)
    this.lastIndicator = undefined;
    this.lastRule = undefined;
  }

  /** The country of a facility of the data, or else of one known outside it. */
  private countryOfFacility(id: string): string | undefined {
    return this.facilityCountries.get(id) ?? this.settings.knownFacilities.get(id);
  }

  private observation(obs: Observation, context: Context): void {
    const firstOfItsId = this.unique('observation', obs.id, context);
    this.organisationReference(obs.reportingOrganisation, REPORTING_ORGANISATION, context);
    const facility = obs.scope.facility;
    if (facility !== undefined && this.settings.references) this.facilityReference(facility, obs.scope.country, context);
    this.period(obs, context);
    this.openCode('population', obs.disaggregation?.population, DISAGGREGATION_POPULATION, context);
    this.here(context);
    checkSuppression(obs, this.settings.suppressionThreshold, this.reportHere, this.ruleOf(obs.indicator)?.countsPeople !== false);

    const definition = this.definitionOf(obs.indicator, context);
    if (!definition) return;
    if (obs.unit !== definition.unit) {
      this.problem('indicator.unit-mismatch', ['unit'], { indicator: obs.indicator, unit: obs.unit, expected: definition.unit }, context);
      return;
    }
    checkArithmetic(obs, definition, this.reportHere);
    this.disaggregation(obs, definition, context);
    this.breakdown(obs, firstOfItsId, context);
  }

  /** Checks an observation's facility against the country it names, now or when the data ends. */
  facilityReference(facility: string, country: string, context: Context): void {
    const ref = { keys: FACILITY, context, country };
    const facilityCountry = this.countryOfFacility(facility);
    if (facilityCountry !== undefined) this.checkFacilityCountry(facility, facilityCountry, ref);
    else {
      const pending = this.pendingFacilities.get(facility);
      if (!pending) this.pendingFacilities.set(facility, [ref]);
      else if (pending.length < MAX_PENDING_PER_ID) pending.push(ref);
    }
  }

  /** The indicator looked up last, and its rule: most observations are of the indicator before them. */
  private lastIndicator: string | undefined;
  private lastRule: IndicatorRule | undefined;

  /** The definition of an indicator, from the data or the catalogue. */
  private ruleOf(code: string): IndicatorRule | undefined {
    if (code !== this.lastIndicator) {
      this.lastIndicator = code;
      this.lastRule = this.indicators.get(code) ?? this.settings.catalogue.get(code);
    }
    return this.lastRule;
  }

  /** The definition of an indicator, from the data or the catalogue; reports an unknown one. */
  definitionOf(code: string, context: Context): IndicatorRule | undefined {
    const definition = this.ruleOf(code);
    // A definition in the data that failed its shape is reported there; its observations are not checked against it.
    if (!definition && !this.ids.get('indicator')?.has(code)) {
      this.problem('ref.unknown-indicator', ['indicator'], { code, suggestions: this.nearest.indicator.for(code) }, context);
    }
    return definition;
  }

  /** Notes an observation in its group, to add up its breakdowns when the data ends. */
  breakdown(obs: Observation, firstOfItsId: boolean, context: Context): void {
    // A record given twice (its id repeated) is reported once, as a duplicate id, and counted once.
    if (!firstOfItsId) return;
    this.breakdowns.add(obs, context, this.ruleOf(obs.indicator));
  }

  private period(obs: Observation, context: Context): void {
    const { start, end } = obs.period;
    if (start > end) this.problem('period.start-after-end', ['period', 'start'], { start, end }, context);
    if (end > this.settings.today) this.problem('period.in-future', ['period', 'end'], { end, today: this.settings.today }, context);
  }

  private disaggregation(obs: Observation, definition: IndicatorRule, context: Context): void {
    const parts = obs.disaggregation ?? NO_DISAGGREGATION;
    for (const dimension of DIMENSIONS) {
      if (isTotal(parts[dimension])) continue;
      if (!definition.disaggregations.includes(dimension)) {
        this.problem('disagg.not-allowed', ['disaggregation', dimension], { dimension, indicator: obs.indicator, allowed: [...definition.disaggregations] }, context);
      }
    }
  }

  private meeting(meeting: Meeting, context: Context): void {
    this.unique('meeting', meeting.id, context);
    this.organisationReference(meeting.organiser, ORGANISER, context);
    meeting.participants.forEach((p, i) => this.organisationReference(p.organisation, ['participants', i, 'organisation'], context));
    meeting.presentations?.forEach((p, i) => this.organisationReference(p.organisation, ['presentations', i, 'organisation'], context));
    meeting.issuesIdentified?.forEach((issue, i) => this.openCode('meetingIssue', issue.theme, ['issuesIdentified', i, 'theme'], context));
    if (Date.parse(meeting.end) < Date.parse(meeting.start)) {
      this.problem('meeting.end-before-start', ['end'], { start: meeting.start, end: meeting.end }, context);
    }
    const meetingDay = meeting.start.slice(0, 10);
    meeting.actionItems?.forEach((action, i) => {
      this.organisationReference(action.owner, ['actionItems', i, 'owner'], context);
      if (action.due !== undefined && action.due < meetingDay) {
        this.problem('meeting.action-due-before-meeting', ['actionItems', i, 'due'], { due: action.due, meetingStart: meetingDay }, context);
      }
    });
  }

  /**
   * Warns about personal data in free text — the value at `keys` from the record, at `depth` — in the order of
   * zod's parsed output. Where the value's shape is known, only the fields that may hold text are visited, by
   * recursion as deep as the shape (a few levels) with one array of keys pushed and popped: no object is made per
   * field, and this runs on every record. A value of no known shape is walked by {@link walkAny}. Paths are built
   * only for what is reported. False once a value was too deep, which ends the walk of the record.
   */
  private textOf(value: unknown, keys: Path, context: Context, known: TextShape, depth: number): boolean {
    if (typeof value === 'string') {
      this.freeText(value, keys, context);
      return true;
    }
    const items = Array.isArray(value) ? value : undefined;
    // An object of no known fields is walked as any value; so is one too deep, which `walkAny` reports.
    if (typeof known !== 'object' || !(items || 'fields' in known) || depth >= this.settings.maxDepth) return this.walkAny(value as object, keys, context, depth);
    const count = items ? items.length : (known as { fields: readonly unknown[] }).fields.length;
    for (let i = 0; i < count; i++) {
      let key: string | number = i;
      let shape: TextShape;
      let child: unknown;
      if (items) {
        child = items[i];
        shape = 'items' in known ? known.items : ANY_VALUE;
      } else {
        // By index: destructuring a pair would step through the array's iterator.
        const field = (known as { fields: readonly (readonly [string, TextShape])[] }).fields[i]!;
        key = field[0];
        child = (value as Record<string, unknown>)[key];
        shape = field[1];
      }
      if (!mayHoldText(child)) continue;
      keys.push(key);
      const going = this.textOf(child, keys, context, shape, depth + 1);
      keys.pop();
      if (!going) return false;
    }
    return true;
  }

  /** Checks a free text at `keys` from the record: U+0000 in it, then personal data. */
  private freeText(text: string, keys: Path, context: Context): void {
    this.nulIn(text, () => [...keys], context);
    const kind = this.settings.personalData(text);
    if (kind) this.problem('privacy.personal-data', [...keys], { kind }, context);
  }

  /**
   * Reports U+0000 in a text or key, which no store of PHX data keeps (PostgreSQL cannot, XML and so Excel cannot
   * write it): `path` is built only then.
   */
  private nulIn(text: string, path: () => Path, context: Context): void {
    const at = text.indexOf('\u0000');
    // Counted in characters as people count them (code points), not in UTF-16 units.
    if (at !== -1) this.problem('text.nul-character', path(), { position: [...text.slice(0, at)].length + 1 }, context);
  }

  /** Walks a value of no known shape, at the keys `base` from the record, key by key without recursion (it may be deep). */
  private walkAny(value: object, base: Path, context: Context, depth: number): boolean {
    interface Step { value: unknown; key: string | number; parent: Step | undefined; depth: number }
    const pathOf = (step: Step): Path => {
      const keys: Path = [];
      for (let at: Step | undefined = step; at?.parent; at = at.parent) keys.push(at.key);
      return [...base, ...keys.reverse()];
    };
    const stack: Step[] = [{ value, key: '', parent: undefined, depth }];
    while (stack.length > 0) {
      const step = stack.pop()!;
      const { value, depth } = step;
      if (typeof value === 'string') {
        this.freeText(value, pathOf(step), context);
      } else if (value !== null && typeof value === 'object') {
        if (depth >= this.settings.maxDepth) {
          this.problem('syntax.too-deep', pathOf(step), { maxDepth: this.settings.maxDepth }, context);
          return false;
        }
        const keys = Array.isArray(value) ? undefined : Object.keys(value);
        for (let i = (keys ?? (value as unknown[])).length - 1; i >= 0; i--) {
          const key = keys ? keys[i]! : i;
          if (typeof key === 'string') this.nulIn(key, () => [...pathOf(step), key], context);
          const child = (value as Record<string | number, unknown>)[key];
          if (!(keys && nonTextKeys.has(key as string)) && mayHoldText(child)) stack.push({ value: child, key, parent: step, depth: depth + 1 });
        }
      }
    }
    return true;
  }
}
