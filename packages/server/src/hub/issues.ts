import {
  issueCodes, renderMessage, toPointer, type IndicatorDefinition, type IssueCode, type Locale, type ValidationIssue,
} from '@phx/schema';
import { Problem } from '../http/problem.js';
import type { Store } from '../store/types.js';

/** The indicator definitions a hub knows: the catalogue and those its packages defined. */
export async function storedCatalogue(store: Store): Promise<IndicatorDefinition[]> {
  const definitions: IndicatorDefinition[] = [];
  let after: string | undefined;
  do {
    const page = await store.list('indicator', {}, after, 1000);
    for (const record of page.records) definitions.push(record.body as IndicatorDefinition);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return definitions;
}

/** An issue found by the hub itself (a reference to a stored record), rendered like the validator's. */
export function hubIssue(code: IssueCode, path: (string | number)[], params: Record<string, unknown>, locale: Locale): ValidationIssue {
  return { code, severity: issueCodes[code].severity, path, pointer: toPointer(path), message: renderMessage(code, params, locale), params };
}

/** Throws a 422 problem carrying the issues when any of them is an error. */
export function rejectInvalid(issues: ValidationIssue[], what: string): void {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  if (errors === 0) return;
  throw new Problem(422, 'validation-failed', `${what} has ${errors} error${errors === 1 ? '' : 's'}; nothing was stored.`, { issues });
}
