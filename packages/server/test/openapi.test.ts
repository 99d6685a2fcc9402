import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createApp, openApiDocument, openStore } from '../src/index.js';
import { resources } from '../src/http/routes.js';
import { OPENAPI_PATH, openApiText } from '../scripts/openapi.js';

const run = promisify(execFile);

describe('the OpenAPI document', () => {
  it('is committed as generated (run `npm run openapi -w @phx/server` after changing the schemas)', () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(openApiText());
  });

  it('passes the Redocly linter with no error and no warning', async () => {
    const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
    const { stdout } = await run(process.execPath, [cli, 'lint', '--format=json', OPENAPI_PATH], { maxBuffer: 16 * 1024 * 1024 }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('describes every collection, with the record schemas of @phx/schema', () => {
    const document = openApiDocument() as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    for (const { path, readOnly } of resources) {
      expect(Object.keys(document.paths[`/v1/${path}`]!)).toEqual(readOnly ? ['get'] : ['get', 'post']);
    }
    expect(Object.keys(document.paths)).toContain('/v1/packages');
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['DataPackage', 'Observation', 'Meeting', 'Problem', 'ValidationIssue', 'ImportSummary']),
    );
  });

  it('is served without a token at /v1/openapi.json', async () => {
    const store = await openStore(':memory:');
    const response = await createApp({ store }).request('/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(openApiDocument());
    await store.close();
  });
});
