import zodEn from 'zod/v4/locales/en.js';
import type { FileFormat } from '../file/format.js';
import { alternatives } from './alternatives.js';
import { categories } from './categories.js';
import type { PhxLocale } from './types.js';

const kinds = { email: 'an e-mail address', phone: 'a phone number', 'date-of-birth': 'a date of birth', name: "a person's name", address: 'a home address', identifier: 'a prisoner, case or document number' } as const;
const encodings = { 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1251': 'Windows-1251 (Cyrillic)', 'windows-1252': 'Windows-1252 (Western European)' } as const;
const formats: Record<FileFormat, string> = {
  json: 'JSON', ndjson: 'NDJSON', csv: 'CSV', xlsx: 'an Excel workbook (.xlsx)', xls: 'an Excel 97–2003 workbook (.xls)', ods: 'an OpenDocument spreadsheet (.ods)',
  docx: 'a Word document (.docx)', pdf: 'a PDF document', zip: 'a zip archive', gzip: 'a gzip archive',
};

const forms: Record<string, string> = {
  'decimal-comma': 'decimal commas', 'thousands-separator': 'thousands separators', 'percent-sign': '% signs',
  'boolean-word': 'TRUE/FALSE words', 'excel-serial': 'Excel serial dates',
};
const formsOf = (list: string[]): string => list.map((form) => forms[form] ?? `dates written ${form}`).join(', ');

/** English messages. */
export const en: PhxLocale = {
  tag: 'en',
  zod: zodEn,
  suggestion: (values) => `; did you mean ${alternatives(values, 'en', (value) => `"${value}"`)}?`,
  messages: {
    'file.empty': (p) => (p.blank ? 'The file holds only blank lines or spaces: there is no data in it' : 'The file is empty'),
    'file.unsupported-format': (p) => `The file is ${formats[p.format]}, which PHX does not read; save the data as "CSV UTF-8", .phx.json or .phx.ndjson`,
    'schema.required': (p) => `Missing required field "${p.field}"`,
    'file.too-large': (p) => `The file is larger than ${p.maxBytes} bytes, too large to be read as one document; split it, or save it as .phx.ndjson, which is read as a stream`,
    'syntax.invalid-json': (p) => (p.token === null ? 'Not valid JSON: the text ends too early' : `Not valid JSON: unexpected ${JSON.stringify(p.token)}`),
    'syntax.too-deep': (p) => `Nested deeper than ${p.maxDepth} levels`,
    'syntax.invalid-encoding': (p) =>
      p.encoding === null ? 'The file is not valid UTF-8 text; save it as UTF-8' : `The file is not UTF-8 but ${encodings[p.encoding]} text; save it as UTF-8 (in Excel: "CSV UTF-8")`,
    'syntax.line-too-long': (p) => `Line longer than ${p.maxBytes} bytes; skipped`,
    'ndjson.unknown-type': (p) => (p.type === null ? 'The line has no "type"' : `Unknown record type ${JSON.stringify(p.type)}`),
    'ndjson.header-not-first': () => 'The package header may only be the first line',
    'csv.no-header': (p) =>
      p.type === null
        ? 'The first row is not a header of PHX columns (e.g. id, indicator, period.start), so the record type is unknown; add the header row'
        : `The first row is not a header of ${p.type} columns; add the header row`,
    'csv.no-rows': () => 'The file has a header row but no rows of data',
    'unique.duplicate-id': (p) => `Duplicate ${p.recordType} id "${p.id}" (first at ${p.first})`,
    'unique.duplicate-breakdown': (p) => `A second observation of ${categories(p.categories) || 'the total'} for the same indicator, scope, period and data source (first at ${p.first})`,
    'ref.unknown-organisation': (p) => `No organisation with id "${p.id}" in the package`,
    'ref.unknown-facility': (p) => `No facility with id "${p.id}" in the package`,
    'ref.unknown-indicator': (p) => `Indicator "${p.code}" is neither in the catalogue nor defined in the package`,
    'ref.country-mismatch': (p) => `Facility "${p.facility}" is in ${p.facilityCountry}, but the observation says ${p.country}`,
    'indicator.unit-mismatch': (p) => `Unit "${p.unit}" does not match the unit of "${p.indicator}" ("${p.expected}")`,
    'observation.value-missing': () => 'No value: give "value", or mark the observation "suppressed"',
    'observation.denominator-missing': (p) => `Indicator "${p.indicator}" needs a denominator beside the numerator`,
    'arith.numerator-exceeds-denominator': (p) => `Numerator ${p.numerator} is larger than denominator ${p.denominator}`,
    'arith.zero-denominator': () => 'The denominator is 0',
    'arith.value-mismatch': (p) => `Value ${p.value} does not agree with numerator and denominator (expected ${p.expected})`,
    'arith.percent-out-of-range': (p) => `Percentage ${p.value} is outside 0–100`,
    'arith.count-not-integer': (p) => `${p.field} ${p.value} is not a whole number`,
    'arith.value-outside-interval': (p) =>
      p.value === null ? `The confidence interval ${p.lower}–${p.upper} is reversed` : `Value ${p.value} is outside its confidence interval ${p.lower}–${p.upper}`,
    'period.start-after-end': (p) => `The period starts (${p.start}) after it ends (${p.end})`,
    'period.in-future': (p) => `The period ends in the future (${p.end}; today is ${p.today})`,
    'meeting.end-before-start': (p) => `The meeting ends (${p.end}) before it starts (${p.start})`,
    'meeting.action-due-before-meeting': (p) => `Action due ${p.due}, before the meeting (${p.meetingStart})`,
    'disagg.not-allowed': (p) => `Indicator "${p.indicator}" cannot be disaggregated by ${p.dimension}`,
    'disagg.exceeds-total': (p) => `${p.field === 'denominator' ? 'Denominators' : 'Numerators'} by ${p.dimension} add up to ${p.sum}, more than the total ${p.total}`,
    'disagg.below-total': (p) => `${p.field === 'denominator' ? 'Denominators' : 'Numerators'} by ${p.dimension} add up to ${p.sum}, less than the total ${p.total}: is a category missing?`,
    'package.placeholder': (p) => `"${p.value}" is a placeholder of the starter package: replace it with your own`,
    'privacy.small-cell': (p) => `${p.field} ${p.value} is below the suppression threshold ${p.threshold}: mark the observation "suppressed" and leave the number out`,
    'privacy.suppressed-value-present': (p) => `The observation is suppressed, but ${p.field} is still given`,
    'privacy.complementary-disclosure': (p) => `This suppressed number can be worked out from the total and the other categories by ${p.dimension}: suppress one more category, or the total`,
    'privacy.personal-data': (p) => `This text looks like it contains ${kinds[p.kind]}; do not share personal data`,
    'sheet.unreadable': () => 'The file is not an Excel workbook (.xlsx) that can be read; save it again as .xlsx',
    'sheet.unknown-sheet': (p) => `Sheet "${p.sheet}" holds no PHX records: its columns name no fields of a record type; name it after its records or remove it`,
    'sheet.date-order-unknown': (p) => `Column "${p.column}": dates like ${p.example} read day first or month first, and no cell tells which; say the date order (day-month or month-day)`,
    'sheet.normalised': (p) => `Column "${p.column}": ${p.cells} cells read from ${formsOf(p.forms)}`,
    'codelist.unknown-code': (p) => `"${p.value}" is not a known code of the ${p.codelist} list`,
  },
};
