import { locales, type Locale } from '../locales/index.js';
import { decodeUtf8 } from '../file/encoding.js';
import { encodingOption, textDecoding } from '../file/text-encoding.js';
import { formatOfFile, isTextFormat, type FileFormat } from '../file/format.js';
import type { FileValidationResult, ValidateFileOptions } from '../file/validate-file.js';
import { packageHeaderOf, recordStores, recordTypeNames, recordTypeOfCollection, referredRecordTypes, type RecordType } from '../model/record-kinds.js';
import { importedParts } from '../validate/imported.js';
import { fromPointer, toPointer, type ValidationIssue } from '../validate/issue.js';
import { locatePaths } from '../validate/json-places.js';
import type { FirstSeen, InAnotherFile, TableRow } from '../validate/params.js';
import { renderMessage } from '../validate/messages.js';
import { validate } from '../validate/sync.js';
import { IssueCollector, namesKnownRecords, noRecords, validateWith, type ValidateOptions } from '../validate/validate.js';
import { readNdjson } from './convert.js';
import { cellOfMisreading, readCsvTable } from './csv-table.js';
import { jsonMemory } from './json-memory.js';
import { csvMemory, readWithinMemory } from './weighed-reads.js';
import * as headingReader from './heading-columns.js';
import type { DateOrder, ExcelLocale } from './excel-locale.js';
import { cellLocation, columnLocator, headerSettled, isCellValueIssue, sheetParams } from './table.js';
import { inPackage, mergedOver } from './workbook-reader.js';
import { readXlsx, type ReadXlsxOptions } from './xlsx.js';

/**
 * A file to build a package from: its name and its bytes.
 *
 * @example
 * ```ts
 * const input: PackageInput = { name: 'facilities.csv', bytes: await readFile('facilities.csv') };
 * ```
 */
export interface PackageInput {
  /** The file's name: its ending tells a text format (`.phx.json`, `.phx.ndjson`, `.csv`). */
  name: string;
  /**
   * The format, when something else tells it (standard input named by an option); a workbook, PDF or
   * archive is told by its content whatever is declared.
   * @default told by the content and the name, as {@link validateFile} tells it
   */
  format?: FileFormat;
  bytes: Uint8Array;
  /**
   * This file is a header package (`phx convert --header`): it gives the package header and the records that other
   * records refer to — its organisations, facilities and indicator definitions — not its observations or meetings.
   * @default false
   */
  headerPackage?: boolean;
}

/**
 * Options of {@link assemblePackage}.
 *
 * @example
 * ```ts
 * const options: AssembleOptions = { locale: 'uk', excelLocale: 'uk', header: 'optional' };
 * ```
 */
export interface AssembleOptions extends ValidateOptions, Pick<ReadXlsxOptions, 'maxReadMemory'> {
  /**
   * The record type of CSV inputs.
   * @default told by each file's header
   */
  type?: RecordType;
  /**
   * The cell separator of CSV inputs.
   * @default detected
   */
  delimiter?: string;
  dateOrder?: DateOrder;
  excelLocale?: ExcelLocale;
  /** The encoding of text inputs that are not UTF-8, as {@link ValidateFileOptions.encoding} takes it. */
  encoding?: ValidateFileOptions['encoding'];
  /**
   * Whether the package needs a header (`.phx.json`, `.xlsx`) or may do without (`.phx.ndjson`, `.csv`).
   * @default 'required'
   */
  header?: 'required' | 'optional';
  /**
   * The package is a part of one still to be assembled, as the records of a CSV file are: its references to
   * organisations and facilities need not resolve within it, but for those the options name the records of
   * (`knownOrganisations`, `knownFacilities`), as {@link validateCsv} checks a CSV file's. Every other rule applies.
   * @default false: a whole package, whose references must resolve
   */
  part?: boolean;
}

/**
 * What one input gave, in the result shape of {@link validateFile}: its issues (located in that
 * file), what was read of it, and its verdict.
 *
 * @example
 * ```ts
 * const assembled = await assemblePackage([{ name: 'observations.csv', bytes }]);
 * const { name, format, ok, issues, read }: InputReport = assembled.files[0]!;
 * ```
 */
export interface InputReport extends Omit<FileValidationResult, 'data'> {
  /** The input's name, as given. */
  name: string;
}

/**
 * A package built from several inputs, validated as a whole.
 *
 * @example
 * ```ts
 * const { ok, readable, pkg, files }: AssembledPackage = await assemblePackage([{ name: 'observations.csv', bytes }]);
 * ```
 */
export interface AssembledPackage {
  /** True when every input could be read as it is: no syntax, encoding or column problem (a cell's value, such as an Excel error `#DIV/0!`, is an issue of its record). */
  readable: boolean;
  /** True when the package is readable and valid: no error in any input. */
  ok: boolean;
  pkg: Record<string, unknown>;
  /** The inputs that give a package header; more than one is a conflict, and nothing is validated. */
  headerFrom: string[];
  files: InputReport[];
}

/** Where a record of the package came from: its input, and how to place an issue's path in that input. */
interface Origin {
  file: InputReport;
  /** The place of a path under the record (or of a header field), in its input. */
  place: (path: readonly (string | number)[], code: ValidationIssue['code']) => ValidationIssue['location'] | null;
  /** The params of an issue at a path under the record, with the columns its message names as its sheet shows them; for a CSV or workbook input. */
  named?: (issue: ValidationIssue, path: readonly (string | number)[]) => ValidationIssue['params'];
  /** The path of the record in its own input, for a JSON input. */
  base?: (string | number)[];
  text?: string;
  /** The record's line (NDJSON) or row (CSV, workbook) in its input, as a duplicate's `first` names it; none for JSON, named by its pointer. */
  seen?: number | TableRow;
}

function headerOf(value: Record<string, unknown>): Record<string, unknown> | undefined {
  const header = packageHeaderOf(value);
  return Object.keys(header).length > 0 ? header : undefined;
}

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Bytes that tell a file's format: enough for the first entries of a zip and the first line of text. */
const HEAD_BYTES = 64 * 1024;

/**
 * Builds one package from several inputs — CSV sheets, NDJSON, .phx.json, workbooks and a header
 * package, whose organisations, facilities and indicator definitions the others may refer to — and
 * validates it as a whole, references across the inputs included. The format of each
 * input is told as {@link validateFile} tells it. Each issue is given back in the input it comes
 * from, at its place there. Inputs that cannot be read (empty, not UTF-8, not JSON, a CSV without
 * PHX columns, a format PHX does not read) are reported and the package is not validated. A record
 * that an input before gave field for field (same id, same fields in any order) is taken once, not
 * reported as a duplicate: the facilities of a template workbook given again in their own file; one
 * of the same id that differs, or repeated within its own input, is reported (`unique.duplicate-id`), as is one
 * that differs from a record of a header package. The package holds a list of each record type an input has
 * records of or an empty list of (`"meetings": []` in a .phx.json file, a workbook's sheet of its header alone),
 * and no other: an NDJSON or CSV input carries no empty list.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { assemblePackage } from '@phx/schema';
 * const [header, facilities, observations] = await Promise.all(['header.phx.json', 'facilities.csv', 'observations.csv'].map((name) => readFile(name)));
 * const { ok, pkg, files } = await assemblePackage([
 *   { name: 'header.phx.json', bytes: header, headerPackage: true },
 *   { name: 'facilities.csv', bytes: facilities },
 *   { name: 'observations.csv', bytes: observations },
 * ]);
 * ```
 */
export async function assemblePackage(inputs: readonly PackageInput[], options: AssembleOptions = {}): Promise<AssembledPackage> {
  const locale: Locale | undefined = options.locale;
  const records = new Map<RecordType, Record<string, unknown>[]>();
  const origins = new Map<RecordType, Origin[]>();
  /** Places in their text the issues of each CSV input, once all are known. */
  const placeLater: (() => void)[] = [];
  const result: AssembledPackage = { readable: true, ok: false, pkg: {}, headerFrom: [], files: [] };
  let header: { value: Record<string, unknown>; origin: Origin } | undefined;
  /** The first record of each id of each type, and its input. */
  const firstOfId = new Map<RecordType, Map<string, { record: Record<string, unknown>; file: InputReport }>>();
  /** Gives the package a list of a type, empty until a record is added: an input's empty list is kept as one. */
  const hold = (type: RecordType): void => {
    if (records.has(type)) return;
    records.set(type, []);
    origins.set(type, []);
  };
  /**
   * Adds a record to the package, unless another input gave it already, field for field (the facilities a template
   * wrote in a workbook, given again in the file they came from): it is taken once.
   */
  const add = (type: RecordType, record: Record<string, unknown>, origin: Origin): void => {
    const id = record?.[recordStores[type].key];
    if (typeof id === 'string') {
      let firsts = firstOfId.get(type);
      if (!firsts) firstOfId.set(type, (firsts = new Map()));
      const first = firsts.get(id);
      if (!first) firsts.set(id, { record, file: origin.file });
      else if (first.file !== origin.file && sameValue(first.record, record)) return;
    }
    hold(type);
    // Pushed in place: a copy a record made a file of 45 000 rows take minutes.
    records.get(type)!.push(record);
    origins.get(type)!.push(origin);
  };
  /**
   * The records of each type the inputs that could not be read hold: an issue of a cell of a sheet gives its record's
   * path in the package as if they had been read, so that no two cells of the inputs are given the same record.
   */
  const unread = new Map<RecordType, number>();
  /** The records of a type the inputs read so far hold: the index in the package of the next one. */
  const readBefore = (type: RecordType): number => (records.get(type)?.length ?? 0) + (unread.get(type) ?? 0);
  const setHeader = (value: Record<string, unknown> | undefined, origin: Origin): void => {
    if (!value) return;
    result.headerFrom.push(origin.file.name);
    header = { value, origin };
  };

  const encoding = encodingOption(options.encoding);
  /** The warning of each input read in a code page it does not look written in: found before anything of it, listed first. */
  const misread = new Map<InputReport, ValidationIssue>();
  for (const given of inputs) {
    const head = given.bytes.subarray(0, HEAD_BYTES);
    const format = formatOfFile(head, given);
    const decoding = isTextFormat(format) ? textDecoding(encoding, head) : undefined;
    const input = decoding ? { ...given, bytes: decoding.whole(given.bytes) } : given;
    const read = { records: noRecords(), bytes: given.bytes.length, ...(decoding && { encoding: decoding.encoding }), complete: true };
    const file: InputReport = { name: input.name, format, ok: false, issues: [], errors: 0, warnings: 0, truncated: false, read };
    result.files.push(file);
    const collector = new IssueCollector({ locale }, locales);
    if (decoding?.misread) {
      const location = format === 'csv' ? cellOfMisreading(decoding, decoding.misread, head, options.delimiter) : decoding.misread.at;
      misread.set(file, { ...collector.make(decoding.misread.problem), location });
    }
    const takes = (type: RecordType): boolean => !input.headerPackage || referredRecordTypes.includes(type);
    const failed = (issues: readonly ValidationIssue[]): boolean => issues.some((issue) => issue.severity === 'error');
    // A sheet whose only errors are about the values of cells (`#DIV/0!`) is read, so that its records are checked too.
    const unreadable = (issues: readonly ValidationIssue[]): boolean => issues.some((issue) => issue.severity === 'error' && !isCellValueIssue(issue));
    if (format !== 'json' && format !== 'ndjson' && format !== 'csv' && format !== 'xlsx') {
      collector.add({ code: 'file.unsupported-format', path: [], params: { format } });
      file.issues = collector.issues;
      result.readable = false;
    } else if (format === 'json') {
      const read = (): { text: string; value: unknown } | undefined => {
        const decoded = decodeUtf8(input.bytes);
        if ('problem' in decoded) {
          const issue = collector.add(decoded.problem);
          if (issue) issue.location = decoded.at ?? { line: 1, column: 1 };
        }
        if (!('text' in decoded)) return undefined;
        const { text } = decoded;
        const syntax = validate(text, { locale }).issues.filter((issue) => issue.code.startsWith('syntax.'));
        const value = syntax.length === 0 ? (JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown) : undefined;
        if (syntax.length > 0 || value === null || typeof value !== 'object' || Array.isArray(value)) {
          collector.issues.push(...(syntax.length > 0 ? syntax : validate(text, { locale }).issues));
          return undefined;
        }
        return { text, value };
      };
      const parsed = await readWithinMemory(jsonMemory(input.bytes), options.maxReadMemory, read, (problem): undefined => void collector.add(problem));
      if (!parsed) {
        file.issues = collector.issues;
        result.readable = false;
        continue;
      }
      const { text } = parsed;
      const object = parsed.value as Record<string, unknown>;
      const jsonOrigin = (base: (string | number)[]): Origin => ({ file, base, text, place: () => undefined });
      setHeader(headerOf(object), jsonOrigin([]));
      for (const type of recordTypeNames) {
        const { collection } = recordStores[type];
        const list = object[collection];
        if (!Array.isArray(list) || !takes(type)) continue;
        hold(type);
        list.forEach((record, index) => add(type, record as Record<string, unknown>, jsonOrigin([collection, index])));
        file.read.records[type] += list.length;
      }
    } else if (format === 'ndjson') {
      let lines = 0;
      for await (const entry of readNdjson(chunks(input.bytes), { locale, maxDepth: options.maxDepth })) {
        lines++;
        if ('issue' in entry) {
          file.issues.push(entry.issue);
          continue;
        }
        const line = entry.line;
        const origin: Origin = { file, place: () => ({ line, column: 1 }), seen: line };
        if (entry.type === 'package') setHeader(entry.record, origin);
        else if (takes(entry.type)) {
          add(entry.type, entry.record, origin);
          file.read.records[entry.type]++;
        }
      }
      if (lines === 0) {
        collector.add({ code: 'file.empty', path: [], params: { blank: input.bytes.length > 0 } });
        file.issues = collector.issues;
      }
      if (failed(file.issues)) result.readable = false;
    } else if (format === 'csv') {
      const read = () => readCsvTable(input.bytes, { locale, type: options.type, delimiter: options.delimiter, dateOrder: options.dateOrder, excelLocale: options.excelLocale }, collector, () => headingReader);
      const table = await readWithinMemory(csvMemory(input.bytes), options.maxReadMemory, read, (problem): undefined => void collector.add(problem));
      if (!table) {
        file.issues = collector.issues;
        result.readable = false;
        continue;
      }
      // The issues of a cell of a row carry the path in the package of the row's record, as the record's own do.
      if (table.type && takes(table.type as RecordType)) inPackage(table, readBefore(table.type as RecordType));
      table.place(table.issues);
      placeLater.push(() => table.place(file.issues));
      file.issues = table.issues;
      if (!table.type || table.recognisedColumns === 0 || unreadable(table.issues)) {
        if (table.type) unread.set(table.type as RecordType, (unread.get(table.type as RecordType) ?? 0) + table.records.length);
        result.readable = false;
        continue;
      }
      const type = table.type as RecordType;
      if (!takes(type)) continue;
      const locate = columnLocator(table.targets);
      const settled = headerSettled(table.issues);
      table.records.forEach((record, index) => {
        const row = table.rows[index]!;
        add(type, record, {
          file, place: (path, code) => (settled({ code, path: [...path] }, row) ? null : cellLocation(row, locate(path), undefined)), named: (issue, path) => sheetParams(issue.code, issue.params, table, locate(path), undefined, row), seen: { row },
        });
      });
      file.read.records[type] = table.records.length;
    } else {
      const read = await readXlsx(input.bytes, { locale, dateOrder: options.dateOrder, excelLocale: options.excelLocale, maxReadMemory: options.maxReadMemory });
      // The issues of a cell of a record carry its path in the package the workbook holds: in this one, after the records of the inputs before.
      const before = new Map<RecordType, number>();
      for (const { table } of read.tables) {
        if (!table.type || table.type === 'package' || !takes(table.type)) continue;
        const first = before.get(table.type) ?? 0;
        inPackage(table, readBefore(table.type) + first, true);
        before.set(table.type, first + table.records.length);
      }
      file.issues = read.issues;
      if (unreadable(read.issues)) {
        for (const [type, count] of before) unread.set(type, (unread.get(type) ?? 0) + count);
        result.readable = false;
        continue;
      }
      for (const { sheet, table } of read.tables) {
        const locate = columnLocator(table.targets);
        const settled = headerSettled(table.issues);
        const placeOf = (row: number) => (path: readonly (string | number)[], code: ValidationIssue['code']) => (settled({ code, path: [...path] }, row) ? null : cellLocation(row, locate(path), sheet));
        const namedAt = (row: number) => (issue: ValidationIssue, path: readonly (string | number)[]) => {
          const column = locate(path);
          return sheetParams(issue.code, issue.params, table, column, issue.code === 'schema.required' ? mergedOver(table, row, column) : undefined, row);
        };
        if (table.type === 'package') setHeader(table.records[0], { file, place: placeOf(table.rows[0] ?? table.headerRow), named: namedAt(table.rows[0] ?? table.headerRow) });
        else if (table.type && takes(table.type)) {
          const type = table.type;
          // A sheet of its header alone is an empty list, as readXlsx reads it.
          hold(type);
          table.records.forEach((record, index) => add(type, record, { file, place: placeOf(table.rows[index]!), named: namedAt(table.rows[index]!), seen: { row: table.rows[index]!, sheet } }));
          file.read.records[type] += table.records.length;
        }
      }
    }
  }

  if (header) Object.assign(result.pkg, header.value);
  for (const [type, list] of [...records].sort(([a], [b]) => recordTypeNames.indexOf(a) - recordTypeNames.indexOf(b))) result.pkg[recordStores[type].collection] = list;
  if (!result.readable || result.headerFrom.length > 1) return verdicts(result);

  /**
   * The first of two duplicates, which the package's validation names by its pointer in the package, placed in its
   * input as validating that input alone places it — and named with its file when the second is in another one.
   */
  const firstIn = (first: FirstSeen, file: InputReport): FirstSeen => {
    if (typeof first !== 'string') return first;
    const path = fromPointer(first);
    const type = recordTypeOfCollection(path[0]);
    const origin = type === undefined ? undefined : origins.get(type)?.[Number(path[1])];
    const at = origin?.base ? toPointer([...origin.base, ...path.slice(2)]) : origin?.seen;
    if (!origin || at === undefined) return first;
    return origin.file === file ? at : ({ file: origin.file.name, at } satisfies InAnotherFile);
  };

  // Each issue goes back to the input it comes from; JSON inputs are located in their own text at the end.
  const pending = new Map<InputReport, { issue: ValidationIssue; origin: Origin; path: (string | number)[] }[]>();
  for (const issue of validateWith(result.pkg, options, new IssueCollector(options, locales), importedParts, !options.part || namesKnownRecords(options)).issues) {
    const [collection, index] = issue.path;
    const type = recordTypeOfCollection(collection);
    const isRecord = type !== undefined && typeof index === 'number';
    if (!header && !isRecord && options.header === 'optional') continue;
    const origin = isRecord ? origins.get(type)?.[index] : header?.origin;
    const target = origin?.file ?? result.files[0]!;
    const path = isRecord ? issue.path.slice(2) : issue.path;
    const place = origin?.place(path, issue.code);
    if (place === null) continue;
    const placed = { ...issue, location: place, params: origin?.named?.(issue, path) ?? issue.params } as ValidationIssue;
    if (placed.code === 'unique.duplicate-id' || placed.code === 'unique.duplicate-breakdown') {
      placed.params = { ...placed.params, first: firstIn(placed.params.first, target) } as typeof placed.params;
    }
    if (placed.params !== issue.params) placed.message = renderMessage(placed.code, placed.params as never, locale);
    if (!placed.location) delete placed.location;
    if (origin?.text !== undefined) {
      const list = pending.get(target) ?? [];
      list.push({ issue: placed, origin, path: [...origin.base!, ...path] });
      pending.set(target, list);
    }
    target.issues.push(placed);
  }
  for (const list of pending.values()) {
    const locations = locatePaths(list[0]!.origin.text!, list.map(({ path }) => path));
    list.forEach(({ issue, path }, i) => {
      issue.path = path;
      issue.pointer = toPointer(path);
      issue.location = locations[i];
    });
  }
  placeLater.forEach((place) => place());
  for (const [file, warning] of misread) file.issues.unshift(warning);
  return verdicts(result);
}

/** Whether two values read from JSON are the same, whatever the order of their keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((value, i) => sameValue(value, (b as unknown[])[i]));
  const keys = Object.keys(a);
  const other = b as Record<string, unknown>;
  return keys.length === Object.keys(other).length && keys.every((key) => Object.hasOwn(other, key) && sameValue((a as Record<string, unknown>)[key], other[key]));
}

/** Each input's counts and verdict from its issues, and the package's. */
function verdicts(result: AssembledPackage): AssembledPackage {
  for (const file of result.files) {
    file.errors = file.issues.filter((issue) => issue.severity === 'error').length;
    file.warnings = file.issues.filter((issue) => issue.severity === 'warning').length;
    file.ok = file.errors === 0;
  }
  result.ok = result.readable && result.headerFrom.length <= 1 && result.files.every((file) => file.ok);
  return result;
}
