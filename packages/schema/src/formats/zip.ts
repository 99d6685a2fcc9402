/**
 * How much a zip archive (an .xlsx workbook) holds once unpacked, measured before anything unpacks it
 * whole: a few kilobytes of compressed zeros can expand to gigabytes (a zip bomb).
 */

/** What unpacking a zip's entries would take: their size unpacked, or that they are more than the limit, or that the archive is not one PHX reads. */
export type Expansion = { bytes: number } | 'too-large' | 'unreadable';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
/** A 32-bit field holding this says that the real value is in a ZIP64 record. */
const ZIP64 = 0xffffffff;
/** Compressed bytes handed to the inflater at once: its output comes in chunks of about this size too. */
const SLICE = 64 * 1024;

/** The bytes a deflated entry inflates to, counted as a stream and stopping once past `limit`. */
async function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
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
 * storing and deflating, are not read (a workbook never needs them).
 */
export async function expansionOf(bytes: Uint8Array, maxBytes: number): Promise<Expansion> {
  try {
    const entries = entriesOf(bytes);
    let total = 0;
    for (let next = entries.next(); ; next = entries.next()) {
      if (next.done) return next.value ?? { bytes: total };
      const { method, data } = next.value;
      if (method === 0) total += data.length;
      else if (method === 8) total += await inflatedSize(data, maxBytes - total);
      else return 'unreadable';
      if (total > maxBytes) return 'too-large';
    }
  } catch {
    // A record that runs past the end of the bytes, or data that does not inflate.
    return 'unreadable';
  }
}
