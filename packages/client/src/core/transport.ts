import ky, { HTTPError, TimeoutError as KyTimeoutError, type AfterResponseHook, type KyInstance } from 'ky';
import { NetworkError, problemErrorOf, TimeoutError } from '../errors/index.js';
import type { ClientOptions } from '../types.js';
import { retryAfterMs } from '../utils/retry-after.js';

/** What a request sends: JSON as text, or a file's text or bytes. */
export type RequestBody = string | Uint8Array<ArrayBuffer> | ArrayBuffer | Blob;

/** Whether a body is a file's text or bytes, sent as it is; anything else is sent as JSON. */
export function isFileBody(body: unknown): body is RequestBody {
  return typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer || body instanceof Blob;
}

/** One HTTP request of a call. */
export interface Request {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path under the base URL, with its query. */
  path: string;
  headers: Record<string, string>;
  body?: RequestBody;
  signal?: AbortSignal;
}

/** What a request came to: the answer, and whether an earlier attempt of it may have reached the hub. */
export interface Outcome {
  response: Response;
  retried: boolean;
}

/** Sends a request, with retries, and returns the answer; an error answer comes back too, for the caller to judge. */
export type Send = (request: Request) => Promise<Outcome>;

const DEFAULT_TIMEOUT = 30_000;

/** The statuses whose Retry-After a retry waits for (ky's `afterStatusCodes`). */
const AFTER_STATUS_CODES = [429, 503];

/**
 * ky's `shouldRetry`: no retry after an answer whose Retry-After asks for more than `maxRetryAfter` ms (the call
 * then fails with that answer, at once); otherwise ky decides as it would.
 */
function retryAfterWithin(maxRetryAfter: number): (state: { error: Error }) => false | undefined {
  return ({ error }) => {
    if (!(error instanceof HTTPError) || !AFTER_STATUS_CODES.includes(error.response.status)) return undefined;
    const wait = retryAfterMs(error.response.headers.get('Retry-After'));
    return wait !== undefined && wait > maxRetryAfter ? false : undefined;
  };
}

/**
 * ky's `afterResponse` hook that reads an answer's body within `timeout`: a body cut off or stalled then fails the
 * attempt inside ky's retries, as a dropped connection does (ky's own timeout ends when the headers arrive). The
 * answer goes on with its body in memory.
 */
function bodyWithin(timeout: number | false): AfterResponseHook {
  return async (_request, _options, response) => {
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let stalled = false;
    // Cancelling the reader ends a pending read as if the body had ended: `stalled` tells the two apart.
    const timer = reader && timeout !== false ? setTimeout(() => ((stalled = true), void reader.cancel().catch(() => undefined)), timeout) : undefined;
    try {
      for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) chunks.push(read.value);
    } catch (error) {
      // An abort is the caller's own signal; anything else broke the connection.
      throw (error as Error).name === 'AbortError' ? error : new NetworkError(`The hub's answer was cut off (${String(error)})`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
    if (stalled) throw new TimeoutError(`The hub's answer did not all come within ${String(timeout)} ms.`);
    return new Response(reader ? new Blob(chunks as BlobPart[]) : null, response);
  };
}

/**
 * The transport of a client: ky with the hub's base URL, bearer token, a timeout per attempt and
 * retries. Every call the client makes is safe to repeat — reads, writes with an Idempotency-Key,
 * and changes guarded by If-Match — so every method is retried: after an error status worth
 * retrying, a timeout or a dropped connection (before the answer or during its body), honouring Retry-After.
 */
export function transport(options: ClientOptions): Send {
  // Mistakes of the code that makes the client are told when it is made, not as a network fault or a 401 at each call.
  const base = String(options.baseUrl);
  if (!/^https?:\/\/./i.test(base)) throw new TypeError(`baseUrl must be an http(s) URL such as https://hub.example.org, not "${base}"`);
  if (!options.token?.trim()) throw new TypeError('token is missing: give a bearer token from `phx token create`');
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const api: KyInstance = ky.create({
    prefixUrl: base.replace(/\/?$/, '/'),
    // A token read from a file or a variable often ends in a line break, which no header may hold.
    headers: { Authorization: `Bearer ${options.token.trim()}`, Accept: 'application/json' },
    timeout,
    retry: {
      limit: retry.limit ?? 2,
      methods: ['get', 'post', 'put', 'patch', 'delete'],
      // 413 is the hub's own limit, which a retry does not change.
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: AFTER_STATUS_CODES,
      retryOnTimeout: true,
      ...(retry.delay ? { delay: retry.delay } : {}),
      // ky would wait maxRetryAfter instead of a longer Retry-After; the policy ends the retries then.
      ...(retry.maxRetryAfter !== undefined ? { shouldRetry: retryAfterWithin(retry.maxRetryAfter) } : {}),
    },
    hooks: { afterResponse: [bodyWithin(timeout)] },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return async ({ method, path, headers, body, signal }) => {
    let retried = false;
    try {
      const response = await api(path, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        ...(signal ? { signal } : {}),
        hooks: { beforeRetry: [() => void (retried = true)] },
      });
      return { response, retried };
    } catch (error) {
      if (error instanceof HTTPError) return { response: error.response, retried };
      if (error instanceof KyTimeoutError) throw new TimeoutError(`No answer from the hub within ${String(timeout)} ms.`, { cause: error });
      if (error instanceof TypeError) throw new NetworkError(`Cannot reach the hub: ${error.message}`, { cause: error });
      throw error; // an abort, by the caller's own signal
    }
  };
}

/** The answer if it is a success; otherwise the problem it carries, thrown. */
export async function succeeded(response: Response): Promise<Response> {
  if (response.ok) return response;
  throw await problemErrorOf(response);
}
