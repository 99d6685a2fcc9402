import fc from 'fast-check';
import Papa from 'papaparse';
import { excelConventions, excelLocales } from '@phx/schema';
import { describe, expect, it } from 'vitest';
import type { FileIssue, FileSummary } from '../src/engine/protocol.js';
import { codesOf, issuesCsv, issuesJson, locationLabel, recordLabel, selectIssues, type SortKey } from '../src/ui/issue-list.js';

/** An issue as the table shows it; the params matter not here, only what is shown and sorted. */
function issue(overrides: Partial<Omit<FileIssue, 'params'>>): FileIssue {
  return {
    file: 0,
    code: 'ref.unknown-organisation',
    severity: 'error',
    path: ['observations', 0, 'reportingOrganisation'],
    pointer: '/observations/0/reportingOrganisation',
    message: 'No organisation with id "X" in the package',
    params: { id: 'X' },
    location: { line: 10, column: 5 },
    record: { kind: 'record', collection: 'observations', index: 0, key: 'obs-1' },
    field: '/reportingOrganisation',
    ...overrides,
  } as FileIssue;
}

const read = (observation: number) => ({ records: { organisation: 0, facility: 0, indicator: 0, observation, meeting: 0 }, complete: true });
const files: FileSummary[] = [
  { name: 'a.phx.json', format: 'json', ok: false, read: read(2), errors: 2, warnings: 1, truncated: false, convertible: false },
  { name: 'b.csv', format: 'csv', ok: false, read: read(1), errors: 1, warnings: 0, truncated: false, convertible: false },
];

const sample: FileIssue[] = [
  issue({ location: { line: 30, column: 1 }, code: 'privacy.small-cell', severity: 'error', message: 'numerator 3 is below the suppression threshold 5' }),
  issue({ location: { line: 10, column: 5 }, severity: 'warning', code: 'codelist.unknown-code', message: 'Unknown code' }),
  issue({ file: 1, location: { row: 2, column: 3 }, record: { kind: 'row', row: 2 }, message: '=HYPERLINK("http://x")' }),
];

describe('labels', () => {
  it('names records and places in the page language', () => {
    expect(recordLabel({ kind: 'record', collection: 'observations', index: 3, key: 'obs-4' }, 'en')).toBe('observations[3] obs-4');
    expect(recordLabel({ kind: 'package' }, 'es')).toBe('encabezado del paquete');
    expect(recordLabel({ kind: 'line', line: 12 }, 'fr')).toBe('ligne 12');
    expect(recordLabel({ kind: 'row', row: 7 }, 'ru')).toBe('строка 7');
    expect(locationLabel({ line: 3, column: 7 }, 'en')).toBe('line 3, column 7');
    expect(locationLabel({ row: 3, column: 2 }, 'es')).toBe('celda B3');
    // A CSV file's cell as Excel names it when it opens the file, past column Z too.
    expect(locationLabel({ row: 12, column: 28, text: { line: 14, column: 301 } }, 'uk')).toBe('клітинка AB12');
    expect(locationLabel(undefined, 'en')).toBe('');
  });

  it('names a workbook\'s sheet with its row and cell', () => {
    expect(recordLabel({ kind: 'row', row: 5, sheet: 'observations' }, 'en')).toBe('sheet "observations", row 5');
    expect(recordLabel({ kind: 'row', row: 5, sheet: 'Мої установи' }, 'uk')).toBe('аркуш «Мої установи», рядок 5');
    expect(locationLabel({ sheet: 'observations', row: 5, column: 3, cell: 'C5' }, 'en')).toBe('sheet "observations", cell C5');
    expect(locationLabel({ sheet: 'facilities', row: 2, column: 28, cell: 'AB2' }, 'fr')).toBe('feuille « facilities », cellule AB2');
  });
});

describe('selectIssues', () => {
  it('filters by severity and by code', () => {
    expect(selectIssues(sample, { severity: 'warning', code: 'all' }, { key: 'location', direction: 'ascending' }).map((i) => i.code)).toEqual(['codelist.unknown-code']);
    expect(selectIssues(sample, { severity: 'all', code: 'privacy.small-cell' }, { key: 'location', direction: 'ascending' })).toHaveLength(1);
    expect(selectIssues(sample, { severity: 'error', code: 'codelist.unknown-code' }, { key: 'location', direction: 'ascending' })).toEqual([]);
  });

  it('sorts errors before warnings, and by position within a file', () => {
    expect(selectIssues(sample, { severity: 'all', code: 'all' }, { key: 'severity', direction: 'ascending' }).map((i) => i.severity)).toEqual(['error', 'error', 'warning']);
    expect(selectIssues(sample, { severity: 'all', code: 'all' }, { key: 'file', direction: 'ascending' }).map((i) => i.location)).toEqual([
      { line: 10, column: 5 },
      { line: 30, column: 1 },
      { row: 2, column: 3 },
    ]);
  });

  const arbitraryIssue = fc.record({
    file: fc.integer({ min: 0, max: 2 }),
    severity: fc.constantFrom('error' as const, 'warning' as const),
    code: fc.constantFrom('ref.unknown-organisation' as const, 'privacy.small-cell' as const, 'arith.zero-denominator' as const),
    line: fc.integer({ min: 1, max: 50 }),
    column: fc.integer({ min: 1, max: 9 }),
    message: fc.string({ maxLength: 6 }),
  }).map(({ line, column, ...rest }) => issue({ ...rest, location: { line, column }, record: { kind: 'line', line }, field: `/f${column}` }));
  const sortKeys: SortKey[] = ['file', 'severity', 'code', 'record', 'field', 'message', 'location'];

  it('gives the same order whatever order the issues came in', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryIssue, { maxLength: 40 }).chain((issues) => fc.tuple(fc.constant(issues), fc.shuffledSubarray(issues, { minLength: issues.length }))),
        fc.constantFrom(...sortKeys),
        ([issues, shuffled], key) => {
        const all = { severity: 'all', code: 'all' } as const;
        const ascending = selectIssues(issues, all, { key, direction: 'ascending' });
        expect(selectIssues(shuffled, all, { key, direction: 'ascending' })).toEqual(ascending);
        expect(ascending).toHaveLength(issues.length);
        },
      ),
    );
  });

  it('reverses the column when descending, keeping ties in position order', () => {
    const all = { severity: 'all', code: 'all' } as const;
    const descending = selectIssues(sample, all, { key: 'code', direction: 'descending' });
    expect(descending.map((i) => i.code)).toEqual(['ref.unknown-organisation', 'privacy.small-cell', 'codelist.unknown-code']);
    const ties = [issue({ location: { line: 9, column: 1 } }), issue({ location: { line: 2, column: 1 } })];
    expect(selectIssues(ties, all, { key: 'code', direction: 'descending' }).map((i) => i.location)).toEqual([{ line: 2, column: 1 }, { line: 9, column: 1 }]);
  });

  it('keeps the issues of a workbook sheet by sheet, each by row and column', () => {
    const at = (sheet: string, row: number, column: number) =>
      issue({ file: 1, location: { sheet, row, column, cell: `${String.fromCharCode(64 + column)}${row}` }, record: { kind: 'row', row, sheet } });
    const workbook = [at('observations', 2, 1), at('facilities', 9, 2), at('observations', 1, 4), at('facilities', 3, 1)];
    const all = { severity: 'all', code: 'all' } as const;
    const places = (key: SortKey) => selectIssues(workbook, all, { key, direction: 'ascending' }).map((i) => locationLabel(i.location, 'en'));
    const bySheet = ['sheet "facilities", cell A3', 'sheet "facilities", cell B9', 'sheet "observations", cell D1', 'sheet "observations", cell A2'];
    expect(places('location')).toEqual(bySheet);
    expect(places('record')).toEqual(bySheet);
  });

  it('lists each code found once, in order', () => {
    expect(codesOf(sample)).toEqual(['codelist.unknown-code', 'privacy.small-cell', 'ref.unknown-organisation']);
  });
});

describe('downloads', () => {
  it('writes CSV that spreadsheets read back cell for cell, without running formulas', () => {
    const csv = issuesCsv(sample, files, 'en');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const { data } = Papa.parse<string[]>(csv.slice(1).trim());
    expect(data[0]).toEqual(['File', 'Severity', 'Code', 'Record', 'Field', 'Message', 'Location']);
    expect(data.slice(1)).toEqual([
      ['a.phx.json', 'Error', 'privacy.small-cell', 'observations[0] obs-1', '/reportingOrganisation', 'numerator 3 is below the suppression threshold 5', 'line 30, column 1'],
      ['a.phx.json', 'Warning', 'codelist.unknown-code', 'observations[0] obs-1', '/reportingOrganisation', 'Unknown code', 'line 10, column 5'],
      ['b.csv', 'Error', 'ref.unknown-organisation', 'row 2', '/reportingOrganisation', `'=HYPERLINK("http://x")`, 'cell C2'],
    ]);
    const sheet = issue({ file: 1, location: { sheet: '=observations', row: 5, column: 3, cell: 'C5' }, record: { kind: 'row', row: 5, sheet: '=observations' } });
    expect(Papa.parse<string[]>(issuesCsv([sheet], files, 'en').trim()).data[1]!.slice(3)).toEqual([
      'sheet "=observations", row 5', '/reportingOrganisation', 'No organisation with id "X" in the package', 'sheet "=observations", cell C5',
    ]);
  });

  it('writes for Excel in the page’s language: its separator, its words as the table shows them, and a byte order mark so that Cyrillic is read as UTF-8', () => {
    const message = 'Чисельник 3 менший за поріг 5; приховайте його, або об’єднайте групи, ось так';
    const headings = {
      uk: 'Файл;Важливість;Код;Запис;Поле;Повідомлення;Місце',
      ru: 'Файл;Важность;Код;Запись;Поле;Сообщение;Место',
      fr: 'Fichier;Gravité;Code;Enregistrement;Champ;Message;Emplacement',
      es: 'Archivo;Gravedad;Código;Registro;Campo;Mensaje;Ubicación',
      en: 'File,Severity,Code,Record,Field,Message,Location',
    };
    for (const [locale, delimiter] of [['uk', ';'], ['ru', ';'], ['fr', ';'], ['es', ';'], ['en', ',']] as const) {
      const csv = issuesCsv([issue({ message, severity: 'warning', location: { row: 4, column: 2 }, record: { kind: 'row', row: 4 } })], files, locale);
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.slice(1).split('\r\n')[0]).toBe(headings[locale]);
      const { data, meta } = Papa.parse<string[]>(csv.slice(1).trim());
      expect(meta.delimiter).toBe(delimiter);
      expect(data[1]![5]).toBe(message);
    }
    const { data } = Papa.parse<string[]>(issuesCsv([issue({ message, severity: 'warning', location: { row: 4, column: 2 }, record: { kind: 'row', row: 4 } })], files, 'uk').slice(1).trim());
    expect(data[1]).toEqual(['a.phx.json', 'Попередження', 'ref.unknown-organisation', 'рядок 4', '/reportingOrganisation', message, 'клітинка B4']);
  });

  it('quotes any text so that it reads back the same', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...excelLocales), (message, locale) => {
        const { data } = Papa.parse<string[]>(issuesCsv([issue({ message })], files, locale), { skipEmptyLines: true, delimiter: excelConventions[locale].delimiter });
        const cell = data[1]![5]!;
        // Excel runs a formula's first character after any apostrophes (`'+` is shown as `+`): one more keeps them.
        expect(/^'*[=+\-@\t\r]/.test(message) ? cell === `'${message}` : cell === message).toBe(true);
      }),
      { examples: [["'+", 'en']] },
    );
  });

  it('writes JSON with the files and each issue as @phx/schema reports it, with its file name', () => {
    const parsed = JSON.parse(issuesJson(sample.slice(2), files)) as { files: FileSummary[]; issues: Record<string, unknown>[] };
    expect(parsed.files).toEqual(files);
    expect(parsed.issues).toEqual([
      {
        file: 'b.csv',
        code: 'ref.unknown-organisation',
        severity: 'error',
        path: ['observations', 0, 'reportingOrganisation'],
        pointer: '/observations/0/reportingOrganisation',
        message: '=HYPERLINK("http://x")',
        params: { id: 'X' },
        location: { row: 2, column: 3 },
      },
    ]);
  });
});
