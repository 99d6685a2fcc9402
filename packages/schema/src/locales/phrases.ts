import type { TextForm } from '../model/common.js';
import type { FieldKey } from '../validate/fields.js';
import { idExamples } from '../validate/id-examples.js';
import type { FirstSeen, IssueParams, SheetColumn, SheetNames, SpacesAround, ZodIssueParams } from '../validate/params.js';

/**
 * The words a locale's messages are made of: the fields of the data, the record types, the forms of text with
 * an example of each, and the kinds of value.
 */
export interface Words {
  fields: Record<FieldKey, string>;
  records: Record<'package' | 'organisation' | 'facility' | 'indicator' | 'observation' | 'meeting', string>;
  /** The forms of text, each with its example; `{id}` in that of an identifier stands for one of the kind of record asked for (`idExamples`). */
  forms: Record<TextForm, string>;
  /** A kind of value as zod names it (`number`, `string`, `array`, …), for what is expected and what was found. */
  kinds: Record<string, string>;
  /** Shows the entry of a list after the field's words (`entry 2`). */
  entry: (index: number) => string;
  /** The line of a file a record is on. */
  line: (line: number) => string;
  /** The word for a row of a table (a CSV file, a sheet of a workbook), before its number: `row 3`. */
  row: string;
  /** The word for a sheet of a workbook, before its name: `sheet "facilities"`. */
  sheet: string;
  /** The word for a file, before its name: `file "facilities.csv"`. */
  file: string;
  quote: (text: string) => string;
  /** Said after a text quoted with spaces around it, which the quotes alone hardly show: `"UA " (it ends with a space)`. */
  spaces: Record<SpacesAround, string>;
  /** A number of the data as the language writes it in a sentence: `8523.5` in English, `8523,5` in Ukrainian. */
  number: (value: number) => string;
  /** A count or a limit, its digits grouped as the language groups them: `20,000` in English, `20 000` in Ukrainian. */
  count: (count: number) => string;
  /** A size in bytes in the language's units, binary multiples as the limits are set: `16 MB`, `16 МБ`, `16 Mo`. */
  size: (bytes: number) => string;
}

/** {@link Words.count} and {@link Words.size} of a language, by its tag. */
export function amountsIn(tag: string): Pick<Words, 'count' | 'size'> {
  return {
    count: (count) => count.toLocaleString(tag),
    size: (bytes) => {
      const [unit, scale] = bytes >= 2 ** 30 ? ['gigabyte', 2 ** 30] : bytes >= 2 ** 20 ? ['megabyte', 2 ** 20] : ['kilobyte', 2 ** 10];
      return new Intl.NumberFormat(tag, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / scale);
    },
  };
}

/** A number with a decimal comma, as Russian, Ukrainian, French and Spanish write it (and Excel shows it in their locales). */
export function decimalComma(value: number): string {
  return String(value).replace('.', ',');
}

/**
 * The number a date in a number cell was typed as, where Excel writes dates day.month: its day, a point, its month
 * (`7.5` for 7 May), the same with a decimal comma, and the parts of the date as the message writes it. The date is
 * `2023-05-07`, or `--05-07` without a year (then `year` is empty).
 */
export function typedAsDate(date: string): { day: string; month: string; year: string; typed: string; withComma: string } {
  const [day = '', month = '', year = ''] = date.split('-').reverse();
  return { day, month, year, typed: `${Number(day)}.${Number(month)}`, withComma: `${Number(day)},${Number(month)}` };
}

/** The first letter in capitals. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The field a structural message is about, in words, with the entry of a list; its key quoted when the model does not know it. */
export function fieldNamed(words: Words, p: Pick<ZodIssueParams, 'field' | 'entry'>, fallback: string): string {
  const named = p.field === undefined ? fallback : (words.fields[p.field as FieldKey] ?? words.quote(p.field));
  return named + (p.entry === undefined ? '' : ` (${words.entry(p.entry + 1)})`);
}

/** {@link fieldNamed} at the start of a sentence. */
export function subject(words: Words, p: Pick<ZodIssueParams, 'field' | 'entry'>, fallback: string): string {
  return capitalised(fieldNamed(words, p, fallback));
}

/** The key of a field as written in the data (`start` for `period.start`). */
export function keyOf(field: string): string {
  return field.slice(field.lastIndexOf('.') + 1);
}

/**
 * The value found, quoted when it is a text (and the spaces around it said); the kind of value in words when it is a
 * list or a group of fields.
 */
export function shown(words: Words, p: Pick<ZodIssueParams, 'value' | 'received' | 'spaces'>): string {
  if (typeof p.value === 'string') return p.spaces === undefined ? words.quote(p.value) : `${words.quote(p.value)} ${words.spaces[p.spaces]}`;
  if (typeof p.value === 'number') return words.number(p.value);
  return p.value === undefined ? (words.kinds[p.received ?? 'object'] ?? words.kinds.object!) : String(p.value);
}

/**
 * A cell that shows a percent: as typed; a cell formatted as a percent by the number it shows, in the language's form
 * (`5,2%`), with the space the language writes before the sign (`gap`).
 */
export function percentShown(words: Words, value: string | number, gap = ''): string {
  return typeof value === 'number' ? `${words.number(value)}${gap}%` : value;
}

/**
 * A date and time found without its offset from UTC, or a date alone, completed as a message's example of what to write:
 * `2020-10-28T16:00:00Z`, `2024-04-01T09:00:00Z`. The offset of UTC itself, `Z`, which the message names: no place's
 * offset is right for every place, nor for one place all year (Kyiv is `+02:00` in winter, `+03:00` in summer).
 */
export function completedDateTime(p: Pick<ZodIssueParams, 'value' | 'lacks'>): string {
  return `${String(p.value)}${p.lacks === 'time' ? 'T09:00:00' : ''}Z`;
}

/** The categories of a breakdown as a message shows them: `sex "female", age group "<18"`. */
export function categories(words: Words, given: Record<string, string>): string {
  return Object.entries(given)
    .map(([dimension, category]) => `${words.fields[dimension as FieldKey] ?? dimension} ${words.quote(category)}`)
    .join(', ');
}

/**
 * The observations whose numbers give a suppressed one away, by their categories, as a message lists them: `the total;
 * sex "male"` (French puts a space before the semicolon).
 */
export function figures(words: Words, given: readonly Record<string, string>[], total: string, separator = '; '): string {
  return given.map((categoriesOfOne) => categories(words, categoriesOfOne) || total).join(separator);
}

/**
 * The form of text asked for, in words, with its example (what follows its last comma), but where the example names a
 * code suggested: the message would say it twice (`e.g. UA or ZM; did you mean "UA"?`). The forms whose issues have
 * suggestions (a country, a code) have no word that is a code but in their example.
 */
export function formAsked(words: Words, p: Pick<ZodIssueParams, 'form' | 'suggestions' | 'idOf'>): string {
  const text = words.forms[p.form!].replace('{id}', idExamples[p.idOf ?? (p.form === 'organisation-id' ? 'organisation' : 'observation')]);
  return p.suggestions?.some((code) => `${text} `.includes(` ${code} `)) ? text.slice(0, text.lastIndexOf(',')) : text;
}

/** The field an open codelist fills, whose words name the list. */
export const fieldOfList: Record<string, FieldKey> = {
  focusArea: 'focusAreas', population: 'populations', region: 'regions', framework: 'framework', meetingIssue: 'issuesIdentified',
};

/** Where a record was first seen: its pointer, the line of the file it is on, or its row of a table (and sheet of a workbook); with the file when it is another one. */
export function placeOf(words: Words, first: FirstSeen): string {
  if (typeof first === 'number') return words.line(first);
  if (typeof first === 'string') return first;
  if ('file' in first) return `${words.file} ${words.quote(first.file)}, ${placeOf(words, first.at)}`;
  return `${first.sheet === undefined ? '' : `${words.sheet} ${words.quote(first.sheet)}, `}${words.row} ${first.row}`;
}

/**
 * A column of a sheet as its user sees it: by the heading over it, else by `name`, its name in the header row; and by
 * its letter first in a workbook (`N ("Notes")`).
 */
export function columnSeen(words: Words, name: string, column: SheetColumn): string {
  const heading = words.quote(column.heading ?? name);
  return column.letter === undefined ? heading : `${column.letter} (${heading})`;
}

/**
 * What a cell of a sheet holds that its column does not read, when a message has a hint for it: `small`, a small
 * count written as `<5` (or `≤5`) in a sheet of observations, which a sheet says with the flag and an empty cell; in a
 * column of flags, `digit`, a `1` or a `0`, and in the flag of an observation `mark`, a mark such as `x` (Latin or
 * Cyrillic), `+` or `✓`; `none`, a dash or `n/a` where a figure is not known. `empty`: the column a small count leaves
 * empty, the value's when the count is typed as the flag. Undefined outside a sheet.
 */
export function sheetCell(p: ZodIssueParams): { sheet: SheetNames; hint?: 'small' | 'digit' | 'mark' | 'none'; empty?: string } | undefined {
  const { sheet } = p;
  if (!sheet) return undefined;
  const text = String(p.value).trim();
  const flag = p.expected === 'boolean';
  if (sheet.suppressed !== undefined && /^[<≤]/.test(text)) return { sheet, hint: 'small', empty: flag ? sheet.value : sheet.column };
  if (flag && /^[01]$/.test(text)) return { sheet, hint: 'digit' };
  if (!flag && /^([-–—]+|n\/?a|н\/?д)$/i.test(text)) return { sheet, hint: 'none' };
  return { sheet, hint: flag && sheet.suppressed !== undefined && /^[xхv+*✓✔]$/i.test(text) ? 'mark' : undefined };
}

/**
 * The hidden rows and columns of `sheet.hidden-read` as a message lists them, in a language's words for a row and a
 * column (one, many), for `and` and for those not listed: `rows 5–7, 12 and 3 more and column N ("notes")`. With
 * `one`, the row or column it is when there is one alone, for the words that agree with it.
 */
export function hiddenOf(
  words: Words,
  p: IssueParams['sheet.hidden-read'],
  row: readonly [string, string],
  column: readonly [string, string],
  and: string,
  more: (count: number) => string,
): { list: string; one?: 'row' | 'column' } {
  const rows = p.rows.reduce((sum, { first, last }) => sum + last - first + 1, p.moreRows);
  const columns = p.columns.length + p.moreColumns;
  const part = (items: string[], others: number, [single, many]: readonly [string, string], count: number): string[] =>
    count === 0 ? [] : [`${count === 1 ? single : many} ${items.join(', ')}${others > 0 ? ` ${more(others)}` : ''}`];
  const list = [
    ...part(p.rows.map(({ first, last }) => (first === last ? words.number(first) : `${words.number(first)}–${words.number(last)}`)), p.moreRows, row, rows),
    ...part(p.columns.map((at) => columnSeen(words, at.heading, { letter: at.column })), p.moreColumns, column, columns),
  ].join(` ${and} `);
  return { list, one: rows + columns === 1 ? (rows === 1 ? 'row' : 'column') : undefined };
}

/** Items as a list of a language: `a`, `a and b`, `a, b and c`. */
export function listed(items: readonly string[], and: string): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * The forms the cells of a column were read in (`sheet.normalised`), as a list in a language, each noun once: the
 * words a flag was written in under one (`yes/no and TRUE/FALSE words`), the forms of dates under another (`dates
 * written dd.mm.yyyy and d mmmm yyyy`), in the order first met, the items of a group joined by `and`, the list by
 * commas. `names` names the other forms, and the words alone.
 */
export function formList(forms: readonly string[], names: Readonly<Record<string, string>>, words: (list: string) => string, dates: (list: string) => string, and: string): string {
  const wordForms: readonly string[] = forms.filter((form) => form === 'yes-no-word' || form === 'boolean-word');
  const dateForms = forms.filter((form) => !(form in names));
  const items: string[] = [];
  for (const form of forms) {
    if (form === wordForms[0]) items.push(words(listed(wordForms.map((word) => names[word]!), and)));
    else if (form === dateForms[0]) items.push(dates(listed(dateForms, and)));
    else if (!wordForms.includes(form) && !dateForms.includes(form)) items.push(names[form]!);
  }
  return items.join(', ');
}

/** The form of a noun after a number in Ukrainian and Russian: `one` (1, 21), `few` (2–4, 22), or `many` (5–20, 25). */
export function slavicPlural(count: number, one: string, few: string, many: string): string {
  const [units, tens] = [count % 10, count % 100];
  if (units === 1 && tens !== 11) return one;
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many;
}
