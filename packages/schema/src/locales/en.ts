import zodEn from 'zod/v4/locales/en.js';
import type { FileFormat } from '../file/format.js';
import type { OtherSystemFormat } from '../file/other-systems.js';
import { alternatives } from './alternatives.js';
import { amountsIn, capitalised, categories, columnSeen, completedDateTime, fieldNamed, fieldOfList, figures, formAsked, formList, hiddenOf, keyOf, listed, percentShown, placeOf, sheetCell, shown, subject, typedAsDate, type Words } from './phrases.js';
import type { SheetNames } from '../validate/params.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'an e-mail address', phone: 'a phone number', 'date-of-birth': 'a date of birth', name: "a person's name", address: 'a home address', identifier: 'a prisoner, case or document number' } as const;
const encodings = { 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1251': 'Windows-1251 (Cyrillic)', 'windows-1252': 'Windows-1252 (Western European)' } as const;
const formats: Record<FileFormat, string> = {
  json: 'JSON', ndjson: 'NDJSON', csv: 'CSV', xlsx: 'an Excel workbook (.xlsx)', xls: 'an Excel 97–2003 workbook (.xls)', 'encrypted-xlsx': 'an Excel workbook protected by a password', ods: 'an OpenDocument spreadsheet (.ods)',
  docx: 'a Word document (.docx)', pdf: 'a PDF document', zip: 'a zip archive', gzip: 'a gzip archive', html: 'a web page (HTML)',
};
const otherSystems: Record<OtherSystemFormat, string> = {
  fhir: 'a FHIR Bundle', dhis2: 'a DHIS2 data value set (JSON)', 'dhis2-csv': 'a DHIS2 data value CSV file', 'sdmx-csv': 'an SDMX-CSV file',
  'sdmx-json': 'an SDMX-JSON data message', 'sdmx-structure': 'an SDMX structure description',
};

const forms: Record<string, string> = {
  'decimal-comma': 'decimal commas', 'thousands-separator': 'thousands separators', 'percent-sign': '% signs',
  'boolean-word': 'TRUE/FALSE', 'excel-serial': 'Excel serial dates', 'yes-no-word': 'yes/no', 'time-dropped': 'times of day (left out: the column holds days)', 'read-as-utc': 'times read as UTC', 'midnight-utc': 'dates alone read as midnight UTC',
};
const formsOf = (list: string[]): string => formList(list, forms, (said) => `${said} words`, (dates) => `dates written ${dates}`, 'and');
const words: Words = {
  fields: {
    $schema: 'link to the schema', phxVersion: 'PHX version', id: 'identifier', publisher: 'publisher', 'publisher.id': "publisher's identifier",
    'publisher.name': "publisher's name", name: 'name', license: 'licence', publishedAt: 'date and time of publication', description: 'description',
    extensions: 'extensions', organisations: 'organisations', facilities: 'facilities', indicators: 'indicators', observations: 'observations',
    meetings: 'meetings', acronym: 'acronym', organisationType: 'type of organisation', countries: 'countries of work', regions: 'regions',
    focusAreas: 'areas of work', populations: 'populations served', website: 'website', email: 'e-mail address', memberSince: 'member since',
    languages: 'languages', country: 'country', subnationalArea: 'region of the country', facilityType: 'type of facility', capacity: 'capacity',
    population: 'population group', 'facilities.population': 'prison population', 'population.count': 'number of people held',
    'population.date': 'date of the count', operator: 'operator', code: 'indicator code', unit: 'unit', calculation: 'calculation',
    numerator: 'numerator', denominator: 'denominator', disaggregations: 'breakdowns allowed', framework: 'framework', reference: 'reference',
    interventions: 'interventions', frequency: 'reporting frequency', indicator: 'indicator', reportingOrganisation: 'reporting organisation',
    scope: 'scope', facility: 'facility', period: 'period', start: 'start', end: 'end', 'period.start': 'start of the period',
    'period.end': 'end of the period', 'meetings.start': 'start of the meeting', 'meetings.end': 'end of the meeting', disaggregation: 'breakdown',
    sex: 'sex', ageGroup: 'age group', value: 'value', dataSource: 'data source', methodNote: 'note on the method',
    confidenceInterval: 'confidence interval', lower: 'lower bound', upper: 'upper bound', level: 'confidence level', suppressed: 'suppressed',
    notes: 'notes', title: 'title', format: 'format of the meeting', location: 'place', city: 'city', organiser: 'organiser',
    participants: 'participants', organisation: 'organisation', representatives: 'number of representatives', roles: 'roles', agenda: 'agenda',
    presentations: 'presentations', topic: 'topic', achievements: 'achievements', issuesRaised: 'issues raised', issuesIdentified: 'issues identified',
    theme: 'theme', decisions: 'decisions', text: 'text', actionItems: 'action items', owner: 'owner', due: 'due date', status: 'status',
    documents: 'documents', url: 'web address', language: 'language', type: 'type', 'documents.type': 'type of document', count: 'count', date: 'date',
  },
  records: { package: 'package', organisation: 'organisation', facility: 'facility', indicator: 'indicator', observation: 'observation', meeting: 'meeting' },
  forms: {
    date: 'a date written year-month-day, e.g. 2023-01-31',
    'calendar-day': 'a day of the calendar: that month has fewer days',
    'four-digit-year': 'a date with a four-digit year, e.g. 2020-12-31',
    'date-time': 'a date and time with the offset from UTC, e.g. 2020-10-28T13:00:00+01:00',
    url: 'a web address that starts with https://, e.g. https://example.org/report.pdf',
    email: 'an e-mail address, e.g. info@example.org',
    'organisation-id': "an organisation identifier: the register's prefix and the number, joined by hyphens, e.g. {id} (PHX-ORG-0001 without a register)",
    'record-id': 'an identifier of up to 128 Latin letters (A–Z, a–z), digits and . _ : - that starts with a letter or a digit, e.g. {id}',
    code: 'a code of small letters and digits joined by hyphens',
    'indicator-code': 'a code of small letters and digits joined by hyphens, e.g. hiv-prevalence-prisoners',
    country: 'a country code of ISO 3166-1: two capital letters, e.g. UA or ZM',
    'language-tag': 'a language code, e.g. en, ru or pt-BR',
    licence: 'a licence identifier, e.g. CC-BY-4.0, or the web address of the licence',
    'extension-key': 'the web address of an extension, e.g. https://example.org/phx/prison-wings',
    text: 'a text',
  },
  kinds: {
    string: 'a text', number: 'a number, e.g. 12', int: 'a whole number, e.g. 12', boolean: 'true or false', object: 'a group of fields in { }',
    record: 'a group of fields in { }', array: 'a list in [ ]', null: 'null', undefined: 'nothing', nan: 'not a number',
  },
  entry: (index) => `entry ${index}`,
  line: (line) => `line ${line}`,
  row: 'row',
  sheet: 'sheet',
  file: 'file',
  quote: (text) => `"${text}"`,
  spaces: { start: '(it starts with a space)', end: '(it ends with a space)', both: '(it starts and ends with a space)' },
  number: String,
  ...amountsIn('en'),
};

/** The field of a breakdown's dimension, quoted. */
const dimension = (name: string): string => words.quote(words.fields[name as 'sex'] ?? name);

/** In a sheet (see SheetNames): TRUE in its column of the flag, and the hints of a cell its column does not read (see sheetCell()). */
const flagged = (sheet: SheetNames): string => `TRUE in the column ${words.quote(sheet.suppressed ?? 'suppressed')}`;
const sheetHints = {
  small: (sheet: SheetNames, empty: string | undefined): string => `: to suppress a small count, put ${flagged(sheet)} and leave the cell in the column ${words.quote(empty ?? 'value')} empty`,
  digit: (): string => ': 1 and 0 are not read as a flag; write TRUE for 1 and FALSE for 0',
  mark: (): string => ': a mark is not read as a flag; write TRUE where the observation is suppressed, and leave the cell empty where it is not',
  none: (): string => ': where there is no figure, leave the cell empty',
};

/** English messages. */
export const en: PhxLocale = {
  tag: 'en',
  zod: zodEn,
  fields: words.fields,
  suggestion: (values) => `; did you mean ${alternatives(values, 'en', words.quote)}?`,
  named: (value, type, id) => `${words.quote(value)} is the name of the ${words.records[type]} ${words.quote(id)}: write its identifier instead`,
  messages: {
    'file.empty': (p) => (p.blank ? 'The file holds only blank lines or spaces: there is no data in it' : 'The file is empty'),
    'file.unsupported-format': (p) =>
      p.format === 'html'
        ? `The file is ${formats.html}, not an Excel workbook; open it in Excel and save it as an Excel workbook (.xlsx)`
        : p.format === 'encrypted-xlsx'
        ? `The file is ${formats[p.format]}, which PHX cannot open; remove the password (in Excel: File › Info › Protect Workbook › Encrypt with Password, and clear it) and save the workbook again`
        : `The file is ${formats[p.format]}, which PHX does not read; save the data as an Excel workbook (.xlsx), "CSV UTF-8", .phx.json or .phx.ndjson`,
    'file.other-system': (p) =>
      p.format === 'sdmx-json' || p.format === 'sdmx-structure'
        ? `The file is ${otherSystems[p.format]}, not PHX data, and PHX does not read it: phx import --from sdmx-csv reads the SDMX-CSV file (.sdmx.csv) of the data`
        : `The file is ${otherSystems[p.format]}, not PHX data: phx import --from ${p.format} reads it into a PHX package`,
    'file.too-large': (p) => `The file is larger than ${words.size(p.maxBytes)}, too large to be read as one document; split it, or save it as .phx.ndjson, which is read as a stream`,
    'file.too-large-for-memory': (p) =>
      p.format === 'json'
        ? `The file holds about ${words.count(p.values)} values: reading it whole takes about ${words.size(p.neededBytes)} of memory, more than the ${words.size(p.availableBytes)} at hand; split it into smaller packages`
        : p.format === 'csv'
        ? `The CSV file holds about ${words.count(p.cells)} cells: reading it takes about ${words.size(p.neededBytes)} of memory, more than the ${words.size(p.availableBytes)} at hand; split it into files of fewer rows`
        : `The workbook holds ${words.count(p.cells)} cells: reading it takes about ${words.size(p.neededBytes)} of memory, more than the ${words.size(p.availableBytes)} at hand; save each sheet as CSV UTF-8, which is read with far less, or split the workbook`,
    'syntax.invalid-json': (p) => (p.token === null ? 'Not valid JSON: the text ends too early' : `Not valid JSON: unexpected ${JSON.stringify(p.token)}`),
    'syntax.too-deep': (p) => `Nested deeper than ${words.count(p.maxDepth)} levels`,
    'syntax.duplicate-key': (p) =>
      `The key ${words.quote(p.key)} is written again (first on line ${p.firstLine}): only the last is read and what the earlier one holds is lost; join them into one`,
    'syntax.invalid-encoding': (p) =>
      p.encoding === null ? 'The file is not valid UTF-8 text; save it as UTF-8' : `The file is not UTF-8 but ${encodings[p.encoding]} text; save it as UTF-8 (in Excel: "CSV UTF-8") or as an Excel workbook (.xlsx)`,
    'syntax.encoding-mismatch': (p) =>
      `Read as ${encodings[p.encoding]} text, as asked, but the file looks written in ${encodings[p.looksLike]}, where "${p.read}" reads "${p.meant}": read it so, or its names are garbled`,
    'syntax.line-too-long': (p) => `Line longer than ${words.size(p.maxBytes)}; skipped`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'The line has no "type"' : `Unknown record type ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => 'The package header may only be the first line',
    'csv.no-header': (p) =>
      p.type === null
        ? 'The first row is not a header of PHX columns (e.g. id, indicator, period.start), so the record type is unknown; add the header row'
        : `The first row is not a header of ${words.records[p.type]} columns; add the header row`,
    'csv.no-rows': () => 'The file has a header row but no rows of data',
    'csv.unclosed-quote': (p) => `A quote (") opened in column ${p.column} is never closed, so the rest of the file was read into this one cell, from "${p.value}": close the quote or remove it`,
    'csv.text-after-quote': (p) => `The cell in column ${p.column} opens with a quote (") and has text after the quote that closes it (${p.value}), so the cells and rows after it may have been read into this one cell: write a quote inside a cell twice ("") or remove the quotes`,
    'schema.invalid-type': (p) => {
      const found = typeof p.value === 'string' ? `the text "${p.value}"` : p.value === undefined || p.value === null ? (words.kinds[p.received ?? ''] ?? 'something else') : shown(words, p);
      const unquote = typeof p.value === 'string' && (p.expected === 'number' || p.expected === 'int') && p.value.trim() !== '' && !Number.isNaN(Number(p.value)) ? ': write it without quotes' : '';
      const cell = sheetCell(p);
      if (cell) return `The column ${words.quote(cell.sheet.column ?? '')} should be ${p.expected === 'boolean' ? 'TRUE or FALSE (or yes/no)' : (words.kinds[p.expected ?? ''] ?? 'something else')}, not ${found}${cell.hint ? sheetHints[cell.hint](cell.sheet, cell.empty) : ''}`;
      return `${subject(words, p, 'the value')} should be ${words.kinds[p.expected ?? ''] ?? 'something else'}, not ${found}${unquote}`;
    },
    'schema.required': (p) =>
      p.column === undefined && p.sheet?.column !== undefined
        ? `Empty cell in the required column ${words.quote(p.sheet.column)}: ${p.sheet.merged === undefined ? 'fill it in' : `it is in the merged cells ${p.sheet.merged}, and a merge keeps its value in its first cell, ${p.sheet.merged.split(':')[0]}, alone. Unmerge the cells and fill in each one`}`
        : p.column === undefined ? `${subject(words, p, 'a field')} ("${keyOf(p.field)}") is missing` : `The header row has no column ${words.quote(p.column)} (${fieldNamed(words, p, 'a field')}): add the column`,
    'schema.unknown-field': (p) => `"${p.keys[0]}" is not a field of PHX here: check its spelling, or put data of your own under "extensions"${p.hidden ? '. The column is hidden in Excel: to see it, select the columns on either side and choose Unhide' : ''}`,
    'schema.invalid-value': (p) => {
      const allowed = (p.values ?? []).map(String);
      if (allowed.length === 1) return `${subject(words, p, 'the value')} must be "${allowed[0]}", not ${shown(words, p)}`;
      if (p.form) return `${subject(words, p, 'the value')}: ${shown(words, p)} is not ${formAsked(words, p)}`;
      const list = allowed.length > 0 && allowed.length <= 8 ? `: ${alternatives(allowed, 'en', words.quote)}` : '';
      return `${subject(words, p, 'the value')}: ${shown(words, p)} is not one of the codes allowed here${list}`;
    },
    'schema.invalid-format': (p) =>
      p.value === ''
        ? `${subject(words, p, 'the text')} is empty`
        : p.form === 'text'
          ? `${subject(words, p, 'the text')} holds only spaces`
          : p.fullYears
            ? `${subject(words, p, 'the value')}: ${shown(words, p)} has a two-digit year: write the year in full, ${p.fullYears[0]} or ${p.fullYears[1]}, whichever is meant`
            : p.lacks
              ? `${subject(words, p, 'the value')}: ${shown(words, p)} ${p.lacks === 'offset' ? 'has no offset from UTC: add the offset' : 'is a date alone: add the time and the offset from UTC'} of the place at that date, or Z for a time in UTC, e.g. ${completedDateTime(p)}`
              : `${subject(words, p, 'the value')}: ${shown(words, p)} is not ${p.form ? formAsked(words, p) : 'written in the form this field takes'}`,
    'schema.too-small': (p) => {
      const min = p.minimum ?? 1;
      if (p.origin === 'string') return `${subject(words, p, 'the text')} is empty`;
      if (p.origin === 'array') return `${subject(words, p, 'the list')} needs at least ${words.count(min)} ${min === 1 ? 'entry' : 'entries'}`;
      if (p.origin === 'object') return `${subject(words, p, 'the text')} needs a text in at least one language, e.g. {"en": "…"}`;
      return `${subject(words, p, 'the value')} must be ${p.inclusive === false ? 'more than' : 'at least'} ${words.number(min)}, not ${shown(words, p)}`;
    },
    'schema.too-big': (p) => {
      const max = p.maximum ?? 0;
      if (p.origin === 'string') return `${subject(words, p, 'the text')} is longer than ${words.count(max)} characters: shorten it`;
      if (p.origin === 'array') return `${subject(words, p, 'the list')} has more than ${words.count(max)} entries`;
      return `${subject(words, p, 'the value')} must be ${p.inclusive === false ? 'less than' : 'at most'} ${words.number(max)}, not ${shown(words, p)}`;
    },
    'schema.invalid-key': (p) => `${subject(words, p, 'the key')}: ${shown(words, p)} is not ${p.form ? formAsked(words, p) : 'a key this field takes'}`,
    'schema.invalid-union': (p) =>
      `${subject(words, p, 'the value')}: ${shown(words, p)} is not ${p.form ? formAsked(words, p) : 'in any of the forms this field takes'}`,
    'unique.duplicate-id': (p) => `A second ${words.records[p.recordType]} with the identifier "${p.id}" (the first is at ${placeOf(words, p.first)})`,
    'unique.duplicate-breakdown': (p) =>
      `A second observation of ${categories(words, p.categories) || 'the total'} for the same indicator, scope, period and data source (the first is at ${placeOf(words, p.first)})`,
    'ref.unknown-organisation': (p) => `No organisation with the identifier "${p.id}" in the package${p.isPublisher ? ': the publisher of the package must be among its organisations as well' : ''}`,
    'ref.unknown-facility': (p) => `No facility with the identifier "${p.id}" in the package`,
    'ref.unknown-indicator': (p) => `Indicator "${p.code}" is neither in the catalogue nor defined in the package`,
    'ref.country-mismatch': (p) => `Facility "${p.facility}" is in ${p.facilityCountry}, but the observation says ${p.country}`,
    'indicator.unit-mismatch': (p) => `Unit "${p.unit}" does not match the unit of "${p.indicator}" ("${p.expected}")`,
    'observation.value-missing': (p) => (p.sheet ? `No value: fill in the column ${words.quote(p.sheet.value ?? 'value')}, or put ${flagged(p.sheet)}` : 'No value: give "value", or mark the observation "suppressed"'),
    'observation.denominator-missing': (p) => `Indicator "${p.indicator}" needs a denominator beside the numerator`,
    'arith.numerator-exceeds-denominator': (p) => `Numerator ${words.number(p.numerator)} is larger than denominator ${words.number(p.denominator)}`,
    'arith.zero-denominator': () => 'The denominator is 0',
    'arith.value-mismatch': (p) => `Value ${words.number(p.value)} does not agree with numerator and denominator (expected ${words.number(p.expected)})`,
    'arith.percent-out-of-range': (p) => `Percentage ${words.number(p.value)} is outside 0–100`,
    'arith.count-not-integer': (p) =>
      `${capitalised(words.fields[p.field])} ${words.number(p.value)} is not a whole number: ${p.field === 'value' ? 'this indicator is a count, so write the number counted; a share or an average is another indicator' : 'write the whole number counted; a share or a rate goes in the value'}`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `The confidence interval ${words.number(p.lower)}–${words.number(p.upper)} is reversed` : `Value ${words.number(p.value)} is outside its confidence interval ${words.number(p.lower)}–${words.number(p.upper)}`,
    'arith.confidence-level-fraction': (p) => `Confidence level ${words.number(p.level)}: the level is in percent, so this is a ${words.number(p.level)} % interval; for a ${words.number(p.percent)} % one, write ${words.number(p.percent)}`,
    'period.start-after-end': (p) => `The period starts (${p.start}) after it ends (${p.end})`,
    'period.in-future': (p) => `The period ends in the future (${p.end}; today is ${p.today})`,
    'meeting.end-before-start': (p) => `The meeting ends (${p.end}) before it starts (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Action due ${p.due}, before the meeting (${p.meetingStart})`,
    'disagg.not-allowed': (p) =>
      p.allowed.length === 0
        ? `Indicator "${p.indicator}" is not broken down: leave ${dimension(p.dimension)} empty and give the figure for everyone`
        : `Indicator "${p.indicator}" cannot be broken down by ${dimension(p.dimension)}, only by ${listed(p.allowed.map(dimension), 'and')}: leave ${dimension(p.dimension)} empty`,
    'disagg.exceeds-total': (p) =>
      `${p.field === 'denominator' ? 'Denominators' : 'Numerators'} by ${words.fields[p.dimension as 'sex'] ?? p.dimension} add up to ${words.number(p.sum)}, more than the total ${words.number(p.total)}`,
    'disagg.below-total': (p) =>
      `${p.field === 'denominator' ? 'Denominators' : 'Numerators'} by ${words.fields[p.dimension as 'sex'] ?? p.dimension} add up to ${words.number(p.sum)}, less than the total ${words.number(p.total)}: is a category missing?`,
    'package.placeholder': (p) => `"${p.value}" is a placeholder of the starter package: replace it with your own`,
    'package.unknown-licence': (p) => `Licence "${p.value}" is not an SPDX identifier PHX knows of a licence for data, such as CC-BY-4.0, CC0-1.0 or ODbL-1.0: check it at https://spdx.org/licenses/, or give the licence's web address`,
    'privacy.small-cell': (p) =>
      p.count !== undefined
        ? `Value ${words.number(p.value)} of denominator ${words.number(p.denominator)} gives a count of ${words.number(p.count)}, below the suppression threshold ${words.number(p.threshold)}: ${p.sheet ? `put ${flagged(p.sheet)} and leave this cell empty` : 'mark the observation "suppressed" and leave the value out'}`
        : `${capitalised(words.fields[p.field])} ${words.number(p.value)} is below the suppression threshold ${words.number(p.threshold)}: ${p.sheet ? p.field === 'numerator' ? `put ${flagged(p.sheet)} and leave this cell and the one in the column ${words.quote(p.sheet.value ?? 'value')} empty` : `put ${flagged(p.sheet)} and leave this cell empty` : p.field === 'numerator' ? 'mark the observation "suppressed" and leave out the numerator and the value' : 'mark the observation "suppressed" and leave the number out'}`,
    'privacy.suppressed-value-present': (p) =>
      p.sheet
        ? `The row has ${flagged(p.sheet)}, but its cell in the column ${words.quote(p.sheet.column ?? p.field)} is filled in: leave the cell empty, so that the suppressed figure does not travel with the data`
        : `The observation is suppressed, but its ${words.fields[p.field]} is still given: leave "${p.field}" out, so that the suppressed figure does not travel with the data`,
    'privacy.complementary-disclosure': (p) =>
      `This suppressed number can be worked out from the numbers shown (${figures(words, p.figures, 'the total')}), which add up by ${p.dimension.split(', ').map((name) => words.fields[name as 'sex'] ?? name).join(' and ')}${p.denominators ? `, as no number is below 0 or above its denominator (${figures(words, p.denominators, 'the total')})` : ''}: suppress one of them too`,
    'privacy.personal-data': (p) => `This text looks like it contains ${kinds[p.kind]}; do not share personal data`,
    'text.nul-character': (p) => `The text holds the invisible character U+0000 (NUL) as its character ${words.count(p.position)}: no PHX data may hold it, as databases and Excel cannot keep it. Delete it`,
    'sheet.unreadable': () => 'The file is not an Excel workbook (.xlsx) that can be read; save it again as .xlsx',
    'sheet.unknown-sheet': (p) => `Sheet "${p.sheet}" holds no PHX records: its columns name no fields of a record type; name it after its records or remove it`,
    'sheet.date-order-unknown': (p) => `Column ${columnSeen(words, p.column, p)}: dates like ${p.example} read day first or month first, and no cell tells which; say the date order (day-month or month-day), or write the dates year-month-day, e.g. 2020-04-01`,
    'sheet.cell-beyond-header': (p) => `Cell "${p.value}" in column ${p.letter ?? words.number(p.column)} has no heading: give the column a PHX heading or remove the cell`,
    'sheet.column-path-missing': (p) =>
      `Row ${p.row} has no field path for column ${columnSeen(words, p.column, p)}, so it is read as ${words.quote(p.column)}, the field its heading names: type ${words.quote(p.column)} in ${p.letter ? `cell ${p.letter}${p.row}` : `row ${p.row} of the column`}, or copy row ${p.row} from a new template`,
    'sheet.column-not-read': (p) =>
      `Column ${columnSeen(words, p.column, p)} is not a field of PHX, so its cells are not read into the data: ${p.notes ? `to keep them, move them to column ${columnSeen(words, p.notes.column, p.notes)}; else delete the column` : 'these records have no field for them; delete the column, or keep them in a file of your own'}${p.hidden ? '. The column is hidden in Excel: to see it, select the columns on either side and choose Unhide' : ''}`,
    'sheet.repeated-column': (p) => `Column ${columnSeen(words, p.column, p)} repeats column ${p.firstLetter ?? words.number(p.first)}: a field has one column, so this one is not read; remove it or give it another name`,
    'sheet.merged-header': (p) =>
      `Header cell ${p.cell} (${words.quote(p.value)}) is merged over columns ${p.first}–${p.last}, so only column ${p.first} is read: each column needs its own heading. Unmerge the cells and give each column its own field path or heading${p.missing.length > 0 ? `; the header row lacks ${p.missing.map(words.quote).join(', ')}` : ''}`,
    'sheet.formula-without-result': (p) => `The cell holds the formula "${p.formula}" but not its result: a program that does not calculate formulas saved the file. Open it in Excel and save it again, or type the value`,
    'sheet.second-header': (p) => `The package header is the first row of values of the sheet "${p.sheet}": this row is a second one and is not read; move its values to that row or delete it`,
    'sheet.error-cell': (p) => `The cell holds the Excel error ${p.value} rather than a value: correct the formula that gives it, or type the value`,
    'sheet.date-for-number': (p) => {
      const { typed, withComma } = typedAsDate(p.date);
      // A date of a CSV file, as the text Excel showed (`07.тра`); else the date of a workbook's cell.
      const shown = p.text ?? p.date;
      return `A date (${shown}) where a number is expected: where dates are written day.month, Excel turns a number typed with a point into a date (${typed} into ${shown}). Format the cell as Number and type the number again, with a decimal comma if your Excel uses one (${withComma})`;
    },
    'sheet.percent-unit-mismatch': (p) =>
      `The cell shows ${percentShown(words, p.value)}, a percent, but ${p.unit === null ? 'the row gives no unit' : `the row's unit is ${words.quote(p.unit)}`}: if the value is a percent, set the unit to ${words.quote('percent')}; else write it without the % sign`,
    'sheet.hidden-skipped': (p) => `Sheet "${p.sheet}" is hidden, so it was not read: nothing on it is in the package. If its records belong there, unhide the sheet in Excel (a very hidden one from the Visual Basic editor) and save the file; else delete the sheet`,
    'sheet.hidden-read': (p) => {
      const { list, one } = hiddenOf(words, p, ['row', 'rows'], ['column', 'columns'], 'and', (n) => `and ${words.count(n)} more`);
      const [is, was, them] = one ? ['is', 'was', 'it'] : ['are', 'were', 'them'];
      return `On sheet "${p.sheet}", ${list} ${is} hidden in Excel but ${was} read all the same, as Excel writes ${them} to a CSV file too. To leave ${them} out of the package, delete ${them}, or move ${them} to another sheet and hide that sheet: a hidden sheet is not read`;
    },
    'sheet.normalised': (p) => `Column ${columnSeen(words, p.column, p)}: ${words.count(p.cells)} ${p.cells === 1 ? 'cell' : 'cells'} read allowing for these forms: ${formsOf(p.forms)}`,
    'sheet.ambiguous-thousands': (p) => {
      const more = p.cells > 1 ? ` (and ${words.count(p.cells - 1)} more ${p.cells === 2 ? 'cell' : 'cells'} like it)` : '';
      return `Column ${columnSeen(words, p.column, p)}: ${p.text}${more} was read as ${words.number(p.value)}, the point taken for a thousands separator, as Spanish Excel writes it. If the point is a decimal mark here, type ${p.text.replace('.', ',')}; if the number is ${words.number(p.value)}, type it without the point: ${p.text.replace('.', '')}`;
    },
    'codelist.unknown-code': (p) => `"${p.value}" is not a known code for the field ${words.quote(words.fields[fieldOfList[p.codelist] ?? 'focusAreas'])}`,
  },
};
