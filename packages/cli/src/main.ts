import { createColors } from 'picocolors';
import { processContext, stderrColor, type Context } from './commands/context.js';
import { exitCodes, InvalidInputError, UsageError } from './errors.js';
import { capYoungGeneration } from './io/young-generation.js';

export const mainHelp = `Usage: phx <command> [options]

Tools for PHX (Prison Health Exchange) data files: .phx.json, .phx.ndjson, .csv and .xlsx.

Commands:
  validate <files...>      check files against the PHX format and its rules
  convert <in...> -o <out> build one package from .phx.json, .phx.ndjson, .csv and .xlsx
                           files and write it in any of these formats
  template -o <file.xlsx>  write an empty workbook to fill in, with drop-down lists
  export <pkg> -o <out>    write a package as FHIR, DHIS2 or SDMX data
  import <in> -o <pkg>     read FHIR, DHIS2 or SDMX data into a package
  check <pkg>              check a package's readiness for UNAIDS GAM reporting
  init [--out <file>]      write a starter data package
  schema [type]            print the JSON Schema of a type or of the package
  indicators               list the indicator catalogue
  serve                    start an exchange hub (needs @phx/server)
  token create             create an access token for the hub (needs @phx/server)
  token list               list the hub's access tokens, never the tokens themselves
  token revoke <id>        stop an access token by its id

Options:
  -h, --help       show help; \`phx <command> --help\` shows a command's options
  -v, --version    show the version

Exit codes:
  0  valid (or done)
  1  invalid data, or a file PHX cannot read as data (not UTF-8, a PDF, a damaged workbook)
  2  usage or I/O error (unknown option, missing file, a file phx may not open)`;

type Command = (argv: string[], context: Context) => Promise<number>;

// Each command is loaded when run: `phx --version` or `phx schema` need none of what `phx validate` loads.
const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.js')).runValidate,
  convert: async () => (await import('./commands/convert.js')).runConvert,
  export: async () => (await import('./commands/export.js')).runExport,
  import: async () => (await import('./commands/import.js')).runImport,
  check: async () => (await import('./commands/check.js')).runCheck,
  init: async () => (await import('./commands/init.js')).runInit,
  template: async () => (await import('./commands/template.js')).runTemplate,
  schema: async () => (await import('./commands/schema.js')).runSchema,
  indicators: async () => (await import('./commands/indicators.js')).runIndicators,
  serve: async () => (await import('./commands/hub.js')).runServe,
  token: async () => (await import('./commands/hub.js')).runToken,
};

/**
 * Runs `phx` with its arguments and returns the exit code. Every failure becomes one line on
 * standard error: usage and I/O errors exit 2, unusable input exits 1; no stack trace unless
 * `PHX_DEBUG` is set.
 */
export async function main(argv: string[], context: Context): Promise<number> {
  const [command, ...rest] = argv;
  const c = createColors(stderrColor());
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') return context.print(`${mainHelp}\n`);
    if (command === '--version' || command === '-v') return context.print(`${context.version}\n`);
    const load = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (!load) throw new UsageError('unknown-command', { command });
    const run = await load();
    capYoungGeneration();
    return await run(rest, context);
  } catch (error) {
    if (error instanceof UsageError) {
      // Its words are loaded only when one is printed; the language is read from the arguments as given.
      const [{ renderUsage }, { reportWords }, { usageLocaleOf }] = await Promise.all([import('./report/usage.js'), import('./report/words.js'), import('./args.js')]);
      const locale = usageLocaleOf(rest);
      const { message, hint } = renderUsage(error, locale);
      context.note(`${c.red('phx:')} ${message}${hint ? `\n${c.dim(`${reportWords[locale].hintLabel} ${hint}`)}` : ''}`);
      return exitCodes.usage;
    }
    if (error instanceof InvalidInputError) {
      context.note(`${c.red('phx:')} ${error.message}${error.hint ? `\n${c.dim(error.hint)}` : ''}`);
      return exitCodes.invalid;
    }
    const detail = process.env.PHX_DEBUG ? `\n${(error as Error)?.stack ?? ''}` : '';
    context.note(`${c.red('phx:')} unexpected failure: ${(error as Error)?.message ?? String(error)}${detail}`);
    return exitCodes.usage;
  }
}

export { processContext };
