import type { RecordView } from './protocol.js';

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

/** The lines around an issue, as the record view shows them. */
type Excerpt = NonNullable<RecordView['excerpt']>;

/** Lines shown before and after the line of an excerpt. */
const CONTEXT_LINES = 3;
/** Longest stretch of one line shown; a minified file is one very long line. */
const MAX_LINE_CHARS = 240;

/**
 * What is kept of one line as it is read — never the whole line, which may be the whole file: its first
 * {@link MAX_LINE_CHARS} chars, its last ones, and when a column is given those around it; any stretch shown is
 * one of the three.
 */
class LineClip {
  #length = 0;
  #endsWithReturn = false;
  #head = '';
  /** The last chars read: one more than a stretch, for a carriage return after it. */
  #tail = '';
  #window = '';
  readonly #windowStart: number;
  readonly #windowEnd: number;

  constructor(readonly column?: number) {
    this.#windowStart = column === undefined ? 0 : Math.max(0, column - 1 - MAX_LINE_CHARS / 2);
    this.#windowEnd = column === undefined ? 0 : this.#windowStart + MAX_LINE_CHARS;
  }

  /** Adds `text[from, to)`, the line's next chars. */
  add(text: string, from: number, to: number): void {
    if (to <= from) return;
    const start = this.#length;
    this.#length += to - from;
    if (start < MAX_LINE_CHARS) this.#head += text.slice(from, from + Math.min(to - from, MAX_LINE_CHARS - start));
    const keepFrom = Math.max(start, this.#windowStart);
    const keepTo = Math.min(this.#length, this.#windowEnd);
    if (keepFrom < keepTo) this.#window += text.slice(from + keepFrom - start, from + keepTo - start);
    this.#tail = (this.#tail + text.slice(Math.max(from, to - MAX_LINE_CHARS - 1), to)).slice(-MAX_LINE_CHARS - 1);
    this.#endsWithReturn = text.charCodeAt(to - 1) === 13;
  }

  /**
   * The stretch shown: the whole line when it is short, else around the column (its start without one), with `…`
   * where it is cut. A carriage return before the newline that ends the line is not part of it.
   */
  shown(newline: boolean): string {
    const length = newline && this.#endsWithReturn ? this.#length - 1 : this.#length;
    if (length <= MAX_LINE_CHARS) return this.#head.slice(0, length);
    const from = this.column === undefined ? 0 : Math.max(0, Math.min(this.column - 1 - MAX_LINE_CHARS / 2, length - MAX_LINE_CHARS));
    const tailStart = this.#length - this.#tail.length;
    const [kept, keptFrom] = from === 0 ? [this.#head, 0] : from === this.#windowStart ? [this.#window, from] : [this.#tail, tailStart];
    const stretch = kept.slice(from - keptFrom, from - keptFrom + MAX_LINE_CHARS);
    return (from > 0 ? '…' : '') + stretch + (from + MAX_LINE_CHARS < length ? '…' : '');
  }
}

/**
 * The stretch of a line shown: the whole line when it is short, else {@link MAX_LINE_CHARS} chars around a
 * 1-based column (its start without one), with `…` where it is cut.
 *
 * @example
 * ```ts
 * clipped('x'.repeat(1000), 500); // '…xxx…', 240 x
 * ```
 */
export function clipped(line: string, column?: number): string {
  const clip = new LineClip(column);
  clip.add(line, 0, line.length);
  return clip.shown(false);
}

/**
 * The lines of a file around a 1-based line, and within a long line the stretch around a column, read again from
 * the nearest line start `starts` remembered: a few lines of the file, never all of it (a `.phx.json` file the
 * page reads piece by piece may be hundreds of megabytes). Decoded as the check decoded the file (in the `encoding` it
 * names, UTF-8 without one), leniently: around a byte that is not UTF-8 the rest of the line still shows.
 *
 * @example
 * ```ts
 * const { firstLine, lines, focus } = await linesAround(file, starts, 5000, 12);
 * ```
 */
export async function linesAround(file: Blob, starts: LineStarts, line: number, column?: number, encoding?: string): Promise<Excerpt> {
  const focus = Math.max(line, 1);
  const firstLine = Math.max(1, focus - CONTEXT_LINES);
  const lastLine = focus + CONTEXT_LINES;
  const { offset, skip } = starts.seek(firstLine);
  // A file read in another encoding is read as the check read it, as UTF-8; a byte order mark starts the text of
  // the file only, not of a stretch read from within it.
  const transcoder = encoding === undefined ? undefined : (await import('./decoded.js')).decodingOf(encoding).transcoder();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: offset > 0 });
  const lines: string[] = [];
  /** The line being read, and what is kept of it (nothing before the first line shown). */
  let number = firstLine - skip;
  const clipOf = (at: number) => (at >= firstLine ? new LineClip(at === focus ? column : undefined) : undefined);
  let clip = clipOf(number);
  /** Reads the next text; false once the last line shown has ended. */
  const take = (text: string): boolean => {
    for (let from = 0; ; ) {
      const newline = text.indexOf('\n', from);
      clip?.add(text, from, newline < 0 ? text.length : newline);
      if (newline < 0) return true;
      if (clip) lines.push(clip.shown(true));
      if (++number > lastLine) return false;
      clip = clipOf(number);
      from = newline + 1;
    }
  };
  // Read in slices of a bounded size, whatever size of chunk the browser would read.
  for (let at = offset; at < file.size; at += PIECE_BYTES) {
    const bytes = new Uint8Array(await file.slice(at, Math.min(file.size, at + PIECE_BYTES)).arrayBuffer());
    if (!take(decoder.decode(transcoder ? transcoder.push(bytes) : bytes, { stream: true }))) return { firstLine, lines, focus };
  }
  if (transcoder) take(decoder.decode(transcoder.end(), { stream: true }));
  take(decoder.decode());
  // The file ends within its last line, which has no newline after it.
  if (clip) lines.push(clip.shown(false));
  // A file with fewer lines: the excerpt ends at its last line.
  if (number < focus) return linesAround(file, starts, number, column, encoding);
  return { firstLine, lines, focus };
}
