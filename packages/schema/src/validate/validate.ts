import type { IndicatorRule } from '../catalogue/indicators.js';
import { catalogueRules } from '../generated/catalogue-rules.js';
import type { IndicatorDefinition } from '../model/indicator.js';
import type { Observation } from '../model/observation.js';
import type { DataPackage } from '../model/package.js';
import { packageHeaderOf, recordTypeNames, recordStores, type RecordType } from '../model/record-kinds.js';
import type { Locale } from '../locales/index.js';
import type { PhxLocale } from '../locales/types.js';
import { decodeUtf8 } from '../file/encoding.js';
import { otherSystemOfDocument } from '../file/other-systems.js';
import { severities } from '../generated/severities.js';
import { issueIn, type Problem, type ReadSummary, type Severity, type ValidationIssue, type ValidationResult } from './issue.js';
import type { JsonPlaces } from './json-places.js';
import { LineIndex, mayRepeatKeys, offsetBeyondDepth } from './locate.js';
import { renderIn } from './render.js';
import { RecordNumbers } from './record-numbers.js';
import { RuleChecker, type RuleSettings } from './rules.js';
import { forgetTexts } from './remembered.js';
import { checkShape, type Describer } from './shape.js';
import { loadedLocales, loadForDocument, onDemandParts, withPartsLoaded, writeMessages, type DocumentChecked } from './on-demand.js';
import type { ValidationParts } from './parts.js';
import { ANY_VALUE } from './text-shape.js';

/**
 * Options of {@link validate}, {@link validateRecord} and {@link validateNdjson}.
 *
 * @example
 * ```ts
 * const options: ValidateOptions = { locale: 'fr', suppressionThreshold: 10, knownOrganisations: ['ZM-PACRA-120045'] };
 * validate(text, options);
 * ```
 */
export interface ValidateOptions {
  /**
   * Language of the messages.
   * @default 'en'
   */
  locale?: Locale;
  /**
   * Counts from 1 up to (not including) this number must be marked suppressed: a whole number from 1 (see
   * {@link isSuppressionThreshold}), another one a `RangeError` (a threshold of no number would check no count).
   * @default 5
   */
  suppressionThreshold?: number;
  /**
   * The date against which "in the future" is judged.
   * @default now
   */
  now?: Date;
  /**
   * Indicator definitions known besides the package's own.
   * @default the PHX catalogue
   */
  catalogue?: readonly IndicatorDefinition[];
  /** Organisation ids that resolve although the data does not define them (e.g. members of a hub). */
  knownOrganisations?: Iterable<string>;
  /** Facilities that resolve although the data does not define them, as `[id, country]` pairs (e.g. a hub's). */
  knownFacilities?: Iterable<readonly [string, string]>;
  /**
   * Observations held outside the data (e.g. a hub's stored ones), checked with it by the rules that span the
   * observations of one indicator, organisation, scope, period and data source: a breakdown's sums, its repeated
   * categories and the suppressed numbers it gives away. An observation of the data with the id of a known one
   * takes its place. Only issues that an observation of the data takes part in are reported, at that observation;
   * a known observation a duplicate clashes with is named by its id.
   *
   * @example
   * ```ts
   * // Stored: 50 people tested, 47 of them men. The women's count sent now is suppressed, but 50 − 47 gives it away.
   * const group = { indicator: 'prisons-people-tested-for-hiv', reportingOrganisation: 'UA-EDR-38214567', scope: { country: 'UA' }, period: { start: '2022-01-01', end: '2022-12-31' }, unit: 'count', dataSource: 'routine-programme-data' } as const;
   * const stored: Observation[] = [
   *   { ...group, id: 'tested', numerator: 50, value: 50 },
   *   { ...group, id: 'tested-men', disaggregation: { sex: 'male' }, numerator: 47, value: 47 },
   * ];
   * const women = { ...group, id: 'tested-women', disaggregation: { sex: 'female' }, suppressed: true };
   * validateRecord('observation', women, { knownObservations: stored }).issues[0]?.code; // 'privacy.complementary-disclosure'
   * ```
   */
  knownObservations?: Iterable<Observation>;
  /**
   * Most issues listed. Past it issues are only counted, except an error, which takes the place of the last note
   * listed, or of the last warning when no note is, and a warning, which takes the place of the last note listed
   * (the list keeps the order they were found in): a list that is full holds an error whenever one was found, and
   * a warning rather than a note. Reading stops once the list is full and an error was found.
   * @default no limit
   */
  maxIssues?: number;
  /**
   * Deepest nesting of arrays and objects accepted.
   * @default 100
   */
  maxDepth?: number;
  /**
   * Keep the data read in the result's `data` even when it is not valid (then unchecked: look at
   * `ok` before trusting it), and gather the records of an NDJSON stream or of a `.phx.json` file given
   * to {@link validateFile} at all. Without it, `data` is there only when the data is valid, and never
   * for those two, which are read in bounded memory where they can be.
   * @default false
   */
  keepData?: boolean;
}

/**
 * Default suppression threshold: counts of 1–4 must be suppressed.
 *
 * @example
 * ```ts
 * validate(text, { suppressionThreshold: DEFAULT_SUPPRESSION_THRESHOLD * 2 }); // counts of 1–9
 * ```
 */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/**
 * Whether a number can be a suppression threshold: a whole number from 1 (counts from 1 up to it, not including it,
 * must be suppressed), as a hub's settings give it. A hub, its validator page and `phx` take no other.
 *
 * @example
 * ```ts
 * import { isSuppressionThreshold } from '@phx/schema';
 * const threshold = Number('10');
 * if (!isSuppressionThreshold(threshold)) throw new Error('the suppression threshold must be a whole number from 1');
 * ```
 */
export function isSuppressionThreshold(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1;
}
/**
 * Default deepest nesting of arrays and objects accepted.
 *
 * @example
 * ```ts
 * validate(text, { maxDepth: DEFAULT_MAX_DEPTH / 2 });
 * ```
 */
export const DEFAULT_MAX_DEPTH = 100;

const catalogueMaps = new WeakMap<readonly IndicatorRule[], ReadonlyMap<string, IndicatorRule>>();
function catalogueMap(catalogue: readonly IndicatorRule[]): ReadonlyMap<string, IndicatorRule> {
  let map = catalogueMaps.get(catalogue);
  if (!map) catalogueMaps.set(catalogue, (map = new Map(catalogue.map((d) => [d.code, d]))));
  return map;
}

/**
 * Whether the references of records checked without the rest of their package (a record alone, a CSV table) must
 * resolve: when the caller names the records that exist (`knownOrganisations`, `knownFacilities`: a hub's).
 */
export function namesKnownRecords(options: ValidateOptions): boolean {
  return options.knownOrganisations !== undefined || options.knownFacilities !== undefined;
}

/** Turns options into rule settings, with the recogniser of personal data given. */
export function ruleSettings(options: ValidateOptions, references: boolean, personalData: RuleSettings['personalData']): RuleSettings {
  const { suppressionThreshold = DEFAULT_SUPPRESSION_THRESHOLD } = options;
  if (!isSuppressionThreshold(suppressionThreshold)) throw new RangeError(`suppressionThreshold must be a whole number from 1, not ${suppressionThreshold}`);
  return {
    suppressionThreshold,
    today: (options.now ?? new Date()).toISOString().slice(0, 10),
    // The catalogue's names and descriptions are never read here: the rules' part of it keeps bundles small.
    catalogue: catalogueMap(options.catalogue ?? catalogueRules),
    knownOrganisations: new Set(options.knownOrganisations ?? []),
    knownFacilities: new Map(options.knownFacilities ?? []),
    knownObservations: options.knownObservations ?? [],
    references,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    personalData,
  };
}

/**
 * The issues a validation lists of `issues` (in the order found) past `maxIssues`: errors before warnings and
 * warnings before notes, each the first found, in the order found — as every validator lists its own, so that issues
 * gathered from several validations are listed alike.
 *
 * @param maxIssues - how many to list at most; without it, every one, in the order found.
 * @example
 * ```ts
 * import { issuesListed, validateFile } from '@phx/schema';
 * const results = [await validateFile(file.stream(), { name: file.name }), await validateFile(bytes, { name: 'facilities.csv' })];
 * const listed = issuesListed(results.flatMap((result) => result.issues), 100);
 * ```
 */
export function issuesListed(issues: Iterable<ValidationIssue>, maxIssues?: number): ValidationIssue[] {
  const collector = new IssueCollector({ maxIssues }, {});
  for (const issue of issues) collector.keep(issue);
  return collector.issues;
}

/**
 * Collects issues, rendering each message once, and lists up to `maxIssues` of them: past it, an error or a
 * warning takes the place of the last note listed, an error of the last warning when no note is (see
 * {@link IssueCollector.room}).
 */
export class IssueCollector {
  readonly issues: ValidationIssue[] = [];
  /** Errors found, including those past `maxIssues`. */
  errors = 0;
  /** Warnings found, including those past `maxIssues`. */
  warnings = 0;
  /** Info notes found, including those past `maxIssues`. */
  infos = 0;

  /** The issues made before the messages of their language were loaded: their messages are still to write. */
  readonly unwritten: ValidationIssue[] = [];

  /** How many issues at the start of {@link IssueCollector.issues} {@link IssueCollector.fresh} has given. */
  private given = 0;
  /**
   * Where to look back from for the last note, and the last warning, listed once the list is full: none is listed
   * at or after it. Notes never join a full list; a warning joins it at the end.
   */
  private readonly lastBefore: Record<'info' | 'warning', number> = { info: Infinity, warning: Infinity };

  /**
   * @param messages - the languages whose messages are at hand: every one ({@link locales}), or those loaded so
   *   far, when the caller loads the language of `options.locale` on demand and then calls {@link IssueCollector.write}.
   */
  constructor(
    private readonly options: ValidateOptions,
    private readonly messages: Readonly<Partial<Record<Locale, PhxLocale>>>,
  ) {}

  get full(): boolean {
    return this.options.maxIssues !== undefined && this.issues.length >= this.options.maxIssues;
  }

  get ok(): boolean {
    return this.errors === 0;
  }

  /**
   * True when the list is full and an error was found (then one is listed): reading on cannot change the
   * outcome.
   */
  get settled(): boolean {
    return this.full && this.errors > 0;
  }

  /** Builds an issue from a problem (without adding it). */
  make(problem: Problem): ValidationIssue {
    const messages = this.messages[this.options.locale ?? 'en'];
    const issue = issueIn(problem, messages);
    if (!messages) this.unwritten.push(issue);
    return issue;
  }

  /** Writes the messages of the issues made before their language was loaded, with its messages. */
  write(messages: PhxLocale): void {
    for (const issue of this.unwritten.splice(0)) issue.message = renderIn(messages, issue.code, issue.params as never);
  }

  /** Counts an issue of a severity, kept or past `maxIssues`. */
  private count(severity: Severity): void {
    if (severity === 'error') this.errors++;
    else if (severity === 'warning') this.warnings++;
    else this.infos++;
  }

  /**
   * Whether an issue of `severity` found now is listed, at the end of the list: the one place `maxIssues` is
   * applied. Below it, every issue is; at it, an error or a warning is, in the place of the last note listed, and
   * an error in the place of the last warning when no note is, which this drops; nothing else is. So the list is
   * the first `maxIssues` issues found, but for errors and warnings found later, which take the places of the
   * latest notes, then errors those of the latest warnings, in the order found.
   */
  private room(severity: Severity): boolean {
    if (!this.full) return true;
    if (severity === 'info') return false;
    let at = this.lastListed('info');
    if (at < 0 && severity === 'error') at = this.lastListed('warning');
    if (at < 0) return false;
    this.issues.splice(at, 1);
    if (at < this.given) this.given--;
    // The warning joins at the end, after where the look back for the last warning would start.
    if (severity === 'warning') this.lastBefore.warning = Infinity;
    return true;
  }

  /** The place of the last issue of `severity` listed, or -1. */
  private lastListed(severity: 'info' | 'warning'): number {
    const { issues } = this;
    let at = Math.min(this.lastBefore[severity], issues.length) - 1;
    while (at >= 0 && issues[at]!.severity !== severity) at--;
    this.lastBefore[severity] = Math.max(at, 0);
    return at;
  }

  /** Counts and keeps an issue made elsewhere (by a reader), as {@link IssueCollector.add} does a problem. */
  keep(issue: ValidationIssue): void {
    this.count(issue.severity);
    if (this.room(issue.severity)) this.issues.push(issue);
  }

  /** Counts a problem and keeps it as an issue, which it returns; undefined when it is not listed. */
  add(problem: Problem): ValidationIssue | undefined {
    const severity = severities[problem.code];
    this.count(severity);
    // An issue that is not listed is only counted: its message is never rendered.
    if (!this.room(severity)) return undefined;
    const issue = this.make(problem);
    this.issues.push(issue);
    return issue;
  }

  /** Whether issues were listed since {@link IssueCollector.fresh} last gave them. */
  get unasked(): boolean {
    return this.given < this.issues.length;
  }

  /**
   * The issues listed since last asked, in their order, to give as they are found. An error that takes the place
   * of an issue given before is given too: the issues given are those listed in the end, and those whose places
   * errors took.
   */
  *fresh(): Generator<ValidationIssue> {
    const { issues } = this;
    while (this.given < issues.length) yield issues[this.given++]!;
  }

  /** The result of a validation that read `read`; `data` is kept when it is valid, or when asked to. */
  result<Data>(read: ReadSummary, data?: Data): ValidationResult<Data> {
    forgetTexts();
    const truncated = !read.complete || this.errors + this.warnings + this.infos > this.issues.length;
    const result: ValidationResult<Data> = { ok: this.ok, issues: this.issues, errors: this.errors, warnings: this.warnings, truncated, read };
    if (data !== undefined && (this.ok || this.options.keepData)) result.data = data;
    return result;
  }
}

/** The records a summary says were read, all types together. */
export function recordsReadIn(read: Pick<ReadSummary, 'records'>): number {
  return Object.values(read.records).reduce((sum, count) => sum + count, 0);
}

/** A count of 0 for every record type. */
export function noRecords(): Record<RecordType, number> {
  return Object.fromEntries(recordTypeNames.map((type) => [type, 0])) as Record<RecordType, number>;
}

/** The problem of a text with nothing in it, or undefined. */
export function emptiness(text: string): Problem | undefined {
  return text.trim() === '' ? { code: 'file.empty', path: [], params: { blank: text !== '' } } : undefined;
}

export function tooDeep(maxDepth: number): Problem {
  return { code: 'syntax.too-deep', path: [], params: { maxDepth } };
}

/** The problem of a key written again at `path` (the key last), first written on line `firstLine`. */
export function repeatedKey(path: (string | number)[], firstLine: number): Problem {
  return { code: 'syntax.duplicate-key', path, params: { key: path.at(-1) as string, firstLine } };
}

/** Why a JSON text that `JSON.parse` refused is not JSON, and the offset to place it at. */
export function unparsable(text: string, error: unknown, maxDepth: number, places: JsonPlaces): { problem: Problem; offset: number } {
  const beyond = offsetBeyondDepth(text, maxDepth);
  if (beyond >= 0) return { problem: tooDeep(maxDepth), offset: beyond };
  const { offset, token } = places.syntaxErrorOf(text, error);
  return { problem: { code: 'syntax.invalid-json', path: [], params: { token } }, offset };
}

/** Parses JSON text into a value, or reports why it cannot. */
function parseText(text: string, collector: IssueCollector, maxDepth: number, lines: LineIndex, places: JsonPlaces): { value?: unknown } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const { problem, offset } = unparsable(text, error, maxDepth, places);
    const issue = collector.add(problem);
    if (issue) issue.location = lines.locate(offset);
    return {};
  }
}

/** Adds text locations to the issues, unless the text nests too deep to be walked. */
export function addLocations(text: string, issues: ValidationIssue[], collector: IssueCollector, maxDepth: number, lines: LineIndex, places: JsonPlaces): void {
  const pending = issues.filter((issue) => issue.location === undefined);
  if (pending.length === 0) return;
  const beyond = offsetBeyondDepth(text, maxDepth);
  if (beyond >= 0) {
    // The rules may have found the deep value already: place that issue rather than report it twice.
    const issue = pending.find((found) => found.code === 'syntax.too-deep') ?? collector.add(tooDeep(maxDepth));
    if (issue) issue.location = lines.locate(beyond);
    return;
  }
  const locations = places.locatePaths(text, pending.map((issue) => issue.path), lines);
  pending.forEach((issue, i) => (issue.location = locations[i]));
}

/**
 * Validates a whole DataPackage as {@link validate} does, loading on demand what a valid package in English
 * never needs: zod and the model, which describe a record the generated checks do not accept, and the
 * messages of a language other than English. A browser's first download of it is then a fraction of
 * {@link validate}'s (see docs/performance.md); the issues are the same. Never throws on bad data.
 *
 * @param input - the package as an object, or as JSON text or its UTF-8 bytes (then issues carry line and column).
 * @example
 * ```ts
 * import { validateAsync } from '@phx/schema';
 * const response = await fetch('/data.phx.json');
 * const { ok, issues } = await validateAsync(new Uint8Array(await response.arrayBuffer()), { locale: 'fr' });
 * ```
 */
export async function validateAsync(input: unknown, options: ValidateOptions = {}): Promise<ValidationResult<DataPackage>> {
  // A text's length in UTF-16 units stands for its bytes; a package given as a value has no size to tell, and its parts
  // load as it first needs them.
  const bytes = typeof input === 'string' ? input.length : input instanceof Uint8Array ? input.byteLength : 0;
  return checkOnDemand(options, (settled, collector) => validateWith(input, settled, collector, onDemandParts), { bytes, json: true });
}

/**
 * Runs a check of a whole document with the parts loaded on demand, and writes the messages of its issues: the
 * check is given the options and a collector whose messages are those loaded, and uses the parts of
 * `on-demand.ts`. When a part is not loaded yet (the describer at the first record the generated checks do not
 * accept, the JSON places at the first issue to place, the reader of headings at a header of headings), it is loaded
 * and the check runs again from the start, with the same issues. A check of records (`document`) has what it would
 * run again for loaded first (`loadForDocument()`): the recogniser of personal data, and for a large document the
 * describer and the places.
 */
export async function checkOnDemand<Options extends ValidateOptions, Result>(
  options: Options,
  check: (options: Options, collector: IssueCollector) => Result,
  document?: DocumentChecked,
): Promise<Result> {
  if (document) await loadForDocument(document);
  // The same day for "in the future", should the check run again with a part loaded.
  const settled: Options = { ...options, now: options.now ?? new Date() };
  const { collector, result } = await withPartsLoaded(() => {
    const collector = new IssueCollector(settled, loadedLocales);
    return { collector, result: check(settled, collector) };
  });
  await writeMessages(collector, settled.locale);
  return result;
}

/**
 * Validates a package with the parts given. `references`: whether its references to organisations and facilities
 * must resolve within it; not in a part of a package still to be assembled (the records of a CSV file).
 */
export function validateWith(input: unknown, options: ValidateOptions, collector: IssueCollector, parts: ValidationParts, references = true): ValidationResult<DataPackage> {
  const { places } = parts;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let value = input;
  let document: JsonDocument | undefined;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    document = parseDocument(input, collector, maxDepth, places);
    if (!document) return collector.result({ records: noRecords(), complete: true });
    value = document.value;
  }
  const read = validatePackageValue(value, collector, options, parts, references);
  if (document) addLocations(document.text, collector.issues, collector, maxDepth, document.lines, places);
  return collector.result(read, value as DataPackage);
}

/** A JSON text, where its lines start, and its value. */
interface JsonDocument {
  text: string;
  lines: LineIndex;
  value: unknown;
}

/**
 * The text of a document (decoded from UTF-8 bytes, a byte order mark dropped), or undefined after adding to
 * `collector` why there is none: bytes that are not UTF-8, or no text at all.
 */
export function documentText(input: string | Uint8Array, collector: IssueCollector): string | undefined {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeUtf8(input);
    if ('problem' in decoded) {
      const issue = collector.add(decoded.problem);
      if (issue && decoded.at) issue.location = decoded.at;
      return undefined;
    }
    text = decoded.text;
  }
  // A byte order mark is not part of the text (RFC 8259 §8.1); editors on Windows often write one.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const empty = emptiness(text);
  if (empty) {
    collector.add(empty);
    return undefined;
  }
  return text;
}

/** Decodes (from bytes) and parses a JSON document, or adds to `collector` why it cannot be read. */
export function parseDocument(input: string | Uint8Array, collector: IssueCollector, maxDepth: number, places: JsonPlaces): JsonDocument | undefined {
  const text = documentText(input, collector);
  if (text === undefined) return undefined;
  const lines = new LineIndex(text);
  const parsed = parseText(text, collector, maxDepth, lines, places);
  if (!('value' in parsed)) return undefined;
  // A key written twice in an object: the places find them where the text may hold one, unless it nests too deep for them.
  if (mayRepeatKeys(text, parsed.value) && offsetBeyondDepth(text, maxDepth) < 0) {
    for (const { path, offset, first } of places.repeatedKeys(text)) {
      const issue = collector.add(repeatedKey(path, lines.locate(first).line));
      if (issue) issue.location = lines.locate(offset);
    }
  }
  return { text, lines, value: parsed.value };
}

function validatePackageValue(value: unknown, collector: IssueCollector, options: ValidateOptions, parts: ValidationParts, references: boolean): ReadSummary {
  const { describe } = parts;
  const read: ReadSummary = { records: noRecords(), complete: true };
  const add = (problem: Problem): void => void collector.add(problem);
  const numbers = new RecordNumbers();
  const checker = new RuleChecker<number | undefined>(ruleSettings(options, references, parts.personalData), (problem, at) => add(at === undefined ? problem : numbers.inPackage(problem, at)));
  const pkg = checkEnvelope(value, checker, add, describe);
  if (!pkg) return read;
  // Definitions before their uses: indicators and facilities are checked before observations.
  for (const type of recordTypeNames) {
    const collection = recordStores[type].collection;
    const records = pkg[collection];
    if (!Array.isArray(records)) continue;
    checker.expect(type, records.length);
    for (let index = 0; index < records.length; index++) {
      if (collector.settled) {
        read.complete = false;
        return read;
      }
      checkPackageRecord(type, records[index], [collection, index], numbers.next(type, index), checker, add, describe);
      read.records[type]++;
    }
  }
  checker.finish();
  return read;
}

/**
 * Checks a package's envelope (its shape, records left out) and the rules of its header, and returns it as an
 * object to read the records from; undefined when it is not an object, whose records cannot be told, or is a
 * document of another system (one issue names it).
 */
export function checkEnvelope(
  value: unknown,
  checker: RuleChecker<number | undefined>,
  add: (problem: Problem) => void,
  describe: Describer,
): Record<string, unknown> | undefined {
  // A file of another system (a FHIR Bundle, DHIS2, SDMX) is named once, rather than each of its fields PHX does not know.
  const other = otherSystemOfDocument(value);
  if (other) {
    add({ code: 'file.other-system', path: [], params: { format: other } });
    return undefined;
  }
  const envelope = checkShape('package', value, [], describe);
  envelope.problems.forEach(add);
  // Without a usable envelope, still check the records that are there.
  if (!envelope.data && (value === null || typeof value !== 'object' || Array.isArray(value))) return undefined;
  const pkg = (envelope.data ?? value) as Record<string, unknown>;
  const publisher = (pkg.publisher as { id?: unknown } | undefined)?.id;
  if (typeof publisher === 'string') checker.publisherIs(publisher);
  // An accepted envelope is read as it is; zod's output (a trimmed URL) is walked whole, without its records.
  if (envelope.text !== ANY_VALUE) checker.header(pkg, undefined, envelope.text);
  else if (envelope.data) checker.header(packageHeaderOf(envelope.data), undefined, ANY_VALUE);
  return pkg;
}

/**
 * Checks one record of a package at `path`: its shape, then the rules, which remember it for those that span
 * records as record number `context` and report paths relative to it.
 */
export function checkPackageRecord<Context extends number | undefined>(
  type: RecordType,
  record: unknown,
  path: (string | number)[],
  context: Context,
  checker: RuleChecker<Context>,
  add: (problem: Problem) => void,
  describe: Describer,
): void {
  const { problems, data, text } = checkShape(type, record, path, describe);
  // A name written in place of the id of an organisation or a facility gets that record's id as its suggestion.
  for (const problem of problems) add(checker.named(problem));
  if (data) checker.record(type, data, context, text);
  else checker.invalid(type, record, context);
}

