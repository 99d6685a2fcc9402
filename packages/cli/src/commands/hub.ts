import { formatOfName, type Locale } from '@phx/schema';
import { choice, localeOf, parse, suppressionThresholdHelp, suppressionThresholdOf, wholeNumber } from '../args.js';
import { describeFsError, exitCodes, UsageError } from '../errors.js';
import { renderHuman } from '../report/human.js';
import type { FileReport } from '../report/types.js';
import type { Context } from './context.js';
import { refusePackage } from './read-package.js';

/** The part of `@phx/server` that `phx serve` and `phx token` use. */
interface HubModule {
  startHub(options: {
    db: string;
    port?: number;
    host?: string;
    seed?: string[] | undefined;
    webRoot?: string;
    demoToken?: boolean | undefined;
    locale?: Locale;
    dhis2Mappings?: Record<string, string>;
    corsOrigins?: string[] | undefined;
    publicUrl?: string | undefined;
    suppressionThreshold?: number | undefined;
    limits?: { maxBodyBytes?: number; maxImportRecords?: number; maxIssues?: number; requestTimeoutMs?: number };
  }): Promise<{
    url: string;
    demoToken?: string;
    demoPrincipal?: { organisation: string; role: string };
    // An @phx/server the peer range allows may be older than the warnings of its seeds: it gives none.
    seeded?: { file: string; result: SeedFindings }[];
    skipped?: { file: string; package: string; reason: string }[];
    close(): Promise<void>;
  }>;
  createToken(options: {
    db: string;
    organisation: string;
    role: 'member' | 'secretariat' | 'reader';
    expiresAt?: string | undefined;
    label?: string | undefined;
    newOrganisation?: boolean;
  }): Promise<{ token: string }>;
  listTokens(options: { db: string }): Promise<
    { id: string; organisation: string; role: string; label: string | null; createdAt: string; expiresAt: string | null; lastUsedAt: string | null; revokedAt: string | null }[]
  >;
  revokeToken(options: { db: string; id: string }): Promise<boolean>;
}

/** What the hub found in a seed, imported or refused. */
type SeedFindings = Omit<FileReport, 'file' | 'format'>;

/** Where the hub module is loaded from; tests point it elsewhere. */
const HUB_MODULE = process.env.PHX_SERVER_MODULE ?? '@phx/server';

/**
 * Loads `@phx/server` only when a hub command runs, so that installing the CLI to validate files
 * never builds its native SQLite module.
 */
async function loadHub(): Promise<HubModule> {
  try {
    return (await import(HUB_MODULE)) as HubModule;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new UsageError('hub-not-installed', {});
    }
    throw error;
  }
}

/**
 * What the hub refused, as one line: a port in use, a file it cannot read (a seed, a directory as the database), a
 * database that does not exist or cannot be opened (`on` is the port it was to listen on, or the database).
 */
function hubError(error: unknown, on: { port: number } | { db: string }): UsageError {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if ('port' in on && code === 'EADDRINUSE') return new UsageError('port-in-use', on);
  if ('port' in on && code === 'EACCES') return new UsageError('port-denied', on);
  if ('db' in on && code === 'ENOENT') return new UsageError('no-such-database', { path: on.db });
  if (path !== undefined) return describeFsError(error, path);
  return new UsageError('text', { message: (error as Error)?.message ?? String(error) });
}

export const serveHelp = `Usage: phx serve [--db <file|url>] [--port <N>] [--host <name>] [--seed <file>...] [--dhis2-mapping <name>=<file>...] [--demo]
                 [--cors-origin <origin>...] [--public-url <url>] [--max-body-bytes <N>] [--max-import-records <N>] [--max-issues <N>]
                 [--request-timeout <seconds>] [--suppression-threshold <N>]

Starts a PHX exchange hub (needs @phx/server: npm install @phx/server): the exchange API under
/v1 (its OpenAPI document at /v1/openapi.json) and the browser validator page at /.

Options:
  --db <file|url>       the database: a SQLite file (default ./phx.sqlite; made if missing) or a
                        PostgreSQL URL, postgres://user:password@host:5432/phx (several hubs may share it)
  --port <N>            port to listen on (default 8080; 0 picks a free one)
  --host <name>         interface to listen on (default 127.0.0.1)
  --seed <file>         a .phx.json package to load at start; repeat for more
  --dhis2-mapping <name>=<file>
                        a DHIS2 mapping (as phx export --mapping takes) that GET /v1/export?format=dhis2
                        uses when asked for it by name (&mapping=<name>); repeat for more. Without one,
                        DHIS2 exports use gam, the UNAIDS GAM template
  --demo                create a demo token, revoking the last one, and print it
  --cors-origin <origin>
                        let web pages of this origin call the hub; repeat for more, * for any
  --public-url <url>    the hub's address behind a proxy, e.g. https://hub.example.org
  --max-body-bytes <N>  largest request body (default 134217728, 128 MiB)
  --max-import-records <N>
                        most records of a package to import or validate, counted before it is
                        parsed (default 200000)
  --max-issues <N>      most issues listed in an answer; past it the list is cut and marked
                        truncated (default 1000)
  --request-timeout <seconds>
                        time a request's headers and body have to arrive; a slower one is
                        answered 408 (default 300)
${suppressionThresholdHelp}
  -h, --help            show this help`;

/** `phx serve`: starts the hub until interrupted. */
export async function runServe(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('serve', argv, {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string', multiple: true },
    'dhis2-mapping': { type: 'string', multiple: true },
    demo: { type: 'boolean' },
    'cors-origin': { type: 'string', multiple: true },
    'public-url': { type: 'string' },
    'max-body-bytes': { type: 'string' },
    'max-import-records': { type: 'string' },
    'max-issues': { type: 'string' },
    'request-timeout': { type: 'string' },
    'suppression-threshold': { type: 'string' },
  });
  if (values.help) return context.print(`${serveHelp}\n`);
  if (positionals.length > 0) throw new UsageError('unexpected-argument', { command: 'serve', argument: positionals[0]! });
  const port = wholeNumber('port', values.port, 0) ?? 8080;
  const suppressionThreshold = suppressionThresholdOf(values['suppression-threshold']);
  const dhis2Mappings = Object.fromEntries(
    (values['dhis2-mapping'] ?? []).map((pair) => {
      const match = /^([^=]+)=(.+)$/.exec(pair);
      if (!match) throw new UsageError('dhis2-mapping-pair', { value: pair });
      return [match[1]!, match[2]!];
    }),
  );
  // A limit not given is left out: the hub's default holds.
  const limit = (option: 'max-body-bytes' | 'max-import-records' | 'max-issues' | 'request-timeout', name: string, scale = 1) => {
    const value = wholeNumber(option, values[option], 1);
    return value && { [name]: value * scale };
  };
  const limits = { ...limit('max-body-bytes', 'maxBodyBytes'), ...limit('max-import-records', 'maxImportRecords'), ...limit('max-issues', 'maxIssues'), ...limit('request-timeout', 'requestTimeoutMs', 1000) };
  // A CSV holds one table of records, not the package a hub is seeded with.
  for (const seed of values.seed ?? []) if (formatOfName(seed) === 'csv') throw new UsageError('not-a-package', { path: seed, command: 'serve' });
  const locale = localeOf(undefined);
  const hub = await loadHub();
  const server = await hub
    .startHub({
      db: values.db ?? './phx.sqlite',
      port,
      ...(values.host ? { host: values.host } : {}),
      seed: values.seed,
      dhis2Mappings,
      corsOrigins: values['cors-origin'],
      publicUrl: values['public-url'],
      suppressionThreshold,
      demoToken: values.demo,
      locale,
      limits,
    })
    .catch((error: unknown) => {
      const { file, result } = error as { file?: string; result?: SeedFindings };
      if (!file || !result) throw hubError(error, { port });
      // A seed the hub refused: its issues as `phx validate` prints them.
      return refusePackage({ ...result, file, format: 'json' }, 'phx serve', { locale, readsEncodings: false }, context);
    });
  // Listened for before the hub says it listens: a stop asked as soon as it does (a supervisor, a test) closes it.
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  for (const { file, package: id, reason } of server.skipped ?? []) context.note(`phx: skipped the seed ${file} (package ${id}): ${reason}`);
  // The warnings of the seeds imported, as `phx validate` prints them: they did not stop the import.
  const seeded = server.seeded ?? [];
  if (seeded.some(({ result }) => result.warnings > 0)) context.print(renderHuman({ files: seeded.map(({ file, result }) => ({ ...result, file, format: 'json' })), quiet: false, locale }, context.color));
  context.print(`PHX hub listening on ${server.url}\n`);
  context.print(`  validator page: ${server.url}/\n  exchange API:   ${server.url}/v1 (OpenAPI: ${server.url}/v1/openapi.json)\n`);
  const demo = server.demoPrincipal;
  if (demo) context.print(`demo token (${demo.role} of ${demo.organisation}): ${server.demoToken}\n`);
  await stopped;
  await server.close();
  return exitCodes.ok;
}

export const tokenHelp = `Usage: phx token create --org <organisation id> --role <member|secretariat|reader> [--new-org] [--expires <date>] [--label <text>] [--db <file|url>]
       phx token list [--db <file|url>]
       phx token revoke <id> [--db <file|url>]

create prints a new access token once: store it, it is not shown again. list shows each token's id,
organisation, role, label, expiry and last use (never the token). revoke stops a token by its id.
Needs @phx/server (npm install @phx/server).

Options:
  --org <id>        the organisation the token acts for, e.g. ZA-NPO-123-456
  --role <role>     member (writes its own records), secretariat (writes on behalf of every
                    organisation) or reader
  --expires <date>  when the token stops working, YYYY-MM-DD or a date-time (default never)
  --label <text>    who or what holds the token, shown by list
  --new-org         create the token although the hub holds no record of the organisation yet
                    (without it, an --org the hub does not know is refused, with the nearest ids)
  --db <file|url>   the hub's database: its SQLite file (default ./phx.sqlite), which phx serve
                    made, or PostgreSQL URL
  -h, --help        show this help`;

/** `phx token create|list|revoke`: manages the hub's access tokens. */
export async function runToken(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('token', argv, {
    org: { type: 'string' },
    role: { type: 'string' },
    db: { type: 'string' },
    expires: { type: 'string' },
    label: { type: 'string' },
    'new-org': { type: 'boolean' },
  });
  if (values.help) return context.print(`${tokenHelp}\n`);
  const [action, ...rest] = positionals;
  const db = values.db ?? './phx.sqlite';
  const fail = (error: unknown): never => {
    throw hubError(error, { db });
  };
  if (action === 'list' && rest.length === 0) {
    const hub = await loadHub();
    const tokens = await hub.listTokens({ db }).catch(fail);
    const rows = tokens.map((t) => [t.id, t.organisation, t.role, t.label ?? '', t.expiresAt ?? 'never', t.lastUsedAt ?? 'never', t.revokedAt ? `revoked ${t.revokedAt}` : 'active']);
    const header = ['id', 'organisation', 'role', 'label', 'expires', 'last used', 'status'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
    return context.print(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  }
  if (action === 'revoke' && rest.length === 1) {
    const hub = await loadHub();
    if (!(await hub.revokeToken({ db, id: rest[0]! }).catch(fail))) throw new UsageError('no-such-token', { id: rest[0]! });
    context.note(`revoked the token ${rest[0]}`);
    return exitCodes.ok;
  }
  if (action !== 'create' || rest.length > 0) throw new UsageError('token-commands', {});
  if (!values.org) throw new UsageError('no-org', {});
  const role = choice('role', values.role, ['member', 'secretariat', 'reader'], 'member');
  const hub = await loadHub();
  const { token } = await hub
    .createToken({
      db,
      organisation: values.org,
      role,
      newOrganisation: values['new-org'] === true,
      expiresAt: values.expires,
      label: values.label,
    })
    .catch(fail);
  return context.print(`${token}\n`);
}
