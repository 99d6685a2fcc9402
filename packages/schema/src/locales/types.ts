import type { z } from 'zod';
import type { IssueCode } from '../validate/codes.js';
import type { FieldKey } from '../validate/fields.js';
import type { IssueParams, NamedRecord } from '../validate/params.js';

/**
 * A function that renders the message of a code from that code's params.
 *
 * @example
 * ```ts
 * const template: MessageTemplate<'schema.required'> = locales.en.messages['schema.required'];
 * template({ zodCode: 'invalid_type', field: 'reportingOrganisation' }); // 'Reporting organisation ("reportingOrganisation") is missing'
 * ```
 */
export type MessageTemplate<C extends IssueCode> = (params: IssueParams[C]) => string;

/**
 * The message of every code in one language, each rendered from that code's params.
 *
 * @example
 * ```ts
 * const messages: Messages = locales.en.messages;
 * messages['ref.unknown-facility']({ id: 'zm-fac-99', suggestions: ['zm-fac-01'] });
 * ```
 *
 * @useDeclaredType
 */
export type Messages = { [C in IssueCode]: MessageTemplate<C> };

/**
 * The messages of one language: PHX's own for every code, and zod's locale for a kind of zod issue PHX has
 * no message of its own for.
 *
 * @example
 * ```ts
 * const ukrainian: PhxLocale = locales.uk;
 * ukrainian.fields['period.start']; // 'початок періоду'
 * ```
 */
export interface PhxLocale {
  /** BCP 47 tag of the language. */
  tag: string;
  /** zod's locale: renders a shape problem of a kind PHX has no message for. */
  zod: () => { localeError: z.core.$ZodErrorMap };
  /** The fields of the data in words. */
  fields: Record<FieldKey, string>;
  /** What follows a message whose params carry `suggestions`: the known values nearest to the one given. */
  suggestion: (suggestions: readonly string[]) => string;
  /**
   * The message of an issue whose value is the name of a record of the data written in place of its id (`nameOf`): the
   * record it names, and that its id is to be written instead (`"Kafue" is the name of the facility "zm-fac-01": write
   * its identifier instead`).
   */
  named: (value: string, type: NamedRecord, id: string) => string;
  /** PHX's own messages, by code. */
  messages: Messages;
}
