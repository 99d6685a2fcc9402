/**
 * The checks of one NDJSON line, split where the rules that span records begin: a line is checked here whole
 * ({@link checkLine} with a {@link RuleChecker}), or on another thread with a checker that notes what spans
 * records for later (`line-tape.ts`).
 */
import { recordStores, type RecordType } from '../model/record-kinds.js';
import type { Problem } from './issue.js';
import { jsonPlaces, locatePaths } from './json-places.js';
import { LineIndex, offsetBeyondDepth } from './locate.js';
import { describeShape } from './structural.js';
import type { RuleChecker } from './rules.js';
import { checkShape } from './shape.js';
import type { Line } from '../formats/lines.js';
import { unparsable } from './validate.js';

/** Issue paths of a line are relative to its record: one shared empty path, which the rules keep rather than copy. */
export const RECORD_PATH: (string | number)[] = [];

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
  /** A problem of the line, at a column of it. */
  place(problem: Problem, column: number): void;
}

/** Places problems at their columns in a line's text (at its start when the text nests too deep to be walked). */
export function placeAll(problems: readonly Problem[], text: string, sink: LineSink, maxDepth: number): void {
  if (problems.length === 0) return;
  if (offsetBeyondDepth(text, maxDepth) >= 0) {
    problems.forEach((problem) => sink.place(problem, 1));
    return;
  }
  const places = locatePaths(text, problems.map((p) => p.path), new LineIndex(text));
  problems.forEach((problem, i) => sink.place(problem, places[i]!.column));
}

/** Checks a line that holds something: parses it, checks its shape, and applies the rules through `checker`. */
export function checkLine(text: string, number: number, checker: RuleChecker<number>, sink: LineSink, maxDepth: number): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { problem, offset } = unparsable(text, error, maxDepth, jsonPlaces);
    sink.begin(NOT_JSON, undefined);
    return sink.place(problem, offset + 1);
  }
  const type = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
  if (type === 'package') {
    if (!sink.begin('package', value)) return;
    const { problems, data, text: shape } = checkShape('package-line', value, [], describeShape);
    if (!data) return placeAll(problems, text, sink, maxDepth);
    sink.valid('package', value);
    checker.publisherIs((data as { publisher: { id: string } }).publisher.id);
    return checker.header(data, number, shape);
  }
  if (typeof type !== 'string' || !Object.hasOwn(recordStores, type)) {
    sink.begin(UNKNOWN_TYPE, value);
    return sink.place({ code: 'ndjson.unknown-type', path: ['type'], params: { type: typeof type === 'string' ? type : null } }, 1);
  }
  const recordType = type as RecordType;
  if (!sink.begin(recordType, value)) return;
  const { problems, data, text: shape } = checkShape(`${recordType}-line`, value, RECORD_PATH, describeShape);
  if (!data) {
    placeAll(problems, text, sink, maxDepth);
    return checker.invalid(recordType, value, RECORD_PATH, number);
  }
  sink.valid(recordType, value);
  checker.record(recordType, data, RECORD_PATH, number, shape);
}

