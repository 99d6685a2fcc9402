import { parseArgs, type ParseArgsConfig } from 'node:util';
import { excelLocales, isLocale, locales, recordTypeNames, type DateOrder, type ExcelLocale, type Locale, type RecordType } from '@phx/schema';
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
    const message = (error as Error).message.replace(/\. To specify .*$/s, '').replace(/^Unknown option/, 'unknown option');
    throw new UsageError(message, `run \`phx ${command} --help\``);
  }
}

/** Reads a choice among fixed values. */
export function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Reads a whole number of at least `min`. */
export function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`--${name} must be a whole number of at least ${min} (got "${value}")`);
  return number;
}

/** Reads a record type name. */
export function recordType(value: string | undefined): RecordType | undefined {
  return value === undefined ? undefined : choice('type', value, recordTypeNames, recordTypeNames[0]!);
}

/**
 * The locale of messages: `--locale`, else the language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
 */
export function localeOf(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  if (value !== undefined) return choice('locale', value, Object.keys(locales) as Locale[], 'en');
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) {
    const language = env[name]?.slice(0, 2).toLowerCase();
    if (language && isLocale(language)) return language;
  }
  return 'en';
}

/**
 * `--locale` of a command that reads or writes spreadsheets: the language of the messages and, when
 * given, the locale of Excel (its separator, decimal mark, date form and TRUE/FALSE words). Without
 * it, the environment picks the language only: a file is then written in PHX's own forms.
 */
export function sheetLocaleOf(value: string | undefined, env: NodeJS.ProcessEnv = process.env): { locale: Locale; excelLocale: ExcelLocale | undefined } {
  if (value === undefined) return { locale: localeOf(undefined, env), excelLocale: undefined };
  const excelLocale = choice('locale', value, excelLocales, 'en');
  return { locale: isLocale(excelLocale) ? excelLocale : 'en', excelLocale };
}

/** Reads `--date-order`: which of day and month comes first in dates such as 03/04/2020. */
export function dateOrderOf(value: string | undefined): DateOrder | undefined {
  return value === undefined ? undefined : choice('date-order', value, ['day-month', 'month-day'] as const, 'day-month');
}
