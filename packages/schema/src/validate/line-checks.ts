/**
 * The checks of one NDJSON line, split where the rules that span records begin: a line is checked here whole
 * ({@link checkLine} with a {@link RuleChecker}), or on another thread with a checker that notes what spans
 * records for later (`line-tape.ts`).
 */
import { recordStores, recordTypeNames, type RecordType } from '../model/record-kinds.js';
import type { Problem } from './issue.js';
import type { JsonPlaces } from './json-places.js';
import { LineIndex, mayRepeatKeys, offsetBeyondDepth, type RepeatedKey } from './locate.js';
import type { RuleChecker } from './rules.js';
import type { ShapeKind } from '../generated/shape-checks.js';
import { checkShape, type Describer } from './shape.js';
import type { Line } from '../formats/lines.js';
import { RECORD_PATH } from './record-numbers.js';
import { repeatedKey, unparsable } from './validate.js';

/** The shape of each record type's line, named once rather than built for every line. */
const LINE_SHAPES = /* @__PURE__ */ Object.fromEntries(recordTypeNames.map((type) => [type, `${type}-line`])) as Record<RecordType, ShapeKind>;

/** A line that is not JSON. */
export const NOT_JSON = 0;
/** A line whose `type` is not a record type. */
export const UNKNOWN_TYPE = 1;
/** What a line holds, once parsed: a record of a type, the package header, or neither. */
export type LineKind = RecordType | 'package' | typeof NOT_JSON | typeof UNKNOWN_TYPE;
/** What is wrong with a line that could not be read. */
export function lineProblem(line: Exclude<Line, { text: string }>, maxLineBytes: number): Problem {
  return line.problem === 'too-long'
    ? { code: 'syntax.line-too-long', path: [], params: { maxBytes: maxLineBytes } }
    : { code: 'syntax.invalid-encoding', path: [], params: { encoding: line.encoding ?? null } };
}

/** Where the checks of a line go. */
export interface LineSink {
  /** The line's kind is known, before any of its issues: false to check it no further. */
  begin(kind: LineKind, value: unknown): boolean;
  /** A record or header that passed its shape. */
  valid(kind: RecordType | 'package', value: unknown): void;
  /**
   * A problem of the line, at a column of it; without one, at its path in the line's text, which the sink finds
   * once the line is checked ({@link columnsOf}), its problems in their order.
   */
  place(problem: Problem, column?: number): void;
}

/** The parts a line's checks use: the describer, and the JSON places for a line that is not JSON. */
export interface LineParts {
  readonly describe: Describer;
  readonly places: JsonPlaces;
}

/**
 * The columns of paths in a line's text (its start when the text nests too deep to be walked): where the
 * problems a sink was given without a column are placed.
 */
export function columnsOf(paths: readonly (readonly (string | number)[])[], text: string, maxDepth: number, places: JsonPlaces): number[] {
  if (offsetBeyondDepth(text, maxDepth) >= 0) return paths.map(() => 1);
  return places.locatePaths(text, paths, new LineIndex(text)).map(({ column }) => column);
}

/**
 * Checks a line that holds something: parses it, checks its shape, and applies the rules through `checker`.
 * A part loaded on demand (`parts`) is used before anything of the line reaches the sink or the rules, so that
 * when it throws `NotLoaded` the line can be checked again once it is loaded: the problems go to the sink
 * without their columns, and the columns are found once the line is checked.
 */
export function checkLine(text: string, number: number, checker: RuleChecker<number>, sink: LineSink, maxDepth: number, parts: LineParts): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { problem, offset } = unparsable(text, error, maxDepth, parts.places);
    sink.begin(NOT_JSON, undefined);
    return sink.place(problem, offset + 1);
  }
  // A key written twice in an object, found by the places (which may not be loaded yet) before the sink sees the line.
  const repeated = mayRepeatKeys(text, value) && offsetBeyondDepth(text, maxDepth) < 0 ? parts.places.repeatedKeys(text) : undefined;
  const type = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
  if (type === 'package') {
    // The shape first: the describer may not be loaded yet, and the sink must not have seen the line then.
    const { problems, data, text: shape } = checkShape('package-line', value, [], parts.describe);
    if (!sink.begin('package', value)) return;
    if (repeated) placeRepeated(repeated, number, sink);
    if (!data) return problems.forEach((problem) => sink.place(problem));
    sink.valid('package', value);
    checker.publisherIs((data as { publisher: { id: string } }).publisher.id);
    return checker.header(data, number, shape);
  }
  if (typeof type !== 'string' || !Object.hasOwn(recordStores, type)) {
    sink.begin(UNKNOWN_TYPE, value);
    if (repeated) placeRepeated(repeated, number, sink);
    return sink.place({ code: 'ndjson.unknown-type', path: ['type'], params: { type: typeof type === 'string' ? type : null } }, 1);
  }
  const recordType = type as RecordType;
  const { problems, data, text: shape } = checkShape(LINE_SHAPES[recordType], value, RECORD_PATH, parts.describe);
  if (!sink.begin(recordType, value)) return;
  if (repeated) placeRepeated(repeated, number, sink);
  if (!data) {
    problems.forEach((problem) => sink.place(checker.named(problem)));
    return checker.invalid(recordType, value, number);
  }
  sink.valid(recordType, value);
  checker.record(recordType, data, number, shape);
}

/** Places the keys written again on line `number`, each at its column: the first writing is on the same line. */
function placeRepeated(repeated: readonly RepeatedKey[], number: number, sink: LineSink): void {
  for (const { path, offset } of repeated) sink.place(repeatedKey(path, number), offset + 1);
}
