/**
 * The checks of NDJSON lines on another thread ({@link checkLines}): what a line has wrong on its own, and
 * what the rules spanning records must do with it, written on a tape; taken in where the rest of the data is
 * known ({@link replay}), in the order of the lines, it gives the issues, in their order, that checking the
 * lines there gives.
 */
import type { IndicatorRule } from '../catalogue/indicators.js';
import { DEFAULT_MAX_LINE_BYTES, readLineBatches, type Line } from '../formats/lines.js';
import type { IndicatorDefinition } from '../model/indicator.js';
import type { Observation } from '../model/observation.js';
import { recordTypeNames, type RecordType } from '../model/records.js';
import type { Problem } from './issue.js';
import type { NamedRecord } from './params.js';
import { importedParts } from './imported.js';
import { checkLine, columnsOf, lineProblem, NOT_JSON, UNKNOWN_TYPE, type LineKind, type LineSink } from './line-checks.js';
import { RuleChecker } from './rules.js';
import { Column } from './tables.js';
import { DEFAULT_MAX_DEPTH, ruleSettings, type ValidateOptions } from './validate.js';

/** A line that holds nothing but white space, and one that could not be read: kinds of lines in a tape only. */
const BLANK = 2;
const UNREAD = 3;

/**
 * What lines checked elsewhere give, for the lines of a batch one after the other, in arrays that cross threads
 * cheaply (typed arrays, and each text that recurs once): for each line its kind and the indicator it names (an
 * observation's), then steps — each a problem at a column, or a call of the rules that span records with its
 * arguments — then {@link END}.
 */
export interface LineTape {
  /** The steps and their whole-number arguments; a text is its number in `texts`, −1 for none. */
  steps: Int32Array;
  /** Texts of the group fields, references and codes, each once. */
  texts: (string | undefined)[];
  /** The records' ids, in order. */
  ids: string[];
  /** Numbers of breakdowns (NaN for none). */
  numbers: Float64Array;
  /** Problems, reference keys and indicator definitions, in order. */
  objects: unknown[];
}

const PROBLEM = 0;
const PUBLISHER = 1;
const UNIQUE = 2;
const ORGANISATION = 3;
const FACILITY_REFERENCE = 4;
const FACILITY = 5;
const INDICATOR = 6;
const UNKNOWN_INDICATOR = 7;
const BREAKDOWN = 8;
const END = 9;
const NAMED = 10;
/** Arguments in `steps` of each step, by step. */
const ARGUMENTS = [1, 1, 1, 1, 2, 2, 0, 1, 12, 0, 1];

/** Line kinds as numbers in a tape: the record types, then the others. */
const KINDS: (LineKind | typeof BLANK | typeof UNREAD)[] = [...recordTypeNames, 'package', NOT_JSON, UNKNOWN_TYPE, BLANK, UNREAD];
const kindNumbers = new Map(KINDS.map((kind, i) => [kind, i]));
const typeNumbers = new Map(recordTypeNames.map((type, i) => [type, i]));

/** A tape being written, one piece of lines after another. */
class TapeWriter {
  // Kept from piece to piece: their pages are made once.
  readonly steps = new Column(Int32Array);
  readonly numbers = new Column(Float64Array);
  texts: (string | undefined)[] = [];
  readonly textNumbers = new Map<string, number>();
  ids: string[] = [];
  objects: unknown[] = [];
  /** The text each field of a breakdown had last, and its number: most observations share them with the one before. */
  readonly #fieldTexts: (string | undefined)[] = [];
  readonly #fieldNumbers: number[] = [];

  text(value: string | undefined): number {
    if (value === undefined) return -1;
    let number = this.textNumbers.get(value);
    if (number === undefined) {
      number = this.texts.length;
      this.texts.push(value);
      this.textNumbers.set(value, number);
    }
    return number;
  }

  /** The number of a breakdown's field's text, looked up only when it is not the text that field had last. */
  field(field: number, value: string | undefined): number {
    if (value !== undefined && value === this.#fieldTexts[field]) return this.#fieldNumbers[field]!;
    this.#fieldTexts[field] = value;
    return (this.#fieldNumbers[field] = this.text(value));
  }

  /** The tape written, its typed arrays in `spare`'s buffers where they are large enough. */
  tape(spare?: SpareTape): LineTape {
    return { steps: this.steps.values(spare?.steps), texts: this.texts, ids: this.ids, numbers: this.numbers.values(spare?.numbers), objects: this.objects };
  }

  /** Forgets what was written, for the lines of another piece: a tape given keeps its own arrays. */
  restart(): void {
    this.steps.clear();
    this.numbers.clear();
    this.texts = [];
    this.textNumbers.clear();
    this.ids = [];
    this.objects = [];
    this.#fieldTexts.length = 0;
  }
}

/**
 * The rules applied to one record at a time, away from the others: what spans records is written on a tape
 * rather than done, each id taken as new and each indicator as the catalogue defines it (the line is checked
 * again where the data defines it).
 */
export class RecordingChecker extends RuleChecker<number> {
  readonly out = new TapeWriter();

  override publisherIs(id: string): void {
    this.out.steps.push(PUBLISHER);
    this.out.steps.push(this.out.text(id));
  }

  override unique(type: RecordType, id: string): boolean {
    this.out.steps.push(UNIQUE);
    this.out.steps.push(typeNumbers.get(type)!);
    this.out.ids.push(id);
    return true;
  }

  override organisationReference(id: string, keys: readonly (string | number)[]): void {
    this.out.steps.push(ORGANISATION);
    this.out.steps.push(this.out.text(id));
    // The same keys (those of every observation's organisation) cross as one array, referred to again.
    this.out.objects.push(keys);
  }

  override facilityReference(facility: string, country: string): void {
    this.out.steps.push(FACILITY_REFERENCE);
    this.out.steps.push(this.out.text(facility));
    this.out.steps.push(this.out.text(country));
  }

  override facilityIn(id: string, country: string): void {
    this.out.steps.push(FACILITY);
    this.out.steps.push(this.out.text(id));
    this.out.steps.push(this.out.text(country));
  }

  override recordNamed(type: NamedRecord, id: string, ...names: unknown[]): void {
    this.out.steps.push(NAMED);
    this.out.steps.push(typeNumbers.get(type)!);
    this.out.ids.push(id);
    this.out.objects.push(names);
  }

  /** A problem as it is found here: it is named where the names of the data are known ({@link replay}). */
  override named<P extends Problem>(problem: P): P {
    return problem;
  }

  override indicatorDefined(definition: IndicatorDefinition): void {
    this.out.steps.push(INDICATOR);
    this.out.objects.push(definition);
  }

  override definitionOf(code: string): IndicatorRule | undefined {
    const definition = this.settings.catalogue.get(code);
    if (!definition) {
      this.out.steps.push(UNKNOWN_INDICATOR);
      this.out.steps.push(this.out.text(code));
    }
    return definition;
  }

  override breakdown(obs: Observation): void {
    const { out } = this;
    const { scope, period, disaggregation: parts } = obs;
    out.steps.push(BREAKDOWN);
    [
      obs.indicator, obs.reportingOrganisation, scope.country, scope.subnationalArea, scope.facility, period.start, period.end, obs.dataSource,
      parts?.sex, parts?.ageGroup, parts?.population, obs.unit,
    ].forEach((text, field) => out.steps.push(out.field(field, text)));
    out.numbers.push(obs.suppressed ? 1 : 0);
    out.numbers.push(obs.numerator ?? Number.NaN);
    out.numbers.push(obs.denominator ?? Number.NaN);
    out.numbers.push(obs.value ?? Number.NaN);
  }
}

/** What the checks of lines elsewhere need to know of a validation's options. */
export type LineCheckSettings = Pick<ValidateOptions, 'suppressionThreshold' | 'now' | 'catalogue' | 'maxDepth'> & {
  /** Longest line accepted, in bytes. */
  maxLineBytes?: number;
};

/** The settings of {@link checkLines} for a validation's options; `now` fixed, so that every thread has the same day. */
export function lineCheckSettings(options: LineCheckSettings): LineCheckSettings {
  const { suppressionThreshold, catalogue, maxDepth, maxLineBytes } = options;
  return { suppressionThreshold, catalogue, maxDepth, maxLineBytes, now: options.now ?? new Date() };
}

/**
 * Checks lines on their own, for {@link replay} in their order where the rest of the data is known.
 * Returns a function of the bytes of whole lines (see {@link linePieces}), giving their tape.
 */
export function checkLines(settings: LineCheckSettings): (bytes: Uint8Array, spare?: SpareTape) => Promise<LineTape> {
  const maxDepth = settings.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxLineBytes = settings.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  /** The problems of the line being checked that are still to place in its text: where their columns go in the steps, and their paths. */
  const unplaced: { step: number; path: readonly (string | number)[] }[] = [];
  const checker = new RecordingChecker(ruleSettings(settings, true, importedParts.personalData), (problem) => sink.place(problem));
  const sink: LineSink = {
    begin(kind, value) {
      const indicator = kind === 'observation' ? (value as { indicator?: unknown }).indicator : undefined;
      checker.out.steps.push(kindNumbers.get(kind)!);
      // The indicator is the first field of the observation's breakdown.
      checker.out.steps.push(typeof indicator === 'string' ? checker.out.field(0, indicator) : -1);
      return true;
    },
    valid() {},
    place(problem, column) {
      checker.out.steps.push(PROBLEM);
      if (column === undefined) unplaced.push({ step: checker.out.steps.length, path: problem.path });
      checker.out.steps.push(column ?? 1);
      checker.out.objects.push(problem);
    },
  };
  const mark = (kind: typeof BLANK | typeof UNREAD): void => {
    checker.out.steps.push(kindNumbers.get(kind)!);
    checker.out.steps.push(-1);
  };
  return async (bytes, spare) => {
    const lines: Line[] = [];
    for await (const batch of readLineBatches(chunked(bytes), maxLineBytes)) lines.push(...batch);
    // Without a wait from here on, so that pieces checked at once do not share the tape.
    checker.out.restart();
    for (const line of lines) {
      if ('problem' in line) {
        mark(UNREAD);
        checker.out.objects.push(lineProblem(line, maxLineBytes));
      } else if (line.text.trim() === '') mark(BLANK);
      else {
        checkLine(line.text, 0, checker, sink, maxDepth, importedParts);
        if (unplaced.length > 0) {
          const columns = columnsOf(unplaced.map(({ path }) => path), line.text, maxDepth, importedParts.places);
          unplaced.forEach(({ step }, i) => checker.out.steps.set(step, columns[i]!));
          unplaced.length = 0;
        }
      }
      checker.out.steps.push(END);
    }
    return checker.out.tape(spare);
  };
}

/** Bytes in the chunks that a file is read in: decoding much more at once is slower (≈ 3× at 256 KiB). */
const CHUNK = 64 * 1024;

async function* chunked(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

/** Where a line's steps are read from in a tape: a cursor into each of its arrays. */
export interface TapeReader {
  tape: LineTape;
  step: number;
  id: number;
  number: number;
  object: number;
}

/** A reader of a tape from its start. */
export function readTape(tape: LineTape): TapeReader {
  return { tape, step: 0, id: 0, number: 0, object: 0 };
}

/**
 * Takes in the checks of the next line of a tape, done elsewhere: the problems, in their order, and the rules
 * spanning records through `checker`, at the line `line`. A line that needs what the data defined (an
 * observation of an indicator the data defines) is checked here again by `again`. Returns whether the line
 * held anything (was not blank).
 */
export function replay(at: TapeReader, line: number, checker: RuleChecker<number>, sink: LineSink, again: () => void): boolean {
  const { steps, texts, objects } = at.tape;
  const text = (i: number) => texts[steps[i]!];
  const kind = KINDS[steps[at.step]!]!;
  const indicator = text(at.step + 1);
  at.step += 2;
  if (kind === BLANK) {
    skip(at);
    return false;
  }
  if (kind === UNREAD) sink.place(objects[at.object++] as Problem, 1);
  else if (indicator !== undefined && checker.indicators.has(indicator)) again();
  else if (sink.begin(kind, undefined)) return take(at, line, checker, sink);
  skip(at);
  return true;
}

/** Takes in the steps of a line. */
function take(at: TapeReader, line: number, checker: RuleChecker<number>, sink: LineSink): true {
  const { steps, texts, ids, objects } = at.tape;
  const text = (i: number) => texts[steps[i]!];
  let first = true;
  for (;;) {
    const step = steps[at.step++]!;
    const i = at.step;
    switch (step) {
      case END:
        return true;
      case PROBLEM: {
        const problem = objects[at.object++] as Problem;
        // A key written twice, found where the line's number was not known: its first writing is on this line.
        if (problem.code === 'syntax.duplicate-key') problem.params.firstLine = line;
        sink.place(checker.named(problem), steps[i]!);
        break;
      }
      case PUBLISHER:
        checker.publisherIs(text(i)!);
        break;
      case UNIQUE:
        first = checker.unique(recordTypeNames[steps[i]!]!, ids[at.id++]!, line);
        break;
      case ORGANISATION:
        checker.organisationReference(text(i)!, objects[at.object++] as (string | number)[], line);
        break;
      case FACILITY_REFERENCE:
        checker.facilityReference(text(i)!, text(i + 1)!, line);
        break;
      case FACILITY:
        checker.facilityIn(text(i)!, text(i + 1)!);
        break;
      case INDICATOR:
        checker.indicatorDefined(objects[at.object++] as IndicatorDefinition);
        break;
      case NAMED:
        checker.recordNamed(recordTypeNames[steps[i]!] as NamedRecord, ids[at.id++]!, ...(objects[at.object++] as unknown[]));
        break;
      case UNKNOWN_INDICATOR:
        checker.definitionOf(text(i)!, line);
        break;
      case BREAKDOWN:
        checker.breakdown(observationAt(at, i), first, line);
        break;
      default:
        throw new Error(`not a step of a line's tape: ${step}`);
    }
    at.step += ARGUMENTS[step]!;
  }
}

/** Moves past the rest of a line's steps. */
function skip(at: TapeReader): void {
  const { steps } = at.tape;
  for (;;) {
    const step = steps[at.step++]!;
    if (step === END) return;
    if (step === UNIQUE) at.id++;
    else if (step === BREAKDOWN) at.number += 4;
    else if (step === PROBLEM || step === ORGANISATION || step === INDICATOR) at.object++;
    else if (step === NAMED) {
      at.id++;
      at.object++;
    }
    at.step += ARGUMENTS[step]!;
  }
}

/**
 * The fields of an observation that its group and breakdowns read, as {@link RecordingChecker.breakdown} wrote
 * them at `i`: all that `Breakdowns.add` reads, its id and free text left out.
 */
function observationAt(at: TapeReader, i: number): Observation {
  const { steps, texts, numbers } = at.tape;
  const n = at.number;
  at.number += 4;
  return {
    indicator: texts[steps[i]!],
    reportingOrganisation: texts[steps[i + 1]!],
    scope: { country: texts[steps[i + 2]!], subnationalArea: texts[steps[i + 3]!], facility: texts[steps[i + 4]!] },
    period: { start: texts[steps[i + 5]!], end: texts[steps[i + 6]!] },
    dataSource: texts[steps[i + 7]!],
    disaggregation: { sex: texts[steps[i + 8]!], ageGroup: texts[steps[i + 9]!], population: texts[steps[i + 10]!] },
    unit: texts[steps[i + 11]!],
    suppressed: numbers[n] === 1,
    numerator: given(numbers[n + 1]!),
    denominator: given(numbers[n + 2]!),
    value: given(numbers[n + 3]!),
  } as unknown as Observation;
}

/** A number of a breakdown as the record gave it: NaN on the tape for none. */
function given(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}

/**
 * The buffers of a tape's typed arrays once it is taken in, given back to write another tape on: tapes made
 * anew for every piece would have the garbage collector called for them again and again.
 */
export interface SpareTape {
  steps: ArrayBuffer;
  numbers: ArrayBuffer;
}

/** What checking a piece of lines elsewhere gives back: the lines' tape, and their bytes. */
export interface CheckedPiece {
  tape: LineTape;
  /** The bytes sent, given back: sending may hand them over (detach them) rather than copy them. */
  bytes: Uint8Array;
}

/** Threads checking pieces of lines for one validation. */
export interface LineChecks {
  /**
   * Checks the bytes of whole lines (a buffer of their own), giving their tape as {@link checkLines} makes it
   * and the bytes back: they may be handed to another thread, and are not to be read until they come back.
   * `spare`, the buffers of a tape taken in, may be handed over with them for the tape to be written on.
   */
  check(bytes: Uint8Array, spare?: SpareTape): Promise<CheckedPiece>;
  /** Stops the threads. */
  close(): Promise<void>;
}
