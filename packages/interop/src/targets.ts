/**
 * One entry point per direction for the faces (the CLI, the page, the hub): a package to the bytes of a
 * target, and the bytes of a source to a package. What each target means is decided in its own module.
 */
import { exportFormats, validate, type DataPackage, type ExportFormat } from '@phx/schema';
import { dhis2Csv, toDhis2DataValueSet } from './dhis2/export.js';
import { dhis2FieldMap } from './dhis2/fields.js';
import { fromDhis2Csv, fromDhis2DataValueSet } from './dhis2/import.js';
import { readDhis2Mapping } from './dhis2/mapping.js';
import { gamDhis2Template } from './dhis2/template.js';
import type { FieldMap } from './fields.js';
import { toFhirBundle } from './fhir/export.js';
import { fhirFieldMap } from './fhir/fields.js';
import { fromFhirBundle } from './fhir/import.js';
import type { ImportOptions, ImportResult } from './imported.js';
import { failure, type InteropNote } from './report.js';
import { sdmxStructure, toSdmxCsv, toSdmxJson } from './sdmx/export.js';
import { sdmxFieldMap } from './sdmx/fields.js';
import { fromSdmxCsv } from './sdmx/import.js';

/**
 * An export target: `fhir`, `dhis2`, `dhis2-csv`, `sdmx-csv` or `sdmx-json` (@phx/schema's `exportFormats`).
 *
 * @example
 * ```ts
 * const target: ExportTarget = 'sdmx-csv';
 * ```
 */
export type ExportTarget = ExportFormat;

/**
 * The formats a package exports to, in @phx/schema's order of `exportFormats`.
 *
 * @example
 * ```ts
 * import { exportTargets } from '@phx/interop';
 * exportTargets; // ['fhir', 'dhis2', 'dhis2-csv', 'sdmx-csv', 'sdmx-json']
 * ```
 */
export const exportTargets = Object.keys(exportFormats) as readonly ExportTarget[];

/**
 * The target a file name speaks of by its ending (`x.fhir.json` → `fhir`), or undefined.
 *
 * @example
 * ```ts
 * import { targetOfFileName } from '@phx/interop';
 * targetOfFileName('ua-2023.DHIS2.csv'); // 'dhis2-csv'
 * targetOfFileName('ua-2023.json'); // undefined
 * ```
 */
export function targetOfFileName(name: string): ExportTarget | undefined {
  const lower = name.toLowerCase();
  return exportTargets.find((target) => lower.endsWith(exportFormats[target].extension));
}

/**
 * The formats a package imports from.
 *
 * @example
 * ```ts
 * import { importSources } from '@phx/interop';
 * importSources; // ['fhir', 'dhis2', 'dhis2-csv', 'sdmx-csv']
 * ```
 */
export const importSources = ['fhir', 'dhis2', 'dhis2-csv', 'sdmx-csv'] as const;
/**
 * An import source: `fhir`, `dhis2`, `dhis2-csv` or `sdmx-csv`.
 *
 * @example
 * ```ts
 * const source: ImportSource = 'fhir';
 * ```
 */
export type ImportSource = (typeof importSources)[number];

/**
 * The field maps of every target, for the docs and for tools that show what a target keeps.
 *
 * @example
 * ```ts
 * import { fieldMaps } from '@phx/interop';
 * fieldMaps.fhir.observation?.length; // one row per observation field
 * ```
 */
export const fieldMaps: Record<ExportTarget, FieldMap> = { fhir: fhirFieldMap, dhis2: dhis2FieldMap, 'dhis2-csv': dhis2FieldMap, 'sdmx-csv': sdmxFieldMap, 'sdmx-json': sdmxFieldMap };

/**
 * One file of an export: the data itself (`role: 'data'`), or its structure description (SDMX-CSV's).
 *
 * @example
 * ```ts
 * const file: ExportFile = { role: 'data', ...exportFormats['sdmx-csv'], content: text };
 * ```
 */
export interface ExportFile {
  role: 'data' | 'structure';
  /** The usual ending of the file's name, e.g. `.fhir.json`. */
  extension: string;
  mediaType: string;
  content: string;
}

/**
 * Options of {@link exportPackage}.
 *
 * @example
 * ```ts
 * const options: ExportOptions = { mapping: JSON.parse(await readFile('dhis2-mapping.json', 'utf8')) };
 * ```
 */
export interface ExportOptions {
  /**
   * The DHIS2 mapping (parsed JSON, checked here).
   * @default the GAM template, {@link gamDhis2Template}
   */
  mapping?: unknown;
}

/**
 * The result of {@link exportPackage}: the files (none when an error note says why) and the notes.
 *
 * @example
 * ```ts
 * const { files, notes }: ExportResult = exportPackage(pkg, 'fhir');
 * ```
 */
export interface ExportResult {
  files: ExportFile[];
  notes: InteropNote[];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The data file of an export to a target. */
const dataFile = (target: ExportTarget, content: string): ExportFile => ({ role: 'data', ...exportFormats[target], content });

/** The DHIS2 mapping of the options, or the error notes of a mapping that does not pass its schema. */
const mappingOf = (options: { mapping?: unknown }) => readDhis2Mapping(options.mapping ?? gamDhis2Template());

/**
 * Exports a package to a target, as the files to write or download. Warnings name everything the target could
 * not carry; never throws. A DHIS2 export that would send no data value makes no file: an error note
 * (`dhis2.nothing-to-send`) says so, and the warnings say why.
 *
 * @example
 * ```ts
 * import { exportPackage } from '@phx/interop';
 * const { files, notes } = exportPackage(pkg, 'sdmx-csv');
 * files.map((f) => f.extension); // ['.sdmx.csv', '.sdmx-structure.json']
 * ```
 */
export function exportPackage(pkg: DataPackage, target: ExportTarget, options: ExportOptions = {}): ExportResult {
  switch (target) {
    case 'fhir': {
      const { data, warnings } = toFhirBundle(pkg);
      return { files: [dataFile(target, json(data))], notes: warnings };
    }
    case 'dhis2':
    case 'dhis2-csv': {
      const { mapping, notes } = mappingOf(options);
      if (!mapping) return { files: [], notes };
      const { data, warnings } = toDhis2DataValueSet(pkg, mapping);
      // A file without a data value imports nothing into DHIS2 and looks like a success there: none is made.
      if (data.dataValues.length === 0) return { files: [], notes: [...failure('dhis2.nothing-to-send', {}), ...warnings] };
      return { files: [dataFile(target, target === 'dhis2' ? json(data) : dhis2Csv(data))], notes: warnings };
    }
    case 'sdmx-csv': {
      const { data, warnings } = toSdmxCsv(pkg);
      return {
        files: [
          dataFile(target, data),
          { role: 'structure', extension: '.sdmx-structure.json', mediaType: 'application/vnd.sdmx.structure+json; version=2.0.0', content: json(sdmxStructure(pkg)) },
        ],
        notes: warnings,
      };
    }
    case 'sdmx-json': {
      const { data, warnings } = toSdmxJson(pkg);
      return { files: [dataFile(target, json(data))], notes: warnings };
    }
  }
}

/**
 * Options of {@link importPackage}: those of every importer, and the DHIS2 mapping.
 *
 * @example
 * ```ts
 * const options: ImportPackageOptions = { mapping, header: { license: 'CC-BY-4.0', publisher: { id: 'UA-EDR-38214567', name: 'UHRPA' } } };
 * ```
 */
export interface ImportPackageOptions extends ImportOptions {
  /**
   * The DHIS2 mapping (parsed JSON, checked here).
   * @default the GAM template; its reporting organisation defaults to the publisher
   */
  mapping?: unknown;
}

/**
 * Imports the text of a file in a source format as a PHX package. Never throws: a file that cannot be read is
 * an error note.
 *
 * @example
 * ```ts
 * import { importPackage } from '@phx/interop';
 * const { package: pkg, notes } = importPackage(await readFile('bundle.json', 'utf8'), 'fhir');
 * ```
 */
export function importPackage(text: string, source: ImportSource, options: ImportPackageOptions = {}): ImportResult {
  if (source === 'sdmx-csv') return fromSdmxCsv(text, options);
  if (source === 'fhir') return withJson(text, (value) => fromFhirBundle(value, options));
  const { mapping, notes } = mappingOf(options);
  if (!mapping) return { package: undefined, notes };
  const withReporter = { ...mapping, reportingOrganisation: mapping.reportingOrganisation ?? options.header?.publisher?.id };
  if (source === 'dhis2-csv') return fromDhis2Csv(text, withReporter, options);
  return withJson(text, (value) => fromDhis2DataValueSet(value, withReporter, options));
}

/** Parses JSON text and imports it, or says where it is not JSON. */
function withJson(text: string, read: (value: unknown) => ImportResult): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // @phx/schema locates the syntax error, as it does for a package.
    const location = validate(text).issues.find((issue) => issue.code.startsWith('syntax.'))?.location;
    const { line, column } = location && 'line' in location ? location : { line: 1, column: 1 };
    return { package: undefined, notes: failure('import.invalid-json', { line, column }) };
  }
  return read(value);
}
