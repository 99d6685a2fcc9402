import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { fillObservations, guideObservations } from '../../../test/corpus/filled-template.js';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { assemblePackage, codelists, columnLetters, excelLocales, indicatorCatalogue, readCsv, readXlsx, validateCsv, validateFile, validateFileAsync, validateXlsx, writeXlsx, xlsxTemplate, type CellLocation, type Locale, type ValidationIssue } from '../src/index.js';
import { anyListsOf, anyObservation, cellText } from './random.js';
import { PercentCell } from '../src/formats/cells.js';
import { columnHeading } from '../src/formats/headings.js';
import { addFacilitiesByHand, withPart } from './support/workbooks.js';

const example = JSON.parse(readFileSync(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const now = new Date('2024-06-30');

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('a package as a workbook', () => {
  it('goes JSON → xlsx → JSON unchanged, header included, in every language', async () => {
    for (const language of excelLocales) {
      const bytes = await writeXlsx(example, { language });
      const { pkg, issues } = await readXlsx(bytes);
      expect(issues).toEqual([]);
      expect(pkg).toEqual(example);
    }
  }, 60_000);

  it('has a Package sheet with every field of the header, as the template has, filled where the package has a value', async () => {
    const { $schema: _, phxVersion, id, license, publishedAt, description, ...given } = example;
    const template = (await open(await xlsxTemplate({ language: 'ru' }))).getWorksheet('Package')!;
    const rowOf = (sheet: ExcelJS.Worksheet, row: number): unknown[] => ((sheet.getRow(row).values as unknown[] | undefined) ?? []).slice(1);
    expect(rowOf(template, 2)).toEqual(['phxVersion', 'id', 'publisher.id', 'publisher.name', 'license', 'publishedAt', 'description.en', 'description.ru']);
    // Records alone, as read from CSV: a header of no field was a column of no name holding `{}`.
    for (const pkg of [{ observations: given.observations }, given]) {
      const sheet = (await open(await writeXlsx(pkg, { language: 'ru' }))).getWorksheet('Package')!;
      expect([rowOf(sheet, 1), rowOf(sheet, 2)]).toEqual([rowOf(template, 1), rowOf(template, 2)]);
      expect(rowOf(sheet, 3)).toEqual('publisher' in pkg ? [undefined, undefined, 'PHX-ORG-0001', 'Prison Health Exchange Network Secretariat'] : []);
    }
    // The header filled in where the sheet offers it, the workbook holds the whole package.
    const workbook = await open(await writeXlsx(given, { language: 'ru' }));
    const sheet = workbook.getWorksheet('Package')!;
    const header = { phxVersion, id, license, publishedAt, 'description.en': (description as Record<string, string>).en, 'description.ru': (description as Record<string, string>).ru };
    for (const [path, value] of Object.entries(header)) sheet.getCell(3, rowOf(sheet, 2).indexOf(path) + 1).value = value as string;
    const { pkg, issues } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(issues).toEqual([]);
    expect(pkg).toEqual({ phxVersion, id, license, publishedAt, description, ...given });
  }, 30_000);

  it('reads a sheet of it saved as CSV, headings over field paths, as the workbook reads it', async () => {
    const workbook = await open(await writeXlsx(example, { language: 'uk' }));
    const { pkg } = await readXlsx(await writeXlsx(example, { language: 'uk' }));
    for (const sheet of ['organisations', 'facilities', 'observations'] as const) {
      const rows: string[][] = [];
      workbook.getWorksheet(sheet)!.eachRow({ includeEmpty: true }, (row) => {
        const cells = (row.values as ExcelJS.CellValue[]).slice(1);
        // As Excel writes "CSV UTF-8" in English: dates as the cells show them, numbers with a point.
        rows.push(cells.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null || cell === undefined ? '' : String(cell))));
      });
      const csv = `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
      const table = readCsv(csv);
      expect(table.issues.filter((issue) => issue.severity !== 'info'), sheet).toEqual([]);
      expect(table.records, sheet).toEqual(pkg[sheet]);
      // The headings are row 1, the field paths row 2, the first record row 3.
      expect(table.rows[0], sheet).toBe(3);
    }
    const [headings, paths] = [['Ідентифікатор', 'Країна', 'Тип установи', 'Місткість'], ['id', 'country', 'facilityType', 'capacity']];
    const misspelt = validateCsv(`${headings.join(';')}\n${paths.join(';')}\nua-1;UA;prisn;800\n`).issues.filter((issue) => issue.severity === 'error');
    expect(misspelt.map(({ code, location }) => [code, location])).toEqual([['schema.invalid-value', { row: 3, column: 3, text: { line: 3, column: 9 } }]]);
  });

  it('has a Package sheet, a sheet per record type, headings in the language over the field paths, a frozen header and a Codelists sheet', async () => {
    const workbook = await open(await writeXlsx(example, { language: 'uk' }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Package', 'organisations', 'facilities', 'indicators', 'observations', 'meetings', 'Codelists']);
    const observations = workbook.getWorksheet('observations')!;
    const headings = (observations.getRow(1).values as unknown[]).slice(1);
    const paths = (observations.getRow(2).values as unknown[]).slice(1);
    expect(paths.slice(0, 5)).toEqual(['id', 'indicator', 'reportingOrganisation', 'scope.country', 'scope.subnationalArea']);
    expect(headings.slice(0, 5)).toEqual(['Ідентифікатор', 'Індикатор', 'Організація, що звітує', 'Охоплення › Країна', 'Охоплення › Регіон країни']);
    // A breakdown's population is a group of people; a facility's, the number of people held.
    expect(columnHeading('disaggregation.population', 'uk')).toBe('Розбивка › група населення');
    expect(columnHeading('population.count', 'uk')).toBe('Чисельність › Кількість');
    // A meeting's start and end are headings of their own, not the lower-case parts of a period.
    expect(['start', 'end'].map((column) => columnHeading(column, 'uk'))).toEqual(['Початок', 'Кінець']);
    const meetingHeadings = (workbook.getWorksheet('meetings')!.getRow(1).values as string[]).slice(1);
    expect(meetingHeadings.filter((heading) => heading.charAt(0) !== heading.charAt(0).toLocaleUpperCase('uk'))).toEqual([]);
    expect(observations.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // Dates are date cells, numbers number cells.
    const start = paths.indexOf('period.start') + 1;
    expect(observations.getCell(3, start).value).toBeInstanceOf(Date);
    expect(typeof observations.getCell(3, paths.indexOf('numerator') + 1).value).toBe('number');
    // The header's fields as the template has them, then what else the package holds.
    const header = workbook.getWorksheet('Package')!;
    expect((header.getRow(2).values as unknown[]).slice(1)).toEqual(['phxVersion', 'id', 'publisher.id', 'publisher.name', 'license', 'publishedAt', 'description.en', 'description.uk', '$schema', 'description.ru']);
    expect(header.getCell(3, 1).value).toBe('1.0');
  });

  it('gives codelist and reference columns a drop-down drawn from the Codelists sheet', async () => {
    const workbook = await open(await writeXlsx(example, { language: 'fr' }));
    const observations = workbook.getWorksheet('observations')!;
    const paths = (observations.getRow(2).values as unknown[]).slice(1) as string[];
    const lists = workbook.getWorksheet('Codelists')!;
    const listOf = (path: string): string[] => {
      const validation = observations.getCell(3, paths.indexOf(path) + 1).dataValidation;
      expect(validation, path).toMatchObject({ type: 'list', allowBlank: true });
      const [, column, first, last] = /^Codelists!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(validation.formulae![0] as string)!;
      const values: string[] = [];
      for (let row = Number(first); row <= Number(last); row++) values.push(String(lists.getCell(`${column}${row}`).value));
      return values;
    };
    expect(listOf('unit')).toEqual([...codelists.unit.codes]);
    expect(listOf('scope.country')).toEqual([...codelists.country.codes]);
    expect(listOf('dataSource')).toEqual([...codelists.dataSource.codes]);
    expect(listOf('indicator')).toEqual(expect.arrayContaining(indicatorCatalogue.map((definition) => definition.code)));
    expect(listOf('scope.facility')).toEqual((example.facilities as { id: string }[]).map((facility) => facility.id));
    // Far down the column too, for rows yet to be filled.
    expect(observations.getCell(1000, paths.indexOf('unit') + 1).dataValidation).toMatchObject({ type: 'list' });
  });

  it('heads the labels of the Codelists sheet in the workbook\'s language and names countries in it, the drop-downs drawing on the codes', async () => {
    for (const bytes of [await xlsxTemplate({ language: 'uk' }), await writeXlsx(example, { language: 'uk' })]) {
      const workbook = await open(bytes);
      const lists = workbook.getWorksheet('Codelists')!;
      const headings = (lists.getRow(1).values as unknown[]).slice(1) as string[];
      const labelsOf = (list: string): string[] => {
        const column = headings.indexOf(list) + 1;
        return Array.from({ length: lists.rowCount - 1 }, (_, i) => lists.getCell(i + 2, column + 1).value as string | null).filter((label) => label !== null);
      };
      // A code column under the list's name, its labels beside it under the heading of the column drawing from it.
      expect(headings.slice(0, 4)).toEqual(['country', 'Країни', 'organisationType', 'Тип організації']);
      expect(headings[headings.indexOf('sex') + 1]).toBe('Розбивка › стать');
      expect(headings.filter((_, i) => i % 2 === 1).filter((heading) => !/[А-Яа-яІіЇїЄєҐґ]/.test(heading))).toEqual([]);
      const countries = labelsOf('country');
      expect(countries).toHaveLength(codelists.country.codes.length);
      expect(countries[0]).toBe('Андорра');
      expect(countries[codelists.country.codes.indexOf('UA')]).toBe('Україна');
      expect(countries.filter((label) => /^[A-Z]{2}$/.test(label))).toEqual([]);
      // The drop-down of a country column draws on the codes, which the file holds.
      const observations = workbook.getWorksheet('observations')!;
      const paths = (observations.getRow(2).values as unknown[]).slice(1) as string[];
      const [, column] = /^Codelists!\$([A-Z]+)\$2:/.exec(observations.getCell(3, paths.indexOf('scope.country') + 1).dataValidation.formulae![0] as string)!;
      expect(lists.getCell(`${column}1`).value).toBe('country');
      expect(lists.getCell(`${column}${codelists.country.codes.indexOf('UA') + 2}`).value).toBe('UA');
    }
  });
});

const observation = anyObservation('UA-EDR-21514560');
const header = fc.record({
  phxVersion: fc.constant('1.0'),
  id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/),
  publisher: fc.record({ id: fc.constant('UA-EDR-21514560'), name: cellText }),
  license: fc.constantFrom('CC-BY-4.0', 'https://example.org/licence'),
  publishedAt: fc.constantFrom('2021-03-01T09:00:00Z', '2024-01-31T23:59:59+02:00'),
  description: fc.record({ en: cellText, uk: cellText }, { requiredKeys: ['en'] }),
});

/**
 * A package as a workbook gives it back: the number cells as Excel shows them, a double of more than 15 significant
 * digits to 15 of them; an extension's JSON is a text cell, kept as it is.
 */
function asExcelShows(value: unknown, key?: string): unknown {
  if (key === 'extensions') return value;
  if (typeof value === 'number') return Number(value.toPrecision(15));
  if (Array.isArray(value)) return value.map((item) => asExcelShows(item));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, asExcelShows(item, name)]));
}

describe('round trip of any package', () => {
  it('JSON → xlsx → JSON is deep-equal', async () => {
    await fc.assert(
      fc.asyncProperty(header, fc.array(observation, { minLength: 0, maxLength: 6 }), fc.constantFrom(...excelLocales), async (head, observations, language) => {
        const pkg = observations.length > 0 ? { ...head, observations } : head;
        const { pkg: back, issues } = await readXlsx(await writeXlsx(pkg, { language }));
        expect(issues).toEqual([]);
        expect(back).toEqual(asExcelShows(pkg));
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('JSON → xlsx → JSON keeps each list as it is — absent, empty or of records — and adds none', async () => {
    await fc.assert(
      fc.asyncProperty(anyListsOf(example), fc.constantFrom(...excelLocales), async (written, language) => {
        const { pkg: back, issues } = await readXlsx(await writeXlsx(written, { language }));
        expect(issues).toEqual([]);
        expect(back).toStrictEqual(written);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('keeps texts that look like Excel\'s escapes (_x0041_) and control characters, as Excel writes them', async () => {
    // exceljs writes `_x0041_` as it is, which reads back as "A", and drops control characters.
    const piece = fc.constantFrom('_x0041_', '_x0000_', '_x005F_', '_x005f_x0041_', '_X0041_', '_x12_', '_x', '_', 'x', '0041', '\u0000', '\u0001', '\u000b', '\u001f', '\t', '\n', 'Ж', ' ', 'a');
    const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => `t${pieces.join('')}`);
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), text, async (notes, name) => {
        const observations = notes.map((note, i) => ({
          id: `obs-${i}`, indicator: 'prisons-people-on-art', reportingOrganisation: 'UA-EDR-21514560', scope: { country: 'UA' },
          period: { start: '2023-01-01', end: '2023-12-31' }, numerator: 120, value: 120, unit: 'count', dataSource: 'routine-programme-data', notes: note,
        }));
        const pkg = { phxVersion: '1.0', id: 'pkg-1', publisher: { id: 'UA-EDR-21514560', name }, license: 'CC-BY-4.0', publishedAt: '2024-01-31T23:59:59+02:00', observations };
        const { pkg: back } = await readXlsx(await writeXlsx(pkg));
        expect(back).toEqual(pkg);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('the template', () => {
  const facilities = [
    { id: 'ua-kyiv-sizo', name: 'Київський СІЗО', country: 'UA', facilityType: 'pre-trial-detention' },
    { id: 'ua-lviv-19', name: 'Львівська виправна колонія № 19', country: 'UA', facilityType: 'prison' },
  ];

  it('is a workbook to fill: every field, drop-downs, the facilities given; filled by a script, it validates', async () => {
    const workbook = await open(await xlsxTemplate({ language: 'uk', facilities }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Package', 'organisations', 'facilities', 'observations', 'Codelists']);
    const paths = (sheet: ExcelJS.Worksheet): string[] => ((sheet.getRow(2).values as unknown[]) ?? []).slice(1) as string[];
    const observations = workbook.getWorksheet('observations')!;
    const columns = paths(observations);
    for (const column of ['indicator', 'unit', 'disaggregation.sex', 'disaggregation.ageGroup', 'scope.country', 'scope.facility']) {
      expect(observations.getCell(3, columns.indexOf(column) + 1).dataValidation, column).toMatchObject({ type: 'list' });
    }
    expect(observations.getRow(3).hasValues).toBe(false);

    // A data officer's script fills it in: typed cells, and numbers and dates typed as Ukrainian text.
    const header = workbook.getWorksheet('Package')!;
    const fill = (sheet: ExcelJS.Worksheet, row: number, values: Record<string, ExcelJS.CellValue>): void => {
      const at = paths(sheet);
      for (const [path, value] of Object.entries(values)) {
        expect(at, path).toContain(path);
        sheet.getCell(row, at.indexOf(path) + 1).value = value;
      }
    };
    fill(header, 3, { id: 'ua-2023', 'publisher.id': 'UA-EDR-21514560', 'publisher.name': 'Мережа', license: 'CC-BY-4.0', publishedAt: '2024-02-01T10:00:00Z' });
    // The observations' reporting organisation is the publisher, which is an organisation record as well.
    fill(workbook.getWorksheet('organisations')!, 3, { id: 'UA-EDR-21514560', 'name.uk': 'Мережа', organisationType: 'ngo', 'countries.0': 'UA' });
    const base = { indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'UA-EDR-21514560', 'scope.country': 'UA', 'scope.facility': 'ua-kyiv-sizo', unit: 'percent', dataSource: 'survey' };
    fill(observations, 3, { ...base, id: 'obs-1', 'period.start': new Date(Date.UTC(2023, 0, 1)), 'period.end': new Date(Date.UTC(2023, 11, 31)), numerator: 96, denominator: 2140, value: 4.5 });
    fill(observations, 4, { ...base, id: 'obs-2', 'period.start': '01.01.2022', 'period.end': '31.12.2022', numerator: '1 208', denominator: '21 480', value: '5,6%' });
    const { ok, issues, data } = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now });
    expect(issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
    expect(ok).toBe(true);
    expect(data?.observations?.[1]).toMatchObject({ period: { start: '2022-01-01', end: '2022-12-31' }, numerator: 1208, value: 5.6 });
    expect(issues.map((issue) => [issue.code, issue.location])).toContainEqual(['sheet.normalised', { sheet: 'observations', row: 2, column: columns.indexOf('value') + 1, cell: expect.stringMatching(/^[A-Z]+2$/) }]);
  }, 30_000);

  it('holds the facilities it offers and the records of the header package they refer to, so that filled in it validates on its own', async () => {
    const partner = { id: 'UA-EDR-00034061', name: { en: 'Health Care Centre' }, organisationType: 'government', countries: ['UA'] };
    const definition = (example.indicators as Record<string, unknown>[])[0]!;
    const header = {
      phxVersion: '1.0', id: 'ua-2023', publisher: { id: 'UA-EDR-21514560', name: 'Мережа' }, license: 'CC-BY-4.0', publishedAt: '2024-02-01T10:00:00Z',
      organisations: [partner], indicators: [definition],
      facilities: [{ id: 'ua-odesa-21', name: 'Одеська колонія № 21', country: 'UA', facilityType: 'prison' }, { ...facilities[0]!, name: 'СІЗО' }],
      observations: [{ id: 'obs-old' }],
    };
    const bytes = await xlsxTemplate({ language: 'uk', facilities, header });
    const { pkg } = await readXlsx(bytes);
    // The header package's own facility of an id given comes first; its observations are not the template's.
    expect(pkg).toEqual({
      phxVersion: '1.0', id: 'ua-2023', publisher: header.publisher, license: 'CC-BY-4.0', publishedAt: '2024-02-01T10:00:00Z',
      organisations: [partner], indicators: [definition], facilities: [...header.facilities, facilities[1]], observations: [],
    });
    const workbook = await open(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Package', 'organisations', 'facilities', 'indicators', 'observations', 'Codelists']);
    const observations = workbook.getWorksheet('observations')!;
    const paths = (observations.getRow(2).values as unknown[]).slice(1) as string[];
    const values = { id: 'obs-1', indicator: definition.code as string, reportingOrganisation: partner.id, 'scope.country': 'UA', 'scope.facility': 'ua-lviv-19', 'period.start': '2023-01-01', 'period.end': '2023-12-31', numerator: 24, value: 24, unit: 'count', dataSource: 'routine-programme-data' };
    for (const [path, value] of Object.entries(values)) observations.getCell(3, paths.indexOf(path) + 1).value = value;
    const { ok, issues } = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now });
    expect(issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
    expect(ok).toBe(true);
  }, 30_000);

  it('written from a package with facilities offered beside its own, holds them after its own', async () => {
    const offered = [{ id: 'zm-fac-01', country: 'ZM', facilityType: 'prison' }, ...facilities];
    const { pkg } = await readXlsx(await writeXlsx(example, { facilities: offered }));
    expect(pkg.facilities).toEqual([...(example.facilities as unknown[]), ...facilities]);
  }, 30_000);
});

describe('flags typed as words in a workbook', () => {
  it('reads так and ні typed in a boolean column as true and false, and notes the column', async () => {
    const workbook = await open(await writeXlsx(example));
    const sheet = workbook.getWorksheet('observations')!;
    const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    const column = paths.indexOf('suppressed') + 1;
    const flags: boolean[] = [];
    for (let row = 3; row <= sheet.rowCount; row++) {
      if (!sheet.getCell(row, paths.indexOf('id') + 1).value) continue;
      const cell = sheet.getCell(row, column);
      const flag = cell.value === true;
      flags.push(flag);
      cell.value = flag ? 'Так' : 'ні';
    }
    expect(flags).toContain(false);
    expect(flags).toContain(true);
    const { ok, issues, data } = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now, locale: 'uk' });
    expect(issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
    expect(ok).toBe(true);
    expect(data?.observations?.map((o) => o.suppressed)).toEqual(flags);
    const note = issues.find((issue) => issue.code === 'sheet.normalised' && issue.params.column === 'suppressed');
    expect(note).toMatchObject({ params: { cells: flags.length, forms: ['yes-no-word'] }, location: { sheet: 'observations', row: 2, column } });
    expect(note?.message).toContain('з урахуванням таких форм запису: слова так/ні');
  }, 30_000);
});

describe('labels typed in coded columns of a workbook', () => {
  it('suggest the code the label stands for, as the Codelists sheet pairs them, and a country\'s code for its name or alpha-3 code', async () => {
    const workbook = await open(await writeXlsx(example));
    const sheet = workbook.getWorksheet('observations')!;
    const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    const cell = (row: number, path: string): ExcelJS.Cell => sheet.getCell(row, paths.indexOf(path) + 1);
    const unit = String(cell(3, 'unit').value);
    const label = { percent: 'Відсоток', count: 'Кількість' }[unit]!;
    cell(3, 'unit').value = label;
    cell(4, 'scope.country').value = 'Україна';
    cell(5, 'scope.country').value = 'UKR';
    const { issues } = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now, locale: 'uk' });
    const wrong = issues.filter((issue) => issue.code === 'schema.invalid-value');
    expect(wrong.map((issue) => [issue.location && 'row' in issue.location ? issue.location.row : undefined, issue.params.value, issue.params.suggestions])).toEqual([
      [3, label, [unit]],
      [4, 'Україна', ['UA']],
      [5, 'UKR', ['UA']],
    ]);
    expect(wrong[0]!.message).toMatch(new RegExp(`^Одиниця: «${label}» — .*; можливо, ви мали на увазі «${unit}»\\?$`));
  }, 30_000);
});

describe('issues in a workbook', () => {
  it('are located at their sheet, row and A1 cell, references across sheets included', async () => {
    const observations = (example.observations as Record<string, unknown>[]).map((o, i) => (i === 2 ? { ...o, scope: { ...(o.scope as object), facility: 'no-such-prison' } } : o));
    const workbook = await open(await writeXlsx({ ...example, observations }));
    const sheet = workbook.getWorksheet('observations')!;
    const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    sheet.getCell(4, paths.indexOf('unit') + 1).value = 'percentage';
    const { ok, issues } = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now });
    expect(ok).toBe(false);
    const column = (path: string): number => paths.indexOf(path) + 1;
    const letters = (n: number): string => String.fromCharCode(64 + n);
    expect(issues.map((issue) => [issue.code, issue.location])).toEqual([
      ['schema.invalid-value', { sheet: 'observations', row: 4, column: column('unit'), cell: `${letters(column('unit'))}4` }],
      ['ref.unknown-facility', { sheet: 'observations', row: 5, column: column('scope.facility'), cell: `${letters(column('scope.facility'))}5` }],
    ]);
  }, 30_000);

  it('name the first of two duplicates by its sheet and row, on whichever sheet of the records it is', async () => {
    const workbook = await open(await writeXlsx(example));
    // A facility typed again below the five of rows 3 to 7.
    const facilities = workbook.getWorksheet('facilities')!;
    facilities.addRow((facilities.getRow(3).values as unknown[]).slice(1));
    // A second sheet of observations, made by hand, after the observations sheet: field paths in its first row.
    const observations = workbook.getWorksheet('observations')!;
    const paths = (observations.getRow(2).values as unknown[]).slice(1) as string[];
    const total = (observations.getRow(3).values as unknown[]).slice(1);
    const of2021 = (id: string): unknown[] =>
      total.map((value, i) => (paths[i] === 'id' ? id : paths[i] === 'period.start' ? new Date(Date.UTC(2021, 0, 1)) : paths[i] === 'period.end' ? new Date(Date.UTC(2021, 11, 31)) : value));
    const more = workbook.addWorksheet('2021');
    more.addRow(paths);
    more.addRow(of2021('obs-zm-2021'));
    more.addRow(of2021('obs-zm-2021-again'));
    more.addRow(of2021('obs-zm-hiv-prevalence-2019-female'));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { issues } = await validateXlsx(bytes, { now });
    expect(issues.map(({ code, location, params }) => [code, (location as CellLocation).sheet, (location as CellLocation).row, params])).toEqual([
      ['unique.duplicate-id', 'facilities', 8, { recordType: 'facility', id: 'zm-fac-01', first: { sheet: 'facilities', row: 3 } }],
      ['unique.duplicate-breakdown', '2021', 3, { categories: {}, first: { sheet: '2021', row: 2 } }],
      ['unique.duplicate-id', '2021', 4, { recordType: 'observation', id: 'obs-zm-hiv-prevalence-2019-female', first: { sheet: 'observations', row: 4 } }],
    ]);
    expect(issues.map((issue) => issue.message)).toEqual([
      'A second facility with the identifier "zm-fac-01" (the first is at sheet "facilities", row 3)',
      'A second observation of the total for the same indicator, scope, period and data source (the first is at sheet "2021", row 2)',
      'A second observation with the identifier "obs-zm-hiv-prevalence-2019-female" (the first is at sheet "observations", row 4)',
    ]);
    const said: Record<Locale, string> = {
      en: 'the first is at sheet "facilities", row 3)',
      ru: 'впервые: лист «facilities», строка 3)',
      uk: 'уперше: аркуш «facilities», рядок 3)',
      fr: 'première fois : feuille « facilities », ligne 3)',
      es: 'primera vez: hoja «facilities», fila 3)',
    };
    for (const locale of Object.keys(said) as Locale[]) {
      const { issues: inLocale } = await validateXlsx(bytes, { now, locale });
      expect(inLocale[0]!.message.endsWith(said[locale]), inLocale[0]!.message).toBe(true);
      // Validated with the parts loaded on demand, the file says the same.
      expect((await validateFileAsync(bytes, { name: 'facilities.xlsx', now, locale })).issues).toEqual(inLocale);
    }
  }, 30_000);

  it('tell a renamed Package sheet by its columns, as a renamed sheet of records is', async () => {
    const workbook = await open(await writeXlsx(example));
    workbook.getWorksheet('Package')!.name = 'Пакет';
    workbook.getWorksheet('observations')!.name = 'Спостереження';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { issues, data } = await validateXlsx(bytes, { now });
    expect(issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
    expect(data).toEqual(example);
    // A sheet of notes whose columns name fields of neither stays one that holds no records.
    workbook.addWorksheet('Нотатки').addRow(['id', 'Some', 'notes', 'here']);
    const noted = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(noted.issues.map((issue) => [issue.code, issue.params])).toEqual([['sheet.unknown-sheet', { sheet: 'Нотатки' }]]);
  });

  it('name a sheet that holds no records, a workbook of blank sheets, and a file that is no workbook', async () => {
    const workbook = await open(await writeXlsx(example));
    workbook.addWorksheet('Sheet1').addRow(['Some', 'notes']);
    const { issues } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(issues.map((issue) => [issue.code, issue.params])).toEqual([['sheet.unknown-sheet', { sheet: 'Sheet1' }]]);
    // A workbook saved before anything was typed in it, its only sheets blank: one formatted, one of spaces, and a
    // template's Package and observations sheets left unfilled.
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Sheet1');
    blank.addWorksheet('Sheet2').getCell('B3').numFmt = '0.00';
    blank.addWorksheet('Sheet3').addRow(['', '  ']);
    blank.addWorksheet('Package');
    blank.addWorksheet('observations').getCell('A5').value = ' ';
    const nothing = await validateXlsx(new Uint8Array(await blank.xlsx.writeBuffer()));
    expect(nothing).toMatchObject({ ok: false, issues: [{ code: 'file.empty', params: { blank: false }, message: 'The file is empty' }] });
    expect(nothing.issues).toHaveLength(1);
    const broken = await validateXlsx(new TextEncoder().encode('id,name\n1,2\n'));
    expect(broken.issues.map((issue) => issue.code)).toEqual(['sheet.unreadable']);
    expect(broken.ok).toBe(false);
  }, 30_000);

  it('names a sheet named after its records whose header names none of their fields, rather than reading no records from it', async () => {
    const workbook = await open(await writeXlsx(example));
    // The row of field paths deleted, headings of the user's own left (PHX's own are read: see headings.test.ts):
    // PHX cannot tell which column is which.
    const facilities = workbook.getWorksheet('facilities')!;
    facilities.spliceRows(2, 1);
    facilities.getRow(1).eachCell((cell, column) => {
      cell.value = `Стовпець ${column}`;
    });
    const { pkg, issues } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { locale: 'uk' });
    expect(pkg.facilities).toBeUndefined();
    expect(issues.map((issue) => [issue.code, issue.params, issue.location, issue.message])).toEqual([
      ['csv.no-header', { type: 'facility' }, { sheet: 'facilities', row: 1, column: 1, cell: 'A1' }, 'Перший рядок — не заголовок зі стовпцями записів типу «установа»; додайте рядок заголовка'],
    ]);
    expect((await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now })).ok).toBe(false);
  });

  it('measures a workbook before unpacking it: one that unpacks to more than the limit is too large, a cut one unreadable', async () => {
    const bytes = await writeXlsx(example);
    expect((await readXlsx(bytes, { maxDocumentBytes: bytes.length * 100 })).issues).toEqual([]);
    const { issues } = await readXlsx(bytes, { maxDocumentBytes: bytes.length });
    expect(issues.map((issue) => [issue.code, issue.params])).toEqual([['file.too-large', { maxBytes: bytes.length }]]);
    const cut = await readXlsx(bytes.subarray(0, bytes.length - 100));
    expect(cut.issues.map((issue) => issue.code)).toEqual(['sheet.unreadable']);
  }, 30_000);

  it('reports a JSON cell nested deeper than the stack allows as too deep, at its cell, without throwing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(['id', 'country', 'facilityType', 'extensions.https://x.org/a']);
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`]);
    const { issues } = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now });
    // The others are the package header's: a workbook without a Package sheet has none.
    const onSheet = issues.filter((issue) => issue.location !== undefined);
    expect(onSheet.map((issue) => [issue.code, issue.location])).toEqual([['syntax.too-deep', { sheet: 'facilities', row: 2, column: 4, cell: 'D2' }]]);
  });

  it('reports a date cell that holds no date at its cell, where reading it threw', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(['id', 'country', 'facilityType', 'population.count', 'population.date']);
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', 1200, Number.NaN]);
    sheet.addRow(['zm-kabwe', 'ZM', 'prison', 800, 1e12]);
    sheet.getColumn(5).numFmt = 'yyyy-mm-dd';
    const { issues } = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now });
    const dates = issues.filter((issue) => issue.pointer.endsWith('/population/date'));
    expect(dates.map((issue) => [issue.code, issue.location])).toEqual([
      ['schema.invalid-format', { sheet: 'facilities', row: 2, column: 5, cell: 'E2' }],
      ['schema.invalid-format', { sheet: 'facilities', row: 3, column: 5, cell: 'E3' }],
    ]);
  });

  it('reads a number in a date column as an Excel serial date from 10000 on, and takes a smaller one for a year typed alone', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(['id', 'country', 'facilityType', 'population.count', 'population.date']);
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', 1200, 43831]);
    sheet.addRow(['zm-ndola', 'ZM', 'prison', 500, 2023]);
    // The same year typed in a cell formatted as a date, as `phx template` formats them: Excel keeps day 2023 all the same.
    sheet.addRow(['zm-kabwe', 'ZM', 'prison', 800, 2023]);
    sheet.getCell('E4').numFmt = 'dd.mm.yyyy';
    const { pkg, issues } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect((pkg.facilities as { population: unknown }[]).map((facility) => facility.population)).toEqual([
      { count: 1200, date: '2020-01-01' },
      { count: 500, date: '2023' },
      { count: 800, date: '2023' },
    ]);
    expect(issues.map((issue) => [issue.code, issue.location])).toEqual([['sheet.normalised', { sheet: 'facilities', row: 1, column: 5, cell: 'E1' }]]);
    const result = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now });
    expect(result.issues.filter((issue) => issue.severity === 'error' && issue.pointer.endsWith('/population/date')).map((issue) => [issue.code, issue.location, issue.message])).toEqual([
      ['schema.invalid-format', { sheet: 'facilities', row: 3, column: 5, cell: 'E3' }, 'Date of the count: "2023" is not a date written year-month-day, e.g. 2023-01-31'],
      ['schema.invalid-format', { sheet: 'facilities', row: 4, column: 5, cell: 'E4' }, 'Date of the count: "2023" is not a date written year-month-day, e.g. 2023-01-31'],
    ]);
  });

  it('reports a cell under a blank heading at its cell, rather than dropping it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(['id', 'country', 'facilityType', null, 'capacity']);
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', 'overcrowded', 1200]);
    const { pkg, issues } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(pkg.facilities).toEqual([{ id: 'zm-lusaka', country: 'ZM', facilityType: 'prison', capacity: 1200 }]);
    expect(issues.map((issue) => [issue.code, issue.location])).toEqual([['sheet.cell-beyond-header', { sheet: 'facilities', row: 2, column: 4, cell: 'D2' }]]);
  });

  it('reads a formula as its result, a result of 0 included, and reports one the file holds no result of at its cell alone', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(['id', 'country', 'facilityType', 'population.count', 'population.date']);
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', { formula: 'D3-D3', result: 0 }, { formula: 'DATE(2020,1,1)', result: 43831 }]);
    // As a script writes a workbook (openpyxl, a template filled by code): formulas and no results.
    sheet.addRow(['zm-kabwe', { formula: 'A2', result: undefined }, 'prison', { formula: 'D2+800' }]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { pkg } = await readXlsx(bytes);
    expect(pkg.facilities).toEqual([
      { id: 'zm-lusaka', country: 'ZM', facilityType: 'prison', population: { count: 0, date: '2020-01-01' } },
      { id: 'zm-kabwe', facilityType: 'prison' },
    ]);
    const { issues } = await validateXlsx(bytes, { now, locale: 'uk' });
    // `country` is required: its formula's issue says why it is empty, with no second issue at the same cell.
    // The others are the package header's: a workbook without a Package sheet has none.
    expect(issues.filter((issue) => issue.severity === 'error' && issue.location !== undefined && 'sheet' in issue.location).map((issue) => [issue.code, issue.location, issue.message])).toEqual([
      ['sheet.formula-without-result', { sheet: 'facilities', row: 3, column: 2, cell: 'B3' }, expect.stringContaining('«=A2»') as string],
      ['sheet.formula-without-result', { sheet: 'facilities', row: 3, column: 4, cell: 'D3' }, expect.stringContaining('«=D2+800»') as string],
    ]);
  });

  it('reads a formula whose saved result is an empty text as an empty cell, as Excel saves it, not as a formula without result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(['id', 'country', 'facilityType', 'capacity', 'population.count', 'name']);
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', 1200, 1, 'x']);
    sheet.addRow(['zm-kabwe', 'ZM', 'prison', 800, 1, 'x']);
    // `=IF(L4="";"";…)` as Excel saves it when L4 is blank: a text result, its value empty (`<v></v>`, `<v/>`, or none).
    const excel: Record<string, string> = {
      E2: '<c r="E2" s="1" t="str"><f>IF(D2="","",D2/2)</f><v></v></c>',
      F2: '<c r="F2" t="str"><f>IF(A9="","",A9)</f><v/></c>',
      E3: '<c r="E3" t="str"><f>IF(D9="","",D9/2)</f></c>',
      F3: '<c r="F3" t="str"><f>IF(A3="","",A3)</f><v>zm-kabwe</v></c>',
    };
    const bytes = withPart(new Uint8Array(await workbook.xlsx.writeBuffer()), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>.*?<\/c>)/g, (cell, name: string) => excel[name] ?? cell));
    expect(new TextDecoder().decode(bytes)).toContain(excel.E2);
    const { pkg, issues } = await readXlsx(bytes);
    expect(issues).toEqual([]);
    expect(pkg.facilities).toEqual([
      { id: 'zm-lusaka', country: 'ZM', facilityType: 'prison', capacity: 1200 },
      { id: 'zm-kabwe', country: 'ZM', facilityType: 'prison', capacity: 800, name: 'zm-kabwe' },
    ]);
    const result = await validateXlsx(bytes, { now });
    expect(result.issues.filter((issue) => issue.location !== undefined)).toEqual([]);
  });

  // Typed `7,5%`, a cell keeps 0.075 formatted `0.0%`: PHX reads what Excel shows, as it reads the text `7.5%`.
  describe('a number formatted as a percent', () => {
    const columns = ['id', 'indicator', 'reportingOrganisation', 'scope.country', 'period.start', 'period.end', 'numerator', 'denominator', 'value', 'unit', 'dataSource', 'confidenceInterval.lower', 'confidenceInterval.upper', 'confidenceInterval.level'];
    const base = (id: string) => [id, 'hiv-prevalence-prisoners', 'UA-EDR-21514560', 'UA', '2020-01-01', '2020-12-31'];
    /** Rows with percents as numbers formatted as percents, or as the text Excel shows for them. */
    const observations = async (as: 'numbers' | 'texts'): Promise<Uint8Array> => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('observations');
      const formats = new Map<string, string>();
      const percent = (kept: number, format: string) => (cell: string): ExcelJS.CellValue => {
        if (as === 'texts') return `${new PercentCell(kept, format).shown}%`;
        formats.set(cell, format);
        return kept;
      };
      const rows: (ExcelJS.CellValue | ((cell: string) => ExcelJS.CellValue))[][] = [
        columns,
        [...base('obs-1'), 46, 610, percent(0.075, '0.0%'), 'percent', 'survey', percent(0.051, '0.0%'), percent(0.099, '0.0%'), percent(0.95, '0%')],
        // A percent where no % sign may be: in `numerator`, and in `value` where the unit is no percent.
        [...base('obs-2'), percent(0.12, '0%'), 610, percent(0.075, '0.00%'), 'rate-per-100000', 'survey', null, null, percent(0.9, '[Blue]0%;[Red]-0%')],
      ];
      rows.forEach((row, r) => sheet.addRow(row.map((value, c) => (typeof value === 'function' ? value(`${String.fromCharCode(65 + c)}${r + 1}`) : value))));
      for (const [cell, format] of formats) sheet.getCell(cell).numFmt = format;
      // A formula's result as well.
      sheet.addRow([...base('obs-3'), 46, 610, as === 'texts' ? { formula: 'G4/H4', result: '7.5%' } : { formula: 'G4/H4', result: 0.075 }, 'percent', 'survey']);
      if (as === 'numbers') sheet.getCell('I4').numFmt = '0.0%';
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    };

    it('is read as the number Excel shows where a % sign may be typed, noted, and as its text elsewhere, as the text is', async () => {
      const numbers = await observations('numbers');
      const { pkg, issues } = await readXlsx(numbers);
      expect(pkg.observations).toMatchObject([
        { id: 'obs-1', numerator: 46, value: 7.5, confidenceInterval: { lower: 5.1, upper: 9.9, level: 95 } },
        { id: 'obs-2', numerator: '12%', value: '7.5%', confidenceInterval: { level: 90 } },
        { id: 'obs-3', value: 7.5 },
      ]);
      const column = (path: string): number => columns.indexOf(path) + 1;
      expect(issues.map((issue) => [issue.code, issue.params, (issue.location as CellLocation).column])).toEqual([
        ['sheet.normalised', { column: 'value', letter: 'I', cells: 2, forms: ['percent-sign'] }, column('value')],
        ['sheet.normalised', { column: 'confidenceInterval.lower', letter: 'L', cells: 1, forms: ['percent-sign'] }, column('confidenceInterval.lower')],
        ['sheet.normalised', { column: 'confidenceInterval.upper', letter: 'M', cells: 1, forms: ['percent-sign'] }, column('confidenceInterval.upper')],
        ['sheet.normalised', { column: 'confidenceInterval.level', letter: 'N', cells: 2, forms: ['percent-sign'] }, column('confidenceInterval.level')],
        // A value in percent in a row of another unit: the unit or the value is wrong.
        ['sheet.percent-unit-mismatch', { value: 7.5, unit: 'rate-per-100000' }, column('value')],
      ]);
      // The same cells typed as the text Excel shows: the same package, the same notes, the same issues, a misplaced
      // percent echoed as typed rather than by the number shown.
      const texts = await observations('texts');
      const typed = (issue: ValidationIssue): ValidationIssue =>
        issue.code === 'sheet.percent-unit-mismatch' && typeof issue.params.value === 'number' ? { ...issue, params: { ...issue.params, value: `${issue.params.value}%` } } : issue;
      const read = await readXlsx(numbers);
      expect(await readXlsx(texts)).toEqual({ ...read, issues: read.issues.map(typed), tables: expect.anything() as unknown });
      const where = (result: Awaited<ReturnType<typeof validateXlsx>>) => result.issues.map((issue) => [issue.code, issue.location, issue.message]);
      const checked = await validateXlsx(numbers, { now });
      expect(where(checked)).toEqual(where(await validateXlsx(texts, { now })));
      expect(where(checked)).toContainEqual(['schema.invalid-type', { sheet: 'observations', row: 3, column: column('numerator'), cell: 'G3' }, expect.any(String)]);
      expect(checked.issues.filter((issue) => issue.location && 'cell' in issue.location && issue.location.cell === 'I3').map((issue) => issue.code)).toEqual(['sheet.percent-unit-mismatch']);
      // Shown as Excel shows it in the language of the messages.
      const ukrainian = await validateXlsx(numbers, { now, locale: 'uk' });
      expect(ukrainian.issues.find((issue) => issue.code === 'sheet.percent-unit-mismatch')?.message).toBe(
        'У клітинці 7,5% — це відсоток, але одиниця рядка — «rate-per-100000»: якщо значення у відсотках, укажіть одиницю «percent»; інакше запишіть його без знака %',
      );
    });

    it('is read to the decimals typed, whatever the floating point of the number kept', async () => {
      // As Excel keeps `typed`%: the double nearest typed / 100, with at most 15 significant digits.
      const typed = fc.tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 20 }));
      fc.assert(fc.property(typed, ([digits, places]) => {
        expect(new PercentCell(Number(`${digits}e-${places + 2}`), '0.00%').shown).toBe(Number(`${digits}e-${places}`));
      }), { numRuns: 2000 });
      expect(new PercentCell(0.075, '0.0%').shown).toBe(7.5);
      await fc.assert(fc.asyncProperty(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 4 })), async ([digits, places]) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('observations');
        sheet.addRow(columns);
        sheet.addRow([...base('obs-1'), 46, 610, Number(`${digits}e-${places + 2}`), 'percent', 'survey']);
        sheet.getCell('I2').numFmt = '0.00%';
        const { pkg } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
        expect((pkg.observations as { value: number }[])[0]!.value).toBe(Number(`${digits}e-${places}`));
      }), { numRuns: 20 });
    });

    it('is told by a % outside quoted text, escapes and brackets, in the section the number is shown by', async () => {
      const formats: [format: string, value: number, read: number][] = [
        ['0%', 0.45, 45],
        ['[$-409]#,##0.0 %', 0.045, 4.5],
        ['0.0"%"', 0.045, 0.045],
        ['0.0\\%', 0.045, 0.045],
        ['0.0;-0.0%', -0.045, -4.5],
        ['0.0%;-0.0', -0.045, -0.045],
        ['0.0%;-0.0;"none"', 0, 0],
      ];
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('observations');
      sheet.addRow(columns);
      formats.forEach(([format, value], i) => {
        sheet.addRow([...base(`obs-${i}`), 46, 610, value, 'percent', 'survey']);
        sheet.getCell(i + 2, columns.indexOf('value') + 1).numFmt = format;
      });
      const { pkg } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
      expect((pkg.observations as { value: number }[]).map((o) => o.value)).toEqual(formats.map(([, , read]) => read));
    });
  });

  it('reads a merged cell once, at its first cell, not again under every column of the merge', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(['id', 'country', 'facilityType', 'name', 'subnationalArea']);
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', 'Lusaka Central Correctional Facility', null]);
    sheet.mergeCells('D2:E2');
    const { pkg, issues } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(issues).toEqual([]);
    expect(pkg.facilities).toEqual([{ id: 'zm-lusaka', country: 'ZM', facilityType: 'prison', name: 'Lusaka Central Correctional Facility' }]);
  });

  it('names the merge a required cell is empty under, past the merge\'s first cell, in every language', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(['id', 'country', 'facilityType', 'name']);
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', 'Lusaka']);
    sheet.addRow(['zm-ndola', null, 'prison', 'Ndola']);
    sheet.addRow(['zm-kabwe', null, 'prison', 'Kabwe']);
    sheet.addRow(['zm-mpima', null, null, 'Mpima']);
    // The country merged over three rows, as a title block merges a group; a type left empty, merged over nothing.
    sheet.mergeCells('B2:B4');
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const required = (issues: readonly ValidationIssue[]) =>
      issues.flatMap((issue) => (issue.code === 'schema.required' && issue.location ? [[(issue.location as CellLocation).cell, issue.params.sheet, issue.message]] : []));
    const { issues } = await validateXlsx(bytes, { now });
    expect(required(issues)).toEqual([
      ['B3', { column: 'country', merged: 'B2:B4' }, 'Empty cell in the required column "country": it is in the merged cells B2:B4, and a merge keeps its value in its first cell, B2, alone. Unmerge the cells and fill in each one'],
      ['B4', { column: 'country', merged: 'B2:B4' }, 'Empty cell in the required column "country": it is in the merged cells B2:B4, and a merge keeps its value in its first cell, B2, alone. Unmerge the cells and fill in each one'],
      ['B5', { column: 'country' }, 'Empty cell in the required column "country": fill it in'],
      ['C5', { column: 'facilityType' }, 'Empty cell in the required column "facilityType": fill it in'],
    ]);
    const messages = await Promise.all((['uk', 'ru', 'fr', 'es'] as const).map(async (locale) => required((await validateXlsx(bytes, { now, locale })).issues)[0]![2]));
    expect(messages).toEqual([
      'Порожня клітинка в обов’язковому стовпці «country»: вона належить до об’єднаних клітинок B2:B4, а об’єднання зберігає значення лише в першій клітинці, B2. Скасуйте об’єднання й заповніть кожну клітинку',
      'Пустая ячейка в обязательном столбце «country»: она входит в объединённые ячейки B2:B4, а объединение хранит значение только в первой ячейке, B2. Отмените объединение и заполните каждую ячейку',
      'Cellule vide dans la colonne obligatoire « country » : elle fait partie des cellules fusionnées B2:B4, et une fusion ne garde sa valeur que dans sa première cellule, B2. Annulez la fusion et remplissez chaque cellule',
      'Celda vacía en la columna obligatoria «country»: forma parte de las celdas combinadas B2:B4, y una combinación solo guarda su valor en su primera celda, B2. Separe las celdas y rellene cada una',
    ]);
    expect((await validateFileAsync(bytes, { name: 'facilities.xlsx', now })).issues).toEqual(issues);
    const assembled = await assemblePackage([{ name: 'facilities.xlsx', bytes }], { now, header: 'optional' });
    expect(required(assembled.files[0]!.issues)).toEqual(required(issues));
  });

  it('reads the dates of a workbook in the 1904 date system, number cells in date columns included', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(['id', 'country', 'facilityType', 'population.count', 'population.date']);
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', 1200, new Date(Date.UTC(2020, 0, 1))]);
    // Day 42369 of the 1904 system, as older Excel for Mac counts: 2020-01-01 (43831 in the 1900 system).
    sheet.addRow(['zm-ndola', 'ZM', 'prison', 500, 42369]);
    sheet.getCell('E2').numFmt = 'yyyy-mm-dd';
    const { pkg } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect((pkg.facilities as { population: unknown }[]).map((facility) => facility.population)).toEqual([
      { count: 1200, date: '2020-01-01' },
      { count: 500, date: '2020-01-01' },
    ]);
  });

  it('reports a second row of values on the Package sheet at its row, rather than dropping it', async () => {
    const workbook = await open(await writeXlsx(example));
    const header = workbook.getWorksheet('Package')!;
    const paths = (header.getRow(2).values as unknown[]).slice(1) as string[];
    header.getCell(4, paths.indexOf('id') + 1).value = 'phx-network-meeting-2021';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { pkg, issues } = await readXlsx(bytes);
    expect(pkg.id).toEqual(example.id);
    expect(issues.map((issue) => [issue.code, issue.location])).toEqual([['sheet.second-header', { sheet: 'Package', row: 4, column: 1, cell: 'A4' }]]);
    expect((await validateXlsx(bytes, { now })).ok).toBe(false);
  });

  // Cells of every kind exceljs reads — numbers beyond any date, NaN, errors, formulas, rich text, links, dates
  // out of range — under any PHX columns, formatted as dates, text or numbers, on a sheet of any name.
  it('never throws on a workbook of any cells, and validateFileAsync says what validateFile says of it', async () => {
    const columns = ['id', 'indicator', 'reportingOrganisation', 'scope.country', 'period.start', 'period.end', 'value', 'numerator', 'denominator', 'unit', 'suppressed', 'notes', 'disaggregation.sex', 'extensions.https://x.org/a', 'name.en', 'population.date', 'capacity'];
    const cell = fc.oneof(
      fc.constantFrom(Number.NaN, Infinity, -1e300, 1e12, 2958466, 4.5, true, null, ' ', '#N/A', '1,5', '31.12.2020', '03/04/2020', '2020-13-45', '{', '\u0000', '=1+1'),
      fc.string(),
      fc.double(),
      fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }),
      fc.record({ formula: fc.constant('1+1'), result: fc.oneof(fc.double(), fc.string()) }, { noNullPrototype: true }),
      fc.record({ error: fc.constantFrom('#N/A', '#REF!', '#DIV/0!') }, { noNullPrototype: true }),
      fc.record({ richText: fc.array(fc.record({ text: fc.string() }, { noNullPrototype: true }), { maxLength: 3 }) }, { noNullPrototype: true }),
      fc.record({ text: fc.string(), hyperlink: fc.constant('https://example.org') }, { noNullPrototype: true }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('observations', 'facilities', 'organisations', 'Package', 'Sheet1'),
        fc.shuffledSubarray(columns, { minLength: 1 }),
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 4 }),
        fc.constantFrom(undefined, 'yyyy-mm-dd', '@', '0.00', '0.0%'),
        fc.constantFrom('en', 'uk', 'fr'),
        async (name, header, rows, numFmt, locale) => {
          const workbook = new ExcelJS.Workbook();
          const sheet = workbook.addWorksheet(name);
          sheet.addRow(header);
          for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
          if (numFmt) header.forEach((_, i) => (sheet.getColumn(i + 1).numFmt = numFmt));
          const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
          const options = { name: 'cells.xlsx', locale, now };
          expect(await validateFileAsync(bytes, options)).toEqual(await validateFile(bytes, options));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('reads a sheet made by hand, field paths in its first row, named as the user likes', async () => {
    const workbook = new ExcelJS.Workbook();
    addFacilitiesByHand(workbook);
    const { pkg, issues } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(pkg).toEqual({
      facilities: [
        { id: 'ua-lviv-19', country: 'UA', facilityType: 'prison', capacity: 1200 },
        { id: 'ua-kyiv-sizo', country: 'UA', facilityType: 'pre-trial-detention', capacity: 2850 },
      ],
    });
    expect(issues).toMatchObject([{ code: 'sheet.normalised', location: { sheet: 'Мої установи', row: 1, column: 4, cell: 'D1' } }]);
  });
});

/** The issues of a workbook that lie on one cell of a sheet: code and params. */
function issuesAt(issues: readonly { code: string; params: unknown; location?: unknown }[], sheet: string, cell: string): [string, unknown][] {
  return issues.filter(({ location }) => (location as CellLocation | undefined)?.sheet === sheet && (location as CellLocation).cell === cell).map(({ code, params }) => [code, params]);
}

describe('what a workbook keeps beside the values typed', () => {
  const facilityHeader = ['id', 'country', 'facilityType', 'population.count', 'population.date', 'name'];

  // Excel shows and calculates a number to 15 significant digits; the file may keep the double's 17.
  const shownByExcel = (number: number): number => Number(number.toPrecision(15));

  it('reads a number as Excel shows it, to 15 significant digits: a count a formula keeps as 3.0000000000000004 is 3', async () => {
    const columns = ['id', 'indicator', 'reportingOrganisation', 'scope.country', 'period.start', 'period.end', 'numerator', 'denominator', 'value', 'unit', 'dataSource', 'suppressed', 'notes'];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    sheet.addRow(columns);
    const base = ['UA-EDR-21514560', 'UA', new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2020, 11, 31, 10, 30))];
    const tenth = 0.1 * 3 * 10;
    expect(tenth).toBe(3.0000000000000004);
    sheet.addRow(['obs-1', 'prisons-people-on-oat', ...base, { formula: '0.1*3*10', result: tenth }, null, { formula: 'G2', result: tenth }, 'count', 'routine-programme-data', false, { formula: 'G2', result: tenth }]);
    sheet.addRow(['obs-2', 'hiv-prevalence-prisoners', ...base, 46, 610, { formula: 'G3/H3', result: 46 / 610 }, 'percent', 'survey']);
    sheet.getCell('I3').numFmt = '0.0%';
    sheet.getCell('E2').numFmt = 'dd.mm.yyyy';
    sheet.getCell('F2').numFmt = 'dd.mm.yyyy hh:mm';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect((await open(bytes)).getWorksheet('observations')!.getCell('G2').result).toBe(tenth);
    const { pkg } = await readXlsx(bytes);
    expect(pkg.observations).toMatchObject([
      { id: 'obs-1', period: { start: '2020-01-01', end: '2020-12-31' }, numerator: 3, value: 3, notes: '3' },
      // 46/610 is 0.07540983606557377, shown as 7.54098360655738% to Excel's digits.
      { id: 'obs-2', period: { start: '2020-01-01', end: '2020-12-31' }, value: 7.54098360655738 },
    ]);
    const { issues } = await validateXlsx(bytes, { now });
    expect(issues.map((issue) => issue.code)).not.toContain('arith.count-not-integer');
    expect(issuesAt(issues, 'observations', 'G2')).toEqual([['privacy.small-cell', expect.objectContaining({ value: 3 })]]);
  });

  it('reads a date cell in a column of no date as the date a person reads, 2020-03-12, with its time of day where it has one', async () => {
    // Typed `12.03` in a note, Excel makes it a date cell, 12.03.2020; a date cell beyond the header, and in a number column.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(facilityHeader.filter((column) => column !== 'population.date'));
    const day = new Date(Date.UTC(2020, 2, 12));
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', day, day, new Date(Date.UTC(2020, 2, 12, 10, 30))]);
    sheet.addRow(['zm-kabwe', 'ZM', 'prison', 800, new Date(Date.UTC(2020, 2, 12, 10, 30, 15, 250))]);
    for (const cell of ['D2', 'E2', 'F2', 'E3']) sheet.getCell(cell).numFmt = 'dd.mm.yyyy';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { pkg, issues } = await readXlsx(bytes);
    expect(pkg.facilities).toEqual([
      { id: 'zm-lusaka', country: 'ZM', facilityType: 'prison', population: { count: '2020-03-12' }, name: '2020-03-12' },
      { id: 'zm-kabwe', country: 'ZM', facilityType: 'prison', population: { count: 800 }, name: '2020-03-12T10:30:15.250' },
    ]);
    expect(issuesAt(issues, 'facilities', 'F2')).toEqual([['sheet.cell-beyond-header', { column: 6, letter: 'F', value: '2020-03-12T10:30:00' }]]);
    const checked = await validateXlsx(bytes, { now });
    expect(issuesAt(checked.issues, 'facilities', 'D2')).toContainEqual(['sheet.date-for-number', { date: '2020-03-12' }]);
    expect(issuesAt(checked.issues, 'facilities', 'D2').map(([code]) => code)).not.toContain('schema.invalid-type');
    expect(issuesAt(checked.issues, 'facilities', 'E2')).toEqual([]);
  });

  it('reads any date cell in a text column as its day, and its time where it has one, in the workbook\'s date system', async () => {
    const moment = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)), noInvalidDate: true });
    const day = moment.map((date) => new Date(date.toISOString().slice(0, 10)));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(moment, day), { minLength: 1, maxLength: 10 }), fc.boolean(), async (dates, date1904) => {
        const workbook = new ExcelJS.Workbook();
        workbook.properties.date1904 = date1904;
        const sheet = workbook.addWorksheet('facilities');
        sheet.addRow(['id', 'country', 'facilityType', 'name']);
        dates.forEach((date, i) => sheet.addRow([`f-${i}`, 'ZM', 'prison', date]));
        const { pkg } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
        for (const [i, { name }] of (pkg.facilities as { name: string }[]).entries()) {
          const date = dates[i]!;
          const midnight = date.getTime() % 86_400_000 === 0;
          expect(name).toMatch(midnight ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$/);
          expect(new Date(midnight ? name : `${name}Z`)).toEqual(date);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('reads any number cell as Excel shows it, and integers and numbers of up to 15 significant digits as they are', async () => {
    const double = fc.double({ noNaN: true, noDefaultInfinity: true });
    const typed = fc.oneof(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), double.map(shownByExcel));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(double, typed), { minLength: 1, maxLength: 20 }), fc.array(typed, { minLength: 1, maxLength: 20 }), async (any, exact) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('facilities');
        sheet.addRow(facilityHeader.slice(0, 4));
        [...any, ...exact].forEach((count, i) => sheet.addRow([`f-${i}`, 'ZM', 'prison', count]));
        const { pkg } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
        const counts = (pkg.facilities as { population: { count: number } }[]).map((facility) => facility.population.count);
        expect(counts).toEqual([...any.map(shownByExcel), ...exact]);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('reports a day number below 10000 in a cell of any format, date formats included, at its cell, as the same number in a cell of none', async () => {
    const formats = ['dd.mm.yyyy', 'yyyy-mm-dd', 'mm-dd-yy', 'd/m/yyyy h:mm', 'mmmm yyyy', 'General', '0'];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -2, max: 9999 }), fc.constantFrom(0, 0.5), fc.constantFrom(...formats), fc.boolean(), async (whole, fraction, numFmt, date1904) => {
        const day = whole + fraction;
        const check = async (format?: string) => {
          const workbook = new ExcelJS.Workbook();
          workbook.properties.date1904 = date1904;
          const sheet = workbook.addWorksheet('facilities');
          sheet.addRow(facilityHeader.slice(0, 5));
          sheet.addRow(['zm-lusaka', 'ZM', 'prison', 1200, day]);
          if (format) sheet.getCell('E2').numFmt = format;
          return (await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now })).issues;
        };
        const styled = issuesAt(await check(numFmt), 'facilities', 'E2');
        expect(styled).toEqual([['schema.invalid-format', expect.objectContaining({ field: 'population.date', value: String(day), form: 'date' })]]);
        expect(styled).toEqual(issuesAt(await check(), 'facilities', 'E2'));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('writes a date before day 10000 (1927-05-18) as its text, so that it reads back as the same date', async () => {
    const facilities = [
      { id: 'zm-old', country: 'ZM', facilityType: 'prison', population: { count: 10, date: '1920-01-01' } },
      { id: 'zm-new', country: 'ZM', facilityType: 'prison', population: { count: 20, date: '1927-05-18' } },
    ];
    const bytes = await writeXlsx({ facilities });
    const { pkg, issues } = await readXlsx(bytes);
    expect(issues).toEqual([]);
    expect(pkg.facilities).toEqual(facilities);
    const sheet = (await open(bytes)).getWorksheet('facilities')!;
    const column = (sheet.getRow(2).values as unknown[]).indexOf('population.date');
    expect([sheet.getCell(3, column).value, sheet.getCell(4, column).value]).toEqual(['1920-01-01', new Date(Date.UTC(1927, 4, 18))]);
  });

  it('reads a cell of ISO date type (t="d") as its date, whatever its format, and never as its year or a day of 1905', async () => {
    const dates = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(dates, fc.constantFrom('', 'T00:00:00', 'T00:00:00Z', 'T00:00:00.000'), fc.constantFrom(undefined, 'dd.mm.yyyy', 'yyyy-mm-dd'), async (date, time, numFmt) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('facilities');
        sheet.addRow(facilityHeader);
        sheet.addRow(['zm-lusaka', 'ZM', 'prison', 1200, 12345, 54321]);
        if (numFmt) sheet.getCell('E2').numFmt = numFmt;
        // As Strict Open XML and some tools write a date: its ISO text in a cell of type d.
        const bytes = withPart(new Uint8Array(await workbook.xlsx.writeBuffer()), 'xl/worksheets/sheet1.xml', (xml) => {
          const edited = xml.replace(/<c r="(E2|F2)"([^>]*)><v>\d+<\/v><\/c>/g, (_, cell: string, attributes: string) => `<c r="${cell}"${attributes} t="d"><v>${date}${time}</v></c>`);
          expect(edited).not.toBe(xml);
          return edited;
        });
        const { pkg, issues } = await readXlsx(bytes);
        expect(issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
        expect(pkg.facilities).toEqual([{ id: 'zm-lusaka', country: 'ZM', facilityType: 'prison', population: { count: 1200, date }, name: date }]);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('reports a cell of ISO date type that is no value of its column at its cell: a date in a number column, a text of no date', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(facilityHeader.slice(0, 5));
    sheet.addRow(['zm-lusaka', 'ZM', 'prison', 111, 222]);
    sheet.addRow(['zm-ndola', 'ZM', 'prison', 500, 333]);
    sheet.addRow(['zm-kabwe', 'ZM', 'prison', 800, 444]);
    const cells: Record<string, string> = { D2: '2024-01-01T00:00:00', E3: '2024-13-45T00:00:00', E4: '2024-06-30T13:30:00' };
    const bytes = withPart(new Uint8Array(await workbook.xlsx.writeBuffer()), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(/<c r="(D2|E3|E4)"([^>]*)><v>\d+<\/v><\/c>/g, (_, cell: string, attributes: string) => `<c r="${cell}"${attributes} t="d"><v>${cells[cell]}</v></c>`));
    const { pkg } = await readXlsx(bytes);
    // A date and time in a date column is read as its date, as a date cell of Excel with a time is.
    expect((pkg.facilities as { population: unknown }[]).map((facility) => facility.population)).toEqual([
      { count: '2024-01-01', date: '222' },
      { count: 500, date: '2024-13-45' },
      { count: 800, date: '2024-06-30' },
    ]);
    const { issues } = await validateXlsx(bytes, { now });
    expect(issuesAt(issues, 'facilities', 'D2')).toEqual([['schema.invalid-type', expect.objectContaining({ value: '2024-01-01', expected: 'number' })]]);
    expect(issuesAt(issues, 'facilities', 'E3')).toEqual([['schema.invalid-format', expect.objectContaining({ value: '2024-13-45' })]]);
    expect(issuesAt(issues, 'facilities', 'E4')).toEqual([]);
  });

  it('tells a number Excel turned into a date (7.5 typed in Ukrainian Excel, shown as 07.тра) at its cell, with the number to type again', async () => {
    const rows = (example.observations as Record<string, unknown>[]).slice(0, 5);
    const bytes = await writeXlsx({ ...example, observations: rows }, { language: 'uk' });
    const workbook = await open(bytes);
    const sheet = workbook.getWorksheet('observations')!;
    const valueColumn = (sheet.getRow(2).values as unknown[]).indexOf('value');
    const put = (row: number, date: Date) => {
      const cell = sheet.getRow(row).getCell(valueColumn);
      cell.value = date;
      cell.numFmt = 'dd.mmm';
    };
    put(3, new Date(Date.UTC(2023, 4, 7)));
    // Not a number typed with a point: a time of day, and a day number a year alone makes (a number in a date cell).
    put(4, new Date(Date.UTC(1899, 11, 30, 7, 30)));
    put(5, new Date(Date.UTC(1905, 6, 16)));
    // Nor a large number in a date format: 100000 is 14.10.2173, 3000000 a day of the year 10113.
    put(6, new Date(Date.UTC(2173, 9, 14)));
    put(7, new Date(Date.UTC(10113, 8, 1)));
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    const letter = String.fromCharCode(64 + valueColumn);
    const { issues } = await validateXlsx(edited, { now, locale: 'uk' });
    const told = issues.filter((issue) => issue.code === 'sheet.date-for-number');
    expect(told).toEqual([
      expect.objectContaining({
        severity: 'error',
        // As the record's own issues: the field of the column in the record of the row, the sheet's first.
        pointer: '/observations/0/value',
        params: { date: '2023-05-07' },
        location: { sheet: 'observations', row: 3, column: valueColumn, cell: `${letter}3` },
        message: 'Тут дата (07.05.2023), а очікується число: Excel перетворює на дату число, введене з крапкою (7.5 — на 07.05). Задайте клітинці формат «Числовий» і введіть число знову з десятковою комою: 7,5',
      }),
    ]);
    // The cell is told once: its record says nothing more of the date's text.
    expect(issuesAt(issues, 'observations', `${letter}3`)).toEqual([['sheet.date-for-number', { date: '2023-05-07' }]]);
    expect(issuesAt(issues, 'observations', `${letter}4`).map(([code]) => code)).toEqual(['schema.invalid-type']);
    for (const row of [5, 6, 7]) expect(issuesAt(issues, 'observations', `${letter}${row}`).map(([code]) => code), String(row)).toContain('schema.invalid-type');
    expect((await validateFileAsync(edited, { name: 'дані.xlsx', now, locale: 'uk' })).issues).toEqual(issues);
  });

  it('reports an Excel error at its cell in any column, typed or the result of a formula, and says no more of that cell', async () => {
    const errors = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'];
    const header = ['id', 'indicator', 'reportingOrganisation', 'scope.country', 'scope.subnationalArea', 'period.start', 'period.end', 'numerator', 'denominator', 'value', 'unit', 'dataSource', 'methodNote', 'notes', 'extensions.https://x.org/a'];
    const row = ['obs-1', 'hiv-prevalence-prisoners', 'ZM-PACRA-120190000999', 'ZM', 'Lusaka', new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2020, 11, 31)), 60, 1000, 6, 'percent', 'survey', 'A census', 'Checked', '{"a":1}'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...errors), fc.integer({ min: 0, max: header.length - 1 }), fc.boolean(), async (error, column, formula) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('observations');
        sheet.addRow(header);
        sheet.addRow(row.map((value, i) => (i === column ? (formula ? { formula: 'NA()', result: { error } } : { error }) : value)) as ExcelJS.CellValue[]);
        const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
        const cell = `${String.fromCharCode(65 + column)}2`;
        const { issues } = await validateXlsx(bytes, { now });
        expect(issuesAt(issues, 'observations', cell)).toEqual([['sheet.error-cell', { value: error }]]);
        expect(issues.find((issue) => issue.code === 'sheet.error-cell')?.severity).toBe('error');
        expect((await validateFileAsync(bytes, { name: 'errors.xlsx', now })).issues).toEqual(issues);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it("gives an issue of a cell the path of the cell's record in the package, as the record's own issues have, on every sheet of its records", async () => {
    const header = ['id', 'indicator', 'reportingOrganisation', 'scope.country', 'period.start', 'period.end', 'numerator', 'denominator', 'value', 'unit', 'dataSource'];
    const row = (id: string): ExcelJS.CellValue[] => [id, 'hiv-prevalence-prisoners', 'ZM-PACRA-120190000999', 'ZM', new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2020, 11, 31)), 60, 1000, 6, 'percent', 'survey'];
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('observations');
    first.addRow(header);
    first.addRow(row('obs-1'));
    first.addRow(row('obs-2'));
    // A second sheet of observations, told by its columns: its first row is the package's third observation.
    const second = workbook.addWorksheet('Лусака');
    second.addRow(header);
    second.addRow(row('obs-3'));
    const broken = row('obs-4');
    broken[8] = { error: '#DIV/0!' } as ExcelJS.CellValue;
    broken[9] = 'pct';
    broken[11] = 'a note under no heading';
    second.addRow(broken);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { issues } = await validateXlsx(bytes, { now });
    const onRow = issues.filter((issue) => issue.location && 'row' in issue.location && issue.location.sheet === 'Лусака' && issue.location.row === 3);
    expect(onRow.map(({ code, pointer, location }) => [code, pointer, (location as CellLocation).cell])).toEqual([
      ['sheet.error-cell', '/observations/3/value', 'I3'],
      ['sheet.cell-beyond-header', '/observations/3', 'L3'],
      ['schema.invalid-value', '/observations/3/unit', 'J3'],
    ]);
    expect(onRow.map((issue) => issue.path)).toEqual([['observations', 3, 'value'], ['observations', 3], ['observations', 3, 'unit']]);
    expect((await readXlsx(bytes)).issues.filter((issue) => issue.code === 'sheet.error-cell').map((issue) => issue.pointer)).toEqual(['/observations/3/value']);
    expect((await validateFileAsync(bytes, { name: 'observations.xlsx', now })).issues).toEqual(issues);
  });

  it('reads no hidden or very hidden sheet, and names each one that holds anything in a warning', async () => {
    const state = fc.constantFrom<ExcelJS.WorksheetState>('visible', 'hidden', 'veryHidden');
    await fc.assert(
      fc.asyncProperty(state, state, state, async (header, facilities, draft) => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('Package', { state: header }).addRows([['phxVersion', 'id'], ['1.0', 'pkg-1']]);
        workbook.addWorksheet('facilities', { state: facilities }).addRows([facilityHeader.slice(0, 3), ['zm-lusaka', 'ZM', 'prison']]);
        workbook.addWorksheet('чернетка, не надсилати', { state: draft }).addRows([['id', 'country', 'facilityType', 'notes'], ['zm-draft', 'ZM', 'prison', 'Іваненко І.І., 1985 р.н.']]);
        // A blank hidden sheet holds nothing to leave out.
        workbook.addWorksheet('Sheet9', { state: 'veryHidden' });
        const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
        const { pkg, issues } = await readXlsx(bytes);
        const sheets: [string, ExcelJS.WorksheetState][] = [['Package', header], ['facilities', facilities], ['чернетка, не надсилати', draft]];
        const hidden = sheets.filter(([, shown]) => shown !== 'visible').map(([name]) => name);
        expect(issues.filter((issue) => issue.code === 'sheet.hidden-skipped').map((issue) => [issue.severity, issue.params, issue.message])).toEqual(
          hidden.map((sheet) => ['warning', { sheet }, expect.stringContaining(`Sheet "${sheet}" is hidden, so it was not read`)]),
        );
        expect(pkg.id).toBe(header === 'visible' ? 'pkg-1' : undefined);
        const ids = [...(facilities === 'visible' ? ['zm-lusaka'] : []), ...(draft === 'visible' ? ['zm-draft'] : [])];
        expect(((pkg.facilities ?? []) as { id: string }[]).map((facility) => facility.id)).toEqual(ids);
        if (draft !== 'visible') expect(JSON.stringify(pkg)).not.toContain('Іваненко');
        // A workbook whose every sheet is hidden holds nothing to check: it is not taken for an empty package that validates.
        const result = await validateXlsx(bytes, { now });
        if (hidden.length === 3) expect(result).toMatchObject({ ok: false, issues: expect.arrayContaining([expect.objectContaining({ code: 'file.empty' })]) });
        expect(result.issues.filter((issue) => issue.code === 'sheet.hidden-skipped')).toHaveLength(hidden.length);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('rows and columns hidden in Excel', () => {
  const header = ['id', 'country', 'facilityType', 'capacity', 'name', 'comment'];
  /** A sheet of facilities `zm-2`… on rows 2 to `count + 1`, each named, and the unknown column `comment`. */
  function facilities(count: number): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('facilities');
    sheet.addRow(header);
    for (let row = 2; row <= count + 1; row++) sheet.addRow([`zm-${row}`, 'ZM', 'prison', 100 + row, `Facility ${row}`, 'mine']);
    return { workbook, sheet };
  }
  const hiddenIssues = (issues: readonly ValidationIssue[]) => issues.filter((issue) => issue.code === 'sheet.hidden-read');

  it('reads rows hidden by hand, by a filter or in a collapsed group, and hidden columns, all the same, and says so once a sheet', async () => {
    const { workbook, sheet } = facilities(12);
    for (const row of [5, 6, 7, 12]) sheet.getRow(row).hidden = true;
    // A collapsed group of rows, as Data › Group leaves it.
    sheet.getRow(9).outlineLevel = 1;
    sheet.getRow(9).hidden = true;
    sheet.getColumn(5).hidden = true;
    // Not read, so not said: the unknown column `comment`, an empty hidden column, an empty hidden row beyond the data.
    sheet.getColumn(6).hidden = true;
    sheet.getColumn(4).hidden = false;
    sheet.getColumn(8).hidden = true;
    sheet.getRow(20).hidden = true;
    sheet.getCell('B20').value = '  ';
    // Rows filtered out by an AutoFilter, as Excel writes them: the filter on the sheet, the rows it hides hidden.
    sheet.getRow(3).hidden = true;
    sheet.autoFilter = 'A1:F13';
    const bytes = withPart(new Uint8Array(await workbook.xlsx.writeBuffer()), 'xl/worksheets/sheet1.xml', (xml) => {
      const edited = xml.replace(/<autoFilter ref="A1:F13"\/>/, '<autoFilter ref="A1:F13"><filterColumn colId="0"><filters><filter val="zm-2"/><filter val="zm-4"/></filters></filterColumn></autoFilter>');
      expect(edited).not.toBe(xml);
      return edited;
    });
    const { pkg, issues } = await readXlsx(bytes);
    expect((pkg.facilities as { id: string }[]).map((facility) => facility.id)).toEqual(Array.from({ length: 12 }, (_, i) => `zm-${i + 2}`));
    expect((pkg.facilities as { name: string }[])[3]!.name).toBe('Facility 5');
    expect(hiddenIssues(issues).map(({ severity, params, location, path }) => ({ severity, params, location, path }))).toEqual([
      {
        severity: 'warning',
        params: { sheet: 'facilities', rows: [{ first: 3, last: 3 }, { first: 5, last: 7 }, { first: 9, last: 9 }, { first: 12, last: 12 }], moreRows: 0, columns: [{ column: 'E', heading: 'name' }], moreColumns: 0 },
        location: { sheet: 'facilities', row: 3, column: 1, cell: 'A3' },
        path: ['facilities'],
      },
    ]);
    expect(hiddenIssues(issues)[0]!.message).toBe(
      'On sheet "facilities", rows 3, 5–7, 9, 12 and column E ("name") are hidden in Excel but were read all the same, as Excel writes them to a CSV file too. ' +
        'To leave them out of the package, delete them, or move them to another sheet and hide that sheet: a hidden sheet is not read',
    );
    // validateXlsx and validateFileAsync say it once too.
    expect(hiddenIssues((await validateXlsx(bytes, { now })).issues)).toEqual(hiddenIssues(issues));
    expect(hiddenIssues((await validateFileAsync(bytes, { name: 'hidden.xlsx', now })).issues)).toEqual(hiddenIssues(issues));
  });

  it('says nothing of a workbook with nothing hidden, nor of a workbook PHX wrote', async () => {
    const { workbook } = facilities(5);
    expect(hiddenIssues((await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()))).issues)).toEqual([]);
    expect(hiddenIssues((await readXlsx(await writeXlsx(example))).issues)).toEqual([]);
  });

  it('names a hidden column by its letter and heading when no row is hidden, at its heading', async () => {
    const { workbook, sheet } = facilities(3);
    sheet.getColumn(4).hidden = true;
    const [issue] = hiddenIssues((await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()))).issues);
    expect(issue).toMatchObject({ params: { rows: [], moreRows: 0, columns: [{ column: 'D', heading: 'capacity' }], moreColumns: 0 }, location: { cell: 'D1' } });
    expect(issue!.message).toContain('On sheet "facilities", column D ("capacity") is hidden in Excel but was read all the same');
  });

  it('lists the first ten hidden columns read and counts the others', async () => {
    const columns = ['id', 'indicator', 'reportingOrganisation', 'scope.country', 'period.start', 'period.end', 'numerator', 'denominator', 'value', 'unit', 'dataSource', 'methodNote', 'notes', 'disaggregation.sex'];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    sheet.addRow(columns);
    sheet.addRow(['obs-1', 'hiv-prevalence-prisoners', 'ZM-PACRA-120190000999', 'ZM', '2020-01-01', '2020-12-31', 60, 1000, 6, 'percent', 'survey', 'A census', 'Checked']);
    columns.forEach((_, i) => (sheet.getColumn(i + 1).hidden = true));
    const [issue] = hiddenIssues((await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()))).issues);
    // The empty disaggregation.sex is not read, so not counted.
    expect(issue!.params).toEqual({ sheet: 'observations', rows: [], moreRows: 0, columns: columns.slice(0, 10).map((heading, i) => ({ column: String.fromCharCode(65 + i), heading })), moreColumns: 3 });
    expect(issue!.message).toContain('columns A ("id"), B ("indicator"),');
    expect(issue!.message).toContain('J ("unit") and 3 more are hidden in Excel');
  });

  it('lists the first ten ranges of hidden rows as Excel numbers them and counts the others, whatever rows are hidden', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 2, max: 61 }), { maxLength: 60 }), async (hidden) => {
        const { workbook, sheet } = facilities(60);
        for (const row of hidden) sheet.getRow(row).hidden = true;
        const issues = hiddenIssues((await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()))).issues);
        expect(issues).toHaveLength(hidden.length === 0 ? 0 : 1);
        if (hidden.length === 0) return;
        const { rows, moreRows } = issues[0]!.params as { rows: { first: number; last: number }[]; moreRows: number };
        const sorted = [...hidden].sort((a, b) => a - b);
        const ranges = sorted.filter((row) => !hidden.includes(row - 1)).map((first) => {
          let last = first;
          while (hidden.includes(last + 1)) last++;
          return { first, last };
        });
        expect(rows).toEqual(ranges.slice(0, 10));
        expect(moreRows + rows.reduce((sum, { first, last }) => sum + last - first + 1, 0)).toBe(hidden.length);
        if (moreRows > 0) expect(issues[0]!.message).toContain(`and ${moreRows} more`);
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  /**
   * A sheet of facilities whose rows and columns are given heights and widths as some versions of Excel and
   * LibreOffice write a hidden one, `ht="0"` and `width="0"` without `hidden="1"`: exceljs writes a height of 7 and a
   * width of 20 and the column's number (lest it join columns of one width in one `<col>`), which the XML then says as
   * it is asked to.
   */
  async function sized(count: number, rows: ReadonlyMap<number, string>, columns: ReadonlyMap<number, string>, quote = '"'): Promise<Uint8Array> {
    const { workbook, sheet } = facilities(count);
    for (const row of rows.keys()) sheet.getRow(row).height = 7;
    for (const column of columns.keys()) sheet.getColumn(column).width = 20 + column;
    return withPart(new Uint8Array(await workbook.xlsx.writeBuffer()), 'xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace(/<row r="(\d+)"([^>]*) ht="7"/g, (_, row: string, between: string) => `<row r="${row}"${between} ht=${quote}${rows.get(Number(row))}${quote}`)
        .replace(/<col min="(\d+)" max="\1" width="2(\d)"/g, (_, column: string) => `<col min="${column}" max="${column}" width=${quote}${columns.get(Number(column))}${quote}`));
  }

  it('takes a row of no height and a column of no width for hidden, as Excel shows them, whatever else is sized', async () => {
    const zero = fc.constantFrom('0', '0.0', '0.00', '00');
    const shown = fc.constantFrom('0.5', '7', '15', '10.25', '0.01');
    const size = fc.oneof(zero, shown);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 2, max: 13 }), size), { selector: ([row]) => row, maxLength: 12 }),
        fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 5 }), size), { selector: ([column]) => column, maxLength: 5 }),
        fc.constantFrom('"', "'"),
        async (rows, columns, quote) => {
          const bytes = await sized(12, new Map(rows), new Map(columns), quote);
          const isZero = (text: string) => Number(text) === 0;
          const hiddenRows = rows.filter(([, height]) => isZero(height)).map(([row]) => row).sort((a, b) => a - b);
          const hiddenColumns = columns.filter(([, width]) => isZero(width)).map(([column]) => column).sort((a, b) => a - b);
          const issues = hiddenIssues((await readXlsx(bytes)).issues);
          expect(issues).toHaveLength(hiddenRows.length === 0 && hiddenColumns.length === 0 ? 0 : 1);
          if (issues.length === 0) return;
          const { rows: ranges, columns: named } = issues[0]!.params as { rows: { first: number; last: number }[]; columns: { column: string }[] };
          expect(ranges.flatMap(({ first, last }) => Array.from({ length: last - first + 1 }, (_, i) => first + i))).toEqual(hiddenRows);
          expect(named.map(({ column }) => column)).toEqual(hiddenColumns.map((column) => 'ABCDE'[column - 1]));
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('finds a row of no height anywhere in a long sheet, its XML unpacked in many pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 3001 }), async (row) => {
        const issues = hiddenIssues((await readXlsx(await sized(3000, new Map([[row, '0']]), new Map()))).issues);
        expect(issues.map((issue) => issue.params)).toEqual([{ sheet: 'facilities', rows: [{ first: row, last: row }], moreRows: 0, columns: [], moreColumns: 0 }]);
      }),
      { numRuns: 8 },
    );
  }, 60_000);

  it('says a column of no width is hidden, at its heading', async () => {
    const bytes = await sized(4, new Map(), new Map([[5, '0']]));
    const { issues } = await readXlsx(bytes, { locale: 'uk' });
    expect(hiddenIssues(issues).map(({ location, message }) => ({ location, message }))).toEqual([
      { location: { sheet: 'facilities', row: 1, column: 5, cell: 'E1' }, message: expect.stringContaining('На аркуші «facilities» стовпець E («name») приховано в Excel, але все одно прочитано') },
    ]);
  });

  it('agrees with one row or many in every language', async () => {
    const { workbook, sheet } = facilities(4);
    sheet.getRow(3).hidden = true;
    const one = new Uint8Array(await workbook.xlsx.writeBuffer());
    sheet.getRow(4).hidden = true;
    const two = new Uint8Array(await workbook.xlsx.writeBuffer());
    const messages = async (bytes: Uint8Array) =>
      Promise.all((['en', 'ru', 'uk', 'fr', 'es'] as Locale[]).map(async (locale) => hiddenIssues((await readXlsx(bytes, { locale })).issues)[0]!.message));
    expect(await messages(one)).toEqual([
      expect.stringContaining('On sheet "facilities", row 3 is hidden in Excel but was read all the same, as Excel writes it to a CSV file too. To leave it out'),
      expect.stringContaining('На листе «facilities» строка 3 скрыта в Excel, но всё равно прочитана'),
      expect.stringContaining('На аркуші «facilities» рядок 3 приховано в Excel, але все одно прочитано'),
      expect.stringContaining('Sur la feuille « facilities », la ligne 3 est masquée dans Excel, mais a été lue quand même : Excel l’écrit aussi dans un fichier CSV. Pour la laisser hors du paquet, supprimez-la'),
      expect.stringContaining('Dentro de la hoja «facilities», la fila 3 está oculta en Excel, pero se ha leído igualmente: Excel también la escribe en un archivo CSV. Para dejarla fuera del paquete, elimínela'),
    ]);
    expect(await messages(two)).toEqual([
      expect.stringContaining('rows 3–4 are hidden in Excel but were read all the same'),
      expect.stringContaining('строки 3–4 скрыты в Excel, но всё равно прочитаны'),
      expect.stringContaining('рядки 3–4 приховано в Excel'),
      expect.stringContaining('les lignes 3–4 sont masquées dans Excel, mais ont été lues quand même'),
      expect.stringContaining('Dentro de la hoja «facilities», las filas 3–4 están ocultas en Excel, pero se han leído igualmente'),
    ]);
  });
});

describe('columns named as the sheet shows them', () => {
  const locales: Locale[] = ['en', 'ru', 'uk', 'fr', 'es'];
  const quote = (locale: Locale, text: string): string => (locale === 'en' ? `"${text}"` : locale === 'fr' ? `« ${text} »` : `«${text}»`);
  /** A template in `language`, its observations sheet, and the column of each field path, counted from 1. */
  async function template(language: Locale): Promise<{ workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet; column: (path: string) => number }> {
    const workbook = await open(await xlsxTemplate({ language }));
    const sheet = workbook.getWorksheet('observations')!;
    const paths = (sheet.getRow(2).values as unknown[]).slice(1);
    return { workbook, sheet, column: (path) => paths.indexOf(path) + 1 };
  }
  const bytesOf = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());

  it('names a column read from a local form by its letter and the heading of the template over its field path, in every language', async () => {
    const typed: Record<string, string> = { 'period.start': '01.01.2024', 'period.end': '31.12.2024', numerator: '1 208', denominator: '21 480', value: '5,6' };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...locales), fc.constantFrom(...locales), fc.constantFrom(...Object.keys(typed)), async (language, locale, path) => {
        const { workbook, sheet, column } = await template(language);
        sheet.getCell(3, column('id')).value = 'obs-1';
        sheet.getCell(3, column(path)).value = typed[path]!;
        const heading = sheet.getCell(1, column(path)).value as string;
        const letter = String.fromCharCode(64 + column(path));
        const { issues } = await readXlsx(await bytesOf(workbook), { locale });
        const notes = issues.filter((issue) => issue.code === 'sheet.normalised');
        expect(notes.map((issue) => issue.params)).toEqual([{ column: path, heading, letter, cells: 1, forms: expect.any(Array) as unknown }]);
        expect(notes[0]!.message).toContain(`${letter} (${quote(locale, heading)})`);
        expect(notes[0]!.message).not.toContain(quote(locale, path));
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('says the messages of a Ukrainian template in Ukrainian and English by its own headings', async () => {
    const { workbook, sheet, column } = await template('uk');
    sheet.getCell(3, column('value')).value = '12,5';
    sheet.getCell(3, column('period.start')).value = '03/04/2020';
    sheet.getCell(3, column('period.end')).value = '05/06/2020';
    const bytes = await bytesOf(workbook);
    const message = async (locale: Locale, code: string) => (await readXlsx(bytes, { locale })).issues.find((issue) => issue.code === code)!.message;
    expect(await message('uk', 'sheet.normalised')).toBe('Стовпець N («Значення»): прочитано 1 клітинку з урахуванням таких форм запису: десяткові коми');
    expect(await message('en', 'sheet.normalised')).toBe('Column N ("Значення"): 1 cell read allowing for these forms: decimal commas');
    expect(await message('uk', 'sheet.date-order-unknown')).toMatch(/^Стовпець G \(«Період › початок»\): дати на кшталт 03\/04\/2020 читаються/);
    expect(await message('en', 'sheet.date-order-unknown')).toMatch(/^Column G \("Період › початок"\): dates like 03\/04\/2020 read/);
  });

  it('names a hidden column read by the heading over its field path, and says a hidden column it does not know is hidden', async () => {
    const { workbook, sheet, column } = await template('uk');
    sheet.getCell(3, column('id')).value = 'obs-1';
    sheet.getCell(3, column('notes')).value = 'примітка';
    sheet.getColumn(column('notes')).hidden = true;
    // Columns of the user's own, a working one hidden, the other shown.
    const [hidden, shown] = [sheet.columnCount + 1, sheet.columnCount + 2];
    for (const [at, heading, name] of [[hidden, 'Коментар', 'comment'], [shown, 'Інше', 'other']] as const) {
      sheet.getCell(1, at).value = heading;
      sheet.getCell(2, at).value = name;
      sheet.getCell(3, at).value = 'x';
    }
    sheet.getColumn(hidden).hidden = true;
    const bytes = await bytesOf(workbook);
    const { issues } = await readXlsx(bytes, { locale: 'uk' });
    const letter = String.fromCharCode(64 + column('notes'));
    expect(issues.find((issue) => issue.code === 'sheet.hidden-read')).toMatchObject({
      params: { columns: [{ column: letter, heading: 'Примітки' }] },
      message: expect.stringContaining(`На аркуші «observations» стовпець ${letter} («Примітки») приховано в Excel`) as unknown,
    });
    const unknown = issues.filter((issue) => issue.code === 'sheet.column-not-read');
    const notes = `${letter} («Примітки»)`;
    expect(unknown.map(({ params, message }) => [(params as { column: string }).column, (params as { hidden?: true }).hidden, message])).toEqual([
      ['comment', true, `Стовпець ${columnLetters(hidden)} («Коментар») — не поле PHX, тому його клітинки не потрапляють у дані: щоб зберегти їх, перенесіть їх у стовпець ${notes}; інакше видаліть стовпець. Стовпець приховано в Excel: щоб побачити його, виділіть сусідні стовпці й виберіть «Показати»`],
      ['other', undefined, `Стовпець ${columnLetters(shown)} («Інше») — не поле PHX, тому його клітинки не потрапляють у дані: щоб зберегти їх, перенесіть їх у стовпець ${notes}; інакше видаліть стовпець`],
    ]);
    const hiddenSaid = { en: 'The column is hidden in Excel', ru: 'Столбец скрыт в Excel', uk: 'Стовпець приховано в Excel', fr: 'La colonne est masquée dans Excel', es: 'La columna está oculta en Excel' };
    for (const locale of locales) {
      const said = (await readXlsx(bytes, { locale })).issues.filter((issue) => issue.code === 'sheet.column-not-read').map((issue) => issue.message.includes(hiddenSaid[locale as keyof typeof hiddenSaid]));
      expect(said, locale).toEqual([true, false]);
    }
  });

  it('names the columns of a cell under no heading and of a repeated name by letter in a workbook, by number in a CSV file', async () => {
    const rows = [['id', 'country', 'facilityType', 'id', 'name'], ['zm-1', 'ZM', 'prison', 'zm-2', 'Mwembeshi', '', 'surplus']];
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('facilities').addRows(rows);
    const inWorkbook = (await readXlsx(await bytesOf(workbook))).issues;
    const inCsv = readCsv(rows.map((row) => row.join(',')).join('\n')).issues;
    const said = (issues: readonly ValidationIssue[]) => issues.filter((issue) => issue.code === 'sheet.repeated-column' || issue.code === 'sheet.cell-beyond-header').map(({ params, message }) => ({ params, message }));
    expect(said(inWorkbook)).toEqual([
      { params: { column: 'id', first: 1, firstLetter: 'A', letter: 'D' }, message: expect.stringContaining('Column D ("id") repeats column A:') as unknown },
      { params: { column: 7, letter: 'G', value: 'surplus' }, message: expect.stringContaining('Cell "surplus" in column G has no heading') as unknown },
    ]);
    expect(said(inCsv)).toEqual([
      { params: { column: 'id', first: 1 }, message: expect.stringContaining('Column "id" repeats column 1:') as unknown },
      { params: { column: 7, value: 'surplus' }, message: expect.stringContaining('Cell "surplus" in column 7 has no heading') as unknown },
    ]);
  });

  it('names a repeated column by the heading the sheet shows over it', () => {
    const { issues } = readCsv('Ідентифікатор,Країна,Тип установи,Назва,Назва (копія)\nid,country,facilityType,name,name\nua-1,UA,prison,a,b\n', { locale: 'uk' });
    expect(issues.filter((issue) => issue.code === 'sheet.repeated-column').map(({ params, message }) => ({ params, message }))).toEqual([
      { params: { column: 'name', first: 4, heading: 'Назва (копія)' }, message: expect.stringContaining('Стовпець «Назва (копія)» повторює стовпець 4:') as unknown },
    ]);
  });

  it('names a column of a sheet saved as CSV by the heading over its field path, with no letter', () => {
    const { issues } = readCsv('Ідентифікатор,Країна,Тип установи,Місткість\nid,country,facilityType,capacity\nua-1,UA,prison,"1 200"\n', { locale: 'uk' });
    expect(issues.map(({ code, params, message }) => ({ code, params, message }))).toEqual([
      { code: 'sheet.normalised', params: { column: 'capacity', heading: 'Місткість', cells: 1, forms: ['thousands-separator'] }, message: 'Стовпець «Місткість»: прочитано 1 клітинку з урахуванням таких форм запису: розділювачі розрядів' },
    ]);
  });
});

describe('a text cell of a workbook whose point may group thousands', () => {
  it('is read as a thousand where another text cell has a decimal comma, with a warning at its cell naming the column by its letter; none with the Excel locale', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('facilities').addRows([['id', 'country', 'facilityType', 'capacity'], ['ua-1', 'UA', 'prison', '2,5'], ['ua-2', 'UA', 'prison', '1.200']]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { pkg, issues } = await readXlsx(bytes);
    expect((pkg.facilities as { capacity?: unknown }[] | undefined)?.map((facility) => facility.capacity)).toEqual([2.5, 1200]);
    expect(issues.filter((issue) => issue.code === 'sheet.ambiguous-thousands').map(({ params, location }) => [params, location])).toEqual([
      [{ column: 'capacity', letter: 'D', cells: 1, text: '1.200', value: 1200 }, { sheet: 'facilities', row: 3, column: 4, cell: 'D3' }],
    ]);
    for (const excelLocale of ['es', 'uk'] as const) expect((await readXlsx(bytes, { excelLocale })).issues.map((issue) => issue.code)).not.toContain('sheet.ambiguous-thousands');
  });
});

describe('header cells merged over several columns', () => {
  const columns = ['id', 'indicator', 'reportingOrganisation', 'scope.country', 'period.start', 'period.end', 'numerator', 'denominator', 'value', 'unit', 'dataSource'];
  const row = (id: string) => [id, 'hiv-prevalence-prisoners', 'UA-EDR-21514560', 'UA', '2020-01-01', '2020-12-31', 120, 1000, 12, 'percent', 'survey'];
  /** An observations sheet whose `period.start` is merged over its own column and that of `period.end` (E1:F1), under a title or not. */
  async function mergedPeriod(title: string[] = []): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Package').addRows([['phxVersion', 'id', 'publisher.id', 'publisher.name', 'license', 'publishedAt'], ['1.0', 'pkg-1', 'UA-EDR-21514560', 'Network', 'CC-BY-4.0', '2021-01-01T00:00:00Z']]);
    const sheet = workbook.addWorksheet('observations');
    for (const line of title) sheet.addRow([line]);
    const header = sheet.addRow(columns.map((column) => (column === 'period.end' ? null : column)));
    sheet.addRow(row('obs-1'));
    sheet.addRow(row('obs-2'));
    sheet.mergeCells(header.number, 5, header.number, 6);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('says so once, at the merged cell, with the columns it covers and the column the header lacks, and nothing of the cells under it', async () => {
    const bytes = await mergedPeriod();
    const { issues } = await validateXlsx(bytes, { now });
    expect(issues.map(({ code, location, params }) => ({ code, location, params }))).toEqual([
      { code: 'sheet.merged-header', location: { sheet: 'observations', row: 1, column: 5, cell: 'E1' }, params: { cell: 'E1', value: 'period.start', first: 'E', last: 'F', missing: ['period.end'] } },
    ]);
    expect(issues[0]!.message).toBe(
      'Header cell E1 ("period.start") is merged over columns E–F, so only column E is read: each column needs its own heading. Unmerge the cells and give each column its own field path or heading; the header row lacks "period.end"',
    );
    const { issues: ukrainian } = await validateXlsx(bytes, { now, locale: 'uk' });
    expect(ukrainian.map((issue) => issue.message)).toEqual([
      'Клітинку заголовка E1 («period.start») об’єднано на стовпці E–F, тому прочитано лише стовпець E: кожен стовпець має мати власний заголовок. Скасуйте об’єднання клітинок і дайте кожному стовпцю власний шлях поля або заголовок; у рядку заголовків бракує «period.end»',
    ]);
    for (const locale of ['en', 'ru', 'uk', 'fr', 'es'] as const) {
      const options = { name: 'observations.xlsx', now, locale };
      // Validated with the parts loaded on demand, as the page does, the file says the same.
      expect(await validateFileAsync(bytes, options)).toEqual(await validateFile(bytes, options));
      expect((await validateFile(bytes, options)).issues.map((issue) => issue.code)).toEqual(['sheet.merged-header']);
    }
    // The first column of the merge is read; the others are not.
    const { pkg } = await readXlsx(bytes);
    expect((pkg.observations as { period: unknown }[]).map((observation) => observation.period)).toEqual([{ start: '2020-01-01' }, { start: '2020-01-01' }]);
  }, 30_000);

  it('tells a heading merged over a group of columns, under a title, at its cell, and reads the columns beside it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    sheet.addRow(['Звіт за 2020 рік']);
    sheet.addRow([...columns, 'Розбивка', null, null]);
    sheet.addRow([...row('obs-1'), 'female', '18-29', 'x']);
    sheet.mergeCells('L2:N2');
    sheet.mergeCells('A3:A3');
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { issues } = await readXlsx(bytes, { locale: 'uk' });
    expect(issues.map(({ code, location, params, message }) => ({ code, location, params, message }))).toEqual([{
      code: 'sheet.merged-header',
      location: { sheet: 'observations', row: 2, column: 12, cell: 'L2' },
      params: { cell: 'L2', value: 'Розбивка', first: 'L', last: 'N', missing: [] },
      message: 'Клітинку заголовка L2 («Розбивка») об’єднано на стовпці L–N, тому прочитано лише стовпець L: кожен стовпець має мати власний заголовок. Скасуйте об’єднання клітинок і дайте кожному стовпцю власний шлях поля або заголовок',
    }]);
    const { issues: english } = await readXlsx(bytes);
    expect(english.map((issue) => issue.message)).toEqual([
      'Header cell L2 ("Розбивка") is merged over columns L–N, so only column L is read: each column needs its own heading. Unmerge the cells and give each column its own field path or heading',
    ]);
    const options = { name: 'observations.xlsx', now, locale: 'uk' as const };
    expect(await validateFileAsync(bytes, options)).toEqual(await validateFile(bytes, options));
  });

  it('leaves a merge in a row of data as it was: read once, at its first cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    sheet.addRow([...columns, 'notes']);
    sheet.addRow([...row('obs-1'), 'Колонія 12']);
    sheet.addRow([...row('obs-2'), 'Колонія 12']);
    sheet.mergeCells('L2:L3');
    const { issues } = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(issues).toEqual([]);
  });
});

describe('the columns of a workbook in its messages', () => {
  it('name a column by the heading the sheet shows over it, a flag by the words the sheet takes, and hint at how a small count is suppressed', async () => {
    const workbook = await open(await writeXlsx(example, { language: 'uk' }));
    const sheet = workbook.getWorksheet('observations')!;
    const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    const cell = (row: number, path: string): ExcelJS.Cell => sheet.getCell(row, paths.indexOf(path) + 1);
    cell(3, 'scope.country').value = null;
    cell(3, 'scope.facility').value = null;
    cell(4, 'suppressed').value = '1';
    cell(5, 'value').value = '<5';
    const { issues } = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now, locale: 'ru' });
    const at = (row: number, code: string) => issues.find((issue) => issue.code === code && issue.location && 'row' in issue.location && issue.location.row === row);
    expect(at(3, 'schema.required')).toMatchObject({
      params: { sheet: { column: 'Охоплення › Країна' } }, location: { sheet: 'observations', cell: `${columnLetters(paths.indexOf('scope.country') + 1)}3` },
      message: 'Пустая ячейка в обязательном столбце «Охоплення › Країна»: заполните её',
    });
    expect(at(4, 'schema.invalid-type')?.message).toBe('Столбец «Приховано»: ожидается ИСТИНА или ЛОЖЬ (или да/нет), а указано текст «1»: 1 и 0 не читаются как отметка; напишите ИСТИНА вместо 1 и ЛОЖЬ вместо 0');
    expect(at(5, 'schema.invalid-type')?.message).toBe(
      'Столбец «Значення»: ожидается число, например 12, а указано текст «<5»: чтобы скрыть малое число, поставьте ИСТИНА в столбце «Приховано» и оставьте пустой ячейку в столбце «Значення»',
    );
  }, 30_000);

  it('name a cell of the Package sheet left empty by its heading too', async () => {
    const workbook = await open(await writeXlsx(example, { language: 'uk' }));
    const sheet = workbook.getWorksheet('Package')!;
    const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    sheet.getCell(3, paths.indexOf('license') + 1).value = null;
    const { issues } = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now, locale: 'uk' });
    expect(issues.find((issue) => issue.code === 'schema.required')).toMatchObject({
      location: { sheet: 'Package', row: 3, column: paths.indexOf('license') + 1 }, message: 'Порожня клітинка в обов’язковому стовпці «Ліцензія»: заповніть її',
    });
  }, 30_000);
});

describe('a template filled in, with a field path of row 2 cleared or a column of one\'s own added', () => {
  const header = JSON.parse(readFileSync(new URL('../../../examples/data/spreadsheet/header.phx.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const rows = guideObservations.map((row, at) => (at === 2 ? { ...row, notes: 'Добровільне тестування' } : row));
  /** The Ukrainian template of the example's header with its three observations, edited by `edit` (`column` of a field path, from 1). */
  async function filled(edit: (sheet: ExcelJS.Worksheet, column: (path: string) => number) => void): Promise<Uint8Array> {
    const workbook = await open(await xlsxTemplate({ language: 'uk', header }));
    const column = fillObservations(workbook, rows);
    edit(workbook.getWorksheet('observations')!, column);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const told = (issues: readonly ValidationIssue[]) => issues.filter((issue) => issue.severity !== 'info').map(({ code, severity, location, params }) => ({ code, severity, location, params }));

  it('reads a column whose field path was cleared as the field its heading names, and says so once, at the empty cell', async () => {
    const bytes = await filled((sheet, column) => {
      sheet.getCell(2, column('denominator')).value = null;
    });
    const issue = { code: 'sheet.column-path-missing', severity: 'warning', location: { sheet: 'observations', row: 2, column: 13, cell: 'M2' }, params: { column: 'denominator', row: 2, heading: 'Знаменник', letter: 'M' } };
    const read = await readXlsx(bytes, { locale: 'uk' });
    expect(told(read.issues)).toEqual([issue]);
    expect((read.pkg.observations as Record<string, unknown>[]).map((record) => [record.id, record.denominator])).toEqual([['ua-hiv-2020-f', 610], ['ua-hiv-2020-m', 9840], ['ua-hiv-2020', 10450]]);
    expect(read.tables.find(({ sheet }) => sheet === 'observations')?.table.rows).toEqual([3, 4, 5]);
    for (const [locale, message] of [
      ['uk', 'У рядку 2 немає шляху поля для стовпця M («Знаменник»), тому його прочитано як «denominator» — поле, яке називає його заголовок: введіть «denominator» у клітинку M2 або скопіюйте рядок 2 з нового шаблону'],
      ['en', 'Row 2 has no field path for column M ("Знаменник"), so it is read as "denominator", the field its heading names: type "denominator" in cell M2, or copy row 2 from a new template'],
    ] as const) {
      const { ok, issues, data } = await validateXlsx(bytes, { now, locale });
      expect(told(issues)).toEqual([issue]);
      expect(issues.find((found) => found.code === 'sheet.column-path-missing')?.message).toBe(message);
      expect(ok).toBe(true);
      expect(data?.observations).toHaveLength(3);
    }
  }, 30_000);

  it('reads the column of a field path typed elsewhere, the cleared one being that column again', async () => {
    const bytes = await filled((sheet, column) => {
      const [cleared, added] = [column('denominator'), sheet.columnCount + 1];
      sheet.getCell(1, added).value = 'Знаменник';
      sheet.getCell(2, added).value = 'denominator';
      for (let row = 3; row <= 5; row++) sheet.getCell(row, added).value = sheet.getCell(row, cleared).value;
      sheet.getCell(2, cleared).value = null;
    });
    const { issues, pkg } = await readXlsx(bytes, { locale: 'en' });
    expect(told(issues)).toEqual([
      { code: 'sheet.repeated-column', severity: 'error', location: { sheet: 'observations', row: 2, column: 13, cell: 'M2' }, params: { column: 'denominator', first: 23, firstLetter: 'W', heading: 'Знаменник', letter: 'M' } },
    ]);
    expect((pkg.observations as Record<string, unknown>[]).map((record) => record.denominator)).toEqual([610, 9840, 10450]);
  }, 30_000);

  it('tells a column of one\'s own once, at its heading, as not read, with the notes column to move its cells to', async () => {
    const bytes = await filled((sheet) => {
      const added = sheet.columnCount + 1;
      sheet.getCell(1, added).value = 'Коментар';
      sheet.getCell(3, added).value = 'перевірено';
      sheet.getCell(5, added).value = 'дані з лабораторії';
    });
    const issue = {
      code: 'sheet.column-not-read', severity: 'warning', location: { sheet: 'observations', row: 1, column: 23, cell: 'W1' },
      params: { column: '', heading: 'Коментар', letter: 'W', notes: { column: 'notes', heading: 'Примітки', letter: 'V' } },
    };
    const read = await readXlsx(bytes, { locale: 'uk' });
    expect(told(read.issues)).toEqual([issue]);
    expect(JSON.stringify(read.pkg)).not.toContain('перевірено');
    expect((read.pkg.observations as Record<string, unknown>[]).map((record) => record.notes)).toEqual([undefined, undefined, 'Добровільне тестування']);
    for (const [locale, message] of [
      ['uk', 'Стовпець W («Коментар») — не поле PHX, тому його клітинки не потрапляють у дані: щоб зберегти їх, перенесіть їх у стовпець V («Примітки»); інакше видаліть стовпець'],
      ['en', 'Column W ("Коментар") is not a field of PHX, so its cells are not read into the data: to keep them, move them to column V ("Примітки"); else delete the column'],
    ] as const) {
      const { ok, issues } = await validateXlsx(bytes, { now, locale });
      expect(told(issues)).toEqual([issue]);
      expect(issues.find((found) => found.code === 'sheet.column-not-read')?.message).toBe(message);
      expect(ok).toBe(true);
    }
  }, 30_000);

  it('says nothing of a heading of one\'s own over a column left empty, and tells one on a sheet of records with no notes, with no column to move them to', async () => {
    const bytes = await filled((sheet) => {
      sheet.getCell(1, sheet.columnCount + 1).value = 'Коментар';
    });
    expect(told((await readXlsx(bytes)).issues)).toEqual([]);
    const workbook = await open(bytes);
    const facilities = workbook.getWorksheet('facilities')!;
    const added = facilities.columnCount + 1;
    facilities.getCell(3, 1).value = 'ua-kyiv-sizo';
    facilities.getCell(3, 2).value = 'СІЗО';
    facilities.getCell(3, 3).value = 'UA';
    facilities.getCell(3, 5).value = 'prison';
    facilities.getCell(1, added).value = 'Коментар';
    facilities.getCell(3, added).value = 'новий корпус';
    const { issues } = await validateXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { now, locale: 'uk' });
    const notRead = issues.filter((issue) => issue.code === 'sheet.column-not-read');
    expect(notRead.map(({ location, params, message }) => ({ location, params, message }))).toEqual([{
      location: { sheet: 'facilities', row: 1, column: added, cell: `${columnLetters(added)}1` },
      params: { column: '', heading: 'Коментар', letter: columnLetters(added) },
      message: `Стовпець ${columnLetters(added)} («Коментар») — не поле PHX, тому його клітинки не потрапляють у дані: у цих записів немає для них поля; видаліть стовпець або збережіть їх в окремому файлі`,
    }]);
  }, 30_000);
});
