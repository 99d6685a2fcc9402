import { PROBLEM_BASE, type ForeignProblem, type ProblemDocument, type ProblemOf, type ProblemSlug } from '../types.js';
import { retryAfterMs } from '../utils/retry-after.js';

/**
 * The base of every error the client throws.
 *
 * @example
 * ```ts
 * try { await client.observations.get('obs-za-pep-2020'); } catch (error) { if (error instanceof PhxError) console.error(error.message); }
 * ```
 */
export class PhxError extends Error {
  override name = 'PhxError';
}

/** A {@link ProblemError} whose slug is known: its `problem` has the fields of that type. */
export type ProblemErrorOf<S extends ProblemSlug> = ProblemError & { readonly slug: S; readonly problem: ProblemOf<S> };

/**
 * The hub answered with an error: `problem` is its RFC 9457 problem document and `slug` names the
 * problem type (undefined when the answer was not one of the hub's problems, e.g. a proxy's error
 * page). `is(slug)`, or a guard such as `isValidationFailed(error)`, narrows `problem` to its type.
 *
 * @example
 * ```ts
 * try {
 *   await client.packages.import(pkg);
 * } catch (error) {
 *   if (!(error instanceof ProblemError)) throw error;
 *   if (error.is('validation-failed')) for (const issue of error.problem.issues) console.error(issue.pointer, issue.message);
 *   else console.error(error.status, error.slug, error.problem.detail, error.requestId);
 * }
 * ```
 */
export class ProblemError extends PhxError {
  override name = 'ProblemError';
  /** The problem type, or undefined for an answer that was not one of the hub's problems. */
  readonly slug: ProblemSlug | undefined;
  readonly status: number;
  /** The X-Request-Id of the request: quote it to the hub's operator. */
  readonly requestId: string | undefined;

  constructor(
    readonly problem: ProblemDocument | ForeignProblem,
    readonly response: Response,
  ) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    const slug = problem.type.startsWith(PROBLEM_BASE) ? problem.type.slice(PROBLEM_BASE.length) : undefined;
    this.slug = slug as ProblemSlug | undefined;
    this.status = problem.status;
    this.requestId = (typeof problem.requestId === 'string' ? problem.requestId : undefined) ?? response.headers.get('X-Request-Id') ?? undefined;
  }

  /** Whether the problem is of a type; narrows `problem` to that type's document. */
  is<S extends ProblemSlug>(slug: S): this is ProblemErrorOf<S> {
    return this.slug === slug;
  }

  /** Seconds the hub asked to wait (Retry-After, in seconds or as an HTTP date, rounded up), when it said. */
  get retryAfter(): number | undefined {
    const wait = retryAfterMs(this.response.headers.get('Retry-After'));
    return wait === undefined ? undefined : Math.ceil(wait / 1000);
  }
}

/**
 * The error for an error answer: its problem document, or what can be said without one.
 */
export async function problemErrorOf(response: Response): Promise<ProblemError> {
  let problem: ForeignProblem | undefined;
  try {
    const body = (await response.json()) as ForeignProblem;
    if (body && typeof body === 'object' && typeof body.type === 'string' && typeof body.title === 'string') problem = { ...body, status: response.status };
  } catch {
    // Not JSON (a proxy's page, say): fall back to the status line.
  }
  return new ProblemError(problem ?? { type: 'about:blank', title: response.statusText || 'Error', status: response.status }, response);
}

const guard =
  <S extends ProblemSlug>(slug: S) =>
  (error: unknown): error is ProblemErrorOf<S> =>
    error instanceof ProblemError && error.is(slug);

/** A malformed request: bad JSON, an unknown query parameter, a bad cursor (400). */
export const isBadRequest = guard('bad-request');
/** The token is missing, unknown, revoked or expired (401): ask the hub's operator for a new one. */
export const isUnauthorised = guard('unauthorised');
/** The token's organisation or role may not do this (403); an import lists the records in `problem.forbidden`. */
export const isForbidden = guard('forbidden');
/** No record has that identifier (404). */
export const isNotFound = guard('not-found');
/** The path is the API's, but not for the method called (405); the answer's `Allow` header lists those it takes. */
export const isMethodNotAllowed = guard('method-not-allowed');
/** The record exists already, or other records refer to it (409). */
export const isConflict = guard('conflict');
/** The record changed since it was read (412); `problem.etag` is its current ETag: read it again and reapply the change. */
export const isPreconditionFailed = guard('precondition-failed');
/** The change carried no `ifMatch` (428). */
export const isPreconditionRequired = guard('precondition-required');
/** The body, or the records of an import, exceed the hub's limits (413). */
export const isPayloadTooLarge = guard('payload-too-large');
/** The body was not sent as a media type the call takes, or was sent compressed (`Content-Encoding`), which the hub does not decode (415). */
export const isUnsupportedMediaType = guard('unsupported-media-type');
/** The request took too long to reach the hub (408), still after the retries. */
export const isRequestTimeout = guard('request-timeout');
/** The request headers, or the URL, are larger than the hub reads (431): a query too long, say. */
export const isHeadersTooLarge = guard('headers-too-large');
/**
 * The data was invalid (422); `problem.issues` says where and why.
 *
 * @example
 * ```ts
 * const error = await client.observations.create(observation).catch((error: unknown) => error);
 * if (isValidationFailed(error)) for (const issue of error.problem.issues) console.error(issue.pointer, issue.message);
 * ```
 */
export const isValidationFailed = guard('validation-failed');
/** The Idempotency-Key was used before for a different request (422): a new request needs a new key. */
export const isIdempotencyKeyReused = guard('idempotency-key-reused');
/** The filters of an export select more observations than the hub exports at once (422): narrow them. */
export const isExportTooLarge = guard('export-too-large');
/**
 * A DHIS2 export would send no data value (422): the filters select no observation, or the mapping has no place for
 * any; `problem.notes` says why, as `Export-Notes` does for a file.
 *
 * @example
 * ```ts
 * const file = await client.export('dhis2', { country: 'UA' }).catch((error: unknown) => {
 *   if (!isExportEmpty(error)) throw error;
 *   for (const note of error.problem.notes) console.warn(note.code, note.field ?? '', note.count);
 *   return undefined;
 * });
 * ```
 */
export const isExportEmpty = guard('export-empty');
/** Too many requests (429), still after the retries; `retryAfter` says how long to wait. */
export const isRateLimited = guard('rate-limited');
/** The hub failed (500), still after the retries; quote `requestId` to its operator. */
export const isInternalError = guard('internal-error');

/**
 * No attempt of the call got an answer within the client's `timeout`.
 *
 * @example
 * ```ts
 * try { await client.observations.page({ country: 'UA' }); } catch (error) {
 *   if (error instanceof TimeoutError) console.error('The hub is slow; try again later');
 * }
 * ```
 */
export class TimeoutError extends PhxError {
  override name = 'TimeoutError';
}

/**
 * The hub could not be reached (DNS, refused or dropped connection, TLS; `cause` holds the underlying error), or
 * something else answered in its place: a web page given as a success, such as a network's login page or a proxy's.
 */
export class NetworkError extends PhxError {
  override name = 'NetworkError';
}

/** A record from the hub failed `validateResponses`; `issues` says how. */
export class InvalidResponseError extends PhxError {
  override name = 'InvalidResponseError';
  constructor(readonly issues: readonly { code: string; pointer: string }[]) {
    super(`The hub sent a record that fails validation: ${issues.map((issue) => `${issue.pointer} ${issue.code}`).join(', ')}`);
  }
}
