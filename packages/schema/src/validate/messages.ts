import { locales, type Locale, type RuleCode } from '../locales/index.js';
import type { IssueCode } from './codes.js';
import type { ValidationIssue } from './issue.js';

// zod renders the received type from the input itself; a stand-in of the same type is enough.
const sampleOfType: Record<string, unknown> = {
  string: '', number: 0, boolean: false, object: {}, array: [], null: null, undefined: undefined, bigint: 0n, nan: Number.NaN,
};

/**
 * Renders the message of an issue code from its params in a locale.
 *
 * @example
 * ```ts
 * renderMessage('arith.zero-denominator', {}, 'ru'); // 'Знаменатель равен 0'
 * ```
 */
export function renderMessage(code: IssueCode, params: Record<string, unknown>, locale: Locale = 'en'): string {
  const phxLocale = locales[locale];
  if (code.startsWith('schema.') && code !== 'schema.required') {
    const input = sampleOfType[String(params.received)];
    const rendered = phxLocale.zod().localeError({ ...params, code: params.zodCode, input } as never);
    return typeof rendered === 'string' ? rendered : (rendered?.message ?? code);
  }
  return phxLocale.messages[code as RuleCode](params);
}

/**
 * Renders an issue's message in another locale.
 *
 * @example
 * ```ts
 * const { issues } = validate(text);
 * for (const issue of issues) console.log(formatIssue(issue, 'ru'));
 * ```
 */
export function formatIssue(issue: Pick<ValidationIssue, 'code' | 'params'>, locale: Locale): string {
  return renderMessage(issue.code, issue.params, locale);
}
