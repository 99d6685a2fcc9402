/** Records and packages for the contract tests: valid by construction, built from the example package's shapes. */
import type { DataPackage, Observation, Organisation } from '@phx/client';

export const organisationOf = (id: string): Organisation => ({ id, name: { en: `Organisation ${id}` }, organisationType: 'ngo', countries: ['ZA'] });

/** A count of people on opioid agonist therapy in South Africa, reported by `by`; `people` stays above the suppression threshold. */
export function countOf(id: string, by: string, people = 100, year = 2022): Observation {
  return {
    id,
    indicator: 'prisons-people-on-oat',
    reportingOrganisation: by,
    // An area of its own: the totals of one indicator, organisation, area and period would repeat each other.
    scope: { country: 'ZA', subnationalArea: `Area ${id}` },
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    numerator: people,
    value: people,
    unit: 'count',
    dataSource: 'routine-programme-data',
  };
}

/** A package from `publisher` with its organisation and `size` counts, one per area, ids `<prefix>-0000000` onwards. */
export function packageOf(publisher: string, size: number, prefix: string): DataPackage {
  return {
    phxVersion: '1.0',
    id: `pkg-${prefix}`,
    publisher: { id: publisher, name: `Organisation ${publisher}` },
    license: 'CC-BY-4.0',
    publishedAt: '2024-03-01T12:00:00+00:00',
    organisations: [organisationOf(publisher)],
    // Each count the total of its own area, in this package and in those stored before it: two totals of one area,
    // indicator and period would be a duplicate.
    observations: Array.from({ length: size }, (_, i) => ({
      ...countOf(`${prefix}-${String(i).padStart(7, '0')}`, publisher, 100 + (i % 50)),
      scope: { country: 'ZA' as const, subnationalArea: `Area ${prefix} ${i}` },
    })),
  };
}
