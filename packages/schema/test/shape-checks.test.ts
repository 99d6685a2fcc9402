import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { acceptsShape, textShapes, type ShapeKind } from '../src/generated/shape-checks.js';
import { RememberingPattern } from '../src/validate/shape-support.js';
import { ANY_VALUE, TEXT, type TextShape } from '../src/validate/text-shape.js';
import { shapeSchemas } from '../src/model/shapes.js';
import { fuzzed, valid } from './support/fuzz.js';

const kinds = Object.keys(shapeSchemas) as ShapeKind[];

/**
 * The same data: the same prototypes, the same enumerable string keys (in any order) with the same data,
 * and `Object.is` leaves. Symbol keys are not data: zod leaves them out of an object too.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** A value JSON can carry unchanged: no `undefined`, no NaN or -0, plain objects only. */
function isJsonData(value: unknown): boolean {
  try {
    return isDeepStrictEqual(JSON.parse(JSON.stringify(value)) as unknown, value);
  } catch {
    return false;
  }
}

describe.each(kinds)('the generated check of %s', (kind) => {
  const schema = shapeSchemas[kind];

  it('accepts a value only when zod accepts it and parses it to an equal value; on JSON data, exactly then', () => {
    let accepted = 0;
    let asked = 0;
    fc.assert(
      fc.property(fuzzed(schema, 25), (value) => {
        const answer = acceptsShape[kind](value);
        const parsed = schema.safeParse(value);
        const unchanged = parsed.success && sameData(parsed.data, value);
        if (answer) {
          accepted++;
          expect(parsed.success, 'zod rejects a value the generated check accepts').toBe(true);
          expect(unchanged, 'zod parses an accepted value to other data').toBe(true);
        } else {
          asked++;
          // What zod takes unchanged from JSON the check must take too: otherwise valid data is slow, not wrong.
          if (isJsonData(value)) expect(unchanged, 'zod accepts JSON data the generated check sends to zod').toBe(false);
        }
      }),
      { numRuns: 250 },
    );
    // Both answers are exercised, not just one of them.
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(asked).toBeGreaterThanOrEqual(10);
  });

  it('accepts the valid values drawn from the model, as objects and as parsed JSON', () => {
    fc.assert(
      fc.property(valid(schema), (value) => {
        const parsed = schema.safeParse(value);
        if (!parsed.success || !isJsonData(value)) return;
        const unchanged = sameData(parsed.data, value);
        expect(acceptsShape[kind](value)).toBe(unchanged);
        expect(acceptsShape[kind](JSON.parse(JSON.stringify(value)))).toBe(unchanged);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the privacy walk of a known shape', () => {
  /** Every step of the walk: a shape and the keys that lead to it. */
  function steps(shape: TextShape, keys: string[] = []): [string, TextShape][] {
    if (shape === ANY_VALUE || shape === TEXT) return [[keys.join('.'), shape]];
    const below = 'items' in shape ? steps(shape.items, [...keys, '[]']) : shape.fields.flatMap(([key, field]) => steps(field, [...keys, key]));
    return [[keys.join('.'), shape], ...below];
  }
  const holdsText = (shape: TextShape): boolean => steps(shape).some(([, step]) => step === ANY_VALUE || step === TEXT);

  it.each(kinds)('steps into %s only where text may be', (kind) => {
    const empty = steps(textShapes[kind]).filter(([, step]) => !holdsText(step)).map(([keys]) => keys);
    expect(empty).toEqual([]);
  });

  it("visits an observation's free text and nothing else", () => {
    const leaves = steps(textShapes.observation).filter(([, step]) => step === ANY_VALUE || step === TEXT).map(([keys]) => keys);
    expect(leaves).toEqual(['scope.subnationalArea', 'methodNote', 'notes', 'extensions']);
  });
});

describe('RememberingPattern', () => {
  it('answers as its pattern does, whatever it accepted before', () => {
    const date = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
    // Texts that repeat, differ by one character, or are the accepted one with more around it.
    const text = fc.oneof(
      fc.constantFrom('2020-01-31', '2020-01-3', '2020-01-311', ' 2020-01-31', '2020-13-01', '2021-12-01', ''),
      fc.string({ maxLength: 12, unit: fc.constantFrom('0', '1', '2', '3', '-', 'x') }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 50 }), (texts) => {
        const remembering = new RememberingPattern(date);
        expect(texts.map((value) => remembering.test(value))).toEqual(texts.map((value) => date.test(value)));
      }),
    );
  });
});
