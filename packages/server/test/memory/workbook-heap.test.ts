/**
 * A workbook that would take more memory to read than the hub's heap has left is refused (413) rather than read
 * until V8 ends the process, and every member's requests with it. The hub runs in its own process with a small heap.
 */
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { hubProcessOfFile } from '../fixtures/hub.js';

// A heap of 80 MiB in all (32 MiB for old objects).
const hub = hubProcessOfFile([], ['--max-old-space-size=32']);

async function workbookOf(rows: number, columns: number): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('observations');
  for (let row = 0; row < rows; row++) sheet.addRow(Array.from({ length: columns }, (_, column) => row * columns + column));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function validate(body: Uint8Array<ArrayBuffer>): Promise<{ status: number; answer: Record<string, unknown> }> {
  const response = await fetch(`${hub.url}/v1/validate?name=report.xlsx`, { method: 'POST', headers: { Authorization: `Bearer ${hub.token}`, 'Content-Type': 'application/octet-stream' }, body });
  return { status: response.status, answer: (await response.json()) as Record<string, unknown> };
}

it('refuses a workbook larger than its heap, and goes on answering', async () => {
  // 160 000 cells take about 80 MB to read.
  const refused = await validate(await workbookOf(8_000, 20));
  expect(refused).toMatchObject({
    status: 413,
    answer: { type: expect.stringMatching(/payload-too-large$/), detail: expect.stringMatching(/^The workbook's 160000 cells would take about \d+ bytes of memory to read, more than this hub has at hand; it was not read/) },
  });
  expect(hub.child.exitCode).toBeNull();
  // A small one is read, by the same process.
  const read = await validate(await workbookOf(20, 5));
  expect(read.status).toBe(200);
  expect(read.answer).toHaveProperty('ok');
});
