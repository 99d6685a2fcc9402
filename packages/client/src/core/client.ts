import { InvalidResponseError } from '../errors/index.js';
import type { paths } from '../generated/paths.js';
import type {
  AuditEntry, AuditFilter, CallOptions, ChangeOptions, ClientOptions, Collection, CreateOptions, DataPackage, ExportedFile, ExportFormat, ExportNote, ExportSelection, Filter,
  HubSettings, ImportSummary, Page, PageOptions,
  RecordType, Records, ValidateFileOptions, ValidationResult, Versioned,
} from '../types.js';
import { caller, type Call } from './request.js';
import { isFileBody, transport } from './transport.js';

/**
 * A list of the API read a page at a time, or as one stream of its items.
 *
 * @example
 * ```ts
 * for await (const entry of client.audit.list({ organisation: 'ZM-PACRA-120045' })) console.log(entry.at, entry.action);
 * const { data, next } = await client.audit.page({ limit: 50 });
 * ```
 */
export interface Pages<T, F> {
  /** Every item that matches the filter, page after page, as an async iterator. */
  list(filter?: F & Pick<PageOptions, 'limit'>, options?: CallOptions): AsyncIterableIterator<T>;
  /** One page: pass `next` of a page as `cursor` to get the following one. */
  page(filter?: F & PageOptions, options?: CallOptions): Promise<Page<T>>;
}

/**
 * Methods that read a collection.
 *
 * @example
 * ```ts
 * for await (const observation of client.observations.list({ country: 'UA' })) console.log(observation.id);
 * const { data, next } = await client.observations.page({ indicator: 'hiv-testing-prisoners', limit: 50 });
 * const { data: one, etag } = await client.observations.get('obs-za-pep-2020');
 * ```
 */
export interface ReadableResource<C extends Collection> extends Pages<Records[C], Filter<C>> {
  /** One record and its ETag. The id `.` or `..`, which a URL would resolve away, is refused with a `TypeError`. */
  get(id: string, options?: CallOptions): Promise<Versioned<Records[C]>>;
}

/**
 * Methods that also write: create, update (merge patch), replace and delete, each change guarded by
 * an ETag. Every write is retried safely: a create carries an Idempotency-Key, a change If-Match.
 *
 * @example
 * ```ts
 * const { data, etag } = await client.observations.get('obs-zm-hiv-prevalence-2019');
 * await client.observations.update(data.id, { notes: 'Checked against the register.' }, { ifMatch: etag });
 * ```
 */
export interface WritableResource<C extends Collection> extends ReadableResource<C> {
  /** Stores a new record. */
  create(record: Records[C], options?: CreateOptions): Promise<Versioned<Records[C]>>;
  /** Changes fields of a record (a JSON Merge Patch: `null` removes a field). */
  update(id: string, patch: Partial<Records[C]> | Record<string, unknown>, options: ChangeOptions): Promise<Versioned<Records[C]>>;
  /** Replaces a whole record. */
  replace(id: string, record: Records[C], options: ChangeOptions): Promise<Versioned<Records[C]>>;
  /** Deletes a record. */
  delete(id: string, options: ChangeOptions): Promise<void>;
}

/**
 * A client of a PHX hub: `call` reaches any operation of the API, typed from its OpenAPI document;
 * the collections, `packages` and `validate` are a thin layer over it.
 *
 * @example
 * ```ts
 * const { data } = await client.call('get', '/v1/observations/{id}', { path: { id: 'obs-zm-hiv-prevalence-2019' } });
 * ```
 */
export interface PhxClient {
  /** Calls any operation of the API by method and path, typed from `paths`. */
  call: Call;
  organisations: WritableResource<'organisations'>;
  facilities: WritableResource<'facilities'>;
  /** The indicator catalogue and the definitions of imported packages (read-only). */
  indicators: ReadableResource<'indicators'>;
  observations: WritableResource<'observations'>;
  meetings: WritableResource<'meetings'>;
  packages: {
    /** Imports a whole package, all or nothing; retried safely with one Idempotency-Key per call. */
    import(pkg: DataPackage, options?: CreateOptions): Promise<ImportSummary>;
  };
  /**
   * Validates a package as its import would be validated — with the records the hub stores and the observations it
   * stores of the package's breakdowns — and stores nothing: `ok` is true unless the import would be refused for the
   * package's data (who may write it, and a package id another publisher holds, are not checked). A package object
   * is sent as JSON; a file's text or bytes (a string, `Uint8Array`, `ArrayBuffer` or `Blob`: a CSV table, NDJSON
   * lines, a workbook, a `.phx.json` as read) are sent as they are, their format told by `mediaType`, else by `name`
   * and the bytes, as `phx validate` tells it.
   */
  validate(input: unknown, options?: ValidateFileOptions): Promise<ValidationResult>;
  /** The audit trail: the writes to records the token's organisation owns or wrote (the secretariat's: every write). */
  audit: Pages<AuditEntry, AuditFilter>;
  /**
   * The observations a selection picks, with the records they refer to, in the format of another system: the file
   * as the hub sent it, and what the format had no place for. DHIS2 files use the mapping the selection names
   * among those the hub holds (`gam`, the UNAIDS GAM template, unless named).
   */
  export(format: ExportFormat, selection?: ExportSelection, options?: CallOptions): Promise<ExportedFile>;
  /**
   * The hub's settings: the version of the data format it reads, the suppression threshold it checks every import,
   * validation and record written by (check data by it before sending, `validate(pkg, { suppressionThreshold })` of
   * `@phx/schema`), and its limits.
   */
  settings(options?: CallOptions): Promise<HubSettings>;
}

// The calls of a collection go through `call` on paths picked at run time, so their types are
// checked once here, by the interfaces above, rather than per path.
type AnyCall = (method: string, path: string, options: object) => Promise<{ data: unknown; response: Response }>;

/** The pages of the list at `path`, each item checked as it arrives. */
function paged<T, F>(call: AnyCall, path: string, checked: (item: T) => T): Pages<T, F> {
  const page = async (filter: (F & PageOptions) | undefined, call_: CallOptions = {}): Promise<Page<T>> => {
    const { data } = await call('get', path, { query: filter ?? {}, ...call_ });
    const body = data as Page<T>;
    body.data.forEach(checked);
    return body;
  };
  return {
    page,
    async *list(filter, call_) {
      let cursor: string | undefined;
      do {
        const result = await page({ ...filter, ...(cursor ? { cursor } : {}) } as F & PageOptions, call_);
        yield* result.data;
        cursor = result.next ?? undefined;
      } while (cursor);
    },
  };
}

/**
 * The path of one record of each collection, as the contract writes it. Typed by `paths`: were the contract to name
 * an item's key otherwise, this table would no longer compile.
 */
const itemPaths: { [C in Collection]: Extract<keyof paths, `/v1/${C}/{${string}}`> } = {
  organisations: '/v1/organisations/{id}',
  facilities: '/v1/facilities/{id}',
  indicators: '/v1/indicators/{code}',
  observations: '/v1/observations/{id}',
  meetings: '/v1/meetings/{id}',
};

function readable<C extends Collection>(call: AnyCall, collection: C, type: RecordType, options: ClientOptions): WritableResource<C> {
  const item = itemPaths[collection];
  const keyName = /\{(\w+)\}$/.exec(item)![1]!;
  const key = (id: string) => ({ [keyName]: id });
  const checked = <T>(record: T): T => {
    const result = options.validateResponses?.(type, record);
    if (result && !result.ok) throw new InvalidResponseError(result.issues);
    return record;
  };
  const versioned = ({ data, response }: { data: unknown; response: Response }) => ({
    data: checked(data as Records[C]),
    etag: response.headers.get('ETag') ?? '',
  });
  return {
    ...paged<Records[C], Filter<C>>(call, `/v1/${collection}`, checked),
    get: async (id, call_ = {}) => versioned(await call('get', item, { path: key(id), ...call_ })),
    create: async (record, call_ = {}) => versioned(await call('post', `/v1/${collection}`, { body: record, ...call_ })),
    update: async (id, patch, call_) =>
      versioned(await call('patch', item, { path: key(id), body: patch, contentType: 'application/merge-patch+json', ...call_ })),
    replace: async (id, record, call_) => versioned(await call('put', item, { path: key(id), body: record, ...call_ })),
    delete: async (id, call_) => {
      await call('delete', item, { path: key(id), ...call_ });
    },
  };
}

/**
 * Creates a client of a PHX hub.
 *
 * @example
 * ```ts
 * import { createClient } from '@phx/client';
 * const client = createClient({ baseUrl: 'http://127.0.0.1:8080', token: process.env.PHX_TOKEN! });
 * for await (const observation of client.observations.list({ country: 'KZ' })) console.log(observation.value);
 * ```
 */
export function createClient(options: ClientOptions): PhxClient {
  const call = caller(transport(options));
  const any = call as unknown as AnyCall;
  const { list, page, get } = readable(any, 'indicators', 'indicator', options);
  return {
    call,
    organisations: readable(any, 'organisations', 'organisation', options),
    facilities: readable(any, 'facilities', 'facility', options),
    indicators: { list, page, get },
    observations: readable(any, 'observations', 'observation', options),
    meetings: readable(any, 'meetings', 'meeting', options),
    packages: { import: async (pkg, call_ = {}) => (await call('post', '/v1/packages', { body: pkg, ...call_ })).data },
    validate: async (input, { name, mediaType, ...call_ } = {}) => {
      const contentType = mediaType ?? (isFileBody(input) ? 'application/octet-stream' : 'application/json');
      return (await call('post', '/v1/validate', { body: input as DataPackage, contentType, ...(name === undefined ? {} : { query: { name } }), ...call_ })).data;
    },
    audit: paged<AuditEntry, AuditFilter>(any, '/v1/audit', (entry) => entry),
    settings: async (call_ = {}) => (await call('get', '/v1/settings', call_)).data,
    export: async (format, selection = {}, call_ = {}) => {
      const { data, response } = await call('get', '/v1/export', { query: { ...selection, format }, text: true, ...call_ });
      return {
        name: /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? '',
        mediaType: response.headers.get('Content-Type') ?? '',
        content: data as unknown as string,
        notes: JSON.parse(response.headers.get('Export-Notes') ?? '[]') as ExportNote[],
      };
    },
  };
}
