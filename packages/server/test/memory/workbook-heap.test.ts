/**
 * A workbook, a CSV file or a .phx.json package that would take more memory to read than the hub's heap has left is refused (413) rather
 * than read until V8 ends the process, and every member's requests with it. The hub runs in its own process with a
 * small heap.
 */
import { expect, it } from 'vitest';
import { hubProcessOfFile } from '../fixtures/hub.js';
import { observationsCsv, observationsPackage } from '../../../../test/corpus/awkward-files.js';
import { numberWorkbook, validateOnHub } from '../fixtures/workbooks.js';

// A heap of 80 MiB in all (32 MiB for old objects).
const hub = hubProcessOfFile([], ['--max-old-space-size=32']);

it('refuses a workbook larger than its heap, and goes on answering', async () => {
  // 160 000 cells take about 80 MB to read.
  const refused = await validateOnHub(hub, await numberWorkbook(8_000, 20));
  expect(refused).toMatchObject({
    status: 413,
    answer: { type: expect.stringMatching(/payload-too-large$/), detail: expect.stringMatching(/^The workbook's 160000 cells would take about \d+ bytes of memory to read, more than this hub has at hand; it was not read/) },
  });
  expect(hub.child.exitCode).toBeNull();
  // A small one is read, by the same process.
  const read = await validateOnHub(hub, await numberWorkbook(20, 5));
  expect(read.status).toBe(200);
  expect(read.answer).toHaveProperty('ok');
});

it('refuses a CSV file larger than its heap, and goes on answering', async () => {
  // A header and 30 000 rows of 15 cells take about 45 MiB to read.
  const refused = await validateOnHub(hub, new TextEncoder().encode(observationsCsv(30_000)), 'report.csv');
  expect(refused).toMatchObject({
    status: 413,
    answer: { type: expect.stringMatching(/payload-too-large$/), detail: expect.stringMatching(/^The CSV file's 450015 cells \(its delimiters and line feeds counted\) would take about \d+ bytes of memory to read, more than this hub has at hand; it was not read/) },
  });
  expect(hub.child.exitCode).toBeNull();
  const read = await validateOnHub(hub, new TextEncoder().encode(observationsCsv(20)), 'report.csv');
  expect(read.status).toBe(200);
  expect(read.answer).toHaveProperty('ok');
});

it('refuses a package larger than its heap, which it would read whole to keep its data, and goes on answering', async () => {
  // 20 000 observations (10.6 MB, 320 016 values) take about 83 MiB to read whole.
  const refused = await validateOnHub(hub, new TextEncoder().encode(observationsPackage(20_000)), 'report.phx.json');
  expect(refused).toMatchObject({
    status: 413,
    answer: { type: expect.stringMatching(/payload-too-large$/), detail: expect.stringMatching(/^The package's 320016 values \(its commas and closing brackets counted\) would take about \d+ bytes of memory to read, more than this hub has at hand; it was not read/) },
  });
  expect(hub.child.exitCode).toBeNull();
  const read = await validateOnHub(hub, new TextEncoder().encode(observationsPackage(20)), 'report.phx.json');
  expect(read.status).toBe(200);
  expect(read.answer).toMatchObject({ ok: true });
});
