/**
 * The breakdowns of a total: observations of the same indicator, organisation, scope, period and data source that split
 * it by sex, age group or population. Their numerators and denominators may not add up to more than the
 * total's, a complete breakdown should add up to it, a suppressed count of people may not be worked out from the
 * numbers shown by the sums of its group (`disclosure.ts`), and each category is given once.
 *
 * A stream may have a group for every record (each a total of its own), so nothing here is an object per
 * record or per group: each distinct text of a group's eight key fields is numbered once, a group is the number
 * of its frame (the six fields but area and facility, numbered in a hash table of their own) and the numbers of
 * its area and facility, in a hash table, and every observation noted is a row of typed-array columns — its
 * numerator, denominator, where it is, and its categories. A group with parts has a block of row numbers: its
 * first part of each category.
 */
import type { IndicatorRule } from '../catalogue/indicators.js';
import type { Observation } from '../model/observation.js';
import type { IssueCode } from './codes.js';
import type { IssueParams } from './params.js';
import { Column, Counts, IdTable, Runs, TupleTable } from './tables.js';

type Path = (string | number)[];

/** The dimensions of a breakdown, in the order messages name them. */
export const DIMENSIONS = ['sex', 'ageGroup', 'population'] as const;

import { BY_AGE, BY_SEX, disclosures, partitions, type SliceCells } from './disclosure.js';
import { impliedCountOf } from './arithmetic.js';

export { partitions, type Partition } from './disclosure.js';

/** The fields of a cell that add up. */
export const FIELDS = ['numerator', 'denominator'] as const;

const SEX = partitions.sex.categories;
const AGE = partitions.ageGroup.categories;

/**
 * A row's categories, in 16 bits: its sex + 1 (0 when not given), its age group + 1 shifted by 4, whether it
 * names a population, whether it is suppressed. A total has none.
 */
const AGE_SHIFT = 4;
const POPULATION = 1 << 8;
/** The row is a suppressed count of people: one that others must not give away. */
const SUPPRESSED = 1 << 9;
/** The row is an observation known outside the data: its context is its number among them. */
const KNOWN = 1 << 10;
/**
 * The row's count is one its percentage or rate gives with its denominator (its numerator left out): it takes part in
 * telling whether a suppressed number is given away, not in the sums of numerators.
 */
const IMPLIED = 1 << 11;
/** The row is of an indicator that counts things or places: its suppressed number may be given away. */
const NOT_PEOPLE = 1 << 12;
/** The row is of a proportion: its numerator is at most its denominator. */
const PROPORTION = 1 << 13;

/** The rows of a block of a group with parts: the first row of each sex, then of each age group, the last row of each. */
const BLOCK_LAST_SEX = SEX.length + AGE.length;
const BLOCK_LAST_AGE = BLOCK_LAST_SEX + 1;
const BLOCK_ROWS = BLOCK_LAST_AGE + 1;
/** Fields that make an observation's group; values of one source are compared with each other only. */
const GROUP_FIELDS = 8;
/** The fields of a group's frame (all but its area, 3, and facility, 4). */
const FRAME_FIELDS = [0, 1, 2, 5, 6, 7] as const;
const NONE = -1;

/** What a report of the breakdowns needs: the code, the path in the record, the params, and the record. */
export type BreakdownReport<Context> = <C extends IssueCode>(code: C, path: Path, params: IssueParams[C], context: Context) => void;

/** The count an observation gives: its numerator, or the value of a count; NaN when it gives none or hides it. */
export function countOf(obs: Observation): number {
  if (obs.suppressed) return Number.NaN;
  return obs.numerator ?? (obs.unit === 'count' ? (obs.value ?? Number.NaN) : Number.NaN);
}

/** The dimensions the sums that give a suppressed number away add up by, as a message names them: `sex, ageGroup`. */
export function dimensionsOfSums(mask: number): string {
  return mask === (BY_SEX | BY_AGE) ? 'sex, ageGroup' : mask === BY_SEX ? 'sex' : 'ageGroup';
}

/** Whether a category is the total: not given, or `all`. */
export function isTotal(category: string | undefined): boolean {
  return category === undefined || category === 'all';
}

/** The categories of an observation, written for a message: `sex female, ageGroup <18`. */
export function categoriesOf(obs: Observation): Record<string, string> {
  const categories: Record<string, string> = {};
  for (const dimension of DIMENSIONS) {
    const category = obs.disaggregation?.[dimension];
    if (!isTotal(category)) categories[dimension] = category!;
  }
  return categories;
}

/** The dimensions a row of other parts names, as a message writes them: `sex, ageGroup`. */
function dimensionsOf(code: number): string {
  const names: string[] = [];
  if ((code & 0xf) !== 0) names.push('sex');
  if (((code >> AGE_SHIFT) & 0xf) !== 0) names.push('ageGroup');
  if ((code & POPULATION) !== 0) names.push('population');
  return names.join(', ');
}

/**
 * The groups of observations and their breakdowns, filled record by record and checked when the data ends.
 * `Context` is where a record is in its file (an NDJSON line, a CSV row, its number in a package: a whole number
 * below 2^32 − 1; every observation has one); the paths reported are relative to the record.
 */
export class Breakdowns<Context extends number | undefined> {
  /** Each distinct text of a group's fields, numbered. */
  private texts = new IdTable<number>();
  /** The texts by number, listed when a message first needs one ({@link textOf}). */
  private textsByNumber: string[] | undefined;
  /** The group's fields as text numbers, and the texts they were made from: most records share them with the last. */
  private readonly key = new Uint32Array(GROUP_FIELDS);
  private readonly keyTexts: (string | undefined)[] = new Array<string | undefined>(GROUP_FIELDS).fill(undefined);
  /**
   * A group is its frame — indicator, organisation, country, period and data source, which many groups share — and
   * its place, area and facility: frames are numbered once, and a group is kept as its frame's number and its
   * place's two text numbers, 6 to 12 bytes (each in 16 bits while small) rather than the 32 of its eight fields.
   */
  private readonly frameKey = new Uint32Array(FRAME_FIELDS.length);
  private frame = NONE;
  private frames = new TupleTable(FRAME_FIELDS.length);
  private readonly groupKey = new Uint32Array(3);
  private group = NONE;
  private groups = new TupleTable(3);
  /**
   * Per group: its total's row, as its distance from the group's number (NaN while it has none; {@link totalOf}), and its
   * block of parts (NONE when it has none: no page while no group has parts). A group's rows come after those of
   * the groups before it, so the distance is never negative, and 0 where each observation is a group of its own and
   * gives its total: 16 bits then, where a row number takes 32.
   */
  private totals = new Counts();
  private blocksOf = new Column(Int32Array, NONE);
  /**
   * Per block (numbered in the order made): its group; its base, the number of rows when it was made; its rows, each as
   * its distance from its base (NaN for none): mostly in 16 bits, as a group's parts mostly come near each other,
   * where a row number takes 32; its first and last other part (no page while no group has one); whether one of its
   * parts is a suppressed count of people (1, else 0; no page while none is).
   */
  private blockGroups = new Column(Int32Array);
  private blockBases = new Column(Int32Array);
  private blockRows = new Counts();
  private firstOthers = new Column(Int32Array, NONE);
  private lastOthers = new Column(Int32Array, NONE);
  private suppressedIn = new Column(Uint16Array, 0);
  /** Other parts (by population, or by two dimensions at once) by group, categories and population: their first row. */
  private others = new TupleTable(3);
  private readonly otherKey = new Uint32Array(3);
  /** Per other part, in the order seen: its row, and the next other part of its group (NONE for the last). */
  private othersRows = new Column(Int32Array);
  private nextOthers = new Column(Int32Array);
  /**
   * Per row (an observation noted): numbers (NaN when not given or hidden; in 32 bits while they are counts), its
   * context (as runs, a stream's rows being mostly on consecutive lines), categories.
   */
  private numerators = new Counts();
  private denominators = new Counts();
  private contexts = new Runs();
  private codes = new Column(Uint16Array, 0);

  /** The ids of the observations known outside the data, by their number. */
  private knownIds: string[] = [];
  /** Known rows that took the place of a suppressed one of the data with their categories: the data's row, by the known one. */
  private replaced = new Map<number, number>();

  constructor(private readonly report: BreakdownReport<Context>) {}

  /**
   * Notes an observation known outside the data (after the data's): issues only known observations take part in
   * are not reported, and the others are reported at an observation of the data.
   */
  addKnown(obs: Observation, indicator?: IndicatorRule): void {
    this.knownIds.push(obs.id);
    this.add(obs, (this.knownIds.length - 1) as Context, indicator, KNOWN);
  }

  /**
   * Notes an observation that passed its other checks, of `indicator` where it is known: no number of an indicator that
   * counts things or places (`countsPeople: false`) is given away, and a proportion's numerator is at most its
   * denominator.
   */
  add(obs: Observation, context: Context, indicator?: IndicatorRule, known = 0): void {
    const kind = known | (indicator?.countsPeople === false ? NOT_PEOPLE : 0) | (indicator?.calculation === 'proportion' ? PROPORTION : 0);
    const { scope, period } = obs;
    let frameChanged = this.keyField(0, obs.indicator);
    frameChanged = this.keyField(1, obs.reportingOrganisation) || frameChanged;
    frameChanged = this.keyField(2, scope.country) || frameChanged;
    let placeChanged = this.keyField(3, scope.subnationalArea ?? '');
    placeChanged = this.keyField(4, scope.facility ?? '') || placeChanged;
    frameChanged = this.keyField(5, period.start) || frameChanged;
    frameChanged = this.keyField(6, period.end) || frameChanged;
    frameChanged = this.keyField(7, obs.dataSource) || frameChanged;
    if (frameChanged || this.frame === NONE) {
      for (let i = 0; i < FRAME_FIELDS.length; i++) this.frameKey[i] = this.key[FRAME_FIELDS[i]!]!;
      this.frame = this.frames.entryOf(this.frameKey);
    }
    if (frameChanged || placeChanged || this.group === NONE) {
      this.groupKey[0] = this.frame;
      this.groupKey[1] = this.key[3]!;
      this.groupKey[2] = this.key[4]!;
      this.group = this.groups.entryOf(this.groupKey);
      if (this.group === this.totals.length) {
        this.totals.push(Number.NaN);
        this.blocksOf.push(NONE);
      }
    }
    const group = this.group;
    const parts = obs.disaggregation;
    const sex = parts === undefined || isTotal(parts.sex) ? -1 : SEX.indexOf(parts.sex!);
    const age = parts === undefined || isTotal(parts.ageGroup) ? -1 : AGE.indexOf(parts.ageGroup!);
    const population = parts === undefined || isTotal(parts.population) ? undefined : parts.population!;
    if (sex < 0 && age < 0 && population === undefined) {
      const first = this.totalOf(group);
      if (first !== NONE) return this.duplicate(obs, context, first, {}, kind, (row) => this.setTotal(group, row));
      this.setTotal(group, this.row(obs, context, kind));
      return;
    }
    let block = this.blocksOf.at(group);
    if (block === NONE) {
      block = this.blockGroups.length;
      this.blockGroups.push(group);
      this.blockBases.push(this.numerators.length);
      for (let i = 0; i < BLOCK_ROWS; i++) this.blockRows.push(Number.NaN);
      this.firstOthers.push(NONE);
      this.lastOthers.push(NONE);
      this.suppressedIn.push(0);
      this.blocksOf.set(group, block);
    }
    if ((kind & NOT_PEOPLE) === 0 && obs.suppressed === true) this.suppressedIn.set(block, 1);
    const code = (sex + 1) | ((age + 1) << AGE_SHIFT) | (population === undefined ? 0 : POPULATION) | kind;
    if (population === undefined && (sex < 0 || age < 0)) {
      const category = sex >= 0 ? sex : SEX.length + age;
      const first = this.blockRow(block, category);
      if (first !== NONE) return this.duplicate(obs, context, first, categoriesOf(obs), code, (row) => this.setBlockRow(block, category, row));
      const row = this.row(obs, context, code);
      this.setBlockRow(block, category, row);
      this.setBlockRow(block, sex >= 0 ? BLOCK_LAST_SEX : BLOCK_LAST_AGE, row);
      return;
    }
    this.otherKey[0] = group;
    // A known observation repeats one of the data with the same categories.
    this.otherKey[1] = code & ~KNOWN;
    this.otherKey[2] = population === undefined ? 0 : this.textNumber(population) + 1;
    const other = this.others.entryOf(this.otherKey);
    if (other < this.othersRows.length) return this.duplicate(obs, context, this.othersRows.at(other), categoriesOf(obs), code, (row) => this.othersRows.set(other, row));
    this.othersRows.push(this.row(obs, context, code));
    this.nextOthers.push(NONE);
    // Linked first to last, in the order seen: the block keeps the first and the last, each the next.
    const last = this.lastOthers.at(block);
    if (last === NONE) this.firstOthers.set(block, other);
    else this.nextOthers.set(last, other);
    this.lastOthers.set(block, other);
  }

  /** Makes the tables of texts and groups hold `scale` times what they hold, when they cannot yet (see {@link IdTable.foresee}). */
  foresee(scale: number): void {
    for (const table of [this.texts, this.frames, this.groups, this.others]) table.foresee(scale);
  }

  /** Reports what only all the data can tell, and forgets the groups. */
  finish(): void {
    for (let block = 0; block < this.blockGroups.length; block++) {
      const total = this.totalOf(this.blockGroups.at(block));
      if (total !== NONE) {
        this.checkBreakdown('sex', block, 0, BLOCK_LAST_SEX, total);
        this.checkBreakdown('ageGroup', block, SEX.length, BLOCK_LAST_AGE, total);
        for (let other = this.firstOthers.at(block); other !== NONE; other = this.nextOthers.at(other)) this.checkLargerThanTotal(this.othersRows.at(other), total);
      }
      // Only a group with a suppressed count of people is solved for what its numbers give away.
      if (this.suppressedIn.at(block) !== 0 || (total !== NONE && (this.codes.at(total) & SUPPRESSED) !== 0)) this.checkDisclosures(block, total);
    }
    this.texts = new IdTable();
    this.textsByNumber = undefined;
    this.keyTexts.fill(undefined);
    this.frame = NONE;
    this.frames = new TupleTable(FRAME_FIELDS.length);
    this.group = NONE;
    this.groups = new TupleTable(3);
    this.totals = new Counts();
    this.blocksOf = new Column(Int32Array, NONE);
    this.blockGroups = new Column(Int32Array);
    this.blockBases = new Column(Int32Array);
    this.blockRows = new Counts();
    this.firstOthers = new Column(Int32Array, NONE);
    this.lastOthers = new Column(Int32Array, NONE);
    this.suppressedIn = new Column(Uint16Array, 0);
    this.others = new TupleTable(3);
    this.othersRows = new Column(Int32Array);
    this.nextOthers = new Column(Int32Array);
    this.numerators = new Counts();
    this.denominators = new Counts();
    this.contexts = new Runs();
    this.codes = new Column(Uint16Array, 0);
    this.knownIds = [];
    this.replaced = new Map();
  }

  /** Sets a field of the group key to the number of its text; true when it differs from the last record's. */
  private keyField(field: number, text: string): boolean {
    if (text === this.keyTexts[field]) return false;
    this.keyTexts[field] = text;
    const number = this.textNumber(text);
    if (number === this.key[field]) return false;
    this.key[field] = number;
    return true;
  }

  private textNumber(text: string): number {
    const next = this.texts.size;
    return this.texts.addIfAbsent(text, next) ?? next;
  }

  /** Notes an observation as a row, returning its number. */
  private row(obs: Observation, context: Context, code: number): number {
    const row = this.numerators.length;
    let count = countOf(obs);
    if (Number.isNaN(count)) {
      count = impliedCountOf(obs);
      if (!Number.isNaN(count)) code |= IMPLIED;
    }
    this.numerators.push(count);
    this.denominators.push(obs.denominator ?? Number.NaN);
    this.contexts.push(context as number);
    this.codes.push(obs.suppressed === true && (code & NOT_PEOPLE) === 0 ? code | SUPPRESSED : code);
    return row;
  }

  private contextOf(row: number): Context {
    return this.contexts.at(row) as Context;
  }

  /** A row's numerator or denominator as given: NaN when not given or hidden (a count its value gives is not one). */
  private valueOf(row: number, field: (typeof FIELDS)[number]): number {
    if (field === 'denominator') return this.denominators.at(row);
    return (this.codes.at(row) & IMPLIED) === 0 ? this.numerators.at(row) : Number.NaN;
  }

  /**
   * Reports an observation of a category noted already (`firstRow`), which is not added. A known observation that
   * repeats one of the data takes its place, as if it came first (it was there before the data): the data's is
   * reported, naming the known one by its id. One known observation repeating another is not reported.
   */
  private duplicate(obs: Observation, context: Context, firstRow: number, categories: Record<string, string>, code: number, replace: (row: number) => void): void {
    const path = Object.keys(categories).length > 0 ? ['disaggregation'] : [];
    if ((code & KNOWN) === 0) return this.report('unique.duplicate-breakdown', path, { first: this.contextOf(firstRow) as number, categories }, context);
    if (this.isKnown(firstRow)) return;
    const row = this.row(obs, context, code);
    replace(row);
    if ((this.codes.at(firstRow) & SUPPRESSED) !== 0) this.replaced.set(row, firstRow);
    this.report('unique.duplicate-breakdown', path, { first: this.knownIds[context as number]!, categories }, this.contextOf(firstRow));
  }

  /** The row of a group's total, NONE while it has none. */
  private totalOf(group: number): number {
    const distance = this.totals.at(group);
    return Number.isNaN(distance) ? NONE : group + distance;
  }

  private setTotal(group: number, row: number): void {
    this.totals.set(group, row - group);
  }

  private isKnown(row: number): boolean {
    return (this.codes.at(row) & KNOWN) !== 0;
  }

  /**
   * The row to report an issue at: `at` unless it is a known observation, else the first of the data among `others`
   * that take part; NONE when only known observations take part.
   */
  private reportedAt(at: number, others: readonly number[]): number {
    if (!this.isKnown(at)) return at;
    return others.find((row) => row !== NONE && !this.isKnown(row)) ?? NONE;
  }

  /** The rows of a breakdown's categories given, from `first` of the block, by their indices among the dimension's categories. */
  private cells(block: number, first: number, indices: Iterable<number>): number[] {
    const rows: number[] = [];
    for (const index of indices) {
      const row = this.cell(block, first, index);
      if (row !== NONE) rows.push(row);
    }
    return rows;
  }

  /** One part of a breakdown that is not added up (by population, or by two dimensions) is larger than the total. */
  private checkLargerThanTotal(row: number, total: number): void {
    for (const field of FIELDS) {
      const value = this.valueOf(row, field);
      const whole = this.valueOf(total, field);
      if (value > whole) {
        const at = this.reportedAt(row, [total]);
        if (at === NONE) return;
        this.report('disagg.exceeds-total', [field], { dimension: dimensionsOf(this.codes.at(row)), field, sum: value, total: whole, parts: 1 }, this.contextOf(at));
        return;
      }
    }
  }

  /** The row of a category of a breakdown (by its index among the dimension's categories), or NONE. */
  private cell(block: number, first: number, index: number): number {
    return this.blockRow(block, first + index);
  }

  /** A row of a block (the first of a category, the last of a dimension), or NONE. */
  private blockRow(block: number, index: number): number {
    const distance = this.blockRows.at(block * BLOCK_ROWS + index);
    return Number.isNaN(distance) ? NONE : this.blockBases.at(block) + distance;
  }

  private setBlockRow(block: number, index: number, row: number): void {
    this.blockRows.set(block * BLOCK_ROWS + index, row - this.blockBases.at(block));
  }

  /**
   * Checks the breakdown of a group along a dimension: its parts are the rows of the block from `first`, the
   * one seen last at `lastAt`.
   */
  private checkBreakdown(dimension: 'sex' | 'ageGroup', block: number, first: number, lastAt: number, total: number): void {
    const last = this.blockRow(block, lastAt);
    if (last === NONE) return;
    const { categories, disjoint, complete } = partitions[dimension];
    /** Every part of the breakdown given, and its total: where an issue goes when the row it is about is a known one. */
    const taking = [...this.cells(block, first, categories.keys()), total];
    for (const field of FIELDS) {
      const whole = this.valueOf(total, field);
      // The largest sum of parts that do not overlap; parts that hide or lack the number do not add.
      let largest = 0;
      let largestParts = 0;
      for (const set of disjoint) {
        let sum = 0;
        let parts = 0;
        for (const index of set) {
          const row = this.cell(block, first, index);
          if (row === NONE) continue;
          const value = this.valueOf(row, field);
          if (!Number.isNaN(value)) {
            sum += value;
            parts++;
          }
        }
        if (sum > largest) {
          largest = sum;
          largestParts = parts;
        }
      }
      if (largest > whole) {
        const at = this.reportedAt(last, taking);
        if (at !== NONE) this.report('disagg.exceeds-total', [field], { dimension, field, sum: largest, total: whole, parts: largestParts }, this.contextOf(at));
        continue;
      }
      const covering = complete.find((set) => set.every((index) => this.cell(block, first, index) !== NONE));
      if (!covering) continue;
      // Every part given: with the others that do not overlap them, they should make the total.
      const members = dimension === 'sex' ? disjoint[0]!.filter((index) => this.cell(block, first, index) !== NONE) : covering;
      let unknown = 0;
      let sum = 0;
      for (const index of members) {
        const value = this.valueOf(this.cell(block, first, index), field);
        if (Number.isNaN(value)) unknown++;
        else sum += value;
      }
      if (unknown === 0 && !Number.isNaN(whole) && sum < whole) {
        const at = this.reportedAt(total, [total, ...this.cells(block, first, members)]);
        if (at !== NONE) this.report('disagg.below-total', [field], { dimension, field, sum, total: whole, parts: members.length }, this.contextOf(at));
      }
    }
  }

  /**
   * Reports the suppressed counts of people of a group that its other numbers give away ({@link disclosures}), at
   * each: its total, parts by sex and by age group and by both, and those of each population, a slice each.
   */
  private checkDisclosures(block: number, total: number): void {
    /** The slices: by population text number + 1 (0 for none), the rows of each. */
    const slices = new Map<number, number[]>();
    const none: number[] = total === NONE ? [] : [total];
    slices.set(0, none);
    for (let index = 0; index < SEX.length + AGE.length; index++) {
      const row = this.blockRow(block, index);
      if (row !== NONE) none.push(row);
    }
    const populationOf = new Map<number, number>();
    for (let other = this.firstOthers.at(block); other !== NONE; other = this.nextOthers.at(other)) {
      const row = this.othersRows.at(other);
      const population = this.others.item(other, 2);
      let slice = slices.get(population);
      if (!slice) slices.set(population, (slice = []));
      slice.push(row);
      populationOf.set(row, population);
    }
    for (const rows of slices.values()) {
      if (!rows.some((row) => (this.codes.at(row) & SUPPRESSED) !== 0)) continue;
      const cells: SliceCells = {
        sex: rows.map((row) => (this.codes.at(row) & 0xf) - 1),
        age: rows.map((row) => ((this.codes.at(row) >> AGE_SHIFT) & 0xf) - 1),
        count: rows.map((row) => this.numerators.at(row)),
        suppressed: rows.map((row) => (this.codes.at(row) & SUPPRESSED) !== 0),
        bound: rows.map((row) => ((this.codes.at(row) & PROPORTION) !== 0 ? this.denominators.at(row) : Number.NaN)),
      };
      const categories = (row: number) => this.categoriesOfRow(row, populationOf.get(row) ?? 0);
      for (const { cell, figures, bounds, dimensions } of disclosures(cells)) {
        // A known row that took the place of the data's suppressed one of its categories gives the data's away too.
        const hidden = this.replaced.get(rows[cell]!) ?? rows[cell]!;
        const shown = figures.map((figure) => rows[figure]!);
        const bounding = bounds.map((bound) => rows[bound]!);
        const at = this.reportedAt(hidden, [...shown, ...bounding]);
        if (at === NONE) continue;
        const params: IssueParams['privacy.complementary-disclosure'] = { dimension: dimensionsOfSums(dimensions), parts: shown.length, figures: shown.map(categories) };
        if (bounding.length > 0) params.denominators = bounding.map(categories);
        this.report('privacy.complementary-disclosure', at === hidden ? ['suppressed'] : [], params, this.contextOf(at));
      }
    }
  }

  /**
   * The text of a number, from the texts listed once the first time one is asked for (in `finish`, for a message): a
   * look-up each, where walking the table for each would take time growing with the texts before it.
   */
  private textOf(number: number): string {
    if (!this.textsByNumber) {
      this.textsByNumber = [];
      for (const text of this.texts.keys()) this.textsByNumber[this.texts.get(text)!] = text;
    }
    return this.textsByNumber[number]!;
  }

  /** The categories of a row, as {@link categoriesOf} writes them; `population` is its text number + 1, 0 for none. */
  private categoriesOfRow(row: number, population: number): Record<string, string> {
    const code = this.codes.at(row);
    const categories: Record<string, string> = {};
    if ((code & 0xf) !== 0) categories.sex = SEX[(code & 0xf) - 1]!;
    if (((code >> AGE_SHIFT) & 0xf) !== 0) categories.ageGroup = AGE[((code >> AGE_SHIFT) & 0xf) - 1]!;
    if (population !== 0) categories.population = this.textOf(population - 1);
    return categories;
  }
}
