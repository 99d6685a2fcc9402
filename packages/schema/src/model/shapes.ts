import * as z from 'zod';
import { packageHeaderShape } from './package.js';
import { PackageHeaderLine, recordLineSchemas, recordTypeNames, recordTypes, type RecordType } from './records.js';

/** The package without its records: the arrays are checked record by record. */
export const PackageEnvelope = z.strictObject({
  ...packageHeaderShape,
  ...Object.fromEntries(recordTypeNames.map((type) => [recordTypes[type].collection, z.array(z.unknown()).optional()])),
});

/**
 * Every shape the validators check, by kind: a record, the package envelope (records left to their own
 * checks), the package header line of NDJSON and a record's line. scripts/shape-checks.ts generates a
 * check of each from these.
 */
export const shapeSchemas = {
  ...(Object.fromEntries(recordTypeNames.map((type) => [type, recordTypes[type].schema])) as unknown as Record<RecordType, z.ZodType>),
  package: PackageEnvelope as z.ZodType,
  'package-line': PackageHeaderLine as z.ZodType,
  ...(Object.fromEntries(recordTypeNames.map((type) => [`${type}-line`, recordLineSchemas[type]])) as unknown as Record<`${RecordType}-line`, z.ZodType>),
};

/** A kind of shape: a record type, `package`, `package-line` or `<record type>-line`. */
export type ShapeKind = keyof typeof shapeSchemas;
