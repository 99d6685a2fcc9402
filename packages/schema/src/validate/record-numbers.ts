import { recordStores, type RecordType } from '../model/record-kinds.js';
import { toPointer, type Problem } from './issue.js';

/** Paths of a record are relative to it while it is checked: one shared empty path, where its shape check starts. */
export const RECORD_PATH: (string | number)[] = [];

/** Where the records of one array start among all the records checked, in the order checked. */
interface RecordArray {
  type: RecordType;
  first: number;
}

/**
 * The records of a package numbered in the order they are checked, array after array: the rules keep a record's
 * number as its context, in their tables as a number, rather than its path (an array each, kept as long as the
 * tables), and its problems get their path in the package when they are reported.
 */
export class RecordNumbers {
  readonly #arrays: RecordArray[] = [];
  #count = 0;

  /** The number of the next record, the one at `index` of its type's array. */
  next(type: RecordType, index: number): number {
    if (index === 0) this.#arrays.push({ type, first: this.#count });
    return this.#count++;
  }

  /** The path in the package of a path in record number `at`. */
  pathOf(at: number, path: readonly (string | number)[]): (string | number)[] {
    const arrays = this.#arrays;
    let array = arrays.length - 1;
    while (arrays[array]!.first > at) array--;
    const { type, first } = arrays[array]!;
    return [recordStores[type].collection, at - first, ...path];
  }

  /**
   * A problem of record number `at`, its path relative to the record, with its path in the package; the first of
   * two duplicates, given by its number, is named by its pointer.
   */
  inPackage(problem: Problem, at: number): Problem {
    if ((problem.code === 'unique.duplicate-id' || problem.code === 'unique.duplicate-breakdown') && typeof problem.params.first === 'number') {
      const keys = problem.code === 'unique.duplicate-id' ? [recordStores[problem.params.recordType].key] : [];
      return { ...problem, path: this.pathOf(at, problem.path), params: { ...problem.params, first: toPointer(this.pathOf(problem.params.first, keys)) } } as Problem;
    }
    return { ...problem, path: this.pathOf(at, problem.path) };
  }
}
