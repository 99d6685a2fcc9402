import { DEFAULT_MAX_LINE_BYTES, readLineBatches, type ChunkSource } from '../formats/lines.js';
import { PackageHeaderLine, recordLineSchemas, recordTypes, type RecordType } from '../model/records.js';
import type { TextLocation, ValidationIssue } from './issue.js';
import { LineIndex, locatePaths, offsetBeyondDepth } from './locate.js';
import { RuleChecker } from './rules.js';
import type { StructuralProblem } from './structural.js';
import { DEFAULT_MAX_DEPTH, IssueCollector, ruleSettings, shapeProblems, unparsable, type ValidateOptions } from './validate.js';

/**
 * Options of {@link validateNdjson}.
 *
 * @example
 * ```ts
 * const options: ValidateNdjsonOptions = { locale: 'ru', maxIssues: 1000, maxLineBytes: 1024 * 1024 };
 * ```
 */
export interface ValidateNdjsonOptions extends ValidateOptions {
  /** Longest line accepted, in bytes; a longer one is reported and skipped. Default 16 MiB. */
  maxLineBytes?: number;
}

/**
 * What {@link validateNdjson} returns when the stream ends.
 *
 * @example
 * ```ts
 * const run = validateNdjson(source);
 * let step = await run.next();
 * while (!step.done) step = await run.next();
 * const summary: NdjsonSummary = step.value;
 * console.log(`${summary.records.observation} observations, ${summary.errors} errors`);
 * ```
 */
export interface NdjsonSummary {
  ok: boolean;
  /** Lines read (blank ones included). */
  lines: number;
  /** Records read, by type. */
  records: Record<RecordType, number>;
  errors: number;
  warnings: number;
  /** True when issues past `maxIssues` were left out, or reading stopped there (once an error is found). */
  truncated: boolean;
}

/** Issue paths of a line are relative to its record: one shared empty path, which the rules keep rather than copy. */
const RECORD_PATH: (string | number)[] = [];

/**
 * Validates an NDJSON stream (`*.phx.ndjson`: one record a line, `{"type": "observation", ...}`,
 * optionally a `{"type": "package", ...}` header first) and yields issues as it reads, in constant
 * memory: it keeps ids and per-group sums for the cross-record rules, never the records.
 * Issue paths are relative to the record; `location.line` is the line in the file.
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
export async function* validateNdjson(source: ChunkSource, options: ValidateNdjsonOptions = {}): AsyncGenerator<ValidationIssue, NdjsonSummary> {
  const collector = new IssueCollector(options);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const records = Object.fromEntries(Object.keys(recordTypes).map((type) => [type, 0])) as Record<RecordType, number>;
  let current: { number: number; text: string } | undefined;
  let sawRecord = false;
  let lines = 0;
  let yielded = 0;
  let stopped = false;

  /** Adds a problem found on a line, placing it in the line's text while that text is at hand. */
  const add = (problem: StructuralProblem, line: number, located?: TextLocation): void => {
    const issue = collector.add(problem);
    if (!issue) return;
    issue.location = located ?? { line, column: 1 };
  };
  const addAll = (problems: StructuralProblem[], line: { number: number; text: string }): void => {
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

  reading: for await (const batch of readLineBatches(source, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES)) {
    for (const line of batch) {
      lines = line.number;
      if ('problem' in line) {
        const code = line.problem === 'too-long' ? 'syntax.line-too-long' : 'syntax.invalid-encoding';
        add({ code, path: [], params: { maxBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES } }, line.number);
      } else if (line.text.trim() !== '') {
        current = line;
        checkLine(line);
      }
      while (yielded < collector.issues.length) yield collector.issues[yielded++]!;
      if (collector.settled) {
        stopped = true;
        break reading;
      }
    }
  }
  current = undefined;
  if (!collector.settled) checker.finish();
  while (yielded < collector.issues.length) yield collector.issues[yielded++]!;
  const truncated = stopped || collector.errors + collector.warnings > collector.issues.length;
  return { ok: collector.ok, lines, records, errors: collector.errors, warnings: collector.warnings, truncated };

  function checkLine(line: { number: number; text: string }): void {
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      const { problem, offset } = unparsable(line.text, error, maxDepth);
      return add(problem, line.number, { line: line.number, column: offset + 1 });
    }
    const type = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
    if (type === 'package') {
      if (sawRecord) return add({ code: 'ndjson.header-not-first', path: ['type'], params: {} }, line.number);
      sawRecord = true;
      const { problems, data } = shapeProblems(PackageHeaderLine, value, []);
      if (!data) return addAll(problems, line);
      checker.publisherIs((data as { publisher: { id: string } }).publisher.id);
      return checker.header(data, line.number);
    }
    sawRecord = true;
    if (typeof type !== 'string' || !Object.hasOwn(recordTypes, type)) {
      return add({ code: 'ndjson.unknown-type', path: ['type'], params: { type: typeof type === 'string' ? type : null } }, line.number);
    }
    const recordType = type as RecordType;
    records[recordType]++;
    const { problems, data } = shapeProblems(recordLineSchemas[recordType], value, RECORD_PATH);
    if (!data) {
      addAll(problems, line);
      return checker.invalid(recordType, value, RECORD_PATH, line.number);
    }
    checker.record(recordType, data, RECORD_PATH, line.number);
  }
}
