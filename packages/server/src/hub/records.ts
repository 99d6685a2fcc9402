import { validateRecord, type Locale, type RecordType } from '@phx/schema';
import { mayWrite, ownerOf } from '../http/access.js';
import { Problem } from '../http/problem.js';
import type { Principal, Store, StoredRecord } from '../store/types.js';
import { hubIssue, rejectInvalid, storedCatalogue } from './issues.js';

type Body = Record<string, unknown>;

/** The operations on single records, each atomic, each checking rights, versions and validity. */
export interface RecordService {
  get(type: RecordType, id: string): StoredRecord;
  create(principal: Principal, type: RecordType, body: unknown, locale: Locale): StoredRecord;
  replace(principal: Principal, type: RecordType, id: string, body: unknown, ifMatch: string | undefined, locale: Locale): StoredRecord;
  patch(principal: Principal, type: RecordType, id: string, patch: unknown, ifMatch: string | undefined, locale: Locale): StoredRecord;
  remove(principal: Principal, type: RecordType, id: string, ifMatch: string | undefined): void;
}

const keyOf = (type: RecordType) => (type === 'indicator' ? 'code' : 'id');

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

/** Creates the record operations over a store. */
export function recordService(store: Store): RecordService {
  const existing = (type: RecordType, id: string): StoredRecord => {
    const record = store.get(type, id);
    if (!record) throw new Problem(404, 'not-found', `There is no ${type} "${id}".`);
    return record;
  };

  const checkVersion = (record: StoredRecord, ifMatch: string | undefined): void => {
    if (ifMatch === undefined) {
      throw new Problem(428, 'precondition-required', 'Send If-Match with the ETag of the record you read, so that no update is lost.');
    }
    const tags = ifMatch.split(',').map((tag) => tag.trim());
    if (!tags.includes(record.etag) && !tags.includes('*')) {
      throw new Problem(412, 'precondition-failed', `The ${record.type} "${record.id}" changed since you read it; read it again and reapply your change.`, {
        etag: record.etag,
      });
    }
  };

  const checkValid = (type: RecordType, body: unknown, locale: Locale): Body => {
    const catalogue = type === 'observation' ? storedCatalogue(store) : undefined;
    const { issues } = validateRecord(type, body, { locale, ...(catalogue ? { catalogue } : {}) });
    const record = body as Body;
    const facility = type === 'observation' ? (record.scope as { facility?: string } | undefined)?.facility : undefined;
    if (issues.every((issue) => issue.severity !== 'error') && facility !== undefined && !store.get('facility', facility)) {
      issues.push(hubIssue('ref.unknown-facility', ['scope', 'facility'], { id: facility }, locale));
    }
    rejectInvalid(issues, `The ${type}`);
    return record;
  };

  const checkRights = (principal: Principal, type: RecordType, owner: string, id: string): void => {
    if (!mayWrite(principal, type, owner)) {
      throw new Problem(403, 'forbidden', `A ${principal.role} of ${principal.organisation} may not write the ${type} "${id}" of ${owner}.`);
    }
  };

  const write = (principal: Principal, type: RecordType, current: StoredRecord, body: unknown, locale: Locale): StoredRecord => {
    const record = checkValid(type, body, locale);
    if (record[keyOf(type)] !== current.id) {
      throw new Problem(400, 'bad-request', `The ${keyOf(type)} of a record cannot change: the body says "${String(record[keyOf(type)])}", the URL "${current.id}".`);
    }
    const owner = ownerOf(type, record, current.owner);
    checkRights(principal, type, current.owner, current.id);
    checkRights(principal, type, owner, current.id);
    const { etags } = store.put([{ type, id: current.id, owner, body: record }]);
    return { type, id: current.id, owner, etag: etags[0]!, body: record, json: JSON.stringify(record) };
  };

  /** Records that refer to a record and would be left dangling by its removal. */
  const dependants = (type: RecordType, id: string): number => {
    const refs: [RecordType, 'facility' | 'organisation' | 'indicator'][] =
      type === 'facility' ? [['observation', 'facility']]
      : type === 'organisation' ? [['observation', 'organisation'], ['meeting', 'organisation']]
      : type === 'indicator' ? [['observation', 'indicator']]
      : [];
    return refs.reduce((sum, [from, column]) => sum + store.list(from, { [column]: id }, undefined, 1).records.length, 0);
  };

  return {
    get: existing,
    create(principal, type, body, locale) {
      return store.transaction(() => {
        const record = checkValid(type, body, locale);
        const id = record[keyOf(type)] as string;
        const owner = ownerOf(type, record, principal.organisation);
        checkRights(principal, type, owner, id);
        if (store.get(type, id)) throw new Problem(409, 'conflict', `A ${type} "${id}" exists already; update it with PUT or PATCH.`);
        const { etags } = store.put([{ type, id, owner, body: record }]);
        return { type, id, owner, etag: etags[0]!, body: record, json: JSON.stringify(record) };
      });
    },
    replace(principal, type, id, body, ifMatch, locale) {
      return store.transaction(() => {
        const current = existing(type, id);
        checkVersion(current, ifMatch);
        return write(principal, type, current, body, locale);
      });
    },
    patch(principal, type, id, patch, ifMatch, locale) {
      if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
        throw new Problem(400, 'bad-request', 'A merge patch is a JSON object (RFC 7396).');
      }
      return store.transaction(() => {
        const current = existing(type, id);
        checkVersion(current, ifMatch);
        return write(principal, type, current, mergePatch(current.body, patch), locale);
      });
    },
    remove(principal, type, id, ifMatch) {
      store.transaction(() => {
        const current = existing(type, id);
        checkVersion(current, ifMatch);
        checkRights(principal, type, current.owner, id);
        const count = dependants(type, id);
        if (count > 0) throw new Problem(409, 'conflict', `Other records refer to the ${type} "${id}"; remove or change them first.`);
        store.delete(type, id);
      });
    },
  };
}
