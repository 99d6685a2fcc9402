/**
 * Files as people send them, not as PHX writes them: empty and blank files, a header with no rows, a
 * table that is not PHX data, a quote never closed, binary data, an Excel workbook, UTF-16 and legacy
 * code pages, byte order marks, Windows line ends and a line longer than the NDJSON limit. Each face
 * (the `phx` command, the page, the hub) must give the same verdict on each.
 */
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** One file of the corpus: its name, its bytes, and what any face must say about it. */
export interface AwkwardFile {
  name: string;
  bytes: Uint8Array;
  /** The codes of the issues, in order (each face lists them all: none has over a thousand). */
  codes: string[];
}

const examples = new URL('../../examples/data/', import.meta.url);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const OBSERVATION_HEADER = 'id,indicator,reportingOrganisation,scope.country,period.start,period.end,numerator,denominator,value,unit,dataSource';
const OBSERVATION_ROW = 'obs-1,hiv-prevalence-prisoners,ZA-NPO-123-456,ZA,2020-01-01,2020-12-31,120,1000,12,percent,survey';

/** UTF-16 code units of a text, in either byte order, with a byte order mark when asked. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = [...(bom ? '\uFEFF' : ''), ...text].flatMap((char) => {
    const code = char.codePointAt(0)!;
    return code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
  });
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => {
    bytes[i * 2 + (order === 'le' ? 0 : 1)] = unit & 0xff;
    bytes[i * 2 + (order === 'le' ? 1 : 0)] = unit >> 8;
  });
  return bytes;
}

/** A text in a single-byte code page, from a table of its letters above ASCII. */
function codePage(text: string, letters: string, first: number): Uint8Array {
  return Uint8Array.from([...text], (char) => {
    if (char.charCodeAt(0) < 0x80) return char.charCodeAt(0);
    const at = letters.indexOf(char);
    if (at < 0) throw new Error(`no byte for ${char}`);
    return first + at;
  });
}
const CYRILLIC_1251 = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';
const LATIN_1252 = 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';

/**
 * A zip archive of stored (uncompressed) entries, the container of an .xlsx workbook.
 *
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (local file header, central directory)
 */
function zip(entries: [name: string, text: string][]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = utf8(name);
    const data = utf8(text);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, data.length, true);
    central.setUint32(24, data.length, true);
    central.setUint16(28, nameBytes.length, true);
    central.setUint32(42, offset, true);
    const entry = [new Uint8Array(local.buffer), nameBytes, data];
    locals.push(...entry);
    centrals.push(new Uint8Array(central.buffer), nameBytes);
    offset += entry.reduce((sum, part) => sum + part.length, 0);
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, new Uint8Array(end.buffer)]);
}

/** The rows of the sheet of {@link workbook}: a column of ids, as Excel writes it. */
const ID_ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>obs-1</t></is></c></row>';

/**
 * The rows of the sheet of {@link MERGED_HEADER}: `period.start` typed in B1 and merged over B1:C1, the dates of each
 * period's start and end under it, as people head a period in Excel.
 */
const MERGED_ROWS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>period.start</t></is></c><c r="C1"/></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>obs-1</t></is></c><c r="B2" t="inlineStr"><is><t>2020-01-01</t></is></c><c r="C2" t="inlineStr"><is><t>2020-12-31</t></is></c></row>';
const MERGED_HEADER = '<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>';

/** A one-sheet workbook of these rows (and what follows them in the sheet's XML), with the parts, and in the order, that Excel writes them. */
function workbook(rows = ID_ROWS, after = ''): Uint8Array {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
  return zip([
    [
      '[Content_Types].xml',
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ],
    ['_rels/.rels', `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="observations" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    ['xl/_rels/workbook.xml.rels', `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    [
      'xl/worksheets/sheet1.xml',
      `${xml}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${after}</worksheet>`,
    ],
  ]);
}

/**
 * What {@link workbook} gives: the sheet's 7 missing columns, said at the header (and not again as the `scope` and
 * `period` each row lacks without them), and the package header's 5 fields.
 */
const workbookCodes: string[] = Array(12).fill('schema.required');

/** Bytes that are no text at all, the same every run. */
function noise(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 7919 + 13) % 256);
}

const SECTOR = 512;
const FREE = 0xffffffff;
/**
 * Observations as Ukrainian Excel saves them as CSV (a byte order mark, `;`, Windows line ends, dates `dd.mm.yyyy`,
 * areas and notes in Cyrillic): a header and `rows` rows of 15 cells each, of a size to weigh against a heap.
 */
export function observationsCsv(rows: number): string {
  const header = 'id;indicator;reportingOrganisation;scope.country;scope.subnationalArea;period.start;period.end;disaggregation.sex;disaggregation.ageGroup;numerator;denominator;value;unit;dataSource;notes';
  const lines = Array.from({ length: rows }, (_, i) => `ua-obs-${i.toString(36)};hiv-prevalence-prisoners;UA-EDR-${21514560 + (i % 7)};UA;Область ${i % 24};01.01.2024;31.12.2024;${i % 2 ? 'female' : 'male'};;${i % 90};1 000;${(i % 90) / 10};percent;routine-programme-data;Тестування при вступі ${i}`);
  return `\uFEFF${header}\r\n${lines.join('\r\n')}\r\n`;
}

/**
 * A package of `count` observations as a tool writes one (indented by two spaces), ids of varied length, areas and
 * notes in Cyrillic: of a size to weigh against a heap.
 */
export function observationsPackage(count: number): string {
  const organisation = 'UA-EDR-21514560';
  const observations = Array.from({ length: count }, (_, i) => ({
    id: `ua-obs-${i.toString(36)}`,
    indicator: 'hiv-prevalence-prisoners',
    reportingOrganisation: organisation,
    scope: { country: 'UA', subnationalArea: `Область ${i}` },
    period: { start: '2024-01-01', end: '2024-12-31' },
    numerator: 5 + (i % 85),
    denominator: 1000,
    value: (5 + (i % 85)) / 10,
    unit: 'percent',
    dataSource: 'routine-programme-data',
    notes: `Тестування при вступі, "${i}"`,
  }));
  const header = { phxVersion: '1.0', id: 'ua-2024', publisher: { id: organisation, name: 'Світло надії' }, license: 'CC-BY-4.0', publishedAt: '2025-01-15T09:00:00Z' };
  const organisations = [{ id: organisation, name: { uk: 'Світло надії' }, organisationType: 'ngo', countries: ['UA'] }];
  return JSON.stringify({ ...header, organisations, observations }, null, 2);
}

const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * A compound file (version 3, of 512-byte sectors) as Excel saves an Excel 97–2003 workbook or one encrypted with a
 * password: its header, its sector table, `sectors` sectors of data that the last stream holds, and then its
 * directory, which names the streams in UTF-16LE (the others empty). A large stream comes before the directory as
 * in a file Excel writes, so that a directory past the first 64 KiB can be tried.
 */
export function compoundFile(streams: readonly string[], sectors = 1): Uint8Array {
  const entries = ['Root Entry', ...streams];
  const directorySectors = Math.ceil(entries.length / 4);
  // The sector table lists every sector, its own included: 128 a sector.
  const tableSectors = Math.ceil((sectors + directorySectors) / 127);
  const total = tableSectors + sectors + directorySectors;
  const bytes = new Uint8Array(SECTOR * (1 + total));
  const view = new DataView(bytes.buffer);
  const at = (sector: number): number => SECTOR * (1 + sector);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  [[24, 0x3e], [26, 3], [28, 0xfffe], [30, 9], [32, 6]].forEach(([offset, value]) => view.setUint16(offset!, value!, true));
  const directory = tableSectors + sectors;
  [[44, tableSectors], [48, directory], [56, 4096], [60, END_OF_CHAIN], [68, END_OF_CHAIN]].forEach(([offset, value]) => view.setUint32(offset!, value!, true));
  for (let i = 0; i < 109; i++) view.setUint32(76 + 4 * i, i < tableSectors ? i : FREE, true);
  // Each chain runs to the next sector and ends at its last one.
  const next = (sector: number, last: number): number => (sector === last ? END_OF_CHAIN : sector + 1);
  for (let sector = 0; sector < SECTOR * tableSectors / 4; sector++) {
    const entry = sector < tableSectors ? FAT_SECTOR : sector < directory ? next(sector, directory - 1) : sector < total ? next(sector, total - 1) : FREE;
    view.setUint32(at(0) + 4 * sector, entry, true);
  }
  bytes.set(noise(SECTOR * sectors), at(tableSectors));
  entries.forEach((name, i) => {
    const entry = at(directory) + 128 * i;
    [...name].forEach((char, j) => view.setUint16(entry + 2 * j, char.charCodeAt(0), true));
    view.setUint16(entry + 64, 2 * (name.length + 1), true);
    bytes[entry + 66] = i === 0 ? 5 : 2; // the root storage, or a stream
    bytes[entry + 67] = 1; // black
    // A tree of the streams as a list: each is the right sibling of the one before, the first the root's child.
    view.setUint32(entry + 68, FREE, true);
    view.setUint32(entry + 72, i > 0 && i < entries.length - 1 ? i + 1 : FREE, true);
    view.setUint32(entry + 76, i === 0 ? 1 : FREE, true);
    const holdsData = i === entries.length - 1 && sectors > 0;
    view.setUint32(entry + 116, holdsData ? tableSectors : END_OF_CHAIN, true);
    view.setUint32(entry + 120, holdsData ? SECTOR * sectors : 0, true);
  });
  return bytes;
}

/** The awkward files, each with the codes a face must report for it. */
export function awkwardFiles(): AwkwardFile[] {
  const example = readFileSync(new URL('network-meeting-2020.phx.json', examples), 'utf8');
  const exampleLines = readFileSync(new URL('network-meeting-2020.phx.ndjson', examples), 'utf8').trimEnd().split('\n');
  return [
    { name: 'empty.csv', bytes: new Uint8Array(), codes: ['file.empty'] },
    { name: 'empty.phx.ndjson', bytes: new Uint8Array(), codes: ['file.empty'] },
    { name: 'empty.phx.json', bytes: new Uint8Array(), codes: ['file.empty'] },
    { name: 'blank.csv', bytes: utf8('\r\n ;; \r\n\r\n'), codes: ['file.empty'] },
    { name: 'blank.phx.ndjson', bytes: utf8('\n\n   \n'), codes: ['file.empty'] },
    { name: 'header-only.csv', bytes: utf8(`${OBSERVATION_HEADER}\r\n`), codes: ['csv.no-rows'] },
    // A quote typed at the start of a note and never closed: the rest of the file is one cell, its rows lost.
    { name: 'unclosed-quote.csv', bytes: utf8(`${OBSERVATION_HEADER},notes\r\n${OBSERVATION_ROW},"Lviv, block 2\r\n${OBSERVATION_ROW.replace('obs-1', 'obs-2')},x\r\n`), codes: ['csv.unclosed-quote'] },
    // Typed by hand: text after the quote that closes a cell, and the rows below read into that cell up to the next quote.
    { name: 'text-after-quote.csv', bytes: utf8(`${OBSERVATION_HEADER},notes\r\n${OBSERVATION_ROW},"Central" prison\r\n${OBSERVATION_ROW.replace('obs-1', 'obs-2')},"x"\r\n`), codes: ['csv.text-after-quote'] },
    { name: 'not-phx.csv', bytes: utf8('name;age;prison\r\nIvan Petrov;34;Colony 12\r\n'), codes: ['csv.no-header'] },
    { name: 'binary.phx.json', bytes: noise(4096), codes: ['syntax.invalid-encoding'] },
    { name: 'binary.dat', bytes: noise(4096), codes: ['syntax.invalid-encoding'] },
    // A workbook is read as Excel wrote it: this one lacks the package header and all but one column.
    { name: 'observations.xlsx', bytes: workbook(), codes: workbookCodes },
    // As a program that does not calculate formulas writes a workbook: a formula, and no result beside it.
    {
      name: 'uncalculated-formula.xlsx',
      bytes: workbook(ID_ROWS.replace('</c></row><row r="2">', '</c><c r="B1" t="inlineStr"><is><t>denominator</t></is></c></row><row r="2">').replace(/<\/c><\/row>$/, '</c><c r="B2"><f>12*4</f></c></row>')),
      // In the order of their cells: the sheet's missing columns (row 1), the formula (B2), then the header's fields (no cell).
      codes: [...workbookCodes.slice(0, 7), 'sheet.formula-without-result', ...workbookCodes.slice(7)],
    },
    // As Excel saves `=IF(C2="";"";…)` when C2 is blank: a formula whose result is an empty text, read as an empty cell.
    {
      name: 'empty-text-formula.xlsx',
      bytes: workbook(ID_ROWS.replace('</c></row><row r="2">', '</c><c r="B1" t="inlineStr"><is><t>denominator</t></is></c></row><row r="2">').replace(/<\/c><\/row>$/, '</c><c r="B2" t="str"><f>IF(C2="","",12*4)</f><v></v></c></row>')),
      codes: workbookCodes,
    },
    // An Excel workbook saved with the name of a CSV file is still a workbook.
    { name: 'renamed-workbook.csv', bytes: workbook(), codes: workbookCodes },
    // A header cell merged over two columns: said once at the cell, the columns the sheet lacks with it (and not the `scope` each row then lacks); then the package header's 5 fields.
    { name: 'merged-header.xlsx', bytes: workbook(MERGED_ROWS, MERGED_HEADER), codes: ['sheet.merged-header', ...Array<string>(5).fill('schema.required')] },
    // An Excel 97–2003 workbook, a compound file, is named so that it is saved again as .xlsx.
    { name: 'observations.xls', bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(504)]), codes: ['file.unsupported-format'] },
    // An Excel workbook encrypted with a password: a compound file too, told by its streams, named so that the password is removed.
    { name: 'report.xlsx', bytes: compoundFile(['EncryptionInfo', 'EncryptedPackage']), codes: ['file.unsupported-format'] },
    // A web portal's "Excel" export: an HTML table under an .xls name.
    { name: 'portal-export.xls', bytes: utf8('\uFEFF<html><body><table><tr><td>id</td><td>indicator</td></tr><tr><td>obs-1</td><td>x</td></tr></table></body></html>'), codes: ['file.unsupported-format'] },
    { name: 'unicode-text.csv', bytes: utf16(`${OBSERVATION_HEADER.replaceAll(',', '\t')}\r\n${OBSERVATION_ROW.replaceAll(',', '\t')}\r\n`, 'le', true), codes: ['syntax.invalid-encoding'] },
    { name: 'utf16be.phx.json', bytes: utf16(example, 'be', false), codes: ['syntax.invalid-encoding'] },
    {
      name: 'windows-1251.csv',
      bytes: codePage(`${OBSERVATION_HEADER},notes\r\n${OBSERVATION_ROW},Добровольное тестирование при поступлении\r\n`, CYRILLIC_1251, 0xc0),
      codes: ['syntax.invalid-encoding'],
    },
    { name: 'windows-1252.phx.json', bytes: codePage('{\r\n  "phxVersion": "1.0",\r\n  "id": "réseau-santé-2020"\r\n}\r\n', LATIN_1252, 0xc0), codes: ['syntax.invalid-encoding'] },
    { name: 'bom.phx.json', bytes: utf8(`\uFEFF${example}`), codes: [] },
    { name: 'crlf.phx.ndjson', bytes: utf8(`\uFEFF${exampleLines.join('\r\n')}\r\n`), codes: [] },
    { name: 'crlf-bom.csv', bytes: utf8(`\uFEFF${OBSERVATION_HEADER}\r\n${OBSERVATION_ROW}\r\n\r\n`), codes: [] },
    // Longer than the 16 MiB limit of a line: reported and skipped; the next line is still read.
    { name: 'huge-line.phx.ndjson', bytes: utf8(`${exampleLines.join('\n')}\n{"type":"observation","notes":"${'x'.repeat(17 * 1024 * 1024)}"}\n`), codes: ['syntax.line-too-long'] },
  ];
}
