/**
 * Use @phx/client against a local hub: start the hub, create a token, import a package, list with
 * pagination, and handle a conflicting update (412).
 *
 *   npx tsx examples/client-hub.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, isPreconditionFailed, type DataPackage } from '@phx/client';
import { createToken, startHub } from '@phx/server';

const network = new URL('data/network-meeting-2020.phx.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'phx-example-'));
const db = join(dir, 'hub.sqlite');
const member = 'ZM-PACRA-120045'; // Zambia Prisons Reintegration Trust, a member of the network

// 1. A hub on a free port, seeded with the network's data, and a token for one member organisation.
const hub = await startHub({ db, port: 0, seed: [network], webRoot: false });
const { token } = await createToken({ db, organisation: member, role: 'member' });
const client = createClient({ baseUrl: hub.url, token });

// The member's own package: new figures it reports (a member writes only its own records).
const pkg: DataPackage = {
  phxVersion: '1.0',
  id: 'zprt-2021-q1',
  publisher: { id: member, name: 'Zambia Prisons Reintegration Trust' },
  license: 'CC-BY-4.0',
  publishedAt: '2021-04-15T09:00:00+02:00',
  observations: [
    {
      id: 'zprt-2021-q1-tested',
      indicator: 'prisons-people-tested-for-hiv',
      reportingOrganisation: member,
      scope: { country: 'ZM' },
      period: { start: '2021-01-01', end: '2021-03-31' },
      numerator: 640,
      value: 640,
      unit: 'count',
      dataSource: 'routine-programme-data',
    },
  ],
};

try {
  // 2. Import the whole package: all or nothing, safely retried with one idempotency key.
  const summary = await client.packages.import(pkg);
  console.log(`imported: ${summary.created} new record(s)`);

  // 3. One page, then every observation of Zambia, page by page (four at a time), as one async iterator.
  const first = await client.observations.page({ country: 'ZM', limit: 4 });
  console.log(`a page of ${first.data.length}, more: ${first.next !== null}`);
  let zambia = 0;
  for await (const observation of client.observations.list({ country: 'ZM', limit: 4 })) {
    zambia++;
    if (zambia === 1) console.log(`first: ${observation.id} (${observation.indicator})`);
  }
  console.log(`${zambia} observations for ZM`);

  // 4. Two writers, one record: the second update carries a stale ETag and gets a 412.
  const firstId = pkg.observations![0]!.id;
  const { etag } = await client.observations.get(firstId);
  await client.observations.update(firstId, { notes: 'Checked against the 2020 annual report.' }, { ifMatch: etag });
  try {
    await client.observations.update(firstId, { notes: 'An edit made from an old copy.' }, { ifMatch: etag });
  } catch (error) {
    if (!isPreconditionFailed(error)) throw error;
    const fresh = await client.observations.get(firstId);
    console.log(`412: the record changed meanwhile; its notes now read "${fresh.data.notes}"`);
  }
} finally {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
}
