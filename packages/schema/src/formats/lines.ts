import { legacyEncodingOf, type RecognisedEncoding } from '../file/encoding.js';

/**
 * A source of bytes or text: a web ReadableStream, a Node stream, or any async iterable of chunks.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * const fromNode: ChunkSource = createReadStream('observations.phx.ndjson');
 * const fromBrowser: ChunkSource = file.stream();
 * ```
 */
export type ChunkSource = AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array | string>;

/**
 * One line of a text read by {@link readLines}: its text, or why it could not be read.
 *
 * @example
 * ```ts
 * for await (const line of readLines(source)) {
 *   if ('problem' in line) console.error(`line ${line.number}: ${line.problem}`);
 *   else console.log(line.number, line.text.length);
 * }
 * ```
 */
export type Line =
  | { number: number; text: string }
  | { number: number; problem: 'too-long'; bytes: number }
  | { number: number; problem: 'invalid-encoding'; bytes: number; encoding: RecognisedEncoding | undefined };

/**
 * Default longest line accepted: 16 MiB.
 *
 * @example
 * ```ts
 * validateNdjson(source, { maxLineBytes: DEFAULT_MAX_LINE_BYTES / 4 });
 * ```
 */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** The chunks of a source, whether a web ReadableStream (which not every browser makes iterable) or an async iterable. */
export async function* chunksOf(source: ChunkSource): AsyncGenerator<Uint8Array | string> {
  if (typeof (source as ReadableStream).getReader === 'function' && !(Symbol.asyncIterator in source)) {
    const reader = (source as ReadableStream<Uint8Array | string>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<Uint8Array | string>;
}

const encoder = new TextEncoder();
let lineDecoder: TextDecoder | undefined;

/**
 * The text of a line's bytes, without the newline: a carriage return before its end and a byte order mark at
 * its start dropped; undefined when the bytes are not UTF-8.
 */
export function lineText(bytes: Uint8Array): string | undefined {
  lineDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return lineDecoder.decode(bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes);
  } catch {
    return undefined;
  }
}

/**
 * Splits a stream into lines in constant memory: a line longer than `maxLineBytes` is reported
 * and skipped without being held, a line that is not UTF-8 is reported, a BOM is dropped.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * for await (const line of readLines(createReadStream('data.phx.ndjson'))) {
 *   if ('text' in line) console.log(line.number, line.text);
 * }
 * ```
 */
export async function* readLines(source: ChunkSource, maxLineBytes = DEFAULT_MAX_LINE_BYTES): AsyncGenerator<Line> {
  for await (const batch of readLineBatches(source, maxLineBytes)) yield* batch;
}

/**
 * The lines of {@link readLines}, those of each chunk together: a reader that takes them a batch
 * at a time waits once per chunk rather than once per line. `read.bytes` counts the bytes taken
 * from the source so far.
 */
export async function* readLineBatches(source: ChunkSource, maxLineBytes = DEFAULT_MAX_LINE_BYTES, read = { bytes: 0 }): AsyncGenerator<Line[]> {
  let chunkDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Uint8Array[] = [];
  let size = 0;
  let overlong = false;
  let number = 0;

  function end(): Line {
    number++;
    const bytes = size;
    const lineParts = parts;
    parts = [];
    size = 0;
    if (overlong) {
      overlong = false;
      return { number, problem: 'too-long', bytes };
    }
    let buffer = concat(lineParts, bytes);
    // Decoded on its own, a line with a bad byte is reported at its line and the rest goes on.
    const text = lineText(buffer);
    if (text !== undefined) return { number, text };
    if (buffer[buffer.length - 1] === 13) buffer = buffer.subarray(0, buffer.length - 1);
    return { number, problem: 'invalid-encoding', bytes, encoding: legacyEncodingOf(buffer) };
  }

  /** Reads `bytes[from, to)` line by line, adding the lines it ends to `batch`; a line left open is kept for the next chunk. */
  function split(bytes: Uint8Array, from: number, to: number, batch: Line[]): void {
    while (from < to) {
      const newline = bytes.indexOf(10, from);
      const stop = newline < 0 || newline >= to ? to : newline;
      if (!overlong) {
        if (size + (stop - from) > maxLineBytes) {
          overlong = true;
          parts = [];
        } else if (stop > from) parts.push(bytes.subarray(from, stop));
      }
      size += stop - from;
      if (stop === to) return;
      batch.push(end());
      from = newline + 1;
    }
  }

  /**
   * Decodes the whole lines `bytes[from, newline)` at once, the common case, which is much cheaper than
   * line by line. False when a line may be too long or a byte is not UTF-8: then each line is read alone.
   */
  function decodeWhole(bytes: Uint8Array, from: number, newline: number, batch: Line[]): boolean {
    if (newline - from > maxLineBytes) return false;
    let text: string;
    try {
      // As a stream, which Node decodes in ≈ 2/3 of the time of a whole text. The last newline is taken too, so that
      // nothing is left pending: a sequence cut short before it is an error here, as in a text decoded whole.
      text = chunkDecoder.decode(bytes.subarray(from, newline + 1), { stream: true });
    } catch {
      // A decoder that failed midway may keep what it read: the next chunk gets a new one.
      chunkDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      return false;
    }
    for (let start = 0; start < text.length; ) {
      const stop = text.indexOf('\n', start);
      let line = text.slice(start, stop);
      // As when decoded alone: a carriage return before the newline and a byte order mark at the start are dropped.
      if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      batch.push({ number: ++number, text: line });
      start = stop + 1;
    }
    return true;
  }

  for await (const chunk of chunksOf(source)) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    read.bytes += bytes.length;
    const batch: Line[] = [];
    let from = 0;
    if (size > 0 || overlong) {
      // First the end of the line begun in an earlier chunk.
      const newline = bytes.indexOf(10);
      from = newline < 0 ? bytes.length : newline + 1;
      split(bytes, 0, from, batch);
    }
    const last = bytes.lastIndexOf(10);
    if (last >= from) {
      if (!decodeWhole(bytes, from, last, batch)) split(bytes, from, last + 1, batch);
      from = last + 1;
    }
    split(bytes, from, bytes.length, batch);
    if (batch.length > 0) yield batch;
  }
  if (size > 0 || overlong) yield [end()];
}

/**
 * The first `size` bytes of parts, one after the other (all of them when they hold no more): the only part itself
 * when it is just that, else in an array of their own.
 */
export function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]!.length === size) return parts[0]!;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    if (at >= size) break;
    const piece = part.length <= size - at ? part : part.subarray(0, size - at);
    bytes.set(piece, at);
    at += piece.length;
  }
  return bytes;
}
