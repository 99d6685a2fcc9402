/**
 * The synchronous ways in — {@link validate}, {@link validateRecord}, {@link readText}, {@link readJsonDocument},
 * {@link readJsonPackage} — and the stream {@link validateNdjson}, which check with the parts imported as usual: the
 * describer (zod, the model), the JSON places (jsonc-parser) and every language. Apart from ./validate.ts, whose
 * shared code a bundle that loads those parts on demand takes without them: a bundler keeps a module whole, and with
 * these in it a bundle that loads the parts on demand would have to load them first whenever anything of it used one
 * of these (a workbook's checks).
 */
import type { DataPackage } from '../model/package.js';
import { recordStores, recordTypeNames, type RecordType } from '../model/record-kinds.js';
import { locales } from '../locales/index.js';
import type { ChunkSource } from '../formats/lines.js';
import type { ReadSummary, ValidationIssue, ValidationResult } from './issue.js';
import { importedParts } from './imported.js';
import { jsonPlaces } from './json-places.js';
import { ndjsonWith, type ValidateNdjsonOptions } from './ndjson.js';
import { offsetBeyondDepth } from './locate.js';
import { RuleChecker } from './rules.js';
import { checkShape } from './shape.js';
import { describeShape } from './structural.js';
import {
  addLocations, DEFAULT_MAX_DEPTH, documentText, IssueCollector, namesKnownRecords, noRecords, parseDocument, ruleSettings, tooDeep, validateWith, type ValidateOptions,
} from './validate.js';

/**
 * Validates a whole DataPackage: its shape, and every rule beyond shape (unique ids, references,
 * arithmetic, periods, disaggregation, privacy, codelists). Never throws on bad data.
 *
 * @param input - the package as an object, or as JSON text or its UTF-8 bytes (then issues carry line and column).
 * @example
 * ```ts
 * import { validate } from '@phx/schema';
 * import { readFileSync } from 'node:fs';
 * const { ok, issues } = validate(readFileSync('data.phx.json', 'utf8'), { locale: 'ru' });
 * for (const issue of issues) console.log(`${issue.location && 'line' in issue.location ? issue.location.line : issue.pointer}: ${issue.code} ${issue.message}`);
 * ```
 */
export function validate(input: unknown, options: ValidateOptions = {}): ValidationResult<DataPackage> {
  return validateWith(input, options, new IssueCollector(options, locales), importedParts);
}

/**
 * Reads a `.phx.json` document into the package it holds without checking its records: the reading
 * half of {@link validate}, for conversion. Reports only what stops the reading (an empty file, bad
 * encoding, text that is not JSON, a value that is not an object).
 */
export function readJsonPackage(input: string | Uint8Array, options: ValidateOptions = {}): ValidationResult<Partial<DataPackage>> {
  const collector = new IssueCollector(options, locales);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const read: ReadSummary = { records: noRecords(), complete: true };
  const document = parseDocument(input, collector, maxDepth, jsonPlaces);
  if (!document) return collector.result(read);
  const value = document.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    describeShape('package', value, []).problems.forEach((problem) => collector.add(problem));
    addLocations(document.text, collector.issues, collector, maxDepth, document.lines, jsonPlaces);
    return collector.result(read);
  }
  for (const type of recordTypeNames) {
    const records = (value as Record<string, unknown>)[recordStores[type].collection];
    if (Array.isArray(records)) read.records[type] = records.length;
  }
  return collector.result(read, value as Partial<DataPackage>);
}

/**
 * Reads a text file as PHX reads every file: UTF-8 (a byte order mark dropped), or the bytes that are not
 * reported at the first bad one's line and column, naming UTF-16, Windows-1251 or Windows-1252 when they look
 * like it; an empty or blank file is `file.empty`. `data` is the text. For files beside the data, such as a
 * file to import from another system, so that they are read the way the data is.
 *
 * @example
 * ```ts
 * import { readText } from '@phx/schema';
 * const { data: text, issues } = readText(bytes, { locale: 'fr' });
 * if (text === undefined) console.error(issues[0]!.message);
 * ```
 */
export function readText(input: Uint8Array, options: Pick<ValidateOptions, 'locale'> = {}): ValidationResult<string> {
  const collector = new IssueCollector(options, locales);
  return collector.result({ records: noRecords(), complete: true }, documentText(input, collector));
}

/**
 * Reads any JSON document as PHX reads a `.phx.json` file: {@link readText}, then JSON nested at most
 * `maxDepth` levels, each problem placed at its line and column. `data` is the value, unchecked. For JSON
 * beside the data (a mapping file, a request body).
 *
 * @example
 * ```ts
 * import { readJsonDocument } from '@phx/schema';
 * const { data, issues } = readJsonDocument(bytes, { locale: 'uk' });
 * for (const { location, message } of issues) console.error(location, message);
 * ```
 */
export function readJsonDocument(input: string | Uint8Array, options: Pick<ValidateOptions, 'locale' | 'maxDepth'> = {}): ValidationResult<unknown> {
  const collector = new IssueCollector(options, locales);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const read: ReadSummary = { records: noRecords(), complete: true };
  const document = parseDocument(input, collector, maxDepth, jsonPlaces);
  if (!document) return collector.result(read);
  // JSON.parse takes deeper nesting than PHX walks; what reads the value later must not meet it.
  const beyond = offsetBeyondDepth(document.text, maxDepth);
  if (beyond >= 0) {
    const issue = collector.add(tooDeep(maxDepth));
    if (issue) issue.location = document.lines.locate(beyond);
    return collector.result(read);
  }
  return collector.result(read, document.value);
}

/**
 * Validates one record on its own: its shape and the rules that need no other record
 * (arithmetic, periods, disaggregation, privacy, codelists; indicators from the catalogue). Given
 * `knownOrganisations` or `knownFacilities` (a hub's, say), its references to organisations and facilities must
 * resolve among them as those of a package must, with the same issues (`ref.unknown-organisation`, …); without
 * either, they are not checked. A record that fails its shape still has its privacy checked on the values that are
 * there: personal data in its text, and the small counts of its numbers that are valid.
 *
 * @example
 * ```ts
 * const { ok, issues } = validateRecord('observation', observation);
 * ```
 */
export function validateRecord(type: RecordType, record: unknown, options: ValidateOptions = {}): ValidationResult<Record<string, unknown>> {
  const collector = new IssueCollector(options, locales);
  const { problems, data, text } = checkShape(type, record, [], describeShape);
  problems.forEach((problem) => collector.add(problem));
  // A record checked alone is record number 0; its problems' paths are relative to it, as they are to be.
  const checker = new RuleChecker<number>(ruleSettings(options, namesKnownRecords(options), importedParts.personalData), (problem) => collector.add(problem));
  if (data) {
    checker.record(type, data, 0, text);
    checker.finish();
  } else checker.invalid(type, record, 0);
  return collector.result({ records: { ...noRecords(), [type]: 1 }, complete: true }, record as Record<string, unknown>);
}

/**
 * Validates an NDJSON stream (`*.phx.ndjson`: one record a line, `{"type": "observation", ...}`,
 * optionally a `{"type": "package", ...}` header first) and yields issues as it reads, in constant
 * memory: it keeps ids and per-group sums for the cross-record rules, never the records.
 * Issue paths are relative to the record; `location.line` is the line in the file. When the
 * stream ends it returns the {@link ValidationResult}: counts, what was read, and (with `keepData`)
 * the records read, as a package. Past `maxIssues`, an issue that takes the place of one yielded before (an error
 * or a warning that of a note, an error that of a warning) is yielded as well: the result's `issues` are the list
 * as it ends.
 *
 * Indicators defined in the stream must come before the observations that use them.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * const issues = validateNdjson(createReadStream('big.phx.ndjson'));
 * for await (const issue of issues) console.log(issue.location, issue.code, issue.message);
 * ```
 */
export async function* validateNdjson(
  source: ChunkSource,
  options: ValidateNdjsonOptions = {},
): AsyncGenerator<ValidationIssue, ValidationResult<Partial<DataPackage>>> {
  return yield* ndjsonWith(source, options, importedParts);
}
