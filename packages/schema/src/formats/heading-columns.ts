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

/** The headings of each type's columns, in every language, their item numbers as `#`: the column, or null where two columns share one. */
const headingsByType = new Map<TableType, Map<string, string | null>>();

function headingsOf(type: TableType): Map<string, string | null> {
  let headings = headingsByType.get(type);
  if (!headings) {
    headings = new Map();
    for (const column of knownColumns(type)) {
      for (const language of excelLocales) {
        const key = comparable(columnHeading(column, language)).replace(itemNumbers, ' #');
        const known = headings.get(key);
        headings.set(key, known === undefined || known === column ? column : null);
      }
    }
    headingsByType.set(type, headings);
  }
  return headings;
}

/** The words an extension's heading starts with (`Розширення (https://example.org/x)`), compared as headings are. */
const extensionWords = new Set(excelLocales.map((language) => comparable(columnHeading('extensions.x', language)).replace(/ \(x\)$/, '')));

/**
 * The column a heading names in a table of a type, as {@link columnHeading} writes it in any language, its case,
 * spaces and `>` for `›` aside: `period.start` for `Період › початок` or `period > START`, `countries.1` for
 * `Країни 2`, `extensions.https://example.org/x` for `Розширення (https://example.org/x)`. Undefined for any other
 * text, and for a heading two columns of the type share.
 *
 * @example
 * ```ts
 * headingColumn('observation', 'Розбивка > стать'); // 'disaggregation.sex'
 * ```
 */
export function headingColumn(type: TableType, heading: string): string | undefined {
  const text = comparable(heading);
  if (text === '') return undefined;
  const numbers = [...text.matchAll(itemNumbers)].map((match) => Number(match[1]));
  const column = headingsOf(type).get(text.replace(itemNumbers, ' #'));
  if (column) {
    if (numbers.some((number) => number < 1)) return undefined;
    let item = 0;
    const named = column.split('.').map((segment) => (/^\d+$/.test(segment) ? String(numbers[item++]! - 1) : segment)).join('.');
    return resolveColumn(type, named).kind === 'unknown' ? undefined : named;
  }
  const extension = /^(.+?) ?\((.+)\)$/.exec(heading.trim());
  if (extension && extensionWords.has(comparable(extension[1]!))) {
    const named = `extensions.${extension[2]!.trim()}`;
    if (resolveColumn(type, named).kind !== 'unknown') return named;
  }
  return undefined;
}
