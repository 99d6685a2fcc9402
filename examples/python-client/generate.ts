/**
 * Generate Python types of the exchange API from its OpenAPI document with quicktype: dataclasses with
 * `from_dict`/`to_dict` that check every field, for the standard library alone (no pip install).
 *
 *   npx tsx examples/python-client/generate.ts && python3 examples/python-client/client.py URL TOKEN
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FetchingJSONSchemaStore, InputData, JSONSchemaInput, quicktype } from 'quicktype-core';

const document = JSON.parse(readFileSync(new URL('../../schemas/v1/openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, unknown> };
};
// The components become one JSON Schema: its $defs, and a property for each type the client uses.
const used = ['DataPackage', 'ImportSummary', 'ObservationPage', 'ValidationResult', 'ValidationFailedProblem'];
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $defs: JSON.parse(JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', '#/$defs/')) as unknown,
  type: 'object',
  properties: Object.fromEntries(used.map((name) => [name, { $ref: `#/$defs/${name}` }])),
};
const input = new JSONSchemaInput(new FetchingJSONSchemaStore());
await input.addSource({ name: 'PhxApi', schema: JSON.stringify(schema) });
const inputData = new InputData();
inputData.addInput(input);
// Dates stay ISO 8601 strings, as the hub sends and takes them; the code needs only the standard library.
const { lines } = await quicktype({ inputData, lang: 'python', inferDateTimes: false, rendererOptions: { 'python-version': '3.7' } });
writeFileSync(new URL('phx_api.py', import.meta.url), `${lines.join('\n')}\n`);
console.log('wrote examples/python-client/phx_api.py');
