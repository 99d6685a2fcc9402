import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, validateXlsx, writeXlsx, xlsxTemplate, type CellLocation, type RecordType, type ValidationIssue } from '../src/index.js';
import { readColumn, type SheetCell } from '../src/formats/cells.js';

const example = JSON.parse(readFileSync(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const now = new Date('2024-06-30');
const locales = ['en', 'uk', 'ru', 'fr', 'es'] as const;
const allTypes: RecordType[] = ['organisation', 'facility', 'indicator', 'observation', 'meeting'];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The cells of a row of a sheet as text, from its first column to its last. */
function rowOf(sheet: ExcelJS.Worksheet, row: number): string[] {
  const cells: string[] = [];
  for (let column = 1; column <= sheet.columnCount; column++) cells.push(String(sheet.getCell(row, column).value ?? ''));
  return cells;
}

const columnOf = (sheet: ExcelJS.Worksheet, path: string): number => rowOf(sheet, 2).indexOf(path) + 1;

/** A template in a language with the Package sheet filled in but for its publication date, which `fill` types. */
async function filledTemplate(language: (typeof locales)[number], fill: (cell: ExcelJS.Cell) => void): Promise<Uint8Array> {
  const workbook = await load(await xlsxTemplate({ language, types: [] }));
  const sheet = workbook.getWorksheet('Package')!;
  const values: Record<string, string> = { id: 'pkg-2024', 'publisher.id': 'UA-EDR-38214567', 'publisher.name': 'Мережа', license: 'CC-BY-4.0' };
  for (const [path, value] of Object.entries(values)) sheet.getCell(3, columnOf(sheet, path)).value = value;
  fill(sheet.getCell(3, columnOf(sheet, 'publishedAt')));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const notesOf = (issues: readonly ValidationIssue[]): ValidationIssue[] => issues.filter((issue) => issue.code === 'sheet.normalised');

describe('the publication date of a Package sheet: a date cell, a date-time cell or a local date read as UTC, and said', () => {
  it('reads a date and time without an offset as UTC and a date alone as midnight UTC, noting each; a value with its offset as it is', () => {
    const cells: SheetCell[] = [
      '15.01.2024 09:00', '15.01.2024', new Date(Date.UTC(2024, 0, 15, 9)), new Date(Date.UTC(2024, 0, 15)), '2024-01-15T09:00:00', '2024-01-15',
      '2024-01-15T09:00:00+02:00', '2024-01-15T09:00:00Z', 45306.375, 'next week',
    ];
    const reading = readColumn('date-time', cells, { excelLocale: 'uk', utc: true });
    expect(reading.values).toEqual([
      '2024-01-15T09:00:00Z', '2024-01-15T00:00:00Z', '2024-01-15T09:00:00Z', '2024-01-15T00:00:00Z', '2024-01-15T09:00:00Z', '2024-01-15T00:00:00Z',
      '2024-01-15T09:00:00+02:00', '2024-01-15T09:00:00Z', '2024-01-15T09:00:00Z', 'next week',
    ]);
    expect([...reading.forms]).toEqual(['dd.mm.yyyy hh:mm', 'read-as-utc', 'dd.mm.yyyy', 'midnight-utc', 'excel-serial']);
    expect(reading.normalised).toBe(7);
    // A meeting's start is the place's hour: no offset is made up there.
    expect(readColumn('date-time', cells.slice(0, 2), { excelLocale: 'uk' }).values).toEqual(['2024-01-15T09:00:00', '2024-01-15']);
  });

  it('gives the template’s publication date a date-time format in the locale’s form, and reads a date-time cell typed there', async () => {
    for (const [language, format] of [['uk', 'dd.mm.yyyy hh:mm'], ['ru', 'dd.mm.yyyy hh:mm'], ['fr', 'dd/mm/yyyy hh:mm'], ['es', 'dd/mm/yyyy hh:mm'], ['en', 'yyyy-mm-dd hh:mm']] as const) {
      const sheet = (await load(await xlsxTemplate({ language }))).getWorksheet('Package')!;
      expect(sheet.getCell(3, columnOf(sheet, 'publishedAt')).numFmt, language).toBe(format);
    }
    // What Excel keeps of `15.01.2024 09:00` typed in that cell.
    const bytes = await filledTemplate('uk', (cell) => (cell.value = new Date(Date.UTC(2024, 0, 15, 9))));
    const result = await validateXlsx(bytes, { now, locale: 'uk' });
    expect(result.data?.publishedAt).toBe('2024-01-15T09:00:00Z');
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(notesOf(result.issues).map((issue) => [issue.severity, (issue.location as CellLocation).cell, issue.message])).toEqual([
      ['info', 'F2', 'Стовпець F («Дата публікації»): прочитано 1 клітинку з урахуванням таких форм запису: час, прочитаний як UTC'],
    ]);
  });

  it('reads a date typed as text in the locale, with a time or without, as UTC, and says so in each language', async () => {
    const typed = async (text: string, locale: (typeof locales)[number]) => validateXlsx(await filledTemplate('uk', (cell) => (cell.value = text)), { now, locale });
    const dateAlone = await typed('15.01.2024', 'en');
    expect(dateAlone.data?.publishedAt).toBe('2024-01-15T00:00:00Z');
    expect(dateAlone.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(notesOf(dateAlone.issues).map((issue) => issue.message)).toEqual([
      'Column F ("Дата публікації"): 1 cell read allowing for these forms: dates written dd.mm.yyyy, dates alone read as midnight UTC',
    ]);
    const withTime = await typed('15.01.2024 09:00', 'en');
    expect(withTime.data?.publishedAt).toBe('2024-01-15T09:00:00Z');
    expect(notesOf(withTime.issues).map((issue) => issue.message)).toEqual([
      'Column F ("Дата публікації"): 1 cell read allowing for these forms: dates written dd.mm.yyyy hh:mm, times read as UTC',
    ]);
    for (const locale of locales) {
      const [note] = notesOf((await typed('15.01.2024', locale)).issues);
      expect(note?.message, locale).toMatch(/UTC/);
    }
    // Written with its offset, it is read as it is, and nothing is said.
    const given = await typed('2024-01-15T09:00:00+02:00', 'en');
    expect(given.data?.publishedAt).toBe('2024-01-15T09:00:00+02:00');
    expect(notesOf(given.issues)).toEqual([]);
  });
});

describe('a package written as a workbook keeps the template’s columns and writes dates as the locale shows them', () => {
  it('writes every column of the template, in its order and with its headings, each sheet’s other columns after them', async () => {
    for (const language of ['uk', 'en'] as const) {
      const written = await load(await writeXlsx(example, { language }));
      const template = await load(await xlsxTemplate({ language, types: allTypes }));
      for (const sheet of written.worksheets.filter((sheet) => sheet.name !== 'Codelists')) {
        const empty = template.getWorksheet(sheet.name)!;
        const width = rowOf(empty, 2).length;
        expect(rowOf(sheet, 1).slice(0, width), `${language} ${sheet.name}`).toEqual(rowOf(empty, 1));
        expect(rowOf(sheet, 2).slice(0, width), `${language} ${sheet.name}`).toEqual(rowOf(empty, 2));
      }
      // Columns empty in the data among them.
      expect(rowOf(written.getWorksheet('observations')!, 2)).toContain('disaggregation.population');
    }
  });

  it('writes dates as date cells in the locale’s display form', async () => {
    for (const [language, format] of [['uk', 'dd.mm.yyyy'], ['ru', 'dd.mm.yyyy'], ['fr', 'dd/mm/yyyy'], ['es', 'dd/mm/yyyy'], ['en', 'yyyy-mm-dd']] as const) {
      const sheet = (await load(await writeXlsx(example, { language }))).getWorksheet('observations')!;
      const cell = sheet.getCell(3, columnOf(sheet, 'period.start'));
      expect(cell.value, language).toBeInstanceOf(Date);
      expect(cell.numFmt, language).toBe(format);
    }
  });

  it('writes a publication date as the ISO text it is, in a column formatted as a date and time, and reads it back the same, saying nothing', async () => {
    for (const publishedAt of ['2024-01-15T09:00:00Z', '2024-01-15T00:00:00Z', '2024-01-15T09:00:00.250Z', '2021-03-15T10:00:00+01:00']) {
      const bytes = await writeXlsx({ ...example, publishedAt }, { language: 'uk' });
      const sheet = (await load(bytes)).getWorksheet('Package')!;
      const column = columnOf(sheet, 'publishedAt');
      expect([sheet.getCell(3, column).value, sheet.getCell(3, column).numFmt, sheet.getColumn(column).numFmt], publishedAt).toEqual([publishedAt, '@', 'dd.mm.yyyy hh:mm']);
      const { pkg, issues } = await readXlsx(bytes);
      expect([pkg.publishedAt, issues], publishedAt).toEqual([publishedAt, []]);
    }
  });

  it('reads back the package it wrote, in each language', async () => {
    for (const language of locales) {
      const { pkg, issues } = await readXlsx(await writeXlsx(example, { language }));
      expect(pkg, language).toEqual(example);
      expect(issues, language).toEqual([]);
    }
  });
});
