import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemblePackage, recordTypeNames, recordTypes, toNdjsonLines, validate, validateCsv, writeCsv, writeXlsx, type PackageInput } from '../src/index.js';
import { anyListsOf, idAlphabet } from './random.js';

const example = JSON.parse(readFileSync(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const collections = new Set<string>(recordTypeNames.map((type) => recordTypes[type].collection));
const header = Object.fromEntries(Object.entries(example).filter(([key]) => !collections.has(key)));
const organisation = (example.organisations as { id: string }[])[0]!.id;

/** The example package cut into a header file and one sheet per record type, as Excel in a locale saves them. */
function sheetsOf(pkg: Record<string, unknown>, excelLocale?: 'uk' | 'fr'): PackageInput[] {
  return [
    { name: 'header.phx.json', bytes: encode(JSON.stringify(header, null, 2)) },
    ...recordTypeNames.flatMap((type) => {
      const records = pkg[recordTypes[type].collection] as Record<string, unknown>[] | undefined;
      return records?.length ? [{ name: `${recordTypes[type].collection}.csv`, bytes: encode(writeCsv(type, records, { excelLocale })) }] : [];
    }),
  ];
}

describe('assemblePackage builds one package from several inputs', () => {
  it('gives back the package cut into a header file and CSV sheets in each Excel locale, and it validates as a whole', async () => {
    for (const excelLocale of [undefined, 'uk', 'fr'] as const) {
      const assembled = await assemblePackage(sheetsOf(example, excelLocale), { excelLocale });
      expect(assembled.files.map((file) => file.format)).toEqual(['json', ...assembled.files.slice(1).map(() => 'csv')]);
      expect(assembled.files.flatMap((file) => file.issues).filter((issue) => issue.severity !== 'info')).toEqual([]);
      expect(assembled).toMatchObject({ readable: true, ok: true, headerFrom: ['header.phx.json'] });
      expect(assembled.pkg).toEqual(example);
    }
  });

  it('checks references across inputs and places an issue at the row and column of the sheet it comes from', async () => {
    const facilities = `id;country;facilityType;capacity\r\nfac-1;ZA;prison;1 200\r\n`;
    const observations = [
      'id;indicator;reportingOrganisation;scope.country;scope.facility;period.start;period.end;numerator;denominator;value;unit;dataSource',
      `obs-1;hiv-prevalence-prisoners;${organisation};ZA;fac-1;01.01.2020;31.12.2020;120;1000;12;percent;survey`,
      `obs-2;hiv-prevalence-prisoners;${organisation};ZA;fac-2;01.01.2020;31.12.2020;120;1000;12;percent;survey`,
    ].join('\r\n');
    const { organisations } = example;
    const assembled = await assemblePackage([
      { name: 'header.phx.json', bytes: encode(JSON.stringify({ ...header, organisations }, null, 2)) },
      { name: 'facilities.csv', bytes: encode(`\uFEFF${facilities}`) },
      { name: 'observations.csv', bytes: encode(observations) },
    ]);
    expect(assembled).toMatchObject({ readable: true, ok: false });
    const errors = assembled.files.map((file) => file.issues.filter((issue) => issue.severity === 'error').map(({ code, location }) => ({ code, location })));
    // Row 3 is line 3 of the file, and the cell starts where `fac-2` does.
    const text = { line: 3, column: observations.split('\r\n')[2]!.indexOf('fac-2') + 1 };
    expect(errors).toEqual([[], [], [{ code: 'ref.unknown-facility', location: { row: 3, column: 5, text } }]]);
    expect(assembled.pkg.facilities).toEqual([{ id: 'fac-1', country: 'ZA', facilityType: 'prison', capacity: 1200 }]);
  });

  it('names the columns of a sheet in its messages as the sheet shows them, as validating the sheet alone does', async () => {
    const observations = [
      'Ідентифікатор;Індикатор;Організація, що звітує;Охоплення › Країна;Період › початок;Період › кінець;Чисельник;Знаменник;Значення;Одиниця;Джерело даних;Приховано',
      `obs-1;hiv-prevalence-prisoners;${organisation};ZA;;31.12.2020;3;1000;0,3;percent;survey;ні`,
    ].join('\r\n');
    const inputs = [
      { name: 'header.phx.json', bytes: encode(JSON.stringify({ ...header, organisations: example.organisations }, null, 2)) },
      { name: 'observations.csv', bytes: encode(observations) },
    ];
    const assembled = await assemblePackage(inputs, { locale: 'uk' });
    const messages = assembled.files[1]!.issues.filter((issue) => issue.severity === 'error').map(({ code, message }) => [code, message]);
    expect(messages).toEqual([
      ['schema.required', 'Порожня клітинка в обов’язковому стовпці «Період › початок»: заповніть її'],
      ['privacy.small-cell', 'Чисельник 3 — це менше за поріг приховування 5: поставте ІСТИНА в стовпці «Приховано» і залиште порожніми цю клітинку та клітинку в стовпці «Значення»'],
    ]);
    expect(messages).toEqual(validateCsv(encode(observations), { locale: 'uk' }).issues.filter((issue) => issue.severity === 'error').map(({ code, message }) => [code, message]));
  });

  it('checks a part of a package still to be assembled as validateCsv checks a CSV: every rule but its references', async () => {
    const observations = [
      'id;indicator;reportingOrganisation;scope.country;scope.facility;period.start;period.end;numerator;denominator;value;unit;dataSource',
      'obs-1;hiv-prevalence-prisoners;ZA-NPO-999;ZA;fac-2;01.01.2020;31.12.2020;120;1000;12;percent;survey',
      'obs-2;hiv-prevalence-prisoners;ZA-NPO-999;ZA;fac-2;01.01.2021;31.12.2021;3;1000;0,3;percent;survey',
    ].join('\r\n');
    const inputs = [{ name: 'observations.csv', bytes: encode(observations) }];
    const errors = (assembled: Awaited<ReturnType<typeof assemblePackage>>): string[] => assembled.files[0]!.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code);
    const part = await assemblePackage(inputs, { header: 'optional', part: true });
    expect(errors(part)).toEqual(validateCsv(observations).issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code));
    expect(errors(part)).toEqual(['privacy.small-cell']);
    const whole = await assemblePackage(inputs, { header: 'optional' });
    expect(errors(whole).sort()).toEqual(['privacy.small-cell', 'ref.unknown-facility', 'ref.unknown-facility', 'ref.unknown-organisation', 'ref.unknown-organisation']);
    // Given the records that exist (a hub's), a part's references are checked against them, as validateCsv checks a table's.
    const known = { knownOrganisations: [], knownFacilities: [] };
    const partAmongKnown = await assemblePackage(inputs, { header: 'optional', part: true, ...known });
    expect(errors(partAmongKnown)).toEqual(validateCsv(observations, known).issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code));
    expect(errors(partAmongKnown).sort()).toEqual(errors(whole).sort());
  });

  it('places an issue of a .phx.json input at its line there, and of a workbook at its sheet and A1 cell', async () => {
    const { observations, ...rest } = example as { observations: Record<string, unknown>[] };
    const broken = observations.map((record, index) => (index === 1 ? { ...record, indicator: 'no-such-indicator' } : record));
    const workbook = await writeXlsx({ ...header, observations: broken });
    const json = JSON.stringify({ ...rest, observations: [] }, null, 2).replace('"observations": []', `"observations": [\n    ${JSON.stringify({ ...observations[0], id: 'obs-extra', scope: { country: 'ZA', facility: 'nowhere' } })}\n  ]`);
    const assembled = await assemblePackage([
      { name: 'rest.phx.json', bytes: encode(json) },
      { name: 'observations.xlsx', bytes: workbook },
    ]);
    expect(assembled.headerFrom).toEqual(['rest.phx.json', 'observations.xlsx']);
    // Two headers are a conflict for the caller to report; nothing is validated.
    expect(assembled.files.flatMap((file) => file.issues)).toEqual([]);
    const placed = await assemblePackage([
      { name: 'records.phx.json', bytes: encode(JSON.stringify({ organisations: example.organisations, facilities: example.facilities, observations: JSON.parse(json).observations }, null, 2)) },
      { name: 'observations.xlsx', bytes: workbook },
    ]);
    const [jsonFile, workbookFile] = placed.files;
    expect(jsonFile!.issues.map(({ code, location, pointer }) => ({ code, location, pointer }))).toContainEqual({ code: 'ref.unknown-facility', location: { line: expect.any(Number), column: expect.any(Number) }, pointer: '/observations/0/scope/facility' });
    const unknown = workbookFile!.issues.find((issue) => issue.code === 'ref.unknown-indicator');
    expect(unknown?.location).toMatchObject({ sheet: 'observations', row: 4, cell: expect.stringMatching(/^[A-Z]+4$/) });
  });

  it('names the first of two duplicates at its row, line or pointer in its own input, and that input when it is another', async () => {
    // The facilities of fb.csv are not those of the same ids in the other inputs: each is another facility of an id taken.
    const facilities = (...ids: string[]) => encode(['id,country,facilityType', ...ids.map((id) => `${id},UA,prison`)].join('\n'));
    const otherFacilities = (...ids: string[]) => encode(['id,country,facilityType', ...ids.map((id) => `${id},UA,pre-trial-detention`)].join('\n'));
    const ndjson = encode(`${JSON.stringify({ type: 'facility', id: 'ua-5', country: 'UA', facilityType: 'prison' })}\n`);
    const json = encode(JSON.stringify({ facilities: [{ id: 'ua-6', country: 'UA', facilityType: 'prison' }] }, null, 2));
    const assembled = await assemblePackage(
      [
        { name: 'fa.csv', bytes: facilities('ua-1', 'ua-2') },
        { name: 'more.phx.ndjson', bytes: ndjson },
        { name: 'more.phx.json', bytes: json },
        { name: 'fb.csv', bytes: otherFacilities('ua-3', 'ua-2', 'ua-3', 'ua-5', 'ua-6') },
      ],
      { header: 'optional' },
    );
    const duplicates = assembled.files[3]!.issues.filter((issue) => issue.code === 'unique.duplicate-id');
    expect(duplicates.map(({ location, params }) => [location && 'row' in location && location.row, 'first' in params && params.first])).toEqual([
      [3, { file: 'fa.csv', at: { row: 3 } }],
      [4, { row: 2 }],
      [5, { file: 'more.phx.ndjson', at: 1 }],
      [6, { file: 'more.phx.json', at: '/facilities/0/id' }],
    ]);
    expect(duplicates[0]!.message).toBe('A second facility with the identifier "ua-2" (the first is at file "fa.csv", row 3)');
    expect(duplicates[1]!.message).toBe('A second facility with the identifier "ua-3" (the first is at row 2)');
    const inUkrainian = await assemblePackage([{ name: 'fa.csv', bytes: facilities('ua-1') }, { name: 'fb.csv', bytes: otherFacilities('ua-1') }], { header: 'optional', locale: 'uk' });
    expect(inUkrainian.files[1]!.issues.map((issue) => issue.message)).toEqual(['Повторюваний ідентифікатор «ua-1» (установа; уперше: файл «fa.csv», рядок 2)']);
  });

  it('takes once a record that two inputs give field for field (the facilities of a template given again in their file), and reports one repeated in its own input', async () => {
    const facility = { id: 'ua-1', name: 'Київський СІЗО', country: 'UA', facilityType: 'pre-trial-detention', capacity: 2800, population: { count: 2650, date: '2023-12-31' } };
    const workbook = await writeXlsx({ ...header, facilities: [facility, { id: 'ua-2', country: 'UA', facilityType: 'prison' }] });
    const csv = encode(`\uFEFF${writeCsv('facility', [facility, { ...facility, id: 'ua-3' }], { excelLocale: 'uk' })}`);
    // The same fields in another order, as another program writes them.
    const json = encode(JSON.stringify({ facilities: [Object.fromEntries(Object.entries(facility).reverse())] }));
    const assembled = await assemblePackage([
      { name: 'report.xlsx', bytes: workbook },
      { name: 'facilities.csv', bytes: csv },
      { name: 'facilities.phx.json', bytes: json },
    ]);
    expect(assembled.files.flatMap((file) => file.issues).filter((issue) => issue.severity !== 'info')).toEqual([]);
    expect(assembled.ok).toBe(true);
    expect(assembled.pkg.facilities).toEqual([facility, { id: 'ua-2', country: 'UA', facilityType: 'prison' }, { ...facility, id: 'ua-3' }]);
    const twice = await assemblePackage([{ name: 'fa.csv', bytes: encode(writeCsv('facility', [facility, facility])) }], { header: 'optional' });
    expect(twice.files[0]!.issues.map(({ code, params }) => [code, params])).toEqual([['unique.duplicate-id', { recordType: 'facility', id: 'ua-1', first: { row: 2 } }]]);
  });

  it('keeps each list of a .phx.json or workbook input as it is — absent, empty or of records — and adds none', async () => {
    await fc.assert(
      fc.asyncProperty(anyListsOf(example), async (pkg) => {
        for (const input of [{ name: 'package.phx.json', bytes: encode(JSON.stringify(pkg)) }, { name: 'package.xlsx', bytes: await writeXlsx(pkg) }]) {
          const assembled = await assemblePackage([input]);
          expect(assembled.readable, input.name).toBe(true);
          expect(assembled.pkg, input.name).toStrictEqual(pkg);
        }
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  describe('a header package', () => {
    const { observations, meetings, ...lent } = example as Record<string, unknown> & { observations: Record<string, unknown>[]; meetings: unknown[] };
    // Observations and a meeting of its own, which the package built from the sheets is not about.
    const headerPackage = { ...lent, observations: [{ ...observations[0], id: 'obs-earlier' }], meetings };
    const sheet: PackageInput = { name: 'observations.csv', bytes: encode(writeCsv('observation', observations, { excelLocale: 'uk' })) };
    const formats: [string, () => Promise<Uint8Array>][] = [
      ['package.phx.json', async () => encode(JSON.stringify(headerPackage, null, 2))],
      ['package.phx.ndjson', async () => encode(`${[...toNdjsonLines(headerPackage)].join('\n')}\n`)],
      ['package.xlsx', () => writeXlsx(headerPackage)],
    ];

    it.each(formats)('%s lends its organisations, facilities and indicator definitions: the sheets refer to them, and the package holds them', async (name, bytes) => {
      const assembled = await assemblePackage([{ name, bytes: await bytes(), headerPackage: true }, sheet], { excelLocale: 'uk' });
      expect(assembled.files.flatMap((file) => file.issues).filter((issue) => issue.severity !== 'info')).toEqual([]);
      expect(assembled).toMatchObject({ readable: true, ok: true, headerFrom: [name] });
      // Not its observations nor its meetings: the sheets give the package's.
      expect(assembled.pkg).toEqual({ ...lent, observations });
      expect(assembled.files[0]!.read.records).toEqual({ organisation: 27, facility: 5, indicator: 1, observation: 0, meeting: 0 });
    });

    it('is one input among the others: a record both give field for field is taken once, one that differs is a second of its id', async () => {
      const [kept, changed] = example.facilities as Record<string, unknown>[];
      const facilities = encode(writeCsv('facility', [kept!, { ...changed, capacity: 1 }, { id: 'ua-new', country: 'UA', facilityType: 'prison' }]));
      const assembled = await assemblePackage([
        { name: 'package.phx.json', bytes: encode(JSON.stringify(headerPackage, null, 2)), headerPackage: true },
        { name: 'facilities.csv', bytes: facilities },
        sheet,
      ]);
      const duplicates = assembled.files.map((file) => file.issues.filter((issue) => issue.code === 'unique.duplicate-id').map(({ location, params }) => [location && 'row' in location && location.row, params]));
      expect(duplicates).toEqual([[], [[3, { recordType: 'facility', id: changed!.id, first: { file: 'package.phx.json', at: '/facilities/1/id' } }]], []]);
      expect((assembled.pkg.facilities as { id: string }[]).map((facility) => facility.id)).toEqual([...(example.facilities as { id: string }[]).map((facility) => facility.id), changed!.id, 'ua-new']);
    });
  });

  it('reports what it cannot read, in the input it comes from, and validates nothing', async () => {
    const pdf = encode('%PDF-1.7\n1 0 obj\n');
    const cases: [PackageInput, string][] = [
      [{ name: 'report.pdf', bytes: pdf }, 'file.unsupported-format'],
      [{ name: 'observations.csv', bytes: pdf }, 'file.unsupported-format'],
      [{ name: 'empty.phx.ndjson', bytes: new Uint8Array() }, 'file.empty'],
      [{ name: 'blank.csv', bytes: encode(';;;\r\n;;;\r\n') }, 'file.empty'],
      [{ name: 'notes.csv', bytes: encode('Name,Phone\nA,1\n') }, 'csv.no-header'],
      [{ name: 'cp1251.csv', bytes: Uint8Array.from([0x69, 0x64, 0x0a, 0xc8, 0xe2, 0xe0, 0xed, 0x0a]) }, 'syntax.invalid-encoding'],
      [{ name: 'broken.phx.json', bytes: encode('{"phxVersion": "1.0",') }, 'syntax.'],
      [{ name: 'stdin', format: 'ndjson', bytes: encode('{"type":"observation"\n') }, 'syntax.'],
    ];
    for (const [input, code] of cases) {
      const assembled = await assemblePackage([{ name: 'header.phx.json', bytes: encode(JSON.stringify(header)) }, input]);
      expect(assembled.readable, input.name).toBe(false);
      expect(assembled.ok).toBe(false);
      expect(assembled.files[0]!.issues).toEqual([]);
      expect(assembled.files[1]!.issues.map((issue) => issue.code).join(' '), input.name).toContain(code);
    }
  });

  it("gives an issue of a cell of a sheet the path in the package of the cell's record, as the record's own issues have", async () => {
    const head = 'id;indicator;reportingOrganisation;scope.country;period.start;period.end;numerator;denominator;value;unit;dataSource';
    const line = (id: string, value: string) => `${id};hiv-prevalence-prisoners;${organisation};ZA;01.01.2020;31.12.2020;120;1000;${value};percent;survey`;
    const first = encode([head, line('obs-1', '12'), line('obs-2', '12')].join('\r\n'));
    const second = encode([head, line('obs-3', '12'), line('obs-4', '#N/A')].join('\r\n'));
    const { observations: _, ...rest } = example;
    const workbook = await writeXlsx({ ...header, observations: [(example.observations as Record<string, unknown>[])[0]!, { ...(example.observations as Record<string, unknown>[])[0]!, id: 'obs-x', value: '#REF!' }] });
    const assembled = await assemblePackage([
      { name: 'rest.phx.json', bytes: encode(JSON.stringify({ organisations: rest.organisations }, null, 2)) },
      { name: 'first.csv', bytes: first },
      { name: 'second.csv', bytes: second },
      { name: 'more.xlsx', bytes: workbook },
    ]);
    // An error in a cell leaves the sheet readable: its records are checked, and their other issues told beside it.
    expect(assembled.readable).toBe(true);
    expect(assembled.ok).toBe(false);
    const cells = assembled.files.map((file) => file.issues.filter((issue) => issue.code === 'sheet.error-cell').map(({ pointer, location }) => [pointer, location && 'row' in location ? location.row : undefined]));
    // The records of the first sheet are the package's first two observations; the workbook's come after those of both sheets.
    expect(cells).toEqual([[], [], [['/observations/3/value', 3]], [['/observations/5/value', 4]]]);
    // A valid sheet's record issues have such paths too.
    const valid = await assemblePackage([{ name: 'first.csv', bytes: first }, { name: 'third.csv', bytes: encode([head, line('obs-5', '12'), line('obs-6', 'x')].join('\r\n')) }], { header: 'optional', part: true });
    expect(valid.files[1]!.issues.filter((issue) => issue.code.startsWith('schema.')).map(({ code, pointer }) => [code, pointer])).toEqual([['schema.invalid-type', '/observations/3/value']]);
  });

  it('checks the records of a sheet with an Excel error in a cell, telling the error once and the other rows\' issues beside it', async () => {
    const head = 'id;indicator;reportingOrganisation;scope.country;period.start;period.end;numerator;denominator;value;unit;dataSource';
    const line = (id: string, value: string, country = 'ZA') => `${id};hiv-prevalence-prisoners;${organisation};${country};01.01.2020;31.12.2020;120;1000;${value};percent;survey`;
    const { observations: _, ...rest } = example;
    const assembled = await assemblePackage([
      { name: 'rest.phx.json', bytes: encode(JSON.stringify(rest, null, 2)) },
      { name: 'observations.csv', bytes: encode([head, line('obs-1', '#DIV/0!'), line('obs-2', '12', 'Замбія')].join('\r\n')) },
    ]);
    expect(assembled).toMatchObject({ readable: true, ok: false });
    expect(assembled.files[1]!.issues.filter((issue) => issue.severity === 'error').map(({ code, pointer }) => [code, pointer])).toEqual([
      ['sheet.error-cell', '/observations/0/value'],
      ['schema.invalid-value', '/observations/1/scope/country'],
    ]);
  });

  it('reads a CSV input saved in Windows-1251 when told its encoding, as its UTF-8 form', async () => {
    const observations = (example.observations as Record<string, unknown>[]).map((record) => ({ ...record, notes: 'Добровільне тестування у СІЗО, Київ' }));
    const text = writeCsv('observation', observations);
    const windows1251 = new TextDecoder('windows-1251');
    const byteOf = new Map(Array.from({ length: 256 }, (_, byte) => [windows1251.decode(Uint8Array.of(byte)), byte]));
    const bytes = Uint8Array.from(text.replace(/^\uFEFF/, ''), (char) => byteOf.get(char)!);
    const rest = encode(JSON.stringify({ ...example, observations: undefined }));
    const inputs = (csv: Uint8Array): PackageInput[] => [{ name: 'rest.phx.json', bytes: rest }, { name: 'observations.csv', bytes: csv }];
    const asUtf8 = await assemblePackage(inputs(encode(text)));
    expect(asUtf8.ok).toBe(true);
    expect((await assemblePackage(inputs(bytes))).files[1]!.issues.map((issue) => issue.code)).toEqual(['syntax.invalid-encoding']);
    const assembled = await assemblePackage(inputs(bytes), { encoding: 'windows-1251' });
    expect(assembled.pkg).toEqual(asUtf8.pkg);
    expect(assembled.files.map((file) => file.issues)).toEqual(asUtf8.files.map((file) => file.issues));
    expect(assembled.files[1]!.read).toEqual({ ...asUtf8.files[1]!.read, bytes: bytes.length, encoding: 'windows-1251' });
  });

  it('gives the same verdict as validating the whole package, for any split of generated records into inputs', async () => {
    const id = fc.string({ unit: fc.constantFrom(...idAlphabet, 'Ї', 'é'), minLength: 1, maxLength: 40 }).filter((value) => /^[A-Za-z0-9]/.test(value));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(id, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(8), { minLength: 1, maxLength: 6 }), async (ids, facilityOf) => {
        const facilities = ids.map((facility) => ({ id: facility, country: 'ZA', facilityType: 'prison' }));
        const observations = facilityOf.map((n, i) => ({
          id: `obs-${i}`, indicator: 'prisons-people-on-oat', reportingOrganisation: organisation, scope: { country: 'ZA', facility: ids[n] ?? `missing-${n}` },
          period: { start: '2020-01-01', end: '2020-12-31' }, value: 10 + i, unit: 'count', dataSource: 'survey',
        }));
        const pkg = { ...header, organisations: example.organisations, facilities, observations };
        const assembled = await assemblePackage(sheetsOf(pkg, 'uk'), { excelLocale: 'uk' });
        expect(assembled.pkg).toEqual(pkg);
        expect(assembled.ok).toBe(validate(pkg).ok);
        const errors = (issues: readonly { severity: string; code: string }[]) => issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code).sort();
        expect(errors(assembled.files.flatMap((file) => file.issues))).toEqual(errors(validate(pkg).issues));
      }),
      { numRuns: 40 },
    );
  });
});
