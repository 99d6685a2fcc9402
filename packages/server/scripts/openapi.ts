/** Writes the OpenAPI document of the exchange API to schemas/v1/openapi.json. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../src/openapi/document.js';

/** The committed document; tests check it against the generator. */
export const OPENAPI_PATH = fileURLToPath(new URL('../../../schemas/v1/openapi.json', import.meta.url));

/** The document as written to disk. */
export const openApiText = (): string => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OPENAPI_PATH, openApiText());
  console.log(`wrote ${OPENAPI_PATH}`);
}
