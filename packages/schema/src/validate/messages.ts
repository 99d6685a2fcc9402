import { locales, type Locale, type MessageTemplate, type PhxLocale, type RuleCode } from '../locales/index.js';
import type { IssueCode } from './codes.js';
import type { IssueParams, ZodIssueParams } from './params.js';

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
export function renderMessage<C extends IssueCode>(code: C, params: IssueParams[C], locale: Locale = 'en'): string {
  const phxLocale = locales[locale];
  const message =
    code.startsWith('schema.') && code !== 'schema.required'
      ? zodMessage(phxLocale, params as ZodIssueParams, code)
      : (phxLocale.messages[code as RuleCode] as MessageTemplate<RuleCode>)(params as IssueParams[RuleCode]);
  const { suggestions } = params as { suggestions?: readonly string[] };
  return suggestions !== undefined && suggestions.length > 0 ? message + phxLocale.suggestion(suggestions) : message;
}

function zodMessage(phxLocale: PhxLocale, params: ZodIssueParams, code: IssueCode): string {
  const input = sampleOfType[String(params.received)];
  const rendered = phxLocale.zod().localeError({ ...params, code: params.zodCode, input } as never);
  return typeof rendered === 'string' ? rendered : (rendered?.message ?? code);
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
export function formatIssue<C extends IssueCode>(issue: { code: C; params: IssueParams[C] }, locale: Locale): string {
  return renderMessage(issue.code, issue.params, locale);
}
