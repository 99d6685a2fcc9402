import type { z } from 'zod';
import type { IssueCode } from '../validate/codes.js';

/**
 * Codes whose messages come from zod's own locales (structural checks but a missing field).
 *
 * @example
 * ```ts
 * const code: StructuralCode = 'schema.invalid-type';
 * ```
 */
export type StructuralCode = Exclude<Extract<IssueCode, `schema.${string}`>, 'schema.required'>;
/**
 * Codes whose messages PHX writes.
 *
 * @example
 * ```ts
 * const code: RuleCode = 'privacy.small-cell';
 * locales.fr.messages[code]; // renders the French message from an issue's params
 * ```
 */
export type RuleCode = Exclude<IssueCode, StructuralCode>;

/**
 * A function that renders one message from its params.
 *
 * @example
 * ```ts
 * const template: MessageTemplate = locales.en.messages['schema.required'];
 * template({ field: 'reportingOrganisation' });
 * ```
 */
// Params are checked where issues are made; here they are read as the rule wrote them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MessageTemplate = (params: any) => string;

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
  messages: Record<RuleCode, MessageTemplate>;
}
