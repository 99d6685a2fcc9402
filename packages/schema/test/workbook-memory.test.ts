import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { getHeapStatistics } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assemblePackage, memoryAtHand, readXlsx, recordsReadIn, validateFile, writeXlsx } from '../src/index.js';
import { expansionOf, SheetSearch } from '../src/formats/zip.js';
import { withPart } from './support/workbooks.js';

const example = JSON.parse(readFileSync(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The cells of a workbook as exceljs reads them back: those holding a value. */
async function cellsRead(bytes: Uint8Array): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  let cells = 0;
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell(() => void cells++)));
  return cells;
}

async function cellsCounted(bytes: Uint8Array): Promise<number> {
  const expansion = await expansionOf(bytes, Infinity);
  if (typeof expansion === 'string') throw new Error(expansion);
  return expansion.cells;
}

const cellValue = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  // Texts that look like the XML of a cell are escaped (`&lt;c r="A1"&gt;`) and are not cells.
  fc.string({ minLength: 1, unit: fc.constantFrom('<', 'c', ' ', '>', '/', 'r', '=', '"', 'a', 'я', '\n') }),
  fc.string({ minLength: 1, unit: 'grapheme' }),
  fc.integer({ min: 1, max: 9 }).map((n) => ({ formula: `${n}*2`, result: n * 2 })),
);

describe('the cells of a workbook, counted as it is measured before it is unpacked', () => {
  it('are the cells exceljs reads back, whatever they hold and wherever the unpacked XML is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.array(fc.option(cellValue, { nil: null }), { maxLength: 40 }), { maxLength: 600 }), { minLength: 1, maxLength: 3 }),
        async (sheets) => {
          const workbook = new ExcelJS.Workbook();
          sheets.forEach((rows, at) => {
            const sheet = workbook.addWorksheet(`Sheet ${at + 1}`);
            sheet.columns = [{ width: 30 }, { width: 12 }];
            for (const row of rows) sheet.addRow(row);
          });
          const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
          expect(await cellsCounted(bytes)).toBe(await cellsRead(bytes));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('are counted as a plain count of the whole XML counts them, wherever the XML is cut into chunks', () => {
    // Pieces of XML that begin, or nearly begin, a cell's start tag, side by side.
    const piece = fc.constantFrom('<c r="A1">', '<c>', '<c/>', '<c\n', '<c\t', '<col ', '<cfRule ', '<', 'c', '<<', '<<c ', ' ', '>', '/', 'é', 'v');
    const xml = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(xml, fc.array(fc.nat(), { maxLength: 40 }), (text, cuts) => {
        const bytes = new TextEncoder().encode(text);
        const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const search = new SheetSearch();
        [0, ...at].forEach((from, i) => search.feed(bytes.subarray(from, at[i] ?? bytes.length)));
        expect(search.cells).toBe(text.match(/<c[ \t\n\r/>]/g)?.length ?? 0);
      }),
      { numRuns: 2_000 },
    );
  });

  it('are told from columns, conditional formats and cells written as other programs write them', async () => {
    const bytes = await writeXlsx(example);
    const part = 'xl/worksheets/sheet2.xml';
    const before = await cellsCounted(bytes);
    const edited = withPart(bytes, part, (xml) =>
      xml
        .replace('<sheetData>', '<cols><col min="1" max="1" width="9"/></cols><sheetData>')
        .replace('</sheetData>', '<row r="900"><c r="A900"/><c\n r="B900"><v>1</v></c><c r="C900" t="inlineStr"><is><t>&lt;c r="D9"&gt;</t></is></c></row></sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&lt;cA2</formula></cfRule></conditionalFormatting>'),
    );
    expect(await cellsCounted(edited)).toBe(before + 3);
  });
});

describe('a workbook that would take more memory than there is', () => {
  it('is refused before it is unpacked, the cells and the memory named; one within the memory given is read', async () => {
    const bytes = await writeXlsx(example);
    const whole = await readXlsx(bytes);
    expect(whole.issues).toEqual([]);
    const refused = await readXlsx(bytes, { maxReadMemory: 1_000 });
    expect(refused.pkg).toEqual({});
    expect(refused.tables).toEqual([]);
    const [issue, ...others] = refused.issues;
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ code: 'file.too-large-for-memory', severity: 'error', path: [], params: { cells: await cellsCounted(bytes), availableBytes: 1_000 } });
    const { neededBytes } = (issue!.params as { neededBytes: number });
    expect(issue!.message).toMatch(/^The workbook holds [\d,]+ cells: reading it takes about [\d.]+ (kB|MB) of memory, more than the 1 kB at hand; save each sheet as CSV UTF-8/);
    // What it takes is the edge: that much memory reads it as a roomier one does, a byte less does not.
    expect(await readXlsx(bytes, { maxReadMemory: neededBytes })).toEqual(whole);
    expect((await readXlsx(bytes, { maxReadMemory: neededBytes - 1 })).issues.map((issue) => issue.code)).toEqual(['file.too-large-for-memory']);
  });

  it('is weighed against what the workbooks being read take as well: of two read at once, each fitting alone, the second is refused', async () => {
    const bytes = await writeXlsx(example);
    const { neededBytes } = (await readXlsx(bytes, { maxReadMemory: 0 })).issues[0]!.params as { neededBytes: number };
    const whole = await readXlsx(bytes);
    const maxReadMemory = Math.floor(neededBytes * 1.5);
    const both = await Promise.all([readXlsx(bytes, { maxReadMemory }), readXlsx(bytes, { maxReadMemory })]);
    const [refused, read] = both[0].issues.length > 0 ? both : [...both].reverse();
    expect(read).toEqual(whole);
    expect(refused!.issues).toMatchObject([{ code: 'file.too-large-for-memory', params: { neededBytes, availableBytes: maxReadMemory - neededBytes } }]);
    // Once they are read, what they took is at hand again, also after a read that failed once weighed.
    const unreadable = withPart(bytes, 'xl/workbook.xml', (xml) => xml.replace('<sheets>', '<sheets><'));
    expect((await readXlsx(unreadable, { maxReadMemory: 0 })).issues.map((issue) => issue.code)).toEqual(['file.too-large-for-memory']);
    expect((await readXlsx(unreadable, { maxReadMemory })).issues.map((issue) => issue.code)).toEqual(['sheet.unreadable']);
    expect(await readXlsx(bytes, { maxReadMemory: neededBytes })).toEqual(whole);
  });

  it('is refused alike by validateFile(), in the language asked, and by assemblePackage(), which reads nothing of it', async () => {
    const bytes = await writeXlsx(example);
    const result = await validateFile(bytes, { name: 'Звіт.xlsx', locale: 'uk', maxReadMemory: 1_000 });
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.message.split(':')[0]])).toEqual([['file.too-large-for-memory', `Кількість клітинок у книзі — ${(await cellsCounted(bytes)).toLocaleString('uk')}`]]);
    expect(recordsReadIn(result.read)).toBe(0);
    const assembled = await assemblePackage([{ name: 'Звіт.xlsx', bytes }], { maxReadMemory: 1_000 });
    expect(assembled.readable).toBe(false);
    expect(assembled.pkg).toEqual({});
    expect(assembled.files[0]!.issues.map((issue) => issue.code)).toEqual(['file.too-large-for-memory']);
  });
});

describe('memoryAtHand(), the memory a workbook is read in by default', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is in Node the heap V8 has left', () => {
    const before = getHeapStatistics();
    const atHand = memoryAtHand();
    const after = getHeapStatistics();
    // What V8 collects or allocates between the three readings moves them by less than a megabyte.
    expect(atHand).toBeLessThanOrEqual(before.heap_size_limit - Math.min(before.used_heap_size, after.used_heap_size) + 1_000_000);
    expect(atHand).toBeGreaterThanOrEqual(after.heap_size_limit - Math.max(before.used_heap_size, after.used_heap_size) - 1_000_000);
  });

  it('is in a Chromium page the heap’s limit less what it uses, and unknown (no limit) where neither is told', () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
    vi.stubGlobal('performance', { memory: { jsHeapSizeLimit: 4_294_705_152, usedJSHeapSize: 10_000_000, totalJSHeapSize: 12_000_000 } });
    expect(memoryAtHand()).toBe(4_284_705_152);
    vi.stubGlobal('performance', {});
    expect(memoryAtHand()).toBe(Infinity);
  });
});
