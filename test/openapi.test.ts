/** The OpenAPI document generated from the contract: linted as any API's would be, and saying what the contract says. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { collections, openApiDocument, problemTypes, PROBLEM_BASE, type ProblemSlug } from '../packages/schema/src/api/index.js';

const run = promisify(execFile);
const OPENAPI_PATH = join(import.meta.dirname, '../schemas/v1/openapi.json');

interface Document {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>;
  components: { schemas: Record<string, { properties?: Record<string, { const?: unknown }> }>; responses: Record<string, unknown> };
}
const document = openApiDocument() as unknown as Document;

describe('schemas/v1/openapi.json', () => {
  it('passes the Redocly linter with no error and no warning', async () => {
    const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
    const { stdout } = await run(process.execPath, [cli, 'lint', '--format=json', OPENAPI_PATH], { maxBuffer: 16 * 1024 * 1024 }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('describes every collection, read-only ones without writes', () => {
    for (const [path, { readOnly }] of Object.entries(collections)) {
      expect(Object.keys(document.paths[`/v1/${path}`]!).filter((key) => key !== 'parameters')).toEqual(readOnly ? ['get'] : ['get', 'post']);
    }
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/packages', '/v1/validate']));
  });

  it('gives each problem type its own schema, with its URI and status as constants', () => {
    for (const [slug, { status }] of Object.entries(problemTypes)) {
      const name = `${slug.replace(/(^|-)([a-z])/g, (_, _dash, letter: string) => letter.toUpperCase())}Problem`;
      const properties = document.components.schemas[name]!.properties!;
      expect(properties.type!.const).toBe(`${PROBLEM_BASE}${slug}`);
      expect(properties.status!.const).toBe(status);
    }
  });

  it('tells a validation failure from a reused idempotency key by type, not by status', () => {
    const slugs: ProblemSlug[] = ['validation-failed', 'idempotency-key-reused'];
    expect(new Set(slugs.map((slug) => problemTypes[slug].status)).size).toBe(1);
    expect(document.paths['/v1/packages']!.post!.responses['422']!.$ref).toBe('#/components/responses/ValidationFailedOrIdempotencyKeyReused');
    expect(document.paths['/v1/observations/{id}']!.put!.responses['422']!.$ref).toBe('#/components/responses/ValidationFailed');
  });
});
