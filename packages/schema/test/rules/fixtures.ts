import { expect } from 'vitest';
import { issueCodes, type IssueCode } from '../../src/validate/codes.js';
import type { ValidationIssue, ValidationResult } from '../../src/validate/issue.js';

export * from './small-package.js';

/** The codes of the issues, in order. */
export function codes(result: ValidationResult): IssueCode[] {
  return result.issues.map((issue) => issue.code);
}

/**
 * Asserts that the result holds exactly one issue, of this code, at this pointer, with the code's severity,
 * and returns it.
 */
export function expectOnly<C extends IssueCode>(result: ValidationResult, code: C, pointer: string): ValidationIssue<C> {
  expect(result.issues.map(({ code, pointer }) => ({ code, pointer }))).toEqual([{ code, pointer }]);
  const issue = result.issues[0] as ValidationIssue<C>;
  expect(issue.severity).toBe(issueCodes[code].severity);
  expect(result.ok).toBe(issue.severity === 'warning');
  return issue;
}

/** Asserts that the data is clean: no error, no warning. */
export function expectClean(result: ValidationResult): void {
  expect(result.issues).toEqual([]);
  expect(result.ok).toBe(true);
}
