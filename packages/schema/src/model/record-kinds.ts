import type { DataPackage } from './package.js';
import type { ValidationResult } from '../validate/issue.js';

/**
 * The record types by name, with the package array of each and the field that identifies it: what the
 * validators need of the record types, without their zod schemas (in ./records.ts), which only describing a
 * rejected record needs.
 */
export const recordStores = {
  organisation: { collection: 'organisations', key: 'id' },
  facility: { collection: 'facilities', key: 'id' },
  indicator: { collection: 'indicators', key: 'code' },
  observation: { collection: 'observations', key: 'id' },
  meeting: { collection: 'meetings', key: 'id' },
} as const satisfies Record<RecordType, { collection: string; key: string }>;

/**
 * A record type name: `organisation`, `facility`, `indicator`, `observation` or `meeting`.
 */
export type RecordType = 'organisation' | 'facility' | 'indicator' | 'observation' | 'meeting';

/**
 * Record types in the order a package lists them.
 *
 * @example
 * ```ts
 * import { recordTypeNames, recordsOf } from '@phx/schema';
 * for (const type of recordTypeNames) console.log(type, recordsOf(pkg, type).length);
 * ```
 */
export const recordTypeNames = Object.keys(recordStores) as RecordType[];

/**
 * The record types that other records refer to: organisations, facilities and indicator definitions. A package that
 * lends its header to others (a template's, `phx convert --header`) lends these with it, not its observations or meetings.
 */
export const referredRecordTypes: readonly RecordType[] = ['organisation', 'facility', 'indicator'];

const typeOfCollection = /* @__PURE__ */ new Map<string, RecordType>(recordTypeNames.map((type) => [recordStores[type].collection, type]));

/** The record type whose package array a name is (`observations` → `observation`); undefined for any other value. */
export function recordTypeOfCollection(collection: unknown): RecordType | undefined {
  return typeof collection === 'string' ? typeOfCollection.get(collection) : undefined;
}

/**
 * The header of a package: every field but its record arrays (`observations`, ...).
 *
 * @example
 * ```ts
 * import { packageHeaderOf } from '@phx/schema';
 * packageHeaderOf({ phxVersion: '1.0', id: 'zm-2020', observations: [] }); // { phxVersion: '1.0', id: 'zm-2020' }
 * ```
 */
export function packageHeaderOf(pkg: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(pkg).filter(([key]) => !typeOfCollection.has(key)));
}

/**
 * The package a validation found valid, when the file holds a whole one, header and all: a `.phx.json` file, a
 * workbook, a `.phx.ndjson` stream with its header line. Undefined for a file with errors, and for a part of a
 * package (a CSV table, a stream of records without the header line): what an export, a GAM readiness check or
 * an import with `--with` needs. `data` must have been kept (`keepData`, or a valid document).
 *
 * @example
 * ```ts
 * const pkg = wholePackageOf(await validateFile(bytes, { name: 'zambia.xlsx', keepData: true }));
 * if (pkg) console.log(pkg.publisher.id, pkg.observations?.length);
 * ```
 */
export function wholePackageOf(result: Pick<ValidationResult, 'ok' | 'data'>): DataPackage | undefined {
  const { ok, data } = result;
  return ok && typeof data === 'object' && data !== null && (data as Partial<DataPackage>).phxVersion !== undefined ? (data as DataPackage) : undefined;
}
