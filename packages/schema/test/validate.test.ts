import { describe, expect, it } from 'vitest';
import { issueCodes } from '../src/validate/codes.js';
import { toPointer } from '../src/validate/issue.js';
import { rulesBeyondSchema } from '../src/validate/codes.js';
import { validate, validateRecord } from '../src/validate/sync.js';
import { changed, countObservation, NOW, smallPackage, type Loose } from './rules/fixtures.js';

/** A package with one error in each of its five observations. */
function fiveErrors(): Loose {
  return changed((p) => {
    for (const observation of p.observations) observation.unit = 'percentage';
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('validate', () => {
  it('is ok with warnings only', () => {
    const result = validate(changed((p) => (p.organisations[1].focusAreas = ['prison-gardens'])), { now: NOW });
    expect(result.ok).toBe(true);
    expect(result.issues.map((i) => i.severity)).toEqual(['warning']);
  });

  it('is not ok with one error', () => {
    expect(validate(fiveErrors(), { now: NOW }).ok).toBe(false);
  });

  it('gives issues whose pointer is their path and whose severity is their code’s', () => {
    const { issues } = validate(fiveErrors(), { now: NOW });
    expect(issues).toHaveLength(5);
    for (const issue of issues) {
      expect(issue.pointer).toBe(toPointer(issue.path));
      expect(issue.severity).toBe(issueCodes[issue.code].severity);
      expect(issue.location).toBeUndefined();
    }
  });

  it('places every issue of a JSON text at a line and column', () => {
    const text = JSON.stringify(fiveErrors(), null, 2);
    const { issues } = validate(text, { now: NOW });
    const unitLines = text.split('\n').flatMap((line, i) => (line.includes('"unit": "percentage"') ? [i + 1] : []));
    expect(issues.map((i) => i.location)).toEqual(unitLines.map((line) => ({ line, column: 7 })));
  });

  it('places issues in a text with Windows line ends', () => {
    const text = JSON.stringify(fiveErrors(), null, 2).replace(/\n/g, '\r\n');
    const lf = validate(JSON.stringify(fiveErrors(), null, 2), { now: NOW });
    expect(validate(text, { now: NOW }).issues.map((i) => i.location)).toEqual(lf.issues.map((i) => i.location));
  });

  it('reads a text that starts with a byte order mark', () => {
    const text = '\uFEFF' + JSON.stringify(fiveErrors(), null, 2);
    const plain = validate(text.slice(1), { now: NOW });
    expect(validate(text, { now: NOW })).toEqual(plain);
  });

  it('stops collecting at maxIssues, and stays not ok', () => {
    const result = validate(fiveErrors(), { now: NOW, maxIssues: 2 });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.pointer)).toEqual(['/observations/0/unit', '/observations/1/unit']);
    // Reading stopped there: the counts cover the records read, and say so.
    expect(result).toMatchObject({ errors: 2, truncated: true, read: { complete: false, records: { observation: 2 } } });
    expect(validate(fiveErrors(), { now: NOW })).toMatchObject({ errors: 5, truncated: false, read: { complete: true, records: { observation: 5 } } });
    expect(validate(fiveErrors(), { now: NOW, maxIssues: 0 })).toMatchObject({ ok: false, issues: [] });
    expect(validate(fiveErrors(), { now: NOW, maxIssues: 50 }).issues).toHaveLength(5);
  });

  it('looks on past maxIssues warnings for an error, and lists it in the place of the last warning', () => {
    const pkg = changed((p) => {
      p.organisations[1].focusAreas = ['a-1', 'a-2'];
      p.observations[4].unit = 'percentage';
    });
    expect(validate(pkg, { now: NOW, maxIssues: 1 })).toMatchObject({ ok: false, errors: 1, warnings: 2, truncated: true, issues: [{ severity: 'error', pointer: '/observations/4/unit' }] });
    expect(validate(pkg, { now: NOW, maxIssues: 2 }).issues.map((i) => i.pointer)).toEqual(['/organisations/1/focusAreas/0', '/observations/4/unit']);
    expect(validate(pkg, { now: NOW, maxIssues: 0 })).toMatchObject({ ok: false, issues: [] });
  });

  it('counts warnings beyond maxIssues without making the data invalid', () => {
    const pkg = changed((p) => (p.organisations[1].focusAreas = ['a-1', 'a-2', 'a-3']));
    expect(validate(pkg, { now: NOW, maxIssues: 1 })).toMatchObject({ ok: true, issues: [{ code: 'codelist.unknown-code' }] });
  });

  it('neither changes nor needs to change its input', () => {
    const pkg = deepFreeze(fiveErrors());
    const before = JSON.stringify(pkg);
    validate(pkg, { now: NOW });
    expect(JSON.stringify(pkg)).toBe(before);
  });

  it('gives the same issues for an object and for its text, apart from locations', () => {
    const pkg = changed((p) => {
      p.observations[0].value = 31;
      p.meetings[0].end = '2020-10-28T12:00:00+01:00';
      p.facilities[0].country = 'ZA';
    });
    const strip = (issues: { location?: unknown }[]) => issues.map(({ location: _, ...rest }) => rest);
    expect(strip(validate(JSON.stringify(pkg), { now: NOW }).issues)).toEqual(validate(pkg, { now: NOW }).issues);
  });

  it('gives plain data: issues survive JSON', () => {
    const result = validate(JSON.stringify(fiveErrors()), { now: NOW });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('validateRecord', () => {
  it('accepts every record of the small package on its own', () => {
    const pkg = smallPackage();
    const records = [
      ...pkg.organisations.map((r: Loose) => ['organisation', r] as const),
      ...pkg.facilities.map((r: Loose) => ['facility', r] as const),
      ...pkg.indicators.map((r: Loose) => ['indicator', r] as const),
      ...pkg.observations.map((r: Loose) => ['observation', r] as const),
      ...pkg.meetings.map((r: Loose) => ['meeting', r] as const),
    ];
    for (const [type, record] of records) expect(validateRecord(type, record, { now: NOW }), `${type} ${record.id ?? record.code}`).toMatchObject({ ok: true, issues: [] });
  });

  it('reports with pointers from the record and honours maxIssues', () => {
    const record = countObservation({ unit: 'kg', dataSource: 'gossip', numerator: 'many' });
    expect(validateRecord('observation', record).issues.map((i) => i.pointer)).toEqual(['/numerator', '/unit', '/dataSource']);
    expect(validateRecord('observation', record, { maxIssues: 1 }).issues).toHaveLength(1);
  });
});

describe('rulesBeyondSchema', () => {
  it('lists the codes only validate() checks', () => {
    expect(rulesBeyondSchema).toContain('privacy.small-cell');
    expect(rulesBeyondSchema).not.toContain('schema.required');
    expect(rulesBeyondSchema.every((code) => !issueCodes[code].structural)).toBe(true);
  });
});
