import { describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../src/catalogue/indicators.js';
import { validate, validateRecord } from '../../src/validate/sync.js';
import { CAPE_FORUM, changed, codes, countObservation, expectClean, expectOnly, NOW, smallPackage, ZAMBIA_TRUST, type Loose } from './fixtures.js';

const UNKNOWN = 'KE-NCB-000000';

describe('ref.unknown-organisation', () => {
  it('resolves every organisation the small package refers to', () => {
    expectClean(validate(smallPackage(), { now: NOW }));
  });

  it.each([
    ['an observation’s reporting organisation', (p: Loose) => (p.observations[4].reportingOrganisation = UNKNOWN), '/observations/4/reportingOrganisation'],
    ['a meeting’s organiser', (p: Loose) => (p.meetings[0].organiser = UNKNOWN), '/meetings/0/organiser'],
    ['a participant', (p: Loose) => (p.meetings[0].participants[1].organisation = UNKNOWN), '/meetings/0/participants/1/organisation'],
    ['a presenter', (p: Loose) => (p.meetings[0].presentations[0].organisation = UNKNOWN), '/meetings/0/presentations/0/organisation'],
    ['the owner of an action item', (p: Loose) => (p.meetings[0].actionItems[0].owner = UNKNOWN), '/meetings/0/actionItems/0/owner'],
  ])('rejects %s that the package does not define', (_, change, pointer) => {
    const issue = expectOnly(validate(changed(change), { now: NOW }), 'ref.unknown-organisation', pointer);
    expect(issue.params).toEqual({ id: UNKNOWN, suggestions: [] });
  });

  it('suggests the nearest ids among the organisations and the known ones', () => {
    const typo = `${ZAMBIA_TRUST.slice(0, -2)}${ZAMBIA_TRUST.slice(-1)}${ZAMBIA_TRUST.slice(-2, -1)}`;
    const pkg = changed((p) => (p.observations[4].reportingOrganisation = typo));
    const issue = expectOnly(validate(pkg, { now: NOW }), 'ref.unknown-organisation', '/observations/4/reportingOrganisation');
    expect(issue.params).toEqual({ id: typo, suggestions: [ZAMBIA_TRUST] });
    expect(issue.message).toBe(`No organisation with the identifier "${typo}" in the package; did you mean "${ZAMBIA_TRUST}"?`);
    const known = changed((p) => (p.observations[4].reportingOrganisation = 'GB-CHC-1234576'));
    expect(validate(known, { now: NOW, knownOrganisations: ['GB-CHC-1234567'] }).issues[0]!.params).toEqual({ id: 'GB-CHC-1234576', suggestions: ['GB-CHC-1234567'] });
    const publisher = changed((p) => (p.meetings[0].organiser = 'PHX-ORG-0010'));
    expect(validate(publisher, { now: NOW }).issues[0]!.params).toEqual({ id: 'PHX-ORG-0010', suggestions: ['PHX-ORG-0001'] });
  });

  it('resolves the publisher only among the organisations, and says that it is the publisher a reference names', () => {
    const pkg = changed((p) => p.organisations.shift());
    const issues = validate(pkg, { now: NOW, locale: 'uk' }).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.code).toBe('ref.unknown-organisation');
      expect(issue.params).toEqual({ id: 'PHX-ORG-0001', suggestions: [], isPublisher: true });
      expect(issue.message).toBe('У пакеті немає організації з ідентифікатором «PHX-ORG-0001»: видавець пакета теж має бути серед його організацій');
    }
    expectClean(validate(pkg, { now: NOW, knownOrganisations: ['PHX-ORG-0001'] }));
  });

  it('resolves the knownOrganisations option', () => {
    const pkg = changed((p) => (p.observations[4].reportingOrganisation = UNKNOWN));
    expectClean(validate(pkg, { now: NOW, knownOrganisations: [UNKNOWN] }));
    expectClean(validate(pkg, { now: NOW, knownOrganisations: new Set([UNKNOWN, 'GB-CHC-1234567']) }));
  });

  it('resolves an organisation listed after the records that use it', () => {
    const pkg = changed((p) => {
      const [, zambia] = p.organisations;
      p.organisations.splice(1, 1);
      p.organisations.push(zambia);
    });
    expectClean(validate(pkg, { now: NOW }));
  });

  it('reports a bounded number of uses of one missing organisation', () => {
    const pkg = changed((p) => {
      // Thirty totals of thirty areas: of one area they would be duplicates.
      p.observations = Array.from({ length: 30 }, (_, i) => countObservation({ id: `obs-${i}`, reportingOrganisation: UNKNOWN, scope: { country: 'ZM', subnationalArea: `Area ${i}` } }));
    });
    const result = validate(pkg, { now: NOW });
    expect(codes(result)).toEqual(Array(20).fill('ref.unknown-organisation'));
    expect(result.issues[19]!.pointer).toBe('/observations/19/reportingOrganisation');
  });

  it('is not checked for a lone record', () => {
    expectClean(validateRecord('observation', countObservation({ reportingOrganisation: UNKNOWN }), { now: NOW }));
  });
});

describe('ref.unknown-facility', () => {
  it('rejects an observation scoped to a facility the package does not define', () => {
    const pkg = changed((p) => (p.observations[3].scope.facility = 'zm-fac-99'));
    const issue = expectOnly(validate(pkg, { now: NOW }), 'ref.unknown-facility', '/observations/3/scope/facility');
    expect(issue.params).toEqual({ id: 'zm-fac-99', suggestions: ['zm-fac-01'] });
    expect(issue.message).toBe('No facility with the identifier "zm-fac-99" in the package; did you mean "zm-fac-01"?');
    const far = changed((p) => (p.observations[3].scope.facility = 'lusaka-central'));
    expect(validate(far, { now: NOW, knownFacilities: [['lusaka-centrl', 'ZM']] }).issues[0]!.params).toEqual({ id: 'lusaka-central', suggestions: ['lusaka-centrl'] });
  });

  it('resolves the knownFacilities option, and checks the country it gives', () => {
    const pkg = changed((p) => (p.observations[3].scope.facility = 'zm-fac-99'));
    expectClean(validate(pkg, { now: NOW, knownFacilities: [['zm-fac-99', 'ZM']] }));
    const issue = expectOnly(validate(pkg, { now: NOW, knownFacilities: new Map([['zm-fac-99', 'MW']]) }), 'ref.country-mismatch', '/observations/3/scope/facility');
    expect(issue.params).toEqual({ facility: 'zm-fac-99', facilityCountry: 'MW', country: 'ZM' });
  });

  it('is not checked for a lone record', () => {
    expectClean(validateRecord('observation', countObservation({ scope: { country: 'ZM', facility: 'zm-fac-99' } }), { now: NOW }));
  });
});

describe('ref.country-mismatch', () => {
  it('rejects an observation of a facility that names another country', () => {
    const pkg = changed((p) => (p.observations[3].scope.country = 'ZA'));
    const issue = expectOnly(validate(pkg, { now: NOW }), 'ref.country-mismatch', '/observations/3/scope/facility');
    expect(issue.params).toEqual({ facility: 'zm-fac-01', facilityCountry: 'ZM', country: 'ZA' });
  });
});

describe('ref.unknown-indicator', () => {
  it('rejects a code that is neither in the catalogue nor in the package', () => {
    const pkg = changed((p) => (p.observations[4].indicator = 'pep-provide'));
    const issue = expectOnly(validate(pkg, { now: NOW }), 'ref.unknown-indicator', '/observations/4/indicator');
    expect(issue.params).toEqual({ code: 'pep-provide', suggestions: ['pep-provided'] });
    expect(issue.message).toBe('Indicator "pep-provide" is neither in the catalogue nor defined in the package; did you mean "pep-provided"?');
  });

  it('suggests indicators the package defines as well as those of the catalogue', () => {
    const pkg = changed((p) => p.observations.push(countObservation({ id: 'obs-halfway', indicator: 'halfway-house-place', numerator: 24, value: 24 })));
    expect(expectOnly(validate(pkg, { now: NOW }), 'ref.unknown-indicator', '/observations/5/indicator').params.suggestions).toEqual(['halfway-house-places']);
  });

  it('resolves an indicator the package defines', () => {
    const pkg = changed((p) =>
      p.observations.push(countObservation({ id: 'obs-halfway', indicator: 'halfway-house-places', numerator: 24, value: 24 })),
    );
    expectClean(validate(pkg, { now: NOW }));
  });

  it('uses the catalogue option in place of the PHX catalogue', () => {
    const onlyPep = indicatorCatalogue.filter((d) => d.code === 'pep-provided');
    expect(validate(smallPackage(), { now: NOW, catalogue: onlyPep }).issues.map((i) => [i.code, i.pointer])).toEqual([
      ['ref.unknown-indicator', '/observations/0/indicator'],
      ['ref.unknown-indicator', '/observations/1/indicator'],
      ['ref.unknown-indicator', '/observations/2/indicator'],
      ['ref.unknown-indicator', '/observations/3/indicator'],
    ]);
  });

  it('is checked for a lone record against the catalogue', () => {
    expectOnly(validateRecord('observation', countObservation({ indicator: 'needles' }), { now: NOW }), 'ref.unknown-indicator', '/indicator');
  });
});

describe('records that fail their shape', () => {
  it('still resolve references to them: one error, not one per use', () => {
    const pkg = changed((p) => (p.organisations[1].email = 'not an address'));
    expectOnly(validate(pkg, { now: NOW }), 'schema.invalid-format', '/organisations/1/email');
  });

  it('still resolve as facilities and indicators', () => {
    const pkg = changed((p) => {
      p.facilities[0].facilityType = 'jail';
      delete p.indicators[0].name;
      p.observations.push(countObservation({ id: 'obs-halfway', indicator: 'halfway-house-places', numerator: 24, value: 24 }));
    });
    expect(validate(pkg, { now: NOW }).issues.map((i) => [i.code, i.pointer])).toEqual([
      ['schema.invalid-value', '/facilities/0/facilityType'],
      ['schema.required', '/indicators/0/name'],
    ]);
  });

  it('still count for uniqueness', () => {
    const pkg = changed((p) => p.organisations.push({ ...p.organisations[2], countries: [] }));
    expect(validate(pkg, { now: NOW }).issues.map((i) => [i.code, i.pointer])).toEqual([
      ['schema.too-small', '/organisations/3/countries'],
      ['unique.duplicate-id', '/organisations/3/id'],
    ]);
  });
});

describe('unique.duplicate-id', () => {
  it.each([
    ['organisations', (p: Loose) => p.organisations.push({ ...p.organisations[1] }), '/organisations/3/id', 'organisation', ZAMBIA_TRUST, '/organisations/1/id'],
    ['facilities', (p: Loose) => p.facilities.push({ ...p.facilities[0] }), '/facilities/1/id', 'facility', 'zm-fac-01', '/facilities/0/id'],
    ['indicators', (p: Loose) => p.indicators.push({ ...p.indicators[0] }), '/indicators/1/code', 'indicator', 'halfway-house-places', '/indicators/0/code'],
    ['observations', (p: Loose) => (p.observations[4].id = 'obs-prev-zm-2019'), '/observations/4/id', 'observation', 'obs-prev-zm-2019', '/observations/0/id'],
    ['meetings', (p: Loose) => p.meetings.push({ ...p.meetings[0] }), '/meetings/1/id', 'meeting', 'meeting-2020-10-28', '/meetings/0/id'],
  ])('rejects two %s with one id', (_, change, pointer, recordType, id, first) => {
    const issue = expectOnly(validate(changed(change), { now: NOW }), 'unique.duplicate-id', pointer);
    expect(issue.params).toEqual({ recordType, id, first });
  });

  it('allows one id in records of different types', () => {
    const pkg = changed((p) => (p.facilities[0].id = 'meeting-2020-10-28'));
    pkg.observations[3].scope.facility = 'meeting-2020-10-28';
    expectClean(validate(pkg, { now: NOW }));
  });

  it('reports every further copy against the first', () => {
    const pkg = changed((p) => p.organisations.push({ ...p.organisations[2] }, { ...p.organisations[2] }));
    const result = validate(pkg, { now: NOW });
    expect(result.issues.map((i) => [i.pointer, i.code === 'unique.duplicate-id' && i.params.first])).toEqual([
      ['/organisations/3/id', '/organisations/2/id'],
      ['/organisations/4/id', '/organisations/2/id'],
    ]);
    expect(result.issues.map((i) => i.code === 'unique.duplicate-id' && i.params.id)).toEqual([CAPE_FORUM, CAPE_FORUM]);
  });
});
