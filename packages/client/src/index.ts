/**
 * `@phx/client`: a typed client of the PHX exchange API — resource methods typed from the data
 * format, lists as async iterators, typed errors, safe retries with idempotency keys.
 *
 * @packageDocumentation
 */
export { createClient, type PhxClient } from './core/client.js';
export type { ReadableResource, WritableResource } from './core/resource.js';
export {
  PhxError, HttpError, UnauthorisedError, ForbiddenError, NotFoundError, ConflictError, PreconditionFailedError, ValidationFailedError,
  RateLimitedError, ServerError, TimeoutError, NetworkError, InvalidResponseError,
} from './errors/index.js';
export { idempotencyKey } from './utils/key.js';
export type * from './types/index.js';
