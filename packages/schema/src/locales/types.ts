import type { z } from 'zod';
import type { IssueCode } from '../validate/codes.js';

/** Codes whose messages come from zod's own locales (structural checks but a missing field). */
export type StructuralCode = Exclude<Extract<IssueCode, `schema.${string}`>, 'schema.required'>;
/** Codes whose messages PHX writes. */
export type RuleCode = Exclude<IssueCode, StructuralCode>;

/** A function that renders one message from its params. */
// Params are checked where issues are made; here they are read as the rule wrote them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MessageTemplate = (params: any) => string;

/** The messages of one language: PHX's own, plus zod's locale for the structural ones. */
export interface PhxLocale {
  /** BCP 47 tag of the language. */
  tag: string;
  /** zod's locale, which renders the structural (`schema.*`) messages. */
  zod: () => { localeError: z.core.$ZodErrorMap };
  messages: Record<RuleCode, MessageTemplate>;
}
