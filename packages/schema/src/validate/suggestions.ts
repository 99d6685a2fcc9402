/**
 * Suggestions for a value that is not known: the known values nearest to it by edit distance (letters added,
 * dropped, changed or swapped), after the confusions people make (`UK` for `GB`, `percentage` for `percent`).
 * The names people write for the codes of a closed codelist (a label, a country's name) are the describer's
 * (./code-names.ts).
 */
import { forgetWith } from './remembered.js';

/** Values people write for a known code, by what they mean (keys in lower case). */
const confusions: ReadonlyMap<string, string> = new Map([
  // Countries: codes of other lists (ISO 639 languages, the EU's own) and common abbreviations.
  ['uk', 'GB'], ['en', 'GB'], ['el', 'GR'], ['uae', 'AE'], ['usa', 'US'],
  // Units, sexes and age groups as spreadsheets write them.
  ['percentage', 'percent'], ['%', 'percent'], ['pct', 'percent'], ['number', 'count'], ['n', 'count'],
  ['f', 'female'], ['w', 'female'], ['woman', 'female'], ['women', 'female'], ['m', 'male'], ['man', 'male'], ['men', 'male'],
  ['total', 'all'], ['0-17', '<18'], ['under-18', '<18'], ['25-plus', '25+'], ['50-plus', '50+'],
]);

/** Most suggestions given for one value. */
const MAX_SUGGESTIONS = 3;
/** Values longer than this are not compared letter by letter: a typo is in a code or an id, not in a text. */
export const MAX_COMPARED = 64;

/** How far two values may be for one to be suggested for the other: 1 edit for short values, a third of the length for long ones. */
export function reach(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

// The rows of the distance table, made once: values compared are at most MAX_COMPARED long.
let before = new Int32Array(MAX_COMPARED + 1);
let previous = new Int32Array(MAX_COMPARED + 1);
let current = new Int32Array(MAX_COMPARED + 1);

/**
 * The edit distance of two strings of at most MAX_COMPARED characters (insertions, deletions, substitutions
 * and swaps of neighbours), or `limit + 1` once it is known to be beyond `limit`: the table is filled only
 * near its diagonal.
 */
export function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const beyond = limit + 1;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current.fill(beyond, 0, b.length + 1);
    current[0] = i;
    let best = i;
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return beyond;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, beyond);
}

/** True when `part` is one or more whole hyphen-separated words of `whole`, at its start or its end. */
function isPartOf(part: string, whole: string): boolean {
  return part.length >= 2 && whole.length > part.length && (whole.startsWith(`${part}-`) || whole.endsWith(`-${part}`));
}

/**
 * Known values to suggest for one that is not known: what it is known to be confused with first, then
 * the nearest by edit distance (ignoring case; within 1 edit for short values, a third of the length for
 * long ones), then those it is the first or last words of, at most three, nearest first. `suggestionsFor()`
 * (./code-names.ts) puts the code a name stands for before them.
 */
export function nearest(value: string, known: Iterable<string>): string[] {
  if (value.length === 0 || value.length > MAX_COMPARED) return [];
  const candidates = new Set(known);
  const found: { code: string; distance: number; prefix: number }[] = [];
  const lower = value.toLowerCase();
  const meant = confusions.get(lower);
  if (meant !== undefined && candidates.has(meant)) found.push({ code: meant, distance: -1, prefix: 0 });
  const limit = reach(value.length);
  for (const code of candidates) {
    if (code === meant || code.length > MAX_COMPARED) continue;
    const other = code.toLowerCase();
    let d = distance(lower, other, limit);
    // A code given by some of its words (`unaids` for `unaids-gam`, `southern-africa`): after every near typo.
    if (d > limit && isPartOf(lower, other)) d = limit + 0.5;
    if (d > limit + 0.5) continue;
    let prefix = 0;
    while (prefix < lower.length && lower[prefix] === other[prefix]) prefix++;
    found.push({ code, distance: d, prefix });
  }
  // Nearest first; among equals, those that start alike (a typo is seldom in the first letters), then in order.
  found.sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // The same value in other capitals is the one meant: nothing else is suggested beside it.
  const kept = found.some((candidate) => candidate.distance === 0) ? found.filter((candidate) => candidate.distance === 0) : found;
  return kept.slice(0, MAX_SUGGESTIONS).map(({ code }) => code);
}

/**
 * Suggestions remembered per fixed list: a stream repeats the same mistake on every line. The lists live as long as
 * the module; the values (a file's own texts) are forgotten when a validation ends.
 */
const remembered = new Map<readonly string[], Map<string, string[]>>();
forgetWith(() => remembered.clear());
/** Values remembered per list before it is forgotten and filled again. */
const MAX_REMEMBERED = 1000;

/**
 * The suggestions for a value among the values of a list that never changes (a codelist), remembered: by
 * {@link nearest}, or by `suggest` (the same for a list every time it is asked about).
 */
export function suggestionsInList(value: string, list: readonly string[], suggest: (value: string, list: readonly string[]) => string[] = nearest): string[] {
  let found = remembered.get(list);
  if (!found) remembered.set(list, (found = new Map()));
  let suggestions = found.get(value);
  if (!suggestions) {
    if (found.size >= MAX_REMEMBERED) found.clear();
    found.set(value, (suggestions = suggest(value, list)));
  }
  return suggestions;
}

/** Comparisons one validation may spend on the suggestions of one kind: enough for any realistic file, bounded for a hostile one. */
const COMPARISON_BUDGET = 2_000_000;
/** Distinct unknown values of one kind that get suggestions. */
const MAX_LOOKUPS = 1000;

/**
 * The suggestions of one validation for the unknown values of one kind (organisation ids, indicator codes):
 * each value is looked up once, and lookups stop after 1000 values or 2 000 000 comparisons, so that a
 * stream of a million unknown ids against a million known ones stays linear and bounded in memory.
 */
export class Suggestions {
  private readonly found = new Map<string, string[]>();
  private spent = 0;

  /**
   * @param known - the known values at the time of asking, read only when a value needs suggestions.
   * @param budget - comparisons to spend in all.
   */
  constructor(
    private readonly known: () => Iterable<string>,
    private readonly budget = COMPARISON_BUDGET,
  ) {}

  for(value: string): string[] {
    let suggestions = this.found.get(value);
    if (suggestions) return suggestions;
    if (this.spent >= this.budget || this.found.size >= MAX_LOOKUPS) return [];
    const known = [...this.known()];
    this.spent += known.length;
    suggestions = nearest(value, known);
    this.found.set(value, suggestions);
    return suggestions;
  }
}
