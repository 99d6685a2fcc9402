import type { Problem, TextLocation } from '../validate/issue.js';
import { LineIndex } from '../validate/locate.js';

/**
 * A text encoding that is not UTF-8 but that PHX recognises, to name it when a file is saved in it:
 * UTF-16 (what Excel's "Unicode text" writes), Windows-1251 (Cyrillic) and Windows-1252 (Western European),
 * the legacy code pages of Excel in Russian, Ukrainian, French and Spanish locales.
 *
 * @example
 * ```ts
 * const encoding: RecognisedEncoding = 'windows-1251';
 * const issue = validateCsv(bytes).issues.find((found) => found.code === 'syntax.invalid-encoding');
 * if (issue?.params.encoding === encoding) console.log('saved in the Cyrillic code page; save it as CSV UTF-8');
 * ```
 */
export type RecognisedEncoding = 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';

/** Bytes looked at to tell UTF-16 without a byte order mark. */
const UTF16_SAMPLE = 1024;

/**
 * UTF-16 from its byte order mark, or from the zero bytes that every other byte of mostly-ASCII
 * UTF-16 text is. Zero bytes are valid UTF-8, so this is told before decoding.
 */
export function utf16Of(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const length = Math.min(head.length, UTF16_SAMPLE) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  // Text is never mostly zero bytes; a little-endian code unit of ASCII has its zero second.
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return undefined;
}

/** Letters of Windows-1252 above ASCII: Š Œ Ž š œ ž Ÿ and À–ÿ without × and ÷. */
function isWindows1252Letter(byte: number): boolean {
  return byte === 0x8a || byte === 0x8c || byte === 0x8e || byte === 0x9a || byte === 0x9c || byte === 0x9e || byte === 0x9f || (byte >= 0xc0 && byte !== 0xd7 && byte !== 0xf7);
}

/** Other characters of Windows-1252 above ASCII: the typographic quotes, dashes and ellipsis Excel's autocorrect types, « », €, °, ×. */
function isWindows1252Symbol(byte: number): boolean {
  return (byte < 0xc0 && byte !== 0x81 && byte !== 0x8d && byte !== 0x8f && byte !== 0x90 && byte !== 0x9d && !isWindows1252Letter(byte)) || byte === 0xd7 || byte === 0xf7;
}

/** Cyrillic letters of Windows-1251: А–я, Ё ё, and the Ukrainian Є є І і Ї ї Ґ ґ. */
function isWindows1251Letter(byte: number): boolean {
  return byte >= 0xc0 || byte === 0xa8 || byte === 0xb8 || byte === 0xaa || byte === 0xba || byte === 0xb2 || byte === 0xb3 || byte === 0xaf || byte === 0xbf || byte === 0xa5 || byte === 0xb4;
}

/**
 * The legacy code page that bytes which are not UTF-8 are most likely written in, or undefined when
 * they do not look like text. Cyrillic words are runs of bytes above 0xBF; accented Latin letters
 * stand alone between ASCII ones.
 */
export function legacyEncodingOf(bytes: Uint8Array): 'windows-1251' | 'windows-1252' | undefined {
  let high = 0;
  let inCyrillicRuns = 0;
  let latin = 0;
  let run = 0;
  let controls = 0;
  const closeRun = (): void => {
    if (run >= 3) inCyrillicRuns += run;
    run = 0;
  };
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
    if (byte < 0x80) {
      closeRun();
      continue;
    }
    high++;
    if (isWindows1252Letter(byte) || isWindows1252Symbol(byte)) latin++;
    if (isWindows1251Letter(byte)) run++;
    else closeRun();
  }
  closeRun();
  // Binary data, not text in another code page.
  if (high === 0 || controls > bytes.length / 100) return undefined;
  if (inCyrillicRuns >= high * 0.5) return 'windows-1251';
  if (latin === high) return 'windows-1252';
  return undefined;
}

/**
 * Default largest file read as one document (a `.phx.json` or CSV file): 500 MiB, a little under the
 * longest string a JavaScript engine holds.
 *
 * @example
 * ```ts
 * await validateFile(source, { name: file.name, maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES / 10 });
 * ```
 */
export const DEFAULT_MAX_DOCUMENT_BYTES = 500 * 1024 * 1024;

/**
 * Bytes decoded as UTF-8 text (a byte order mark dropped), or the problem that stopped it: bytes that
 * are not UTF-8, placed at the first bad byte's line and column, with the text `before` it, or a text too long
 * for one string.
 */
export type Decoded = { text: string } | { problem: Problem; at?: TextLocation; before?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 bytes whole; never throws. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const utf16 = utf16Of(bytes);
  if (utf16) return { problem: { code: 'syntax.invalid-encoding', path: [], params: { encoding: utf16 } }, at: { line: 1, column: 1 } };
  try {
    return { text: utf8.decode(bytes) };
  } catch (error) {
    if (error instanceof RangeError) return { problem: { code: 'file.too-large', path: [], params: { maxBytes: DEFAULT_MAX_DOCUMENT_BYTES } } };
  }
  const text = utf8.decode(bytes.subarray(0, firstInvalidUtf8(bytes)));
  const before = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problem: Problem = { code: 'syntax.invalid-encoding', path: [], params: { encoding: legacyEncodingOf(bytes) ?? null } };
  return { problem, at: new LineIndex(before).locate(before.length), before };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}
