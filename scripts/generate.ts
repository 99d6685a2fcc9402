/** Writes the files generated from the zod source (see scripts/artefacts.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { artefacts } from './artefacts.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [path, content] of await artefacts()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  console.log(`wrote ${path}`);
}
