/**
 * The records the client's examples read or change by id are records of the example hub (`npm start`: `phx serve
 * --seed … --demo`), so that an example copied against it finds its record rather than a 404.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorCatalogue } from '@phx/schema';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const clientSources = readdirSync(join(root, 'packages/client/src'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts') && !path.startsWith('generated'))
  .map((path) => `packages/client/src/${path}`);
const documents = ['docs/api.md', 'packages/client/README.md', ...clientSources];

const startScript = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
const seedFile = /--seed (\S+)/.exec(startScript)![1]!;
const seed = JSON.parse(readFileSync(join(root, seedFile), 'utf8')) as Record<string, unknown>;

/** The ids of a collection the example hub holds; its indicators, by their codes, are the catalogue's and the seed's. */
function heldIds(collection: string): string[] {
  const records = (Array.isArray(seed[collection]) ? seed[collection] : []) as { id?: string; code?: string }[];
  return [...records, ...(collection === 'indicators' ? indicatorCatalogue : [])].map((record) => ('code' in record ? record.code : record.id)!);
}

/**
 * The records the TypeScript examples of a text name by a literal id: `client.observations.get('…')` (and `update`,
 * `replace`, `delete`), and `call` on a record's path (`'/v1/meetings/{id}', { path: { id: '…' } }`).
 */
function recordsNamed(text: string): { collection: string; id: string }[] {
  const code = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((block) => block[1]).join('\n');
  const byMethod = code.matchAll(/\.(\w+)\.(?:get|update|replace|delete)\('([^']+)'/g);
  const byPath = code.matchAll(/'\/v1\/(\w+)\/\{(\w+)\}', \{ path: \{ \2: '([^']+)' \}/g);
  return [...[...byMethod].map(([, collection, id]) => ({ collection: collection!, id: id! })), ...[...byPath].map(([, collection, , id]) => ({ collection: collection!, id: id! }))];
}

describe(`the client's examples name records of the example hub (${seedFile})`, () => {
  it('names records in the examples of the guide and the README', () => {
    for (const document of ['docs/api.md', 'packages/client/README.md']) expect(recordsNamed(readFileSync(join(root, document), 'utf8')), document).not.toEqual([]);
  });

  it.each(documents)('%s', (document) => {
    const missing = recordsNamed(readFileSync(join(root, document), 'utf8')).filter(({ collection, id }) => !heldIds(collection).includes(id));
    expect(missing).toEqual([]);
  });
});
