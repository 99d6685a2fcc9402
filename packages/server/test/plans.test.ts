/** The list queries use an index for every filter (checked with EXPLAIN), on the engine of the test project. */
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type ListFilter, type RecordWrite } from '../src/index.js';
import { numbered } from '../src/store/postgres.js';
import { breakdownsQuery, listQuery } from '../src/store/store.js';
import { observation } from './fixtures/data.js';
import { testDatabase, testEngine } from './fixtures/hub.js';

const organisations = ['ZA-NPO-123-456', 'GB-CHC-1234567', 'UA-EDR-12345678', 'KE-NGO-0042'];
const countries = ['ZA', 'MZ', 'KE', 'UA', 'RU', 'KZ', 'FR', 'ES'];

let db: string;
let remove: () => void;
beforeAll(async () => {
  ({ db, remove } = await testDatabase());
  const store = await openStore(db);
  // 20 000 observations over 15 years, 4 organisations and 8 countries: a write this large refreshes the statistics.
  const writes: RecordWrite[] = Array.from({ length: 20_000 }, (_, i) => {
    const body = observation(`obs-${String(i).padStart(6, '0')}`, organisations[i % 4]!, 100, 2010 + (i % 15));
    body.scope = { country: countries[Math.floor(i / 4) % 8] as typeof body.scope.country, ...(i % 10 === 0 ? { facility: `fac-${i % 300}` } : {}) };
    return { type: 'observation', id: body.id, owner: body.reportingOrganisation, body: body as unknown as Record<string, unknown> };
  });
  await store.transaction((tx) => tx.put(writes));
  await store.close();
});
afterAll(() => remove?.());

/** The plan of the list query of a filter, or of another query, as text. */
async function plan(filter: ListFilter, query = listQuery('observation', filter, undefined, 100)): Promise<string> {
  const { sql, params } = query;
  if (testEngine === 'sqlite') {
    const file = new Database(db, { readonly: true });
    try {
      return (file.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');
    } finally {
      file.close();
    }
  }
  const client = postgres(db, { max: 1 });
  try {
    const rows = await client.unsafe(`EXPLAIN ${numbered(sql)}`, params as string[]);
    return rows.map((row) => row['QUERY PLAN'] as string).join('\n');
  } finally {
    await client.end();
  }
}

const fullScan = testEngine === 'sqlite' ? /\bSCAN records\b/ : /Seq Scan on records/;
const usesIndex = (name: string) => (testEngine === 'sqlite' ? new RegExp(`USING (COVERING )?INDEX ${name}\\b`) : new RegExp(`Index (Only )?Scan.* using ${name}\\b|Bitmap Index Scan on ${name}\\b`));

describe(`list query plans (${testEngine})`, () => {
  it.each<[string, ListFilter]>([
    ['no filter', {}],
    ['indicator', { indicator: 'prisons-people-on-oat' }],
    ['country', { country: 'UA' }],
    ['organisation', { organisation: organisations[1]! }],
    ['facility', { facility: 'fac-7' }],
    ['from', { from: '2015-01-01' }],
    ['to', { to: '2015-12-31' }],
    ['from and to', { from: '2017-01-01', to: '2017-12-31' }],
  ])('reads through an index, never the whole table: %s', async (_, filter) => {
    expect(await plan(filter)).not.toMatch(fullScan);
  });

  it('finds a period that matches few records through the period indexes', async () => {
    expect(await plan({ from: '2031-01-01' })).toMatch(usesIndex('records_by_period_end'));
    expect(await plan({ to: '2009-12-31' })).toMatch(usesIndex('records_by_period_start'));
    expect(await plan({ facility: 'fac-7' })).toMatch(usesIndex('records_by_facility'));
  });

  it('reads the observations of the breakdowns a write touches through their index, one key after another', async () => {
    const keys = [
      ['prisons-people-on-oat', organisations[0]!, 'ZA', '', '2012-01-01', '2012-12-31'],
      ['prisons-people-on-oat', organisations[1]!, 'MZ', 'North', '2013-01-01', '2013-12-31'],
    ];
    const found = await plan({}, { sql: breakdownsQuery(keys.length), params: keys.flat() });
    expect(found).toMatch(usesIndex('records_by_group'));
    expect(found).not.toMatch(fullScan);
  });
});
