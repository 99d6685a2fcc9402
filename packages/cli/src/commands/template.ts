import { assemblePackage, packageHeaderOf, recordsOf, xlsxTemplate, type Locale } from '@phx/schema';
import { encodingHelp, encodingOf, parse, sheetLocaleOf } from '../args.js';
import { exitCodes, InvalidInputError, UsageError } from '../errors.js';
import { checkOutputs, readAll, requireFormat, resolveInputs, writeWhole } from '../io/files.js';
import { renderHuman } from '../report/human.js';
import { inputReport } from '../report/types.js';
import { reportWords } from '../report/words.js';
import type { Context } from './context.js';

export const templateHelp = `Usage: phx template -o <file.xlsx> [options]

Writes an empty Excel workbook to fill in: a Package sheet for the header (publisher, licence...),
a facilities sheet and an observations sheet with a column for every field, headings in the
language over the field paths, and drop-down lists of indicators, units, sexes, age groups,
countries and the other codelists — and of your facilities when given. The workbook holds the
facilities given, and the organisations, facilities and indicator definitions of the --header
package, on their sheets, so that the filled workbook is a whole package: \`phx validate\` checks
it and \`phx convert\` turns it into .phx.json, with no other file.

Options:
  -o, --out <file.xlsx>         the workbook to write (required)
  --locale <en|ru|uk|fr|es>     language of the headings and labels (default: from LANG, else en)
  --facilities <file>           offer these facilities in the drop-downs and write them on the
                                facilities sheet (.phx.json, .phx.ndjson, .csv or .xlsx holding
                                facilities)
  --header <file>               fill in the Package sheet from this package's header, and write its
                                organisations, facilities and indicator definitions on their sheets
${encodingHelp}
  --force                       overwrite the output if it exists
  -h, --help                    show this help

Exit codes: 0 written, 1 a given file cannot be read, 2 usage or I/O error.`;

/** The package a file given to the template holds, or undefined after printing why it cannot be read. */
async function readGiven(path: string, reading: { locale: Locale; encoding: string | undefined }, context: Context): Promise<Record<string, unknown> | undefined> {
  const [input] = await resolveInputs([path], undefined);
  const { readable, pkg, files } = await assemblePackage([{ name: input!.name, bytes: await readAll(input!) }], { ...reading, header: 'optional' });
  if (readable) return pkg;
  context.print(renderHuman({ files: files.map(inputReport), quiet: false, locale: reading.locale, readsEncodings: true }, context.color));
  return undefined;
}

/** `phx template`: writes an empty workbook ready to fill in. */
export async function runTemplate(argv: string[], context: Context): Promise<number> {
  const { values } = parse('template', argv, {
    out: { type: 'string', short: 'o' },
    locale: { type: 'string' },
    facilities: { type: 'string' },
    header: { type: 'string' },
    encoding: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) return context.print(`${templateHelp}\n`);
  const { locale, excelLocale } = sheetLocaleOf(values.locale);
  const reading = { locale, encoding: encodingOf(values.encoding) };
  if (!values.out) throw new UsageError('no-output', { command: 'template', file: '<file.xlsx>' });
  const out = values.out;
  if (requireFormat(out) !== 'xlsx') throw new UsageError('template-not-xlsx', { path: out });
  await checkOutputs([out], [values.facilities, values.header].filter((path) => path !== undefined), values.force === true);
  const facilitiesFrom = values.facilities === undefined ? {} : await readGiven(values.facilities, reading, context);
  const headerFrom = values.header === undefined ? {} : await readGiven(values.header, reading, context);
  if (!facilitiesFrom || !headerFrom) throw new InvalidInputError(reportWords[locale].output.notWritten(out));
  const facilities = recordsOf(facilitiesFrom, 'facility');
  if (values.facilities !== undefined && facilities.length === 0) throw new UsageError('no-facilities', { path: values.facilities });
  if (values.header !== undefined && Object.keys(packageHeaderOf(headerFrom)).length === 0) {
    throw new UsageError('header-missing', { header: values.header });
  }
  const bytes = await xlsxTemplate({ language: excelLocale ?? locale, facilities, header: headerFrom });
  await writeWhole(out, (write) => write(bytes));
  context.note(reportWords[locale].output.templated(out));
  return exitCodes.ok;
}
