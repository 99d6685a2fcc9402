import { describe, expect, it } from 'vitest';
import { toNdjsonLines } from '../../src/formats/convert.js';
import { starterPlaceholders } from '../../src/validate/placeholders.js';
import { validateNdjson } from '../../src/validate/ndjson.js';
import { validate } from '../../src/validate/sync.js';
import type { ValidationIssue } from '../../src/validate/issue.js';
import { changed, expectClean, expectOnly, NOW, SECRETARIAT, smallPackage } from './fixtures.js';

/** The small package with the starter's placeholders where an author would have to replace them. */
function starter(): Record<string, unknown> {
  const p = JSON.parse(JSON.stringify(smallPackage()).replaceAll(SECRETARIAT, starterPlaceholders.organisationId));
  p.id = `${starterPlaceholders.packageIdPrefix}2020`;
  p.publisher.name = starterPlaceholders.organisationName;
  p.description = { en: starterPlaceholders.description, fr: 'Ce que contient ce paquet' };
  p.organisations[0].name = { en: starterPlaceholders.organisationName, ru: 'Секретариат' };
  return p;
}

const pointers = ['/id', '/publisher/id', '/publisher/name', '/description/en', '/organisations/0/id', '/organisations/0/name/en'];

describe('package.placeholder', () => {
  it('warns about each placeholder of the starter package left in the data, and the data stays valid', () => {
    const result = validate(starter(), { now: NOW });
    expect(result.issues.map((issue) => [issue.code, issue.pointer])).toEqual(pointers.map((pointer) => ['package.placeholder', pointer]));
    expect(result.ok).toBe(true);
    expect(result.issues[2]!.params).toEqual({ value: starterPlaceholders.organisationName });
    expect(result.issues[2]!.message).toBe('"Name of your organisation" is a placeholder of the starter package: replace it with your own');
  });

  it('warns about the header of an NDJSON file too', async () => {
    const issues: ValidationIssue[] = [];
    const text = [...toNdjsonLines(starter())].join('\n');
    for await (const issue of validateNdjson((async function* () { yield text; })(), { now: NOW })) issues.push(issue);
    expect(issues.map((issue) => issue.code)).toEqual(pointers.map(() => 'package.placeholder'));
  });

  it('is quiet once they are replaced, and about values that only look alike', () => {
    expectClean(validate(changed(() => undefined), { now: NOW }));
    const alike = changed((p) => {
      p.id = 'my-organisation';
      p.publisher.name = 'Name of your organisation (Zambia)';
    });
    expectClean(validate(alike, { now: NOW }));
    expectOnly(validate(changed((p) => (p.description = { en: starterPlaceholders.description })), { now: NOW }), 'package.placeholder', '/description/en');
  });
});
