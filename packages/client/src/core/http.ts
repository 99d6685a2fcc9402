import ky, { HTTPError, TimeoutError as KyTimeoutError, type KyInstance, type Options } from 'ky';
import { errorOf, NetworkError, TimeoutError } from '../errors/index.js';
import type { CallOptions, ClientOptions } from '../types/index.js';

/** One request of a resource method. */
export interface Call extends CallOptions {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  searchParams?: Record<string, string | number | undefined>;
  json?: unknown;
  contentType?: string;
  /** Whether a retry is safe: reads, PUT and DELETE (guarded by If-Match), and writes that carry an Idempotency-Key. */
  retryable: boolean;
}

/** Sends a call and returns the response, or throws a typed error. */
export type Send = (call: Call) => Promise<Response>;

const DEFAULT_TIMEOUT = 30_000;

/**
 * The transport of a client: ky with the hub's base URL, bearer token, timeout and retries, and
 * errors turned into the client's typed errors.
 *
 * @example
 * ```ts
 * const send = transport({ baseUrl: 'http://127.0.0.1:8080', token });
 * const response = await send({ method: 'get', path: 'v1/indicators', retryable: true });
 * ```
 */
export function transport(options: ClientOptions): Send {
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const api: KyInstance = ky.create({
    prefixUrl: String(options.baseUrl).replace(/\/?$/, '/'),
    headers: { Authorization: `Bearer ${options.token}`, Accept: 'application/json' },
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
  });

  return async ({ method, path, searchParams, json, contentType, headers, signal, retryable }) => {
    const init: Options = {
      method,
      // ky's own method list does not know which writes carry a key: each call decides.
      retry: retryable ? { ...retry, methods: [method] } : 0,
      headers: { ...headers, ...(contentType ? { 'Content-Type': contentType } : {}) },
      ...(signal ? { signal } : {}),
    };
    if (searchParams) {
      init.searchParams = Object.fromEntries(Object.entries(searchParams).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
    }
    if (json !== undefined) init.body = JSON.stringify(json);
    if (json !== undefined && !contentType) (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    try {
      return await api(path, init);
    } catch (error) {
      if (error instanceof HTTPError) throw await errorOf(error.response);
      if (error instanceof KyTimeoutError) throw new TimeoutError(`No answer from the hub within ${String(options.timeout ?? DEFAULT_TIMEOUT)} ms.`, { cause: error });
      if (error instanceof TypeError) throw new NetworkError(`Cannot reach the hub: ${error.message}`, { cause: error });
      throw error; // an abort, by the caller's own signal
    }
  };
}
