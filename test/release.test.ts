/**
 * The release flow works on the repository as it is: every publishable package has a pending changeset,
 * and `changeset version` (run on a copy) writes each package's CHANGELOG.md from them and bumps the
 * internal dependencies.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const copy = mkdtempSync(join(tmpdir(), 'phx-release-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
const packageDirs = readdirSync(join(root, 'packages'));
const publishable = packageDirs.filter((dir) => !manifestOf(join(root, 'packages', dir)).private);

const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8')) as { access: string; updateInternalDependencies: string };

describe('releases with changesets', () => {
  beforeAll(async () => {
    // Only what changesets reads: the manifests, the lock and the pending changesets.
    cpSync(join(root, 'package.json'), join(copy, 'package.json'));
    cpSync(join(root, '.changeset'), join(copy, '.changeset'), { recursive: true });
    for (const dir of packageDirs) cpSync(join(root, 'packages', dir, 'package.json'), join(copy, 'packages', dir, 'package.json'));
    await run('git', ['init', '-q'], { cwd: copy });
    await run(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: copy, env: { ...process.env, CI: 'true' } });
  }, 60_000);

  it('publishes publicly and bumps internal dependencies', () => {
    expect(config.access).toBe('public');
    expect(config.updateInternalDependencies).toBe('patch');
  });

  it.each(publishable)('packages/%s gets a CHANGELOG.md from its changesets, and a new version', (dir) => {
    const before = manifestOf(join(root, 'packages', dir));
    const after = manifestOf(join(copy, 'packages', dir));
    expect(after.version).not.toBe(before.version);
    const changelog = readFileSync(join(copy, 'packages', dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`# ${before.name}`);
    expect(changelog).toContain(`## ${after.version}`);
  });

  it('moves the internal dependencies to the new versions', () => {
    const schema = manifestOf(join(copy, 'packages/schema'));
    for (const dir of publishable) {
      const dependency = manifestOf(join(copy, 'packages', dir)).dependencies?.['@phx/schema'];
      if (dependency !== undefined) expect(dependency).toContain(schema.version);
    }
  });

  it('the data format change is in the changelog of @phx/schema', () => {
    expect(readFileSync(join(copy, 'packages/schema/CHANGELOG.md'), 'utf8')).toContain('organisationType');
  });
});
