/**
 * The types json-schema-to-typescript generates from schemas/v1 (as any TypeScript project would)
 * and the types zod infers from the source are the same, both ways.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type * as Generated from '../schemas/v1/phx.js';
import type * as Source from '../packages/schema/src/index.js';

describe('types generated from the JSON Schemas', () => {
  it('DataPackage', () => {
    expectTypeOf<Generated.DataPackage>().toExtend<z.input<typeof Source.DataPackage>>();
    expectTypeOf<z.input<typeof Source.DataPackage>>().toExtend<Generated.DataPackage>();
  });
  it('Organisation', () => {
    expectTypeOf<Generated.Organisation>().toExtend<z.input<typeof Source.Organisation>>();
    expectTypeOf<z.input<typeof Source.Organisation>>().toExtend<Generated.Organisation>();
  });
  it('Facility', () => {
    expectTypeOf<Generated.Facility>().toExtend<z.input<typeof Source.Facility>>();
    expectTypeOf<z.input<typeof Source.Facility>>().toExtend<Generated.Facility>();
  });
  it('IndicatorDefinition', () => {
    expectTypeOf<Generated.IndicatorDefinition>().toExtend<z.input<typeof Source.IndicatorDefinition>>();
    expectTypeOf<z.input<typeof Source.IndicatorDefinition>>().toExtend<Generated.IndicatorDefinition>();
  });
  it('Observation', () => {
    expectTypeOf<Generated.Observation>().toExtend<z.input<typeof Source.Observation>>();
    expectTypeOf<z.input<typeof Source.Observation>>().toExtend<Generated.Observation>();
  });
  it('Meeting', () => {
    expectTypeOf<Generated.Meeting>().toExtend<z.input<typeof Source.Meeting>>();
    expectTypeOf<z.input<typeof Source.Meeting>>().toExtend<Generated.Meeting>();
  });
  it('z.infer equals z.input: the schemas have no transforms', () => {
    expectTypeOf<z.infer<typeof Source.DataPackage>>().toEqualTypeOf<z.input<typeof Source.DataPackage>>();
  });
});
