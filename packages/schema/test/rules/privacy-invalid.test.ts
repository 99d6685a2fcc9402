/**
 * The privacy rules speak about every record, valid or not: a record that failed its shape (one wrong cell) still has
 * the personal data in its text reported, and its small counts where the numbers the rule reads are valid — in
 * every path that checks it, with the same issues in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateFileAsync } from '../../src/file/validate-file.js';
import { validateFile } from '../../src/file/validate-file-sync.js';
import { toNdjsonLines } from '../../src/formats/package-records.js';
import { validateCsv, writeCsv } from '../../src/formats/csv.js';
import { writeXlsx } from '../../src/formats/xlsx.js';
import type { ValidationIssue } from '../../src/validate/issue.js';
import { validateNdjsonAsync } from '../../src/validate/ndjson.js';
import { validateNdjson } from '../../src/validate/sync.js';
import { validate, validateRecord } from '../../src/validate/sync.js';
import { validateAsync } from '../../src/validate/validate.js';
import { NOW, prevalence, smallPackage, type Loose } from './fixtures.js';

/** A prisoner's name, birth date and phone number in a note. */
const PRISONER = 'Засуджений Петренко Іван Олегович, 12.03.1987 р.н., тел. +380671234567';

/** A female breakdown of the package's prevalence with sex written in words, a small numerator, and a prisoner in its note. */
function wrongSex(fields: Loose = {}): Loose {
  return { ...prevalence('obs-prev-zm-2019-f', 3, 260, 1.2), disaggregation: { sex: 'Жіноча' }, notes: PRISONER, ...fields };
}

/** What the issues say, where: code and pointer, in order. */
function said(issues: readonly ValidationIssue[]): [string, string][] {
  return issues.map((issue) => [issue.code, issue.pointer]);
}

/** The small package with its female breakdown replaced by `observation`. */
function withObservation(observation: Loose): Loose {
  const pkg = smallPackage();
  pkg.observations[1] = observation;
  return pkg;
}

async function drain(run: AsyncGenerator<ValidationIssue, unknown>): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  for (let step = await run.next(); !step.done; step = await run.next()) issues.push(step.value);
  return issues;
}

async function* chunks(text: string): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += 61) yield text.slice(i, i + 61);
}

describe('a record that failed its shape', () => {
  it('still has the personal data of its text and its small counts reported, as with its wrong cell put right', () => {
    expect(said(validateRecord('observation', wrongSex(), { now: NOW }).issues)).toEqual([
      ['schema.invalid-value', '/disaggregation/sex'],
      ['privacy.personal-data', '/notes'],
      ['privacy.small-cell', '/numerator'],
    ]);
    // Put right, the same privacy issues, at the same places.
    expect(said(validateRecord('observation', wrongSex({ disaggregation: { sex: 'female' } }), { now: NOW }).issues)).toEqual([
      ['privacy.personal-data', '/notes'],
      ['privacy.small-cell', '/numerator'],
    ]);
  });

  it('gives the same issues in every path: objects, JSON, NDJSON, CSV and workbooks, here and loaded on demand', async () => {
    const pkg = withObservation(wrongSex());
    const options = { now: NOW };
    const whole = validate(pkg, options);
    const expected: [string, string][] = [
      ['schema.invalid-value', '/observations/1/disaggregation/sex'],
      ['privacy.personal-data', '/observations/1/notes'],
      ['privacy.small-cell', '/observations/1/numerator'],
    ];
    expect(said(whole.issues)).toEqual(expected);
    const text = JSON.stringify(pkg, null, 2);
    expect(validate(text, options).issues).toEqual((await validateAsync(text, options)).issues);
    expect(said(validate(text, options).issues)).toEqual(expected);
    expect(await validateAsync(pkg, options)).toEqual(whole);
    for (const name of ['small.phx.json']) {
      expect(said((await validateFile(new TextEncoder().encode(text), { ...options, name })).issues)).toEqual(expected);
      expect((await validateFileAsync(new TextEncoder().encode(text), { ...options, name })).issues).toEqual((await validateFile(new TextEncoder().encode(text), { ...options, name })).issues);
    }

    // NDJSON: the record is a line, its paths relative to it.
    const lines = [...toNdjsonLines(pkg)].join('\n');
    const onLine: [string, string][] = [
      ['schema.invalid-value', '/disaggregation/sex'],
      ['privacy.personal-data', '/notes'],
      ['privacy.small-cell', '/numerator'],
    ];
    const ndjson = await drain(validateNdjson(chunks(lines), options));
    expect(said(ndjson)).toEqual(onLine);
    expect(await drain(validateNdjsonAsync(chunks(lines), options))).toEqual(ndjson);
    const ndjsonFile = await validateFile(new TextEncoder().encode(lines), { ...options, name: 'small.phx.ndjson' });
    expect(ndjsonFile.issues).toEqual(ndjson);
    expect((await validateFileAsync(new TextEncoder().encode(lines), { ...options, name: 'small.phx.ndjson' })).issues).toEqual(ndjson);

    // A table of observations: its rows, placed at their cells.
    const csv = writeCsv('observation', pkg.observations as Record<string, unknown>[]);
    const table = validateCsv(csv, options);
    expect(said(table.issues)).toEqual(onLine);
    expect(table.issues.map((issue) => issue.location)).toEqual([
      expect.objectContaining({ row: 3 }),
      expect.objectContaining({ row: 3 }),
      expect.objectContaining({ row: 3 }),
    ]);
    const csvBytes = new TextEncoder().encode(csv);
    expect((await validateFile(csvBytes, { ...options, name: 'observations.csv' })).issues).toEqual(table.issues);
    expect((await validateFileAsync(csvBytes, { ...options, name: 'observations.csv' })).issues).toEqual(table.issues);

    // A workbook of the whole package.
    const workbook = await writeXlsx(pkg as never, { language: 'en' });
    const sheets = await validateFile(workbook, { ...options, name: 'small.xlsx' });
    expect(said(sheets.issues)).toEqual(expected);
    expect((await validateFileAsync(workbook, { ...options, name: 'small.xlsx' })).issues).toEqual(sheets.issues);
  });

  it('has each check of its small counts run when the fields that check reads are valid', () => {
    const issuesOf = (fields: Loose) => said(validateRecord('observation', wrongSex({ notes: undefined, ...fields }), { now: NOW }).issues).filter(([code]) => code.startsWith('privacy.'));
    // A count that is not a number is not read: its shape issue says what is wrong. Nor is the count its percentage
    // and denominator give (1.2 % of 260 is 3), read only without a numerator.
    expect(issuesOf({ numerator: '3' })).toEqual([]);
    expect(issuesOf({ numerator: -3 })).toEqual([]);
    expect(issuesOf({ numerator: undefined })).toEqual([['privacy.small-cell', '/value']]);
    // A wrong unit leaves the numerator a count still; a percentage's implied count needs the unit.
    expect(issuesOf({ unit: 'percents' })).toEqual([['privacy.small-cell', '/numerator']]);
    expect(issuesOf({ numerator: undefined, value: 0.5, denominator: 400 })).toEqual([['privacy.small-cell', '/value']]);
    expect(issuesOf({ numerator: undefined, value: 0.5, denominator: 400, unit: 'percents' })).toEqual([]);
    expect(issuesOf({ numerator: undefined, value: 0.5, denominator: '400' })).toEqual([]);
    // A count's value is a count too.
    expect(issuesOf({ numerator: 'three', value: 3, unit: 'count', indicator: 'pep-provided' })).toEqual([['privacy.small-cell', '/value']]);
    // Suppressed, its valid numbers must not be there; every check reads the flag, which must be true or false.
    expect(issuesOf({ suppressed: true })).toEqual([['privacy.suppressed-value-present', '/numerator'], ['privacy.suppressed-value-present', '/value']]);
    expect(issuesOf({ suppressed: true, numerator: '3' })).toEqual([['privacy.suppressed-value-present', '/value']]);
    expect(issuesOf({ suppressed: 'yes' })).toEqual([]);
    expect(issuesOf({ suppressed: false })).toEqual([['privacy.small-cell', '/numerator']]);
    // A count of things is not small; an indicator that is not a string is taken to count people.
    expect(issuesOf({ indicator: 'prisons-needles-distributed', unit: 'count', value: 3 })).toEqual([]);
    expect(issuesOf({ indicator: 7 })).toEqual([['privacy.small-cell', '/numerator']]);
  });

  it('has the personal data of any string of it reported, but codes and ids', () => {
    const record = { ...wrongSex({ notes: undefined }), numerator: 'Петренко Іван Олегович', scope: { country: 'UA', subnationalArea: 'Mrs Tembo, 12.03.1987' }, note: 'Mr Banda' };
    expect(said(validateRecord('observation', record, { now: NOW }).issues).filter(([code]) => code.startsWith('privacy.'))).toEqual([
      ['privacy.personal-data', '/scope/subnationalArea'],
      ['privacy.personal-data', '/numerator'],
      ['privacy.personal-data', '/note'],
    ]);
    // A record that is text alone, in a package.
    const pkg = withObservation(PRISONER as never);
    expect(said(validate(pkg, { now: NOW }).issues)).toContainEqual(['privacy.personal-data', '/observations/1']);
  });

  it('has its email checked when it is a string, in an organisation with a wrong field', () => {
    const org = { ...smallPackage().organisations[1], email: 'jane.doe@zprt.example.org', countries: [] };
    expect(said(validateRecord('organisation', org, { now: NOW }).issues)).toEqual([
      ['schema.too-small', '/countries'],
      ['privacy.personal-data', '/email'],
    ]);
    expect(said(validateRecord('organisation', { ...org, email: 42 }, { now: NOW }).issues)).not.toContainEqual(['privacy.personal-data', '/email']);
  });

  it('counts once for uniqueness, as before, and is not checked against the others', () => {
    const pkg = withObservation(wrongSex({ id: 'obs-prev-zm-2019', reportingOrganisation: 'PHX-ORG-0404' }));
    expect(said(validate(pkg, { now: NOW }).issues)).toEqual([
      ['schema.invalid-value', '/observations/1/disaggregation/sex'],
      ['privacy.personal-data', '/observations/1/notes'],
      ['unique.duplicate-id', '/observations/1/id'],
      ['privacy.small-cell', '/observations/1/numerator'],
    ]);
  });
});

describe('records with random wrong fields', () => {
  const wrong = fc.oneof(fc.anything(), fc.constantFrom(null, undefined, NaN, Infinity, -1, 3, '3', true, [], {}, 'Mr Banda', { toString: 1 }));
  const fields = ['id', 'indicator', 'reportingOrganisation', 'scope', 'period', 'disaggregation', 'numerator', 'denominator', 'value', 'unit', 'dataSource', 'suppressed', 'confidenceInterval', 'extensions', '__proto__'];

  it('never throw, and give the privacy issues the fields they read give', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), wrong, { maxKeys: 5 }), (changes) => {
        const record: Loose = { ...wrongSex(), ...changes };
        const { issues } = validateRecord('observation', record, { now: NOW });
        const got = said(issues);
        // The note is untouched: its personal data is always told.
        expect(got).toContainEqual(['privacy.personal-data', '/notes']);
        const count = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
        const suppressed = record.suppressed === true;
        const flagValid = record.suppressed === undefined || typeof record.suppressed === 'boolean';
        const smallNumerator = flagValid && !suppressed && count(record.numerator) && record.numerator >= 1 && record.numerator < 5;
        if (smallNumerator && record.indicator === 'hiv-prevalence-prisoners') expect(got).toContainEqual(['privacy.small-cell', '/numerator']);
        if (!count(record.numerator) || suppressed || !flagValid) expect(got).not.toContainEqual(['privacy.small-cell', '/numerator']);
        if (suppressed && count(record.numerator)) expect(got).toContainEqual(['privacy.suppressed-value-present', '/numerator']);
        // The same in a package.
        const inPackage = said(validate(withObservation(record), { now: NOW }).issues).filter(([code]) => code.startsWith('privacy.'));
        expect(inPackage).toEqual(got.filter(([code]) => code.startsWith('privacy.')).map(([code, pointer]) => [code, `/observations/1${pointer}`]));
      }),
      { numRuns: 150 },
    );
  });

  it('say the same in a package, loaded on demand, and in NDJSON lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...fields.slice(0, -1)), fc.jsonValue(), { maxKeys: 4 }), async (changes) => {
        const pkg = withObservation({ ...wrongSex(), ...changes });
        const text = JSON.stringify(pkg);
        expect(await validateAsync(text, { now: NOW })).toEqual(validate(text, { now: NOW }));
        const lines = [...toNdjsonLines(JSON.parse(text) as Loose)].join('\n');
        const here = await drain(validateNdjson(chunks(lines), { now: NOW }));
        expect(await drain(validateNdjsonAsync(chunks(lines), { now: NOW }))).toEqual(here);
        const privacy = (issues: ValidationIssue[]) => issues.filter((issue) => issue.code.startsWith('privacy.')).map((issue) => [issue.code, issue.pointer.replace(/^\/observations\/\d+/, '')]);
        // Each record's privacy issues, in the same order, whether in a package or in lines.
        expect(privacy(here)).toEqual(privacy(validate(text, { now: NOW }).issues));
      }),
      { numRuns: 40 },
    );
  });
});
