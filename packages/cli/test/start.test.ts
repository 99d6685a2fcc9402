import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locales, localeTags } from '@phx/schema';
import { describe, expect, it } from 'vitest';
import { bin, tempDir, validNdjson } from './helpers.js';

/** What `phx validate` may load to check a valid file: the budget of its start (docs/performance.md, "Starting `phx`"). */
const START_BUDGET = 400_000;

const dist = join(fileURLToPath(new URL('..', import.meta.url)), 'dist');
const example = fileURLToPath(new URL('../../../examples/data/network-meeting-2020.phx.json', import.meta.url));
const dir = tempDir();

// Node's loader tells each module it loads (module.register runs the hook on a thread of its own).
const hooks = `import { writeSync } from 'node:fs';
export async function load(url, context, next) { writeSync(2, 'phx-loaded ' + url + '\\n'); return next(url, context); }`;
const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;

/** The files of the built command that `phx <args>` loads, with their text (letters beyond ASCII as the build escapes them, unescaped), and its exit code. */
function loadedBy(args: string[]): { code: number | null; files: Map<string, string> } {
  const result = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, bin, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C' },
  });
  const files = new Map<string, string>();
  for (const [, url] of result.stderr.matchAll(/^phx-loaded (file:.+)$/gm)) {
    const path = fileURLToPath(url!);
    if (path.startsWith(dist)) files.set(path, readFileSync(path, 'utf8').replace(/\\u([0-9A-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  }
  return { code: result.status, files };
}

describe('phx validate starts with what a valid file needs', () => {
  it.each([
    ['a .phx.json package', example],
    ['an NDJSON stream', dir.write('valid.phx.ndjson', validNdjson())],
  ])('%s: no language, no zod, within its budget', (_, file) => {
    const { code, files } = loadedBy(['validate', file]);
    expect(code).toBe(0);
    const text = [...files.values()].join('\n');
    // A valid file has no message to write, and only zod says what is wrong with a value the generated checks refuse.
    for (const tag of localeTags) expect(text).not.toContain(locales[tag].messages['file.empty']({ blank: true }));
    expect(text).not.toContain('$ZodType');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(START_BUDGET);
  });

  it('loads the messages of a language once a file has an issue to write in it', () => {
    const { code, files } = loadedBy(['validate', '--locale', 'uk', dir.write('empty.phx.ndjson', '\n\n')]);
    expect(code).toBe(1);
    expect([...files.values()].join('\n')).toContain(locales.uk.messages['file.empty']({ blank: true }));
  });
});
