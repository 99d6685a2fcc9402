import type { ValidationIssue } from '@phx/schema';

/**
 * Where the problem types of the exchange API are documented: a problem's `type` is this plus its slug.
 *
 * @example
 * ```ts
 * import { PROBLEM_BASE } from '@phx/server';
 * const isValidationFailure = (problem: ProblemDocument) => problem.type === `${PROBLEM_BASE}validation-failed`;
 * ```
 */
export const PROBLEM_BASE = 'https://phx-network.github.io/phx/problems/';

/**
 * The media type of every error response (RFC 9457).
 *
 * @example
 * ```ts
 * import { PROBLEM_MEDIA_TYPE } from '@phx/server';
 * const response = await fetch('https://hub.example.org/v1/observations/zm-hiv-2020');
 * if (response.headers.get('Content-Type') === PROBLEM_MEDIA_TYPE) console.error(await response.json());
 * ```
 */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * An RFC 9457 problem document, as the hub sends it.
 *
 * @example
 * ```ts
 * const problem: ProblemDocument = {
 *   type: 'https://phx-network.github.io/phx/problems/not-found', title: 'Not found', status: 404,
 *   detail: 'No organisation "ZM-PACRA-120045".', instance: '/v1/organisations/ZM-PACRA-120045',
 * };
 * ```
 */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  /** The validation issues, when the request carried invalid data. */
  issues?: ValidationIssue[];
  [extension: string]: unknown;
}

/**
 * The title of each problem type the hub sends, by slug (`https://…/problems/<slug>`).
 *
 * @example
 * ```ts
 * import { problemTitles } from '@phx/server';
 * problemTitles['validation-failed']; // 'Validation failed'
 * ```
 */
export const problemTitles = {
  'bad-request': 'Bad request',
  unauthorised: 'Unauthorised',
  forbidden: 'Forbidden',
  'not-found': 'Not found',
  conflict: 'Conflict',
  'precondition-failed': 'Precondition failed',
  'precondition-required': 'Precondition required',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'headers-too-large': 'Request headers too large',
  'request-timeout': 'Request timeout',
  'validation-failed': 'Validation failed',
  'idempotency-key-reused': 'Idempotency key reused',
  'rate-limited': 'Too many requests',
  'internal-error': 'Internal server error',
} as const satisfies Record<string, string>;

/**
 * The problem types the hub sends, by slug.
 *
 * @example
 * ```ts
 * const type: ProblemType = 'precondition-failed';
 * throw new Problem(412, type, 'The observation changed since it was read; read it again.');
 * ```
 */
export type ProblemType = keyof typeof problemTitles;

/**
 * An error that becomes a problem+json response. Handlers throw it; the app's error handler
 * renders it, adding the request id and the request path as `instance`.
 *
 * @example
 * ```ts
 * throw new Problem(404, 'not-found', 'No observation "obs-1".');
 * ```
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }

  /** The problem document for a request. */
  document(instance: string, requestId: string | undefined): ProblemDocument {
    return {
      type: PROBLEM_BASE + this.type,
      title: problemTitles[this.type],
      status: this.status,
      detail: this.detail,
      instance,
      ...(requestId ? { requestId } : {}),
      ...this.extensions,
    };
  }
}

/** The slugs of every problem type (for the OpenAPI document). */
export const problemTypes = Object.keys(problemTitles) as ProblemType[];
