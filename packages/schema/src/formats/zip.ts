/**
 * How much a zip archive (an .xlsx workbook) holds once unpacked, measured before anything unpacks it
 * whole: a few kilobytes of compressed zeros can expand to gigabytes (a zip bomb).
 */

/**
 * What unpacking a zip's entries would take: their size unpacked, or that they are more than the limit, or that the
 * archive is not one PHX reads; the cells its sheets hold (`<c>` elements); and whether a sheet of the workbook holds a
 * cell of ISO date type (`t="d"`), and a row or column of no height or width (`ht="0"`, `width="0"`).
 */
export type Expansion = { bytes: number; cells: number; isoDates: boolean; zeroSizes: boolean } | 'too-large' | 'unreadable';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
/** A 32-bit field holding this says that the real value is in a ZIP64 record. */
const ZIP64 = 0xffffffff;
/** Compressed bytes handed to the inflater at once: its output comes in chunks of about this size too. */
const SLICE = 64 * 1024;

/** The characters of a chunk kept for the next, where an attribute looked for may begin: ` width="0.000"` and then some. */
const TAIL = 32;
/** What may follow `<c` in a cell's start tag: white space, `>` or `/>`. */
const AFTER_CELL_NAME = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);

/**
 * Counts the cells of a sheet's XML, chunk by chunk as it is unpacked, and looks through it for what exceljs misreads,
 * so that the workbook reader reads it again from the XML, only in a workbook that has it: a cell of ISO date type
 * (`<c t="d">`, as Strict Open XML and some tools write a date), whose `2024-01-01T00:00:00` exceljs reads as the
 * number 2024; and a row or column of no height or width (`<row ht="0">`, `<col width="0">`, as some versions of Excel
 * and LibreOffice hide one), which exceljs does not take for hidden. The XML is read as Latin-1, byte for character:
 * what is looked for is ASCII.
 */
export class SheetSearch {
  isoDates = false;
  zeroSizes = false;
  /** The cells counted, which tell the memory exceljs takes to hold the workbook. */
  cells = 0;
  private tail = '';
  private readonly decoder = new TextDecoder('latin1');

  feed(chunk: Uint8Array): void {
    const text = this.tail + this.decoder.decode(chunk);
    this.countCells(text, this.tail.length);
    if (!(this.isoDates && this.zeroSizes)) {
      this.isoDates ||= /\st=(["'])d\1/.test(text);
      this.zeroSizes ||= /\s(?:ht|width)=(["'])[0.]*0[0.]*\1/.test(text);
    }
    this.tail = text.slice(-TAIL);
  }

  /**
   * Counts the start tags of cells, `<c r="A1">` and `<c/>` but not `<col>` or `<cfRule>`: each once, when the
   * character after its `<c` has come, at `fresh` (where the chunk begins in `text`) or later.
   */
  private countCells(text: string, fresh: number): void {
    for (let at = text.indexOf('<c', Math.max(0, fresh - 2)); at !== -1; at = text.indexOf('<c', at + 2)) {
      if (AFTER_CELL_NAME.has(text.charCodeAt(at + 2))) this.cells++;
    }
  }
}

/** The bytes a deflated entry inflates to, counted as a stream and stopping once past `limit`; each chunk handed to `search` too. */
async function inflatedSize(data: Uint8Array, limit: number, search?: SheetSearch): Promise<number> {
  let at = 0;
  const input = new ReadableStream<BufferSource>({
    pull(controller) {
      if (at >= data.length) return controller.close();
      controller.enqueue(data.subarray(at, (at += SLICE)) as Uint8Array<ArrayBuffer>);
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let size = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.length;
      if (size > limit) break;
      search?.feed(chunk.value);
    }
    return size;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** An entry of a zip archive: its name, how it is packed (0: stored, 8: deflated), and its packed bytes. */
export interface ZipEntry {
  name: string;
  method: number;
  data: Uint8Array;
}

/**
 * The entries of a zip archive, from its central directory; 'unreadable' when a record runs past the bytes or
 * does not say what it should. Archives that need ZIP64 are not read (a workbook never needs them).
 */
export function* entriesOf(bytes: Uint8Array): Generator<ZipEntry, 'unreadable' | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end-of-directory record is the last thing in the archive but for a comment of at most 64 KiB.
  let end = bytes.length - 22;
  while (end >= 0 && end >= bytes.length - 22 - 0xffff && u32(end) !== END_OF_DIRECTORY) end--;
  if (end < 0 || u32(end) !== END_OF_DIRECTORY) return 'unreadable';
  const entries = u16(end + 10);
  let entry = u32(end + 16);
  if (entry === ZIP64) return 'unreadable';
  for (let i = 0; i < entries; i++) {
    if (u32(entry) !== DIRECTORY_ENTRY) return 'unreadable';
    const compressed = u32(entry + 20);
    const local = u32(entry + 42);
    if (compressed === ZIP64 || local === ZIP64 || u32(local) !== LOCAL_ENTRY) return 'unreadable';
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const data = bytes.subarray(start, start + compressed);
    if (data.length !== compressed) return 'unreadable';
    const name = new TextDecoder().decode(bytes.subarray(entry + 46, entry + 46 + u16(entry + 28)));
    yield { name, method: u16(entry + 10), data };
    entry += 46 + u16(entry + 28) + u16(entry + 30) + u16(entry + 32);
  }
  return undefined;
}

/**
 * The bytes the entries of a zip archive hold once unpacked, found by inflating each as a stream
 * (the sizes an archive declares may lie) and stopping once they pass `maxBytes`, so that memory stays
 * small whatever the archive holds. Archives that need ZIP64, or that use a method other than
 * storing and deflating, are not read (a workbook never needs them). The sheets' XML is looked through on the way
 * for what exceljs misreads (see `SheetSearch`).
 */
export async function expansionOf(bytes: Uint8Array, maxBytes: number): Promise<Expansion> {
  try {
    const entries = entriesOf(bytes);
    const search = new SheetSearch();
    let total = 0;
    for (let next = entries.next(); ; next = entries.next()) {
      if (next.done) return next.value ?? { bytes: total, cells: search.cells, isoDates: search.isoDates, zeroSizes: search.zeroSizes };
      const { name, method, data } = next.value;
      const sheet = name.startsWith('xl/worksheets/') ? search : undefined;
      if (method === 0) {
        total += data.length;
        sheet?.feed(data);
      } else if (method === 8) total += await inflatedSize(data, maxBytes - total, sheet);
      else return 'unreadable';
      if (total > maxBytes) return 'too-large';
    }
  } catch {
    // A record that runs past the end of the bytes, or data that does not inflate.
    return 'unreadable';
  }
}
