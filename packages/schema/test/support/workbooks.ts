import { crc32, inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';

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

/**
 * A workbook with the XML of one of its parts rewritten, so that a test holds the bytes another program writes
 * (Excel, a script) rather than those exceljs writes. Its entries are stored again, unpacked.
 */
export function withPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const entries: [name: string, data: Buffer][] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true))).toString();
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const packed = bytes.subarray(start, start + view.getUint32(at + 20, true));
    const data = view.getUint16(at + 10, true) === 8 ? inflateRawSync(packed) : Buffer.from(packed);
    entries.push([name, name === part ? Buffer.from(edit(data.toString())) : data]);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (!entries.some(([name]) => name === part)) throw new Error(`no part ${part}`);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const close = Buffer.alloc(22);
  close.writeUInt32LE(0x06054b50, 0);
  close.writeUInt16LE(entries.length, 8);
  close.writeUInt16LE(entries.length, 10);
  close.writeUInt32LE(directory.length, 12);
  close.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, close]));
}
