/**
 * Two workbooks sent at once, each of which the hub's heap could read alone, are not read together until V8 ends the
 * hub: the second is weighed against what the first takes as well, and refused (413). The hub runs in its own process.
 */
import { expect, it } from 'vitest';
import { hubProcessOfFile } from '../fixtures/hub.js';
import { numberWorkbook, validateOnHub } from '../fixtures/workbooks.js';

// A heap of 208 MiB in all (160 MiB for old objects).
const hub = hubProcessOfFile([], ['--max-old-space-size=160']);

it('reads one of two large workbooks sent at once and refuses the other, rather than ending out of memory', async () => {
  // 320 000 cells are weighed at about 170 MB: one is read with this heap; two read at once end it out of memory where
  // nothing weighs the second against the first.
  const workbook = await numberWorkbook(16_000, 20);
  const statuses = (await Promise.all([validateOnHub(hub, workbook), validateOnHub(hub, workbook)])).map(({ status }) => status);
  expect(statuses.sort()).toEqual([200, 413]);
  expect(hub.child.exitCode).toBeNull();
  // A small one is read next, by the same process.
  expect((await validateOnHub(hub, await numberWorkbook(20, 5))).status).toBe(200);
});
