import type { MessageTemplate, PhxLocale } from '../locales/types.js';
import type { IssueCode } from './codes.js';
import type { IssueParams, NamedRecord, ZodIssueParams } from './params.js';

/** The kinds of zod issue PHX has messages of its own for; zod's locale renders any other. */
const ownZodCodes = new Set(['invalid_type', 'invalid_value', 'invalid_format', 'too_small', 'too_big', 'invalid_key', 'invalid_union', 'unrecognized_keys']);

// zod renders the received type from the input itself; a stand-in of the same type is enough.
const sampleOfType: Record<string, unknown> = {
  string: '', number: 0, boolean: false, object: {}, array: [], null: null, undefined: undefined, bigint: 0n, nan: Number.NaN,
};

/**
 * Renders the message of an issue code from its params with the messages of one language: the one way a
 * message is written, whether every language is at hand ({@link renderMessage}) or only those loaded. A date of a
 * sheet that its params give as typed in its cell (`typed`) is quoted so, in place of the ISO date they keep. The suggestions
 * end the message; a name written in place of an id (`nameOf`) is told by the locale's `named`, with the id suggested.
 */
export function renderIn<C extends IssueCode>(phxLocale: PhxLocale, code: C, params: IssueParams[C]): string {
  const { zodCode, suggestions, typed, nameOf, value, id } = params as { zodCode?: string; suggestions?: readonly string[]; typed?: string | object; nameOf?: NamedRecord; value?: unknown; id?: string };
  // A name written in place of an id: the message names the record whose id to write, the one suggestion.
  if (nameOf !== undefined && suggestions?.[0] !== undefined) return phxLocale.named(String(value ?? id), nameOf, suggestions[0]);
  const message =
    zodCode !== undefined && !ownZodCodes.has(zodCode)
      ? zodMessage(phxLocale, params as ZodIssueParams, code)
      : // A date of a sheet is quoted as typed in its cell (`typed`), beside the ISO date checked that the params keep.
        (phxLocale.messages[code] as MessageTemplate<IssueCode>)(typed ? { ...params, ...(typeof typed === 'string' ? { value: typed } : typed) } : params);
  return suggestions !== undefined && suggestions.length > 0 ? message + phxLocale.suggestion(suggestions) : message;
}

function zodMessage(phxLocale: PhxLocale, params: ZodIssueParams, code: IssueCode): string {
  const input = sampleOfType[String(params.received)];
  const rendered = phxLocale.zod().localeError({ ...params, code: params.zodCode, input } as never);
  return typeof rendered === 'string' ? rendered : (rendered?.message ?? code);
}
