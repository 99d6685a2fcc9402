import { describe, expect, it } from 'vitest';
import { isLocale, localeTags, locales } from '../src/index.js';

describe('the tags of the locales', () => {
  it('name the locales PHX ships messages for, in their order', () => {
    expect(localeTags).toEqual(Object.keys(locales));
    for (const tag of localeTags) expect(isLocale(tag)).toBe(true);
  });

  it('are the only tags isLocale() takes', () => {
    for (const tag of ['', 'EN', 'de', 'uk-UA', 'ua', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(isLocale(tag), tag).toBe(false);
  });
});
