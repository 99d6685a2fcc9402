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
  /**
   * Imports a package that has a warning with an Idempotency-Key, keeps its answer as `kept` gives it of the answer
   * given (an earlier hub's form), and replays it: the answer given first, and the replay.
   */
  async function replayKept(key: string, kept: (summary: ImportSummary) => object): Promise<{ first: ImportSummary; replayed: unknown }> {
    const pkg = observationPackage(ORG_A, 3, { prefix: key });
    pkg.observations![0]!.notes = 'Петренко І.М., 14.03.1987 р.н.';
    const headers = { 'Idempotency-Key': key };
    const answer = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg, headers);
    expect(answer.status).toBe(200);
    const first = (await answer.json()) as ImportSummary;
    const file = new Database(hub.db);
    try {
      expect(file.prepare('UPDATE idempotency SET body = ? WHERE idempotency_key = ?').run(JSON.stringify(kept(first)), key).changes).toBe(1);
    } finally {
      file.close();
    }
    const replay = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg, headers);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const replayed: unknown = await replay.json();
    expect(ImportSummary.safeParse(replayed).error?.issues ?? []).toEqual([]);
    return { first, replayed };
  }

  it('answered before `unchanged` was counted has unchanged: 0, and lists no warnings, as the contract has it', async () => {
    const { first, replayed } = await replayKept('import-kept-before-unchanged', ({ package: id, created, updated, records }) => ({ package: id, created, updated, records }));
    expect(first).toMatchObject({ unchanged: 0, warnings: 1 });
    expect(replayed).toEqual({ ...first, unchanged: 0, issues: [], warnings: 0, truncated: false });
  });

  it('answered before the hub reported warnings lists none, as the contract has it', async () => {
    const { first, replayed } = await replayKept('import-kept-before-warnings', ({ issues: _issues, warnings: _warnings, truncated: _truncated, ...counts }) => counts);
    expect(first.issues.map((issue) => issue.code)).toEqual(['privacy.personal-data']);
    expect(replayed).toEqual({ ...first, issues: [], warnings: 0, truncated: false });
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
