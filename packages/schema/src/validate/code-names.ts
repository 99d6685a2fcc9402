/**
 * The names people write for the codes of a closed codelist, in place of the code: the labels of the codes in the five
 * languages PHX ships (`Жіноча`, `Кількість`, `Féminin`), the words for men and women, and for countries their
 * names (from the platform's `Intl.DisplayNames`), their official names (`Республика Молдова`) and their ISO 3166-1
 * alpha-3 codes (`UKR`). Only the describer, which says what a record has wrong, holds them: a validation that meets no
 * wrong code does not load them.
 */
import { codelists, countryCodes, type CodelistId } from '../codelists/codes.js';
import { closedListLabels } from '../generated/code-labels.js';
import { excelLocales } from '../formats/excel-locale.js';
import { distance, MAX_COMPARED, nearest, reach } from './suggestions.js';
import { nameKey } from './name-key.js';

/** Names of the codes of a list, by their {@link nameKey}: what people write in place of a code. */
export type CodeNames = ReadonlyMap<string, string>;


/**
 * The ISO 3166-1 alpha-3 code of each country of `countryCodes`, in its order: an upper-case letter is the third
 * letter of a code that starts with the two of the alpha-2 code (`R`: `UA` is not one, `ZM` → `ZMB` is), three
 * lower-case letters a whole code (`ukr`).
 */
const alpha3 = 'andareGatgABarmagoataGMautSabwalaEbihbrbbgdLARRbdibenMUbrnLbesAbhsNTAblrblzNKcodcafcogEVcokchlRchnLIBcpvcuwRPEUIdnkAMAUestYeshIPHNIflkfsmfroABRgrdOgufYABgrlBginglpgnqCsgsMMgnbguyGDDVINNirlisrNDTirqNLAYjamRNNZMRcomAprkkorTcymkazONAEAlbrOUXAlbyROAmnemafmdgLDIRGmacmnpmtqTRmltSmdvImexSmozMLRKACDRLUniuLNNRpyfpngLpakpolspmpcnIEprtplwpryTUUsrbSAUslbsycNswePNsvnMsvkERsenMsurDPslvMRswzAtcdatfOAKLStkmtunNturOtuvNAukrAIAuryBTTNBRMTwlfMMmytFBE';

/**
 * The words of a state's official name that its common name leaves out, in the five languages: `Republic of Moldova`,
 * `Moldova, Republic of`, `Республика Молдова`, `Fédération de Russie` are read without them ({@link officialCode}).
 */
const formalWords = 'the of republic республика республіка république república de la du del federation федерация федерація fédération federación islamic исламская ісламська islamique islámica united unida объединенная';

/**
 * Official names of countries that are no common name once their formal words are left out (`Russian Federation`,
 * `Кыргызская Республика`), as {@link officialCode} leaves them, after the code they name; and `Republic of China`,
 * which is not China.
 */
const officialNames = 'RU|russian|российская|російська|KG|kyrgyz|кыргызская|киргизька|кыргызстан|kirghize|kirguisa|CZ|czech|чешская|чеська|tchèque|checa|CD|democratic congo|демократическая конго|демократична конго|démocratique congo|TW|republic of china';

/** The words for men and women people write in a column of sexes, beside the labels. */
const sexWords: Record<string, string> = {
  female: 'women woman жінки жінка женщины женщина femmes femme mujeres mujer',
  male: 'men man чоловіки чоловік мужчины мужчина hommes homme hombres hombre',
};

/** The names of every code of a list, by their key ({@link nameKey}). */
function namesOfList(list: CodelistId): Map<string, string> {
  const names = new Map<string, string>();
  const add = (name: string | undefined, code: string): void => {
    const key = name === undefined ? '' : nameKey(name);
    if (key !== '' && !names.has(key)) names.set(key, code);
  };
  if (list === 'country') {
    for (const language of excelLocales) {
      const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
      for (const code of countryCodes) add(display.of(code), code);
    }
    let at = 0;
    for (const code of countryCodes) {
      const letter = alpha3[at]!;
      add(letter >= 'a' ? alpha3.slice(at, (at += 3)) : code + alpha3[at++], code);
    }
    return names;
  }
  // Line i is the label of code i % codes.length, in en, ru, uk, fr and es.
  const codes = codelists[list].codes;
  closedListLabels[list]?.split('\n').forEach((label, i) => add(label, codes[i % codes.length]!));
  if (list === 'sex') for (const [code, words] of Object.entries(sexWords)) for (const word of words.split(' ')) add(word, code);
  return names;
}

const built = new Map<CodelistId, Map<string, string>>();

/** {@link namesOfList}, built once per list. */
function namesOf(list: CodelistId): Map<string, string> {
  let names = built.get(list);
  if (!names) built.set(list, (names = namesOfList(list)));
  return names;
}
const ofCodes = new Map<string, CodeNames | undefined>();

/**
 * The names of the codes among `known`: those of each codelist whose every code is among them (a field's codes are
 * its list's), or none when no list is. `namesOfCodes(codelists.sex.codes)` maps `жіноча` to `female`.
 */
export function namesOfCodes(known: readonly string[]): CodeNames | undefined {
  const id = known.join('\n');
  if (ofCodes.has(id)) return ofCodes.get(id);
  const set = new Set(known);
  let names: Map<string, string> | undefined;
  for (const list of Object.keys(codelists) as CodelistId[]) {
    if (!codelists[list].codes.every((code) => set.has(code))) continue;
    const own = namesOf(list);
    names = names ? new Map([...own, ...names]) : own;
  }
  if (ofCodes.size > 100) ofCodes.clear();
  ofCodes.set(id, names);
  return names;
}

let everyName: Set<string> | undefined;

/**
 * Whether a name ({@link nameKey}) is that of a code of any codelist that names are known for: a word that is such a name
 * (`hombre`, male) is not taken for a slip from the name of a code of another list (`nombre`, count).
 */
function isNameOfACode(key: string): boolean {
  if (!everyName) {
    everyName = new Set();
    for (const list of Object.keys(codelists) as CodelistId[]) {
      if (list !== 'country' && closedListLabels[list] === undefined) continue;
      for (const name of namesOf(list).keys()) everyName.add(name);
    }
  }
  return everyName.has(key);
}

let officials: Map<string, string> | undefined;

/**
 * The country an official name ({@link nameKey}) names: its common name once the formal words ({@link formalWords}) and
 * the commas and brackets of a list of names are left out (`республика молдова`, `moldova (republic of)`: MD), or a
 * name of its own ({@link officialNames}).
 */
function officialCode(key: string): string | undefined {
  if (!officials) {
    officials = new Map();
    let code = '';
    for (const name of officialNames.split('|')) {
      if (name.length === 2) code = name;
      else officials.set(name, code);
    }
  }
  const formal = formalWords.split(' ');
  const common = key.replace(/[,()]/g, ' ').split(' ').filter((word) => word && !formal.includes(word)).join(' ');
  return officials.get(key) ?? officials.get(common) ?? namesOf('country').get(common);
}

/** The code a name ({@link nameKey}) stands for among `names`, or the country its official name names. */
function codeOfName(key: string, names: CodeNames): string | undefined {
  return names.get(key) ?? officialCode(key);
}

/**
 * The codes of the names within reach of a slip of `key` (ignoring names shorter than 4: one slip from those is
 * anything), nearest first. The words both have are no part of the reach: `Республика Молдова` is no slip from
 * `Республика Корея` (KR), since `Молдова` is far from `Корея`.
 */
function slipsFrom(key: string, names: CodeNames, known: ReadonlySet<string>): string[] {
  if (key.length < 4 || key.length > MAX_COMPARED) return [];
  const limit = reach(key.length);
  const found: { code: string; distance: number }[] = [];
  const words = key.split(' ');
  for (const [name, code] of names) {
    if (name.length < 4 || name.length > MAX_COMPARED || !known.has(code)) continue;
    const d = distance(key, name, limit);
    // Within the reach of the words `key` has of its own, if it has any.
    if (d <= limit && d <= reach(words.filter((word) => !name.split(' ').includes(word)).join(' ').length || key.length)) found.push({ code, distance: d });
  }
  return found.sort((a, b) => a.distance - b.distance).map(({ code }) => code);
}

/**
 * The code of a closed codelist that a value is or stands for: the code itself in any case (`ua`), or a name of it as
 * {@link suggestionsFor} knows names, in any of the five languages, in any case (`Україна`, `Ukraine`, `UKR` for `UA`;
 * `Жіноча` for `female`), or a country's official name, in the five languages and in either order (`Republic of
 * Moldova`, `Республика Молдова`, `Moldova, Republic of` for `MD`; `Russian Federation`, `Кыргызская Республика`);
 * undefined for anything else. What a value written in place of a code is taken to mean where a code is asked for in
 * words of one's own: `phx init --country Україна` writes `UA`.
 *
 * @example
 * ```ts
 * import { codelists, codeNamed } from '@phx/schema';
 * codeNamed('Україна', codelists.country.codes); // 'UA'
 * codeNamed('ukr', codelists.country.codes); // 'UA'
 * codeNamed('Республика Молдова', codelists.country.codes); // 'MD'
 * codeNamed('Ukrania', codelists.country.codes); // undefined: suggestionsFor gives ['UA']
 * ```
 */
export function codeNamed(value: string, known: readonly string[]): string | undefined {
  const key = nameKey(value);
  const same = known.find((code) => code.toLowerCase() === key);
  if (same !== undefined) return same;
  const names = namesOfCodes(known);
  const named = names && codeOfName(key, names);
  return named !== undefined && known.includes(named) ? named : undefined;
}

/**
 * Known values to suggest for one that is not known: the code a name stands for, as {@link codeNamed} reads it
 * (`Жіноча` for `female`; `Ukraine` and `UKR` for `UA`; `Республика Молдова` for `MD`) in any of the five languages, in
 * any case, alone; else the codes of names it is a slip or two from
 * (unless it is itself the name of a code of another list: `Hombre`, male, is no slip from `Nombre`, count), then what
 * the value is known to be confused with, then the nearest by edit distance (ignoring case; within 1 edit for short
 * values, a third of the length for long ones), then those it is the first or last words of, at most three, nearest
 * first. Names are known for the codes of the closed codelists.
 *
 * @example
 * ```ts
 * import { codelists, suggestionsFor } from '@phx/schema';
 * suggestionsFor('UK', codelists.country.codes); // ['GB', 'UA', 'UG']
 * suggestionsFor('Україна', codelists.country.codes); // ['UA']
 * suggestionsFor('UKR', codelists.country.codes); // ['UA']
 * suggestionsFor('Российская Федерация', codelists.country.codes); // ['RU']
 * suggestionsFor('Кількість', codelists.unit.codes); // ['count']
 * suggestionsFor('hiv-prevalance-prisoners', ['hiv-prevalence-prisoners', 'art-coverage-prisoners']); // ['hiv-prevalence-prisoners']
 * ```
 */
export function suggestionsFor(value: string, known: Iterable<string>): string[] {
  const list = [...known];
  const names = namesOfCodes(list);
  if (!names || value.length === 0) return nearest(value, list);
  const key = nameKey(value);
  const set = new Set(list);
  const named = codeOfName(key, names);
  if (named !== undefined && set.has(named)) return [named];
  const near = nearest(value, list);
  // The same code in other capitals is the one meant, alone.
  if (near.length === 1 && near[0]!.toLowerCase() === key) return near;
  // A word that names a code of another list (`Hombre`, male, in a column of units) is meant as that word: it is not
  // a slip from a name of this list's codes (`Nombre`, count).
  const slips = isNameOfACode(key) ? [] : slipsFrom(key, names, set);
  return [...new Set([...slips, ...near])].slice(0, 3);
}
