/**
 * `maxIssues` lists at most that many issues, but never hides an error behind warnings and notes, nor a warning
 * behind notes: once the list is full, an error or a warning found takes the place of the last note listed, an
 * error that of the last warning when no note is, the kept issues staying in the order they were found, and the
 * counts covering every issue found. Every validator lists issues through one collector;
 * these tests go through each way in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  toNdjsonLines, validate, validateAsync, validateCsv, validateFile, validateFileAsync, validateNdjson, validateNdjsonAsync, validateXlsx, writeCsv, writeXlsx,
  type Severity, type ValidateNdjsonOptions, type ValidationIssue, type ValidationResult,
} from '../src/index.js';
import { checkLines } from '../src/validate/line-tape.js';
import { validateInPieces } from '../src/validate/ndjson-pieces.js';
import { IssueCollector, issuesListed, noRecords } from '../src/validate/validate.js';
import { locales } from '../src/locales/index.js';
import { changed, NOW, type Loose } from './rules/fixtures.js';

/** Four observations whose notes hold a phone number (a warning each), then one whose unit is wrong (an error). */
function warningsThenAnError(): Loose {
  return changed((p) => {
    p.observations.forEach((observation: Loose, i: number) => {
      if (i < 4) observation.notes = `call +27 21 555 019${i}`;
      else observation.unit = 'percentage';
    });
  });
}

const severitiesOf = (issues: readonly ValidationIssue[]) => issues.map((issue) => issue.severity);

/** What every way in must say of {@link warningsThenAnError} with `maxIssues: 2`: the first warning, then the error. */
function expectErrorListed(result: ValidationResult<unknown>): void {
  expect(severitiesOf(result.issues)).toEqual(['warning', 'error']);
  expect(result.issues.map((issue) => issue.code)).toEqual(['privacy.personal-data', expect.stringMatching(/./)]);
  expect(result.issues[0]!.pointer).toMatch(/^(\/observations\/0)?\/notes$/);
  expect(result).toMatchObject({ ok: false, errors: 1, warnings: 4, truncated: true });
}

const options = { now: NOW, maxIssues: 2 };
const encoder = new TextEncoder();

async function* chunksOf(text: string): AsyncGenerator<string> {
  yield text;
}

/** Every issue a stream yields, and its result. */
async function drain(validation: AsyncGenerator<ValidationIssue, ValidationResult<unknown>>): Promise<{ yielded: ValidationIssue[]; result: ValidationResult<unknown> }> {
  const yielded: ValidationIssue[] = [];
  for (;;) {
    const step = await validation.next();
    if (step.done) return { yielded, result: step.value };
    yielded.push(step.value);
  }
}

describe('maxIssues lists an error found once warnings fill the list', () => {
  const pkg = warningsThenAnError();
  const json = JSON.stringify(pkg, null, 2);
  const ndjson = [...toNdjsonLines(pkg)].join('\n');

  it('in a package validated in memory, as an object and as text', async () => {
    expectErrorListed(validate(pkg, options));
    expectErrorListed(validate(json, options));
    expectErrorListed(await validateAsync(json, options));
    // The error is placed in the text as any issue listed is.
    expect(validate(json, options).issues[1]!.location).toEqual(validate(json, { now: NOW }).issues[4]!.location);
  });

  it('in a .phx.json file read piece by piece and read whole', async () => {
    for (const check of [validateFile, validateFileAsync]) {
      expectErrorListed(await check(encoder.encode(json), { ...options, name: 'a.phx.json' }));
      expectErrorListed(await check(encoder.encode(json), { ...options, name: 'a.phx.json', keepData: true }));
    }
  });

  it('in an NDJSON stream, yielding the error too', async () => {
    for (const check of [validateNdjson, validateNdjsonAsync]) {
      const { yielded, result } = await drain(check(chunksOf(ndjson), options));
      expectErrorListed(result);
      // The two warnings were yielded before the error took the second one's place.
      expect(severitiesOf(yielded)).toEqual(['warning', 'warning', 'error']);
      expect(yielded.at(-1)).toBe(result.issues[1]);
    }
    const given: ValidationIssue[] = [];
    expectErrorListed(await validateFile(encoder.encode(ndjson), { ...options, name: 'a.phx.ndjson', onIssue: (issue) => given.push(issue) }));
    expect(severitiesOf(given)).toEqual(['warning', 'warning', 'error']);
  });

  it('in an NDJSON stream whose lines are checked in pieces elsewhere', async () => {
    const pieces = { fromBytes: 0, pieceBytes: 256, inFlight: 3, start(settings: Parameters<typeof checkLines>[0]) {
        const check = checkLines(structuredClone(settings));
        return { check: async (bytes: Uint8Array, spare?: Parameters<ReturnType<typeof checkLines>>[1]) => ({ tape: await check(bytes, spare), bytes }), close: async () => undefined };
      },
    };
    const here = await drain(validateNdjson(chunksOf(ndjson), options));
    const elsewhere = await drain(validateInPieces(chunksOf(ndjson), options as ValidateNdjsonOptions, pieces));
    expectErrorListed(elsewhere.result);
    expect(elsewhere).toEqual(here);
  });

  it('in a CSV file and in a workbook', async () => {
    expectErrorListed(validateCsv(writeCsv('observation', pkg.observations as Record<string, unknown>[]), options));
    expectErrorListed(await validateXlsx(await writeXlsx(pkg), options));
  });
});

describe('maxIssues lists a warning found once notes fill the list', () => {
  it('in a CSV file whose cells were read in another form', () => {
    const pkg = changed((p) => {
      p.observations[3].notes = 'call +27 21 555 0190';
    });
    // The first period's start as Excel's serial number of 2019-01-01: a note says how the column was read.
    const text = writeCsv('observation', pkg.observations as Record<string, unknown>[]).replace(/(\n[^\n]*?)2019-01-01/, '$143466');
    expect(validateCsv(text, { now: NOW }).issues.map((issue) => issue.code)).toEqual(['sheet.normalised', 'privacy.personal-data']);
    const result = validateCsv(text, { now: NOW, maxIssues: 1 });
    expect(result.issues.map((issue) => issue.code)).toEqual(['privacy.personal-data']);
    expect(result).toMatchObject({ ok: true, warnings: 1, truncated: true });
  });
});

/** An issue of a severity, the `index`th found. */
function issueOf(severity: Severity, index: number): ValidationIssue {
  return { code: 'file.empty', severity, path: [index], pointer: `/${index}`, message: '', params: { blank: false } } as ValidationIssue;
}

/**
 * What `maxIssues: max` lists of issues of these severities found in this order, said plainly: the first `max`;
 * then each error or warning found later drops the latest note listed, an error the latest warning when no note is,
 * and joins the end. The indexes of the issues listed, in the order found.
 */
function reference(severities: readonly Severity[], max: number): number[] {
  const listed: number[] = [];
  const last = (severity: Severity): number => listed.findLastIndex((at) => severities[at] === severity);
  severities.forEach((severity, i) => {
    if (listed.length < max) return void listed.push(i);
    if (severity === 'info') return;
    const lower = last('info') !== -1 || severity === 'warning' ? last('info') : last('warning');
    if (lower === -1) return;
    listed.splice(lower, 1);
    listed.push(i);
  });
  return listed;
}

describe('the issues maxIssues lists', () => {
  const severity = fc.constantFrom<Severity>('error', 'warning', 'info');

  it('are the first N, errors and warnings found later taking the places of the latest notes, errors those of the latest warnings', () => {
    fc.assert(
      fc.property(fc.array(severity, { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), fc.array(fc.boolean(), { maxLength: 60 }), (found, max, asks) => {
        const collector = new IssueCollector({ maxIssues: max }, locales);
        const given: ValidationIssue[] = [];
        found.forEach((severity, i) => {
          collector.keep(issueOf(severity, i));
          if (asks[i]) given.push(...collector.fresh());
        });
        given.push(...collector.fresh());
        const listed = collector.issues.map((issue) => issue.path[0]);
        expect(listed).toEqual(reference(found, max));
        // An error found is always listed, when anything can be, and a warning unless errors fill the list.
        if (max > 0 && found.includes('error')) expect(collector.issues.some((issue) => issue.severity === 'error')).toBe(true);
        if (found.includes('warning') && found.filter((s) => s === 'error').length < max) expect(collector.issues.some((issue) => issue.severity === 'warning')).toBe(true);
        // A note is listed only while nothing more severe was left out for it.
        const left = found.filter((s, i) => s !== 'info' && !listed.includes(i));
        if (left.length > 0) expect(collector.issues.some((issue) => issue.severity === 'info')).toBe(false);
        // The counts cover every issue found, and the result says when the list leaves some out.
        const result = collector.result({ records: noRecords(), complete: true });
        expect([result.errors, result.warnings]).toEqual([found.filter((s) => s === 'error').length, found.filter((s) => s === 'warning').length]);
        expect(result.truncated).toBe(listed.length < found.length);
        // Issues are given once each, in the order found, every one listed among them.
        const givenAt = given.map((issue) => issue.path[0] as number);
        expect(givenAt).toEqual([...new Set(givenAt)].sort((a, b) => a - b));
        expect(givenAt).toEqual(expect.arrayContaining(listed));
      }),
      { numRuns: 1000 },
    );
  });

  it('of issues gathered from several validations are listed by issuesListed() as a validator lists its own: the first N by severity, in the order found', () => {
    const rank = { error: 0, warning: 1, info: 2 } as const;
    fc.assert(
      fc.property(fc.array(severity, { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (found, max) => {
        const issues = found.map((severity, i) => issueOf(severity, i));
        const listed = issuesListed(issues, max).map((issue) => issue.path[0]);
        expect(listed).toEqual(reference(found, max));
        const firstBySeverity = found.map((severity, i) => ({ severity, i })).sort((a, b) => rank[a.severity] - rank[b.severity] || a.i - b.i).slice(0, max).map(({ i }) => i);
        expect(listed).toEqual(firstBySeverity.sort((a, b) => a - b));
        expect(issuesListed(issues)).toEqual(issues);
      }),
      { numRuns: 500 },
    );
  });

  it('are the issues of a stream that a full list of warnings stops once it lists an error', () => {
    const collector = new IssueCollector({ maxIssues: 3 }, locales);
    ['warning', 'info', 'warning'].forEach((severity, i) => collector.keep(issueOf(severity as Severity, i)));
    expect(collector.settled).toBe(false);
    collector.keep(issueOf('error', 3));
    expect(collector.settled).toBe(true);
    // The error takes the note's place.
    expect(severitiesOf(collector.issues)).toEqual(['warning', 'warning', 'error']);
  });
});
