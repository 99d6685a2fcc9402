import type {
  DataPackageInput, Facility, FileValidationResult, IndicatorDefinition, Meeting, Observation, Organisation, RecordType, ValidationIssue, ValidationResult,
} from '@phx/schema';
import type { Hooks, RetryOptions } from 'ky';

export type { DataPackageInput, Facility, IndicatorDefinition, Meeting, Observation, Organisation, RecordType, ValidationIssue, ValidationResult };

/**
 * The hub's verdict on a package: the result of @phx/schema's file pipeline, without the data.
 *
 * @example
 * ```ts
 * const verdict: HubVerdict = await client.validate(pkg);
 * if (!verdict.ok) console.error(`${verdict.errors} errors, ${verdict.read.records.observation} observations read`);
 * ```
 */
export type HubVerdict = Omit<FileValidationResult, 'data'>;

/**
 * Checks a record the hub sent, e.g. `validateRecord` of `@phx/schema`.
 *
 * @example
 * ```ts
 * import { validateRecord } from '@phx/schema';
 * const validateResponses: ResponseValidator = (type, record) => validateRecord(type, record);
 * const client = createClient({ baseUrl: 'https://hub.example.org', token: process.env.PHX_TOKEN!, validateResponses });
 * ```
 */
export type ResponseValidator = (type: RecordType, record: unknown) => { ok: boolean; issues: ValidationIssue[] };

/**
 * Options of {@link createClient}.
 *
 * @example
 * ```ts
 * const options: ClientOptions = { baseUrl: 'https://hub.example.org', token: process.env.PHX_TOKEN!, timeout: 10_000, retry: 3 };
 * const client = createClient(options);
 * ```
 */
export interface ClientOptions {
  /** Base URL of the hub, e.g. `https://hub.example.org` (without `/v1`). */
  baseUrl: string | URL;
  /** Bearer token of an organisation (from `phx token create`). */
  token: string;
  /** A fetch to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Milliseconds before a request attempt fails with a `TimeoutError`; `false` for none. Default 30 000. */
  timeout?: number | false;
  /** Retries: a number of attempts, or ky's retry options. Default 2, with backoff and Retry-After honoured. */
  retry?: number | Omit<RetryOptions, 'methods'>;
  /** ky hooks: before each request, before each retry, after each response. */
  hooks?: Hooks;
  /** Validates every record received; a record that fails raises an `InvalidResponseError`. */
  validateResponses?: ResponseValidator;
}

/**
 * Options every call takes.
 *
 * @example
 * ```ts
 * const options: CallOptions = { signal: AbortSignal.timeout(5_000), headers: { 'Accept-Language': 'ru' } };
 * const { data } = await client.organisations.get('ZM-PACRA-120045', options);
 * ```
 */
export interface CallOptions {
  /** Cancels the call, including its retries. */
  signal?: AbortSignal;
  /** Extra headers, e.g. `Accept-Language: ru` for messages in Russian. */
  headers?: Record<string, string>;
}

/**
 * Options of a create or import: the Idempotency-Key (one is generated per call when none is given).
 *
 * @example
 * ```ts
 * const options: CreateOptions = { idempotencyKey: `import-${pkg.id}` };
 * const summary = await client.packages.import(pkg, options); // a second call with the same key replays the answer
 * ```
 */
export interface CreateOptions extends CallOptions {
  idempotencyKey?: string;
}

/**
 * Options of a change: the ETag of the record as read.
 *
 * @example
 * ```ts
 * const { data, etag } = await client.facilities.get('zm-fac-01');
 * const options: ChangeOptions = { ifMatch: etag };
 * await client.facilities.replace(data.id, { ...data, capacity: 900 }, options);
 * ```
 */
export interface ChangeOptions extends CallOptions {
  ifMatch: string;
}

/**
 * A record with its version tag (the ETag to send as `ifMatch`).
 *
 * @example
 * ```ts
 * const { data, etag }: Versioned<Organisation> = await client.organisations.get('ZM-PACRA-120045');
 * await client.organisations.update(data.id, { acronym: 'ZPRT' }, { ifMatch: etag });
 * ```
 */
export interface Versioned<T> {
  data: T;
  etag: string;
}

/**
 * One page of a list; `next` is the cursor of the following page, `null` on the last.
 *
 * @example
 * ```ts
 * let page = await client.observations.page({ country: 'ZM', limit: 100 });
 * while (page.next !== null) page = await client.observations.page({ country: 'ZM', limit: 100, cursor: page.next });
 * ```
 */
export interface Page<T> {
  data: T[];
  next: string | null;
}

/**
 * Where to start a page and how long it is.
 *
 * @example
 * ```ts
 * const first = await client.organisations.page({ limit: 20 });
 * const options: PageOptions = { limit: 20, ...(first.next ? { cursor: first.next } : {}) };
 * const second = await client.organisations.page(options);
 * ```
 */
export interface PageOptions {
  cursor?: string;
  /** Records per page, 1 to 1000. Default 100. */
  limit?: number;
}

/**
 * Filters of `client.observations.list()`.
 *
 * @example
 * ```ts
 * const filter: ObservationFilter = { indicator: 'hiv-prevalence-prisoners', country: 'UA', from: '2020-01-01', to: '2020-12-31' };
 * for await (const observation of client.observations.list(filter)) console.log(observation.value);
 * ```
 */
export interface ObservationFilter {
  indicator?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** The reporting organisation. */
  organisation?: string;
  facility?: string;
  /** Observations whose period ends on or after this date (YYYY-MM-DD). */
  from?: string;
  /** Observations whose period starts on or before this date (YYYY-MM-DD). */
  to?: string;
}

/**
 * Filters of `client.facilities.list()`.
 *
 * @example
 * ```ts
 * const filter: FacilityFilter = { country: 'ZM' };
 * for await (const facility of client.facilities.list(filter)) console.log(facility.id, facility.capacity);
 * ```
 */
export interface FacilityFilter {
  country?: string;
}

/**
 * Filters of `client.meetings.list()`: the organiser and the dates (YYYY-MM-DD) the meeting falls between.
 *
 * @example
 * ```ts
 * const filter: MeetingFilter = { organisation: 'ZM-PACRA-120045', from: '2020-01-01', to: '2020-12-31' };
 * for await (const meeting of client.meetings.list(filter)) console.log(meeting.id);
 * ```
 */
export interface MeetingFilter {
  /** The organiser. */
  organisation?: string;
  from?: string;
  to?: string;
}

/**
 * What an import wrote: the package id, the records created and updated, and the count per collection.
 *
 * @example
 * ```ts
 * const summary: ImportSummary = await client.packages.import(pkg);
 * console.log(`${summary.package}: ${summary.created} new, ${summary.updated} changed`, summary.records.observations);
 * ```
 */
export interface ImportSummary {
  package: string;
  created: number;
  updated: number;
  records: Record<string, number>;
}

/**
 * An RFC 9457 problem document from the hub, as `problem` of an `HttpError`.
 *
 * @example
 * ```ts
 * try { await client.packages.import(pkg); } catch (error) {
 *   if (error instanceof HttpError) {
 *     const problem: ProblemDetails = error.problem;
 *     console.error(problem.title, problem.detail, problem.issues?.length ?? 0);
 *   }
 * }
 * ```
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  issues?: ValidationIssue[];
  [extension: string]: unknown;
}
