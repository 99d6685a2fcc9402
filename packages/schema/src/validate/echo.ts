/** Longest text a message echoes whole; a longer one is cut, with an ellipsis. */
const ECHOED_TEXT = 60;

/** A text as a message echoes it: whole up to {@link ECHOED_TEXT} characters, else cut with an ellipsis. */
export function shortened(text: string): string {
  return text.length > ECHOED_TEXT ? `${text.slice(0, ECHOED_TEXT - 1)}…` : text;
}
