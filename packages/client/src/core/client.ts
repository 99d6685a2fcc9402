import type {
  CallOptions, ClientOptions, CreateOptions, DataPackageInput, Facility, FacilityFilter, ImportSummary, IndicatorDefinition, Meeting,
  MeetingFilter, Observation, ObservationFilter, Organisation, HubVerdict,
} from '../types/index.js';
import { idempotencyKey } from '../utils/key.js';
import { transport } from './http.js';
import { resource, type ReadableResource, type WritableResource } from './resource.js';

/**
 * A client of a PHX hub: one resource per record type, package import, and validation.
 *
 * @example
 * ```ts
 * const client: PhxClient = createClient({ baseUrl: 'https://hub.example.org', token: process.env.PHX_TOKEN! });
 * for await (const organisation of client.organisations.list()) console.log(organisation.id);
 * const { ok } = await client.validate(pkg);
 * ```
 */
export interface PhxClient {
  organisations: WritableResource<Organisation, Record<never, never>>;
  facilities: WritableResource<Facility, FacilityFilter>;
  /** The indicator catalogue and the definitions of imported packages (read-only). */
  indicators: ReadableResource<IndicatorDefinition, Record<never, never>>;
  observations: WritableResource<Observation, ObservationFilter>;
  meetings: WritableResource<Meeting, MeetingFilter>;
  packages: {
    /**
     * Imports a whole package, all or nothing. Retried safely with one Idempotency-Key per call.
     *
     * @example
     * ```ts
     * const summary = await client.packages.import(pkg, { idempotencyKey: `import-${pkg.id}` });
     * ```
     */
    import(pkg: DataPackageInput, options?: CreateOptions): Promise<ImportSummary>;
  };
  /**
   * Validates a package as the hub would import it, and stores nothing.
   *
   * @example
   * ```ts
   * const { ok, issues } = await client.validate(pkg);
   * ```
   */
  validate(pkg: unknown, options?: CallOptions): Promise<HubVerdict>;
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
  const send = transport(options);
  const context = { send, options };
  const { list, page, get } = resource<IndicatorDefinition, Record<never, never>>(context, 'indicators', 'indicator');
  return {
    organisations: resource(context, 'organisations', 'organisation'),
    facilities: resource(context, 'facilities', 'facility'),
    indicators: { list, page, get },
    observations: resource(context, 'observations', 'observation'),
    meetings: resource(context, 'meetings', 'meeting'),
    packages: {
      import: async (pkg, { idempotencyKey: key = idempotencyKey(), headers, ...call } = {}) =>
        (await send({ method: 'post', path: 'v1/packages', json: pkg, headers: { ...headers, 'Idempotency-Key': key }, ...call, retryable: true })).json(),
    },
    // Validation stores nothing, so a retry is always safe.
    validate: async (pkg, call = {}) => (await send({ method: 'post', path: 'v1/validate', json: pkg, ...call, retryable: true })).json(),
  };
}
