/**
 * Text in another encoding than UTF-8, read when an option names it: loaded only then, as most files are UTF-8.
 */

/**
 * The name of the encoding a label of the WHATWG Encoding Standard stands for (`cp1251` and `Windows-1251` are
 * `windows-1251`, `latin1` is `windows-1252`, `utf-16` is `utf-16le`), or undefined when the label names none
 * that text can be read in.
 *
 * @example
 * ```ts
 * textEncodingOf('CP1251'); // 'windows-1251'
 * textEncodingOf('utf8'); // 'utf-8'
 * textEncodingOf('ebcdic'); // undefined
 * ```
 */
export function textEncodingOf(label: string): string | undefined {
  let encoding: string;
  try {
    encoding = new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
  // The standard maps some encodings (ISO-2022-KR and the like) to one that decodes any bytes to U+FFFD.
  return encoding === 'replacement' ? undefined : encoding;
}

/** The encoding a label given as an option names (UTF-8 when none is given): a `RangeError` when it names none. */
export function encodingOption(label: string | undefined): string {
  const encoding = label === undefined ? 'utf-8' : textEncodingOf(label);
  if (encoding === undefined) throw new RangeError(`${JSON.stringify(label)} names no text encoding`);
  return encoding;
}

/**
 * Whether a text file whose first bytes are `head` is read in `encoding` rather than as UTF-8: not when it starts
 * as UTF-8 (see {@link looksUtf8}), so that a file saved again as CSV UTF-8 is not garbled.
 */
export function readsIn(encoding: string, head: Uint8Array): boolean {
  return encoding !== 'utf-8' && !looksUtf8(head);
}

/**
 * Whether the start of a file says it is UTF-8 whatever else it is said to be: a UTF-8 byte order mark, or bytes
 * beyond ASCII that are all well-formed UTF-8 (a sequence cut by the end of `head` allowed). Text in another
 * encoding with letters beyond ASCII is almost never well-formed UTF-8.
 */
export function looksUtf8(head: Uint8Array): boolean {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return true;
  if (!head.some((byte) => byte >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
