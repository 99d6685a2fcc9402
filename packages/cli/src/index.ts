/**
 * `@phx/cli` as a library: the `phx` command run in-process, for scripts and pipelines that want its
 * exit code and output without spawning a process. Most programs want `@phx/schema` instead.
 *
 * @packageDocumentation
 */
import packageJson from '../package.json' with { type: 'json' };
import { processContext, type Context } from './commands/context.js';
import { main } from './main.js';

export type { Context } from './commands/context.js';
export { exitCodes } from './errors.js';

/**
 * Runs `phx` with its arguments in this process and returns the exit code (0 valid, 1 invalid data,
 * 2 usage or I/O error). Output goes to the given context, by default this process's standard output
 * and error.
 *
 * @example
 * ```ts
 * import { runPhx } from '@phx/cli';
 * const code = await runPhx(['validate', 'data/*.phx.json', '--format', 'json']);
 * if (code !== 0) process.exitCode = code;
 * ```
 */
export function runPhx(argv: readonly string[], context: Context = processContext(packageJson.version)): Promise<number> {
  return main([...argv], context);
}
