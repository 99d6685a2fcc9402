import type { Locale } from '@phx/schema';
import { formatNote, noteExamples, type InteropNote } from '@phx/interop';
import { createColors } from 'picocolors';
import { stderrColor } from '../commands/context.js';
import { visible } from './visible.js';
import { reportWords } from './words.js';

/**
 * The notes an export or an import prints: with `--quiet`, its errors only — unless it writes nothing, as then its
 * warnings say why (each observation left out, each row not read), and the error alone would not.
 */
export function notesShown(notes: readonly InteropNote[], quiet: boolean, written: boolean): readonly InteropNote[] {
  return quiet && written ? notes.filter((note) => note.severity === 'error') : notes;
}

/**
 * Renders the notes of an export or an import, one line each, for standard error: the file it concerns, severity,
 * code, the field concerned, the message in the user's language, and the records, rows or entries it concerns.
 */
export function renderNotes(notes: readonly InteropNote[], fileOf: (note: InteropNote) => string, locale: Locale): string[] {
  const c = createColors(stderrColor());
  const words = reportWords[locale].severity;
  // Both words padded to one width, so that the codes line up.
  const width = Math.max(words.error.length, words.warning.length);
  return notes.map((note) => {
    const severity = note.severity === 'error' ? c.red(words.error.padEnd(width)) : c.yellow(words.warning.padEnd(width));
    const message = visible(formatNote(note, locale));
    // The field, unless a param of the message names it already (the field not carried, the record type): told by the
    // params, not by the words, so that every language shows the same columns.
    const field = note.field && !Object.values(note.params).includes(note.field) ? `  ${c.dim(note.field)}` : '';
    const examples = noteExamples(note, locale);
    return `${fileOf(note)}  ${severity}  ${c.cyan(note.code)}${field}  ${message}${examples ? ` (${visible(examples)})` : ''}`;
  });
}
