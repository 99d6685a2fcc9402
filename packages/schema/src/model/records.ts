import * as z from 'zod';
import { Facility } from './facility.js';
import { IndicatorDefinition } from './indicator.js';
import { Meeting } from './meeting.js';
import { Observation } from './observation.js';
import { Organisation } from './organisation.js';
import { packageHeaderShape } from './package.js';

/**
 * The record types of a DataPackage: the schema of each, the package array that holds it,
 * and the field that identifies it.
 */
export const recordTypes = {
  organisation: { schema: Organisation, collection: 'organisations', key: 'id' },
  facility: { schema: Facility, collection: 'facilities', key: 'id' },
  indicator: { schema: IndicatorDefinition, collection: 'indicators', key: 'code' },
  observation: { schema: Observation, collection: 'observations', key: 'id' },
  meeting: { schema: Meeting, collection: 'meetings', key: 'id' },
} as const;

/** A record type name: `organisation`, `facility`, `indicator`, `observation` or `meeting`. */
export type RecordType = keyof typeof recordTypes;
/** The package array of a record type, e.g. `observations`. */
export type Collection = (typeof recordTypes)[RecordType]['collection'];

/** Record types in the order a package lists them. */
export const recordTypeNames = Object.keys(recordTypes) as RecordType[];

/** The package header as a line of an NDJSON file: `{"type":"package", ...}`. */
export const PackageHeaderLine = z.strictObject({ type: z.literal('package'), ...packageHeaderShape });

/** The schema of an NDJSON line of a record type: the record plus `"type": "<record type>"`. */
export const recordLineSchemas = Object.fromEntries(
  recordTypeNames.map((type) => [type, recordTypes[type].schema.extend({ type: z.literal(type) })]),
) as unknown as Record<RecordType, z.ZodType>;
