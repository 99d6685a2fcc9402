/**
 * Files read whole (workbooks, CSV files, `.phx.json` files) weighed before they are read against the memory at hand,
 * where reading one too large would end the program out of memory.
 */
import type { Problem } from '../validate/issue.js';
import type { ReadWeight } from '../validate/params.js';
import { memoryAtHand } from './memory.js';

/**
 * The space V8's heap limit counts for new objects (three times 16 MiB in Node 20), which what a read keeps cannot
 * take, whatever the file.
 */
export const NEW_SPACE_BYTES = 48 * 1024 * 1024;

/**
 * What reading a CSV file whole and checking it takes, for each cell (the parser's cell, the record's value) and for
 * each byte of its UTF-8 (which text in another encoding is decoded to first: its text, and what the cells keep of it).
 * Measured with `phx validate`, the heap limit set in steps (2026-12-08): 100 000 observations (18.7 MB, 1 590 772
 * cells counted) end out of memory with 146 MiB for old objects and pass with 154, and alike with their areas and
 * notes in Cyrillic; 300 000 (56.4 MB, 4 772 264) end with 434 MiB and pass with 440; 20 000 with notes of 2 000
 * Ukrainian letters (80.7 MB, 309 824) end with 112 MiB and pass with 118, and alike read from windows-1251. These figures put each past what it takes, those of many cells by 2–7 %.
 */
const BYTES_PER_CSV_CELL = 84;
const BYTES_PER_CSV_BYTE = 1.5;

/**
 * The cells of a CSV file, counted before it is read as its delimiters (`,`, `;`, a tab, `|`) and line feeds, those
 * within quotes too, and the memory reading it would take.
 */
export function csvMemory(bytes: Uint8Array): ReadWeight & { format: 'csv' } {
  let cells = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    // , ; | tab LF
    if (byte === 44 || byte === 59 || byte === 124 || byte === 9 || byte === 10) cells++;
  }
  return { format: 'csv', cells, neededBytes: cells * BYTES_PER_CSV_CELL + Math.ceil(bytes.length * BYTES_PER_CSV_BYTE) + NEW_SPACE_BYTES };
}

/**
 * The files being read whole in this thread (workbooks, CSV files, `.phx.json` files): what they were weighed at, and
 * the memory at hand as the first of them began. The heap V8 has left does not yet count what a read begun will take,
 * so two large files read at once (a hub's requests) would each find room for itself alone; nor does it stay as it
 * was, so another read is weighed against the memory at hand as they began, less their weights, not against the heap
 * left as they go on, which would count what they have taken twice.
 */
const reads = { weight: 0, atHand: 0 };

/**
 * Reads a file whole (`read`) when what it would take (`weight`) is within the memory at hand: `maxReadMemory` where
 * given, else {@link memoryAtHand} as the first read in progress began, less what the reads in progress were weighed
 * at. Otherwise gives `refuse` the problem of a file too large for it (`file.too-large-for-memory`), and reads nothing.
 */
export async function readWithinMemory<T>(
  weight: ReadWeight,
  maxReadMemory: number | undefined,
  read: () => T | Promise<T>,
  refuse: (problem: Problem<'file.too-large-for-memory'>) => T | Promise<T>,
): Promise<T> {
  if (reads.weight === 0) reads.atHand = memoryAtHand();
  const availableBytes = Math.max(0, (maxReadMemory ?? reads.atHand) - reads.weight);
  if (weight.neededBytes > availableBytes) return refuse({ code: 'file.too-large-for-memory', path: [], params: { ...weight, availableBytes } });
  reads.weight += weight.neededBytes;
  try {
    return await read();
  } finally {
    reads.weight -= weight.neededBytes;
  }
}
