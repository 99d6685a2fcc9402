/** The count of a file's records on its bytes, against what JSON.parse and Papa Parse read (the references). */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { countRecords } from '../src/file/count.js';
import { recordTypeNames, recordTypes } from '../src/model/records.js';

const collections = recordTypeNames.map((type) => recordTypes[type].collection);
const encode = (text: string) => new TextEncoder().encode(text);

/** What JSON.parse holds: the items of the root object's collections. */
function reference(text: string): number {
  const value = JSON.parse(text) as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 0;
  return collections.reduce((sum, collection) => {
    const list = (value as Record<string, unknown>)[collection];
    return sum + (Array.isArray(list) ? list.length : 0);
  }, 0);
}

/** A key that is sometimes a collection's name, sometimes written with escapes, sometimes another word. */
const key = fc.oneof(
  fc.constantFrom(...collections),
  fc.constantFrom(...collections).map((name) => ({ escaped: name })),
  fc.string(),
);

const packageText = fc
  .tuple(fc.array(fc.tuple(key, fc.oneof(fc.array(fc.jsonValue({ maxDepth: 3 })), fc.jsonValue({ maxDepth: 3 }))), { maxLength: 8 }), fc.constantFrom('', ' ', '\n\t', '\ufeff'))
  .map(([entries, space]) => {
    const gap = space === '\ufeff' ? '' : space;
    const members = entries.map(([name, value]) => {
      const written = typeof name === 'string' ? JSON.stringify(name) : `"${name.escaped.replace(/s/g, '\\u0073')}"`;
      return `${gap}${written}:${gap}${JSON.stringify(value, null, space === '\n\t' ? 1 : undefined)}`;
    });
    // A byte order mark only leads the text; other white space may also end it.
    return space === '\ufeff' ? `\ufeff{${members.join(',')}}` : `${space}{${members.join(',')}}${space}`;
  });

describe('countRecords', () => {
  it('counts the records JSON.parse finds in the collections of the root object', () => {
    fc.assert(
      fc.property(packageText, (text) => {
        expect(countRecords(encode(text), { format: 'json' })).toBe(reference(text.replace(/^\ufeff/, '')));
      }),
      { numRuns: 500 },
    );
  });

  it('finds no records in text that is not an object: arrays, CSV, a record per line', () => {
    for (const text of ['[{"observations":[{}]}]', 'id,indicator\n{"observations":[{}]}', '{"id":"obs-1"}\n{"observations":[{},{}]}', '']) {
      expect(countRecords(encode(text), { format: 'json' })).toBe(0);
    }
  });

  it('counts the lines of NDJSON that hold a record, the package header and blank lines not among them', () => {
    const line = fc.oneof(fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify({ type: 'observation', value })), fc.constantFrom('', '  ', '\r'));
    fc.assert(
      fc.property(fc.boolean(), fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (header, lines, newline) => {
        const text = [...(header ? ['{"type":"package","id":"p"}'] : []), ...lines].join(newline);
        expect(countRecords(encode(text), { name: 'records.phx.ndjson' })).toBe(lines.filter((l) => l.trim() !== '').length);
      }),
      { numRuns: 300 },
    );
  });

  it('counts the rows of CSV below its header as Papa Parse reads them, rows ended by LF, CRLF or CR alone, quoted line breaks, quotes and separators in fields', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', ';', '"', '\n', '\r\n', '\r', 'é') }), fc.constant(''));
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).filter((cells) => cells.some((c) => c !== ''));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.constantFrom(',', ';'), fc.constantFrom('\n', '\r\n', '\r'), (rows, delimiter, newline) => {
        const text = Papa.unparse(rows, { delimiter, newline, quotes: false });
        const parsed = Papa.parse(text, { delimiter, newline, skipEmptyLines: true }).data.length;
        expect(countRecords(encode(text), { format: 'csv' })).toBe(Math.max(0, parsed - 1));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves workbooks and files PHX does not read uncounted', () => {
    expect(countRecords(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...encode('xl/workbook.xml')]))).toBeUndefined();
    expect(countRecords(encode('%PDF-1.7\n'))).toBeUndefined();
  });
});
