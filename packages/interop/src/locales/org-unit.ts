import type { NoteParams } from '../codes.js';

/**
 * The entry of `orgUnits` a mapping lacks for the place of a `dhis2.unmapped-scope` note, as JSON on one line: the
 * place's country, area and facility, which the entry must give exactly, and `orgUnit`, the reader's own to fill in
 * (`placeholder`, in the reader's language).
 */
export function orgUnitEntry(params: NoteParams['dhis2.unmapped-scope'], placeholder: string): string {
  const { country, subnationalArea, facility } = params;
  const entry = { orgUnit: placeholder, country, ...(subnationalArea !== undefined && { subnationalArea }), ...(facility !== undefined && { facility }) };
  return `{${Object.entries(entry).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')}}`;
}
