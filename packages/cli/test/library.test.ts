import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes, runPhx, type Context } from '../src/index.js';

const examples = join(import.meta.dirname, '../../../examples/data');

/** A context that keeps what phx prints. */
function capture(): Context & { out: string; notes: string[] } {
  return {
    out: '',
    notes: [],
    version: '0.0.0-test',
    color: false,
    print(text) {
      this.out += text;
      return exitCodes.ok;
    },
    note(text) {
      this.notes.push(text);
    },
  };
}

describe('runPhx (phx in-process)', () => {
  it('returns 0 for a valid package and prints the report to the context', async () => {
    const context = capture();
    expect(await runPhx(['validate', join(examples, 'network-meeting-2020.phx.json'), '--format', 'json'], context)).toBe(exitCodes.ok);
    expect(JSON.parse(context.out)).toMatchObject({ ok: true, errors: 0 });
  });

  it('returns 1 for invalid data, with the issues as data', async () => {
    const context = capture();
    const code = await runPhx(['validate', join(examples, 'invalid/ref.unknown-facility.phx.json'), '--format', 'json'], context);
    expect(code).toBe(exitCodes.invalid);
    const report = JSON.parse(context.out) as { files: { issues: { code: string }[] }[] };
    expect(report.files[0]!.issues.map((issue) => issue.code)).toContain('ref.unknown-facility');
  });

  it('returns 1 for a key written twice in a record, on a line of NDJSON and in a .phx.json file read piece by piece or whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phx-keys-'));
    const json = join(dir, 'twice.phx.json');
    const text = readFileSync(join(examples, 'network-meeting-2020.phx.json'), 'utf8');
    writeFileSync(json, text.replace('"value": 28.7', '"value": 12, "value": 28.7'));
    for (const [file, jobs] of [[join(examples, 'invalid/syntax.duplicate-key.phx.ndjson'), []], [join(examples, 'invalid/syntax.duplicate-key.phx.ndjson'), ['--jobs', '2']], [json, []]] as const) {
      const context = capture();
      expect(await runPhx(['validate', file, '--format', 'json', ...jobs], context)).toBe(exitCodes.invalid);
      const report = JSON.parse(context.out) as { files: { issues: { code: string; pointer: string }[] }[] };
      expect(report.files[0]!.issues.filter((issue) => issue.code === 'syntax.duplicate-key').map((issue) => issue.pointer)).toEqual([file === json ? '/observations/0/value' : '/value']);
    }
  });

  it('prints the version it is given', async () => {
    const context = capture();
    expect(await runPhx(['--version'], context)).toBe(exitCodes.ok);
    expect(context.out).toBe('0.0.0-test\n');
  });
});
