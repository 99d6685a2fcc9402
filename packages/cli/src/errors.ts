/**
 * Exit codes of `phx`, as documented in `phx --help` and the README.
 *
 * @example
 * ```ts
 * import { exitCodes, runPhx } from '@phx/cli';
 * const code = await runPhx(['validate', 'zm-2020.phx.json']);
 * if (code === exitCodes.invalid) console.error('zm-2020.phx.json has errors');
 * ```
 */
export const exitCodes = {
  /** The data is valid (or the command did what it was asked). */
  ok: 0,
  /** The data is invalid. */
  invalid: 1,
  /** Wrong usage, or a file that cannot be read or written. */
  usage: 2,
} as const;

/** An option `phx check` needs. */
export type CheckOption = 'profile' | 'country' | 'year';

/**
 * The params of each usage error, by code: what its message says, in any language. The words are
 * kept per language in `report/usage.ts`.
 */
export interface UsageParams {
  /** A file that does not exist. */
  'no-such-file': { path: string };
  /** A directory where a file is expected. */
  'is-a-directory': { path: string };
  /** A file (or database) phx may not read or write. */
  'permission-denied': { path: string };
  /** A path with a part that is not a directory. */
  'not-a-directory': { path: string };
  /** An output in a folder that does not exist. */
  'no-such-folder': { path: string; folder: string };
  /** Any other file-system error, with its code. */
  'cannot-read-or-write': { path: string; reason: string };
  /** An output whose name ends as no format phx writes. */
  'unsupported-file-type': { path: string };
  /** A glob that matches no file. */
  'no-match': { pattern: string };
  /** An output that exists, without `--force`. */
  'exists-already': { path: string };
  /** An output that is one of the inputs. */
  'input-as-output': { path: string };
  /** An option the command does not know. */
  'unknown-option': { command: string; option: string };
  /** An option given without its value (or a value to an option that takes none). */
  'missing-value': { command: string; option: string };
  /** A value given to an option that takes none. */
  'takes-no-value': { command: string; option: string };
  /** An argument the command does not take. */
  'unexpected-argument': { command: string; argument: string };
  /** `phx validate` without a file. */
  'no-file-to-validate': Record<string, never>;
  /** A command that reads files, without one. */
  'no-input-file': { command: string };
  /** A command that writes a file, without `-o`: `file` is the placeholder of its name, e.g. `<file.xlsx>`. */
  'no-output': { command: string; file: string };
  /** An option's value not among the allowed ones. */
  /** `suggestion`: the allowed value the one given most likely means (`ua` for the language is `uk`). */
  'not-one-of': { option: string; allowed: readonly string[]; value: string; suggestion?: string };
  /** An option's value that is not a whole number of at least `min`. */
  'not-whole-number': { option: string; min: number; value: string };
  /** An `--encoding` that names no text encoding. */
  'unknown-encoding': { value: string };
  /** A command phx does not have. */
  'unknown-command': { command: string };
  /** `phx serve` or `phx token` without `@phx/server`. */
  'hub-not-installed': Record<string, never>;
  /** A port another program listens on. */
  'port-in-use': { port: number };
  /** A port phx may not listen on. */
  'port-denied': { port: number };
  /** `phx token revoke` with an id that is no active token's. */
  'no-such-token': { id: string };
  /** `phx token` with a SQLite file that does not exist: only `phx serve` creates a hub's database. */
  'no-such-database': { path: string };
  /** A package of several record types written as one CSV. */
  'csv-one-type': { types: readonly string[] };
  /** An option of `phx convert` that only applies to a CSV output. */
  'only-csv-output': { option: string; to: string };
  /** An option of `phx convert` that only applies to CSV inputs or a CSV output. */
  'only-csv': { option: string };
  /** An option of `phx convert` that only applies to CSV and .xlsx inputs. */
  'only-sheet-inputs': { option: string };
  /** `--header` with a CSV output. */
  'header-with-csv-output': Record<string, never>;
  /** `--header` while another input gives a package header. */
  'header-replaced': { file: string; header: string };
  /** `--header` naming a file without a package header. */
  'header-missing': { header: string };
  /** Several inputs each giving a package header. */
  'headers-several': { files: readonly string[] };
  /** A command that reads a whole package given a part of one: a CSV table, an NDJSON stream without its header line. */
  'not-a-package': { path: string; command: string };
  /** `phx check` without some of the options it needs, all of them named at once. */
  'check-options-missing': { options: readonly CheckOption[] };
  /** A `--country` that is no country: no ISO 3166-1 code, alpha-3 code or name of one; with the code meant, when one is near. */
  'not-a-country': { value: string; suggestion?: string };
  /** A `--year` that is no year. */
  'not-a-year': { value: string };
  /** `phx check` or `phx export` given no package, or several. */
  'one-package': { command: 'check' | 'export' };
  /** `phx export` with no `--to` and an output name that ends as no target's files. */
  'no-target': { path: string; targets: readonly string[] };
  /** `phx export` with an output name that ends as the files of another target than `--to`. */
  'target-mismatch': { path: string; named: string; target: string; extension: string };
  /** `phx export --mapping` to a target that is not DHIS2. */
  'mapping-not-dhis2-target': { target: string };
  /** `phx export` with an output name of another kind of file (`kind`: `PHX package`, `CSV` or `JSON`) than the target writes (`CSV` or `JSON`). */
  'extension-mismatch': { path: string; kind: string; target: string; writes: string; extension: string };
  /** `phx import` given no file, or several. */
  'one-file-to-import': Record<string, never>;
  /** `phx import` with no `--from` and a file name that ends as no source's files. */
  'no-source': { path: string; sources: readonly string[] };
  /** `phx import --mapping` from a source that is not DHIS2. */
  'mapping-not-dhis2-source': { source: string };
  /** `phx import` with an output that is not a .phx.json package: `suggested` is that name as a .phx.json. */
  'import-writes-package': { path: string; suggested: string };
  /** `--publisher-name` without `--publisher`. */
  'publisher-name-alone': Record<string, never>;
  /** An option's value the data format refuses (`reason`: the validator's message, in the user's language). */
  'option-not-valid': { option: string; reason: string };
  /** A `--dhis2-mapping` that is not `<name>=<file>`. */
  'dhis2-mapping-pair': { value: string };
  /** A `phx token` command that is none of create, list and revoke. */
  'token-commands': Record<string, never>;
  /** `phx token create` without `--org`. */
  'no-org': Record<string, never>;
  /** `phx schema` given several types. */
  'one-type-at-most': Record<string, never>;
  /** `phx schema` given a type it does not know. */
  'unknown-type': { type: string; types: readonly string[] };
  /** `phx template` with an output that is not .xlsx. */
  'template-not-xlsx': { path: string };
  /** `phx template --facilities` naming a file without facilities. */
  'no-facilities': { path: string };
  /** A `--hub` that is no URL. */
  'not-a-url': { value: string };
  /** A `--hub` URL that is not http or https. */
  'not-http-url': { value: string };
  /** `phx convert` from a file to one of the same format. */
  'nothing-to-convert': { input: string; output: string; format: string };
  /** Words that have no code: printed as given, in English (Node's text when not recognised, or the hub's own message). */
  text: { message: string; hint?: string };
}

/** The code of a usage error. */
export type UsageCode = keyof UsageParams;

/**
 * A problem with how `phx` was called or with a file it cannot read or write: printed as one line in the
 * language of `--locale`, exit code 2, never a stack trace. It carries a code and the params of its message,
 * which is rendered where it is printed (its `message` names the code and params, for a log).
 */
export class UsageError<C extends UsageCode = UsageCode> extends Error {
  override readonly name = 'UsageError';

  constructor(
    readonly code: C,
    readonly params: UsageParams[C],
  ) {
    super(code === 'text' ? (params as UsageParams['text']).message : `${code}: ${JSON.stringify(params)}`);
  }
}

/**
 * Bad input that makes a file unusable as a whole (an empty file, a CSV without a header):
 * printed as one line, exit code 1.
 */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';

  /** @param hint - what to do about it, its label first, in the language of the command: printed under the message. */
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A file-system error as a usage error about the path it concerns. */
export function describeFsError(error: unknown, path: string): UsageError {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return new UsageError('no-such-file', { path });
    case 'EISDIR':
      return new UsageError('is-a-directory', { path });
    case 'EACCES':
    case 'EPERM':
      return new UsageError('permission-denied', { path });
    case 'ENOTDIR':
      return new UsageError('not-a-directory', { path });
    default:
      return new UsageError('cannot-read-or-write', { path, reason: code ?? (error as Error)?.message ?? String(error) });
  }
}
