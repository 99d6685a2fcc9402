/**
 * `@phx/schema/node`: what only Node offers — checking the lines of an NDJSON stream on worker threads.
 *
 * @packageDocumentation
 */
import { Worker } from 'node:worker_threads';
import type { CheckedPiece, LineCheckSettings, LineChecks, SpareTape } from '../validate/line-tape.js';
import type { ParallelChecks } from '../validate/ndjson.js';
import { validateInPieces, type PieceChecks } from '../validate/ndjson-pieces.js';

/**
 * Options of {@link workerThreads}.
 *
 * @example
 * ```ts
 * const options: WorkerThreadsOptions = { fromBytes: 0 };
 * ```
 */
export interface WorkerThreadsOptions {
  /**
   * Bytes of a stream checked on the one thread before the workers start: starting them costs about as much
   * as checking this much, so a smaller file is done sooner without them.
   * @default 4 MiB
   */
  fromBytes?: number;
  /**
   * Bytes of whole lines sent to a worker at a time.
   * @default 256 KiB
   */
  pieceBytes?: number;
}

/**
 * Checks the lines of NDJSON streams on `threads` worker threads, for `validateNdjson()` and `validateFile()`
 * (the `parallel` option): they parse each line and check its shape and the rules of one record; this thread
 * reads the stream and applies the rules that span records (unique ids, references, breakdowns) in the order
 * of the lines, so that the issues, their order and the result are those of one thread.
 *
 * @param threads - worker threads to start for each stream (a whole number from 1).
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { validateFile } from '@phx/schema';
 * import { workerThreads } from '@phx/schema/node';
 * const result = await validateFile(createReadStream('big.phx.ndjson'), { name: 'big.phx.ndjson', parallel: workerThreads(2) });
 * ```
 */
export function workerThreads(threads: number, options: WorkerThreadsOptions = {}): ParallelChecks {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a whole number from 1, not ${threads}`);
  const pieces: PieceChecks = {
    fromBytes: options.fromBytes ?? 4 * 1024 * 1024,
    pieceBytes: options.pieceBytes ?? 256 * 1024,
    // Enough to keep every worker busy while this thread takes in what one has done.
    inFlight: threads * 4,
    start: (settings) => new WorkerPool(threads, settings),
  };
  return { validateNdjson: (source, validateOptions) => validateInPieces(source, validateOptions, pieces) };
}

/** The worker's module, in the ES module build: beside this one, or in `node/` beside the CommonJS bundle (`dist/node.cjs`). */
function workerFile(): URL {
  return new URL(import.meta.url.endsWith('.cjs') ? './node/line-worker.js' : './line-worker.js', import.meta.url);
}

interface Pending {
  resolve: (checked: CheckedPiece) => void;
  reject: (error: unknown) => void;
}

/** Workers checking lines, each task to the one with the fewest waiting. */
class WorkerPool implements LineChecks {
  readonly #workers: { worker: Worker; waiting: number }[] = [];
  readonly #pending = new Map<number, Pending>();
  #next = 0;
  #failure: unknown;
  #closed = false;

  constructor(threads: number, settings: LineCheckSettings) {
    for (let i = 0; i < threads; i++) {
      const entry = { worker: new Worker(workerFile(), { workerData: settings }), waiting: 0 };
      entry.worker.on('message', ({ id, tape, bytes }: CheckedPiece & { id: number }) => {
        entry.waiting--;
        const pending = this.#pending.get(id);
        this.#pending.delete(id);
        pending?.resolve({ tape, bytes });
      });
      entry.worker.on('error', (error) => this.#fail(error));
      entry.worker.on('exit', (code) => {
        if (!this.#closed) this.#fail(new Error(`a worker checking lines stopped (exit code ${code})`));
      });
      this.#workers.push(entry);
    }
  }

  check(bytes: Uint8Array, spare?: SpareTape): Promise<CheckedPiece> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const id = this.#next++;
    const entry = this.#workers.reduce((least, candidate) => (candidate.waiting < least.waiting ? candidate : least));
    entry.waiting++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      // Handed over, not copied: they come back with the tape, for a line to be read again here.
      entry.worker.postMessage({ id, bytes, spare }, spare ? [bytes.buffer as ArrayBuffer, spare.steps, spare.numbers] : [bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    // What is still being checked is not wanted any more (reading stopped early).
    this.#closed = true;
    this.#pending.clear();
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
  }

  #fail(error: unknown): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
