import type { FileIssue, ValidateEvent } from './protocol.js';

/** Least time between two progress reports, so a fast read does not flood the page with messages. */
const REPORT_INTERVAL_MS = 100;

/**
 * Collects the issues of one file and sends them to the page in batches, together with progress,
 * at most every {@link REPORT_INTERVAL_MS} milliseconds.
 *
 * @example
 * ```ts
 * const reporter = new Reporter(0, (event) => postMessage({ id, event }));
 * reporter.progress(1024, 'reading');
 * reporter.add(issue);
 * reporter.flush();
 * ```
 */
export class Reporter {
  errors = 0;
  warnings = 0;
  #batch: FileIssue[] = [];
  #lastReport = 0;

  constructor(
    readonly file: number,
    private readonly emit: (event: ValidateEvent) => void,
  ) {}

  add(issue: FileIssue): void {
    this.#batch.push(issue);
    if (issue.severity === 'error') this.errors++;
    else this.warnings++;
  }

  /** Reports bytes read so far; `force` reports even if the last report was a moment ago. */
  progress(bytes: number, phase: 'reading' | 'checking', force = false): void {
    const now = performance.now();
    if (!force && now - this.#lastReport < REPORT_INTERVAL_MS) return;
    this.#lastReport = now;
    this.flush();
    this.emit({ kind: 'progress', file: this.file, bytes, phase });
  }

  /** Sends the issues collected since the last batch. */
  flush(): void {
    if (this.#batch.length === 0) return;
    this.emit({ kind: 'issues', file: this.file, issues: this.#batch, errors: this.errors, warnings: this.warnings });
    this.#batch = [];
  }
}
