/**
 * `@phx/schema/api`: the contract of the exchange API, written once — every operation's request and
 * answer, pages and filters, import summaries, validation results, and the problem types as data.
 * The OpenAPI document, the hub's types and the client's types are generated from it.
 *
 * @packageDocumentation
 */
export {
  PROBLEM_BASE, PROBLEM_MEDIA_TYPE, problemTypes, problemSchemas, Problem, ForbiddenRecord, slugOf,
  type ProblemSlug, type ProblemTypeInfo, type ProblemDocument,
} from './problems.js';
export { ValidationIssue, ReadSummary, ValidationResult, ImportSummary, ExportNote, HubSettings } from './results.js';
export { roles, Role, AuditEntry } from './audit.js';
export {
  DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MERGE_PATCH_MEDIA_TYPE, RecordFilter, collections, listQueries, pages, auditQuery, validateQuery, AuditPage, operations, problemsOf,
  keyParameterOf, exportQuery, GAM_DHIS2_MAPPING, type FilterName, type CollectionInfo, type ListQuery, type Page, type Operation, type RequestHeader, type ResponseHeader,
} from './operations.js';
export { openApiDocument, type Json } from './openapi.js';
export { SUPPRESSION_THRESHOLD_META } from './page.js';
