/**
 * Every ```ts block of a TSDoc `@example` in the packages' sources compiles against the built packages, as a
 * user who copies it would compile it. An example may use the exports of the package it documents without
 * importing them, Node's file functions (`readFile`, `writeFile`, `readFileSync`, `createReadStream`), and the
 * values a reader is assumed to hold (`client`, `pkg`, …, declared below).
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
// Inside the repository, so that `@phx/*` resolve to the built packages through node_modules.
const scratch = mkdtempSync(join(root, 'node_modules/.tsdoc-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The module each source folder is published as, most specific first. */
const modules: [folder: string, module: string][] = [
  ['packages/schema/src/api/', '@phx/schema/api'],
  ['packages/schema/src/codelists/', '@phx/schema/codelists'],
  ['packages/schema/src/node/', '@phx/schema/node'],
  ['packages/schema/src/', '@phx/schema'],
  ['packages/interop/src/', '@phx/interop'],
  ['packages/client/src/', '@phx/client'],
  ['packages/server/src/', '@phx/server'],
  ['packages/cli/src/', '@phx/cli'],
];

/** What a reader of an example is assumed to hold already. */
const givens = `
import type { DataPackage, Facility, Meeting, Observation, Organisation, PhxClient } from '@phx/client';
import type { ChunkSource, DataPackageInput, ValidationIssue } from '@phx/schema';
import type { Dhis2Mapping } from '@phx/interop';
import type { Principal, Store } from '@phx/server';
declare global {
  /** A client of a hub. */
  const client: PhxClient;
  /** A data package, as read from a file. */
  const pkg: DataPackageInput & DataPackage;
  /** Records, as read from a package or a hub. */
  const observation: Observation;
  const organisation: Organisation;
  const facility: Facility;
  const meeting: Meeting;
  /** An issue that validate() reported. */
  const issue: ValidationIssue;
  /** The text of a file, its bytes, and a stream of them. */
  const text: string;
  const bytes: Uint8Array;
  const source: ChunkSource;
  /** A file the user picked. */
  const file: File;
  /** An ETag, as read with a record. */
  const etag: string;
  /** A bearer token. */
  const token: string;
  /** A DHIS2 mapping, as read from its file. */
  const mapping: Dhis2Mapping;
  /** A hub's store. */
  const store: Store;
  /** The holder of a token, as a hub's store resolved it. */
  const principal: Principal;
  /** An answer of a hub. */
  const response: Response;
}
export {};
`;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

interface Example {
  /** Where it is written: file and line. */
  at: string;
  module: string;
  code: string;
}

function examplesOf(file: string): Example[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const module = modules.find(([folder]) => file.startsWith(folder))![1];
  const found: Example[] = [];
  const visit = (node: ts.Node) => {
    for (const tag of ts.getJSDocTags(node)) {
      if (tag.tagName.text !== 'example') continue;
      const comment = ts.getTextOfJSDocComment(tag.comment) ?? '';
      for (const [, code] of comment.matchAll(/```ts\n([\s\S]*?)```/g)) {
        const line = source.getLineAndCharacterOfPosition(tag.getStart()).line + 1;
        found.push({ at: `${file}:${line}`, module, code: code! });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A tag is seen from its declaration and from each of its names: keep each once.
  return found.filter((example, index) => found.findIndex((other) => other.at === example.at && other.code === example.code) === index);
}

/** How the examples are compiled, as a user's project that bundles them would. */
const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

/** A compiler host that parses each file once, for both programs below: the declarations of the built packages, of Node and of the libraries are most of the work. */
function parsingOnce(): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, ...rest) => {
    if (!parsed.has(fileName)) parsed.set(fileName, parse(fileName, ...rest));
    return parsed.get(fileName);
  };
  return host;
}

/** The names each module exports, read from the built package as the examples see it. */
function exportsOfModules(host: ts.CompilerHost): Map<string, string[]> {
  const importer = join(scratch, 'modules.ts');
  writeFileSync(importer, modules.map(([, module], index) => `export * as module${index} from '${module}';\n`).join(''));
  const program = ts.createProgram({ rootNames: [importer], options, host });
  const checker = program.getTypeChecker();
  const specifiers = program.getSourceFile(importer)!.statements.map((statement) => (statement as ts.ExportDeclaration).moduleSpecifier!);
  return new Map(
    modules.map(([, module], index) => {
      const symbol = checker.getSymbolAtLocation(specifiers[index]!);
      if (!symbol) throw new Error(`${module} is not built: run \`npm run build\``);
      return [module, checker.getExportsOfModule(symbol).map((name) => name.name)];
    }),
  );
}

/** Node's file functions an example may call without importing them. */
const nodeFiles: [name: string, module: string][] = [
  ['readFile', 'node:fs/promises'],
  ['writeFile', 'node:fs/promises'],
  ['readFileSync', 'node:fs'],
  ['createReadStream', 'node:fs'],
];

/** The example as a module: imports of the names it uses but neither imports nor declares, then its code. */
function moduleOf(example: Example, exported: Map<string, string[]>): string {
  const declared = new Set([...example.code.matchAll(/(?:import\s+(?:type\s+)?\{([^}]*)\}|(?:const|let|function|class|type|interface)\s+(\w+))/g)].flatMap(([, names, name]) =>
    name ? [name] : names!.split(',').map((part) => part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!),
  ));
  const order = [example.module, ...modules.map(([, module]) => module).filter((module) => module !== example.module)];
  const imports = new Map<string, string[]>();
  const taken = new Set<string>();
  for (const module of order) {
    for (const name of exported.get(module)!) {
      if (taken.has(name) || declared.has(name) || !new RegExp(`\\b${name}\\b`).test(example.code)) continue;
      taken.add(name);
      imports.set(module, [...(imports.get(module) ?? []), name]);
    }
  }
  const files = nodeFiles.filter(([name]) => !declared.has(name) && new RegExp(`\\b${name}\\(`).test(example.code)).map(([name, module]) => `import { ${name} } from '${module}';`);
  return [...files, ...[...imports].map(([module, names]) => `import { ${names.join(', ')} } from '${module}';`), example.code, 'export {};', ''].join('\n');
}

const examples = modules.flatMap(([folder]) => sourceFiles(folder)).filter((file, index, all) => all.indexOf(file) === index).flatMap(examplesOf);

describe('TSDoc examples', () => {
  it('are found in every package', () => {
    for (const [, module] of modules) if (module !== '@phx/schema/codelists') expect(examples.some((example) => example.module === module), module).toBe(true);
  });

  it('compile against the built packages', () => {
    const host = parsingOnce();
    const exported = exportsOfModules(host);
    mkdirSync(join(scratch, 'examples'));
    writeFileSync(join(scratch, 'givens.d.ts'), givens);
    const files = new Map<string, Example>();
    examples.forEach((example, index) => {
      const path = join(scratch, 'examples', `example-${index}.ts`);
      writeFileSync(path, moduleOf(example, exported));
      files.set(path, example);
    });
    const program = ts.createProgram({ rootNames: [join(scratch, 'givens.d.ts'), ...files.keys()], options, host });
    const failures = ts.getPreEmitDiagnostics(program).flatMap((diagnostic) => {
      const example = diagnostic.file && files.get(diagnostic.file.fileName);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!example) return [`${diagnostic.file ? relative(root, diagnostic.file.fileName) : ''} ${message}`];
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return [`${example.at} (line ${line + 1} of the example as compiled): ${message}`];
    });
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
