import fc from 'fast-check';
import { codelists, indicatorCatalogue, recordTypeNames, recordTypes } from '../src/index.js';

/** Every character an id may hold (an id starts with a letter or digit, the first 62 of them). */
export const idAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-';

/** A deterministic source of numbers in [0, 1) (mulberry32): a large generated case is the same on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Short text with what breaks tables: separators, quotes, line breaks, tabs, Cyrillic, markup and number-like characters. */
export const cellText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '|', '\t', 'é', 'Ж', 'ї', '0', '.', '-', '=', '+', '@', "'", '%', '/', '<', '&'), minLength: 1, maxLength: 12 });

/** An ISO date between 1990 and 2030. */
export const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A number as data holds it: counts, and doubles of any size and sign (never -0, which JSON cannot keep). */
const anyNumber = fc.oneof(fc.nat(10_000_000), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }).map((n) => (Object.is(n, -0) ? 0 : n)));

/**
 * An observation of any shape a sheet can hold — every column kind: ids, codes, nested scope and
 * breakdowns (sex and age group), dates, numbers, booleans, free text and JSON extensions — valid or
 * not, reported by the given organisation.
 */
export function anyObservation(reportingOrganisation: string) {
  return fc.record(
    {
      id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,15}$/),
      indicator: fc.constantFrom(...indicatorCatalogue.map((definition) => definition.code)),
      reportingOrganisation: fc.constant(reportingOrganisation),
      scope: fc.record({ country: fc.constantFrom('ZA', 'MZ', 'UA', 'FR'), subnationalArea: cellText }, { requiredKeys: ['country'] }),
      period: fc.record({ start: isoDate, end: isoDate }),
      disaggregation: fc.record({ sex: fc.constantFrom(...codelists.sex.codes), ageGroup: fc.constantFrom(...codelists.ageGroup.codes) }, { requiredKeys: [] }),
      numerator: anyNumber,
      denominator: anyNumber,
      value: anyNumber,
      unit: fc.constantFrom(...codelists.unit.codes),
      dataSource: fc.constantFrom(...codelists.dataSource.codes),
      suppressed: fc.boolean(),
      notes: cellText,
      extensions: fc.dictionary(fc.constantFrom('https://example.org/a.b', 'https://example.org/c'), fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown)),
    },
    { requiredKeys: ['id', 'indicator', 'reportingOrganisation', 'scope', 'period', 'unit', 'dataSource'] },
  );
}

/**
 * A package of the header of `pkg` and its lists, each absent, empty, or a few of its records: what a file
 * may hold of a list, for the round trips that must keep it as it is.
 */
export function anyListsOf(pkg: Record<string, unknown>) {
  const lists = recordTypeNames.flatMap((type) => {
    const records = pkg[recordTypes[type].collection];
    return Array.isArray(records) && records.length > 0 ? [[recordTypes[type].collection, records as Record<string, unknown>[]] as const] : [];
  });
  const header = Object.fromEntries(Object.entries(pkg).filter(([key]) => !lists.some(([collection]) => collection === key)));
  const chosen = fc.record(
    Object.fromEntries(lists.map(([collection, records]) => [collection, fc.oneof(fc.constant([]), fc.subarray(records, { minLength: 1, maxLength: Math.min(3, records.length) }))])),
    { requiredKeys: [] },
  );
  return chosen.map((given): Record<string, unknown> => ({ ...header, ...given }));
}
