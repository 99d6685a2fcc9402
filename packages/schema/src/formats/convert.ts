import { locales, type Locale } from '../locales/index.js';
import { recordStores, type RecordType } from '../model/record-kinds.js';
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
