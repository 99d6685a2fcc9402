import type { RecordType } from '../model/records.js';
import type { DataPackage } from '../model/package.js';
import type { ValidationIssue, ValidationResult } from '../validate/issue.js';
import type { ValidateOptions } from '../validate/validate.js';
import type { ExcelLocale } from './excel-locale.js';
import type { Table } from './table.js';
import { locales } from '../locales/index.js';
import { validate } from '../validate/sync.js';
import { templatePackage, writeWorkbook } from './workbook.js';
import { readWorkbook, validateWorkbook } from './workbook-reader.js';

/**
 * Options of {@link writeXlsx}.
 *
 * @example
 * ```ts
 * const options: WriteXlsxOptions = { language: 'uk', facilities: pkg.facilities };
 * const bytes = await writeXlsx(pkg, options); // headings in Ukrainian, a drop-down of the facilities
 * ```
 */
export interface WriteXlsxOptions {
  /**
   * Language of the column headings and of the codelists' labels.
   * @default 'en'
   */
  language?: ExcelLocale;
  /**
   * Facilities offered in the drop-down of facility columns, beside the package's own, and written on the
   * facilities sheet after them (those of an id the package does not hold): a workbook filled in picking one
   * holds the facility it refers to, and validates and converts on its own.
   * @default none
   */
  facilities?: readonly Record<string, unknown>[];
  /**
   * Write a sheet for each of these record types even without records, with a column for each of
   * their fields: a workbook to fill in. (The Package sheet has every field of the header anyway.)
   * @default only the sheets and columns the package has
   */
  template?: readonly RecordType[];
}

/**
 * Options of {@link readXlsx}.
 *
 * @example
 * ```ts
 * const options: ReadXlsxOptions = { locale: 'fr', dateOrder: 'day-month' };
 * const { pkg, issues } = await readXlsx(bytes, options);
 * ```
 */
export interface ReadXlsxOptions {
  /**
   * Language of the messages.
   * @default 'en'
   */
  locale?: ValidateOptions['locale'];
  /**
   * Most bytes the parts of the workbook may hold once unpacked: a workbook that expands to more (a
   * zip bomb) is reported as too large, measured as a stream before it is unpacked.
   * @default 500 MiB
   */
  maxDocumentBytes?: number;
  /**
   * Most bytes of memory reading the file may take: a workbook that would take more (480 bytes for each cell, as
   * exceljs holds it and PHX reads it, and two for each byte of its XML unpacked; the cells are counted as the
   * workbook is measured, before it is unpacked) is reported (`file.too-large-for-memory`) and not read, where
   * reading it would end the program out of memory; and so is a CSV file read by `validateFile()`, `readRecords()` or
   * `assemblePackage()` (84 bytes for each cell, counted as its delimiters and line feeds, 1.5 for each byte of its
   * UTF-8, and 48 MiB), and a `.phx.json` file they read whole (its data kept, from a stream that cannot be read
   * again, or not a package as PHX writes one: a byte for each character of its text and of its strings that are
   * values, two where the file holds one beyond Latin-1, 20 for each value, counted as its commas and closing
   * brackets, and 52 MiB). What the files being read at the same time in this thread were weighed at is taken from it
   * (and the default is then the memory at hand as the first of them began). `phx` gives the heap V8 allows less what
   * it held before it read its first file, so that what earlier files left, garbage V8 collects when it needs the
   * space, does not count; the page gives its worker the figure of its own heap.
   * @default `memoryAtHand()` when the file is read: in Node, the heap V8 has left (`heap_size_limit` less
   * `used_heap_size` of `v8.getHeapStatistics()`); in a Chromium page (not a worker), its heap's limit less what it
   * uses; elsewhere no limit
   */
  maxReadMemory?: number;
  /**
   * The decimal mark of numbers typed as text.
   * @default told by each column's cells
   */
  decimalComma?: boolean;
  /**
   * The order of day and month in dates typed as text (`03/04/2020`).
   * @default told by the sheet's cells
   */
  dateOrder?: 'day-month' | 'month-day';
  /**
   * The locale of the Excel the workbook was filled in: settles what text cells leave open.
   * @default none
   */
  excelLocale?: ExcelLocale;
}

/**
 * A workbook read into a package.
 *
 * @example
 * ```ts
 * const { pkg, issues, tables }: WorkbookRead = await readXlsx(bytes);
 * tables.map(({ sheet, table }) => `${sheet}: ${table.records.length}`); // ['Package: 1', 'observations: 29']
 * ```
 */
export interface WorkbookRead {
  /** The package: the Package sheet's header and the records of each sheet. */
  pkg: Record<string, unknown>;
  /** Problems of the sheets themselves (unknown or missing columns, sheets of no record type), and notes of what was read from local forms. */
  issues: ValidationIssue[];
  /** Each sheet read, with its table. */
  tables: { sheet: string; table: Table }[];
}

/**
 * Options of {@link validateXlsx}: those of validation and of reading.
 *
 * @example
 * ```ts
 * const options: ValidateXlsxOptions = { locale: 'es', suppressionThreshold: 10 };
 * ```
 */
export type ValidateXlsxOptions = ValidateOptions & ReadXlsxOptions;


/**
 * Writes a whole package as an Excel workbook (.xlsx): a Package sheet with a column for every field
 * of the header, as {@link xlsxTemplate} writes it, filled where the package has a value (so that a
 * package read from CSV, which has no header, gets one to fill in), a sheet
 * per list of records the package holds, named by its collection (`observations`) — an empty list too, as a sheet
 * of every field with no row below its header; and, for observations or meetings without a header or an organisation
 * to refer to, an organisations sheet to fill in —, each with headings in the language
 * over a row of field paths (the columns of {@link writeCsv}) and a frozen header; codelist and
 * reference columns get drop-down lists drawn from a Codelists sheet. Dates are date cells,
 * numbers number cells. {@link readXlsx} reads it back into the same package, its lists absent or empty as they were
 * (but a number of more than 15 significant digits, read as Excel shows it).
 *
 * @example
 * ```ts
 * import { writeXlsx } from '@phx/schema';
 * await writeFile('package.xlsx', await writeXlsx(pkg, { language: 'fr' }));
 * ```
 */
export async function writeXlsx(pkg: Record<string, unknown>, options: WriteXlsxOptions = {}): Promise<Uint8Array> {
  return writeWorkbook(pkg, options);
}

/**
 * An empty workbook ready to fill in: the Package sheet with every header field (the format's
 * version filled in, and the given header), and a sheet with every field of each record type (by default
 * organisations — the publisher among them, as every organisation a record refers to —, facilities and
 * observations), with
 * drop-downs for indicators, units, sexes, age groups, countries and the other codelists, and for
 * the facilities when given. The workbook holds the records it offers, so that once filled in it
 * validates and converts on its own: the facilities given on the facilities sheet, and, when
 * `header` is a whole package, its organisations, facilities and indicator definitions on their
 * sheets (not its observations or meetings).
 *
 * @example
 * ```ts
 * import { xlsxTemplate } from '@phx/schema';
 * await writeFile('report.xlsx', await xlsxTemplate({ language: 'uk', facilities: [facility] }));
 * ```
 */
export async function xlsxTemplate(options: WriteXlsxOptions & { header?: Record<string, unknown>; types?: readonly RecordType[] } = {}): Promise<Uint8Array> {
  const { header, types = ['organisation', 'facility', 'observation'], ...rest } = options;
  return writeWorkbook(templatePackage(header), { ...rest, template: types });
}

/**
 * Reads an Excel workbook (.xlsx) into a package: the Package sheet into the header, each other
 * sheet into records of the type its name or its columns say — a sheet of its header alone into an empty list, a
 * blank sheet into none. A sheet's field paths may be in
 * its first row (as in a CSV file) or under a row of headings (as {@link writeXlsx} writes them).
 * Typed cells are read as Excel shows them: a number to its 15 significant digits (a formula's
 * 3.0000000000000004 as 3), a date cell as its date; text cells as {@link readCsv} reads them. Never
 * throws on bad data: a file that is no workbook is the issue `sheet.unreadable`.
 *
 * @example
 * ```ts
 * import { readXlsx } from '@phx/schema';
 * const { pkg, issues } = await readXlsx(new Uint8Array(await file.arrayBuffer()));
 * ```
 */
export async function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): Promise<WorkbookRead> {
  return readWorkbook(bytes, options, locales);
}

/**
 * Reads an Excel workbook ({@link readXlsx}) and validates the package it holds, references
 * across its sheets included. Each issue is located at its sheet, row and column, with the cell's
 * A1 name: `{ sheet: 'observations', row: 5, column: 3, cell: 'C5' }`, and has the path of its field in the package
 * (`/observations/2/value`), an issue of what a cell holds (an Excel error, a date in a number column) as the record's
 * own issues. When valid, `data` holds the package.
 *
 * @example
 * ```ts
 * import { validateXlsx } from '@phx/schema';
 * const { ok, issues } = await validateXlsx(bytes, { locale: 'ru' });
 * for (const issue of issues) console.log(issue.location, issue.message); // { sheet: 'observations', row: 5, column: 3, cell: 'C5' }
 * ```
 */
export async function validateXlsx(bytes: Uint8Array, options: ValidateXlsxOptions = {}): Promise<ValidationResult<Partial<DataPackage>>> {
  return validateWorkbook(bytes, options, validate, locales);
}
