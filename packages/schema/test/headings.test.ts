import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { excelLocales, readCsv, readCsvAsync, readXlsx, validateCsv, validateFile, validateFileAsync, validateXlsx, writeXlsx, type ValidationIssue } from '../src/index.js';
import { knownColumns } from '../src/formats/csv-shape.js';
import { headingColumn } from '../src/formats/heading-columns.js';
import { columnHeading } from '../src/formats/headings.js';
import { locales } from '../src/locales/index.js';
import { recordTypeNames } from '../src/model/record-kinds.js';
import { addFacilitiesByHand } from './support/workbooks.js';

/**
 * Tables whose header is not a row of field paths on top: the headings PHX's workbook writes over them, alone (the
 * row of field paths deleted, or a sheet saved as CSV with its headings), or a title over the header.
 */

const now = new Date('2024-06-30');
const example = JSON.parse(readFileSync(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8')) as Record<string, unknown>;
/** A sheet of observations saved by a Ukrainian Excel as "CSV UTF-8": a byte order mark, `;`, CRLF, 31.12.2023, 4,5%. */
const ukrainian = readFileSync(new URL('fixtures/excel/observations-uk.csv', import.meta.url), 'utf8');
const [fieldPaths, ...body] = ukrainian.replace(/^\uFEFF/, '').split('\r\n');
const columns = fieldPaths!.split(';');
/** The Ukrainian sheet with another header line, or more lines over its header, as bytes. */
const withHeader = (header: string, over: string[] = []): Uint8Array => new TextEncoder().encode(`\uFEFF${[...over, header, ...body].join('\r\n')}`);
const brief = (issue: ValidationIssue): unknown[] => [issue.code, issue.location && 'row' in issue.location ? issue.location.row : undefined, issue.params];

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('the headings of the workbook', () => {
  it('give every column of every record type a heading of its own in every language, which reads back as the column', () => {
    const unread: string[] = [];
    for (const type of [...recordTypeNames, 'package'] as const) {
      for (const language of excelLocales) {
        const headings = knownColumns(type).map((column) => [column, columnHeading(column, language)] as const);
        for (const [column, heading] of headings) if (heading === '' || headingColumn(type, heading) !== column) unread.push(`${type} ${column} ${language}: "${heading}"`);
      }
    }
    expect(unread).toEqual([]);
    expect(columnHeading('countsPeople', 'uk')).toBe('Рахує людей');
  });
});

describe('the words messages name a column by', () => {
  const plain = (text: string): string => text.toLowerCase().replace(/[’']/g, "'");
  /** The field a message names a column by: its path when the messages have a word for it (`period.end`), else its last field. */
  const fieldOf = (column: string): string => {
    const names = column.split('.').filter((name) => !/^\d+$/.test(name));
    const path = names.join('.');
    return path in locales.en.fields ? path : names[names.length - 1]!;
  };

  it('hold the heading of each column of a sheet of observations, in every language, as the user sees it over the column', () => {
    const unlike: string[] = [];
    for (const language of excelLocales) {
      for (const column of knownColumns('observation')) {
        const word = (locales[language].fields as Record<string, string>)[fieldOf(column)]!;
        // The heading of the column's own field: the last part of `Період › кінець`, without a number or a language.
        const heading = plain(columnHeading(column, language)).split(' › ').pop()!.replace(/ \d+$/, '').replace(/ \(\w+\)$/, '');
        if (!plain(word).includes(heading) && !heading.includes(plain(word))) unlike.push(`${language} ${column}: "${heading}" / "${word}"`);
      }
    }
    expect(unlike).toEqual([]);
  });

  it('are the heading itself for the mark of a suppressed observation', () => {
    for (const language of excelLocales) expect(locales[language].fields.suppressed).toBe(plain(columnHeading('suppressed', language)));
    expect(locales.uk.fields.suppressed).toBe('приховано');
  });
});

describe('a CSV file whose header is the workbook’s headings', () => {
  const original = readCsv(withHeader(fieldPaths!));

  it('reads the Ukrainian headings of a sheet saved by Excel as the columns they name, as it reads field paths', async () => {
    const headings = columns.map((column) => columnHeading(column, 'uk'));
    expect(headings.slice(0, 7)).toEqual(['Ідентифікатор', 'Індикатор', 'Організація, що звітує', 'Охоплення › Країна', 'Період › початок', 'Період › кінець', 'Розбивка › стать']);
    const bytes = withHeader(headings.join(';'));
    const table = readCsv(bytes);
    expect(table.type).toBe('observation');
    expect(table.columns).toEqual(columns);
    expect(table.records).toEqual(original.records);
    expect(table.rows).toEqual([2, 3, 5, 6, 7]);
    // The notes of what was read from local forms name the column by the heading the file shows.
    expect(table.issues.map(brief)).toEqual(original.issues.map(brief).map(([code, row, params]) => [code, row, { ...(params as object), heading: headings[columns.indexOf((params as { column: string }).column)] }]));
    const result = validateCsv(bytes, { now, locale: 'uk' });
    expect(result.ok).toBe(true);
    expect(result.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
    expect(result.issues.find((issue) => issue.code === 'sheet.normalised' && issue.params.column === 'period.end')?.message).toBe(
      'Стовпець «Період › кінець»: прочитано 5 клітинок з урахуванням таких форм запису: дати у форматі dd.mm.yyyy',
    );
    // Read the same when the reader of headings is loaded on demand, as a browser reads a file.
    expect(await readCsvAsync(bytes)).toEqual(table);
    const options = { name: 'спостереження.csv', now, locale: 'uk' } as const;
    expect(await validateFileAsync(bytes, options)).toEqual(await validateFile(bytes, options));
    expect((await validateFileAsync(bytes, options)).ok).toBe(true);
  });

  it('reads the headings in every language of the workbook, whatever their case, spaces and > for ›', () => {
    for (const language of excelLocales) {
      const headings = columns.map((column) => columnHeading(column, language));
      for (const header of [headings, headings.map((heading) => `  ${heading.toLocaleUpperCase(language).replaceAll(' › ', '>')} `)]) {
        const table = readCsv(withHeader(header.join(';')));
        expect([language, table.columns, table.records]).toEqual([language, columns, original.records]);
      }
    }
  });

  it('reads the items of a list by their numbers, and a heading it does not know as a column not read', () => {
    const { records, issues } = readCsv('Ідентифікатор;Назва (uk);Тип організації;Країни 1;Країни 2;Сайт організації\r\nua-1;Світло;ngo;UA;PL;https://svitlo.org.ua\r\n');
    expect(records).toEqual([{ id: 'ua-1', name: { uk: 'Світло' }, organisationType: 'ngo', countries: ['UA', 'PL'] }]);
    expect(issues.map(brief)).toEqual([['sheet.column-not-read', 1, { column: 'Сайт організації', heading: 'Сайт організації' }]]);
  });
});

describe('a title over the header', () => {
  it('passes over a title and a blank row to the header, and places issues at the rows of the file', async () => {
    const bytes = withHeader(fieldPaths!.replace('notes', 'Примітки'), ['Звіт за 2023 рік;;;;', ';;;;']);
    const table = readCsv(bytes);
    expect(table.records.map((record) => record.id)).toEqual(['ua-hiv-2023-f', 'ua-hiv-2023-m', 'ua-oat-2023', 'ua-art-2023', 'ua-hcv-2023']);
    expect(table.rows).toEqual([4, 5, 7, 8, 9]);
    const bad = new TextEncoder().encode(new TextDecoder().decode(bytes).replace(';female;', ';жін;'));
    const { issues } = validateCsv(bad, { now, locale: 'uk' });
    const lines = new TextDecoder().decode(bad).split('\r\n');
    expect(issues.filter((issue) => issue.severity !== 'info').map((issue) => [issue.code, issue.location])).toEqual([
      ['schema.unknown-field', { row: 3, column: 14, text: { line: 3, column: lines[2]!.indexOf('Примітки') + 1 } }],
      ['schema.invalid-value', { row: 4, column: 7, text: { line: 4, column: lines[3]!.indexOf('жін') + 1 } }],
    ]);
    // The unknown column named by the heading of a field is told that field.
    expect(issues[0]).toMatchObject({ params: { keys: ['Примітки'], suggestions: ['notes'] } });
    expect(issues[0]!.message).toBe('«Примітки» — не поле PHX у цьому місці: перевірте написання або перенесіть свої дані в "extensions"; можливо, ви мали на увазі «notes»?');
    const onDemand = await validateFileAsync(bad, { name: 'звіт.csv', now, locale: 'uk' });
    expect(onDemand.issues).toEqual(issues);
  });

  it('finds the header of headings under a title too, the title typed with no separator or saved by Excel with them', () => {
    for (const title of ['Отчёт за 2023 год', `Отчёт за 2023 год${';'.repeat(13)}`]) {
      const table = readCsv(withHeader(columns.map((column) => columnHeading(column, 'ru')).join(';'), [title]));
      expect([table.delimiter, table.columns, table.rows]).toEqual([';', columns, [3, 4, 6, 7, 8]]);
    }
  });
});

describe('a long title block over the header', () => {
  const header = ['id', 'indicator', 'reportingOrganisation', 'scope.country', 'period.start', 'period.end', 'numerator', 'denominator', 'value', 'unit', 'dataSource'];
  const row = (id: string, unit = 'percent') => [id, 'hiv-prevalence-prisoners', 'UA-EDR-21514560', 'UA', '2020-01-01', '2020-12-31', 120, 1000, 12, unit, 'survey'];
  /** An observations sheet under `lines` lines of a title block, a blank row after every third, as reports are headed. */
  async function underTitle(lines: number): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    for (let line = 1; line <= lines; line++) {
      sheet.addRow([line === 1 ? 'Звіт про стан здоров’я засуджених за 2020 рік' : `Примітка ${line}: заповнюйте лише білі клітинки`]);
      if (line % 3 === 0) sheet.addRow([]);
    }
    sheet.addRow(header);
    sheet.addRow(row('obs-1'));
    sheet.addRow(row('obs-2', 'відсоток'));
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('finds the header under a title block of up to 30 rows that are not blank, and places issues at the rows Excel shows', async () => {
    // 29 lines of title and 9 blank rows between them: the header is row 39, the 30th row that is not blank.
    const bytes = await underTitle(29);
    const { tables } = await readXlsx(bytes);
    expect(tables[0]!.table).toMatchObject({ headerRow: 39, rows: [40, 41] });
    const options = { name: 'звіт.xlsx', now, locale: 'uk' as const };
    const { issues } = await readXlsx(bytes, options);
    expect(issues).toEqual([]);
    const checked = await validateFile(bytes, options);
    expect(checked.issues.filter((issue) => issue.code === 'schema.invalid-value').map((issue) => issue.location)).toEqual([{ sheet: 'observations', row: 41, column: 10, cell: 'J41' }]);
    expect(await validateFileAsync(bytes, options)).toEqual(await validateFile(bytes, options));
  });

  it('says no header was found when none is in the first 30 rows that are not blank, at the first row', async () => {
    const bytes = await underTitle(30);
    for (const [locale, message] of [
      ['en', 'The first row is not a header of observation columns; add the header row'],
      ['uk', 'Перший рядок — не заголовок зі стовпцями записів типу «спостереження»; додайте рядок заголовка'],
    ] as const) {
      const options = { name: 'звіт.xlsx', now, locale };
      const { issues } = await validateFile(bytes, options);
      expect(issues.map((issue) => [issue.code, issue.location, issue.message])).toEqual([['csv.no-header', { sheet: 'observations', row: 1, column: 1, cell: 'A1' }, message]]);
      expect(await validateFileAsync(bytes, options)).toEqual(await validateFile(bytes, options));
    }
  });
});

describe('a workbook whose header is its headings', () => {
  it('reads each sheet whose row of field paths was deleted by its headings, in every language', async () => {
    for (const language of excelLocales) {
      const workbook = await open(await writeXlsx(example, { language }));
      for (const sheet of workbook.worksheets) if (sheet.name !== 'Codelists') sheet.spliceRows(2, 1);
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const { pkg, issues, tables } = await readXlsx(bytes);
      expect([language, issues]).toEqual([language, []]);
      expect(pkg).toEqual(example);
      // The records are the rows under the headings: the first is row 2.
      expect(tables.find(({ sheet }) => sheet === 'facilities')?.table.rows[0]).toBe(2);
    }
  }, 60_000);

  it('reads a sheet made by hand under a merged title, and tells a column named by a heading the field it names', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = addFacilitiesByHand(workbook);
    sheet.spliceRows(1, 0, ['Установи мережі станом на 01.01.2024'], []);
    sheet.mergeCells('A1:D1');
    sheet.getCell('E3').value = 'Оператор';
    sheet.getCell('E4').value = 'Державна кримінально-виконавча служба';
    sheet.getCell('C6').value = 'pre-trial-detentoin';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { pkg, tables } = await readXlsx(bytes);
    expect((pkg.facilities as { id: string }[]).map((facility) => facility.id)).toEqual(['ua-lviv-19', 'ua-kyiv-sizo']);
    expect(tables[0]!.table).toMatchObject({ headerRow: 3, rows: [4, 6] });
    const { issues } = await validateXlsx(bytes, { now, locale: 'uk' });
    expect(issues.filter((issue) => issue.location).map((issue) => [issue.code, issue.location])).toEqual([
      ['schema.unknown-field', { sheet: 'Мої установи', row: 3, column: 5, cell: 'E3' }],
      ['sheet.normalised', { sheet: 'Мої установи', row: 3, column: 4, cell: 'D3' }],
      ['schema.invalid-value', { sheet: 'Мої установи', row: 6, column: 3, cell: 'C6' }],
    ]);
    expect(issues[0]).toMatchObject({ params: { keys: ['Оператор'], suggestions: ['operator'] } });
  });
});

describe('a sheet saved as CSV with a field path cleared, or with a column of one\'s own', () => {
  const told = (issues: readonly ValidationIssue[]) => issues.filter((issue) => issue.severity !== 'info').map(({ code, severity, location, params, message }) => ({ code, severity, location, params, message }));

  it('reads a column whose field path was cleared under the headings as the field its heading names, said once at the empty cell', () => {
    const headings = columns.map((column) => columnHeading(column, 'uk')).join(';');
    const cleared = columns.map((column) => (column === 'denominator' ? '' : column)).join(';');
    const bytes = withHeader(cleared, [headings]);
    for (const [locale, message] of [
      ['uk', 'У рядку 2 немає шляху поля для стовпця «Знаменник», тому його прочитано як «denominator» — поле, яке називає його заголовок: введіть «denominator» у рядок 2 цього стовпця або скопіюйте рядок 2 з нового шаблону'],
      ['en', 'Row 2 has no field path for column "Знаменник", so it is read as "denominator", the field its heading names: type "denominator" in row 2 of the column, or copy row 2 from a new template'],
    ] as const) {
      const { ok, issues, data } = validateCsv(bytes, { now, locale });
      expect(told(issues)).toEqual([{
        code: 'sheet.column-path-missing', severity: 'warning', location: { row: 2, column: 9, text: { line: 2, column: 103 } },
        params: { column: 'denominator', row: 2, heading: 'Знаменник' }, message,
      }]);
      expect(ok).toBe(true);
      expect(data).toEqual(validateCsv(withHeader(fieldPaths!), { now }).data);
    }
  });

  it('tells a column of one\'s own named in the header once, at its name, as not read, with the notes column to move its cells to', () => {
    const lines = body.map((line, at) => (line === '' ? line : `${line};${at === 0 ? 'перевірено' : ''}`));
    const bytes = new TextEncoder().encode(`\uFEFF${[`${fieldPaths!};Коментар`, ...lines].join('\r\n')}`);
    for (const [locale, message] of [
      ['uk', 'Стовпець «Коментар» — не поле PHX, тому його клітинки не потрапляють у дані: щоб зберегти їх, перенесіть їх у стовпець «notes»; інакше видаліть стовпець'],
      ['en', 'Column "Коментар" is not a field of PHX, so its cells are not read into the data: to keep them, move them to column "notes"; else delete the column'],
    ] as const) {
      const { ok, issues, data } = validateCsv(bytes, { now, locale });
      expect(told(issues)).toEqual([{
        code: 'sheet.column-not-read', severity: 'warning', location: { row: 1, column: 15, text: { line: 1, column: 154 } },
        params: { column: 'Коментар', notes: { column: 'notes' } }, message,
      }]);
      expect(ok).toBe(true);
      expect(JSON.stringify(data)).not.toContain('перевірено');
    }
    // A misspelt field path is still an unknown field, an error, with the field it is nearest to.
    const misspelt = validateCsv(`${fieldPaths!.replace('notes', 'notse')}\r\n${body[0]!}\r\n`, { now });
    expect(misspelt.issues.filter((issue) => issue.severity !== 'info').map((issue) => [issue.code, issue.params])).toEqual([
      ['schema.unknown-field', { zodCode: 'unrecognized_keys', keys: ['notse'], suggestions: ['notes'] }],
    ]);
  });
});
