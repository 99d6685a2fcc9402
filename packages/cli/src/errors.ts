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

/**
 * A problem with how `phx` was called or with a file it cannot read or write: printed as one line,
 * exit code 2, never a stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    /** A hint on what to do instead. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * Bad input that makes a file unusable as a whole (an empty file, a CSV without a header):
 * printed as one line, exit code 1.
 */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}

/** The message of a file-system error, in words a user reads, with the path it concerns. */
export function describeFsError(error: unknown, path: string): UsageError {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return new UsageError(`${path}: no such file`);
    case 'EISDIR':
      return new UsageError(`${path}: is a directory, not a file`, 'name the files in it, e.g. "dir/*.phx.json"');
    case 'EACCES':
    case 'EPERM':
      return new UsageError(`${path}: permission denied`);
    case 'ENOTDIR':
      return new UsageError(`${path}: a part of the path is not a directory`);
    default:
      return new UsageError(`${path}: cannot be read or written (${code ?? (error as Error)?.message ?? String(error)})`);
  }
}
