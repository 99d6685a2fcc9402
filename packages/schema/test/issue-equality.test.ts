/**
 * The generated shape checks change how fast data is checked, never what is said about it: with them and
 * without them (zod checking every value, the rules walking zod's output), every validator gives the same
 * issues — code, path, params, message, location, in the same order — on every example file and on fuzzed
 * packages and streams.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { validateCsv } from '../src/formats/csv.js';
import { packageHeaderShape } from '../src/model/package.js';
import { recordTypeNames, recordTypes } from '../src/model/records.js';
import type { ValidationIssue } from '../src/validate/issue.js';
import { type ValidateNdjsonOptions } from '../src/validate/ndjson.js';
import { validateNdjson } from '../src/validate/sync.js';
import { useGeneratedChecks } from '../src/validate/shape.js';
import { validate } from '../src/validate/sync.js';
import type { ValidateOptions } from '../src/validate/validate.js';
import { NOW, smallPackage } from './rules/small-package.js';
import { fuzzed } from './support/fuzz.js';

afterEach(() => useGeneratedChecks(true));

/** What a run says, with zod alone and with the generated checks first. */
async function bothWays<T>(run: () => T | Promise<T>): Promise<{ zodAlone: T; generated: T }> {
  useGeneratedChecks(false);
  const zodAlone = await run();
  useGeneratedChecks(true);
  return { zodAlone, generated: await run() };
}

async function ndjson(text: string, options: ValidateNdjsonOptions): Promise<{ issues: ValidationIssue[]; summary: unknown }> {
  const issues: ValidationIssue[] = [];
  const run = validateNdjson((async function* () {
    // Chunks that split lines: the reader must not care.
    for (let i = 0; i < text.length; i += 97) yield text.slice(i, i + 97);
  })(), options);
  for (;;) {
    const step = await run.next();
    if (step.done) return { issues, summary: step.value };
    issues.push(step.value);
  }
}

/** Options that change what is reported and how: the language, a limit, a small depth (the text walk reports it). */
/** A package's records as NDJSON lines, each with its type, in the order of the package's keys. */
function ndjsonOf(pkg: object): string {
  return Object.entries(pkg)
    .flatMap(([collection, records]) => {
      const type = recordTypeNames.find((name) => recordTypes[name].collection === collection);
      return type && Array.isArray(records) ? records.map((record) => JSON.stringify({ type, ...(record as object) })) : [];
    })
    .join('\n');
}

const optionSets: ValidateOptions[] = [
  { now: NOW },
  { now: NOW, locale: 'ru', maxIssues: 3 },
  { now: NOW, maxDepth: 2 },
  { now: NOW, maxDepth: 1, locale: 'fr' },
];

const dataDir = new URL('../../../examples/data/', import.meta.url);
const files = [
  ...readdirSync(dataDir).filter((name) => name.includes('.phx.')).map((name) => new URL(name, dataDir)),
  ...readdirSync(new URL('invalid/', dataDir)).filter((name) => name.includes('.phx.')).map((name) => new URL(`invalid/${name}`, dataDir)),
];

describe('every example file', () => {
  it.each(files.map((url) => [url.pathname.split('/examples/data/')[1], url] as const))('%s', async (_, url) => {
    const text = readFileSync(url, 'utf8');
    for (const options of optionSets) {
      if (url.pathname.endsWith('.ndjson')) {
        const { zodAlone, generated } = await bothWays(() => ndjson(text, options));
        expect(generated).toEqual(zodAlone);
        continue;
      }
      const asText = await bothWays(() => validate(text, options));
      expect(asText.generated).toEqual(asText.zodAlone);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        continue;
      }
      const asObject = await bothWays(() => validate(value, options));
      expect(asObject.generated).toEqual(asObject.zodAlone);
    }
  });

  it('spreadsheet/observations.csv', async () => {
    const bytes = readFileSync(new URL('spreadsheet/observations.csv', dataDir));
    const { zodAlone, generated } = await bothWays(() => validateCsv(bytes, { now: NOW }));
    expect(generated).toEqual(zodAlone);
  });
});

const records = fc.record(
  Object.fromEntries(recordTypeNames.map((type) => [recordTypes[type].collection, fc.array(fuzzed(recordTypes[type].schema, 20), { maxLength: 5 })])),
  { requiredKeys: [], noNullPrototype: true },
);
const header = fuzzed(z.strictObject(packageHeaderShape), 20);
const options = fc.constantFrom(...optionSets);

describe('fuzzed data', () => {
  it('packages, as objects and as JSON text', async () => {
    await fc.assert(
      fc.asyncProperty(header, records, options, async (head, collections, settings) => {
        const pkg = typeof head === 'object' && head !== null && !Array.isArray(head) ? { ...head, ...collections } : head;
        const asObject = await bothWays(() => validate(pkg, settings));
        expect(asObject.generated).toEqual(asObject.zodAlone);
        const text = JSON.stringify(pkg, null, 1) ?? 'null';
        const asText = await bothWays(() => validate(text, settings));
        expect(asText.generated).toEqual(asText.zodAlone);
      }),
      { numRuns: 120 },
    );
  });

  it('NDJSON streams', async () => {
    const line = fc.oneof(
      ...recordTypeNames.map((type) => fuzzed(recordTypes[type].schema, 20).map((record) => ({ type, record }))),
      header.map((record) => ({ type: 'package', record })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), options, async (lines, settings) => {
        const text = lines
          .map(({ type, record }) => JSON.stringify(typeof record === 'object' && record !== null && !Array.isArray(record) ? { type, ...record } : record) ?? '')
          .join('\n');
        const { zodAlone, generated } = await bothWays(() => ndjson(text, settings));
        expect(generated).toEqual(zodAlone);
      }),
      { numRuns: 120 },
    );
  });
});

describe('free text with personal data at every level of a known shape', () => {
  /** The example package with a name in every free text of its records, nested values in `extensions` among them. */
  function withNames(value: unknown, key = ''): unknown {
    if (typeof value === 'string') return /^(?:name|title|description|notes|methodNote|subnationalArea|city|roles|topic|text)$/.test(key) || key === '' ? `${value}, Mrs Tembo` : value;
    if (Array.isArray(value)) return value.map((item) => withNames(item, key));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withNames(v, k);
    return out;
  }

  it('gives the same issues with the generated checks as with zod alone', async () => {
    const pkg = withNames(JSON.parse(readFileSync(new URL('network-meeting-2020.phx.json', dataDir), 'utf8'))) as Record<string, unknown[]>;
    for (const records of Object.values(pkg)) {
      if (!Array.isArray(records)) continue;
      records.forEach((record, i) => {
        if (i % 2 === 0) Object.assign(record as object, { extensions: { 'https://phx.example.org/ext': { note: 'Mr Banda', deeper: [{ text: 'Mrs Tembo' }] } } });
      });
    }
    const issues = (await bothWays(() => validate(pkg, { now: NOW }))).generated.issues;
    expect(issues.filter((issue) => issue.code === 'privacy.personal-data').length).toBeGreaterThan(5);
    for (const settings of [...optionSets, { now: NOW, maxDepth: 3 }, { now: NOW, maxDepth: 4 }]) {
      const asObject = await bothWays(() => validate(pkg, settings));
      expect(asObject.generated).toEqual(asObject.zodAlone);
      const { zodAlone, generated } = await bothWays(() => ndjson(ndjsonOf(pkg), settings));
      expect(generated).toEqual(zodAlone);
    }
  });
});

describe('records that fail their shape, with personal data and small counts', () => {
  it('give the same issues, the privacy ones among them, with the generated checks as with zod alone', async () => {
    const pkg = smallPackage();
    pkg.observations[1] = { ...pkg.observations[1], disaggregation: { sex: 'Жіноча' }, numerator: 3, value: 1.2, notes: 'Засуджений Петренко Іван, 12.03.1987 р.н.' };
    pkg.observations.push({ ...pkg.observations[4], id: 'obs-halfway', indicator: 'halfway-house-places', numerator: 2, value: '2', notes: { en: 'Mrs Tembo' } });
    pkg.organisations[2] = { ...pkg.organisations[2], countries: [], email: 'jane.doe@forum.example.org' };
    pkg.meetings[0] = { ...pkg.meetings[0], format: 'by phone', title: { en: 'Meeting with Mr Banda' } };
    const privacy = (await bothWays(() => validate(pkg, { now: NOW }))).generated.issues.filter((issue) => issue.code.startsWith('privacy.'));
    expect(privacy.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['privacy.personal-data', '/organisations/2/email'],
      ['privacy.personal-data', '/observations/1/notes'],
      ['privacy.small-cell', '/observations/1/numerator'],
      ['privacy.personal-data', '/observations/5/notes/en'],
      ['privacy.small-cell', '/observations/5/numerator'],
      ['privacy.personal-data', '/meetings/0/title/en'],
    ]);
    for (const settings of optionSets) {
      const asObject = await bothWays(() => validate(pkg, settings));
      expect(asObject.generated).toEqual(asObject.zodAlone);
      const asText = await bothWays(() => validate(JSON.stringify(pkg, null, 2), settings));
      expect(asText.generated).toEqual(asText.zodAlone);
      const { zodAlone, generated } = await bothWays(() => ndjson(ndjsonOf(pkg), settings));
      expect(generated).toEqual(zodAlone);
    }
  });
});
