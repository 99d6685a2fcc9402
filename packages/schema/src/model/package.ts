import * as z from 'zod';
import { dateTime, describe, httpUrl, longLanguageMap, organisationId, recordId, SPDX_ID_PATTERN, text, withExtensions } from './common.js';
import { Facility } from './facility.js';
import { IndicatorDefinition } from './indicator.js';
import { Meeting } from './meeting.js';
import { Observation } from './observation.js';
import { Organisation } from './organisation.js';

/**
 * The version of the data format this package describes.
 *
 * @example
 * ```ts
 * import { PHX_VERSION } from '@phx/schema';
 * const header = { phxVersion: PHX_VERSION, id: 'zm-2020' }; // phxVersion: '1.0'
 * ```
 */
export const PHX_VERSION = '1.0';

/** SPDX licence identifier, e.g. `CC-BY-4.0`. */
const spdxId = z.string().regex(SPDX_ID_PATTERN).max(100);

/** The header of a DataPackage: everything but the record arrays. */
export const packageHeaderShape = {
  $schema: describe(httpUrl, 'URL of the JSON Schema the file follows (gives completion in editors).').optional(),
  phxVersion: describe(z.literal(PHX_VERSION), 'Version of the PHX data format.'),
  id: describe(recordId, 'Identifier of this package.'),
  publisher: describe(
    z.strictObject({
      id: describe(organisationId, 'Identifier of the publishing organisation.'),
      name: describe(text, 'Name of the publishing organisation.'),
    }),
    'Organisation that publishes the package.',
  ),
  license: describe(z.union([httpUrl, spdxId]), 'Licence of the data: an SPDX identifier (`CC-BY-4.0`) or a URL.'),
  publishedAt: describe(dateTime, 'When the package was published.'),
  description: describe(longLanguageMap, 'What the package holds.').optional(),
  ...withExtensions,
};

/**
 * The exchange file: a publisher's organisations, facilities, indicators, observations and meetings.
 *
 * @example
 * ```ts
 * const pkg: DataPackage = {
 *   phxVersion: '1.0', id: 'zm-2020', publisher: { id: 'ZM-PACRA-120045', name: 'Zambia Prisons Reintegration Trust' },
 *   license: 'CC-BY-4.0', publishedAt: '2021-03-01T09:00:00Z', observations: [],
 * };
 * DataPackage.safeParse(pkg).success; // true (shape only: validate() checks the rules too)
 * ```
 */
export const DataPackage = describe(
  z.strictObject({
    ...packageHeaderShape,
    organisations: describe(z.array(Organisation), 'Organisations.').optional(),
    facilities: describe(z.array(Facility), 'Facilities.').optional(),
    indicators: describe(z.array(IndicatorDefinition), 'Indicator definitions beyond the catalogue.').optional(),
    observations: describe(z.array(Observation), 'Observations.').optional(),
    meetings: describe(z.array(Meeting), 'Meetings.').optional(),
  }),
  'A PHX data package (`*.phx.json`): the unit of exchange between organisations and the hub.',
  { id: 'DataPackage', title: 'DataPackage' },
);
/** A PHX data package. */
export type DataPackage = z.infer<typeof DataPackage>;
/**
 * A PHX data package as written in a file, before defaults.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * const pkg: DataPackageInput = JSON.parse(await readFile('network-meeting-2020.phx.json', 'utf8'));
 * if (validate(pkg).ok) await client.packages.import(pkg);
 * ```
 */
export type DataPackageInput = z.input<typeof DataPackage>;
