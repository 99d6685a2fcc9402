import type { ExportTarget, GamStatus, InteropNote, InteropSeverity } from '@phx/interop';
import type { DateOrder, FileValidationResult, IssueCode, IssueRecord, Locale, RecognisedEncoding, Severity, ValidationIssue } from '@phx/schema';

/** Most issues listed per file: enough to work through, few enough for the page to stay quick. */
export const MAX_ISSUES = 10_000;
/**
 * Largest `.phx.json` file whose package the page holds, to show its records, convert and export it; a larger
 * one is checked piece by piece and not held, so that the tab stays small.
 */
export const MAX_HELD_DOCUMENT_BYTES = 32 * 1024 * 1024;

/**
 * Where an issue's record is: what the issues table shows in its "Record" column — what @phx/schema's `issueRecord()`
 * says, with a package record's identifier when the page holds it.
 */
export type RecordRef = Exclude<IssueRecord, { kind: 'record' }> | (Extract<IssueRecord, { kind: 'record' }> & { key?: string });

/** An issue as the page shows it: the issue itself, its file, its record and its field within that record. */
export type FileIssue = ValidationIssue & {
  /** Index of the file in the checked set. */
  file: number;
  record: RecordRef;
  /** JSON Pointer of the field within its record (`''` for the record itself). */
  field: string;
};

/**
 * The outcome of checking one file: the result of the file pipeline of @phx/schema (its issues
 * come as events), with whether the page can convert it.
 */
export interface FileSummary extends Omit<FileValidationResult, 'issues' | 'data'> {
  name: string;
  /** True for a valid .phx.json, CSV or .xlsx file, whose package can be downloaded as .phx.json and as .xlsx. */
  convertible: boolean;
  /** The encoding the file's text looks like when it is not UTF-8 (`windows-1251`), to offer reading it in that one. */
  readableAs?: RecognisedEncoding;
  /** For a valid .phx.json package, which can be exported and checked for GAM: the countries and years its observations cover. */
  exportable?: { countries: string[]; years: number[] };
}

/** One file of an export, ready to save. */
export interface ExportedFile {
  name: string;
  mediaType: string;
  /** Text, or the bytes of a workbook. */
  content: string | Uint8Array;
}

/** A note of an export, in a language. */
export interface NoteView {
  severity: InteropSeverity;
  code: string;
  /** The message, and what it concerns (`3 records: a, b, c`). */
  message: string;
  examples: string;
}

/** The GAM readiness of a package for a country and year, in a language. */
export interface GamView {
  title: string;
  columns: { indicator: string; name: string; status: string; observations: string; suppressed: string; missingBreakdowns: string };
  rows: {
    indicator: string;
    name: string;
    status: GamStatus;
    statusLabel: string;
    /** Why the indicator is incomplete when its only values are partial figures (of part of the country or year), as `phx check` says it. */
    onlyPartialFigures?: string;
    observations: number;
    suppressed: number;
    missingBreakdowns: string;
  }[];
  counts: string;
  /** When none of the package's observations is of the country and year asked: what it holds, as `phx check` says it. */
  nothingFor?: string;
}

/** An offending record, ready to show. */
export interface RecordView {
  record: RecordRef;
  field: string;
  /** The record as pretty JSON, when the text around it parses. */
  json?: string;
  /** The line of `json` (0-based) where the issue's field is. */
  focus?: number;
  /** Otherwise the lines around the issue; `focus` is the line of the issue. */
  excerpt?: { firstLine: number; lines: string[]; focus: number };
  /** True when neither can be shown (the line is not UTF-8 or is too long). */
  unavailable?: true;
}

/** One indicator of the catalogue, in a language. */
export interface IndicatorRow {
  code: string;
  name: string;
  description: string;
  unit: string;
  framework: string;
  reference: string;
}

/** One rule code. */
export interface RuleRow {
  code: IssueCode;
  severity: Severity;
  summary: string;
}

/** What the page asks the engine. */
export type EngineRequest =
  /**
   * `encodings` holds, by file, the encoding to read a text file in when it is not UTF-8; `dateOrder`, the order of
   * day and month in dates such as 03/04/2020 of CSV files and workbooks, when the user says it; `suppressionThreshold`,
   * the rule small counts are checked by, when a hub serving the page gives its own (else @phx/schema's default, 5);
   * `maxReadMemory`, the memory the page's heap has left (`memoryAtHand()`), which a worker cannot tell: a larger
   * workbook, CSV file or `.phx.json` file read whole is reported rather than read until the browser ends the page out of
   * memory.
   */
  | { op: 'validate'; files: File[]; locale: Locale; encodings?: (string | undefined)[]; dateOrder?: DateOrder; suppressionThreshold?: number; maxReadMemory?: number }
  | { op: 'record'; issue: Pick<FileIssue, 'file' | 'path' | 'location' | 'record' | 'field'> }
  | { op: 'messages'; issues: Pick<ValidationIssue, 'code' | 'params'>[]; locale: Locale }
  | { op: 'reference'; locale: Locale }
  | { op: 'convert'; file: number; to: 'json' | 'xlsx'; locale: Locale }
  | { op: 'export'; file: number; target: ExportTarget; locale: Locale }
  | { op: 'notes'; notes: InteropNote[]; locale: Locale }
  | { op: 'gam'; file: number; country: string; year: number; locale: Locale };

/** What each request resolves to. */
export interface EngineResults {
  validate: FileSummary[];
  record: RecordView;
  messages: string[];
  reference: { indicators: IndicatorRow[]; rules: RuleRow[] };
  /** A checked file's package as a .phx.json file or an Excel workbook. */
  convert: ExportedFile;
  /** A checked package in another system's format: its files, and what the target has no place for. */
  export: { files: ExportedFile[]; notes: InteropNote[]; views: NoteView[] };
  /** Notes of an export, in another language. */
  notes: NoteView[];
  gam: GamView;
}

/** What the engine reports while it checks files. */
export type ValidateEvent =
  | { kind: 'start'; file: number; name: string; size: number }
  | { kind: 'progress'; file: number; bytes: number; phase: 'reading' | 'checking' }
  | { kind: 'issues'; file: number; issues: FileIssue[]; errors: number; warnings: number };

/** Message from the page to the engine. */
export interface RequestMessage {
  id: number;
  request: EngineRequest;
}

/** Why the engine could not answer a request, as the page words it in each language. */
export type EngineProblem = 'engine-failed' | 'not-convertible' | 'not-exportable';

/** The engine could not answer a request, for a reason the page words in the reader's language. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(readonly problem: EngineProblem) {
    super(problem);
  }
}

/** Message from the engine to the page: an event, the result, or the error of a request (with its problem when the engine knows it). */
export type ResponseMessage =
  | { id: number; event: ValidateEvent }
  | { id: number; result: EngineResults[keyof EngineResults] }
  | { id: number; error: string; problem?: EngineProblem };
