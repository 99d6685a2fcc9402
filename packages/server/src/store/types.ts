import type { RecordType } from '@phx/schema';

/** What a token may do: `member` writes its own organisation's records, `secretariat` also organisations and meetings, `reader` only reads. */
export type Role = 'member' | 'secretariat' | 'reader';

/** The roles a token can have. */
export const roles: readonly Role[] = ['member', 'secretariat', 'reader'];

/** The holder of a bearer token. */
export interface Principal {
  tokenId: string;
  organisation: string;
  role: Role;
}

/** A stored record with its version tag and owning organisation. */
export interface StoredRecord {
  type: RecordType;
  id: string;
  owner: string;
  etag: string;
  body: Record<string, unknown>;
  /** The body as stored JSON text (sent as is, without parsing it again). */
  json: string;
}

/** Filters of a record list. All are optional; `from`/`to` select observations whose period overlaps. */
export interface ListFilter {
  indicator?: string;
  country?: string;
  organisation?: string;
  facility?: string;
  from?: string;
  to?: string;
}

/** One page of a list in stable id order; `next` is the last id returned when more may follow. */
export interface ListPage {
  records: StoredRecord[];
  next: string | null;
}

/** A record to write: its body and the organisation that owns it. */
export interface RecordWrite {
  type: RecordType;
  id: string;
  owner: string;
  body: Record<string, unknown>;
}

/** What an import wrote, per collection. */
export interface ImportSummary {
  package: string;
  created: number;
  updated: number;
  records: Record<string, number>;
}

/** A response kept for an idempotency key. */
export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * The storage of a hub. Every method is synchronous and every write atomic, so a request's
 * writes and its idempotency record commit together. SQLite implements it; the SQL is kept
 * portable for a PostgreSQL implementation.
 */
export interface Store {
  /** Runs `work` in one transaction: all of its writes happen or none. */
  transaction<T>(work: () => T): T;
  get(type: RecordType, id: string): StoredRecord | undefined;
  /** Records of a type with ids after `after`, in id order. */
  list(type: RecordType, filter: ListFilter, after: string | undefined, limit: number): ListPage;
  /** The ids of a type among `ids` that are stored, with their owners. */
  owners(type: RecordType, ids: readonly string[]): Map<string, string>;
  /** All stored ids of a type (for reference checks). */
  ids(type: RecordType): string[];
  /** Inserts or replaces records; returns how many were new. */
  put(records: Iterable<RecordWrite>): { created: number; updated: number; etags: string[] };
  delete(type: RecordType, id: string): boolean;
  recordPackage(id: string, publisher: string, summary: ImportSummary): void;
  hasPackage(id: string): boolean;
  createToken(organisation: string, role: Role): string;
  principal(token: string): Principal | undefined;
  response(principal: Principal, key: string): StoredResponse | undefined;
  saveResponse(principal: Principal, key: string, response: StoredResponse): void;
  close(): void;
}
