import { utf16Of } from './encoding.js';

/**
 * The file formats PHX tells apart: those it reads (`json`, `ndjson`, `csv`, `xlsx`), and those people send
 * instead, named so that a user learns what to save the file as (`encrypted-xlsx`: a workbook protected by a
 * password, which is to be removed). Each with the endings of its names and its media types.
 *
 * @example
 * ```ts
 * import { fileFormats } from '@phx/schema';
 * fileFormats.ndjson.extensions; // ['.phx.ndjson', '.ndjson', '.jsonl']
 * fileFormats.csv.mediaTypes[0]; // 'text/csv'
 * ```
 */
export const fileFormats = {
  json: { extensions: ['.phx.json', '.json'], mediaTypes: ['application/json'] },
  ndjson: { extensions: ['.phx.ndjson', '.ndjson', '.jsonl'], mediaTypes: ['application/x-ndjson', 'application/jsonl', 'application/ndjson'] },
  csv: { extensions: ['.csv', '.tsv'], mediaTypes: ['text/csv', 'text/tab-separated-values'] },
  xlsx: { extensions: ['.xlsx', '.xlsm'], mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  xls: { extensions: ['.xls'], mediaTypes: ['application/vnd.ms-excel'] },
  // Told by its content only: it goes by the name and media type of the workbook it holds.
  'encrypted-xlsx': { extensions: [], mediaTypes: [] },
  ods: { extensions: ['.ods'], mediaTypes: ['application/vnd.oasis.opendocument.spreadsheet'] },
  docx: { extensions: ['.docx'], mediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
  pdf: { extensions: ['.pdf'], mediaTypes: ['application/pdf'] },
  zip: { extensions: ['.zip'], mediaTypes: ['application/zip'] },
  gzip: { extensions: ['.gz'], mediaTypes: ['application/gzip'] },
  // A web page, such as the table web portals export under an `.xls` or `.xlsx` name: told by its content.
  html: { extensions: ['.html', '.htm'], mediaTypes: ['text/html'] },
} as const satisfies Record<string, { extensions: readonly string[]; mediaTypes: readonly string[] }>;

/**
 * A file format PHX tells apart (see {@link fileFormats}).
 *
 * @example
 * ```ts
 * const format: FileFormat = formatOfName('observations.csv') ?? 'json';
 * ```
 */
export type FileFormat = keyof typeof fileFormats;

const formatNames = Object.keys(fileFormats) as FileFormat[];

/**
 * The format a file name's ending gives, or undefined.
 *
 * @example
 * ```ts
 * formatOfName('data/obs.phx.ndjson'); // 'ndjson'
 * formatOfName('Book1.xlsx'); // 'xlsx'
 * formatOfName('notes.txt'); // undefined
 * ```
 */
export function formatOfName(name: string): FileFormat | undefined {
  return endingOf(name)?.format;
}

/**
 * A file name without the ending that gives its format (see {@link formatOfName}), to name the files made of it;
 * the name as it is when no ending gives one.
 *
 * @example
 * ```ts
 * stemOfName('zambia.phx.json'); // 'zambia'
 * stemOfName('Звіт 2023.XLSX'); // 'Звіт 2023'
 * stemOfName('notes.txt'); // 'notes.txt'
 * ```
 */
export function stemOfName(name: string): string {
  return name.slice(0, name.length - (endingOf(name)?.length ?? 0));
}

/** The format a file name's ending gives, and the length of that ending. */
function endingOf(name: string): { format: FileFormat; length: number } | undefined {
  const lower = name.toLowerCase();
  // `.phx.json` ends in `.json` too: the longest ending that fits decides.
  let best: { format: FileFormat; length: number } | undefined;
  for (const format of formatNames) {
    for (const ending of fileFormats[format].extensions) {
      if (lower.endsWith(ending) && ending.length > (best?.length ?? 0)) best = { format, length: ending.length };
    }
  }
  return best;
}

/**
 * The format a media type (a `Content-Type` header, parameters and all) names, or undefined.
 *
 * @example
 * ```ts
 * formatOfMediaType('text/csv; charset=utf-8'); // 'csv'
 * formatOfMediaType('application/octet-stream'); // undefined: tell it from the content
 * ```
 */
export function formatOfMediaType(mediaType: string): FileFormat | undefined {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return formatNames.find((format) => (fileFormats[format].mediaTypes as readonly string[]).includes(type));
}

/**
 * The `charset` parameter of a media type (a `Content-Type` header), or undefined: the encoding of a text body, to
 * give `encoding` of {@link validateFile}.
 *
 * @example
 * ```ts
 * charsetOf('text/csv; charset=windows-1251'); // 'windows-1251'
 * charsetOf('text/csv'); // undefined
 * ```
 */
export function charsetOf(mediaType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(mediaType)?.[1];
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

function contains(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text);
  for (let at = bytes.indexOf(needle[0]!); at >= 0 && at + needle.length <= bytes.length; at = bytes.indexOf(needle[0]!, at + 1)) {
    if (needle.every((byte, i) => bytes[at + i] === byte)) return true;
  }
  return false;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = ascii('%PDF-');
const GZIP = [0x1f, 0x8b];

/**
 * A container format told from the first bytes of a file: a zip archive (an Excel workbook, an OpenDocument
 * spreadsheet, a Word document or another archive, told by the names of the entries it starts with), a compound
 * file (an Excel workbook encrypted with a password, or an old one), a PDF or gzip. Undefined for anything else,
 * text included. `declared` is the format the file's name or a declaration gives.
 */
export function containerFormatOf(head: Uint8Array, declared?: FileFormat): FileFormat | undefined {
  if (startsWith(head, ZIP)) {
    // Entry names are stored uncompressed in each entry's header, so the first ones are in the head.
    if (contains(head, 'xl/')) return 'xlsx';
    if (contains(head, 'application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (contains(head, 'word/')) return 'docx';
    // A workbook cut short or damaged keeps its name: it is told as a workbook that cannot be read, to be saved again,
    // not as an archive to be saved as a workbook.
    return declared === 'xlsx' ? 'xlsx' : 'zip';
  }
  if (startsWith(head, COMPOUND_FILE)) return compoundFileFormatOf(head, declared);
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, GZIP)) return 'gzip';
  return undefined;
}

/**
 * What a compound file holds, told by the stream names in its directory: an Excel workbook encrypted with a password
 * (which Excel saves as a compound file under its `.xlsx` name), or else an Excel 97–2003 workbook. The directory
 * may lie past the head, after the streams of a large file: then the declared format tells them apart, an `.xlsx`
 * name being what Excel gives an encrypted workbook. A Word document encrypted with a password looks the same, and
 * is taken for a workbook, as what PHX is sent.
 */
function compoundFileFormatOf(head: Uint8Array, declared: FileFormat | undefined): 'encrypted-xlsx' | 'xls' {
  // The directory's entries start at sector boundaries, their names in UTF-16LE: `EncryptedPackage` holds an
  // encrypted file (MS-OFFCRYPTO), `Workbook` an Excel 97–2003 workbook and `Book` an Excel 5.0/95 one.
  const names = new TextDecoder('utf-16le').decode(head);
  return names.includes('EncryptedPackage') || (declared === 'xlsx' && !/book/i.test(names)) ? 'encrypted-xlsx' : 'xls';
}

/**
 * The text format the start of a text looks like: JSON when it opens with `{` or `[` — NDJSON when
 * its first line is a record with a `type`, or is followed by another object — and CSV otherwise.
 */
export function textFormatOf(head: string): 'json' | 'ndjson' | 'csv' {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return 'json';
  if (!text.startsWith('{')) return 'csv';
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  let value: unknown;
  try {
    value = JSON.parse(first);
  } catch {
    // A pretty-printed package opens with a lone `{`; a record line cut off by the end of the head still names its type first.
    return /^\{\s*"type"\s*:/.test(first) ? 'ndjson' : 'json';
  }
  const typed = typeof (value as { type?: unknown }).type === 'string';
  return typed || text.slice(first.length).trimStart().startsWith('{') ? 'ndjson' : 'json';
}

/** Formats told apart by their text, which a name or a declared format may choose between. */
export function isTextFormat(format: FileFormat | undefined): format is 'json' | 'ndjson' | 'csv' {
  return format === 'json' || format === 'ndjson' || format === 'csv';
}

/**
 * Whether a text is a web page (HTML): it opens, after a byte order mark, white space and comments, with
 * `<!DOCTYPE html`, `<html`, `<table` or an XML declaration followed by one of these — as the "Excel" files web
 * portals export do. No PHX text (JSON, NDJSON or a CSV whose first line names columns) opens so.
 */
export function isHtml(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*/, '');
  return /^<(?:!doctype\s+html|html|table|head|body)[\s>]/i.test(text);
}

/**
 * The format of a file from its first bytes: a workbook, PDF or archive by its content, and a web page by its
 * text whatever its name (a table a web portal exports with an `.xls` name is not a workbook); otherwise the
 * declared format or the name's, when they name a text format; otherwise what the text looks like.
 */
export function formatOfFile(head: Uint8Array, options: { name?: string; format?: FileFormat }): FileFormat {
  const declared = options.format ?? (options.name === undefined ? undefined : formatOfName(options.name));
  const container = containerFormatOf(head, declared);
  if (container) return container;
  const utf16 = utf16Of(head);
  // Cut at a whole code unit: a stream decoder would hold back the last byte of an odd head anyway.
  const text = new TextDecoder(utf16 ?? 'utf-8').decode(head.subarray(0, utf16 ? head.length & ~1 : head.length));
  if (isHtml(text)) return 'html';
  if (isTextFormat(declared)) return declared;
  return textFormatOf(text);
}
