import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordTypeNames } from '../src/model/records.js';
import { issueCodes } from '../src/validate/codes.js';
import { toPointer, type ValidationResult } from '../src/validate/issue.js';
import { validateNdjson } from '../src/validate/sync.js';
import { validate, validateRecord } from '../src/validate/sync.js';
import { countObservation, NOW, smallPackage, type Loose } from './rules/fixtures.js';

const runs = { numRuns: 150 };

/** Every issue is well formed, whatever the input. */
function expectWellFormed(result: ValidationResult): void {
  expect(result.ok).toBe(result.issues.every((issue) => issue.severity === 'warning'));
  for (const issue of result.issues) {
    expect(issueCodes[issue.code].severity).toBe(issue.severity);
    expect(issue.pointer).toBe(toPointer(issue.path));
    expect(issue.message).not.toBe('');
  }
}

/** Keys that could reach a prototype if a validator copied objects carelessly. */
const dangerousKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'id', 'name', 'type', 'en');

/** JSON text of objects keyed by dangerous keys: `JSON.parse` of it makes them own properties. */
const dangerousJson: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
    tie('object'),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
  ),
  object: fc
    .array(fc.tuple(dangerousKey, tie('value')), { maxLength: 4 })
    .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`),
})).object;

/** Places a value where a package holds a record, a language map, a code list, an extension, or is the package. */
function placements(value: unknown): unknown[] {
  const pkg = () => smallPackage();
  const asRecord = pkg();
  asRecord.observations[1] = value;
  const asMap = pkg();
  asMap.organisations[1].name = value;
  const asList = pkg();
  asList.organisations[1].focusAreas = value;
  const asExtension = pkg();
  asExtension.meetings[0].extensions = { 'https://phx.example.org/ext': value };
  const asRecordMerged = pkg();
  asRecordMerged.observations[2] = Object.assign(Object.create(null) as object, asRecordMerged.observations[2], value);
  return [value, asRecord, asMap, asList, asExtension, asRecordMerged];
}

describe('validate never throws', () => {
  let prototypeKeys: string[];
  beforeEach(() => {
    prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  });
  afterEach(() => {
    // Nothing may reach Object.prototype.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Loose).polluted).toBeUndefined();
  });

  it('on any JSON value, as an object and as text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(validate(value, { now: NOW }));
        expectWellFormed(validate(JSON.stringify(value) ?? '', { now: NOW }));
      }),
      runs,
    );
  });

  it('on any JSON value in any place of a package', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        for (const pkg of placements(value)) expectWellFormed(validate(pkg, { now: NOW }));
      }),
      runs,
    );
  });

  it('on objects keyed __proto__, constructor and prototype, and leaves Object.prototype alone', () => {
    fc.assert(
      fc.property(dangerousJson, (text) => {
        const value = JSON.parse(text) as unknown;
        for (const pkg of placements(value)) {
          expectWellFormed(validate(pkg, { now: NOW }));
          expectWellFormed(validate(JSON.stringify(pkg), { now: NOW }));
        }
        expectWellFormed(validate(text, { now: NOW }));
        expect(({} as Loose).polluted).toBeUndefined();
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
      }),
      runs,
    );
  });

  it('on any value at all, in validateRecord of any type', () => {
    const anything = fc.anything({
      withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
      withObjectString: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true,
    });
    fc.assert(
      fc.property(fc.constantFrom(...recordTypeNames), anything, (type, value) => {
        expectWellFormed(validateRecord(type, value, { now: NOW }));
      }),
      runs,
    );
  });

  it('on observations with any numbers and texts', () => {
    const number = fc.oneof(fc.integer({ min: -10, max: 1_000_000 }), fc.double({ min: -1e6, max: 1e9, noNaN: true }), fc.constantFrom(0, 1, 4, 5, 100));
    const observation = fc.record(
      {
        indicator: fc.constantFrom('hiv-prevalence-prisoners', 'prison-occupancy', 'tb-notification-rate-prisons', 'deaths-in-custody-rate', 'pep-provided', 'unknown-indicator'),
        unit: fc.constantFrom('percent', 'count', 'rate-per-100000', 'rate-per-10000'),
        numerator: number,
        denominator: number,
        value: number,
        suppressed: fc.boolean(),
        notes: fc.string({ minLength: 1, unit: 'grapheme-composite' }),
        confidenceInterval: fc.record({ lower: number, upper: number }),
        disaggregation: fc.record({ sex: fc.constantFrom('female', 'male', 'all'), ageGroup: fc.constantFrom('<25', 'all') }, { requiredKeys: [] }),
      },
      { requiredKeys: ['indicator', 'unit'] },
    );
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 6 }), fc.integer({ min: 1, max: 20 }), (observations, suppressionThreshold) => {
        const pkg = smallPackage();
        pkg.observations = observations.map((fields, i) => countObservation({ ...fields, id: `obs-${i}` }));
        expectWellFormed(validate(pkg, { now: NOW, suppressionThreshold }));
        for (const record of pkg.observations) expectWellFormed(validateRecord('observation', record, { now: NOW, suppressionThreshold }));
      }),
      runs,
    );
  });
});

describe('validate gives an issue, not a crash, on extreme input', () => {
  const depth = 100_000;
  const deepArray = (): unknown => {
    let value: unknown = [];
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it('a 100 000-deep array as text', () => {
    const text = '['.repeat(depth) + ']'.repeat(depth);
    // JSON.parse reads it; the text is too deep to place other issues in, so only the depth issue has a place.
    expect(validate(text).issues.map((i) => [i.code, i.location])).toEqual([
      ['schema.invalid-type', undefined],
      ['syntax.too-deep', { line: 1, column: 101 }],
    ]);
    const inPackage = JSON.stringify(smallPackage()).replace('"license"', `"extensions":{"https://phx.example.org/ext":${text}},"license"`);
    expect(validate(inPackage, { now: NOW }).issues.map((i) => i.code)).toEqual(['syntax.too-deep']);
  });

  it('a 100 000-deep array as an object, alone and inside a package', () => {
    expect(validate(deepArray()).issues.map((i) => [i.code, i.pointer])).toEqual([['schema.invalid-type', '']]);
    const pkg = smallPackage();
    pkg.facilities[0].extensions = { 'https://phx.example.org/ext': deepArray() };
    expect(validate(pkg, { now: NOW }).issues.map((i) => i.code)).toEqual(['syntax.too-deep']);
    expect(validateRecord('facility', pkg.facilities[0]).issues.map((i) => i.code)).toEqual(['syntax.too-deep']);
  });

  it('a 100 000-deep line of NDJSON', async () => {
    const deep = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const { type: _, ...record } = smallPackage().facilities[0];
    const facility = JSON.stringify({ type: 'facility', ...record, extensions: { 'https://phx.example.org/ext': '#' } }).replace('"#"', deep);
    const issues = [];
    for await (const issue of validateNdjson((async function* () {
      yield `${deep}\n${facility}\n{"type":"person"}\n`;
    })())) issues.push([issue.code, issue.location]);
    expect(issues).toEqual([
      ['ndjson.unknown-type', { line: 1, column: 1 }],
      ['syntax.too-deep', { line: 2, column: 1 }],
      ['ndjson.unknown-type', { line: 3, column: 1 }],
    ]);
  });

  it('a 50 MB string as text, and as a field value inside a package', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    expect(validate(huge).issues.map((i) => i.code)).toEqual(['syntax.invalid-json']);
    expect(validate(`"${huge}"`).issues.map((i) => i.code)).toEqual(['schema.invalid-type']);

    const inNote = smallPackage();
    inNote.observations[0].notes = huge;
    expect(validate(inNote, { now: NOW }).issues.map((i) => [i.code, i.pointer])).toEqual([['schema.too-big', '/observations/0/notes']]);
    const located = validate(JSON.stringify(inNote), { now: NOW }).issues;
    expect(located.map((i) => [i.code, i.location])).toEqual([['schema.too-big', { line: 1, column: expect.any(Number) }]]);

    // Extensions have no length limit: the text rules must still scan it in linear time.
    const inExtension = smallPackage();
    inExtension.facilities[0].extensions = { 'https://phx.example.org/ext': huge };
    expect(validate(inExtension, { now: NOW })).toMatchObject({ ok: true, issues: [] });
  });
});

describe('validateNdjson never throws', () => {
  const garbageLine = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.record({ type: fc.constantFrom('package', ...recordTypeNames, 'person'), id: fc.string() }).map((v) => JSON.stringify(v)),
    dangerousJson.map((text) => `{"type":"observation",${text.slice(1)}`.replace(',}', '}')),
    fc.uint8Array({ maxLength: 40 }),
  );

  it('on lines of garbage, in chunks of any size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(garbageLine, { maxLength: 12 }), fc.integer({ min: 1, max: 64 }), fc.option(fc.integer({ min: 1, max: 5 })), async (lines, chunkSize, maxIssues) => {
        const encoder = new TextEncoder();
        const parts = lines.map((line) => (typeof line === 'string' ? encoder.encode(line) : line));
        const bytes = new Uint8Array(parts.reduce((size, part) => size + part.length + 1, 0));
        let at = 0;
        for (const part of parts) {
          bytes.set(part, at);
          bytes[at + part.length] = 10;
          at += part.length + 1;
        }
        async function* source() {
          for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
        }
        const validation = validateNdjson(source(), { now: NOW, maxIssues: maxIssues ?? undefined, maxLineBytes: 200 });
        let count = 0;
        for (;;) {
          const step = await validation.next();
          if (step.done) {
            expect(step.value.errors + step.value.warnings).toBeGreaterThanOrEqual(count);
            expect(step.value.ok).toBe(step.value.errors === 0);
            break;
          }
          count++;
          expect(issueCodes[step.value.code].severity).toBe(step.value.severity);
        }
        if (maxIssues) expect(count).toBeLessThanOrEqual(maxIssues);
        expect(({} as Loose).polluted).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});
