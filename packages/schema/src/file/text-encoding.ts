/**
 * Text in another encoding than UTF-8, read when an option names it: loaded only then, as most files are UTF-8.
 */
import { concat } from '../formats/lines.js';
import type { Problem, TextLocation } from '../validate/issue.js';
import { legacyEncodingOf } from './encoding.js';

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

/** Turns the bytes of a text into UTF-8 as they come, a chunk at a time; `end` gives what it held back. */
export interface Transcoder {
  push(chunk: Uint8Array): Uint8Array;
  end(): Uint8Array;
}

/**
 * How a text file is read in an encoding other than UTF-8: that encoding, a new transcoder for each reading of it, and all
 * its bytes at once; `misread` when its letters look written in another code page PHX tells apart (Cyrillic read as
 * Western European), placed at the first word that reads wrong.
 */
export interface TextDecoding {
  encoding: string;
  transcoder: () => Transcoder;
  whole: (bytes: Uint8Array) => Uint8Array;
  misread?: Misreading;
}

/** A word read wrong: the warning that says so, where the word is in the text (line and character), and where its bytes start. */
export interface Misreading {
  problem: Problem<'syntax.encoding-mismatch'>;
  at: TextLocation;
  offset: number;
}

/**
 * How to read a text file named as written in `encoding`, whose first bytes are `head`; undefined to read it as UTF-8.
 * Its byte order mark wins (UTF-8 or UTF-16), then a start that is UTF-8 (its bytes beyond ASCII all well-formed UTF-8), so that a file saved
 * again as CSV UTF-8 is not garbled. Past its start, a line that is well-formed UTF-8 is read as UTF-8 as well (a file
 * whose first letters beyond ASCII come late, rows pasted from a UTF-8 file); UTF-16 has no lines to tell apart.
 * The file pipeline (`validateFile()` with `encoding`) reads text so; a program that shows a file's lines again reads
 * them the same way, from any line start, with the `encoding` the result's `read.encoding` names.
 *
 * @example
 * ```ts
 * const bytes = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xb3, 0xf2]); // «Привіт» in Windows-1251
 * const decoding = textDecoding('windows-1251', bytes.subarray(0, 64 * 1024));
 * const utf8 = decoding ? decoding.whole(bytes) : bytes;
 * new TextDecoder().decode(utf8); // 'Привіт'
 * ```
 */
export function textDecoding(encoding: string, head: Uint8Array): TextDecoding | undefined {
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) return decodingIn(utf16, () => streamTranscoder(utf16));
  if (encoding === 'utf-8' || looksUtf8(head)) return undefined;
  const decoding = decodingIn(encoding, () => (encoding.startsWith('utf-16') ? streamTranscoder(encoding) : lineTranscoder(encoding)));
  const misread = encoding === 'windows-1252' ? misreadingOf(encoding, head) : undefined;
  return misread ? { ...decoding, misread } : decoding;
}

/** Bytes that end a word of a text file: white space, the delimiters of CSV and the punctuation of JSON around a value. */
const WORD_ENDS = new Set([...' \t\r\n,;"{}[]:|'].map((c) => c.charCodeAt(0)));

/** The longest word quoted from a file read in the wrong code page, in bytes. */
const WORD_BYTES = 40;

/**
 * Whether the lines of `head` that are not UTF-8, read as Western European text, look Cyrillic (words of three letters
 * or more beyond ASCII, which no Western language writes): then the first word of them beyond ASCII, as `encoding`
 * reads it and as Windows-1251 does. Western text read as Cyrillic is not told: every such byte is a Cyrillic letter.
 */
function misreadingOf(encoding: 'windows-1252', head: Uint8Array): Misreading | undefined {
  const lines: { line: number; offset: number; bytes: Uint8Array }[] = [];
  for (let offset = 0, line = 1; offset < head.length; line++) {
    const feed = head.indexOf(10, offset);
    const end = feed < 0 ? head.length : feed + 1;
    const bytes = head.subarray(offset, end);
    if (!isUtf8(bytes)) lines.push({ line, offset, bytes });
    offset = end;
  }
  const looksLike = legacyEncodingOf(concat(lines.map((entry) => entry.bytes), lines.reduce((size, entry) => size + entry.bytes.length, 0)));
  if (looksLike !== 'windows-1251') return undefined;
  const { line, offset, bytes } = lines[0]!;
  const high = bytes.findIndex((byte) => byte >= 0x80);
  let start = high;
  while (start > 0 && high - start < WORD_BYTES && !WORD_ENDS.has(bytes[start - 1]!)) start--;
  let end = high;
  while (end < bytes.length && end - start < WORD_BYTES && !WORD_ENDS.has(bytes[end]!)) end++;
  const word = bytes.subarray(start, end);
  const params = { encoding, looksLike, read: lineDecoder(encoding)(word), meant: lineDecoder(looksLike)(word) };
  // One byte is one character in both code pages, so the byte's offset in its line is its column.
  return { problem: { code: 'syntax.encoding-mismatch', path: [], params }, at: { line, column: start + 1 }, offset: offset + start };
}

function decodingIn(encoding: string, transcoder: () => Transcoder): TextDecoding {
  const whole = (bytes: Uint8Array): Uint8Array => {
    const text = transcoder();
    const head = text.push(bytes);
    const tail = text.end();
    return concat([head, tail], head.length + tail.length);
  };
  return { encoding, transcoder, whole };
}

const utf8 = new TextEncoder();

function streamTranscoder(encoding: string): Transcoder {
  const decoder = new TextDecoder(encoding);
  return { push: (chunk) => utf8.encode(decoder.decode(chunk, { stream: true })), end: () => utf8.encode(decoder.decode()) };
}

/** One decoder for every line: a call that does not stream starts afresh, whatever the call before it threw. */
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the bytes of a line are ASCII or well-formed UTF-8. */
function isUtf8(line: Uint8Array): boolean {
  if (!line.some((byte) => byte >= 0x80)) return true;
  try {
    fatalUtf8.decode(line);
    return true;
  } catch {
    return false;
  }
}

/** What Windows-1252 writes at 0x80–0x9F: the typographic quotes, dashes, ellipsis and euro sign (five bytes it leaves undefined stay C1). */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * A decoder of single lines. Node 20 decodes Windows-1252 (and its labels `latin1`, `iso-8859-1`) as ISO-8859-1,
 * 0x80–0x9F as C1 controls where the Encoding Standard has ’ “ ” – — … €: those are put right here.
 */
function lineDecoder(encoding: string): (line: Uint8Array) => string {
  const decoder = new TextDecoder(encoding);
  if (encoding !== 'windows-1252') return (line) => decoder.decode(line);
  return (line) => decoder.decode(line).replace(/[\u0080-\u009f]/g, (c1) => WINDOWS_1252_C1[c1.charCodeAt(0) - 0x80]!);
}

/** Decodes each whole line of an encoding whose bytes of a line feed are a line feed, unless it is UTF-8 already. */
function lineTranscoder(encoding: string): Transcoder {
  const decode = lineDecoder(encoding);
  /** The bytes of a line not ended yet. */
  let pending: Uint8Array[] = [];
  const lines = (bytes: Uint8Array): Uint8Array => {
    const parts: Uint8Array[] = [];
    let size = 0;
    for (let start = 0; start < bytes.length; ) {
      const feed = bytes.indexOf(10, start);
      const end = feed < 0 ? bytes.length : feed + 1;
      const line = bytes.subarray(start, end);
      const part = isUtf8(line) ? line : utf8.encode(decode(line));
      parts.push(part);
      size += part.length;
      start = end;
    }
    return concat(parts, size);
  };
  const held = (tail: Uint8Array): Uint8Array => {
    const size = pending.reduce((sum, part) => sum + part.length, tail.length);
    const bytes = concat([...pending, tail], size);
    pending = [];
    return bytes;
  };
  return {
    push(chunk) {
      const last = chunk.lastIndexOf(10);
      if (last < 0) {
        pending.push(chunk.slice());
        return new Uint8Array(0);
      }
      const done = lines(held(chunk.subarray(0, last + 1)));
      pending.push(chunk.slice(last + 1));
      return done;
    },
    end: () => lines(held(new Uint8Array(0))),
  };
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
    // A decoder of its own: streaming, it keeps a sequence cut by the end of `head` for a next call.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
