/**
 * `@phx/client`: a typed client of the PHX exchange API — every operation typed from the OpenAPI
 * document, the collections as a thin layer over them, one error class that carries the hub's
 * problem document, and retries that never lose, double or misreport a write.
 *
 * @packageDocumentation
 */
export { createClient, type PhxClient, type Pages, type ReadableResource, type WritableResource } from './core/client.js';
export type { Answer, AnswerOf, Call, Method, MethodOf, OperationOf, RequestOptions } from './core/request.js';
export {
  PhxError, ProblemError, TimeoutError, NetworkError, InvalidResponseError, type ProblemErrorOf,
  isBadRequest, isUnauthorised, isForbidden, isNotFound, isMethodNotAllowed, isConflict, isPreconditionFailed, isPreconditionRequired, isPayloadTooLarge,
  isUnsupportedMediaType, isRequestTimeout, isHeadersTooLarge, isValidationFailed, isIdempotencyKeyReused, isExportTooLarge, isExportEmpty, isRateLimited, isInternalError,
} from './errors/index.js';
export { idempotencyKey } from './utils/key.js';
export { PROBLEM_BASE } from './types.js';
export type {
  paths, components, operations, Organisation, Facility, IndicatorDefinition, Observation, Meeting, DataPackage, ImportSummary, ValidationResult,
  ValidationIssue, AuditEntry, AuditFilter, HubSettings, ProblemDocument, ProblemSlug, ProblemOf, ForeignProblem, Collection, Records, RecordType, Filter, PageOptions, Page, Versioned,
  ResponseValidator, RetryPolicy, ClientOptions, CallOptions, ValidateFileOptions, CreateOptions, ChangeOptions, ExportFormat, ExportSelection, ExportNote, ExportedFile,
} from './types.js';
