import { DEFAULT_MAX_LINE_BYTES, readLineBatches, type ChunkSource, type Line } from '../formats/lines.js';
import { PackageBuilder } from '../formats/convert.js';
import { locales } from '../locales/index.js';
import type { DataPackage } from '../model/package.js';
import type { Problem, ReadSummary, ValidationIssue, ValidationResult } from './issue.js';
import { checkLine, lineProblem, NOT_JSON, placeAll, UNKNOWN_TYPE, type LineSink } from './line-checks.js';
import { RuleChecker } from './rules.js';
import { DEFAULT_MAX_DEPTH, IssueCollector, noRecords, ruleSettings, type ValidateOptions } from './validate.js';

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
  /**
   * Checks the lines on other threads as well: `workerThreads()` of `@phx/schema/node` in Node. The issues,
   * their order and the result are the same as without. Ignored with `keepData`.
   * @default every line checked on this thread
   */
  parallel?: ParallelChecks;
}

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
  // The records themselves are needed to keep the data: then every line is checked here.
  if (options.parallel && !options.keepData) return yield* options.parallel.validateNdjson(source, options);
  const run = new NdjsonRun(options);
  yield* run.checkHere(readLineBatches(source, run.maxLineBytes, run.read));
  return yield* run.end();
}

/**
 * A way to check an NDJSON stream on other threads as well, given to {@link ValidateNdjsonOptions.parallel}:
 * `workerThreads()` of `@phx/schema/node` makes one for Node.
 */
export interface ParallelChecks {
  /**
   * Validates a stream as {@link validateNdjson} does, with the same issues in the same order, the same counts
   * and result, spreading the work over threads.
   */
  validateNdjson(source: ChunkSource, options: ValidateNdjsonOptions): AsyncGenerator<ValidationIssue, ValidationResult<Partial<DataPackage>>>;
}

/**
 * One validation of an NDJSON stream: what was read, the issues, and the rules spanning records, whose
 * lines are checked here ({@link NdjsonRun.checkHere}) or elsewhere and taken in here.
 */
export class NdjsonRun {
  readonly collector: IssueCollector;
  readonly maxDepth: number;
  readonly maxLineBytes: number;
  readonly read: ReadSummary & { lines: number; bytes: number } = { records: noRecords(), lines: 0, bytes: 0, complete: true };
  readonly checker: RuleChecker<number>;
  readonly sink: LineSink;
  /** The line being checked: where its problems are placed. */
  current: { number: number; readonly text: string } | undefined;
  /** Whether a line held anything. */
  sawContent = false;
  private sawRecord = false;
  private yielded = 0;
  private readonly builder: PackageBuilder | undefined;

  constructor(options: ValidateNdjsonOptions) {
    this.collector = new IssueCollector(options, locales);
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.builder = options.keepData ? new PackageBuilder() : undefined;
    this.sink = {
      begin: (kind) => {
        if (kind === NOT_JSON) return true;
        if (kind === 'package') {
          if (this.sawRecord) {
            this.add({ code: 'ndjson.header-not-first', path: ['type'], params: {} }, this.current!.number);
            return false;
          }
        } else if (kind !== UNKNOWN_TYPE) this.read.records[kind]++;
        this.sawRecord = true;
        return true;
      },
      valid: (type, value) => this.builder?.add(type, withoutType(value)),
      place: (problem, column) => this.add(problem, this.current!.number, column),
    };
    this.checker = new RuleChecker<number>(ruleSettings(options, true), (problem, lineNumber) => {
      if (this.current && this.current.number === lineNumber) placeAll([problem], this.current.text, this.sink, this.maxDepth);
      else this.add(problem, lineNumber);
    });
  }

  /** Adds a problem found on a line, at a column. */
  add(problem: Problem, line: number, column = 1): void {
    const issue = this.collector.add(problem);
    if (issue) issue.location = { line, column };
  }

  /** Checks a line here, all of it; false once reading on cannot change the outcome. */
  checkLine(line: Line): boolean {
    this.read.lines = line.number;
    if ('problem' in line) {
      this.sawContent = true;
      this.add(lineProblem(line, this.maxLineBytes), line.number);
    } else if (line.text.trim() !== '') {
      this.sawContent = true;
      this.current = line;
      checkLine(line.text, line.number, this.checker, this.sink, this.maxDepth);
    }
    return !this.collector.settled;
  }

  /** The issues found since last asked. */
  *issues(): Generator<ValidationIssue> {
    const { issues } = this.collector;
    while (this.yielded < issues.length) yield issues[this.yielded++]!;
  }

  /** Checks the lines of a stream here, yielding issues as they are found, until reading on cannot change the outcome. */
  async *checkHere(batches: AsyncIterable<Line[]>): AsyncGenerator<ValidationIssue> {
    for await (const batch of batches) {
      for (const line of batch) {
        const going = this.checkLine(line);
        yield* this.issues();
        if (!going) {
          this.read.complete = false;
          return;
        }
      }
    }
  }

  /** Reports what only the whole stream tells, and gives the result. */
  *end(): Generator<ValidationIssue, ValidationResult<Partial<DataPackage>>> {
    this.current = undefined;
    if (!this.sawContent) this.collector.add({ code: 'file.empty', path: [], params: { blank: this.read.lines > 0 } });
    else if (this.read.complete) this.checker.finish();
    yield* this.issues();
    return this.collector.result(this.read, this.builder?.build());
  }
}

/** A line's object without its `type`: the record, or the package header. */
function withoutType(value: unknown): Record<string, unknown> {
  const { type: _type, ...record } = value as Record<string, unknown>;
  return record;
}
