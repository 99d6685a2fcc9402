/**
 * What the generated shape checks (../generated/shape-checks.ts) call besides plain comparisons: the parts
 * of zod's string checks that are more than a pattern, written to give zod's answer.
 */
import { forgetWith } from './remembered.js';

const highSurrogate = /[\uD800-\uDBFF]/;

/** The length of a string in code points, as zod measures `min` and `max`: a surrogate pair counts once. */
export function codePointLength(text: string): number {
  if (!highSurrogate.test(text)) return text.length;
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/**
 * A pattern that remembers the last text it accepted, and accepts it again without matching: see
 * `scripts/shape-checks.ts`, which uses it for patterns that read a whole text. The text is forgotten when a
 * validation ends (`forgetTexts()`).
 */
export class RememberingPattern {
  #accepted: string | undefined;

  constructor(private readonly pattern: RegExp) {
    forgetWith(() => {
      this.#accepted = undefined;
    });
  }

  test(text: string): boolean {
    if (text === this.#accepted) return true;
    if (!this.pattern.test(text)) return false;
    this.#accepted = text;
    return true;
  }
}

/** zod accepts the URL as it is. */
export const URL_VALID = 0;
/** zod rejects the URL. */
export const URL_INVALID = 1;
/** zod would trim the URL or drop tabs and newlines from it before deciding: only zod can say. */
export const URL_UNSURE = 2;

const tabOrNewline = /[\t\n\r]/;
const httpStart = /^https?:\/\//i;

/**
 * What zod's `z.url({ protocol })` makes of a string: accepted unchanged, rejected, or changed (trimmed).
 * `httpGuard`: zod's check that an http(s) URL is written with `://` (when the protocol is `^https?$`).
 */
export function urlState(value: string, protocol: RegExp, httpGuard: boolean): typeof URL_VALID | typeof URL_INVALID | typeof URL_UNSURE {
  if (value.trim() !== value || tabOrNewline.test(value)) return URL_UNSURE;
  if (httpGuard && !httpStart.test(value)) return URL_INVALID;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return URL_INVALID;
  }
  const scheme = url.protocol.endsWith(':') ? url.protocol.slice(0, -1) : url.protocol;
  protocol.lastIndex = 0;
  return protocol.test(scheme) ? URL_VALID : URL_INVALID;
}
