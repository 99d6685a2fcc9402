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
import { labelOf } from '../src/codelists/index.js';
import type { Locale } from '../src/locales/index.js';
import { packageHeaderShape } from '../src/model/package.js';
import { recordTypeNames, recordTypes } from '../src/model/records.js';
import { validate } from '../src/validate/sync.js';
import { validateAsync, type ValidateOptions } from '../src/validate/validate.js';
import { NOW, smallPackage } from './rules/small-package.js';
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

  it('suggests the code whose label was written in place of an open list’s code, as validate does', async () => {
    const lazily = await freshValidateAsync();
    const { text } = examples.find(({ name }) => name === 'network-meeting-2020.phx.json')!;
    const pkg = JSON.parse(text) as { organisations: Record<string, unknown>[]; indicators: Record<string, unknown>[]; meetings: { issuesIdentified: { theme: string }[] }[] };
    // Labels that are no code at all (an error of the describer), and labels in small letters that could be codes
    // but are not (a warning of the rules), in five languages.
    Object.assign(pkg.organisations[0]!, { populations: ['Жінки в місцях позбавлення волі'], focusAreas: ['  advocacy'], regions: ['Europe occidentale et centrale'] });
    Object.assign(pkg.organisations[1]!, { focusAreas: ['plaidoyer', 'recherche', 'stigma'] });
    pkg.meetings[0]!.issuesIdentified[0]!.theme = labelOf('meetingIssue', 'lack-of-data', 'es');
    pkg.indicators[0]!.framework = labelOf('framework', 'unaids-gam', 'ru');
    const changed = ['organisations.0', 'organisations.1', 'meetings.0.issuesIdentified', 'indicators.0.framework'];
    for (const locale of languages) {
      const options: ValidateOptions = { now: NOW, locale };
      const result = await lazily(JSON.stringify(pkg), options);
      expect(result).toEqual(validate(JSON.stringify(pkg), options));
      const named = result.issues.filter((issue) => changed.some((path) => issue.path.join('.').startsWith(path)));
      expect(named.map((issue) => [issue.code, issue.path.join('.'), (issue.params as { suggestions?: string[] }).suggestions])).toEqual([
        ['schema.invalid-format', 'organisations.0.regions.0', ['western-central-europe']],
        ['schema.invalid-format', 'organisations.0.focusAreas.0', ['advocacy']],
        ['schema.invalid-format', 'organisations.0.populations.0', ['women-in-prison']],
        ['codelist.unknown-code', 'organisations.1.focusAreas.0', ['advocacy']],
        ['codelist.unknown-code', 'organisations.1.focusAreas.1', ['research']],
        ['codelist.unknown-code', 'organisations.1.focusAreas.2', ['stigma-reduction']],
        ['schema.invalid-format', 'indicators.0.framework', ['unaids-gam']],
        ['schema.invalid-format', 'meetings.0.issuesIdentified.0.theme', ['lack-of-data']],
      ]);
      expect(named[2]!.message).toContain('women-in-prison');
      expect(named[3]!.message).toContain('advocacy');
    }
  });

  it('gives a stream’s issue of a label in place of an open list’s code with its code suggested as the issue is given', async () => {
    const { validateNdjsonAsync } = await import('../src/validate/ndjson.js');
    const { validateFile, validateFileAsync } = await import('../src/file/validate-file.js');
    const organisation = (id: string, populations: string[]) =>
      JSON.stringify({ type: 'organisation', id, name: { en: 'A network' }, organisationType: 'ngo', countries: ['UA'], populations });
    const text = `${organisation('UA-ORG-1', ['Жінки в місцях позбавлення волі'])}\n${organisation('UA-ORG-2', ['femmes'])}\n${organisation('UA-ORG-3', ['Femmes détenues'])}\n`;
    const bytes = new TextEncoder().encode(text);
    const given: [string, string][] = [];
    const stream = validateNdjsonAsync((async function* () {
      yield text;
    })(), { now: NOW, locale: 'uk' });
    for await (const issue of stream) given.push([issue.path.join('.'), issue.message]);
    expect(given.filter(([path]) => path.startsWith('populations'))).toEqual([
      ['populations.0', expect.stringContaining('women-in-prison')],
      ['populations.0', expect.not.stringContaining('women-in-prison')],
      ['populations.0', expect.stringContaining('women-in-prison')],
    ]);
    const options = { name: 'members.phx.ndjson', now: NOW, locale: 'fr' as const };
    expect(await validateFileAsync(bytes, options)).toEqual(await validateFile(bytes, options));
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
