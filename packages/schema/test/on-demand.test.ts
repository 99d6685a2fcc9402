/**
 * `validateAsync` loads the describer (zod and the model) and a language's messages only when it needs them,
 * and says exactly what `validate` says — code, path, params, message, location, order — on every example
 * file and on fuzzed packages, in every language: the first time (nothing loaded yet, in a fresh copy of the
 * modules), and once everything is loaded.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import type { Locale } from '../src/locales/index.js';
import { packageHeaderShape } from '../src/model/package.js';
import { recordTypeNames, recordTypes } from '../src/model/records.js';
import { validate } from '../src/validate/sync.js';
import { validateAsync, type ValidateOptions } from '../src/validate/validate.js';
import { NOW, smallPackage, type Loose } from './rules/small-package.js';
import { fuzzed } from './support/fuzz.js';

const languages: Locale[] = ['en', 'ru', 'uk', 'fr', 'es'];

const dataDir = new URL('../../../examples/data/', import.meta.url);
const examples = [
  ...readdirSync(dataDir).filter((name) => name.endsWith('.phx.json')).map((name) => new URL(name, dataDir)),
  ...readdirSync(new URL('invalid/', dataDir)).filter((name) => name.endsWith('.phx.json')).map((name) => new URL(`invalid/${name}`, dataDir)),
].map((url) => ({ name: url.pathname.split('/examples/data/')[1]!, text: readFileSync(url, 'utf8') }));

/** `validateAsync` of a fresh copy of the modules: nothing loaded on demand yet. */
async function freshValidateAsync(): Promise<typeof validateAsync> {
  vi.resetModules();
  return (await import('../src/validate/validate.js')).validateAsync;
}

describe('validateAsync', () => {
  it.each(languages)('in %s, loading what it needs at the first example that needs it', async (locale) => {
    const lazily = await freshValidateAsync();
    for (const { name, text } of examples) {
      const options: ValidateOptions = { now: NOW, locale };
      expect(await lazily(text, options), name).toEqual(validate(text, options));
      const value: unknown = (() => {
        try {
          return JSON.parse(text);
        } catch {
          return undefined;
        }
      })();
      if (value !== undefined) expect(await lazily(value, { ...options, maxIssues: 4 }), name).toEqual(validate(value, { ...options, maxIssues: 4 }));
    }
  });

  it('tells the privacy issues of records that fail their shape as validate does, from nothing loaded', async () => {
    const pkg = smallPackage();
    pkg.observations[1] = { ...pkg.observations[1], disaggregation: { sex: 'Жіноча' }, numerator: 3, value: 1.2, notes: 'Засуджений Петренко Іван, 12.03.1987 р.н.' };
    pkg.organisations[2] = { ...pkg.organisations[2], countries: [], email: 'jane.doe@forum.example.org' };
    for (const locale of languages) {
      const lazily = await freshValidateAsync();
      const text = JSON.stringify(pkg, null, 2);
      const expected = validate(text, { now: NOW, locale });
      expect(expected.issues.map((issue) => issue.code)).toEqual(expect.arrayContaining(['privacy.personal-data', 'privacy.small-cell']));
      expect(await lazily(text, { now: NOW, locale })).toEqual(expected);
      expect(await lazily(pkg, { now: NOW, locale })).toEqual(validate(pkg, { now: NOW, locale }));
    }
  });

  it('loads only the recogniser of personal data for a valid package in English', async () => {
    const lazily = await freshValidateAsync();
    const onDemand = await import('../src/validate/on-demand.js');
    expect(() => onDemand.personalDataOnDemand('Met Mykola Petrenko')).toThrow(onDemand.NotLoaded);
    const { text } = examples.find(({ name }) => name === 'network-meeting-2020.phx.json')!;
    const result = await lazily(text);
    expect(result.ok).toBe(true);
    expect(onDemand.personalDataOnDemand('Met Mykola Petrenko')).toBe('name');
    expect(Object.keys(onDemand.loadedLocales)).toEqual([]);
    expect(() => onDemand.describeOnDemand('package', null, [])).toThrow(onDemand.NotLoaded);
    expect(() => onDemand.placesOnDemand.locatePaths('{}', [[]])).toThrow(onDemand.NotLoaded);
  });

  // Checked again from its start once a part is needed, a package text would be parsed and checked again: of 1 MiB or
  // more it is checked with the describer and the JSON places loaded first, as reading it again would cost more.
  it('parses a package text of 1 MiB or more once, loading the describer and the JSON places first', async () => {
    const pkg = smallPackage();
    const pep = (pkg.observations as Loose[]).find((observation) => observation.id === 'obs-pep-za-2020')!;
    const areas = ['Western Cape', 'Західна Капська', 'Cap-Occidental', 'Cabo Occidental'];
    pkg.observations.push(...Array.from({ length: 4000 }, (_, n) => ({ ...pep, id: `obs-pep-za-${n.toString(36)}-${'x'.repeat(n % 50)}`, scope: { country: 'ZA', subnationalArea: `${areas[n % 4]} ${n}` } })));
    const valid = JSON.stringify(pkg, null, 2);
    expect(valid.length).toBeGreaterThanOrEqual(1 << 20);
    // A record the generated checks refuse, which the describer describes, and an issue to place: an id given twice.
    pkg.observations.push({ ...pep, numerator: 'many' }, { ...pep, scope: { country: 'ZA', subnationalArea: 'Eastern Cape' } });
    const invalid = JSON.stringify(pkg, null, 2);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      for (const text of [valid, invalid]) {
        const lazily = await freshValidateAsync();
        parse.mockClear();
        const result = await lazily(text, { now: NOW });
        expect(parse.mock.calls.filter(([parsed]) => parsed === text)).toHaveLength(1);
        // Loaded though a valid package needs neither.
        const onDemand = await import('../src/validate/on-demand.js');
        expect(() => onDemand.describeOnDemand('package', null, [])).not.toThrow();
        expect(() => onDemand.placesOnDemand.locatePaths('{}', [[]])).not.toThrow();
        expect(result).toEqual(validate(text, { now: NOW }));
      }
      const invalidResult = validate(invalid, { now: NOW });
      expect(invalidResult.issues.map((issue) => issue.code)).toEqual(expect.arrayContaining(['schema.invalid-type', 'unique.duplicate-id']));
    } finally {
      parse.mockRestore();
    }
  });

  const records = fc.record(
    Object.fromEntries(recordTypeNames.map((type) => [recordTypes[type].collection, fc.array(fuzzed(recordTypes[type].schema, 20), { maxLength: 5 })])),
    { requiredKeys: [], noNullPrototype: true },
  );
  const header = fuzzed(z.strictObject(packageHeaderShape), 20);

  it('fuzzed packages, as objects and as JSON text, in every language, from nothing loaded', async () => {
    await fc.assert(
      fc.asyncProperty(header, records, fc.constantFrom(...languages), fc.boolean(), async (head, collections, locale, fresh) => {
        const lazily = fresh ? await freshValidateAsync() : validateAsync;
        const pkg = typeof head === 'object' && head !== null && !Array.isArray(head) ? { ...head, ...collections } : head;
        const options: ValidateOptions = { now: NOW, locale };
        expect(await lazily(pkg, options)).toEqual(validate(pkg, options));
        const text = JSON.stringify(pkg, null, 1) ?? 'null';
        expect(await lazily(text, options)).toEqual(validate(text, options));
      }),
      { numRuns: 100 },
    );
  });
});
