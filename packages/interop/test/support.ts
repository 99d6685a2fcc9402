import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataPackage, recordTypes, type RecordType } from '@phx/schema';
import type { FieldMap } from '../src/fields.js';

const root = join(import.meta.dirname, '../../..');

/** The example package of the repository, parsed. */
export function examplePackage(): DataPackage {
  return DataPackage.parse(JSON.parse(readFileSync(join(root, 'examples/data/network-meeting-2020.phx.json'), 'utf8')));
}

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record with only the fields a target carries (dotted fields keep only their carried parts); `false` flags and empty objects dropped. */
export function carriedPart(record: Loose, map: FieldMap, type: RecordType | 'package', drop: readonly string[] = []): Loose {
  const carried = (map[type] ?? []).filter((m) => m.target !== undefined && !drop.includes(m.field)).map((m) => m.field);
  const out: Loose = {};
  for (const field of carried) {
    const path = field.split('.');
    let value: unknown = record;
    for (const part of path) value = isObject(value) ? value[part] : undefined;
    if (value === undefined || value === false) continue;
    let target = out;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Loose;
    target[path.at(-1)!] = value;
  }
  return out;
}

/** The carried part of every record of a type, in a stable order. */
export function carriedRecords(pkg: DataPackage, map: FieldMap, type: RecordType, drop: readonly string[] = []): Loose[] {
  const records = (pkg[recordTypes[type].collection] ?? []) as Loose[];
  return records.map((r) => carriedPart(r, map, type, drop)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/**
 * A piece of a generated CSV file: a line the importers skip (blank, or of blank cells, one of them holding a line
 * break), or a row whose comment may hold line breaks of any kind.
 */
export type CsvPiece = string | { comment: string };

/** Pieces of a CSV file below its header, for property tests of how the importers number rows. */
export const csvPieces = fc.array(
  fc.oneof(
    fc.constantFrom('', ',,,', '  ', ',"\n",', ',"\r\n",', ',"\r",'),
    fc.record({ comment: fc.constantFrom('', 'plain', '"one\nline two"', '"one\r\nline two"', '"one\rline two"', '"a\n\nb\rc"') }),
  ),
  { maxLength: 12 },
);

/**
 * The text of a CSV file made of a header and pieces, each line ended by `eol`, and the line of the file (from 1, as
 * an editor numbers them) where each row starts; `rowOf` writes the i-th row with its comment.
 */
export function csvFile(head: string, pieces: readonly CsvPiece[], eol: string, rowOf: (i: number, comment: string) => string): { text: string; lines: number[] } {
  const texts: string[] = [];
  const lines: number[] = [];
  let line = 1;
  for (const piece of [head, ...pieces]) {
    const text = typeof piece === 'string' ? piece : rowOf(lines.length, piece.comment);
    if (typeof piece !== 'string') lines.push(line);
    texts.push(text);
    line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
  }
  return { text: texts.join(eol) + eol, lines };
}
