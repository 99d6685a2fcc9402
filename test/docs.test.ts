/** Every relative link in the READMEs and guides points at a file of the repository. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`),
  ...readdirSync(join(root, 'packages')).map((dir) => `packages/${dir}/README.md`).filter((path) => existsSync(join(root, path))),
];

describe.each(documents)('%s', (document) => {
  it('links only to files that exist', () => {
    const text = readFileSync(join(root, document), 'utf8');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:|#)/.test(target!)) continue;
      const path = target!.split('#')[0]!;
      if (!existsSync(join(root, dirname(document), path))) broken.push(target!);
    }
    expect(broken).toEqual([]);
  });
});
