import type * as Generated from './generated/paths.js';

/** Every path of the exchange API and its operations, generated with openapi-typescript from `schemas/v1/openapi.json`. */
export type paths = Generated.paths;
/** The schemas, parameters, responses and headers of the OpenAPI document, as types. */
export type components = Generated.components;
/** Every operation of the API by its `operationId`: parameters, body and answers. */
export type operations = Generated.operations;

type Schemas = components['schemas'];

/**
 * An organisation, as the hub sends and takes it.
 *
 * @example
 * ```ts
 * const organisation: Organisation = { id: 'ZM-PACRA-120045', name: { en: 'Zambia Prisons Reintegration Trust' }, organisationType: 'ngo', countries: ['ZM'] };
 * await client.organisations.create(organisation);
 * ```
 */
export type Organisation = Schemas['Organisation'];
/** A facility: a prison or other closed setting. */
export type Facility = Schemas['Facility'];
/** An indicator definition of the catalogue or of an imported package. */
export type IndicatorDefinition = Schemas['IndicatorDefinition'];
/** One reported value of an indicator. */
export type Observation = Schemas['Observation'];
/** A meeting of the network. */
export type Meeting = Schemas['Meeting'];
/** A whole data package, as imported or validated. */
export type DataPackage = Schemas['DataPackage'];
/** What an import wrote: the package id, the records created and replaced, and the count per collection. */
export type ImportSummary = Schemas['ImportSummary'];
/** The outcome of a validation: `ok` is true when no issue is an error. */
export type ValidationResult = Schemas['ValidationResult'];
/** One problem found in the data: code, severity, where, and the message in the language asked for. */
export type ValidationIssue = Schemas['ValidationIssue'];
/** One write in the audit trail: what was written, whose it is, who wrote it and when. */
export type AuditEntry = Schemas['AuditEntry'];
/**
 * The settings of a hub that decide how it answers, as `GET /v1/settings` gives them: the version of the data format
 * it reads, the network's suppression threshold it checks every import, validation and record written by, and its
 * limits.
 *
 * @example
 * ```ts
 * const settings: HubSettings = await client.settings();
 * console.log(`counts from 1 to ${settings.suppressionThreshold - 1} must be suppressed on this hub`);
 * ```
 */
export type HubSettings = Schemas['HubSettings'];
/** A format the hub exports to: `fhir`, `dhis2`, `dhis2-csv`, `sdmx-csv` or `sdmx-json`. */
export type ExportFormat = operations['exportObservations']['parameters']['query']['format'];
/**
 * What an export selects: the filters of the observations list, and for the DHIS2 formats the name of a mapping
 * the hub holds (`gam`, the UNAIDS GAM template, unless named).
 *
 * @example
 * ```ts
 * const selection: ExportSelection = { country: 'UA', from: '2023-01-01', to: '2023-12-31', mapping: 'moh' };
 * ```
 */
export type ExportSelection = Omit<operations['exportObservations']['parameters']['query'], 'format'>;
/** What the format of an export had no place for, and how many records it concerns. */
export type ExportNote = Schemas['ExportNote'];

/**
 * A file the hub exported: its name, media type and text, exactly as sent, and what the format had no place for.
 *
 * @example
 * ```ts
 * const file: ExportedFile = await client.export('sdmx-csv', { country: 'UA', from: '2023-01-01', to: '2023-12-31' });
 * await writeFile(file.name, file.content);
 * for (const note of file.notes) console.warn(`${note.code} ${note.field ?? ''}: ${note.count} records`);
 * ```
 */
export interface ExportedFile {
  /** The name to save it under, e.g. `export-20240201T090000Z.sdmx.csv`. */
  name: string;
  mediaType: string;
  content: string;
  notes: ExportNote[];
}

/** Where the exchange API's problem types live: a problem's `type` is this plus its slug. */
export const PROBLEM_BASE = 'https://phx-network.github.io/phx/problems/';

/** Every problem document the hub sends, told apart by `type`. */
export type ProblemDocument = Schemas[Extract<keyof Schemas, `${string}Problem`>];

/**
 * The slug of a problem type of the exchange API, e.g. `validation-failed`.
 */
export type ProblemSlug = ProblemDocument['type'] extends `${typeof PROBLEM_BASE}${infer S}` ? S : never;

/** The problem document of one type, e.g. with `issues` for `validation-failed`. */
export type ProblemOf<S extends ProblemSlug> = Extract<ProblemDocument, { type: `${typeof PROBLEM_BASE}${S}` }>;

/**
 * A problem document the client could not recognise as one of the hub's: a proxy's error page, or a
 * hub of another version. Its `type` is `about:blank` when the body was no problem document at all.
 */
export interface ForeignProblem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

/** A collection of the API, e.g. `observations`: a path of `paths` with an item under it. */
export type Collection = { [P in keyof paths]: P extends `/v1/${infer C}/{${string}}` ? C : never }[keyof paths];

/** The record type of each collection. */
export interface Records {
  organisations: Organisation;
  facilities: Facility;
  indicators: IndicatorDefinition;
  observations: Observation;
  meetings: Meeting;
}

/** A record type name, as `@phx/schema` names it (`validateRecord`'s first argument). */
export type RecordType = 'organisation' | 'facility' | 'indicator' | 'observation' | 'meeting';

/**
 * The filters of a collection's list, read from the operation's query in `paths`.
 *
 * @example
 * ```ts
 * const filter: Filter<'observations'> = { indicator: 'hiv-prevalence-prisoners', country: 'UA', from: '2020-01-01' };
 * for await (const observation of client.observations.list(filter)) console.log(observation.value);
 * ```
 */
export type Filter<C extends Collection> = Omit<NonNullable<operations[`list${Capitalize<C>}`]['parameters']['query']>, 'cursor' | 'limit'>;

/**
 * The filter of the audit trail: the organisation whose entries to read (the secretariat may name
 * any; a member or reader reads its own).
 */
export type AuditFilter = Omit<NonNullable<operations['listAudit']['parameters']['query']>, 'cursor' | 'limit'>;

/** Where a page starts and how long it is. */
export interface PageOptions {
  /** The `next` of the previous page. */
  cursor?: string;
  /**
   * Records per page, 1 to 1000.
   * @default 100
   */
  limit?: number;
}

/** One page of a list; `next` is the cursor of the following page, `null` on the last. */
export interface Page<T> {
  data: T[];
  next: string | null;
}

/** A record with its version tag (the ETag to send as `ifMatch`). */
export interface Versioned<T> {
  data: T;
  etag: string;
}

/**
 * Checks a record the hub sent; `validateRecord` of `@phx/schema` is one. Given the hub's indicator definitions as
 * its `catalogue`, it knows the indicators members defined besides PHX's catalogue, which their observations use.
 *
 * @example
 * ```ts
 * import { validateRecord, type IndicatorDefinition } from '@phx/schema';
 * const hub = { baseUrl: 'https://hub.example.org', token: process.env.PHX_TOKEN! };
 * const catalogue: IndicatorDefinition[] = [];
 * for await (const definition of createClient(hub).indicators.list()) catalogue.push(definition);
 * const client = createClient({ ...hub, validateResponses: (type, record) => validateRecord(type, record, { catalogue }) });
 * ```
 */
export type ResponseValidator = (type: RecordType, record: unknown) => { ok: boolean; issues: readonly { code: string; pointer: string }[] };

/** How a client retries a call whose answer was an error worth retrying, a timeout or a lost connection. */
export interface RetryPolicy {
  /**
   * Retries after the first attempt.
   * @default 2
   */
  limit?: number;
  /**
   * Milliseconds to wait before retry `attempt` (1, 2, …) when the hub sent no Retry-After.
   * @default 300 ms doubled each time
   */
  delay?: (attempt: number) => number;
  /**
   * The longest Retry-After honoured, in milliseconds; a longer one ends the retries at once: the call fails with
   * that answer (a 429's `ProblemError` carries its `retryAfter`).
   * @default no limit
   */
  maxRetryAfter?: number;
}

/**
 * Options of {@link createClient}.
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl: 'https://hub.example.org', token: process.env.PHX_TOKEN!, timeout: 10_000, retry: { limit: 5 } });
 * ```
 */
export interface ClientOptions {
  /** Base URL of the hub, e.g. `https://hub.example.org` (without `/v1`). */
  baseUrl: string | URL;
  /** Bearer token of an organisation (from `phx token create`); a line break around it, as read from a file, is dropped. */
  token: string;
  /** A fetch to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /**
   * Milliseconds an attempt waits for the answer's headers, and then again for its body, before it is given up and
   * retried; `false` for no limit.
   * @default 30000
   */
  timeout?: number | false;
  /**
   * Retries of a call: a number of retries, or a policy.
   * @default 2
   */
  retry?: number | RetryPolicy;
  /** Validates every record received; a record that fails raises an `InvalidResponseError`. */
  validateResponses?: ResponseValidator;
}

/** Options every call takes. */
export interface CallOptions {
  /** Cancels the call, including its retries. */
  signal?: AbortSignal;
  /** Extra headers, e.g. `Accept-Language: ru` for messages in Russian. */
  headers?: Record<string, string>;
}

/** Options of a create or an import: the Idempotency-Key (one is made per call when none is given). */
export interface CreateOptions extends CallOptions {
  idempotencyKey?: string;
}

/**
 * Options of a validation of a file (a CSV table, NDJSON lines, a workbook) rather than a package object.
 *
 * @example
 * ```ts
 * const options: ValidateFileOptions = { name: 'observations-uk.csv', mediaType: 'text/csv' };
 * const result = await client.validate(await readFile('observations-uk.csv'), options);
 * ```
 */
export interface ValidateFileOptions extends CallOptions {
  /** The file's name, whose ending tells the hub its format when the media type does not. */
  name?: string;
  /**
   * The file's media type: `application/json`, `application/x-ndjson` or `text/csv`; with `charset` for bytes of text
   * that is not UTF-8 (`text/csv; charset=windows-1251`, as Excel saves a plain "CSV" on a Ukrainian or Russian Windows).
   * @default `application/octet-stream` for a file's text or bytes (the hub tells the format from `name` and the
   * bytes), `application/json` for a package object
   */
  mediaType?: string;
}

/** Options of a change: the ETag of the record as read. */
export interface ChangeOptions extends CallOptions {
  ifMatch: string;
}
