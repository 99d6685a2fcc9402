import { describe, expect, it } from 'vitest';
import { toNdjsonLines } from '../../src/formats/package-records.js';
import { locales, type Locale } from '../../src/locales/index.js';
import { starterPlaceholders } from '../../src/validate/placeholders.js';
import { validateNdjson } from '../../src/validate/sync.js';
import { validate } from '../../src/validate/sync.js';
import type { ValidationIssue } from '../../src/validate/issue.js';
import { changed, expectClean, expectOnly, NOW, SECRETARIAT, smallPackage } from './fixtures.js';

const english = starterPlaceholders.texts.en;
const languages = Object.keys(locales) as Locale[];

/**
 * The small package with the starter's placeholders where an author would have to replace them: those of a
 * language, under the key `under` (its own, unless another is named).
 */
function starter(language: Locale = 'en', under: string = language): Record<string, unknown> {
  const texts = starterPlaceholders.texts[language];
  const other = under === 'fr' ? 'es' : 'fr';
  const p = JSON.parse(JSON.stringify(smallPackage()).replaceAll(SECRETARIAT, starterPlaceholders.organisationId));
  p.id = `${starterPlaceholders.packageIdPrefix}2020`;
  p.publisher.name = texts.organisationName;
  p.description = { [under]: texts.description, [other]: 'Ce que contient ce paquet' };
  p.organisations[0].name = { [under]: texts.organisationName, [other]: 'Secrétariat' };
  return p;
}

const pointersUnder = (key: string): string[] => ['/id', '/publisher/id', '/publisher/name', `/description/${key}`, '/organisations/0/id', `/organisations/0/name/${key}`];
const pointers = pointersUnder('en');

describe('package.placeholder', () => {
  it('warns about each placeholder of the starter package left in the data, and the data stays valid', () => {
    const result = validate(starter(), { now: NOW });
    expect(result.issues.map((issue) => [issue.code, issue.pointer])).toEqual(pointers.map((pointer) => ['package.placeholder', pointer]));
    expect(result.ok).toBe(true);
    expect(result.issues[2]!.params).toEqual({ value: english.organisationName });
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
    expectOnly(validate(changed((p) => (p.description = { en: english.description })), { now: NOW }), 'package.placeholder', '/description/en');
    const near = changed((p) => {
      p.publisher.name = 'Назва вашої організації (Україна)';
      p.description = { ru: 'Что содержит этот пакет' };
    });
    expectClean(validate(near, { now: NOW }));
  });

  it('knows the placeholders of every language of the messages, each its own', () => {
    expect(Object.keys(starterPlaceholders.texts)).toEqual(languages);
    const all = languages.flatMap((language) => Object.values(starterPlaceholders.texts[language]));
    expect(new Set(all).size).toBe(languages.length * 2);
    expect(starterPlaceholders.texts.uk).toEqual({ organisationName: 'Назва вашої організації', description: expect.stringMatching(/^Що містить цей пакет: /) });
    expect(starterPlaceholders.texts.ru).toEqual({ organisationName: 'Название вашей организации', description: expect.stringMatching(/^Что содержит этот пакет: /) });
  });

  it.each(languages)('warns about the placeholders written in %s, with the message in any language', (language) => {
    const result = validate(starter(language), { now: NOW, locale: language === 'en' ? 'uk' : language });
    expect(result.issues.map((issue) => [issue.code, issue.pointer])).toEqual(pointersUnder(language).map((pointer) => ['package.placeholder', pointer]));
    expect(result.ok).toBe(true);
    expect(result.issues[2]!.params).toEqual({ value: starterPlaceholders.texts[language].organisationName });
    expect(result.issues[2]!.message).toContain(starterPlaceholders.texts[language].organisationName);
  });

  it('warns about a placeholder of one language under the key of another', () => {
    for (const [language, under] of [['uk', 'ru'], ['ru', 'uk'], ['es', 'en'], ['en', 'fr']] as const) {
      const result = validate(starter(language, under), { now: NOW });
      expect(result.issues.map((issue) => issue.pointer), `${language} under ${under}`).toEqual(pointersUnder(under));
    }
  });
});
