/**
 * The plain reference for the breakdowns of groups (test/breakdowns.test.ts): a group's key built as a string
 * and found in a `Map`, its totals in arrays, its parts as objects per category. Slow and large, and easy to
 * read: the rules' compact `Breakdowns` must report exactly what this does.
 */
import type { IndicatorRule } from '../../src/catalogue/indicators.js';
import type { Observation } from '../../src/model/observation.js';
import { toPointer } from '../../src/validate/issue.js';
import { categoriesOf, countOf, dimensionsOfSums, DIMENSIONS, FIELDS, isTotal, partitions, type BreakdownReport } from '../../src/validate/breakdowns.js';
import { impliedCountOf } from '../../src/validate/arithmetic.js';
import { disclosures } from '../../src/validate/disclosure.js';
import type { IssueParams } from '../../src/validate/params.js';

type Path = (string | number)[];

/** One observation of a group, as far as the sums need it: its numbers (NaN when not given) and where it is. */
interface Cell<Context> {
  numerator: number;
  denominator: number;
  /** The count the observation gives: its numerator, or the count its value gives with its denominator; NaN for none. */
  count: number;
  /** The most its count can be: the denominator of a proportion, else NaN. */
  bound: number;
  suppressed: boolean;
  categories: Record<string, string>;
  path: Path;
  context: Context;
}

/** The parts of a group along one dimension that adds up (sex or age group), by category. */
interface Breakdown<Context> {
  cells: (Cell<Context> | undefined)[];
  /** The part seen last: where a sum above the total is reported. */
  last: Cell<Context>;
}

/** The parts of one group: by sex, by age group, and the others (by population, or by two dimensions at once). */
interface Parts<Context> {
  sex?: Breakdown<Context>;
  ageGroup?: Breakdown<Context>;
  /** Other parts by their categories (`population=…`, `sex=female,ageGroup=<18`), for duplicates and sizes. */
  others?: Map<string, Cell<Context>>;
}





/**
 * The groups of observations and their breakdowns, filled record by record and checked when the data ends.
 */
export class Breakdowns<Context> {
  private groups = new Map<string, number>();
  /** Per group, its total: numbers (NaN when not given or hidden), whether it is suppressed, where it is. */
  private totalNumerators: number[] = [];
  private totalDenominators: number[] = [];
  private totalSuppressed: boolean[] = [];
  private totalCounts: number[] = [];
  private totalBounds: number[] = [];
  private totalPaths: (Path | undefined)[] = [];
  private totalContexts: Context[] = [];
  private parts = new Map<number, Parts<Context>>();

  constructor(private readonly report: BreakdownReport<Context>) {}

  /** Notes an observation that passed its other checks, of `indicator` where it is known. */
  add(obs: Observation, path: Path, context: Context, indicator?: IndicatorRule): void {
    const bound = indicator?.calculation === 'proportion' ? (obs.denominator ?? Number.NaN) : Number.NaN;
    const { scope, period } = obs;
    // Values of one source are compared with each other only: a survey's total is not a sum of routine counts.
    const key = `${obs.indicator}\u0000${obs.reportingOrganisation}\u0000${scope.country}\u0000${scope.subnationalArea ?? ''}\u0000${scope.facility ?? ''}\u0000${period.start}\u0000${period.end}\u0000${obs.dataSource}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = this.totalNumerators.push(Number.NaN) - 1;
      this.totalDenominators.push(Number.NaN);
      this.totalSuppressed.push(false);
      this.totalCounts.push(Number.NaN);
      this.totalBounds.push(Number.NaN);
      this.totalPaths.push(undefined);
      this.totalContexts.push(undefined as Context);
      this.groups.set(key, group);
    }
    const given = DIMENSIONS.filter((dimension) => !isTotal(obs.disaggregation?.[dimension]));
    if (given.length === 0) {
      const first = this.totalPaths[group];
      if (first !== undefined) return this.duplicate(path, context, first, this.totalContexts[group]!, {});
      this.totalNumerators[group] = countOf(obs);
      this.totalDenominators[group] = obs.denominator ?? Number.NaN;
      this.totalSuppressed[group] = obs.suppressed === true;
      this.totalCounts[group] = countOfCell(obs);
      this.totalBounds[group] = bound;
      this.totalPaths[group] = path;
      this.totalContexts[group] = context;
      return;
    }
    let parts = this.parts.get(group);
    if (!parts) this.parts.set(group, (parts = {}));
    const cell: Cell<Context> = {
      numerator: countOf(obs),
      denominator: obs.denominator ?? Number.NaN,
      count: countOfCell(obs),
      bound,
      suppressed: obs.suppressed === true,
      categories: categoriesOf(obs),
      path,
      context,
    };
    const dimension = given.length === 1 ? given[0]! : undefined;
    if (dimension === 'sex' || dimension === 'ageGroup') {
      const index = partitions[dimension].categories.indexOf(obs.disaggregation![dimension]!);
      let breakdown = parts[dimension];
      if (!breakdown) parts[dimension] = breakdown = { cells: [], last: cell };
      const first = breakdown.cells[index];
      if (first) return this.duplicate(path, context, first.path, first.context, categoriesOf(obs));
      breakdown.cells[index] = cell;
      breakdown.last = cell;
      return;
    }
    const categories = categoriesOf(obs);
    const categoryKey = Object.entries(categories).map(([name, category]) => `${name}=${category}`).join(',');
    parts.others ??= new Map();
    const first = parts.others.get(categoryKey);
    if (first) return this.duplicate(path, context, first.path, first.context, categories);
    parts.others.set(categoryKey, cell);
  }

  /** Reports what only all the data can tell, and forgets the groups. */
  finish(): void {
    for (const [group, parts] of this.parts) {
      const total: Cell<Context> | undefined =
        this.totalPaths[group] === undefined
          ? undefined
          : {
              numerator: this.totalNumerators[group]!,
              denominator: this.totalDenominators[group]!,
              count: this.totalCounts[group]!,
              bound: this.totalBounds[group]!,
              suppressed: this.totalSuppressed[group]!,
              categories: {},
              path: this.totalPaths[group]!,
              context: this.totalContexts[group]!,
            };
      if (total) {
        for (const dimension of ['sex', 'ageGroup'] as const) {
          const breakdown = parts[dimension];
          if (breakdown) this.checkBreakdown(dimension, breakdown, total);
        }
        for (const [categoryKey, cell] of parts.others ?? []) this.checkLargerThanTotal(categoryKey, cell, total);
      }
      this.checkDisclosures(total, parts);
    }
    this.groups = new Map();
    this.totalNumerators = [];
    this.totalDenominators = [];
    this.totalSuppressed = [];
    this.totalCounts = [];
    this.totalBounds = [];
    this.totalPaths = [];
    this.totalContexts = [];
    this.parts.clear();
  }

  private duplicate(path: Path, context: Context, firstPath: Path, firstContext: Context, categories: Record<string, string>): void {
    const first = firstContext === undefined ? toPointer(firstPath) : Number(firstContext);
    this.report('unique.duplicate-breakdown', Object.keys(categories).length > 0 ? [...path, 'disaggregation'] : path, { first, categories }, context);
  }

  /** One part of a breakdown that is not added up (by population, or by two dimensions) is larger than the total. */
  private checkLargerThanTotal(categoryKey: string, cell: Cell<Context>, total: Cell<Context>): void {
    for (const field of FIELDS) {
      if (cell[field] > total[field]) {
        const dimension = categoryKey.split(',').map((part) => part.split('=')[0]).join(', ');
        this.report('disagg.exceeds-total', [...cell.path, field], { dimension, field, sum: cell[field], total: total[field], parts: 1 }, cell.context);
        return;
      }
    }
  }

  private checkBreakdown(dimension: 'sex' | 'ageGroup', breakdown: Breakdown<Context>, total: Cell<Context>): void {
    const { disjoint, complete } = partitions[dimension];
    const cells = breakdown.cells;
    for (const field of FIELDS) {
      // The largest sum of parts that do not overlap; parts that hide or lack the number do not add.
      let largest = { sum: 0, parts: 0 };
      for (const set of disjoint) {
        let sum = 0;
        let parts = 0;
        for (const index of set) {
          const value = cells[index]?.[field];
          if (value !== undefined && !Number.isNaN(value)) {
            sum += value;
            parts++;
          }
        }
        if (sum > largest.sum) largest = { sum, parts };
      }
      if (largest.sum > total[field]) {
        this.report('disagg.exceeds-total', [...breakdown.last.path, field], { dimension, field, sum: largest.sum, total: total[field], parts: largest.parts }, breakdown.last.context);
        continue;
      }
      const covering = complete.find((set) => set.every((index) => cells[index] !== undefined));
      if (!covering) continue;
      // Every part given: with the others that do not overlap them, they should make the total.
      const members = dimension === 'sex' ? disjoint[0]!.filter((index) => cells[index] !== undefined) : covering;
      const values = members.map((index) => cells[index]![field]);
      const unknown = values.filter((value) => Number.isNaN(value)).length;
      const sum = values.reduce((a, b) => (Number.isNaN(b) ? a : a + b), 0);
      if (unknown === 0 && !Number.isNaN(total[field]) && sum < total[field]) {
        this.report('disagg.below-total', [...total.path, field], { dimension, field, sum, total: total[field], parts: members.length }, total.context);
      }
    }
  }
  /**
   * The suppressed cells of a group its other numbers give away: the cells of each slice (none, or one population)
   * listed as the compact one lists them — the total, by sex, by age group, then the others as seen — and solved.
   */
  private checkDisclosures(total: Cell<Context> | undefined, parts: Parts<Context>): void {
    const none: Cell<Context>[] = total ? [total] : [];
    for (const dimension of ['sex', 'ageGroup'] as const) {
      for (let index = 0; index < partitions[dimension].categories.length; index++) {
        const cell = parts[dimension]?.cells[index];
        if (cell) none.push(cell);
      }
    }
    const slices = new Map<string, Cell<Context>[]>([['', none]]);
    for (const cell of parts.others?.values() ?? []) {
      const population = cell.categories.population ?? '';
      let slice = slices.get(population);
      if (!slice) slices.set(population, (slice = []));
      slice.push(cell);
    }
    for (const cells of slices.values()) {
      if (!cells.some((cell) => cell.suppressed)) continue;
      const found = disclosures({
        sex: cells.map((cell) => (cell.categories.sex === undefined ? -1 : partitions.sex.categories.indexOf(cell.categories.sex))),
        age: cells.map((cell) => (cell.categories.ageGroup === undefined ? -1 : partitions.ageGroup.categories.indexOf(cell.categories.ageGroup))),
        count: cells.map((cell) => cell.count),
        suppressed: cells.map((cell) => cell.suppressed),
        bound: cells.map((cell) => cell.bound),
      });
      for (const { cell, figures, bounds, dimensions } of found) {
        const hidden = cells[cell]!;
        const params: IssueParams['privacy.complementary-disclosure'] = { dimension: dimensionsOfSums(dimensions), parts: figures.length, figures: figures.map((figure) => cells[figure]!.categories) };
        if (bounds.length > 0) params.denominators = bounds.map((bound) => cells[bound]!.categories);
        this.report('privacy.complementary-disclosure', [...hidden.path, 'suppressed'], params, hidden.context);
      }
    }
  }
}

/** The count an observation gives, for telling what its suppressed siblings give away: its numerator, or the count its value gives. */
function countOfCell(obs: Observation): number {
  const count = countOf(obs);
  return Number.isNaN(count) ? impliedCountOf(obs) : count;
}
