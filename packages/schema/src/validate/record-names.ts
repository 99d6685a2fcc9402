/**
 * The names of the organisations and facilities of the data, by which a name written where an id is asked for (the
 * facility of an observation written `Бучанська виправна колонія №85`, an organiser `ГО «Світло надії»`) is told to be
 * the name of the record whose id is meant.
 */
import type { NamedRecord } from './params.js';
import { nameKey } from './name-key.js';
import { distance, MAX_COMPARED, reach } from './suggestions.js';

/** Names kept: enough for any realistic file, bounded for a stream of millions of records. */
const MAX_NAMES = 100_000;
/** Distinct values looked up, and comparisons spent on near misses, in one validation. */
const MAX_LOOKUPS = 1000;
const COMPARISON_BUDGET = 2_000_000;
/** Most letters a near miss may differ by (within the reach of other suggestions, which grows with the length). */
const MAX_SLIP = 2;
/** A name that two records have names neither. */
const AMBIGUOUS = '';

/**
 * A name as it is compared with what was written: as {@link nameKey} has it (in lower case, spaces single, dashes
 * hyphens), without quotes of any kind (`«»`, `“”`, `"`), spaces around a hyphen, nor between `№` and its number
 * (`№ 85`, `№85`, `N°85`).
 */
export function recordNameKey(name: string): string {
  return nameKey(name.replace(/[\u2212\u2015]/g, '-'))
    .replace(/["«»“”„‟‹›]/g, ' ')
    .replace(/\s*(?:№|n[°º])\s*/g, ' №')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The digits of a name, in order: a near miss that changes one (`№85` for `№86`) names another record. */
function digitsOf(key: string): string {
  return key.replace(/\D/g, '');
}

/**
 * The names of the records of the data, by type: noted as the records are read, and looked up for a value written in
 * place of an id. Looked up, a value gets the id of the one record whose name (in any language it is given in, or its
 * acronym) it is, once compared as {@link recordNameKey} compares them; or else the id of the one record whose name it is
 * a slip or two from (`Бучанська виправна колонія 85`), its numbers the same.
 */
export class RecordNames {
  /** The names noted and not yet keyed: most validations never look one up. */
  private readonly noted: [NamedRecord, string, string][] = [];
  private count = 0;
  private readonly keys = { organisation: new Map<string, string>(), facility: new Map<string, string>() };
  private readonly found = new Map<string, string | undefined>();
  private spent = 0;

  /** Notes the names of a record: a text, or a text by language (`{ uk: '…', en: '…' }`); anything else is left. */
  add(type: NamedRecord, id: string, ...names: unknown[]): void {
    for (const name of names) {
      if (typeof name === 'string') this.note(type, id, name);
      else if (name !== null && typeof name === 'object' && !Array.isArray(name)) {
        for (const text of Object.values(name)) if (typeof text === 'string') this.note(type, id, text);
      }
    }
  }

  private note(type: NamedRecord, id: string, name: string): void {
    if (this.count >= MAX_NAMES) return;
    this.count++;
    this.noted.push([type, id, name]);
  }

  /** The id of the record of `type` whose name `value` is, or is a slip from; undefined when none is, or several. */
  idOf(type: NamedRecord, value: string): string | undefined {
    // What was looked up before names noted since may be one of theirs.
    if (this.noted.length > 0) this.found.clear();
    for (const [kind, id, name] of this.noted.splice(0)) {
      const key = recordNameKey(name);
      if (key === '') continue;
      const names = this.keys[kind];
      const other = names.get(key);
      names.set(key, other === undefined || other === id ? id : AMBIGUOUS);
    }
    const names = this.keys[type];
    if (names.size === 0) return undefined;
    const asked = `${type}\n${value}`;
    if (this.found.has(asked)) return this.found.get(asked);
    if (this.found.size >= MAX_LOOKUPS) return undefined;
    const id = this.named(names, recordNameKey(value));
    this.found.set(asked, id);
    return id;
  }

  private named(names: ReadonlyMap<string, string>, key: string): string | undefined {
    const same = names.get(key);
    if (same !== undefined) return same === AMBIGUOUS ? undefined : same;
    // A slip: in a name of some length, none in its numbers; the one record of the nearest names.
    if (key.length < 6 || key.length > MAX_COMPARED || this.spent >= COMPARISON_BUDGET) return undefined;
    this.spent += names.size;
    const limit = Math.min(MAX_SLIP, reach(key.length));
    const digits = digitsOf(key);
    let best = limit + 1;
    let ids = new Set<string>();
    for (const [name, id] of names) {
      if (name.length > MAX_COMPARED) continue;
      const d = distance(key, name, limit);
      if (d > best || d > limit || digitsOf(name) !== digits) continue;
      if (d < best) ids = new Set();
      best = d;
      ids.add(id);
    }
    return ids.size === 1 && !ids.has(AMBIGUOUS) ? [...ids][0] : undefined;
  }
}
