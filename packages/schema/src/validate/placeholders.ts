/**
 * The values a starter package holds for its author to replace (`phx init` writes them): the rules warn about
 * each one left in the data, so that a package is not published in the name of "Name of your organisation".
 */
import type { RecordReport } from './structural.js';

/**
 * The placeholders of a starter package.
 *
 * @example
 * ```ts
 * import { starterPlaceholders } from '@phx/schema';
 * const starter = { id: `${starterPlaceholders.packageIdPrefix}2026`, publisher: { id: starterPlaceholders.organisationId, name: starterPlaceholders.organisationName } };
 * validate({ ...starter }).issues.filter((issue) => issue.code === 'package.placeholder'); // one per placeholder
 * ```
 */
export const starterPlaceholders = {
  /** The start of the package id, followed by the year. */
  packageIdPrefix: 'my-organisation-',
  organisationId: 'PHX-ORG-CHANGE-ME',
  organisationName: 'Name of your organisation',
  description: 'What this package holds: the period, the places and the indicators it reports.',
} as const;

const names = new Set<string>([starterPlaceholders.organisationName, starterPlaceholders.description]);

/** Reports the placeholders left in a language map (`name`, `description`). */
function checkText(map: unknown, key: string, report: RecordReport): void {
  if (map === null || typeof map !== 'object') return;
  for (const [language, text] of Object.entries(map)) {
    if (typeof text === 'string' && names.has(text)) report('package.placeholder', [key, language], { value: text });
  }
}

/** Reports the placeholders left in a package header. */
export function checkHeaderPlaceholders(header: Record<string, unknown>, report: RecordReport): void {
  const id = header.id;
  if (typeof id === 'string' && id.startsWith(starterPlaceholders.packageIdPrefix)) report('package.placeholder', ['id'], { value: id });
  const publisher = header.publisher as { id?: unknown; name?: unknown } | undefined;
  if (publisher?.id === starterPlaceholders.organisationId) report('package.placeholder', ['publisher', 'id'], { value: publisher.id });
  if (typeof publisher?.name === 'string' && names.has(publisher.name)) report('package.placeholder', ['publisher', 'name'], { value: publisher.name });
  checkText(header.description, 'description', report);
}

/** Reports the placeholders left in an organisation. */
export function checkOrganisationPlaceholders(org: { id: string; name: unknown }, report: RecordReport): void {
  if (org.id === starterPlaceholders.organisationId) report('package.placeholder', ['id'], { value: org.id });
  checkText(org.name, 'name', report);
}
