/**
 * Compact tables for the rules that span records: a stream of millions of records keeps its ids and
 * group keys here, in a fraction of the memory of a `Map` of strings.
 */

/** Keys longer than this go to the plain `Map` (their length is kept in 16 bits). */
const MAX_TABLE_KEY = 0xffff;
/** The bytes of all keys of a table, addressed by 32-bit offsets. */
const MAX_KEY_BYTES = 2 ** 32;
/** Key bytes are kept in pages of 2^20 bytes (1 MiB): a page is never copied to grow. */
const DEFAULT_PAGE_BITS = 20;
/** Bytes of a key turned into characters at once when the keys are listed. */
const KEY_SLICE = 4096;

/** Slots are filled at most to this share before the slot array doubles. */
const MAX_LOAD = 0.7;
/** A slot of an `IdTable`: its key's tag in the top 8 bits, its entry number + 1 in the other 24. */
const TAG_MASK = 0xff000000;
const ENTRY_MASK = 0xffffff;
/** Entries an `IdTable` keeps in pages at most (numbered in 24 bits, 0 for an empty slot). */
const MAX_ENTRIES = ENTRY_MASK - 1;
/** A value kept unboxed in `numbers`: a whole number from 0 to 2^32 − 2 (an NDJSON line, a group's index). */
const MAX_NUMBER = 0xfffffffe;

/**
 * A map from identifiers to values: ASCII keys (identifiers always are) are kept as bytes in pages and
 * found through an open-addressing hash table; the rare other key goes to a plain `Map`. Keys are only
 * added, never removed.
 *
 * Each slot has a one-byte tag beside it (8 bits of the key's hash), so that a probe compares key bytes only
 * where the tag matches; a key is found, or added, with one hash and one probe sequence.
 */
export class IdTable<T> {
  /** At each slot, the top 8 bits of its key's hash above its entry number + 1 (24 bits); 0 is an empty slot. */
  private slots = new Uint32Array(1024);
  /** Per entry: where its bytes start (page × page size + offset), and how many. */
  private starts = new Uint32Array(512);
  private lengths = new Uint16Array(512);
  /** Pages are made when a key first needs one, so that a table with no ASCII keys takes no page. */
  private readonly pages: Uint8Array[] = [];
  private readonly pageBits: number;
  private readonly pageSize: number;
  /** Where the next key's bytes go. */
  private end = 0;
  private count = 0;
  /** Per entry, its value: a whole number up to MAX_NUMBER unboxed in `numbers`, stored + 1 (0: in `values`). */
  private numbers = new Uint32Array(512);
  private readonly values: (T | undefined)[] = [];
  private readonly other = new Map<string, T>();

  /** The longest key kept in pages: a key never straddles two pages. */
  private readonly maxKey: number;

  /**
   * @param pageBits - pages hold 2^pageBits bytes. Small pages (a few bytes) only serve to exercise page
   *   boundaries in tests.
   */
  constructor(pageBits = DEFAULT_PAGE_BITS) {
    if (!Number.isInteger(pageBits) || pageBits < 2 || pageBits > 30) throw new RangeError(`pageBits must be an integer from 2 to 30, not ${pageBits}`);
    this.pageBits = pageBits;
    this.pageSize = 2 ** pageBits;
    this.maxKey = Math.min(MAX_TABLE_KEY, this.pageSize);
  }

  get size(): number {
    return this.count + this.other.size;
  }

  get(key: string): T | undefined {
    const hash = hashOf(key, this.maxKey);
    if (hash === undefined) return this.other.get(key);
    const found = this.slots[this.find(key, hash)]!;
    if (found === 0) return this.other.size === 0 ? undefined : this.other.get(key);
    return this.valueOf((found & ENTRY_MASK) - 1);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Every key: those kept in pages in the order they were added, then the others. */
  *keys(): IterableIterator<string> {
    for (let entry = 0; entry < this.count; entry++) {
      const start = this.starts[entry]!;
      const page = this.pages[start >>> this.pageBits]!;
      const offset = start & (this.pageSize - 1);
      let key = '';
      // In slices: a call takes a bounded number of arguments, and a key may be 65 535 bytes long.
      for (let at = offset, end = offset + this.lengths[entry]!; at < end; at += KEY_SLICE) {
        key += String.fromCharCode(...page.subarray(at, Math.min(end, at + KEY_SLICE)));
      }
      yield key;
    }
    yield* this.other.keys();
  }

  /** Adds a key that is not there yet (`value` must not be undefined). */
  add(key: string, value: T): void {
    this.addIfAbsent(key, value);
  }

  /**
   * The value of `key` when it is there; else adds it with `value` (which must not be undefined) and returns
   * undefined. One hash and one probe sequence, where `get` then `add` take two of each.
   */
  addIfAbsent(key: string, value: T): T | undefined {
    const hash = hashOf(key, this.maxKey);
    // Entries address their bytes in 32 bits and are numbered in 24: past 4 GiB of keys or 2^24 − 1 entries, keys go
    // to the plain `Map` as well.
    if (hash === undefined || this.end + key.length + this.pageSize > MAX_KEY_BYTES || this.count === MAX_ENTRIES) return this.addOther(key, value);
    const slot = this.find(key, hash);
    const found = this.slots[slot]!;
    if (found !== 0) return this.valueOf((found & ENTRY_MASK) - 1);
    if (this.other.size > 0 && this.other.has(key)) return this.other.get(key);
    const entry = this.count;
    if (entry === this.starts.length) {
      this.starts = enlarged(this.starts);
      this.lengths = enlarged(this.lengths);
      this.numbers = enlarged(this.numbers);
    }
    const start = this.reserve(key.length);
    const page = this.pages[start >>> this.pageBits]!;
    const offset = start & (this.pageSize - 1);
    for (let i = 0; i < key.length; i++) page[offset + i] = key.charCodeAt(i);
    this.starts[entry] = start;
    this.lengths[entry] = key.length;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_NUMBER && !Object.is(value, -0)) this.numbers[entry] = value + 1;
    else this.values[entry] = value;
    this.count++;
    this.slots[slot] = (hash & TAG_MASK) | (entry + 1);
    if (this.count > this.slots.length * MAX_LOAD) this.grow();
    return undefined;
  }

  private addOther(key: string, value: T): T | undefined {
    const found = this.other.get(key);
    if (found === undefined) this.other.set(key, value);
    return found;
  }

  private valueOf(entry: number): T {
    const number = this.numbers[entry]!;
    return number === 0 ? this.values[entry]! : ((number - 1) as T);
  }

  /** Where `length` bytes of a new key go: a key never straddles two pages, and its page exists. */
  private reserve(length: number): number {
    const offset = this.end & (this.pageSize - 1);
    // A key that would cross the end of its page starts the next one; one that ends exactly on it fits.
    if (offset + length > this.pageSize) this.end += this.pageSize - offset;
    const start = this.end;
    if (start >>> this.pageBits === this.pages.length) this.pages.push(new Uint8Array(this.pageSize));
    this.end += length;
    return start;
  }

  /** The slot of a key: where it is, or the empty slot where it would go. */
  private find(key: string, hash: number): number {
    const mask = this.slots.length - 1;
    const tag = hash & TAG_MASK;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot]!;
      if (found === 0 || ((found & TAG_MASK) === tag && this.matches((found & ENTRY_MASK) - 1, key))) return slot;
    }
  }

  private matches(entry: number, key: string): boolean {
    if (this.lengths[entry] !== key.length) return false;
    const start = this.starts[entry]!;
    const page = this.pages[start >>> this.pageBits]!;
    const offset = start & (this.pageSize - 1);
    for (let i = 0; i < key.length; i++) if (page[offset + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Doubles the slots, hashing each key again from its bytes: no hash is kept per entry. */
  private grow(): void {
    this.slots = new Uint32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      const start = this.starts[entry]!;
      const page = this.pages[start >>> this.pageBits]!;
      const offset = start & (this.pageSize - 1);
      let hash = FNV_OFFSET;
      for (let at = offset, end = offset + this.lengths[entry]!; at < end; at++) hash = Math.imul(hash ^ page[at]!, FNV_PRIME);
      let slot = hash & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = (hash & TAG_MASK) | (entry + 1);
    }
  }
}

/** A typed array that grows by doubling, as a column of numbers. */
type NumberArray = Int32Array | Uint32Array | Uint16Array | Float64Array;

/**
 * A column of numbers that grows as they are pushed: unboxed in a typed array that doubles when full.
 */
export class Column<A extends NumberArray> {
  private items: A;
  length = 0;

  constructor(private readonly kind: new (length: number) => A) {
    this.items = new kind(256);
  }

  push(value: number): void {
    if (this.length === this.items.length) this.items = enlarged(this.items);
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index]!;
  }

  set(index: number, value: number): void {
    this.items[index] = value;
  }

  /** The values pushed, in an array of their own. */
  values(): A {
    return this.items.slice(0, this.length) as A;
  }
}

/** How a `Counts` column keeps NaN while its values are in 32 bits. */
const NAN_WORD = 0xffffffff;

/**
 * A column of the numbers of observations (NaN where one is not given): in 32 bits while every number is a whole
 * one from 0 to 2^32 − 2, as counts are, and in 64-bit floats from the first other number on, so that every number
 * reads back exactly as it was pushed.
 */
export class Counts {
  private words: Uint32Array | undefined = new Uint32Array(256);
  private floats: Float64Array | undefined;
  length = 0;

  push(value: number): void {
    if (this.words !== undefined) {
      const word = Number.isNaN(value) ? NAN_WORD : Number.isInteger(value) && value >= 0 && value <= MAX_NUMBER && !Object.is(value, -0) ? value : -1;
      if (word >= 0) {
        if (this.length === this.words.length) this.words = enlarged(this.words);
        this.words[this.length++] = word;
        return;
      }
      this.widen();
    }
    if (this.length === this.floats!.length) this.floats = enlarged(this.floats!);
    this.floats![this.length++] = value;
  }

  at(index: number): number {
    if (this.words === undefined) return this.floats![index]!;
    const word = this.words[index]!;
    return word === NAN_WORD ? Number.NaN : word;
  }

  /** Turns the column to 64-bit floats, for good. */
  private widen(): void {
    const words = this.words!;
    const floats = new Float64Array(words.length);
    for (let i = 0; i < this.length; i++) floats[i] = words[i] === NAN_WORD ? Number.NaN : words[i]!;
    this.floats = floats;
    this.words = undefined;
  }
}

/**
 * A set of tuples of `width` whole numbers (0 to 2^32 − 1), each numbered 0, 1, 2… in the order added: an
 * open-addressing hash table over the tuples kept side by side in one typed array, with a tag beside each slot.
 */
export class TupleTable {
  private slots = new Int32Array(1024);
  private tags = new Uint8Array(1024);
  private items: Uint32Array;
  private count = 0;

  constructor(private readonly width: number) {
    this.items = new Uint32Array(256 * width);
  }

  get size(): number {
    return this.count;
  }

  /** The number of the tuple in the first `width` numbers of `key`: the one it was given, or the next when it is new. */
  entryOf(key: Uint32Array): number {
    const { width } = this;
    const hash = tupleHash(key, 0, width);
    const mask = this.slots.length - 1;
    const tag = hash >>> 24;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.tags[slot] !== tag) continue;
      const at = (entry - 1) * width;
      let i = 0;
      while (i < width && this.items[at + i] === key[i]) i++;
      if (i === width) return entry - 1;
    }
    const entry = this.count++;
    if ((entry + 1) * width > this.items.length) this.items = enlarged(this.items);
    this.items.set(key.subarray(0, width), entry * width);
    this.slots[slot] = entry + 1;
    this.tags[slot] = tag;
    if (this.count > this.slots.length * MAX_LOAD) this.grow();
    return entry;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.tags = new Uint8Array(this.slots.length);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      const hash = tupleHash(this.items, entry * this.width, this.width);
      let slot = hash & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
      this.tags[slot] = hash >>> 24;
    }
  }
}

/** A 32-bit hash of `width` numbers from `from`, mixed so that its low bits (the slot) and top bits (the tag) both vary. */
function tupleHash(items: Uint32Array, from: number, width: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < from + width; i++) hash = Math.imul(hash ^ items[i]!, 0x9e3779b1) ^ (hash >>> 15);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of an ASCII key, or undefined when the key has other characters or is longer than `maxKey`. */
function hashOf(key: string, maxKey: number): number | undefined {
  if (key.length > maxKey) return undefined;
  let hash = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code > 127) return undefined;
    hash = Math.imul(hash ^ code, FNV_PRIME);
  }
  return hash;
}

function enlarged<A extends NumberArray>(array: A): A {
  const larger = new (array.constructor as new (length: number) => A)(array.length * 2);
  larger.set(array);
  return larger;
}
