import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../src/validate/tables.js';
import { idAlphabet, random } from './random.js';
import { keyBytesOf, MAX_LOAD, slotsOf } from './support/tables.js';

/** Pages of 64 KiB, as the tests of page boundaries make them. */
const SMALL_PAGES = 16;
/** Pages of 1 MiB, as a table makes them unless told otherwise. */
const DEFAULT_PAGE_BITS = 20;

/** A key as records carry them: ASCII of any length up to several hundred characters, or with other characters. */
const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: fc.constantFrom(...'ABCxyz0189._:-'), minLength: 1, maxLength: 24 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 400 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }) },
);

type Operation =
  | { kind: 'add'; key: string; value: number | string }
  | { kind: 'addIfAbsent'; key: string; value: number | string }
  | { kind: 'get'; key: string }
  | { kind: 'again'; index: number }
  | { kind: 'follow'; keep: number; rest: string; value: number }
  | { kind: 'foresee'; scale: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), key, value: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.string()) }) },
  // Values as the rules keep them: lines and group numbers, at the edges of what is kept unboxed, and others.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('addIfAbsent' as const), key, value: fc.oneof(fc.nat(), fc.constantFrom(0, -0, 0xfffffffe, 0xffffffff, -1, 0.5), fc.string()) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('get' as const), key }) },
  // A key added before, looked up again (most lookups in a stream are hits).
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('again' as const), index: fc.nat() }) },
  // A key that begins as the one added last does, as ids of a file mostly do (`obs-0117`, `obs-0118`), or all of it.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('follow' as const), keep: fc.nat(), rest: fc.oneof(fc.string({ unit: fc.constantFrom(...'01289xyz-'), maxLength: 4 }), key), value: fc.nat() }) },
  // Its slots made for more keys than it holds, or fewer, as a stream of known size makes them.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('foresee' as const), scale: fc.oneof(fc.double({ min: 0, max: 40, noNaN: true }), fc.constantFrom(Number.NaN, -1)) }) },
);

/** Applies the operations to a table and to a `Map`, asserting after each that both answer alike. */
function agree(table: IdTable<number | string>, operations: readonly Operation[]): void {
  const model = new Map<string, number | string>();
  const added: string[] = [];
  for (const op of operations) {
    if (op.kind === 'foresee') {
      const slots = slotsOf(table).length;
      table.foresee(op.scale);
      // It grows only when it must, and never shrinks.
      expect(slotsOf(table).length).toBeGreaterThanOrEqual(slots);
      if (slotsOf(table).length > slots) expect(slotsOf(table).length * MAX_LOAD).toBeLessThan(2 * (op.scale * table.size + 1));
      continue;
    }
    if (op.kind === 'follow') {
      const last = added.at(-1) ?? '';
      const followed = last.slice(0, op.keep % (last.length + 1)) + op.rest;
      expect(table.addIfAbsent(followed, op.value)).toBe(model.get(followed));
      if (!model.has(followed)) {
        model.set(followed, op.value);
        added.push(followed);
      }
      expect(table.get(followed)).toBe(model.get(followed));
      continue;
    }
    const lookup = op.kind === 'again' ? added[op.index % Math.max(1, added.length)] : op.key;
    if (op.kind === 'add' && !model.has(op.key)) {
      table.add(op.key, op.value);
      model.set(op.key, op.value);
      added.push(op.key);
    }
    if (op.kind === 'addIfAbsent') {
      expect(table.addIfAbsent(op.key, op.value)).toBe(model.get(op.key));
      if (!model.has(op.key)) {
        model.set(op.key, op.value);
        added.push(op.key);
      }
    }
    if (lookup === undefined) continue;
    expect(table.get(lookup)).toBe(model.get(lookup));
    expect(table.has(lookup)).toBe(model.has(lookup));
  }
  expect(table.size).toBe(model.size);
  for (const [k, v] of model) expect(table.get(k)).toBe(v);
  const keys = [...table.keys()];
  expect(keys.length).toBe(model.size);
  expect(new Set(keys)).toEqual(new Set(model.keys()));
}

describe('IdTable', () => {
  it('answers like a Map for any sequence of operations, across thousands of tiny pages', () => {
    // Pages of 16 to 1024 bytes: every run crosses hundreds of page boundaries; longer keys go to the Map beside.
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 10 }), fc.array(operation, { minLength: 1, maxLength: 3000 }), (pageBits, operations) =>
        agree(new IdTable({ pageBits }), operations),
      ),
      { numRuns: 100 },
    );
  });

  it('answers like a Map across 64 KiB pages', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 3000 }), (operations) => agree(new IdTable({ pageBits: SMALL_PAGES }), operations)),
      { numRuns: 30 },
    );
  });

  it('answers like a Map when made for more or fewer keys than it is given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.array(operation, { maxLength: 1500 }), (expected, operations) => agree(new IdTable({ expected, pageBits: 8 }), operations)),
      { numRuns: 60 },
    );
  });

  it('answers like a Map with pages of the default size', () => {
    fc.assert(fc.property(fc.array(operation, { maxLength: 500 }), (operations) => agree(new IdTable(), operations)), { numRuns: 100 });
  });

  it('takes a key that ends exactly on a page boundary, and the keys after it', () => {
    const table = new IdTable<number>({ pageBits: SMALL_PAGES });
    const pageSize = 2 ** SMALL_PAGES;
    const width = 15;
    // 4096 keys of 15 bytes, each after the byte of its length, fill the first page to its last byte; the next key starts
    // the second page. Each begins with the last digit of its number, so that none shares its beginning with the one before.
    const keys = Array.from({ length: pageSize / (width + 1) + 3 }, (_, i) => `${[...String(i).padStart(width - 1, '0')].reverse().join('')}k`);
    keys.forEach((k, i) => table.add(k, i));
    keys.forEach((k, i) => expect(table.get(k)).toBe(i));
    expect(table.size).toBe(keys.length);
  });

  it('takes a key as long as a whole page with its length, between shorter ones', () => {
    const table = new IdTable<string>({ pageBits: 8 });
    const long = 'x'.repeat(2 ** 8 - 1);
    for (const k of ['a', long, 'b', `${long}y`.slice(1), 'c']) table.add(k, k.slice(0, 3));
    expect(table.get(long)).toBe('xxx');
    expect([...table.keys()]).toEqual(['a', long, 'b', `${long}y`.slice(1), 'c']);
    expect(table.get(`${long}y`.slice(1))).toBe('xxx');
    expect(table.get('c')).toBe('c');
    expect(table.get('x'.repeat(2 ** 8 - 2))).toBeUndefined();
  });

  it('finds every key of runs of the longest keys, each in a page of its own or one after another', () => {
    // Keys of 129 to 255 characters in pages of 256 bytes: each takes a page of its own, skipping the rest of the one
    // before, so that entries start 256 bytes apart, the most a key can take; in default pages, one after another.
    for (const pageBits of [8, DEFAULT_PAGE_BITS]) {
      const table = new IdTable<number>({ pageBits });
      const keys = Array.from({ length: 3000 }, (_, i) => `${i}-`.padEnd(129 + (i % 127), String.fromCharCode(33 + (i % 90))));
      keys.forEach((k, i) => table.add(k, i));
      keys.forEach((k, i) => expect(table.get(k)).toBe(i));
      expect([...table.keys()]).toEqual(keys);
    }
  });

  it('holds two million identifiers of random lengths and alphabets across many default pages', () => {
    // The i-th key: i in base 36 and a `/` (outside the id alphabet, so that keys are distinct), then a random
    // cut of a random text (0 to 127 characters of the id alphabet, now and then a non-ASCII one). The same seed
    // gives the keys again to look up.
    const next = random(20261201);
    let text = '';
    while (text.length < 1 << 16) text += idAlphabet[Math.floor(next() * idAlphabet.length)];
    const keys = (seed: number) => {
      const draw = random(seed);
      return (i: number) => {
        const length = draw() < 0.9 ? Math.floor(draw() * 24) : Math.floor(draw() * 128);
        const start = Math.floor(draw() * (text.length - length));
        return `${i.toString(36)}/${text.slice(start, start + length)}${draw() < 0.001 ? 'є' : ''}`;
      };
    };
    const count = 2_000_000;
    const table = new IdTable<number>();
    const adding = keys(7);
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const k = adding(i);
      bytes += k.length;
      table.add(k, i);
    }
    expect(bytes).toBeGreaterThan(20 * 2 ** 20);
    expect(table.size).toBe(count);
    const looking = keys(7);
    for (let i = 0; i < count; i++) {
      const k = looking(i);
      if (table.get(k) !== i) expect.fail(`key ${i} (${k}) gave ${table.get(k)}`);
    }
    expect(table.get('not-there')).toBeUndefined();
  });

  it('takes the keys foreseen without growing, and grows as more come', () => {
    const table = new IdTable<number>();
    for (let i = 0; i < 5000; i++) table.add(`early-${i}`, i);
    // Keys in other letters are kept apart: only the ASCII ones take slots.
    for (let i = 0; i < 100; i++) table.add(`рання-${i}`, i);
    table.foresee(36);
    const slots = slotsOf(table);
    // As many as 180 000 keys need, not the next power of two (2^18).
    expect(slots.length).toBe(Math.ceil((5000 * 36) / MAX_LOAD));
    const room = Math.floor(slots.length * MAX_LOAD);
    for (let i = 5000; i < room; i++) table.add(`late-${i}`, i);
    expect(slotsOf(table)).toBe(slots);
    table.add('one-more', 0);
    expect(slotsOf(table).length).toBe(2 * slots.length);
    expect(table.get('early-4999')).toBe(4999);
    expect(table.get(`late-${room - 1}`)).toBe(room - 1);
    expect(table.get('рання-99')).toBe(99);
    expect(table.size).toBe(room + 101);
  });

  it('keeps of a key what follows the beginning it shares with the key before, and no byte more for a key that shares none', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `UA-2024-obs-${String(i).padStart(6, '0')}`);
    const sharing = new IdTable<number>({ pageBits: 10 });
    ids.forEach((id, i) => sharing.add(id, i));
    // Whole, each key would take 19 bytes with its length; most keep the byte of what they share, 1 or 2 digits and their length.
    expect(keyBytesOf(sharing)).toBeLessThan(ids.length * 19 * 0.3);
    expect([...sharing.keys()]).toEqual(ids);
    ids.forEach((id, i) => expect(sharing.get(id)).toBe(i));
    expect(sharing.get('UA-2024-obs-010000')).toBeUndefined();
    expect(sharing.get('UA-2024-obs-00999')).toBeUndefined();
    // The same ids, each beginning with its last digit: none shares its beginning with the one before.
    const apart = new IdTable<number>({ pageBits: 10 });
    const turned = ids.map((id) => `${id.at(-1)}${id.slice(0, -1)}`);
    turned.forEach((id, i) => apart.add(id, i));
    // 53 keys of 19 bytes fill a page of 1024 but for 17 bytes, which are skipped.
    expect(keyBytesOf(apart)).toBe(Math.floor(ids.length / 53) * 1024 + (ids.length % 53) * 19);
    expect([...apart.keys()]).toEqual(turned);
  });

  it('refuses page sizes it cannot address', () => {
    for (const bits of [1, 31, 2.5]) expect(() => new IdTable({ pageBits: bits })).toThrow(RangeError);
  });
});
