import { readLines } from '@phx/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineStarts, observedStream, PIECE_BYTES } from '../src/engine/reading.js';

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
