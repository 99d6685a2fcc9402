import * as z from 'zod';
import { Facility } from './facility.js';
import { IndicatorDefinition } from './indicator.js';
import { Meeting } from './meeting.js';
import { Observation } from './observation.js';
import { Organisation } from './organisation.js';
import { packageHeaderShape } from './package.js';
import { recordStores, recordTypeNames, type RecordType } from './record-kinds.js';

export { recordTypeNames, packageHeaderOf, type RecordType } from './record-kinds.js';

/**
 * The record types of a DataPackage: the schema of each, the package array that holds it,
 * and the field that identifies it.
 *
 * @example
 * ```ts
 * import { recordTypes } from '@phx/schema';
 * const { schema, collection, key } = recordTypes.indicator; // collection 'indicators', key 'code'
 * const ids = (pkg[collection] ?? []).map((record) => record[key]);
 * ```
 */
export const recordTypes = {
  organisation: { schema: Organisation, ...recordStores.organisation },
  facility: { schema: Facility, ...recordStores.facility },
  indicator: { schema: IndicatorDefinition, ...recordStores.indicator },
  observation: { schema: Observation, ...recordStores.observation },
  meeting: { schema: Meeting, ...recordStores.meeting },
} as const;

/**
 * The package array of a record type, e.g. `observations`.
 *
 * @example
 * ```ts
 * const collection: Collection = recordTypes.facility.collection; // 'facilities'
 * const facilities = pkg[collection] ?? [];
 * ```
 */
export type Collection = (typeof recordTypes)[RecordType]['collection'];

/**
 * The package header as a line of an NDJSON file: `{"type":"package", ...}`.
 *
 * @example
 * ```ts
 * import { PackageHeaderLine } from '@phx/schema';
 * PackageHeaderLine.safeParse({
 *   type: 'package', phxVersion: '1.0', id: 'zm-2020', publisher: { id: 'ZM-PACRA-120045', name: 'Zambia Prisons Reintegration Trust' },
 *   license: 'CC-BY-4.0', publishedAt: '2021-03-01T09:00:00Z',
 * }).success; // true
 * ```
 */
export const PackageHeaderLine = z.strictObject({ type: z.literal('package'), ...packageHeaderShape });

/**
 * The schema of an NDJSON line of a record type: the record plus `"type": "<record type>"`.
 *
 * @example
 * ```ts
 * import { recordLineSchemas } from '@phx/schema';
 * const line = JSON.parse('{"type":"facility","id":"zm-fac-01","country":"ZM","facilityType":"prison"}');
 * recordLineSchemas.facility.safeParse(line).success; // true
 * ```
 */
export const recordLineSchemas = Object.fromEntries(
  recordTypeNames.map((type) => [type, recordTypes[type].schema.extend({ type: z.literal(type) })]),
) as unknown as Record<RecordType, z.ZodType>;
