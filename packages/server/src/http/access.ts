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

/** Record types the secretariat writes for every organisation. */
const secretariatWrites: ReadonlySet<RecordType> = new Set(['organisation', 'meeting']);

/**
 * Whether a principal may write a record of a type owned by an organisation. Readers write
 * nothing; members write their own organisation's records; the secretariat also writes every
 * organisation and meeting.
 */
export function mayWrite(principal: Principal, type: RecordType, owner: string): boolean {
  if (principal.role === 'reader') return false;
  if (principal.role === 'secretariat' && secretariatWrites.has(type)) return true;
  return owner === principal.organisation;
}
