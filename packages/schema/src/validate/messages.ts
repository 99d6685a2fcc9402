import { locales, type Locale } from '../locales/index.js';
import type { IssueCode } from './codes.js';
import type { IssueParams } from './params.js';
import { renderIn } from './render.js';

/**
 * Renders the message of an issue code from its params in a locale.
 *
 * @example
 * ```ts
 * renderMessage('arith.zero-denominator', {}, 'ru'); // 'Знаменатель равен 0'
 * ```
 */
export function renderMessage<C extends IssueCode>(code: C, params: IssueParams[C], locale: Locale = 'en'): string {
  return renderIn(locales[locale], code, params);
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

