/**
 * What a breakdown's shown numbers give away of its suppressed ones (`disclosures`), held to two plain references
 * written here: enumerating the hidden numbers near their true ones, none below 0 nor above its bound (groups by one
 * dimension, and small tables by sex and age group), and the rank of the equations over exact fractions (groups by sex
 * and age group at once, whose numbers are far from 0 and unbounded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disclosures, partitions, type SliceCells } from '../src/validate/disclosure.js';

const SEX = partitions.sex.categories;
const AGE = partitions.ageGroup.categories;

/**
 * A cell of a slice: its categories (`all` for a dimension's total), its true number, how it is given (`uncounted`:
 * given without its count, as a percentage that gives none), and the most its number can be (its denominator, NaN for
 * none).
 */
interface Cell {
  sex: string;
  age: string;
  truth: number;
  state: 'shown' | 'suppressed' | 'absent' | 'uncounted';
  bound: number;
}

/**
 * The relations among the cells, written out by name: the total of a dimension is the sum of each of its complete
 * sets, for each category of the other dimension (female and male, with transgender where the slice gives it).
 */
function relations(cells: readonly Cell[]): { whole: [string, string]; parts: [string, string][] }[] {
  const sexes = ['female', 'male', ...['transgender', 'other', 'unknown'].filter((sex) => cells.some((cell) => cell.sex === sex && cell.state !== 'absent'))];
  const out: { whole: [string, string]; parts: [string, string][] }[] = [];
  for (const age of ['all', ...AGE]) out.push({ whole: ['all', age], parts: sexes.map((sex) => [sex, age]) });
  const ageSets = [['<18', '18-24', '25-49', '50+'], ['<18', '18-24', '25+'], ['<25', '25-49', '50+'], ['<25', '25+']];
  for (const sex of ['all', ...sexes]) for (const set of ageSets) out.push({ whole: [sex, 'all'], parts: set.map((age) => [sex, age]) });
  return out;
}

/**
 * Brute force: the values each hidden cell (not shown) takes in every choice of the hidden numbers from its true one
 * − `window` to + `window`, none below 0 nor above its bound, that keeps the sums among the cells listed; by cell.
 * Near the true numbers is enough: another choice that keeps the sums differs from them by steps of one in a few cells.
 */
function possibleValues(cells: readonly Cell[], window: number): Map<Cell, Set<number>> {
  const hidden = cells.flatMap((cell, i) => (cell.state === 'shown' ? [] : [i]));
  const index = ([sex, age]: [string, string]) => cells.findIndex((c) => c.sex === sex && c.age === age);
  // Each sum is checked as soon as its last hidden number is chosen.
  const checks = hidden.map((): number[][] => []);
  for (const { whole, parts } of relations(cells)) {
    const members = [index(whole), ...parts.map(index)];
    if (members.some((member) => member < 0)) continue;
    const last = Math.max(...members.map((member) => hidden.indexOf(member)));
    if (last >= 0) checks[last]!.push(members);
  }
  const values = cells.map((cell) => cell.truth);
  const seen = hidden.map(() => new Set<number>());
  const choose = (k: number): void => {
    if (k === hidden.length) return hidden.forEach((at, i) => seen[i]!.add(values[at]!));
    const at = hidden[k]!;
    const { truth, bound } = cells[at]!;
    for (let v = Math.max(0, truth - window); v <= Math.min(truth + window, Number.isNaN(bound) ? Infinity : bound); v++) {
      values[at] = v;
      if (checks[k]!.every(([whole, ...parts]) => values[whole!] === parts.reduce((sum, part) => sum + values[part]!, 0))) choose(k + 1);
    }
    values[at] = truth;
  };
  choose(0);
  return new Map(hidden.map((at, i) => [cells[at]!, seen[i]!]));
}

/** The suppressed cells that one value alone fits, by `sex|age`, as {@link reported} writes them. */
function pinned(cells: readonly Cell[], window: number): string[] {
  return [...possibleValues(cells, window)].filter(([cell, values]) => cell.state === 'suppressed' && values.size === 1).map(([cell]) => `${cell.sex}|${cell.age}`).sort();
}

/** The cells as `disclosures` takes them: those given, absent ones left out. */
function sliceOf(cells: readonly Cell[]): { slice: SliceCells; given: Cell[] } {
  const given = cells.filter((cell) => cell.state !== 'absent');
  return {
    given,
    slice: {
      sex: given.map((cell) => SEX.indexOf(cell.sex)),
      age: given.map((cell) => AGE.indexOf(cell.age)),
      count: given.map((cell) => (cell.state === 'shown' ? cell.truth : Number.NaN)),
      suppressed: given.map((cell) => cell.state === 'suppressed'),
      bound: given.map((cell) => cell.bound),
    },
  };
}

/** Every cell of the lattice of `sexes` × `ages` (with their totals), with true numbers that add up. */
function lattice(sexes: readonly string[], ages: readonly string[], leaves: readonly number[]): Map<string, number> {
  const truth = new Map<string, number>();
  const leafAges = ages.filter((age) => ['<18', '18-24', '25-49', '50+'].includes(age));
  let k = 0;
  for (const sex of sexes) for (const age of leafAges) truth.set(`${sex}|${age}`, leaves[k++ % leaves.length]!);
  const of = (sex: string, age: string): number => {
    const key = `${sex}|${age}`;
    if (truth.has(key)) return truth.get(key)!;
    if (sex === 'all') return sexes.reduce((sum, s) => sum + of(s, age), 0);
    if (age === 'all') return leafAges.reduce((sum, a) => sum + of(sex, a), 0);
    if (age === '<25') return of(sex, '<18') + of(sex, '18-24');
    return of(sex, '25-49') + of(sex, '50+');
  };
  for (const sex of ['all', ...sexes]) for (const age of ['all', ...ages]) truth.set(`${sex}|${age}`, of(sex, age));
  return truth;
}

const state = fc.constantFrom<Cell['state']>('shown', 'shown', 'suppressed', 'absent');

/**
 * A state and a bound for a cell of a true number: now and then given without its count, and a denominator that is
 * often its number (100 %) or a little more, or none. Never 0: a denominator of 0 is arith.zero-denominator's, and with
 * no count shown it alone would pin the number.
 */
const boundedState = fc.record({
  state: fc.constantFrom<Cell['state']>('shown', 'shown', 'suppressed', 'suppressed', 'absent', 'uncounted'),
  above: fc.option(fc.constantFrom(0, 0, 1, 2), { nil: undefined, freq: 3 }),
});
const boundOf = (truth: number, state: Cell['state'], above: number | undefined) => (state === 'absent' || above === undefined ? Number.NaN : Math.max(1, truth + above));

/** Which suppressed cells `disclosures` reports, by `sex|age`. */
function reported(cells: readonly Cell[]): string[] {
  const { slice, given } = sliceOf(cells);
  return disclosures(slice).map(({ cell }) => `${given[cell]!.sex}|${given[cell]!.age}`).sort();
}

/**
 * The cells with only what a disclosure names: the figures' numbers shown, the bounds' denominators, every other
 * number hidden and unbounded.
 */
function onlyNamed(cells: readonly Cell[], given: readonly Cell[], figures: readonly number[], bounds: readonly number[]): Cell[] {
  return cells.map((c): Cell => {
    const bound = bounds.some((b) => given[b] === c) ? c.bound : Number.NaN;
    if (c.state === 'suppressed') return { ...c, bound };
    return { ...c, state: figures.some((f) => given[f] === c) ? 'shown' : 'absent', bound };
  });
}

describe('disclosures, by one dimension', () => {
  it('reports a suppressed cell exactly when every choice of the hidden numbers near their true ones, within their bounds, that keeps the sums gives it its one number', () => {
    const oneDimension = fc.oneof(
      fc.record({ dimension: fc.constant('sex' as const), transgender: fc.boolean(), leaves: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }) }),
      fc.record({ dimension: fc.constant('ageGroup' as const), transgender: fc.constant(false), leaves: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(oneDimension, fc.array(boundedState, { minLength: 7, maxLength: 7 }), ({ dimension, transgender, leaves }, states) => {
        const sexes = transgender ? ['female', 'male', 'transgender'] : ['female', 'male'];
        const truth = new Map<string, number>();
        if (dimension === 'sex') {
          sexes.forEach((sex, i) => truth.set(sex, leaves[i]!));
          truth.set('all', sexes.reduce((sum, sex) => sum + truth.get(sex)!, 0));
        } else {
          ['<18', '18-24', '25-49', '50+'].forEach((age, i) => truth.set(age, leaves[i]!));
          truth.set('<25', truth.get('<18')! + truth.get('18-24')!);
          truth.set('25+', truth.get('25-49')! + truth.get('50+')!);
          truth.set('all', truth.get('<25')! + truth.get('25+')!);
        }
        const categories = dimension === 'sex' ? ['all', ...sexes] : ['all', ...AGE];
        const cells: Cell[] = categories.map((category, i) => {
          const [sex, age] = dimension === 'sex' ? [category, 'all'] : ['all', category];
          // A sex other than female and male that is not given is taken to be none: one given has a number.
          const given = category === 'transgender' && states[i]!.state === 'absent' ? 'shown' : states[i]!.state;
          return { sex, age, truth: truth.get(category)!, state: given, bound: boundOf(truth.get(category)!, given, states[i]!.above) };
        });
        expect(reported(cells)).toEqual(pinned(cells, 2));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('disclosures within bounds, by sex and age group at once', () => {
  const smallTable = fc.record({
    ages: fc.constantFrom(['<25', '25+'], ['<18', '18-24', '25+'], ['<18', '18-24', '<25', '25+']),
    leaves: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 6, maxLength: 6 }),
    states: fc.array(boundedState, { minLength: 15, maxLength: 15 }),
  });

  /**
   * The cells of female and male by the age groups given, with their totals. The age groups not given are left out
   * of the lattice: each is a sum of those given, or adds to them as numbers that could be anything from 0.
   */
  const cellsOf = ({ ages, leaves, states }: { ages: readonly string[]; leaves: number[]; states: { state: Cell['state']; above: number | undefined }[] }): Cell[] => {
    const truth = lattice(['female', 'male'], [...AGE], leaves);
    const cells: Cell[] = [];
    let k = 0;
    for (const sex of ['all', 'female', 'male']) {
      for (const age of ['all', ...ages]) {
        const { state, above } = states[k++]!;
        const n = truth.get(`${sex}|${age}`)!;
        cells.push({ sex, age, truth: n, state, bound: boundOf(n, state, above) });
      }
    }
    return cells;
  };

  it('reports a suppressed cell exactly when every choice of the hidden numbers near their true ones, within their bounds, that keeps the sums gives it its one number', () => {
    fc.assert(
      fc.property(smallTable, (input) => {
        const cells = cellsOf(input);
        expect(reported(cells)).toEqual(pinned(cells, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('names figures and denominators that pin the number on their own', () => {
    fc.assert(
      fc.property(smallTable, (input) => {
        const cells = cellsOf(input);
        const { slice, given } = sliceOf(cells);
        for (const { cell, figures, bounds } of disclosures(slice)) {
          expect(figures.length).toBeGreaterThan(0);
          expect(pinned(onlyNamed(cells, given, figures, bounds), 2)).toContain(`${given[cell]!.sex}|${given[cell]!.age}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** A fraction of big integers, kept reduced with a positive denominator. */
type Fraction = [bigint, bigint];
const abs = (a: bigint) => (a < 0n ? -a : a);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
function fraction(n: bigint, d: bigint): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
}
const minus = (a: Fraction, b: Fraction): Fraction => fraction(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const times = (a: Fraction, b: Fraction): Fraction => fraction(a[0] * b[0], a[1] * b[1]);
const over = (a: Fraction, b: Fraction): Fraction => fraction(a[0] * b[1], a[1] * b[0]);

/** The rank of a matrix of fractions, by Gaussian elimination. */
function rank(matrix: Fraction[][]): number {
  const rows = matrix.map((row) => [...row]);
  let r = 0;
  for (let c = 0; c < (rows[0]?.length ?? 0) && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    for (let i = r + 1; i < rows.length; i++) {
      const f = over(rows[i]![c]!, rows[r]![c]!);
      rows[i] = rows[i]!.map((x, j) => minus(x, times(f, rows[r]![j]!)));
    }
    r++;
  }
  return r;
}

/** Whether the relations determine the cell `target` from those shown: adding it as an equation leaves the rank of the hidden columns as it was. */
function determined(cells: readonly Cell[], target: number): boolean {
  const hidden = cells.map((cell, i) => (cell.state === 'shown' ? -1 : i)).filter((i) => i >= 0);
  const index = (sex: string, age: string) => cells.findIndex((c) => c.sex === sex && c.age === age);
  const matrix = relations(cells).map(({ whole, parts }) => {
    const row = hidden.map((): Fraction => [0n, 1n]);
    const add = (cell: number, by: bigint) => {
      const column = hidden.indexOf(cell);
      if (column >= 0) row[column] = fraction(row[column]![0] + by * row[column]![1], row[column]![1]);
    };
    add(index(...whole), 1n);
    for (const part of parts) add(index(...part), -1n);
    return row;
  });
  const unit = hidden.map((cell): Fraction => [cell === target ? 1n : 0n, 1n]);
  return rank([...matrix, unit]) === rank(matrix);
}

describe('disclosures, by sex and age group at once', () => {
  const twoDimensions = fc.record({
    transgender: fc.boolean(),
    ages: fc.constantFrom(['<25', '25+', '<18', '18-24'], ['<25', '25+', '25-49', '50+'], [...AGE], ['<18', '18-24', '25+']),
    leaves: fc.array(fc.integer({ min: 5, max: 40 }), { minLength: 12, maxLength: 12 }),
    states: fc.array(state, { minLength: 28, maxLength: 28 }),
  });

  /** The whole lattice of the slice (absent cells too, as unknowns), with a state for each given cell. */
  const cellsOf = ({ transgender, ages, leaves, states }: { transgender: boolean; ages: readonly string[]; leaves: number[]; states: Cell['state'][] }): Cell[] => {
    const sexes = transgender ? ['female', 'male', 'transgender'] : ['female', 'male'];
    const truth = lattice(sexes, [...AGE], leaves);
    const cells: Cell[] = [];
    let k = 0;
    for (const sex of ['all', ...sexes]) {
      for (const age of ['all', ...AGE]) cells.push({ sex, age, truth: truth.get(`${sex}|${age}`)!, state: age === 'all' || ages.includes(age) ? states[k++ % states.length]! : 'absent', bound: Number.NaN });
    }
    return cells;
  };

  it('reports a suppressed cell exactly when the rank of the equations over exact fractions says it is determined', () => {
    fc.assert(
      fc.property(twoDimensions, (input) => {
        const cells = cellsOf(input);
        const expected = cells.filter((cell, i) => cell.state === 'suppressed' && determined(cells, i)).map((cell) => `${cell.sex}|${cell.age}`).sort();
        expect(reported(cells)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('names figures that give the number away on their own, which work it out', () => {
    fc.assert(
      fc.property(twoDimensions, (input) => {
        const cells = cellsOf(input);
        const { slice, given } = sliceOf(cells);
        for (const { cell, figures } of disclosures(slice)) {
          // Only the figures shown: still determined.
          const only = cells.map((c): Cell => (c.state === 'shown' && !figures.some((f) => given[f] === c) ? { ...c, state: 'absent' } : c));
          expect(determined(only, cells.indexOf(given[cell]!))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('disclosures: no false refusals', () => {
  const cell = (sex: string, age: string, truth: number, hidden: boolean): Cell => ({ sex, age, truth, state: hidden ? 'suppressed' : 'shown', bound: Number.NaN });

  it('reports nothing when two cells of every complete set are hidden and each hidden number is free', () => {
    // By sex: both sexes hidden.
    expect(reported([cell('all', 'all', 50, false), cell('female', 'all', 20, true), cell('male', 'all', 30, true)])).toEqual([]);
    // By age group: <18 and 18-24, <25 and 25+, <25 and 25-49 hidden.
    const ages = { all: 100, '<18': 10, '18-24': 20, '<25': 30, '25+': 70, '25-49': 50, '50+': 20 } as Record<string, number>;
    const hiddenAges = new Set(['<18', '18-24', '<25', '25+', '25-49']);
    expect(reported(Object.entries(ages).map(([age, n]) => cell('all', age, n, hiddenAges.has(age))))).toEqual([]);
    // By sex and age group: the four inner cells of a 2 × 2 table, its margins shown.
    const table = [
      cell('all', 'all', 50, false), cell('female', 'all', 20, false), cell('male', 'all', 30, false), cell('all', '<25', 15, false), cell('all', '25+', 35, false),
      cell('female', '<25', 5, true), cell('female', '25+', 15, true), cell('male', '<25', 10, true), cell('male', '25+', 20, true),
    ];
    expect(reported(table)).toEqual([]);
  });

  it('reports every hidden cell once one more of the table is shown', () => {
    const table = [
      cell('all', 'all', 50, false), cell('female', 'all', 20, false), cell('male', 'all', 30, false), cell('all', '<25', 15, false), cell('all', '25+', 35, false),
      cell('female', '<25', 5, false), cell('female', '25+', 15, true), cell('male', '<25', 10, true), cell('male', '25+', 20, true),
    ];
    expect(reported(table)).toEqual(['female|25+', 'male|25+', 'male|<25']);
  });
});
