/**
 * What the workbook reader reads from a workbook's XML itself, where exceljs loses it: the number formats as the
 * file writes them, the formulas whose result is an empty text, the cells of ISO date type, and the rows and columns
 * of no size. Loaded only for a workbook that needs it.
 */
import { entriesOf } from './zip.js';

/**
 * The text of the entries of a zip archive that `wanted` picks by name, unpacked whole: for an archive
 * `expansionOf` has measured within the limit. An entry that cannot be unpacked is left out.
 */
async function entryTexts(bytes: Uint8Array, wanted: (name: string) => boolean): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  try {
    for (const { name, method, data } of entriesOf(bytes)) {
      if (!wanted(name) || (method !== 0 && method !== 8)) continue;
      const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream();
      texts.set(name, await new Response(method === 0 ? stream : stream.pipeThrough(new DecompressionStream('deflate-raw'))).text());
    }
  } catch {
    // What is read so far stands: the reader of the workbook has read it all the same.
  }
  return texts;
}

/** The attributes of an XML start tag, by name (`r:id` with its prefix). */
function attributesOf(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map(([, name, double, single]) => [name!, double ?? single ?? '']));
}

/** The XML of each sheet, by the sheet's id. */
async function sheetsXml(bytes: Uint8Array): Promise<Map<number, string>> {
  const texts = await entryTexts(bytes, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name.startsWith('xl/worksheets/'));
  // The part of each sheet, as exceljs finds it: the sheet's relationship's target, under xl/.
  const targets = new Map<string, string>();
  for (const [tag] of (texts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const attributes = attributesOf(tag);
    targets.set(attributes.get('Id') ?? '', `xl/${(attributes.get('Target') ?? '').replace(/^(\s|\/xl\/)+/, '')}`);
  }
  const sheets = new Map<number, string>();
  for (const [tag] of (texts.get('xl/workbook.xml') ?? '').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const attributes = attributesOf(tag);
    const relationship = [...attributes].find(([name]) => /^\w+:id$/.test(name))?.[1];
    const xml = relationship === undefined ? undefined : texts.get(targets.get(relationship) ?? '');
    if (xml !== undefined) sheets.set(Number(attributes.get('sheetId')), xml);
  }
  return sheets;
}

/**
 * The cells of each sheet's XML, by the sheet's id: each cell's attributes and body, for those `keep` picks, to what
 * `keep` makes of them, by the cell's A1 name.
 */
async function cellsOfSheets<T>(bytes: Uint8Array, keep: (cell: Map<string, string>, body: string) => T | undefined): Promise<Map<number, Map<string, T>>> {
  const cells = new Map<number, Map<string, T>>();
  for (const [id, xml] of await sheetsXml(bytes)) {
    const kept = new Map<string, T>();
    for (const [, open = '', body = ''] of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const cell = attributesOf(open);
      const value = keep(cell, body);
      if (value !== undefined) kept.set(cell.get('r') ?? '', value);
    }
    cells.set(id, kept);
  }
  return cells;
}

/** The rows and columns of a sheet, numbered from 1, that it gives no height or width. */
export interface ZeroSizes {
  rows: Set<number>;
  columns: Set<number>;
}

/**
 * The rows of no height (`<row r="5" ht="0">`) and columns of no width (`<col min="3" max="4" width="0">`) of each
 * sheet, by its id: hidden in Excel as much as those marked `hidden="1"`, which is how some versions of Excel and
 * LibreOffice hide them, and which exceljs does not take for hidden.
 */
export async function zeroSizes(bytes: Uint8Array): Promise<Map<number, ZeroSizes>> {
  const sizes = new Map<number, ZeroSizes>();
  const zero = (size: string | undefined): boolean => size !== undefined && size.trim() !== '' && Number(size) === 0;
  for (const [id, xml] of await sheetsXml(bytes)) {
    const found: ZeroSizes = { rows: new Set(), columns: new Set() };
    for (const [tag] of xml.matchAll(/<(?:\w+:)?row\b[^>]*>/g)) {
      const attributes = attributesOf(tag);
      if (zero(attributes.get('ht'))) found.rows.add(Number(attributes.get('r')));
    }
    for (const [tag] of xml.matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
      const attributes = attributesOf(tag);
      if (!zero(attributes.get('width'))) continue;
      const [min, max] = [Number(attributes.get('min')), Number(attributes.get('max'))];
      // A range past the last column Excel has (XFD) is no range a sheet holds: read no further than that.
      for (let column = min; column <= Math.min(max, 16_384); column++) found.columns.add(column);
    }
    sizes.set(id, found);
  }
  return sizes;
}

/**
 * The cells of each sheet, by its id and A1 name, that hold a formula whose saved result is an empty text: Excel
 * saves `=IF(L4="";"";…)` as `<c t="str"><f>…</f><v></v></c>`, which exceljs reads as a formula with no result at
 * all. Read from the sheets' XML, which only the cell's type tells them apart in.
 */
export async function emptyTextFormulas(bytes: Uint8Array): Promise<Map<number, Set<string>>> {
  // A text result (`t="str"`) of a formula with no text in its value: an empty one.
  const cells = await cellsOfSheets(bytes, (cell, body) =>
    cell.get('t') === 'str' && /<(?:\w+:)?f\b/.test(body) && !/<(?:\w+:)?v\b[^>]*>[^<]/.test(body) ? true : undefined);
  return new Map([...cells].map(([id, empty]) => [id, new Set(empty.keys())]));
}

/**
 * The cells of ISO date type of each sheet (`<c t="d"><v>2024-01-01T00:00:00</v></c>`, as Strict Open XML and some
 * tools write dates), by its id and A1 name, with the text of their value, which exceljs reads as the number before
 * its first `-` (2024).
 */
export async function isoDateCells(bytes: Uint8Array): Promise<Map<number, Map<string, string>>> {
  return cellsOfSheets(bytes, (cell, body) => (cell.get('t') === 'd' ? xmlText(/<(?:\w+:)?v\b[^>]*>([^<]*)</.exec(body)?.[1] ?? '').trim() : undefined));
}

const entities = new Map([['quot', '"'], ['apos', "'"], ['amp', '&'], ['lt', '<'], ['gt', '>']]);
/** The text of an XML attribute, its named entities replaced (Excel writes other characters as they are). */
function xmlText(text: string): string {
  return text.replace(/&(\w+);/g, (entity, name: string) => entities.get(name) ?? entity);
}

/**
 * The number formats of a workbook as its file writes them, by the form exceljs gives them in: exceljs drops every
 * `\` of a format, so that `0.0\%` (a literal % sign after the number as it is) would read as `0.0%`.
 */
export async function formatsAsWritten(bytes: Uint8Array): Promise<Map<string, string>> {
  const styles = (await entryTexts(bytes, (name) => name === 'xl/styles.xml')).get('xl/styles.xml') ?? '';
  const written = new Map<string, string>();
  for (const [tag] of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const code = xmlText(attributesOf(tag).get('formatCode') ?? '');
    if (code.includes('\\')) written.set(code.replace(/\\(.)/g, '$1'), code);
  }
  return written;
}

