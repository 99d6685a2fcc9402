import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/validate/messages.js';
import type { IssueParams } from '../../src/validate/params.js';
import { validate, validateRecord } from '../../src/validate/sync.js';
import { changed, countObservation, expectClean, expectOnly, NOW, prevalence, type Loose } from './fixtures.js';

const withObservations = (...observations: Loose[]) => validate(changed((p) => (p.observations = observations)), { now: NOW });
const part = (id: string, numerator: number, denominator: number, value: number, disaggregation: Loose) => ({
  ...prevalence(id, numerator, denominator, value),
  disaggregation,
});

describe('disagg.not-allowed', () => {
  it('accepts the dimensions the indicator allows, and totals of any', () => {
    expectClean(validateRecord('observation', part('obs', 95, 260, 36.5, { sex: 'female', ageGroup: '18-24' }), { now: NOW }));
    expectClean(validateRecord('observation', countObservation({ disaggregation: { sex: 'all', ageGroup: 'all' } }), { now: NOW }));
  });

  it('rejects a dimension the indicator does not allow, at that dimension', () => {
    const issue = expectOnly(
      validateRecord('observation', part('obs', 40, 100, 40, { population: 'people-who-inject-drugs-in-prison' }), { now: NOW }),
      'disagg.not-allowed',
      '/disaggregation/population',
    );
    expect(issue.params).toEqual({ dimension: 'population', indicator: 'hiv-prevalence-prisoners', allowed: ['sex', 'ageGroup'] });
    const count = expectOnly(
      validateRecord('observation', countObservation({ disaggregation: { ageGroup: '<25' } }), { now: NOW }),
      'disagg.not-allowed',
      '/disaggregation/ageGroup',
    );
    expect(count.params).toMatchObject({ dimension: 'ageGroup', allowed: [] });
  });

  it('says what to do: leave the dimension empty, naming the dimensions the indicator is broken down by, if any', () => {
    const message = (allowed: string[], locale: 'en' | 'uk' | 'ru' | 'fr' | 'es') =>
      renderMessage('disagg.not-allowed', { dimension: 'population', indicator: 'x', allowed }, locale);
    expect(message(['sex', 'ageGroup'], 'en')).toBe('Indicator "x" cannot be broken down by "population group", only by "sex" and "age group": leave "population group" empty');
    expect(message(['sex'], 'uk')).toBe('Індикатор «x» не можна розбивати за ознакою «група населення», лише за ознакою «стать»: залиште поле «група населення» порожнім');
    expect(message(['sex', 'ageGroup'], 'uk')).toContain('лише за ознаками «стать» і «вікова група»:');
    expect(message(['sex', 'ageGroup'], 'ru')).toContain('только по признакам «пол» и «возрастная группа»: оставьте поле «группа населения» пустым');
    expect(message(['sex'], 'fr')).toContain('seulement par « sexe » : laissez « groupe de population » vide');
    expect(message(['sex'], 'es')).toContain('solo por «sexo»: deje «grupo de población» vacío');
    expect(message([], 'en')).toBe('Indicator "x" is not broken down: leave "population group" empty and give the figure for everyone');
    expect(message([], 'uk')).toBe('Індикатор «x» не розбивають за жодною ознакою: залиште поле «група населення» порожнім і дайте значення для всіх разом');
  });

  it('follows the package’s own definitions', () => {
    const byAge = countObservation({ id: 'obs-halfway', indicator: 'halfway-house-places', numerator: 24, value: 24, disaggregation: { ageGroup: '50+' } });
    const bySex = { ...byAge, id: 'obs-halfway-f', disaggregation: { sex: 'female' } };
    expectOnly(validate(changed((p) => p.observations.push(byAge, bySex)), { now: NOW }), 'disagg.not-allowed', '/observations/5/disaggregation/ageGroup');
  });
});

describe('disagg.exceeds-total', () => {
  const total = prevalence('obs-total', 100, 400, 25);

  it('accepts numerators by sex that add up to the total or less', () => {
    expectClean(withObservations(total, part('f', 30, 100, 30, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' })));
    expectClean(withObservations(total, part('f', 30, 100, 30, { sex: 'female' })));
  });

  it('rejects numerators by sex that add up to more than the total, at the last of them, with their actual sum', () => {
    const result = withObservations(total, part('f', 40, 100, 40, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' }));
    const issue = expectOnly(result, 'disagg.exceeds-total', '/observations/2/numerator');
    expect(issue.params).toEqual({ dimension: 'sex', field: 'numerator', sum: 110, total: 100, parts: 2 });
  });

  it('reports the sum of the parts, not the largest part, when one part alone is above the total', () => {
    // The case that once said "add up to 49": one part is 49, the parts add up to 57, the total is 45.
    const result = withObservations(prevalence('t', 45, 400, 11.25), part('f', 8, 100, 8, { sex: 'female' }), part('m', 49, 300, 16.3, { sex: 'male' }));
    expect(expectOnly(result, 'disagg.exceeds-total', '/observations/2/numerator').params).toMatchObject({ sum: 57, total: 45 });
  });

  it('finds the sum whatever the order, the total last', () => {
    const result = withObservations(part('f', 40, 100, 40, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' }), total);
    expectOnly(result, 'disagg.exceeds-total', '/observations/1/numerator');
  });

  it('checks denominators as it checks numerators', () => {
    const result = withObservations(total, part('f', 30, 150, 20, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' }));
    expect(expectOnly(result, 'disagg.exceeds-total', '/observations/2/denominator').params).toEqual({
      dimension: 'sex', field: 'denominator', sum: 450, total: 400, parts: 2,
    });
  });

  it('rejects one age group larger than the total', () => {
    const result = withObservations(total, part('young', 120, 400, 30, { ageGroup: '<25' }));
    const issue = expectOnly(result, 'disagg.exceeds-total', '/observations/1/numerator');
    expect(issue.params).toEqual({ dimension: 'ageGroup', field: 'numerator', sum: 120, total: 100, parts: 1 });
  });

  it('does not add up age groups that overlap, and adds up those that do not', () => {
    expectClean(withObservations(total, part('a', 60, 200, 30, { ageGroup: '<25' }), part('b', 50, 150, 33.3, { ageGroup: '18-24' })));
    const result = withObservations(total, part('a', 30, 100, 30, { ageGroup: '<18' }), part('b', 50, 150, 33.3, { ageGroup: '18-24' }), part('c', 30, 150, 20, { ageGroup: '50+' }));
    expect(expectOnly(result, 'disagg.exceeds-total', '/observations/3/numerator').params).toMatchObject({ dimension: 'ageGroup', sum: 110, parts: 3 });
  });

  it('rejects a part by two dimensions larger than the total', () => {
    const both = part('fy', 120, 300, 40, { sex: 'female', ageGroup: '18-24' });
    expect(expectOnly(withObservations(total, both), 'disagg.exceeds-total', '/observations/1/numerator').params).toEqual({
      dimension: 'sex, ageGroup', field: 'numerator', sum: 120, total: 100, parts: 1,
    });
  });

  it('adds up only parts of the same indicator, organisation, scope, period and data source', () => {
    const otherYear = { ...part('m-2020', 70, 300, 23.3, { sex: 'male' }), period: { start: '2020-01-01', end: '2020-12-31' } };
    const otherArea = { ...part('m-area', 70, 300, 23.3, { sex: 'male' }), scope: { country: 'ZM', subnationalArea: 'Copperbelt' } };
    const otherSource = { ...part('m-survey', 70, 300, 23.3, { sex: 'male' }), dataSource: 'survey' };
    expectClean(withObservations(total, part('f', 40, 100, 40, { sex: 'female' }), otherYear, otherArea, otherSource));
  });

  it('needs a total to compare with', () => {
    expectClean(withObservations(part('f', 40, 100, 40, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' })));
  });

  it('counts a total given as sex "all"', () => {
    const all = { ...total, disaggregation: { sex: 'all' } };
    expectOnly(withObservations(all, part('f', 40, 100, 40, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' })), 'disagg.exceeds-total', '/observations/2/numerator');
  });
});

describe('disagg.below-total', () => {
  const total = prevalence('obs-total', 500, 2000, 25);

  it('warns when female and male add up to less than the total, at the total', () => {
    const result = withObservations(total, part('f', 100, 400, 25, { sex: 'female' }), part('m', 200, 1600, 12.5, { sex: 'male' }));
    const issue = expectOnly(result, 'disagg.below-total', '/observations/0/numerator');
    expect(issue.params).toEqual({ dimension: 'sex', field: 'numerator', sum: 300, total: 500, parts: 2 });
  });

  it('adds the other sex categories given to female and male', () => {
    expectClean(withObservations(total, part('f', 100, 400, 25, { sex: 'female' }), part('m', 200, 1000, 20, { sex: 'male' }), part('u', 200, 600, 33.3, { sex: 'unknown' })));
  });

  it('checks denominators too', () => {
    const result = withObservations(total, part('f', 100, 400, 25, { sex: 'female' }), part('m', 400, 1200, 33.3, { sex: 'male' }));
    expect(expectOnly(result, 'disagg.below-total', '/observations/0/denominator').params).toMatchObject({ field: 'denominator', sum: 1600, total: 2000 });
  });

  it('warns about age groups that cover every age, and not about a breakdown with a gap', () => {
    const young = part('y', 100, 500, 20, { ageGroup: '<25' });
    const old = part('o', 300, 1500, 20, { ageGroup: '25+' });
    expect(expectOnly(withObservations(total, young, old), 'disagg.below-total', '/observations/0/numerator').params).toMatchObject({ dimension: 'ageGroup', sum: 400 });
    expectClean(withObservations(total, part('a', 100, 500, 20, { ageGroup: '<18' }), { ...old, denominator: 1500 }));
  });

  it('is silent when a part hides its number: the sum is not known', () => {
    const { numerator: _, value: __, ...female }: Loose = { ...part('f', 0, 400, 0, { sex: 'female' }), suppressed: true };
    const result = withObservations(total, female, part('m', 200, 1600, 12.5, { sex: 'male' }));
    expect(result.issues.map((issue) => issue.code)).not.toContain('disagg.below-total');
  });
});

/** A count of people tested for HIV (`numerator` undefined: suppressed), a total or a part of one by `disaggregation`. */
function count(id: string, numerator: number | undefined, disaggregation: Loose = {}) {
  const observation = countObservation({ id, indicator: 'prisons-people-tested-for-hiv', numerator, value: numerator, disaggregation });
  if (numerator === undefined) {
    delete observation.numerator;
    delete observation.value;
    observation.suppressed = true;
  }
  return observation;
}

describe('privacy.complementary-disclosure', () => {

  it('rejects a suppressed cell that the total and its visible sibling give away, at the suppressed cell', () => {
    const result = withObservations(count('t', 50), count('m', 47, { sex: 'male' }), count('f', undefined, { sex: 'female' }));
    const issue = expectOnly(result, 'privacy.complementary-disclosure', '/observations/2/suppressed');
    expect(issue.params).toEqual({ dimension: 'sex', parts: 2, figures: [{}, { sex: 'male' }] });
    expect(issue.message).toBe('This suppressed number can be worked out from the numbers shown (the total; sex "male"), which add up by sex: suppress one of them too');
  });

  it('names two dimensions the figures add up by as each language joins them', () => {
    const params: IssueParams['privacy.complementary-disclosure'] = { dimension: 'sex, ageGroup', parts: 2, figures: [{}, { sex: 'male' }] };
    expect(renderMessage('privacy.complementary-disclosure', params, 'uk')).toContain('(загальний підсумок; стать «male»), що складаються за ознаками «стать» і «вікова група»:');
    expect(renderMessage('privacy.complementary-disclosure', params, 'ru')).toContain('складываются по признакам «пол» и «возрастная группа»:');
    expect(renderMessage('privacy.complementary-disclosure', params, 'fr')).toContain("(le total ; sexe « male »), qui s'additionnent par « sexe » et « tranche d'âge » :");
    expect(renderMessage('privacy.complementary-disclosure', params, 'es')).toContain('se suman por «sexo» y «grupo de edad»:');
    expect(renderMessage('privacy.complementary-disclosure', { ...params, dimension: 'sex' }, 'uk')).toContain('що складаються за ознакою «стать»:');
  });

  it('rejects a suppressed total that its visible parts add up to', () => {
    const result = withObservations(count('t', undefined), count('m', 47, { sex: 'male' }), count('f', 6, { sex: 'female' }));
    expectOnly(result, 'privacy.complementary-disclosure', '/observations/0/suppressed');
  });

  it('accepts two suppressed cells, or a breakdown that does not cover the total', () => {
    expectClean(withObservations(count('t', 50), count('m', undefined, { sex: 'male' }), count('f', undefined, { sex: 'female' })));
    expectClean(withObservations(count('t', 50), count('f', undefined, { sex: 'female' })));
    expectClean(withObservations(count('t', 50), count('a', 40, { ageGroup: '25+' }), count('b', undefined, { ageGroup: '<18' })));
  });

  it('follows age groups that cover every age', () => {
    const result = withObservations(count('t', 90), count('a', 50, { ageGroup: '25+' }), count('b', undefined, { ageGroup: '<18' }), count('c', 38, { ageGroup: '18-24' }));
    expectOnly(result, 'privacy.complementary-disclosure', '/observations/2/suppressed');
  });
});

describe('privacy.complementary-disclosure: every sum a group makes', () => {
  const reported = (...observations: Loose[]) =>
    withObservations(...observations)
      .issues.filter((issue) => issue.code === 'privacy.complementary-disclosure')
      .map((issue) => [issue.pointer, issue.params]);

  it('follows age groups that overlap: <25 is <18 and 18-24', () => {
    // 25+ = 100 − 97; <18 = 97 − 95.
    expect(reported(count('t', 100), count('u25', 97, { ageGroup: '<25' }), count('o25', undefined, { ageGroup: '25+' }), count('y', 95, { ageGroup: '18-24' }), count('c', undefined, { ageGroup: '<18' }))).toEqual([
      ['/observations/4/suppressed', { dimension: 'ageGroup', parts: 2, figures: [{ ageGroup: '18-24' }, { ageGroup: '<25' }] }],
      ['/observations/2/suppressed', { dimension: 'ageGroup', parts: 2, figures: [{}, { ageGroup: '<25' }] }],
    ]);
    // Without a total: <18 = <25 − 18-24 still.
    expect(reported(count('u25', 97, { ageGroup: '<25' }), count('y', 95, { ageGroup: '18-24' }), count('c', undefined, { ageGroup: '<18' }))).toEqual([
      ['/observations/2/suppressed', { dimension: 'ageGroup', parts: 2, figures: [{ ageGroup: '18-24' }, { ageGroup: '<25' }] }],
    ]);
  });

  it('follows cells by sex and age group at once', () => {
    // female <25 = 20 − 18.
    const issues = reported(count('t', 50), count('f', 20, { sex: 'female' }), count('m', 30, { sex: 'male' }), count('fy', undefined, { sex: 'female', ageGroup: '<25' }), count('fo', 18, { sex: 'female', ageGroup: '25+' }));
    expect(issues).toEqual([['/observations/3/suppressed', { dimension: 'ageGroup', parts: 2, figures: [{ sex: 'female' }, { sex: 'female', ageGroup: '25+' }] }]]);
    // female <25 = (<25) − (male <25), the sums by sex of the young.
    expect(reported(count('y', 30, { ageGroup: '<25' }), count('my', 22, { sex: 'male', ageGroup: '<25' }), count('fy', undefined, { sex: 'female', ageGroup: '<25' }))).toEqual([
      ['/observations/2/suppressed', { dimension: 'sex', parts: 2, figures: [{ ageGroup: '<25' }, { sex: 'male', ageGroup: '<25' }] }],
    ]);
    // A table of sex by age whose inner cells are hidden, but for one: each is worked out across the table.
    const table = [count('t', 50), count('f', 20, { sex: 'female' }), count('m', 30, { sex: 'male' }), count('y', 15, { ageGroup: '<25' }), count('o', 35, { ageGroup: '25+' })];
    expect(reported(...table, count('fy', 5, { sex: 'female', ageGroup: '<25' }), count('fo', undefined, { sex: 'female', ageGroup: '25+' }), count('my', undefined, { sex: 'male', ageGroup: '<25' }), count('mo', undefined, { sex: 'male', ageGroup: '25+' })).map(([pointer]) => pointer)).toEqual([
      '/observations/6/suppressed',
      '/observations/7/suppressed',
      '/observations/8/suppressed',
    ]);
  });

  it('reports nothing where two numbers of every sum are hidden, and each could be any number', () => {
    const table = [count('t', 50), count('f', 20, { sex: 'female' }), count('m', 30, { sex: 'male' }), count('y', 15, { ageGroup: '<25' }), count('o', 35, { ageGroup: '25+' })];
    expectClean(withObservations(...table, ...[['fy', 'female', '<25'], ['fo', 'female', '25+'], ['my', 'male', '<25'], ['mo', 'male', '25+']].map(([id, sex, ageGroup]) => count(id!, undefined, { sex, ageGroup }))));
    expectClean(withObservations(count('t', 100), count('c', undefined, { ageGroup: '<18' }), count('y', undefined, { ageGroup: '18-24' }), count('u25', undefined, { ageGroup: '<25' }), count('o25', undefined, { ageGroup: '25+' }), count('m', undefined, { ageGroup: '25-49' }), count('o', 20, { ageGroup: '50+' })));
  });

  it('takes the count a percentage gives with its denominator, its numerator left out, as shown', () => {
    const share = (id: string, numerator: number | undefined, denominator: number, value: number | undefined, disaggregation: Loose = {}) => {
      const obs: Loose = { ...prevalence(id, numerator ?? 0, denominator, value ?? 0), disaggregation };
      if (numerator === undefined) delete obs.numerator;
      if (value === undefined) {
        delete obs.value;
        obs.suppressed = true;
      }
      return obs;
    };
    // 6.25 % of 800 is 50 people (give or take 0.04): female = 50 − 47.
    const issue = expectOnly(withObservations(share('t', undefined, 800, 6.25), share('m', 47, 700, 6.71, { sex: 'male' }), share('f', undefined, 100, undefined, { sex: 'female' })), 'privacy.complementary-disclosure', '/observations/2/suppressed');
    expect(issue.params).toEqual({ dimension: 'sex', parts: 2, figures: [{}, { sex: 'male' }] });
    // 5 % of 1000 is 45 to 55 people: female is not known.
    expectClean(withObservations(share('t', undefined, 1000, 5), share('m', 47, 900, 5.22, { sex: 'male' }), share('f', undefined, 100, undefined, { sex: 'female' })));
  });

  it('holds no count of things or places to it', () => {
    const prisons = (id: string, n: number | undefined, disaggregation: Loose = {}) => ({ ...count(id, n, disaggregation), indicator: 'prisons-facilities-with-hiv-services' });
    const result = withObservations(prisons('t', 50), prisons('m', 47, { sex: 'male' }), prisons('f', undefined, { sex: 'female' }));
    expect(result.issues.map((issue) => issue.code)).not.toContain('privacy.complementary-disclosure');
  });
});

describe('privacy.complementary-disclosure within bounds: no count below 0, no numerator above its denominator', () => {
  /** A share of people who tested positive, of `denominator` tested: suppressed when `numerator` is undefined. */
  const positive = (id: string, numerator: number | undefined, denominator: number, disaggregation: Loose = {}) => {
    const obs: Loose = { ...prevalence(id, numerator ?? 0, denominator, Number((((numerator ?? 0) / denominator) * 100).toFixed(1))), disaggregation };
    if (numerator === undefined) {
      delete obs.numerator;
      delete obs.value;
      obs.suppressed = true;
    }
    return obs;
  };

  it('reports the parts of a total of 100 %: each is all of its denominator', () => {
    // 40 of 40 tested positive: the 15 women tested and the 25 men tested all did.
    const result = withObservations(positive('t', 40, 40), positive('f', undefined, 15, { sex: 'female' }), positive('m', undefined, 25, { sex: 'male' }));
    const params = { dimension: 'sex', parts: 1, figures: [{}], denominators: [{ sex: 'female' }, { sex: 'male' }] };
    expect(result.issues.map(({ code, pointer, params }) => [code, pointer, params])).toEqual([
      ['privacy.complementary-disclosure', '/observations/1/suppressed', params],
      ['privacy.complementary-disclosure', '/observations/2/suppressed', params],
    ]);
    expect(result.issues[0]!.message).toBe(
      'This suppressed number can be worked out from the numbers shown (the total), which add up by sex, as no number is below 0 or above its denominator (sex "female"; sex "male"): suppress one of them too',
    );
  });

  it('reports the parts of a total of 0, each 0', () => {
    const result = withObservations(count('t', 0), count('f', undefined, { sex: 'female' }), count('m', undefined, { sex: 'male' }));
    expect(result.issues.map(({ code, pointer, params }) => [code, pointer, params])).toEqual([
      ['privacy.complementary-disclosure', '/observations/1/suppressed', { dimension: 'sex', parts: 1, figures: [{}] }],
      ['privacy.complementary-disclosure', '/observations/2/suppressed', { dimension: 'sex', parts: 1, figures: [{}] }],
    ]);
  });

  it('reports parts that the total and the part shown leave no room in', () => {
    // 50 − 40 = 10 are under 25, of 3 and 7 tested: all of each.
    const result = withObservations(positive('t', 50, 80), positive('o', 40, 70, { ageGroup: '25+' }), positive('c', undefined, 3, { ageGroup: '<18' }), positive('y', undefined, 7, { ageGroup: '18-24' }));
    const params = { dimension: 'ageGroup', parts: 2, figures: [{}, { ageGroup: '25+' }], denominators: [{ ageGroup: '<18' }, { ageGroup: '18-24' }] };
    expect(result.issues.map(({ code, pointer, params }) => [code, pointer, params])).toEqual([
      ['privacy.complementary-disclosure', '/observations/2/suppressed', params],
      ['privacy.complementary-disclosure', '/observations/3/suppressed', params],
    ]);
  });

  it('reports nothing where the bounds leave more than one number', () => {
    // 30 of 40: from 5 to 15 of the 15 women.
    expectClean(withObservations(positive('t', 30, 40), positive('f', undefined, 15, { sex: 'female' }), positive('m', undefined, 25, { sex: 'male' })));
    // A count has no denominator to bound it: 50 people, from 0 to 50 of them women.
    expectClean(withObservations(count('t', 50), count('f', undefined, { sex: 'female' }), count('m', undefined, { sex: 'male' })));
  });
});

describe('unique.duplicate-breakdown', () => {
  const total = prevalence('obs-total', 100, 400, 25);

  it('rejects a second observation of the same category, at its disaggregation, and does not add it', () => {
    const result = withObservations(total, part('f', 30, 100, 30, { sex: 'female' }), part('f-again', 30, 100, 30, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' }));
    const issue = expectOnly(result, 'unique.duplicate-breakdown', '/observations/2/disaggregation');
    expect(issue.params).toEqual({ first: '/observations/1', categories: { sex: 'female' } });
  });

  it('rejects a second total, and a second cell of two dimensions', () => {
    const again = { ...total, id: 'obs-total-again' };
    expect(expectOnly(withObservations(total, again), 'unique.duplicate-breakdown', '/observations/1').params).toEqual({ first: '/observations/0', categories: {} });
    const cell = part('fy', 10, 40, 25, { sex: 'female', ageGroup: '18-24' });
    expectOnly(withObservations(total, cell, { ...cell, id: 'fy-again' }), 'unique.duplicate-breakdown', '/observations/2/disaggregation');
  });

  it('takes "all" for the total and tells other scopes, periods and sources apart', () => {
    expectOnly(withObservations(total, { ...total, id: 'all', disaggregation: { sex: 'all' } }), 'unique.duplicate-breakdown', '/observations/1');
    expectClean(withObservations(total, { ...total, id: 'survey', dataSource: 'survey' }, { ...total, id: 'area', scope: { country: 'ZM', subnationalArea: 'Lusaka' } }));
  });
});

describe('knownObservations', () => {
  const knowing = (known: Loose[], ...records: Loose[]) =>
    validate(changed((p) => (p.observations = records)), { now: NOW, knownObservations: known as never });

  it('reports a suppressed cell that known observations give away, at the record of the data', () => {
    expectOnly(knowing([count('t', 50), count('m', 47, { sex: 'male' })], count('f', undefined, { sex: 'female' })), 'privacy.complementary-disclosure', '/observations/0/suppressed');
    const alone = validateRecord('observation', count('f', undefined, { sex: 'female' }), { now: NOW, knownObservations: [count('t', 50), count('m', 47, { sex: 'male' })] as never });
    expectOnly(alone, 'privacy.complementary-disclosure', '/suppressed');
  });

  it('reports an issue of a known row at a record of the data that takes part', () => {
    expectOnly(knowing([count('m', 47, { sex: 'male' }), count('f', undefined, { sex: 'female' })], count('t', 50)), 'privacy.complementary-disclosure', '/observations/0');
    expectOnly(knowing([count('t', 50)], count('f', 70, { sex: 'female' })), 'disagg.exceeds-total', '/observations/0/numerator');
    expectOnly(knowing([count('f', 70, { sex: 'female' })], count('t', 50)), 'disagg.exceeds-total', '/observations/0/numerator');
  });

  it('reports a suppressed record of the data that repeats a suppressed known one at itself, where the numbers shown give both away', () => {
    const female = count('f', undefined, { sex: 'female' });
    const result = knowing([{ ...female, id: 'f-stored' }], count('t', 50), count('m', 47, { sex: 'male' }), female);
    expect(result.issues.map(({ code, pointer }) => [code, pointer])).toEqual([
      ['unique.duplicate-breakdown', '/observations/2/disaggregation'],
      ['privacy.complementary-disclosure', '/observations/2/suppressed'],
    ]);
  });

  it('names the known observation a cell by sex and age group repeats', () => {
    const young = count('fy', undefined, { sex: 'female', ageGroup: '<25' });
    const result = knowing([{ ...young, id: 'fy-stored' }], count('f', 20, { sex: 'female' }), count('fo', 18, { sex: 'female', ageGroup: '25+' }), young);
    expect(result.issues.map(({ code, pointer, params }) => [code, pointer, code === 'unique.duplicate-breakdown' ? params : undefined])).toEqual([
      ['unique.duplicate-breakdown', '/observations/2/disaggregation', { first: 'fy-stored', categories: { sex: 'female', ageGroup: '<25' } }],
      ['privacy.complementary-disclosure', '/observations/2/suppressed', undefined],
    ]);
  });

  it('names the known observation a duplicate repeats', () => {
    const issue = expectOnly(knowing([count('t', 50)], count('t-again', 50)), 'unique.duplicate-breakdown', '/observations/0');
    expect(issue.params).toEqual({ first: 't', categories: {} });
  });

  it('replaces a known observation by the record of the data with its id', () => {
    expectClean(knowing([count('t', 50), count('m', 47, { sex: 'male' })], count('t', undefined), count('f', undefined, { sex: 'female' })));
    expectClean(knowing([count('t', 50)], count('t', 60)));
  });

  it('does not report what only known observations take part in', () => {
    const known = [count('t', 50), count('m', 47, { sex: 'male' }), count('f', undefined, { sex: 'female' }), count('t-again', 50), count('a', 70, { ageGroup: '25+' })];
    expectClean(knowing(known, { ...count('other', 50), period: { start: '2019-01-01', end: '2019-12-31' } }));
    // In the group, but in none of its breakdowns by sex or age that have a problem.
    expectClean(knowing(known.slice(0, 4), count('young', 20, { ageGroup: '<18' })));
  });
});
