/**
 * The release flow works on the repository as it is: `changeset version`, run on a copy, gives every
 * package exactly the version its pending changesets ask for — no package is bumped further by a peer or
 * internal dependency range — writes each changelog, and moves the internal dependencies along.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
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
const manifests = new Map(packageDirs.map((dir) => [dir, manifestOf(join(root, 'packages', dir))]));
const publishable = packageDirs.filter((dir) => !manifests.get(dir)!.private);

type Bump = 'patch' | 'minor' | 'major';
const rank: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/** The largest bump the pending changesets ask for, per package name. */
function askedFor(): Map<string, Bump> {
  const asked = new Map<string, Bump>();
  for (const file of readdirSync(join(root, '.changeset')).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, '.changeset', file), 'utf8'))![1]!;
    for (const [, name, bump] of front.matchAll(/^"([^"]+)":\s*(patch|minor|major)\s*$/gm)) {
      const before = asked.get(name!);
      if (!before || rank[bump as Bump] > rank[before]) asked.set(name!, bump as Bump);
    }
  }
  return asked;
}

function bumped(version: string, bump: Bump): string {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return bump === 'major' ? `${major + 1}.0.0` : bump === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8')) as { access: string; updateInternalDependencies: string };

describe('releases with changesets', () => {
  beforeAll(async () => {
    // Only what changesets reads: the manifests, the lock and the pending changesets.
    cpSync(join(root, 'package.json'), join(copy, 'package.json'));
    cpSync(join(root, '.changeset'), join(copy, '.changeset'), { recursive: true });
    for (const dir of packageDirs) cpSync(join(root, 'packages', dir, 'package.json'), join(copy, 'packages', dir, 'package.json'));
    await run('git', ['init', '-q'], { cwd: copy });
    await run(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], { cwd: copy, env: { ...process.env, CI: 'true' } });
  });

  it('publishes publicly and bumps internal dependencies', () => {
    expect(config.access).toBe('public');
    expect(config.updateInternalDependencies).toBe('patch');
  });

  it('every package gets exactly the version its changesets ask for', () => {
    const asked = askedFor();
    const versions = Object.fromEntries(publishable.map((dir) => [manifests.get(dir)!.name, manifestOf(join(copy, 'packages', dir)).version]));
    const expected = Object.fromEntries(
      publishable.map((dir) => {
        const { name, version } = manifests.get(dir)!;
        const bump = asked.get(name);
        // A package no changeset names is bumped only as a patch, when an internal dependency of it leaves its range.
        return [name, bump ? bumped(version, bump) : expect.stringMatching(new RegExp(`^${version.replace(/\./g, '\\.')}$|^${bumped(version, 'patch').replace(/\./g, '\\.')}$`))];
      }),
    );
    expect(versions).toEqual(expected);
  });

  it.each(publishable)('packages/%s gets a CHANGELOG.md from its changesets', (dir) => {
    const after = manifestOf(join(copy, 'packages', dir));
    const changelog = readFileSync(join(copy, 'packages', dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`# ${after.name}`);
    expect(changelog).toContain(`## ${after.version}`);
  });

  it('moves the internal dependencies to the new versions', () => {
    const versions = new Map(publishable.map((dir) => [manifests.get(dir)!.name, manifestOf(join(copy, 'packages', dir)).version]));
    for (const dir of publishable) {
      for (const [name, range] of Object.entries(manifestOf(join(copy, 'packages', dir)).dependencies ?? {})) {
        if (versions.has(name)) expect(range, `${dir} → ${name}`).toBe(versions.get(name));
      }
    }
  });

  it('the data format change is in the changelog of @phx/schema', () => {
    expect(readFileSync(join(copy, 'packages/schema/CHANGELOG.md'), 'utf8')).toContain('organisationType');
  });
});
