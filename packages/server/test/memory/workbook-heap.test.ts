/**
 * A workbook that would take more memory to read than the hub's heap has left is refused (413) rather than read
 * until V8 ends the process, and every member's requests with it. The hub runs in its own process with a small heap.
 */
import type { ChildProcess } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createToken } from '../../src/index.js';
import { ORG_A } from '../fixtures/data.js';
import { spawnHub, testDatabase } from '../fixtures/hub.js';

let hub: { child: ChildProcess; url: string };
let token: string;
let remove: () => void;
beforeAll(async () => {
  const database = await testDatabase();
  remove = database.remove;
  // A heap of 80 MiB in all (32 MiB for old objects).
  hub = await spawnHub(database.db, [], { built: true, nodeFlags: ['--max-old-space-size=32'] });
  token = (await createToken({ db: database.db, organisation: ORG_A, role: 'member', newOrganisation: true })).token;
});
afterAll(async () => {
  if (hub) await new Promise((resolve) => (hub.child.once('exit', resolve), hub.child.kill('SIGTERM')));
  remove?.();
});

async function workbookOf(rows: number, columns: number): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('observations');
  for (let row = 0; row < rows; row++) sheet.addRow(Array.from({ length: columns }, (_, column) => row * columns + column));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function validate(body: Uint8Array<ArrayBuffer>): Promise<{ status: number; answer: Record<string, unknown> }> {
  const response = await fetch(`${hub.url}/v1/validate?name=report.xlsx`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body });
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
