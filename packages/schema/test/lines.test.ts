import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legacyEncodingOf } from '../src/file/encoding.js';
import { lineText, readLines, type Line } from '../src/formats/lines.js';

/** The lines of `bytes` as a plain reading of the whole text gives them: split at each newline, each decoded alone. */
function linesOf(bytes: Uint8Array, maxLineBytes: number): Line[] {
  const lines: Line[] = [];
  let from = 0;
  for (let number = 1; from < bytes.length; number++) {
    const newline = bytes.indexOf(10, from);
    const line = bytes.subarray(from, newline < 0 ? bytes.length : newline);
    from = newline < 0 ? bytes.length : newline + 1;
    const text = line.length > maxLineBytes ? undefined : lineText(line);
    if (line.length > maxLineBytes) lines.push({ number, problem: 'too-long', bytes: line.length });
    else if (text !== undefined) lines.push({ number, text });
    else lines.push({ number, problem: 'invalid-encoding', bytes: line.length, encoding: legacyEncodingOf(line[line.length - 1] === 13 ? line.subarray(0, -1) : line) });
  }
  return lines;
}

/** Pieces of lines as files hold them: Latin and Cyrillic text, byte order marks, carriage returns, bytes that are not UTF-8, sequences cut short. */
const piece = fc.oneof(
  fc.constantFrom('{"id":"a"}', 'Київ', 'Île', '\r', '\ufeff', '€', '😀', ' ').map((text) => [...new TextEncoder().encode(text)]),
  fc.constantFrom([0xc8, 0xe2, 0xe0], [0xff], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0x80]),
);
const text = fc.array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.constant([10]) }), { maxLength: 60 }).map((pieces) => Uint8Array.from(pieces.flat()));

/** `bytes` cut into chunks at `cuts` (fractions of its length), as a stream hands them over. */
async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const to of [...cuts.map((cut) => Math.floor(cut * bytes.length)).sort((a, b) => a - b), bytes.length]) {
    if (to < from) continue;
    yield bytes.slice(from, to);
    from = to;
  }
}

async function read(bytes: Uint8Array, cuts: number[], maxLineBytes: number): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const line of readLines(chunked(bytes, cuts), maxLineBytes)) lines.push(line);
  return lines;
}

describe('readLines', () => {
  it('gives the lines of a plain reading of the whole text, however the stream is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(1 << 20)), async (bytes, cuts, maxLineBytes) => {
        expect(await read(bytes, cuts, maxLineBytes)).toEqual(linesOf(bytes, maxLineBytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the lines after a chunk with a byte that is not UTF-8 as UTF-8', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('a\n'), 0xe2, 0x82, 10, ...new TextEncoder().encode('Київ\n€\n')]);
    expect(await read(bytes, [0.1, 0.5, 0.75], 1 << 20)).toEqual([
      { number: 1, text: 'a' },
      { number: 2, problem: 'invalid-encoding', bytes: 2, encoding: legacyEncodingOf(Uint8Array.from([0xe2, 0x82])) },
      { number: 3, text: 'Київ' },
      { number: 4, text: '€' },
    ]);
  });
});
