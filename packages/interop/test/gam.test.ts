import { describe, expect, it } from 'vitest';
import { indicatorCatalogue, type Observation } from '@phx/schema';
import { gamIndicators, gamReadiness } from '../src/gam/readiness.js';
import { examplePackage } from './support.js';

const pkg = examplePackage();

describe('GAM readiness', () => {
  it('covers the nine prevention counts, prevalence, ART, hepatitis and the size estimate', () => {
    expect(gamIndicators.filter((code) => indicatorCatalogue.find((d) => d.code === code)?.reference === 'hiv-prevention-programmes-prisons')).toHaveLength(10);
    expect(gamIndicators).toEqual(expect.arrayContaining(['hiv-prevalence-prisoners', 'art-coverage-prisoners', 'hcv-positivity-prisoners', 'prison-population']));
  });

  it('reports Zambia 2019: HIV prevalence present with its missing breakdowns, the rest missing', () => {
    const report = gamReadiness(pkg, { country: 'ZM', year: 2019 });
    const prevalence = report.indicators.find((i) => i.indicator === 'hiv-prevalence-prisoners')!;
    expect(prevalence).toMatchObject({ status: 'present', observations: 4, missingBreakdowns: ['sex=transgender', 'ageGroup=25+'] });
    expect(report.counts).toEqual({ complete: 0, present: 1, suppressed: 0, missing: gamIndicators.length - 1 });
  });

  it('tells complete, suppressed and missing apart', () => {
    const base = { reportingOrganisation: 'PHX-ORG-0001', scope: { country: 'KE' as const }, period: { start: '2022-01-01', end: '2022-12-31' }, unit: 'percent' as const, dataSource: 'routine-programme-data' as const };
    const art = (id: string, sex?: 'female' | 'male' | 'transgender'): Observation => ({ ...base, id, indicator: 'art-coverage-prisoners', numerator: 9, denominator: 10, value: 90, ...(sex ? { disaggregation: { sex } } : {}) });
    const observations: Observation[] = [
      art('t'), art('f', 'female'), art('m', 'male'), art('tg', 'transgender'),
      { ...base, id: 's', indicator: 'prisons-people-with-tb', unit: 'count', suppressed: true },
      { ...base, id: 'other-year', indicator: 'prisons-people-on-oat', unit: 'count', value: 3, period: { start: '2021-12-01', end: '2022-01-31' } },
    ];
    const report = gamReadiness({ observations }, { country: 'KE', year: 2022 });
    const status = Object.fromEntries(report.indicators.map((i) => [i.indicator, i.status]));
    expect(status).toMatchObject({ 'art-coverage-prisoners': 'complete', 'prisons-people-with-tb': 'suppressed', 'prisons-people-on-oat': 'missing' });
    expect(report.counts.complete + report.counts.present + report.counts.suppressed + report.counts.missing).toBe(gamIndicators.length);
  });
});
