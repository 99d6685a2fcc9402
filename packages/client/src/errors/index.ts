import type { ProblemDetails, ValidationIssue } from '../types/index.js';

/**
 * The base of every error the client throws.
 *
 * @example
 * ```ts
 * try { await client.observations.get('obs-1'); } catch (error) { if (error instanceof PhxError) console.error(error.message); }
 * ```
 */
export class PhxError extends Error {
  override name = 'PhxError';
}

/**
 * The hub answered with an error status; `problem` holds its RFC 9457 details.
 *
 * @example
 * ```ts
 * if (error instanceof HttpError) console.error(error.status, error.problem.detail, error.requestId);
 * ```
 */
export class HttpError extends PhxError {
  override name = 'HttpError';
  readonly status: number;
  /** The X-Request-Id of the request: quote it to the hub's operator. */
  readonly requestId: string | undefined;

  constructor(readonly problem: ProblemDetails, readonly response: Response) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`);
    this.status = problem.status;
    this.requestId = problem.requestId ?? response.headers.get('X-Request-Id') ?? undefined;
  }
}

/**
 * The token is missing, unknown or revoked (401): ask the hub's operator for a new one.
 *
 * @example
 * ```ts
 * try { await client.organisations.get('ZM-PACRA-120045'); } catch (error) {
 *   if (error instanceof UnauthorisedError) console.error('Token rejected; run `phx token create` again');
 * }
 * ```
 */
export class UnauthorisedError extends HttpError {
  override name = 'UnauthorisedError';
}

/**
 * The token is valid but its organisation or role may not do this (403), e.g. change another organisation's records.
 *
 * @example
 * ```ts
 * try { await client.observations.delete('zm-hiv-2020', { ifMatch: etag }); } catch (error) {
 *   if (error instanceof ForbiddenError) console.error('Not yours to change:', error.problem.detail);
 * }
 * ```
 */
export class ForbiddenError extends HttpError {
  override name = 'ForbiddenError';
}

/**
 * No record has that identifier (404).
 *
 * @example
 * ```ts
 * const organisation = await client.organisations.get('ZM-PACRA-120045').catch((error: unknown) => {
 *   if (error instanceof NotFoundError) return undefined;
 *   throw error;
 * });
 * ```
 */
export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
}

/**
 * The record exists already, or other records refer to it (409).
 *
 * @example
 * ```ts
 * try { await client.organisations.create(organisation); } catch (error) {
 *   if (error instanceof ConflictError) console.error(`${organisation.id} is already on the hub`);
 * }
 * ```
 */
export class ConflictError extends HttpError {
  override name = 'ConflictError';
}

/**
 * The record changed since it was read (412), or `ifMatch` was missing (428): read it again and
 * reapply the change.
 *
 * @example
 * ```ts
 * if (error instanceof PreconditionFailedError) { const fresh = await client.observations.get(id); ... }
 * ```
 */
export class PreconditionFailedError extends ConflictError {
  override name = 'PreconditionFailedError';
}

/**
 * The data was invalid; `issues` says where and why.
 *
 * @example
 * ```ts
 * if (error instanceof ValidationFailedError) for (const issue of error.issues) console.error(issue.pointer, issue.message);
 * ```
 */
export class ValidationFailedError extends HttpError {
  override name = 'ValidationFailedError';
  get issues(): ValidationIssue[] {
    return this.problem.issues ?? [];
  }
}

/**
 * Too many requests (429), still after the retries.
 *
 * @example
 * ```ts
 * try { await client.packages.import(pkg); } catch (error) {
 *   if (error instanceof RateLimitedError) console.error(`Try again in ${error.retryAfter ?? 60} s`);
 * }
 * ```
 */
export class RateLimitedError extends HttpError {
  override name = 'RateLimitedError';
  /** Seconds the hub asked to wait, when it said. */
  get retryAfter(): number | undefined {
    const value = Number(this.response.headers.get('Retry-After'));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  }
}

/**
 * The hub failed (5xx), still after the retries.
 *
 * @example
 * ```ts
 * try { await client.packages.import(pkg); } catch (error) {
 *   if (error instanceof ServerError) console.error(`The hub failed; quote request ${error.requestId} to its operator`);
 * }
 * ```
 */
export class ServerError extends HttpError {
  override name = 'ServerError';
}

/**
 * A request attempt took longer than the client's `timeout`, still after the retries.
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
 * The hub could not be reached (DNS, refused connection, TLS); `cause` holds the underlying error.
 *
 * @example
 * ```ts
 * try { await client.organisations.get('ZM-PACRA-120045'); } catch (error) {
 *   if (error instanceof NetworkError) console.error('Hub unreachable:', error.cause);
 * }
 * ```
 */
export class NetworkError extends PhxError {
  override name = 'NetworkError';
}

/**
 * A record from the hub failed `validateResponses`.
 *
 * @example
 * ```ts
 * if (error instanceof InvalidResponseError) console.error(error.issues);
 * ```
 */
export class InvalidResponseError extends PhxError {
  override name = 'InvalidResponseError';
  constructor(readonly issues: ValidationIssue[]) {
    super(`The hub sent a record that fails validation: ${issues.map((issue) => `${issue.pointer} ${issue.code}`).join(', ')}`);
  }
}

const byStatus: Record<number, typeof HttpError> = {
  401: UnauthorisedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  412: PreconditionFailedError,
  428: PreconditionFailedError,
  422: ValidationFailedError,
  429: RateLimitedError,
};

/**
 * The typed error for an error response: its problem details (or what can be said without them).
 *
 * @example
 * ```ts
 * const error = await errorOf(response); // a NotFoundError for a 404
 * ```
 */
export async function errorOf(response: Response): Promise<HttpError> {
  let problem: ProblemDetails | undefined;
  try {
    const body = (await response.json()) as ProblemDetails;
    if (body && typeof body === 'object' && typeof body.title === 'string') problem = body;
  } catch {
    // Not JSON (a proxy's page, say): fall back to the status line.
  }
  problem ??= { type: 'about:blank', title: response.statusText || 'Error', status: response.status };
  const Class = byStatus[response.status] ?? (response.status >= 500 ? ServerError : HttpError);
  return new Class(problem, response);
}
