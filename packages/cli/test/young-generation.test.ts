import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bin, observation, tempDir, validNdjson } from './helpers.js';

const v8 = vi.hoisted(() => ({ newSpace: 0, flags: [] as string[] }));
vi.mock('node:v8', () => ({
  getHeapSpaceStatistics: () => [{ space_name: 'new_space', space_size: v8.newSpace }],
  setFlagsFromString: (flags: string) => void v8.flags.push(flags),
}));

const MiB = 1 << 20;
const dir = tempDir();
// Prints, as the process ends, the size of V8's space for new objects and the growth factors phx gave V8: whether V8
// grows the space past 8 MiB on its own depends on the data and the V8, so that phx left the sizing to V8 is read from
// the factors it set (none, or 2 last), where the size shows a cap it held.
const probe = dir.write(
  'probe.mjs',
  `import { createRequire, syncBuiltinESMExports } from 'node:module';
import { getHeapSpaceStatistics } from 'node:v8';
const v8 = createRequire(import.meta.url)('node:v8');
const setFlags = v8.setFlagsFromString;
const factors = [];
v8.setFlagsFromString = (flags) => { factors.push(Number(/^--semi-space-growth-factor=(\\d+)$/.exec(flags)?.[1])); setFlags(flags); };
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write('young generation ' + JSON.stringify({ bytes: getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size, factors })));`,
);
// 50 000 observations (16 MB), each a group of its own: enough for phx to cap V8's space at 8 MiB.
const big = dir.write(
  'big.phx.ndjson',
  validNdjson() +
    Array.from({ length: 50_000 }, (_, n) =>
      JSON.stringify({ type: 'observation', ...observation(`obs-${n.toString(36)}-${'xyz'.repeat(n % 7)}`, { scope: { country: 'ZA', subnationalArea: `Area ${n}` } }) }),
    ).join('\n'),
);

/** The new space's size as `node <nodeArgs> <script> <args>` ends, the growth factors phx set, and what else it wrote to standard error. */
function youngGenerationOf(nodeArgs: string[], script: string, args: string[]): { bytes: number; factors: number[]; code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, ...nodeArgs, script, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
  const match = /young generation (\{.*\})$/.exec(result.stderr);
  const { bytes, factors } = JSON.parse(match?.[1] ?? '{}') as { bytes: number; factors: number[] };
  return { bytes, factors, code: result.status, stderr: result.stderr.slice(0, match?.index) };
}

describe('sizing the young generation (V8 stood in for)', () => {
  beforeEach(() => {
    vi.resetModules();
    v8.newSpace = 1 * MiB;
    v8.flags = [];
  });
  const sizing = () => import('../src/io/young-generation.js');

  it('holds it as phx starts, lets it grow once the command is loaded, and stops it at 8 MiB, again after V8 shrinks it', async () => {
    const { capYoungGeneration, holdYoungGenerationAtStart, keepYoungGenerationCapped } = await sizing();
    holdYoungGenerationAtStart();
    expect(v8.flags).toEqual(['--semi-space-growth-factor=1']);
    capYoungGeneration();
    expect(v8.flags.at(-1)).toBe('--semi-space-growth-factor=2');
    const seen = [2, 4, 8 - 1 / 1024, 8, 8, 4, 8].map((mib) => {
      v8.newSpace = mib * MiB;
      keepYoungGenerationCapped();
      return v8.flags.at(-1);
    });
    expect(seen).toEqual(['=2', '=2', '=2', '=1', '=1', '=2', '=1'].map((factor) => `--semi-space-growth-factor${factor}`));
    expect(v8.flags).toHaveLength(5);
  });

  it('leaves it to V8 in a program calling runPhx(), and from --jobs on', async () => {
    const { capYoungGeneration, holdYoungGenerationAtStart, keepYoungGenerationCapped, leaveYoungGenerationToV8 } = await sizing();
    v8.newSpace = 16 * MiB;
    capYoungGeneration();
    keepYoungGenerationCapped();
    expect(v8.flags).toEqual([]);
    holdYoungGenerationAtStart();
    capYoungGeneration();
    leaveYoungGenerationToV8();
    keepYoungGenerationCapped();
    expect(v8.flags).toEqual(['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
  });
});

describe("phx's young generation, in a process of its own", () => {
  it('is held while the modules load, grows while a file is read, up to 8 MiB, with nothing said', () => {
    // Loading the modules alone grows it to 8 MiB or more when it is not held.
    const small = youngGenerationOf([], bin, ['validate', '--quiet', dir.write('small.phx.ndjson', validNdjson())]);
    expect(small).toMatchObject({ code: 0, stderr: '', factors: [1, 2], bytes: expect.toSatisfy((bytes: number) => bytes <= 4 * MiB) });
    const { bytes, factors, code, stderr } = youngGenerationOf([], bin, ['validate', '--quiet', big]);
    expect({ code, stderr, factors: factors.slice(0, 3) }).toEqual({ code: 0, stderr: '', factors: [1, 2, 1] });
    expect(bytes).toBeGreaterThan(4 * MiB);
    expect(bytes).toBeLessThanOrEqual(8 * MiB);
  });

  it('is left to V8 where Node is given a size of it, with --jobs, and in a program calling runPhx()', () => {
    for (const size of ['--max-semi-space-size=16', '--max_semi_space_size=16']) expect(youngGenerationOf([size], bin, ['validate', '--quiet', big])).toMatchObject({ code: 0, stderr: '', factors: [] });
    // On one processor `--jobs 2` is lowered to one thread, which is held as without it.
    const onThreads = youngGenerationOf([], bin, ['validate', '--quiet', '--jobs', '2', big]);
    expect(onThreads).toMatchObject({ code: 0, stderr: '' });
    // Held while the modules load and let grow once loaded, as always; then never held at 8 MiB, as the file alone is.
    if (availableParallelism() > 1) expect(onThreads.factors).toEqual([1, 2]);
    else expect(onThreads.bytes).toBeLessThanOrEqual(8 * MiB);
    const library = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '../dist/index.js')).href;
    const program = dir.write('program.mjs', `import { runPhx } from '${library}';\nprocess.exitCode = await runPhx(['validate', '--quiet', process.argv[2]]);`);
    expect(youngGenerationOf([], program, [big])).toMatchObject({ code: 0, stderr: '', factors: [] });
  });
});
