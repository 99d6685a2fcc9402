import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artefacts } from '../scripts/artefacts.js';

const root = join(import.meta.dirname, '..');

describe('generated files', async () => {
  const files = await artefacts();

  it('covers the JSON Schemas, their TypeScript types, the reference docs, the shape checks, and the catalogue and severities as the validators read them', () => {
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'schemas/v1/DataPackage.schema.json',
        'schemas/v1/Observation.schema.json',
        'schemas/v1/phx.d.ts',
        'schemas/v1/openapi.json',
        'packages/client/src/generated/paths.ts',
        'docs/data-model.md',
        'docs/validation-rules.md',
        'docs/indicators.md',
        'docs/interop.md',
        'packages/schema/src/generated/shape-checks.ts',
        'packages/schema/src/generated/catalogue-rules.ts',
        'packages/schema/src/generated/severities.ts',
        'packages/schema/src/generated/code-labels.ts',
      ]),
    );
  });

  it.each([...files.keys()])('%s is what `npm run schemas` writes', (path) => {
    let committed: string;
    try {
      committed = readFileSync(join(root, path), 'utf8');
    } catch {
      throw new Error(`${path} is missing: run npm run schemas`);
    }
    expect(committed, `${path} has drifted from its source: run npm run schemas`).toBe(files.get(path));
  });
});
