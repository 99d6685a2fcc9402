import type { ValidateFileOptions } from '@phx/schema';
import { describe, expect, it, vi } from 'vitest';
import { checkFile } from '../src/engine/checks.js';
import { Reporter } from '../src/engine/report.js';
import { ndjsonText } from './fixtures/ndjson.js';

/** The options the file pipeline of @phx/schema is given by the page. */
const given = vi.hoisted(() => [] as ValidateFileOptions[]);
vi.mock('@phx/schema', async (importOriginal) => {
  const schema = await importOriginal<typeof import('@phx/schema')>();
  return {
    ...schema,
    validateFileAsync: (input: Parameters<typeof schema.validateFileAsync>[0], options: ValidateFileOptions) => {
      given.push(options);
      return schema.validateFileAsync(input, options);
    },
  };
});

describe('a file checked on the page', () => {
  it('is checked with its size, for which the tables of its ids are made', async () => {
    const file = new File([ndjsonText(2)], 'data.phx.ndjson');
    const summary = await checkFile({ file }, 'en', new Reporter(0, () => undefined));
    expect(summary.read.records.observation).toBe(2);
    expect(given).toEqual([expect.objectContaining({ name: 'data.phx.ndjson', size: file.size })]);
    expect(file.size).toBeGreaterThan(100);
  });
});
