import { recordTypeOfCollection, type RecordType } from '../model/record-kinds.js';

/** Where a piece of a document starts: 1-based line and column, columns in UTF-16 code units as a string counts them. */
export interface PiecePlace {
  line: number;
  column: number;
}

/** What a {@link PackageScanner} hands on as it reads a `.phx.json` document. */
export interface PackagePieces {
  /**
   * The package without its records, as JSON text: the document up to its first record array, closed with
   * `[]}` (or the whole document when it holds no record array). Called once, before any record. False
   * when the document is to be read whole.
   */
  envelope(text: string): boolean;
  /** One record, whole: its type, its index in its array, its JSON text and where that text starts. False when the document is to be read whole. */
  record(type: RecordType, index: number, text: string, place: PiecePlace): boolean;
}

const enum State {
  /** Before the root object. */
  Start,
  /** After `{` or `,` of the root object: a key, or the end of an empty root. */
  Key,
  /** In a key of the root object. */
  KeyText,
  /** After a key of the root object. */
  Colon,
  /** Before a value of the root object. */
  Value,
  /** In a value of the root object that is not a record array. */
  HeaderValue,
  /** After a value of the root object. */
  AfterValue,
  /** After the `[` of a record array. */
  ArrayStart,
  /** After a `,` of a record array. */
  NextRecord,
  /** In a record. */
  Record,
  /** After a record. */
  AfterRecord,
  /** After the root object. */
  End,
  /** The document is not a package as PHX writes one, or not JSON: it is to be read whole. */
  Unusual,
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Reads a `.phx.json` document piece by piece, in bounded memory: its envelope, then each record whole as
 * its text ends. It only finds where pieces start and end (strings, nesting and separators), leaving each
 * piece to `JSON.parse`. It reads the common form, a package whose header comes before its record arrays,
 * each key once, the arrays in any order, nested at most `maxDepth` levels; anything else (and text that is not JSON)
 * makes it stop and answer false, for the document to be read whole.
 */
export class PackageScanner {
  #state = State.Start;
  /** Chars of the text before the current chunk. */
  #base = 0;
  /** Line of `#counted`, and where that line starts. */
  #line = 1;
  #lineStart = 0;
  /** Offset up to which lines are counted. */
  #counted = 0;
  /** Whether the chunk holds a carriage return, and whether the last chunk ended with one. */
  #crInChunk = false;
  #crLast = false;
  /** The envelope's text read so far, until the first record array opens; then undefined. */
  #envelope: string[] | undefined = [];
  #envelopeLength = 0;
  #key = '';
  /** The keys of the root object met. */
  readonly #keys = new Set<string>();
  /** Type of the record array being read. */
  #type: RecordType | undefined;
  #index = 0;
  /** The piece being read (a record or a header value): its text so far, where it started, its nesting. */
  #parts: string[] = [];
  #length = 0;
  #place: PiecePlace = { line: 1, column: 1 };
  /** Where the piece being read starts in the current chunk (0 when it started in an earlier one). */
  #pieceStart = 0;
  /** Levels the piece is nested in, and its own nesting so far. */
  #outer = 0;
  #depth = 0;
  #started = false;
  #inString = false;
  /** An escape ended the last chunk: the next one's first char is escaped. */
  #escapeNext = false;
  #scalar = false;
  /** A comma came last in the root object: a key must follow. */
  #afterComma = false;

  /**
   * @param maxDepth - deepest nesting read; a document nested deeper is left to the whole reader.
   * @param maxPiece - longest piece read, in chars; a longer one is left to the whole reader.
   */
  constructor(
    private readonly pieces: PackagePieces,
    private readonly maxDepth: number,
    private readonly maxPiece: number,
  ) {}

  /** Reads the next chunk of text; false when the document is to be read whole. */
  write(text: string): boolean {
    const end = text.length;
    this.#crInChunk = text.includes('\r');
    for (let at = 0; at < end && this.#state !== State.Unusual; ) at = this.#step(text, at);
    if (this.#state === State.Record) this.#keep(text, this.#pieceStart, end);
    if (this.#envelope) {
      // The envelope starts the document: what is not kept of it yet starts the chunk.
      this.#envelope.push(text);
      this.#envelopeLength += end;
      if (this.#envelopeLength > this.maxPiece) this.#unusual();
    }
    if (this.#state === State.Unusual) return false;
    this.#countLines(text, end);
    if (end > 0) this.#crLast = text.charCodeAt(end - 1) === 0x0d;
    this.#base += end;
    this.#pieceStart = 0;
    return true;
  }

  /** Ends the document; false when it is to be read whole (it ended too soon). */
  end(): boolean {
    return this.#state === State.End;
  }

  #unusual(): number {
    this.#state = State.Unusual;
    return Number.POSITIVE_INFINITY;
  }

  /** Keeps the text of the piece being read from `from` to `to` of the chunk. */
  #keep(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.#parts.push(text.slice(from, to));
    this.#length += to - from;
    if (this.#length > this.maxPiece) this.#unusual();
  }

  /**
   * Counts the lines up to `to` in the chunk. A line ends at a line feed, a carriage return and line feed, or a
   * carriage return alone, as `LineIndex` counts them: a line feed after a carriage return ends no line of
   * its own.
   */
  #countLines(text: string, to: number): void {
    const from = this.#counted - this.#base;
    let lastEnd = -1;
    for (let nl = text.indexOf('\n', from); nl >= 0 && nl < to; nl = text.indexOf('\n', nl + 1)) {
      if (!(nl > 0 ? text.charCodeAt(nl - 1) === 0x0d : this.#crLast)) this.#line++;
      lastEnd = nl;
    }
    if (this.#crInChunk) {
      for (let cr = text.indexOf('\r', from); cr >= 0 && cr < to; cr = text.indexOf('\r', cr + 1)) {
        this.#line++;
        lastEnd = Math.max(lastEnd, cr);
      }
    }
    if (lastEnd >= 0) this.#lineStart = this.#base + lastEnd + 1;
    this.#counted = this.#base + to;
  }

  /** Reads from `at` in the current state; returns where the next step starts. */
  #step(text: string, at: number): number {
    switch (this.#state) {
      case State.Start:
      case State.Key:
      case State.Colon:
      case State.Value:
      case State.AfterValue:
      case State.ArrayStart:
      case State.NextRecord:
      case State.AfterRecord:
      case State.End: {
        const c = text.charCodeAt(at);
        if (isSpace(c)) return at + 1;
        return this.#token(text, at, c);
      }
      case State.KeyText: {
        const close = text.indexOf('"', at);
        const stop = close < 0 ? text.length : close;
        const part = text.slice(at, stop);
        // An escaped key could spell a record array's name: such a document is read whole.
        if (part.includes('\\')) return this.#unusual();
        this.#key += part;
        if (close >= 0) this.#state = State.Colon;
        return close < 0 ? stop : close + 1;
      }
      case State.HeaderValue:
      case State.Record:
        return this.#value(text, at);
      default:
        return this.#unusual();
    }
  }

  /** A token between pieces, at `at`. */
  #token(text: string, at: number, c: number): number {
    switch (this.#state) {
      case State.Start:
        if (c !== 123 /* { */ || 1 > this.maxDepth) return this.#unusual();
        this.#state = State.Key;
        this.#afterComma = false;
        return at + 1;
      case State.Key:
        if (c === 34 /* " */) {
          this.#key = '';
          this.#state = State.KeyText;
          return at + 1;
        }
        if (c === 125 /* } */ && !this.#afterComma) return this.#closeRoot(text, at);
        return this.#unusual();
      case State.Colon:
        // A key written twice is read whole, where it is reported.
        if (c !== 58 /* : */ || this.#keys.has(this.#key)) return this.#unusual();
        this.#keys.add(this.#key);
        this.#state = State.Value;
        return at + 1;
      case State.Value:
        return this.#valueStart(text, at, c);
      case State.AfterValue:
        if (c === 44 /* , */) {
          this.#state = State.Key;
          this.#afterComma = true;
          return at + 1;
        }
        if (c === 125) return this.#closeRoot(text, at);
        return this.#unusual();
      case State.ArrayStart:
        if (c === 93 /* ] */) {
          this.#state = State.AfterValue;
          return at + 1;
        }
        return this.#recordStart(text, at, c);
      case State.NextRecord:
        if (c === 93) return this.#unusual();
        return this.#recordStart(text, at, c);
      case State.AfterRecord:
        if (c === 44) {
          this.#state = State.NextRecord;
          return at + 1;
        }
        if (c === 93) {
          this.#state = State.AfterValue;
          return at + 1;
        }
        return this.#unusual();
      default:
        // After the root object only space may follow.
        return this.#unusual();
    }
  }

  /** The value of a key of the root object: a record array, or a header value. */
  #valueStart(text: string, at: number, c: number): number {
    const type = recordTypeOfCollection(this.#key);
    if (type === undefined) {
      // A header value after the records: the document is read whole, so that its issues come first.
      if (!this.#envelope) return this.#unusual();
      this.#state = State.HeaderValue;
      this.#begin(at, c, 1);
      return at;
    }
    if (c !== 91 /* [ */ || 2 > this.maxDepth) return this.#unusual();
    this.#type = type;
    this.#index = 0;
    if (this.#envelope) {
      this.#envelope.push(text.slice(0, at));
      const envelope = `${this.#envelope.join('')}[]}`;
      this.#envelope = undefined;
      if (!this.pieces.envelope(envelope)) return this.#unusual();
    }
    this.#state = State.ArrayStart;
    return at + 1;
  }

  #recordStart(text: string, at: number, c: number): number {
    this.#countLines(text, at);
    this.#place = { line: this.#line, column: this.#base + at - this.#lineStart + 1 };
    this.#state = State.Record;
    this.#begin(at, c, 2);
    return at;
  }

  /** Starts reading a value at `at` whose first char is `c`, nested in `outer` levels. */
  #begin(at: number, c: number, outer: number): void {
    this.#parts = [];
    this.#length = 0;
    this.#pieceStart = at;
    this.#depth = 0;
    this.#outer = outer;
    this.#started = false;
    this.#inString = false;
    this.#escapeNext = false;
    this.#scalar = c !== 123 && c !== 91 && c !== 34;
  }

  /** Reads a value from `at`, to its end or the chunk's. */
  #value(text: string, at: number): number {
    const end = text.length;
    let i = at;
    if (this.#scalar) {
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (isSpace(c) || c === 44 || c === 93 || c === 125) return this.#valueEnd(text, i);
      }
      return i;
    }
    let depth = this.#depth;
    let inString = this.#inString;
    if (!this.#started) {
      // A value that starts with a quote is a string at depth 0.
      this.#started = true;
      if (text.charCodeAt(i) === 34) inString = true;
      else if (++depth + this.#outer > this.maxDepth) return this.#unusual();
      i++;
    } else if (this.#escapeNext) i++;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (c === 92 /* \ */) i++;
        else if (c === 34) {
          inString = false;
          if (depth === 0) return this.#valueEnd(text, i + 1);
        }
      } else if (c === 34) inString = true;
      else if (c === 123 || c === 91) {
        if (++depth + this.#outer > this.maxDepth) return this.#unusual();
      } else if (c === 125 || c === 93) {
        if (--depth === 0) return this.#valueEnd(text, i + 1);
      }
    }
    // An escape at the end of the chunk escapes the first char of the next one.
    this.#escapeNext = i > end;
    this.#depth = depth;
    this.#inString = inString;
    return end;
  }

  /** The value being read ends before `to`. */
  #valueEnd(text: string, to: number): number {
    if (this.#state === State.HeaderValue) {
      this.#state = State.AfterValue;
      return to;
    }
    this.#keep(text, this.#pieceStart, to);
    if (this.#state === State.Unusual) return to;
    const piece = this.#parts.length === 1 ? this.#parts[0]! : this.#parts.join('');
    this.#parts = [];
    if (!this.pieces.record(this.#type!, this.#index++, piece, this.#place)) return this.#unusual();
    this.#state = State.AfterRecord;
    return to;
  }

  #closeRoot(text: string, at: number): number {
    if (this.#envelope) {
      this.#envelope.push(text.slice(0, at + 1));
      const envelope = this.#envelope.join('');
      this.#envelope = undefined;
      if (!this.pieces.envelope(envelope)) return this.#unusual();
    }
    this.#state = State.End;
    return at + 1;
  }
}
