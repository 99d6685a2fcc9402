import { formatOfName, readJsonDocument, validateFileAsync, wholePackageOf, type DataPackage, type Locale } from '@phx/schema';
import { stderrColor, type Context } from './context.js';
import { InvalidInputError, UsageError } from '../errors.js';
import { DEFAULT_MAX_ISSUES } from '../args.js';
import { renderHuman } from '../report/human.js';
import { fileReport, type FileReport } from '../report/types.js';
import { reportWords } from '../report/words.js';
import { onInput, readBeside, resolveInputs } from '../io/files.js';

/** How a command reads its package. */
export interface PackageReading {
  locale: Locale;
  /** Print no warnings of the package. */
  quiet: boolean;
  /**
   * The encoding named by `--encoding`, or null for a command that takes the option without it; undefined for a
   * command that does not take it.
   */
  encoding?: string | null;
  /** `--suppression-threshold`: counts from 1 to N-1 must be suppressed (default 5). */
  suppressionThreshold?: number | undefined;
}

/** Issues listed of a package a command refuses: enough to start fixing. */

/**
 * Reads a package (a .phx.json or .phx.ndjson file, a workbook, or standard input, `-`) that a command needs valid.
 * Its warnings are printed as `phx validate` prints them, unless `quiet`, and the command goes on. A package with
 * errors gets them printed so, and the command stops: exit code 1, `outcome` (what it did not do) said, as does a
 * file of a format PHX does not read (an .xls or .ods workbook, a PDF).
 * A part of a package (a CSV table, an NDJSON stream of records without its header line) is a usage error that says
 * how to add the header.
 *
 * @param reading - the language of the messages; `quiet` to print no warnings; the `encoding` of a text file that is
 * not UTF-8, for a command that takes `--encoding` (without it, such a file is refused with the hint to name it);
 * the `suppressionThreshold` of `--suppression-threshold`.
 * @returns the package, and how many warnings of it were found (and printed, unless `quiet`).
 */
export async function readValidPackage(
  path: string,
  command: string,
  outcome: string,
  reading: PackageReading,
  context: Context,
): Promise<{ pkg: DataPackage; warnings: number }> {
  const { locale, quiet, encoding, suppressionThreshold } = reading;
  const [input] = await resolveInputs([path], 'json');
  // A CSV table is told by its name before it is read; any other file is judged by what validating it finds.
  if (formatOfName(input!.name) === 'csv') throw new UsageError('not-a-package', { path: input!.name, command });
  const result = await onInput(input!, validateFileAsync, { locale, maxIssues: DEFAULT_MAX_ISSUES, keepData: true, encoding: encoding ?? undefined, suppressionThreshold });
  const report = fileReport(input!.name, result);
  if (!result.ok) refusePackage(report, outcome, { locale, readsEncodings: encoding !== undefined }, context);
  // An NDJSON stream of records validates without its header line, but is a part of a package.
  const pkg = wholePackageOf(result);
  if (!pkg) throw new UsageError('not-a-package', { path: input!.name, command });
  if (!quiet) noteWarnings(report, locale, context);
  return { pkg, warnings: result.warnings };
}

/**
 * Prints the warnings of a valid package as `phx validate` prints them, on standard error beside what the command
 * prints: they stop no command, but personal data in a note goes on with the package.
 */
export function noteWarnings(report: FileReport, locale: Locale, context: Context): void {
  if (report.issues.length > 0) context.note(renderHuman({ files: [report], quiet: false, locale }, stderrColor()).trimEnd());
}

/**
 * Stops a command at a package with errors: they are printed as `phx validate` prints them, exit code 1, `outcome`
 * (what the command did not do) said.
 */
export function refusePackage(report: FileReport, outcome: string, { locale, readsEncodings }: { locale: Locale; readsEncodings: boolean }, context: Context): never {
  context.print(renderHuman({ files: [report], quiet: true, locale, readsEncodings }, context.color));
  throw new InvalidInputError(reportWords[locale].output.invalidPackage(outcome, report.file));
}

/**
 * Reads a JSON file beside the data (a mapping file) as the data is read: bytes that are not UTF-8 or text that is
 * not JSON is an error at its line and column, exit code 1.
 */
export async function readJsonFile(path: string, locale: Locale): Promise<unknown> {
  const [input] = await resolveInputs([path], 'json');
  return readBeside(input!, (bytes) => readJsonDocument(bytes, { locale }));
}
