import { locales, type Locale } from '../locales/index.js';
import { packageHeaderOf, recordStores, recordTypeNames, type RecordType } from '../model/record-kinds.js';
import type { Problem, ValidationIssue } from '../validate/issue.js';
import { jsonPlaces } from '../validate/json-places.js';
import { mayRepeatKeys, offsetBeyondDepth } from '../validate/locate.js';
import { DEFAULT_MAX_DEPTH, IssueCollector, repeatedKey, unparsable } from '../validate/validate.js';
import { DEFAULT_MAX_LINE_BYTES, readLines, type ChunkSource } from './lines.js';

/**
 * One record of an NDJSON file: its line, its type (or `package` for the header) and its fields without `type`.
 *
 * @example
 * ```ts
 * for await (const entry of readNdjson(file.stream())) {
 *   if ('issue' in entry) continue;
 *   const { line, type, record }: NdjsonRecord = entry;
 *   if (type === 'organisation') console.log(`line ${line}: ${String(record.id)}`); // line 2: ZM-PACRA-120045
 * }
 * ```
 */
export interface NdjsonRecord {
  line: number;
  type: RecordType | 'package';
  record: Record<string, unknown>;
}

/**
 * Options of {@link readNdjson}.
 *
 * @example
 * ```ts
 * const options: ReadNdjsonOptions = { locale: 'ru', maxLineBytes: 1024 * 1024 };
 * for await (const entry of readNdjson(file.stream(), options)) if ('issue' in entry) console.error(entry.issue.message);
 * ```
 */
export interface ReadNdjsonOptions {
  /**
   * Language of the messages.
   * @default 'en'
   */
  locale?: Locale;
  /**
   * Longest line accepted, in bytes.
   * @default 16 MiB
   */
  maxLineBytes?: number;
  /**
   * Deepest nesting accepted.
   * @default 100
   */
  maxDepth?: number;
}

/**
 * Reads an NDJSON stream (`*.phx.ndjson`) into records, one at a time, in constant memory. A line
 * that cannot be read (not JSON, not UTF-8, too long, no known `type`) is yielded as an issue with
 * its line and column. It does not validate the records: use `validateNdjson` for that.
 *
 * @example
 * ```ts
 * import { readNdjson } from '@phx/schema';
 * const rows: unknown[] = [];
 * for await (const entry of readNdjson(file.stream())) {
 *   if ('issue' in entry) console.error(entry.issue.message);
 *   else if (entry.type === 'observation') rows.push(entry.record);
 * }
 * ```
 */
export async function* readNdjson(source: ChunkSource, options: ReadNdjsonOptions = {}): AsyncGenerator<NdjsonRecord | { issue: ValidationIssue }> {
  const collector = new IssueCollector({ locale: options.locale }, locales);
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const issue = (problem: Problem, line: number, column = 1): { issue: ValidationIssue } => {
    const made = collector.make(problem);
    made.location = { line, column };
    return { issue: made };
  };
  for await (const line of readLines(source, maxLineBytes)) {
    if ('problem' in line) {
      yield line.problem === 'too-long'
        ? issue({ code: 'syntax.line-too-long', path: [], params: { maxBytes: maxLineBytes } }, line.number)
        : issue({ code: 'syntax.invalid-encoding', path: [], params: { encoding: line.encoding ?? null } }, line.number);
      continue;
    }
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      const { problem, offset } = unparsable(line.text, error, maxDepth, jsonPlaces);
      yield issue(problem, line.number, offset + 1);
      continue;
    }
    // A key written twice in an object: JSON.parse kept only its last value.
    if (mayRepeatKeys(line.text, value) && offsetBeyondDepth(line.text, maxDepth) < 0) {
      for (const { path, offset } of jsonPlaces.repeatedKeys(line.text)) yield issue(repeatedKey(path, line.number), line.number, offset + 1);
    }
    const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    const type = object?.type;
    if (type !== 'package' && (typeof type !== 'string' || !Object.hasOwn(recordStores, type))) {
      yield issue({ code: 'ndjson.unknown-type', path: ['type'], params: { type: typeof type === 'string' ? type : null } }, line.number);
      continue;
    }
    const { type: _type, ...record } = object!;
    yield { line: line.number, type: type as RecordType | 'package', record };
  }
}

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
