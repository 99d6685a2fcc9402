import { DEFAULT_MAX_LINE_BYTES } from '../formats/lines.js';
import type { DataPackage } from '../model/package.js';
import { recordStores, recordTypeNames, type RecordType } from '../model/record-kinds.js';
import { type Problem, type ReadSummary, type TextLocation, type ValidationIssue, type ValidationResult } from '../validate/issue.js';
import type { JsonPlaces } from '../validate/json-places.js';
import { writeMessages } from '../validate/on-demand.js';
import type { ValidationParts } from '../validate/parts.js';
import { LineIndex, mayRepeatKeys } from '../validate/locate.js';
import type { ValidateNdjsonOptions } from '../validate/ndjson.js';
import { RecordNumbers } from '../validate/record-numbers.js';
import { RuleChecker } from '../validate/rules.js';
import { checkEnvelope, checkPackageRecord, DEFAULT_MAX_DEPTH, IssueCollector, noRecords, ruleSettings } from '../validate/validate.js';
import { PackageScanner, type PiecePlace } from './package-scanner.js';

/** An issue kept, with its path in the piece it was found in, to be placed in that piece's text. */
interface Found {
  issue: ValidationIssue;
  path: readonly (string | number)[];
}

/**
 * Validates a `.phx.json` document read piece by piece ({@link PackageScanner}): the envelope first, then each
 * record as its text ends, as {@link validate} checks the package read whole and with the same issues (code,
 * path, message, location, order), in memory bounded by the longest record rather than the document. The
 * whole reader checks the record arrays in the order of {@link recordTypeNames} (definitions before their
 * uses), whatever their order in the document. The first reading checks the arrays as they come, as if those
 * not met yet came in that order; from the first array out of order its checks are dropped and the document is
 * checked anew: the rest of that reading takes an array whose types before it are all checked already (the
 * organisations, wherever they come), and each reading after it every array whose types before it are checked
 * or absent, reading through the others. The rules' context of a record is its
 * number in the order checked, kept in their tables as a number. Issues found once a record's text is gone
 * (unresolved references, sums of breakdowns) are placed by reading the document once more. Undefined when the
 * document is to be read whole: text that is not JSON or not UTF-8, nesting beyond `maxDepth`, a header after
 * the records, a key written twice in any object.
 *
 * @param read - the document's bytes from the start; called again for each further reading.
 */
export async function validatePackageStream(
  read: () => AsyncIterable<Uint8Array>,
  options: ValidateNdjsonOptions,
  parts: ValidationParts,
): Promise<ValidationResult<Partial<DataPackage>> | undefined> {
  /** The record arrays met, in the document's order: all of them once the first reading has ended. */
  const arrays: RecordType[] = [];
  let envelopeText: string | undefined;
  let check!: PackageCheck;
  /** The types of the arrays the check has taken, in the order checked. */
  let taken: RecordType[] = [];
  /**
   * Whether a type not met is absent: taken to be while the arrays met so far came in the order checked (the check
   * then takes each as it comes), and known to be once the first reading has ended.
   */
  let unmetAbsent = true;
  /** The array being read, and the step of its records when they are taken. */
  let reading: RecordType | undefined;
  let step: RecordStep | undefined;
  const steps: PieceSteps = {
    envelope(text) {
      if (envelopeText !== undefined) return true;
      envelopeText = text;
      check = packageCheck();
      return check.envelope;
    },
    takes(type) {
      if (type === reading) return step;
      reading = type;
      const order = recordTypeNames.indexOf(type);
      if (!arrays.includes(type)) {
        arrays.push(type);
        // An array out of order: what the check took after its type is to be checked after it, anew.
        if (unmetAbsent && recordTypeNames.indexOf(taken.at(-1)!) > order) {
          unmetAbsent = false;
          check = packageCheck();
          taken = [];
        }
      }
      const takes = !taken.includes(type) && recordTypeNames.slice(0, order).every((other) => taken.includes(other) || (unmetAbsent && !arrays.includes(other)));
      if (takes) taken.push(type);
      return (step = takes ? check.record : undefined);
    },
    read: (bytes) => check?.foresee(bytes),
  };
  // `reading` is kept from one reading to the next: a document read again starts with another array than it ends with.
  do {
    if (!(await scan(read(), steps, options))) return undefined;
    unmetAbsent = true;
    // Every array taken is one met.
  } while (taken.length < arrays.length);
  return check.end();

  /** Starts a check of the package, its envelope checked at once. */
  function packageCheck(): PackageCheck {
    const { describe, places, whenLoaded } = parts;
    const collector = new IssueCollector(options, parts.messages);
    const summary: ReadSummary = { records: noRecords(), complete: true };
    const numbers = new RecordNumbers();
    /** The number of the first record of each array checked, to find a record's number in a later reading. */
    const firstOf = new Map<RecordType, number>();
    const deferred = new Map<number, Found[]>();
    const envelopeFound: Found[] = [];
    let current = -1;
    let currentFound: Found[] = [];
    let settled = false;

    /** Adds a problem of record number `at` (of the envelope when undefined), its path relative to the record unless `inRecord` is given. */
    const report = (problem: Problem, at: number | undefined, inRecord?: (string | number)[]): void => {
      const issue = collector.add(at === undefined || inRecord ? problem : numbers.inPackage(problem, at));
      if (!issue) return;
      const found = { issue, path: inRecord ? problem.path.slice(inRecord.length) : problem.path };
      if (at === undefined) envelopeFound.push(found);
      else if (at === current) currentFound.push(found);
      else deferred.set(at, [...(deferred.get(at) ?? []), found]);
    };
    const checker = new RuleChecker<number | undefined>(ruleSettings(options, true, parts.personalData), report);

    const value = parsed(envelopeText!);
    const repeating = value && repeats(envelopeText!, value.json, parts);
    // The describer is used before the envelope's problems are added: a part loaded on demand is awaited there.
    let enveloping = value && whenLoaded(() => void checkEnvelope(value.json, checker, (problem) => report(problem, undefined), describe));
    const record: RecordStep = (type, index, text, place) => {
      // A check begun midway through a reading has its envelope's issues first.
      if (enveloping) return enveloping.then(() => ((enveloping = undefined), record(type, index, text, place)));
      // Text that is not JSON anywhere is the document's only issue: records past the last checked are still parsed.
      const value = parsed(text);
      if (!value) return false;
      const repeating = repeats(text, value.json, parts);
      if (repeating) return repeating === true ? false : repeating.then((found) => !found && record(type, index, text, place));
      if (settled || (settled = collector.settled)) {
        summary.complete = false;
        return true;
      }
      const at = (current = numbers.next(type, index));
      if (index === 0) firstOf.set(type, at);
      summary.records[type]++;
      // Shape problems are worded with the record's path in the package; the rules keep one shared path.
      const path = [recordStores[type].collection, index];
      // The describer is used before the record's problems are added or the rules see it: checked again once loaded.
      const check = (): void => {
        currentFound = [];
        checkPackageRecord(type, value.json, path, at, checker, (problem) => report(problem, at, path), describe);
      };
      const placeFound = (): Promise<void> | void => whenLoaded(() => placeIn(text, place, currentFound, places));
      const checking = whenLoaded(check);
      const placing = checking ? checking.then(placeFound) : placeFound();
      return went(placing);
    };
    return {
      foresee: (bytes) => checker.foresee(bytes, options.size),
      envelope: repeating instanceof Promise ? repeating.then((found) => !found && (enveloping?.then(() => true) ?? true)) : !repeating && (enveloping?.then(() => true) ?? !!value),
      record,
      async end() {
        // What the rules report from here on is of records whose text is gone.
        current = -1;
        if (!settled) checker.finish();
        await whenLoaded(() => placeIn(envelopeText!, { line: 1, column: 1 }, envelopeFound, places));
        const placeDeferred: RecordStep = (type, index, text, place) => {
          const found = deferred.get(firstOf.get(type)! + index);
          const placing = found && whenLoaded(() => placeIn(text, place, found, places));
          return went(placing);
        };
        if (deferred.size > 0 && !(await scan(read(), { envelope: () => true, takes: (type) => (firstOf.has(type) ? placeDeferred : undefined) }, options))) return undefined;
        await writeMessages(collector, options.locale);
        return collector.result(summary);
      },
    };
  }
}

/** What to do with one record: false when the document is to be read whole. */
type RecordStep = (type: RecordType, index: number, text: string, place: PiecePlace) => boolean | Promise<boolean>;

/** A check of a package, record array after record array in the order checked, over as many readings as that takes. */
interface PackageCheck {
  /** The envelope checked: false when it is not JSON. */
  envelope: boolean | Promise<boolean>;
  record: RecordStep;
  /** Makes the rules' tables for what the document promises, once enough of it is read (see {@link RuleChecker.foresee}). */
  foresee(bytes: number): void;
  /** The result, once every array is checked; undefined when the document is to be read whole. */
  end(): Promise<ValidationResult<Partial<DataPackage>> | undefined>;
}

/** A step's answer: true once what it waits for, if anything, is done. */
function went(waiting: Promise<void> | void | undefined): boolean | Promise<boolean> {
  return waiting ? waiting.then(() => true) : true;
}

/** The value of a JSON text, wrapped so that any value (`null` too) is told from none; undefined when it is not JSON. */
function parsed(text: string): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * Whether a piece writes a key twice in one of its objects, for the document to be read whole, where that is
 * reported: the JSON places tell it, once loaded, from a text that only may (see `mayRepeatKeys()`).
 */
function repeats(text: string, json: unknown, parts: ValidationParts): boolean | Promise<boolean> {
  if (!mayRepeatKeys(text, json)) return false;
  let found = false;
  const loading = parts.whenLoaded(() => void (found = parts.places.repeatedKeys(text).length > 0));
  return loading ? loading.then(() => found) : found;
}

/** Places issues found in a piece at their line and column in the document, the piece's text starting at `place`. */
function placeIn(text: string, place: PiecePlace, found: readonly Found[], places: JsonPlaces): void {
  if (found.length === 0) return;
  const locations = places.locatePaths(text, found.map(({ path }) => path), new LineIndex(text));
  found.forEach(({ issue }, i) => (issue.location = shifted(locations[i]!, place)));
}

function shifted(location: TextLocation, place: PiecePlace): TextLocation {
  return location.line === 1 ? { line: place.line, column: place.column + location.column - 1 } : { line: place.line + location.line - 1, column: location.column };
}

/**
 * What a reading does with the pieces a {@link PackageScanner} finds: the envelope's check starts as it is found,
 * and each record's step is taken in their order; a promise where it waits for a part loaded on demand. False
 * when the document is to be read whole.
 */
interface PieceSteps {
  envelope(text: string): boolean | Promise<boolean>;
  /** The step of a record of `type`, decided as the scanner finds it; undefined when it is only read through (its text not parsed). */
  takes(type: RecordType): RecordStep | undefined;
  /** Told the bytes read so far, once the steps of a chunk's pieces are taken. */
  read?(bytes: number): void;
}

/** A piece found by the scanner, waiting for its step to be taken after those of the pieces before it. */
type Piece = { envelope: boolean | Promise<boolean> } | { step: RecordStep; type: RecordType; index: number; text: string; place: PiecePlace };

/**
 * Reads a document's bytes as UTF-8 through a scanner, taking each chunk's pieces in turn (the scanner cannot
 * wait, a step may); false when it is to be read whole.
 */
async function scan(chunks: AsyncIterable<Uint8Array>, steps: PieceSteps, options: ValidateNdjsonOptions): Promise<boolean> {
  const found: Piece[] = [];
  const scanner = new PackageScanner(
    {
      envelope: (text) => found.push({ envelope: steps.envelope(text) }) > 0,
      record(type, index, text, place) {
        const step = steps.takes(type);
        return !step || found.push({ step, type, index, text, place }) > 0;
      },
    },
    options.maxDepth ?? DEFAULT_MAX_DEPTH,
    options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
  );
  const take = async (): Promise<boolean> => {
    for (const piece of found) {
      const step = 'step' in piece ? piece.step(piece.type, piece.index, piece.text, piece.place) : piece.envelope;
      if (!(step === true || (step !== false && (await step)))) return false;
    }
    found.length = 0;
    return true;
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  for await (const chunk of chunks) {
    const text = decoded(decoder, chunk);
    if (text === undefined || !scanner.write(text) || !(await take())) return false;
    steps.read?.((bytes += chunk.length));
  }
  const rest = decoded(decoder);
  return rest !== undefined && scanner.write(rest) && scanner.end() && take();
}

/** A chunk decoded (the end of the text without one); undefined for bytes that are not UTF-8, which the whole reader names and places. */
function decoded(decoder: TextDecoder, chunk?: Uint8Array): string | undefined {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    return undefined;
  }
}
