import { describe, expect, it } from 'vitest';
import { validate, validateRecord } from '../../src/validate/sync.js';
import { changed, countObservation, expectClean, expectOnly, NOW } from './fixtures.js';

const inPeriod = (start: string, end: string, now = NOW) => validateRecord('observation', countObservation({ period: { start, end } }), { now });

describe('period.start-after-end', () => {
  it('accepts a period of one day and a period of a year', () => {
    expectClean(inPeriod('2020-12-31', '2020-12-31'));
    expectClean(inPeriod('2020-01-01', '2020-12-31'));
  });

  it('rejects a period that starts after it ends, at its start', () => {
    const issue = expectOnly(inPeriod('2021-01-01', '2020-12-31'), 'period.start-after-end', '/period/start');
    expect(issue.params).toEqual({ start: '2021-01-01', end: '2020-12-31' });
  });

  it('points into the package', () => {
    const pkg = changed((p) => (p.observations[4].period.start = '2021-01-01'));
    expectOnly(validate(pkg, { now: NOW }), 'period.start-after-end', '/observations/4/period/start');
  });
});

describe('period.in-future', () => {
  it('accepts a period that ends today', () => {
    expectClean(inPeriod('2021-01-01', '2021-06-30'));
  });

  it('rejects a period that ends after the now option, at its end', () => {
    const issue = expectOnly(inPeriod('2021-01-01', '2021-07-01'), 'period.in-future', '/period/end');
    expect(issue.params).toEqual({ end: '2021-07-01', today: '2021-06-30' });
  });

  it('judges "today" in UTC', () => {
    const lateOnNewYearsEve = new Date('2020-12-31T23:30:00-05:00'); // 2021-01-01 in UTC
    expectClean(inPeriod('2021-01-01', '2021-01-01', lateOnNewYearsEve));
  });

  it('defaults to the real date', () => {
    const result = validateRecord('observation', countObservation({ period: { start: '2099-01-01', end: '2099-12-31' } }));
    expectOnly(result, 'period.in-future', '/period/end');
    expect(result.issues[0]).toMatchObject({ params: { today: new Date().toISOString().slice(0, 10) } });
  });

  it('reports both problems of a period in the future that is reversed', () => {
    expect(inPeriod('2099-12-31', '2099-01-01').issues.map((i) => i.code)).toEqual(['period.start-after-end', 'period.in-future']);
  });
});
