import * as z from 'zod';
import { describe, oneOf } from '../model/common.js';
import { recordTypeNames, type RecordType } from '../model/records.js';

/**
 * The roles a token may have: a `member` writes its own organisation's records, the `secretariat`
 * writes on behalf of every organisation, a `reader` only reads.
 *
 * @example
 * ```ts
 * import { roles, type Role } from '@phx/schema/api';
 * const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);
 * ```
 */
export const roles = ['member', 'secretariat', 'reader'] as const;
/** What a token may do: one of {@link roles}. */
export type Role = (typeof roles)[number];
/** The schema of a role. */
export const Role = describe(oneOf(roles), 'What a token may do.');

/** One write in the audit trail: what was written, whose it is, who wrote it and when. */
export const AuditEntry = describe(
  z.object({
    seq: describe(z.int(), 'Position in the trail; entries come in this order.'),
    at: describe(z.string(), 'When the write committed (ISO 8601).'),
    action: describe(oneOf(['create', 'replace', 'patch', 'delete', 'import']), 'What the write did.'),
    type: describe(oneOf(recordTypeNames as [RecordType, ...RecordType[]]).nullable(), 'The type of the record written, or null for an import.'),
    id: describe(z.string().nullable(), 'The id of the record written, or null for an import.'),
    package: describe(z.string().nullable(), 'The package an import wrote, or null.'),
    owner: describe(z.string(), 'The organisation that owns the records written.'),
    records: describe(z.int().min(0), 'How many of its records the write touched.'),
    by: describe(
      z.object({
        organisation: describe(z.string(), 'The organisation of the token that wrote (`@hub` for seed data).'),
        role: describe(oneOf([...roles, 'hub']), 'Its role (`hub` for seed data).'),
      }),
      'Who wrote.',
    ),
  }),
  'One write in the audit trail: what, whose, by whom, when. An import makes one entry per organisation whose records it wrote.',
  { id: 'AuditEntry' },
);

/**
 * One write in the audit trail. An import makes one entry per organisation whose records it wrote.
 *
 * @example
 * ```ts
 * for (const entry of (await client.audit.page()).data) {
 *   console.log(entry.at, entry.action, entry.type ?? entry.package, `for ${entry.owner} by ${entry.by.organisation}`);
 * }
 * ```
 */
export type AuditEntry = z.infer<typeof AuditEntry>;
