import { recordTypeNames, recordTypes } from '@phx/schema';
import { Problem } from '../http/problem.js';

const collections = new Set<string>(recordTypeNames.map((type) => recordTypes[type].collection));
const decoder = new TextDecoder();

/** The value of a JSON string whose quotes are at `open` and `close`, or undefined when it is not one. */
function stringAt(bytes: Uint8Array, open: number, close: number): string | undefined {
  try {
    return JSON.parse(decoder.decode(bytes.subarray(open, close + 1))) as string;
  } catch {
    return undefined;
  }
}

/**
 * The records in the collections (`observations`, `indicators`, …) of the package a JSON text holds,
 * counted on its UTF-8 bytes without parsing them: one pass, nothing held, so that a package too large
 * to import can be refused before it takes the memory its parsed records would. A collection given
 * twice counts as JSON.parse reads it, the last one. Text that is not a JSON object holds no records;
 * only the first value of the text is read (the first line of NDJSON).
 */
export function countRecords(bytes: Uint8Array): number {
  const counts = new Map<string, number>();
  let depth = 0;
  let inString = false;
  let stringStart = -1;
  let lastString: string | undefined;
  /** The collection whose value comes next, after its key and colon. */
  let pending: string | undefined;
  /** The collection whose array is being read, and whether an item comes next. */
  let counting: string | undefined;
  let expectItem = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === 0x5c /* \ */) i++;
      else if (b === 0x22 /* " */) {
        inString = false;
        // Only strings directly in the root object can be the key of a collection.
        if (depth === 1) lastString = stringAt(bytes, stringStart, i);
      }
      continue;
    }
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    if (depth === 0) {
      if (b === 0x7b /* { */) depth = 1;
      // A byte order mark may come first; anything else before the object means it is not one.
      else if (i > 2 || (b !== 0xef && b !== 0xbb && b !== 0xbf)) return 0;
      continue;
    }
    if (depth === 1) {
      if (b === 0x3a /* : */) {
        pending = lastString !== undefined && collections.has(lastString) ? lastString : undefined;
        continue;
      }
      if (pending !== undefined && b !== 0x2c /* , */) {
        // The collection's value replaces any earlier one of the same name; only an array holds records.
        counts.set(pending, 0);
        if (b === 0x5b /* [ */) [counting, expectItem] = [pending, true];
        pending = undefined;
      }
    }
    if (b === 0x2c) {
      if (depth === 2 && counting !== undefined) expectItem = true;
      continue;
    }
    if (b === 0x7d /* } */ || b === 0x5d /* ] */) {
      depth--;
      if (depth === 1) [counting, expectItem] = [undefined, false];
      if (depth === 0) break;
      continue;
    }
    if (depth === 2 && expectItem) {
      counts.set(counting!, counts.get(counting!)! + 1);
      expectItem = false;
    }
    if (b === 0x22) {
      inString = true;
      stringStart = i;
    } else if (b === 0x7b || b === 0x5b) depth++;
  }
  let count = 0;
  for (const n of counts.values()) count += n;
  return count;
}

/** Refuses (413) a package or file whose records, counted before it is parsed, exceed `maxRecords`. */
export function limitRecords(bytes: Uint8Array, maxRecords: number, what: string): void {
  const count = countRecords(bytes);
  if (count > maxRecords) {
    throw new Problem('payload-too-large', `${what} holds ${count} records; this hub reads at most ${maxRecords} at once. Split it into smaller packages.`);
  }
}
