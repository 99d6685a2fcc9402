/**
 * A package's records: gathered into their arrays, listed by type, written as NDJSON lines. Apart from ./convert.ts,
 * whose NDJSON reader brings the messages of every language: validating a stream keeps its records with these.
 */
import { packageHeaderOf, recordStores, recordTypeNames, type RecordType } from '../model/record-kinds.js';

/**
 * The lines of a DataPackage as NDJSON (without line ends): the header first
 * (`{"type":"package", ...}`), then each record with its `type`, in the order of the package.
 *
 * @example
 * ```ts
 * import { toNdjsonLines } from '@phx/schema';
 * const text = [...toNdjsonLines(pkg)].join('\n') + '\n';
 * ```
 */
export function* toNdjsonLines(pkg: Record<string, unknown>): Generator<string> {
  const header = packageHeaderOf(pkg);
  if (Object.keys(header).length > 0) yield JSON.stringify({ type: 'package', ...header });
  for (const type of recordTypeNames) {
    const records = pkg[recordStores[type].collection];
    if (!Array.isArray(records)) continue;
    for (const record of records) yield JSON.stringify({ type, ...(record as object) });
  }
}

/**
 * Gathers records into a DataPackage: the header's fields first, then each record in the array
 * of its type (`observations`, ...), in the order added.
 *
 * @example
 * ```ts
 * import { PackageBuilder } from '@phx/schema';
 * const builder = new PackageBuilder();
 * builder.add('package', { phxVersion: '1.0', id: 'pkg-1', publisher: { id: 'ZM-PACRA-120045', name: 'ZPRT' }, license: 'CC-BY-4.0', publishedAt: '2021-03-01T09:00:00Z' });
 * builder.add('observation', observation);
 * builder.build(); // { phxVersion: '1.0', id: 'pkg-1', publisher: …, observations: [observation] }
 * ```
 */
export class PackageBuilder {
  private header: Record<string, unknown> = {};
  private readonly records = new Map<RecordType, Record<string, unknown>[]>();

  /** Adds the package header (`package`) or a record of a type. */
  add(type: RecordType | 'package', record: Record<string, unknown>): void {
    if (type === 'package') {
      this.header = { ...record };
      return;
    }
    let list = this.records.get(type);
    if (!list) this.records.set(type, (list = []));
    list.push(record);
  }

  /** The package, with a record array for each type that has records. */
  build(): Record<string, unknown> {
    const pkg: Record<string, unknown> = { ...this.header };
    for (const type of recordTypeNames) {
      const list = this.records.get(type);
      if (list) pkg[recordStores[type].collection] = list;
    }
    return pkg;
  }
}

/**
 * The records of one type in a DataPackage.
 *
 * @example
 * ```ts
 * recordsOf(pkg, 'observation'); // pkg.observations ?? []
 * ```
 */
export function recordsOf(pkg: Record<string, unknown>, type: RecordType): Record<string, unknown>[] {
  const records = pkg[recordStores[type].collection];
  return Array.isArray(records) ? (records as Record<string, unknown>[]) : [];
}
