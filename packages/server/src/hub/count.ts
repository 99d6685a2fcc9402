import { countRecords, type FormatHints } from '@phx/schema';
import { Problem } from '../http/problem.js';

/**
 * Refuses (413) a package or file whose records, counted on its bytes before it is read, exceed
 * `maxRecords`. A body is a `.phx.json` package unless `hints` tell another format.
 */
export function limitRecords(bytes: Uint8Array, maxRecords: number, what: string, hints: FormatHints = { format: 'json' }): void {
  const count = countRecords(bytes, hints);
  if (count !== undefined && count > maxRecords) tooManyRecords(count, maxRecords, what);
}

/** The 413 of a package or file with more records than the hub reads at once. */
export function tooManyRecords(count: number, maxRecords: number, what: string): never {
  throw new Problem('payload-too-large', `${what} holds ${count} records; this hub reads at most ${maxRecords} at once. Split it into smaller packages.`);
}
