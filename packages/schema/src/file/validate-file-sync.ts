/**
 * {@link validateFile} and {@link readRecords}: the file pipeline with the parts imported as usual — the describer
 * (zod, the model), the JSON places (jsonc-parser) and every language. Apart from ./validate-file.ts, whose
 * {@link validateFileAsync} loads those parts on demand: a bundler keeps a module whole, so with these in it a
 * program that bundles both (the `phx` command: `phx validate` and `phx check` on demand, `phx convert` not) would
 * load every part with the module, before its first file.
 */
import { readNdjson } from '../formats/convert.js';
import { PackageBuilder } from '../formats/package-records.js';
import type { ChunkSource } from '../formats/lines.js';
import { locales } from '../locales/index.js';
import type { DataPackage } from '../model/package.js';
import { recordStores } from '../model/record-kinds.js';
import type { ReadSummary, ValidationResult } from '../validate/issue.js';
import { importedParts } from '../validate/imported.js';
import { readJsonPackage, validate, validateNdjson } from '../validate/sync.js';
import { IssueCollector, noRecords } from '../validate/validate.js';
import type { FileFormat } from './format.js';
import { runFile, validators, wholeDocument, withinMemory, type FileChecks, type FileValidationResult, type FormatStep, type StepOptions, type ValidateFileOptions } from './validate-file.js';

const imported: FileChecks = {
  parts: importedParts,
  document: validate,
  ndjson: validateNdjson,
  csv: async (input, options) => (await import('../formats/csv.js')).validateCsv(input, options),
};

/** The records of a CSV table as the package array of their type, with the problems of the table. */
async function csvRecords(bytes: Uint8Array, options: StepOptions): Promise<ValidationResult<Partial<DataPackage>>> {
  const { readCsv } = await import('../formats/csv.js');
  const table = readCsv(bytes, options);
  const collector = new IssueCollector(options, locales);
  table.issues.forEach((issue) => collector.keep(issue));
  const read: ReadSummary = { records: noRecords(), rows: table.rows.at(-1) ?? 0, complete: true };
  if (!table.type) return collector.result(read);
  read.records[table.type] = table.records.length;
  return collector.result(read, { [recordStores[table.type].collection]: table.records });
}

/** How PHX reads the records of each format it reads, to convert them. */
const readers: Partial<Record<FileFormat, FormatStep>> = {
  json: (source, options) => wholeDocument(source, options, withinMemory('json', readJsonPackage, importedParts), importedParts),
  csv: (source, options) => wholeDocument(source, options, withinMemory('csv', csvRecords, importedParts), importedParts),
  async xlsx(source, options) {
    const { workbookRecords } = await import('../formats/workbook-reader.js');
    return wholeDocument(source, options, (bytes, settled) => workbookRecords(bytes, settled, locales), importedParts);
  },
  async ndjson(source, options) {
    const collector = new IssueCollector(options, locales);
    const builder = new PackageBuilder();
    const read: ReadSummary & { lines: number } = { records: noRecords(), lines: 0, complete: true };
    for await (const entry of readNdjson(source.chunks(), options)) {
      if ('issue' in entry) {
        collector.keep(entry.issue);
        options.onIssue?.(entry.issue);
        continue;
      }
      read.lines = entry.line;
      if (entry.type !== 'package') read.records[entry.type]++;
      builder.add(entry.type, entry.record);
    }
    if (read.lines === 0 && collector.issues.length === 0) collector.add({ code: 'file.empty', path: [], params: { blank: source.bytes > 0 } });
    return collector.result(read, builder.build());
  },
};

/**
 * Validates a file from its bytes, whatever it holds: the file pipeline that the `phx` command, the
 * browser page and the hub all call, so that they give the same verdict on the same bytes. It tells
 * the format from the content, the declared format and the name; checks the encoding (a byte order
 * mark is dropped; UTF-16, Windows-1251 and other text that is not UTF-8 is reported, named when
 * recognised); reports empty and blank files, CSV files without a PHX header or without rows, and
 * older workbooks, PDFs and archives by name; and validates `.phx.ndjson` (as a stream, in constant memory),
 * `.phx.json` (piece by piece when it can be read again: see `reopen`), CSV as Excel writes it in any locale,
 * and Excel workbooks (.xlsx). Never throws on bad data.
 *
 * @param input - the bytes, or a stream of chunks (a web `ReadableStream`, a Node stream, any async iterable).
 * @example
 * ```ts
 * import { validateFile } from '@phx/schema';
 * const result = await validateFile(file.stream(), { name: file.name, locale: 'fr' });
 * if (!result.ok) for (const issue of result.issues) console.error(issue.location, issue.message);
 * console.log(`${result.format}: ${result.read.records.observation} observations`);
 * ```
 */
export function validateFile(input: Uint8Array | ChunkSource, options: ValidateFileOptions = {}): Promise<FileValidationResult> {
  return runFile(input, options, validators, imported);
}

/**
 * Reads the records of a file without checking them, to convert them: the reading half of
 * {@link validateFile}, which tells the format and checks the encoding the same way. Its issues are
 * only those that stop the reading (an empty file, bad encoding, a line or text that is not JSON, a
 * CSV header that is not PHX's, unknown columns); `data` holds the records, as a package, when there
 * is none.
 *
 * @example
 * ```ts
 * import { readRecords, toNdjsonLines } from '@phx/schema';
 * const { data, issues } = await readRecords(bytes, { name: 'observations.csv' });
 * if (data) for (const line of toNdjsonLines(data)) process.stdout.write(`${line}\n`);
 * ```
 */
export function readRecords(input: Uint8Array | ChunkSource, options: ValidateFileOptions = {}): Promise<FileValidationResult> {
  return runFile(input, options, readers, imported);
}
