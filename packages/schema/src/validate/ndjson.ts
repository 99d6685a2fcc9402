import { DEFAULT_MAX_LINE_BYTES, readLineBatches, type ChunkSource, type Line } from '../formats/lines.js';
import { PackageBuilder } from '../formats/package-records.js';
import type { DataPackage } from '../model/package.js';
import type { Problem, ReadSummary, ValidationIssue, ValidationResult } from './issue.js';
import { checkLine, columnsOf, lineProblem, NOT_JSON, UNKNOWN_TYPE, type LineSink } from './line-checks.js';
import { onDemandParts, writeMessages } from './on-demand.js';
import type { ValidationParts } from './parts.js';
import { forgetTexts } from './remembered.js';
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
  /**
   * The stream's length in bytes, when known (a file's size; `validateFile()` knows that of bytes). Once an eighth
   * of it is read, the tables of ids and groups are made for what the whole stream promises at the rate read so
   * far, rather than doubled again and again as they fill (each key hashed again, the old table held until a
   * garbage collection frees it): less time, and a lower peak of memory, on a large file (NDJSON, and a `.phx.json`
   * file read piece by piece). It changes no issue: a size too large costs memory (the tables are made for at most
   * eight times what was read, and an eighth more), one too small leaves the tables to grow.
   * @default unknown: the tables grow as they fill
   */
  size?: number;
}

/**
 * Validates an NDJSON stream as {@link validateNdjson} does, with the same issues, loading on demand what a
 * valid stream in English never needs, as {@link validateAsync} does: zod and the model at the first line the
 * generated checks do not accept, jsonc-parser at the first issue to place in a line, and the messages of a
 * language (English too) before the first issue in it is given. A line is checked again once the part it
 * needed is loaded (nothing of it is remembered before), so the stream is read once. Its first download in a
 * browser is a fraction of {@link validateNdjson}'s (see docs/performance.md).
 *
 * @example
 * ```ts
 * import { validateNdjsonAsync } from '@phx/schema';
 * for await (const issue of validateNdjsonAsync(file.stream(), { locale: 'uk' })) console.log(issue.location, issue.message);
 * ```
 */
export async function* validateNdjsonAsync(
  source: ChunkSource,
  options: ValidateNdjsonOptions = {},
): AsyncGenerator<ValidationIssue, ValidationResult<Partial<DataPackage>>> {
  return yield* ndjsonWith(source, options, onDemandParts, awaitingParts);
}

/** Validates an NDJSON stream with the parts given: {@link validateNdjson} and {@link validateNdjsonAsync}. */
export async function* ndjsonWith(
  source: ChunkSource,
  options: ValidateNdjsonOptions,
  parts: ValidationParts,
  awaiting?: Awaiting,
): AsyncGenerator<ValidationIssue, ValidationResult<Partial<DataPackage>>> {
  try {
    // The records themselves are needed to keep the data: then every line is checked here.
    if (options.parallel && !options.keepData) return yield* options.parallel.validateNdjson(source, options);
    const run = new NdjsonRun(options, parts, awaiting);
    yield* run.checkHere(readLineBatches(source, run.maxLineBytes, run.read));
    return yield* run.end();
  } finally {
    // A stream left unread or that failed gives no result, whose end forgets the texts read: they go here.
    forgetTexts();
  }
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
  /**
   * The problems found while a line is checked, in their order, each at its line and column (none yet for one
   * to place in the line's text): they become issues once the line is checked and they are placed.
   */
  private readonly pending: { problem: Problem; line: number; column: number | undefined }[] = [];
  /** Whether a line held anything. */
  sawContent = false;
  private sawRecord = false;
  private readonly builder: PackageBuilder | undefined;

  /**
   * @param parts - the parts to check with: imported as usual, or loaded on demand, and then `awaiting` says how
   *   to wait for them.
   */
  constructor(
    readonly options: ValidateNdjsonOptions,
    readonly parts: ValidationParts,
    private readonly awaiting?: Awaiting,
  ) {
    this.collector = new IssueCollector(options, parts.messages);
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.builder = options.keepData ? new PackageBuilder() : undefined;
    this.sink = {
      begin: (kind) => {
        if (kind === NOT_JSON) return true;
        if (kind === 'package') {
          if (this.sawRecord) {
            this.pending.push({ problem: { code: 'ndjson.header-not-first', path: ['type'], params: {} }, line: this.current!.number, column: 1 });
            return false;
          }
        } else if (kind !== UNKNOWN_TYPE) this.read.records[kind]++;
        this.sawRecord = true;
        return true;
      },
      valid: (type, value) => this.builder?.add(type, withoutType(value)),
      place: (problem, column) => this.pending.push({ problem, line: this.current!.number, column }),
    };
    this.checker = new RuleChecker<number>(ruleSettings(options, true, parts.personalData), (problem, lineNumber) => {
      // While a line is checked, what the rules find (on it, or on a line they remembered) waits with its problems.
      if (this.current) this.pending.push({ problem, line: lineNumber, column: this.current.number === lineNumber ? undefined : 1 });
      else this.add(problem, lineNumber);
    });
  }

  /** Adds a problem found on a line, at a column. */
  add(problem: Problem, line: number, column = 1): void {
    const issue = this.collector.add(problem);
    if (issue) issue.location = { line, column };
  }

  /**
   * Checks a line here, all of it, with parts that are loaded; false once reading on cannot change the outcome.
   */
  checkLine(line: Line): boolean {
    this.check(line);
    this.place();
    return !this.collector.settled;
  }

  /** Checks a line, its problems left pending; throws `NotLoaded` (a part loaded on demand) before anything of the line is remembered. */
  check(line: Line): void {
    this.read.lines = line.number;
    if ('problem' in line) {
      this.sawContent = true;
      this.pending.push({ problem: lineProblem(line, this.maxLineBytes), line: line.number, column: 1 });
    } else if (line.text.trim() !== '') {
      this.sawContent = true;
      this.current = line;
      // Setting an array's length is a call into the runtime: most lines leave nothing pending.
      if (this.pending.length !== 0) this.pending.length = 0;
      checkLine(line.text, line.number, this.checker, this.sink, this.maxDepth, this.parts);
    }
  }

  /**
   * Places the pending problems of the line checked in its text and adds them, in their order; when the JSON
   * places are not loaded yet, throws `NotLoaded` with every problem still pending.
   */
  place(): void {
    const { pending } = this;
    if (pending.length === 0) return;
    const unplaced = pending.filter(({ column }) => column === undefined);
    if (unplaced.length > 0) {
      const columns = columnsOf(unplaced.map(({ problem }) => problem.path), this.current!.text, this.maxDepth, this.parts.places);
      unplaced.forEach((found, i) => (found.column = columns[i]));
    }
    for (const { problem, line, column } of pending) this.add(problem, line, column);
    pending.length = 0;
  }

  /** Whether issues were listed since last asked. */
  get unasked(): boolean {
    return this.collector.unasked;
  }

  /** The issues listed since last asked (see {@link IssueCollector.fresh}). */
  issues(): Generator<ValidationIssue> {
    return this.collector.fresh();
  }

  /** Checks the lines of a stream here, yielding issues as they are found, until reading on cannot change the outcome. */
  async *checkHere(batches: AsyncIterable<Line[]>): AsyncGenerator<ValidationIssue> {
    for await (const batch of batches) {
      for (const line of batch) {
        let going: boolean;
        if (this.awaiting) {
          // Only what is missing is awaited: a part, or the language of messages to write before they are given.
          const checking = this.awaiting.line(this, line);
          if (checking) await checking;
          const writing = this.awaiting.messages(this);
          if (writing) await writing;
          going = !this.collector.settled;
        } else going = this.checkLine(line);
        // `yield*` in an async generator awaits even an empty iterator: most lines have no issue to give.
        if (this.unasked) yield* this.issues();
        if (!going) {
          this.read.complete = false;
          return;
        }
      }
      this.checker.foresee(this.read.bytes, this.options.size);
    }
  }

  /** Reports what only the whole stream tells, and gives the result. */
  async *end(): AsyncGenerator<ValidationIssue, ValidationResult<Partial<DataPackage>>> {
    this.current = undefined;
    if (!this.sawContent) this.collector.add({ code: 'file.empty', path: [], params: { blank: this.read.lines > 0 } });
    else if (this.read.complete) this.checker.finish();
    const writing = this.awaiting?.messages(this);
    if (writing) await writing;
    yield* this.issues();
    return this.collector.result(this.read, this.builder?.build());
  }
}

/** A line's object without its `type`: the record, or the package header. */
function withoutType(value: unknown): Record<string, unknown> {
  const { type: _type, ...record } = value as Record<string, unknown>;
  return record;
}

/** How a run waits for the parts loaded on demand: at a line that needs one, and for the language of messages to write. */
interface Awaiting {
  line(run: NdjsonRun, line: Line): Promise<void> | void;
  messages(run: NdjsonRun): Promise<void> | void;
}

/**
 * Waits for a part where a line first needs it: the line is checked again (nothing of it was remembered: the
 * parts are used before the rules or the counts see it), or its problems placed again (they wait, not yet
 * issues, until they are placed); and for the language of the messages before the issues are given. Apart from
 * {@link NdjsonRun}, so that {@link validateNdjson} leaves it out of its bundle.
 */
const awaitingParts: Awaiting = {
  line(run, line) {
    const { whenLoaded } = run.parts;
    const checking = whenLoaded(() => run.check(line));
    return checking ? checking.then(() => whenLoaded(() => run.place())) : whenLoaded(() => run.place());
  },
  messages: (run) => writeMessages(run.collector, run.options.locale),
};
