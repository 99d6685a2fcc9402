/**
 * `@phx/server`: the PHX reference exchange hub — the exchange API on Hono and Node, stored in
 * SQLite or PostgreSQL, with bearer tokens per organisation and role.
 *
 * @packageDocumentation
 */
export { startHub, createToken, listTokens, revokeToken, SeedRefusedError, UnknownOrganisationError, DEMO_TOKEN_LABEL, type StartHubOptions, type RunningHub, type CreateTokenOptions, type ImportedSeed, type SkippedSeed } from './hub.js';
export { createApp, defaultLimits, type AppOptions, type HubLimits } from './http/app.js';
export type { RateLimit } from './http/auth.js';
export { Problem, type ProblemExtensions } from './http/problem.js';
export type { HubEnv } from './http/context.js';
export { openStore, type OpenStoreOptions } from './store/store.js';
export { roles, type Role, type Principal, type Store, type StoredRecord, type ListFilter, type ListPage, type ImportSummary, type RecordWrite, type StoredResponse, type RateWindow, type TokenInfo, type TransactionOptions, type TokenOptions, type AuditEntry, type BreakdownKey } from './store/types.js';
