import { z } from 'zod';
import { fileFormats, issueCodes, phxRegistry, recordTypes, type RecordType } from '@phx/schema';
import { problemTypes, PROBLEM_BASE } from '../http/problem.js';

/** Metadata of the API's own schemas: the component name and its description. */
interface ApiMeta {
  id: string;
  description: string;
}

/** The schemas of the API's envelopes (pages, problems, import summaries), beside the data format's. */
export const apiRegistry = z.registry<ApiMeta>();

const issueCode = z.enum(Object.keys(issueCodes) as [string, ...string[]]);

/** One validation issue, as @phx/schema reports it. */
export const ValidationIssue = z
  .object({
    code: issueCode.describe('Stable code of the rule; see docs/validation-rules.md.'),
    severity: z.enum(['error', 'warning']),
    path: z.array(z.union([z.string(), z.int()])).describe('Path to the offending value.'),
    pointer: z.string().describe('The path as an RFC 6901 JSON Pointer.'),
    message: z.string().describe('The message, in the language asked for with Accept-Language.'),
    params: z.record(z.string(), z.unknown()).describe('What the message is rendered from.'),
    location: z
      .union([z.object({ line: z.int(), column: z.int() }), z.object({ row: z.int(), column: z.int() })])
      .optional()
      .describe('Line and column in the request text, when known.'),
  })
  .register(apiRegistry, { id: 'ValidationIssue', description: 'One problem found in the data.' });

/** The outcome of POST /v1/validate: `validateFile()` of @phx/schema, without the data. */
export const ValidationResult = z
  .object({
    ok: z.boolean().describe('True when no issue is an error.'),
    issues: z.array(ValidationIssue),
    errors: z.int().describe('Errors found, including those past the listing limit.'),
    warnings: z.int().describe('Warnings found, including those past the listing limit.'),
    truncated: z.boolean().describe('True when `issues` leaves some out.'),
    read: z
      .object({
        records: z.object(Object.fromEntries(Object.keys(recordTypes).map((type) => [type, z.int()]))).describe('Records read, by type.'),
        lines: z.int().optional().describe('Lines read (NDJSON).'),
        rows: z.int().optional().describe('The row of the last record read (CSV).'),
        bytes: z.int().optional().describe('Bytes read.'),
        complete: z.boolean().describe('False when reading stopped early: the counts cover only the part read.'),
      })
      .describe('What was read.'),
    format: z.enum(Object.keys(fileFormats) as [string, ...string[]]).describe('The format the body was read as, or recognised as when PHX does not read it.'),
  })
  .register(apiRegistry, { id: 'ValidationResult', description: 'The outcome of a validation: issues as data, and what was read.' });

/** An RFC 9457 problem document. */
export const Problem = z
  .object({
    type: z.string().describe(`URI of the problem type: ${PROBLEM_BASE}<slug>, slug one of ${problemTypes.join(', ')}.`),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional().describe('What went wrong in this request, and what to do.'),
    instance: z.string().optional().describe('The path of the request.'),
    requestId: z.string().optional().describe('The X-Request-Id of the request; quote it to the operator.'),
    issues: z.array(ValidationIssue).optional().describe('The validation issues, when the data was invalid.'),
    etag: z.string().optional().describe('The current ETag, when If-Match was stale.'),
    forbidden: z
      .array(z.object({ pointer: z.string(), owner: z.string() }))
      .optional()
      .describe('Records of an import the token may not write (at most 20).'),
  })
  .register(apiRegistry, { id: 'Problem', description: 'An error, as RFC 9457 problem details (application/problem+json).' });

/** What an import wrote. */
export const ImportSummary = z
  .object({
    package: z.string().describe('Identifier of the imported package.'),
    created: z.int().describe('Records that were new.'),
    updated: z.int().describe('Records that replaced stored ones.'),
    records: z.record(z.string(), z.int()).describe('Records in the package, per collection.'),
  })
  .register(apiRegistry, { id: 'ImportSummary', description: 'What an import of a package wrote.' });

/** One entry of the audit trail. */
export const AuditEntry = z
  .object({
    seq: z.int().describe('Position in the trail; entries come in this order.'),
    at: z.string().describe('When the write committed (ISO 8601).'),
    action: z.enum(['create', 'replace', 'patch', 'delete', 'import']).describe('What the write did.'),
    type: z.string().nullable().describe('The type of the record written, or null for an import.'),
    id: z.string().nullable().describe('The id of the record written, or null for an import.'),
    package: z.string().nullable().describe('The package an import wrote, or null.'),
    owner: z.string().describe('The organisation that owns the records written.'),
    records: z.int().describe('How many of its records the write touched.'),
    by: z
      .object({ organisation: z.string().describe('The organisation of the token that wrote.'), role: z.string().describe('Its role (`hub` for seed data).') })
      .describe('Who wrote.'),
  })
  .register(apiRegistry, { id: 'AuditEntry', description: 'One write in the audit trail: what, whose, by whom, when.' });

/** The component name of a record type's schema. */
export const componentOf = (type: RecordType): string => {
  return phxRegistry.get(recordTypes[type].schema)?.id ?? type;
};
