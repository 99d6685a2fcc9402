import type { Request, Send } from './transport.js';

type Json = null | boolean | number | string | Json[] | { [name: string]: Json };

/** Whether two JSON values are equal (objects compared by their fields, in any order). */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const left = Object.entries(a as Record<string, unknown>);
  return left.length === Object.keys(b).length && left.every(([name, value]) => Object.hasOwn(b, name) && equal(value, (b as Record<string, unknown>)[name]));
}

/** Applies an RFC 7396 JSON Merge Patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, Json>) } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    else result[name] = mergePatch(result[name], value);
  }
  return result;
}

/**
 * After a change was retried and refused — 412 for PUT or PATCH, 404 for DELETE — an earlier attempt
 * may have been stored while its answer was lost. Reads the record: when it holds what was sent (or,
 * for a delete, is gone), returns it as the answer of the change. What was sent is the request's JSON
 * body as the hub read it, so that a field the caller set to `undefined` (which JSON leaves out) is no field.
 */
export async function changeIsStored(
  send: Send,
  request: Request,
  method: 'put' | 'patch' | 'delete',
  refusal: Response,
): Promise<{ body: unknown; response: Response } | undefined> {
  const expected = method === 'delete' ? 404 : 412;
  if (refusal.status !== expected) return undefined;
  const { response } = await send({ method: 'get', path: request.path, headers: {}, ...(request.signal ? { signal: request.signal } : {}) });
  if (method === 'delete') return response.status === 404 ? { body: undefined, response: new Response(null, { status: 204 }) } : undefined;
  if (!response.ok || typeof request.body !== 'string') return undefined;
  const sent: unknown = JSON.parse(request.body);
  const stored: unknown = await response.clone().json();
  const mine = method === 'put' ? equal(stored, sent) : equal(mergePatch(stored, sent), stored);
  return mine ? { body: stored, response } : undefined;
}
