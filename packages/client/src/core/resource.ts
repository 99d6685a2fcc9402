import { InvalidResponseError } from '../errors/index.js';
import type {
  CallOptions, ChangeOptions, ClientOptions, CreateOptions, Page, PageOptions, RecordType, Versioned,
} from '../types/index.js';
import { idempotencyKey } from '../utils/key.js';
import type { Send } from './http.js';

/**
 * Methods that read a collection: `T` is the record type, `F` the filters of its list.
 *
 * @example
 * ```ts
 * const indicators: ReadableResource<IndicatorDefinition, Record<never, never>> = client.indicators;
 * const { data } = await indicators.get('hiv-prevalence-prisoners');
 * ```
 */
export interface ReadableResource<T, F> {
  /**
   * Every record that matches the filter, page after page, as an async iterator.
   *
   * @example
   * ```ts
   * for await (const observation of client.observations.list({ country: 'UA' })) console.log(observation.id);
   * ```
   */
  list(filter?: F & { limit?: number }, options?: CallOptions): AsyncIterableIterator<T>;
  /**
   * One page: pass `next` of a page as `cursor` to get the following one.
   *
   * @example
   * ```ts
   * const { data, next } = await client.observations.page({ indicator: 'hiv-testing-prisoners', limit: 50 });
   * ```
   */
  page(filter?: F & PageOptions, options?: CallOptions): Promise<Page<T>>;
  /**
   * One record and its ETag.
   *
   * @example
   * ```ts
   * const { data, etag } = await client.observations.get('obs-1');
   * ```
   */
  get(id: string, options?: CallOptions): Promise<Versioned<T>>;
}

/**
 * Methods that also write: create, update (merge patch), replace and delete, each change guarded by an ETag.
 *
 * @example
 * ```ts
 * const observations: WritableResource<Observation, ObservationFilter> = client.observations;
 * const { data, etag } = await observations.get('zm-hiv-2020');
 * await observations.update(data.id, { value: 8.5 }, { ifMatch: etag });
 * ```
 */
export interface WritableResource<T, F> extends ReadableResource<T, F> {
  /**
   * Stores a new record. Retried safely: every call carries an Idempotency-Key.
   *
   * @example
   * ```ts
   * const { etag } = await client.observations.create(observation);
   * ```
   */
  create(record: T, options?: CreateOptions): Promise<Versioned<T>>;
  /**
   * Changes fields of a record (a JSON Merge Patch: `null` removes a field). Never retried.
   *
   * @example
   * ```ts
   * await client.observations.update('obs-1', { value: 42 }, { ifMatch: etag });
   * ```
   */
  update(id: string, patch: Partial<T> | Record<string, unknown>, options: ChangeOptions): Promise<Versioned<T>>;
  /**
   * Replaces a whole record.
   *
   * @example
   * ```ts
   * await client.facilities.replace('f-1', { ...facility, capacity: 900 }, { ifMatch: etag });
   * ```
   */
  replace(id: string, record: T, options: ChangeOptions): Promise<Versioned<T>>;
  /**
   * Deletes a record.
   *
   * @example
   * ```ts
   * await client.meetings.delete('m-1', { ifMatch: etag });
   * ```
   */
  delete(id: string, options: ChangeOptions): Promise<void>;
}

/** What a resource needs of its client. */
export interface ResourceContext {
  send: Send;
  options: ClientOptions;
}

/** Returns the body of a response, checked by `validateResponses` when the client has one. */
export async function recordOf<T>(context: ResourceContext, type: RecordType, response: Response): Promise<T> {
  const record = (await response.json()) as T;
  const check = context.options.validateResponses?.(type, record);
  if (check && !check.ok) throw new InvalidResponseError(check.issues);
  return record;
}

/**
 * The methods of a collection of the API.
 *
 * @example
 * ```ts
 * const observations = resource<Observation, ObservationFilter>(context, 'observations', 'observation');
 * ```
 */
export function resource<T, F>(context: ResourceContext, collection: string, type: RecordType): WritableResource<T, F> {
  const { send } = context;
  const base = `v1/${collection}`;
  const item = (id: string) => `${base}/${encodeURIComponent(id)}`;
  const versioned = async (response: Response): Promise<Versioned<T>> => ({
    data: await recordOf<T>(context, type, response),
    etag: response.headers.get('ETag') ?? '',
  });
  const change = (id: string, method: 'put' | 'patch', json: unknown, { ifMatch, headers, ...options }: ChangeOptions) =>
    send({
      method,
      path: item(id),
      json,
      ...(method === 'patch' ? { contentType: 'application/merge-patch+json' } : {}),
      headers: { ...headers, 'If-Match': ifMatch },
      ...options,
      retryable: method === 'put',
    }).then(versioned);

  const page = async (filter: (F & PageOptions) | undefined, options: CallOptions = {}): Promise<Page<T>> => {
    const response = await send({ method: 'get', path: base, searchParams: { ...filter } as Record<string, string>, ...options, retryable: true });
    const body = (await response.json()) as Page<unknown>;
    const check = context.options.validateResponses;
    for (const record of check ? body.data : []) {
      const result = check!(type, record);
      if (!result.ok) throw new InvalidResponseError(result.issues);
    }
    return body as Page<T>;
  };

  return {
    page,
    async *list(filter, options) {
      let cursor: string | undefined;
      do {
        const result: Page<T> = await page({ ...filter, ...(cursor ? { cursor } : {}) } as F & PageOptions, options);
        yield* result.data;
        cursor = result.next ?? undefined;
      } while (cursor);
    },
    get: (id, options = {}) => send({ method: 'get', path: item(id), ...options, retryable: true }).then(versioned),
    create: (record, { idempotencyKey: key = idempotencyKey(), headers, ...options } = {}) =>
      send({ method: 'post', path: base, json: record, headers: { ...headers, 'Idempotency-Key': key }, ...options, retryable: true }).then(versioned),
    update: (id, patch, options) => change(id, 'patch', patch, options),
    replace: (id, record, options) => change(id, 'put', record, options),
    delete: async (id, { ifMatch, headers, ...options }) => {
      await send({ method: 'delete', path: item(id), headers: { ...headers, 'If-Match': ifMatch }, ...options, retryable: true });
    },
  };
}
