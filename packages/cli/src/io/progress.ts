/** How long a file may take before a progress indicator appears. */
const DELAY_MS = 1000;
const INTERVAL_MS = 250;

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10 * 1_048_576 ? 1 : 0)} MB`;
}

/**
 * A progress line on standard error for files that take more than a moment; only on a terminal,
 * so that logs and pipes stay clean.
 */
export class Progress {
  private done = 0;
  private readonly timer: NodeJS.Timeout | undefined;
  private shown = false;

  constructor(
    private readonly name: string,
    private readonly total: number | undefined,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    enabled = stream.isTTY === true,
  ) {
    if (!enabled) return;
    const started = Date.now();
    this.timer = setInterval(() => {
      if (Date.now() - started >= DELAY_MS) this.draw();
    }, INTERVAL_MS);
    this.timer.unref();
  }

  /** Counts bytes read. */
  advance(bytes: number): void {
    this.done += bytes;
  }

  private draw(): void {
    const share = this.total ? ` ${Math.min(100, Math.floor((this.done / this.total) * 100))}%` : '';
    const of = this.total ? ` of ${megabytes(this.total)}` : '';
    this.stream.write(`\r\x1b[2K${this.name}:${share} ${megabytes(this.done)}${of}`);
    this.shown = true;
  }

  /** Removes the progress line. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.shown) this.stream.write('\r\x1b[2K');
  }
}
