import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { readJsonDocument, recordTypeNames, recordTypes, suggestionsFor, type Locale, type RecordType, type ValidationIssue, type ValidationResult } from '@phx/schema';
import { createApp, suppressionThresholdOf, type HubLimits } from './http/app.js';
import { corsOrigins } from './http/cors.js';
import { answerRefusedRequests } from './http/refused.js';
import { limitRecords } from './hub/count.js';
import { importPackage } from './hub/import.js';
import type { Findings } from './hub/issues.js';
import { Problem } from './http/problem.js';
import { isPostgresUrl, openStore } from './store/store.js';
import type { Principal, Role, Store, TokenInfo } from './store/types.js';
import { defaultLimits } from './http/app.js';

/**
 * Options of {@link startHub}.
 *
 * @example
 * ```ts
 * const options: StartHubOptions = { db: './phx.sqlite', port: 8080, seed: ['network.phx.json'], limits: { maxImportRecords: 50_000 } };
 * ```
 */
export interface StartHubOptions {
  /** The database: a SQLite file (created if missing) or a `postgres://` URL. */
  db: string;
  /**
   * Port to listen on; 0 picks a free one.
   * @default 8080
   */
  port?: number;
  /**
   * Interface to listen on.
   * @default 127.0.0.1 (this machine only)
   */
  host?: string;
  /** `.phx.json` files imported at start; a package already imported (same id) is skipped. */
  seed?: string[];
  /**
   * A directory of static files served at `/`; `false` serves nothing at `/`.
   * @default the browser validator page that ships inside this package
   */
  webRoot?: string | false;
  /**
   * Create a secretariat token for a demo and return it, labelled {@link DEMO_TOKEN_LABEL}. It replaces the demo
   * token of an earlier start: that one is revoked, since it cannot be shown again.
   */
  demoToken?: boolean;
  /**
   * The language of the issues of a seed package the hub refuses ({@link SeedRefusedError}).
   * @default 'en'
   */
  locale?: Locale;
  /** Limits on bodies, imports, exports and request rates. */
  limits?: HubLimits;
  /**
   * DHIS2 mapping files by the name `GET /v1/export?format=dhis2&mapping=<name>` asks for them by: the data
   * elements, category option combos and organisation units of a DHIS2 instance the network reports to.
   * Each is checked by its schema at start; a bad one stops the hub from starting.
   * @default none: only `gam`, the UNAIDS GAM template, which a hub always holds
   */
  dhis2Mappings?: Record<string, string>;
  /**
   * Origins whose scripts may call the hub from a browser (CORS), e.g. `['https://dashboard.example.org']`;
   * `*` allows every origin. As `corsOrigins` of {@link createApp}.
   * @default none: scripts on other origins cannot read the hub's answers
   */
  corsOrigins?: string[];
  /**
   * The URL the hub is reached at from outside, e.g. `https://hub.example.org` behind a TLS-terminating proxy: the
   * OpenAPI document, the JSON Schemas and the `Location` of a new record name the hub by it. As `publicUrl` of
   * {@link createApp}; a URL that is not http or https, or that has a query, a fragment or a user name, stops the hub from starting.
   * @default none: the documents name the origin each request was sent to
   */
  publicUrl?: string | undefined;
  /**
   * The network's suppression threshold: counts from 1 up to (not including) it must be marked suppressed. Every
   * validation the hub does checks small counts by it (`privacy.small-cell`): the seed packages, every import,
   * `POST /v1/validate` of any format and every record written; the validator page served at `/` checks files by it
   * too. As `suppressionThreshold` of {@link createApp}; a
   * number that is not a whole number from 1 stops the hub from starting.
   * @default 5
   */
  suppressionThreshold?: number | undefined;
}

/**
 * A running hub, as {@link startHub} returns it.
 *
 * @example
 * ```ts
 * const hub: RunningHub = await startHub({ db: './phx.sqlite', port: 0, demoToken: true });
 * const client = createClient({ baseUrl: hub.url, token: hub.demoToken! });
 * await hub.close();
 * ```
 */
export interface RunningHub {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** The demo token, when asked for. */
  demoToken?: string;
  /** The organisation and role the demo token acts for, when one was asked for. */
  demoPrincipal?: Pick<Principal, 'organisation' | 'role'>;
  /** The seed packages imported at this start, each with the warnings found in it. */
  seeded: ImportedSeed[];
  /** The seed packages that were not imported, and why: one already imported, or an id another publisher holds. */
  skipped: SkippedSeed[];
  /** Stops listening and closes the database. */
  close(): Promise<void>;
}

/**
 * A seed package that `startHub` did not import, and why.
 *
 * @example
 * ```ts
 * const hub = await startHub({ db: './phx.sqlite', seed: ['network.phx.json'] });
 * for (const { file, reason } of hub.skipped) console.warn(`skipped ${file}: ${reason}`);
 * ```
 */
export interface SkippedSeed {
  file: string;
  package: string;
  reason: string;
}

/**
 * A seed package that `startHub` imported, and what was found in it: its warnings, which did not stop it.
 *
 * @example
 * ```ts
 * const hub = await startHub({ db: './phx.sqlite', seed: ['network.phx.json'] });
 * for (const { file, result } of hub.seeded) for (const issue of result.issues) console.warn(`${file} ${issue.pointer}: ${issue.message}`);
 * ```
 */
export interface ImportedSeed {
  /** The seed file, as it was given. */
  file: string;
  /** The id of the package. */
  package: string;
  /**
   * What was found in it, as `validate` of @phx/schema gives it (as {@link SeedRefusedError} gives it of a seed
   * refused): the warnings listed up to `maxIssues`, in `locale`, as the answer to its import lists them.
   */
  result: ValidationResult;
}

/** The organisation a demo token belongs to when no package names a publisher. */
const DEMO_ORGANISATION = 'PHX-ORG-SECRETARIAT';

/** The label of the token {@link startHub} makes for a demo, by which the next start finds it to revoke it. */
export const DEMO_TOKEN_LABEL = 'demo';

/**
 * A seed package that stops {@link startHub}: a file that is not JSON, or a package the hub refuses as invalid.
 * Its issues are those the hub found, as `validate` of @phx/schema gives them.
 *
 * @example
 * ```ts
 * try {
 *   await startHub({ db: './phx.sqlite', seed: ['network.phx.json'] });
 * } catch (error) {
 *   if (error instanceof SeedRefusedError) for (const issue of error.result.issues) console.error(`${error.file} ${issue.pointer}: ${issue.message}`);
 * }
 * ```
 */
export class SeedRefusedError extends Error {
  override readonly name = 'SeedRefusedError';

  constructor(
    message: string,
    /** The seed file, as it was given. */
    readonly file: string,
    /** What was found in it. */
    readonly result: ValidationResult,
  ) {
    super(message);
  }
}

/** A SQLite file a failed start made, removed with its journal, so that the start leaves nothing behind. */
function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Starts a hub on Node: opens (and migrates) the SQLite or PostgreSQL database, imports the seed packages,
 * and serves the exchange API.
 *
 * @example
 * ```ts
 * import { startHub } from '@phx/server';
 * const hub = await startHub({ db: './phx.sqlite', port: 0, seed: ['examples/data/network-meeting-2020.phx.json'], demoToken: true });
 * console.log(`${hub.url} — token ${hub.demoToken}`);
 * await hub.close();
 * ```
 */
export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  // Every option is checked before the database is opened, so that a start refused for one makes no database.
  const origins = corsOrigins(options.corsOrigins ?? []);
  const suppressionThreshold = suppressionThresholdOf(options.suppressionThreshold);
  const dhis2Mappings = Object.fromEntries(Object.entries(options.dhis2Mappings ?? {}).map(([name, file]) => [name, readJson(file, 'DHIS2 mapping')]));
  // What the checks cannot tell before (a seed the hub's data makes invalid, a port in use) removes the file this start made.
  const made = !isPostgresUrl(options.db) && options.db !== ':memory:' && !existsSync(options.db);
  const store = await openStore(options.db);
  const abandon = async (error: unknown): Promise<never> => {
    await store.close();
    if (made) removeDatabase(options.db);
    throw error;
  };
  const limits = { ...defaultLimits, ...options.limits };
  const locale = options.locale ?? 'en';
  let demoOrganisation = DEMO_ORGANISATION;
  const seeded: ImportedSeed[] = [];
  const skipped: SkippedSeed[] = [];
  const webRoot = options.webRoot ?? shippedValidatorPage();
  let app: ReturnType<typeof createApp>;
  try {
    // Made first: a DHIS2 mapping its schema refuses stops the hub before any seed is imported.
    app = createApp({
      store,
      dhis2Mappings,
      ...(webRoot ? { webRoot } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      corsOrigins: origins,
      publicUrl: options.publicUrl,
      suppressionThreshold,
    });
    for (const file of options.seed ?? []) {
      const { data: pkg, ...read } = readSeed(file, limits.maxImportRecords, locale);
      const publisher = (pkg as { publisher?: { id?: unknown } }).publisher?.id;
      if (typeof publisher === 'string') demoOrganisation = publisher;
      const id = (pkg as { id?: unknown }).id;
      const holder = typeof id === 'string' ? await store.packagePublisher(id) : undefined;
      if (holder !== undefined) {
        const reason = holder === publisher ? 'imported already' : `the id is held by a package that ${holder} publishes`;
        skipped.push({ file, package: id as string, reason });
        continue;
      }
      try {
        const { package: imported, issues, warnings, truncated } = await store.transaction((tx) => importPackage(tx, pkg, 'hub', { locale, suppressionThreshold, maxIssues: limits.maxIssues }), { bulk: true });
        // The summary's issues are those `validate` found, which the contract types as the answer sends them.
        seeded.push({ file, package: imported, result: { ...read, ok: true, issues: issues as ValidationIssue[], errors: 0, warnings, truncated } });
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        const message = `Cannot seed the hub with ${file}: ${error.detail}`;
        // The findings the problem carries are those of the validation: issues of @phx/schema, as the answer sends them.
        const findings = (error as Problem<'validation-failed'>).extensions as Findings | undefined;
        if (error.slug === 'validation-failed' && findings) throw new SeedRefusedError(message, file, { ...read, ...findings, ok: false });
        throw new Error(message, { cause: error });
      }
    }
  } catch (error) {
    return abandon(error);
  }
  const host = options.host ?? '127.0.0.1';

  // Without a server of another kind given, serve() starts a node:http one. Node checks its timeouts every 30 s
  // by default: a shorter limit is checked often enough to be kept within a tenth of it.
  const serverOptions = { requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(30_000, Math.ceil(limits.requestTimeoutMs / 10)) };
  const server = await new Promise<HttpServer>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host, serverOptions }, () => resolve(started as HttpServer));
    started.once('error', (error) => void abandon(error).catch(reject));
  });
  // Made once the hub listens: a start that fails leaves the demo token of the last start working.
  let demoToken: string | undefined;
  try {
    if (options.demoToken) demoToken = await replaceDemoToken(store, demoOrganisation);
  } catch (error) {
    server.close();
    return abandon(error);
  }
  answerRefusedRequests(server, origins);
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    ...(demoToken ? { demoToken, demoPrincipal: { organisation: demoOrganisation, role: 'secretariat' as const } } : {}),
    seeded,
    skipped,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          void store.close().then(() => (error ? reject(error) : resolve()), reject);
        });
        // Keep-alive connections would hold close() open.
        server.closeAllConnections();
      }),
  };
}

/**
 * How long the hub keeps an idle connection open. Node's 5 s let a client, or a load balancer, send a request
 * on a connection the hub was closing at that moment (the request then fails with ECONNRESET, more often on a
 * busy machine, whose timers run late); a minute and more is longer than the idle timeout of common load
 * balancers and of fetch's pool, so they close first.
 */
const IDLE_CONNECTION_MS = 65_000;

/** The validator page the build copies into this package (`dist/web`), if it is there. */
function shippedValidatorPage(): string | undefined {
  const dir = fileURLToPath(new URL('./web', import.meta.url));
  return existsSync(`${dir}/index.html`) ? dir : undefined;
}

/**
 * Makes the demo token, revoking those of earlier starts: each is shown once, at its start, so an earlier one is
 * a secretariat token that nobody can be shown again.
 */
async function replaceDemoToken(store: Store, organisation: string): Promise<string> {
  for (const token of await store.tokens()) if (token.label === DEMO_TOKEN_LABEL && token.revokedAt === null) await store.revokeToken(token.id);
  return store.createToken(organisation, 'secretariat', { label: DEMO_TOKEN_LABEL });
}

/** The bytes of a file the hub reads at start; one it cannot read is an error of the file system's code, with its `path`. */
function readBytes(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw Object.assign(new Error(`Cannot read the ${what} ${file}: ${code ?? (error as Error).message}`), { code, path: file });
  }
}

/** A DHIS2 mapping file. */
function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readBytes(file, what).toString('utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).path !== undefined) throw error;
    throw new Error(`The ${what} ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** A seed package read as `phx validate` reads a .phx.json file, its records counted first (up to `maxRecords`); one that is not JSON is refused. */
function readSeed(file: string, maxRecords: number, locale: Locale): ValidationResult & { data: unknown } {
  const bytes = readBytes(file, 'seed package');
  try {
    limitRecords(bytes, maxRecords, 'The package');
  } catch (error) {
    throw new Error(`Cannot seed the hub with ${file}: ${(error as Problem).detail}`, { cause: error });
  }
  const read = readJsonDocument(bytes, { locale });
  if (read.data === undefined) throw new SeedRefusedError(`The seed package ${file} is not valid JSON: ${read.issues[0]?.message}`, file, read);
  // Counted as `phx validate` counts them, for a report of the package's issues.
  const countOf = (type: RecordType): number => {
    const list = (read.data as Record<string, unknown> | null)?.[recordTypes[type].collection];
    return Array.isArray(list) ? list.length : 0;
  };
  const records = Object.fromEntries(recordTypeNames.map((type) => [type, countOf(type)])) as Record<RecordType, number>;
  return { ...read, read: { ...read.read, records }, data: read.data };
}

/**
 * Options of {@link createToken}.
 *
 * @example
 * ```ts
 * const options: CreateTokenOptions = { db: './phx.sqlite', organisation: 'ZM-PACRA-120045', role: 'member' };
 * const { token } = await createToken(options);
 * ```
 */
export interface CreateTokenOptions {
  /**
   * The hub's database: its SQLite file or `postgres://` URL. A SQLite file that does not exist is refused
   * (an error of code `ENOENT`): only {@link startHub} creates a database.
   */
  db: string;
  /** Identifier of the organisation the token acts for. */
  organisation: string;
  role: Role;
  /**
   * When the token stops working (an ISO 8601 date or date-time).
   * @default never
   */
  expiresAt?: string;
  /** Who or what holds the token, shown by `listTokens`. */
  label?: string;
  /**
   * Create the token although the hub holds no record of the organisation yet: one about to join. Otherwise such an
   * organisation is refused with an {@link UnknownOrganisationError}, since a mistyped id would give a token that can
   * write nothing of the organisation's.
   * @default false
   */
  newOrganisation?: boolean;
}

/**
 * {@link createToken} was asked for a token of an organisation the hub holds no record of (and not told it is a new
 * one): `suggestions` are the nearest ids the hub knows, the likely meant one first.
 *
 * @example
 * ```ts
 * try {
 *   await createToken({ db: './phx.sqlite', organisation: 'ZA-NPO-204-181', role: 'member' });
 * } catch (error) {
 *   if (error instanceof UnknownOrganisationError) console.error(error.message, error.suggestions);
 * }
 * ```
 */
export class UnknownOrganisationError extends Error {
  override readonly name = 'UnknownOrganisationError';

  constructor(
    /** The organisation id given. */
    readonly organisation: string,
    /** The ids the hub knows nearest to it; none when no id is near, or the hub holds no organisation. */
    readonly suggestions: readonly string[],
    /** Whether the hub holds any organisation. */
    hubHoldsOrganisations: boolean,
  ) {
    super(
      `The hub knows no organisation "${organisation}"` +
        (suggestions.length > 0 ? `: did you mean ${suggestions.map((id) => `"${id}"`).join(' or ')}?` : hubHoldsOrganisations ? '.' : ': it holds no organisation yet.'),
    );
  }
}

/**
 * Creates a bearer token for an organisation and role. The hub stores only its hash: the token
 * is returned once and cannot be shown again. An organisation the hub holds no record of is refused
 * ({@link UnknownOrganisationError}) unless `newOrganisation` says it is about to join.
 *
 * @example
 * ```ts
 * import { createToken } from '@phx/server';
 * const { token } = await createToken({ db: './phx.sqlite', organisation: 'ZA-NPO-123-456', role: 'member', newOrganisation: true });
 * ```
 */
export async function createToken(options: CreateTokenOptions): Promise<{ token: string }> {
  if (!['member', 'secretariat', 'reader'].includes(options.role)) {
    throw new Error(`Unknown role "${options.role}": use member, secretariat or reader.`);
  }
  if (!/^\S+$/.test(options.organisation)) throw new Error('Give the identifier of the organisation the token acts for.');
  let expiresAt: string | undefined;
  if (options.expiresAt !== undefined) {
    const date = new Date(options.expiresAt);
    const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(options.expiresAt);
    if (!day || Number.isNaN(date.getTime())) throw new Error(`The expiry "${options.expiresAt}" is not a date: use YYYY-MM-DD or a date-time.`);
    // A day the calendar does not have (2027-02-30) is refused, as the hub refuses it in a query, not moved on to the next month.
    const [year, month, dayOfMonth] = day.slice(1).map(Number) as [number, number, number];
    const calendar = new Date(Date.UTC(year, month - 1, dayOfMonth));
    if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== dayOfMonth) {
      throw new Error(`The expiry "${options.expiresAt}" is not a date: ${day[0]} is not a day of the calendar.`);
    }
    if (date.getTime() <= Date.now()) throw new Error(`The expiry ${options.expiresAt} has passed.`);
    expiresAt = date.toISOString();
  }
  return withStore(options.db, async (store) => {
    if (!options.newOrganisation) {
      const known = await store.ids('organisation');
      if (!known.includes(options.organisation)) throw new UnknownOrganisationError(options.organisation, suggestionsFor(options.organisation, known), known.length > 0);
    }
    return { token: await store.createToken(options.organisation, options.role, { ...(expiresAt ? { expiresAt } : {}), ...(options.label ? { label: options.label } : {}) }) };
  });
}

/** Works on the store of an existing hub: only a starting hub creates its database, so a mistyped path is refused. */
async function withStore<T>(db: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db, { create: false });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Lists the tokens of a hub — their ids, organisations, roles, expiry, last use and revocation,
 * never the tokens themselves. A SQLite file that does not exist is refused (an error of code `ENOENT`).
 *
 * @example
 * ```ts
 * import { listTokens } from '@phx/server';
 * for (const t of await listTokens({ db: './phx.sqlite' })) console.log(t.id, t.organisation, t.lastUsedAt);
 * ```
 */
export function listTokens(options: { db: string }): Promise<TokenInfo[]> {
  return withStore(options.db, (store) => store.tokens());
}

/**
 * Revokes a token by its id (from `listTokens`): requests with it get 401 from then on. A SQLite file
 * that does not exist is refused (an error of code `ENOENT`).
 *
 * @example
 * ```ts
 * import { revokeToken } from '@phx/server';
 * if (!(await revokeToken({ db: './phx.sqlite', id: '0b6e…' }))) console.error('no such token, or revoked already');
 * ```
 */
export function revokeToken(options: { db: string; id: string }): Promise<boolean> {
  return withStore(options.db, (store) => store.revokeToken(options.id));
}
