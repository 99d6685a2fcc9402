import type { RecordType } from '@phx/schema';
import { roles, type AuditEntry, type ImportSummary, type RecordFilter, type Role } from '@phx/schema/api';

export { roles, type AuditEntry, type ImportSummary, type Role };

/**
 * The holder of a bearer token: the token's id, its organisation and its role.
 *
 * @example
 * ```ts
 * const principal: Principal | undefined = await store.principal(token);
 * if (principal?.role === 'member') console.log(`writes as ${principal.organisation}`); // e.g. ZM-PACRA-120045
 * ```
 */
export interface Principal {
  tokenId: string;
  organisation: string;
  role: Role;
}

/**
 * A stored record with its version tag and owning organisation.
 *
 * @example
 * ```ts
 * const record: StoredRecord | undefined = await store.get('organisation', 'ZM-PACRA-120045');
 * if (record) console.log(record.owner, record.etag, record.body.name);
 * ```
 */
export interface StoredRecord {
  type: RecordType;
  id: string;
  owner: string;
  etag: string;
  body: Record<string, unknown>;
  /** The body as stored JSON text (sent as is, without parsing it again). */
  json: string;
}

/**
 * Filters of a record list: the contract's `RecordFilter`. All are optional; `from`/`to` select
 * records whose period overlaps.
 */
export type ListFilter = RecordFilter;

/**
 * One page of a list in stable id order; `next` is the last id returned when more may follow.
 *
 * @example
 * ```ts
 * let page: ListPage = await store.list('facility', { country: 'ZM' }, undefined, 100);
 * while (page.next !== null) page = await store.list('facility', { country: 'ZM' }, page.next, 100);
 * ```
 */
export interface ListPage {
  records: StoredRecord[];
  next: string | null;
}

/**
 * A record to write: its body and the organisation that owns it.
 *
 * @example
 * ```ts
 * const write: RecordWrite = {
 *   type: 'organisation', id: 'ZM-PACRA-120045', owner: 'ZM-PACRA-120045',
 *   body: { id: 'ZM-PACRA-120045', name: { en: 'Zambia Prisons Reintegration Trust' }, organisationType: 'ngo', countries: ['ZM'] },
 * };
 * const [etag] = await store.transaction((tx) => tx.put([write]));
 * ```
 */
export interface RecordWrite {
  type: RecordType;
  id: string;
  owner: string;
  body: Record<string, unknown>;
}

/**
 * What names a breakdown of observations in the store: the indicator, reporting organisation, country,
 * subnational area ('' for none) and period of its observations. The observations of a breakdown, which the
 * rules that span records check together, have these and also their facility and data source in common.
 *
 * @example
 * ```ts
 * const group: BreakdownKey = { indicator: 'prisons-people-tested-for-hiv', organisation: 'UA-EDR-38214567', country: 'UA', area: '', start: '2020-01-01', end: '2020-12-31' };
 * const stored = await store.breakdowns([group]);
 * ```
 */
export interface BreakdownKey {
  indicator: string;
  organisation: string;
  country: string;
  area: string;
  start: string;
  end: string;
}

/**
 * What a token is, as `phx token list` shows it: never the token itself, which only its holder has.
 *
 * @example
 * ```ts
 * const tokens: TokenInfo[] = await listTokens({ db: './phx.sqlite' });
 * for (const t of tokens) console.log(t.id, t.organisation, t.role, t.lastUsedAt ?? 'never used');
 * ```
 */
export interface TokenInfo {
  id: string;
  organisation: string;
  role: Role;
  label: string | null;
  createdAt: string;
  /** When the token stops working, or null for never. */
  expiresAt: string | null;
  /** When it was last used, to the minute, or null. */
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/**
 * Options of a new token: an expiry and a label that says who or what holds it.
 *
 * @example
 * ```ts
 * const options: TokenOptions = { expiresAt: '2027-06-30T00:00:00.000Z', label: 'monthly upload script' };
 * const token = await store.createToken('ZM-PACRA-120045', 'member', options);
 * ```
 */
export interface TokenOptions {
  expiresAt?: string;
  label?: string;
}

/**
 * A response kept for an idempotency key, replayed when the same key comes again with the same request.
 */
export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * The count of requests in a rate-limit window, and when the window ends (ms since the epoch).
 *
 * @example
 * ```ts
 * const window: RateWindow = await store.hit(`token:${principal.tokenId}`, 60_000);
 * if (window.count > 600) console.log(`retry in ${Math.ceil((window.resetAt - Date.now()) / 1000)} s`);
 * ```
 */
export interface RateWindow {
  count: number;
  resetAt: number;
}

/** How a store transaction runs. */
export interface TransactionOptions {
  /**
   * A bulk write, such as a package import. On PostgreSQL the records are locked against other writers
   * before the work reads them (those wait until it commits): the work sees the latest records, is never
   * aborted and run again for a conflict, and records with new ids are copied straight into the table.
   * Leave it off for small writes, so that they do not wait for one another. SQLite has one writer at a
   * time anyway.
   * @default false
   */
  bulk?: boolean;
}

/**
 * The storage of a hub, on SQLite or PostgreSQL (see `openStore`). Writes go through
 * `transaction`, which hands its work a store bound to the transaction: a request's writes and its
 * idempotency record commit together, or not at all, and transactions behave as if run one after
 * another, also across hub processes that share a PostgreSQL database.
 *
 * @example
 * ```ts
 * import { openStore, type Store } from '@phx/server';
 * const store: Store = await openStore('./phx.sqlite');
 * const removed = await store.transaction((tx) => tx.delete('observation', 'zm-hiv-2020'));
 * await store.close();
 * ```
 */
export interface Store {
  /** The database engine: `sqlite` or `postgres`. */
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Runs `work` in one transaction: all of its writes happen or none. Use the store it is given. On
   * PostgreSQL `work` may run again when the server aborts it to keep transactions serializable, so
   * it must have no effect outside the store.
   */
  transaction<T>(work: (tx: Store) => Promise<T>, options?: TransactionOptions): Promise<T>;
  get(type: RecordType, id: string): Promise<StoredRecord | undefined>;
  /** Records of a type with ids after `after`, in id order. */
  list(type: RecordType, filter: ListFilter, after: string | undefined, limit: number): Promise<ListPage>;
  /** The ids of a type among `ids` that are stored, with their owners. */
  owners(type: RecordType, ids: readonly string[]): Promise<Map<string, string>>;
  /** The stored observations of the breakdowns that `keys` name (for the rules that span a breakdown). */
  breakdowns(keys: readonly BreakdownKey[]): Promise<StoredRecord[]>;
  /** All stored ids of a type (for reference checks). */
  ids(type: RecordType): Promise<string[]>;
  /** Inserts or replaces records, many rows a statement; returns the ETag of each. */
  put(records: readonly RecordWrite[]): Promise<string[]>;
  delete(type: RecordType, id: string): Promise<boolean>;
  recordPackage(id: string, publisher: string, summary: ImportSummary): Promise<void>;
  /** The publisher of an imported package, or undefined when no package has the id. */
  packagePublisher(id: string): Promise<string | undefined>;
  /** Creates a token and returns it: the store keeps only its hash. */
  createToken(organisation: string, role: Role, options?: TokenOptions): Promise<string>;
  /** The token's holder, unless the token is unknown, expired or revoked; notes when it was used. */
  principal(token: string): Promise<Principal | undefined>;
  tokens(): Promise<TokenInfo[]>;
  /** Revokes a token by its id (as `tokens()` lists it); false when there is none. */
  revokeToken(id: string): Promise<boolean>;
  /** Appends entries to the audit trail. */
  audit(entries: readonly Omit<AuditEntry, 'seq' | 'at'>[]): Promise<void>;
  /** Audit entries after `after` (a seq) in order, of records an organisation owns or wrote (every entry when undefined). */
  auditTrail(organisation: string | undefined, after: number | undefined, limit: number): Promise<{ entries: AuditEntry[]; next: number | null }>;
  response(principal: Principal, key: string): Promise<StoredResponse | undefined>;
  saveResponse(principal: Principal, key: string, response: StoredResponse): Promise<void>;
  /**
   * Counts a request against a fixed window of `windowMs` for a key (a token, a client address).
   * On PostgreSQL the windows are in the database, shared by every hub process; a SQLite hub is
   * one process and counts in memory.
   */
  hit(key: string, windowMs: number): Promise<RateWindow>;
  close(): Promise<void>;
}
