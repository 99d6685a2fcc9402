/**
 * Answers kept for an Idempotency-Key are replayed in the form the contract gives now, also those a hub kept
 * before a field was added to them: here in the SQLite file of a real hub.
 */
import Database from 'better-sqlite3';
import { ImportSummary } from '@phx/schema/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observationPackage, ORG_A } from './fixtures/data.js';
import { startTestHub, type TestHub } from './fixtures/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ engine: 'sqlite' });
});
afterAll(() => hub?.close());

describe('a replayed import', () => {
  it('answered before `unchanged` was counted has unchanged: 0, as the contract has it', async () => {
    const pkg = observationPackage(ORG_A, 3);
    const key = { 'Idempotency-Key': 'import-kept-before-unchanged' };
    const first = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg, key);
    expect(first.status).toBe(200);
    const { unchanged, ...kept } = (await first.json()) as ImportSummary;
    expect(unchanged).toBe(0);
    // The answer as a hub before `unchanged` kept it.
    const file = new Database(hub.db);
    try {
      expect(file.prepare('UPDATE idempotency SET body = ? WHERE idempotency_key = ?').run(JSON.stringify(kept), key['Idempotency-Key']).changes).toBe(1);
    } finally {
      file.close();
    }
    const replay = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const summary = await replay.json();
    expect(ImportSummary.safeParse(summary).error?.issues ?? []).toEqual([]);
    expect(summary).toEqual({ ...kept, unchanged: 0 });
  });

  it('answered as the hub answers now is replayed as it was kept', async () => {
    const pkg = observationPackage(ORG_A, 2, { prefix: 'kept-now' });
    const key = { 'Idempotency-Key': 'import-kept-now' };
    const first = await (await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg, key)).text();
    const replay = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(first);
  });
});
