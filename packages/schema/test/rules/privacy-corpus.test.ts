import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../src/validate/sync.js';
import { countObservation, NOW } from './fixtures.js';

/** One labelled text of the corpus: the kind of personal data it holds, or undefined for a harmless one. */
interface Note {
  kind: string | undefined;
  text: string;
}

const languages = ['en', 'ru', 'uk', 'fr', 'es'] as const;
const MIN_RECALL = 0.95;
const MAX_FALSE_POSITIVES = 0.02;

function corpus(language: string): Note[] {
  const text = readFileSync(new URL(`../data/privacy/${language}.tsv`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [label, note] = line.split('\t');
      return { kind: label === '-' ? undefined : label, text: note! };
    });
}

/** The kind of personal data `validate()` finds in a note, if any. */
function detected(text: string): string | undefined {
  const { issues } = validateRecord('observation', countObservation({ notes: text }), { now: NOW });
  return issues.find((issue) => issue.code === 'privacy.personal-data')?.params.kind as string | undefined;
}

describe('the personal-data detectors on the labelled corpus', () => {
  const figures: Record<string, { personal: number; recall: string; harmless: number; falsePositives: string }> = {};

  it.each(languages)('%s: recall ≥ 95 %, false positives ≤ 2 %', (language) => {
    const notes = corpus(language);
    const personal = notes.filter((note) => note.kind !== undefined);
    const harmless = notes.filter((note) => note.kind === undefined);
    const missed = personal.filter((note) => detected(note.text) === undefined);
    const flagged = harmless.map((note) => [note.text, detected(note.text)]).filter(([, kind]) => kind !== undefined);
    const recall = 1 - missed.length / personal.length;
    const falsePositives = flagged.length / harmless.length;
    figures[language] = {
      personal: personal.length, recall: `${(recall * 100).toFixed(1)} %`, harmless: harmless.length, falsePositives: `${(falsePositives * 100).toFixed(1)} %`,
    };
    expect(personal.length + harmless.length).toBeGreaterThanOrEqual(120);
    expect(recall, `missed:\n${missed.map((note) => `  ${note.kind}: ${note.text}`).join('\n')}`).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(falsePositives, `flagged:\n${flagged.map(([text, kind]) => `  ${kind}: ${text}`).join('\n')}`).toBeLessThanOrEqual(MAX_FALSE_POSITIVES);
  });

  it('holds at least 300 personal and as many harmless notes across the five languages', () => {
    const notes = languages.flatMap(corpus);
    const personal = notes.filter((note) => note.kind !== undefined).length;
    expect(personal).toBeGreaterThanOrEqual(300);
    expect(notes.length - personal).toBeGreaterThanOrEqual(personal);
    console.table(figures);
  });
});
