/**
 * Reading a header that is not a row of field paths on top: the headings of PHX's workbook (`Період › початок`,
 * `Розбивка › стать`, `Країни 2`) in any of the languages a workbook is written in, and a title over the header.
 * Loaded by the readers of CSV files and workbooks only when a table's first row names no field by its path, or a
 * column is one they do not know: the words of the headings stay out of their first download.
 */
import { recordTypeNames } from '../model/record-kinds.js';
import type { SheetCell } from './cells.js';
import { knownColumns, resolveColumn, type TableType } from './csv-shape.js';
import { excelLocales } from './excel-locale.js';
import { columnHeading } from './headings.js';
import { isBlankRow, type HeaderRow } from './table.js';

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
 * `Країни 2`, `disaggregation.sex` for `Розбивка > стать`. Undefined for any other text.
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

/**
 * How many rows that are not blank the header of a table is looked for in, from the first: a title block may be over it
 * (a report's name, the organisation, the period, notes on how it was filled), blank rows between its lines not counted.
 */
const HEADER_SEARCH = 30;

/** The first of rows that names most columns as `read` tells, of which type, what it names them, and how many. */
interface Named {
  skip: number;
  type: TableType;
  columns: string[];
  most: number;
}

/**
 * The header of a table whose first row names no field by its path, looked for in its first rows that are not blank
 * ({@link HEADER_SEARCH}): the first of them that names most fields by their paths,
 * the rows over it passed over (the headings PHX writes over the field paths, `Ідентифікатор` over `id`, which a sheet
 * of its workbook saved as CSV keeps; a title); the row just over it gives its headings when it has one over most of
 * the fields it names, and a cell of the header left empty under a heading that names a field is read as that field
 * (`byHeading`: PHX's two header rows, a field path cleared). Unless a row names more fields by their headings
 * ({@link headingColumn}) and is not right over that header: the first that names most is then the header, its cells
 * the headings of the columns they name. Else the first row, which names nothing.
 *
 * @param type - the table's type where something else tells it (the sheet's name, an option); else each row does.
 */
export function searchHeader(rows: readonly (readonly SheetCell[])[], type: TableType | undefined): HeaderRow {
  const first = Math.max(rows.findIndex((row) => !isBlankRow(row)), 0);
  const searched: { at: number; cells: string[] }[] = [];
  for (let at = first; at < rows.length && searched.length < HEADER_SEARCH; at++) {
    if (!isBlankRow(rows[at]!)) searched.push({ at, cells: rows[at]!.map((cell) => (typeof cell === 'string' ? cell.trim() : '')) });
  }
  const mostNamed = (read: (type: TableType, cell: string) => string | undefined): Named | undefined => {
    let found: Named | undefined;
    searched.forEach(({ at, cells }) => {
      for (const candidate of type ? [type] : recordTypeNames) {
        const named = cells.map((cell) => (cell === '' ? undefined : read(candidate, cell)));
        const most = named.filter((column) => column !== undefined).length;
        if (most > (found?.most ?? 0)) found = { skip: at, type: candidate, columns: named.map((column, index) => column ?? cells[index]!), most };
      }
    });
    return found;
  };
  const paths = mostNamed((candidate, cell) => (resolveColumn(candidate, cell).kind === 'unknown' ? undefined : cell));
  const headings = mostNamed(headingColumn);
  // The headings right over a row that names most of their fields by their paths are PHX's two header rows, whatever
  // cells of the row of paths were cleared: the paths name the columns.
  const pair = headings && paths && headings.skip === paths.skip - 1 && paths.most * 2 > headings.most;
  if (headings && !pair && headings.most > (paths?.most ?? 0)) return { skip: headings.skip, columns: headings.columns, headings: rows[headings.skip] };
  if (!paths) return { skip: first };
  // The row over the header gives headings when it has them over most of the fields, not a title over the first.
  const over = paths.skip > first ? rows[paths.skip - 1]! : [];
  if (over.filter((cell) => !isBlankRow([cell])).length * 2 <= paths.most) return { skip: paths.skip };
  // A cell of the row of paths left empty under a heading that names a field is read as that field.
  const cells = rows[paths.skip]!;
  const byHeading: number[] = [];
  const columns = Array.from({ length: Math.max(cells.length, over.length) }, (_, index) => {
    const [cell, heading] = [cells[index], over[index]];
    const column = isBlankRow([cell]) && typeof heading === 'string' ? headingColumn(paths.type, heading) : undefined;
    if (column === undefined) return cell === undefined ? '' : String(cell).trim();
    byHeading.push(index);
    return column;
  });
  return { skip: paths.skip, headings: over, ...(byHeading.length > 0 ? { columns, byHeading } : {}) };
}
