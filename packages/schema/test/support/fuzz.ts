/**
 * Values made from the zod model for differential tests: valid ones drawn field by field from each schema,
 * and near misses — a field broken the way people and programs break them (a space around a URL, an
 * astral character past a length limit, an explicit `undefined`, a `__proto__` key, a stray field).
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { indicatorCatalogue } from '../../src/catalogue/indicators.js';
import { phxRegistry } from '../../src/model/common.js';
import { CAPE_FORUM, SECRETARIAT, ZAMBIA_TRUST } from '../rules/small-package.js';

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  format?: string;
  pattern?: RegExp;
  checks?: { _zod: { def: { check: string; pattern?: RegExp; minimum?: number; maximum?: number } } }[];
  innerType?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  keyType?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}
const defOf = (schema: AnySchema): Def => schema._zod.def as unknown as Def;

/**
 * Field values that make records meet each other: a few ids that repeat, organisations and facilities that
 * exist, indicators of the catalogue, counts around the suppression threshold, texts with personal data.
 * A field draws from these the values its schema accepts, or any valid value.
 */
const domain: Record<string, unknown[]> = {
  id: ['a', 'obs-1', 'obs-2', 'zm-fac-01', 'x'.repeat(40), 'ZM-01:2020.q1', SECRETARIAT, ZAMBIA_TRUST],
  code: ['halfway-house-places', 'new-indicator'],
  reportingOrganisation: [SECRETARIAT, ZAMBIA_TRUST, CAPE_FORUM, 'PHX-ORG-0404'],
  organisation: [SECRETARIAT, ZAMBIA_TRUST, CAPE_FORUM, 'PHX-ORG-0404'],
  organiser: [SECRETARIAT, ZAMBIA_TRUST],
  owner: [SECRETARIAT, 'PHX-ORG-0404'],
  facility: ['zm-fac-01', 'zm-fac-02'],
  indicator: [...indicatorCatalogue.slice(0, 6).map((definition) => definition.code), 'halfway-house-places', 'unknown-indicator'],
  country: ['ZM', 'ZA'],
  numerator: [0, 1, 4, 5, 40, 60, 100, 1.5],
  denominator: [0, 100, 1000],
  value: [0, 4, 40, 100, 28.7, 150],
  start: ['2019-01-01', '2020-01-01', '2020-12-31', '2030-01-01', '2020-10-28T13:00:00+01:00'],
  end: ['2019-12-31', '2020-12-31', '2031-01-01', '2020-10-28T16:00:00+01:00', '2020-10-28T11:00:00+01:00'],
  due: ['2020-10-01', '2020-11-30'],
  notes: ['Routine testing at entry.', 'Call +260 97 123 4567 for details', 'Mail jane.doe@example.org', 'Born on 1990-01-01', 'Sample of 120 000 people'],
  email: ['info@zprt.example.org', 'jane.doe@example.org'],
  suppressed: [true, false],
};

/** A field's value: now and then one of the domain's that its schema accepts, else one made from the schema. */
function fieldValue(key: string, field: AnySchema, made: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const fits = (domain[key] ?? []).filter((value) => (field as z.ZodType).safeParse(value).success);
  return fits.length === 0 ? made : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fits) }, { weight: 1, arbitrary: made });
}

/** A valid value of a schema, leaf by leaf; `domain` values replace random ones for fields of those names. */
export function valid(schema: AnySchema): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const accepted = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T> => arbitrary.filter((value) => (schema as z.ZodType).safeParse(value).success);
  switch (def.type) {
    case 'optional':
      return valid(def.innerType!);
    case 'string': {
      if (def.format === 'url') return fc.constantFrom('https://phx.example.org/ext', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/x', 'https://пример.рф/путь');
      const pattern = def.pattern ?? def.checks?.map((check) => check._zod.def.pattern).find((p) => p && p.source !== '\\S');
      const text = fc.oneof(
        fc.string({ minLength: 1, maxLength: 30, unit: 'binary' }),
        fc.constantFrom('Семинар в Лусаке', 'x'.repeat(500), '😀'.repeat(500), `${'😀'.repeat(499)}a`),
      );
      if (!pattern) return accepted(text);
      // Drawing from a pattern is slow: common values that fit, and the pattern's own now and then.
      const common = ['en', 'ru', 'pt-BR', 'zh-Hant', 'obs-1', 'ZM-PACRA-120045', 'hiv-testing', '2020-10-28', '2020-10-28T13:00:00+01:00', 'info@example.org'];
      const fits = common.filter((value) => (schema as z.ZodType).safeParse(value).success);
      const drawn = accepted(fc.stringMatching(pattern));
      return fits.length === 0 ? drawn : fc.oneof(fc.constantFrom(...fits), drawn);
    }
    case 'number':
      return accepted(fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constantFrom(0, 0.5, 99.9)));
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'union':
      return fc.oneof(...def.options!.map(valid));
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    case 'array': {
      const minLength = def.checks?.find((check) => check._zod.def.check === 'min_length')?._zod.def.minimum ?? 0;
      return fc.array(valid(def.element!), { minLength, maxLength: 3 });
    }
    case 'record': {
      const minKeys = phxRegistry.get(schema as z.ZodType)?.minProperties ?? 0;
      return fc.dictionary(valid(def.keyType!) as fc.Arbitrary<string>, valid(def.valueType!), { minKeys, maxKeys: 3, noNullPrototype: true });
    }
    case 'object': {
      const shape = def.shape!;
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, fieldValue(key, field, valid(field))]));
      const requiredKeys = Object.keys(shape).filter((key) => defOf(shape[key]!).type !== 'optional');
      return fc.record(fields, { requiredKeys, noNullPrototype: true });
    }
    default:
      throw new Error(`no arbitrary for a ${def.type} schema`);
  }
}

/** A value that is wrong, or right in a way that is easy to get wrong, for a field of this schema. */
function nearMiss(schema: AnySchema): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const generic = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(undefined, null, Number.NaN, Number.POSITIVE_INFINITY, -0, '', ' ', {}, []));
  switch (def.type) {
    case 'optional':
      return nearMiss(def.innerType!);
    case 'string':
      return fc.oneof(
        generic,
        fc.tuple(valid(schema) as fc.Arbitrary<string>, fc.constantFrom(' ', '\t', '\n', '\u00a0', '\ufeff', '😀', 'A', '/')).chain(([text, extra]) =>
          fc.constantFrom(`${extra}${text}`, `${text}${extra}`, `${text.slice(0, 1)}${extra}${text.slice(1)}`, text.toUpperCase(), `${text}${'😀'.repeat(300)}`),
        ),
        fc.constantFrom('http:example.org', 'ftp://example.org', 'https://', 'https:/x', 'javascript:alert(1)', 'mailto:a@b.org', 'https://exa mple.org'),
      );
    case 'number':
      return fc.oneof(generic, fc.constantFrom(-1, 1.5, 2 ** 53, -(2 ** 53), 100, 1e308, 5e-324), fc.double());
    case 'object':
    case 'record':
      return fc.oneof(
        generic,
        valid(schema).chain((value) => {
          const fields = value as Record<string, unknown>;
          const keys = Object.keys(fields);
          return fc.oneof(
            fc.constant({ ...fields, stray: 1 }),
            fc.constant(Object.assign(Object.create(null) as object, fields)),
            fc.constant(JSON.parse(`{"__proto__": {"en": "x"}, ${JSON.stringify(fields).slice(1)}`.replace(', }', '}')) as unknown),
            fc.constant({ ...fields, [Symbol('key')]: 'x' }),
            ...(keys.length > 0 ? [fc.constantFrom(...keys).map((key) => ({ ...fields, [key]: undefined })), fc.constantFrom(...keys).map((key) => {
              const { [key]: _, ...rest } = fields;
              return rest;
            })] : []),
          );
        }),
      );
    default:
      return generic;
  }
}

/**
 * A value of a schema in which each part is, now and then, a near miss: mostly valid records, some with one
 * or two broken fields, some broken throughout. `oneIn`: how rarely a part is broken.
 */
export function fuzzed(schema: AnySchema, oneIn = 12): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'optional':
        return fuzzed(def.innerType!, oneIn);
      case 'object': {
        const shape = def.shape!;
        const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, fieldValue(key, field, fuzzed(field, oneIn))]));
        const requiredKeys = Object.keys(shape).filter((key) => defOf(shape[key]!).type !== 'optional');
        return fc.record(fields, { requiredKeys, noNullPrototype: true });
      }
      case 'array':
        return fc.array(fuzzed(def.element!, oneIn), { maxLength: 3 });
      case 'record': {
        const minKeys = phxRegistry.get(schema as z.ZodType)?.minProperties ?? 0;
        return fc.dictionary(valid(def.keyType!) as fc.Arbitrary<string>, fuzzed(def.valueType!, oneIn), { minKeys, maxKeys: 3, noNullPrototype: true });
      }
      default:
        return valid(schema);
    }
  };
  return fc.oneof({ weight: oneIn - 1, arbitrary: inner() }, { weight: 1, arbitrary: nearMiss(schema) });
}
