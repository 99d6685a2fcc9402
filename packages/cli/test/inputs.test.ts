import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { isDynamicPattern } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { validateFile, type ValidateFileOptions } from '@phx/schema';
import { MAY_BE_PATTERN, onInput, resolveInputs } from '../src/io/files.js';

describe('a file to validate', () => {
  it('is read with its name, a way to read it again, and its size, for which the tables of its ids are made', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'phx-inputs-')), 'data.phx.ndjson');
    writeFileSync(path, '{"type": "organisation", "id": "ZA-NPO-123-456"}\n'.repeat(7));
    const given: ValidateFileOptions[] = [];
    const step: typeof validateFile = (input, options = {}) => {
      given.push(options);
      return validateFile(input, options);
    };
    const [input] = await resolveInputs([path], undefined);
    const result = await onInput(input!, step, { maxIssues: 100 });
    expect(given).toEqual([expect.objectContaining({ name: path, size: 7 * 49, maxIssues: 100, reopen: expect.any(Function) })]);
    expect(result.read).toEqual(expect.objectContaining({ bytes: 7 * 49, records: expect.objectContaining({ organisation: 7 }) }));
  });
});

describe('an argument', () => {
  it('is matched as a pattern wherever tinyglobby takes it for one, though tinyglobby is loaded only for one that may be', () => {
    const unit = fc.oneof(fc.constantFrom(...'*?[]{}()!+@\\,.-_/ aZ9й~'.split('')), fc.string({ maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (arg) => !isDynamicPattern(arg) || MAY_BE_PATTERN.test(arg)),
      { numRuns: 5_000 },
    );
    expect(['data/*.csv', 'a?.json', '[ab].csv', '{a,b}.csv', '!x', '@(a).csv'].every((arg) => isDynamicPattern(arg) && MAY_BE_PATTERN.test(arg))).toBe(true);
    expect(['data/file.csv', 'C:\\data\\file.csv', 'файл + копія.csv'].some((arg) => MAY_BE_PATTERN.test(arg))).toBe(false);
  });
});
