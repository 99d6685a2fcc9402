import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { FileValidationResult, Locale, localeTags, locales, ValidationIssue } from '../src/index.js';
import type * as Api from '../src/api/index.js';

describe('the contract and the validator speak of the same results', () => {
  it('ValidationIssue', () => {
    expectTypeOf<ValidationIssue>().toExtend<z.infer<typeof Api.ValidationIssue>>();
    expectTypeOf<Omit<z.infer<typeof Api.ValidationIssue>, 'params'>>().toExtend<Omit<ValidationIssue, 'params'>>();
  });
  it('ValidationResult: what the hub sends of a file\'s', () => {
    expectTypeOf<Omit<FileValidationResult, 'data'>>().toExtend<z.infer<typeof Api.ValidationResult>>();
  });
  it('a problem document narrows on its type', () => {
    expectTypeOf<Api.ProblemDocument<'validation-failed'>['issues']>().toEqualTypeOf<z.infer<typeof Api.ValidationIssue>[]>();
    expectTypeOf<Api.ProblemDocument<'precondition-failed'>['etag']>().toEqualTypeOf<string>();
    expectTypeOf<Api.ProblemDocument<'idempotency-key-reused'>>().not.toHaveProperty('issues');
  });
});

describe('the locales', () => {
  it('Locale is a tag of localeTags and a key of locales', () => {
    expectTypeOf<Locale>().toEqualTypeOf<(typeof localeTags)[number]>();
    expectTypeOf<Locale>().toEqualTypeOf<keyof typeof locales>();
  });
});
