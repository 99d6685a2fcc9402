import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubSettings } from '../../src/api/results.js';
import { validateFile } from '../../src/file/validate-file-sync.js';
import { toNdjsonLines } from '../../src/formats/package-records.js';
import { validateCsv } from '../../src/formats/csv.js';
import { validateNdjson } from '../../src/validate/sync.js';
import { validate, validateRecord } from '../../src/validate/sync.js';
import { isSuppressionThreshold, validateAsync } from '../../src/validate/validate.js';
import { changed, codes, countObservation, expectClean, expectOnly, NOW, prevalence, smallPackage, type Loose } from './fixtures.js';

describe('isSuppressionThreshold', () => {
  it('takes a whole number from 1, and nothing else', () => {
    for (const threshold of [1, 5, 10, Number.MAX_SAFE_INTEGER]) expect(isSuppressionThreshold(threshold)).toBe(true);
    for (const threshold of [0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1e21]) expect(isSuppressionThreshold(threshold)).toBe(false);
  });

  it('is what every validator takes as its threshold: another one is a RangeError, not a check of no count', async () => {
    const pkg = smallPackage();
    const ndjson = [...toNdjsonLines(pkg)].join('\n');
    const csv = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,value,unit,dataSource\no-1,prisons-people-on-oat,ZM-PACRA-120045,ZM,2020-01-01,2020-12-31,3,3,count,routine-programme-data\n';
    for (const suppressionThreshold of [0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      const options = { now: NOW, suppressionThreshold };
      expect(() => validate(pkg, options)).toThrow(RangeError);
      expect(() => validateRecord('observation', countObservation({ numerator: 3, value: 3 }), options)).toThrow(RangeError);
      expect(() => validateCsv(csv, options)).toThrow(RangeError);
      await expect(validateAsync(pkg, options)).rejects.toThrow(RangeError);
      await expect(validateFile(new TextEncoder().encode(ndjson), { ...options, name: 'data.phx.ndjson' })).rejects.toThrow(RangeError);
      const lines = async function* () {
        yield ndjson;
      };
      await expect(validateNdjson(lines(), { now: NOW }).next()).resolves.toBeDefined();
      await expect(validateNdjson(lines(), options).next()).rejects.toThrow(RangeError);
    }
    // A count of 3 is small from a threshold of 4, and not from one of 3 or 1.
    for (const [suppressionThreshold, small] of [[1, false], [3, false], [4, true]] as const) {
      const { issues } = validateCsv(csv, { now: NOW, suppressionThreshold });
      expect(issues.some(({ code }) => code === 'privacy.small-cell')).toBe(small);
    }
  });

  it("says what a hub's settings take as their threshold, on any number", () => {
    const threshold = HubSettings.shape.suppressionThreshold;
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double(), fc.constantFrom(2 ** 53 - 1, 2 ** 53, -(2 ** 53))), (value) => {
        expect(isSuppressionThreshold(value)).toBe(threshold.safeParse(value).success);
      }),
    );
  });
});

describe('privacy.small-cell', () => {
  it('accepts counts of 0 and from the threshold up', () => {
    for (const count of [0, 5, 6, 1520]) expectClean(validateRecord('observation', countObservation({ numerator: count, value: count }), { now: NOW }));
  });

  it('rejects a count from 1 to 4 that is not suppressed, in numerator and value', () => {
    for (const count of [1, 2, 4]) {
      const result = validateRecord('observation', countObservation({ numerator: count, value: count }), { now: NOW });
      expect(result.issues.map((i) => [i.code, i.pointer, i.severity])).toEqual([
        ['privacy.small-cell', '/numerator', 'error'],
        ['privacy.small-cell', '/value', 'error'],
      ]);
      expect(result.issues[0]!.params).toEqual({ field: 'numerator', value: count, threshold: 5 });
    }
  });

  it('rejects a small value of a count given without numerator', () => {
    const { numerator: _, ...record } = countObservation({ value: 3 });
    expectOnly(validateRecord('observation', record, { now: NOW }), 'privacy.small-cell', '/value');
  });

  it('holds no count of things or places to it: needles, condoms, prisons, or an indicator the data defines so', () => {
    for (const indicator of ['prisons-needles-distributed', 'prisons-condoms-distributed', 'prisons-facilities-with-hiv-services']) {
      expectClean(validateRecord('observation', countObservation({ indicator, numerator: 3, value: 3 }), { now: NOW }));
    }
    const pkg = smallPackage();
    const kits = { ...pkg.indicators[0], code: 'naloxone-kits-distributed', unit: 'count', calculation: 'count', disaggregations: [], countsPeople: false };
    const observations = [{ ...countObservation({ id: 'obs-kits', indicator: 'naloxone-kits-distributed', numerator: 2, value: 2 }) }];
    expect(codes(validate({ ...pkg, indicators: [...pkg.indicators, kits], observations: [...pkg.observations, ...observations] }, { now: NOW }))).not.toContain('privacy.small-cell');
    // A count of people is held to it, whether the catalogue's or the data's (countsPeople left out).
    const { countsPeople: _, ...people } = kits;
    expect(codes(validate({ ...pkg, indicators: [...pkg.indicators, people], observations: [...pkg.observations, ...observations] }, { now: NOW }))).toContain('privacy.small-cell');
  });

  it('still finds the number a suppressed count of things gives', () => {
    const result = validateRecord('observation', countObservation({ indicator: 'prisons-facilities-with-hiv-services', numerator: 3, value: 3, suppressed: true }), { now: NOW });
    expect(codes(result)).toEqual(['privacy.suppressed-value-present', 'privacy.suppressed-value-present']);
  });

  it('checks the numerator of a percentage, not its value, and says to leave out both, as suppressing asks', () => {
    const result = validateRecord('observation', prevalence('obs-small', 3, 40, 7.5), { now: NOW });
    const issue = expectOnly(result, 'privacy.small-cell', '/numerator');
    expect(issue.message).toBe('Numerator 3 is below the suppression threshold 5: mark the observation "suppressed" and leave out the numerator and the value');
    expect(validateRecord('observation', prevalence('obs-small', 3, 40, 7.5), { now: NOW, locale: 'ru' }).issues[0]!.message).toBe(
      'Числитель 3 меньше порога скрытия 5: отметьте наблюдение как "suppressed" и не указывайте ни числитель, ни значение',
    );
    // Doing so leaves the observation clean.
    const { numerator: _, value: __, ...suppressed } = prevalence('obs-small', 3, 40, 7.5);
    expectClean(validateRecord('observation', { ...suppressed, suppressed: true }, { now: NOW }));
  });

  it('holds the count a percentage or rate gives with its denominator to it when the numerator is left out', () => {
    const share = (numerator: number | undefined, denominator: number, value: number): Loose => {
      const obs = prevalence('obs-share', numerator ?? 0, denominator, value);
      if (numerator === undefined) delete obs.numerator;
      return obs;
    };
    // 0.5 % of 400 is 2 people (1.8 to 2.2).
    const issue = expectOnly(validateRecord('observation', share(undefined, 400, 0.5), { now: NOW }), 'privacy.small-cell', '/value');
    expect(issue.params).toEqual({ field: 'value', value: 0.5, threshold: 5, count: 2, denominator: 400 });
    expect(issue.message).toBe('Value 0.5 of denominator 400 gives a count of 2, below the suppression threshold 5: mark the observation "suppressed" and leave the value out');
    // 6.25 per 100 000 of 48 000 people held is 3 cases.
    const tb = { ...share(undefined, 48_000, 6.25), indicator: 'tb-notification-rate-prisons', unit: 'rate-per-100000' };
    expect(validateRecord('observation', tb, { now: NOW }).issues.map((i) => [i.code, i.pointer, i.params])).toEqual([
      ['privacy.small-cell', '/value', { field: 'value', value: 6.25, threshold: 5, count: 3, denominator: 48_000 }],
    ]);
    // A value rounded to whole percents still leaves one count where only one fits: 1 % of 120 is 1, 2 % of 150 is 3.
    for (const [denominator, value, count] of [[120, 1, 1], [150, 2, 3], [1000, 0.3, 3]] as const) {
      expect(validateRecord('observation', share(undefined, denominator, value), { now: NOW }).issues.map((i) => [i.code, i.params])).toEqual([
        ['privacy.small-cell', { field: 'value', value, threshold: 5, count, denominator }],
      ]);
    }
    // 0 people, 5 and more, or a value too rounded to tell one number (5 % of 1000 is 45 to 55; 0.1 % of 2000 is 1 to 3).
    for (const [denominator, value] of [[400, 0], [400, 1.25], [1000, 5], [2000, 0.1]] as const) {
      expectClean(validateRecord('observation', share(undefined, denominator, value), { now: NOW }));
    }
    // With the numerator given, the numerator is checked (once); a suppressed one gives no value.
    expectOnly(validateRecord('observation', share(2, 400, 0.5), { now: NOW }), 'privacy.small-cell', '/numerator');
    const suppressed: Loose = { ...share(undefined, 400, 0.5), suppressed: true };
    delete suppressed.value;
    expectClean(validateRecord('observation', suppressed, { now: NOW }));
    expect(codes(validateRecord('observation', share(undefined, 400, 0.5), { now: NOW, suppressionThreshold: 2 }))).toEqual([]);
  });

  it('follows the suppressionThreshold option', () => {
    const seven = countObservation({ numerator: 7, value: 7 });
    expect(codes(validateRecord('observation', seven, { now: NOW, suppressionThreshold: 10 }))).toEqual(['privacy.small-cell', 'privacy.small-cell']);
    expectClean(validateRecord('observation', seven, { now: NOW, suppressionThreshold: 7 }));
    expectClean(validateRecord('observation', countObservation({ numerator: 1, value: 1 }), { now: NOW, suppressionThreshold: 1 }));
  });

  it('points into the package', () => {
    const pkg = changed((p) => Object.assign(p.observations[4], { numerator: 2, value: 2 }));
    const result = validate(pkg, { now: NOW });
    expect(result.issues.map((i) => i.pointer)).toEqual(['/observations/4/numerator', '/observations/4/value']);
  });
});

describe('privacy.suppressed-value-present', () => {
  it('accepts a suppressed observation without the small number', () => {
    const { numerator: _n, value: _v, ...record } = countObservation({ suppressed: true });
    expectClean(validateRecord('observation', record, { now: NOW }));
  });

  it('rejects a suppressed count that still gives its numerator or value', () => {
    const { value: _, ...withNumerator } = countObservation({ suppressed: true, numerator: 3 });
    expectOnly(validateRecord('observation', withNumerator, { now: NOW }), 'privacy.suppressed-value-present', '/numerator');
    const { numerator: __, ...withValue } = countObservation({ suppressed: true, value: 3 });
    expectOnly(validateRecord('observation', withValue, { now: NOW }), 'privacy.suppressed-value-present', '/value');
  });

  it('rejects a suppressed percentage that gives its numerator', () => {
    const { value: _, ...record }: Loose = { ...prevalence('obs-s', 2, 40, 5), suppressed: true };
    expectOnly(validateRecord('observation', record, { now: NOW }), 'privacy.suppressed-value-present', '/numerator');
  });

  it('rejects a suppressed percentage that gives its value: with the denominator it gives the count away', () => {
    const { numerator: _, ...record }: Loose = { ...prevalence('obs-s', 2, 40, 5), suppressed: true };
    expectOnly(validateRecord('observation', record, { now: NOW }), 'privacy.suppressed-value-present', '/value');
  });
});

describe('privacy.personal-data', () => {
  const withNotes = (notes: string) => validateRecord('observation', countObservation({ notes }), { now: NOW });

  it.each([
    ['an e-mail address', 'Ask jane.doe@mail.example.com for the raw data', 'email'],
    ['a phone number with a country code', 'Call +7 912 345 67 89 for details', 'phone'],
    ['a local phone number', 'Counsellor on duty: 0971 234 567', 'phone'],
    ['a phone number with dashes', 'Hotline 555-123-4567', 'phone'],
    ['a phone number with a trunk prefix', '+27 (0)21 123 4567', 'phone'],
    ['a date of birth', 'Index case, date of birth 1987-03-02', 'date-of-birth'],
    ['a date of birth in Russian', 'Дата рождения: 02.03.1987', 'date-of-birth'],
    ['a date of birth in French', 'Née le 2 mars 1987', 'date-of-birth'],
  ])('warns about %s in free text', (_, notes, kind) => {
    const issue = expectOnly(withNotes(notes), 'privacy.personal-data', '/notes');
    expect(issue.severity).toBe('warning');
    expect(issue.params).toEqual({ kind });
  });

  it.each([
    'Reporting period 2019-01-01 to 2019-12-31',
    '2019-01-01 - 2019-12-31',
    'Counted on 2020-12-31T23:59:00+02:00 in all 12 prisons',
    'From 01.01.2019 to 31.12.2019',
    '1 234 567 needles since 2015',
    'About 12 500 people (95% CI 11 000-14 000)',
    'The prisons held 120 000 (2020), up from 98 000 (2019)',
    'between 10 000 and 12 000 (2019-2020)',
    '1,234,567,890 condoms over ten years',
    'ISO 3166-1 alpha-2 and ISO 8601',
  ])('does not mistake ordinary numbers and dates for personal data: %s', (notes) => {
    expectClean(withNotes(notes));
  });

  it.each([
    ['Заключенный № 4512 — ВИЧ+', 'identifier'],
    ['Ув’язнений № 4512, ВІЛ+', 'identifier'],
    ["Ув'язнений № 4512, ВІЛ+", 'identifier'],
    ['Увʼязнений № 4512, ВІЛ+', 'identifier'],
    ['Подследственный № 4512', 'identifier'],
    ['Підслідний № 4512', 'identifier'],
    ['Арестант № 4512', 'identifier'],
    ['Prisoner 4512 HIV+', 'identifier'],
    ['Inmate 20211234 tested positive', 'identifier'],
    ['Detainee: 30457 refused the second dose', 'identifier'],
    ['Détenu 4512 séropositif', 'identifier'],
    ['Prisonnier 20211234 transféré', 'identifier'],
    ['El preso 4512 dio positivo', 'identifier'],
    ['Recluso 4512 VIH+', 'identifier'],
    ['Interno 30457 trasladado al hospital', 'identifier'],
    ['особова справа 12/345 у спецчастині', 'identifier'],
    ['Особиста справа 98765', 'identifier'],
    ['личное дело 12/345 передано в МСЧ', 'identifier'],
    ['personal file 4512 sent to the clinic', 'identifier'],
    ['dossier personnel 45821 transmis', 'identifier'],
    ['expediente personal 12/345', 'identifier'],
    ['Mykola Petrenko tested positive at entry', 'name'],
    ['Oksana Kovalenko refused ART', 'name'],
    ['Petro Ivanenko was transferred', 'name'],
    ['Follow up with Yaryna Shevchuk on Monday', 'name'],
    // Ukrainian given names whose nominative ends in -о, which their other cases drop.
    ['Петро Іваненко відмовився від тестування', 'name'],
    ['Дмитро Ткаченко, 29 років', 'name'],
    ['Павло Ковальчук переведений', 'name'],
    ['Данило Бойко на ЗПТ', 'name'],
    ['Кирило Мороз — ВІЛ+', 'name'],
    ['Іваненко Петро, повторний тест', 'name'],
  ])("warns about a prisoner's number, a person's file number or a Ukrainian name in the notes of an observation: %s", (notes, kind) => {
    const pkg = changed((p) => (p.observations[0].notes = notes));
    const issue = expectOnly(validate(pkg, { now: NOW }), 'privacy.personal-data', '/observations/0/notes');
    expect(issue.params).toEqual({ kind });
  });

  it.each([
    'Prisoners 2023 figures',
    'Inmates 15-24 years',
    'Inmate 2019 cohort: 412 started OAT',
    'Zaporizhzhia region',
    'Kyiv SIZO',
    'Data from 2021',
    'Taras Shevchenko Boulevard office handles the referrals',
    'Sessions in the Ivan Franko district were paused',
    'Підслідні та засуджені разом',
    'на 1 січня 2023 — 4512 осіб',
    'Заключённые 2023 года: 4512 человек',
    'Détenus 2023 : chiffres par région',
    'Reclusos 2023: cifras por región',
    'Control interno 2022 sin observaciones',
    'особові справи 2023 року перевірено',
    'Личные дела за 2022 год переданы в архив',
    'Personal file 2023 review done in all prisons',
    'Коло самодопомоги зібралося двічі',
    'Надо провести повторное тестирование',
  ])('does not mistake counts, years and places in the notes of an observation for personal data: %s', (notes) => {
    expectClean(validate(changed((p) => (p.observations[0].notes = notes)), { now: NOW }));
  });

  it('finds personal data in language maps, nested lists and extensions', () => {
    const pkg = changed((p) => {
      p.meetings[0].presentations[0].achievements = [{ en: 'Housed 40 people', ru: 'Пишите: ivan.petrov@mail.example.ru' }];
      p.organisations[1].extensions = { 'https://zprt.example.org/ext/contact': { duty: ['+260 97 123 4567'] } };
    });
    const result = validate(pkg, { now: NOW });
    expect(result.ok).toBe(true);
    expect(result.issues.map((i) => [i.code, i.pointer, i.code === 'privacy.personal-data' && i.params.kind])).toEqual([
      ['privacy.personal-data', '/organisations/1/extensions/https:~1~1zprt.example.org~1ext~1contact/duty/0', 'phone'],
      ['privacy.personal-data', '/meetings/0/presentations/0/achievements/0/ru', 'email'],
    ]);
  });

  it('finds personal data and values nested too deep in the package header', () => {
    const pkg = changed((p) => (p.description = { en: 'Questions to jane.doe@mail.example.org' }));
    const issue = expectOnly(validate(pkg, { now: NOW }), 'privacy.personal-data', '/description/en');
    expect(issue.params).toEqual({ kind: 'email' });
    let deep: unknown = 1;
    for (let i = 0; i < 120; i++) deep = [deep];
    const deepHeader = changed((p) => (p.extensions = { 'https://phx.example.org/ext': deep }));
    expect(validate(deepHeader, { now: NOW }).issues.map((i) => i.code)).toEqual(['syntax.too-deep']);
    expect(validate(JSON.stringify(deepHeader), { now: NOW }).issues.map((i) => i.code)).toEqual(['syntax.too-deep']);
  });

  it('does not read codes, identifiers, dates and addresses as free text', () => {
    const pkg = changed((p) => {
      p.meetings[0].documents[0].url = 'https://phx.example.org/reports/2020-10-28/+260971234567.pdf';
      p.observations[0].id = 'obs-0971-234-567';
    });
    expectClean(validate(pkg, { now: NOW }));
  });

  it("accepts an organisation's role address and warns about a person's", () => {
    expectClean(validate(smallPackage(), { now: NOW }));
    const pkg = changed((p) => (p.organisations[1].email = 'mwila.banda@zprt.example.org'));
    const issue = expectOnly(validate(pkg, { now: NOW }), 'privacy.personal-data', '/organisations/1/email');
    expect(issue.params).toEqual({ kind: 'email' });
  });

  it('finds personal data wherever it stands in a long text, across the batches it is read in', () => {
    // The words are read 512 at a time; a name, a number or an address may straddle two batches.
    for (const [note, kind] of [['Иванов И.И., отряд 5', 'name'], ['call +260 97 123 4567', 'phone'], ['prisoner no. 45821', 'identifier'], ['Lives at 14 Church Street', 'address']]) {
      for (let words = 500; words <= 515; words++) {
        const result = withNotes(`${'the count was checked '.repeat(words / 4)}${'word '.repeat(words % 4)}${note} and more words after it`);
        expect(result.issues.map((issue) => issue.code === 'privacy.personal-data' && issue.params.kind), `${note} after ${words} words`).toEqual([kind]);
      }
    }
  });

  it('checks a text of many megabytes without failing', () => {
    // Long runs of digits and separators used to overflow the regular expression stack, and so would a word of
    // megabytes read by a pattern that repeats a group.
    const texts = [
      '1   '.repeat(2_000_000), '7'.repeat(8_000_000), 'a'.repeat(8_000_000), 'a@'.repeat(2_000_000), "a'".repeat(2_000_000),
      'Ж-'.repeat(2_000_000), 'Abc Def '.repeat(250_000), 'hepatitis B. Testing '.repeat(100_000),
    ];
    for (const text of texts) {
      const result = validateRecord('observation', countObservation({ extensions: { 'https://phx.example.org/ext/raw': text } }), { now: NOW });
      expectClean(result);
    }
  });
});
