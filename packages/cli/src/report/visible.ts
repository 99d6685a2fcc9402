/**
 * Characters a terminal does not show as themselves: C0 and C1 controls (a NUL, a line break, an escape that moves
 * the cursor or recolours the screen) and the marks that reorder the text around them (bidirectional overrides).
 */
// eslint-disable-next-line no-control-regex -- the control characters are what is written by their code
const unseen = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A text from the data as phx prints it on a terminal: each character a terminal would not show as itself written
 * as its code (`no\u0000tes`), so that a value quoted in a message can neither hide a character nor act on the
 * terminal. The JSON and SARIF reports keep the text as it is.
 */
export function visible(text: string): string {
  return text.replace(unseen, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
