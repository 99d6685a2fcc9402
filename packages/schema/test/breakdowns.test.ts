/**
 * The breakdowns of groups are kept in typed-array columns and hash tables of numbers; they report exactly
 * what the plain reference (keys built as strings, a Map of objects per group) reports, in the same order,
 * on fuzzed observations that share groups, repeat categories, hide numbers and add up or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorCatalogue, type IndicatorRule } from '../src/catalogue/indicators.js';
import type { Observation } from '../src/model/observation.js';
import { Breakdowns } from '../src/validate/breakdowns.js';
import { Column, Counts, Runs, TupleTable } from '../src/validate/tables.js';
import { countBytesOf, fieldBytesOf, MAX_LOAD, slotsOf } from './support/tables.js';
import { Breakdowns as ReferenceBreakdowns } from './support/breakdowns-reference.js';

/**
 * Where and when a group is: six of them (most observations in the first), one named in Cyrillic, one with a NUL in
 * its area; three share the first one's frame (indicator, organisation, country, period, source) in other places —
 * two of them in one area, with a facility and without — and one has the second one's place in the first one's frame.
 */
const groupKeys = fc.constantFrom(
  { indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'ZM-PACRA-120045', scope: { country: 'ZM', subnationalArea: 'Lusaka' }, period: { start: '2020-01-01', end: '2020-12-31' }, dataSource: 'routine-programme-data' },
  { indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'ZM-PACRA-120045', scope: { country: 'ZM', subnationalArea: 'Lusaka', facility: 'f-1' }, period: { start: '2020-01-01', end: '2020-12-31' }, dataSource: 'routine-programme-data' },
  { indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'ZM-PACRA-120045', scope: { country: 'ZM', subnationalArea: 'Київська область', facility: 'f-1' }, period: { start: '2020-01-01', end: '2020-12-31' }, dataSource: 'routine-programme-data' },
  { indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'ZM-PACRA-120045', scope: { country: 'ZM' }, period: { start: '2020-01-01', end: '2020-12-31' }, dataSource: 'routine-programme-data' },
  { indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'UA-EDR-1', scope: { country: 'UA', subnationalArea: 'Київська область', facility: 'f-1' }, period: { start: '2021-01-01', end: '2021-12-31' }, dataSource: 'survey' },
  { indicator: 'prison-population', reportingOrganisation: 'ZM-PACRA-120045', scope: { country: 'ZM', subnationalArea: 'x\u0000y' }, period: { start: '2020-01-01', end: '2020-12-31' }, dataSource: 'routine-programme-data' },
);

const firstGroup = { indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'ZM-PACRA-120045', scope: { country: 'ZM' }, period: { start: '2020-01-01', end: '2020-12-31' }, dataSource: 'routine-programme-data' };

/** Categories: mostly one dimension, so that breakdowns by sex and by age fill up; now and then two, or a population (one not ASCII, kept apart in the texts' table). */
const disaggregation = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom('female', 'male', 'transgender', 'other', 'unknown', 'all').map((sex) => ({ sex })) },
  { weight: 3, arbitrary: fc.constantFrom('<18', '18-24', '<25', '25+', '25-49', '50+', 'all').map((ageGroup) => ({ ageGroup })) },
  {
    weight: 1,
    arbitrary: fc.record(
      { sex: fc.constantFrom('female', 'male', 'all'), ageGroup: fc.constantFrom('<18', '50+', 'all'), population: fc.constantFrom('women-in-prison', 'prison-staff', 'жінки-в-тюрмах', 'all') },
      { requiredKeys: [] },
    ),
  },
);

/** Numbers that often add up to a total of 100 or 120 (shares of it), sometimes not, sometimes hidden. */
const number = fc.oneof(fc.constantFrom(0, 5, 10, 20, 25, 40, 50, 60, 100, 120, 2.5), fc.integer({ min: 0, max: 130 }));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 4 });

const observation: fc.Arbitrary<Observation> = fc
  .record({
    key: fc.oneof({ weight: 4, arbitrary: groupKeys.map(() => undefined) }, { weight: 3, arbitrary: groupKeys }),
    disaggregation,
    numerator: maybe(number),
    denominator: maybe(number),
    value: maybe(number),
    unit: fc.constantFrom('count', 'percent'),
    suppressed: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
  })
  .map(({ key, disaggregation, ...rest }) => {
    const obs: Record<string, unknown> = { id: 'o', ...(key ?? firstGroup), ...rest };
    if (disaggregation !== undefined) obs.disaggregation = disaggregation;
    for (const field of Object.keys(obs)) if (obs[field] === undefined) delete obs[field];
    return obs as unknown as Observation;
  });

/**
 * What a run reports: every call, in order; `add` takes an observation and its line. Lines run on, or jump (blank
 * and invalid lines, other record types between), and reach past 2^31, below 2^32 − 1.
 */
function reports(
  make: (report: (...call: unknown[]) => void) => { add(obs: Observation, line: number, indicator?: IndicatorRule): void; finish(): void },
  records: readonly (readonly [Observation, number])[],
  firstLine: number,
): unknown[] {
  const calls: unknown[] = [];
  const breakdowns = make((...call) => calls.push(call));
  for (let round = 0; round < 2; round++) {
    let line = firstLine;
    for (const [obs, gap] of records) breakdowns.add(obs, (line += 1 + gap), indicatorCatalogue.find((definition) => definition.code === obs.indicator));
    breakdowns.finish();
  }
  return calls;
}

describe('Breakdowns', () => {
  it('reports what the plain reference reports, in the same order', () => {
    const gap = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat({ max: 1000 }) });
    const firstLine = fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 50_000);
    fc.assert(
      // Its tables made at some point for many times what they hold, as a stream of known size makes them.
      fc.property(fc.array(fc.tuple(observation, gap), { maxLength: 40 }), firstLine, fc.nat(40), fc.constantFrom(1.5, 8, 60, 500), (records, first, foreseenAt, scale) => {
        // The reference takes a path as well: empty, since paths are relative to the record.
        const expected = reports((report) => {
          const reference = new ReferenceBreakdowns<number>(report as never);
          return { add: (obs, line, indicator) => reference.add(obs, [], line, indicator), finish: () => reference.finish() };
        }, records, first);
        const actual = reports((report) => {
          const breakdowns = new Breakdowns<number>(report as never);
          let added = 0;
          return {
            add(obs, line, indicator) {
              breakdowns.add(obs, line, indicator);
              if (++added === foreseenAt) breakdowns.foresee(scale);
            },
            finish: () => breakdowns.finish(),
          };
        }, records, first);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('reports what the plain reference reports when the parts of a group come more than 65 535 rows apart', () => {
    // The first part of a group by sex, then 70 000 groups of one total each, then the group's total and another part
    // (adding up to more than it), a part given again and a part by age: the rows of its block are then further from
    // the block's first than 16 bits hold.
    const part = (sex: string, numerator: number) => ({ ...firstGroup, id: 'o', disaggregation: { sex }, numerator, unit: 'count' }) as unknown as Observation;
    const records: [Observation, number][] = [[part('female', 60), 0]];
    for (let i = 0; i < 70_000; i++) records.push([{ ...firstGroup, id: 'o', scope: { country: 'ZM', subnationalArea: `district ${i}` }, numerator: 5, unit: 'count' } as unknown as Observation, 0]);
    records.push([{ ...firstGroup, id: 'o', numerator: 100, unit: 'count' } as unknown as Observation, 0], [part('male', 50), 0], [part('female', 61), 0]);
    records.push([{ ...firstGroup, id: 'o', disaggregation: { ageGroup: '<18' }, numerator: 120, unit: 'count' } as unknown as Observation, 0]);
    const expected = reports((report) => {
      const reference = new ReferenceBreakdowns<number>(report as never);
      return { add: (obs, line, indicator) => reference.add(obs, [], line, indicator), finish: () => reference.finish() };
    }, records, 0);
    const actual = reports((report) => new Breakdowns<number>(report as never), records, 0);
    expect(expected.map((call) => (call as unknown[])[0])).toEqual(expect.arrayContaining(['disagg.exceeds-total', 'unique.duplicate-breakdown']));
    expect(actual).toEqual(expected);
  });

  it("keeps a group's total in 16 bits where each observation is a group of its own and gives its total", () => {
    const breakdowns = new Breakdowns<number>(() => expect.fail('nothing to report'));
    for (let i = 0; i < 70_000; i++) breakdowns.add({ ...firstGroup, id: 'o', scope: { country: 'ZM', subnationalArea: `district ${i}` }, numerator: 5, unit: 'count' } as unknown as Observation, i);
    expect(countBytesOf((breakdowns as unknown as { totals: Counts }).totals)).toBe(2);
  });
});

describe('TupleTable', () => {
  it('numbers tuples as a Map of their joined numbers does, its tuples across pages of any size, its slots made for more now and then', () => {
    // Numbers at the edges of each field's widths: 16 bits below 65 535, 32 below 2^32 − 1, and floats for that one.
    const tuple = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0xfffe, 0xffff, 0x10000, 0xfffffffe, 0xffffffff, 0x80000000)), { minLength: 3, maxLength: 3 });
    const foresight = fc.oneof(fc.double({ min: 0, max: 40, noNaN: true }), fc.constantFrom(Number.NaN, -1)).map((scale) => ({ scale }));
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 30, arbitrary: tuple }, { weight: 1, arbitrary: foresight }), { maxLength: 3000 }), fc.integer({ min: 1, max: 17 }), (steps, pageBits) => {
        const table = new TupleTable(3, pageBits);
        const model = new Map<string, number>();
        const tuples: number[][] = [];
        const key = new Uint32Array(4);
        for (const t of steps) {
          if ('scale' in t) {
            table.foresee(t.scale);
            continue;
          }
          key.set(t);
          key[3] = 7; // beyond the width: not part of the tuple
          const joined = t.join(',');
          if (!model.has(joined)) {
            model.set(joined, model.size);
            tuples.push(t);
          }
          expect(table.entryOf(key)).toBe(model.get(joined));
        }
        expect(table.size).toBe(model.size);
        tuples.forEach((t, entry) => expect([0, 1, 2].map((i) => table.item(entry, i))).toEqual(t));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps each field in 16 bits while its numbers are below 65 535, in 32 from the first larger one on', () => {
    const table = new TupleTable(3);
    const key = new Uint32Array(3);
    // As a group is kept: a frame's number, an area's text number that grows, the one text of no facility.
    for (let n = 0; n < 70_000; n++) {
      key.set([n % 40, n, 2]);
      table.entryOf(key);
    }
    expect(fieldBytesOf(table)).toEqual([2, 4, 2]);
    key.set([69_999 % 40, 69_999, 2]);
    expect(table.entryOf(key)).toBe(69_999);
  });

  it('numbers 300 000 distinct tuples of six, found again, as the slots grow and their tags narrow', () => {
    const table = new TupleTable(6, 10);
    const key = new Uint32Array(6);
    const fill = (n: number) => {
      for (let i = 0; i < 6; i++) key[i] = Math.imul(n + i, 0x9e3779b1) >>> (i * 3);
    };
    for (let n = 0; n < 300_000; n++) {
      // Slots made for a number of tuples that is not a power of two, then doubled from there.
      if (n === 20_000) {
        table.foresee(2.5);
        expect(slotsOf(table).length).toBe(Math.ceil(50_000 / MAX_LOAD));
      }
      fill(n);
      if (table.entryOf(key) !== n) expect.fail(`tuple ${n} was numbered ${table.entryOf(key)}`);
    }
    for (let n = 0; n < 300_000; n += 7) {
      fill(n);
      if (table.entryOf(key) !== n) expect.fail(`tuple ${n} found as ${table.entryOf(key)}`);
    }
    expect(table.size).toBe(300_000);
  });
});

/**
 * Pushes and sets as a stream's columns make them: runs of one number (the fill), others, at any place; and
 * clearing, as a tape's columns are between pieces.
 */
const columnOperation = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 5 }).map((v) => ({ push: v, times: 1 })) },
  { weight: 4, arbitrary: fc.nat({ max: 300 }).map((times) => ({ push: -1, times })) },
  { weight: 1, arbitrary: fc.record({ at: fc.nat(), value: fc.integer({ min: -5, max: 5 }) }) },
  { weight: 1, arbitrary: fc.constant({ clear: true as const }) },
);

describe('Column', () => {
  it('keeps what is pushed and set, and forgets it when cleared, as an array does, across pages of any size, with or without a fill', () => {
    fc.assert(
      fc.property(fc.array(columnOperation, { maxLength: 2000 }), fc.integer({ min: 1, max: 16 }), fc.constantFrom(undefined, -1, 0), (operations, pageBits, fill) => {
        const column = new Column(Int32Array, fill, pageBits);
        const model: number[] = [];
        for (const op of operations) {
          if ('push' in op) {
            for (let i = 0; i < op.times; i++) {
              column.push(op.push);
              model.push(op.push);
            }
          } else if ('clear' in op) {
            column.clear();
            model.length = 0;
          } else if (model.length > 0) {
            column.set(op.at % model.length, op.value);
            model[op.at % model.length] = op.value;
          }
        }
        expect(column.length).toBe(model.length);
        model.forEach((value, i) => expect(column.at(i)).toBe(value));
        expect([...column.values()]).toEqual(model);
      }),
      { numRuns: 200 },
    );
  });

  it('gives its values in a spare buffer of old values when it is large enough, else in a new one with room', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 3000 }), fc.integer({ min: 1, max: 16 }), fc.nat(4000), (numbers, pageBits, spareLength) => {
        const column = new Column(Int32Array, undefined, pageBits);
        numbers.forEach((number) => column.push(number));
        const spare = new Int32Array(spareLength).fill(-7).buffer;
        const values = column.values(spare);
        expect([...values]).toEqual(numbers);
        const fits = spareLength >= numbers.length;
        expect(values.buffer === spare).toBe(fits);
        if (!fits) expect(values.buffer.byteLength).toBeGreaterThanOrEqual(numbers.length * 4 * 1.25);
      }),
      { numRuns: 200 },
    );
  });

  it('takes no page while every number is its fill', () => {
    const column = new Column(Uint16Array, 0);
    for (let i = 0; i < 1_000_000; i++) column.push(0);
    column.set(999_999, 0);
    expect(column.length).toBe(1_000_000);
    expect((column as unknown as { pages: unknown[] }).pages).toEqual([]);
    column.set(123_456, 9);
    expect(column.at(123_456)).toBe(9);
    expect(column.at(999_999)).toBe(0);
    expect(column.values().reduce((sum, value) => sum + value, 0)).toBe(9);
  });
});

describe('Counts', () => {
  it('reads back every number pushed or set, exactly, in 16 or 32 bits or after widening, across pages of any size', () => {
    const number = fc.oneof(
      { weight: 8, arbitrary: fc.nat({ max: 2000 }) },
      { weight: 1, arbitrary: fc.constantFrom(0xfffe, 0xffff, 0x10000, 0x1fffe) },
      { weight: 4, arbitrary: fc.constant(Number.NaN) },
      { weight: 2, arbitrary: fc.constantFrom(Number.NaN, 0, 0xfffffffe, 0xffffffff, 2 ** 32, -0, 0.5, 1e-300, 2 ** 53 + 2, Number.MAX_VALUE) },
      { weight: 1, arbitrary: fc.double({ min: 0 }) },
    );
    fc.assert(
      // Now and then a number set again in place, as a block's rows are.
      fc.property(fc.array(fc.tuple(number, fc.option(fc.tuple(fc.nat(), number), { freq: 4 })), { maxLength: 1500 }), fc.integer({ min: 1, max: 16 }), (steps, pageBits) => {
        const column = new Counts(pageBits);
        const model: number[] = [];
        for (const [value, again] of steps) {
          column.push(value);
          model.push(value);
          if (again) {
            const [at, other] = again;
            column.set(at % model.length, other);
            model[at % model.length] = other;
          }
        }
        expect(column.length).toBe(model.length);
        model.forEach((value, i) => expect(column.at(i)).toBe(value));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Runs', () => {
  /** Numbers as a stream's lines and a table's entries give them: runs going up by one, runs of one number, jumps. */
  const stretch = fc.oneof(
    { weight: 4, arbitrary: fc.record({ up: fc.nat({ max: 400 }), from: fc.oneof(fc.nat({ max: 5000 }), fc.constantFrom(0, 0xfffffff0)) }) },
    { weight: 2, arbitrary: fc.record({ same: fc.nat({ max: 50 }), value: fc.oneof(fc.nat({ max: 3 }), fc.constant(0xffffffff)) }) },
    { weight: 2, arbitrary: fc.array(fc.oneof(fc.nat({ max: 20 }), fc.constant(0xffffffff)), { maxLength: 300 }).map((values) => ({ values })) },
  );

  it('reads back every number pushed, as runs or plainly, in any order of look-ups', () => {
    fc.assert(
      // Now and then the numbers jump from the start (lines of records between other records), so that the runs
      // outnumber an eighth of the numbers and the column turns plain, at any point of the stretches.
      fc.property(fc.array(stretch, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 200 }), fc.array(fc.nat({ max: 1e6 }), { maxLength: 300, size: 'max' }), fc.nat({ max: 60 }), (stretches, lookups, jumps, jumpAt) => {
        const column = new Runs();
        const model: number[] = [];
        const push = (value: number) => {
          column.push(value);
          model.push(value);
        };
        stretches.splice(jumpAt, 0, { values: jumps.map((n) => n * 7) });
        for (const part of stretches) {
          if ('up' in part) for (let i = 0; i < part.up && part.from + i <= 0xffffffff; i++) push(part.from + i);
          else if ('same' in part) for (let i = 0; i < part.same; i++) push(part.value);
          else part.values.forEach(push);
          // Look-ups between pushes, as a table answers while it fills.
          if (model.length > 0) expect(column.at(model.length - 1)).toBe(model.at(-1));
        }
        expect(column.length).toBe(model.length);
        for (const lookup of lookups) if (model.length > 0) expect(column.at(lookup % model.length)).toBe(model[lookup % model.length]);
        model.forEach((value, i) => expect(column.at(i)).toBe(value));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a million consecutive lines as one run', () => {
    const column = new Runs();
    for (let line = 2; line < 1_000_002; line++) column.push(line);
    expect(column.at(0)).toBe(2);
    expect(column.at(999_999)).toBe(1_000_001);
    expect((column as unknown as { starts: Column<Uint32Array> }).starts.length).toBe(1);
  });
});
