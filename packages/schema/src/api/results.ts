import * as z from 'zod';
import { describe, oneOf } from '../model/common.js';
import { fileFormats, type FileFormat } from '../file/format.js';
import { recordTypeNames, recordTypes, type Collection, type RecordType } from '../model/records.js';
import { issueCodes, type IssueCode } from '../validate/codes.js';

const column = describe(z.int().min(1), 'Column, from 1.');
const textLocation = z.object({ line: describe(z.int().min(1), 'Line, from 1.'), column });
const cellLocation = z.object({
  row: describe(z.int().min(1), 'Row, from 1 (the header is row 1).'),
  column,
  sheet: describe(z.string(), 'The sheet of a workbook.').optional(),
  cell: describe(z.string(), 'The cell of a workbook in A1 form.').optional(),
  text: describe(textLocation, 'In a CSV file, where the cell starts in the text: its line and character, from 1.').optional(),
});

// Answers are open objects: a later hub may add fields, and generated clients must not break on them.

/** One validation issue, as `validate()` reports it and the hub sends it. */
export const ValidationIssue = describe(
  z.object({
    code: describe(oneOf(Object.keys(issueCodes) as [IssueCode, ...IssueCode[]]), 'Stable code of the rule; see docs/validation-rules.md.'),
    severity: describe(oneOf(['error', 'warning', 'info']), 'An error makes the data invalid; a warning does not; an info note says what was done to read the data.'),
    path: describe(z.array(z.union([z.string(), z.int()])), 'Path to the offending value.'),
    pointer: describe(z.string(), 'The path as an RFC 6901 JSON Pointer.'),
    message: describe(z.string(), 'The message, in the language asked for.'),
    // Each code has its own params (IssueParams of @phx/schema): on the wire, an object of them.
    params: describe(z.record(z.string(), z.unknown()) as unknown as z.ZodType<object>, 'What the message is rendered from; which fields, the code says.'),
    location: describe(z.union([textLocation, cellLocation]), 'Where the issue is, when known: a line and column of the text, or a row and column of a table.').optional(),
  }),
  'One problem found in the data.',
  { id: 'ValidationIssue' },
);

// Typed as a record of counts, like the import's below: the reference docs then show that, not a zod object.
const recordsRead: z.ZodType<Record<RecordType, number>> = z.object(
  Object.fromEntries(recordTypeNames.map((type) => [type, describe(z.int().min(0), `Records of type \`${type}\`.`)])) as Record<RecordType, z.ZodInt>,
);

/** What a validation read: the records by type and how far into the input it got. */
export const ReadSummary = describe(
  z.object({
    records: describe(recordsRead, 'Records read, by type.'),
    lines: describe(z.int().min(0), 'Lines read, blank ones included (JSON and NDJSON text).').optional(),
    rows: describe(z.int().min(0), 'The row of the last record read (CSV, where the header is row 1).').optional(),
    bytes: describe(z.int().min(0), 'Bytes read.').optional(),
    encoding: describe(z.string(), 'The encoding the text was read in, when it is not UTF-8 (`windows-1251`: named by the charset of the file sent).').optional(),
    complete: describe(z.boolean(), 'False when reading stopped early, once enough issues and an error were found: the counts cover only the part read.'),
  }),
  'What a validation read: the records by type and how far into the input it got.',
  { id: 'ReadSummary' },
);

/** The outcome of a validation, the same for every format: `ok` is true when no issue is an error. */
export const ValidationResult = describe(
  z.object({
    ok: describe(z.boolean(), 'True when no issue is an error.'),
    issues: describe(z.array(ValidationIssue), 'The issues found, errors and warnings, up to the listing limit.'),
    errors: describe(z.int().min(0), 'Errors found, including those past the listing limit.'),
    warnings: describe(z.int().min(0), 'Warnings found, including those past the listing limit.'),
    truncated: describe(z.boolean(), 'True when `issues` leaves some out.'),
    read: ReadSummary,
    format: describe(oneOf(Object.keys(fileFormats) as [FileFormat, ...FileFormat[]]), 'The format the file was read as, or recognised as when PHX does not read it.'),
  }),
  'The outcome of a validation: issues as data, and what was read.',
  { id: 'ValidationResult' },
);

const countOfRecords = (collection: Collection) => describe(z.int().min(0), `Records in \`${collection}\`.`);

// Typed as a record of counts: the reference docs then show that, not a zod object of five fields.
const recordCounts: z.ZodType<Record<Collection, number>> = z.object(
  Object.fromEntries(recordTypeNames.map((type) => [recordTypes[type].collection, countOfRecords(recordTypes[type].collection)])) as Record<Collection, z.ZodInt>,
);

/** What an import of a package wrote. */
export const ImportSummary = describe(
  z.object({
    package: describe(z.string(), 'Identifier of the imported package.'),
    created: describe(z.int().min(0), 'Records that were new.'),
    updated: describe(z.int().min(0), 'Records that replaced stored ones.'),
    unchanged: describe(
      z.int().min(0),
      'Records of other organisations that the package carries exactly as the hub stores them (an indicator definition its observations refer to, say): left as they are, they need no right to write them and count neither as created nor as updated.',
    ),
    records: describe(recordCounts, 'Records in the package, per collection.'),
    issues: describe(
      z.array(ValidationIssue),
      'The warnings found, up to the listing limit of the hub, as `POST /v1/validate` lists them and in the language asked for: the package was stored all the same. An answer kept for an Idempotency-Key before the hub reported warnings lists none.',
    ),
    warnings: describe(z.int().min(0), 'Warnings found, including those past the listing limit; 0 in an answer kept for an Idempotency-Key before the hub reported warnings.'),
    truncated: describe(z.boolean(), 'True when `issues` leaves some out.'),
  }),
  'What an import of a package wrote, and the warnings found in it.',
  { id: 'ImportSummary' },
);

/**
 * What an import wrote: the package id, the records created and updated, those of other organisations it left
 * unchanged, and the count per collection; and the warnings found, which did not stop it (personal data in a note,
 * an unknown licence), listed as `validate` lists them.
 *
 * @example
 * ```ts
 * const summary: ImportSummary = await client.packages.import(pkg);
 * console.log(`${summary.package}: ${summary.created} new, ${summary.updated} replaced, ${summary.unchanged} unchanged, ${summary.records.observations} observations`);
 * for (const issue of summary.issues) console.warn(`${issue.pointer} ${issue.code}: ${issue.message}`);
 * if (summary.truncated) console.warn(`${summary.warnings} warnings in all`);
 * ```
 */
export type ImportSummary = z.infer<typeof ImportSummary>;

/** One note of an export, as the `Export-Notes` header of `GET /v1/export` lists it (or an `export-empty` problem). */
export const ExportNote = describe(
  z.object({
    severity: describe(oneOf(['error', 'warning']), 'A warning: the file was written without what the note names. An error: no file was made (an `export-empty` problem carries it).'),
    code: describe(z.string(), 'Stable code of the note, as `@phx/interop` gives it: e.g. `field-not-carried`, `dhis2.unmapped-scope`.'),
    field: describe(z.string(), 'The PHX field or records concerned, with the record type (`observation.methodNote`), when there is one.').optional(),
    count: describe(z.int().min(1), 'How many records the note concerns.'),
  }),
  'What the format of an export had no place for, and how many records it concerns.',
  { id: 'ExportNote' },
);

/**
 * One note of an export: what the format had no place for, and how many records it concerns.
 *
 * @example
 * ```ts
 * const notes: ExportNote[] = JSON.parse(response.headers.get('Export-Notes') ?? '[]');
 * for (const note of notes) console.warn(`${note.code} ${note.field ?? ''}: ${note.count} records`);
 * ```
 */
export type ExportNote = z.infer<typeof ExportNote>;

/** The settings of a hub that decide how it answers, as `GET /v1/settings` gives them. */
export const HubSettings = describe(
  z.object({
    phxVersion: describe(z.string(), 'The version of the PHX data format the hub reads and writes (`phxVersion` of a package), e.g. `1.0`.'),
    suppressionThreshold: describe(
      z.int().min(1),
      "The network's suppression threshold, by which the hub checks every import, validation and record written: a count from 1 up to (not including) it that is not marked suppressed is the error `privacy.small-cell`. 5 unless the hub's operator set another (`phx serve --suppression-threshold`); check files with the same (`phx validate --suppression-threshold`) before sending them.",
    ),
    limits: describe(
      z.object({
        maxBodyBytes: describe(z.int().min(1), 'Largest request body, in bytes (413 past it).'),
        maxImportRecords: describe(z.int().min(1), 'Most records a package to import or a file to validate may hold (413 past it).'),
        maxIssues: describe(z.int().min(1), 'Most issues listed in an answer; past it the list is cut (`truncated: true`).'),
        maxExportRecords: describe(z.int().min(1), 'Most observations one export may carry (`export-too-large` past it).'),
      }),
      'The limits the hub keeps on requests; the rate limits are told on every answer (`RateLimit-Policy`).',
    ),
  }),
  'The settings of this hub that decide how it answers: the data format it reads, the suppression threshold it checks data by, and its limits.',
  { id: 'HubSettings' },
);

/**
 * The settings of a hub that decide how it answers: the version of the data format, the suppression threshold it
 * checks every import, validation and record written by, and the limits it keeps on requests.
 *
 * @example
 * ```ts
 * const settings = (await response.json()) as HubSettings; // the answer of GET /v1/settings
 * console.log(`counts from 1 to ${settings.suppressionThreshold - 1} must be suppressed on this hub`);
 * ```
 */
export type HubSettings = z.infer<typeof HubSettings>;
