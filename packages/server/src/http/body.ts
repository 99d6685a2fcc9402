import { DEFAULT_MAX_DEPTH, LineIndex, makeIssue, offsetBeyondDepth, type Locale, type Problem as DataProblem, type ValidationIssue } from '@phx/schema';
import { rejectInvalid } from '../hub/issues.js';
import type { HubContext } from './context.js';
import { localeOf } from './context.js';
import { Problem } from './problem.js';

/** Keys that would reach an object's prototype when a body is merged or copied. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A quick look for those keys in the text; a match is confirmed on the parsed value. */
const PROTOTYPE_KEY_TEXT = /"(?:__proto__|constructor|prototype)"\s*:/;

/** An issue about the body's text as a whole, at a line and column, as `phx validate` reports it. */
function textIssue(problem: DataProblem, locale: Locale, location?: { line: number; column: number }): ValidationIssue {
  return { ...makeIssue(problem, locale), ...(location ? { location } : {}) };
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

/**
 * Reads a JSON body the way `phx validate` reads a file: UTF-8 or 422 with `syntax.invalid-encoding`,
 * nested at most DEFAULT_MAX_DEPTH levels or 422 with `syntax.too-deep`, JSON or 400; and no key named
 * `__proto__`, `constructor` or `prototype` (400), which would reach into objects when bodies are merged.
 */
export async function readJson(c: HubContext, ...mediaTypes: string[]): Promise<{ text: string; value: unknown }> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!mediaTypes.includes(type)) throw new Problem(415, 'unsupported-media-type', `Send the body as ${mediaTypes.join(' or ')}.`);
  const locale = localeOf(c);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    rejectInvalid([textIssue({ code: 'syntax.invalid-encoding', path: [], params: { encoding: null } }, locale)], 'The body');
    throw error;
  }
  const deep = offsetBeyondDepth(text, DEFAULT_MAX_DEPTH);
  if (deep >= 0) rejectInvalid([textIssue({ code: 'syntax.too-deep', path: [], params: { maxDepth: DEFAULT_MAX_DEPTH } }, locale, new LineIndex(text).locate(deep))], 'The body');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Problem(400, 'bad-request', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const key = PROTOTYPE_KEY_TEXT.test(text) ? prototypeKeyIn(value) : undefined;
  if (key !== undefined) throw new Problem(400, 'bad-request', `The body has a key named "${key}"; PHX data has no such field, and the hub refuses it.`);
  return { text, value };
}
