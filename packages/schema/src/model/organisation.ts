import * as z from 'zod';
import { codeOf, date, describe, httpUrl, languageMap, languageTag, organisationId, text, withExtensions } from './common.js';

/**
 * An organisation of the network: a CSO, a network of people living with HIV, an agency.
 *
 * @example
 * ```ts
 * const org: Organisation = Organisation.parse({
 *   id: 'ZM-PACRA-120045', name: { en: 'Zambia Prisons Reintegration Trust' }, organisationType: 'ngo', countries: ['ZM'],
 * });
 * ```
 */
export const Organisation = describe(
  z.strictObject({
    id: describe(
      organisationId,
      'Identifier in org-id.guide style (`<registration agency>-<number>`, e.g. `ZA-NPO-123-456`), or `PHX-ORG-...` where the organisation has no registration.',
    ),
    name: describe(languageMap, 'Name of the organisation, in one or more languages.'),
    acronym: describe(text.max(30), 'Short name or acronym.').optional(),
    organisationType: describe(codeOf('organisationType'), 'Kind of organisation.'),
    countries: describe(z.array(codeOf('country')).min(1), 'Countries of operation (ISO 3166-1 alpha-2).'),
    regions: describe(z.array(codeOf('region')), 'Regions of the network the organisation works in.').optional(),
    focusAreas: describe(
      z.array(codeOf('focusArea')),
      'What the organisation works on: the 15 interventions of the comprehensive package and the other areas of the codelist.',
    ).optional(),
    populations: describe(z.array(codeOf('population')), 'Groups of people the organisation serves.').optional(),
    website: describe(httpUrl, 'Public website.').optional(),
    email: describe(z.email().max(254), 'Public contact address of the organisation (never a person).').optional(),
    memberSince: describe(date, 'Date the organisation joined the network.').optional(),
    languages: describe(z.array(languageTag), 'Languages the organisation works in (BCP 47).').optional(),
    ...withExtensions,
  }),
  'An organisation of the network. Carries public contact points only: no personal names or phone numbers of individuals.',
  { id: 'Organisation', title: 'Organisation' },
);
/** An organisation of the network. */
export type Organisation = z.infer<typeof Organisation>;
