/**
 * The values a starter package holds for its author to replace (`phx init` writes them): the rules warn about
 * each one left in the data, so that a package is not published in the name of "Name of your organisation".
 */
import type { Locale } from '../locales/index.js';
import type { RecordReport } from './structural.js';

/** The texts of a starter package for its author to replace, in one language. */
export interface StarterTexts {
  /** The name of the organisation: the publisher's, and the organisation record's in its language map. */
  readonly organisationName: string;
  /** The description of the package, in its language map. */
  readonly description: string;
}

/**
 * The placeholders of a starter package. The ids are codes, the same in every language; the texts are written in
 * the language of `phx init --locale`, and a text of any language is a placeholder under any language's key.
 *
 * @example
 * ```ts
 * import { starterPlaceholders } from '@phx/schema';
 * const { organisationName, description } = starterPlaceholders.texts.uk;
 * const starter = {
 *   id: `${starterPlaceholders.packageIdPrefix}2026`,
 *   publisher: { id: starterPlaceholders.organisationId, name: organisationName },
 *   description: { uk: description },
 * };
 * validate({ ...starter }).issues.filter((issue) => issue.code === 'package.placeholder'); // one per placeholder
 * ```
 */
export const starterPlaceholders = {
  /** The start of the package id, followed by the year. */
  packageIdPrefix: 'my-organisation-',
  organisationId: 'PHX-ORG-CHANGE-ME',
  /** The texts to replace, by language. */
  texts: {
    en: { organisationName: 'Name of your organisation', description: 'What this package holds: the period, the places and the indicators it reports.' },
    ru: { organisationName: 'Название вашей организации', description: 'Что содержит этот пакет: период, места и показатели, о которых в нём сообщается.' },
    uk: { organisationName: 'Назва вашої організації', description: 'Що містить цей пакет: період, місця та показники, про які в ньому повідомляється.' },
    fr: { organisationName: 'Nom de votre organisation', description: 'Ce que contient ce paquet : la période, les lieux et les indicateurs dont il rend compte.' },
    es: { organisationName: 'Nombre de su organización', description: 'Qué contiene este paquete: el período, los lugares y los indicadores de los que informa.' },
  } satisfies Record<Locale, StarterTexts>,
} as const;

const texts = new Set<string>(Object.values(starterPlaceholders.texts).flatMap((text) => [text.organisationName, text.description]));

/** Reports the placeholders left in a language map (`name`, `description`): those of every language, under any key. */
function checkText(map: unknown, key: string, report: RecordReport): void {
  if (map === null || typeof map !== 'object') return;
  for (const [language, text] of Object.entries(map)) {
    if (typeof text === 'string' && texts.has(text)) report('package.placeholder', [key, language], { value: text });
  }
}

/** Reports the placeholders left in a package header. */
export function checkHeaderPlaceholders(header: Record<string, unknown>, report: RecordReport): void {
  const id = header.id;
  if (typeof id === 'string' && id.startsWith(starterPlaceholders.packageIdPrefix)) report('package.placeholder', ['id'], { value: id });
  const publisher = header.publisher as { id?: unknown; name?: unknown } | undefined;
  if (publisher?.id === starterPlaceholders.organisationId) report('package.placeholder', ['publisher', 'id'], { value: publisher.id });
  if (typeof publisher?.name === 'string' && texts.has(publisher.name)) report('package.placeholder', ['publisher', 'name'], { value: publisher.name });
  checkText(header.description, 'description', report);
}

/** Reports the placeholders left in an organisation. */
export function checkOrganisationPlaceholders(org: { id: string; name: unknown }, report: RecordReport): void {
  if (org.id === starterPlaceholders.organisationId) report('package.placeholder', ['id'], { value: org.id });
  checkText(org.name, 'name', report);
}
