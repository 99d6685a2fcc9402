import { describe, expect, it } from 'vitest';
import { codelists } from '../../src/codelists/codes.js';
import { validate, validateRecord } from '../../src/validate/sync.js';
import { changed, countObservation, expectClean, expectOnly, NOW, type Loose } from './fixtures.js';

describe('codelist.unknown-code', () => {
  it.each([
    ['a focus area', (p: Loose) => (p.organisations[1].focusAreas = ['harm-reductoin']), '/organisations/1/focusAreas/0', 'focusArea', 'harm-reductoin', []],
    ['a region', (p: Loose) => (p.organisations[1].regions = ['southern-africa']), '/organisations/1/regions/0', 'region', 'southern-africa', ['eastern-southern-africa']],
    ['a population', (p: Loose) => (p.organisations[1].populations = ['people-released-from-prison', 'ex-prisoners']), '/organisations/1/populations/1', 'population', 'ex-prisoners', []],
    ['a framework', (p: Loose) => (p.indicators[0].framework = 'unicef'), '/indicators/0/framework', 'framework', 'unicef', []],
    ['an intervention', (p: Loose) => (p.indicators[0].interventions = ['housing']), '/indicators/0/interventions/0', 'focusArea', 'housing', ['reintegration-housing']],
    ['a meeting issue', (p: Loose) => (p.meetings[0].issuesIdentified[0].theme = 'overcrowding'), '/meetings/0/issuesIdentified/0/theme', 'meetingIssue', 'overcrowding', []],
    ['a misspelt focus area', (p: Loose) => (p.organisations[1].focusAreas = ['tuberculossis']), '/organisations/1/focusAreas/0', 'focusArea', 'tuberculossis', ['tuberculosis']],
  ])('warns about %s that PHX does not know, and the data stays valid', (_, change, pointer, codelist, value, suggestions) => {
    const result = validate(changed(change), { now: NOW });
    const issue = expectOnly(result, 'codelist.unknown-code', pointer);
    expect(result.ok).toBe(true);
    expect(issue.params).toEqual({ codelist, value, suggestions });
  });

  it('names the nearest known codes in the message, in every language', () => {
    const pkg = changed((p) => (p.organisations[1].focusAreas = ['tuberculossis']));
    expect(validate(pkg, { now: NOW }).issues[0]!.message).toBe('"tuberculossis" is not a known code for the field "areas of work"; did you mean "tuberculosis"?');
    expect(validate(pkg, { now: NOW, locale: 'uk' }).issues[0]!.message).toMatch(/; можливо, ви мали на увазі «tuberculosis»\?$/);
    expect(validate(pkg, { now: NOW, locale: 'fr' }).issues[0]!.message).toMatch(/ ; vouliez-vous dire « tuberculosis » \?$/);
  });

  it('warns about an unknown population of an observation', () => {
    const record = countObservation({ indicator: 'hiv-prevalence-prisoners', disaggregation: { population: 'remand' } });
    expect(validateRecord('observation', record, { now: NOW }).issues.map((i) => [i.code, i.pointer])).toContainEqual([
      'codelist.unknown-code',
      '/disaggregation/population',
    ]);
  });

  it('knows every code of every open list', () => {
    const pkg = changed((p) => {
      p.organisations[1].focusAreas = [...codelists.focusArea.codes];
      p.organisations[1].regions = [...codelists.region.codes];
      p.organisations[1].populations = [...codelists.population.codes];
      p.meetings[0].issuesIdentified = codelists.meetingIssue.codes.map((theme) => ({ theme }));
    });
    expectClean(validate(pkg, { now: NOW }));
  });

  it('rejects an unknown code of a closed list as an error', () => {
    const result = validate(changed((p) => (p.observations[1].disaggregation.sex = 'woman')), { now: NOW });
    expect(expectOnly(result, 'schema.invalid-value', '/observations/1/disaggregation/sex').params.suggestions).toEqual(['female']);
  });

  it.each([
    ['UK', ['GB', 'UA', 'UG']],
    ['Ukraine', ['UA']],
    ['Україна', ['UA']],
    ['ZMB', ['ZM']],
    ['zm', ['ZM']],
    ['Atlantis', []],
  ])('suggests the codes of a closed list nearest to %s, from the whole list', (country, suggestions) => {
    const issue = expectOnly(validate(changed((p) => (p.facilities[0].country = country)), { now: NOW }), 'schema.invalid-value', '/facilities/0/country');
    expect(issue.params.suggestions).toEqual(suggestions);
    const russian = validate(changed((p) => (p.facilities[0].country = country)), { now: NOW, locale: 'ru' }).issues[0]!.message;
    if (suggestions.length > 0) expect(russian).toContain(`вы имели в виду «${suggestions[0]}»`);
    else expect(russian).not.toContain('имели в виду');
  });

  it('rejects a code of an open list that is not written as a code', () => {
    expectOnly(validate(changed((p) => (p.organisations[1].focusAreas = ['Harm Reduction'])), { now: NOW }), 'schema.invalid-format', '/organisations/1/focusAreas/0');
  });
});
