/**
 * Two workbooks sent at once, each of which the hub's heap could read alone, are not read together until V8 ends the
 * hub: the second is weighed against what the first takes as well, and refused (413). The hub runs in its own process.
 */
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { hubProcessOfFile } from '../fixtures/hub.js';

// A heap of 208 MiB in all (160 MiB for old objects).
const hub = hubProcessOfFile([], ['--max-old-space-size=160']);

async function workbookOf(rows: number, columns: number): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('observations');
  for (let row = 0; row < rows; row++) sheet.addRow(Array.from({ length: columns }, (_, column) => row * columns + column));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function validate(body: Uint8Array<ArrayBuffer>): Promise<number> {
  const response = await fetch(`${hub.url}/v1/validate?name=report.xlsx`, { method: 'POST', headers: { Authorization: `Bearer ${hub.token}`, 'Content-Type': 'application/octet-stream' }, body });
  await response.arrayBuffer();
  return response.status;
}

it('reads one of two large workbooks sent at once and refuses the other, rather than ending out of memory', async () => {
  // 320 000 cells are weighed at about 170 MB: one is read with this heap; two read at once end it out of memory where
  // nothing weighs the second against the first.
  const workbook = await workbookOf(16_000, 20);
  const statuses = await Promise.all([validate(workbook), validate(workbook)]);
  expect(statuses.sort()).toEqual([200, 413]);
  expect(hub.child.exitCode).toBeNull();
  // A small one is read next, by the same process.
  expect(await validate(await workbookOf(20, 5))).toBe(200);
});
