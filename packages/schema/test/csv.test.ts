import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectCsvType, readCsv, validateCsv, validateRecord, writeCsv, type Locale } from '../src/index.js';
import { anyObservation } from './random.js';
import { columnHeading } from '../src/formats/headings.js';

const header = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource';
const row = (id: string, numerator = '120', value = '12') =>
  `${id},hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,${numerator},1000,${value},percent,survey`;

describe('readCsv: columns and types', () => {
  it('unflattens columns by path and types cells by the schema', () => {
    const table = readCsv(`${header},disaggregation.sex,suppressed,notes\n${row('obs-1')},female,false,12 in total\n`);
    expect(table.type).toBe('observation');
    expect(table.issues).toEqual([]);
    expect(table.records).toEqual([
      {
        id: 'obs-1', indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'ZA-NPO-123-456', scope: { country: 'ZA' },
        period: { start: '2020-01-01', end: '2020-12-31' }, numerator: 120, denominator: 1000, value: 12, unit: 'percent',
        dataSource: 'survey', disaggregation: { sex: 'female' }, suppressed: false, notes: '12 in total',
      },
    ]);
    expect(table.rows).toEqual([2]);
  });

  it('reads language maps, lists, empty lists and extensions', () => {
    const csv = 'id,name.en,name.ru,organisationType,countries.0,countries.1,regions,extensions.https://example.org/ext.v1\nZA-NPO-1,Network,Сеть,ngo,ZA,MZ,[],"{""level"":2}"\n';
    expect(readCsv(csv).records).toEqual([
      { id: 'ZA-NPO-1', name: { en: 'Network', ru: 'Сеть' }, organisationType: 'ngo', countries: ['ZA', 'MZ'], regions: [], extensions: { 'https://example.org/ext.v1': { level: 2 } } },
    ]);
  });

  it('tells the record type from the header, or not at all when it is ambiguous', () => {
    expect(detectCsvType(header.split(','))).toBe('observation');
    expect(detectCsvType(['id', 'country', 'type', 'capacity'])).toBe('facility');
    expect(detectCsvType(['code', 'name.en', 'unit', 'calculation'])).toBe('indicator');
    expect(detectCsvType(['id'])).toBeUndefined();
    expect(detectCsvType(['a', 'b'])).toBeUndefined();
  });

  it('leaves a cell it cannot read as text, for the validator to report at its cell', () => {
    const { issues } = validateCsv(`${header}\n${row('obs-1', 'many')}\n`);
    expect(issues).toMatchObject([{ code: 'schema.invalid-type', path: ['numerator'], location: { row: 2, column: 7 } }]);
  });
});

describe('readCsv: real-world CSV', () => {
  it('drops a byte order mark', () => {
    const table = readCsv(`\uFEFF${header}\n${row('obs-1')}\n`);
    expect(table.columns[0]).toBe('id');
    expect(table.records[0]).toHaveProperty('id', 'obs-1');
  });

  it('reads ; separators with decimal commas', () => {
    const table = readCsv(`${header.replaceAll(',', ';')}\n${row('obs-1', '125', '12,5').replaceAll(',', ';').replace('12;5', '12,5')}\n`);
    expect(table.delimiter).toBe(';');
    expect(table.records[0]).toMatchObject({ numerator: 125, value: 12.5 });
    expect(validateCsv(`${header.replaceAll(',', ';')}\n${row('obs-1', '125', '12,5').replaceAll(',', ';').replace('12;5', '12,5')}\n`).ok).toBe(true);
  });

  it('tells the separator from the header row of a file whose rows end in a carriage return alone, as Excel for Mac writes them', () => {
    // More commas in the quoted names than semicolons in the whole file.
    const text = ['id;country;facilityType;name', 'f-1;ZA;prison;"Pollsmoor, Medium A, B, C, D, E"', 'f-2;ZA;prison;"Drakenstein, Paarl, West, Cape, Town"', ''].join('\r');
    const table = readCsv(text);
    expect(table.delimiter).toBe(';');
    expect(table.records.map((record) => record.id)).toEqual(['f-1', 'f-2']);
    expect(table.rows).toEqual([2, 3]);
  });

  it('reads a decimal comma in a , separated file when its column says so, and says what it read', () => {
    const table = readCsv(`${header}\n${row('obs-1', '120', '"12,5"')}\n`);
    expect(table.records[0]).toMatchObject({ value: 12.5 });
    expect(table.issues).toMatchObject([{ code: 'sheet.normalised', severity: 'info', params: { column: 'value', forms: ['decimal-comma'] } }]);
  });

  it('turns Excel serial dates in date columns into ISO dates', () => {
    const table = readCsv(`${header}\n${row('obs-1').replace('2020-01-01,2020-12-31', '43831,44196')}\n`);
    expect(table.records[0]).toMatchObject({ period: { start: '2020-01-01', end: '2020-12-31' } });
    // Only in date columns: a number column keeps its number.
    expect(table.records[0]).toMatchObject({ denominator: 1000 });
  });

  it('skips blank rows and keeps the row numbers of the others', () => {
    const table = readCsv(`\n${header}\n\n${row('obs-1')}\n,,,\n${row('obs-2')}\n\n`);
    expect(table.records.map((record) => record.id)).toEqual(['obs-1', 'obs-2']);
    expect(table.rows).toEqual([4, 6]);
  });

  it('suggests for a misspelt column the columns of its table it is nearest to', () => {
    const csv = `${header.replace('period.start', 'period.strat').replace('numerator', 'Numerater')},nmae.uk,id\n${row('obs-1')},x,obs-1\n`;
    const unknown = readCsv(csv).issues.filter((issue) => issue.code === 'schema.unknown-field');
    expect(unknown.map((issue) => [issue.params, issue.location])).toEqual([
      [{ zodCode: 'unrecognized_keys', keys: ['period.strat'], suggestions: ['period.start'] }, { row: 1, column: 5, text: { line: 1, column: 50 } }],
      [{ zodCode: 'unrecognized_keys', keys: ['Numerater'], suggestions: ['numerator'] }, { row: 1, column: 7, text: { line: 1, column: 74 } }],
      // An observation has no name: nothing is near enough.
      [{ zodCode: 'unrecognized_keys', keys: ['nmae.uk'], suggestions: [] }, { row: 1, column: 12, text: { line: 1, column: 118 } }],
    ]);
    expect(unknown[0]!.message).toContain('did you mean "period.start"?');
    expect(readCsv('id,nmae.uk,organisationType,countries.0\nUA-1,x,ngo,UA\n', { type: 'organisation' }).issues[0]!.params).toMatchObject({ suggestions: ['name.uk'] });
  });

  it('reports every unknown, repeated and missing column at once, at the header', () => {
    const table = readCsv('id,indicator,colour,id,period.start,scope.county\nobs-1,hiv-prevalence-prisoners,red,obs-1,2020-01-01,ZA\n', { type: 'observation' });
    expect(table.issues.find((issue) => issue.code === 'sheet.repeated-column')!.message).toBe('Column "id" repeats column 1: a field has one column, so this one is not read; remove it or give it another name');
    expect(table.records).toEqual([{ id: 'obs-1', indicator: 'hiv-prevalence-prisoners', period: { start: '2020-01-01' } }]);
    expect(table.issues.map((issue) => [issue.code, issue.pointer, issue.location])).toEqual([
      ['sheet.repeated-column', '/id', { row: 1, column: 4, text: { line: 1, column: 21 } }],
      ['schema.unknown-field', '/scope/county', { row: 1, column: 6, text: { line: 1, column: 37 } }],
      ['schema.required', '/reportingOrganisation', { row: 1, column: 7, text: { line: 1, column: 49 } }],
      ['schema.required', '/scope/country', { row: 1, column: 7, text: { line: 1, column: 49 } }],
      ['schema.required', '/period/end', { row: 1, column: 7, text: { line: 1, column: 49 } }],
      ['schema.required', '/unit', { row: 1, column: 7, text: { line: 1, column: 49 } }],
      ['schema.required', '/dataSource', { row: 1, column: 7, text: { line: 1, column: 49 } }],
      // A column like none of PHX's is one of the user's own, not read: a warning.
      ['sheet.column-not-read', '', { row: 1, column: 3, text: { line: 1, column: 14 } }],
    ]);
  });

  it('reports missing columns once, not again on every row', () => {
    const csv = `${header.replace(',dataSource', '')}\n${row('obs-1').replace(',survey', '')}\n${row('obs-2').replace(',survey', '')}\n`;
    const { issues } = validateCsv(csv);
    expect(issues.filter((issue) => issue.code === 'schema.required')).toHaveLength(1);
  });

  it('says a missing column once at the header, not again as the group every row then lacks (`scope` without `scope.country`)', () => {
    const drop = (text: string, at: number) => text.split(',').filter((_, i) => i !== at).join(',');
    for (const [column, at] of [['scope.country', 3], ['period.start', 4]] as const) {
      const csv = `${drop(header, at)}\n${drop(row('obs-1'), at)}\n${drop(row('obs-2'), at)}\n`;
      const { issues } = validateCsv(csv, { locale: 'uk' });
      expect(issues.filter((issue) => issue.code === 'schema.required').map((issue) => [issue.params, issue.location]), column).toEqual([
        [expect.objectContaining({ column }), expect.objectContaining({ row: 1, column: 11 })],
      ]);
    }
  });

  it('says a missing column is missing from the header row, by its field path, where a field a row leaves empty is said unfilled', () => {
    const csv = `${header.replace(',dataSource', '')}\n${row('obs-1').replace(',survey', '')}\n`;
    const missing = (locale: Locale) => validateCsv(csv, { locale }).issues.find((issue) => issue.code === 'schema.required')!;
    expect(missing('en').params).toMatchObject({ column: 'dataSource', field: 'dataSource' });
    expect(missing('en').message).toBe('The header row has no column "dataSource" (data source): add the column');
    expect(missing('uk').message).toBe('У рядку заголовків немає стовпця «dataSource» (джерело даних): додайте цей стовпець');
    expect(missing('ru').message).toBe('В строке заголовков нет столбца «dataSource» (источник данных): добавьте этот столбец');
    expect(missing('fr').message).toBe('La ligne d’en-tête n’a pas de colonne « dataSource » (source des données) : ajoutez la colonne');
    expect(missing('es').message).toBe('La fila de encabezados no tiene la columna «dataSource» (fuente de datos): añada la columna');
    // A column there whose cell a row leaves empty: the cell of that column is empty.
    const unfilled = validateCsv(`${header}\n${row('obs-1').replace(',survey', ',')}\n`, { locale: 'uk' }).issues.find((issue) => issue.code === 'schema.required')!;
    expect(unfilled.params).not.toHaveProperty('column');
    expect(unfilled.params).toMatchObject({ sheet: { column: 'dataSource' } });
    expect(unfilled.message).toBe('Порожня клітинка в обов’язковому стовпці «dataSource»: заповніть її');
  });

  it('reports cells beyond the header at their row and column', () => {
    const { issues } = readCsv(`${header}\n${row('obs-1')},surplus\n`);
    expect(issues).toMatchObject([{ code: 'sheet.cell-beyond-header', params: { column: 12, value: 'surplus' }, location: { row: 2, column: 12 } }]);
    // The message names the cell in the reader's language, with nothing of a path or a key in it.
    expect(readCsv(`${header}\n${row('obs-1')},surplus\n`, { locale: 'uk' }).issues[0]!.message).toBe(
      'Клітинка «surplus» у стовпці 12 без заголовка: дайте стовпцю заголовок PHX або видаліть клітинку',
    );
  });

  it('reports a cell under a blank heading, as Excel pads a header, rather than dropping it', () => {
    // Excel writes every row as wide as the widest: a note typed two columns past the last heading pads the header with `;`.
    const padded = readCsv(`${header};;\r\n${row('obs-1')};;\r\n${row('obs-2')};;a note\r\n`.replaceAll(',', ';'));
    expect(padded.issues.map((issue) => [issue.code, issue.location, issue.params])).toEqual([['sheet.cell-beyond-header', { row: 3, column: 13, text: { line: 3, column: 100 } }, { column: 13, value: 'a note' }]]);
    const between = readCsv(`${header},,notes\n${row('obs-1')},surplus,fine\n`);
    expect(between.issues.map((issue) => [issue.code, issue.location])).toEqual([['sheet.cell-beyond-header', { row: 2, column: 12, text: { line: 2, column: 99 } }]]);
    expect(between.records[0]).toMatchObject({ notes: 'fine' });
    // Empty cells under blank headings are only padding.
    expect(readCsv(`${header};;\r\n${row('obs-1')};;\r\n`.replaceAll(',', ';')).issues).toEqual([]);
  });

  it('takes a first line `sep=;` for the separator Excel reads it as, not for a header, and keeps the rows Excel numbers', () => {
    const semicolons = (text: string): string => text.replaceAll(',', ';');
    const csv = `\uFEFFsep=;\r\n${semicolons(header)}\r\n${semicolons(row('obs-1', '120', 'many'))}\r\n`;
    const table = readCsv(csv);
    // Excel shows no `sep=` line: the header is its row 1.
    expect([table.delimiter, table.records.map((record) => record.id), table.rows]).toEqual([';', ['obs-1'], [2]]);
    expect(validateCsv(csv).issues.map((issue) => [issue.code, issue.location])).toEqual([['schema.invalid-type', { row: 2, column: 9, text: { line: 3, column: 81 } }]]);
    expect(readCsv(`sep=;\n${semicolons(header)};notes\n${semicolons(row('obs-1'))};"open\n`).issues.map((issue) => [issue.code, issue.location])).toEqual([
      ['csv.unclosed-quote', { row: 2, column: 12, text: { line: 3, column: 99 } }],
    ]);
    // The line names the separator even where the header would tell another.
    expect(readCsv(`sep=|\n${header.replaceAll(',', '|')}\n${row('obs-1').replaceAll(',', '|')}\n`).records).toHaveLength(1);
  });

  it('reports a quote that opens a cell and is never closed at its cell, not a valid file of fewer rows', () => {
    const noted = (id: string, note: string): string => `${row(id)},${note}`;
    const csv = [`${header},notes`, noted('obs-1', 'fine'), noted('obs-2', '"Lviv, block 2'), noted('obs-3', 'x'), noted('obs-4', 'y'), ''].join('\r\n');
    const result = validateCsv(csv);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.location, issue.params])).toContainEqual(['csv.unclosed-quote', { row: 3, column: 12, text: { line: 3, column: 99 } }, { column: 12, value: 'Lviv, block 2' }]);
    expect(validateCsv(csv, { locale: 'uk' }).issues.find((issue) => issue.code === 'csv.unclosed-quote')!.message).toBe(
      'У стовпці 12 відкрито лапки ("), але не закрито, тому всю решту файлу прочитано в цю одну клітинку, починаючи з «Lviv, block 2»: закрийте лапки або видаліть їх',
    );
    expect(readCsv(csv).records).toHaveLength(2);
    // Closed, the same quote is a cell like any other.
    const closed = readCsv(csv.replace('"Lviv, block 2', '"Lviv, block 2"'));
    expect([closed.issues, closed.records.map((record) => record.notes)]).toEqual([[], ['fine', 'Lviv, block 2', 'x', 'y']]);
  });

  it('reports an unclosed quote at its row and cell, whatever the rows, line ends and cells before it', () => {
    // Up to 60 characters: a message echoes that much of the cell whole.
    const cell = fc.stringMatching(/^[^"\r\n,]*$/).filter((text) => text.length <= 60);
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.nat(), cell, fc.constantFrom('\n', '\r\n', '\r'), (notes, at, opened, end) => {
        const open = at % notes.length;
        const lines = notes.map((note, i) => `${row(`obs-${i}`)},${i === open ? `"${opened}` : note}`);
        const table = readCsv([`${header},notes`, ...lines].join(end) + end);
        const unclosed = table.issues.filter((issue) => issue.code === 'csv.unclosed-quote');
        expect(unclosed.map((issue) => [issue.location, issue.params])).toEqual([[{ row: open + 2, column: 12, text: { line: open + 2, column: 99 } }, { column: 12, value: opened }]]);
        expect(table.records).toHaveLength(open + 1);
      }),
    );
  });

  it('reports text after the quote that closes a cell at that cell, not a valid file whose rows ran into one cell', () => {
    const noted = (id: string, note: string): string => `${row(id)},${note}`;
    // Typed by hand: Excel would have written `"""Central"" prison"`. The parser reads on to the next quote that ends a cell.
    const csv = [`${header},notes`, noted('obs-1', '"Central" prison'), noted('obs-2', 'x'), noted('obs-3', '"block 2"'), noted('obs-4', 'y'), ''].join('\r\n');
    const result = validateCsv(csv);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.location, issue.params])).toContainEqual(['csv.text-after-quote', { row: 2, column: 12, text: { line: 2, column: 99 } }, { column: 12, value: '"Central" prison' }]);
    expect(validateCsv(csv, { locale: 'ru' }).issues.find((issue) => issue.code === 'csv.text-after-quote')!.message).toBe(
      'Ячейка в столбце 12 начинается с кавычки ("), но после закрывающей кавычки в ней есть ещё текст ("Central" prison), поэтому следующие ячейки и строки могли быть прочитаны в эту одну ячейку: удвойте кавычки внутри ячейки ("") или удалите их',
    );
    // Quotes inside a cell that does not open with one, spaces after a closing quote, and doubled quotes are cells like any other.
    const fine = readCsv(csv.replace('"Central" prison', 'the "Central" prison').replace('"block 2"', '"block 2"  ').replace(',y', ',"""y"" wing"'));
    expect([fine.issues, fine.records.map((record) => record.notes)]).toEqual([[], ['the "Central" prison', 'x', 'block 2', '"y" wing']]);
  });

  it('reports the first quote it cannot read at its row and cell, whatever the rows, line ends and cells around it', () => {
    const cell = fc.stringMatching(/^[^"\r\n,]*$/).filter((text) => text.length <= 20);
    const word = fc.stringMatching(/^[^"\r\n, ]+$/).filter((text) => text.length <= 20);
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.nat(), cell, word, fc.constantFrom('\n', '\r\n', '\r'), (notes, at, quoted, after, end) => {
        const open = at % notes.length;
        // A quoted cell closed further down, as the parser looks for one.
        const lines = notes.map((note, i) => `${row(`obs-${i}`)},${i === open ? `"${quoted}"${after}` : i === notes.length - 1 ? `"${note}"` : note}`);
        const table = readCsv([`${header},notes`, ...lines].join(end) + end);
        const problems = table.issues.filter((issue) => issue.code === 'csv.text-after-quote' || issue.code === 'csv.unclosed-quote');
        expect(problems.map((issue) => [issue.code, issue.location, issue.params])).toEqual([['csv.text-after-quote', { row: open + 2, column: 12, text: { line: open + 2, column: 99 } }, { column: 12, value: `"${quoted}"${after}` }]]);
      }),
    );
  });

  it('reads a file whose rows end both ways, a header typed in one program and rows pasted from Excel, with no CR left in a cell', () => {
    const facilities = 'id;name;country;capacity;facilityType\nua-1;Колонія 1;UA;1 050;prison\r\nua-2;"Колонія\r\n2";UA;800;prison\r\nua-3;"Колонія ""3""";UA;900;"prison"  \r\n';
    const { issues, data } = validateCsv(facilities);
    expect(issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
    expect(data!.facilities!.map(({ name, facilityType }) => [name, facilityType])).toEqual([
      ['Колонія 1', 'prison'],
      ['Колонія\r\n2', 'prison'],
      ['Колонія "3"', 'prison'],
    ]);
    // A cell of a row ended by CR LF is placed in the text all the same.
    const [bad] = validateCsv(facilities.replace('800', 'many')).issues.filter((issue) => issue.severity === 'error');
    expect(bad!.location).toEqual({ row: 3, column: 4, text: { line: 4, column: 7 } });
  });

  it('reads the same records whatever ends each row: LF, CR LF, or CR alone throughout (property)', () => {
    const cell = fc.stringMatching(/^[^"\r\n,]*$/).filter((text) => text.length <= 12);
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, fc.constantFrom('\n', '\r\n')), { minLength: 1, maxLength: 6 }), fc.boolean(), (notes, macintosh) => {
        const lines = notes.map(([note], i) => `${row(`obs-${i}`)},${note}`);
        const expected = readCsv(`${[`${header},notes`, ...lines].join('\n')}\n`).records;
        const mixed = `${header},notes${notes.map(([, end], i) => `${macintosh ? '\r' : end}${lines[i]}`).join('')}${macintosh ? '\r' : '\r\n'}`;
        expect(readCsv(mixed).records).toEqual(expected);
      }),
    );
  });

  it('reads rows with missing cells as absent fields', () => {
    const table = readCsv(`${header}\nobs-1,hiv-prevalence-prisoners\n`);
    expect(table.records).toEqual([{ id: 'obs-1', indicator: 'hiv-prevalence-prisoners' }]);
  });

  it('reports bytes that are not UTF-8 at their row', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${header}\n`), 0x6f, 0x62, 0xe9, 0x0a]);
    expect(readCsv(bytes).issues).toMatchObject([{ code: 'syntax.invalid-encoding', location: { row: 2, column: 1 } }]);
  });

  it('reports a JSON cell nested deeper than the stack allows as too deep, at its cell, without throwing', () => {
    // 100 000 levels: deeper than any walk of the value could recurse.
    const cell = `"${'['.repeat(100_000)}${']'.repeat(100_000)}"`;
    const text = `id,country,facilityType,extensions.https://x.org/a\nf-1,ZA,prison,${cell}\n`;
    expect(validateCsv(text).issues.map(({ code, location }) => [code, location])).toEqual([['syntax.too-deep', { row: 2, column: 4, text: { line: 2, column: 15 } }]]);
    expect(readCsv(text).records).toHaveLength(1);
  });

  it('names the first of two duplicates by its row, which a quoted line break before it sets apart from its line', () => {
    // Row 3 is on line 4: the cell of row 2 holds a line break.
    const facilities = 'id,country,facilityType,name\nf-0,ZA,prison,"Pollsmoor\nMedium B"\nf-1,ZA,prison,Drakenstein\nf-1,ZA,prison,Brandvlei\n';
    const { issues } = validateCsv(facilities);
    expect(issues.map(({ code, location, params }) => [code, location, params])).toEqual([
      ['unique.duplicate-id', { row: 4, column: 1, text: { line: 5, column: 1 } }, { recordType: 'facility', id: 'f-1', first: { row: 3 } }],
    ]);
    expect(issues[0]!.message).toBe('A second facility with the identifier "f-1" (the first is at row 3)');
    // Of another data source, the observation of row 2 is no duplicate of the next two.
    const observations = `${header},notes\n${row('obs-0').replace('survey', 'routine-programme-data')},"two\nlines"\n${row('obs-1')},\n${row('obs-2')},\n`;
    const breakdown = validateCsv(observations).issues;
    expect(breakdown.map(({ code, location, params }) => [code, location, params])).toEqual([['unique.duplicate-breakdown', { row: 4, column: 1, text: { line: 5, column: 1 } }, { categories: {}, first: { row: 3 } }]]);
    expect(breakdown[0]!.message).toBe('A second observation of the total for the same indicator, scope, period and data source (the first is at row 3)');
    const said: Record<Locale, string> = { en: 'the first is at row 3)', ru: 'впервые: строка 3)', uk: 'уперше: рядок 3)', fr: 'première fois : ligne 3)', es: 'primera vez: fila 3)' };
    for (const locale of Object.keys(said) as Locale[]) expect(validateCsv(facilities, { locale }).issues[0]!.message.endsWith(said[locale]), locale).toBe(true);
  });

  it('renders messages in the locale asked for', () => {
    const { issues } = validateCsv(`${header}\n${row('obs-1')}\n${row('obs-1')}\n`, { locale: 'ru' });
    expect(issues).toMatchObject([{ code: 'unique.duplicate-id', location: { row: 3, column: 1 } }]);
    expect(issues[0]!.message).toMatch(/[А-Яа-я]/);
  });
});

describe('writeCsv', () => {
  it('writes columns in the order of the schema, with CRLF rows and quoting where needed', () => {
    const csv = writeCsv('facility', [{ facilityType: 'prison', id: 'f-1', country: 'ZA', name: 'A "big", old prison' }]);
    expect(csv).toBe('id,name,country,facilityType\r\nf-1,"A ""big"", old prison",ZA,prison\r\n');
  });

  it('writes a text Excel would run as a formula after an apostrophe, which readCsv drops, and numbers as they are', () => {
    const notes = ['=HYPERLINK("https://example.org/?"&A1)', '- see the annual report', '+380 counts', '@once', '\tindented', "'=quoted", "'plain", 'a=b'];
    const records = notes.map((note, i) => ({ id: `f-${i}`, country: 'ZA', facilityType: 'prison', name: note, capacity: -5 }));
    const csv = writeCsv('facility', records);
    const cells = Papa.parse<string[]>(csv.trim()).data.slice(1).map((row) => row[1]);
    expect(cells).toEqual(["'=HYPERLINK(\"https://example.org/?\"&A1)", "'- see the annual report", "'+380 counts", "'@once", "'\tindented", "''=quoted", "'plain", 'a=b']);
    expect(csv).toContain(',-5\r\n');
    expect(readCsv(csv).records.map((record) => record.name)).toEqual(notes);
    // Excel takes the apostrophe as its mark of a text cell: saved again, the cell is the text alone, read as it is.
    expect(readCsv(csv.replace(/'(?=[=+\-@\t])/g, '')).records.map((record) => record.name)).toEqual(notes.map((note) => note.replace(/^'(?=[=+\-@\t])/, '')));
  });

  it('writes a byte order mark and another separator on request', () => {
    expect(writeCsv('facility', [{ id: 'f-1', country: 'ZA', facilityType: 'prison' }], { delimiter: ';', bom: true })).toBe('\uFEFFid;country;facilityType\r\nf-1;ZA;prison\r\n');
  });
});

const observation = anyObservation('ZA-NPO-123-456');

describe('round trip', () => {
  it('CSV → records → JSON → CSV gives back the same table and records', () => {
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';'), (records, delimiter) => {
        const csv = writeCsv('observation', records, { delimiter });
        const table = readCsv(csv, { type: 'observation', delimiter });
        // A ;-separated table has decimal commas, and says so.
        expect(table.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
        const viaJson = JSON.parse(JSON.stringify(table.records)) as Record<string, unknown>[];
        expect(writeCsv('observation', viaJson, { delimiter })).toBe(csv);
        expect(viaJson).toEqual(JSON.parse(JSON.stringify(records)));
      }),
      { numRuns: 300 },
    );
  });

  it('tells the separator of a written table without being told', () => {
    fc.assert(
      fc.property(fc.array(observation, { minLength: 1, maxLength: 4 }), (records) => {
        const table = readCsv(writeCsv('observation', records, { delimiter: ';' }));
        expect(table.delimiter).toBe(';');
        expect(table.records).toEqual(JSON.parse(JSON.stringify(records)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('validateCsv and the records known outside the table', () => {
  const facilityColumns = 'id,indicator,reportingOrganisation,scope.country,scope.facility,period.start,period.end,numerator,value,unit,dataSource';
  const csv = [facilityColumns, 'a,prisons-people-on-art,ZA-NPO-123-456,ZA,za-fac-1,2020-01-01,2020-12-31,120,120,count,routine-programme-data'].join('\n');
  const errors = (options: Parameters<typeof validateCsv>[1]) =>
    validateCsv(csv, options).issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.location]);

  it('leaves references unchecked when no register of records is named, as a table holds one type', () => {
    expect(errors({})).toEqual([]);
  });

  it("checks references against the organisations and facilities named (a hub's), at their cells, as validateRecord does", () => {
    expect(errors({ knownOrganisations: [], knownFacilities: [] })).toEqual([
      ['ref.unknown-organisation', { row: 2, column: 3, text: { line: 2, column: 25 } }],
      ['ref.unknown-facility', { row: 2, column: 5, text: { line: 2, column: 43 } }],
    ]);
    expect(errors({ knownOrganisations: ['ZA-NPO-123-456'], knownFacilities: [['za-fac-1', 'ZA']] })).toEqual([]);
    const record = readCsv(csv).records[0];
    expect(validateRecord('observation', record, { knownOrganisations: [] }).issues.map((issue) => issue.code)).toEqual(
      validateCsv(csv, { knownOrganisations: [] }).issues.map((issue) => issue.code),
    );
  });
});

describe('validateCsv and maxIssues', () => {
  const header = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,value,unit,dataSource,notes';
  const row = (id: string, notes = '') => `${id},prisons-people-on-art,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,120,count,routine-programme-data,${notes}`;

  it('reads on past a list full of warnings until an error settles the outcome, and lists that error', () => {
    // Two warnings fill the list; the second row repeats the first one's breakdown: the error takes the second warning's place.
    const rows = [row('a', 'call +27 21 123 4567'), row('b', 'call +27 21 123 4567'), row('c'), row('a')];
    const { ok, issues, read } = validateCsv([header, ...rows].join('\n'), { maxIssues: 2, now: new Date('2021-06-30') });
    expect(issues.map((i) => [i.code, i.location && 'row' in i.location && i.location.row])).toEqual([['privacy.personal-data', 2], ['unique.duplicate-breakdown', 3]]);
    expect(ok).toBe(false);
    expect(read).toMatchObject({ complete: false, rows: 3 });
  });
});

describe('validateCsv: the columns of a sheet in its messages', () => {
  const columns = ['id', 'indicator', 'reportingOrganisation', 'scope.country', 'period.start', 'period.end', 'numerator', 'denominator', 'value', 'unit', 'dataSource', 'suppressed'];
  const headed = columns.map((column) => columnHeading(column, 'uk')).join(';');
  const cells = (changes: Record<string, string>): string => {
    const given: Record<string, string> = {
      id: 'ua-1', indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'UA-EDR-21514560', 'scope.country': 'UA', 'period.start': '01.01.2020',
      'period.end': '31.12.2020', numerator: '46', denominator: '610', value: '7,5', unit: 'percent', dataSource: 'routine-programme-data', suppressed: 'ХИБНІСТЬ', ...changes,
    };
    return columns.map((column) => given[column]).join(';');
  };
  const rows = [
    cells({ 'period.start': '' }),
    cells({ id: 'ua-2', 'scope.country': '' }),
    cells({ id: 'ua-3', value: '<5' }),
    cells({ id: 'ua-4', numerator: '', value: '', suppressed: '<5' }),
    cells({ id: 'ua-5', numerator: '', value: '', suppressed: '1' }),
    cells({ id: 'ua-6', numerator: '', value: '', suppressed: 'х' }),
    cells({ id: 'ua-7', numerator: '3', value: '', suppressed: 'ні' }),
    cells({ id: 'ua-8', 'period.start': '01.01.2021', 'period.end': '31.12.2021', value: '', suppressed: 'так' }),
  ];
  const messagesOf = (csv: string, locale: Locale) =>
    validateCsv(`${csv}\n${rows.join('\n')}\n`, { locale, now: new Date('2024-01-01') }).issues
      .filter((issue) => issue.severity !== 'info')
      .map((issue) => [issue.location && 'row' in issue.location ? issue.location.row : undefined, issue.code, issue.message]);

  it('name a column by the heading the sheet shows, a flag by the words the sheet takes, and hint at how a small count is suppressed', () => {
    expect(messagesOf(headed, 'uk')).toEqual([
      [2, 'schema.required', 'Порожня клітинка в обов’язковому стовпці «Період › початок»: заповніть її'],
      [3, 'schema.required', 'Порожня клітинка в обов’язковому стовпці «Охоплення › Країна»: заповніть її'],
      [4, 'schema.invalid-type', 'Стовпець «Значення»: очікується число, наприклад 12, а зазначено текст «<5»: щоб приховати малу кількість, поставте ІСТИНА в стовпці «Приховано» і залиште порожньою клітинку в стовпці «Значення»'],
      [5, 'schema.invalid-type', 'Стовпець «Приховано»: очікується ІСТИНА або ХИБНІСТЬ (або так/ні), а зазначено текст «<5»: щоб приховати малу кількість, поставте ІСТИНА в стовпці «Приховано» і залиште порожньою клітинку в стовпці «Значення»'],
      [6, 'schema.invalid-type', 'Стовпець «Приховано»: очікується ІСТИНА або ХИБНІСТЬ (або так/ні), а зазначено текст «1»: 1 і 0 не читаються як позначка; напишіть ІСТИНА замість 1 і ХИБНІСТЬ замість 0'],
      [7, 'schema.invalid-type', 'Стовпець «Приховано»: очікується ІСТИНА або ХИБНІСТЬ (або так/ні), а зазначено текст «х»: таку позначку не прочитано; напишіть ІСТИНА там, де спостереження приховано, а де ні — залиште клітинку порожньою'],
      [8, 'privacy.small-cell', 'Чисельник 3 — це менше за поріг приховування 5: поставте ІСТИНА в стовпці «Приховано» і залиште порожніми цю клітинку та клітинку в стовпці «Значення»'],
      [8, 'observation.value-missing', 'Немає значення: заповніть стовпець «Значення» або поставте ІСТИНА в стовпці «Приховано»'],
      [9, 'privacy.suppressed-value-present', 'У рядку стоїть ІСТИНА в стовпці «Приховано», але клітинку в стовпці «Чисельник» заповнено: залиште її порожньою, щоб приховане число не потрапило в дані'],
    ]);
  });

  it('name a column of a header of field paths by its path, in every language, and never tell to write "suppressed" or true', () => {
    for (const locale of ['en', 'ru', 'uk', 'fr', 'es'] as const) {
      const messages = messagesOf(columns.join(';'), locale).map(([, , message]) => String(message));
      expect(messages).toHaveLength(9);
      expect(messages[0]).toContain(locale === 'fr' ? '« period.start »' : locale === 'en' ? '"period.start"' : '«period.start»');
      expect(messages[1]).toMatch(/scope\.country/);
      // `suppressed` is named as a column, in the quotes of the language, not as a key of the data to write.
      for (const message of messages) expect(message).not.toMatch(/(?<!column )"suppressed"|\btrue\b|«start»|«scope»/);
    }
    expect(messagesOf(columns.join(';'), 'ru').map(([, , message]) => message)).toContain('Нет значения: заполните столбец «value» или поставьте ИСТИНА в столбце «suppressed»');
    expect(messagesOf(columns.join(';'), 'en').map(([, , message]) => message)).toContain(
      'The row has TRUE in the column "suppressed", but its cell in the column "numerator" is filled in: leave the cell empty, so that the suppressed figure does not travel with the data',
    );
  });

  it('name a cell of the wrong type by its column, as the sheet shows it, and hint at leaving a figure not known empty', () => {
    const issues = validateCsv(`${headed}\n${cells({ denominator: '610 осіб', value: '-' })}\n`, { locale: 'uk', now: new Date('2024-01-01') }).issues.filter((issue) => issue.code === 'schema.invalid-type');
    expect(issues.map((issue) => issue.message)).toEqual([
      'Стовпець «Знаменник»: очікується число, наприклад 12, а зазначено текст «610 осіб»',
      'Стовпець «Значення»: очікується число, наприклад 12, а зазначено текст «-»: якщо числа немає, залиште клітинку порожньою',
    ]);
    const none = { en: ': where there is no figure, leave the cell empty', ru: ': если числа нет, оставьте ячейку пустой', fr: ' ; s’il n’y a pas de chiffre, laissez la cellule vide', es: ': si no hay cifra, deje la celda vacía' };
    for (const locale of ['en', 'ru', 'fr', 'es'] as const) {
      const [denominator, value] = validateCsv(`${columns.join(';')}\n${cells({ denominator: '610 persons', value: 'n/a' })}\n`, { locale }).issues.filter((issue) => issue.code === 'schema.invalid-type');
      expect(denominator!.message).toMatch(/denominator/);
      expect(value!.message.endsWith(none[locale])).toBe(true);
    }
  });

  it('hint at suppressing a small count in a sheet of observations alone, and at a mark in their flag alone', () => {
    const facility = validateCsv('Ідентифікатор;Країна;Тип установи;Місткість\nua-1;UA;prison;<5\n', { locale: 'uk' }).issues.find((issue) => issue.code === 'schema.invalid-type')!;
    expect(facility.params).toMatchObject({ sheet: { column: 'Місткість' } });
    expect(facility.params.sheet).not.toHaveProperty('suppressed');
    expect(facility.message).toBe('Стовпець «Місткість»: очікується число, наприклад 12, а зазначено текст «<5»');
    const indicator = (flag: string) =>
      validateCsv(`code;name.en;unit;calculation;countsPeople\nmy-count;My count;count;sum;${flag}\n`, { locale: 'en' }).issues.find((issue) => issue.code === 'schema.invalid-type')!;
    expect(indicator('1').message).toBe('The column "countsPeople" should be TRUE or FALSE (or yes/no), not the text "1": 1 and 0 are not read as a flag; write TRUE for 1 and FALSE for 0');
    expect(indicator('x').message).toBe('The column "countsPeople" should be TRUE or FALSE (or yes/no), not the text "x"');
    expect(indicator('<5').message).toBe('The column "countsPeople" should be TRUE or FALSE (or yes/no), not the text "<5"');
  });

  it('keep the messages of a JSON document as they were', () => {
    const issues = validateRecord('observation', { id: 'o', indicator: 'hiv-prevalence-prisoners', reportingOrganisation: 'UA-EDR-1', scope: { country: 'UA' }, period: { start: '2020-01-01', end: '2020-12-31' }, unit: 'percent', dataSource: 'survey', suppressed: 'x' }, { locale: 'uk' }).issues;
    expect(issues.map((issue) => issue.message)).toContain('Приховано: очікується true або false, а зазначено текст «x»');
    expect(issues.every((issue) => !('sheet' in issue.params))).toBe(true);
  });
});
