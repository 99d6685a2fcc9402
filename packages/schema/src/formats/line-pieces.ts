import { lineText, type Line } from './lines.js';

const encoder = new TextEncoder();

/**
 * Whole lines of a stream, as bytes, to be split and read elsewhere ({@link readLineBatches} on `bytes` gives
 * them, numbered from 1) with what is needed here to place and read one of them again.
 */
export class LinePiece {
  /** Where each line begins in `bytes`, found when first asked for. */
  #starts: number[] | undefined;

  constructor(
    /**
     * The lines' bytes, each with its newline (the last of the stream may have none), in a buffer of their own:
     * handed to the thread that checks them, and back (see `LineChecks`).
     */
    public bytes: Uint8Array,
    /** The number of its first line in the stream. */
    readonly firstLine: number,
    /** Lines in it. */
    readonly lines: number,
    /** Where its bytes begin in the stream. */
    readonly start: number,
  ) {}

  /** The text of a line of the piece, by its number in the stream, as {@link readLineBatches} reads it. */
  text(line: number): string {
    const starts = this.#lineStarts();
    const at = line - this.firstLine;
    return lineText(this.bytes.subarray(starts[at]!, starts[at + 1]! - 1)) ?? '';
  }

  /** Where in the stream a line ends, its newline included. */
  end(line: number): number {
    return this.start + this.#lineStarts()[line - this.firstLine + 1]!;
  }

  #lineStarts(): number[] {
    if (!this.#starts) {
      const starts = [0];
      for (let at = this.bytes.indexOf(10); at >= 0; at = this.bytes.indexOf(10, at + 1)) starts.push(at + 1);
      // A last line without a newline ends where the bytes do (as if it had one).
      if (starts[starts.length - 1] !== this.bytes.length) starts.push(this.bytes.length + 1);
      this.#starts = starts;
    }
    return this.#starts;
  }
}

/**
 * The buffers of pieces whose lines are done with, for the next pieces: a piece's bytes are made anew in memory
 * outside the JavaScript heap, and a stream of many fresh ones has the garbage collector called for them again and
 * again (a full collection every few megabytes).
 */
export class PieceBuffers {
  readonly #spare: ArrayBuffer[] = [];

  /** @param capacity - bytes of a new buffer at least: a piece of a little more than the usual size fits in one. */
  constructor(private readonly capacity: number) {}

  /** An array of `length` bytes, in a buffer given back when one is large enough. */
  take(length: number): Uint8Array {
    const spare = this.#spare.pop();
    if (spare !== undefined && spare.byteLength >= length) return new Uint8Array(spare, 0, length);
    return new Uint8Array(new ArrayBuffer(Math.max(length, this.capacity)), 0, length);
  }

  /** Gives back the buffer of `bytes`, whose lines nothing will read again. */
  give(bytes: Uint8Array): void {
    this.#spare.push(bytes.buffer as ArrayBuffer);
  }
}

/**
 * Cuts a stream into pieces of whole lines of at least `size` bytes (the last one smaller), numbering the lines
 * as {@link readLines} does, in memory bounded by `size` and `maxLineBytes`: a line longer than that is given
 * as a `too-long` {@link Line} between the pieces, without being held. `read.bytes` counts the bytes taken
 * from the source; `read.chunkEnds` gets where each chunk ended in the stream.
 */
export async function* linePieces(
  source: AsyncIterable<Uint8Array | string>,
  size: number,
  maxLineBytes: number,
  read: { bytes: number; chunkEnds: number[] },
  buffers: PieceBuffers = new PieceBuffers(0),
): AsyncGenerator<LinePiece | Line> {
  /** Bytes of whole lines not yet given, and of the line begun after them. */
  let whole: Uint8Array[] = [];
  let wholeSize = 0;
  let wholeLines = 0;
  let open: Uint8Array[] = [];
  let openSize = 0;
  /** The bytes of a line too long to hold, so far, while it lasts. */
  let overlong = -1;
  let line = 1;
  let start = 0;

  function piece(parts: Uint8Array[], bytes: number, lines: number): LinePiece {
    const made = new LinePiece(buffers.take(bytes), line, lines, start);
    let at = 0;
    for (const part of parts) {
      made.bytes.set(part, at);
      at += part.length;
    }
    line += lines;
    start += bytes;
    return made;
  }

  for await (const chunk of source) {
    let bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    read.bytes += bytes.length;
    read.chunkEnds.push(read.bytes);
    if (overlong >= 0) {
      const newline = bytes.indexOf(10);
      if (newline < 0) {
        overlong += bytes.length;
        continue;
      }
      yield { number: line++, problem: 'too-long', bytes: overlong + newline };
      start += overlong + newline + 1;
      overlong = -1;
      bytes = bytes.subarray(newline + 1);
    }
    const last = bytes.lastIndexOf(10);
    if (last < 0) {
      open.push(bytes);
      openSize += bytes.length;
      if (openSize > maxLineBytes) {
        // Give the lines before it, and forget its bytes: only their number is needed.
        if (wholeSize > 0) yield piece(whole, wholeSize, wholeLines);
        whole = [];
        wholeSize = 0;
        wholeLines = 0;
        overlong = openSize;
        open = [];
        openSize = 0;
      }
      continue;
    }
    for (let at = bytes.indexOf(10); at >= 0 && at <= last; at = bytes.indexOf(10, at + 1)) wholeLines++;
    whole.push(...open, bytes.subarray(0, last + 1));
    wholeSize += openSize + last + 1;
    open = last + 1 < bytes.length ? [bytes.subarray(last + 1)] : [];
    openSize = bytes.length - last - 1;
    if (wholeSize >= size) {
      yield piece(whole, wholeSize, wholeLines);
      whole = [];
      wholeSize = 0;
      wholeLines = 0;
    }
  }
  if (overlong >= 0) yield { number: line++, problem: 'too-long', bytes: overlong };
  else if (wholeSize + openSize > 0) yield piece([...whole, ...open], wholeSize + openSize, wholeLines + (openSize > 0 ? 1 : 0));
}
