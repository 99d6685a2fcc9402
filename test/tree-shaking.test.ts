import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const schemaDist = join(import.meta.dirname, '../packages/schema/dist');

/** Bundles a one-line program for the browser, as an application would, and returns the code. */
async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: schemaDist, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: false,
    charset: 'utf8',
    alias: { '@phx/schema': join(schemaDist, 'index.js'), '@phx/schema/codelists': join(schemaDist, 'codelists', 'index.js') },
  });
  return result.outputFiles[0]!.text;
}

describe('the built @phx/schema in a browser bundle', () => {
  it('a bundle that only validates carries no codelist labels', async () => {
    const code = await bundle("import { validate } from '@phx/schema'; console.log(validate({}).ok);");
    expect(code).toContain('ref.unknown-organisation');
    expect(code).not.toContain('Femmes détenues');
    expect(code).not.toContain('Mujeres privadas de libertad');
  });

  it('the codelists entry brings the labels', async () => {
    const code = await bundle("import { labelOf } from '@phx/schema/codelists'; console.log(labelOf('population', 'women-in-prison', 'fr'));");
    expect(code).toContain('Femmes détenues');
  });

  it('a program that reads which language its user asks for carries no messages', async () => {
    const code = await bundle("import { isLocale, localeTags } from '@phx/schema'; console.log(isLocale(navigator.language) ? navigator.language : localeTags[0]);");
    expect(code).toContain('"uk"');
    expect(code).not.toContain('The file is empty');
    expect(code.length).toBeLessThan(1000);
  });

  it('needs nothing from Node', async () => {
    const code = await bundle("import * as phx from '@phx/schema'; console.log(Object.keys(phx).length);");
    expect(code).not.toMatch(/from\s*["']node:/);
    expect(code).not.toMatch(/require\(["'](?:node:)?(?:fs|path|stream)["']\)/);
  });
});
