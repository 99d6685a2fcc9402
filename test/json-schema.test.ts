/**
 * The generated JSON Schemas agree with validate() on shape: Ajv (draft 2020-12, strict) accepts the
 * valid examples and rejects the structurally invalid ones at the same JSON Pointer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { issueCodes, jsonSchemaOf, publishedSchemas, validate, type SchemaName } from '../packages/schema/src/index.js';

const root = join(import.meta.dirname, '..');
const examples = join(root, 'examples/data');
const invalidDir = join(examples, 'invalid');

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
const compiled = Object.fromEntries(
  (Object.keys(publishedSchemas) as SchemaName[]).map((name) => [name, ajv.compile(jsonSchemaOf(name))]),
) as Record<SchemaName, ReturnType<typeof ajv.compile>>;

/** The pointer of the value an Ajv error is about (for a missing or extra field: the field itself). */
function pointerOf(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string; propertyName?: string };
  const field = params.missingProperty ?? params.additionalProperty ?? params.propertyName;
  return field === undefined ? error.instancePath : `${error.instancePath}/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function ajvPointers(value: unknown): string[] {
  const check = compiled.DataPackage;
  return check(value) ? [] : (check.errors ?? []).map(pointerOf);
}

function structuralPointers(value: unknown): string[] {
  return validate(value, { now: new Date('2026-01-01') })
    .issues.filter((issue) => issueCodes[issue.code].structural)
    .map((issue) => issue.pointer);
}

const validPackage = JSON.parse(readFileSync(join(examples, 'network-meeting-2020.phx.json'), 'utf8')) as Record<string, unknown>;
const expected = JSON.parse(readFileSync(join(invalidDir, 'expected.json'), 'utf8')) as Record<string, { code: string; pointer: string }>;

describe('JSON Schemas compiled with Ajv2020 (strict) and ajv-formats', () => {
  it('every schema compiles and has an $id, a title and a description', () => {
    for (const name of Object.keys(publishedSchemas) as SchemaName[]) {
      const schema = jsonSchemaOf(name);
      expect(schema.$id).toMatch(/^https:\/\/.+\/v1\/.+\.schema\.json$/);
      expect(schema.title).toBe(name);
      expect(typeof schema.description).toBe('string');
      expect(compiled[name]).toBeTypeOf('function');
    }
  });

  it('every field of every schema has a description', () => {
    const undescribed: string[] = [];
    const visit = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${at}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      for (const [field, property] of Object.entries((schema.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
        if (typeof property.description !== 'string' || property.description.length === 0) undescribed.push(`${at}/properties/${field}`);
      }
      for (const [key, child] of Object.entries(schema)) visit(child, `${at}/${key}`);
    };
    for (const name of Object.keys(publishedSchemas) as SchemaName[]) visit(jsonSchemaOf(name), name);
    expect(undescribed).toEqual([]);
  });

  it('the valid example passes, and so does each of its records against its own schema', () => {
    expect(ajvPointers(validPackage)).toEqual([]);
    const parts: [SchemaName, string][] = [
      ['Organisation', 'organisations'], ['Facility', 'facilities'], ['IndicatorDefinition', 'indicators'],
      ['Observation', 'observations'], ['Meeting', 'meetings'],
    ];
    for (const [name, collection] of parts) {
      for (const record of (validPackage[collection] as unknown[] | undefined) ?? []) expect(compiled[name](record)).toBe(true);
    }
  });

  const structural = Object.entries(expected).filter(([file, { code }]) => file.endsWith('.phx.json') && code.startsWith('schema.'));
  it('there is an invalid example for every structural code', () => {
    const codes = new Set(structural.map(([, { code }]) => code));
    for (const code of Object.keys(issueCodes).filter((c) => c.startsWith('schema.'))) expect(codes).toContain(code);
  });

  it.each(structural)('%s fails in Ajv at the pointer validate() reports', (file, { pointer }) => {
    const value = JSON.parse(readFileSync(join(invalidDir, file), 'utf8'));
    expect(structuralPointers(value)).toContain(pointer);
    expect(ajvPointers(value)).toContain(pointer);
  });

  // A file of another system is no package at all: Ajv rejects it too.
  const beyondShape = Object.entries(expected).filter(([file, { code }]) => file.endsWith('.phx.json') && code !== 'file.other-system' && !issueCodes[code as keyof typeof issueCodes]?.structural);
  it.each(beyondShape)('%s breaks a rule beyond shape: Ajv accepts it, validate() does not', (file, { code }) => {
    // The text, not its value: a key written twice shows only in the text.
    const text = readFileSync(join(invalidDir, file), 'utf8');
    expect(ajvPointers(JSON.parse(text))).toEqual([]);
    expect(validate(text, { now: new Date('2026-01-01') }).issues.map((i) => i.code)).toContain(code);
  });
});

describe('shape mutations of the valid example: Ajv and validate() agree', () => {
  // A package of any shape: each mutation reaches into it as the data allows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Mutable = Record<string, any>;
  const clone = () => structuredClone(validPackage) as Mutable;
  const mutations: [string, (pkg: Mutable) => void][] = [
    ['a missing required field', (p) => delete p.observations[0].period],
    ['a wrong type', (p) => (p.observations[0].numerator = '12')],
    ['an unknown field', (p) => (p.organisations[0].director = 'x')],
    ['a code outside a closed list', (p) => (p.observations[0].unit = 'percentage')],
    ['a badly formed date', (p) => (p.observations[0].period.start = '01/01/2020')],
    ['a date-time without offset', (p) => (p.meetings[0].start = '2020-10-28T13:00:00')],
    ['an empty language map', (p) => (p.organisations[0].name = {})],
    ['a language map keyed by a name', (p) => (p.organisations[0].name = { English: 'x' })],
    ['an empty list where one item is required', (p) => (p.organisations[0].countries = [])],
    ['blank text', (p) => (p.organisations[0].acronym = '   ')],
    ['a negative capacity', (p) => (p.facilities[0].capacity = -1)],
    ['a fractional capacity', (p) => (p.facilities[0].capacity = 1.5)],
    ['a wrong format version', (p) => (p.phxVersion = '2.0')],
    ['an extension keyed by a non-URL', (p) => (p.extensions = { mine: 1 })],
  ];
  it.each(mutations)('%s', (_name, mutate) => {
    const pkg = clone();
    mutate(pkg);
    const fromValidate = structuralPointers(pkg);
    expect(fromValidate.length).toBeGreaterThan(0);
    const fromAjv = new Set(ajvPointers(pkg));
    for (const pointer of fromValidate) expect(fromAjv).toContain(pointer);
  });
});

it('the invalid examples directory holds only files the manifest names', () => {
  const files = readdirSync(invalidDir).filter((f) => f !== 'expected.json');
  expect(files.sort()).toEqual(Object.keys(expected).sort());
});
