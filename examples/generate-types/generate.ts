/**
 * Generate TypeScript types from the published JSON Schemas with json-schema-to-typescript, as a project
 * that does not use zod (or uses another language's generator) would, then use them in a program.
 *
 *   npx tsx examples/generate-types/generate.ts && npx tsc -p examples/generate-types
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const schemaFile = new URL('../../schemas/v1/DataPackage.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as JSONSchema;
const types = await compile(schema, 'DataPackage', { additionalProperties: false, ignoreMinAndMaxItems: true });
writeFileSync(new URL('phx-types.d.ts', import.meta.url), types);
console.log('wrote examples/generate-types/phx-types.d.ts');
