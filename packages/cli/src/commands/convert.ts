import {
  PackageBuilder, readCsv, readNdjson, recordTypeNames, recordsOf, toNdjsonLines, validate, writeCsv, type Locale, type RecordType,
  type ValidationIssue,
} from '@phx/schema';
import { choice, localeOf, parse, recordType } from '../args.js';
import { exitCodes, InvalidInputError } from '../errors.js';
import { headerProblem } from '../io/csv-header.js';
import { decodeUtf8, readAll, requireFormat, resolveInputs, streamOf, writeWhole, type Input } from '../io/files.js';
import { renderHuman } from '../report/human.js';
import type { Context } from './context.js';

export const convertHelp = `Usage: phx convert <input> -o <output> [options]

Converts between .phx.json, .phx.ndjson and .csv, losslessly for v1 data: converting back gives
the same records. A CSV holds one record type, with columns named by the flattened path of each
field (id, period.start, disaggregation.sex, name.en, countries.0).
CSV input may have a byte order mark, ; separators with decimal commas, Excel serial dates and
blank rows. Unknown, repeated or missing columns are reported together, and nothing is written.

Options:
  -o, --out <file>              the file to write; its extension picks the format (required)
  --type <record type>          the record type to write to CSV, or to read from CSV
                                (default: the only type in the input / told from the header)
  --header <file.phx.json>      take the package header (publisher, licence...) from this file
                                when writing .phx.json from CSV
  --delimiter <, ; tab |>       CSV separator to write (default ,) or to read (default: detected)
  --bom                         start a written CSV with a byte order mark (for Excel)
  --locale <en|ru|uk|fr|es>     language of the messages (default: from LANG, else en)
  -h, --help                    show this help

Exit codes: 0 converted, 1 the input cannot be converted as it is, 2 usage or I/O error.`;

type Records = { pkg: Record<string, unknown> };

const delimiters: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };

/** The input has problems that a conversion would lose or carry over; they are printed, nothing is written. */
class ConversionFailed extends Error {
  constructor(
    readonly file: string,
    readonly issues: ValidationIssue[],
  ) {
    super(`${file} cannot be converted`);
  }
}

async function readJson(input: Input, locale: Locale): Promise<Records> {
  const bytes = await readAll(input);
  if (bytes.length === 0) throw new InvalidInputError(`${input.name}: the file is empty`);
  const text = decodeUtf8(bytes, input);
  if (text === undefined) throw new InvalidInputError(`${input.name}: the file is not valid UTF-8 text; save it as UTF-8`);
  const syntax = validate(text, { locale }).issues.filter((issue) => issue.code.startsWith('syntax.'));
  if (syntax.length > 0) throw new ConversionFailed(input.name, syntax);
  const value = JSON.parse(text) as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidInputError(`${input.name}: not a data package (a JSON object)`);
  }
  return { pkg: value as Record<string, unknown> };
}

async function readNdjsonInput(input: Input, locale: Locale): Promise<Records> {
  const builder = new PackageBuilder();
  const issues: ValidationIssue[] = [];
  let lines = 0;
  for await (const entry of readNdjson(streamOf(input, () => undefined), { locale })) {
    lines++;
    if ('issue' in entry) issues.push(entry.issue);
    else builder.add(entry.type, entry.record);
  }
  if (lines === 0) throw new InvalidInputError(`${input.name}: the file is empty`);
  if (issues.length > 0) throw new ConversionFailed(input.name, issues);
  return { pkg: builder.build() };
}

async function readCsvInput(input: Input, type: RecordType | undefined, delimiter: string | undefined, locale: Locale): Promise<Records & { type: RecordType }> {
  const bytes = await readAll(input);
  if (bytes.length === 0) throw new InvalidInputError(`${input.name}: the file is empty`);
  const table = readCsv(bytes, { type, locale, ...(delimiter ? { delimiter } : {}) });
  const problem = headerProblem(table);
  if (problem || !table.type) throw new InvalidInputError(`${input.name}: ${problem}`);
  if (table.issues.length > 0) throw new ConversionFailed(input.name, table.issues);
  const builder = new PackageBuilder();
  for (const record of table.records) builder.add(table.type, record);
  return { pkg: builder.build(), type: table.type };
}

/** The one record type of a package to write as CSV: `--type`, or the only type it holds. */
function csvTypeOf(pkg: Record<string, unknown>, type: RecordType | undefined, name: string): RecordType {
  if (type) return type;
  const present = recordTypeNames.filter((candidate) => recordsOf(pkg, candidate).length > 0);
  if (present.length === 1) return present[0]!;
  if (present.length === 0) throw new InvalidInputError(`${name}: no records to write as CSV`);
  throw new InvalidInputError(`${name}: holds ${present.join(', ')} records, and a CSV holds one type; pass --type`);
}

/** `phx convert`: reads a file in one format and writes it in another. */
export async function runConvert(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('convert', argv, {
    out: { type: 'string', short: 'o' },
    type: { type: 'string' },
    header: { type: 'string' },
    delimiter: { type: 'string' },
    bom: { type: 'boolean' },
    locale: { type: 'string' },
  });
  if (values.help) return context.print(`${convertHelp}\n`);
  const locale = localeOf(values.locale);
  const type = recordType(values.type);
  const delimiter = values.delimiter === undefined ? undefined : delimiters[choice('delimiter', values.delimiter, Object.keys(delimiters), ',')];
  if (positionals.length !== 1) context.usage('name one input file', 'run `phx convert --help`');
  if (!values.out) context.usage('name the output file with -o <file>', 'run `phx convert --help`');
  const [source] = positionals as [string];
  const out = values.out;
  const from = requireFormat(source);
  const to = requireFormat(out);
  if (from === to && from !== 'csv') context.usage(`${source} and ${out} are both ${from}: nothing to convert`);
  const [input] = await resolveInputs([source], undefined);

  let records: Records & { type?: RecordType };
  try {
    records = from === 'json' ? await readJson(input!, locale) : from === 'ndjson' ? await readNdjsonInput(input!, locale) : await readCsvInput(input!, type, delimiter, locale);
    if (to === 'json' && from === 'csv' && values.header) {
      const [headerInput] = await resolveInputs([values.header], undefined);
      records.pkg = { ...headerOf((await readJson(headerInput!, locale)).pkg), ...records.pkg };
    }
  } catch (error) {
    if (!(error instanceof ConversionFailed)) throw error;
    const file = { file: error.file, format: from, ok: false, records: 0, errors: error.issues.length, warnings: 0, truncated: false, issues: error.issues };
    context.print(renderHuman({ files: [file], quiet: false }, context.color));
    context.note(`${out} was not written`);
    return exitCodes.invalid;
  }
  const pkg = records.pkg;
  if (to === 'json' && from === 'csv' && !values.header) {
    context.note(`${out} has no package header yet: fill in phxVersion, id, publisher, license and publishedAt (see \`phx init\`), or pass --header <file.phx.json>`);
  }

  await writeWhole(out, async (write) => {
    if (to === 'json') await write(`${JSON.stringify(pkg, null, 2)}\n`);
    else if (to === 'ndjson') for (const line of toNdjsonLines(pkg)) await write(`${line}\n`);
    else {
      const csvType = csvTypeOf(pkg, type ?? records.type, source);
      await write(writeCsv(csvType, recordsOf(pkg, csvType), { delimiter: delimiter ?? ',', bom: values.bom === true }));
    }
  });
  return exitCodes.ok;
}

/** The header fields of a package: everything but its record arrays. */
function headerOf(pkg: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(pkg).filter(([, value]) => !Array.isArray(value)));
}
