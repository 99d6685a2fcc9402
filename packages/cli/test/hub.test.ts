import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, observation, phx, phxInProcess, tempDir, validPackage } from './helpers.js';

const dir = tempDir();

interface Hub {
  lines: string[];
  stop: () => Promise<{ code: number | null; output: string }>;
}

/** Starts `phx serve` and waits for the lines it prints once it listens, from `PHX hub listening on` on. */
function serve(args: string[]): Promise<Hub> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { env: { PATH: process.env.PATH, LANG: 'C' } });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // What it prints of its seeds comes before.
      const lines = output.split('\n').filter(Boolean);
      const listening = lines.findIndex((line) => line.startsWith('PHX hub listening on '));
      const wanted = args.includes('--demo') ? 4 : 3;
      if (listening >= 0 && lines.length - listening >= wanted) {
        resolve({
          lines: lines.slice(listening),
          stop: async () => {
            child.kill('SIGTERM');
            return { code: await exited, output };
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited.then((code) => reject(new Error(`phx serve exited (${code}): ${output}`)), reject);
  });
}

describe('phx serve and phx token with @phx/server installed', () => {
  // One hub, started once, for the tests that need a running hub without a seed: a start costs seconds on a loaded machine.
  const sharedDb = dir.path('shared.sqlite');
  const corsOrigins = ['https://dashboard.example.org', 'http://localhost:5173'];
  let sharedHub: Hub;
  let sharedUrl: string;
  beforeAll(async () => {
    sharedHub = await serve(['--db', sharedDb, '--port', '0', '--host', '127.0.0.1', ...corsOrigins.flatMap((origin) => ['--cors-origin', origin]), '--public-url', 'https://hub.example.org']);
    sharedUrl = /(http:\/\/\S+)$/.exec(sharedHub.lines[0]!)![1]!;
  });
  afterAll(async () => {
    expect((await sharedHub.stop()).code).toBe(0);
  });

  it('serves the seed over HTTP, prints the URL and a demo token, and stops on SIGTERM', async () => {
    const seed = dir.write('seed.phx.json', JSON.stringify(validPackage()));
    const hub = await serve(['--db', dir.path('demo.sqlite'), '--port', '0', '--seed', seed, '--demo']);
    const url = /^PHX hub listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(hub.lines[0]!)?.[1];
    const token = /^demo token \(secretariat of ZA-NPO-123-456\): (\S+)$/.exec(hub.lines[3]!)?.[1];
    expect(url).toBeDefined();
    expect(token).toBeDefined();
    expect(hub.lines[1]).toBe(`  validator page: ${url}/`);
    expect(await (await fetch(`${url}/`)).text()).toContain('PHX data validator');
    const response = await fetch(`${url}/v1/observations`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: { id: string }[]; items?: { id: string }[] };
    expect(JSON.stringify(body)).toContain('obs-2');
    const stopped = await hub.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.output).not.toMatch(/^\s+at /m);
  });

  it('creates a token that the hub accepts, printed once', async () => {
    const created = await phxInProcess(['token', 'create', '--org', 'ZA-NPO-123-456', '--role', 'member', '--new-org', '--db', sharedDb]);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^\S{16,}$/);
    expect(created.stdout).toBe(`${token}\n`);
    expect((await fetch(`${sharedUrl}/v1/organisations`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${sharedUrl}/v1/organisations`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('lists tokens with their label, expiry and last use, and revokes one', async () => {
    const token = (await phxInProcess(['token', 'create', '--org', 'ZA-NPO-123-456', '--role', 'member', '--label', 'monthly upload', '--expires', '2999-12-31', '--new-org', '--db', sharedDb])).stdout.trim();
    await phxInProcess(['token', 'create', '--org', 'GB-CHC-1234567', '--role', 'reader', '--new-org', '--db', sharedDb]);
    expect((await fetch(`${sharedUrl}/v1/organisations`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);

    const listed = await phxInProcess(['token', 'list', '--db', sharedDb]);
    expect(listed.code).toBe(0);
    const [header, ...rows] = listed.stdout.trim().split('\n');
    expect(header).toMatch(/^id\s+organisation\s+role\s+label\s+expires\s+last used\s+status$/);
    expect(listed.stdout).not.toContain(token.slice(4));
    // The hub's other tokens are of other tests; this one is told by its label.
    const mine = rows.find((row) => row.includes('monthly upload'))!;
    expect(mine).toContain('ZA-NPO-123-456');
    expect(mine).toMatch(/member\s+monthly upload\s+2999-12-31T00:00:00.000Z\s+\d{4}-\d\d-\d\dT\S+\s+active$/);
    expect(rows.find((row) => row.includes('GB-CHC-1234567'))).toMatch(/reader\s+never\s+never\s+active$/);

    const id = mine.split(/\s+/)[0]!;
    expect(await phxInProcess(['token', 'revoke', id, '--db', sharedDb])).toMatchObject({ code: 0, stderr: `revoked the token ${id}\n` });
    expect((await fetch(`${sharedUrl}/v1/organisations`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(await phxInProcess(['token', 'revoke', id, '--db', sharedDb])).toMatchObject({ code: 2, stderr: expect.stringContaining(`no active token has the id ${id}`) });
    expect((await phxInProcess(['token', 'list', '--db', sharedDb])).stdout).toMatch(/revoked \d{4}-/);
  });

  it('says which seed packages it skipped and why', async () => {
    const seed = dir.write('seed-twice.phx.json', JSON.stringify(validPackage()));
    const db = dir.path('seeded.sqlite');
    await (await serve(['--db', db, '--port', '0', '--seed', seed])).stop();
    const again = await serve(['--db', db, '--port', '0', '--seed', seed]);
    const { output } = await again.stop();
    expect(output).toContain(`phx: skipped the seed ${seed}`);
    expect(output).toContain('imported already');
  });

  it('prints the warnings of the seeds it imports as phx validate prints them', async () => {
    const pkg = validPackage() as { observations: { notes?: string }[] };
    pkg.observations[1]!.notes = 'Петренко І.М., 14.03.1987 р.н.';
    const warned = dir.write('warned-seed.phx.json', JSON.stringify(pkg));
    const clean = dir.write('clean-seed.phx.json', JSON.stringify({ ...validPackage(), id: 'pkg-clean', observations: [] }));
    const hub = await serve(['--db', dir.path('warned-seed.sqlite'), '--port', '0', '--seed', warned, '--seed', clean]);
    const { code, output } = await hub.stop();
    expect(code).toBe(0);
    const printed = output.slice(0, output.indexOf('PHX hub listening on '));
    expect(printed.split('\n')).toEqual([
      warned,
      '  /observations/1',
      `    ${warned}  warning  privacy.personal-data /observations/1/notes  This text looks like it contains a date of birth; do not share personal data`,
      '',
      '✔ 2 files valid, 6 records, 1 warning',
      '',
    ]);
    // A seed without warnings prints nothing of them.
    const quiet = await serve(['--db', dir.path('clean-seed.sqlite'), '--port', '0', '--seed', clean]);
    expect((await quiet.stop()).output).toMatch(/^PHX hub listening on /);
  });

  it('exports DHIS2 files with a mapping it was given by name, and refuses a mapping its schema refuses', async () => {
    const mapping = {
      idScheme: 'code', dataSet: 'MOH_GAM_PRISONS', countryCodesAsOrgUnits: true,
      dataElements: [{ indicator: 'prisons-people-on-oat', dataElement: 'MOH_OAT', categoryOptionCombos: [{ disaggregation: {}, categoryOptionCombo: 'default' }] }],
    };
    const file = dir.write('moh.json', JSON.stringify(mapping));
    // Observations of opioid agonist therapy in countries (Ukraine's, Kyrgyzstan's), which both mappings have a place for.
    const seed = join(import.meta.dirname, '../../../examples/data/network-meeting-2020.phx.json');
    const hub = await serve(['--db', dir.path('mapped.sqlite'), '--port', '0', '--dhis2-mapping', `moh=${file}`, '--demo', '--seed', seed]);
    const url = /(http:\/\/\S+)$/.exec(hub.lines[0]!)?.[1];
    const token = /^demo token \(secretariat of \S+\): (\S+)$/.exec(hub.lines[3]!)?.[1];
    const exported = async (query: string) => (await fetch(`${url}/v1/export?${query}`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(await exported('format=dhis2&mapping=moh')).toMatchObject({ dataSet: 'MOH_GAM_PRISONS', dataValues: [{ dataElement: 'MOH_OAT', orgUnit: 'KG' }, { dataElement: 'MOH_OAT', orgUnit: 'UA' }] });
    expect(await exported('format=dhis2')).toMatchObject({ idScheme: 'code', dataValues: expect.arrayContaining([expect.objectContaining({ orgUnit: 'UA' })]) });
    expect(await exported('format=dhis2')).not.toHaveProperty('dataSet');
    await hub.stop();
    const bad = dir.write('bad.json', JSON.stringify({ ...mapping, idScheme: 'uid' }));
    const refused = phx(['serve', '--db', dir.path('refused.sqlite'), '--port', '0', '--dhis2-mapping', `moh=${bad}`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('The DHIS2 mapping "moh" is not valid');
    expect(existsSync(dir.path('refused.sqlite'))).toBe(false);
    expect(refused.stderr).not.toMatch(/^\s+at /m);
  });

  it('lets the web pages of each --cors-origin call the hub, and refuses one that is not an origin', async () => {
    for (const origin of corsOrigins) {
      const preflight = await fetch(`${sharedUrl}/v1/observations`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const other = await fetch(`${sharedUrl}/v1/observations`, { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example.org', 'Access-Control-Request-Method': 'GET' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const refused = phx(['serve', '--db', dir.path('cors-refused.sqlite'), '--port', '0', '--cors-origin', 'https://dashboard.example.org/']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"https://dashboard.example.org/" is not an origin');
    expect(existsSync(dir.path('cors-refused.sqlite'))).toBe(false);
  });

  it('names the hub by --public-url in the documents it serves, and refuses one that is no http(s) URL alone', async () => {
    const document = (await (await fetch(`${sharedUrl}/v1/openapi.json`, { headers: { 'X-Forwarded-Proto': 'http' } })).json()) as { servers: { url: string }[] };
    expect(document.servers.map(({ url }) => url)).toEqual(['https://hub.example.org']);
    const schema = (await (await fetch(`${sharedUrl}/schemas/v1/DataPackage.schema.json`)).json()) as { $id: string };
    expect(schema.$id).toBe('https://hub.example.org/schemas/v1/DataPackage.schema.json');
    const refusals: [string, string][] = [
      ['hub.example.org', 'The public URL "hub.example.org" is not an http or https URL'],
      ['ftp://hub.example.org', 'The public URL "ftp://hub.example.org" is not an http or https URL'],
      ['https://hub.example.org/?hub=1', 'The public URL "https://hub.example.org/?hub=1" has a query'],
    ];
    for (const [value, said] of refusals) {
      const refused = phx(['serve', '--db', dir.path('public-url-refused.sqlite'), '--port', '0', '--public-url', value]);
      expect(refused, value).toMatchObject({ code: 2, stderr: expect.stringContaining(said) });
    }
  });

  it('answers 408 to a request that has not arrived within --request-timeout seconds', async () => {
    const hub = await serve(['--db', dir.path('timeout.sqlite'), '--port', '0', '--request-timeout', '1']);
    const { hostname, port } = new URL(/(http:\/\/\S+)$/.exec(hub.lines[0]!)![1]!);
    const started = Date.now();
    // Half of a request's headers, then nothing.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write(`POST /v1/validate HTTP/1.1\r\nHost: ${hostname}\r\nContent-Ty`));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });
    const waited = Date.now() - started;
    await hub.stop();
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('problems/request-timeout');
    // One second, not the five minutes of the default.
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(15_000);
    expect(phx(['serve', '--request-timeout', '0'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--request-timeout must be a whole number') });
  });

  it('reports a port in use as a usage error', () => {
    expect(sharedHub.lines[0]).toMatch(/^PHX hub listening on http:\/\/127\.0\.0\.1:\d+$/);
    const port = /:(\d+)$/.exec(sharedHub.lines[0]!)![1]!;
    const second = phx(['serve', '--db', dir.path('busy2.sqlite'), '--port', port]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`port ${port} is in use`);
    // The database that start made is removed; one that existed before it is kept.
    expect(existsSync(dir.path('busy2.sqlite'))).toBe(false);
    expect(phx(['serve', '--db', sharedDb, '--port', port]).code).toBe(2);
    expect(existsSync(sharedDb)).toBe(true);
  });

  it('checks every validation of the hub with --suppression-threshold: a count of 7 is a small cell under 10, and its seed is refused', async () => {
    const pkg = validPackage() as { id: string; observations: Record<string, unknown>[] };
    pkg.observations = [observation('seven', { indicator: 'prisons-people-on-oat', unit: 'count', numerator: undefined, denominator: undefined, value: 7, scope: { country: 'ZA' } })];
    const seed = dir.write('seven.phx.json', JSON.stringify(pkg));
    const validated = async (args: string[]) => {
      const hub = await serve(['--db', dir.path(`seven${args.join('')}.sqlite`), '--port', '0', '--demo', ...args]);
      try {
        const url = /(http:\/\/\S+)$/.exec(hub.lines[0]!)![1]!;
        const token = /^demo token \(secretariat of \S+\): (\S+)$/.exec(hub.lines[3]!)![1]!;
        const response = await fetch(`${url}/v1/validate`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(pkg) });
        return (await response.json()) as { ok: boolean; issues: { code: string; params: { threshold?: number } }[] };
      } finally {
        await hub.stop();
      }
    };
    expect(await validated([])).toMatchObject({ ok: true, issues: [] });
    expect(await validated(['--suppression-threshold', '10'])).toMatchObject({ ok: false, issues: [{ code: 'privacy.small-cell', params: { threshold: 10 } }] });
    const refused = phx(['serve', '--db', dir.path('seven-seed.sqlite'), '--port', '0', '--seed', seed, '--suppression-threshold', '10']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/privacy\.small-cell .*Value 7 is below the suppression threshold 10/);
    expect(existsSync(dir.path('seven-seed.sqlite'))).toBe(false);
  });

  it('prints the issues of a seed the hub refuses as phx validate does, exit code 1, and leaves no database', () => {
    const seed = dir.write('invalid-seed.phx.json', JSON.stringify({ ...validPackage(), phxVersion: '9' }));
    const db = dir.path('invalid-seed.sqlite');
    const refused = phx(['serve', '--db', db, '--port', '0', '--seed', seed]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(seed);
    expect(refused.stdout).toMatch(/error.*\/phxVersion/);
    expect(refused.stderr).toContain(`phx serve: ${seed} is not a valid package; fix its errors (phx validate ${seed})`);
    expect(refused.stdout + refused.stderr).not.toContain('PHX hub listening');
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a seed that is missing or a CSV, and a directory as the database, with the usual errors', () => {
    const db = dir.path('no-seed.sqlite');
    const missing = dir.path('missing.phx.json');
    expect(phx(['serve', '--db', db, '--port', '0', '--seed', missing])).toMatchObject({ code: 2, stderr: `phx: ${missing}: no such file\n` });
    const csv = dir.write('observations.csv', '\uFEFFid,indicator\nobs-1,hiv-prevalence-prisoners\n');
    const table = phx(['serve', '--db', db, '--port', '0', '--seed', csv]);
    expect(table).toMatchObject({ code: 2, stderr: expect.stringContaining(`${csv}: phx serve reads a whole package`) });
    expect(table.stderr).not.toContain('\uFEFF');
    expect(existsSync(db)).toBe(false);
    const folder = dir.path('hub-folder');
    mkdirSync(folder);
    for (const args of [['serve', '--port', '0'], ['token', 'list']]) {
      expect(phx([...args, '--db', folder]), args[0]).toMatchObject({ code: 2, stderr: expect.stringContaining(`${folder}: is a directory, not a file`) });
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it('replaces the demo token of an earlier start: labelled demo, the earlier one revoked', async () => {
    const db = dir.path('demo-twice.sqlite');
    const tokens: string[] = [];
    for (let start = 0; start < 2; start++) {
      const hub = await serve(['--db', db, '--port', '0', '--demo']);
      tokens.push(/^demo token \(secretariat of PHX-ORG-SECRETARIAT\): (\S+)$/.exec(hub.lines[3]!)![1]!);
      await hub.stop();
    }
    const rows = (await phxInProcess(['token', 'list', '--db', db])).stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/PHX-ORG-SECRETARIAT\s+secretariat\s+demo\s+never\s+never\s+revoked \d{4}-/);
    expect(rows[1]).toMatch(/PHX-ORG-SECRETARIAT\s+secretariat\s+demo\s+never\s+never\s+active$/);
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it('refuses a token for an organisation the hub does not know, naming the nearest it knows', async () => {
    const db = dir.path('known.sqlite');
    const seed = dir.write('known-seed.phx.json', JSON.stringify(validPackage()));
    await (await serve(['--db', db, '--port', '0', '--seed', seed])).stop();
    const known = (validPackage().organisations as { id: string }[])[0]!.id;
    const typo = `${known.slice(0, -2)}${known.slice(-1)}${known.slice(-2, -1)}`;
    const refused = await phxInProcess(['token', 'create', '--org', typo, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`The hub knows no organisation "${typo}": did you mean "${known}"?`);
    expect((await phxInProcess(['token', 'create', '--org', known, '--db', db])).code).toBe(0);
    expect((await phxInProcess(['token', 'create', '--org', typo, '--new-org', '--db', db])).code).toBe(0);
    const emptyHub = dir.path('empty.sqlite');
    await (await serve(['--db', emptyHub, '--port', '0'])).stop();
    const empty = await phxInProcess(['token', 'create', '--org', known, '--db', emptyHub]);
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringContaining(`The hub knows no organisation "${known}": it holds no organisation yet.`) });
  });

  it('refuses, in every token command, a SQLite file that does not exist, and makes none', async () => {
    const typo = dir.path('typo-hub.sqlite');
    for (const args of [['list'], ['create', '--org', 'ZA-NPO-123-456', '--new-org'], ['revoke', 'an-id']]) {
      const refused = await phxInProcess(['token', ...args, '--db', typo]);
      expect(refused, args[0]).toMatchObject({ code: 2, stdout: '' });
      expect(refused.stderr).toContain(`${typo}: no hub database`);
      expect(refused.stderr).toContain('`phx serve` makes one');
    }
    expect(existsSync(typo)).toBe(false);
    // Without --db, in a folder that holds no hub: ./phx.sqlite is neither found nor made.
    const elsewhere = dir.path('no-hub-here');
    mkdirSync(elsewhere);
    expect(phx(['token', 'list'], { cwd: elsewhere })).toMatchObject({ code: 2, stderr: expect.stringContaining('./phx.sqlite: no hub database') });
    expect(phx(['token', 'list', '--db', typo], { env: { LANG: 'uk_UA.UTF-8' } }).stderr).toContain(`${typo}: немає бази даних хаба`);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('checks its arguments', async () => {
    // In this process: ten starts of the bin would only add their seconds to the same checks.
    expect(await phxInProcess(['token', 'create', '--role', 'member'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--org <id>') });
    expect(await phxInProcess(['token', 'create', '--org', 'ZA-NPO-1', '--role', 'admin'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--role must be one of member, secretariat, reader') });
    expect(await phxInProcess(['token', 'rename'])).toMatchObject({ code: 2, stderr: expect.stringContaining('phx token create') });
    expect(await phxInProcess(['token', 'create', '--org', 'ZA-NPO-1', '--expires', 'soon', '--db', dir.path('x.sqlite')])).toMatchObject({ code: 2, stderr: expect.stringContaining('not a date') });
    // A day the calendar does not have is refused, not moved on to the next month.
    for (const day of ['2027-02-30', '2999-02-29', '2999-04-31T12:00:00Z', '2999-13-01']) {
      expect(await phxInProcess(['token', 'create', '--org', 'ZA-NPO-1', '--new-org', '--expires', day, '--db', dir.path('x.sqlite')]), day).toMatchObject({ code: 2, stderr: expect.stringContaining('not a date') });
    }
    expect(await phxInProcess(['serve', '--port', 'eighty'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--port must be a whole number') });
    expect(await phxInProcess(['serve', '--dhis2-mapping', 'moh.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--dhis2-mapping takes <name>=<file>; got "moh.json"') });
  });
});

describe('phx serve and phx token without @phx/server', () => {
  it.each([
    [['serve', '--port', '0']],
    [['token', 'create', '--org', 'ZA-NPO-123-456', '--role', 'member']],
  ])('phx %s says how to install the hub, with exit code 2', (args) => {
    const run = phx(args, { env: { PHX_SERVER_MODULE: '@phx/server-not-installed' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('phx: the hub is not installed: phx serve and phx token need @phx/server');
    expect(run.stderr).toContain('npm install @phx/server');
  });
});
