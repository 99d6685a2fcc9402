/**
 * A workbook read while another is read is weighed against the memory at hand as the first began, less its weight:
 * the heap left as the first goes on already holds part of what it takes, and counting that as well would refuse
 * even a small workbook. The memory at hand is given by a stand-in here, to move it as a read would.
 */
import ExcelJS from 'exceljs';
import { afterEach, expect, it, vi } from 'vitest';
import { readXlsx } from '../src/index.js';

const heap = vi.hoisted(() => ({ left: 0, asked: () => {} }));
vi.mock('../src/formats/memory.js', () => ({
  memoryAtHand: () => {
    heap.asked();
    return heap.left;
  },
}));
afterEach(() => void (heap.asked = () => {}));

async function workbookOf(name: string, rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(name).addRows(rows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

it('reads a small workbook beside a large one whose read has taken part of the heap left', async () => {
  // Long enough to read that the small one is weighed while it is read.
  const large = await workbookOf('observations', Array.from({ length: 10_000 }, (_, row) => Array.from({ length: 10 }, (_, column) => row * 10 + column)));
  const small = await workbookOf('facilities', [['id', 'country', 'facilityType'], ['zm-lusaka', 'ZM', 'prison']]);
  heap.left = 0;
  const needed = (bytes: Uint8Array): Promise<number> => readXlsx(bytes).then(({ issues }) => (issues[0]!.params as { neededBytes: number }).neededBytes);
  const [largeNeeds, smallNeeds] = await Promise.all([needed(large), needed(small)]);
  expect(smallNeeds).toBeLessThan(largeNeeds / 4);
  // The large one is weighed with room for it and half as much again; then its read takes half of that.
  heap.left = Math.floor(largeNeeds * 1.5);
  const weighed = new Promise<void>((resolve) => (heap.asked = resolve));
  const first = readXlsx(large);
  await weighed;
  heap.left = Math.floor(largeNeeds * 0.75);
  const second = await readXlsx(small);
  expect(second.issues).toEqual([]);
  expect(second.tables.map(({ sheet }) => sheet)).toEqual(['facilities']);
  expect((await first).issues.map((issue) => issue.code)).not.toContain('file.too-large-for-memory');
  // Once both are read, the heap left is what a read is weighed against again.
  heap.left = smallNeeds - 1;
  expect((await readXlsx(small)).issues.map((issue) => issue.code)).toEqual(['file.too-large-for-memory']);
});
