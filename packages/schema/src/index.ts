/**
 * `@phx/schema`: the PHX data format — zod schemas, inferred types, codelist codes, the indicator
 * catalogue and the validators. Labels of codelists are in `@phx/schema/codelists`.
 *
 * @packageDocumentation
 */
export {
  Organisation, Facility, IndicatorDefinition, Observation, Meeting, DataPackage, type DataPackageInput, PHX_VERSION,
  recordTypes, recordLineSchemas, PackageHeaderLine, type Collection,
  phxRegistry, type PhxMeta, codelistOf, languageMap, longLanguageMap,
} from './model/index.js';
// Apart from the zod schemas of ./model/records.ts: what reads records by type needs only their names, arrays and keys.
export { recordStores, recordTypeNames, packageHeaderOf, wholePackageOf, type RecordType } from './model/record-kinds.js';
export { codelists, type Code, type CodelistId } from './codelists/codes.js';
export { indicatorCatalogue } from './catalogue/indicators.js';
export { issueCodes, rulesBeyondSchema, type IssueCode, type IssueCodeInfo } from './validate/codes.js';
export { starterPlaceholders } from './validate/placeholders.js';
export { codeNamed, suggestionsFor } from './validate/code-names.js';
export {
  toPointer, fromPointer, makeIssue, type ValidationIssue, type IssueOf, type Problem, type ValidationResult, type ReadSummary, type Severity,
  type TextLocation, type CellLocation,
} from './validate/issue.js';
export type { IssueParams, ZodIssueParams, IdOf, NamedRecord, SpacesAround, DateTimeLack, BreakdownSum, Suggested, FirstSeen, TableRow, InAnotherFile, SheetColumn, SheetNames, ReadWeight } from './validate/params.js';
export { idExamples } from './validate/id-examples.js';
export type { PersonalDataKind } from './validate/personal-data.js';
export { fieldKeys, type FieldKey } from './validate/fields.js';
export type { TextForm } from './model/common.js';
export { renderMessage, formatIssue } from './validate/messages.js';
export { formatIssueAsync, loadLocale } from './validate/on-demand.js';
export { validate, validateRecord, readText, readJsonDocument, validateNdjson } from './validate/sync.js';
export { validateAsync, recordsReadIn, DEFAULT_SUPPRESSION_THRESHOLD, isSuppressionThreshold, issuesListed, DEFAULT_MAX_DEPTH, type ValidateOptions } from './validate/validate.js';
export { shapeProblems, type StructuralProblem } from './validate/structural.js';
export { valueOfParts } from './validate/arithmetic.js';
export { validateNdjsonAsync, type ValidateNdjsonOptions, type ParallelChecks } from './validate/ndjson.js';
export { validateFileAsync, type ValidateFileOptions, type FileValidationResult } from './file/validate-file.js';
export { validateFile, readRecords } from './file/validate-file-sync.js';
export { countRecords, type FormatHints } from './file/count.js';
export { issueRecord, type IssueRecord } from './file/issue-record.js';
export { charsetOf, fileFormats, formatOfName, formatOfMediaType, stemOfName, type FileFormat } from './file/format.js';
export type { OtherSystemFormat } from './file/other-systems.js';
export { DEFAULT_MAX_DOCUMENT_BYTES, type RecognisedEncoding } from './file/encoding.js';
export { textEncodingOf, textDecoding, type Misreading, type TextDecoding, type Transcoder } from './file/text-encoding.js';
export { LineIndex, offsetBeyondDepth } from './validate/locate.js';
export { readLines, DEFAULT_MAX_LINE_BYTES, type ChunkSource, type Line } from './formats/lines.js';
export { locales, localeTags, isLocale, type Locale, type PhxLocale, type MessageTemplate, type Messages } from './locales/index.js';
export { jsonSchemaOf, publishedSchemas, SCHEMA_BASE_URL, type SchemaName, type JsonSchema } from './jsonschema.js';
export {
  readCsv, writeCsv, validateCsv, type ReadCsvOptions, type WriteCsvOptions, type CsvTable,
} from './formats/csv.js';
export { readCsvAsync } from './formats/csv-table.js';
export { detectCsvType, type Table } from './formats/table.js';
export { cellName, columnLetters } from './formats/cell-names.js';
export { assemblePackage, type PackageInput, type AssembleOptions, type AssembledPackage, type InputReport } from './formats/assemble.js';
export {
  writeXlsx, readXlsx, validateXlsx, xlsxTemplate, type WriteXlsxOptions, type ReadXlsxOptions, type ValidateXlsxOptions, type WorkbookRead,
} from './formats/xlsx.js';
export { readXlsxAsync } from './formats/workbook-reader.js';
export { memoryAtHand } from './formats/memory.js';
export { columnHeading } from './formats/headings.js';
export type { TableType, ColumnTarget, CellKind } from './formats/csv-shape.js';
export type { SheetCell, PercentCell, ErrorCell } from './formats/cells.js';
export { spreadsheetText } from './formats/cells.js';
export { excelLocales, isExcelLocale, dateOrders, type ExcelLocale, type DateOrder } from './formats/excel-locale.js';
export { excelConventions, type ExcelConventions } from './formats/excel-conventions.js';
export type { NormalisedForm } from './formats/cells.js';
export { readNdjson, type NdjsonRecord, type ReadNdjsonOptions } from './formats/convert.js';
export { toNdjsonLines, PackageBuilder, recordsOf } from './formats/package-records.js';
export { exportFormats, type ExportFormat } from './formats/exports.js';
