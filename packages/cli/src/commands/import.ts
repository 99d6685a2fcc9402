import { PHX_VERSION, readCsv, readText, textDecoding, validate, type Locale } from '@phx/schema';
import { importPackage, importSources, targetOfFileName, type ImportSource, type InteropNote, type PackageHeader } from '@phx/interop';
import { choice, DEFAULT_MAX_ISSUES, encodingHelp, encodingOf, localeOf, parse, suppressionThresholdHelp, suppressionThresholdOf } from '../args.js';
import { exitCodes, InvalidInputError, UsageError } from '../errors.js';
import { checkOutputs, readBeside, requireFormat, resolveInputs, writeWhole } from '../io/files.js';
import { renderHuman } from '../report/human.js';
import { fileReport } from '../report/types.js';
import { notesShown, renderNotes } from '../report/notes.js';
import { reportWords } from '../report/words.js';
import type { Context } from './context.js';
import { noteWarnings, readJsonFile, readValidPackage } from './read-package.js';

export const importHelp = `Usage: phx import <file> -o <package.phx.json> [--from <source>] [options]

Reads data from another system into a PHX package, and checks the package as phx validate does.
What PHX cannot read is listed as a warning.

Sources, and the ending of their files:
  fhir        .fhir.json    FHIR R4 Bundle of Organization, Location, Measure and MeasureReport
  dhis2       .dhis2.json   DHIS2 dataValueSet (JSON)
  dhis2-csv   .dhis2.csv    DHIS2 data value CSV
  sdmx-csv    .sdmx.csv     SDMX-CSV (2.0, or 1.0) in the PHX data structure

DHIS2 and SDMX do not say who publishes the data or under which licence: give them with
--publisher and --license (a FHIR Bundle written by phx export carries both). Nor do they carry
organisations, facilities or indicator definitions: --with takes those the data refers to from a
package of yours, so that the package written passes phx validate.

Options:
  -o, --out <file.phx.json>   the package to write (required)
  --from <source>             fhir, dhis2, dhis2-csv or sdmx-csv (default: told by the input's ending)
  --mapping <file.json>       for dhis2 and dhis2-csv: the mapping the values were exported with
                              (default: the GAM template, with codes)
  --publisher <id>            the organisation publishing the package, e.g. UA-EDR-38214567
  --publisher-name <name>     its name (default: as the source names it, else as the package
                              of --with does, else the id)
  --license <licence>         the licence of the data: an SPDX id such as CC-BY-4.0, or a URL
  --id <id>                   the identifier of the package (default: as the source names it)
  --with <package.phx.json>   a package with the organisations, facilities and indicator
                              definitions the data refers to and the source does not carry
${encodingHelp}
${suppressionThresholdHelp}
  --force                     overwrite the output if it exists (an input is never overwritten)
  --locale <en|ru|uk|fr|es>   language of the messages (default: from LANG, else en)
  -q, --quiet                 print errors only, and the warnings that say why when nothing
                              is written
  -h, --help                  show this help

Exit codes: 0 imported, 1 the input cannot be read or holds no observation PHX can read (nothing
written) or the package written has errors (listed), 2 usage or I/O error.`;

/** The options that give a field of the package header, by the field's path. */
const headerOptions: Record<string, string> = { id: '--id', 'publisher.id': '--publisher', 'publisher.name': '--publisher-name', license: '--license' };

/**
 * The package header the options give, checked as `phx validate` will check the package, before anything is read:
 * a value the format refuses is a usage error naming its option, rather than a package written with an error.
 */
function headerOf(values: { publisher?: string; 'publisher-name'?: string; license?: string; id?: string }, locale: Locale): PackageHeader {
  const name = values['publisher-name'];
  const header: PackageHeader = {
    ...(values.publisher === undefined ? {} : { publisher: { id: values.publisher, ...(name === undefined ? {} : { name }) } }),
    ...(values.license === undefined ? {} : { license: values.license }),
    ...(values.id === undefined ? {} : { id: values.id }),
  };
  // What the options leave out is filled with values the format takes, so that only the options' own are judged.
  const probe = { phxVersion: PHX_VERSION, id: 'imported', license: 'CC-BY-4.0', publishedAt: '2000-01-01T00:00:00Z', ...header, publisher: { id: 'PHX-ORG-0001', name: 'PHX', ...header.publisher } };
  for (const issue of validate(probe, { locale }).issues) {
    const option = headerOptions[issue.path.join('.')];
    if (option !== undefined && issue.severity === 'error') throw new UsageError('option-not-valid', { option, reason: issue.message });
  }
  return header;
}

/** `phx import`: FHIR, DHIS2 or SDMX data to a package. */
export async function runImport(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('import', argv, {
    out: { type: 'string', short: 'o' },
    from: { type: 'string' },
    mapping: { type: 'string' },
    publisher: { type: 'string' },
    'publisher-name': { type: 'string' },
    license: { type: 'string' },
    id: { type: 'string' },
    with: { type: 'string' },
    encoding: { type: 'string' },
    force: { type: 'boolean' },
    locale: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    'suppression-threshold': { type: 'string' },
  });
  if (values.help) return context.print(`${importHelp}\n`);
  const locale: Locale = localeOf(values.locale);
  const encoding = encodingOf(values.encoding);
  const suppressionThreshold = suppressionThresholdOf(values['suppression-threshold']);
  if (positionals.length !== 1) throw new UsageError('one-file-to-import', {});
  if (!values.out) throw new UsageError('no-output', { command: 'import', file: '<file.phx.json>' });
  const [source] = positionals as [string];
  const out = values.out;
  const named = targetOfFileName(source);
  const from: ImportSource | undefined =
    values.from === undefined ? importSources.find((candidate) => candidate === named) : choice('from', values.from, importSources, 'fhir');
  if (!from) throw new UsageError('no-source', { path: source, sources: importSources });
  if (values.mapping !== undefined && !from.startsWith('dhis2')) throw new UsageError('mapping-not-dhis2-source', { source: from });
  if (requireFormat(out) !== 'json') {
    throw new UsageError('import-writes-package', { path: out, suggested: out.replace(/\.[^./\\]*$/, '.phx.json') });
  };
  if (values['publisher-name'] !== undefined && values.publisher === undefined) throw new UsageError('publisher-name-alone', {});
  const header = headerOf(values, locale);
  const inputs = [source, values.mapping, values.with].filter((path) => path !== undefined);
  await checkOutputs([out], inputs, values.force === true);

  const mapping = values.mapping === undefined ? undefined : await readJsonFile(values.mapping, locale);
  const output = reportWords[locale].output;
  const knownRecords = values.with === undefined ? undefined : (await readValidPackage(values.with, 'import', output.notWritten(out), { locale, quiet: values.quiet === true }, context)).pkg;
  const [input] = await resolveInputs([source], 'json');
  // Read as `phx validate` reads a file: in `encoding` unless it starts as UTF-8, and bytes that are not UTF-8 placed
  // as it places them, in a CSV file at their row and column (the CSV reader finds the same first problem, at a cell).
  const text = await readBeside(input!, (bytes) => {
    const utf8 = (encoding && textDecoding(encoding, bytes)?.whole(bytes)) || bytes;
    const read = readText(utf8, { locale });
    return read.data === undefined && from.endsWith('-csv') ? readCsv(utf8, { locale }) : read;
  }, locale);
  const { package: pkg, notes } = importPackage(text, from, { header, ...(mapping === undefined ? {} : { mapping }), ...(knownRecords ? { knownRecords } : {}) });
  const fileOf = (note: InteropNote) => (note.code.startsWith('dhis2.mapping-') ? (values.mapping ?? input!.name) : input!.name);
  const observations = pkg?.observations?.length ?? 0;
  for (const line of renderNotes(notesShown(notes, values.quiet === true, observations > 0), fileOf, locale)) context.note(line);
  if (!pkg) throw new InvalidInputError(output.notWritten(out));
  // A package without observations is no import: what could not be read is listed above.
  if (observations === 0) throw new InvalidInputError(output.nothingImported(input!.name, out));

  const json = `${JSON.stringify(pkg, null, 2)}\n`;
  await writeWhole(out, (write) => write(json));
  const result = validate(json, { locale, maxIssues: DEFAULT_MAX_ISSUES, suppressionThreshold });
  if (!result.ok) {
    context.print(renderHuman({ files: [fileReport(out, { ...result, format: 'json' })], quiet: true, locale }, context.color));
    context.note(output.importedInvalid(out, observations));
    if (result.issues.some((issue) => issue.code === 'ref.unknown-organisation' || issue.code === 'ref.unknown-facility')) {
      context.note(output.takeRecordsWith(from));
    }
    return exitCodes.invalid;
  }
  if (!values.quiet) {
    noteWarnings(fileReport(out, { ...result, format: 'json' }), locale, context);
    context.note(output.imported(out, observations));
  }
  return exitCodes.ok;
}
