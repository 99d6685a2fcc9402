import Papa from 'papaparse';
import type { Locale } from '../locales/index.js';
import { recordTypeNames, recordTypes, type RecordType } from '../model/records.js';
import { decodeUtf8 } from '../file/encoding.js';
import type { DataPackage } from '../model/package.js';
import type { CellLocation, Problem, ReadSummary, ValidationIssue, ValidationResult } from '../validate/issue.js';
import { RuleChecker } from '../validate/rules.js';
import { checkShape } from '../validate/shape.js';
import { emptiness, IssueCollector, noRecords, ruleSettings, type ValidateOptions } from '../validate/validate.js';
import { columnOrder, compareRanks, requiredColumns, resolveColumn, type CellKind, type ColumnTarget } from './csv-shape.js';

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
   * Read `12,5` as 12.5 in number columns.
   * @default on when cells are separated by `;`
   */
  decimalComma?: boolean;
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
  /** The records, unflattened and typed by the schema (a cell that cannot be read stays text). */
  records: Record<string, unknown>[];
  /** The row of each record in the file (the header is row 1; blank rows are skipped). */
  rows: number[];
  /** The separator the file uses. */
  delimiter: string;
  /**
   * Problems of the table itself: an empty file, bad encoding, no header of PHX columns, unknown or
   * missing columns, cells beyond the header, no rows.
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
   * Cell separator.
   * @default ,
   */
  delimiter?: string;
  /**
   * Start with a byte order mark, so that Excel reads the file as UTF-8.
   * @default false
   */
  bom?: boolean;
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;
/** Largest Excel serial date: 9999-12-31. */
const EXCEL_MAX_SERIAL = 2_958_465;
const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const decimalCommaPattern = /^[+-]?\d+,\d+$/;

/** Reads a cell as the schema of its column says; what cannot be read stays text, for the validator to report. */
function cellValue(cell: string, kind: CellKind, decimalComma: boolean): unknown {
  switch (kind) {
    case 'number': {
      const text = cell.trim();
      if (numberPattern.test(text)) return Number(text);
      if (decimalComma && decimalCommaPattern.test(text)) return Number(text.replace(',', '.'));
      return cell;
    }
    case 'boolean': {
      const text = cell.trim().toLowerCase();
      return text === 'true' ? true : text === 'false' ? false : cell;
    }
    case 'date': {
      const text = cell.trim();
      if (!/^\d{1,7}$/.test(text)) return cell;
      const serial = Number(text);
      if (serial < 1 || serial > EXCEL_MAX_SERIAL) return cell;
      return new Date(EXCEL_EPOCH + serial * DAY).toISOString().slice(0, 10);
    }
    case 'json':
      try {
        return JSON.parse(cell);
      } catch {
        return cell;
      }
    case 'string':
      return cell;
  }
}

/** Sets a value at a path, making the objects and arrays on the way. */
function setAt(record: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = record;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = node[key] as Record<string | number, unknown> | undefined;
    if (next === undefined || next === null || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? ([] as unknown as Record<number, unknown>) : {};
      node[key] = next;
    }
    node = next;
  }
  node[path[path.length - 1]!] = value;
}

/** Drops the holes a sparse list gets when a row leaves some of its item columns blank. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) (value as Record<string, unknown>)[key] = compact(item);
  }
  return value;
}

/**
 * The record type a CSV header names: the type most of whose fields the columns name.
 * Undefined when no column names a field, or two types fit equally well.
 *
 * @example
 * ```ts
 * detectCsvType(['id', 'indicator', 'period.start', 'period.end', 'value']); // 'observation'
 * ```
 */
export function detectCsvType(columns: readonly string[]): RecordType | undefined {
  let best: RecordType | undefined;
  let bestScore = 0;
  let tie = false;
  for (const type of recordTypeNames) {
    const score = columns.filter((column) => resolveColumn(type, column).kind !== 'unknown').length;
    if (score > bestScore) [best, bestScore, tie] = [type, score, false];
    else if (score === bestScore && score > 0) tie = true;
  }
  return tie ? undefined : best;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The separator of a table: the one the header row uses most. Only the header is read, as column
 * names hold no separators while cells (a JSON extension, a note) may hold any.
 */
function delimiterOf(text: string): string {
  const header = /^\s*([^\n]*)/.exec(text)?.[1] ?? '';
  let best: string = DELIMITERS[0];
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const count = header.split(delimiter).length - 1;
    if (count > most) [best, most] = [delimiter, count];
  }
  return best;
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/**
 * Reads a CSV table of one record type — a spreadsheet saved as CSV — into records. Columns are
 * named by the flattened path of a field (`period.start`, `disaggregation.sex`, `name.en`,
 * `countries.0`, `extensions.<url>` with a JSON cell). Handles a byte order mark, `;` separators
 * with decimal commas, Excel serial dates in date columns and blank rows; reports unknown and
 * missing columns once, at the header, and cells beyond the header at their row and column.
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
  return readTable(input, options, new IssueCollector({ locale: options.locale }));
}

/** Reads a table, adding its problems to `collector`. */
function readTable(input: string | Uint8Array, options: ReadCsvOptions, collector: IssueCollector): CsvTable {
  const table: CsvTable = { type: options.type, columns: [], records: [], rows: [], delimiter: options.delimiter ?? ',', issues: collector.issues };
  const add = (problem: Problem, location?: CellLocation): void => {
    const issue = collector.add(problem);
    if (issue && location) issue.location = location;
  };
  const decoded = typeof input === 'string' ? { text: input } : decodeUtf8(input);
  if ('problem' in decoded) {
    add(decoded.problem, decoded.at && { row: decoded.at.line, column: 1 });
    return table;
  }
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const empty = emptiness(text);
  if (empty) {
    add(empty);
    return table;
  }
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: options.delimiter ?? delimiterOf(text),
  });
  const rows = parsed.data;
  table.delimiter = parsed.meta.delimiter;
  const headerIndex = rows.findIndex((row) => !isBlank(row));
  if (headerIndex < 0) {
    // Rows of empty cells alone (`;;` lines): a table saved before anything was typed in it.
    add({ code: 'file.empty', path: [], params: { blank: true } });
    return table;
  }
  const headerRow = headerIndex + 1;
  table.columns = rows[headerIndex]!.map((name) => name.trim());
  const type = (table.type ??= detectCsvType(table.columns));
  const targets = table.columns.map((name) => (name === '' || !type ? undefined : resolveColumn(type, name)));
  if (!type || targets.every((target) => !target || target.kind === 'unknown')) {
    add({ code: 'csv.no-header', path: [], params: { type: type ?? null } }, { row: headerRow, column: 1 });
    return table;
  }

  const decimalComma = options.decimalComma ?? table.delimiter === ';';
  const seen = new Set<string>();
  table.columns.forEach((name, index) => {
    const target = targets[index];
    if (!target) return;
    // A column named twice would overwrite its first: it counts as an extra column.
    if (target.kind === 'unknown' || seen.has(name)) {
      add({ code: 'schema.unknown-field', path: target.path, params: { zodCode: 'unrecognized_keys', keys: [name] } }, { row: headerRow, column: index + 1 });
      targets[index] = undefined;
      return;
    }
    seen.add(name);
  });
  for (const path of requiredColumns(type)) {
    const present = targets.some((target) => target && startsWith(target.path, path));
    if (!present) {
      const params = { zodCode: 'invalid_type', expected: expectedOf(resolveColumn(type, path.join('.'))), received: 'undefined', field: path[path.length - 1]! };
      add({ code: 'schema.required', path, params }, { row: headerRow, column: table.columns.length + 1 });
    }
  }

  for (let index = headerIndex + 1; index < rows.length; index++) {
    const row = rows[index]!;
    if (isBlank(row)) continue;
    const record: Record<string, unknown> = {};
    row.forEach((cell, column) => {
      if (cell === '') return;
      const target = targets[column];
      if (column >= targets.length) {
        const key = `(column ${column + 1})`;
        add({ code: 'schema.unknown-field', path: [key], params: { zodCode: 'unrecognized_keys', keys: [key] } }, { row: index + 1, column: column + 1 });
        return;
      }
      if (!target || target.kind === 'unknown') return;
      if (target.kind === 'empty-array') setAt(record, target.path, cell.trim() === '[]' ? [] : cell);
      else if (target.kind === 'empty-object') setAt(record, target.path, cell.trim() === '{}' ? {} : cell);
      else setAt(record, target.path, cellValue(cell, target.kind, decimalComma));
    });
    table.records.push(compact(record) as Record<string, unknown>);
    table.rows.push(index + 1);
  }
  if (table.records.length === 0) add({ code: 'csv.no-rows', path: [], params: {} }, { row: headerRow, column: 1 });
  return table;
}

/** The JSON type a missing column's cells would hold, as zod names it in its message. */
function expectedOf(target: ColumnTarget): string {
  if (target.kind === 'number' || target.kind === 'boolean') return target.kind;
  return target.kind === 'unknown' ? 'record' : 'string';
}

function startsWith(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

/** Flattens a record into cells keyed by column name; an empty list or object is a cell of its own, `[]` or `{}`. */
function flatten(value: unknown, prefix: string, cells: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) cells.set(prefix, '[]');
    value.forEach((item, i) => flatten(item, `${prefix}.${i}`, cells));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) cells.set(prefix, '{}');
    for (const [key, item] of entries) {
      const name = prefix === '' ? key : `${prefix}.${key}`;
      // An extension's key is a URL and its value any JSON: it is one cell.
      if (prefix === 'extensions') cells.set(name, JSON.stringify(item));
      else flatten(item, name, cells);
    }
  } else if (value !== undefined) cells.set(prefix, value === null ? 'null' : String(value));
}

/**
 * Writes records of one type as a CSV table, one row a record, columns named by flattened paths in
 * the order of the schema's fields. {@link readCsv} reads it back into the same records.
 *
 * @example
 * ```ts
 * import { writeCsv } from '@phx/schema';
 * writeCsv('facility', [{ id: 'f-1', country: 'ZA', facilityType: 'prison' }]);
 * // 'id,country,facilityType\r\nf-1,ZA,prison\r\n'
 * ```
 */
export function writeCsv(type: RecordType, records: readonly Record<string, unknown>[], options: WriteCsvOptions = {}): string {
  const rows = records.map((record) => {
    const cells = new Map<string, string>();
    flatten(record, '', cells);
    return cells;
  });
  const names = new Set<string>();
  for (const cells of rows) for (const name of cells.keys()) names.add(name);
  const ranked = [...names].map((name) => ({ name, rank: columnOrder(type, name) }));
  const columns = ranked.sort((a, b) => compareRanks(a.rank, b.rank)).map(({ name }) => name);
  const body = Papa.unparse(
    { fields: columns, data: rows.map((cells) => columns.map((name) => cells.get(name) ?? '')) },
    { delimiter: options.delimiter ?? ',', newline: '\r\n' },
  );
  return `${options.bom ? '\uFEFF' : ''}${body}\r\n`;
}

/** Places an issue's path in the table: its own column, else the first column under it, else its nearest parent's. */
function columnLocator(targets: readonly (readonly (string | number)[] | undefined)[]): (path: readonly (string | number)[]) => number {
  return (path) => {
    let under = -1;
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i];
      if (!target) continue;
      if (target.length === path.length && startsWith(target, path)) return i + 1;
      if (under < 0 && startsWith(target, path)) under = i;
    }
    if (under >= 0) return under + 1;
    for (let length = path.length - 1; length > 0; length--) {
      const prefix = path.slice(0, length);
      const at = targets.findIndex((target) => target !== undefined && startsWith(target, prefix));
      if (at >= 0) return at + 1;
    }
    return 1;
  };
}

/**
 * Reads a CSV table ({@link readCsv}) and validates each row as a record of its type: its shape,
 * unique ids within the file, and the rules that need no other record type (references to
 * organisations and facilities are not checked: a table holds one type). Issue paths are relative
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
  const collector = new IssueCollector(options);
  const table = readTable(input, options, collector);
  const read: ReadSummary = { records: noRecords(), rows: 0, complete: true };
  const type = table.type;
  if (!type || table.records.length === 0) return collector.result(read);
  const targets = table.columns.map((name) => {
    const target = resolveColumn(type, name);
    return target.kind === 'unknown' ? undefined : target.path;
  });
  const locate = columnLocator(targets);
  // Missing columns are reported once at the header, not again on every row.
  const missing = table.issues.filter((issue) => issue.code === 'schema.required').map((issue) => issue.path);
  const add = (problem: Problem, row: number): void => {
    if (problem.code === 'schema.required' && missing.some((path) => startsWith(problem.path, path))) return;
    const issue = collector.add(problem);
    if (issue) issue.location = { row, column: locate(problem.path) };
  };
  const checker = new RuleChecker<number>(ruleSettings(options, false), add);
  for (let i = 0; i < table.records.length; i++) {
    if (collector.settled) {
      read.complete = false;
      return collector.result(read);
    }
    const row = table.rows[i]!;
    const { problems, data, text } = checkShape(type, table.records[i], []);
    problems.forEach((problem) => add(problem, row));
    if (data) checker.record(type, data, [], row, text);
    read.records[type]++;
    read.rows = row;
  }
  checker.finish();
  return collector.result(read, { [recordTypes[type].collection]: table.records });
}
