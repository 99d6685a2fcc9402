/**
 * What an exporter or importer tells about the data it could not take along: warnings grouped by code and
 * field (one line for 29 observations whose data source a target has no place for, not 29 lines), and
 * errors about input it could not read. Libraries return these as data; faces render them.
 */

/**
 * How serious a note is: an `error` stops an import (the input cannot be read as the target's format);
 * a `warning` says that something was left behind and why.
 *
 * @example
 * ```ts
 * const severity: InteropSeverity = 'warning';
 * ```
 */
export type InteropSeverity = 'error' | 'warning';

/**
 * One note of an export or an import: a stable code, an English message, and the records it concerns.
 *
 * @example
 * ```ts
 * const { warnings } = exportPackage(pkg, 'sdmx-csv');
 * for (const warning of warnings) console.warn(`${warning.code}: ${warning.message} (${warning.count})`);
 * // field-not-carried: SDMX-CSV has no place for observation.methodNote (3)
 * ```
 */
export interface InteropNote {
  /** Stable code, e.g. `field-not-carried` or `dhis2.unmapped-indicator`. */
  code: string;
  severity: InteropSeverity;
  /** What happened, in English. */
  message: string;
  /** The PHX field concerned, as a dotted path with its record type (`observation.methodNote`), when there is one. */
  field?: string;
  /** How many records (or rows, or entries) the note concerns. */
  count: number;
  /** The first few of them: record ids, row numbers or JSON pointers. */
  examples: string[];
}

/** How many examples a grouped note keeps. */
const EXAMPLES = 5;

/** Collects notes, grouping repeated ones by code, field and message. */
export class Notes {
  readonly #byKey = new Map<string, InteropNote>();

  /** Adds one occurrence of a note about `where` (a record id, a row, a pointer). */
  add(code: string, severity: InteropSeverity, message: string, where?: string, field?: string): void {
    const key = `${code}\u0000${field ?? ''}\u0000${message}`;
    let note = this.#byKey.get(key);
    if (!note) {
      note = { code, severity, message, ...(field === undefined ? {} : { field }), count: 0, examples: [] };
      this.#byKey.set(key, note);
    }
    note.count += 1;
    if (where !== undefined && note.examples.length < EXAMPLES && !note.examples.includes(where)) note.examples.push(where);
  }

  /** Adds a warning. */
  warn(code: string, message: string, where?: string, field?: string): void {
    this.add(code, 'warning', message, where, field);
  }

  /** Adds an error. */
  error(code: string, message: string, where?: string, field?: string): void {
    this.add(code, 'error', message, where, field);
  }

  /** Whether an error was added. */
  get failed(): boolean {
    for (const note of this.#byKey.values()) if (note.severity === 'error') return true;
    return false;
  }

  /** The notes, errors first, in the order they were first added. */
  list(): InteropNote[] {
    const notes = [...this.#byKey.values()];
    return [...notes.filter((n) => n.severity === 'error'), ...notes.filter((n) => n.severity === 'warning')];
  }
}
