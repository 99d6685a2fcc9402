/**
 * The hub's resident memory stays under 300 MB while a hostile client sends the largest requests its
 * limits accept to POST /v1/validate and POST /v1/packages: bodies of empty records up to the body limit,
 * many tiny invalid records up to the record limit (as JSON, NDJSON and CSV), a workbook that would unpack
 * to 1 GiB, and a valid package as large as an import may be.
 * The hub runs in its own process; its peak is read from /proc (VmHWM), which no sampling can miss.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { observationPackage, ORG_A } from '../fixtures/data.js';
import { hubProcessOfFile } from '../fixtures/hub.js';
import { zipBomb } from '../fixtures/zip-bomb.js';

/** The ceiling the hub's resident memory must stay under. */
const CEILING = 300 * 1024 * 1024;
// Limits scaled down from the defaults (128 MiB, 200 000 records) to keep the test quick. The empty records
// of a body this size would take the hub to twice the ceiling (about 630 MB) if it parsed them.
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MAX_RECORDS = 5_000;

const hub = hubProcessOfFile(['--max-body-bytes', String(MAX_BODY_BYTES), '--max-import-records', String(MAX_RECORDS)]);

/** The peak resident memory of the hub's process so far, in bytes. */
function peakMemory(): number {
  const status = readFileSync(`/proc/${hub.child.pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)![1]) * 1024;
}

async function post(path: string, body: string | Uint8Array<ArrayBuffer>, contentType = 'application/json'): Promise<{ status: number; answer: Record<string, unknown> }> {
  const response = await fetch(hub.url + path, { method: 'POST', headers: { Authorization: `Bearer ${hub.token}`, 'Content-Type': contentType }, body });
  return { status: response.status, answer: (await response.json()) as Record<string, unknown> };
}

/** `{"observations":[…]}` of `count` copies of a record's JSON, and the body's size stays within the limit. */
function packageOf(record: string, count: number): string {
  const body = `{"observations":[${Array(count).fill(record).join(',')}]}`;
  expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
  return body;
}

describe('the hub under hostile requests', () => {
  it('stays under 300 MB', async () => {
    // As many empty records as the body limit holds: refused on their count, before they are parsed.
    const empties = packageOf('{}', Math.floor((MAX_BODY_BYTES - 20) / 3));
    for (const path of ['/v1/validate', '/v1/packages']) expect((await post(path, empties)).status).toBe(413);

    // As many tiny invalid records as the record limit allows: their issues are listed up to the limit.
    const tiny = packageOf('{}', MAX_RECORDS);
    const validated = await post('/v1/validate', tiny);
    expect(validated).toMatchObject({ status: 200, answer: { ok: false, truncated: true } });
    expect((validated.answer.issues as unknown[]).length).toBe(1000);
    const imported = await post('/v1/packages', tiny);
    expect(imported).toMatchObject({ status: 422, answer: { truncated: true } });
    expect((imported.answer.issues as unknown[]).length).toBe(1000);

    // As many invalid records as the limit allows, each as large as the body limit then lets it be.
    const padded = packageOf(`{"id":1,"notes":"${'x'.repeat(Math.floor(MAX_BODY_BYTES / MAX_RECORDS) - 30)}"}`, MAX_RECORDS);
    expect((await post('/v1/validate', padded)).status).toBe(200);
    expect((await post('/v1/packages', padded)).status).toBe(422);

    // NDJSON and CSV files: refused on their count beyond the record limit, their issues listed up to it (a row's
    // missing columns are said once at the header: its numerator, no number, gives each row an issue of its own).
    const files = { 'records.phx.ndjson': (n: number) => '{"type":"observation"}\n'.repeat(n), 'records.csv': (n: number) => `id,numerator\n${'x,"a\nb"\n'.repeat(n)}` };
    for (const [name, file] of Object.entries(files)) {
      expect((await post(`/v1/validate?name=${name}`, file(MAX_RECORDS + 1), 'application/octet-stream')).status).toBe(413);
      expect(await post(`/v1/validate?name=${name}`, file(MAX_RECORDS), 'application/octet-stream')).toMatchObject({ status: 200, answer: { ok: false, truncated: true } });
    }

    // A workbook of a few hundred kilobytes that would unpack to 1 GiB: refused without being unpacked.
    const bomb = await zipBomb(1024 * 1024 * 1024);
    expect(bomb.length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(await post('/v1/validate?name=budget.xlsx', bomb, 'application/octet-stream')).toMatchObject({ status: 413, answer: { detail: expect.stringMatching(/unpacks to more than/) } });

    // The largest valid package an import takes is stored.
    const valid = JSON.stringify(observationPackage(ORG_A, MAX_RECORDS - 1));
    expect(Buffer.byteLength(valid)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect((await post('/v1/validate', valid)).answer).toMatchObject({ ok: true });
    expect((await post('/v1/packages', valid)).status).toBe(200);

    const peak = peakMemory();
    console.log(`peak resident memory of the hub: ${(peak / 1024 / 1024).toFixed(0)} MB`);
    expect(peak).toBeLessThan(CEILING);
  });
});
