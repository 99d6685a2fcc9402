import { describe, expect, it } from 'vitest';
import {
  collections, DEFAULT_PAGE_SIZE, listQueries, openApiDocument, operations, Problem, problemSchemas, problemsOf, problemTypes, PROBLEM_BASE, slugOf, type ProblemSlug,
} from '../src/api/index.js';
import { locales } from '../src/index.js';

const slugs = Object.keys(problemTypes) as ProblemSlug[];

describe('problem types', () => {
  it('have a title in every locale, and no two types share a title', () => {
    for (const locale of Object.keys(locales) as (keyof typeof locales)[]) {
      const titles = slugs.map((slug) => problemTypes[slug].title[locale]);
      expect(titles.every((title) => title.trim().length > 0)).toBe(true);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it('are told apart by slug, also where they share a status', () => {
    expect(problemTypes['validation-failed'].status).toBe(problemTypes['idempotency-key-reused'].status);
    const reused = { type: `${PROBLEM_BASE}idempotency-key-reused`, title: 'Idempotency key reused', status: 422 };
    expect(Problem.parse(reused)).toEqual(reused);
    expect(problemSchemas['validation-failed'].safeParse(reused).success).toBe(false);
    expect(slugOf(reused.type)).toBe('idempotency-key-reused');
  });

  it('carry what each type promises: issues, a current etag', () => {
    expect(problemSchemas['validation-failed'].safeParse({ type: `${PROBLEM_BASE}validation-failed`, title: 'x', status: 422 }).success).toBe(false);
    expect(problemSchemas['precondition-failed'].safeParse({ type: `${PROBLEM_BASE}precondition-failed`, title: 'x', status: 412, etag: '"e"' }).success).toBe(true);
  });

  it('slugOf knows only the API’s own types', () => {
    for (const slug of slugs) expect(slugOf(`${PROBLEM_BASE}${slug}`)).toBe(slug);
    for (const type of ['about:blank', `${PROBLEM_BASE}toString`, `${PROBLEM_BASE}`, `https://example.org/problems/not-found`]) expect(slugOf(type)).toBeUndefined();
  });
});

describe('operations', () => {
  it('have unique ids, and every problem they name is a known type', () => {
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of operations) for (const slug of operation.problems) expect(slugs).toContain(slug);
  });

  it('offer writes on every collection but the read-only one', () => {
    for (const [collection, { readOnly }] of Object.entries(collections)) {
      const methods = operations.filter((operation) => operation.tag === collection).map((operation) => operation.method);
      expect(methods.sort()).toEqual(readOnly ? ['get', 'get'] : ['delete', 'get', 'get', 'patch', 'post', 'put']);
    }
  });
});

describe('public operations', () => {
  it('are the documents, served without a token and so without its problems', () => {
    expect(operations.filter((operation) => operation.public).map((operation) => operation.path)).toEqual(['/v1/openapi.json', '/schemas/v1/{file}']);
    const paths = openApiDocument().paths as Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    for (const operation of operations) {
      const described = paths[operation.path]![operation.method]!;
      expect(problemsOf(operation)).toEqual(expect.arrayContaining(['request-timeout', 'headers-too-large', 'internal-error', ...operation.problems]));
      expect(problemsOf(operation).includes('unauthorised'), operation.operationId).toBe(!operation.public);
      expect(described.security, operation.operationId).toEqual(operation.public ? [] : undefined);
      expect(Object.hasOwn(described.responses, '401'), operation.operationId).toBe(!operation.public);
    }
  });
});

describe('list queries', () => {
  it('read a query string: filters of the collection, a cursor and a limit with its default', () => {
    expect(listQueries.observations.parse({ country: 'UA', from: '2020-01-01' })).toEqual({ country: 'UA', from: '2020-01-01', limit: DEFAULT_PAGE_SIZE });
    expect(listQueries.facilities.parse({ limit: '20', cursor: 'abc' })).toEqual({ limit: 20, cursor: 'abc' });
  });

  it('refuse what a collection does not take, and bad values', () => {
    expect(listQueries.facilities.safeParse({ indicator: 'x' }).success).toBe(false);
    expect(listQueries.observations.safeParse({ limit: '0' }).success).toBe(false);
    expect(listQueries.observations.safeParse({ limit: '1001' }).success).toBe(false);
    expect(listQueries.observations.safeParse({ from: '2020' }).success).toBe(false);
  });
});
