import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IssueCode } from '../../src/validate/codes.js';
import type { ZodIssueParams } from '../../src/validate/params.js';
import { validate, validateRecord } from '../../src/validate/sync.js';
import { formatIssue } from '../../src/validate/messages.js';
import { validateNdjson } from '../../src/validate/sync.js';
import { changed, countObservation, expectClean, expectOnly, NOW, smallPackage, type Loose } from './fixtures.js';

/** The 1-based line and column of the first `needle` after the first `after`. */
function locationOf(text: string, needle: string, after: string): { line: number; column: number } {
  const from = text.indexOf(after);
  const offset = text.indexOf(needle, from);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Code, what is wrong, the change, the pointer, and where the issue is in the text: the first `needle` after `after`. */
const cases: [IssueCode, string, (p: Loose) => void, string, { needle: string; after: string }][] = [
  ['schema.invalid-type', 'a number given as text', (p) => (p.observations[0].numerator = '1320'), '/observations/0/numerator', { needle: '"numerator"', after: '"observations"' }],
  // A missing field is placed at the object that lacks it.
  ['schema.required', 'a missing period', (p) => delete p.observations[0].period, '/observations/0/period', { needle: '{', after: '"observations"' }],
  ['schema.unknown-field', 'a field the format does not define', (p) => (p.observations[0].prisonerName = 'x'), '/observations/0/prisonerName', { needle: '"prisonerName"', after: '' }],
  ['schema.invalid-value', 'a unit outside the closed list', (p) => (p.observations[0].unit = 'percentage'), '/observations/0/unit', { needle: '"unit"', after: '"observations"' }],
  ['schema.invalid-format', 'a date-time written the local way', (p) => (p.meetings[0].start = '28/10/2020'), '/meetings/0/start', { needle: '"start"', after: '"meetings"' }],
  ['schema.too-small', 'an empty list of countries', (p) => (p.organisations[1].countries = []), '/organisations/1/countries', { needle: '"countries"', after: '"ZM-PACRA-120045"' }],
  ['schema.too-big', 'a method note over 20 000 characters', (p) => (p.observations[0].methodNote = 'x'.repeat(20_001)), '/observations/0/methodNote', { needle: '"methodNote"', after: '' }],
  ['schema.invalid-key', 'a language map keyed by a name, not a tag', (p) => (p.organisations[1].name = { English: 'Zambia Prisons Reintegration Trust' }), '/organisations/1/name/English', { needle: '"English"', after: '' }],
  ['schema.invalid-union', 'a licence that is neither SPDX nor a URL', (p) => (p.license = 'some licence'), '/license', { needle: '"license"', after: '' }],
];

describe('structural codes', () => {
  it.each(cases)('%s: %s', (code, _, change, pointer, { needle, after }) => {
    const pkg = changed(change);
    const fromObject = validate(pkg, { now: NOW });
    const issue = expectOnly(fromObject, code, pointer);
    expect(issue.location).toBeUndefined();
    expect(issue.message).not.toBe('');

    const text = JSON.stringify(pkg, null, 2);
    const fromText = validate(text, { now: NOW });
    const located = expectOnly(fromText, code, pointer);
    expect(located.location).toEqual(locationOf(text, needle, after));
  });

  it('names the expected type of a missing field', () => {
    const issue = expectOnly(validate(changed((p) => delete p.observations[0].period), { now: NOW }), 'schema.required', '/observations/0/period');
    expect(issue.params).toMatchObject({ expected: 'object', received: 'undefined' });
  });

  it('calls a missing code of a closed list a missing field, in every locale', () => {
    const issue = expectOnly(validate(changed((p) => delete p.facilities[0].facilityType), { now: NOW }), 'schema.required', '/facilities/0/facilityType');
    expect(issue.message).toBe('Type of facility ("facilityType") is missing');
    expect(formatIssue(issue, 'ru')).toBe('Не заполнено обязательное поле: тип учреждения («facilityType»)');
  });

  it('calls a missing field of several forms (the licence) a missing field, not a value of none of its forms', () => {
    const issue = expectOnly(validate(changed((p) => delete p.license), { now: NOW }), 'schema.required', '/license');
    expect(issue.message).toBe('Licence ("license") is missing');
  });

  it('suggests for an unknown field the fields of the object it is in, never the key itself', () => {
    const suggested = (change: (p: Loose) => void) =>
      validate(changed(change), { now: NOW }).issues.map((issue) => [issue.pointer, issue.code === 'schema.unknown-field' ? issue.params.suggestions : issue.code]);
    // `title` is a field of a meeting, not of the package header: nothing there is near it.
    expect(suggested((p) => (p.title = { en: 'Data 2020' }))).toEqual([['/title', []]]);
    expect(suggested((p) => (p.licence = p.license))).toContainEqual(['/licence', ['license']]);
    expect(suggested((p) => (p.observations[0].period.strat = '2020-01-01'))).toContainEqual(['/observations/0/period/strat', ['start']]);
    // `notes` is a field of an observation, not of a facility.
    expect(suggested((p) => (p.facilities[0].note = 'x'))).toEqual([['/facilities/0/note', []]]);
    expect(suggested((p) => (p.observations[0].note = 'x'))).toEqual([['/observations/0/note', ['notes']]]);
  });

  // What a data officer sends, and what the message says back: the field in words, the value, the form asked for.
  const messages: [string, (p: Loose) => void, IssueCode, string, string, string][] = [
    ['an empty id is empty, once', (p) => (p.observations[0].id = ''), 'schema.invalid-format', '/observations/0/id', 'Identifier is empty', 'Ідентифікатор: порожньо'],
    ['an id in Cyrillic letters', (p) => (p.observations[0].id = 'ua-сізо-київ'), 'schema.invalid-format', '/observations/0/id',
      'Identifier: "ua-сізо-київ" is not an identifier of up to 128 Latin letters (A–Z, a–z), digits and . _ : - that starts with a letter or a digit, e.g. obs-zm-hiv-prevalence-2019',
      'Ідентифікатор: «ua-сізо-київ» — не ідентифікатор завдовжки до 128 символів із латинських літер (A–Z, a–z), цифр і знаків . _ : -, що починається з літери чи цифри, наприклад obs-zm-hiv-prevalence-2019'],
    ['a date written day first', (p) => (p.observations[0].period.start = '31/01/2023'), 'schema.invalid-format', '/observations/0/period/start',
      'Start of the period: "31/01/2023" is not a date written year-month-day, e.g. 2023-01-31',
      'Початок періоду: «31/01/2023» — не дата у вигляді рік-місяць-день, наприклад 2023-01-31'],
    ['a day the month does not have', (p) => (p.observations[0].period.end = '2019-02-29'), 'schema.invalid-format', '/observations/0/period/end',
      'End of the period: "2019-02-29" is not a day of the calendar: that month has fewer days',
      'Кінець періоду: «2019-02-29» — не наявний день календаря: у цьому місяці менше днів'],
    ['a licence in words', (p) => (p.license = 'free to use'), 'schema.invalid-union', '/license',
      'Licence: "free to use" is not a licence identifier, e.g. CC-BY-4.0, or the web address of the licence',
      'Ліцензія: «free to use» — не ідентифікатор ліцензії, наприклад CC-BY-4.0, або вебадреса ліцензії'],
    ['a number in quotes', (p) => (p.observations[0].numerator = '1320'), 'schema.invalid-type', '/observations/0/numerator',
      'Numerator should be a number, e.g. 12, not the text "1320": write it without quotes',
      'Чисельник: очікується число, наприклад 12, а зазначено текст «1320»: напишіть число без лапок'],
    ['an indicator code typed with a space after it', (p) => (p.observations[0].indicator = 'prison-population '), 'schema.invalid-format', '/observations/0/indicator',
      'Indicator: "prison-population " (it ends with a space) is not a code of small letters and digits joined by hyphens, e.g. hiv-prevalence-prisoners',
      'Індикатор: «prison-population » (у кінці пробіл) — не код із малих латинських літер і цифр через дефіс, наприклад hiv-prevalence-prisoners'],
    ['an indicator’s code defined with a space in it', (p) => (p.indicators[0].code = 'my indicator'), 'schema.invalid-format', '/indicators/0/code',
      'Indicator code: "my indicator" is not a code of small letters and digits joined by hyphens, e.g. hiv-prevalence-prisoners',
      'Код індикатора: «my indicator» — не код із малих латинських літер і цифр через дефіс, наприклад hiv-prevalence-prisoners'],
    ['a population written as words', (p) => (p.organisations[0].populations = ['women in prison']), 'schema.invalid-format', '/organisations/0/populations/0',
      'Populations served (entry 1): "women in prison" is not a code of small letters and digits joined by hyphens',
      'Цільові групи (запис 1): «women in prison» — не код із малих латинських літер і цифр через дефіс'],
    ['a region written as words', (p) => (p.organisations[0].regions = ['Asia and the Pacific']), 'schema.invalid-format', '/organisations/0/regions/0',
      'Regions (entry 1): "Asia and the Pacific" is not a code of small letters and digits joined by hyphens',
      'Регіони (запис 1): «Asia and the Pacific» — не код із малих латинських літер і цифр через дефіс'],
    ['an area of work written as words', (p) => (p.organisations[0].focusAreas = ['Harm reduction']), 'schema.invalid-format', '/organisations/0/focusAreas/0',
      'Areas of work (entry 1): "Harm reduction" is not a code of small letters and digits joined by hyphens',
      'Напрями роботи (запис 1): «Harm reduction» — не код із малих латинських літер і цифр через дефіс'],
    ['a country code between spaces', (p) => (p.observations[0].scope.country = ' UA '), 'schema.invalid-value', '/observations/0/scope/country',
      'Country: " UA " (it starts and ends with a space) is not a country code of ISO 3166-1: two capital letters, e.g. UA or ZM',
      'Країна: « UA » (пробіли на початку й у кінці) — не код країни за ISO 3166-1: дві великі латинські літери, наприклад UA або ZM'],
    ['a text too long', (p) => (p.organisations[1].acronym = 'x'.repeat(40)), 'schema.too-big', '/organisations/1/acronym',
      'Acronym is longer than 30 characters: shorten it', 'Скорочена назва: довше за 30 символів — скоротіть текст'],
  ];
  it.each(messages)('says what is wrong and what to write: %s', (_, change, code, pointer, english, ukrainian) => {
    const issue = expectOnly(validate(changed(change), { now: NOW }), code, pointer);
    expect(issue.message).toBe(english);
    expect(formatIssue(issue, 'uk')).toBe(ukrainian);
  });

  it('says a code suggested once: the example of the form is left out where it is the code suggested, in every language', () => {
    const named: [string, string][] = [['Україна', 'UA'], ['Zambia', 'ZM'], ['France', 'FR'], ['Espagne', 'ES']];
    for (const [country, code] of named) {
      const issue = expectOnly(validate(changed((p) => (p.observations[0].scope.country = country)), { now: NOW }), 'schema.invalid-value', '/observations/0/scope/country');
      expect(issue.params).toMatchObject({ suggestions: [code] });
      for (const locale of ['en', 'ru', 'uk', 'fr', 'es'] as const) {
        const message = formatIssue(issue, locale);
        expect(message.split(code).length, message).toBe(2);
        // The example is left out alone: the rest of the form is said.
        expect(message, message).toMatch(/ISO 3166-1/);
      }
    }
    const issue = expectOnly(validate(changed((p) => (p.observations[0].scope.country = 'Україна')), { now: NOW }), 'schema.invalid-value', '/observations/0/scope/country');
    expect(issue.message).toBe('Country: "Україна" is not a country code of ISO 3166-1: two capital letters; did you mean "UA"?');
    expect(formatIssue(issue, 'fr')).toBe("Pays : « Україна » n'est pas un code de pays de l'ISO 3166-1 : deux lettres majuscules, par ex. FR ou ZM ; vouliez-vous dire « UA » ?");
    expect(formatIssue(issue, 'ru')).toBe('Страна: «Україна» — не код страны по ISO 3166-1: две заглавные латинские буквы; возможно, вы имели в виду «UA»?');
  });

  it('tells a day the month does not have from a date not written year-month-day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }), (year, month, day) => {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const exists = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
        const issues = validate(changed((p) => (p.observations[0].period.start = text)), { now: NOW }).issues.filter((i) => i.code === 'schema.invalid-format');
        expect(issues.map((i) => i.params.form)).toEqual(exists ? [] : [month >= 1 && month <= 12 && day >= 1 && day <= 31 ? 'calendar-day' : 'date']);
      }),
      { numRuns: 300 },
    );
  });

  // A cell typed `UA ` looks like `UA`: where the spaces are is said, for any spaces around any code, and only then.
  it('says where a code or an identifier has spaces around it', () => {
    const space = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\n');
    fc.assert(
      fc.property(fc.constantFrom('scope.country', 'indicator', 'id', 'unit'), fc.option(space), fc.option(space), (field, before, after) => {
        const text = `${before ?? ''}${field === 'scope.country' ? 'UA' : field === 'indicator' ? 'prison-population' : field === 'id' ? 'obs-1' : 'count'}${after ?? ''}`;
        const issues = validate(changed((p) => (field === 'scope.country' ? (p.observations[0].scope.country = text) : (p.observations[0][field] = text))), { now: NOW }).issues;
        const spaces = before !== null && after !== null ? 'both' : before !== null ? 'start' : after !== null ? 'end' : undefined;
        const found = issues.filter((i) => i.code.startsWith('schema.') && i.pointer === `/observations/0/${field.replace('.', '/')}`);
        expect(found.map((i) => (i.params as ZodIssueParams).spaces)).toEqual(spaces === undefined ? [] : [spaces]);
      }),
      { numRuns: 200 },
    );
  });

  it('echoes a long value shortened', () => {
    const issue = expectOnly(validate(changed((p) => (p.observations[0].period.start = `x${'9'.repeat(200)}`)), { now: NOW }), 'schema.invalid-format', '/observations/0/period/start');
    expect(issue.params.value).toHaveLength(60);
    expect(issue.message.length).toBeLessThan(160);
  });

  it('reports each unknown field on its own', () => {
    const pkg = changed((p) => Object.assign(p.facilities[0], { warden: 'x', cellBlock: 'B' }));
    expect(validate(pkg, { now: NOW }).issues.map((i) => i.pointer)).toEqual(['/facilities/0/warden', '/facilities/0/cellBlock']);
  });

  it('accepts extra data under extensions keyed by a URL, and nowhere else', () => {
    expectClean(validate(changed((p) => (p.facilities[0].extensions = { 'https://zprt.example.org/ext/v1': { wings: 4 } })), { now: NOW }));
    expectOnly(validate(changed((p) => (p.facilities[0].extensions = { wings: 4 })), { now: NOW }), 'schema.invalid-key', '/facilities/0/extensions/wings');
  });

  it('checks the package envelope and still checks its records', () => {
    const pkg = changed((p) => {
      p.phxVersion = '2.0';
      p.observations[0].numerator = -1;
    });
    expect(validate(pkg, { now: NOW }).issues.map((i) => [i.code, i.pointer])).toEqual([
      ['schema.invalid-value', '/phxVersion'],
      ['schema.too-small', '/observations/0/numerator'],
    ]);
  });

  it('rejects a package that is not an object', () => {
    for (const value of [null, 42, [], true]) expectOnly(validate(value), 'schema.invalid-type', '');
    // As text, a JSON string is a value too.
    expectOnly(validate('"a package"'), 'schema.invalid-type', '');
  });

  it('checks the records of a package whose envelope is unusable', () => {
    const { publisher: _, ...rest } = smallPackage();
    rest.observations[0].numerator = 'many';
    expect(validate(rest, { now: NOW }).issues.map((i) => [i.code, i.pointer])).toEqual([
      ['schema.required', '/publisher'],
      ['schema.invalid-type', '/observations/0/numerator'],
    ]);
  });

  it('places an issue of a key given twice at the last, whose value is the one read and checked, after the key written twice', async () => {
    const text = JSON.stringify(changed((p) => (p.facilities[0].capacity = 800)), null, 2).replace('"capacity": 800', '"capacity": 800,\n      "capacity": "many"');
    const last = locationOf(text, '"capacity": "many"', '');
    expect(validate(text, { now: NOW }).issues.map(({ code, pointer, location }) => [code, pointer, location])).toEqual([
      ['syntax.duplicate-key', '/facilities/0/capacity', last],
      ['schema.invalid-type', '/facilities/0/capacity', last],
    ]);
    // In every reader: a record of an NDJSON line too.
    const line = '{"type":"facility","id":"f","country":"ZA","facilityType":"prison","capacity":800,"capacity":"many"}';
    const run = validateNdjson((async function* () {
      yield `${line}\n`;
    })());
    const column = line.lastIndexOf('"capacity"') + 1;
    expect((await run.next()).value).toMatchObject({ code: 'syntax.duplicate-key', location: { line: 1, column } });
    expect((await run.next()).value).toMatchObject({ code: 'schema.invalid-type', location: { line: 1, column } });
  });

  it('checks a lone record with pointers from the record', () => {
    expectOnly(validateRecord('observation', countObservation({ numerator: '5200' }), { now: NOW }), 'schema.invalid-type', '/numerator');
    expectOnly(validateRecord('facility', { id: 'f', country: 'XX', facilityType: 'prison' }), 'schema.invalid-value', '/country');
    expectOnly(validateRecord('meeting', []), 'schema.invalid-type', '');
  });
});

describe('syntax.invalid-json', () => {
  it.each([
    ['a trailing comma', '{\n  "phxVersion": "1.0",\n}', { line: 3, column: 1 }, '}'],
    ['a text that ends too early', '{\n  "phxVersion": "1.0",', { line: 2, column: 23 }, null],
    ['a comment', '{\n  // note\n  "id": "x"\n}', { line: 2, column: 3 }, '/'],
    ['single quotes', "{'id': 'x'}", { line: 1, column: 2 }, "'"],
  ])('reports %s at its line and column', (_, text, location, token) => {
    const issue = expectOnly(validate(text), 'syntax.invalid-json', '');
    expect(issue.location).toEqual(location);
    expect(issue.params).toEqual({ token });
  });

  it('reports an empty or blank text as an empty file, without a place', () => {
    for (const [text, blank] of [['', false], ['\uFEFF \r\n\t', true]] as const) {
      const issue = expectOnly(validate(text), 'file.empty', '');
      expect(issue.params).toEqual({ blank });
      expect(issue).not.toHaveProperty('location');
    }
  });

  it('reports a raw control character at the character, and names it', () => {
    const issue = expectOnly(validate('{"id": "a\tb"}'), 'syntax.invalid-json', '');
    expect([issue.location, issue.params, issue.message]).toEqual([{ line: 1, column: 10 }, { token: '\t' }, 'Not valid JSON: unexpected "\\t"']);
    // A line break typed into a note, after an escaped quote: at the end of its first line.
    const note = expectOnly(validate('{\n  "id": "x",\n  "notes": "said \\"no\\"\nthen left"\n}'), 'syntax.invalid-json', '');
    expect([note.location, note.params]).toEqual([{ line: 3, column: 24 }, { token: '\n' }]);
  });
});

describe('syntax.too-deep', () => {
  it('rejects text nested deeper than maxDepth, at the bracket that goes too deep', () => {
    const text = '{"extensions": {"https://x.example.org/e": [[[[1]]]]}}';
    const issues = validate(text, { maxDepth: 4 }).issues;
    expect(issues.map((i) => i.code)).toContain('syntax.too-deep');
    const deep = issues.find((i) => i.code === 'syntax.too-deep')!;
    expect(deep.location).toEqual({ line: 1, column: 46 });
    expect(deep.params).toEqual({ maxDepth: 4 });
  });

  it('rejects a deep value inside a record, at its path', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 150; i++) deep = [deep];
    const pkg = changed((p) => (p.facilities[0].extensions = { 'https://zprt.example.org/ext/v1': deep }));
    const result = validate(pkg, { now: NOW });
    const issue = expectOnly(result, 'syntax.too-deep', `/facilities/0/extensions/https:~1~1zprt.example.org~1ext~1v1${'/0'.repeat(98)}`);
    expect(issue.params).toEqual({ maxDepth: 100 });
    expectClean(validate(pkg, { now: NOW, maxDepth: 200 }));
  });

  it('reports a deep value in text once, with its path and its place', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 150; i++) deep = [deep];
    const text = JSON.stringify(changed((p) => (p.facilities[0].extensions = { 'https://zprt.example.org/ext/v1': deep })));
    const issue = expectOnly(validate(text, { now: NOW }), 'syntax.too-deep', `/facilities/0/extensions/https:~1~1zprt.example.org~1ext~1v1${'/0'.repeat(98)}`);
    // The 101st bracket from the root: the package, the facilities, the facility and the extensions open the first four.
    expect(issue.location).toEqual({ line: 1, column: text.indexOf('[[[') + 96 + 1 });
  });
});
