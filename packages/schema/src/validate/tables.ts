/**
 * Compact tables for the rules that span records: a stream of millions of records keeps its ids and
 * group keys here, in a fraction of the memory of a `Map` of strings.
 */

/**
 * Keys longer than this go to the plain `Map`: a key's length is the byte before its bytes, which ids (at most 128
 * characters) and all but rare texts of groups fit.
 */
const MAX_TABLE_KEY = 0xff;
/** The bytes of all keys of a table, addressed by 32-bit offsets. */
const MAX_KEY_BYTES = 2 ** 32;
/** Key bytes are kept in pages of 2^20 bytes (1 MiB): a page is never copied to grow. */
const DEFAULT_PAGE_BITS = 20;
/**
 * Entries of an `IdTable` whose starts are kept from one start in 32 bits, each as 16 bits after it (2^6): a key and
 * its length take at most 256 bytes, and the end of a page skipped before it less, so 64 entries span at most 32 704,
 * which leaves the top bit of the 16 free for {@link SHARES_PREFIX}.
 */
const SPAN_BITS = 6;
/** The top bit of an entry's 16-bit distance: its key is kept as what it shares with the key before and the rest. */
const SHARES_PREFIX = 0x8000;
/**
 * Every 2^4th entry keeps its key whole, so that a key is read back from at most 16 entries; the others keep only what
 * follows the beginning they share with the key before, when it is 2 bytes or more (a byte says how long it is).
 */
const WHOLE_KEY_BITS = 4;

/** Slots are filled at most to this share before the slot array doubles. */
const MAX_LOAD = 0.8;
/** The fewest slots a table has. */
const MIN_SLOTS = 1024;
/** An odd constant (2^32 / φ) that mixes a hash before its top bits pick the key's first slot. */
const SLOT_MIX = 0x9e3779b1;
/** A slot of an `IdTable`: its key's tag in the top 8 bits, its entry number + 1 in the other 24. */
const TAG_MASK = 0xff000000;
const ENTRY_MASK = 0xffffff;
/** Entries an `IdTable` keeps in pages at most (numbered in 24 bits, 0 for an empty slot). */
const MAX_ENTRIES = ENTRY_MASK - 1;
/** A value kept unboxed in `numbers`: a whole number from 0 to 2^32 − 2 (an NDJSON line, a group's index). */
const MAX_NUMBER = 0xfffffffe;

/**
 * The hash slots of an open-addressing table with linear probing, as many as its keys need: not only a power of two,
 * so that a table made for a number of keys known beforehand takes about what they need (a power of two takes up to
 * twice that). A key's first slot is its mixed hash scaled to the slots (a multiplication rather than a mask).
 */
abstract class HashSlots {
  /** Per slot, what the table keeps there; 0 is an empty slot. */
  protected slots: Uint32Array;
  /** The number of slots ÷ 2^32: a 32-bit number times this, rounded down, is a slot. */
  private reach: number;
  protected count = 0;

  constructor(expected: number) {
    this.slots = new Uint32Array(slotsFor(expected));
    this.reach = this.slots.length / 2 ** 32;
  }

  /**
   * Makes the slots hold `scale` times the keys kept in them, when they cannot yet (the keys foreseen to come): each
   * key is hashed again once now, rather than at every doubling as they come, the old slots held until a garbage
   * collection frees them.
   */
  foresee(scale: number): void {
    const slots = slotsFor(Math.ceil(this.count * scale));
    if (slots > this.slots.length) this.rehash(slots);
  }

  /** The first slot a key of this hash is looked for in. */
  protected firstSlot(hash: number): number {
    return Math.floor((Math.imul(hash, SLOT_MIX) >>> 0) * this.reach);
  }

  /** The slot after `slot`, the first after the last. */
  protected nextSlot(slot: number): number {
    return slot + 1 === this.slots.length ? 0 : slot + 1;
  }

  /** Notes a key added: the slots double once they are too full. */
  protected added(): void {
    if (++this.count > this.slots.length * MAX_LOAD) this.rehash(this.slots.length * 2);
  }

  /** Takes `slots` empty slots, to be filled again by {@link rehash} through {@link refill}. */
  protected emptySlots(slots: number): void {
    this.slots = new Uint32Array(slots);
    this.reach = slots / 2 ** 32;
  }

  /** Puts what a key's slot holds in the first empty slot from its hash's, as the slots are filled again. */
  protected refill(hash: number, slotValue: number): void {
    let slot = this.firstSlot(hash);
    while (this.slots[slot] !== 0) slot = this.nextSlot(slot);
    this.slots[slot] = slotValue;
  }

  /** Takes `slots` slots and puts every key in them again. */
  protected abstract rehash(slots: number): void;
}

/**
 * A map from identifiers to values: ASCII keys (identifiers always are) are kept as bytes in pages and
 * found through an open-addressing hash table; the rare other key goes to a plain `Map`. Keys are only
 * added, never removed.
 *
 * Each slot holds its entry number + 1 in 24 bits and a one-byte tag above it (the top 8 bits of the key's hash), so
 * that a probe compares key bytes only where the tag matches; a key is found, or added, with one hash and one probe
 * sequence. Ids of a file mostly begin as the id before them does (`UA-2024-obs-000117`, `UA-2024-obs-000118`): a key
 * that shares 2 bytes or more with the key added before it keeps only the rest, after a byte of how much it shares.
 */
export class IdTable<T> extends HashSlots {
  /**
   * Where each entry starts (page × page size + offset), at the byte of its key's length, its bytes after it (or the
   * byte of the length it shares with the key before, then the rest): the start of the first of each span of
   * 2^SPAN_BITS entries, and each entry's distance from it in 15 bits, {@link SHARES_PREFIX} above them, where a start
   * in 32 bits took 4 bytes an entry. The length is read with the bytes it precedes.
   */
  private readonly spanStarts = new Column(Uint32Array);
  private readonly distances = new Column(Uint16Array);
  /** Pages are made when a key first needs one, so that a table with no ASCII keys takes no page. */
  private readonly pages: Uint8Array[] = [];
  private readonly pageBits: number;
  private readonly pageSize: number;
  /** Where the next key's bytes go. */
  private end = 0;
  /** The key last added to the pages: the next one keeps only what follows the beginning they share. */
  private previous = '';
  /** The key of entry {@link readEntry} (−1: none yet), its first {@link readLength} bytes, as {@link keyOf} read it last. */
  private readonly key = new Uint8Array(MAX_TABLE_KEY);
  private readEntry = -1;
  private readLength = 0;
  /**
   * Per entry, its value: a whole number up to MAX_NUMBER unboxed in `numbers`, stored + 1 (0: in `values`). Kept as
   * runs: the values a table is given mostly run on (the line of each new id, each text's own number).
   */
  private readonly numbers = new Runs();
  private readonly values: (T | undefined)[] = [];
  private readonly other = new Map<string, T>();

  /** The longest key kept in pages: a key never straddles two pages. */
  private readonly maxKey: number;

  /**
   * @param expected - how many keys the table is to hold, when known (a package's records), so that its slots
   *   need not double, each key hashed again, to take them.
   * @param pageBits - pages hold 2^pageBits bytes. Small pages (a few bytes) only serve to exercise page
   *   boundaries in tests.
   */
  constructor({ expected = 0, pageBits = DEFAULT_PAGE_BITS }: { expected?: number; pageBits?: number } = {}) {
    super(expected);
    if (!Number.isInteger(pageBits) || pageBits < 2 || pageBits > 30) throw new RangeError(`pageBits must be an integer from 2 to 30, not ${pageBits}`);
    this.pageBits = pageBits;
    this.pageSize = 2 ** pageBits;
    this.maxKey = Math.min(MAX_TABLE_KEY, this.pageSize - 1);
  }

  get size(): number {
    return this.count + this.other.size;
  }

  get(key: string): T | undefined {
    const hash = hashOf(key, this.maxKey);
    if (hash === undefined) return this.other.get(key);
    const found = this.slots[this.find(key, hash)]!;
    if (found === 0) return this.other.size === 0 ? undefined : this.other.get(key);
    return this.valueAt((found & ENTRY_MASK) - 1);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Every key: those kept in pages in the order they were added, then the others. */
  *keys(): IterableIterator<string> {
    for (let entry = 0; entry < this.count; entry++) yield String.fromCharCode(...this.key.subarray(0, this.keyOf(entry)));
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
    if (hash === undefined || this.end + key.length + 1 + this.pageSize > MAX_KEY_BYTES || this.count === MAX_ENTRIES) return this.addOther(key, value);
    const slot = this.find(key, hash);
    const found = this.slots[slot]!;
    if (found !== 0) return this.valueAt((found & ENTRY_MASK) - 1);
    if (this.other.size > 0 && this.other.has(key)) return this.other.get(key);
    const entry = this.count;
    let shared = 0;
    if ((entry & ((1 << WHOLE_KEY_BITS) - 1)) !== 0) {
      const { previous } = this;
      const most = Math.min(previous.length, key.length);
      while (shared < most && previous.charCodeAt(shared) === key.charCodeAt(shared)) shared++;
    }
    // A shared beginning of one byte would save nothing: the byte of its length takes as much.
    if (shared === 1) shared = 0;
    const from = shared === 0 ? 1 : 2;
    const start = this.reserve(from + key.length - shared);
    const page = this.pages[start >>> this.pageBits]!;
    const offset = start & (this.pageSize - 1);
    page[offset] = key.length;
    if (shared > 0) page[offset + 1] = shared;
    for (let i = shared; i < key.length; i++) page[offset + from + i - shared] = key.charCodeAt(i);
    this.previous = key;
    if ((entry & ((1 << SPAN_BITS) - 1)) === 0) this.spanStarts.push(start);
    this.distances.push((start - this.spanStarts.at(entry >>> SPAN_BITS)) | (shared > 0 ? SHARES_PREFIX : 0));
    if (typeof value === 'number' && isWhole(value) && value <= MAX_NUMBER) this.numbers.push(value + 1);
    else {
      this.numbers.push(0);
      this.values[entry] = value;
    }
    this.slots[slot] = (hash & TAG_MASK) | (entry + 1);
    this.added();
    return undefined;
  }

  private addOther(key: string, value: T): T | undefined {
    const found = this.other.get(key);
    if (found === undefined) this.other.set(key, value);
    return found;
  }

  /**
   * Reads the key of `entry` into {@link key} and returns its length. A key that shares its beginning is read on from
   * the last entry numbered a multiple of 16 (kept whole), or from the entry read last when it is between (keys are
   * read in order to be hashed again or listed).
   */
  private keyOf(entry: number): number {
    if (entry === this.readEntry) return this.readLength;
    const whole = entry & ~((1 << WHOLE_KEY_BITS) - 1);
    let at = (this.distances.at(entry) & SHARES_PREFIX) === 0 ? entry : this.readEntry >= whole && this.readEntry < entry ? this.readEntry + 1 : whole;
    for (; at <= entry; at++) {
      const distance = this.distances.at(at);
      const start = this.spanStarts.at(at >>> SPAN_BITS) + (distance & ~SHARES_PREFIX);
      const page = this.pages[start >>> this.pageBits]!;
      const offset = start & (this.pageSize - 1);
      const shared = (distance & SHARES_PREFIX) === 0 ? 0 : page[offset + 1]!;
      const from = offset + (shared === 0 ? 1 : 2) - shared;
      this.readLength = page[offset]!;
      for (let i = shared; i < this.readLength; i++) this.key[i] = page[from + i]!;
    }
    this.readEntry = entry;
    return this.readLength;
  }

  private valueAt(entry: number): T {
    const number = this.numbers.at(entry);
    return number === 0 ? this.values[entry]! : ((number - 1) as T);
  }

  /** Where `length` bytes of a new key (its length and its bytes) go: a key never straddles two pages, and its page exists. */
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
    const tag = hash & TAG_MASK;
    for (let slot = this.firstSlot(hash); ; slot = this.nextSlot(slot)) {
      const found = this.slots[slot]!;
      if (found === 0 || ((found & TAG_MASK) === tag && this.matches((found & ENTRY_MASK) - 1, key))) return slot;
    }
  }

  private matches(entry: number, key: string): boolean {
    if (this.keyOf(entry) !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.key[i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Hashes each key again from its bytes: no hash is kept per entry. */
  protected override rehash(slots: number): void {
    this.emptySlots(slots);
    for (let entry = 0; entry < this.count; entry++) {
      const length = this.keyOf(entry);
      let hash = FNV_OFFSET;
      for (let i = 0; i < length; i++) hash = Math.imul(hash ^ this.key[i]!, FNV_PRIME);
      this.refill(hash, (hash & TAG_MASK) | (entry + 1));
    }
  }
}

/** The fewest slots that hold `count` keys within the load allowed, and {@link MIN_SLOTS} at least. */
function slotsFor(count: number): number {
  const slots = Math.ceil(Math.min(count, MAX_ENTRIES) / MAX_LOAD);
  return slots > MIN_SLOTS ? slots : MIN_SLOTS;
}

/** A typed array of whole numbers or floats, as a column keeps them. */
type NumberArray = Int32Array | Uint32Array | Uint16Array | Float64Array;

/** The constructor of a column's arrays (`Int32Array`, …). */
interface ColumnKind<A extends NumberArray> {
  new (length: number): A;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): A;
  readonly BYTES_PER_ELEMENT: number;
}

/** Numbers a full page of a `Column` holds, as a power of two: 2^16, 128 to 512 KiB a page. */
const COLUMN_PAGE_BITS = 16;
/** Numbers the first page of a `Column` starts with; it doubles up to a full page. */
const FIRST_PAGE = 256;

/**
 * A column of numbers that grows as they are pushed, unboxed in typed arrays: a first page that doubles up to a
 * full page (2^16 numbers), then more full pages, so that a large column is never copied to grow (the old and the
 * new array would both be held until the garbage collector frees the old one) and holds at most one page it does
 * not use. A column made with a `fill` takes no page at all while every number in it is that one.
 */
export class Column<A extends NumberArray> {
  private readonly pages: A[] = [];
  /** Numbers the pages hold. */
  private capacity = 0;
  /** Whether every number so far is `fill`, and no page is made. */
  private uniform: boolean;
  private readonly pageBits: number;
  private readonly pageMask: number;
  length = 0;

  /**
   * @param fill - the number the column holds without a page while it holds no other.
   * @param pageBits - full pages hold 2^pageBits numbers; small pages only serve to exercise page boundaries in tests.
   */
  constructor(
    private readonly kind: ColumnKind<A>,
    private readonly fill?: number,
    pageBits = COLUMN_PAGE_BITS,
  ) {
    this.uniform = fill !== undefined;
    this.pageBits = pageBits;
    this.pageMask = 2 ** pageBits - 1;
  }

  push(value: number): void {
    if (this.uniform) {
      if (value === this.fill) {
        this.length++;
        return;
      }
      this.materialize();
    }
    if (this.length === this.capacity) this.grow();
    const index = this.length++;
    this.pages[index >>> this.pageBits]![index & this.pageMask] = value;
  }

  at(index: number): number {
    if (this.uniform) return this.fill!;
    return this.pages[index >>> this.pageBits]![index & this.pageMask]!;
  }

  set(index: number, value: number): void {
    if (this.uniform) {
      if (value === this.fill) return;
      this.materialize();
    }
    this.pages[index >>> this.pageBits]![index & this.pageMask] = value;
  }

  /**
   * The values pushed, in an array of their own: in `spare` (a buffer of values given before, done with) when it
   * is large enough, else in a new buffer with a quarter more room, to be given again for more values next time.
   */
  values(spare?: ArrayBuffer): A {
    const size = this.kind.BYTES_PER_ELEMENT;
    const buffer = spare !== undefined && spare.byteLength >= this.length * size ? spare : new ArrayBuffer(Math.ceil(this.length * 1.25) * size);
    const values = new this.kind(buffer, 0, this.length);
    if (this.uniform) return values.fill(this.fill!) as A;
    const pageSize = this.pageMask + 1;
    for (let page = 0; page * pageSize < this.length; page++) values.set(this.pages[page]!.subarray(0, Math.min(pageSize, this.length - page * pageSize)), page * pageSize);
    return values;
  }

  /** Empties the column, keeping its pages for the numbers to come. */
  clear(): void {
    this.length = 0;
  }

  /** Room for one more number: the first page doubled up to a full page, or one more full page. */
  private grow(): void {
    const pageSize = this.pageMask + 1;
    const first = this.pages[0];
    if (first === undefined || first.length < pageSize) {
      const larger = new this.kind(first === undefined ? Math.min(FIRST_PAGE, pageSize) : Math.min(first.length * 2, pageSize));
      if (first !== undefined) larger.set(first);
      this.pages[0] = larger;
      this.capacity = larger.length;
    } else {
      this.pages.push(new this.kind(pageSize));
      this.capacity += pageSize;
    }
  }

  /** Makes pages holding `fill` for the numbers so far, for good. */
  private materialize(): void {
    this.uniform = false;
    const length = this.length;
    this.length = 0;
    while (this.capacity < length) this.grow();
    if (this.fill !== 0) for (const page of this.pages) page.fill(this.fill!);
    this.length = length;
  }
}

/** Runs a `Runs` column keeps at least before it may turn plain, and the share of its length they may reach. */
const MIN_RUNS = 64;
const RUNS_PER_NUMBER = 1 / 8;

/**
 * A column of whole numbers from 0 to 2^32 − 1 that mostly run on — each one more than the one before (the lines of a
 * stream's records, an entry's own number) or equal to it — kept as those runs: where each starts, its first number
 * and its step (0 or 1). Numbers that do not run on turn it, for good, into a plain `Column` once the runs are more
 * than an eighth of the numbers: it then takes what a plain column takes, and before that at most 13 bytes a run.
 */
export class Runs {
  private readonly starts = new Column(Uint32Array);
  private readonly firsts = new Column(Float64Array);
  private readonly steps = new Column(Uint16Array, 1);
  private plain: Column<Uint32Array> | undefined;
  /** The last number pushed, and the run found last by `at`. */
  private last = Number.NaN;
  private found = 0;
  length = 0;

  push(value: number): void {
    if (this.plain !== undefined) {
      this.plain.push(value);
      this.length++;
      return;
    }
    const runs = this.starts.length;
    const step = value - this.last;
    const start = runs === 0 ? 0 : this.starts.at(runs - 1);
    if (runs > 0 && (step === this.steps.at(runs - 1) || (this.length - start === 1 && step === 0))) {
      // A run of one number takes the step of its second.
      if (this.length - start === 1) this.steps.set(runs - 1, step);
    } else if (runs >= MIN_RUNS && runs > this.length * RUNS_PER_NUMBER) {
      this.toPlain();
      return this.push(value);
    } else {
      this.starts.push(this.length);
      this.firsts.push(value);
      this.steps.push(1);
    }
    this.last = value;
    this.length++;
  }

  at(index: number): number {
    if (this.plain !== undefined) return this.plain.at(index);
    const { starts } = this;
    let run = this.found;
    // Most look-ups are of the run found last, or of the last run.
    if (!(starts.at(run) <= index && (run + 1 === starts.length || starts.at(run + 1) > index))) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (starts.at(middle) <= index) low = middle;
        else high = middle - 1;
      }
      run = this.found = low;
    }
    return this.firsts.at(run) + (index - starts.at(run)) * this.steps.at(run);
  }

  private toPlain(): void {
    const plain = new Column(Uint32Array);
    for (let i = 0; i < this.length; i++) plain.push(this.at(i));
    this.plain = plain;
  }
}

/** The word that stands for NaN in a `Counts` column of 16 bits, and in one of 32: the largest of each. */
const NAN_SHORT = 0xffff;
const NAN_WORD = 0xffffffff;

/**
 * A column of the numbers of observations (NaN where one is not given), or of other whole numbers that are mostly
 * small (the rows of a block, after its base): in 16 bits while every number is a whole one from 0 to 2^16 − 2, in 32
 * bits from the first larger one on (up to 2^32 − 2), and in 64-bit floats from the first other number on, so that
 * every number reads back exactly as it was pushed or set. While every number is NaN (no observation gives a
 * denominator) it takes no page.
 */
export class Counts {
  /** The whole numbers, below `nan`, the word that stands for NaN; undefined once they are floats. */
  private words: Column<Uint16Array | Uint32Array> | undefined;
  private nan = NAN_SHORT;
  private floats: Column<Float64Array> | undefined;

  constructor(private readonly pageBits = COLUMN_PAGE_BITS) {
    this.words = new Column<Uint16Array | Uint32Array>(Uint16Array, NAN_SHORT, pageBits);
  }

  get length(): number {
    return (this.words ?? this.floats!).length;
  }

  push(value: number): void {
    this.holding(value).push(this.wordOf(value));
  }

  set(index: number, value: number): void {
    this.holding(value).set(index, this.wordOf(value));
  }

  at(index: number): number {
    if (this.words === undefined) return this.floats!.at(index);
    const word = this.words.at(index);
    return word === this.nan ? Number.NaN : word;
  }

  /** The column that holds `value`: the words, widened first when they cannot hold it. */
  private holding(value: number): Column<NumberArray> {
    if (this.words !== undefined && !Number.isNaN(value) && !(value < this.nan && isWhole(value))) this.widen(value < NAN_WORD && isWhole(value));
    return this.words ?? this.floats!;
  }

  /** What stands for `value` in the column: NaN is a word of its own while the numbers are whole. */
  private wordOf(value: number): number {
    return this.words !== undefined && Number.isNaN(value) ? this.nan : value;
  }

  /** Turns the column, for good, to 32 bits (from 16, for a whole number) or to 64-bit floats. */
  private widen(whole: boolean): void {
    const words = this.words!;
    const wider = whole ? new Column<Uint16Array | Uint32Array>(Uint32Array, undefined, this.pageBits) : new Column(Float64Array, undefined, this.pageBits);
    for (let i = 0; i < words.length; i++) {
      const word = words.at(i);
      wider.push(word !== this.nan ? word : whole ? NAN_WORD : Number.NaN);
    }
    if (whole) {
      this.words = wider as Column<Uint32Array>;
      this.nan = NAN_WORD;
    } else {
      this.floats = wider as Column<Float64Array>;
      this.words = undefined;
    }
  }
}

/** Whether a number is a whole one from 0 up (not −0), as a count is. */
function isWhole(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && !Object.is(value, -0);
}

/**
 * A set of tuples of `width` whole numbers (0 to 2^32 − 1), each numbered 0, 1, 2… in the order added: an
 * open-addressing hash table over the tuples, each field in a column of its own ({@link Counts}: in 16 bits while its
 * numbers are below 65 535, as a frame's number and the text of a field few texts fill are, in 32 from the first
 * larger one on). Each slot holds its tuple's number + 1 in its low bits (as many as index the slots) and the rest of
 * the tuple's hash above them, so that a probe compares tuples only where that tag matches.
 */
export class TupleTable extends HashSlots {
  private readonly fields: Counts[];
  private readonly scratch: Uint32Array;
  /** The low bits of a slot that hold its tuple's number + 1: as many as number the slots. */
  private entryMask = entryMaskOf(this.slots.length);

  constructor(
    private readonly width: number,
    pageBits = COLUMN_PAGE_BITS,
  ) {
    super(0);
    this.fields = Array.from({ length: width }, () => new Counts(pageBits));
    this.scratch = new Uint32Array(width);
  }

  get size(): number {
    return this.count;
  }

  /** The number of the tuple in the first `width` numbers of `key`: the one it was given, or the next when it is new. */
  entryOf(key: Uint32Array): number {
    const { width, fields } = this;
    const hash = tupleHash(key, width);
    const mask = this.entryMask;
    const tag = hash & ~mask;
    let slot = this.firstSlot(hash);
    for (; ; slot = this.nextSlot(slot)) {
      const found = this.slots[slot]!;
      if (found === 0) break;
      if ((found & ~mask) !== tag) continue;
      const entry = (found & mask) - 1;
      let i = 0;
      while (i < width && fields[i]!.at(entry) === key[i]) i++;
      if (i === width) return entry;
    }
    const entry = this.count;
    for (let i = 0; i < width; i++) fields[i]!.push(key[i]!);
    this.slots[slot] = tag | (entry + 1);
    this.added();
    return entry;
  }

  /** The `i`th number of the tuple numbered `entry`. */
  item(entry: number, i: number): number {
    return this.fields[i]!.at(entry);
  }

  /** Hashes each tuple again: the more bits number the slots, the fewer are the tag. */
  protected override rehash(slots: number): void {
    this.emptySlots(slots);
    const mask = (this.entryMask = entryMaskOf(slots));
    const { width, fields, scratch } = this;
    for (let entry = 0; entry < this.count; entry++) {
      for (let i = 0; i < width; i++) scratch[i] = fields[i]!.at(entry);
      const hash = tupleHash(scratch, width);
      this.refill(hash, (hash & ~mask) | (entry + 1));
    }
  }
}

/** The low bits that hold any number below `slots`: a slot's tuple number + 1, as slots are never all full. */
function entryMaskOf(slots: number): number {
  return -1 >>> Math.clz32(slots - 1);
}

/** A 32-bit hash of the first `width` numbers, mixed so that its low bits (the slot) and top bits (the tag) both vary. */
function tupleHash(items: Uint32Array, width: number): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < width; i++) hash = Math.imul(hash ^ items[i]!, 0x9e3779b1) ^ (hash >>> 15);
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
