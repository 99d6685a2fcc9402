import type { MiddlewareHandler } from 'hono';
import { readJsonDocument, readText } from '@phx/schema';
import { limitRecords } from '../hub/count.js';
import { invalid, type Findings } from '../hub/issues.js';
import type { HubContext, HubEnv } from './context.js';
import { localeOf } from './context.js';
import { Problem } from './problem.js';

/** Keys that would reach an object's prototype when a body is merged or copied. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A quick look for those keys in the text; a match is confirmed on the parsed value. */
const PROTOTYPE_KEY_TEXT = /"(?:__proto__|constructor|prototype)"\s*:/;

/** The methods whose bodies the hub reads. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Refuses a body sent in a content coding (`Content-Encoding: gzip`, `br`, …): the hub decodes none, so it would
 * read the compressed bytes as the data. 415 with `Accept-Encoding: identity` (RFC 9110 §15.5.16, §12.5.3), before
 * the body is read.
 */
export function refuseContentCoding(): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const codings = (c.req.header('Content-Encoding') ?? '')
      .split(',')
      .map((coding) => coding.trim().toLowerCase())
      .filter((coding) => coding !== '' && coding !== 'identity');
    if (codings.length > 0 && BODY_METHODS.has(c.req.method)) {
      throw new Problem(
        'unsupported-media-type',
        `The body is sent with Content-Encoding: ${codings.join(', ')}, which this hub does not decode; send it uncompressed.`,
        {},
        { 'Accept-Encoding': 'identity' },
      );
    }
    await next();
  };
}

/** Refuses a body that cannot be read: 400 when it is not JSON at all, 422 with the issues phx validate gives otherwise. */
function refuse(findings: Findings): never {
  const notJson = findings.issues.find((issue) => issue.code === 'syntax.invalid-json' || issue.code === 'file.empty');
  if (notJson) throw new Problem('bad-request', `The body is not valid JSON: ${notJson.message}`);
  throw invalid(findings, 'The body');
}

/** The first key of a prototype's name anywhere in a parsed value, or undefined (iterative: depth is bounded already). */
function prototypeKeyIn(value: unknown): string | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object') continue;
    for (const key of Object.keys(item)) {
      if (PROTOTYPE_KEYS.has(key)) return key;
      stack.push((item as Record<string, unknown>)[key]);
    }
  }
  return undefined;
}

/** U+0000 as JSON writes it (a raw one is not JSON); a match is confirmed on the parsed value. */
const NUL_TEXT = /\\u0000/i;

/**
 * The JSON Pointer of the first text (or key) holding U+0000 in a parsed value, or undefined. No text the hub
 * stores holds it — PostgreSQL cannot store it in a column, and XML formats it exports cannot write it — so it is
 * refused on every engine alike.
 */
export function nulIn(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, pointer] = stack.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return pointer;
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    for (const key of Object.keys(item)) {
      const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (key.includes('\u0000')) return at;
      stack.push([(item as Record<string, unknown>)[key], at]);
    }
  }
  return undefined;
}

/** Refuses data holding U+0000 (400): `what` is where it was sent, e.g. "The body". */
export function refuseNul(value: unknown, what: string, checked = true): void {
  const pointer = checked ? nulIn(value) : undefined;
  if (pointer !== undefined) {
    throw new Problem('bad-request', `${what} holds the character U+0000 at ${pointer === '' ? 'its top' : pointer}; no text of PHX data holds it, and the hub refuses it.`);
  }
}

/**
 * Reads a JSON body the way `phx validate` reads a file (@phx/schema's `readText` and `readJsonDocument`): UTF-8
 * or 422 with `syntax.invalid-encoding`, nested at most DEFAULT_MAX_DEPTH levels or 422 with `syntax.too-deep`,
 * each key once in its object (a record's too) or 422 with `syntax.duplicate-key`, JSON or 400; no key named `__proto__`,
 * `constructor` or `prototype` (400), which would reach into objects when bodies are merged; and no text holding
 * U+0000 (400, see {@link nulIn}).
 */
export function readJson(c: HubContext, ...mediaTypes: string[]): Promise<{ text: string; value: unknown }> {
  return readBody(c, mediaTypes);
}

/** Reads a package body as {@link readJson} does, after counting its records: more than `maxRecords` is 413 before it is parsed. */
export function readPackage(c: HubContext, maxRecords: number): Promise<{ text: string; value: unknown }> {
  return readBody(c, ['application/json'], maxRecords);
}

async function readBody(c: HubContext, mediaTypes: string[], maxRecords?: number): Promise<{ text: string; value: unknown }> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!mediaTypes.includes(type)) {
    // A PATCH names the patch formats it takes (RFC 5789 §2.2).
    const accepted: Record<string, string> = c.req.method === 'PATCH' ? { 'Accept-Patch': mediaTypes.join(', ') } : {};
    throw new Problem('unsupported-media-type', `Send the body as ${mediaTypes.join(' or ')}.`, {}, accepted);
  }
  const locale = localeOf(c);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (maxRecords !== undefined) limitRecords(bytes, maxRecords, 'The package');
  const decoded = readText(bytes, { locale });
  const text = decoded.data;
  if (text === undefined) refuse(decoded);
  const parsed = readJsonDocument(text, { locale });
  const value = parsed.data;
  // JSON the hub would misread is refused too: a key written twice, whose first value JSON.parse drops.
  if (value === undefined || !parsed.ok) refuse(parsed);
  const key = PROTOTYPE_KEY_TEXT.test(text) ? prototypeKeyIn(value) : undefined;
  if (key !== undefined) throw new Problem('bad-request', `The body has a key named "${key}"; PHX data has no such field, and the hub refuses it.`);
  refuseNul(value, 'The body', NUL_TEXT.test(text));
  return { text, value };
}
