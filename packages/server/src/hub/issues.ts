import type { IndicatorDefinition, Locale, RecordType, ValidateOptions, ValidationResult } from '@phx/schema';
import { Problem } from '../http/problem.js';
import type { Store } from '../store/types.js';

/** The bodies of every stored record of a type, read page by page. */
async function storedBodies(store: Store, type: RecordType): Promise<Record<string, unknown>[]> {
  const bodies: Record<string, unknown>[] = [];
  let after: string | undefined;
  do {
    const page = await store.list(type, {}, after, 1000);
    for (const record of page.records) bodies.push(record.body);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return bodies;
}

/** The indicator definitions a hub knows: the catalogue and those its packages defined. */
export async function storedCatalogue(store: Store): Promise<IndicatorDefinition[]> {
  return (await storedBodies(store, 'indicator')) as IndicatorDefinition[];
}

/**
 * The options that validate data against what the hub stores: its organisations, the indicators of
 * the catalogue and of earlier packages, and its facilities with their country.
 */
export async function hubValidation(store: Store, locale: Locale): Promise<ValidateOptions> {
  const facilities = await storedBodies(store, 'facility');
  return {
    locale,
    catalogue: await storedCatalogue(store),
    knownOrganisations: await store.ids('organisation'),
    knownFacilities: facilities.map((facility) => [String(facility.id), String(facility.country)] as const),
  };
}

/** What a validation found: the issues listed, the counts of all of them, and whether the list leaves some out. */
export type Findings = Pick<ValidationResult<unknown>, 'issues' | 'errors' | 'warnings' | 'truncated'>;

/** The 422 problem of findings with errors: nothing was stored. */
export function invalid({ issues, errors, warnings, truncated }: Findings, what: string): Problem {
  return new Problem('validation-failed', `${what} has ${errors} error${errors === 1 ? '' : 's'}; nothing was stored.`, { issues, errors, warnings, truncated });
}

/** Throws a 422 problem carrying the findings when any of them is an error. */
export function rejectInvalid(findings: Findings, what: string): void {
  if (findings.errors > 0) throw invalid(findings, what);
}
