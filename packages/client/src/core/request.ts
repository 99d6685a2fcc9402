import { NetworkError } from '../errors/index.js';
import type { paths } from '../types.js';
import { idempotencyKey } from '../utils/key.js';
import { changeIsStored } from './recovery.js';
import { isFileBody, succeeded, type Send } from './transport.js';

/** An HTTP method of the API. */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The methods a path of the API offers. */
export type MethodOf<P extends keyof paths> = { [M in Method]: paths[P][M] extends undefined ? never : M }[Method];
/** The operation of a path and method, as `paths` describes it. */
export type OperationOf<P extends keyof paths, M extends MethodOf<P>> = Extract<paths[P][M], { responses: unknown }>;

/** The body of a response, whatever its JSON media type (`application/json`, `application/schema+json`). */
type Content<R> = R extends { content: infer C } ? C[keyof C] : undefined;
/** The body of an operation's successful answer (`undefined` for 204). */
export type AnswerOf<Op> = Op extends { responses: infer R } ? (200 extends keyof R ? Content<R[200]> : 201 extends keyof R ? Content<R[201]> : undefined) : never;
type BodyOf<Op> = Op extends { requestBody: { content: infer C } } ? C[keyof C] : never;
type PathParametersOf<Op> = Op extends { parameters: { path: infer P } } ? P : never;
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? (Q extends undefined ? never : Q) : never;

/** What a call of an operation takes: path parameters, query, body and headers, as `paths` says. */
export type RequestOptions<Op> = ([PathParametersOf<Op>] extends [never] ? unknown : { path: PathParametersOf<Op> }) &
  ([QueryOf<Op>] extends [never] ? unknown : { query?: QueryOf<Op> }) &
  ([BodyOf<Op>] extends [never] ? unknown : { body: BodyOf<Op>; contentType?: string }) & {
    /** The ETag of the record as read: PUT, PATCH and DELETE need it. */
    ifMatch?: string;
    /** The Idempotency-Key of a POST (one is made per call when none is given). */
    idempotencyKey?: string;
    /** Reads the answer as the text sent, even when it is JSON: a file to keep as it is. */
    text?: boolean;
    signal?: AbortSignal;
    headers?: Record<string, string>;
  };

/**
 * The answer of a call: the body of the operation's success, typed from `paths`, and the response
 * (for its headers, such as `ETag`).
 */
export interface Answer<T> {
  data: T;
  response: Response;
}

/** A call of any operation of the API, typed from the generated `paths`. */
export type Call = <P extends keyof paths, M extends MethodOf<P>>(
  method: M,
  path: P,
  options: RequestOptions<OperationOf<P, M>>,
) => Promise<Answer<AnswerOf<OperationOf<P, M>>>>;

/** Operations where a hub reached by an earlier attempt would have answered something other than success. */
export type ConditionalMethod = Extract<Method, 'put' | 'patch' | 'delete'>;

interface LooseOptions {
  path?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  contentType?: string;
  ifMatch?: string;
  idempotencyKey?: string;
  text?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** A JSON media type (`application/json`, `application/merge-patch+json`, …). */
const jsonMediaType = /^application\/([\w.-]+\+)?json\b/i;

/**
 * The body of a success: text when the call asks for it or the hub says so by its media type (an export's CSV), else
 * JSON. A web page is none of the hub's answers (it comes from a network's login page or a proxy): a
 * {@link NetworkError}, not a record.
 */
async function bodyOfAnswer(response: Response, options: LooseOptions): Promise<unknown> {
  if (response.status === 204) return undefined;
  if (options.text === true) return response.text();
  const mediaType = response.headers.get('Content-Type');
  if (mediaType !== null && /^text\/html\b/i.test(mediaType)) throw new NetworkError(`The answer is not from a PHX hub: ${response.status} ${mediaType}`);
  if (mediaType !== null && !jsonMediaType.test(mediaType)) return response.text();
  try {
    return await response.json();
  } catch (error) {
    throw new NetworkError(`The hub's answer is not the JSON its media type says (${String(error)})`, { cause: error });
  }
}

/**
 * A path parameter as one segment of the URL. A URL resolves the segments `.` and `..` away (written `%2E` too), so
 * the request would reach another resource (`/v1/` for the id `..`); no PHX identifier is either, so neither is sent.
 */
function segment(name: string, value: string): string {
  if (value === '.' || value === '..') throw new TypeError(`${name} "${value}" names no record: a URL resolves it as a step of the path, which would send the request to another resource`);
  return encodeURIComponent(value);
}

function target(path: string, { path: parameters = {}, query = {} }: LooseOptions): string {
  const filled = path.slice(1).replace(/\{(\w+)\}/g, (_, name: string) => segment(name, parameters[name]!));
  const search = new URLSearchParams(Object.entries(query).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]]))).toString();
  return search ? `${filled}?${search}` : filled;
}

/**
 * The typed call of a client: fills the path, sends the query, body, If-Match and Idempotency-Key
 * headers, and returns the success typed from `paths` or throws the problem. Every POST carries
 * an Idempotency-Key, so its retries never write twice. A change retried after a lost answer may
 * find its own change already stored (412, or 404 for a delete): the hub is asked, and when it holds
 * what was sent, the call succeeds.
 */
export function caller(send: Send): Call {
  return (async (method: Method, path: string, options: LooseOptions) => {
    // Header names are case-insensitive: an Idempotency-Key or If-Match given in `headers`, in any case, is the one sent.
    const headers = new Headers(options.headers);
    if (options.body !== undefined) headers.set('Content-Type', options.contentType ?? headers.get('Content-Type') ?? 'application/json');
    if (options.ifMatch !== undefined) headers.set('If-Match', options.ifMatch);
    if (method === 'post') headers.set('Idempotency-Key', options.idempotencyKey ?? headers.get('Idempotency-Key') ?? idempotencyKey());
    const request = {
      method,
      path: target(path, options),
      headers: Object.fromEntries(headers),
      ...(options.body !== undefined ? { body: isFileBody(options.body) ? options.body : JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    const { response, retried } = await send(request);
    if (!response.ok && retried && (method === 'put' || method === 'patch' || method === 'delete')) {
      const stored = await changeIsStored(send, request, method, response);
      if (stored) return { data: stored.body, response: stored.response };
    }
    await succeeded(response);
    return { data: await bodyOfAnswer(response, options), response };
  }) as Call;
}

