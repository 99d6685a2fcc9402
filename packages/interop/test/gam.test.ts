import fc from 'fast-check';
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

describe('GAM readiness of a country or year the package holds nothing of', () => {
  it('names the countries and years the package holds, in five languages, and nothing when it holds some', async () => {
    const { interopLocales } = await import('../src/locales/index.js');
    const other = gamReadiness(pkg, { country: 'PL', year: 1990 });
    const countries = [...new Set(pkg.observations!.map((o) => o.scope.country))].sort();
    const years = [...new Set(pkg.observations!.map((o) => Number(o.period.start.slice(0, 4))))].sort((a, b) => a - b);
    expect(other.held).toEqual({ countries, years });
    expect(other.counts.missing).toBe(gamIndicators.length);
    expect(gamReadiness(pkg, { country: 'ZM', year: 1990 }).held).toEqual({ countries, years });
    expect(gamReadiness(pkg, { country: 'ZM', year: 2019 }).held).toBeUndefined();
    expect(gamReadiness({ observations: [] }, { country: 'ZM', year: 2019 }).held).toBeUndefined();
    const held = { countries: ['UA'], years: [2023] };
    expect(interopLocales.en.gam.nothingFor('UA', 2022, held)).toBe('The package has no observations for UA in 2022. Countries in the package: UA; years: 2023');
    expect(interopLocales.uk.gam.nothingFor('PL', 2022, held)).toBe('У пакеті немає спостережень для країни PL за 2022 рік. Країни в пакеті: UA; роки: 2023');
    for (const locale of ['ru', 'fr', 'es'] as const) expect(interopLocales[locale].gam.nothingFor('PL', 2022, held)).toMatch(/PL.*2022.*UA.*2023/);
  });
});

describe('GAM readiness counts only the country’s figure for the year', () => {
  const year = 2023;
  const count = (id: string, indicator: string, scope: Observation['scope'], start: string, end: string, value = 12): Observation => ({
    id, indicator, reportingOrganisation: 'UA-EDR-38214567', scope, period: { start, end }, value, unit: 'count', dataSource: 'routine-programme-data',
  });
  const row = (observations: Observation[], indicator: string) => gamReadiness({ observations }, { country: 'UA', year }).indicators.find((i) => i.indicator === indicator)!;

  it('makes one prison’s figure of a quarter, or one region’s of a month, incomplete, and says why', () => {
    const observations = [
      count('q1-oat', 'prisons-people-on-oat', { country: 'UA', facility: 'ua-kh-25' }, '2023-01-01', '2023-03-31'),
      count('feb-pop', 'prison-population', { country: 'UA', subnationalArea: 'Kharkiv oblast' }, '2023-02-01', '2023-02-28', 700),
    ];
    const report = gamReadiness({ observations }, { country: 'UA', year });
    expect(report.indicators.find((i) => i.indicator === 'prisons-people-on-oat')).toMatchObject({ status: 'present', observations: 1, onlyPartialFigures: true });
    expect(report.indicators.find((i) => i.indicator === 'prison-population')).toMatchObject({ status: 'present', observations: 1, onlyPartialFigures: true });
    expect(report.counts.complete).toBe(0);
  });

  it('takes the whole calendar year of the whole country, and the prison population on one day of the year or over it', () => {
    const national = { country: 'UA' as const };
    expect(row([count('y', 'prisons-people-on-oat', national, '2023-01-01', '2023-12-31')], 'prisons-people-on-oat')).toMatchObject({ status: 'complete', onlyPartialFigures: false });
    expect(row([count('h', 'prisons-people-on-oat', national, '2023-01-01', '2023-06-30')], 'prisons-people-on-oat')).toMatchObject({ status: 'present', onlyPartialFigures: true });
    expect(row([count('d', 'prisons-people-on-oat', national, '2023-12-31', '2023-12-31')], 'prisons-people-on-oat')).toMatchObject({ status: 'present', onlyPartialFigures: true });
    expect(row([count('d', 'prison-population', national, '2023-12-31', '2023-12-31')], 'prison-population')).toMatchObject({ status: 'complete', onlyPartialFigures: false });
    expect(row([count('y', 'prison-population', national, '2023-01-01', '2023-12-31')], 'prison-population')).toMatchObject({ status: 'complete', onlyPartialFigures: false });
    expect(row([count('m', 'prison-population', national, '2023-02-01', '2023-02-28')], 'prison-population')).toMatchObject({ status: 'present', onlyPartialFigures: true });
    expect(row([count('a', 'prison-population', { country: 'UA', subnationalArea: 'Kyiv' }, '2023-12-31', '2023-12-31')], 'prison-population')).toMatchObject({ status: 'present', onlyPartialFigures: true });
  });

  it('takes a percentage a survey or a study measured over its fieldwork months as the value of its year', () => {
    const prevalence = (id: string, dataSource: Observation['dataSource'], scope: Observation['scope'] = { country: 'UA' }): Observation => ({
      id, indicator: 'hcv-positivity-prisoners', reportingOrganisation: 'UA-EDR-38214567', scope, period: { start: '2023-03-01', end: '2023-05-31' },
      numerator: 120, denominator: 800, value: 15, unit: 'percent', dataSource,
    });
    expect(row([prevalence('s', 'survey')], 'hcv-positivity-prisoners')).toMatchObject({ status: 'complete', onlyPartialFigures: false });
    expect(row([prevalence('b', 'study')], 'hcv-positivity-prisoners')).toMatchObject({ status: 'complete', onlyPartialFigures: false });
    // Programme data of three months are three months' tests, not the year's.
    expect(row([prevalence('r', 'routine-programme-data')], 'hcv-positivity-prisoners')).toMatchObject({ status: 'present', onlyPartialFigures: true });
    expect(row([prevalence('f', 'survey', { country: 'UA', facility: 'ua-kh-25' })], 'hcv-positivity-prisoners')).toMatchObject({ status: 'present', onlyPartialFigures: true });
    // A count a survey gave over three months is not the year's count.
    expect(row([count('c', 'prisons-people-on-oat', { country: 'UA' }, '2023-03-01', '2023-05-31')], 'prisons-people-on-oat')).toMatchObject({ onlyPartialFigures: true });
  });

  it('reads the breakdowns GAM asks for from the country’s figures for the year only', () => {
    const base = { reportingOrganisation: 'UA-EDR-38214567', period: { start: '2023-01-01', end: '2023-12-31' }, unit: 'percent' as const, dataSource: 'routine-programme-data' as const, numerator: 9, denominator: 10, value: 90 };
    const art = (id: string, scope: Observation['scope'], sex?: 'female' | 'male' | 'transgender'): Observation => ({ ...base, id, indicator: 'art-coverage-prisoners', scope, ...(sex ? { disaggregation: { sex } } : {}) });
    const facility = { country: 'UA' as const, facility: 'ua-kh-25' };
    const observations = [art('t', { country: 'UA' }), art('f', { country: 'UA' }, 'female'), art('m', { country: 'UA' }, 'male'), art('tg', facility, 'transgender')];
    // A facility's breakdown does not stand for the country's; the country's total is there, so nothing is partial.
    expect(row(observations, 'art-coverage-prisoners')).toMatchObject({ status: 'present', observations: 4, missingBreakdowns: ['sex=transgender'], onlyPartialFigures: false });
    expect(row([...observations, art('tg-all', { country: 'UA' }, 'transgender')], 'art-coverage-prisoners')).toMatchObject({ status: 'complete', missingBreakdowns: [] });
  });

  it('never calls figures of a facility, a subnational area or part of the year complete, but a survey\'s or study\'s percentage', () => {
    const day = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10));
    const period = fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);
    const scope = fc.oneof(
      fc.constant<Observation['scope']>({ country: 'UA' }),
      fc.constant<Observation['scope']>({ country: 'UA', subnationalArea: 'Odesa oblast' }),
      fc.constant<Observation['scope']>({ country: 'UA', facility: 'ua-od-14' }),
      fc.constant<Observation['scope']>({ country: 'UA', subnationalArea: 'Odesa oblast', facility: 'ua-od-14' }),
    );
    const indicator = fc.constantFrom('prisons-needles-distributed', 'prisons-people-on-oat', 'prisons-facilities-with-hiv-services', 'prison-population', 'hcv-positivity-prisoners');
    const source = fc.constantFrom<Observation['dataSource']>('routine-programme-data', 'survey', 'study', 'estimate');
    fc.assert(
      fc.property(fc.array(fc.tuple(indicator, scope, period, source), { minLength: 1, maxLength: 6 }), (figures) => {
        const observations = figures.map(([code, where, [start, end], dataSource], i): Observation => {
          const figure = { ...count(`o${i}`, code, where, start, end), dataSource };
          return code === 'hcv-positivity-prisoners' ? { ...figure, unit: 'percent', numerator: 6, denominator: 120, value: 5 } : figure;
        });
        const report = gamReadiness({ observations }, { country: 'UA', year });
        for (const readiness of report.indicators) {
          const own = observations.filter((o) => o.indicator === readiness.indicator);
          const countrysForTheYear = own.some(
            (o) =>
              o.scope.facility === undefined &&
              o.scope.subnationalArea === undefined &&
              ((o.period.start === '2023-01-01' && o.period.end === '2023-12-31') ||
                (o.indicator === 'prison-population' && o.period.start === o.period.end) ||
                (o.unit === 'percent' && (o.dataSource === 'survey' || o.dataSource === 'study'))),
          );
          expect(readiness.status).toBe(own.length === 0 ? 'missing' : countrysForTheYear ? 'complete' : 'present');
          expect(readiness.onlyPartialFigures).toBe(own.length > 0 && !countrysForTheYear);
        }
      }),
    );
  });
});
