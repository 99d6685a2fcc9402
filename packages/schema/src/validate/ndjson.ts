import { locales } from '../locales/index.js';
import { describeShape } from './structural.js';
import { DEFAULT_MAX_LINE_BYTES, readLineBatches, type ChunkSource } from '../formats/lines.js';
import { recordStores, type RecordType } from '../model/record-kinds.js';
import { PackageBuilder } from '../formats/convert.js';
import type { DataPackage } from '../model/package.js';
import type { Problem, ReadSummary, TextLocation, ValidationIssue, ValidationResult } from './issue.js';
import { jsonPlaces, locatePaths } from './json-places.js';
import { LineIndex, offsetBeyondDepth } from './locate.js';
import { RuleChecker } from './rules.js';
import { checkShape } from './shape.js';
import { DEFAULT_MAX_DEPTH, IssueCollector, noRecords, ruleSettings, unparsable, type ValidateOptions } from './validate.js';

/**
 * Options of {@link validateNdjson}.
 *
 * @example
 * ```ts
 * const options: ValidateNdjsonOptions = { locale: 'ru', maxIssues: 1000, maxLineBytes: 1024 * 1024 };
 * ```
 */
export interface ValidateNdjsonOptions extends ValidateOptions {
  /**
   * Longest line accepted, in bytes; a longer one is reported and skipped.
   * @default 16 MiB
   */
  maxLineBytes?: number;
}

/** Issue paths of a line are relative to its record: one shared empty path, which the rules keep rather than copy. */
const RECORD_PATH: (string | number)[] = [];

/**
 * Validates an NDJSON stream (`*.phx.ndjson`: one record a line, `{"type": "observation", ...}`,
 * optionally a `{"type": "package", ...}` header first) and yields issues as it reads, in constant
 * memory: it keeps ids and per-group sums for the cross-record rules, never the records.
 * Issue paths are relative to the record; `location.line` is the line in the file. When the
 * stream ends it returns the {@link ValidationResult}: counts, what was read, and (with `keepData`)
 * the records read, as a package.
 *
 * Indicators defined in the stream must come before the observations that use them.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * const issues = validateNdjson(createReadStream('big.phx.ndjson'));
 * for await (const issue of issues) console.log(issue.location, issue.code, issue.message);
 * ```
 */
export async function* validateNdjson(
  source: ChunkSource,
  options: ValidateNdjsonOptions = {},
): AsyncGenerator<ValidationIssue, ValidationResult<Partial<DataPackage>>> {
  const collector = new IssueCollector(options, locales);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const read: ReadSummary & { lines: number; bytes: number } = { records: noRecords(), lines: 0, bytes: 0, complete: true };
  const builder = options.keepData ? new PackageBuilder() : undefined;
  let current: { number: number; text: string } | undefined;
  let sawRecord = false;
  let sawContent = false;
  let yielded = 0;

  /** Adds a problem found on a line, placing it in the line's text while that text is at hand. */
  const add = (problem: Problem, line: number, located?: TextLocation): void => {
    const issue = collector.add(problem);
    if (!issue) return;
    issue.location = located ?? { line, column: 1 };
  };
  const addAll = (problems: readonly Problem[], line: { number: number; text: string }): void => {
    if (problems.length === 0) return;
    if (offsetBeyondDepth(line.text, maxDepth) >= 0) {
      problems.forEach((problem) => add(problem, line.number));
      return;
    }
    const places = locatePaths(line.text, problems.map((p) => p.path), new LineIndex(line.text));
    problems.forEach((problem, i) => add(problem, line.number, { line: line.number, column: places[i]!.column }));
  };
  const checker = new RuleChecker<number>(ruleSettings(options, true), (problem, lineNumber) => {
    if (current && current.number === lineNumber) addAll([problem], current);
    else add(problem, lineNumber);
  });

  reading: for await (const batch of readLineBatches(source, maxLineBytes, read)) {
    for (const line of batch) {
      read.lines = line.number;
      if ('problem' in line) {
        sawContent = true;
        if (line.problem === 'too-long') add({ code: 'syntax.line-too-long', path: [], params: { maxBytes: maxLineBytes } }, line.number);
        else add({ code: 'syntax.invalid-encoding', path: [], params: { encoding: line.encoding ?? null } }, line.number);
      } else if (line.text.trim() !== '') {
        sawContent = true;
        current = line;
        checkLine(line);
      }
      while (yielded < collector.issues.length) yield collector.issues[yielded++]!;
      if (collector.settled) {
        read.complete = false;
        break reading;
      }
    }
  }
  current = undefined;
  if (!sawContent) collector.add({ code: 'file.empty', path: [], params: { blank: read.lines > 0 } });
  else if (read.complete) checker.finish();
  while (yielded < collector.issues.length) yield collector.issues[yielded++]!;
  return collector.result(read, builder?.build());

  function checkLine(line: { number: number; text: string }): void {
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      const { problem, offset } = unparsable(line.text, error, maxDepth, jsonPlaces);
      return add(problem, line.number, { line: line.number, column: offset + 1 });
    }
    const type = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
    if (type === 'package') {
      if (sawRecord) return add({ code: 'ndjson.header-not-first', path: ['type'], params: {} }, line.number);
      sawRecord = true;
      const { problems, data, text } = checkShape('package-line', value, [], describeShape);
      if (!data) return addAll(problems, line);
      builder?.add('package', withoutType(value));
      checker.publisherIs((data as { publisher: { id: string } }).publisher.id);
      return checker.header(data, line.number, text);
    }
    sawRecord = true;
    if (typeof type !== 'string' || !Object.hasOwn(recordStores, type)) {
      return add({ code: 'ndjson.unknown-type', path: ['type'], params: { type: typeof type === 'string' ? type : null } }, line.number);
    }
    const recordType = type as RecordType;
    read.records[recordType]++;
    const { problems, data, text } = checkShape(`${recordType}-line`, value, RECORD_PATH, describeShape);
    if (!data) {
      addAll(problems, line);
      return checker.invalid(recordType, value, RECORD_PATH, line.number);
    }
    builder?.add(recordType, withoutType(value));
    checker.record(recordType, data, RECORD_PATH, line.number, text);
  }
}

/** A line's object without its `type`: the record, or the package header. */
function withoutType(value: unknown): Record<string, unknown> {
  const { type: _type, ...record } = value as Record<string, unknown>;
  return record;
}
