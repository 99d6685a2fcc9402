/** The count of a package's records on its bytes, against the arrays JSON.parse gives (the reference). */
import fc from 'fast-check';
import { recordTypeNames, recordTypes } from '@phx/schema';
import { describe, expect, it } from 'vitest';
import { countRecords } from '../src/hub/count.js';

const collections = recordTypeNames.map((type) => recordTypes[type].collection);
const encode = (text: string) => new TextEncoder().encode(text);

/** What JSON.parse holds: the items of the root object's collections. */
function reference(text: string): number {
  const value = JSON.parse(text) as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 0;
  return collections.reduce((sum, collection) => {
    const list = (value as Record<string, unknown>)[collection];
    return sum + (Array.isArray(list) ? list.length : 0);
  }, 0);
}

/** A key that is sometimes a collection's name, sometimes written with escapes, sometimes another word. */
const key = fc.oneof(
  fc.constantFrom(...collections),
  fc.constantFrom(...collections).map((name) => ({ escaped: name })),
  fc.string(),
);

const packageText = fc
  .tuple(fc.array(fc.tuple(key, fc.oneof(fc.array(fc.jsonValue({ maxDepth: 3 })), fc.jsonValue({ maxDepth: 3 }))), { maxLength: 8 }), fc.constantFrom('', ' ', '\n\t', '\ufeff'))
  .map(([entries, space]) => {
    const gap = space === '\ufeff' ? '' : space;
    const members = entries.map(([name, value]) => {
      const written = typeof name === 'string' ? JSON.stringify(name) : `"${name.escaped.replace(/s/g, '\\u0073')}"`;
      return `${gap}${written}:${gap}${JSON.stringify(value, null, space === '\n\t' ? 1 : undefined)}`;
    });
    // A byte order mark only leads the text; other white space may also end it.
    return space === '\ufeff' ? `\ufeff{${members.join(',')}}` : `${space}{${members.join(',')}}${space}`;
  });

describe('countRecords', () => {
  it('counts the records JSON.parse finds in the collections of the root object', () => {
    fc.assert(
      fc.property(packageText, (text) => {
        expect(countRecords(encode(text))).toBe(reference(text.replace(/^\ufeff/, '')));
      }),
      { numRuns: 500 },
    );
  });

  it('finds no records in text that is not an object: arrays, CSV, a record per line', () => {
    expect(countRecords(encode('[{"observations":[{}]}]'))).toBe(0);
    expect(countRecords(encode('id,indicator\n{"observations":[{}]}'))).toBe(0);
    expect(countRecords(encode('{"id":"obs-1"}\n{"observations":[{},{}]}'))).toBe(0);
    expect(countRecords(encode(''))).toBe(0);
  });
});
