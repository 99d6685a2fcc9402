import type { Locale } from '@phx/schema';
import { formatNote, noteExamples, type InteropNote } from '@phx/interop';
import { createColors } from 'picocolors';

/**
 * Renders the notes of an export or an import, one line each, for standard error: the file it concerns, severity,
 * code, the field concerned, the message in the user's language, and the records, rows or entries it concerns.
 */
export function renderNotes(notes: readonly InteropNote[], fileOf: (note: InteropNote) => string, locale: Locale): string[] {
  // Standard error is coloured on a terminal, as phx's own messages are.
  const c = createColors(process.stderr.isTTY === true && !('NO_COLOR' in process.env));
  return notes.map((note) => {
    const severity = note.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    const message = formatNote(note, locale);
    // The field, unless the message names it already.
    const field = note.field && !message.includes(note.field) ? `  ${c.dim(note.field)}` : '';
    const examples = noteExamples(note, locale);
    return `${fileOf(note)}  ${severity}  ${c.cyan(note.code)}${field}  ${message}${examples ? ` (${examples})` : ''}`;
  });
}
