import { isDeepStrictEqual } from 'node:util';
import { recordTypeNames, recordTypes, validate, type RecordType } from '@phx/schema';
import { mayPublish, mayWrite, ownerOf } from '../http/access.js';
import { Problem } from '../http/problem.js';
import type { AuditEntry, ImportSummary, Principal, RecordWrite, Store } from '../store/types.js';
import { hubValidation, rejectInvalid, storedBreakdowns, type HubRules } from './issues.js';

type Body = Record<string, unknown>;

/** How an import is checked: its language and the hub's suppression threshold, and how many issues it lists. */
export interface ImportSettings extends HubRules {
  /** Most issues listed: the errors of a package refused, the warnings of one stored. */
  maxIssues: number;
}

/** Forbidden records reported at most, so that the problem stays small. */
const MAX_REPORTED = 20;

function recordsOf(pkg: Body): { type: RecordType; collection: string; index: number; body: Body }[] {
  const records = [];
  for (const type of recordTypeNames) {
    const { collection } = recordTypes[type];
    const list = pkg[collection];
    if (Array.isArray(list)) for (let index = 0; index < list.length; index++) records.push({ type, collection, index, body: list[index] as Body });
  }
  return records;
}

/**
 * The body of an import's answer kept for an Idempotency-Key, in the form the hub answers with now: one kept before
 * `unchanged` was counted lacks it, and gets 0 — that hub refused (403) a package carrying another organisation's
 * record, so an import it answered left nothing unchanged. One kept before the hub reported warnings lists none:
 * they were not kept.
 */
export function currentImportSummary(stored: string): string {
  const kept = JSON.parse(stored) as Partial<ImportSummary>;
  if (kept.unchanged !== undefined && kept.warnings !== undefined) return stored;
  const { package: id, created, updated, unchanged = 0, records } = kept;
  return JSON.stringify({ package: id, created, updated, unchanged, records, issues: [], warnings: 0, truncated: false } satisfies Partial<ImportSummary>);
}

/**
 * Imports a whole DataPackage, all or nothing: it is validated (its observations with the stored ones of
 * their breakdowns, which those of the same id replace), every record is checked against
 * the rights of the principal (`'hub'` for seed data the operator supplies), and then every record
 * is written. Call within a transaction, which makes it all or nothing. Records that exist are replaced, but for
 * those the principal may not write that the package carries exactly as stored (a copy of another organisation's
 * indicator definition, so that the package validates on its own): they are left as they are, counted as
 * `unchanged`. The number of records is limited before the package is parsed, by `limitRecords`.
 */
export async function importPackage(tx: Store, pkg: unknown, principal: Principal | 'hub', settings: ImportSettings): Promise<ImportSummary> {
  const observations = (pkg as Body | null)?.observations;
  const knownObservations = await storedBreakdowns(tx, Array.isArray(observations) ? observations : []);
  const findings = validate(pkg, { ...(await hubValidation(tx, settings)), knownObservations, maxIssues: settings.maxIssues });
  rejectInvalid(findings, 'The package');
  const body = pkg as Body;
  const publisher = (body.publisher as Body).id as string;
  const packageId = body.id as string;
  if (principal !== 'hub' && !mayPublish(principal, publisher)) {
    throw new Problem('forbidden', `A ${principal.role} of ${principal.organisation} may not import a package that ${publisher} publishes; a member of ${publisher} or the secretariat may.`);
  }
  const owner = await tx.packagePublisher(packageId);
  if (owner !== undefined && owner !== publisher) {
    throw new Problem('conflict', `The package id "${packageId}" belongs to a package that ${owner} publishes; give this package another id.`);
  }
  const recordedBy = principal === 'hub' ? publisher : principal.organisation;
  const records = recordsOf(body);

  const writes: RecordWrite[] = [];
  let updated = 0;
  let unchanged = 0;
  const forbidden: { pointer: string; owner: string }[] = [];
  let forbiddenCount = 0;
  for (const type of recordTypeNames) {
    const ofType = records.filter((record) => record.type === type);
    const owners = await tx.owners(type, ofType.map((record) => record.body[recordTypes[type].key] as string));
    for (const record of ofType) {
      const id = record.body[recordTypes[type].key] as string;
      const current = owners.get(id);
      const owner = ownerOf(type, record.body, current ?? recordedBy);
      const allowed = principal === 'hub' || ((current === undefined || mayWrite(principal, current)) && mayWrite(principal, owner));
      if (!allowed) {
        if (current !== undefined && isDeepStrictEqual((await tx.get(type, id))?.body, record.body)) {
          unchanged++;
          continue;
        }
        if (forbiddenCount++ < MAX_REPORTED) forbidden.push({ pointer: `/${record.collection}/${record.index}`, owner: current ?? owner });
        continue;
      }
      writes.push({ type, id, owner, body: record.body });
      if (current !== undefined) updated++;
    }
  }
  if (forbiddenCount > 0 && principal !== 'hub') {
    throw new Problem(
      'forbidden',
      `${forbiddenCount} record${forbiddenCount === 1 ? '' : 's'} of the package belong to other organisations; a ${principal.role} of ${principal.organisation} may not write them (a record of another organisation that the hub stores is taken only as an unchanged copy). Nothing was stored.`,
      { forbidden },
    );
  }
  await tx.put(writes);
  const perOwner = new Map<string, number>();
  for (const write of writes) perOwner.set(write.owner, (perOwner.get(write.owner) ?? 0) + 1);
  const by: AuditEntry['by'] = principal === 'hub' ? { organisation: '@hub', role: 'hub' } : { organisation: principal.organisation, role: principal.role };
  await tx.audit([...perOwner].map(([owner, count]) => ({ action: 'import', type: null, id: null, package: packageId, owner, records: count, by })));
  const summary: ImportSummary = {
    package: packageId,
    created: writes.length - updated,
    updated,
    unchanged,
    records: Object.fromEntries(
      recordTypeNames.map((type) => [recordTypes[type].collection, records.filter((r) => r.type === type).length]),
    ) as ImportSummary['records'],
    // Without errors, the issues listed are the warnings.
    issues: findings.issues,
    warnings: findings.warnings,
    truncated: findings.truncated,
  };
  await tx.recordPackage(summary.package, publisher, summary);
  return summary;
}
