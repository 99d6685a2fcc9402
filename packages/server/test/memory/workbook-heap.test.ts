/**
 * A workbook, a CSV file or a .phx.json package that would take more memory to read than the hub's heap has left is
 * refused (413) rather than read until V8 ends the process, and every member's requests with it. The hub runs in its
 * own process with a small heap.
 */
import { expect, it } from 'vitest';
import { hubProcessOfFile } from '../fixtures/hub.js';
import { observationsCsv, observationsPackage } from '../../../../test/corpus/awkward-files.js';
import { numberWorkbook, validateOnHub } from '../fixtures/workbooks.js';

// A heap of 80 MiB in all (32 MiB for old objects).
const hub = hubProcessOfFile([], ['--max-old-space-size=32']);

/**
 * Sends a file too large for the hub's heap, which it refuses (413, `detail` saying why), and then a small one of the
 * same format, which the same process reads: what it answers to the small one.
 */
async function refusedThenRead(large: Uint8Array<ArrayBuffer>, small: Uint8Array<ArrayBuffer>, name: string, detail: RegExp): Promise<Record<string, unknown>> {
  const refused = await validateOnHub(hub, large, name);
  expect(refused).toMatchObject({ status: 413, answer: { type: expect.stringMatching(/payload-too-large$/), detail: expect.stringMatching(detail) } });
  expect(hub.child.exitCode).toBeNull();
  const read = await validateOnHub(hub, small, name);
  expect(read.status).toBe(200);
  return read.answer;
}

it('refuses a workbook larger than its heap, and goes on answering', async () => {
  // 160 000 cells take about 80 MB to read.
  const answer = await refusedThenRead(await numberWorkbook(8_000, 20), await numberWorkbook(20, 5), 'report.xlsx', /^The workbook's 160000 cells would take about \d+ bytes of memory to read, more than this hub has at hand; it was not read/);
  expect(answer).toHaveProperty('ok');
});

it('refuses a CSV file larger than its heap, and goes on answering', async () => {
  // A header and 30 000 rows of 15 cells take about 45 MiB to read.
  const csv = (rows: number): Uint8Array<ArrayBuffer> => new TextEncoder().encode(observationsCsv(rows));
  const answer = await refusedThenRead(csv(30_000), csv(20), 'report.csv', /^The CSV file's 450015 cells \(its delimiters and line feeds counted\) would take about \d+ bytes of memory to read, more than this hub has at hand; it was not read/);
  expect(answer).toHaveProperty('ok');
});

it('refuses a package larger than its heap, which it would read whole to keep its data, and goes on answering', async () => {
  // 20 000 observations (10.6 MB, 320 016 values) take about 83 MiB to read whole.
  const pkg = (observations: number): Uint8Array<ArrayBuffer> => new TextEncoder().encode(observationsPackage(observations));
  const answer = await refusedThenRead(pkg(20_000), pkg(20), 'report.phx.json', /^The package's 320016 values \(its commas and closing brackets counted\) would take about \d+ bytes of memory to read, more than this hub has at hand; it was not read/);
  expect(answer).toMatchObject({ ok: true });
});
