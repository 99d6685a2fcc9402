import { formatOfName, readJsonDocument, validateFile, type DataPackage, type Locale } from '@phx/schema';
import type { Context } from './context.js';
import { InvalidInputError, UsageError } from '../errors.js';
import { renderHuman } from '../report/human.js';
import { fileReport } from '../report/types.js';
import { reportWords } from '../report/words.js';
import { onInput, readBeside, resolveInputs } from '../io/files.js';

/** Issues listed of a package a command refuses: enough to start fixing. */
const MAX_ISSUES = 1000;

/**
 * Reads a .phx.json package (or standard input, `-`) that a command needs valid. A package with errors gets
 * them printed as `phx validate` prints them, and the command stops: exit code 1, `outcome` (what it did not do) said.
 */
export async function readValidPackage(path: string, command: string, outcome: string, locale: Locale, context: Context): Promise<DataPackage> {
  const [input] = await resolveInputs([path], 'json');
  if ((input!.format ?? formatOfName(input!.name)) !== 'json') {
    throw new UsageError('not-a-package', { path: input!.name, command });
  }
  const result = await onInput(input!, validateFile, { locale, maxIssues: MAX_ISSUES, keepData: true });
  if (!result.ok || result.format !== 'json' || !result.data) {
    context.print(renderHuman({ files: [fileReport(input!.name, result)], quiet: true, locale }, context.color));
    throw new InvalidInputError(reportWords[locale].output.invalidPackage(outcome, input!.name));
  }
  return result.data as DataPackage;
}

/**
 * Reads a JSON file beside the data (a mapping file) as the data is read: bytes that are not UTF-8 or text that is
 * not JSON is an error at its line and column, exit code 1.
 */
export async function readJsonFile(path: string, locale: Locale): Promise<unknown> {
  const [input] = await resolveInputs([path], 'json');
  return readBeside(input!, (bytes) => readJsonDocument(bytes, { locale }));
}
