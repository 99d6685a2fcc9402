import { describe, expect, it } from 'vitest';
import { validate, validateRecord } from '../../src/validate/validate.js';
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
    expect(issue.params).toEqual({ dimension: 'population', indicator: 'hiv-prevalence-prisoners' });
    expectOnly(
      validateRecord('observation', countObservation({ disaggregation: { ageGroup: '<25' } }), { now: NOW }),
      'disagg.not-allowed',
      '/disaggregation/ageGroup',
    );
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

  it('rejects numerators by sex that add up to more than the total, at the last of them', () => {
    const result = withObservations(total, part('f', 40, 100, 40, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' }));
    const issue = expectOnly(result, 'disagg.exceeds-total', '/observations/2/numerator');
    expect(issue.params).toEqual({ dimension: 'sex', sum: 110, total: 100 });
  });

  it('finds the sum whatever the order, the total last', () => {
    const result = withObservations(part('f', 40, 100, 40, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' }), total);
    expectOnly(result, 'disagg.exceeds-total', '/observations/1/numerator');
  });

  it('rejects any one part larger than the total', () => {
    const result = withObservations(total, part('young', 120, 400, 30, { ageGroup: '<25' }));
    const issue = expectOnly(result, 'disagg.exceeds-total', '/observations/1/numerator');
    expect(issue.params).toEqual({ dimension: 'disaggregation', sum: 120, total: 100 });
  });

  it('does not add up age groups, which may overlap', () => {
    expectClean(withObservations(total, part('a', 60, 200, 30, { ageGroup: '<25' }), part('b', 50, 150, 33.3, { ageGroup: '18-24' })));
  });

  it('adds up only parts of the same indicator, organisation, scope and period', () => {
    const otherYear = { ...part('m-2020', 70, 300, 23.3, { sex: 'male' }), period: { start: '2020-01-01', end: '2020-12-31' } };
    const otherArea = { ...part('m-area', 70, 300, 23.3, { sex: 'male' }), scope: { country: 'ZM', subnationalArea: 'Copperbelt' } };
    expectClean(withObservations(total, part('f', 40, 100, 40, { sex: 'female' }), otherYear, otherArea));
  });

  it('needs a total to compare with', () => {
    expectClean(withObservations(part('f', 40, 100, 40, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' })));
  });

  it('counts a total given as sex "all"', () => {
    const all = { ...total, disaggregation: { sex: 'all' } };
    expectOnly(withObservations(all, part('f', 40, 100, 40, { sex: 'female' }), part('m', 70, 300, 23.3, { sex: 'male' })), 'disagg.exceeds-total', '/observations/2/numerator');
  });
});
