import { recordTypeNames, recordTypes } from '../model/records.js';
import { formatOfFile, type FileFormat } from './format.js';

/** What is known of a file besides its bytes: its name, and the format something else tells (a media type, an option). */
export interface FormatHints {
  /** The file's name: its ending tells the format. */
  name?: string;
  /** The format something else tells: it wins over the name. */
  format?: FileFormat;
}

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
 * counted on its UTF-8 bytes without parsing them. A collection given twice counts as JSON.parse reads
 * it, the last one. Text that is not a JSON object holds no records; only its first value is read.
 */
function jsonRecords(bytes: Uint8Array): number {
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

/** The value of the first line that is not blank, when it is a short JSON object; else undefined. */
function firstValue(bytes: Uint8Array, from: number, to: number): Record<string, unknown> | undefined {
  if (to - from > 64 * 1024) return undefined;
  try {
    const value = JSON.parse(decoder.decode(bytes.subarray(from, to))) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The records of an NDJSON text: its lines that are not blank, but for a package header on the first of them. */
function ndjsonRecords(bytes: Uint8Array): number {
  let count = 0;
  let start = 0;
  let blank = true;
  let first = true;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0x0a;
    if (b === 0x0a) {
      if (!blank) {
        if (!(first && firstValue(bytes, start, i)?.type === 'package')) count++;
        first = false;
      }
      [start, blank] = [i + 1, true];
    } else if (b !== 0x20 && b !== 0x09 && b !== 0x0d) blank = false;
  }
  return count;
}

/** Bytes after which a field starts: a line break or a separator (`,`, `;` as Excel writes in many locales, or tab). */
const FIELD_START = new Set([0x0a, 0x0d, 0x2c, 0x3b, 0x09]);

/**
 * The rows of a CSV text below its header: lines that are not empty, ended by a line feed, a carriage return
 * and line feed, or a carriage return alone, where a field that opens with a quote runs to its closing quote
 * (`""` inside it being a quote), line breaks included.
 */
function csvRows(bytes: Uint8Array): number {
  let rows = 0;
  let empty = true;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0x0a;
    if (b === 0x22 /* " */ && (i === 0 || FIELD_START.has(bytes[i - 1]!))) {
      // A quoted field: on to the quote that closes it.
      for (i++; i < bytes.length; i++) {
        if (bytes[i] !== 0x22) continue;
        if (bytes[i + 1] === 0x22) i++;
        else break;
      }
      // A field still open at the end ends the last row.
      i = Math.min(i, bytes.length - 1);
      empty = false;
      continue;
    }
    // A line feed ends a row, and so does a carriage return alone (Excel for Mac's "CSV (Macintosh)").
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      if (!empty) rows++;
      empty = true;
    } else if (b !== 0x0d) empty = false;
  }
  return Math.max(0, rows - 1);
}

/** Bytes looked at to tell a file's format, as {@link validateFile} does on its first chunk. */
const HEAD_BYTES = 64 * 1024;

/**
 * The records a file holds, counted on its bytes without reading them into records: one pass, nothing
 * held, so that a service can refuse a file with more records than it reads at once before the file
 * takes the memory its records would. The format is told as {@link validateFile} tells it. A
 * `.phx.json` package counts the items of its collections; a `.phx.ndjson` file its lines that are not
 * blank, but for the package header; a CSV table its rows below the header (a `sep=` line counts as
 * one). A workbook, or a file PHX does not read, gives `undefined`: its records are known only once it
 * is read (a workbook is measured before it is unpacked, against `maxDocumentBytes`).
 *
 * @example
 * ```ts
 * import { countRecords } from '@phx/schema';
 * const records = countRecords(new TextEncoder().encode('{"type":"observation","id":"o1"}\n'), { name: 'upload.phx.ndjson' });
 * if (records !== undefined && records > 200_000) console.error(`${records} records: split the file`);
 * ```
 */
export function countRecords(bytes: Uint8Array, hints: FormatHints = {}): number | undefined {
  switch (formatOfFile(bytes.subarray(0, HEAD_BYTES), hints)) {
    case 'json':
      return jsonRecords(bytes);
    case 'ndjson':
      return ndjsonRecords(bytes);
    case 'csv':
      return csvRows(bytes);
    default:
      return undefined;
  }
}
