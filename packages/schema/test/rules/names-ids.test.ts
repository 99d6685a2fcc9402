import { describe, expect, it } from 'vitest';
import { idExamples, toNdjsonLines, validateFile, writeXlsx, type Locale, type ValidationIssue, type ValidationResult } from '../../src/index.js';
import { formatIssue } from '../../src/validate/messages.js';
import { recordNameKey } from '../../src/validate/record-names.js';
import { validate } from '../../src/validate/sync.js';
import { changed, NOW, ZAMBIA_TRUST, type Loose } from './fixtures.js';

const BUCHA = 'Бучанська виправна колонія №85';

/** The small package, its facility named as the Bucha colony, and a second organisation with a name in quotes, after `change`. */
function named(change: (p: Loose) => void): Loose {
  return changed((p) => {
    p.facilities[0].name = BUCHA;
    p.organisations.push({ id: 'UA-EDR-40000001', name: { uk: 'ГО «Світло надії»', en: 'Light of Hope NGO' }, organisationType: 'ngo', countries: ['UA'] });
    change(p);
  });
}

function issueAt(result: ValidationResult, pointer: string): ValidationIssue {
  const found = result.issues.filter((issue) => issue.pointer === pointer);
  expect(found.map(({ code, pointer }) => ({ code, pointer }))).toHaveLength(1);
  return found[0]!;
}

const locales: Locale[] = ['en', 'ru', 'uk', 'fr', 'es'];

describe('a name written in place of an id', () => {
  it('of a facility, as the facility of an observation: the issue names the facility whose name it is, in every language', () => {
    const result = validate(named((p) => (p.observations[3].scope.facility = BUCHA)), { now: NOW });
    const issue = issueAt(result, '/observations/3/scope/facility');
    expect(issue.code).toBe('schema.invalid-format');
    expect(issue.params).toMatchObject({ form: 'record-id', idOf: 'facility', nameOf: 'facility', suggestions: ['zm-fac-01'] });
    expect(locales.map((locale) => formatIssue(issue, locale))).toEqual([
      '"Бучанська виправна колонія №85" is the name of the facility "zm-fac-01": write its identifier instead',
      '«Бучанська виправна колонія №85» — название учреждения «zm-fac-01»: укажите вместо него идентификатор',
      '«Бучанська виправна колонія №85» — назва установи «zm-fac-01»: вкажіть замість неї ідентифікатор',
      "« Бучанська виправна колонія №85 » est le nom de l'établissement « zm-fac-01 » : écrivez plutôt son identifiant",
      '«Бучанська виправна колонія №85» es el nombre del establecimiento «zm-fac-01»: escriba su identificador en su lugar',
    ]);
  });

  it.each([
    ['in other capitals', 'БУЧАНСЬКА ВИПРАВНА КОЛОНІЯ №85'],
    ['between spaces, doubled', '  Бучанська  виправна   колонія №85 '],
    ['in quotes', '«Бучанська виправна колонія №85»'],
    ['in straight quotes', '"Бучанська виправна колонія № 85"'],
    ['with a space after №', 'Бучанська виправна колонія № 85'],
    ['with N° for №', 'Бучанська виправна колонія N°85'],
    ['a letter off', 'Бучанська виправна колонiя №85'],
  ])('is told %s', (_, typed) => {
    const issue = issueAt(validate(named((p) => (p.observations[3].scope.facility = typed)), { now: NOW }), '/observations/3/scope/facility');
    expect(issue.params).toMatchObject({ nameOf: 'facility', suggestions: ['zm-fac-01'] });
  });

  it('is no other record’s name when it differs in a number, or when two records have that name', () => {
    const other = issueAt(validate(named((p) => (p.observations[3].scope.facility = 'Бучанська виправна колонія №86')), { now: NOW }), '/observations/3/scope/facility');
    expect(other.params).not.toHaveProperty('nameOf');
    expect(other.message).toMatch(/e\.g\. zm-fac-01$/);
    const twice = validate(
      named((p) => {
        p.facilities.push({ ...p.facilities[0], id: 'zm-fac-02' });
        p.observations[3].scope.facility = BUCHA;
      }),
      { now: NOW },
    );
    expect(issueAt(twice, '/observations/3/scope/facility').params).not.toHaveProperty('nameOf');
  });

  it('keys names without case, quotes, spaces and the ways of writing № and dashes', () => {
    expect(recordNameKey(' «Бучанська   виправна колонія № 85» ')).toBe(recordNameKey(BUCHA));
    expect(recordNameKey('Kafue – River')).toBe(recordNameKey('kafue-river'));
    expect(recordNameKey('ГО “Світло надії”')).toBe(recordNameKey('ГО «Світло надії»'));
  });

  it('of an organisation, in any of its languages, as an observation’s reporting organisation and a meeting’s organiser and participant', () => {
    const result = validate(
      named((p) => {
        p.observations[3].reportingOrganisation = 'ГО "Світло надії"';
        p.meetings[0].organiser = 'Light of Hope NGO';
        p.meetings[0].participants[0].organisation = 'Zambia Prisons Reintegration Trust';
      }),
      { now: NOW },
    );
    const reporting = issueAt(result, '/observations/3/reportingOrganisation');
    expect(reporting.params).toMatchObject({ form: 'organisation-id', nameOf: 'organisation', suggestions: ['UA-EDR-40000001'] });
    expect(locales.map((locale) => formatIssue(reporting, locale))).toEqual([
      '"ГО "Світло надії"" is the name of the organisation "UA-EDR-40000001": write its identifier instead',
      '«ГО "Світло надії"» — название организации «UA-EDR-40000001»: укажите вместо него идентификатор',
      '«ГО "Світло надії"» — назва організації «UA-EDR-40000001»: вкажіть замість неї ідентифікатор',
      "« ГО \"Світло надії\" » est le nom de l'organisation « UA-EDR-40000001 » : écrivez plutôt son identifiant",
      '«ГО "Світло надії"» es el nombre de la organización «UA-EDR-40000001»: escriba su identificador en su lugar',
    ]);
    expect(issueAt(result, '/meetings/0/organiser').params).toMatchObject({ nameOf: 'organisation', suggestions: ['UA-EDR-40000001'] });
    expect(issueAt(result, '/meetings/0/participants/0/organisation').params).toMatchObject({ nameOf: 'organisation', suggestions: [ZAMBIA_TRUST] });
  });

  it('that is written as an id would be: the unknown id is told to be the name', () => {
    const result = validate(
      changed((p) => {
        p.facilities[0].name = 'Kafue';
        p.observations[3].scope.facility = 'KAFUE';
        p.organisations[1].acronym = 'ZPRT';
        p.meetings[0].organiser = 'ZPRT';
      }),
      { now: NOW },
    );
    const facility = issueAt(result, '/observations/3/scope/facility');
    expect(facility.code).toBe('ref.unknown-facility');
    expect(facility.params).toEqual({ id: 'KAFUE', nameOf: 'facility', suggestions: ['zm-fac-01'] });
    expect(locales.map((locale) => formatIssue(facility, locale))).toEqual([
      '"KAFUE" is the name of the facility "zm-fac-01": write its identifier instead',
      '«KAFUE» — название учреждения «zm-fac-01»: укажите вместо него идентификатор',
      '«KAFUE» — назва установи «zm-fac-01»: вкажіть замість неї ідентифікатор',
      "« KAFUE » est le nom de l'établissement « zm-fac-01 » : écrivez plutôt son identifiant",
      '«KAFUE» es el nombre del establecimiento «zm-fac-01»: escriba su identificador en su lugar',
    ]);
    const organiser = issueAt(result, '/meetings/0/organiser');
    expect(organiser.code).toBe('schema.invalid-format');
    expect(organiser.params).toMatchObject({ nameOf: 'organisation', suggestions: [ZAMBIA_TRUST] });
  });

  it('is told alike in a stream, a file read piece by piece and a workbook', async () => {
    const pkg = named((p) => (p.observations[3].scope.facility = BUCHA));
    const lines = [...toNdjsonLines(pkg)].join('\n');
    const pointer = (issue: ValidationIssue) => issue.params as { nameOf?: string; suggestions?: string[] };
    const stream = await validateFile(new TextEncoder().encode(lines), { name: 'data.phx.ndjson', now: NOW });
    expect(stream.issues.map(pointer)).toContainEqual(expect.objectContaining({ nameOf: 'facility', suggestions: ['zm-fac-01'] }));
    const file = await validateFile(new TextEncoder().encode(JSON.stringify(pkg)), { name: 'data.phx.json', now: NOW });
    expect(file.issues.map(pointer)).toContainEqual(expect.objectContaining({ nameOf: 'facility', suggestions: ['zm-fac-01'] }));
    const workbook = await validateFile(await writeXlsx(pkg, { language: 'uk' }), { name: 'data.xlsx', now: NOW, locale: 'uk' });
    const cell = workbook.issues.find((issue) => issue.code === 'schema.invalid-format')!;
    expect(cell.params).toMatchObject({ nameOf: 'facility', suggestions: ['zm-fac-01'] });
    expect(cell.message).toBe('«Бучанська виправна колонія №85» — назва установи «zm-fac-01»: вкажіть замість неї ідентифікатор');
  });
});

describe('the form of an id', () => {
  it('is shown with an id of the kind of record asked for, in every language', () => {
    const cases: [(p: Loose) => void, string, string][] = [
      [(p) => (p.observations[0].id = 'obs 1'), '/observations/0/id', idExamples.observation],
      [(p) => (p.facilities[0].id = 'фас-01'), '/facilities/0/id', idExamples.facility],
      [(p) => (p.observations[3].scope.facility = 'фас 01'), '/observations/3/scope/facility', idExamples.facility],
      [(p) => (p.meetings[0].id = 'зустріч 2020'), '/meetings/0/id', idExamples.meeting],
      [(p) => (p.id = 'small 2020'), '/id', idExamples.package],
      [(p) => (p.observations[0].reportingOrganisation = 'zprt'), '/observations/0/reportingOrganisation', idExamples.organisation],
    ];
    for (const [change, pointer, example] of cases) {
      const issue = issueAt(validate(changed(change), { now: NOW }), pointer);
      expect(issue.code).toBe('schema.invalid-format');
      for (const locale of locales) expect(formatIssue(issue, locale), `${pointer} ${locale}`).toContain(` ${example}`);
      // No other kind's example.
      expect(formatIssue(issue, 'en')).not.toMatch(example === idExamples.observation ? /zm-fac-01|meeting-/ : /obs-/);
    }
    expect(Object.values(idExamples)).toEqual(['phx-network-meeting-2020', 'ZM-PACRA-120045', 'zm-fac-01', 'hiv-prevalence-prisoners', 'obs-zm-hiv-prevalence-2019', 'phx-meeting-2020-10-28']);
  });
});
