import type { IndicatorDefinition, Locale, Observation, RecordType, ValidateOptions, ValidationResult } from '@phx/schema';
import { Problem } from '../http/problem.js';
import type { BreakdownKey, Store } from '../store/types.js';

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

/** How a request's data is checked: the language of its issues, and the network's suppression threshold, the hub's for every validation it does. */
export interface HubRules {
  locale: Locale;
  /** Counts from 1 up to (not including) this number must be marked suppressed. */
  suppressionThreshold: number;
}

/**
 * The options that validate data against what the hub stores: its organisations, the indicators of
 * the catalogue and of earlier packages, and its facilities with their country. A package's publisher is one of them
 * only when the hub stores it: a record the hub stores refers only to organisations the hub stores, so that it can
 * be read and changed like any other. Small counts are checked by the hub's suppression threshold.
 */
export async function hubValidation(store: Store, { locale, suppressionThreshold }: HubRules): Promise<ValidateOptions> {
  const facilities = await storedBodies(store, 'facility');
  return {
    locale,
    suppressionThreshold,
    catalogue: await storedCatalogue(store),
    knownOrganisations: await store.ids('organisation'),
    knownFacilities: facilities.map((facility) => [String(facility.id), String(facility.country)] as const),
  };
}

/** The breakdown an observation to write names, or undefined when it does not have the fields of one (its shape is then refused). */
function breakdownOf(body: unknown): BreakdownKey | undefined {
  const obs = body as { indicator?: unknown; reportingOrganisation?: unknown; scope?: { country?: unknown; subnationalArea?: unknown }; period?: { start?: unknown; end?: unknown } } | null;
  const key = {
    indicator: obs?.indicator,
    organisation: obs?.reportingOrganisation,
    country: obs?.scope?.country,
    area: obs?.scope?.subnationalArea ?? '',
    start: obs?.period?.start,
    end: obs?.period?.end,
  };
  return Object.values(key).every((value) => typeof value === 'string') ? (key as BreakdownKey) : undefined;
}

/**
 * The stored observations that share a breakdown with observations to write, but for those the write replaces
 * (same id): the rules that span a breakdown check a write with them, as if all were one file. Read within the
 * write's transaction: of two concurrent writes to one breakdown, the second sees the first (PostgreSQL aborts
 * and runs again one that read before the other committed; an import waits for, or holds back, the others).
 */
export async function storedBreakdowns(store: Store, written: readonly unknown[]): Promise<Observation[]> {
  const keys = new Map<string, BreakdownKey>();
  const ids = new Set<unknown>();
  for (const body of written) {
    ids.add((body as { id?: unknown } | null)?.id);
    const key = breakdownOf(body);
    if (key) keys.set(JSON.stringify(Object.values(key)), key);
  }
  if (keys.size === 0) return [];
  // A record the write replaces is skipped before its body is parsed: a package imported again replaces them all.
  return (await store.breakdowns([...keys.values()])).filter((record) => !ids.has(record.id)).map((record) => record.body as unknown as Observation);
}

/** What a validation found: the issues listed, the counts of all of them, whether the list leaves some out, and what was read. */
export type Findings = Pick<ValidationResult<unknown>, 'issues' | 'errors' | 'warnings' | 'truncated' | 'read'>;

/**
 * The 422 problem of findings with errors: nothing was stored. When checking stopped once the list was full, the
 * counts are those of the part checked, and the detail says "at least".
 */
export function invalid({ issues, errors, warnings, truncated, read }: Findings, what: string): Problem {
  const count = `${read.complete ? '' : 'at least '}${errors} error${errors === 1 ? '' : 's'}`;
  const stopped = read.complete ? '' : ' (checking stopped once the list of issues was full)';
  return new Problem('validation-failed', `${what} has ${count}${stopped}; nothing was stored.`, { issues, errors, warnings, truncated });
}

/** Throws a 422 problem carrying the findings when any of them is an error. */
export function rejectInvalid(findings: Findings, what: string): void {
  if (findings.errors > 0) throw invalid(findings, what);
}
