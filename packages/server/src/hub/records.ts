import { recordTypes, validateRecord, type RecordType } from '@phx/schema';
import { mayWrite, ownerOf } from '../http/access.js';
import { Problem } from '../http/problem.js';
import type { AuditEntry, Principal, Store, StoredRecord } from '../store/types.js';
import { hubValidation, rejectInvalid, storedBreakdowns, type HubRules } from './issues.js';

type Body = Record<string, unknown>;

/** Applies an RFC 7396 JSON Merge Patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Body = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Body) } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    else result[name] = mergePatch(result[name], value);
  }
  return result;
}

/** A record, or 404. */
export async function existing(store: Store, type: RecordType, id: string): Promise<StoredRecord> {
  const record = await store.get(type, id);
  if (!record) throw new Problem('not-found', `There is no ${type} "${id}".`);
  return record;
}

function checkVersion(record: StoredRecord, ifMatch: string | undefined): void {
  if (ifMatch === undefined) {
    throw new Problem('precondition-required', 'Send If-Match with the ETag of the record you read, so that no update is lost.');
  }
  const tags = ifMatch.split(',').map((tag) => tag.trim());
  if (!tags.includes(record.etag) && !tags.includes('*')) {
    throw new Problem('precondition-failed', `The ${record.type} "${record.id}" changed since you read it; read it again and reapply your change.`, {
      etag: record.etag,
    });
  }
}

/**
 * Validates a record as an import validates it: on its own and against what the hub stores (its organisations,
 * indicators and facilities resolve references); an observation also with the stored observations of its
 * breakdown, which it replaces if it has the id of one. What is validated is the record as it will be stored (its
 * JSON, read back), so that nothing the JSON drops can pass validation.
 */
async function checkValid(tx: Store, type: RecordType, body: unknown, rules: HubRules): Promise<Body> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Problem('bad-request', `Send the ${type} as a JSON object.`);
  const record = JSON.parse(JSON.stringify(body)) as Body;
  const knownObservations = type === 'observation' ? await storedBreakdowns(tx, [record]) : [];
  rejectInvalid(validateRecord(type, record, { ...(await hubValidation(tx, rules)), knownObservations }), `The ${type}`);
  return record;
}

function checkRights(principal: Principal, type: RecordType, owner: string, id: string): void {
  if (!mayWrite(principal, owner)) {
    throw new Problem('forbidden', `A ${principal.role} of ${principal.organisation} may not write the ${type} "${id}" of ${owner}.`);
  }
}

/** Notes a write of one record in the audit trail. */
function audit(tx: Store, principal: Principal, action: AuditEntry['action'], type: RecordType, id: string, owner: string): Promise<void> {
  return tx.audit([{ action, type, id, package: null, owner, records: 1, by: { organisation: principal.organisation, role: principal.role } }]);
}

/** Stores a checked record, notes it in the audit trail, and returns it with its new ETag. */
async function save(tx: Store, principal: Principal, action: AuditEntry['action'], type: RecordType, id: string, owner: string, record: Body): Promise<StoredRecord> {
  const [etag] = await tx.put([{ type, id, owner, body: record }]);
  await audit(tx, principal, action, type, id, owner);
  return { type, id, owner, etag: etag!, body: record, json: JSON.stringify(record) };
}

/** Creates a record (409 if its id is taken). Call within a transaction. */
export async function createRecord(tx: Store, principal: Principal, type: RecordType, body: unknown, rules: HubRules): Promise<StoredRecord> {
  const record = await checkValid(tx, type, body, rules);
  const id = record[recordTypes[type].key] as string;
  const owner = ownerOf(type, record, principal.organisation);
  checkRights(principal, type, owner, id);
  if (await tx.get(type, id)) throw new Problem('conflict', `The ${type} "${id}" exists already; update it with PUT or PATCH.`);
  return save(tx, principal, 'create', type, id, owner, record);
}

/**
 * Replaces a record with `body`, or with the stored record merge-patched by `patch`: the ETag must
 * match, the result must be valid, and the principal may write it before and after. Call within a transaction.
 */
export async function changeRecord(
  tx: Store,
  principal: Principal,
  type: RecordType,
  id: string,
  change: { body: unknown } | { patch: unknown },
  ifMatch: string | undefined,
  rules: HubRules,
): Promise<StoredRecord> {
  if ('patch' in change && (change.patch === null || typeof change.patch !== 'object' || Array.isArray(change.patch))) {
    throw new Problem('bad-request', 'A merge patch is a JSON object (RFC 7396).');
  }
  const current = await existing(tx, type, id);
  checkVersion(current, ifMatch);
  const body = 'patch' in change ? mergePatch(current.body, change.patch) : change.body;
  // Before the record is validated: an observation under a new id would otherwise be a second of its breakdown.
  const key = recordTypes[type].key;
  if (body !== null && typeof body === 'object' && key in body && (body as Body)[key] !== current.id) {
    throw new Problem('bad-request', `The ${key} of a record cannot change: the body says "${String((body as Body)[key])}", the URL "${current.id}".`);
  }
  const record = await checkValid(tx, type, body, rules);
  const owner = ownerOf(type, record, current.owner);
  checkRights(principal, type, current.owner, id);
  checkRights(principal, type, owner, id);
  return save(tx, principal, 'patch' in change ? 'patch' : 'replace', type, id, owner, record);
}

/** Deletes a record that no other record refers to. Call within a transaction. */
export async function deleteRecord(tx: Store, principal: Principal, type: RecordType, id: string, ifMatch: string | undefined): Promise<void> {
  const current = await existing(tx, type, id);
  checkVersion(current, ifMatch);
  checkRights(principal, type, current.owner, id);
  const referrers: [RecordType, 'facility' | 'organisation' | 'indicator'][] =
    type === 'facility' ? [['observation', 'facility']]
    : type === 'organisation' ? [['observation', 'organisation'], ['meeting', 'organisation']]
    : type === 'indicator' ? [['observation', 'indicator']]
    : [];
  for (const [from, column] of referrers) {
    if ((await tx.list(from, { [column]: id }, undefined, 1)).records.length > 0) {
      throw new Problem('conflict', `Other records refer to the ${type} "${id}"; remove or change them first.`);
    }
  }
  await tx.delete(type, id);
  await audit(tx, principal, 'delete', type, id, current.owner);
}
