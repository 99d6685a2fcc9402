import { exportPackage, exportTargets, targetOfFileName, type ExportFile, type InteropNote } from '@phx/interop';
import { exportFormats } from '@phx/schema';
import { choice, encodingHelp, encodingOf, localeOf, parse, suppressionThresholdHelp, suppressionThresholdOf } from '../args.js';
import { exitCodes, InvalidInputError, UsageError } from '../errors.js';
import { checkOutputs, writeWhole } from '../io/files.js';
import { notesShown, renderNotes } from '../report/notes.js';
import { reportWords } from '../report/words.js';
import type { Context } from './context.js';
import { readJsonFile, readValidPackage } from './read-package.js';

export const exportHelp = `Usage: phx export <package> -o <file> [--to <target>] [options]

Writes a valid PHX package (a .phx.json or .phx.ndjson file, or a filled-in workbook) in the format of
another system. Whatever the target has no place for is listed as a warning, never dropped silently;
a package with errors is not exported. The package's own warnings (a name in a note) are printed on
standard error first, as phx validate prints them.

Targets, and the ending of the files they write:
  fhir        .fhir.json    FHIR R4 transaction Bundle (Organization, Location, Measure, MeasureReport)
  dhis2       .dhis2.json   DHIS2 dataValueSet, for POST /api/dataValueSets
  dhis2-csv   .dhis2.csv    DHIS2 data value CSV
  sdmx-csv    .sdmx.csv     SDMX-CSV 2.0, with its structure description beside it (.sdmx-structure.json)
  sdmx-json   .sdmx.json    SDMX-JSON 2.0 data message

Options:
  -o, --out <file>              the file to write (required); its ending picks the target
                                unless --to does
  --to <target>                 fhir, dhis2, dhis2-csv, sdmx-csv or sdmx-json
  --mapping <file.json>         for dhis2 and dhis2-csv: the data elements, category option combos and
                                organisation units of your DHIS2 (default: the GAM template, with codes)
  --force                       overwrite output files that exist (an input is never overwritten)
  --locale <en|ru|uk|fr|es>     language of the messages (default: from LANG, else en)
${encodingHelp}
${suppressionThresholdHelp}
  -q, --quiet                   print errors only, and the warnings that say why when nothing
                                is written
  -h, --help                    show this help

Exit codes: 0 written, 1 the package (or a file PHX cannot read as one) or the mapping has
errors, or a DHIS2 file would send no value (nothing written), 2 usage or I/O error.`;

/** The name of each file of an export: the data at `out`, the structure description beside it. */
function pathsOf(out: string, files: readonly ExportFile[]): string[] {
  const data = files.find((file) => file.role === 'data')!;
  const base = out.toLowerCase().endsWith(data.extension) ? out.slice(0, -data.extension.length) : out.replace(/\.[^./\\]*$/, '');
  return files.map((file) => (file.role === 'data' ? out : `${base}${file.extension}`));
}

/** `phx export`: a package to FHIR, DHIS2 or SDMX. */
export async function runExport(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('export', argv, {
    out: { type: 'string', short: 'o' },
    to: { type: 'string' },
    mapping: { type: 'string' },
    force: { type: 'boolean' },
    locale: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    encoding: { type: 'string' },
    'suppression-threshold': { type: 'string' },
  });
  if (values.help) return context.print(`${exportHelp}\n`);
  const locale = localeOf(values.locale);
  const encoding = encodingOf(values.encoding) ?? null;
  const suppressionThreshold = suppressionThresholdOf(values['suppression-threshold']);
  if (positionals.length !== 1) throw new UsageError('one-package', { command: 'export' });
  if (!values.out) throw new UsageError('no-output', { command: 'export', file: '<file>' });
  const [source] = positionals as [string];
  const out = values.out;
  const named = targetOfFileName(out);
  const target = values.to === undefined ? named : choice('to', values.to, exportTargets, 'fhir');
  if (!target) throw new UsageError('no-target', { path: out, targets: exportTargets });
  if (named && named !== target) throw new UsageError('target-mismatch', { path: out, named, target, extension: exportFormats[target].extension });
  if (values.mapping !== undefined && !target.startsWith('dhis2')) throw new UsageError('mapping-not-dhis2-target', { target });
  const inputs = [source, ...(values.mapping === undefined ? [] : [values.mapping])];
  await checkOutputs([out], inputs, values.force === true);
  // A name of another kind of file (JSON written as .csv, a package's .phx.json) would be opened as that kind.
  const kind = /\.phx\.(json|ndjson)$/i.test(out) ? 'PHX package' : /\.(json|csv)$/i.exec(out)?.[1]?.toLowerCase();
  const extension = exportFormats[target].extension;
  if (!named && kind !== undefined && !extension.endsWith(`.${kind}`)) {
    throw new UsageError('extension-mismatch', { path: out, kind: kind === 'PHX package' ? kind : kind.toUpperCase(), target, writes: extension.endsWith('.csv') ? 'CSV' : 'JSON', extension });
  };

  const mapping = values.mapping === undefined ? undefined : await readJsonFile(values.mapping, locale);
  const output = reportWords[locale].output;
  const { pkg, warnings: packageWarnings } = await readValidPackage(source, 'export', output.notWritten(out), { locale, quiet: values.quiet === true, encoding, suppressionThreshold }, context);
  const { files, notes } = exportPackage(pkg, target, mapping === undefined ? {} : { mapping });
  const fileOf = (note: InteropNote) => (note.code.startsWith('dhis2.mapping-') ? (values.mapping ?? source) : source);
  for (const line of renderNotes(notesShown(notes, values.quiet === true, files.length > 0), fileOf, locale)) context.note(line);
  if (files.length === 0) throw new InvalidInputError(output.notWritten(out));

  const paths = pathsOf(out, files);
  await checkOutputs(paths.slice(1), inputs, values.force === true);
  for (const [index, file] of files.entries()) await writeWhole(paths[index]!, (write) => write(file.content));
  // Every warning printed above: the package's own, then the export's.
  const warnings = packageWarnings + notes.filter((note) => note.severity === 'warning').length;
  if (!values.quiet) context.note(output.wrote(paths, warnings));
  return exitCodes.ok;
}
