/**
 * What an exporter or importer tells about the data it could not take along: warnings grouped by code, field
 * and params (one line for 29 observations whose data source a target has no place for, not 29 lines), and
 * errors about input it could not read. Libraries return these as data (code and params, with the message in
 * English); faces render them in their user's language with `formatNote`.
 */
import type { NoteCode, NoteParams } from './codes.js';
import { en } from './locales/en.js';

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
 * What the examples of a note are: record ids (`record`), rows of a CSV input, by the line where each starts (`row`), or JSON Pointers
 * into it (`pointer`).
 *
 * @example
 * ```ts
 * const kind: ExampleKind = 'row';
 * ```
 */
export type ExampleKind = 'record' | 'row' | 'pointer';

/**
 * One note of an export or an import: a stable code (e.g. `field-not-carried` or `dhis2.unmapped-indicator`), the
 * params of its message (narrowed by the code), the message in English, and the records it concerns.
 *
 * @example
 * ```ts
 * import { exportPackage, formatNote, type InteropNote } from '@phx/interop';
 * const notes: InteropNote[] = exportPackage(pkg, 'sdmx-csv').notes;
 * for (const note of notes) console.warn(`${note.code}: ${formatNote(note, 'fr')} (${note.count})`);
 * const fields = notes.flatMap((note) => (note.code === 'field-not-carried' ? [note.params.field] : []));
 * ```
 */
export type InteropNote<Code extends NoteCode = NoteCode> = {
  [C in Code]: {
    code: C;
    params: NoteParams[C];
    severity: InteropSeverity;
    /** What happened, in English. */
    message: string;
    /** The PHX field concerned, as a dotted path with its record type (`observation.methodNote`), when there is one. */
    field?: string;
    /** How many records (or rows, or entries) the note concerns. */
    count: number;
    /** The first few of them, as `exampleKind` says. */
    examples: string[];
    /** What the examples are; absent when there are none. */
    exampleKind?: ExampleKind;
  };
}[Code];

/**
 * Where a note is: a record (by id), a row of a CSV input (by the line of the file where it starts, from 1, blank
 * lines and the lines of a cell holding line breaks counted), or a JSON Pointer into the input.
 */
export type At = { record: string } | { row: number } | { pointer: string };

/** How many examples a grouped note keeps. */
const EXAMPLES = 5;

/** Collects notes, grouping repeated ones by code, field and params. */
export class Notes {
  readonly #byKey = new Map<string, InteropNote>();

  /** Adds one occurrence of a note about `at` (a record, a row, an entry). */
  add<Code extends NoteCode>(code: Code, severity: InteropSeverity, params: NoteParams[Code], at?: At, field?: string): void {
    const key = `${code}\u0000${field ?? ''}\u0000${JSON.stringify(params)}`;
    let note = this.#byKey.get(key);
    if (!note) {
      note = { code, severity, params, message: en.notes[code](params as never), ...(field === undefined ? {} : { field }), count: 0, examples: [] } as InteropNote;
      this.#byKey.set(key, note);
    }
    note.count += 1;
    if (at === undefined) return;
    const [kind, value] = Object.entries(at)[0] as [ExampleKind, string | number];
    note.exampleKind ??= kind;
    if (note.examples.length < EXAMPLES && !note.examples.includes(String(value))) note.examples.push(String(value));
  }

  /** Adds a warning. */
  warn<Code extends NoteCode>(code: Code, params: NoteParams[Code], at?: At, field?: string): void {
    this.add(code, 'warning', params, at, field);
  }

  /** Adds an error. */
  error<Code extends NoteCode>(code: Code, params: NoteParams[Code], at?: At, field?: string): void {
    this.add(code, 'error', params, at, field);
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

/** A single error note, for input that cannot be read at all. */
export function failure<Code extends NoteCode>(code: Code, params: NoteParams[Code]): InteropNote[] {
  const notes = new Notes();
  notes.error(code, params);
  return notes.list();
}
