/**
 * The weight of a `.phx.json` file read whole (see ./weighed-reads.ts): apart from the weighing the workbook reader
 * and the CSV reader load, as it is only needed where a package's data is kept.
 */
import type { ReadWeight } from '../validate/params.js';
import { NEW_SPACE_BYTES } from './weighed-reads.js';

/**
 * What reading a `.phx.json` file whole and checking it takes: for each character of its text, one byte, two where a
 * character is beyond Latin-1 (V8 keeps such a text in UTF-16), and as much again for each character of a string
 * that is a value (a key is kept once, for every object); for each value (its object, number or string, and the
 * tables of the rules that read it), 20 bytes; and the parts of the program a check loads, 4 MiB. Measured with
 * `phx check`, the heap limit set in steps (2026-12-08): 100 000 observations written compactly (30.6 MB, 1 400 016
 * values counted) end out of memory with 75 MiB for old objects and pass with 77, written with an indent (38.9 MB)
 * end with 84 and pass with 88; with their areas and notes in Ukrainian (57.3 MB) end with 159 and pass with 162;
 * 20 000 with notes of 2 000 Ukrainian letters (84.4 MB) end with 188 and pass with 191.
 */
const BYTES_PER_JSON_VALUE = 20;
const JSON_CHECK_PARTS_BYTES = 4 * 1024 * 1024;

/**
 * The values of a `.phx.json` file, counted before it is read as the commas and closing brackets outside its strings,
 * and the memory reading it would take, on its bytes in UTF-8 (which text in another encoding is decoded to first).
 */
export function jsonMemory(bytes: Uint8Array): ReadWeight & { format: 'json' } {
  // The characters of the text (UTF-16 code units, as V8 keeps them) and of its strings that are values.
  let chars = 0;
  let valueChars = 0;
  let values = 0;
  let wide = false;
  let inString = false;
  // The characters of the last string, until what follows it tells a key from a value.
  let string = 0;
  // A byte order mark is not kept: the text is decoded without it.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i]!;
    // A byte that continues a character of UTF-8.
    if (byte >= 0x80 && byte < 0xc0) continue;
    // A character beyond U+FFFF (from a lead byte of four) is two code units.
    const units = byte >= 0xf0 ? 2 : 1;
    chars += units;
    if (byte >= 0xc4) wide = true;
    if (inString) {
      // A backslash escapes the next character, which is ASCII: \" ends no string.
      if (byte === 0x5c) {
        i++;
        chars++;
      }
      if (byte === 0x22) inString = false;
      else string += units;
      continue;
    }
    if (byte === 0x22) {
      inString = true;
      string = 0;
    } else if (byte === 0x3a) string = 0;
    // , } ]
    else if (byte === 0x2c || byte === 0x7d || byte === 0x5d) {
      values++;
      valueChars += string;
      string = 0;
    }
  }
  const textBytes = (chars + valueChars) * (wide ? 2 : 1);
  return { format: 'json', values, neededBytes: textBytes + values * BYTES_PER_JSON_VALUE + JSON_CHECK_PARTS_BYTES + NEW_SPACE_BYTES };
}
