/**
 * The codes people write the names of: an indicator's name in place of its code (`Поширеність ВІЛ серед людей у
 * місцях позбавлення волі`, as the Codelists sheet of a workbook lists it, for `hiv-prevalence-prisoners`), and a
 * label in place of a code of an open codelist (`Жінки в місцях позбавлення волі` as a population, for
 * `women-in-prison`), in any of the five languages, in any case and between any spaces, or the code itself in capitals
 * (`Hiv-Prevalence-Prisoners`, `WOMEN-IN-PRISON`). Such an issue gets the code
 * as its one suggestion, and its message is written again with it.
 *
 * The file validators (`validateFile()`, `validateFileAsync()`: the `phx` command, the page, the hub) load this module
 * on demand, with the first issue that may hold a name (in an NDJSON stream, whose issues are given as they are found,
 * before that issue is given), and name the codes of the issues as they give them; `validate()` and the other validators of a value do not,
 * so that their bundles carry neither the names of the indicators nor the labels of the open codelists.
 */
import { indicatorCatalogue } from '../catalogue/indicators.js';
import type { CodelistId } from '../codelists/codes.js';
import { en, es, fr, ru, uk, type CodelistLabels } from '../codelists/labels.js';
import type { PhxLocale } from '../locales/types.js';
import type { IndicatorDefinition } from '../model/indicator.js';
import type { ValidationIssue } from './issue.js';
import { nameKey } from './name-key.js';
import { renderIn } from './render.js';

/** The list whose codes a field holds, by the field as issues name it: the indicators, or an open codelist. */
const listOfField: Readonly<Record<string, CodelistId | 'indicator'>> = {
  indicator: 'indicator', regions: 'region', focusAreas: 'focusArea', interventions: 'focusArea', populations: 'population',
  population: 'population', 'disaggregation.population': 'population', framework: 'framework', theme: 'meetingIssue',
};

/** The codes of each list by the keys of their names ({@link nameKey}), built once per list (per catalogue for the indicators). */
const built = new Map<unknown, Map<string, string>>();

function namesOf(list: CodelistId | 'indicator', catalogue: readonly IndicatorDefinition[]): Map<string, string> {
  const by = list === 'indicator' ? catalogue : list;
  let names = built.get(by);
  if (names) return names;
  built.set(by, (names = new Map()));
  const add = (name: unknown, code: string): void => {
    const key = typeof name === 'string' ? nameKey(name) : '';
    if (key !== '' && !names.has(key)) names.set(key, code);
  };
  // A code is its own name: typed in capitals (`Hiv-Prevalence-Prisoners`), it is no code, but that code is meant.
  if (list === 'indicator') for (const { code, name } of catalogue) for (const text of [code, ...Object.values(name)]) add(text, code);
  else {
    for (const labels of [en, ru, uk, fr, es]) {
      for (const [code, label] of Object.entries(labels[list as keyof CodelistLabels] ?? {})) {
        add(code, code);
        add(label, code);
      }
    }
  }
  return names;
}

/**
 * The code whose name `value` is, among `names`: the name whole, or, for a value a message echoes cut (ending in `…`),
 * the one code whose names start with what is left of it.
 */
function codeOfName(value: string, names: ReadonlyMap<string, string>): string | undefined {
  if (!value.endsWith('…')) return names.get(nameKey(value));
  const start = nameKey(value.slice(0, -1));
  const codes = new Set<string>();
  for (const [name, code] of names) if (name.startsWith(start)) codes.add(code);
  return codes.size === 1 ? [...codes][0] : undefined;
}

/**
 * The code whose name an issue's value is: a text that is no code at all where an indicator's code or a code of an open
 * list is asked for (`schema.invalid-format`), or an unknown code of an open list (`codelist.unknown-code`: `plaidoyer`
 * as a focus area, for `advocacy`).
 */
function namedIn(issue: ValidationIssue, catalogue: readonly IndicatorDefinition[]): string | undefined {
  if (issue.code === 'codelist.unknown-code') {
    const list = issue.params.codelist as CodelistId;
    return list in en ? codeOfName(issue.params.value, namesOf(list, catalogue)) : undefined;
  }
  if (issue.code !== 'schema.invalid-format') return undefined;
  const { form, field, value } = issue.params;
  const list = field === undefined ? undefined : listOfField[field];
  if ((form !== 'code' && form !== 'indicator-code') || list === undefined || typeof value !== 'string') return undefined;
  return codeOfName(value, namesOf(list, catalogue));
}

/**
 * Gives an issue whose value is the name of an indicator or the label of a code of an open codelist that code as its
 * one suggestion, and writes its message again with `messages` (when they are at hand); any other issue is left as it
 * is. The indicators' names are those of `catalogue` (the PHX catalogue by default), in every language it names them in.
 */
export function nameCodes(issue: ValidationIssue, messages: PhxLocale | undefined, catalogue: readonly IndicatorDefinition[] = indicatorCatalogue): void {
  const code = namedIn(issue, catalogue);
  if (code === undefined) return;
  const params = { ...issue.params, suggestions: [code] } as typeof issue.params;
  issue.params = params;
  if (messages) issue.message = renderIn(messages, issue.code, params as never);
}
