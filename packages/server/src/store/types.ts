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
 * The storage of a hub. Every method is asynchronous, so that a PostgreSQL store can implement the
 * same interface; the SQL of the SQLite store is kept portable for it. Writes go through
 * `transaction`, which hands its work a store bound to the transaction: a request's writes and its
 * idempotency record commit together, or not at all.
 */
export interface Store {
  /** Runs `work` in one transaction: all of its writes happen or none. Use the store it is given. */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  get(type: RecordType, id: string): Promise<StoredRecord | undefined>;
  /** Records of a type with ids after `after`, in id order. */
  list(type: RecordType, filter: ListFilter, after: string | undefined, limit: number): Promise<ListPage>;
  /** The ids of a type among `ids` that are stored, with their owners. */
  owners(type: RecordType, ids: readonly string[]): Promise<Map<string, string>>;
  /** All stored ids of a type (for reference checks). */
  ids(type: RecordType): Promise<string[]>;
  /** Inserts or replaces records; returns the ETag of each. */
  put(records: readonly RecordWrite[]): Promise<string[]>;
  delete(type: RecordType, id: string): Promise<boolean>;
  recordPackage(id: string, publisher: string, summary: ImportSummary): Promise<void>;
  hasPackage(id: string): Promise<boolean>;
  /** Creates a token and returns it: the store keeps only its hash. */
  createToken(organisation: string, role: Role): Promise<string>;
  principal(token: string): Promise<Principal | undefined>;
  response(principal: Principal, key: string): Promise<StoredResponse | undefined>;
  saveResponse(principal: Principal, key: string, response: StoredResponse): Promise<void>;
  close(): Promise<void>;
}
