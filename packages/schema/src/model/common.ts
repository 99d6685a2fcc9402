import * as z from 'zod';
import { codelists, type Code, type CodelistId } from '../codelists/codes.js';

/**
 * What PHX records about a schema beside its shape: it becomes the JSON Schema and the docs.
 *
 * @example
 * ```ts
 * const meta: PhxMeta | undefined = phxRegistry.get(Observation);
 * meta?.id; // 'Observation'
 * ```
 */
export interface PhxMeta {
  /** Name of a record type; it becomes a `$defs` entry and a file in `schemas/v1/`. */
  id?: string;
  title?: string;
  description: string;
  examples?: unknown[];
  /** Only where zod has no check of its own (kept in sync with the zod check beside it). */
  minProperties?: number;
}

/**
 * The registry that holds the description of every PHX schema and field.
 *
 * @example
 * ```ts
 * import { Organisation, phxRegistry } from '@phx/schema';
 * phxRegistry.get(Organisation.shape.countries)?.description; // 'Countries of operation (ISO 3166-1 alpha-2).'
 * ```
 */
export const phxRegistry = z.registry<PhxMeta>();

/**
 * Which codelist a field draws its codes from (read by the docs and the codelist rule).
 *
 * @example
 * ```ts
 * import { codelistOf, Organisation } from '@phx/schema';
 * codelistOf.get(Organisation.shape.organisationType); // 'organisationType'
 * ```
 */
export const codelistOf = new WeakMap<z.ZodType, CodelistId>();

/** Attaches a description (a copy, so one schema can be described differently in each field). */
export function describe<T extends z.ZodType>(schema: T, description: string, extra: Omit<PhxMeta, 'description'> = {}): T {
  const copy = schema.clone() as T;
  const { id: _id, title: _title, ...inherited } = phxRegistry.get(schema) ?? {};
  phxRegistry.add(copy, { ...inherited, description, ...extra });
  const list = codelistOf.get(schema);
  if (list) codelistOf.set(copy, list);
  return copy;
}

/** Maximum length of a short text (a name, a title). */
export const SHORT_TEXT_MAX = 500;
/** Maximum length of a long text (a note, a description). */
export const LONG_TEXT_MAX = 20_000;

/**
 * The form a text must have, as a message names it (with an example), never by its pattern: a date (with a
 * four-digit year), a date-time, a web or e-mail address, an organisation or record identifier, a code (an indicator's
 * code with an indicator's for example), a language tag, a licence, an extension's address, or text that is not blank.
 *
 * @example
 * ```ts
 * const form: TextForm = 'date';
 * ```
 */
export type TextForm = 'date' | 'calendar-day' | 'four-digit-year' | 'date-time' | 'url' | 'email' | 'organisation-id' | 'record-id' | 'code' | 'indicator-code' | 'country' | 'language-tag' | 'licence' | 'extension-key' | 'text';

/** Pattern of an SPDX licence identifier, e.g. `CC-BY-4.0`. */
export const SPDX_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;

/** Pattern of an open-codelist code: lower-case words joined by hyphens. */
export const OPEN_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The schema of a code: any code of the pattern for an open list, one of its codes for a closed list. */
export type CodeSchema<Id extends CodelistId> = (typeof codelists)[Id]['open'] extends true
  ? z.ZodType<string, string>
  : z.ZodType<Code<Id>, Code<Id>>;

/**
 * One of a fixed set of strings, typed as their union: the reference docs then show the union rather
 * than the internals of a zod enum.
 */
export function oneOf<const T extends string>(values: readonly [T, ...T[]]): z.ZodType<T, T> {
  return z.enum(values as [T, ...T[]]) as unknown as z.ZodType<T, T>;
}

/** A code from a codelist: closed lists become an enum, open lists a pattern. */
export function codeOf<Id extends CodelistId>(id: Id): CodeSchema<Id> {
  const list = codelists[id];
  const schema = list.open
    ? z.string().regex(OPEN_CODE_PATTERN)
    : z.enum(list.codes as unknown as [string, ...string[]]);
  codelistOf.set(schema, id);
  return schema as unknown as CodeSchema<Id>;
}

/** Pattern of a BCP 47 language tag. */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** A BCP 47 language tag such as `en`, `ru` or `pt-BR`. */
export const languageTag = z.string().regex(LANGUAGE_TAG_PATTERN);

/** Text must hold something besides white space. */
export const NOT_BLANK_PATTERN = /\S/;
const shortText = z.string().min(1).max(SHORT_TEXT_MAX).regex(NOT_BLANK_PATTERN);
const longText = z.string().min(1).max(LONG_TEXT_MAX).regex(NOT_BLANK_PATTERN);

function languageMapOf(text: z.ZodString) {
  const map = z.record(languageTag, text).check((ctx) => {
    for (const _ in ctx.value) return;
    ctx.issues.push({ code: 'too_small', origin: 'object', minimum: 1, inclusive: true, input: ctx.value });
  });
  phxRegistry.add(map, { description: 'Text in one or more languages, keyed by BCP 47 tag.', minProperties: 1 });
  return map;
}

/**
 * A short human text in one or more languages, keyed by BCP 47 tag: `{ "en": "...", "ru": "..." }`.
 *
 * @example
 * ```ts
 * import { languageMap } from '@phx/schema';
 * languageMap.safeParse({ en: 'Prison health network', ru: 'Сеть по охране здоровья в тюрьмах' }).success; // true
 * languageMap.safeParse({}).success; // false: at least one language
 * ```
 */
export const languageMap = languageMapOf(shortText);
/**
 * A long human text in one or more languages, such as a meeting's summary.
 *
 * @example
 * ```ts
 * import { longLanguageMap } from '@phx/schema';
 * longLanguageMap.parse({ en: 'Members agreed to report HIV prevalence in prisons for 2020.' });
 * ```
 */
export const longLanguageMap = languageMapOf(longText);

/** A short free text in one language. */
export const text = shortText;
/** A long free text in one language. */
export const note = longText;

/** A calendar date, `YYYY-MM-DD`. */
export const date = z.iso.date();
/** A date-time with a UTC offset, e.g. `2020-10-28T13:00:00+01:00`. */
export const dateTime = z.iso.datetime({ offset: true });

/** An organisation identifier: org-id.guide style (`ZA-NPO-123-456`) or the network fallback (`PHX-ORG-...`). */
/** Pattern of an organisation identifier. */
export const ORGANISATION_ID_PATTERN = /^[A-Z]{2,4}-[A-Z0-9]{2,12}-[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const organisationId = z.string().regex(ORGANISATION_ID_PATTERN);

/** A record identifier: letters, digits and `._:-`, up to 128 characters. */
/** Pattern of a record identifier. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const recordId = z.string().regex(RECORD_ID_PATTERN);

/** An indicator code: lower-case words joined by hyphens. */
export const indicatorCode = z.string().regex(OPEN_CODE_PATTERN).max(100);

/** An absolute http(s) URL. */
export const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** Extensions: data beyond the standard, keyed by the URL that defines them. */
export const extensions = describe(
  z.record(httpUrl, z.unknown()),
  'Data beyond the PHX standard, keyed by the URL of the extension that defines it. Never put extra fields elsewhere.',
);

/** Adds the optional `extensions` map to a record shape. */
export const withExtensions = { extensions: extensions.optional() };
