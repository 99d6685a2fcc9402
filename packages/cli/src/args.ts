import { parseArgs, type ParseArgsConfig } from 'node:util';
import { codeNamed, codelists, isSuppressionThreshold, dateOrders, excelLocales, isLocale, localeTags, recordTypeNames, suggestionsFor, textEncodingOf, type DateOrder, type ExcelLocale, type Locale, type RecordType } from '@phx/schema';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options every command accepts. */
const common = { help: { type: 'boolean', short: 'h' } } as const satisfies Options;

type Config<O extends Options> = { args: string[]; options: typeof common & O; allowPositionals: true; strict: true };

/**
 * Parses the arguments of a command; an unknown option or a missing value becomes a {@link UsageError}.
 */
export function parse<O extends Options>(command: string, argv: string[], options: O): ReturnType<typeof parseArgs<Config<O>>> {
  const config: Config<O> = { args: argv, options: { ...common, ...options }, allowPositionals: true, strict: true };
  try {
    return parseArgs(config);
  } catch (error) {
    throw parseArgsError(command, error);
  }
}

/**
 * Node's error for arguments it cannot parse, as a usage error with its code: the option or argument is read out
 * of Node's message (`Unknown option '--foo'`, `Option '-o, --out <value>' argument missing`). A message in words
 * Node did not use before is kept as it is, in English.
 */
export function parseArgsError(command: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = String((error as Error)?.message ?? error);
  // The quoted part names the option, short and long (`-o, --out <value>`): the long name is the last.
  const quoted = /^(?:Unknown option|Option|Unexpected argument) '([^']+)'/.exec(message)?.[1];
  const option = quoted?.match(/--?[^\s,<>=]+/g)?.at(-1);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return new UsageError('unknown-option', { command, option });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/ does not take an argument/.test(message)) return new UsageError('takes-no-value', { command, option });
    if (/ argument (?:missing|is ambiguous)/.test(message)) return new UsageError('missing-value', { command, option });
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted) return new UsageError('unexpected-argument', { command, argument: quoted });
  const text = message.replace(/\. To specify .*$/s, '').replace(/^Unknown option/, 'unknown option');
  return new UsageError('text', { message: text, hint: `run \`phx ${command} --help\`` });
}

/** Reads a choice among fixed values. */
export function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError('not-one-of', { option: name, allowed, value });
}

/**
 * Reads `--country` as the validator reads a country in a file: an ISO 3166-1 code of the codelist in any case (`ua`
 * is `UA`), its alpha-3 code (`UKR`) or its name in any of the five languages (`Україна`, `Ukraine`, `украина`), as
 * the alpha-2 code. Anything else is refused, with the code meant when one is near (`Ukrain` → `UA`).
 */
export function countryOf(value: string): string {
  const codes = codelists.country.codes as readonly string[];
  const country = codeNamed(value, codes);
  if (country !== undefined) return country;
  const written = value.trim();
  const suggestions = suggestionsFor(written, codes);
  const [first] = suggestions;
  // A slip in a name gives the code of the name first. A code of two or three letters is a letter away from many
  // others: only the one code near it, or one it is known to be confused with (`UK` for `GB`), is the code meant.
  const meant = written.length > 3 || suggestions.length === 1 || (first !== undefined && ![...first].some((letter, i) => written[i]?.toUpperCase() === letter));
  throw new UsageError('not-a-country', { value, ...(meant && first !== undefined && { suggestion: first }) });
}

/** Reads a whole number of at least `min`. */
export function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError('not-whole-number', { option: name, min, value });
  return number;
}

/** Reads `--suppression-threshold`: counts from 1 to N-1 must be suppressed; undefined leaves the default (5). */
export function suppressionThresholdOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threshold = Number(value);
  if (!isSuppressionThreshold(threshold)) throw new UsageError('not-whole-number', { option: 'suppression-threshold', min: 1, value });
  return threshold;
}

/** The help of `--suppression-threshold`, the same for every command that takes it. */
export const suppressionThresholdHelp = '  --suppression-threshold <N>   counts from 1 to N-1 must be suppressed (default 5)';

/** The issues of a file listed unless `--max-issues` says otherwise: enough to fix, bounded in memory and on screen. */
export const DEFAULT_MAX_ISSUES = 1000;

/** Reads `--max-issues`: a whole number from 1, else {@link DEFAULT_MAX_ISSUES}. */
export function maxIssuesOf(value: string | undefined): number {
  return wholeNumber('max-issues', value, 1) ?? DEFAULT_MAX_ISSUES;
}

/** Reads a record type name. */
export function recordType(value: string | undefined): RecordType | undefined {
  return value === undefined ? undefined : choice('type', value, recordTypeNames, recordTypeNames[0]!);
}

/**
 * The language of the system where the environment names none: Windows sets no `LANG`, and its display language reaches
 * Node only through ICU. Elsewhere ICU reads the same variables as {@link localeOf}, so it would add nothing.
 */
const systemLocale = process.platform === 'win32' ? Intl.DateTimeFormat().resolvedOptions().locale : undefined;

/**
 * The locale of messages: `--locale`, else the language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), else of
 * the system (Windows' display language), else English.
 */
export function localeOf(value: string | undefined, env: NodeJS.ProcessEnv = process.env, system: string | undefined = systemLocale): Locale {
  if (value !== undefined) return localeChoice(value, localeTags);
  for (const tag of [env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE, system]) {
    const language = tag && languageOfTag(tag);
    if (language && isLocale(language)) return language;
  }
  return 'en';
}

/** What people give for a language PHX speaks: its three-letter code, and for Ukrainian the code of Ukraine. */
const languageSlips: Readonly<Record<string, Locale>> = { ua: 'uk', ukr: 'uk', rus: 'ru', eng: 'en', fra: 'fr', fre: 'fr', spa: 'es', esp: 'es' };

/** The language of a `--locale` value, or of a locale of the environment (`uk-UA`, `uk_UA.UTF-8`): its first subtag, in lower case. */
function languageOfTag(value: string): string {
  return value.trim().toLowerCase().split(/[-_.@:]/)[0]!;
}

/**
 * Reads `--locale` among `allowed`: a language, or a tag of one (`uk-UA`, `uk_UA.UTF-8`, `UK`). A value that is none
 * is a usage error that names the one meant, when it is a common slip (`ua`, `ukr`).
 */
function localeChoice<T extends string>(value: string, allowed: readonly T[]): T {
  const language = languageOfTag(value);
  if ((allowed as readonly string[]).includes(language)) return language as T;
  const suggestion = languageSlips[language];
  throw new UsageError('not-one-of', { option: 'locale', allowed, value, ...(suggestion && { suggestion }) });
}

/**
 * The language of a usage error, read from the arguments as they are, before they are parsed (a bad option
 * stops the parsing): the last `--locale` given, when it names a locale, else the language of the environment.
 */
export function usageLocaleOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Locale {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--locale') value = argv[++i];
    else if (arg.startsWith('--locale=')) value = arg.slice('--locale='.length);
  }
  return value !== undefined && isLocale(languageOfTag(value)) ? (languageOfTag(value) as Locale) : localeOf(undefined, env);
}

/**
 * `--locale` of a command that reads or writes spreadsheets: the language of the messages and, when
 * given, the locale of Excel (its separator, decimal mark, date form and TRUE/FALSE words). Without
 * it, the environment picks the language only: a file is then written in PHX's own forms.
 */
export function sheetLocaleOf(value: string | undefined, env: NodeJS.ProcessEnv = process.env): { locale: Locale; excelLocale: ExcelLocale | undefined } {
  if (value === undefined) return { locale: localeOf(undefined, env), excelLocale: undefined };
  const excelLocale = localeChoice(value, excelLocales);
  return { locale: isLocale(excelLocale) ? excelLocale : 'en', excelLocale };
}

/** Reads `--date-order`: which of day and month comes first in dates such as 03/04/2020. */
export function dateOrderOf(value: string | undefined): DateOrder | undefined {
  return value === undefined ? undefined : choice('date-order', value, dateOrders, dateOrders[0]);
}

/** Reads `--encoding`: the encoding of text files that are not UTF-8, by any label of the WHATWG Encoding Standard. */
export function encodingOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const encoding = textEncodingOf(value);
  if (encoding === undefined) throw new UsageError('unknown-encoding', { value });
  return encoding;
}

/** The help of `--encoding`, the same for every command that reads files. */
export const encodingHelp = `  --encoding <name>             encoding of text files that are not UTF-8: windows-1251 (what
                                Excel's plain "CSV" writes on a Ukrainian or Russian Windows),
                                windows-1252 (on a French or Spanish one), utf-16le (Excel's
                                "Unicode text"); a file that starts as UTF-8 is read as UTF-8
                                (default: UTF-8 only)`;
