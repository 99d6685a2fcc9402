/**
 * Reading a header of headings: the column a heading of PHX's workbook (`Період › початок`, `Розбивка › стать`,
 * `Країни 2`) names, in any of the languages a workbook is written in. Loaded by the readers of CSV files and
 * workbooks only when a table has no header of field paths, or a column they do not know: the words of the
 * headings stay out of their first download.
 */
import { knownColumns, resolveColumn, type TableType } from './csv-shape.js';
import { excelLocales } from './excel-locale.js';
import { columnHeading } from './headings.js';

/** The numbers of list items in a heading (`Учасник 2 › організація`): after a word, before ` › `, ` (` or the end. */
const itemNumbers = / (\d+)(?=$| › | \()/g;

/** A heading as headings are compared: in lower case, `>` as `›`, one space between words, any apostrophe as `'`. */
function comparable(heading: string): string {
  return heading.replace(/\s*[>›]\s*/g, ' › ').replace(/\s+/g, ' ').replace(/[’ʼ`]/g, "'").trim().toLowerCase();
}

/** The headings of each type's columns in every language, their item numbers as `#`, and the column of each. */
const headingsByType = new Map<TableType, Map<string, string>>();

function headingsOf(type: TableType): Map<string, string> {
  let headings = headingsByType.get(type);
  if (!headings) {
    headingsByType.set(type, (headings = new Map()));
    for (const column of knownColumns(type)) for (const language of excelLocales) headings.set(comparable(columnHeading(column, language)).replace(itemNumbers, ' #'), column);
  }
  return headings;
}

/**
 * The column a heading names in a table of a type, as {@link columnHeading} writes it in any language, its case,
 * spaces and `>` for `›` aside: `period.start` for `Період › початок` or `period > START`, `countries.1` for
 * `Країни 2`. Undefined for any other text.
 *
 * @example
 * ```ts
 * headingColumn('observation', 'Розбивка > стать'); // 'disaggregation.sex'
 * ```
 */
export function headingColumn(type: TableType, heading: string): string | undefined {
  const text = comparable(heading);
  const numbers = [...text.matchAll(itemNumbers)].map((match) => Number(match[1]) - 1);
  const column = headingsOf(type).get(text.replace(itemNumbers, ' #'));
  if (!column || numbers.some((number) => number < 0)) return undefined;
  // The items' numbers in the heading, counted from 1, are the indexes of the column's lists, in order.
  const named = column.replace(/\b0\b/g, () => String(numbers.shift()));
  return resolveColumn(type, named).kind === 'unknown' ? undefined : named;
}
