/**
 * Field-by-field maps: where each PHX field goes in a target, or why it cannot go there. The same map
 * drives the exporter's warnings (a field present in the data whose map has no target is reported, never
 * dropped silently) and the table in docs/interop.md.
 */
import { recordTypeNames, recordTypes, type DataPackage, type RecordType } from '@phx/schema';
import type { TargetName } from './codes.js';
import type { Notes } from './report.js';

/**
 * Where one PHX field goes in a target. Without `target`, the target has no place for it and `note` says so.
 *
 * @example
 * ```ts
 * const mapping: FieldMapping = { field: 'period.start', target: 'MeasureReport.period.start' };
 * const lost: FieldMapping = { field: 'methodNote', note: 'no column for free text' };
 * ```
 */
export interface FieldMapping {
  /** The PHX field, dotted for nested fields (`scope.country`). */
  field: string;
  /** Where it goes in the target. */
  target?: string;
  /** How it is converted, or why it is not carried. */
  note?: string;
}

/**
 * The field maps of a target, by record type; a record type without a map is not carried at all.
 *
 * @example
 * ```ts
 * import { fieldMaps } from '@phx/interop';
 * fieldMaps['sdmx-csv'].meeting; // undefined: SDMX carries no meetings
 * fieldMaps.fhir.package?.find((m) => m.field === 'license')?.target; // 'Bundle.meta.extension[package-license]'
 * ```
 */
export type FieldMap = Partial<Record<RecordType | 'package', readonly FieldMapping[]>>;

type Loose = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields of a record present in the data, nested objects flattened where the map names their parts. */
function presentFields(record: Loose, mapped: ReadonlySet<string>, prefix = ''): string[] {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const path = `${prefix}${key}`;
    if (isPlainObject(value) && [...mapped].some((field) => field.startsWith(`${path}.`))) fields.push(...presentFields(value, mapped, `${path}.`));
    else fields.push(path);
  }
  return fields;
}

/**
 * Warns, once per field with a count, about each field present in the package that `map` does not carry,
 * and about record types the target does not carry at all.
 */
export function reportUncarried(pkg: DataPackage, map: FieldMap, target: TargetName, notes: Notes): void {
  const { organisations: _o, facilities: _f, indicators: _i, observations: _b, meetings: _m, ...header } = pkg;
  const headerCarried = new Set((map.package ?? []).filter((m) => m.target !== undefined).map((m) => m.field));
  // `$schema` and `phxVersion` name the file format itself, not data a target could lose.
  for (const field of Object.keys(header).filter((f) => f !== '$schema' && f !== 'phxVersion')) {
    if (header[field as keyof typeof header] !== undefined && !headerCarried.has(field)) {
      notes.warn('field-not-carried', { target, field: `package.${field}` }, undefined, `package.${field}`);
    }
  }
  for (const type of recordTypeNames) {
    const { collection, key } = recordTypes[type];
    const records = (pkg[collection] ?? []) as Loose[];
    if (records.length === 0) continue;
    const mappings = map[type];
    if (!mappings) {
      for (const record of records) notes.warn('record-not-carried', { target, recordType: type }, { record: String(record[key]) }, type);
      continue;
    }
    const carried = new Set(mappings.filter((m) => m.target !== undefined).map((m) => m.field));
    const mapped = new Set(mappings.map((m) => m.field));
    for (const record of records) {
      for (const field of presentFields(record, mapped)) {
        if (!carried.has(field)) notes.warn('field-not-carried', { target, field: `${type}.${field}` }, { record: String(record[key]) }, `${type}.${field}`);
      }
    }
  }
}
