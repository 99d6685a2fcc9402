/**
 * Most bytes handed on at once, as `phx validate` reads them: a browser reads a file in chunks of up to a few
 * megabytes, and a chunk's decoded text that large is an object only a full garbage collection frees.
 */
export const PIECE_BYTES = 64 * 1024;

/**
 * Reads a file as a byte stream, in pieces of at most {@link PIECE_BYTES} (views of the chunks the browser
 * reads, not copies), telling `observe` about each piece and its offset as it passes, so progress and line
 * positions are known without holding the file.
 *
 * @example
 * ```ts
 * const stream = observedStream(file, (chunk, offset) => report(offset + chunk.length));
 * ```
 */
export function observedStream(file: Blob, observe: (chunk: Uint8Array, offset: number) => void, pieceBytes = PIECE_BYTES): ReadableStream<Uint8Array> {
  let offset = 0;
  return file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        for (let at = 0; at < chunk.byteLength; at += pieceBytes) {
          const piece = at === 0 && chunk.byteLength <= pieceBytes ? chunk : chunk.subarray(at, at + pieceBytes);
          observe(piece, offset);
          offset += piece.byteLength;
          controller.enqueue(piece);
        }
      },
    }),
  );
}

/**
 * Where lines start in a file, remembered for every `every`-th line only, so that a line can be found
 * again later by reading a short stretch of the file instead of all of it.
 *
 * @example
 * ```ts
 * const starts = new LineStarts();
 * starts.observe(bytes, 0);
 * const { offset, skip } = starts.seek(5000); // read from `offset`; line 5000 is the (skip + 1)-th line there
 * ```
 */
export class LineStarts {
  /** Byte offset of line `k * every + 1`, for k = 0, 1, … */
  readonly #starts: number[] = [0];
  #lines = 1;

  constructor(readonly every = 1024) {}

  /** Notes the line feeds of a chunk that starts at `offset` in the file. */
  observe(chunk: Uint8Array, offset: number): void {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) {
      this.#lines++;
      if ((this.#lines - 1) % this.every === 0) this.#starts.push(offset + at + 1);
    }
  }

  /** Where to start reading to reach a 1-based line, and how many lines to skip from there. */
  seek(line: number): { offset: number; skip: number } {
    const block = Math.min(Math.floor((line - 1) / this.every), this.#starts.length - 1);
    return { offset: this.#starts[block]!, skip: line - 1 - block * this.every };
  }
}
