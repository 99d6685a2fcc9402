import { availableParallelism } from 'node:os';
import { choice, dateOrderOf, DEFAULT_MAX_ISSUES, encodingHelp, encodingOf, maxIssuesOf, parse, recordType, sheetLocaleOf, suppressionThresholdHelp, suppressionThresholdOf, wholeNumber } from '../args.js';
import { exitCodes, UsageError } from '../errors.js';
import { validateFileAsync, type ParallelChecks } from '@phx/schema';
import { onInput, resolveInputs } from '../io/files.js';
import { leaveYoungGenerationToV8 } from '../io/young-generation.js';
import { Progress } from '../io/progress.js';
import { renderHuman } from '../report/human.js';
import { renderJson } from '../report/json.js';
import { fileReport, totals, type FileReport } from '../report/types.js';
import type { Context } from './context.js';

export const validateHelp = `Usage: phx validate <files or globs...> [options]

Checks PHX data files: .phx.json (one data package), .phx.ndjson (one record a line, read as a
stream), .csv (one record type per file, as Excel writes it in any locale) and .xlsx workbooks
(a whole package); a file of another kind (an old .xls workbook, a PDF) or in another encoding
(UTF-16, Windows-1251) is reported as such, unless --encoding names it. Use - to read standard input.
Quote globs so that phx expands them: phx validate "data/**/*.phx.json".

Options:
  --format <human|json|sarif>   how to print the issues (default human)
  --locale <en|ru|uk|fr|es>     language of the messages (default: from LANG, else en); when
                                given, also the locale of the Excel that wrote a CSV: its decimal
                                mark and order of day and month where the cells do not tell
  --date-order <day-month|month-day>  order of dates such as 03/04/2020 in CSV and .xlsx files
                                (default: told by each column's cells)
${encodingHelp}
  --fail-on <error|warning>     what makes the exit code 1 (default error)
  --max-issues <N>              list at most N issues of a file (default ${DEFAULT_MAX_ISSUES}): past N, an
                                error or a warning takes the place of the last note listed,
                                an error that of the last warning when no note is; checking
                                a file stops once N are listed, an error among them
${suppressionThresholdHelp}
  --type <record type>          record type of CSV files (default: told from the header):
                                organisation, facility, indicator, observation, meeting
  --stdin-format <ndjson|json|csv>  format of standard input (default: told from its content)
  --jobs <N>                    check the lines of .phx.ndjson files over 4 MiB on N worker
                                threads (default 1: on one thread); the same issues either
                                way. More than the processors available (${availableParallelism()} here) is
                                lowered to that number
  --quiet                       print errors only (and warnings with --fail-on warning), and
                                nothing when no file fails
  -h, --help                    show this help

Exit codes: 0 valid, 1 invalid data (or a file PHX cannot read as data), 2 usage or I/O error
(missing file, a file phx may not open).`;

/** `phx validate`: validates each file and prints the issues. */
export async function runValidate(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('validate', argv, {
    format: { type: 'string' },
    locale: { type: 'string' },
    'fail-on': { type: 'string' },
    'max-issues': { type: 'string' },
    'suppression-threshold': { type: 'string' },
    type: { type: 'string' },
    'date-order': { type: 'string' },
    encoding: { type: 'string' },
    'stdin-format': { type: 'string' },
    jobs: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) return context.print(`${validateHelp}\n`);
  const format = choice('format', values.format, ['human', 'json', 'sarif'], 'human');
  const failOn = choice('fail-on', values['fail-on'], ['error', 'warning'], 'error');
  const { locale, excelLocale } = sheetLocaleOf(values.locale);
  const settings = {
    locale,
    excelLocale,
    dateOrder: dateOrderOf(values['date-order']),
    encoding: encodingOf(values.encoding),
    maxIssues: maxIssuesOf(values['max-issues']),
    suppressionThreshold: suppressionThresholdOf(values['suppression-threshold']),
    type: recordType(values.type),
    parallel: await parallelOf(jobsWithin(wholeNumber('jobs', values.jobs, 1))),
  };
  const stdinFormat = values['stdin-format'] === undefined ? undefined : choice('stdin-format', values['stdin-format'], ['ndjson', 'json', 'csv'], 'ndjson');
  if (positionals.length === 0) throw new UsageError('no-file-to-validate', {});
  const inputs = await resolveInputs(positionals, stdinFormat);

  const files: FileReport[] = [];
  for (const input of inputs) {
    const progress = new Progress(input.name, input.size, process.stderr, process.stderr.isTTY === true && !values.quiet);
    try {
      files.push(fileReport(input.name, await onInput(input, validateFileAsync, settings, (bytes) => progress.advance(bytes))));
    } finally {
      progress.stop();
    }
  }
  const run = { files, quiet: values.quiet === true, locale: settings.locale, failOn, readsEncodings: true, readsExcelLocale: true };
  if (format === 'json') context.print(renderJson(run));
  // SARIF names the rule of every issue code (`issueCodes`): loaded only for it.
  else if (format === 'sarif') context.print((await import('../report/sarif.js')).renderSarif(run, context.version));
  else context.print(renderHuman(run, context.color));
  return totals(files, failOn).invalid > 0 ? exitCodes.invalid : exitCodes.ok;
}

/**
 * The worker threads to start for `--jobs N`: N, or the processors available when N is more. More threads than
 * processors check no faster, and each takes its memory and its time to start.
 */
export function jobsWithin(jobs: number | undefined, processors = availableParallelism()): number | undefined {
  return jobs === undefined ? undefined : Math.min(jobs, processors);
}

/**
 * Worker threads for `--jobs N`: none for 1, the default. Loaded only then, as their side of the work imports what
 * `validateFileAsync()` loads only when a file needs it (zod, every language).
 */
async function parallelOf(jobs: number | undefined): Promise<ParallelChecks | undefined> {
  if (jobs === undefined || jobs === 1) return undefined;
  leaveYoungGenerationToV8();
  return (await import('@phx/schema/node')).workerThreads(jobs);
}
