import type { z } from 'zod';
import { shapeSchemas, type ShapeKind } from '../model/shapes.js';
import type { IssueCode } from './codes.js';
import { problemOf, type Problem } from './issue.js';
import type { DateTimeLack, IdOf, IssueParams, SpacesAround } from './params.js';
import { dateTime, LANGUAGE_TAG_PATTERN, NOT_BLANK_PATTERN, OPEN_CODE_PATTERN, ORGANISATION_ID_PATTERN, RECORD_ID_PATTERN, SPDX_ID_PATTERN, type TextForm } from '../model/common.js';
import { fieldOf, modelKeys } from './fields.js';
import { suggestionsFor } from './code-names.js';
import { licencesNear } from './licences.js';
import { suggestionsInList } from './suggestions.js';
import { shortened } from './echo.js';

/** What PHX keeps of a zod issue: enough to re-render its message in any locale, never the input itself. */
const keptFields = ['expected', 'origin', 'minimum', 'maximum', 'inclusive', 'format', 'pattern', 'values'] as const;

/** The structural codes, each from zod's own code of an issue. */
type ZodCode = Exclude<Extract<IssueCode, `schema.${string}`>, 'schema.required' | 'schema.unknown-field'>;
const codeOfZod: Record<string, ZodCode> = {
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
export type RecordReport = <C extends IssueCode>(code: C, keys: readonly (string | number)[], params: IssueParams[C]) => void;

/**
 * A structural problem, ready to become a ValidationIssue: a `schema.*` code, where it is, and what PHX keeps of
 * zod's issue to render its message in every locale.
 *
 * @example
 * ```ts
 * const problem: StructuralProblem = { code: 'schema.required', path: ['dataElements', 0, 'dataElement'], params: { zodCode: 'invalid_type', field: 'dataElement' } };
 * renderMessage(problem.code, problem.params, 'fr');
 * ```
 */
export type StructuralProblem = Problem<Extract<IssueCode, `schema.${string}`>>;

/** The value found, as a message echoes it: a text shortened, a number or a truth value; nothing for a list or an object. */
function echoOf(input: unknown): string | number | boolean | null | undefined {
  if (typeof input === 'string') return shortened(input);
  if (typeof input === 'number' || typeof input === 'boolean' || input === null) return input;
  return undefined;
}

/** The form a pattern of the model asks for, by the pattern as zod reports it (`/^…$/`). */
function formOfPattern(written: string): TextForm | undefined {
  const forms: [RegExp, TextForm][] = [
    [OPEN_CODE_PATTERN, 'code'], [LANGUAGE_TAG_PATTERN, 'language-tag'], [NOT_BLANK_PATTERN, 'text'],
    [ORGANISATION_ID_PATTERN, 'organisation-id'], [RECORD_ID_PATTERN, 'record-id'], [SPDX_ID_PATTERN, 'licence'],
  ];
  return forms.find(([regex]) => String(regex) === written)?.[1];
}

/** The form of text a zod issue asks for, when it asks for one. */
function formOf(issue: z.core.$ZodIssue, field: string | undefined, path: readonly (string | number)[]): TextForm | undefined {
  if (issue.code === 'invalid_format') {
    // An indicator's code is asked for with an indicator's code for example, not a focus area's.
    if (issue.format === 'regex') {
      const form = issue.pattern === undefined ? undefined : formOfPattern(String(issue.pattern));
      return form === 'code' && (field === 'indicator' || field === 'code') ? 'indicator-code' : form;
    }
    // Written as a date, with a month and a day that can be, but no such day: 2023-02-29, 2023-04-31.
    if (issue.format === 'date' && typeof issue.input === 'string' && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(issue.input)) return 'calendar-day';
    // A date (or date-time) as a sheet writes one, with a two-digit year: 31.12.20, 12/31/20 16:00. A sheet reads no
    // such date. Excel takes 00–29 for 2000–2029 and 30–99 for 1930–1999, but by a setting of Windows that can be
    // changed, and a text cell or another program's export never went through it: a century taken wrongly would move a
    // figure, or a date of birth, a hundred years with no sign of it. Reported data are better written again than
    // guessed at, so the message asks for the year in four digits.
    if (issue.format.startsWith('date') && /^\d\d?([./-])\d\d?\1\d\d\b/.test(String(issue.input))) return 'four-digit-year';
    return ({ date: 'date', datetime: 'date-time', url: 'url', email: 'email' } as const)[issue.format as 'date'];
  }
  if (issue.code === 'invalid_key') return path[path.length - 2] === 'extensions' ? 'extension-key' : 'language-tag';
  if (issue.code === 'invalid_union' && field === 'license') return 'licence';
  // A country is one of some 250 codes, too many to list: the message names the standard they come from.
  if (issue.code === 'invalid_value' && (field === 'country' || field === 'countries')) return 'country';
  return undefined;
}

/** The keys of each object schema, kept: an unknown key's suggestions are remembered per list. */
const objectKeys = new WeakMap<object, readonly string[]>();

/**
 * The keys of the object that `schema` holds at `path`, through lists, maps and optional values: the fields an
 * unknown key there may be a misspelling of. Undefined where the schema cannot tell (a union).
 */
function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): readonly string[] | undefined {
  let node: z.core.$ZodType | undefined = schema;
  for (let at = 0; node; ) {
    const def = node._zod.def as z.core.$ZodTypeDef & Partial<Record<'shape' | 'element' | 'valueType' | 'innerType' | 'in', unknown>>;
    if ('innerType' in def || def.type === 'pipe') {
      node = (def.innerType ?? def.in) as z.core.$ZodType;
      continue;
    }
    if (at === path.length) {
      if (def.type !== 'object') return undefined;
      let keys = objectKeys.get(node);
      if (!keys) objectKeys.set(node, (keys = Object.keys(def.shape as object)));
      return keys;
    }
    const key = path[at++]!;
    if (def.type === 'object') node = (def.shape as Record<PropertyKey, z.core.$ZodType | undefined>)[key];
    else if (def.type === 'array') node = def.element as z.core.$ZodType;
    else if (def.type === 'record') node = def.valueType as z.core.$ZodType;
    else return undefined;
  }
  return undefined;
}

/**
 * A date with a two-digit year (`31.12.20`, `28.10.20 16:00`) written with the year in full, in the form it has, in the
 * two centuries the year may mean (see `formOf`): the message names both rather than take one. A date field's value
 * loses a time of day after it, which it does not take. None for a value that is more than a date and a time, or
 * whose day and month cannot be in any order its separator allows (`45.13.20`).
 */
function fullYearsOf(text: string, withTime: boolean): [string, string] | undefined {
  const match = /^((\d\d?)([./-])(\d\d?)\3)(\d\d)(\s+\d\d?:\d\d(?::\d\d)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, date, first, separator, second, year, time = ''] = match;
  const [a, b] = [Number(first), Number(second)];
  const can = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  if (!can(a, b) && (separator === '.' || !can(b, a))) return undefined;
  const written = (century: string) => `${date}${century}${year}${withTime ? time : ''}`;
  return [written('19'), written('20')];
}

/** Where a text that is not all spaces has spaces around it, if it has. */
function spacesAround(text: string): SpacesAround | undefined {
  const start = /^\s/.test(text);
  const end = /\s$/.test(text);
  if (!start && !end) return undefined;
  if (text.trim() === '') return undefined;
  return start && end ? 'both' : start ? 'start' : 'end';
}

/**
 * What a text that is no date and time lacks to be one, if no more: the offset from UTC (`2020-10-28T16:00:00`, as a
 * sheet keeps a date and time), or the time of day and the offset (`2024-04-01`). Told by the model's own check of the
 * text completed, so that a time or a day that cannot be is not said to lack only an offset.
 */
function lackOf(text: string): DateTimeLack | undefined {
  if (dateTime.safeParse(`${text}+00:00`).success) return 'offset';
  // Only a date alone, completed with a time, is a date and time: the model's pattern starts with the date.
  return dateTime.safeParse(`${text}T00:00:00+00:00`).success ? 'time' : undefined;
}

/**
 * Turns zod issues into PHX structural problems: one per unknown key, `schema.required` for missing fields, and one
 * per field (an empty text is empty, not also blank). Each names its field, echoes the value found and the form
 * asked for, so that its message can say what to write.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], base: readonly (string | number)[] = [], schema?: z.core.$ZodType): StructuralProblem[] {
  const problems: StructuralProblem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      // The fields of the object the key is in, when the schema tells them; else every key of the model.
      const known = (schema && keysAt(schema, issue.path)) ?? modelKeys;
      for (const key of issue.keys) {
        problems.push({ code: 'schema.unknown-field', path: [...path, key], params: { zodCode: issue.code, keys: [key], suggestions: suggestionsInList(key, known) } });
      }
      continue;
    }
    // One issue per field: zod checks a text for each of its rules, and an empty text fails several.
    const where = JSON.stringify(path);
    if (seen.has(where)) continue;
    seen.add(where);
    const params: IssueParams['schema.invalid-format'] = { zodCode: issue.code };
    const kept = params as unknown as Record<string, unknown>;
    for (const field of keptFields) {
      const value = (issue as unknown as Record<string, unknown>)[field];
      if (value === undefined) continue;
      kept[field] = value instanceof RegExp ? value.source : typeof value === 'bigint' ? Number(value) : value;
    }
    const named = fieldOf(path);
    const field = named?.field ?? (typeof path[path.length - 1] === 'string' ? (path[path.length - 1] as string) : undefined);
    if (field !== undefined) params.field = field;
    if (named?.entry !== undefined) params.entry = named.entry;
    const echo = issue.code === 'invalid_key' ? echoOf(path[path.length - 1]) : echoOf(issue.input);
    if (echo !== undefined) params.value = echo;
    const form = formOf(issue, field, path);
    if (form !== undefined) params.form = form;
    // The facility of an observation is a facility's id; any other (a record's own) is told by the kind of record (`describeShape`).
    if (form === 'record-id' && field === 'facility') params.idOf = 'facility';
    if ((issue.code === 'invalid_format' || issue.code === 'invalid_value') && typeof issue.input === 'string') {
      const spaces = spacesAround(issue.input);
      if (spaces !== undefined) params.spaces = spaces;
      const lacks = form === 'date-time' ? lackOf(issue.input) : undefined;
      if (lacks !== undefined) params.lacks = lacks;
      const fullYears = form === 'four-digit-year' ? fullYearsOf(issue.input, issue.code === 'invalid_format' && issue.format === 'datetime') : undefined;
      if (fullYears) params.fullYears = fullYears;
    }
    // A text that is not one of the allowed texts (a closed codelist): the nearest of them, from the whole list.
    if (issue.code === 'invalid_value' && typeof issue.input === 'string' && issue.values.length > 1 && issue.values.every((value) => typeof value === 'string')) {
      params.suggestions = suggestionsInList(issue.input, issue.values as string[], suggestionsFor);
    }
    if (form === 'licence' && typeof issue.input === 'string') params.suggestions = licencesNear(issue.input);
    if (params.values && params.values.length > 20) params.values = params.values.slice(0, 20);
    // A list or a group of fields is not echoed: the message names its kind instead.
    if (issue.code === 'invalid_type' || (echo === undefined && issue.input !== undefined)) params.received = typeName(issue.input);
    // zod reports a missing enum or literal as an invalid value, and a missing field of several forms as an invalid
    // union: to a user it is a missing field all the same.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') && issue.input === undefined && path.length > 0) {
      problems.push({ code: 'schema.required', path, params: { ...params, field: field ?? String(path[path.length - 1]) } });
      continue;
    }
    // Any other zod issue (the model raises none today) is still an invalid value, with zod's own message.
    problems.push(problemOf(codeOfZod[issue.code] ?? 'schema.invalid-value', path, params));
  }
  return problems;
}

const parseOptions = { reportInput: true } as const;

/**
 * The shape problems of a value against any zod schema, with paths under `base`, as PHX reports them (one per
 * unknown key, `schema.required` for a missing field, params that render the message in every locale); the
 * parsed data when it fits. For files beside the data, such as a mapping file, checked the way the data is.
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { renderMessage, shapeProblems } from '@phx/schema';
 * const { problems } = shapeProblems(z.strictObject({ year: z.number() }), { year: '2023' }, []);
 * for (const { code, path, params } of problems) console.log(path.join('/'), renderMessage(code, params, 'uk'));
 * ```
 */
export function shapeProblems(schema: z.ZodType, value: unknown, base: readonly (string | number)[]): { problems: StructuralProblem[]; data?: Record<string, unknown> } {
  const result = schema.safeParse(value);
  if (result.success) return { problems: [], data: result.data as Record<string, unknown> };
  // Parse again with the input reported: only on failure, since it slows zod's fast path down.
  const reported = schema.safeParse(value, parseOptions);
  return { problems: fromZodIssues(reported.error?.issues ?? result.error.issues, base, schema) };
}

/**
 * zod's verdict on a value of a kind: its problems, with paths under `base`, and its parsed data when it fits. An
 * identifier of the record's own (its `id`, the package's) is said to be that kind of record's, for the message's example.
 */
export function describeShape(kind: ShapeKind, value: unknown, base: readonly (string | number)[]): { problems: StructuralProblem[]; data?: Record<string, unknown> } {
  const described = shapeProblems(shapeSchemas[kind], value, base);
  const own = kind.replace(/-line$/, '') as IdOf;
  for (const { params } of described.problems) if (params.form === 'record-id' && params.idOf === undefined) params.idOf = own;
  return described;
}
