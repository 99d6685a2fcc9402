import {
  assemblePackage, formatOfName, recordTypeNames, recordsOf, toNdjsonLines, writeCsv, writeXlsx, type AssembledPackage, type PackageInput, type RecordType,
} from '@phx/schema';
import { choice, dateOrderOf, DEFAULT_MAX_ISSUES, encodingHelp, encodingOf, maxIssuesOf, parse, recordType, sheetLocaleOf, suppressionThresholdHelp, suppressionThresholdOf } from '../args.js';
import { exitCodes, InvalidInputError, UsageError } from '../errors.js';
import { checkOutputs, readAll, readMemory, requireFormat, resolveInputs, writeWhole, type OutputFormat } from '../io/files.js';
import { renderHuman } from '../report/human.js';
import { inputReport, listedAtMost } from '../report/types.js';
import { reportWords } from '../report/words.js';
import type { Context } from './context.js';

export const convertHelp = `Usage: phx convert <inputs...> -o <output> [options]

Builds one package from one or more inputs — .phx.json, .phx.ndjson, .csv sheets (one record type
each) and .xlsx workbooks — checks it as a whole, references across the inputs included, and
writes it as .phx.json, .phx.ndjson, .csv (one record type, checked as phx validate checks one:
its references left to the package it joins) or .xlsx (a whole package). Converting
.phx.json to .xlsx and back gives the same package, an empty list ("meetings": []) kept as a sheet
with no rows (but numbers to the 15 digits Excel keeps); .phx.ndjson keeps all but empty lists, which
have no line. A CSV holds the records of one record type alone — no header, no empty list — with
columns named by the flattened path of each field (id, period.start, disaggregation.sex, name.en,
countries.0).

CSV input may be as Excel writes it in any locale: a byte order mark, ; separators, decimal commas,
thousands separators, % in percent columns, dates as 31.12.2020, 12/31/2020 or Excel serials,
TRUE/FALSE words and blank rows. Problems are reported at their file, row and column (sheet and
cell in a workbook).

Nothing is lost: an input is never overwritten, an existing output only with --force, and a
package that would be invalid is not written (exit 1) unless --allow-invalid.

Options:
  -o, --out <file>              the file to write; its extension picks the format (required)
  --header <file>               take the package header (publisher, licence...) from this package
                                (.phx.json, .phx.ndjson or .xlsx) when no input has one, with its
                                organisations, facilities and indicator definitions (not its
                                observations or meetings), which the inputs may refer to
  --type <record type>          the record type of CSV inputs (default: told from each header),
                                or the one to write to a CSV output (default: the only one)
  --locale <en|ru|uk|fr|es>     language of the messages (default: from LANG, else en); when
                                given, also the locale of Excel: a written CSV gets its separator,
                                decimal mark, date form and byte order mark, a workbook its
                                headings, so that Excel opens numbers as numbers and dates as dates;
                                a read CSV its decimal mark and order of day and month where the
                                cells do not tell
  --date-order <day-month|month-day>  order of dates such as 03/04/2020 in CSV and .xlsx inputs
                                (default: told by the cells, else by --locale)
${encodingHelp}
  --delimiter <, ; tab |>       CSV separator to write (default: the locale's, else ,) or to read
                                (default: detected)
  --bom                         start a written CSV with a byte order mark (default: with --locale)
  --max-issues <N>              list at most N issues of each input (default ${DEFAULT_MAX_ISSUES}), as phx validate
                                does: errors first; the counts cover them all
  --force                       overwrite the output if it exists (an input is never overwritten)
  --allow-invalid               write the package even though it is invalid (still exit 1)
${suppressionThresholdHelp}
  -h, --help                    show this help

Exit codes: 0 written, 1 the inputs cannot be read or the package is invalid, 2 usage or I/O error.`;

const delimiters: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };

/**
 * The one record type of a package to write as CSV: `--type`, or the only type it holds. A CSV of no rows would
 * read back as no list but a sheet saved empty (`csv.no-rows`): an empty list is no CSV to write.
 */
function csvTypeOf(pkg: Record<string, unknown>, type: RecordType | undefined): RecordType {
  if (type && recordsOf(pkg, type).length === 0) throw new InvalidInputError(`no ${type} records to write as CSV`);
  if (type) return type;
  const present = recordTypeNames.filter((candidate) => recordsOf(pkg, candidate).length > 0);
  if (present.length === 1) return present[0]!;
  if (present.length === 0) throw new InvalidInputError('no records to write as CSV');
  throw new UsageError('csv-one-type', { types: present });
}

/** Refuses an option that does nothing for these inputs and this output: an ignored option is a surprise. */
function checkOptions(values: Record<string, unknown>, assembled: AssembledPackage, to: OutputFormat): void {
  const formats = new Set<string>(assembled.files.map((file) => file.format));
  if (values.bom && to !== 'csv') throw new UsageError('only-csv-output', { option: 'bom', to });
  if (values.delimiter !== undefined && to !== 'csv' && !formats.has('csv')) throw new UsageError('only-csv', { option: 'delimiter' });
  if (values['date-order'] !== undefined && !formats.has('csv') && !formats.has('xlsx')) throw new UsageError('only-sheet-inputs', { option: 'date-order' });
  if (values.type !== undefined && to !== 'csv' && !formats.has('csv')) throw new UsageError('only-csv', { option: 'type' });
  if (values.header !== undefined && to === 'csv') throw new UsageError('header-with-csv-output', {});
}

/** Refuses a package header that would be replaced or is missing from the file that should give it. */
function checkHeader(assembled: AssembledPackage, header: string | undefined): void {
  // The header package is read first, so its header is the first one given; the file may be an input as well, by its name.
  const others = assembled.headerFrom.slice(assembled.headerFrom[0] === header ? 1 : 0);
  if (header !== undefined && others.length > 0) throw new UsageError('header-replaced', { file: others[0]!, header });
  if (header !== undefined && !assembled.headerFrom.includes(header)) throw new UsageError('header-missing', { header });
  if (others.length > 1) throw new UsageError('headers-several', { files: others });
}

/** `phx convert`: builds a package from its inputs and writes it in the output's format. */
export async function runConvert(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('convert', argv, {
    out: { type: 'string', short: 'o' },
    type: { type: 'string' },
    header: { type: 'string' },
    delimiter: { type: 'string' },
    bom: { type: 'boolean' },
    locale: { type: 'string' },
    'date-order': { type: 'string' },
    encoding: { type: 'string' },
    force: { type: 'boolean' },
    'allow-invalid': { type: 'boolean' },
    'suppression-threshold': { type: 'string' },
    'max-issues': { type: 'string' },
  });
  if (values.help) return context.print(`${convertHelp}\n`);
  const { locale, excelLocale } = sheetLocaleOf(values.locale);
  const output = reportWords[locale].output;
  const type = recordType(values.type);
  const dateOrder = dateOrderOf(values['date-order']);
  const maxIssues = maxIssuesOf(values['max-issues']);
  const encoding = encodingOf(values.encoding);
  const suppressionThreshold = suppressionThresholdOf(values['suppression-threshold']);
  const delimiter = values.delimiter === undefined ? undefined : delimiters[choice('delimiter', values.delimiter, Object.keys(delimiters), ',')];
  if (positionals.length === 0) throw new UsageError('no-input-file', { command: 'convert' });
  if (!values.out) throw new UsageError('no-output', { command: 'convert', file: '<file>' });
  const out = values.out;
  const to = requireFormat(out);
  if (positionals.length === 1 && formatOfName(positionals[0]!) === to && to !== 'csv') {
    throw new UsageError('nothing-to-convert', { input: positionals[0]!, output: out, format: to });
  };
  const inputs = await resolveInputs(positionals, undefined);
  const [header] = values.header === undefined ? [] : await resolveInputs([values.header], undefined);
  await checkOutputs([out], [...inputs, ...(header ? [header] : [])].flatMap((input) => (input.path === undefined ? [] : [input.path])), values.force === true);

  // The header package first: its records are those the inputs add to, and a record of an input that differs from
  // one of it is reported at the input.
  const sources: PackageInput[] = header ? [{ name: header.name, bytes: await readAll(header), headerPackage: true }] : [];
  for (const input of inputs) sources.push({ name: input.name, bytes: await readAll(input), ...(input.format && { format: input.format }) });
  const assembled = await assemblePackage(sources, {
    locale, type, dateOrder, excelLocale, encoding, suppressionThreshold, maxReadMemory: readMemory(), ...(delimiter && { delimiter }), header: to === 'json' || to === 'xlsx' ? 'required' : 'optional',
    part: to === 'csv',
  });
  checkOptions(values, assembled, to);
  if (assembled.readable) checkHeader(assembled, header?.name);
  // Every input goes to the report, so that its summary counts all the files and records read; a
  // run without issues prints no report.
  if (assembled.files.some((file) => file.issues.length > 0)) context.print(renderHuman({ files: assembled.files.map((file) => listedAtMost(inputReport(file), maxIssues)), quiet: false, locale, readsEncodings: true, readsExcelLocale: true }, context.color));
  if (!assembled.readable) {
    context.note(output.unreadable(out));
    return exitCodes.invalid;
  }
  if (assembled.headerFrom.length === 0 && (to === 'json' || to === 'xlsx')) {
    context.note(output.noHeader);
  }
  if (!assembled.ok && !values['allow-invalid']) {
    context.note(output.wouldBeInvalid(out));
    return exitCodes.invalid;
  }

  const pkg = assembled.pkg;
  const csvType = to === 'csv' ? csvTypeOf(pkg, type) : undefined;
  const workbook = to === 'xlsx' ? await writeXlsx(pkg, { language: excelLocale ?? locale }) : undefined;
  await writeWhole(out, async (write) => {
    if (workbook) await write(workbook);
    else if (to === 'json') await write(`${JSON.stringify(pkg, null, 2)}\n`);
    else if (to === 'ndjson') for (const line of toNdjsonLines(pkg)) await write(`${line}\n`);
    else await write(writeCsv(csvType!, recordsOf(pkg, csvType!), { excelLocale, ...(delimiter && { delimiter }), ...(values.bom && { bom: true }) }));
  });
  if (!assembled.ok) {
    context.note(output.writtenInvalid(out));
    return exitCodes.invalid;
  }
  // As `phx export` says it: the report above ends with the check, not with what was written.
  context.note(output.wrote([out], assembled.files.reduce((sum, file) => sum + file.warnings, 0)));
  // Messages in another language than English say whose Excel the user has; a CSV file for it is asked by --locale.
  if (to === 'csv' && excelLocale === undefined && locale !== 'en' && !delimiter) context.note(output.csvForEnglishExcel);
  return exitCodes.ok;
}
