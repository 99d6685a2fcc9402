import { readLines } from '@phx/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipped, LineStarts, linesAround, observedStream, PIECE_BYTES } from '../src/engine/reading.js';

const encoder = new TextEncoder();

/** A stream of the bytes cut into chunks at the given places. */
function chunked(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) chunks.push(bytes.slice(from, point));
    from = Math.max(from, point);
  }
  return new ReadableStream({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(chunk));
      controller.close();
    },
  });
}

/** All the bytes of a stream. */
async function readBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The chunks of a stream, each copied. */
async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>[]> {
  const reader = stream.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(new Uint8Array(read.value));
  return chunks;
}

async function textOfLine(blob: Blob, starts: LineStarts, line: number): Promise<string | undefined> {
  const { offset, skip } = starts.seek(line);
  let seen = 0;
  for await (const read of readLines(blob.slice(offset).stream())) if (seen++ === skip) return 'text' in read ? read.text : undefined;
  return undefined;
}

describe('observedStream', () => {
  it('passes the bytes through and reports each chunk at its offset', async () => {
    const file = new Blob(['x'.repeat(200_000)]);
    const seen: [number, number][] = [];
    const bytes = await readBytes(observedStream(file, (chunk, offset) => seen.push([offset, chunk.length])));
    expect(bytes).toEqual(encoder.encode('x'.repeat(200_000)));
    let expected = 0;
    for (const [offset, length] of seen) {
      expect(offset).toBe(expected);
      expected += length;
    }
    expect(expected).toBe(200_000);
  });

  it('hands on the bytes in pieces of at most the size asked for, however the file is read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 20_000 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 5000 }), async (bytes, cuts, pieceBytes) => {
        // A blob read as the chunks of `chunked` would be: made of them.
        const chunks = await chunksOf(chunked(bytes, cuts));
        const seen: [number, number][] = [];
        const pieces = await chunksOf(observedStream(new Blob(chunks), (chunk, offset) => seen.push([offset, chunk.length]), pieceBytes));
        expect(pieces.every((piece) => piece.length > 0 && piece.length <= pieceBytes)).toBe(true);
        expect(seen).toEqual(pieces.map((piece, i) => [pieces.slice(0, i).reduce((sum, { length }) => sum + length, 0), piece.length]));
        expect(await readBytes(new Blob(pieces).stream())).toEqual(bytes);
      }),
      { numRuns: 100 },
    );
  });

  it('hands on a large file in pieces of 64 KiB at most', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => i % 251);
    const lengths: number[] = [];
    const read = await readBytes(observedStream(new Blob([bytes]), (chunk) => lengths.push(chunk.length)));
    // Compared as buffers: an element-wise comparison of megabytes is slow.
    expect(Buffer.compare(read, bytes)).toBe(0);
    expect(PIECE_BYTES).toBe(64 * 1024);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(PIECE_BYTES);
  });
});

describe('LineStarts', () => {
  const line = fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => text.replace(/[\r\n]/g, ''));

  it('finds any line again as readLines numbers it, however the file was chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 60 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 7 }), async (lines, crlf, cuts, every) => {
        const text = lines.join(crlf ? '\r\n' : '\n');
        const bytes = encoder.encode(text);
        const starts = new LineStarts(every);
        await readBytes(observedStream(new Blob([bytes]), (chunk, offset) => starts.observe(chunk, offset)).pipeThrough(new TransformStream()));
        // The same again through arbitrary chunk boundaries.
        const rechunked = new LineStarts(every);
        let offset = 0;
        await readBytes(chunked(bytes, cuts).pipeThrough(new TransformStream({ transform(chunk, controller) { rechunked.observe(chunk, offset); offset += chunk.length; controller.enqueue(chunk); } })));
        const blob = new Blob([bytes]);
        for await (const read of readLines(blob.stream())) {
          expect(await textOfLine(blob, starts, read.number)).toBe('text' in read ? read.text : undefined);
          expect(rechunked.seek(read.number)).toEqual(starts.seek(read.number));
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** The excerpt of `linesAround`, taken the plain way: the whole text decoded, split into lines, each line cut. */
function excerptOfWhole(bytes: Uint8Array, line: number, column?: number): { firstLine: number; lines: string[]; focus: number } {
  const all = new TextDecoder().decode(bytes).split(/\r?\n/);
  const focus = Math.min(Math.max(line, 1), all.length);
  const firstLine = Math.max(1, focus - 3);
  const cut = (text: string, at?: number): string => {
    if (text.length <= 240) return text;
    const from = at === undefined ? 0 : Math.max(0, Math.min(at - 1 - 120, text.length - 240));
    return (from > 0 ? '…' : '') + text.slice(from, from + 240) + (from + 240 < text.length ? '…' : '');
  };
  return { firstLine, lines: all.slice(firstLine - 1, focus + 3).map((text, i) => cut(text, firstLine + i === focus ? column : undefined)), focus };
}

/** A blob that counts the bytes read from it in slices, and cannot be read whole. */
class CountedBlob extends Blob {
  read = 0;
  override slice(start = 0, end = this.size): Blob {
    this.read += Math.min(end, this.size) - start;
    return super.slice(start, end);
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    throw new Error('read whole');
  }
  override text(): Promise<string> {
    throw new Error('read whole');
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    throw new Error('read whole');
  }
}

/** Line starts of a blob, as the page notes them while it checks the file. */
async function startsOf(blob: Blob, every: number): Promise<LineStarts> {
  const starts = new LineStarts(every);
  // Read as a stream, as the check reads it (a counted blob is read through its parent's stream).
  await readBytes(observedStream(blob instanceof CountedBlob ? new Blob([Blob.prototype.slice.call(blob)]) : blob, (chunk, offset) => starts.observe(chunk, offset)));
  return starts;
}

describe('linesAround', () => {
  /** Lines as files hold them: short and very long, Latin, Cyrillic and astral, byte order marks, carriage returns. */
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom('"області": "Київська"', '😷🏥', '\ufeff', '\r', ' '),
    fc.integer({ min: 200, max: 900 }).chain((length) => fc.constantFrom('x', 'д', '𝄞').map((char) => char.repeat(length))),
  );
  const line = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join('').replace(/\n/g, ''));
  /** Bytes that are not UTF-8, anywhere in a line. */
  const invalid = fc.constantFrom(new Uint8Array([0xff]), new Uint8Array([0xd0]), new Uint8Array([0xe2, 0x82]));

  it('gives the lines around any line and column that the whole text gives, reading the file in chunks cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(line, fc.option(invalid, { freq: 6 })), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: -2, max: 50 }),
        fc.option(fc.integer({ min: 1, max: 2000 })),
        async (lines, cuts, every, at, column) => {
          const bytes = Buffer.concat(lines.flatMap(([text, bad], i) => [...(i > 0 ? [encoder.encode('\n')] : []), encoder.encode(text), ...(bad ? [bad] : [])]));
          const blob = new Blob(await chunksOf(chunked(bytes, cuts)));
          const excerpt = await linesAround(blob, await startsOf(blob, every), at, column ?? undefined);
          expect(excerpt).toEqual(excerptOfWhole(bytes, at, column ?? undefined));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a few lines from the nearest line start, not the whole file, and a long line without holding it', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `{"id": "obs-${i}", "notes": "${'д'.repeat(i % 50)}"}`);
    const blob = new CountedBlob([lines.join('\n')]);
    const starts = await startsOf(blob, 1024);
    const excerpt = await linesAround(blob, starts, 15_000, 5);
    expect(excerpt).toEqual({ firstLine: 14_997, lines: lines.slice(14_996, 15_003), focus: 15_000 });
    // One slice of 64 KiB from line 14 337, the start remembered before line 14 997: the file is ≈ 1.3 MB.
    expect(blob.read).toBe(64 * 1024);

    // A minified file: one line of 30 MB, of which a stretch around the column is shown.
    const minified = new CountedBlob(['{"a": "', 'x'.repeat(30_000_000), '",,}']);
    const starts2 = await startsOf(minified, 1024);
    expect(await linesAround(minified, starts2, 1, 30_000_008)).toEqual({ firstLine: 1, lines: [`…${'x'.repeat(236)}",,}`], focus: 1 });
    expect(await linesAround(minified, starts2, 1, 15_000_000)).toEqual({ firstLine: 1, lines: [`…${'x'.repeat(240)}…`], focus: 1 });
    expect(await linesAround(minified, starts2, 1)).toEqual({ firstLine: 1, lines: [`{"a": "${'x'.repeat(233)}…`], focus: 1 });
    expect(clipped(`{"a": "${'x'.repeat(30_000_000)}",,}`, 30_000_008)).toBe(`…${'x'.repeat(236)}",,}`);
  });
});
