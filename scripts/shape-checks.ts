/**
 * Generates packages/schema/src/generated/shape-checks.ts from the zod model: for every shape the validators
 * check, a plain function that answers whether zod would accept a value unchanged (its parsed output equal to
 * the value itself), and the order in which the privacy rule walks an accepted value's free text.
 *
 * The functions only answer "valid" or "ask zod": any value they do not accept goes to zod, which describes
 * what is wrong. So a check may be stricter than zod (an explicit `undefined`, a URL zod would trim), never
 * looser; test/shape-checks.test.ts holds them to zod on fuzzed values. The code is emitted here, at build
 * time, because the page's Content-Security-Policy forbids the `new Function` that zod's own compiler uses.
 * A zod construct this generator does not know is an error, not a silent fallback.
 */
import * as z from 'zod';
import { regexes } from 'zod/v4/core';
import { phxRegistry } from '../packages/schema/src/model/common.js';
import { recordTypeNames, type RecordType } from '../packages/schema/src/model/records.js';
import { packageHeaderShape } from '../packages/schema/src/model/package.js';
import { shapeSchemas, type ShapeKind } from '../packages/schema/src/model/shapes.js';
import { nonTextKeys } from '../packages/schema/src/validate/privacy.js';
import { checksOf, defOf, type AnySchema } from './zod-def.js';

function unsupported(what: string): never {
  throw new Error(`scripts/shape-checks.ts cannot generate a check for ${what}: teach it, and the differential test, first`);
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const property = (key: string): string => (identifier.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/** The generated module, built up as schemas are visited; constants and functions are shared when identical. */
class Module {
  private readonly constants = new Map<string, string>();
  private readonly functions = new Map<string, string>();
  readonly helpers = new Set<string>();

  /** A named constant for an expression (a pattern, a set of codes, a text shape), one per distinct expression. */
  constant(prefix: 'pattern' | 'codes' | 'text', expression: string): string {
    let name = this.constants.get(expression);
    if (!name) this.constants.set(expression, (name = `${prefix}${this.constants.size}`));
    return name;
  }

  /** A named function for a body (and its parameters), one per distinct body. */
  function(body: string, parameters = 'value: unknown'): string {
    const source = `(${parameters}): boolean {\n${body}\n}`;
    let name = this.functions.get(source);
    if (!name) this.functions.set(source, (name = `check${this.functions.size}`));
    return name;
  }

  helper(name: string): string {
    this.helpers.add(name);
    return name;
  }

  constantLines(): string[] {
    const types = { pattern: '', codes: ': ReadonlySet<unknown>', text: ': TextShape' } as const;
    return [...this.constants].map(([expression, name]) => `const ${name}${types[name.replace(/\d+$/, '') as keyof typeof types]} = ${expression};`);
  }

  functionLines(): string[] {
    return [...this.functions].map(([source, name]) => `function ${name}${source}`);
  }
}

/** A named constant of `pattern`; `remembering`, one that remembers the last text it accepted (`RememberingPattern`). */
function regexLiteral(module: Module, pattern: RegExp, remembering = false): string {
  if (pattern.global || pattern.sticky) unsupported(`the stateful pattern /${pattern.source}/${pattern.flags}`);
  const literal = `/${pattern.source}/${pattern.flags}`;
  return module.constant('pattern', remembering ? `new ${module.helper('RememberingPattern')}(${literal})` : literal);
}

/**
 * A condition that `x` (a string) matches `pattern`. A pattern anchored at both ends reads the whole text, so it
 * remembers the last text it accepted: the records of a file repeat their periods, organisations and
 * indicators line after line, and comparing a text is cheaper than matching it.
 */
function matches(module: Module, pattern: RegExp, x: string): string {
  return `${regexLiteral(module, pattern, /^\^.*[^\\]\$$/.test(pattern.source))}.test(${x})`;
}

/** The string checks zod runs besides its type, as conditions on `x` (a string). */
function stringConditions(module: Module, schema: AnySchema, x: string): string[] {
  const def = defOf(schema);
  const conditions: string[] = [];
  for (const check of checksOf(schema)) {
    switch (check.check) {
      case 'min_length':
        // zod counts code points; a string of `minimum` units or more has at least half as many.
        conditions.push(`${x}.length >= ${check.minimum}`);
        if (check.minimum! > 1) conditions.push(`(${x}.length >= ${check.minimum! * 2} || ${module.helper('codePointLength')}(${x}) >= ${check.minimum})`);
        break;
      case 'max_length':
        conditions.push(`(${x}.length <= ${check.maximum} || ${module.helper('codePointLength')}(${x}) <= ${check.maximum})`);
        break;
      case 'string_format':
        if (!check.pattern) unsupported(`the string format ${check.format} without a pattern`);
        conditions.push(matches(module, check.pattern, x));
        break;
      default:
        unsupported(`the string check ${check.check}`);
    }
  }
  if (def.format === 'url') {
    // The URL check runs first: zod trims the value and drops tabs and newlines, which the check then rejects.
    if (def.hostname || def.normalize) unsupported('a URL with a hostname pattern or normalisation');
    if (!def.protocol) unsupported('a URL without a protocol pattern');
    const guarded = def.protocol.source === regexes.httpProtocol.source;
    conditions.unshift(`${module.helper('urlState')}(${x}, ${regexLiteral(module, def.protocol)}, ${guarded}) === ${module.helper('URL_VALID')}`);
  } else if (def.format && def.pattern) {
    conditions.unshift(matches(module, def.pattern, x));
  } else if (def.format) {
    unsupported(`the string format ${def.format}`);
  }
  return conditions;
}

function numberConditions(schema: AnySchema, x: string): string[] {
  const def = defOf(schema);
  const conditions = [`typeof ${x} === 'number'`, def.format === 'safeint' ? `Number.isSafeInteger(${x})` : `Number.isFinite(${x})`];
  if (def.format && def.format !== 'safeint') unsupported(`the number format ${def.format}`);
  for (const check of checksOf(schema)) {
    const bound = JSON.stringify(check.value);
    if (check.check === 'greater_than') conditions.push(`${x} ${check.inclusive ? '>=' : '>'} ${bound}`);
    else if (check.check === 'less_than') conditions.push(`${x} ${check.inclusive ? '<=' : '<'} ${bound}`);
    else unsupported(`the number check ${check.check}`);
  }
  return conditions;
}

/**
 * A boolean expression over `x` that is true when zod accepts `x` unchanged; false means "ask zod".
 * `exact` nodes are false only where zod rejects too (a union needs that of every option but its last).
 */
function condition(module: Module, schema: AnySchema, x: string): { code: string; exact: boolean } {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const conditions = [`typeof ${x} === 'string'`, ...stringConditions(module, schema, x)];
      return { code: conditions.join(' && '), exact: def.format !== 'url' };
    }
    case 'number':
      return { code: numberConditions(schema, x).join(' && '), exact: true };
    case 'boolean':
      if (def.checks?.length) unsupported('a boolean with checks');
      return { code: `typeof ${x} === 'boolean'`, exact: true };
    case 'literal':
      return { code: `(${def.values!.map((value) => `${x} === ${JSON.stringify(value)}`).join(' || ')})`, exact: true };
    case 'enum': {
      const values = Object.values(def.entries!);
      if (values.some((value) => typeof value !== 'string')) unsupported('an enum of other values than strings');
      return { code: `${module.constant('codes', `new Set(${JSON.stringify(values)})`)}.has(${x})`, exact: true };
    }
    case 'unknown':
      return { code: 'true', exact: true };
    case 'union':
      return { code: `${union(module, schema)}(${x})`, exact: true };
    case 'object':
      return { code: `${object(module, schema)}(${x})`, exact: false };
    case 'record':
      return { code: `${record(module, schema)}(${x})`, exact: false };
    case 'array':
      return { code: `${array(module, schema)}(${x})`, exact: false };
    default:
      return unsupported(`a ${def.type} schema`);
  }
}

/**
 * zod takes the first option that accepts: an option may be taken only when every earlier one surely
 * rejects. A URL option zod might accept after trimming makes the answer "ask zod".
 */
function union(module: Module, schema: AnySchema): string {
  const options = defOf(schema).options!;
  const lines: string[] = [];
  options.forEach((option, i) => {
    const def = defOf(option);
    if (def.type === 'string' && def.format === 'url') {
      const others = stringConditions(module, option, 'value').slice(1);
      lines.push(
        `  if (typeof value === 'string') {`,
        `    const state = ${module.helper('urlState')}(value, ${regexLiteral(module, def.protocol!)}, ${def.protocol!.source === regexes.httpProtocol.source});`,
        `    if (state === ${module.helper('URL_UNSURE')}) return false;`,
        `    if (state === ${module.helper('URL_VALID')}${others.map((c) => ` && ${c}`).join('')}) return true;`,
        '  }',
      );
      return;
    }
    const { code, exact } = condition(module, option, 'value');
    if (!exact && i < options.length - 1) unsupported('a union whose options zod might accept after a change');
    lines.push(`  if (${code}) return true;`);
  });
  lines.push('  return false;');
  return module.function(lines.join('\n'));
}

/**
 * A strict object: a plain object, every key known, the required ones there, each value accepted. Counting the keys
 * `for...in` sees against the fields found also sends explicit `undefined`s and inherited or hidden
 * fields to zod, whose output would differ from the value.
 */
function object(module: Module, schema: AnySchema, typed = false): string {
  const def = defOf(schema);
  if (!def.catchall || defOf(def.catchall).type !== 'never') unsupported('an object that is not strict');
  if (def.checks?.length) unsupported('an object with checks');
  const lines = [
    // zod's output is a plain object: so must the value be, to be taken as it is.
    `  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;`,
    '  const fields = value as Record<string, unknown>;',
    '  let keys = 0;',
    '  for (const _ in fields) keys++;',
    '  let found = 0;',
  ];
  Object.entries(def.shape!).forEach(([key, field], i) => {
    const optional = defOf(field).type === 'optional';
    const inner = optional ? defOf(field).innerType! : field;
    if (defOf(inner).type === 'optional') unsupported(`the doubly optional field ${key}`);
    const x = `field${i}`;
    lines.push(`  const ${x} = fields${property(key)};`);
    const { code } = condition(module, inner, x);
    if (optional) lines.push(`  if (${x} !== undefined) {`, `    if (!(${code})) return false;`, '    found++;', '  }');
    else lines.push(`  if (${x} === undefined || !(${code})) return false;`, '  found++;');
  });
  if (typed) {
    // A record's line of NDJSON: the record's fields and its type.
    lines.push('  if (type !== undefined) {', '    if (fields.type !== type) return false;', '    found++;', '  }');
  }
  lines.push('  return keys === found;');
  return module.function(lines.join('\n'), typed ? 'value: unknown, type?: string' : undefined);
}

/** The record type a line schema adds to a record schema, if it is one: its shape and a literal `type`. */
function lineTypeOf(line: AnySchema, record: AnySchema): string | undefined {
  const { type, ...fields } = defOf(line).shape!;
  const recordShape = defOf(record).shape!;
  if (!type || defOf(type).type !== 'literal' || Object.keys(fields).length !== Object.keys(recordShape).length) return undefined;
  return Object.entries(fields).every(([key, field]) => recordShape[key] === field) ? (defOf(type).values![0] as string) : undefined;
}

/**
 * A record (language map, extensions): a plain object, every key and value accepted. A `__proto__`
 * key, which zod drops, and symbol keys, which it rejects, go to zod.
 */
function record(module: Module, schema: AnySchema): string {
  const def = defOf(schema);
  let minimum = 0;
  for (const check of checksOf(schema)) {
    if (check.check !== 'custom') unsupported(`the record check ${check.check}`);
    // A custom check is opaque code: the only one known is "at least n keys", recorded beside it in the registry.
    const meta = phxRegistry.get(schema as z.ZodType);
    if (meta?.minProperties === undefined) unsupported('a record with a custom check other than minProperties');
    minimum = meta.minProperties;
  }
  const key = condition(module, def.keyType!, 'key');
  const value = condition(module, def.valueType!, 'item');
  const lines = [
    `  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;`,
    '  const fields = value as Record<string, unknown>;',
    ...(minimum > 0 ? ['  let keys = 0;'] : []),
    '  for (const key in fields) {',
    `    if (key === '__proto__' || !(${key.code})) return false;`,
    ...(value.code === 'true' ? [] : ['    const item = fields[key];', `    if (!(${value.code})) return false;`]),
    ...(minimum > 0 ? ['    keys++;'] : []),
    '  }',
    ...(minimum > 0 ? [`  if (keys < ${minimum}) return false;`] : []),
    '  return Object.getOwnPropertySymbols(fields).length === 0;',
  ];
  return module.function(lines.join('\n'));
}

function array(module: Module, schema: AnySchema): string {
  const def = defOf(schema);
  const lines = ['  if (!Array.isArray(value)) return false;'];
  for (const check of checksOf(schema)) {
    if (check.check !== 'min_length') unsupported(`the array check ${check.check}`);
    lines.push(`  if (value.length < ${check.minimum}) return false;`);
  }
  const item = condition(module, def.element!, 'item');
  if (item.code !== 'true') lines.push('  for (let i = 0; i < value.length; i++) {', '    const item: unknown = value[i];', `    if (!(${item.code})) return false;`, '  }');
  lines.push('  return true;');
  return module.function(lines.join('\n'));
}

/** The text walk of a schema: which fields may hold free text, in the order zod's output lists them. */
function textShape(module: Module, schema: AnySchema): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return textShape(module, def.innerType!);
    case 'string':
    case 'enum':
    case 'literal':
      return 'TEXT';
    case 'union':
      return def.options!.every((option) => ['string', 'enum', 'literal'].includes(defOf(option).type)) ? 'TEXT' : 'ANY_VALUE';
    case 'number':
    case 'boolean':
      return 'NO_TEXT';
    case 'record':
    case 'unknown':
      return 'ANY_VALUE';
    case 'array': {
      const items = textShape(module, def.element!);
      return items === 'NO_TEXT' ? 'NO_TEXT' : module.constant('text', `{ items: ${items} }`);
    }
    case 'object': {
      // Keys the privacy rule never reads (codes, ids, dates) and values that cannot hold text are left out.
      const fields = Object.entries(def.shape!)
        .filter(([key]) => !nonTextKeys.has(key))
        .map(([key, field]) => [key, textShape(module, field)] as const)
        .filter(([, shape]) => shape !== 'NO_TEXT');
      // An object without such fields holds no text: the walk does not step into it.
      if (fields.length === 0) return 'NO_TEXT';
      return module.constant('text', `{ fields: [${fields.map(([key, shape]) => `[${JSON.stringify(key)}, ${shape}]`).join(', ')}] }`);
    }
    default:
      return unsupported(`the text of a ${def.type} schema`);
  }
}

const banner = '/* Generated by `npm run schemas` (scripts/shape-checks.ts) from the zod model in packages/schema/src/model. Do not edit by hand. */';

/** The source of packages/schema/src/generated/shape-checks.ts. */
export function shapeChecksSource(): string {
  const module = new Module();
  const kinds = Object.keys(shapeSchemas) as ShapeKind[];
  const checks = kinds.map((kind) => {
    // A record's line is checked by the record's own check, told the line's type.
    const recordType = recordTypeNames.find((type) => kind === `${type}-line`);
    const lineType = recordType && lineTypeOf(shapeSchemas[kind], shapeSchemas[recordType]);
    if (lineType) return [kind, `(value) => ${object(module, shapeSchemas[recordType], true)}(value, ${JSON.stringify(lineType)})`] as const;
    return [kind, object(module, shapeSchemas[kind], recordTypeNames.includes(kind as RecordType))] as const;
  });
  // The privacy rule walks the free text of the package's header, not of its records.
  const packageHeader = z.strictObject(packageHeaderShape);
  const texts = kinds.map((kind) => [kind, textShape(module, kind === 'package' ? packageHeader : shapeSchemas[kind])] as const);
  const helpers = [...module.helpers].sort();
  return [
    banner,
    '/* eslint-disable no-useless-escape -- the patterns are zod\'s own, copied as they are */',
    `import { ${helpers.join(', ')} } from '../validate/shape-support.js';`,
    `import { ANY_VALUE, TEXT, type TextShape } from '../validate/text-shape.js';`,
    '',
    ...module.constantLines(),
    '',
    module.functionLines().join('\n\n'),
    '',
    '/** The kinds of value the validators check the shape of: a record type, the package, a line of NDJSON. */',
    `export type ShapeKind = ${kinds.map((kind) => JSON.stringify(kind)).join(' | ')};`,
    '',
    '/** Per kind: true when zod would accept the value unchanged; false means "ask zod". */',
    'export const acceptsShape: Record<ShapeKind, (value: unknown) => boolean> = {',
    ...checks.map(([kind, fn]) => `  ${JSON.stringify(kind)}: ${fn},`),
    '};',
    '',
    '/** Per kind: how the privacy rule walks an accepted value\'s free text. */',
    'export const textShapes: Record<ShapeKind, TextShape> = {',
    ...texts.map(([kind, shape]) => `  ${JSON.stringify(kind)}: ${shape},`),
    '};',
    '',
  ].join('\n');
}
