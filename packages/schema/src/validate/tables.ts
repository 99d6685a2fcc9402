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

/**
 * A map from identifiers to values: ASCII keys (identifiers always are) are kept as bytes in pages and
 * found through an open-addressing hash table; the rare other key goes to a plain `Map`. Keys are only
 * added, never removed.
 */
export class IdTable<T> {
  /** Entry number + 1 at each slot; 0 is an empty slot. */
  private slots = new Int32Array(1024);
  /** Per entry: where its bytes start (page × page size + offset), how many, and its hash. */
  private starts = new Uint32Array(512);
  private lengths = new Uint16Array(512);
  private hashes = new Int32Array(512);
  /** Pages are made when a key first needs one, so that a table with no ASCII keys takes no page. */
  private readonly pages: Uint8Array[] = [];
  private readonly pageBits: number;
  private readonly pageSize: number;
  /** Where the next key's bytes go. */
  private end = 0;
  private count = 0;
  /** Per entry, its value: a number (e.g. an NDJSON line) in `numbers`, which holds it unboxed, else in `values`. */
  private numbers = new Float64Array(512);
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
    const entry = this.slots[this.find(key, hash)]!;
    if (entry === 0) return this.other.size === 0 ? undefined : this.other.get(key);
    return this.values[entry - 1] ?? (this.numbers[entry - 1] as T);
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
    const hash = hashOf(key, this.maxKey);
    // Entries address their bytes in 32 bits: past 4 GiB of keys, keys go to the plain `Map` as well.
    if (hash === undefined || this.end + key.length + this.pageSize > MAX_KEY_BYTES) {
      this.other.set(key, value);
      return;
    }
    const entry = this.count;
    if ((entry + 1) * 2 > this.slots.length) this.grow();
    if (entry === this.starts.length) {
      this.starts = enlarged(this.starts);
      this.lengths = enlarged(this.lengths);
      this.hashes = enlarged(this.hashes);
      this.numbers = enlarged(this.numbers);
    }
    const start = this.reserve(key.length);
    const page = this.pages[start >>> this.pageBits]!;
    const offset = start & (this.pageSize - 1);
    for (let i = 0; i < key.length; i++) page[offset + i] = key.charCodeAt(i);
    this.starts[entry] = start;
    this.lengths[entry] = key.length;
    this.hashes[entry] = hash;
    if (typeof value === 'number') this.numbers[entry] = value;
    else this.values[entry] = value;
    this.count++;
    this.slots[this.find(key, hash)] = entry + 1;
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
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0 || (this.hashes[entry - 1] === hash && this.matches(entry - 1, key))) return slot;
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

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    }
  }
}

/** FNV-1a of an ASCII key, or undefined when the key has other characters or is longer than `maxKey`. */
function hashOf(key: string, maxKey: number): number | undefined {
  if (key.length > maxKey) return undefined;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code > 127) return undefined;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash;
}

function enlarged<A extends Uint16Array | Int32Array | Uint32Array | Float64Array>(array: A): A {
  const larger = new (array.constructor as new (length: number) => A)(array.length * 2);
  larger.set(array);
  return larger;
}
