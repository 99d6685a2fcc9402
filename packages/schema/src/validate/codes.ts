import type { Severity } from './issue.js';

/**
 * What PHX documents about each issue code.
 *
 * @example
 * ```ts
 * const info: IssueCodeInfo = issueCodes['privacy.small-cell'];
 * console.log(info.severity, info.summary);
 * ```
 */
export interface IssueCodeInfo {
  severity: Severity;
  /** One line on what the code means (English; the messages are localised). */
  summary: string;
  /** True when the JSON Schemas in `schemas/` check it too; false for rules only `validate()` checks. */
  structural: boolean;
  /** A value that fails, for the docs. */
  example: string;
}

/**
 * Every issue code PHX reports. Codes are stable: a code is never reused for another meaning.
 *
 * @example
 * ```ts
 * import { issueCodes } from '@phx/schema';
 * issueCodes['privacy.small-cell'].severity; // 'error'
 * ```
 */
export const issueCodes = {
  'file.empty': {
    severity: 'error',
    structural: false,
    summary: 'The file holds no data: it is empty, holds only blank lines and spaces, or is a workbook of blank sheets.',
    example: 'a file saved before anything was typed in it',
  },
  'file.unsupported-format': {
    severity: 'error',
    structural: false,
    summary: 'The file is in a format PHX does not read (an Excel 97–2003 .xls workbook, an OpenDocument sheet, a PDF, an archive); the format is named. Save it as an Excel workbook (.xlsx), CSV UTF-8, .phx.json or .phx.ndjson. An Excel workbook encrypted with a password is named as such: remove the password and save it again. A web page (an HTML table, as web portals export under an .xls or .xlsx name) is named as such: open it in Excel and save it as .xlsx.',
    example: 'an .xls workbook',
  },
  'file.other-system': {
    severity: 'error',
    structural: false,
    summary: 'The file is data of another system that PHX writes and reads, not PHX data: a FHIR Bundle, a DHIS2 data value set (JSON or CSV), an SDMX-CSV file, an SDMX-JSON data message, or the SDMX structure description written beside an SDMX-CSV file. It is named, with the `phx import` command that reads it into a PHX package (SDMX-JSON and the structure description are not read: import the SDMX-CSV file). Reported alone, instead of an issue for each field or column PHX does not know.',
    example: 'a file written by `phx export --to sdmx-csv`',
  },
  'file.too-large': {
    severity: 'error',
    structural: false,
    summary: 'A .phx.json or CSV file is too large to be read as one document (500 MiB by default); split it, or save it as .phx.ndjson, which is read as a stream.',
    example: 'a .phx.json of 1 GB',
  },
  'file.too-large-for-memory': {
    severity: 'error',
    structural: false,
    summary: 'A workbook, a CSV file or a .phx.json file read whole takes more memory to read than there is at hand, counted before it is read, where reading it would end the program out of memory: a workbook 480 bytes for each of its cells and two for each byte of its XML unpacked; a CSV file 84 bytes for each cell (its delimiters and line feeds counted), 1.5 for each byte of its UTF-8 and 48 MiB for the space V8 counts for new objects; a .phx.json file (read whole to keep its data, as `phx check`, `phx export`, `phx import --with`, `phx convert` and `phx template` do, from standard input, or when it is not a package as PHX writes one) a byte for each character of its text and each of its strings that are values (two where the file holds one beyond Latin-1), 20 bytes for each value (its commas and closing brackets counted), 4 MiB for the parts a check loads and the same 48 MiB. The memory at hand is the heap V8 has left, in Node and in a Chromium page (`memoryAtHand()`; `maxReadMemory` sets another), less what the files being read at the same time were weighed at. Save each sheet of the workbook as CSV UTF-8, which is read with far less, or split the file.',
    example: 'a workbook of 300 000 rows (5 000 000 cells) on a laptop of 4 GB',
  },
  'syntax.invalid-json': {
    severity: 'error',
    structural: true,
    summary: 'The text is not valid JSON.',
    example: '{"phxVersion": "1.0",',
  },
  'syntax.too-deep': {
    severity: 'error',
    structural: false,
    summary: 'Arrays or objects are nested deeper than the limit (100 by default).',
    example: '[[[[ ... 100 000 levels ... ]]]]',
  },
  'syntax.duplicate-key': {
    severity: 'error',
    structural: false,
    summary: 'A key is written more than once in one object: of the package (`observations` twice, say), of a record (`value` twice in an observation) or of the header, in a `.phx.json` file or on a line of NDJSON. A JSON reader keeps only the last of them, and what the others hold is lost without a word: join them into one. Reported at each later writing, naming the line of the first.',
    example: '{"observations": [ … ], "observations": [ … ]}',
  },
  'syntax.invalid-encoding': {
    severity: 'error',
    structural: false,
    summary: 'The bytes are not valid UTF-8; when they look like UTF-16, Windows-1251 (Cyrillic) or Windows-1252 (Western European), the encoding is named, with how to save the file: as CSV UTF-8, or as an Excel workbook (.xlsx) where Excel has no CSV UTF-8 (before Excel 2016).',
    example: 'a CSV saved by Excel as "CSV (comma delimited)" in a Russian locale',
  },
  'syntax.encoding-mismatch': {
    severity: 'warning',
    structural: false,
    summary: 'A text file read as Windows-1252 (Western European), as it was said to be (`--encoding`, `encoding`), looks written in Windows-1251: its words beyond ASCII are Cyrillic read as accented Latin letters. Placed at the first word that reads wrong, quoting it as read and as Windows-1251 reads it; its names and notes would be saved garbled.',
    example: 'a CSV saved by Russian Excel, read with `--encoding windows-1252`',
  },
  'syntax.line-too-long': {
    severity: 'error',
    structural: false,
    summary: 'An NDJSON line is longer than the limit (16 MiB by default); the line is skipped.',
    example: 'a 100 MB line',
  },
  'ndjson.unknown-type': {
    severity: 'error',
    structural: false,
    summary: 'An NDJSON line has no `type`, or one that is not a record type.',
    example: '{"type": "person"}',
  },
  'ndjson.header-not-first': {
    severity: 'error',
    structural: false,
    summary: 'The package header (`"type": "package"`) may only be the first line.',
    example: 'a header on line 7',
  },
  'csv.no-header': {
    severity: 'error',
    structural: false,
    summary: 'The first row of a CSV file, or of a sheet named after its records, is not a header of PHX columns (id, indicator, period.start, ...), so its record type cannot be told or its rows read.',
    example: 'name;age;prison',
  },
  'csv.no-rows': {
    severity: 'error',
    structural: false,
    summary: 'A CSV file has a header row but no rows of data.',
    example: 'id,indicator,period.start and nothing below',
  },
  'csv.unclosed-quote': {
    severity: 'error',
    structural: false,
    summary: 'A quote opens a cell of a CSV file and is never closed, so the rest of the file is read into that one cell and its rows are lost.',
    example: 'obs-7,"12 and no closing quote down to the end of the file',
  },
  'csv.text-after-quote': {
    severity: 'error',
    structural: false,
    summary: 'A cell of a CSV file opens with a quote and has text after the quote that closes it, so the cells and rows after it may be read into that one cell.',
    example: 'obs-7,"Central" prison,12',
  },
  'schema.invalid-type': {
    severity: 'error',
    structural: true,
    summary: 'The value has the wrong JSON type.',
    example: '"numerator": "12"',
  },
  'schema.required': {
    severity: 'error',
    structural: true,
    summary: 'A required field is missing.',
    example: 'an observation without `period`',
  },
  'schema.unknown-field': {
    severity: 'error',
    structural: true,
    summary: 'A field the format does not define; extra data belongs under `extensions`.',
    example: '"prisonerName": "..."',
  },
  'schema.invalid-value': {
    severity: 'error',
    structural: true,
    summary: 'The value is not one of the allowed values (a closed codelist or a constant); the nearest are suggested, first the code that a label or name written in its place stands for, in any of the five languages (`Жіноча` for `female`, `Україна` or `UKR` for `UA`).',
    example: '"unit": "percentage"',
  },
  'schema.invalid-format': {
    severity: 'error',
    structural: true,
    summary: 'The text does not have the required format (date, identifier, URL, code); the form is said with an example, an identifier with one of the kind of record asked for (`zm-fac-01` for a facility). The name of an organisation or a facility of the data written where its id is asked for (`Бучанська виправна колонія №85`, in any of its languages, in any case, between any quotes and spaces, `№ 85` for `№85`) is said to be that record\'s name, with its id suggested.',
    example: '"start": "28/10/2020"',
  },
  'schema.too-small': {
    severity: 'error',
    structural: true,
    summary: 'The number, text or list is smaller than allowed.',
    example: '"countries": []',
  },
  'schema.too-big': {
    severity: 'error',
    structural: true,
    summary: 'The number, text or list is bigger than allowed.',
    example: 'a note of 50 MB',
  },
  'schema.invalid-key': {
    severity: 'error',
    structural: true,
    summary: 'A key of a map is not allowed: a language map key that is not a BCP 47 tag, an extension key that is not a URL.',
    example: '"name": {"English": "..."}',
  },
  'schema.invalid-union': {
    severity: 'error',
    structural: true,
    summary: 'The value matches none of the allowed forms.',
    example: '"license": "some licence"',
  },
  'unique.duplicate-id': {
    severity: 'error',
    structural: false,
    summary: 'Two records of the same type share an identifier.',
    example: 'two observations with `"id": "obs-1"`',
  },
  'unique.duplicate-breakdown': {
    severity: 'error',
    structural: false,
    summary: 'Two observations give the same category (or the total) of one indicator, organisation, scope, period and data source: they would be added twice.',
    example: 'two observations of women in 2020 for the same prison',
  },
  'ref.unknown-organisation': {
    severity: 'error',
    structural: false,
    summary: 'An organisation id that no organisation of the package has (the publisher named in the header is no organisation record). The nearest ids are suggested, or the id of the organisation whose name or acronym it is.',
    example: '"reportingOrganisation": "ZA-NPO-000-000"',
  },
  'ref.unknown-facility': {
    severity: 'error',
    structural: false,
    summary: 'A facility id that no facility of the package has. The nearest ids are suggested, or the id of the facility whose name it is.',
    example: '"scope": {"facility": "no-such-prison"}',
  },
  'ref.unknown-indicator': {
    severity: 'error',
    structural: false,
    summary: 'An indicator code that is neither in the catalogue nor defined in the package.',
    example: '"indicator": "hiv-prevalance"',
  },
  'ref.country-mismatch': {
    severity: 'error',
    structural: false,
    summary: 'An observation scoped to a facility names another country than the facility.',
    example: 'facility in ZM, observation in ZA',
  },
  'indicator.unit-mismatch': {
    severity: 'error',
    structural: false,
    summary: 'The unit of an observation is not the unit of its indicator.',
    example: '"unit": "count" for a percent indicator',
  },
  'observation.value-missing': {
    severity: 'error',
    structural: false,
    summary: 'An observation that is not suppressed has no value.',
    example: 'neither `value` nor `"suppressed": true`',
  },
  'observation.denominator-missing': {
    severity: 'error',
    structural: false,
    summary: 'An observation has a numerator but no denominator, and its indicator needs one.',
    example: '`numerator` without `denominator` for a percentage',
  },
  'arith.numerator-exceeds-denominator': {
    severity: 'error',
    structural: false,
    summary: 'For a proportion, the numerator is larger than the denominator.',
    example: 'numerator 12, denominator 10',
  },
  'arith.zero-denominator': {
    severity: 'error',
    structural: false,
    summary: 'The denominator is 0, so no proportion, ratio or rate can be computed.',
    example: '"denominator": 0',
  },
  'arith.value-mismatch': {
    severity: 'error',
    structural: false,
    summary: 'The value does not agree with numerator and denominator within rounding.',
    example: 'numerator 5, denominator 100, value 50',
  },
  'arith.percent-out-of-range': {
    severity: 'error',
    structural: false,
    summary: 'A proportion in percent is above 100 (negative values are a shape error).',
    example: '"value": 104.5',
  },
  'arith.count-not-integer': {
    severity: 'error',
    structural: false,
    summary: 'A count, or the numerator of any indicator, or the denominator of any indicator but a rate (whose denominator may be an average population), is not a whole number.',
    example: '"value": 12.5 for a count',
  },
  'arith.value-outside-interval': {
    severity: 'error',
    structural: false,
    summary: 'The value lies outside its confidence interval, or the interval is reversed.',
    example: 'value 4.6, interval 5.0–7.0',
  },
  'arith.confidence-level-fraction': {
    severity: 'warning',
    structural: false,
    summary: 'A confidence level below 1, written as a fraction as R, Stata and Excel write it (0.95), where PHX takes it in percent (95).',
    example: '"level": 0.95',
  },
  'period.start-after-end': {
    severity: 'error',
    structural: false,
    summary: 'The period starts after it ends.',
    example: 'start 2021-01-01, end 2020-12-31',
  },
  'period.in-future': {
    severity: 'error',
    structural: false,
    summary: 'The period ends in the future: a value cannot be reported yet.',
    example: 'end 2099-12-31',
  },
  'meeting.end-before-start': {
    severity: 'error',
    structural: false,
    summary: 'A meeting ends before it starts.',
    example: 'start 14:00, end 13:00 the same day',
  },
  'meeting.action-due-before-meeting': {
    severity: 'error',
    structural: false,
    summary: 'An action item is due before the meeting that set it.',
    example: 'meeting on 2020-10-28, action due 2020-10-01',
  },
  'disagg.not-allowed': {
    severity: 'error',
    structural: false,
    summary: 'The observation is disaggregated by a dimension its indicator does not allow.',
    example: 'an age group on a count of needles distributed',
  },
  'disagg.exceeds-total': {
    severity: 'error',
    structural: false,
    summary:
      'The numerators (or denominators) of a breakdown add up to more than the total of the same indicator, organisation, scope, period and data source; overlapping age groups are not added together.',
    example: 'female 30 + male 40, total 50',
  },
  'disagg.below-total': {
    severity: 'warning',
    structural: false,
    summary:
      'A complete breakdown (female and male; or age groups that cover every age) adds up to less than its total: a category is missing or a number is wrong.',
    example: 'female 100 + male 200, total 500',
  },
  'package.placeholder': {
    severity: 'warning',
    structural: false,
    summary: 'A value a starter package holds for its author to replace (`phx init` writes them, in any of the five languages) is still there.',
    example: '"publisher": {"id": "PHX-ORG-CHANGE-ME", "name": "Name of your organisation"}',
  },
  'package.unknown-licence': {
    severity: 'warning',
    structural: false,
    summary:
      'The licence is neither a web address nor an SPDX identifier PHX knows of a licence that data is published under (Creative Commons in every version and its IGO ports, Open Data Commons, governments\' open licences, a few software licences), in any case; `LicenseRef-` names one of the publisher\'s own. A misspelt one gets the nearest.',
    example: '"license": "CC-BY4.0"',
  },
  'privacy.small-cell': {
    severity: 'error',
    structural: false,
    summary: 'A count of people between 1 and the suppression threshold (5 by default) is not marked suppressed: small numbers can identify people. A percentage or rate whose numerator is left out gives its count with its denominator (0.5 % of 400 is 2) when its value is precise enough to leave one whole number, and is held to the threshold too. Indicators that count things or places (`countsPeople: false`: needles, condoms, prisons) are not held to it. Checked in an observation that fails its shape too, when the fields the check reads are valid.',
    example: '"numerator": 2 in a prison of 300',
  },
  'privacy.suppressed-value-present': {
    severity: 'error',
    structural: false,
    summary: 'An observation marked suppressed still carries the small number it should withhold. Checked in an observation that fails its shape too, when `suppressed` and the number are valid.',
    example: '`"suppressed": true` with `"numerator": 3`',
  },
  'privacy.complementary-disclosure': {
    severity: 'error',
    structural: false,
    summary:
      'A suppressed count of people can be worked out exactly from the numbers shown by the sums of its group: a total is the sum of each complete set of categories of a dimension (female and male; <18, 18-24, 25+; <25, 25+; …), for each category of the other dimension, and <25 is <18 and 18-24. The message names the figures that give it away: suppress one of them too. No count is below 0, nor a proportion\'s numerator above its denominator: a suppressed count that the sums and these bounds leave one whole value is given away too (40 of 40 tested positive: each sex is all of its denominator; a total of 0: each part is 0), and the message names the denominators that take part. A percentage or rate without its numerator counts as shown where its value and denominator give one whole number.',
    example: 'total 100, <25 97, 18-24 95, <18 suppressed (so 2)',
  },
  'privacy.personal-data': {
    severity: 'warning',
    structural: false,
    summary:
      'Free text looks like personal data: a person\'s name (Ukrainian and Russian names in Latin letters too), date of birth, home address, prisoner number (with or without a number sign), case, personal-file or document number, phone number or e-mail address. Every record\'s text is read, also that of a record that fails its shape.',
    example: '"notes": "Петренко І.М., 14.03.1987 р.н."',
  },
  'text.nul-character': {
    severity: 'error',
    structural: false,
    summary:
      'A text holds the character U+0000 (NUL), which no text of PHX data holds: databases cannot store it, XML and Excel cannot write it, and the hub refuses it. It is left over from a program that wrote bytes, not text.',
    example: '"notes": "Mobile clinic\\u0000 visits"',
  },
  'sheet.unreadable': {
    severity: 'error',
    structural: false,
    summary: 'The file is not an Excel workbook (.xlsx) that can be read: damaged, or of another format saved under the name.',
    example: 'a .xls or .ods file renamed to .xlsx',
  },
  'sheet.unknown-sheet': {
    severity: 'error',
    structural: false,
    summary: 'A sheet of a workbook is neither the Package sheet nor the sheet of a record type, so its rows would be lost; name it after its records or remove it.',
    example: 'a sheet "Sheet1" whose columns name no PHX field',
  },
  'sheet.date-order-unknown': {
    severity: 'error',
    structural: false,
    summary: 'A date column of a sheet holds dates such as 03/04/2020 that read day first or month first, and no cell tells which; say the order.',
    example: '03/04/2020 and 05/06/2020, nothing above 12',
  },
  'sheet.cell-beyond-header': {
    severity: 'error',
    structural: false,
    summary: 'A row of a sheet has a cell under no heading, to the right of the last one or under a blank one: the value has no field to go to.',
    example: 'a 12th cell under 11 headings',
  },
  'sheet.column-path-missing': {
    severity: 'warning',
    structural: false,
    summary: 'A cell of the row of field paths of a sheet (row 2 of a PHX workbook) is empty under a heading that names a field (`Знаменник` over an empty cell): the column is read as the field its heading names, in any of the five languages of the template. Said once, at the empty cell, with the field path to type back.',
    example: 'the cell under "Denominator" in row 2 cleared by mistake',
  },
  'sheet.column-not-read': {
    severity: 'warning',
    structural: false,
    summary: 'A column of a sheet is none of PHX\'s fields and looks like none (a column of one\'s own, `Коментар`, under a heading over an empty cell of the row of field paths or named in the header), so its cells are not read into the data. Said once, at its heading, with the notes column to move them to where the records have one.',
    example: 'a column "Comment" added at the end of the observations sheet',
  },
  'sheet.repeated-column': {
    severity: 'error',
    structural: false,
    summary: 'A column of a CSV file or a sheet has the name of a column before it: a field has one column, so its cells are not read.',
    example: 'id,indicator,id',
  },
  'sheet.merged-header': {
    severity: 'error',
    structural: false,
    summary: 'A cell of the header row of a sheet is merged over more than one column: the merge holds one name, so only its first column is read and the others have no heading. Said once, at the merged cell, with the required columns the header lacks; the cells under the other columns are not read.',
    example: 'period.start merged over columns C and D, where D holds the ends of the periods',
  },
  'sheet.formula-without-result': {
    severity: 'error',
    structural: false,
    summary: 'A cell of a workbook holds a formula but not its result: a program that does not calculate formulas saved the file, so the value is unknown until Excel saves it again.',
    example: 'a cell =B2-B3 written by a script, never opened in Excel',
  },
  'sheet.second-header': {
    severity: 'error',
    structural: false,
    summary: 'The Package sheet of a workbook holds more than one row of values: the package header is its first row, and the others would be lost.',
    example: 'a second row of title, publisher and licence under the first',
  },
  'sheet.error-cell': {
    severity: 'error',
    structural: false,
    summary: 'A cell of a workbook holds an Excel error (#N/A, #REF!, #VALUE!, #DIV/0!) rather than a value, or a cell of a CSV file is exactly one of Excel\'s error values in English, Russian, Ukrainian, French or Spanish (#Н/Д, #ДЕЛ/0!), as Excel saves a failed formula: a formula that failed, or the error typed or pasted; in any column, since the error is no value of any field.',
    example: 'a note =VLOOKUP(A2;Sheet2!A:B;2;0) that finds nothing: #N/A',
  },
  'sheet.date-for-number': {
    severity: 'error',
    structural: false,
    summary: 'A cell of a workbook holds a date where a number is expected (a value, a count): where dates are written day.month (Ukrainian, Russian, German Excel), Excel turns a number typed with a point into a date, `7.5` into 7 May; or a cell of a CSV file holds such a date as the text Excel showed, a day and a month\'s short name in Ukrainian, Russian or English (`07.тра`, `07.май`, `7-May`). Told at the cell, with the number as the date\'s day and month would give it, in place of the text of the date.',
    example: '7.5 typed as a value in Ukrainian Excel, shown as 07.тра',
  },
  'sheet.percent-unit-mismatch': {
    severity: 'error',
    structural: false,
    summary: 'A value of an observation (or a bound of its confidence interval) shows a percent (`5,2%`) in a sheet, in a row whose unit is not `percent` or is not given: either the unit or the value is wrong, and which one only the user knows.',
    example: 'a value 5,2% in a row of unit count',
  },
  'sheet.hidden-skipped': {
    severity: 'warning',
    structural: false,
    summary: 'A sheet of a workbook is hidden (or very hidden), so it is not read: what nobody sees in Excel never leaves the computer in the package unsaid. Unhide it if its records belong in the package, or delete it.',
    example: 'a hidden sheet "draft, do not send" of last year\'s rows',
  },
  'sheet.hidden-read': {
    severity: 'warning',
    structural: false,
    summary: 'Rows or columns of a sheet are hidden in Excel (by hand, by a filter, in a collapsed group) but read into the package all the same, as Excel writes them to a CSV file too; said once a sheet, so that rows filtered out are not shared unsaid. Delete them, or move them to a sheet that is hidden, to leave them out.',
    example: 'last year\'s rows of a sheet filtered to show this year\'s',
  },
  'sheet.normalised': {
    severity: 'info',
    structural: false,
    summary: 'Cells of a sheet column were written in a local form (decimal comma, thousands separator, % sign, local date, Excel serial date, TRUE/FALSE word) and read as PHX values; in a date column, a date with a time of day other than midnight (a date-time cell, `31.12.2020 14:30`, a day number with a fraction) is read as its day, the time left out said among the forms; in the publication date of a package, a date and time without an offset from UTC (a date-time cell, `15.01.2024 09:00`) is read as a time in UTC and a date alone as midnight UTC, each said among the forms.',
    example: '31.12.2020 read as 2020-12-31',
  },
  'sheet.ambiguous-thousands': {
    severity: 'warning',
    structural: false,
    summary: 'Cells of a number column of a sheet such as 1.234 were read as thousands (1234), the point taken for a thousands separator as Spanish Excel writes it, though nothing said so: neither the Excel locale, nor the decimal mark, nor a cell that reads no other way (1.234.567, 1.234,5). Ukrainian, Russian and French Excel never group thousands with a point, so there such a cell is most likely a decimal typed with a point. Said once a column, at its first such cell.',
    example: '1.234 in a ;-separated file read with no Excel locale',
  },
  'codelist.unknown-code': {
    severity: 'warning',
    structural: false,
    summary: 'A code of an open codelist that PHX does not know; check the spelling or propose the code.',
    example: '"focusAreas": ["harm-reductoin"]',
  },
} as const satisfies Record<string, IssueCodeInfo>;

/**
 * A stable issue code.
 */
export type IssueCode = keyof typeof issueCodes;

/**
 * The codes that only `validate()` checks: the JSON Schemas cannot express them.
 *
 * @example
 * ```ts
 * rulesBeyondSchema.includes('ref.unknown-organisation'); // true
 * rulesBeyondSchema.includes('schema.required'); // false
 * ```
 */
export const rulesBeyondSchema = (Object.keys(issueCodes) as IssueCode[]).filter((code) => !issueCodes[code].structural);
