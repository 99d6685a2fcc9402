import { crc32, inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { entriesOf } from '../../src/formats/zip.js';

/**
 * Adds a sheet of facilities as people make one by hand: named as they like, field paths in its first row, a
 * blank row, a capacity typed as text with a space between its thousands. It reads as two facilities in Lviv and
 * Kyiv, the second capacity noted as read from a local form.
 */
export function addFacilitiesByHand(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('Мої установи');
  sheet.addRow(['id', 'country', 'facilityType', 'capacity']);
  sheet.addRow(['ua-lviv-19', 'UA', 'prison', 1200]);
  sheet.addRow([]);
  sheet.addRow(['ua-kyiv-sizo', 'UA', 'pre-trial-detention', '2 850']);
  return sheet;
}

/** A record of a zip archive: `size` bytes, its 16- and 32-bit fields written at their offsets. */
function zipRecord(size: number, fields: [at: number, bits: 16 | 32, value: number][]): Buffer {
  const record = Buffer.alloc(size);
  for (const [at, bits, value] of fields) {
    if (bits === 16) record.writeUInt16LE(value, at);
    else record.writeUInt32LE(value, at);
  }
  return record;
}

/**
 * A workbook with the XML of one of its parts rewritten, so that a test holds the bytes another program writes
 * (Excel, a script) rather than those exceljs writes. Its entries are read as the reader finds them, and stored
 * again, unpacked.
 */
export function withPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const entries = [...entriesOf(bytes)].map(({ name, method, data }): [string, Buffer] => {
    const unpacked = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    return [name, name === part ? Buffer.from(edit(unpacked.toString())) : unpacked];
  });
  if (!entries.some(([name]) => name === part)) throw new Error(`no part ${part}`);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = zipRecord(30, [[0, 32, 0x04034b50], [4, 16, 20], [14, 32, crc], [18, 32, data.length], [22, 32, data.length], [26, 16, nameBytes.length]]);
    const central = zipRecord(46, [[0, 32, 0x02014b50], [4, 16, 20], [6, 16, 20], [16, 32, crc], [20, 32, data.length], [24, 32, data.length], [28, 16, nameBytes.length], [42, 32, offset]]);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const close = zipRecord(22, [[0, 32, 0x06054b50], [8, 16, entries.length], [10, 16, entries.length], [12, 32, directory.length], [16, 32, offset]]);
  return new Uint8Array(Buffer.concat([...locals, directory, close]));
}
