import type { RecordType } from '@phx/schema';
import type { Principal } from '../store/types.js';

type Body = Record<string, unknown>;

/**
 * The organisation that owns a record: an organisation owns itself, an observation belongs to its
 * reporting organisation, a meeting to its organiser; a facility or an indicator definition
 * belongs to whoever first recorded it.
 */
export function ownerOf(type: RecordType, body: Body, recordedBy: string): string {
  switch (type) {
    case 'organisation':
      return body.id as string;
    case 'observation':
      return body.reportingOrganisation as string;
    case 'meeting':
      return body.organiser as string;
    default:
      return recordedBy;
  }
}

/**
 * Whether a principal may write a record owned by an organisation. Readers write nothing; members
 * write their own organisation's records; the secretariat writes on behalf of every organisation
 * (it compiles the members' data), and the audit trail shows each owner what was written in its name.
 */
export function mayWrite(principal: Principal, owner: string): boolean {
  if (principal.role === 'reader') return false;
  return principal.role === 'secretariat' || owner === principal.organisation;
}

/**
 * Whether a principal may import or replace a package of a publisher: a member of the publishing
 * organisation, or the secretariat.
 */
export function mayPublish(principal: Principal, publisher: string): boolean {
  return principal.role === 'secretariat' || (principal.role === 'member' && principal.organisation === publisher);
}
