import { PROBLEM_BASE, problemTypes, type ProblemDocument, type ProblemSlug } from '@phx/schema/api';
import type { Locale } from '@phx/schema';

/** The fields a problem type adds to RFC 9457's, e.g. `issues` for `validation-failed`. */
export type ProblemExtensions<S extends ProblemSlug> = Omit<ProblemDocument<S>, 'type' | 'title' | 'status' | 'detail' | 'instance' | 'requestId'>;

/** The arguments after the slug and detail: the extensions a type needs (none for most), then headers. */
type ProblemArguments<S extends ProblemSlug> =
  Record<never, never> extends ProblemExtensions<S>
    ? [extensions?: ProblemExtensions<S>, headers?: Record<string, string>]
    : [extensions: ProblemExtensions<S>, headers?: Record<string, string>];

/**
 * A failure of a request, named by its problem slug. Domain code throws it; the contract's table
 * (`problemTypes` of `@phx/schema/api`) gives its status and title, and the app's error handler
 * renders the problem document with the request id, the request path as `instance` and the title
 * in the language of the request.
 *
 * @example
 * ```ts
 * throw new Problem('not-found', 'There is no observation "obs-1".');
 * throw new Problem('precondition-failed', 'The observation changed since you read it.', { etag: '"3q2-7w"' });
 * ```
 */
export class Problem<S extends ProblemSlug = ProblemSlug> extends Error {
  readonly extensions: ProblemExtensions<S> | undefined;
  readonly headers: Record<string, string>;

  constructor(
    readonly slug: S,
    readonly detail: string,
    ...[extensions, headers = {}]: ProblemArguments<S>
  ) {
    super(detail);
    this.name = 'Problem';
    this.extensions = extensions;
    this.headers = headers;
  }

  /** The HTTP status of the problem type. */
  get status(): number {
    return problemTypes[this.slug].status;
  }

  /** The problem document for a request: `instance` is its path, when it was read. */
  document(instance: string | undefined, requestId: string | undefined, locale: Locale): ProblemDocument<S> {
    return {
      type: `${PROBLEM_BASE}${this.slug}`,
      title: problemTypes[this.slug].title[locale],
      status: problemTypes[this.slug].status,
      detail: this.detail,
      ...(instance !== undefined ? { instance } : {}),
      ...(requestId ? { requestId } : {}),
      ...this.extensions,
    } as unknown as ProblemDocument<S>;
  }
}
