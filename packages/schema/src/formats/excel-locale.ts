/**
 * The locales whose spreadsheet conventions PHX reads and writes: `en`, `ru`, `uk`, `fr` and `es`.
 *
 * @example
 * ```ts
 * import { excelLocales } from '@phx/schema';
 * excelLocales; // ['en', 'ru', 'uk', 'fr', 'es']
 * ```
 */
export const excelLocales = ['en', 'ru', 'uk', 'fr', 'es'] as const;

/**
 * A locale of Excel: it decides the cell separator, the decimal mark, the date form and the
 * words for TRUE and FALSE in the CSV files that Excel writes and opens.
 *
 * @example
 * ```ts
 * const excelLocale: ExcelLocale = 'uk';
 * writeCsv('observation', pkg.observations ?? [], { excelLocale }); // 12,5 and 31.12.2020, separated by ;
 * ```
 */
export type ExcelLocale = (typeof excelLocales)[number];

/**
 * The orders of day and month that dates such as `03/04/2020` are read in: what `phx validate --date-order` and the
 * validator page offer.
 *
 * @example
 * ```ts
 * import { dateOrders } from '@phx/schema';
 * dateOrders; // ['day-month', 'month-day']
 * ```
 */
export const dateOrders = ['day-month', 'month-day'] as const;

/**
 * Which part of a date comes first in `03/04/2020`: the day (Europe) or the month (the United States).
 *
 * @example
 * ```ts
 * readCsv(text, { dateOrder: 'month-day' }); // 03/04/2020 is 4 March 2020
 * ```
 */
export type DateOrder = (typeof dateOrders)[number];

/**
 * True when the tag names a locale whose spreadsheet conventions PHX knows.
 *
 * @example
 * ```ts
 * isExcelLocale('uk'); // true
 * isExcelLocale('de'); // false
 * ```
 */
export function isExcelLocale(tag: string): tag is ExcelLocale {
  return (excelLocales as readonly string[]).includes(tag);
}
