import { formatOfName, validate, validateFile, type DataPackage, type Locale } from '@phx/schema';
import type { Context } from './context.js';
import { InvalidInputError, UsageError } from '../errors.js';
import { renderHuman } from '../report/human.js';
import { fileReport } from '../report/types.js';
import { decodeUtf8, onInput, readAll, resolveInputs } from '../io/files.js';

/** Issues listed of a package a command refuses: enough to start fixing. */
const MAX_ISSUES = 1000;

/**
 * Reads a .phx.json package (or standard input, `-`) that a command needs valid. A package with errors gets
 * them printed as `phx validate` prints them, and the command stops: exit code 1, `consequence` said.
 */
export async function readValidPackage(path: string, command: string, consequence: string, locale: Locale, context: Context): Promise<DataPackage> {
  const [input] = await resolveInputs([path], 'json');
  if ((input!.format ?? formatOfName(input!.name)) !== 'json') {
    throw new UsageError(`${input!.name}: phx ${command} reads a .phx.json package`, `convert it first: phx convert ${input!.name} -o package.phx.json`);
  }
  const result = await onInput(input!, validateFile, { locale, maxIssues: MAX_ISSUES });
  if (!result.ok || result.format !== 'json' || !result.data) {
    context.print(renderHuman({ files: [fileReport(input!.name, result)], quiet: true }, context.color));
    throw new InvalidInputError(`${consequence}: ${input!.name} is not a valid package; fix its errors (phx validate ${input!.name})`);
  }
  return result.data as DataPackage;
}

/**
 * Reads a JSON file beside the data (a mapping file): text that is not JSON is an error at its line and column,
 * exit code 1.
 */
export async function readJsonFile(path: string, locale: Locale): Promise<unknown> {
  const [input] = await resolveInputs([path], 'json');
  const bytes = await readAll(input!);
  if (bytes.length === 0) throw new InvalidInputError(`${input!.name}: the file is empty`);
  const text = decodeUtf8(bytes, input!);
  if (text === undefined) throw new InvalidInputError(`${input!.name}: the file is not valid UTF-8 text; save it as UTF-8`);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    // @phx/schema says where the text stops being JSON, in the user's language.
    const issue = validate(text, { locale }).issues.find((candidate) => candidate.code.startsWith('syntax.'));
    const at = issue?.location && 'line' in issue.location ? `:${issue.location.line}:${issue.location.column}` : '';
    throw new InvalidInputError(`${input!.name}${at}: ${issue?.message ?? 'not JSON'}`);
  }
}
