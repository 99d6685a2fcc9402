import {
  formatOfName, packageHeaderOf, readRecords, recordTypeNames, recordsOf, toNdjsonLines, writeCsv, type DataPackage, type FileFormat, type RecordType, type ValidateFileOptions,
} from '@phx/schema';
import { choice, localeOf, parse, recordType } from '../args.js';
import { exitCodes, InvalidInputError } from '../errors.js';
import { checkOutputs, onInput, requireFormat, resolveInputs, writeWhole, type Input } from '../io/files.js';
import { renderHuman } from '../report/human.js';
import { fileReport, type FileReport } from '../report/types.js';
import type { Context } from './context.js';

export const convertHelp = `Usage: phx convert <input> -o <output> [options]

Converts between .phx.json, .phx.ndjson and .csv, losslessly for v1 data: converting back gives
the same records. A CSV holds one record type, with columns named by the flattened path of each
field (id, period.start, disaggregation.sex, name.en, countries.0).
CSV input may have a byte order mark, ; separators with decimal commas, Excel serial dates and
blank rows. What cannot be read (text that is not JSON, unknown, repeated or missing columns)
is reported together, and nothing is written. An input is never overwritten, an existing output
only with --force.

Options:
  -o, --out <file>              the file to write; its extension picks the format (required)
  --type <record type>          the record type to write to CSV, or to read from CSV
                                (default: the only type in the input / told from the header)
  --header <file.phx.json>      take the package header (publisher, licence...) from this file
                                when writing .phx.json from CSV
  --delimiter <, ; tab |>       CSV separator to write (default ,) or to read (default: detected)
  --bom                         start a written CSV with a byte order mark (for Excel)
  --locale <en|ru|uk|fr|es>     language of the messages (default: from LANG, else en)
  --force                       overwrite the output if it exists (an input is never overwritten)
  -h, --help                    show this help

Exit codes: 0 converted, 1 the input cannot be converted as it is, 2 usage or I/O error.`;

const delimiters: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\t': '\t', '|': '|' };

/** The input has problems that a conversion would lose or carry over; they are printed, nothing is written. */
class ConversionFailed extends Error {
  constructor(readonly report: FileReport) {
    super(`${report.file} cannot be converted`);
  }
}

/** Reads the records of an input; they are printed, and nothing is written, when they cannot all be read. */
async function recordsOfInput(input: Input, options: Omit<ValidateFileOptions, 'name' | 'format'>): Promise<{ pkg: Partial<DataPackage>; format: FileFormat }> {
  const result = await onInput(input, readRecords, options);
  if (!result.data) throw new ConversionFailed(fileReport(input.name, result));
  return { pkg: result.data, format: result.format };
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
    force: { type: 'boolean' },
  });
  if (values.help) return context.print(`${convertHelp}\n`);
  const locale = localeOf(values.locale);
  const type = recordType(values.type);
  const delimiter = values.delimiter === undefined ? undefined : delimiters[choice('delimiter', values.delimiter, Object.keys(delimiters), ',')];
  if (positionals.length !== 1) context.usage('name one input file', 'run `phx convert --help`');
  if (!values.out) context.usage('name the output file with -o <file>', 'run `phx convert --help`');
  const [source] = positionals as [string];
  const out = values.out;
  const to = requireFormat(out);
  if (formatOfName(source) === to && to !== 'csv') context.usage(`${source} and ${out} are both ${to}: nothing to convert`);
  const [input] = await resolveInputs([source], undefined);
  const [headerInput] = values.header === undefined ? [] : await resolveInputs([values.header], undefined);
  await checkOutputs([out], [input, headerInput].flatMap((read) => (read?.path === undefined ? [] : [read.path])), values.force === true);

  let pkg: Partial<DataPackage>;
  try {
    const read = await recordsOfInput(input!, { locale, ...(type && { type }), ...(delimiter && { delimiter }) });
    pkg = read.pkg;
    if (to === 'json' && read.format === 'csv' && headerInput) {
      pkg = { ...packageHeaderOf((await recordsOfInput(headerInput, { locale })).pkg), ...pkg };
    } else if (to === 'json' && read.format === 'csv') {
      context.note(`${out} has no package header yet: fill in phxVersion, id, publisher, license and publishedAt (see \`phx init\`), or pass --header <file.phx.json>`);
    }
  } catch (error) {
    if (!(error instanceof ConversionFailed)) throw error;
    context.print(renderHuman({ files: [error.report], quiet: false }, context.color));
    context.note(`${out} was not written`);
    return exitCodes.invalid;
  }

  await writeWhole(out, async (write) => {
    if (to === 'json') await write(`${JSON.stringify(pkg, null, 2)}\n`);
    else if (to === 'ndjson') for (const line of toNdjsonLines(pkg)) await write(`${line}\n`);
    else {
      const csvType = csvTypeOf(pkg, type, source);
      await write(writeCsv(csvType, recordsOf(pkg, csvType), { delimiter: delimiter ?? ',', bom: values.bom === true }));
    }
  });
  return exitCodes.ok;
}
