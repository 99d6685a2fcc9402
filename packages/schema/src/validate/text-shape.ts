/**
 * Where free text may be in a value whose shape is known, for the privacy rule's walk: the fields of an
 * object in the order zod's parsed output lists them, the items of an array, a string, or any value (walked
 * key by key in its own order). Generated per shape from the zod model, in ../generated/shape-checks.ts.
 */
export type TextShape = typeof ANY_VALUE | typeof TEXT | { readonly fields: readonly (readonly [string, TextShape])[] } | { readonly items: TextShape };

/** Any value: walked key by key, in its own order. */
export const ANY_VALUE = 0;
/** A string. */
export const TEXT = 1;
