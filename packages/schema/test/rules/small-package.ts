/** The publisher of the small package: the network's secretariat. */
export const SECRETARIAT = 'PHX-ORG-0001';
/** A member organisation in Zambia. */
export const ZAMBIA_TRUST = 'ZM-PACRA-120045';
/** A member organisation in South Africa. */
export const CAPE_FORUM = 'ZA-NPO-204-118';

/** A day after every date of the small package, so that "in the future" never depends on the clock. */
export const NOW = new Date('2021-06-30T12:00:00Z');

/** A record as the tests change it: any field may be replaced or removed. */
export type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A small, valid package: three organisations, one facility, one indicator of its own, five observations, one meeting. */
export function smallPackage(): Loose {
  return {
    $schema: 'https://phx-network.github.io/phx/schemas/v1/DataPackage.schema.json',
    phxVersion: '1.0',
    id: 'small-2020',
    publisher: { id: SECRETARIAT, name: 'Prison Health Exchange Network Secretariat' },
    license: 'CC-BY-4.0',
    publishedAt: '2021-03-01T09:00:00+01:00',
    organisations: [
      {
        id: SECRETARIAT,
        name: { en: 'Prison Health Exchange Network Secretariat', ru: 'Секретариат сети по обмену данными о здоровье в местах лишения свободы' },
        organisationType: 'un-intergovernmental',
        countries: ['AT'],
        website: 'https://phx.example.org',
        email: 'secretariat@phx.example.org',
      },
      {
        id: ZAMBIA_TRUST,
        name: { en: 'Zambia Prisons Reintegration Trust' },
        organisationType: 'ngo',
        countries: ['ZM'],
        regions: ['eastern-southern-africa'],
        focusAreas: ['reintegration-housing', 'hiv-testing-counselling'],
        populations: ['people-released-from-prison'],
        website: 'https://zprt.example.org',
        email: 'info@zprt.example.org',
      },
      {
        id: CAPE_FORUM,
        name: { en: 'Southern Cape Prison Health Forum' },
        organisationType: 'community-based',
        countries: ['ZA'],
        focusAreas: ['post-exposure-prophylaxis'],
      },
    ],
    facilities: [
      { id: 'zm-fac-01', country: 'ZM', facilityType: 'prison', capacity: 800, population: { count: 1520, date: '2020-12-31' }, operator: 'public' },
    ],
    indicators: [
      {
        code: 'halfway-house-places',
        name: { en: 'Places in half-way houses', ru: 'Места в домах временного проживания' },
        description: { en: 'Places in half-way houses for people released from prison.' },
        unit: 'count',
        calculation: 'count',
        disaggregations: ['sex'],
        framework: 'phx',
        reference: 'Network working group on reintegration',
        interventions: ['reintegration-housing'],
      },
    ],
    observations: [
      prevalence('obs-prev-zm-2019', 1320, 4600, 28.7),
      { ...prevalence('obs-prev-zm-2019-f', 95, 260, 36.5), disaggregation: { sex: 'female' } },
      { ...prevalence('obs-prev-zm-2019-m', 1225, 4340, 28.2), disaggregation: { sex: 'male' } },
      {
        id: 'obs-occupancy-zm-fac-01',
        indicator: 'prison-occupancy',
        reportingOrganisation: ZAMBIA_TRUST,
        scope: { country: 'ZM', facility: 'zm-fac-01' },
        period: { start: '2020-12-31', end: '2020-12-31' },
        numerator: 1520,
        denominator: 800,
        value: 190,
        unit: 'percent',
        dataSource: 'routine-programme-data',
      },
      {
        id: 'obs-pep-za-2020',
        indicator: 'pep-provided',
        reportingOrganisation: CAPE_FORUM,
        scope: { country: 'ZA', subnationalArea: 'Western Cape' },
        period: { start: '2020-01-01', end: '2020-12-31' },
        numerator: 146,
        value: 146,
        unit: 'count',
        dataSource: 'routine-programme-data',
      },
    ],
    meetings: [
      {
        id: 'meeting-2020-10-28',
        title: { en: 'First meeting of the network', ru: 'Первая встреча сети' },
        start: '2020-10-28T13:00:00+01:00',
        end: '2020-10-28T16:00:00+01:00',
        format: 'virtual',
        organiser: SECRETARIAT,
        participants: [
          { organisation: ZAMBIA_TRUST, representatives: 2, roles: ['programme manager'] },
          { organisation: CAPE_FORUM, representatives: 1 },
        ],
        presentations: [{ organisation: ZAMBIA_TRUST, topic: { en: 'Land for half-way housing' } }],
        issuesIdentified: [{ theme: 'lack-of-data' }],
        actionItems: [
          { description: { en: 'Circulate the meeting report.' }, owner: SECRETARIAT, due: '2020-11-30', status: 'done' },
        ],
        languages: ['en', 'ru'],
        documents: [
          { url: 'https://phx.example.org/reports/2020-10-28.en.pdf', language: 'en', title: 'Meeting report', type: 'report' },
          { url: 'https://phx.example.org/reports/2020-10-28.ru.pdf', language: 'ru', title: 'Отчёт о встрече', type: 'report' },
        ],
      },
    ],
  };
}

/** An HIV prevalence observation of the Zambian trust for 2019. */
export function prevalence(id: string, numerator: number, denominator: number, value: number): Loose {
  return {
    id,
    indicator: 'hiv-prevalence-prisoners',
    reportingOrganisation: ZAMBIA_TRUST,
    scope: { country: 'ZM' },
    period: { start: '2019-01-01', end: '2019-12-31' },
    numerator,
    denominator,
    value,
    unit: 'percent',
    dataSource: 'routine-programme-data',
  };
}

/** A count observation of an indicator of the catalogue, for `validateRecord`. */
export function countObservation(fields: Loose = {}): Loose {
  return {
    id: 'obs-count',
    indicator: 'prisons-people-on-oat',
    reportingOrganisation: ZAMBIA_TRUST,
    scope: { country: 'ZM' },
    period: { start: '2020-01-01', end: '2020-12-31' },
    numerator: 5200,
    value: 5200,
    unit: 'count',
    dataSource: 'routine-programme-data',
    ...fields,
  };
}

/** The small package with one change applied to a fresh copy. */
export function changed(change: (pkg: Loose) => void): Loose {
  const pkg = smallPackage();
  change(pkg);
  return pkg;
}
