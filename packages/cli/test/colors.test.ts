import { afterEach, describe, expect, it, vi } from 'vitest';
import { processContext, stderrColor } from '../src/commands/context.js';

/** Makes both standard streams look like terminals, or not, for one test. */
function terminals(isTTY: boolean): void {
  for (const stream of [process.stdout, process.stderr]) {
    const before = Object.getOwnPropertyDescriptor(stream, 'isTTY');
    Object.defineProperty(stream, 'isTTY', { value: isTTY, configurable: true, writable: true });
    restore.push(() => (before ? Object.defineProperty(stream, 'isTTY', before) : delete (stream as { isTTY?: boolean }).isTTY));
  }
}
const restore: (() => unknown)[] = [];

afterEach(() => {
  vi.unstubAllEnvs();
  for (const undo of restore.splice(0)) undo();
});

describe('colours of standard output and standard error', () => {
  it.each([
    ['a terminal', true, {}, true],
    ['a pipe', false, {}, false],
    ['a terminal with NO_COLOR', true, { NO_COLOR: '' }, false],
    ['a terminal with TERM=dumb', true, { TERM: 'dumb' }, false],
    ['a terminal with TERM=xterm-256color', true, { TERM: 'xterm-256color' }, true],
  ])('%s: both streams decide alike', (_, isTTY, env: Record<string, string>, expected) => {
    terminals(isTTY);
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('TERM', 'xterm');
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    expect(processContext('0.0.0-test').color).toBe(expected);
    expect(stderrColor()).toBe(expected);
  });
});
