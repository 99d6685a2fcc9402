/** A thread checking lines of NDJSON for `workerThreads()`: bytes of whole lines in, their tape out. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkLines, type LineCheckSettings, type SpareTape } from '../validate/line-tape.js';

const check = checkLines(workerData as LineCheckSettings);
parentPort!.on('message', async ({ id, bytes, spare }: { id: number; bytes: Uint8Array; spare?: SpareTape }) => {
  const tape = await check(bytes, spare);
  // The typed arrays are handed over, not copied; the lines' bytes go back as they came, for the lines to be read again there.
  parentPort!.postMessage({ id, tape, bytes }, [tape.steps.buffer as ArrayBuffer, tape.numbers.buffer as ArrayBuffer, bytes.buffer as ArrayBuffer]);
});
