/** A source of bytes or text: a web ReadableStream, a Node stream, or any async iterable of chunks. */
export type ChunkSource = AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array | string>;

/** One line of a text read by {@link readLines}. */
export type Line =
  | { number: number; text: string }
  | { number: number; problem: 'too-long' | 'invalid-encoding'; bytes: number };

/** Default longest line accepted: 16 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

async function* chunksOf(source: ChunkSource): AsyncGenerator<Uint8Array | string> {
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

/**
 * Splits a stream into lines in constant memory: a line longer than `maxLineBytes` is reported
 * and skipped without being held, a line that is not UTF-8 is reported, a BOM is dropped.
 *
 * @example
 * ```ts
 * for await (const line of readLines(fs.createReadStream('data.phx.ndjson'))) {
 *   if ('text' in line) console.log(line.number, line.text);
 * }
 * ```
 */
export async function* readLines(source: ChunkSource, maxLineBytes = DEFAULT_MAX_LINE_BYTES): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
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
    let buffer = lineParts.length === 1 ? lineParts[0]! : concat(lineParts, bytes);
    if (buffer[buffer.length - 1] === 13) buffer = buffer.subarray(0, buffer.length - 1);
    try {
      // Each line is decoded on its own, so a bad byte is reported at its line and the rest goes on.
      return { number, text: decoder.decode(buffer) };
    } catch {
      return { number, problem: 'invalid-encoding', bytes };
    }
  }

  for await (const chunk of chunksOf(source)) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    let from = 0;
    while (from < bytes.length) {
      const newline = bytes.indexOf(10, from);
      const stop = newline < 0 ? bytes.length : newline;
      if (!overlong) {
        if (size + (stop - from) > maxLineBytes) {
          overlong = true;
          parts = [];
        } else if (stop > from) parts.push(bytes.subarray(from, stop));
      }
      size += stop - from;
      if (newline < 0) break;
      yield end();
      from = newline + 1;
    }
  }
  if (size > 0 || overlong) yield end();
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const buffer = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    buffer.set(part, at);
    at += part.length;
  }
  return buffer;
}
