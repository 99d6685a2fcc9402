import { exitCodes } from '../errors.js';

/**
 * What a command needs from the process: where to print, and how. Pass one to `runPhx` to keep the output.
 *
 * @example
 * ```ts
 * import { exitCodes, runPhx, type Context } from '@phx/cli';
 * let out = '';
 * const context: Context = {
 *   version: '1.0.0', color: false,
 *   print: (text) => { out += text; return exitCodes.ok; },
 *   note: (text) => console.error(text),
 * };
 * const code = await runPhx(['validate', 'zm-2020.phx.json', '--format', 'json'], context);
 * const report = JSON.parse(out);
 * ```
 */
export interface Context {
  /** The version of `phx`. */
  version: string;
  /** Whether standard output is a terminal that shows colours. */
  color: boolean;
  /** Prints to standard output; returns exit code 0, so that `return context.print(help)` ends a command. */
  print(text: string): number;
  /** Prints a line to standard error (notes beside the output). */
  note(text: string): void;
}

/** Whether a stream of the process shows colours: a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`. */
function showsColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

/** Whether what phx prints on standard error is coloured, as standard output is decided. */
export function stderrColor(): boolean {
  return showsColor(process.stderr);
}

/** The context of the running process. */
export function processContext(version: string): Context {
  return {
    version,
    color: showsColor(process.stdout),
    print(text) {
      process.stdout.write(text);
      return exitCodes.ok;
    },
    note(text) {
      process.stderr.write(`${text}\n`);
    },
  };
}
