import Papa from 'papaparse';
import { locales, type Locale } from '../locales/index.js';
import type { DataPackage } from '../model/package.js';
import type { RecordType } from '../model/record-kinds.js';
import type { ValidationIssue, ValidationResult } from '../validate/issue.js';
import { importedParts } from '../validate/imported.js';
import { IssueCollector, type ValidateOptions } from '../validate/validate.js';
import { defaultDecimalMark, spreadsheetText, writeCell, type CellForms } from './cells.js';
import { checkCsv, csvTableOf, readCsvTable } from './csv-table.js';
import { resolveColumn } from './csv-shape.js';
import * as headingReader from './heading-columns.js';
import { excelConventions } from './excel-conventions.js';
import type { DateOrder, ExcelLocale } from './excel-locale.js';
import { flattenRecord, orderedColumns } from './flatten.js';

/**
 * Options of {@link readCsv}.
 *
 * @example
 * ```ts
 * const options: ReadCsvOptions = { type: 'observation', locale: 'fr', delimiter: ';', decimalComma: true };
 * const table = readCsv(await file.text(), options); // reads 8,4 as 8.4
 * ```
 */
export interface ReadCsvOptions {
  /**
   * The record type of the rows.
   * @default told from the header (see {@link detectCsvType})
   */
  type?: RecordType;
  /**
   * Language of the messages.
   * @default 'en'
   */
  locale?: Locale;
  /**
   * Cell separator.
   * @default the one among `,` `;` tab and `|` that the header row uses most
   */
  delimiter?: string;
  /**
   * Whether the decimal mark of number columns is a comma (`12,5`; then `.` may group thousands) or
   * not (`12.5`; then `,` may). The other mark groups thousands only where the Excel that wrote the file may group
   * with it and no cell of the column has it as a decimal mark: never `.` in a `,`-separated file nor `,` in a
   * `;`-separated one, and with `excelLocale` only the locale's own (`,` in `en`, `.` in `es`; none in `uk`, `ru`
   * and `fr`, whose Excel groups with a space), unless a cell can be read no other way (`1.234,5`).
   * @default told by each column's cells (`1,5` or `1.234,5` tell a comma; `1,234` tells nothing where `,` may group thousands), else by `excelLocale`, else a point in a comma-separated file
   */
  decimalComma?: boolean;
  /**
   * The order of day and month in dates written with `/` or `-` (`31-12-2020`). When nothing tells, the column is reported
   * with `sheet.date-order-unknown`. Dates with dots (`31.12.2020`) are always day first.
   * @default told by each column's cells (`13/01/2020` is day first), else by `excelLocale`, else day first in a `;`-separated file
   */
  dateOrder?: DateOrder;
  /**
   * The locale of the Excel that wrote the file: settles the decimal mark and date order that the cells leave open,
   * and which mark may group thousands (`,` in `en`, `.` in `es`, neither in `uk`, `ru` and `fr`).
   * @default none
   */
  excelLocale?: ExcelLocale;
}

/**
 * A CSV file read into records.
 *
 * @example
 * ```ts
 * const table: CsvTable = readCsv('id,name.en,organisationType,countries.0\nZM-PACRA-120045,Zambia Prisons Reintegration Trust,ngo,ZM\n');
 * table.type; // 'organisation'
 * table.records[0]; // { id: 'ZM-PACRA-120045', name: { en: 'Zambia Prisons Reintegration Trust' }, organisationType: 'ngo', countries: ['ZM'] }
 * table.rows; // [2]
 * ```
 */
export interface CsvTable {
  /** The record type of the rows; undefined when neither given nor told by the header. */
  type: RecordType | undefined;
  /** The column names of the header row. */
  columns: string[];
  /** How many header columns name a field of `type` (0: the first row is not a PHX header). */
  recognisedColumns: number;
  /** The records, unflattened and typed by the schema (a cell that cannot be read stays text). */
  records: Record<string, unknown>[];
  /** The row of each record in the file (the header is row 1; blank rows are skipped). */
  rows: number[];
  /** The separator the file uses. */
  delimiter: string;
  /**
   * Problems of the table itself: an empty file, bad encoding, no header of PHX columns, unknown or
   * missing columns, cells under no heading, no rows.
   */
  issues: ValidationIssue[];
}

/**
 * Options of {@link writeCsv}.
 *
 * @example
 * ```ts
 * const options: WriteCsvOptions = { delimiter: ';', bom: true }; // what Excel in a French or Russian locale opens directly
 * const text = writeCsv('observation', pkg.observations ?? [], options);
 * ```
 */
export interface WriteCsvOptions {
  /**
   * Write for Excel in this locale: its separator, decimal mark, date form and TRUE/FALSE words,
   * with a byte order mark, so that Excel opens numbers as numbers and dates as dates.
   * @default none (`.` decimals, ISO dates, `true`/`false`)
   */
  excelLocale?: ExcelLocale;
  /**
   * Cell separator.
   * @default the Excel locale's, else `,`
   */
  delimiter?: string;
  /**
   * Start with a byte order mark, so that Excel reads the file as UTF-8.
   * @default true with an Excel locale, else false
   */
  bom?: boolean;
}

/**
 * Reads a CSV table of one record type — a spreadsheet saved as CSV — into records. Columns are
 * named by the flattened path of a field (`period.start`, `disaggregation.sex`, `name.en`,
 * `countries.0`, `extensions.<url>` with a JSON cell). Handles a byte order mark, `;` separators
 * with decimal commas, Excel serial dates in date columns and blank rows; reports unknown and
 * missing columns once, at the header, and cells under no heading at their row and column.
 * Never throws on bad data.
 *
 * @param input - the CSV as text, or as bytes (then invalid UTF-8 is reported).
 * @example
 * ```ts
 * import { readCsv } from '@phx/schema';
 * const table = readCsv('id;indicator;period.start;value\nobs-1;hiv-prevalence-prisoners;2020-01-01;12,5\n');
 * table.type; // 'observation'
 * table.records[0]; // { id: 'obs-1', indicator: 'hiv-prevalence-prisoners', period: { start: '2020-01-01' }, value: 12.5 }
 * ```
 */
export function readCsv(input: string | Uint8Array, options: ReadCsvOptions = {}): CsvTable {
  return csvTableOf(readCsvTable(input, options, new IssueCollector({ locale: options.locale }, locales), () => headingReader));
}

/**
 * Writes records of one type as a CSV table, one row a record, columns named by flattened paths in
 * the order of the schema's fields. {@link readCsv} reads it back into the same records. A text Excel would run
 * as a formula (`=`, `+`, `-` or `@` first) is written after an apostrophe ({@link spreadsheetText}), which Excel
 * does not show and `readCsv` drops.
 *
 * @example
 * ```ts
 * import { writeCsv } from '@phx/schema';
 * writeCsv('facility', [{ id: 'f-1', country: 'ZA', facilityType: 'prison' }]);
 * // 'id,country,facilityType\r\nf-1,ZA,prison\r\n'
 * ```
 */
export function writeCsv(type: RecordType, records: readonly Record<string, unknown>[], options: WriteCsvOptions = {}): string {
  const excel = options.excelLocale && excelConventions[options.excelLocale];
  const delimiter = options.delimiter ?? excel?.delimiter ?? ',';
  // Without an Excel locale: PHX's own forms, but the decimal comma that a ;-separated file is read with.
  const conventions = excel ?? { ...plainConventions, decimalComma: defaultDecimalMark(delimiter, undefined) === ',' };
  const rows = records.map(flattenRecord);
  const columns = orderedColumns(type, rows);
  const kinds = columns.map((name) => resolveColumn(type, name).kind);
  const text = (value: unknown, column: number): string => {
    const kind = kinds[column];
    if (kind === 'number' || kind === 'boolean' || kind === 'date') return writeCell(kind, value, conventions);
    return value === null ? 'null' : spreadsheetText(String(value));
  };
  const body = Papa.unparse(
    { fields: columns, data: rows.map((cells) => columns.map((name, column) => (cells.has(name) ? text(cells.get(name), column) : ''))) },
    { delimiter, newline: '\r\n' },
  );
  return `${(options.bom ?? excel !== undefined) ? '\uFEFF' : ''}${body}\r\n`;
}

/** How PHX writes values in its own files: ISO dates and `true`/`false`. */
const plainConventions: CellForms = { decimalComma: false, dateForm: 'yyyy-mm-dd', booleans: ['true', 'false'] };

/**
 * Reads a CSV table ({@link readCsv}) and validates each row as a record of its type: its shape,
 * unique ids within the file, and the rules that need no other record type. References to organisations and
 * facilities are checked only against those the options name (`knownOrganisations`, `knownFacilities`: a hub's),
 * as {@link validateRecord} checks them; without either they are not, as a table holds one type. Issue paths are relative
 * to the record; `location` is `{ row, column }` of the cell. When valid, `data` holds the records
 * in their package array (`{ observations: [...] }`).
 *
 * @example
 * ```ts
 * import { validateCsv } from '@phx/schema';
 * const { ok, issues, read } = validateCsv(await file.text(), { locale: 'fr' });
 * for (const issue of issues) console.log(issue.location, issue.message);
 * console.log(read.records.observation, 'observations');
 * ```
 */
export function validateCsv(input: string | Uint8Array, options: ValidateOptions & ReadCsvOptions = {}): ValidationResult<Partial<DataPackage>> {
  return checkCsv(input, options, new IssueCollector(options, locales), importedParts, () => headingReader);
}
