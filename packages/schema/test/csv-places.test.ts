import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { placeCsvCells } from '../src/formats/csv-places.js';
import { validateCsv, validateFile, type CellLocation, type TextLocation, type ValidationIssue } from '../src/index.js';
import { LineIndex } from '../src/validate/locate.js';

/** Line and character of an offset, counted the plain way: any of CR LF, LF or CR alone ends a line. */
function reference(text: string, offset: number): TextLocation {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** An issue at a cell, as the readers place them before the text is looked at. */
const at = (row: number, column: number): ValidationIssue =>
  ({ code: 'schema.required', severity: 'error', path: [], pointer: '', message: '', params: {}, location: { row, column } }) as unknown as ValidationIssue;

const cellText = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('a', 'Ж', 'ї', '😀', ' ', '"', ',', ';', '\t', '\n', '\r\n', '\r'), maxLength: 10 }),
);

/** A table written as a CSV text, quoting where it must and sometimes where it need not, with where each cell starts. */
const csvFile = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    linebreak: fc.constantFrom('\r\n', '\n', '\r'),
    rows: fc.array(fc.array(fc.record({ text: cellText, quote: fc.boolean(), spaces: fc.constantFrom('', ' ', '  ') }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
    prefix: fc.constantFrom('', 'sep=;\n', 'sep=,\r\n'),
  })
  .map(({ delimiter, linebreak, rows, prefix }) => {
    let text = prefix;
    const starts: number[][] = [];
    rows.forEach((cells, r) => {
      if (r > 0) text += linebreak;
      starts.push([]);
      cells.forEach((cell, c) => {
        if (c > 0) text += delimiter;
        starts[r]!.push(text.length);
        // A cell must be quoted when it holds the delimiter, a quote or a line break.
        const needs = /["\r\n]/.test(cell.text) || cell.text.includes(delimiter);
        text += needs || cell.quote ? `"${cell.text.replaceAll('"', '""')}"${cell.spaces}` : cell.text;
      });
    });
    return { text, start: prefix.length, delimiter, linebreak, rows: rows.map((cells) => cells.map((cell) => cell.text)), starts };
  });

describe('placing CSV cells in their text', () => {
  it('places every cell where it starts, however the cells are quoted and the lines end (property)', () => {
    fc.assert(
      fc.property(csvFile, fc.nat(), ({ text, start, delimiter, linebreak, rows, starts }, pick) => {
        const parsed = Papa.parse<string[]>(text.slice(start), { delimiter, newline: linebreak as Papa.ParseConfig['newline'] });
        // The table as written is the table the parser reads, so that the cells' starts are known.
        fc.pre(parsed.errors.length === 0 && text.length > start);
        expect(parsed.data).toEqual(rows);
        const issues = rows.flatMap((cells, r) => cells.map((_, c) => at(r + 1, c + 1)));
        // The issues in any order: they are placed in one pass over the rows all the same.
        const shuffled = issues.map((issue, i) => issues[(i + pick) % issues.length]!);
        placeCsvCells({ text, lines: new LineIndex(text), start, delimiter, linebreak }, parsed.data, shuffled);
        rows.forEach((cells, r) =>
          cells.forEach((_, c) => expect((issues[starts.slice(0, r).reduce((n, row) => n + row.length, 0) + c]!.location as CellLocation).text).toEqual(reference(text, starts[r]![c]!))));
      }),
      { numRuns: 400 },
    );
  });

  it('places a column past the row\'s last cell at the row\'s end', () => {
    const text = 'a,"b\nc"\nd\n';
    const parsed = Papa.parse<string[]>(text);
    const issues = [at(1, 5), at(2, 3)];
    placeCsvCells({ text, lines: new LineIndex(text), start: 0, delimiter: ',', linebreak: '\n' }, parsed.data, issues);
    expect(issues.map((issue) => (issue.location as CellLocation).text)).toEqual([{ line: 2, column: 3 }, { line: 3, column: 2 }]);
  });

  it('leaves unplaced a row that does not read back from the text, and every row after it', () => {
    const text = 'a,b\n"x" y,z\nc,d\n';
    const parsed = Papa.parse<string[]>(text);
    const issues = [at(1, 2), at(2, 2), at(3, 1)];
    placeCsvCells({ text, lines: new LineIndex(text), start: 0, delimiter: ',', linebreak: '\n' }, parsed.data, issues);
    expect(issues.map((issue) => (issue.location as CellLocation).text)).toEqual([{ line: 1, column: 3 }, undefined, undefined]);
  });
});

describe('CSV issues in the text', () => {
  const header = 'id;name;country;facilityType;capacity';

  it('gives a cell below a line break in quotes its line in the text beside its row', () => {
    const csv = `\uFEFFsep=;\r\n${header}\r\nZA-F-1;"Central\r\nprison";ZA;prison;abc\r\n`;
    const [issue] = validateCsv(csv).issues.filter((found) => found.code === 'schema.invalid-type');
    expect(issue!.location).toEqual({ row: 2, column: 5, text: { line: 4, column: 19 } });
  });

  it('places an unclosed quote, an undecodable byte and a missing column in the text', async () => {
    const unclosed = validateCsv(`${header}\n"ZA-F-1;Central;ZA;prison;10\n`).issues.find((found) => found.code === 'csv.unclosed-quote');
    expect(unclosed!.location).toEqual({ row: 2, column: 1, text: { line: 2, column: 1 } });
    const bytes = new Uint8Array([...new TextEncoder().encode(`${header}\rZA-F-1;Ce`), 0xff, ...new TextEncoder().encode('ntral;ZA;prison;10\r')]);
    const encoding = (await validateFile(bytes, { name: 'facilities.csv' })).issues.find((found) => found.code === 'syntax.invalid-encoding');
    expect(encoding!.location).toEqual({ row: 2, column: 2, text: { line: 2, column: 10 } });
    const missing = validateCsv('id;name;capacity\nZA-F-1;Central;10\n').issues.find((found) => found.code === 'schema.required');
    expect(missing!.location).toEqual({ row: 1, column: 4, text: { line: 1, column: 17 } });
  });
});

describe('a byte that is not UTF-8', () => {
  const encoder = new TextEncoder();
  const cellText = fc.array(fc.constantFrom('a', 'Z', '7', ' ', 'ж', 'é', '"', ',', ';', '\t', '\n', '\r\n', '.', '-'), { maxLength: 6 }).map((parts) => parts.join(''));

  it('is placed at the row, as Excel numbers it, and the column of the cell that holds it, past a sep= line, quotes and line breaks in cells (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        async (delimiter, newline, bom, sepLine, rows, pick) => {
          const written = (cell: string) => (/[",;\t\r\n]/.test(cell) || cell.trim() !== cell ? `"${cell.replaceAll('"', '""')}"` : cell);
          const header = ['id', 'name', 'country'].join(delimiter);
          const at = { row: pick % rows.length, column: Math.floor(pick / rows.length) % 3 };
          // The bad byte (0xE9, an é of Windows-1252) ends the picked cell, inside its quotes if it has them.
          const before = [`${bom ? '\uFEFF' : ''}${sepLine ? `sep=${delimiter}${newline}` : ''}${header}`];
          const lines = rows.map((row) => row.map(written));
          const cut = lines[at.row]!;
          const cell = cut[at.column]!;
          const head = [...lines.slice(0, at.row).map((line) => line.join(delimiter)), [...cut.slice(0, at.column), cell.endsWith('"') && cell.length > 1 ? cell.slice(0, -1) : cell].join(delimiter)];
          const tail = `${cell.endsWith('"') && cell.length > 1 ? '"' : ''}${[ '', ...cut.slice(at.column + 1)].join(delimiter)}${newline}${lines.slice(at.row + 1).map((line) => `${line.join(delimiter)}${newline}`).join('')}`;
          const bytes = Uint8Array.from([...encoder.encode([...before, ...head].join(newline)), 0xe9, ...encoder.encode(tail)]);
          const [issue] = (await validateFile(bytes, { name: 'facilities.csv' })).issues;
          expect(issue!.code).toBe('syntax.invalid-encoding');
          expect(issue!.location).toMatchObject({ row: at.row + 2, column: at.column + 1 });
        },
      ),
      { numRuns: 300 },
    );
  });
});
