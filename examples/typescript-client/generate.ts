/**
 * Generate the `paths` type of the exchange API from its OpenAPI document with openapi-typescript, as
 * a project that does not use @phx/client would, then call a hub with openapi-fetch (program.ts).
 *
 *   npx tsx examples/typescript-client/generate.ts && npx tsc -p examples/typescript-client
 *   npx tsx examples/typescript-client/program.ts http://127.0.0.1:8080 TOKEN
 */
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const document = JSON.parse(readFileSync(new URL('../../schemas/v1/openapi.json', import.meta.url), 'utf8')) as Record<string, unknown>;
writeFileSync(new URL('phx-api.d.ts', import.meta.url), astToString(await openapiTS(document as never)));
console.log('wrote examples/typescript-client/phx-api.d.ts');
