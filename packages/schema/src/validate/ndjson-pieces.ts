/**
 * NDJSON checked in pieces on other threads: parsing, shapes and the rules of one record run there, on pieces
 * of whole lines; the rules that span records (unique ids, references, breakdowns) here, taking in what each
 * line gave in the order of the lines, so that the issues, their order, the counts and the result are those of
 * checking every line here ({@link validateNdjson}).
 */
import { LinePiece, linePieces, PieceBuffers } from '../formats/line-pieces.js';
import { chunksOf, readLineBatches, type ChunkSource, type Line } from '../formats/lines.js';
import type { DataPackage } from '../model/package.js';
import type { ValidationIssue, ValidationResult } from './issue.js';
import { checkLine } from './line-checks.js';
import { lineCheckSettings, readTape, replay, type LineCheckSettings, type CheckedPiece, type LineChecks, type LineTape, type SpareTape } from './line-tape.js';
import { importedParts } from './imported.js';
import { NdjsonRun, type ValidateNdjsonOptions } from './ndjson.js';

/** Where and how pieces of a stream are checked. */
export interface PieceChecks {
  /** Bytes of the stream read first: a stream that ends before is checked here alone, sooner than threads start. */
  fromBytes: number;
  /** Bytes of whole lines in a piece (the last one fewer). */
  pieceBytes: number;
  /** Pieces sent and not yet taken in, at most: what bounds the memory in flight. */
  inFlight: number;
  /** Starts the threads for a validation. */
  start(settings: LineCheckSettings): LineChecks;
}

/** Validates an NDJSON stream as {@link validateNdjson} does, its lines checked in pieces by `pieces`. */
export async function* validateInPieces(
  source: ChunkSource,
  options: ValidateNdjsonOptions,
  pieces: PieceChecks,
): AsyncGenerator<ValidationIssue, ValidationResult<Partial<DataPackage>>> {
  const run = new NdjsonRun(options, importedParts);
  const head = await headOf(chunksOf(source), pieces.fromBytes);
  if (head.ended) yield* run.checkHere(readLineBatches(head.chunks, run.maxLineBytes, run.read));
  else yield* checkElsewhere(run, head.chunks, pieces, lineCheckSettings({ ...options, maxLineBytes: run.maxLineBytes }));
  return yield* run.end();
}

/** Checks pieces of a stream with `pieces`, taking in what they gave in the order of the lines. */
async function* checkElsewhere(
  run: NdjsonRun,
  chunks: AsyncIterable<Uint8Array | string>,
  pieces: PieceChecks,
  settings: LineCheckSettings,
): AsyncGenerator<ValidationIssue> {
  const checks = pieces.start(settings);
  const chunkEnds: number[] = [];
  /** Pieces sent, and lines too long to send, with the bytes read once each was. */
  const inFlight: { piece: LinePiece | Line; checked?: Promise<CheckedPiece>; bytesRead: number }[] = [];
  // A piece holds a little more than `pieceBytes`: the rest of the chunk its last line ends in.
  const buffers = new PieceBuffers(pieces.pieceBytes + (pieces.pieceBytes >> 1));
  /** The buffers of tapes taken in, to write the tapes of the next pieces on. */
  const spareTapes: SpareTape[] = [];
  /** Takes in the oldest piece sent; false once reading on cannot change the outcome. */
  async function* takeOldest(): AsyncGenerator<ValidationIssue, boolean> {
    const { piece, checked, bytesRead } = inFlight.shift()!;
    if (checked) {
      const { tape, bytes } = await checked;
      (piece as LinePiece).bytes = bytes;
      const going = yield* takeIn(run, piece as LinePiece, tape, chunkEnds);
      run.checker.foresee(bytesRead, run.options.size);
      // Nothing reads the piece's lines or its tape once it is taken in: their buffers serve the next pieces.
      run.current = undefined;
      buffers.give(bytes);
      spareTapes.push({ steps: tape.steps.buffer as ArrayBuffer, numbers: tape.numbers.buffer as ArrayBuffer });
      return going;
    }
    const going = run.checkLine(piece as Line);
    yield* run.issues();
    if (!going) {
      run.read.complete = false;
      // Read as far as this line's chunk, as when every line is checked here.
      run.read.bytes = bytesRead;
    }
    return going;
  }
  try {
    const counted = { bytes: 0, chunkEnds };
    for await (const piece of linePieces(chunks, pieces.pieceBytes, run.maxLineBytes, counted, buffers)) {
      run.read.bytes = counted.bytes;
      const checked = piece instanceof LinePiece ? checks.check(piece.bytes, spareTapes.pop()) : undefined;
      // A failure is reported when its piece is taken in, not before (nor when reading stops first).
      checked?.catch(() => undefined);
      inFlight.push({ piece, checked, bytesRead: counted.bytes });
      // Bounded memory: at most `inFlight` pieces read ahead of the line taken in.
      while (inFlight.length >= pieces.inFlight) {
        if (!(yield* takeOldest())) return;
      }
    }
    run.read.bytes = counted.bytes;
    while (inFlight.length > 0) {
      if (!(yield* takeOldest())) return;
    }
  } finally {
    await checks.close();
  }
}

/**
 * Takes in what a piece's lines gave elsewhere, as {@link NdjsonRun.checkLine} would make it here; false once
 * reading on cannot change the outcome.
 */
function* takeIn(run: NdjsonRun, piece: LinePiece, tape: LineTape, chunkEnds: readonly number[]): Generator<ValidationIssue, boolean> {
  const at = readTape(tape);
  // The line's text is read again here only where a rule spanning records reports on it: one line at a time.
  const current = { number: 0, get text() { return piece.text(this.number); } };
  const again = () => checkLine(current.text, current.number, run.checker, run.sink, run.maxDepth, run.parts);
  for (let number = piece.firstLine; number < piece.firstLine + piece.lines; number++) {
    run.read.lines = number;
    current.number = number;
    run.current = current;
    if (replay(at, number, run.checker, run.sink, again)) run.sawContent = true;
    run.place();
    yield* run.issues();
    if (run.collector.settled) {
      run.read.complete = false;
      // Read as far as this line's chunk, as when every line is checked here.
      const end = piece.end(number);
      run.read.bytes = chunkEnds.find((chunkEnd) => chunkEnd >= end) ?? run.read.bytes;
      return false;
    }
  }
  return true;
}

/**
 * The first chunks of a stream, at least `size` bytes of them unless it ends before, and then the stream from
 * its start again: the chunks read, then the rest.
 */
async function headOf(source: AsyncIterable<Uint8Array | string>, size: number): Promise<{ ended: boolean; chunks: AsyncIterable<Uint8Array | string> }> {
  const iterator = source[Symbol.asyncIterator]();
  const taken: (Uint8Array | string)[] = [];
  let bytes = 0;
  let ended = false;
  while (bytes < size) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    taken.push(next.value);
    bytes += next.value.length;
  }
  async function* chunks(): AsyncGenerator<Uint8Array | string> {
    yield* taken.splice(0);
    if (ended) return;
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return { ended, chunks: chunks() };
}
