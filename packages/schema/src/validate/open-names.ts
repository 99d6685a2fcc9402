/**
 * The codes of the open codelists (population, focus area, region, framework, meeting issue) by their labels in the
 * five languages PHX ships (packages/schema/src/codelists/labels.ts): a label written in place of a code is an error of
 * the describer when it is no code at all (`Жінки в місцях позбавлення волі` as a population), a warning of the rules
 * when it could be one (`plaidoyer` as a focus area); either is then given the code the label stands for as its
 * suggestion. The synchronous validators import it as usual; those that load their parts on demand load it with the
 * first such value, before its issue is given (`writeMessages()`), so that a validation that meets none does not
 * download the labels (the page has them already, in the chunk that writes workbooks and shows the catalogue).
 */
import type { CodelistId } from '../codelists/codes.js';
import { en, es, fr, ru, uk, type CodelistLabels } from '../codelists/labels.js';
import type { Problem } from './issue.js';
import { nameKey } from './name-key.js';

/**
 * A problem with the code of an open list whose label was written in place of a code as its one suggestion, in any
 * of the five languages and in any case; the problem as it is when none was.
 */
export type CodeNamer = (problem: Problem) => Problem;

/** The open codelist of each field that holds its codes, by the field's key as issues name it (`params.field`). */
const openListOfField: Readonly<Record<string, CodelistId>> = {
  regions: 'region', focusAreas: 'focusArea', interventions: 'focusArea', populations: 'population', population: 'population',
  framework: 'framework', theme: 'meetingIssue',
};

const built = new Map<CodelistId, Map<string, string>>();

/**
 * The code of the open list `list` whose label `value` is, in en, ru, uk, fr or es, in any case and between spaces.
 *
 * @example
 * ```ts
 * openCodeNamed('Жінки в місцях позбавлення волі', 'population'); // 'women-in-prison'
 * openCodeNamed('Femmes détenues', 'population'); // 'women-in-prison'
 * ```
 */
export function openCodeNamed(value: string, list: CodelistId): string | undefined {
  let names = built.get(list);
  if (!names) {
    const found = new Map<string, string>();
    for (const labels of [en, ru, uk, fr, es]) {
      for (const [code, label] of Object.entries(labels[list as keyof CodelistLabels] ?? {})) {
        const key = nameKey(label as string);
        if (key !== '' && !found.has(key)) found.set(key, code);
      }
    }
    built.set(list, (names = found));
  }
  return names.get(nameKey(value));
}

/**
 * The code whose label was written in place of a code of an open list: in an unknown code (a warning of the rules,
 * `plaidoyer`), or in a text that is no code at all (an error of the describer, `Жінки в місцях позбавлення волі` as
 * a population, by the field it is in).
 */
function namedIn(problem: Problem): string | undefined {
  if (problem.code === 'codelist.unknown-code') return openCodeNamed(problem.params.value, problem.params.codelist as CodelistId);
  if (problem.code !== 'schema.invalid-format') return undefined;
  const { form, field, value } = problem.params;
  const list = field === undefined ? undefined : openListOfField[field];
  return form === 'code' && list !== undefined && typeof value === 'string' ? openCodeNamed(value, list) : undefined;
}

/** The problem of a value written in place of a code of an open list with the code its label stands for as its one suggestion, if any. */
export const namedOpenCode: CodeNamer = (problem) => {
  const code = namedIn(problem);
  return code === undefined ? problem : ({ ...problem, params: { ...problem.params, suggestions: [code] } } as Problem);
};
