import * as z from 'zod';
import { codeOf, date, describe, recordId, text, withExtensions } from './common.js';

/**
 * A prison or other closed setting.
 *
 * @example
 * ```ts
 * const facility: Facility = { id: 'zm-fac-01', country: 'ZM', facilityType: 'prison', capacity: 800 };
 * ```
 */
export const Facility = describe(
  z.strictObject({
    id: describe(recordId, 'Stable identifier of the facility within the publisher.'),
    name: describe(text, 'Name of the facility. Optional: in small places a name can help identify people.').optional(),
    country: describe(codeOf('country'), 'Country (ISO 3166-1 alpha-2).'),
    subnationalArea: describe(text, 'Region, province or state.').optional(),
    facilityType: describe(codeOf('facilityType'), 'Kind of closed setting.'),
    capacity: describe(z.int().min(0), 'Official capacity (places).').optional(),
    population: describe(
      z.strictObject({
        count: describe(z.int().min(0), 'Number of people held.'),
        date: describe(date, 'Date of the count.'),
      }),
      'Number of people held on a given date.',
    ).optional(),
    operator: describe(codeOf('facilityOperator'), 'Who runs the facility.').optional(),
    ...withExtensions,
  }),
  'A prison or other closed setting that observations can be scoped to.',
  { id: 'Facility', title: 'Facility' },
);
/** A prison or other closed setting. */
export type Facility = z.infer<typeof Facility>;
