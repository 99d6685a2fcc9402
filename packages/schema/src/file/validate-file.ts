import { chunksOf, concat, type ChunkSource } from '../formats/lines.js';
import type { ReadCsvOptions } from '../formats/csv.js';
import type { ReadXlsxOptions } from '../formats/xlsx.js';
import type { DataPackage } from '../model/package.js';
import type { CellLocation, Problem, TextLocation, ValidationIssue, ValidationResult } from '../validate/issue.js';
import { validateNdjsonAsync, type ValidateNdjsonOptions } from '../validate/ndjson.js';
import { loadLocale, onDemandParts, writeMessages } from '../validate/on-demand.js';
import type { ValidationParts } from '../validate/parts.js';
import { forgetTexts } from '../validate/remembered.js';
import { IssueCollector, issuesListed, noRecords, validateAsync } from '../validate/validate.js';
import { DEFAULT_MAX_DOCUMENT_BYTES } from './encoding.js';
import type { Misreading, TextDecoding } from './text-encoding.js';
import { formatOfFile, isTextFormat, type FileFormat } from './format.js';

/**
 * Options of {@link validateFile}: those of the validators, and what is known of the file.
 *
 * @example
 * ```ts
 * const options: ValidateFileOptions = { name: file.name, locale: 'fr', maxIssues: 1000, onIssue: (issue) => console.error(issue.message) };
 * ```
 */
export interface ValidateFileOptions extends ValidateNdjsonOptions, Omit<ReadCsvOptions, 'locale'>, Pick<ReadXlsxOptions, 'maxReadMemory'> {
  /** The file's name: its ending tells the format (`.phx.json`, `.phx.ndjson`, `.csv`, ...). */
  name?: string;
  /**
   * The format, when something else tells it (a media type, a command-line option): it wins over the
   * name. The content wins over both when it is a workbook, a PDF or an archive.
   */
  format?: FileFormat;
  /**
   * The encoding of a text file (CSV, NDJSON, `.phx.json`) that is not UTF-8, by a label of the WHATWG Encoding
   * Standard (see {@link textEncodingOf}): `windows-1251` for what Excel's plain "CSV" writes on a Ukrainian or Russian
   * Windows, `windows-1252` on a French or Spanish one, `utf-16le` for Excel's "Unicode text". A file that starts as
   * UTF-8 (with its byte order mark, or with letters beyond ASCII, all well-formed UTF-8, in its first 64 KiB) is read
   * as UTF-8 all the same, and so is each later line that is well-formed UTF-8, so that a file saved again as CSV UTF-8,
   * or rows pasted from one, are not garbled; a UTF-16 byte order mark is read as such. Workbooks carry their own encoding.
   * A label that names no encoding is a `RangeError`.
   * @default 'utf-8': text that is not is reported (`syntax.invalid-encoding`), naming the encoding it looks like
   */
  encoding?: string;
  /**
   * Largest file read whole, in bytes (a CSV file, a workbook, a `.phx.json` file not read piece by piece):
   * a larger one is reported without being held.
   * @default 500 MiB
   */
  maxDocumentBytes?: number;
  /**
   * The file's length in bytes, when the input is a stream and it is known (`File.size`, `fs.stat()`). The tables of
   * ids and groups of a file read as a stream are made for what it promises (as {@link ValidateNdjsonOptions.size}
   * tells; not for text decoded from another encoding, whose length differs), and a file read whole (a CSV file, a
   * workbook, a `.phx.json` whose data is kept) that its first 64 KiB do not hold is read into one array of that size,
   * up to `maxDocumentBytes`, as its chunks come, rather than held in chunks and copied into one. A size that is wrong
   * changes no issue: one too large costs the memory it tells for as long as the file's bytes are held, one too small
   * leaves the rest of the file in chunks.
   * @default the length of bytes given; unknown for a stream
   */
  size?: number;
  /**
   * Reads the file again from the start, when the input is a stream. With it (or with bytes for input),
   * a `.phx.json` file is validated piece by piece, in memory bounded by its longest record rather than by
   * its size, with the issues it has when read whole; without it, a streamed `.phx.json` is read whole.
   * The file is read a second time to place issues found once a record is gone (an unresolved reference,
   * a breakdown's sum), and to read whole a document that is not a package as PHX writes one (not JSON,
   * not UTF-8, its header after its records).
   */
  reopen?: () => ChunkSource;
  /**
   * Called with each issue listed as soon as it is found (an NDJSON file is read as a stream), and the format being
   * read. Past `maxIssues`, an issue that takes the place of one given before is given as well: the
   * result's `issues` are the list as it ends.
   */
  onIssue?: (issue: ValidationIssue, format: FileFormat) => void;
}

/**
 * What {@link validateFile} returns: the {@link ValidationResult} of the file's format, and the
 * format it was read as (or, for a format PHX does not read, recognised as).
 *
 * @example
 * ```ts
 * const result: FileValidationResult = await validateFile(file.stream(), { name: file.name });
 * console.log(result.format, result.ok, result.read.records.observation);
 * ```
 */
export interface FileValidationResult extends ValidationResult<Partial<DataPackage>> {
  format: FileFormat;
}

/** Bytes read before the format is told: enough for the first entries of a zip and the first line of text. */
const HEAD_BYTES = 64 * 1024;

/** A file being read: the first chunks, taken to tell its format, and then the rest; read again from the start when it can be. */
class FileSource {
  /** Bytes taken from the input so far. */
  bytes = 0;
  /** Bytes taken to tell the format, before the file was read. */
  headBytes = 0;
  readonly #taken: Uint8Array[] = [];
  #rest: AsyncIterator<Uint8Array>;
  #ended = false;
  /** The input from the start, when it can be read again. */
  readonly #reopen: (() => AsyncIterable<Uint8Array>) | undefined;
  /** How the file's text is read, when it is not UTF-8. */
  #decoding: TextDecoding | undefined;
  /** The file's length in bytes, when told. */
  readonly #size: number | undefined;
  /**
   * The array a file read whole is read into as its chunks come, when its size is told, rather than its chunks held
   * and copied into one at the end: memory touched once (a 44 MB file from a Node stream ≈ 0.4 → 0.23 s here, its
   * size less at the peak). The chunks of a file longer than told are held past it.
   */
  #whole: Uint8Array | undefined;

  constructor(input: Uint8Array | ChunkSource, reopen: (() => ChunkSource) | undefined, size: number | undefined) {
    this.#size = size;
    this.#reopen = input instanceof Uint8Array ? () => single(input) : reopen && (() => encoded(chunksOf(reopen())));
    this.#rest = (input instanceof Uint8Array ? single(input) : encoded(chunksOf(input)))[Symbol.asyncIterator]();
  }

  /** Whether the file can be read again from the start. */
  get rereadable(): boolean {
    return this.#reopen !== undefined;
  }

  /** Lets go of the input read so far and reads it again from the start (only when {@link FileSource.rereadable}). */
  async restart(): Promise<void> {
    await this.#rest.return?.();
    this.#rest = this.#reopen!()[Symbol.asyncIterator]();
    this.#taken.length = 0;
    this.#whole = undefined;
    this.bytes = 0;
    this.#ended = false;
  }

  /** Every chunk of the file, read again from the start. */
  async *again(): AsyncGenerator<Uint8Array> {
    await this.restart();
    yield* this.chunks();
  }

  /** The first `size` bytes (fewer when the file is shorter). */
  async head(size: number): Promise<Uint8Array> {
    while (!this.#ended && this.bytes < size) await this.#take();
    this.headBytes = this.bytes;
    return concat(this.#taken, Math.min(this.bytes, size));
  }

  /** Reads the text of the file, from here on, in another encoding than UTF-8: its chunks are then given as UTF-8. */
  decodeAs(decoding: TextDecoding): void {
    this.#decoding = decoding;
  }

  /** The encoding the file's text is read in, when not UTF-8. */
  get encoding(): string | undefined {
    return this.#decoding?.encoding;
  }

  /** Every chunk of the file, from the first; as UTF-8 once {@link FileSource.decodeAs} is called. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    if (this.#decoding === undefined) return yield* this.#chunks();
    const transcoder = this.#decoding.transcoder();
    for await (const chunk of this.#chunks()) {
      const text = transcoder.push(chunk);
      if (text.length > 0) yield text;
    }
    const last = transcoder.end();
    if (last.length > 0) yield last;
  }

  /**
   * The whole file as one array (as UTF-8 once {@link FileSource.decodeAs} is called), or undefined when it is larger
   * than `maxBytes` (then reading stops there).
   */
  async all(maxBytes: number): Promise<Uint8Array | undefined> {
    const size = this.#size;
    if (!this.#ended && size !== undefined && size >= this.bytes && size <= maxBytes) {
      try {
        this.#whole = new Uint8Array(size);
      } catch {
        // A size told wrong, more than an array of this platform holds: the chunks are held and joined instead.
      }
    }
    if (this.#whole) {
      this.#whole.set(concat(this.#taken, this.bytes));
      this.#taken.splice(0, Infinity, this.#whole.subarray(0, this.bytes));
    }
    while (!this.#ended && this.bytes <= maxBytes) await this.#take();
    if (this.bytes > maxBytes) return undefined;
    const bytes = concat(this.#taken, this.bytes);
    return this.#decoding === undefined ? bytes : this.#decoding.whole(bytes);
  }

  async *#chunks(): AsyncGenerator<Uint8Array> {
    yield* this.#taken.splice(0);
    for (;;) {
      const next = await this.#rest.next();
      if (next.done) return;
      this.bytes += next.value.length;
      yield next.value;
    }
  }

  /** Lets go of the input, read to the end or not. */
  async close(): Promise<void> {
    await this.#rest.return?.();
  }

  async #take(): Promise<void> {
    const next = await this.#rest.next();
    if (next.done) this.#ended = true;
    else if (this.#whole && this.bytes + next.value.length <= this.#whole.length) {
      this.#whole.set(next.value, this.bytes);
      this.bytes += next.value.length;
      this.#taken[0] = this.#whole.subarray(0, this.bytes);
    } else {
      this.#taken.push(next.value);
      this.bytes += next.value.length;
    }
  }
}

async function* single(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const encoder = new TextEncoder();
async function* encoded(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

/** The options of a step, whose issues are all of one format. */
export type StepOptions = Omit<ValidateFileOptions, 'onIssue'> & { onIssue?: (issue: ValidationIssue) => void };

/**
 * How a file is validated: with the parts imported as usual ({@link validateFile}), or with those loaded on
 * demand ({@link validateFileAsync}). Reading records only takes the first.
 */
export interface FileChecks {
  parts: ValidationParts;
  /** Validates a document read whole, or the package read from a workbook. */
  document(input: unknown, options: StepOptions): ValidationResult<Partial<DataPackage>> | Promise<ValidationResult<Partial<DataPackage>>>;
  /** Validates an NDJSON stream. */
  ndjson(source: ChunkSource, options: ValidateNdjsonOptions): AsyncGenerator<ValidationIssue, ValidationResult<Partial<DataPackage>>>;
  /** Validates a CSV file read whole; its reader loads with the first such file. */
  csv(input: Uint8Array, options: StepOptions): Promise<ValidationResult<Partial<DataPackage>>>;
}

const onDemand: FileChecks = {
  parts: onDemandParts,
  document: validateAsync,
  ndjson: validateNdjsonAsync,
  async csv(input, options) {
    return (await import('../formats/csv-table.js')).checkCsvOnDemand(input, options);
  },
};

/** Reads a file of one format and validates it, or only reads its records. */
export type FormatStep = (source: FileSource, options: StepOptions, checks: FileChecks) => Promise<ValidationResult<Partial<DataPackage>>>;

/**
 * Suggests the code whose name an issue holds, written in place of the code of an indicator or of an open codelist
 * (../validate/named-codes.ts): loaded with the first issue that may hold one, of a document or of a stream. A
 * validation of a value (`validate()`) does without it.
 */
let nameCodes: typeof import('../validate/named-codes.js').nameCodes | undefined;
const loadNames = async (): Promise<void> => {
  nameCodes ??= (await import('../validate/named-codes.js')).nameCodes;
};

/** Gives an issue to `onIssue`, with the code its value names suggested once the names are loaded. */
function give(issue: ValidationIssue, options: StepOptions, parts: ValidationParts): void {
  nameCodes?.(issue, parts.messages[options.locale ?? 'en'], options.catalogue);
  options.onIssue?.(issue);
}

/** Whether an issue may hold a name: a text that is no code where a code is asked for (an indicator's or another), or an unknown code of an open list. */
function mayHoldName(issue: ValidationIssue): boolean {
  return issue.code === 'codelist.unknown-code' || /code$/.test(String((issue.params as { form?: string }).form));
}

/**
 * Loads the names and the messages of the issues' language before an issue that may hold a name is given, so that
 * its message is written again with the code suggested: a document's messages are written by its check, but the lines
 * of a stream checked on other threads (`parallel`) come with their messages written there, the language not loaded here.
 */
async function loadNamesFor(options: StepOptions, parts: ValidationParts): Promise<void> {
  await loadNames();
  const locale = options.locale ?? 'en';
  if (!parts.messages[locale]) await loadLocale(locale);
}

/** Gives the issues of a result known all at once, loading the names first when one of them may hold a name. */
async function giveAll(result: ValidationResult<unknown>, options: StepOptions, parts: ValidationParts): Promise<void> {
  if (result.issues.some(mayHoldName)) await loadNamesFor(options, parts);
  for (const issue of result.issues) give(issue, options, parts);
}

/** Runs a step on a whole document (`.phx.json`, CSV, a workbook), on all of its bytes. */
export async function wholeDocument(source: FileSource, options: StepOptions, step: DocumentStep, parts: ValidationParts): Promise<ValidationResult<Partial<DataPackage>>> {
  const maxBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const bytes = await source.all(maxBytes);
  const result = bytes ? await step(bytes, options) : await fileProblem(options, { code: 'file.too-large', path: [], params: { maxBytes } }, parts);
  // A document's issues are all known at the end; a stream's as it is read.
  await giveAll(result, options, parts);
  return result;
}

/** A step on a whole document: what {@link wholeDocument} runs on its bytes. */
type DocumentStep = (bytes: Uint8Array, options: StepOptions) => ValidationResult<Partial<DataPackage>> | Promise<ValidationResult<Partial<DataPackage>>>;

/**
 * A step on a CSV or `.phx.json` file read whole, run only when the memory reading it takes is at hand
 * (`maxReadMemory`): a larger file gets `file.too-large-for-memory`, where reading it would end the program out of
 * memory.
 */
export function withinMemory(format: 'csv' | 'json', step: DocumentStep, parts: ValidationParts): DocumentStep {
  return async (bytes, options) => {
    // Loaded with the first file read whole, as the CSV reader is, and shared with the workbook reader.
    const { csvMemory, readWithinMemory } = await import('../formats/weighed-reads.js');
    const weight = format === 'csv' ? csvMemory(bytes) : (await import('../formats/json-memory.js')).jsonMemory(bytes);
    return readWithinMemory(weight, options.maxReadMemory, () => step(bytes, options), (problem) => fileProblem(options, problem, parts));
  };
}

/**
 * Validates a `.phx.json` file piece by piece when it can be read again and its data is not asked for, else
 * whole; a document that is not a package as PHX writes one is read whole after all. Its data is in the
 * result only when asked for, however it was read, so that the result does not hang on the file's layout.
 */
async function validateJson(source: FileSource, options: StepOptions, checks: FileChecks): Promise<ValidationResult<Partial<DataPackage>>> {
  const whole = withinMemory('json', checks.document, checks.parts);
  if (options.keepData) return wholeDocument(source, options, whole, checks.parts);
  if (source.rereadable) {
    let reads = 0;
    // The piece-by-piece reader loads with the first such file: most are read whole.
    const { validatePackageStream } = await import('./package-stream.js');
    const result = await validatePackageStream(() => (reads++ === 0 ? source.chunks() : source.again()), options, checks.parts);
    if (result) {
      await giveAll(result, options, checks.parts);
      return result;
    }
    await source.restart();
  }
  const { data: _data, ...result } = await wholeDocument(source, options, whole, checks.parts);
  return result;
}

/** The result of a file that cannot be read at all, for one problem. */
async function fileProblem(options: StepOptions, problem: Problem, parts: ValidationParts): Promise<ValidationResult<Partial<DataPackage>>> {
  const collector = new IssueCollector(options, parts.messages);
  collector.add(problem);
  await writeMessages(collector, options.locale);
  return collector.result({ records: noRecords(), complete: true });
}

/**
 * How PHX validates each format it reads; a format told apart but missing here is reported as one PHX does not
 * read. Plain functions, not made by calling a factory, and apart from the readers: a bundle that never
 * validates files, or only reads them, then leaves the rest out.
 */
export const validators: Partial<Record<FileFormat, FormatStep>> = {
  json: validateJson,
  csv: (source, options, checks) => wholeDocument(source, options, withinMemory('csv', checks.csv, checks.parts), checks.parts),
  // The workbook reader (exceljs, the headings of every language) loads with the first workbook; the package it
  // holds is checked as a document read whole is.
  async xlsx(source, options, checks) {
    const { validateWorkbook } = await import('../formats/workbook-reader.js');
    return wholeDocument(source, options, (bytes, settled) => validateWorkbook(bytes, settled, checks.document, checks.parts.messages), checks.parts);
  },
  async ndjson(source, options, checks) {
    const run = checks.ndjson(source.chunks(), options);
    for (let step = await run.next(); ; step = await run.next()) {
      if (step.done) {
        // Its issues were given as they were found: those of the result are the same, named alike.
        await giveAll(step.value, { ...options, onIssue: undefined }, checks.parts);
        return step.value;
      }
      if (mayHoldName(step.value)) await loadNamesFor(options, checks.parts);
      give(step.value, options, checks.parts);
    }
  },
};

/**
 * Validates a file as {@link validateFile} does, with the same result, loading on demand what a valid file in
 * English never needs, as {@link validateAsync} does: zod and the model, jsonc-parser, and the messages of a
 * language other than English, each where it is first needed — an NDJSON stream at the line that needs it
 * and a `.phx.json` file read piece by piece at the record that needs it (each checked again once it is loaded,
 * what came before not read again), a `.phx.json` file read whole, a CSV file or the package a workbook holds
 * by validating it again.
 * Issues given to `onIssue` carry their message. The readers of CSV files and workbooks (exceljs) load with the
 * first such file. Its first download in a browser is a fraction of {@link validateFile}'s (see
 * docs/performance.md).
 *
 * @param input - the bytes, or a stream of chunks (a web `ReadableStream`, a Node stream, any async iterable).
 * @example
 * ```ts
 * import { validateFileAsync } from '@phx/schema';
 * const result = await validateFileAsync(file.stream(), { name: file.name, locale: 'es', onIssue: (issue) => console.log(issue.message) });
 * ```
 */
export function validateFileAsync(input: Uint8Array | ChunkSource, options: ValidateFileOptions = {}): Promise<FileValidationResult> {
  return runFile(input, options, validators, onDemand);
}

export async function runFile(
  input: Uint8Array | ChunkSource,
  options: ValidateFileOptions,
  steps: Partial<Record<FileFormat, FormatStep>>,
  checks: FileChecks,
): Promise<FileValidationResult> {
  // Named only for a file that is not UTF-8: its module loads then.
  const other = options.encoding === undefined ? undefined : await import('./text-encoding.js');
  const encoding = other?.encodingOption(options.encoding);
  const source = new FileSource(input, options.reopen, input instanceof Uint8Array ? undefined : options.size);
  try {
    const head = await source.head(HEAD_BYTES);
    const format = formatOfFile(head, options);
    const decoding = other && encoding && isTextFormat(format) ? other.textDecoding(encoding, head) : undefined;
    if (decoding) source.decodeAs(decoding);
    const { onIssue, ...given } = options;
    // Bytes have a known size; text decoded from another encoding is read as more bytes, or fewer, than the file has.
    const rest = { ...given, size: decoding ? undefined : input instanceof Uint8Array ? input.length : given.size };
    const stepOptions: StepOptions = onIssue ? { ...rest, onIssue: (issue) => onIssue(issue, format) } : rest;
    const misread = decoding?.misread && (await placedIssue(decoding.misread.problem, await placeOfMisreading(decoding, decoding.misread, head, format, options.delimiter), stepOptions, checks.parts));
    if (misread) give(misread, stepOptions, checks.parts);
    const stepResult = await (steps[format] ?? unsupported(format))(source, stepOptions, checks);
    const result = misread ? warnedFirst(misread, stepResult, stepOptions) : stepResult;
    // Where reading stopped early, as far as the step had read (it may have read ahead, on other threads).
    const bytes = result.read.complete || result.read.bytes === undefined ? source.bytes : Math.max(source.headBytes, result.read.bytes);
    return { ...result, format, read: { ...result.read, bytes, ...(source.encoding && { encoding: source.encoding }) } };
  } finally {
    // A file that failed to be read gives no result, whose end forgets the texts read: they go here.
    forgetTexts();
    await source.close();
  }
}

/** Where the word a file's decoding found read wrong is: its cell in a CSV file, else its line and character. */
async function placeOfMisreading(decoding: TextDecoding, misread: Misreading, head: Uint8Array, format: FileFormat, delimiter: string | undefined): Promise<TextLocation | CellLocation> {
  return format === 'csv' ? (await import('../formats/csv-table.js')).cellOfMisreading(decoding, misread, head, delimiter) : misread.at;
}

/** An issue of the file as a whole found before it is read, with its message, placed at `at`. */
async function placedIssue(problem: Problem, at: TextLocation | CellLocation, options: StepOptions, parts: ValidationParts): Promise<ValidationIssue> {
  const collector = new IssueCollector(options, parts.messages);
  const issue = collector.make(problem);
  await writeMessages(collector, options.locale);
  issue.location = at;
  return issue;
}

/** A result with a `warning` found before its issues, listed first as `maxIssues` lists issues (later errors may take its place). */
function warnedFirst<Data>(warning: ValidationIssue, result: ValidationResult<Data>, options: StepOptions): ValidationResult<Data> {
  const issues = issuesListed([warning, ...result.issues], options.maxIssues);
  return { ...result, warnings: result.warnings + 1, issues, truncated: result.truncated || issues.length <= result.issues.length };
}

/** The step on a format PHX tells apart but does not read: one issue naming it, and nothing more read. */
function unsupported(format: FileFormat): FormatStep {
  return async (_source, options, checks) => {
    const result = await fileProblem(options, { code: 'file.unsupported-format', path: [], params: { format } }, checks.parts);
    result.issues.forEach((issue) => options.onIssue?.(issue));
    return result;
  };
}
