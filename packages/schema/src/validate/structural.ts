import type { z } from 'zod';
import type { IssueCode } from './codes.js';

/** What PHX keeps of a zod issue: enough to re-render its message in any locale, never the input itself. */
const keptFields = ['expected', 'origin', 'minimum', 'maximum', 'inclusive', 'format', 'pattern', 'values'] as const;

const codeOfZod: Record<string, IssueCode> = {
  invalid_type: 'schema.invalid-type',
  invalid_value: 'schema.invalid-value',
  invalid_format: 'schema.invalid-format',
  too_small: 'schema.too-small',
  too_big: 'schema.too-big',
  invalid_key: 'schema.invalid-key',
  invalid_union: 'schema.invalid-union',
};

/** The JSON type name of a value, as zod names it. */
function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

/**
 * How a check of one record reports a problem: the keys under the record's path (joined to it only when a
 * problem is reported, since most records have none) and the params of its message.
 */
export type RecordReport = (code: IssueCode, keys: readonly (string | number)[], params: Record<string, unknown>) => void;

/**
 * A structural problem, ready to become a ValidationIssue: its code, where it is, and the params its message is
 * rendered from.
 *
 * @example
 * ```ts
 * const problem: StructuralProblem = { code: 'schema.required', path: ['dataElements', 0, 'dataElement'], params: { field: 'dataElement' } };
 * renderMessage(problem.code, problem.params, 'fr');
 * ```
 */
export interface StructuralProblem {
  code: IssueCode;
  path: (string | number)[];
  params: Record<string, unknown>;
}

/** Turns zod issues into PHX structural problems: one per unknown key, `schema.required` for missing fields. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], base: readonly (string | number)[] = []): StructuralProblem[] {
  const problems: StructuralProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ code: 'schema.unknown-field', path: [...path, key], params: { zodCode: issue.code, keys: [key] } });
      }
      continue;
    }
    const params: Record<string, unknown> = { zodCode: issue.code };
    for (const field of keptFields) {
      const value = (issue as unknown as Record<string, unknown>)[field];
      if (value === undefined) continue;
      params[field] = value instanceof RegExp ? value.source : typeof value === 'bigint' ? Number(value) : value;
    }
    if (Array.isArray(params.values) && params.values.length > 20) params.values = params.values.slice(0, 20);
    // Any other zod issue (the model raises none today) is still an invalid value, with zod's own message.
    let code = codeOfZod[issue.code] ?? 'schema.invalid-value';
    if (issue.code === 'invalid_type') params.received = typeName(issue.input);
    // zod reports a missing enum or literal as an invalid value: to a user it is a missing field all the same.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined && path.length > 0) {
      code = 'schema.required';
      params.field = path[path.length - 1];
    }
    problems.push({ code, path, params });
  }
  return problems;
}
