import { excelConventions, excelThousandsMarks, type ExcelConventions } from './excel-conventions.js';
import { excelLocales, type DateOrder, type ExcelLocale } from './excel-locale.js';

/**
 * A local way of writing a value that PHX read as a PHX value: reported per column, never silently. `time-dropped`:
 * a date with a time of day other than midnight (`31.12.2020 14:30`, a date-time cell, a day number with a fraction)
 * in a column of a date, which holds the day alone: the day is read, and the time left out is said. `read-as-utc`
 * and `midnight-utc`: in a date-time column read in UTC (a package's `publishedAt`), a date and time without an
 * offset from UTC, which a sheet does not keep (a date-time cell, `15.01.2024 09:00`), read as a time in UTC
 * (`2024-01-15T09:00:00Z`), and a date alone (`15.01.2024`, a date cell) read as midnight UTC (`2024-01-15T00:00:00Z`).
 *
 * @example
 * ```ts
 * const form: NormalisedForm = 'dd.mm.yyyy'; // 31.12.2020 read as 2020-12-31
 * ```
 */
export type NormalisedForm =
  | 'decimal-comma'
  | 'thousands-separator'
  | 'percent-sign'
  | 'boolean-word'
  | 'yes-no-word'
  | 'excel-serial'
  | 'dd.mm.yyyy'
  | 'dd/mm/yyyy'
  | 'mm/dd/yyyy'
  | 'dd-mm-yyyy'
  | 'mm-dd-yyyy'
  | 'dd.mm.yyyy hh:mm'
  | 'dd/mm/yyyy hh:mm'
  | 'mm/dd/yyyy hh:mm'
  | 'dd-mm-yyyy hh:mm'
  | 'mm-dd-yyyy hh:mm'
  | 'yyyy-mm-dd hh:mm'
  | 'yyyy/mm/dd'
  | 'yyyy.mm.dd'
  | 'yyyy/mm/dd hh:mm'
  | 'yyyy.mm.dd hh:mm'
  | 'd mmmm yyyy'
  | 'd mmmm yyyy hh:mm'
  | 'time-dropped'
  | 'read-as-utc'
  | 'midnight-utc';

/**
 * A number cell of a workbook formatted as a percent (`0.0%`, as Excel formats a cell typed `7,5%`): Excel keeps
 * 0.075 and shows 7.5%. It is read as the number shown in a cell that may carry a `%` sign (a percent column), and
 * as the text shown anywhere else, as a `%` typed there is. The workbook reader makes them.
 *
 * @example
 * ```ts
 * const cell = new PercentCell(0.075, '0.0%');
 * cell.shown; // 7.5, not 7.500000000000001
 * String(cell); // '7.5%'
 * ```
 */
export class PercentCell {
  /** The number Excel shows before the `%` sign: the number kept, times 100, to the decimals it has. */
  readonly shown: number;

  /**
   * @param kept - the number the workbook keeps (0.075 for 7.5%).
   * @param format - its number format (`0.0%`).
   */
  constructor(
    readonly kept: number,
    readonly format: string,
  ) {
    this.shown = timesHundred(kept);
  }

  /** The cell as Excel shows it, with the decimals of the number rather than those of its format: `7.5%`. */
  toString(): string {
    return `${this.shown}%`;
  }
}

/**
 * A cell of a workbook that holds an Excel error (`#N/A`, `#REF!`, `#VALUE!`, `#DIV/0!`): a formula that failed, or
 * the error typed or pasted. It is no value of any field: the table reports it at its cell, whatever its column.
 *
 * @example
 * ```ts
 * String(new ErrorCell('#N/A')); // '#N/A'
 * ```
 */
export class ErrorCell {
  /** @param error - the error as Excel shows it. */
  constructor(readonly error: string) {}

  toString(): string {
    return this.error;
  }
}

/** The error values of Excel in every locale: a CSV file keeps them as text, as Excel showed them. */
const errorTexts = /* @__PURE__ */ new Set<string>(Object.values(excelConventions).flatMap(({ errors }) => errors));

/**
 * The Excel error a cell holds: a workbook's error cell, or a CSV cell that is one of Excel's error values in any of
 * its languages (`#N/A`, `#ДЕЛ/0!`, `#¡VALOR!`), as Excel writes a failed formula into a CSV file. Undefined for a value.
 */
export function excelErrorOf(cell: SheetCell): string | undefined {
  if (cell instanceof ErrorCell) return cell.error;
  if (typeof cell !== 'string' || cell.charCodeAt(0) !== 35 /* # */) return undefined;
  return errorTexts.has(cell) ? cell : undefined;
}

/**
 * A number times 100 to the decimals it has: its shortest decimal form with the point moved two places, so that
 * 0.075 gives 7.5 where `0.075 * 100` gives 7.500000000000001.
 */
function timesHundred(value: number): number {
  if (!Number.isFinite(value)) return value * 100;
  const [digits, exponent] = value.toExponential().split('e') as [string, string];
  return Number(`${digits}e${Number(exponent) + 2}`);
}

/**
 * A cell of a sheet: text from a CSV file, or a typed value from a workbook (undefined when empty), a number
 * formatted as a percent and an Excel error among them.
 *
 * @example
 * ```ts
 * const row: SheetCell[] = ['obs-1', 12.5, new Date(Date.UTC(2020, 0, 1)), true, undefined];
 * ```
 */
export type SheetCell = string | number | boolean | Date | PercentCell | ErrorCell | undefined;

/** The text cells of a column: only text says how a spreadsheet wrote its values. */
function textsOf(cells: readonly SheetCell[]): string[] {
  return cells.filter((cell): cell is string => typeof cell === 'string' && cell !== '');
}

/** What tells how the cells of a column are written, besides the cells themselves. */
export interface ColumnSettings {
  /** The cell separator of a CSV file; none for a workbook. */
  delimiter?: string;
  /** The decimal mark, when the user said it. */
  decimalComma?: boolean;
  /** The order of day and month, when the user said it. */
  dateOrder?: DateOrder;
  /** The locale of the Excel that wrote the file, when the user said it: its conventions settle what the cells leave open. */
  excelLocale?: ExcelLocale;
  /** The order of day and month that the sheet's date columns tell together (see {@link sheetDateOrder}). */
  sheetDateOrder?: DateOrder;
  /** The workbook counts days from 1904-01-01 (Excel's 1904 date system) rather than from 1900. */
  date1904?: boolean;
  /**
   * In a date-time column, a date and time without an offset from UTC (a date-time cell, `15.01.2024 09:00`, ISO
   * text without one) is read as a time in UTC, and a date alone (a date cell, `15.01.2024`) as midnight UTC, each
   * noted (`read-as-utc`, `midnight-utc`): for a column whose moment need not be told in the place's own time (see
   * {@link utcDateTimeColumn}). Elsewhere such a value is left without an offset, for the validator to ask for one.
   */
  utc?: boolean;
}

/**
 * True for a date-time column of a table that a sheet's value without an offset from UTC is read in UTC in: a
 * package's publication date, a moment no one reads to the hour of a place, which a date cell typed in Excel
 * (`15.01.2024 09:00`) gives without an offset. A meeting's start and end are not: their hour is the place's.
 */
export function utcDateTimeColumn(type: string | undefined, column: string): boolean {
  return type === 'package' && column === 'publishedAt';
}

/**
 * A date-time column's value without an offset from UTC, read in UTC (see {@link ColumnSettings.utc}): a date and
 * time as that time in UTC, a date alone as midnight UTC, the reading noted; undefined for anything else (a value
 * with its offset, a text of no date).
 */
function inUtc(value: string, forms: NormalisedForm[]): string | undefined {
  if (isoDatePattern.test(value)) {
    forms.push('midnight-utc');
    return `${value}T00:00:00Z`;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value)) return undefined;
  forms.push('read-as-utc');
  return `${value}Z`;
}

/** The cells of one column read as values. */
export interface ColumnReading {
  /** The value of each cell (undefined for an empty one); a cell that cannot be read stays text, for the validator to report. */
  values: unknown[];
  /** The local forms the cells were read from. */
  forms: Set<NormalisedForm>;
  /** How many cells were read from a local form. */
  normalised: number;
  /** The first date that reads either way, when nothing said which way: the column needs a date order. */
  ambiguousDate?: string;
  /**
   * The cells read as thousands on a guess (see {@link PointGuess}), when nothing said that `.` groups thousands in
   * the column: the first of them, by its index among the cells, its text and the number it was read as, and how many
   * they are.
   */
  guessedThousands?: { index: number; text: string; value: number; cells: number };
  /**
   * In a date column, the text of each cell read from a local form of a date (`31.02.2019` read as `2019-02-31`), by
   * its index, that messages quote it as typed; none where a cell was not text, or was a day number. None when no cell was.
   */
  typed?: string[];
}

type Mark = ',' | '.';

/** Characters Excel puts between groups of thousands besides `.` and `,`: spaces, no-break spaces, apostrophes. */
const SPACE_GROUPS = [' ', '\u00A0', '\u202F', "'", '\u2019'];
const exponentPattern = /[eE][+-]?\d+$/;

function countOf(text: string, char: string): number {
  let count = 0;
  for (const c of text) if (c === char) count++;
  return count;
}

/** The other of the two marks. */
function otherMark(mark: Mark): Mark {
  return mark === ',' ? '.' : ',';
}

/**
 * The marks that may separate thousands in a file, as far as the file and its locale tell: Excel in a locale groups
 * with its own mark only (`,` in English, `.` in Spanish, a space in Ukrainian, Russian and French), and Excel
 * separates cells with `;` where the comma is the decimal mark, with `,` where the point is.
 */
function groupingMarks({ delimiter, excelLocale }: ColumnSettings): Mark[] {
  return (['.', ','] as const).filter((mark) => delimiter !== (mark === '.' ? ',' : ';') && (!excelLocale || excelThousandsMarks[excelLocale] === mark));
}

/**
 * What one number cell says about the decimal mark, if anything: `1,5` and `1.234,5` say comma; `1,234` says nothing
 * where `,` may group thousands (see {@link groupingMarks}), and comma where it may not.
 */
function markEvidence(cell: string, grouping: readonly Mark[]): Mark | undefined {
  let body = cell.trim().replace(/^[+-]/, '').replace(/\s*%$/, '');
  const exponent = exponentPattern.test(body);
  body = body.replace(exponentPattern, '');
  if (!/^[\d\s\u00A0\u202F'\u2019.,]+$/.test(body)) return undefined;
  const dots = countOf(body, '.');
  const commas = countOf(body, ',');
  if (dots > 0 && commas > 0) {
    const last = body[Math.max(body.lastIndexOf('.'), body.lastIndexOf(','))] as Mark;
    return countOf(body, last) === 1 ? last : undefined;
  }
  const mark: Mark | undefined = dots > 0 ? '.' : commas > 0 ? ',' : undefined;
  if (!mark) return undefined;
  if (countOf(body, mark) > 1) return otherMark(mark);
  const [before = '', after = ''] = body.split(mark);
  // 1,234 could be a thousand or a decimal; 1,5 or 0,123 or 12345,678 or 1,5e3 can only be a decimal.
  const couldGroup = grouping.includes(mark) && after.length === 3 && /^[1-9]\d{0,2}$/.test(before) && !exponent;
  return couldGroup ? undefined : mark;
}

/**
 * The reader of a number column. Its decimal mark: said by the user, else told by its cells, else the convention
 * of the Excel locale, else the comma in a `;`-separated file (as Excel writes where the comma is the decimal mark)
 * and the point in any other. The other mark groups thousands only where the file may (see {@link groupingMarks})
 * and no cell has it as its decimal mark (`1.25`): no guess makes a number a thousand times larger.
 */
function numberReaderOf(cells: readonly string[], settings: ColumnSettings): NumberReader {
  const grouping = groupingMarks(settings);
  const seen = new Set<Mark>();
  for (const cell of cells) {
    const mark = markEvidence(cell, grouping);
    if (mark) seen.add(mark);
  }
  const decimal = settings.decimalComma !== undefined ? (settings.decimalComma ? ',' : '.') : seen.size === 1 ? [...seen][0]! : defaultDecimalMark(settings.delimiter, settings.excelLocale);
  const other = otherMark(decimal);
  const groups = grouping.includes(other) && !seen.has(other);
  // The point groups thousands on a guess where neither the decimal mark nor the Excel locale was said: Spanish Excel
  // groups with it, but Ukrainian, Russian and French Excel, which write the same `;` files, never do.
  const guessesPoint = groups && other === '.' && settings.decimalComma === undefined && settings.excelLocale === undefined;
  return new NumberReader(decimal, groups ? [...SPACE_GROUPS, other] : SPACE_GROUPS, guessesPoint);
}

/**
 * The cells of a number column whose point was read as a thousands separator on a guess (see `numberReaderOf`):
 * those with one group after the point and no decimals (`1.234`, `-12.500`), which read as a decimal typed with a
 * point as well. A cell that can be read no other way (`1.234.567`, `1.234,5`) settles that the point groups
 * thousands in the column, and then none is a guess. A cell grouped with a space (`2 140`) settles nothing: Excel that
 * groups with a space (Ukrainian, Russian, French) never groups with the point. The comma is never guessed so: read as
 * a thousands separator (`1,234` as 1234) only where the point is the decimal mark, in a file that Excel whose decimal
 * mark is the comma does not write — it separates cells with `;`, and a `,`-separated file keeps such an Excel's
 * `1,234` as a decimal, told by the delimiter.
 */
interface PointGuess {
  first?: { index: number; text: string; value: number };
  cells: number;
  settled: boolean;
}

/**
 * The decimal mark of a file when its cells do not tell: the Excel locale's, else the comma in a
 * `;`-separated file and the point in any other. Reading and writing agree on it.
 */
export function defaultDecimalMark(delimiter: string | undefined, excelLocale: ExcelLocale | undefined): Mark {
  if (excelLocale) return excelConventions[excelLocale].decimalComma ? ',' : '.';
  return delimiter === ';' ? ',' : '.';
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern of a number with a decimal mark and one kind of thousands separator. */
function numberPattern(decimal: string, groups: readonly string[]): RegExp {
  const group = `[${groups.map(escape).join('')}]`;
  return new RegExp(`^(\\d+|\\d{1,3}(?:(${group})\\d{3})(?:\\2\\d{3})*)?(?:${escape(decimal)}(\\d+))?([eE][+-]?\\d+)?$`);
}

/** Reads number cells with a decimal mark and the thousands separators given. */
class NumberReader {
  private readonly pattern: RegExp;
  /** The groups of digits after a point the last cell read was grouped with (`1.234.567`: 2), or -1 for a point and decimals after them (`1.234,5`); 0 for none. */
  pointGroups = 0;

  /** @param guessesPoint - whether the point is among `groups` on a guess (see {@link PointGuess}). */
  constructor(
    private readonly decimal: Mark,
    groups: readonly string[],
    readonly guessesPoint = false,
  ) {
    this.pattern = numberPattern(decimal, groups);
  }

  read(cell: string, percent: boolean, forms: NormalisedForm[]): number | undefined {
    this.pointGroups = 0;
    let text = cell.trim();
    const sign = /^[+-]/.test(text) ? text.charAt(0) : '';
    text = text.slice(sign.length);
    const percentSign = /\s*%$/.exec(text);
    if (percentSign) {
      if (!percent) return undefined;
      text = text.slice(0, percentSign.index);
    }
    const match = this.pattern.exec(text);
    if (!match) return undefined;
    const [, whole = '', group, fraction, exponent = ''] = match;
    if (whole === '' && fraction === undefined) return undefined;
    if (group) forms.push('thousands-separator');
    if (group === '.') this.pointGroups = fraction === undefined ? countOf(whole, '.') : -1;
    if (fraction !== undefined && this.decimal === ',') forms.push('decimal-comma');
    if (percentSign) forms.push('percent-sign');
    const digits = group ? whole.split(group).join('') : whole;
    return Number(`${sign}${digits || '0'}${fraction === undefined ? '' : `.${fraction}`}${exponent}`);
  }
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Days from 1899-12-30 to 1904-01-01, where a workbook in Excel's 1904 date system (older Excel for Mac) counts from. */
const DAYS_TO_1904 = 1462;
const DAY = 86_400_000;
/**
 * Smallest number read as an Excel serial date: 10000, 1927-05-18. A smaller one is far more likely a year typed
 * alone (`2023` would be day 2023, 1905-07-15) or a slip than a date before 1927, so it stays as it is, to be reported.
 */
const EXCEL_MIN_SERIAL = 10_000;
/** Largest Excel serial date: 9999-12-31. */
const EXCEL_MAX_SERIAL = 2_958_465;
/**
 * `31.12.2020`, `12/31/2020` or `31-12-2020`, with a time of day as Excel shows it after a date: `16:00`, `16:00:30`,
 * `4:00 PM`, `4:00 p. m.`. A two-digit year (`31.12.20`) is not read, and told to be written in four digits (see `formOf` in validate/structural.ts).
 */
const localDatePattern = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?)?$/;
/**
 * `2020/12/31`, `2020.12.31` or `2020/1/5`, with a time of day as after {@link localDatePattern}'s dates: the year
 * first, as Excel writes dates in some languages and many programs export them. Always year, month, day.
 */
const yearFirstPattern = /^(\d{4})([./])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?)?$/;
/**
 * A date with its month in words, as people type one: `31 грудня 2020`, `1 января 2020 г.`, `1er janvier 2020`,
 * `31 de diciembre de 2020`, `31 December 2020`, `December 31, 2020`, `31 Dec 2020`; with a time of day as after
 * {@link localDatePattern}'s dates, or as a long date and time is written in each language: `December 31, 2020 at 2:30 PM`,
 * `31 грудня 2020 р. о 14:30`, `31 декабря 2020 г. в 14:30`, `31 décembre 2020 à 14:30`, `31 de diciembre de 2020 a las 14:30`.
 */
const monthNamePattern =
  /^(?:(\d{1,2})(?:er)?\.?\s+(?:de\s+)?(\p{L}+)\.?|(\p{L}+)\.?\s+(\d{1,2}),?)\s+(?:del?\s+)?(\d{4})(?:\s*[рг]\.)?(?:,?\s+(?:(?:at|о|об|в|à|a\s+las?)\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?)?$/iu;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO date and a time of day with a space between, as Excel shows a date-time cell formatted `yyyy-mm-dd hh:mm`. */
const spacedIsoDateTimePattern = /^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

let monthNames: Map<string, number> | undefined;

/**
 * The month of a month's name in PHX's languages, in small letters without a final dot: its name in a date
 * (`грудня`, `января`) and alone (`грудень`), full and short (`dec`, `груд`). The names come from the platform's
 * `Intl.DateTimeFormat` (as country names come from `Intl.DisplayNames`), so that they cost no download.
 */
function monthOfName(name: string): number | undefined {
  if (!monthNames) {
    monthNames = new Map();
    for (const language of excelLocales) {
      for (const options of [{ month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }, { day: 'numeric', month: 'short' }] as const) {
        const format = new Intl.DateTimeFormat(language, options);
        for (let month = 1; month <= 12; month++) {
          // The 15th, in the month whatever the time zone.
          const word = format.formatToParts(Date.UTC(2020, month - 1, 15)).find((part) => part.type === 'month')!.value.toLowerCase();
          monthNames.set(word.replace(/\.$/, ''), month);
          // Excel's short name in English, Ukrainian and Russian (`mmm`): the first three letters of the long name, alone or
          // in a date (`тра` of `травень` and `травня`; `май` and `мая`), kept apart from the names people type.
          if (options.month === 'long' && language !== 'fr' && language !== 'es') monthNames.set(`.${word.slice(0, 3)}`, month);
        }
      }
    }
  }
  return monthNames.get(name.toLowerCase());
}

/**
 * The month and day, as ISO 8601 writes them without a year (`--05-07`), of a text that is a date as Excel shows one
 * of a day and a month alone, `dd.mmm` or `d-mmm`, its month's short name in English, Ukrainian or Russian (`07.тра`,
 * `7.май`, `07.May`, `7-May`): where dates are written day.month, Excel makes a number typed with a point (`7.5`)
 * such a date, and a CSV file keeps the text it showed. Undefined for any other text, and for a day the month does not have.
 */
export function excelShortDate(text: string): string | undefined {
  const match = /^(\d{1,2})[.-](\p{L}{3})$/u.exec(text.trim());
  const month = match && monthOfName(`.${match[2]}`);
  // A day of 2020, a leap year: the 29th of February is a day Excel makes of `29.2`.
  const date = month ? isoDate(2020, month, Number(match![1])) : undefined;
  return date && `-${date.slice(4)}`;
}

/** An ISO date from its parts, or undefined when there is no such day. */
function isoDate(year: number, month: number, day: number): string | undefined {
  const time = new Date(Date.UTC(year, month - 1, day));
  if (time.getUTCFullYear() !== year || time.getUTCMonth() !== month - 1 || time.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An Excel serial day number as an ISO date. */
export function excelSerialDate(serial: number): string {
  return new Date(EXCEL_EPOCH + serial * DAY).toISOString().slice(0, 10);
}

/**
 * The time of day `hh:mm:ss` of hours (on a 12-hour clock with AM or PM), minutes and seconds: empty at midnight, which
 * Excel shows after a date typed alone in a date-time cell, as a date cell at midnight is read; undefined for no time.
 */
function timeOfDay(hours: string, minutes: string, seconds = '00', meridiem?: string): string | undefined {
  let hour = Number(hours);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (/p/i.test(meridiem) ? 12 : 0);
  }
  if (hour > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const time = `${String(hour).padStart(2, '0')}:${minutes}:${seconds}`;
  return time === '00:00:00' ? '' : time;
}

/**
 * A cell as the text it is in a column of no date: a date cell as a person reads it, `2020-03-12` as PHX writes a
 * date, or with its time of day, `2020-03-12T10:30:00` (a workbook keeps no time zone: a reader hands its dates over
 * at that time in UTC, which is no zone of the user's, so no offset is given to it); any other cell as Excel shows it.
 */
export function textOfCell(cell: Exclude<SheetCell, undefined>): string {
  return cell instanceof Date ? cell.toISOString().replace(/T00:00:00\.000Z$|(\.000)?Z$/, '') : String(cell);
}

/**
 * The day number a date cell of a workbook keeps, in the workbook's date system: a reader hands a cell with a date
 * format over as a date, `2024` typed in it as 1905-07-16.
 */
function excelDays(date: Date, date1904 = false): number {
  return (date.getTime() - EXCEL_EPOCH) / DAY - (date1904 ? DAYS_TO_1904 : 0);
}

/**
 * True for a date of a workbook whose day number is below {@link EXCEL_MIN_SERIAL}: one that reads only as a number
 * typed in a date cell (a year alone), whatever the cell's format; the writer writes such a date as text.
 */
export function isSmallExcelDate(date: Date, date1904 = false): boolean {
  return excelDays(date, date1904) < EXCEL_MIN_SERIAL;
}

/** What the `/` and `-` dates of a column tell of their order: 13/01 is day first, 01/13 month first. */
interface DateEvidence {
  dayFirst: boolean;
  monthFirst: boolean;
  /** The first date that reads either way (03/04, not 03/03). */
  ambiguous?: string;
}

function dateEvidence(cells: readonly string[]): DateEvidence {
  const evidence: DateEvidence = { dayFirst: false, monthFirst: false };
  for (const cell of cells) {
    const match = localDatePattern.exec(cell.trim());
    if (!match || match[2] === '.') continue;
    const [a, b] = [Number(match[1]), Number(match[3])];
    if (a > 12 && b <= 12) evidence.dayFirst = true;
    else if (b > 12 && a <= 12) evidence.monthFirst = true;
    else if (a !== b) evidence.ambiguous ??= cell.trim();
  }
  return evidence;
}

/**
 * The order of day and month that the `/` and `-` dates of a sheet's date columns tell together, if they
 * agree: Excel writes every date cell of a sheet in its locale's short form.
 */
export function sheetDateOrder(columns: readonly (readonly SheetCell[])[]): DateOrder | undefined {
  let dayFirst = false;
  let monthFirst = false;
  for (const cells of columns) {
    const evidence = dateEvidence(textsOf(cells));
    dayFirst ||= evidence.dayFirst;
    monthFirst ||= evidence.monthFirst;
  }
  return dayFirst === monthFirst ? undefined : dayFirst ? 'day-month' : 'month-day';
}

/**
 * The order of day and month of a file when its cells do not tell: the Excel locale's, else day first in a
 * `;`-separated file. Excel separates cells with `;` where the comma is the decimal mark, and Excel in those
 * languages writes `/` dates day first (French and Spanish among PHX's), so PHX's own CSV reads back without options.
 */
function defaultDateOrder(delimiter: string | undefined, excelLocale: ExcelLocale | undefined): DateOrder | undefined {
  if (excelLocale) return excelConventions[excelLocale].dateOrder;
  return delimiter === ';' ? 'day-month' : undefined;
}

/**
 * The order of day and month in the `/` and `-` dates of a column: said by the user, else told by its cells
 * (13/01 can only be day first), else by the sheet's other date columns, else by the file (see
 * {@link defaultDateOrder}). Never guessed cell by cell.
 */
function dateOrderOf(cells: readonly string[], settings: ColumnSettings): { order?: DateOrder; ambiguous?: string } {
  if (settings.dateOrder) return { order: settings.dateOrder };
  const { dayFirst, monthFirst, ambiguous } = dateEvidence(cells);
  if (dayFirst !== monthFirst) return { order: dayFirst ? 'day-month' : 'month-day' };
  const order = dayFirst ? undefined : (settings.sheetDateOrder ?? defaultDateOrder(settings.delimiter, settings.excelLocale));
  if (order) return { order };
  // Cells that contradict each other cannot be read whatever the order: each is reported as it stands.
  return dayFirst ? {} : { ambiguous };
}

/**
 * A date written as Excel writes one, with its month in words, or as a day number, as its ISO date; with `withTime` (a date-time column), a date
 * and time as the ISO date and time of day it shows, `2020-10-28T16:00:00`, with no offset from UTC, which a sheet
 * does not keep. A date-time column's date alone, or at midnight, is its ISO date.
 */
function readDate(cell: string, order: DateOrder | undefined, forms: NormalisedForm[], date1904 = false, withTime = false): string | undefined {
  const text = cell.trim();
  if (/^\d{1,7}(?:[.,]\d+)?$/.test(text)) {
    const days = Number(text.replace(',', '.'));
    if (days < EXCEL_MIN_SERIAL) return undefined;
    const serial = date1904 ? days + DAYS_TO_1904 : days;
    if (serial >= EXCEL_MAX_SERIAL + 1) return undefined;
    forms.push('excel-serial');
    // Whole seconds: a day number written with 15 digits holds no more.
    const moment = textOfCell(new Date(EXCEL_EPOCH + Math.round(serial * 86_400) * 1000));
    return withTime ? moment : dayOf(moment, forms);
  }
  const spaced = spacedIsoDateTimePattern.exec(text);
  if (spaced) {
    const time = timeOfDay(spaced[2]!, spaced[3]!, spaced[4]);
    if (time === undefined) return undefined;
    forms.push('yyyy-mm-dd hh:mm');
    return time ? dayOf(`${spaced[1]}T${time}`, forms, withTime) : spaced[1];
  }
  const named = monthNamePattern.exec(text);
  if (named) {
    const [, dayBefore, nameAfter, nameBefore, dayAfter, year] = named;
    return dated(year!, monthOfName((nameAfter ?? nameBefore)!) ?? 0, Number(dayBefore ?? dayAfter), named.slice(6), 'd mmmm yyyy', forms, withTime);
  }
  const yearFirst = yearFirstPattern.exec(text);
  if (yearFirst) {
    const [, year, separator, month, day] = yearFirst;
    return dated(year!, Number(month), Number(day), yearFirst.slice(5), separator === '.' ? 'yyyy.mm.dd' : 'yyyy/mm/dd', forms, withTime);
  }
  const match = localDatePattern.exec(text);
  if (!match) return undefined;
  const [, first, separator, second, year] = match;
  // Dates with dots are day first wherever Excel writes them.
  const dayFirst = separator === '.' || order === 'day-month';
  // Without an order, only a date whose day and month are alike (1/1/2023) reads the same either way.
  if (separator !== '.' && !order && Number(first) !== Number(second)) return undefined;
  const [month, day] = dayFirst ? [Number(second), Number(first)] : [Number(first), Number(second)];
  const form = separator === '.' ? 'dd.mm.yyyy' : separator === '/' ? (dayFirst ? 'dd/mm/yyyy' : 'mm/dd/yyyy') : dayFirst ? 'dd-mm-yyyy' : 'mm-dd-yyyy';
  return dated(year!, month, day, match.slice(5), form, forms, withTime);
}

/**
 * A date and time as a value of its column: as it is in a date-time column; in a date column, its day, the time of
 * day left out noted (`time-dropped`), unless it is midnight, which Excel shows after a date in a date-time cell.
 */
function dayOf(moment: string, forms: NormalisedForm[], withTime = false): string {
  if (withTime) return moment;
  const [day, time] = moment.split('T') as [string, string?];
  if (time !== undefined && !/^00:00(?::00(?:\.0+)?)?$/.test(time)) forms.push('time-dropped');
  return day;
}

/** The forms of a date that may have a time of day after it. */
type DateForm = NormalisedForm extends infer F ? (F extends `${infer D} hh:mm` ? Exclude<D, 'yyyy-mm-dd'> : never) : never;

/**
 * The ISO date of a year, month and day read in a form, with the time of day after it (hours, minutes, seconds, AM or
 * PM, the hours undefined for none), the form noted. A date column takes the day of a date and time, the time left out
 * noted unless it is midnight (see {@link dayOf}). A day the month has not (30.02.2020) is read all the same, as year-month-day, so that the
 * model's check says that the calendar has no such day rather than that the date is not written year-month-day.
 */
function dated(year: string, month: number, day: number, [hours, minutes, seconds, meridiem]: (string | undefined)[], form: DateForm, forms: NormalisedForm[], withTime: boolean): string | undefined {
  const time = hours === undefined ? '' : timeOfDay(hours, minutes!, seconds, meridiem);
  if (time === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  forms.push(time ? `${form} hh:mm` : form);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return time ? dayOf(`${date}T${time}`, forms, withTime) : date;
}

/** Excel's words for TRUE and FALSE in each locale. */
const booleanWords = /* @__PURE__ */ new Map<string, boolean>(
  Object.values(excelConventions).flatMap(({ booleans }) => [[booleans[0], true] as const, [booleans[1], false] as const]),
);

/** Yes and no in the five languages, as people type them in a column of flags (`так`/`ні`, `да`/`нет`, `oui`/`non`, `sí`/`no`). */
const yesNoWords = /* @__PURE__ */ new Map<string, boolean>([
  ['yes', true], ['no', false], ['так', true], ['ні', false], ['да', true], ['нет', false], ['oui', true], ['non', false], ['sí', true], ['si', true],
]);

function readBoolean(cell: string, forms: NormalisedForm[]): boolean | undefined {
  const text = cell.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  let value = booleanWords.get(text.toUpperCase());
  if (value !== undefined) forms.push('boolean-word');
  else if ((value = yesNoWords.get(text.toLowerCase())) !== undefined) forms.push('yes-no-word');
  return value;
}

/** The kinds of column whose cells {@link readColumn} reads whole. */
export type ReadKind = 'number' | 'boolean' | 'date' | 'date-time';

/**
 * Reads the cells of one column as its kind says. Everything that depends on how a spreadsheet
 * wrote the column — its decimal mark, its order of day and month — is decided once for the whole
 * column; each cell is then read by that decision, or left as text.
 *
 * @param percent - whether the cell at an index may end in `%` (a percent column), or be a {@link PercentCell}
 *   read as the number it shows.
 */
export function readColumn(
  kind: ReadKind,
  cells: readonly SheetCell[],
  settings: ColumnSettings,
  percent: (index: number) => boolean = () => false,
): ColumnReading {
  const reading: ColumnReading = { values: [], forms: new Set(), normalised: 0 };
  const texts = textsOf(cells);
  const found: NormalisedForm[] = [];
  let read: (cell: string, index: number) => unknown;
  let guess: PointGuess | undefined;
  if (kind === 'number') {
    const numbers = numberReaderOf(texts, settings);
    const point: PointGuess | undefined = (guess = numbers.guessesPoint ? { cells: 0, settled: false } : undefined);
    read = (cell, index) => {
      const value = numbers.read(cell, percent(index), found);
      if (point && value !== undefined && numbers.pointGroups !== 0) {
        if (numbers.pointGroups !== 1) point.settled = true;
        else {
          point.cells++;
          point.first ??= { index, text: cell.trim(), value };
        }
      }
      return value;
    };
  } else if (kind === 'boolean') read = (cell) => readBoolean(cell, found);
  else {
    const { order, ambiguous } = dateOrderOf(texts, settings);
    if (ambiguous) reading.ambiguousDate = ambiguous;
    // A date-time in ISO form, with an offset or without, is the model's to judge, as it stands.
    read = (cell) => (kind === 'date' && isoDatePattern.test(cell.trim()) ? cell.trim() : readDate(cell, order, found, settings.date1904, kind === 'date-time'));
  }
  cells.forEach((cell, index) => {
    if (cell === undefined || cell === '') return reading.values.push(undefined);
    found.length = 0;
    let value = typeof cell === 'string' ? read(cell, index) : typedValue(kind, cell, found, settings.date1904, percent(index));
    if (kind === 'date-time' && settings.utc) {
      // A date or date and time read from a local form, a date cell, or ISO text without an offset.
      const moment = value ?? (typeof cell === 'string' ? cell.trim() : undefined);
      if (typeof moment === 'string') value = inUtc(moment, found) ?? value;
    }
    // A cell that does not fit stays as the text Excel shows for it: a date's `2020-03-12`, a percent's `7.5%`; in a date
    // column, a number as the number typed (`2024`, a year alone, whatever the cell's format), a date to write.
    reading.values.push(value ?? (kind === 'date' || kind === 'date-time' ? dateText(cell, settings.date1904) : cell instanceof Date || cell instanceof PercentCell ? textOfCell(cell) : cell));
    if (value === undefined || found.length === 0) return;
    if (kind === 'date' && typeof cell === 'string' && !found.includes('excel-serial')) (reading.typed ??= [])[index] = cell.trim();
    reading.normalised++;
    for (const form of found) reading.forms.add(form);
  });
  if (guess?.first && !guess.settled) reading.guessedThousands = { ...guess.first, cells: guess.cells };
  return reading;
}

/**
 * A typed cell of a workbook in a column of a kind: a number or a boolean as it is, a date cell as
 * its ISO date (in a date-time column, with the time of day it shows), a number in a date or date-time column as an
 * Excel serial date, a number formatted as a percent as the number shown in a cell that may carry a `%` sign
 * (`percent`). Undefined when it does not fit.
 */
function typedValue(kind: ReadKind, cell: Exclude<SheetCell, string | undefined>, found: NormalisedForm[], date1904?: boolean, percent = false): unknown {
  if (cell instanceof PercentCell) {
    // Read as its text `7.5%` would be: 7.5 where a % sign may be, noted; elsewhere not a number of the column.
    if (kind !== 'number' || !percent) return undefined;
    found.push('percent-sign');
    return cell.shown;
  }
  if (kind === 'date' || kind === 'date-time') {
    // Excel keeps dates as days; a reader hands them over as midnight UTC (a date-time at its time of day in UTC), in
    // the workbook's date system. A day number below 10000 is a number typed in a date cell, as it is in a cell of no format.
    if (cell instanceof Date) {
      if (Number.isNaN(cell.getTime()) || isSmallExcelDate(cell, date1904)) return undefined;
      return kind === 'date' ? dayOf(cell.toISOString().slice(0, -1), found) : textOfCell(cell);
    }
    if (typeof cell === 'number') return readDate(String(cell), undefined, found, date1904, kind === 'date-time');
    return undefined;
  }
  return typeof cell === kind ? cell : undefined;
}

/**
 * A cell of a date column that holds no date, as the text it is reported by: a number as typed (a date cell below
 * day 10000 as its day number, `2024`), so that it reads as a text that is no date, as `2024` typed as text does.
 */
function dateText(cell: Exclude<SheetCell, undefined>, date1904?: boolean): unknown {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? String(cell) : String(excelDays(cell, date1904));
  if (typeof cell === 'number') return String(cell);
  return cell instanceof PercentCell ? String(cell) : cell;
}

/** A text Excel runs as a formula when it opens a CSV file (`=`, `+`, `-`, `@`, a tab or a carriage return first), after any apostrophes. */
const formulaStart = /^'*[=+\-@\t\r]/;

/**
 * A text as a CSV cell Excel opens as that text: one that would be run as a formula (`=HYPERLINK(…)`, `- see the
 * report`, `+380…`) gets an apostrophe first, Excel's mark of a text cell. PHX's CSV reader drops it again.
 *
 * @example
 * ```ts
 * import { spreadsheetText } from '@phx/schema';
 * spreadsheetText('=HYPERLINK("https://example.org")'); // '\'=HYPERLINK("https://example.org")'
 * spreadsheetText('12 sites'); // '12 sites'
 * ```
 */
export function spreadsheetText(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** The text of a CSV cell {@link spreadsheetText} wrote: without the apostrophe it put before a formula's first character. */
export function textOfSpreadsheet(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell) ? cell.slice(1) : cell;
}

/** How a CSV file writes the values of number, boolean and date columns. */
export type CellForms = Pick<ExcelConventions, 'decimalComma' | 'dateForm' | 'booleans'>;

/**
 * Writes a value of a number, boolean or date column as Excel in a locale opens it: `12,5` with a
 * decimal comma, `31.12.2020`, `ІСТИНА`. {@link readColumn} reads it back to the same value.
 */
export function writeCell(kind: 'number' | 'boolean' | 'date', value: unknown, conventions: CellForms): string {
  if (kind === 'number' && typeof value === 'number') {
    const text = String(value);
    return conventions.decimalComma ? text.replace('.', ',') : text;
  }
  if (kind === 'boolean' && typeof value === 'boolean') return conventions.booleans[value ? 0 : 1];
  if (kind === 'date' && typeof value === 'string' && isoDatePattern.test(value) && conventions.dateForm !== 'yyyy-mm-dd') {
    const [year, month, day] = value.split('-') as [string, string, string];
    // A day that does not exist stays as it is, so that it reads back the same.
    if (!isoDate(Number(year), Number(month), Number(day))) return value;
    return conventions.dateForm === 'dd.mm.yyyy' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
  }
  return value === null ? 'null' : String(value);
}
