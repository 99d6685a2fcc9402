import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awkwardFiles } from '../../../test/corpus/awkward-files.js';
import { offsetBeyondDepth } from '../src/validate/locate.js';
import { readJsonDocument, readText, validate } from '../src/validate/sync.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const corpus = Object.fromEntries(awkwardFiles().map((file) => [file.name, file.bytes]));
const essentials = (issues: { code: string; location?: unknown; params: unknown }[]) => issues.map(({ code, location, params }) => ({ code, location, params }));

describe('readText', () => {
  it('gives the text of UTF-8 bytes, without a byte order mark', () => {
    expect(readText(utf8('\uFEFFid;назва\r\n'))).toMatchObject({ ok: true, issues: [], data: 'id;назва\r\n' });
  });

  it.each(['windows-1251.csv', 'unicode-text.csv', 'utf16be.phx.json', 'binary.dat', 'empty.csv', 'blank.phx.ndjson'])('reports %s as a .phx.json file is reported, and gives no text', (name) => {
    const result = readText(corpus[name]!, { locale: 'ru' });
    expect(result.data).toBeUndefined();
    expect(result.ok).toBe(false);
    expect(essentials(result.issues)).toEqual(essentials(validate(corpus[name]!, { locale: 'ru' }).issues));
  });

  it('names the code page of a file saved in one, at its first letter that is not UTF-8', () => {
    const bytes = corpus['windows-1251.csv']!;
    const secondLine = Buffer.from(bytes).toString('latin1').split('\r\n')[1]!;
    expect(readText(bytes).issues).toEqual([
      expect.objectContaining({ code: 'syntax.invalid-encoding', params: { encoding: 'windows-1251' }, location: { line: 2, column: secondLine.search(/[\x80-\xff]/) + 1 } }),
    ]);
  });
});

describe('readJsonDocument', () => {
  it('gives the value of any JSON text, and nothing else', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (text) => {
        const result = readJsonDocument(utf8(text));
        expect(result.issues).toEqual([]);
        expect(result.data).toEqual(JSON.parse(text));
      }),
    );
  });

  it('never throws, and reads any text as validate() reads it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = readJsonDocument(text);
        if (result.data !== undefined) return;
        expect(result.issues).toHaveLength(1);
        expect(essentials(result.issues)).toEqual(essentials(validate(text).issues));
      }),
    );
  });

  it('refuses JSON nested deeper than maxDepth, at the first value too deep, though JSON.parse takes it', () => {
    const text = `{"a":\n  ${'['.repeat(12)}${']'.repeat(12)}}`;
    expect(JSON.parse(text)).toBeDefined();
    const result = readJsonDocument(text, { maxDepth: 10 });
    expect(result.data).toBeUndefined();
    expect(result.issues).toEqual([expect.objectContaining({ code: 'syntax.too-deep', params: { maxDepth: 10 }, location: { line: 2, column: 12 } })]);
    expect(readJsonDocument(text, { maxDepth: 13 }).data).toEqual(JSON.parse(text));
  });

  it('places text that is not JSON at its line and column, in the language asked for', () => {
    const result = readJsonDocument('{\n  "idScheme": "code",\n  "dataElements": [}\n', { locale: 'fr' });
    expect(result.issues).toEqual([expect.objectContaining({ code: 'syntax.invalid-json', location: { line: 3, column: 20 } })]);
    expect(result.issues[0]!.message).toMatch(/JSON/);
  });
});

describe('offsetBeyondDepth', () => {
  /** A plain reading, one character at a time: the escape skips the next character, a quote ends the string. */
  function reference(text: string, maxDepth: number): number {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '[' || c === '{') {
        if (++depth > maxDepth) return i;
      } else if (c === ']' || c === '}') depth--;
    }
    return -1;
  }

  it('finds the first value too deep as a plain reading does, in any text, JSON or not, strings and escapes between', () => {
    const piece = fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\"', 'a', ' ', ',', ':', '"[[', '\\\\"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (pieces, maxDepth) => {
        const text = pieces.join('');
        expect(offsetBeyondDepth(text, maxDepth)).toBe(reference(text, maxDepth));
      }),
      { numRuns: 2000 },
    );
  });
});
