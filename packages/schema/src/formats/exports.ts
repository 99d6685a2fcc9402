/**
 * The formats of other systems a PHX package exports to — written by `@phx/interop` for `phx export`, the
 * validator page and a hub's `GET /v1/export` — with the media type of each one's data file and the usual
 * ending of its name.
 *
 * @example
 * ```ts
 * import { exportFormats } from '@phx/schema';
 * Object.keys(exportFormats); // ['fhir', 'dhis2', 'dhis2-csv', 'sdmx-csv', 'sdmx-json']
 * exportFormats['sdmx-csv'].mediaType; // 'application/vnd.sdmx.data+csv; version=2.0.0'
 * ```
 */
export const exportFormats = {
  /** A FHIR R4 transaction Bundle. */
  fhir: { mediaType: 'application/fhir+json', extension: '.fhir.json' },
  /** A DHIS2 dataValueSet, as `POST /api/dataValueSets` takes it. */
  dhis2: { mediaType: 'application/json', extension: '.dhis2.json' },
  /** DHIS2 data values as CSV. */
  'dhis2-csv': { mediaType: 'application/csv', extension: '.dhis2.csv' },
  /** SDMX-CSV 2.0 data (its structure description is a file of its own). */
  'sdmx-csv': { mediaType: 'application/vnd.sdmx.data+csv; version=2.0.0', extension: '.sdmx.csv' },
  /** An SDMX-JSON 2.0 data message. */
  'sdmx-json': { mediaType: 'application/vnd.sdmx.data+json; version=2.0.0', extension: '.sdmx.json' },
} as const satisfies Record<string, { mediaType: string; extension: string }>;

/**
 * A format a package exports to: `fhir`, `dhis2`, `dhis2-csv`, `sdmx-csv` or `sdmx-json`.
 *
 * @example
 * ```ts
 * const format: ExportFormat = 'sdmx-csv';
 * ```
 */
export type ExportFormat = keyof typeof exportFormats;
