import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toNdjsonLines } from '../../src/formats/package-records.js';
import { validateCsv } from '../../src/index.js';
import { validateFile } from '../../src/file/validate-file-sync.js';
import { validate, validateRecord } from '../../src/validate/sync.js';
import { changed, codes, countObservation, expectOnly, NOW } from './fixtures.js';

const withNotes = (notes: string) => validateRecord('observation', countObservation({ notes }), { now: NOW });

describe('text.nul-character', () => {
  it('refuses U+0000 in a free text, naming where in the text it is, in five languages', () => {
    const issue = expectOnly(withNotes('Mobile clinic\u0000 visits'), 'text.nul-character', '/notes');
    expect(issue.params).toEqual({ position: 14 });
    expect(issue.message).toBe('The text holds the invisible character U+0000 (NUL) as its character 14: no PHX data may hold it, as databases and Excel cannot keep it. Delete it');
    const uk = validateRecord('observation', countObservation({ notes: '\u0000' }), { now: NOW, locale: 'uk' }).issues[0]!;
    expect(uk.message).toBe('У тексті є невидимий символ U+0000 (NUL) — 1-й символ тексту: у даних PHX його бути не може, його не зберігають ні бази даних, ні Excel. Видаліть його');
  });

  it('finds it wherever a text may stand: the header, language maps, lists, extensions and their keys', () => {
    const pkg = changed((p) => {
      p.description = { en: 'Data of 2020\u0000' };
      p.meetings[0].presentations[0].achievements = [{ en: 'Housed 40 people', ru: '\u0000Разместили 40 человек' }];
      p.organisations[1].extensions = { 'https://zprt.example.org/ext/contact': { duty: ['desk'], 'a\u0000b': 1 } };
    });
    const result = validate(pkg, { now: NOW });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.pointer, i.params])).toEqual([
      ['text.nul-character', '/description/en', { position: 13 }],
      ['text.nul-character', '/organisations/1/extensions/https:~1~1zprt.example.org~1ext~1contact/a\u0000b', { position: 2 }],
      ['text.nul-character', '/meetings/0/presentations/0/achievements/0/ru', { position: 1 }],
    ]);
  });

  it('still looks for personal data in the same text', () => {
    expect(codes(withNotes('call +260 97 123 4567\u0000'))).toEqual(['text.nul-character', 'privacy.personal-data']);
  });

  it('places it in a package text, an NDJSON line and a CSV cell', async () => {
    const pkg = changed((p) => (p.observations[0].notes = 'a\u0000b'));
    const text = JSON.stringify(pkg, null, 2);
    const [inText] = validate(text, { now: NOW }).issues;
    expect([inText!.code, inText!.pointer, inText!.location]).toEqual([
      'text.nul-character',
      '/observations/0/notes',
      { line: text.slice(0, text.indexOf('"notes"')).split('\n').length, column: expect.any(Number) },
    ]);
    const lines = [...toNdjsonLines(pkg)];
    const ndjson = await validateFile(new TextEncoder().encode(lines.join('\n')), { name: 'data.ndjson', now: NOW });
    const onLine = ndjson.issues.find((i) => i.code === 'text.nul-character')!;
    expect(onLine.location).toMatchObject({ line: lines.findIndex((line) => line.includes('\\u0000')) + 1 });
    const csv = 'id,indicator,reportingOrganisation,scope.country,scope.subnationalArea,period.start,period.end,numerator,value,unit,dataSource\n' +
      'obs-1,prisons-people-on-art,ZA-NPO-123-456,ZA,Western Cape\u0000,2020-01-01,2020-12-31,120,120,count,routine-programme-data\n';
    const [cell] = validateCsv(csv, { now: NOW }).issues.filter((i) => i.code === 'text.nul-character');
    expect([cell!.pointer, cell!.location]).toEqual(['/scope/subnationalArea', { row: 2, column: 5, text: { line: 2, column: 47 } }]);
  });

  it('is reported for exactly the texts that hold U+0000, at its first place (property)', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('\u0000', '\u0001', '\t', '\uffff', '\u2028', 'Ж', '\u{1F600}'));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
        const notes = pieces.join('');
        const { issues } = withNotes(notes);
        // A plain reference: the first U+0000 of a text of the right shape, counted in code points from 1, or none.
        const first = Array.from(notes).indexOf('\u0000');
        const shaped = !issues.some((i) => i.code.startsWith('schema.'));
        expect(issues.filter((i) => i.code === 'text.nul-character').map((i) => i.params)).toEqual(first === -1 || !shaped ? [] : [{ position: first + 1 }]);
      }),
      { numRuns: 300 },
    );
  });
});
