import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * What V8's space for new objects (its two semi-spaces) may take while `phx` reads a file as a stream (`phx validate`,
 * `check`, `export`: {@link keepYoungGenerationCapped}): 8 MiB, where Node lets it grow to 32. The objects made for a line or a chunk die young, and what lives on is kept in typed arrays (the rules'
 * tables), so a smaller space collects as much, only more often; V8 grows it all the same, as whatever outlives a
 * collection adds up over a large file. On a million records of `bench/validate.bench.ts` the peak RSS of `phx
 * validate` fell from ≈ 150 MB to ≈ 125, on 3 million from ≈ 238 MB to ≈ 214, for ≈ 2 % more CPU time in collections
 * (see "Memory" in docs/performance.md).
 */
const NEW_SPACE_BYTES = 8 << 20;

/** Node was started with a size of its young generation (`--max-semi-space-size` and the like): it is left so. */
const sizedByUser = /semi[-_]space/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`);

/**
 * Who sizes the young generation: V8 (a program calling `runPhx()`, `--jobs`, a size given to Node), or the `phx`
 * process, which holds it while its modules load and then caps it as files are read.
 */
let sizing: 'v8' | 'loading' | 'capped' = 'v8';
let growthStopped = false;

/**
 * Holds the young generation where it starts while `phx` loads its modules (called first by the process): what
 * they make lives as long as the process, and the space they would grow it to (8–16 MiB) would stay.
 */
export function holdYoungGenerationAtStart(): void {
  if (sizedByUser) return;
  sizing = 'loading';
  stopGrowth(true);
}

/**
 * The command is loaded: the young generation grows again, as V8 grows it, up to {@link NEW_SPACE_BYTES} while a file
 * is read as a stream (commands that read files whole, `phx convert`, `template`, `import`, leave it to V8).
 */
export function capYoungGeneration(): void {
  if (sizing === 'v8') return;
  sizing = 'capped';
  keepYoungGenerationCapped();
}

/**
 * Called as each chunk of a file is read: once the space takes {@link NEW_SPACE_BYTES}, V8's growth factor, which it
 * reads at each growth (Node takes `--max-semi-space-size` only as it starts), is set to 1; it is set back to V8's 2
 * should V8 shrink the space (as it does when little is allocated), so that it is not held smaller while chunks come.
 */
export function keepYoungGenerationCapped(): void {
  if (sizing !== 'capped') return;
  const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (newSpace !== undefined) stopGrowth(newSpace.space_size >= NEW_SPACE_BYTES);
}

/**
 * Leaves the young generation to V8 from now on: worker threads share V8's flags, and theirs, held small, would
 * collect far more often (`phx validate --jobs 2` on a million records: ≈ 50 % more CPU time, and as much memory).
 */
export function leaveYoungGenerationToV8(): void {
  if (sizing === 'v8') return;
  sizing = 'v8';
  stopGrowth(false);
}

function stopGrowth(stop: boolean): void {
  if (stop === growthStopped) return;
  growthStopped = stop;
  setFlagsFromString(`--semi-space-growth-factor=${stop ? 1 : 2}`);
}
