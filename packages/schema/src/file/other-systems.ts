/**
 * The files of other systems that PHX writes (`phx export`) and reads (`phx import`), told apart from PHX data where
 * they are given to be validated: one issue then names the file and what reads it, rather than one for each field or
 * column PHX does not know. The one place that decides it, for a JSON document and for the header of a CSV file.
 */

/**
 * A format of another system that PHX writes or reads: a FHIR Bundle, a DHIS2 data value set (JSON or CSV), SDMX-CSV,
 * an SDMX-JSON data message, or the SDMX structure description written beside an SDMX-CSV file.
 *
 * @example
 * ```ts
 * const format: OtherSystemFormat = 'sdmx-csv';
 * ```
 */
export type OtherSystemFormat = 'fhir' | 'dhis2' | 'dhis2-csv' | 'sdmx-csv' | 'sdmx-json' | 'sdmx-structure';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The format of another system a parsed JSON document is in, or undefined: a FHIR Bundle (`resourceType`), a DHIS2
 * data value set (`dataValues`), an SDMX-JSON message (`meta` and `data`: a structure description when it holds data
 * structures, else data). A document with a `phxVersion` is PHX's, whatever else it holds.
 */
export function otherSystemOfDocument(value: unknown): OtherSystemFormat | undefined {
  if (!isObject(value) || 'phxVersion' in value) return undefined;
  const { resourceType, dataValues, meta, data } = value;
  if (resourceType === 'Bundle') return 'fhir';
  if (Array.isArray(dataValues)) return 'dhis2';
  if (!isObject(meta) || !isObject(data)) return undefined;
  return 'dataStructures' in data ? 'sdmx-structure' : 'dataSets' in data || 'structures' in data ? 'sdmx-json' : undefined;
}

/**
 * The format of another system a CSV header row is that of, or undefined: SDMX-CSV opens with `STRUCTURE,STRUCTURE_ID`
 * (2.0) or `DATAFLOW` (1.0), a DHIS2 data value CSV with `dataelement,period,orgunit`, in any case.
 */
export function otherSystemOfHeader(row: readonly unknown[]): OtherSystemFormat | undefined {
  const header = row.map((cell) => String(cell).trim()).join().toLowerCase();
  return /^(structure,structure_id|dataflow)\b/.test(header) ? 'sdmx-csv' : header.startsWith('dataelement,period,orgunit') ? 'dhis2-csv' : undefined;
}
