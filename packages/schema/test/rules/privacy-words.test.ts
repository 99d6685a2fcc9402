import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { personalDataIn } from '../../src/validate/personal-data.js';

/** Every text of the labelled corpus, and the words they are made of. */
const texts = ['en', 'ru', 'uk', 'fr', 'es'].flatMap((language) =>
  readFileSync(new URL(`../data/privacy/${language}.tsv`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t')[1]!),
);
const words = [...new Set(texts.flatMap((text) => text.split(/\s+/)))].filter((word) => word !== '');

/** A word of the corpus as written, in capitals, in lower case, or capitalised: the same letters in other shapes. */
const word = fc.tuple(fc.constantFrom(...words), fc.constantFrom('as is', 'upper', 'lower', 'capital')).map(([text, how]) =>
  how === 'upper' ? text.toUpperCase() : how === 'lower' ? text.toLowerCase() : how === 'capital' ? text.charAt(0).toUpperCase() + text.slice(1) : text,
);
/** Texts of the corpus, and texts made of its words in another order and case. */
const text = fc.oneof(fc.constantFrom(...texts), fc.array(word, { minLength: 1, maxLength: 12 }).map((list) => list.join(' ')));

/** The verdict on a text of a fresh module, which has read nothing before. */
async function readFirst(value: string): Promise<string | undefined> {
  vi.resetModules();
  const fresh = await import('../../src/validate/personal-data.js');
  return fresh.personalDataIn(value);
}

describe('the personal-data rule', () => {
  // It remembers what it found out about the words it read: what it read before must not change a verdict.
  it('gives a text the verdict it gets when it is the first text read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), async (list) => {
        for (const value of list) expect(personalDataIn(value)).toBe(await readFirst(value));
      }),
      { numRuns: 80 },
    );
  });
});
