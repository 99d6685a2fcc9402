import type { z } from 'zod';
import type { IssueCode } from '../validate/codes.js';
import type { IssueParams } from '../validate/params.js';

/**
 * Codes whose messages come from zod's own locales (structural checks but a missing field).
 */
export type StructuralCode = Exclude<Extract<IssueCode, `schema.${string}`>, 'schema.required'>;
/**
 * Codes whose messages PHX writes.
 */
export type RuleCode = Exclude<IssueCode, StructuralCode>;

/**
 * A function that renders the message of a code from that code's params.
 *
 * @example
 * ```ts
 * const template: MessageTemplate<'schema.required'> = locales.en.messages['schema.required'];
 * template({ zodCode: 'invalid_type', field: 'reportingOrganisation' });
 * ```
 */
export type MessageTemplate<C extends RuleCode> = (params: IssueParams[C]) => string;

/**
 * The message of every rule code in one language, each rendered from that code's params.
 *
 * @example
 * ```ts
 * const messages: RuleMessages = locales.en.messages;
 * messages['ref.unknown-facility']({ id: 'zm-fac-99', suggestions: ['zm-fac-09'] });
 * ```
 *
 * @useDeclaredType
 */
export type RuleMessages = { [C in RuleCode]: MessageTemplate<C> };

/**
 * The messages of one language: PHX's own, plus zod's locale for the structural ones.
 *
 * @example
 * ```ts
 * const russian: PhxLocale = locales.ru;
 * russian.tag; // 'ru'
 * ```
 */
export interface PhxLocale {
  /** BCP 47 tag of the language. */
  tag: string;
  /** zod's locale, which renders the structural (`schema.*`) messages. */
  zod: () => { localeError: z.core.$ZodErrorMap };
  /** What follows a message whose params carry `suggestions`: the known values nearest to the one given. */
  suggestion: (suggestions: readonly string[]) => string;
  /** PHX's own messages, by code. */
  messages: RuleMessages;
}
