import { EngineError, type EngineRequest, type EngineResults, type RequestMessage, type ResponseMessage, type ValidateEvent } from './protocol.js';

/** A request that {@link Engine.stop} ended before it finished. */
export class EngineStoppedError extends Error {
  override readonly name = 'EngineStoppedError';
  constructor() {
    super('The check was stopped.');
  }
}

interface Pending {
  resolve(value: never): void;
  reject(error: Error): void;
  onEvent?: (event: ValidateEvent) => void;
}

/**
 * The page's side of the engine worker: sends requests, routes progress events, and stops a check
 * at once by ending the worker (a check busy on one large file cannot be interrupted any other way).
 * A new worker starts on the next request.
 *
 * @example
 * ```ts
 * const engine = new Engine(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
 * const summaries = await engine.request({ op: 'validate', files, locale: 'en' }, (event) => console.log(event));
 * ```
 */
export class Engine {
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  constructor(private readonly startWorker: () => Worker) {}

  request<Op extends EngineRequest['op']>(request: Extract<EngineRequest, { op: Op }>, onEvent?: (event: ValidateEvent) => void): Promise<EngineResults[Op]> {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise<EngineResults[Op]>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: never) => void, reject, ...(onEvent && { onEvent }) });
      worker.postMessage({ id, request } satisfies RequestMessage);
    });
  }

  /** Ends the worker and every request in flight (they reject with {@link EngineStoppedError}). */
  stop(): void {
    this.#end(new EngineStoppedError());
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.startWorker();
    worker.onmessage = ({ data }: MessageEvent<ResponseMessage>) => {
      const pending = this.#pending.get(data.id);
      if (!pending) return;
      if ('event' in data) return pending.onEvent?.(data.event);
      this.#pending.delete(data.id);
      if ('error' in data) pending.reject(data.problem ? new EngineError(data.problem) : new Error(data.error));
      else pending.resolve(data.result as never);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.#end(new EngineError('engine-failed'));
    };
    return (this.#worker = worker);
  }

  #end(error: Error): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
