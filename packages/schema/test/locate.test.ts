import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/validate/locate.js';

/** The line and column of each offset of a text (and of its end) as a plain reading gives them: lines split at CRLF, LF or CR. */
function placesOf(text: string): { line: number; column: number }[] {
  const places: { line: number; column: number }[] = [];
  let line = 1;
  let column = 1;
  for (let i = 0; i <= text.length; i++) {
    places.push({ line, column });
    const char = text[i];
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
      line++;
      column = 1;
    } else column++;
  }
  return places;
}

const piece = fc.constantFrom('a', '{"id":"Київ"}', ' ', '😀', '\n', '\r', '\r\n', '\n\r', '\r\r\n');

describe('LineIndex', () => {
  it('places every offset as a plain reading of the text does, whatever ends its lines', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        const text = pieces.join('');
        const lines = new LineIndex(text);
        expect(placesOf(text).map((_, offset) => lines.locate(offset))).toEqual(placesOf(text));
      }),
      { numRuns: 300 },
    );
  });

  it('places offsets past its first thousands of lines, in any order', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 3000, maxLength: 6000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (pieces, picks) => {
        const text = pieces.join('');
        const expected = placesOf(text);
        const lines = new LineIndex(text);
        for (const pick of picks) expect(lines.locate(pick % expected.length)).toEqual(expected[pick % expected.length]);
      }),
      { numRuns: 30 },
    );
  });
});
