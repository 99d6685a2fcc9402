/**
 * `@phx/interop`: PHX data packages to and from FHIR R4, DHIS2 and SDMX, and the UNAIDS Global AIDS
 * Monitoring (GAM) readiness report. Browser-safe; every function returns data and notes, never throws on
 * bad input.
 *
 * @packageDocumentation
 */
export { type InteropNote, type InteropSeverity, type ExampleKind } from './report.js';
export { type NoteCode, type NoteParams, type TargetName } from './codes.js';
export { interopLocales, formatNote, noteExamples, describeBreakdowns, type InteropLocale, type NoteMessages } from './locales/index.js';
export { type FieldMapping, type FieldMap } from './fields.js';
export { type PackageHeader, type ImportOptions, type ImportResult } from './imported.js';
export { toFhirBundle, type FhirBundle, type FhirResource, type Exported } from './fhir/export.js';
export { fromFhirBundle } from './fhir/import.js';
export { Dhis2Mapping, type Dhis2MappingInput, readDhis2Mapping } from './dhis2/mapping.js';
export { gamDhis2Template } from './dhis2/template.js';
export { toDhis2DataValueSet, toDhis2Csv, DHIS2_CSV_COLUMNS, type Dhis2DataValueSet, type Dhis2DataValue } from './dhis2/export.js';
export { fromDhis2DataValueSet, fromDhis2Csv } from './dhis2/import.js';
export { sdmxComponents, type SdmxComponent } from './sdmx/structure.js';
export { toSdmxCsv, toSdmxJson, sdmxStructure, type SdmxJsonMessage } from './sdmx/export.js';
export { fromSdmxCsv } from './sdmx/import.js';
export {
  gamReadiness, gamIndicators, type GamReadiness, type GamReadinessOptions, type GamIndicatorReadiness, type GamStatus,
} from './gam/readiness.js';
export {
  exportPackage, importPackage, exportTargets, importSources, targetOfFileName, fieldMaps,
  type ExportTarget, type ImportSource, type ExportFile, type ExportOptions, type ExportResult, type ImportPackageOptions,
} from './targets.js';
