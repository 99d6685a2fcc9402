import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../src/io/progress.js';

/** A terminal stand-in that records what is written to it. */
function terminal(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream & { written: string[] };
}

describe('progress on standard error', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('appears on a terminal once a file takes more than a second, and is cleared at the end', () => {
    const stream = terminal(true);
    const progress = new Progress('big.phx.ndjson', 200 * 1_048_576, stream);
    progress.advance(50 * 1_048_576);
    vi.advanceTimersByTime(750);
    expect(stream.written).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(stream.written.at(-1)).toBe('\r\u001b[2Kbig.phx.ndjson: 25% 50 MB of 200 MB');
    progress.stop();
    expect(stream.written.at(-1)).toBe('\r\u001b[2K');
  });

  it('shows bytes only when the size is unknown (standard input)', () => {
    const stream = terminal(true);
    const progress = new Progress('<stdin>', undefined, stream);
    progress.advance(3 * 1_048_576);
    vi.advanceTimersByTime(1500);
    expect(stream.written.at(-1)).toBe('\r\u001b[2K<stdin>: 3.0 MB');
    progress.stop();
  });

  it('writes nothing when standard error is not a terminal, or a quick file ends first', () => {
    const pipe = terminal(false);
    const piped = new Progress('big.phx.ndjson', 100, pipe);
    vi.advanceTimersByTime(5000);
    piped.stop();
    expect(pipe.written).toEqual([]);
    const tty = terminal(true);
    const quick = new Progress('small.phx.json', 100, tty);
    vi.advanceTimersByTime(200);
    quick.stop();
    expect(tty.written).toEqual([]);
  });
});
