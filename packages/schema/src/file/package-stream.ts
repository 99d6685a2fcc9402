import { DEFAULT_MAX_LINE_BYTES } from '../formats/lines.js';
import type { DataPackage } from '../model/package.js';
import { recordStores, recordTypeNames, type RecordType } from '../model/record-kinds.js';
import { type Problem, type ReadSummary, type TextLocation, type ValidationIssue, type ValidationResult } from '../validate/issue.js';
import type { JsonPlaces } from '../validate/json-places.js';
import { writeMessages } from '../validate/on-demand.js';
import type { ValidationParts } from '../validate/parts.js';
import { LineIndex } from '../validate/locate.js';
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
 * uses), whatever their order in the document: arrays that come in another order are read in as many readings
 * as that order needs, each taking the arrays it can in order and reading through the others, after a first
 * reading that finds the order. The rules' context of a record is its number in the order checked, kept in
 * their tables as a number. Issues found once a record's text is gone (unresolved references, sums of
 * breakdowns) are placed by reading the document once more. Undefined when the document is to be read whole:
 * text that is not JSON or not UTF-8, nesting beyond `maxDepth`, a header after the records, a record array twice.
 *
 * @param read - the document's bytes from the start; called again for each further reading.
 */
export async function validatePackageStream(
  read: () => AsyncIterable<Uint8Array>,
  options: ValidateNdjsonOptions,
  parts: ValidationParts,
): Promise<ValidationResult<Partial<DataPackage>> | undefined> {
  const checked = await checkPackage(read, options, parts);
  if (!checked || !('arrays' in checked)) return checked;
  const again = await checkPackage(read, options, parts, readingsOf(checked.arrays));
  return again && 'arrays' in again ? undefined : again;
}

/** The record arrays of a document in its order, when they are not in the order checked. */
interface OutOfOrder {
  arrays: RecordType[];
}

/**
 * The record types each reading checks, for record arrays laid out in `arrays`' order: in the order checked,
 * a reading taking each type after the last while its array comes later in the document.
 */
function readingsOf(arrays: readonly RecordType[]): RecordType[][] {
  const readings: RecordType[][] = [];
  let last = Number.POSITIVE_INFINITY;
  for (const type of recordTypeNames) {
    const at = arrays.indexOf(type);
    if (at < 0) continue;
    if (at < last) readings.push([]);
    readings.at(-1)!.push(type);
    last = at;
  }
  return readings;
}

/**
 * Checks the document in the given readings, or, without them, in one reading that takes the record arrays in
 * the document's order: the arrays then, when they are not in the order checked.
 */
async function checkPackage(
  read: () => AsyncIterable<Uint8Array>,
  options: ValidateNdjsonOptions,
  parts: ValidationParts,
  readings?: readonly RecordType[][],
): Promise<ValidationResult<Partial<DataPackage>> | OutOfOrder | undefined> {
  const { describe, places, whenLoaded } = parts;
  const collector = new IssueCollector(options, parts.messages);
  const summary: ReadSummary = { records: noRecords(), complete: true };
  const numbers = new RecordNumbers();
  const deferred = new Map<number, Found[]>();
  const envelopeFound: Found[] = [];
  let envelopeText = '';
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

  /** The arrays met in the first reading, without readings given; whether they have come in the order checked. */
  const arrays: RecordType[] = [];
  let inOrder = true;
  const pieces: PieceSteps = {
    records(type) {
      if (readings) return true;
      const last = arrays.at(-1);
      arrays.push(type);
      // Past an array out of order, the records are only read through: they are checked in the readings to come.
      inOrder &&= last === undefined || recordTypeNames.indexOf(type) > recordTypeNames.indexOf(last);
      return inOrder;
    },
    envelope(text) {
      envelopeText = text;
      const value = parsed(text);
      if (!value) return false;
      // The describer is used before the envelope's problems are added: a part loaded on demand is awaited there.
      const checking = whenLoaded(() => void checkEnvelope(value.json, checker, (problem) => report(problem, undefined), describe));
      return checking ? checking.then(() => true) : true;
    },
    record(type, index, text, place) {
      // Text that is not JSON anywhere is the document's only issue: records past the last checked are still parsed.
      const value = parsed(text);
      if (!value) return false;
      if (settled || (settled = collector.settled)) {
        summary.complete = false;
        return true;
      }
      const at = (current = numbers.next(type, index));
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
      return placing ? placing.then(() => true) : true;
    },
  };
  if (readings) {
    for (const [i, types] of readings.entries()) {
      const reading: PieceSteps = { envelope: i === 0 ? pieces.envelope : () => true, records: (type) => types.includes(type), record: pieces.record };
      if (!(await scan(read(), reading, options))) return undefined;
    }
  } else if (!(await scan(read(), pieces, options))) return undefined;
  if (!inOrder) return { arrays };
  // What the rules report from here on is of records whose text is gone.
  current = -1;
  if (!settled) checker.finish();
  await whenLoaded(() => placeIn(envelopeText, { line: 1, column: 1 }, envelopeFound, places));
  if (deferred.size > 0) {
    const placed = await scan(read(), {
      envelope: () => true,
      records: (type) => numbers.numberOf(type, 0) !== undefined,
      record(type, index, text, place) {
        const found = deferred.get(numbers.numberOf(type, index)!);
        const placing = found && whenLoaded(() => placeIn(text, place, found, places));
        return placing ? placing.then(() => true) : true;
      },
    }, options);
    if (!placed) return undefined;
  }
  await writeMessages(collector, options.locale);
  return collector.result(summary);
}

/** The value of a JSON text, wrapped so that any value (`null` too) is told from none; undefined when it is not JSON. */
function parsed(text: string): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(text) };
  } catch {
    return undefined;
  }
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
 * What a reading does with each piece a {@link PackageScanner} finds, in their order: a promise where it waits for
 * a part loaded on demand. False when the document is to be read whole.
 */
interface PieceSteps {
  envelope(text: string): boolean | Promise<boolean>;
  /** Whether the records of an array of `type` are taken, or only read through. */
  records(type: RecordType): boolean;
  record(type: RecordType, index: number, text: string, place: PiecePlace): boolean | Promise<boolean>;
}

/** A piece found by the scanner, waiting for its step. */
type Piece = { text: string } | { type: RecordType; index: number; text: string; place: PiecePlace };

/**
 * Reads a document's bytes as UTF-8 through a scanner, taking each chunk's pieces in turn (the scanner cannot
 * wait, a step may); false when it is to be read whole.
 */
async function scan(chunks: AsyncIterable<Uint8Array>, steps: PieceSteps, options: ValidateNdjsonOptions): Promise<boolean> {
  const found: Piece[] = [];
  const scanner = new PackageScanner(
    {
      envelope: (text) => found.push({ text }) > 0,
      records: (type) => steps.records(type),
      record: (type, index, text, place) => found.push({ type, index, text, place }) > 0,
    },
    options.maxDepth ?? DEFAULT_MAX_DEPTH,
    options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
  );
  const take = async (): Promise<boolean> => {
    for (const piece of found) {
      const step = 'type' in piece ? steps.record(piece.type, piece.index, piece.text, piece.place) : steps.envelope(piece.text);
      if (!(step === true || (step !== false && (await step)))) return false;
    }
    found.length = 0;
    return true;
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of chunks) {
    const text = decoded(decoder, chunk);
    if (text === undefined || !scanner.write(text) || !(await take())) return false;
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
