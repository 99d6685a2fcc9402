import {
  formatIssue, validate, validateCsv, validateNdjson, type Locale, type RecordType, type ValidateNdjsonOptions, type ValidateOptions,
  type ValidationIssue,
} from '@phx/schema';
import { choice, localeOf, parse, recordType, wholeNumber } from '../args.js';
import { exitCodes } from '../errors.js';
import { decodeUtf8, readAll, resolveInputs, streamOf, type FileFormat, type Input } from '../io/files.js';
import { headerProblem } from '../io/csv-header.js';
import { Progress } from '../io/progress.js';
import { renderHuman } from '../report/human.js';
import { renderJson } from '../report/json.js';
import { renderSarif } from '../report/sarif.js';
import type { FileReport } from '../report/types.js';
import type { Context } from './context.js';

/** Issues kept per file unless `--max-issues` says otherwise: enough to fix, bounded in memory. */
const DEFAULT_MAX_ISSUES = 1000;

export const validateHelp = `Usage: phx validate <files or globs...> [options]

Checks PHX data files: .phx.json (one data package), .phx.ndjson (one record a line, read as a
stream) and .csv (one record type per file). Use - to read standard input. Quote globs so that
phx expands them: phx validate "data/**/*.phx.json".

Options:
  --format <human|json|sarif>   how to print the issues (default human)
  --locale <en|ru|uk|fr|es>     language of the messages (default: from LANG, else en)
  --fail-on <error|warning>     what makes the exit code 1 (default error)
  --max-issues <N>              stop a file after N issues (default ${DEFAULT_MAX_ISSUES})
  --suppression-threshold <N>   counts from 1 to N-1 must be suppressed (default 5)
  --type <record type>          record type of CSV files (default: told from the header):
                                organisation, facility, indicator, observation, meeting
  --stdin-format <ndjson|json|csv>  format of standard input (default ndjson)
  --quiet                       print errors only, and nothing when the data is valid
  -h, --help                    show this help

Exit codes: 0 valid, 1 invalid data, 2 usage or I/O error (missing file, unreadable, unsupported type).`;

interface Settings {
  locale: Locale;
  maxIssues: number | undefined;
  suppressionThreshold: number | undefined;
  type: RecordType | undefined;
}

function encodingIssue(bytes: Uint8Array, locale: Locale): ValidationIssue {
  const text = new TextDecoder('utf-8').decode(bytes);
  const before = text.slice(0, Math.max(text.indexOf('\uFFFD'), 0));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const issue = { code: 'syntax.invalid-encoding', params: {} } as const;
  return { ...issue, severity: 'error', path: [], pointer: '', message: formatIssue(issue, locale), location: { line, column } };
}

function report(input: Input, issues: ValidationIssue[], records: number, truncated = false): FileReport {
  let errors = 0;
  let warnings = 0;
  for (const issue of issues) {
    if (issue.severity === 'error') errors++;
    else warnings++;
  }
  return { file: input.name, format: input.format, ok: errors === 0, records, errors, warnings, truncated, issues };
}

function failure(input: Input, message: string): FileReport {
  return { file: input.name, format: input.format, ok: false, records: 0, errors: 1, warnings: 0, truncated: false, failure: message, issues: [] };
}

/**
 * The report of the bytes of a .phx.json file, and its text when it can be decoded; for the commands that read a
 * package, which check it as `phx validate` does.
 */
export function reportOfJson(input: Input, bytes: Uint8Array, settings: ValidateOptions & { locale: Locale }): FileReport & { text?: string } {
  if (bytes.length === 0) return failure(input, 'the file is empty');
  const text = decodeUtf8(bytes, input);
  if (text === undefined) return report(input, [encodingIssue(bytes, settings.locale)], 0);
  const result = validate(text, settings);
  let records = 0;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    for (const list of Object.values(value ?? {})) if (Array.isArray(list)) records += list.length;
  } catch {
    // Not JSON: validate() has said where.
  }
  const issues = result.issues;
  return { ...report(input, issues, records, settings.maxIssues !== undefined && issues.length >= settings.maxIssues), text };
}

async function validateJsonFile(input: Input, settings: Settings): Promise<FileReport> {
  const { text: _text, ...fileReport } = reportOfJson(input, await readAll(input), settings);
  return fileReport;
}

async function validateNdjsonFile(input: Input, settings: Settings, progress: Progress): Promise<FileReport> {
  const options: ValidateNdjsonOptions = settings;
  const issues: ValidationIssue[] = [];
  const stream = validateNdjson(streamOf(input, (bytes) => progress.advance(bytes)), options);
  let step = await stream.next();
  while (!step.done) {
    issues.push(step.value);
    step = await stream.next();
  }
  const summary = step.value;
  if (summary.lines === 0) return failure(input, 'the file is empty');
  const records = Object.values(summary.records).reduce((sum, count) => sum + count, 0);
  return { file: input.name, format: 'ndjson', ok: summary.ok, records, errors: summary.errors, warnings: summary.warnings, truncated: summary.truncated, issues };
}

async function validateCsvFile(input: Input, settings: Settings): Promise<FileReport> {
  const bytes = await readAll(input);
  if (bytes.length === 0) return failure(input, 'the file is empty');
  const result = validateCsv(bytes, settings);
  if (result.issues[0]?.code === 'syntax.invalid-encoding') return report(input, result.issues, 0);
  const problem = headerProblem(result);
  if (problem) return failure(input, problem);
  return report(input, result.issues, result.records, settings.maxIssues !== undefined && result.issues.length >= settings.maxIssues);
}

const validators: Record<FileFormat, (input: Input, settings: Settings, progress: Progress) => Promise<FileReport>> = {
  json: validateJsonFile,
  ndjson: validateNdjsonFile,
  csv: validateCsvFile,
};

/** `phx validate`: validates each file and prints the issues. */
export async function runValidate(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('validate', argv, {
    format: { type: 'string' },
    locale: { type: 'string' },
    'fail-on': { type: 'string' },
    'max-issues': { type: 'string' },
    'suppression-threshold': { type: 'string' },
    type: { type: 'string' },
    'stdin-format': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) return context.print(`${validateHelp}\n`);
  const format = choice('format', values.format, ['human', 'json', 'sarif'], 'human');
  const failOn = choice('fail-on', values['fail-on'], ['error', 'warning'], 'error');
  const settings: Settings = {
    locale: localeOf(values.locale),
    maxIssues: wholeNumber('max-issues', values['max-issues'], 1) ?? DEFAULT_MAX_ISSUES,
    suppressionThreshold: wholeNumber('suppression-threshold', values['suppression-threshold'], 1),
    type: recordType(values.type),
  };
  const stdinFormat = values['stdin-format'] === undefined ? undefined : choice('stdin-format', values['stdin-format'], ['ndjson', 'json', 'csv'], 'ndjson');
  if (positionals.length === 0) context.usage('name at least one file to validate, or - for standard input', 'run `phx validate --help`');
  const inputs = await resolveInputs(positionals, stdinFormat);

  const files: FileReport[] = [];
  for (const input of inputs) {
    const progress = new Progress(input.name, input.size, process.stderr, process.stderr.isTTY === true && !values.quiet);
    try {
      files.push(await validators[input.format](input, settings, progress));
    } finally {
      progress.stop();
    }
  }
  const run = { files, quiet: values.quiet === true };
  if (format === 'json') context.print(renderJson(run));
  else if (format === 'sarif') context.print(renderSarif(run, context.version));
  else context.print(renderHuman(run, context.color));
  const failed = files.some((file) => !file.ok || (failOn === 'warning' && file.warnings > 0));
  return failed ? exitCodes.invalid : exitCodes.ok;
}
