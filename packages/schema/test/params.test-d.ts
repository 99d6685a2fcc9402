import { describe, expectTypeOf, it } from 'vitest';
import type { MessageTemplate } from '../src/locales/index.js';
import type { IssueCode } from '../src/validate/codes.js';
import { makeIssue, type ValidationIssue } from '../src/validate/issue.js';
import type { FirstSeen, IssueParams, SheetNames } from '../src/validate/params.js';

describe('issue params', () => {
  it('are declared for every code, and for no other', () => {
    expectTypeOf<keyof IssueParams>().toEqualTypeOf<IssueCode>();
  });

  it('are typed by the code of an issue', () => {
    const issue = {} as ValidationIssue;
    if (issue.code === 'privacy.small-cell') {
      // The count a value gives comes with its denominator, for a value only; in a sheet, with its columns.
      expectTypeOf(issue.params).toEqualTypeOf<
        | { field: 'numerator' | 'value'; value: number; threshold: number; count?: undefined; denominator?: undefined; sheet?: SheetNames }
        | { field: 'value'; value: number; threshold: number; count: number; denominator: number; sheet?: SheetNames }
      >();
    }
    // The first of two duplicates: a pointer, a line of NDJSON, a row of a table (and its sheet in a workbook), or one of these in another input.
    if (issue.code === 'unique.duplicate-id') expectTypeOf(issue.params.first).toEqualTypeOf<string | number | { row: number; sheet?: string } | { file: string; at: string | number | { row: number; sheet?: string } }>();
    if (issue.code === 'unique.duplicate-breakdown') expectTypeOf(issue.params.first).toEqualTypeOf<FirstSeen>();
    if (issue.code === 'file.unsupported-format') expectTypeOf(issue.params.format).toEqualTypeOf<'json' | 'ndjson' | 'csv' | 'xlsx' | 'xls' | 'encrypted-xlsx' | 'ods' | 'docx' | 'pdf' | 'zip' | 'gzip' | 'html'>();
  });

  it('let a message read only the params its code has', () => {
    const good: MessageTemplate<'ref.unknown-facility'> = (p) => `No facility "${p.id}"`;
    // @ts-expect-error -- a facility reference has no `code`
    const bad: MessageTemplate<'ref.unknown-facility'> = (p) => `No facility "${p.code}"`;
    expectTypeOf(good).toEqualTypeOf(bad);
    expectTypeOf<MessageTemplate<IssueCode>>().parameter(0).toEqualTypeOf<IssueParams[IssueCode]>();
  });

  it('must match the code of a problem made into an issue', () => {
    makeIssue({ code: 'ref.unknown-facility', path: [], params: { id: 'f-1', suggestions: [] } });
    // @ts-expect-error -- a small cell needs its field, value and threshold
    makeIssue({ code: 'privacy.small-cell', path: [], params: { id: 'f-1' } });
  });
});
