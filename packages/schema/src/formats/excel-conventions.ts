/**
 * Excel's CSV conventions by locale, apart from the list of locales (excel-locale.ts): the validator needs the list
 * on its first download, the conventions only once a table is read or written.
 */
import type { DateOrder, ExcelLocale } from './excel-locale.js';

/**
 * How Excel in one locale writes a CSV file.
 *
 * @example
 * ```ts
 * const { delimiter }: ExcelConventions = excelConventions.uk; // ';'
 * ```
 */
export interface ExcelConventions {
  /** The cell separator: `;` wherever the comma is the decimal mark. */
  delimiter: string;
  /** Whether the decimal mark is a comma (`12,5`). */
  decimalComma: boolean;
  /** How a date is written: ISO 8601 where Excel's own form would leave day and month ambiguous. */
  dateForm: 'yyyy-mm-dd' | 'dd.mm.yyyy' | 'dd/mm/yyyy';
  /** The order of `03/04/2020` in this locale, when it is known. */
  dateOrder: DateOrder | undefined;
  /** The words of Excel's TRUE and FALSE. */
  booleans: readonly [string, string];
  /** The error values Excel shows, and writes into a CSV file, where a formula failed (`#N/A`, `#Н/Д`). */
  errors: readonly string[];
}

/**
 * What Excel in each locale writes. English covers both orders of day and month, so its dates are ISO. A CSV file
 * of other tables (a list of issues) opens in Excel cell for cell with the locale's separator and a byte order mark.
 *
 * @example
 * ```ts
 * import { excelConventions } from '@phx/schema';
 * const { delimiter } = excelConventions.ru; // ';'
 * const rows = [['file', 'message'], ['observations.csv', 'Числитель 3 меньше порога 5']];
 * const csv = `\uFEFF${rows.map((cells) => cells.join(delimiter)).join('\r\n')}\r\n`;
 * ```
 */
export const excelConventions: Record<ExcelLocale, ExcelConventions> = {
  en: {
    delimiter: ',', decimalComma: false, dateForm: 'yyyy-mm-dd', dateOrder: undefined, booleans: ['TRUE', 'FALSE'],
    errors: ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'],
  },
  ru: {
    delimiter: ';', decimalComma: true, dateForm: 'dd.mm.yyyy', dateOrder: 'day-month', booleans: ['ИСТИНА', 'ЛОЖЬ'],
    errors: ['#Н/Д', '#ДЕЛ/0!', '#ЗНАЧ!', '#ССЫЛКА!', '#ИМЯ?', '#ЧИСЛО!', '#ПУСТО!'],
  },
  uk: {
    delimiter: ';', decimalComma: true, dateForm: 'dd.mm.yyyy', dateOrder: 'day-month', booleans: ['ІСТИНА', 'ХИБНІСТЬ'],
    errors: ['#Н/Д', '#ДІЛЕННЯ/0!', '#ЗНАЧЕННЯ!', '#ПОСИЛАННЯ!', '#ІМ’Я?', '#НОМЕР!', '#NULL!'],
  },
  fr: {
    delimiter: ';', decimalComma: true, dateForm: 'dd/mm/yyyy', dateOrder: 'day-month', booleans: ['VRAI', 'FAUX'],
    errors: ['#N/A', '#DIV/0!', '#VALEUR!', '#REF!', '#NOM?', '#NOMBRE!', '#NUL!'],
  },
  es: {
    delimiter: ';', decimalComma: true, dateForm: 'dd/mm/yyyy', dateOrder: 'day-month', booleans: ['VERDADERO', 'FALSO'],
    errors: ['#N/A', '#¡DIV/0!', '#¡VALOR!', '#¡REF!', '#¿NOMBRE?', '#¡NUM!', '#¡NULO!'],
  },
};

/**
 * The mark Excel in a locale groups thousands with, where it is `.` or `,`: `1,234.5` in English, `1.234,5` in Spanish.
 * Excel in Ukrainian, Russian and French groups them with a no-break space (`1 234,5`), never with either mark.
 */
export const excelThousandsMarks: Partial<Record<ExcelLocale, '.' | ','>> = { en: ',', es: '.' };
