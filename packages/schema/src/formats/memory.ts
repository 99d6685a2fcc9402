/** Chromium's figures of a page's heap (`performance.memory`, not standard; absent in workers and other browsers). */
interface HeapFigures {
  jsHeapSizeLimit: number;
  usedJSHeapSize: number;
}

/**
 * The memory this program has left to read a workbook, a CSV file or a `.phx.json` file whole in, as `maxReadMemory`
 * of `readXlsxAsync()` and the file validators take it, and their default where none is given: in Node (and runtimes
 * that offer its `v8` module), the heap V8 has left (`heap_size_limit` less `used_heap_size` of
 * `v8.getHeapStatistics()`); in a Chromium page, its heap's limit less what it uses (`performance.memory`, which a
 * worker lacks: a page that reads files in one gives it this figure); elsewhere no limit is known (`Infinity`).
 *
 * @example
 * ```ts
 * import { memoryAtHand, readXlsxAsync } from '@phx/schema';
 *
 * const workbooks: Uint8Array[] = [bytes];
 * // Taken once, before the first workbook, so that what earlier ones left (garbage V8 collects when it needs the
 * // space) does not count.
 * const maxReadMemory = memoryAtHand();
 * for (const workbook of workbooks) {
 *   const { issues } = await readXlsxAsync(workbook, { maxReadMemory });
 *   if (issues.some((found) => found.code === 'file.too-large-for-memory')) console.log('not read: too large');
 * }
 * ```
 */
export function memoryAtHand(): number {
  const v8 = globalThis.process?.getBuiltinModule?.('node:v8');
  if (v8) {
    const { heap_size_limit, used_heap_size } = v8.getHeapStatistics();
    return heap_size_limit - used_heap_size;
  }
  const page = (globalThis.performance as { memory?: HeapFigures } | undefined)?.memory;
  return page ? page.jsHeapSizeLimit - page.usedJSHeapSize : Infinity;
}
