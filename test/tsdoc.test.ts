import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every export of a public entry point documents itself with a description, which is what editors show on
// hover and what the API reference renders. Examples are kept where they teach (test/packaging compiles them).
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const entryPoints = [
  'packages/schema/src/index.ts',
  'packages/schema/src/codelists/index.ts',
  'packages/interop/src/index.ts',
  'packages/schema/src/api/index.ts',
  'packages/client/src/index.ts',
  'packages/server/src/index.ts',
  'packages/cli/src/index.ts',
];


function loadProgram(): ts.Program {
  const configPath = resolve(root, 'tsconfig.base.json');
  const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath);
  // Resolve @phx/schema to its sources rather than dist/, so a re-exported declaration is one declaration.
  const paths = {
    '@phx/schema': ['packages/schema/src/index.ts'],
    '@phx/schema/codelists': ['packages/schema/src/codelists/index.ts'],
    '@phx/schema/api': ['packages/schema/src/api/index.ts'],
  };
  return ts.createProgram({ rootNames: entryPoints.map((entry) => resolve(root, entry)), options: { ...options, baseUrl: root, paths, noEmit: true } });
}

/** Whether a declaration has a description (a variable's comment sits on its statement). */
function describes(declaration: ts.Declaration): boolean {
  return ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc).some((doc) => ts.getTextOfJSDocComment(doc.comment)?.trim());
}

function undocumentedExports(): { offenders: string[]; checked: string[] } {
  const program = loadProgram();
  const checker = program.getTypeChecker();
  // A zod schema and its inferred type share a name: each declaration needs a description.
  const found = new Map<string, boolean>();
  for (const entry of entryPoints) {
    const source = program.getSourceFile(resolve(root, entry));
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${entry} did not load as a module`);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const declaration of symbol.declarations ?? []) {
        const key = `${relative(root, declaration.getSourceFile().fileName)}:${symbol.name}`;
        found.set(key, (found.get(key) ?? true) && describes(declaration));
      }
    }
  }
  const checked = [...found.keys()].sort();
  return { offenders: checked.filter((key) => !found.get(key)), checked };
}

/** Doc comments of the packages' sources that give a default in prose rather than with `@default`. */
function defaultsInProse(): string[] {
  const offenders: string[] = [];
  for (const dir of ['schema', 'interop', 'client', 'server', 'cli']) {
    for (const file of ts.sys.readDirectory(resolve(root, 'packages', dir, 'src'), ['.ts'])) {
      const text = ts.sys.readFile(file)!;
      for (const [comment] of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
        const prose = comment!.split(/\n\s*\* @/)[0]!;
        if (/[.;]\s+Default\b|\bDefault:/.test(prose)) offenders.push(`${relative(root, file)}: ${prose.replace(/\s+/g, ' ').slice(0, 100)}`);
      }
    }
  }
  return offenders;
}

describe('TSDoc of the public API', () => {
  const { offenders, checked } = undocumentedExports();

  it('finds the exports of every entry point', () => {
    expect(checked).toContain('packages/schema/src/validate/sync.ts:validate');
    expect(checked).toContain('packages/client/src/core/client.ts:createClient');
    expect(checked).toContain('packages/server/src/hub.ts:startHub');
    expect(checked).toContain('packages/cli/src/index.ts:runPhx');
    expect(checked).toContain('packages/schema/src/codelists/index.ts:labelOf');
    expect(checked).toContain('packages/interop/src/targets.ts:exportPackage');
    expect(checked).toContain('packages/schema/src/api/problems.ts:problemTypes');
  });

  it('states defaults with @default, not in prose', () => {
    const offenders = defaultsInProse();
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('gives every export a description', () => {
    expect(offenders, `Exports without a description:\n${offenders.join('\n')}`).toEqual([]);
  });
});
