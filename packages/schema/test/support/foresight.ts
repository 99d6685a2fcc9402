import { vi } from 'vitest';
import { Breakdowns } from '../../src/validate/breakdowns.js';
import { IdTable, TupleTable } from '../../src/validate/tables.js';
import { idAlphabet, random } from '../random.js';
import { countObservation, type Loose } from '../rules/small-package.js';
import { slotsOf } from './tables.js';

/** Areas as files name them, in Latin, Cyrillic and accented letters (texts not ASCII are kept apart from the slots). */
const areaNames = ['District', 'Район', 'Région', 'Oblast'];

/**
 * `count` observations, each a group of its own (an area of its own), under ids of 2 to 50 characters over the whole id
 * alphabet; each fifth from 1000 on has the id of one of the first 1000 again (a duplicate of an id noted long before):
 * 600 duplicates in 4000.
 */
export function observationsOfGroupsOfOne(count: number): Loose[] {
  const draw = random(20261206);
  const ids: string[] = [];
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(draw() * 20);
    // The number in base 36 first, then a separator: no two ids alike unless meant.
    ids.push(`${i.toString(36)}${idAlphabet[62 + (i % 4)]}${idAlphabet.slice(start, start + Math.floor(draw() * 45))}`);
    const id = i >= 1000 && i % 5 === 0 ? ids[i % 1000]! : ids[i]!;
    return countObservation({ id, scope: { country: 'ZM', subnationalArea: `${areaNames[i % areaNames.length]} ${i}` }, numerator: 5000 + i, value: 5000 + i });
  });
}

/**
 * Watches the rules' tables being made for what data of known size promises, until `restore()`: the scale of each
 * foresight (once a check), and each table foreseen with its slots then — a table whose slots are others at the end
 * grew after.
 */
export function foresight(): { scales: number[]; slots: Map<IdTable<number> | TupleTable, Uint32Array>; restore(): void } {
  const scales: number[] = [];
  const slots = new Map<IdTable<number> | TupleTable, Uint32Array>();
  const foresee = Breakdowns.prototype.foresee;
  const groups = vi.spyOn(Breakdowns.prototype, 'foresee').mockImplementation(function (this: Breakdowns<number>, scale) {
    scales.push(scale);
    foresee.call(this, scale);
  });
  const tables = [IdTable.prototype, TupleTable.prototype].map((prototype) => {
    const original = prototype.foresee;
    return vi.spyOn(prototype, 'foresee').mockImplementation(function (this: IdTable<number> | TupleTable, scale) {
      original.call(this, scale);
      slots.set(this, slotsOf(this));
    });
  });
  return { scales, slots, restore: () => [groups, ...tables].forEach((spy) => spy.mockRestore()) };
}
