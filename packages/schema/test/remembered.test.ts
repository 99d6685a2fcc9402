import { getHeapSnapshot } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../src/file/validate-file-sync.js';
import { validateCsv, writeCsv } from '../src/formats/csv.js';
import { validateNdjson } from '../src/validate/sync.js';
import { forgetTexts } from '../src/validate/remembered.js';
import { RememberingPattern } from '../src/validate/shape-support.js';
import { validate, validateRecord } from '../src/validate/sync.js';
import { countObservation, NOW, smallPackage, type Loose } from './rules/fixtures.js';

/** A pattern that counts how often it is matched. */
function countingPattern(): { pattern: RememberingPattern; matched: () => number } {
  let matched = 0;
  const regex = /^[a-z]+$/;
  const test = regex.test.bind(regex);
  regex.test = (text: string) => {
    matched++;
    return test(text);
  };
  return { pattern: new RememberingPattern(regex), matched: () => matched };
}

/**
 * Letters of a surname made up for this run, as character codes: the test holds no string of it until it
 * looks, so that a string of it in the heap is one the validation kept.
 */
function madeUpSurname(): number[] {
  const letters = Array.from({ length: 11 }, () => 97 + Math.floor(Math.random() * 26));
  return [81, 120, ...letters];
}

/** Whether the heap holds a string with these character codes (a full garbage collection runs first). */
async function heapHolds(codes: readonly number[]): Promise<boolean> {
  const chunks: Buffer[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).includes(Buffer.from(codes));
}

/** Validates a package whose observation id and notes name the surname, in the way `how` says: the codes of its issues. */
async function validateNaming(surname: readonly number[], how: 'package' | 'ndjson' | 'csv' | 'record'): Promise<string[]> {
  const observation = observationNaming(surname);
  if (how === 'record') return validateRecord('observation', observation, { now: NOW }).issues.map((issue) => issue.code);
  // As Excel writes it in a Ukrainian locale: `;` between cells, decimal commas.
  if (how === 'csv') return validateCsv(writeCsv('observation', [observation], { excelLocale: 'uk' }), { now: NOW }).issues.map((issue) => issue.code);
  if (how === 'package') return validate(packageNaming(surname), { now: NOW }).issues.map((issue) => issue.code);
  const codes: string[] = [];
  const text = ndjsonNaming(surname);
  for await (const issue of validateNdjson((async function* () { yield text; })(), { now: NOW })) codes.push(issue.code);
  return codes;
}

/** An observation whose id and notes name the surname. */
function observationNaming(surname: readonly number[]): Loose {
  const name = String.fromCharCode(...surname);
  const notes = `Visits by ${name} were weekly; ${name} (born 14.03.1987) asked for testing.`;
  return countObservation({ id: `obs-${name}`, notes });
}

/** A package with an observation naming the surname, and after it `more` observations that do not. */
function packageNaming(surname: readonly number[], more = 0): string {
  const pkg = smallPackage();
  pkg.observations.push(observationNaming(surname));
  for (let i = 0; i < more; i++) pkg.observations.push(countObservation({ id: `obs-more-${i}` }));
  return JSON.stringify(pkg, null, 2);
}

/** The records of {@link packageNaming} as NDJSON, the package's header first. */
function ndjsonNaming(surname: readonly number[], more = 0): string {
  const { organisations, facilities, indicators, observations, meetings, ...header } = JSON.parse(packageNaming(surname, more));
  const lines = [JSON.stringify({ type: 'package', ...header })];
  const collections = { organisation: organisations, facility: facilities, indicator: indicators, observation: observations, meeting: meetings };
  for (const [type, records] of Object.entries(collections)) for (const record of records as Loose[]) lines.push(JSON.stringify({ type, ...record }));
  return `${lines.join('\n')}\n`;
}

/** A stream of the text's first `bytes` bytes, cut at a line's end, that then fails as a lost connection does. */
async function* failingAfter(text: string, bytes: number): AsyncGenerator<Uint8Array> {
  const encoded = new TextEncoder().encode(text);
  yield encoded.subarray(0, bytes < encoded.length ? encoded.indexOf(10, bytes) + 1 : encoded.length);
  throw new Error('connection reset');
}

/**
 * Validations that give no result, each of data naming the surname: it says, by its expectations, that the name was
 * read before the validation ended.
 */
const unfinished: Record<string, (surname: readonly number[]) => Promise<void>> = {
  async 'an NDJSON stream whose reader stops at the first issue'(surname) {
    const text = ndjsonNaming(surname, 3);
    let stopped = false;
    for await (const issue of validateNdjson((async function* () { yield text; })(), { now: NOW })) {
      stopped = issue.code === 'privacy.personal-data';
      if (stopped) break;
    }
    expect(stopped).toBe(true);
  },
  async 'an NDJSON stream that fails'(surname) {
    const codes: string[] = [];
    const reading = (async () => {
      for await (const issue of validateNdjson(failingAfter(ndjsonNaming(surname, 3), Number.MAX_SAFE_INTEGER), { now: NOW })) codes.push(issue.code);
    })();
    await expect(reading).rejects.toThrow('connection reset');
    expect(codes).toContain('privacy.personal-data');
  },
  // A `.phx.json` file read piece by piece checks its records as it reads them, and gives their issues at its end,
  // in the order of a file read whole: the observation naming someone is read well before the stream fails.
  async 'a .phx.json file read piece by piece whose stream fails'(surname) {
    const text = packageNaming(surname, 600);
    expect(text.length).toBeGreaterThan(150_000);
    const options = { name: 'data.phx.json', now: NOW, reopen: () => failingAfter(text, 100_000) };
    await expect(validateFile(failingAfter(text, 100_000), options)).rejects.toThrow('connection reset');
  },
};

/** Validates an observation whose data source is the surname, which is no data source: the codes of its issues. */
function validateMistaken(surname: readonly number[]): string[] {
  const observation = countObservation({ dataSource: String.fromCharCode(...surname) });
  return validateRecord('observation', observation, { now: NOW }).issues.map((issue) => issue.code);
}

describe('what the checks remember of the texts they read', () => {
  it('a remembering pattern matches a text again once texts are forgotten', () => {
    const { pattern, matched } = countingPattern();
    expect([pattern.test('ward'), pattern.test('ward'), matched()]).toEqual([true, true, 1]);
    forgetTexts();
    expect([pattern.test('ward'), matched()]).toEqual([true, 2]);
    expect([pattern.test('Ward'), pattern.test('Ward'), matched()]).toEqual([false, false, 4]);
  });

  it('is forgotten when a validation gives its result', () => {
    const { pattern, matched } = countingPattern();
    pattern.test('ward');
    validateRecord('observation', countObservation(), { now: NOW });
    pattern.test('ward');
    expect(matched()).toBe(2);
  });

  // The notes name someone (the personal-data rule reads their words) and the id holds the name (the id pattern
  // accepts it): once the result is given, no string of the name is left in the process.
  // A heap snapshot takes a second or two on a loaded machine.
  it.each(['package', 'ndjson', 'csv', 'record'] as const)(
    'leaves no text of a %s in the heap once validated',
    async (how) => {
      const surname = madeUpSurname();
      expect(await validateNaming(surname, how)).toContain('privacy.personal-data');
      expect(await heapHolds(surname)).toBe(false);
    },
    30_000,
  );

  // A validation that gives no result forgets as well: one whose reader stops at an issue, or whose stream fails.
  it.each(Object.entries(unfinished))(
    'leaves no text in the heap of %s',
    async (_, validateUnfinished) => {
      const surname = madeUpSurname();
      await validateUnfinished(surname);
      expect(await heapHolds(surname)).toBe(false);
    },
    30_000,
  );

  // The suggestions for a value not known (the nearest listed value) are remembered for the next record that
  // makes the same mistake. (A field of an unknown name cannot be tried so: the engine keeps every property name
  // it met in the shapes of objects.)
  it(
    'leaves no unknown value of a record in the heap once validated',
    async () => {
      const surname = madeUpSurname();
      expect(validateMistaken(surname)).toEqual(['schema.invalid-value']);
      expect(await heapHolds(surname)).toBe(false);
    },
    30_000,
  );
});
