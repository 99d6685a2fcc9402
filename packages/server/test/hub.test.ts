import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationResult } from '@phx/schema';
import { PROBLEM_BASE, problemTypes, type ImportSummary } from '@phx/schema/api';
import { createServer } from 'node:net';
import { createToken, DEMO_TOKEN_LABEL, listTokens, revokeToken, SeedRefusedError, startHub } from '../src/index.js';
import { observation, observationPackage, ORG_A } from './fixtures/data.js';
import { startTestHub, testDatabase, testEngine, RATE_WINDOW_MS, withinOneWindow, type TestHub } from './fixtures/hub.js';
import { freshDatabase } from '../../../test/postgres/databases.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'phx-start-'));

/** A package of three observations, the first `count` of which note a date of birth: personal data, a warning. */
function withPersonalData(count: number, prefix: string) {
  const pkg = observationPackage(ORG_A, 3, { prefix });
  for (const record of pkg.observations!.slice(0, count)) record.notes = 'Петренко І.М., 14.03.1987 р.н.';
  return pkg;
}

describe('startHub', () => {
  it('seeds packages once, creates a demo token and serves a web root', async () => {
    const dir = tempDir();
    const seed = join(dir, 'seed.phx.json');
    writeFileSync(seed, JSON.stringify(observationPackage(ORG_A, 5)));
    mkdirSync(join(dir, 'web'));
    writeFileSync(join(dir, 'web', 'index.html'), '<h1>PHX validator</h1>');
    const { db } = await testDatabase();

    for (let start = 0; start < 2; start++) {
      const hub = await startHub({ db, port: 0, seed: [seed], demoToken: true, webRoot: join(dir, 'web') });
      try {
        expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const response = await fetch(`${hub.url}/v1/observations`, { headers: { Authorization: `Bearer ${hub.demoToken}` } });
        expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(5);
        expect(await (await fetch(`${hub.url}/`)).text()).toContain('PHX validator');
      } finally {
        await hub.close();
      }
    }
  });

  it('serves the validator page that ships inside the built package at /, unless told not to', async () => {
    // The page is copied into dist/ by the build (packages/web first), so this checks the package as published.
    const built = (await import('../dist/index.js')) as typeof import('../src/index.js');
    const { db } = await testDatabase();
    const hub = await built.startHub({ db, port: 0 });
    try {
      const page = await fetch(`${hub.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title data-text="app.title">PHX data validator</title>');
    } finally {
      await hub.close();
    }
    const bare = await built.startHub({ db, port: 0, webRoot: false });
    try {
      expect((await fetch(`${bare.url}/`)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('keeps an idle connection open longer than clients and load balancers do, so that they close it first', async () => {
    const { db, remove } = await testDatabase();
    const hub = await startHub({ db, port: 0 });
    try {
      const keepAlive = await new Promise<unknown>((resolve, reject) =>
        get(`${hub.url}/v1/observations`, (response) => {
          response.resume();
          resolve(response.headers['keep-alive']);
        }).on('error', reject),
      );
      expect(keepAlive).toBe('timeout=65');
    } finally {
      await hub.close();
      remove();
    }
  });

  it('refuses an invalid seed package and says which file and why', async () => {
    const dir = tempDir();
    const seed = join(dir, 'bad.phx.json');
    writeFileSync(seed, JSON.stringify({ ...observationPackage(ORG_A, 1), phxVersion: '9' }));
    const { db } = await testDatabase();
    await expect(startHub({ db, port: 0, seed: [seed] })).rejects.toThrow(/bad\.phx\.json: The package has 1 error/);
    await expect(startHub({ db, port: 0, seed: [join(dir, 'missing.json')] })).rejects.toMatchObject({ code: 'ENOENT', path: join(dir, 'missing.json') });
  });

  it('gives the issues of a seed it refuses, as phx validate finds them, in the language asked for', async () => {
    const dir = tempDir();
    const seed = join(dir, 'bad.phx.json');
    writeFileSync(seed, JSON.stringify({ ...observationPackage(ORG_A, 3), phxVersion: '9' }));
    const notJson = join(dir, 'table.phx.json');
    writeFileSync(notJson, '\uFEFFid,indicator\n');
    const { db } = await testDatabase();
    const refused = await startHub({ db, port: 0, seed: [seed], locale: 'fr' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SeedRefusedError);
    expect(refused).toMatchObject({ file: seed, result: { ok: false, errors: 1, issues: [{ code: 'schema.invalid-value', pointer: '/phxVersion' }], read: { records: { observation: 3 } } } });
    expect((refused as SeedRefusedError).result.issues[0]!.message).toBe('Version de PHX : il faut « 1.0 », et non « 9 »');
    const unread = await startHub({ db, port: 0, seed: [notJson] }).catch((error: unknown) => error);
    expect(unread).toMatchObject({ file: notJson, result: { ok: false, issues: [{ code: 'syntax.invalid-json', location: { line: 1, column: 1 } }] } });
  });

  it('gives the warnings of each seed it imports, as phx validate finds them, in the language asked for; none of a seed it skips', async () => {
    const dir = tempDir();
    const seeds = [join(dir, 'warned.phx.json'), join(dir, 'clean.phx.json')];
    writeFileSync(seeds[0]!, JSON.stringify(withPersonalData(3, 'seed-warned')));
    writeFileSync(seeds[1]!, JSON.stringify(withPersonalData(0, 'seed-clean')));
    const { db } = await testDatabase();
    const hub = await startHub({ db, port: 0, seed: seeds, locale: 'uk', limits: { maxIssues: 2 }, webRoot: false });
    await hub.close();
    expect(hub.seeded).toMatchObject([
      { file: seeds[0], package: 'pkg-seed-warned-3', result: { ok: true, errors: 0, warnings: 3, truncated: true, read: { records: { observation: 3 }, complete: true } } },
      { file: seeds[1], package: 'pkg-seed-clean-3', result: { ok: true, issues: [], errors: 0, warnings: 0, truncated: false } },
    ]);
    expect(hub.seeded[0]!.result.issues.map((issue) => `${issue.code} ${issue.pointer} ${issue.message}`)).toEqual([
      'privacy.personal-data /observations/0/notes Схоже, текст містить дату народження; не передавайте персональні дані',
      'privacy.personal-data /observations/1/notes Схоже, текст містить дату народження; не передавайте персональні дані',
    ]);
    const again = await startHub({ db, port: 0, seed: seeds, webRoot: false });
    await again.close();
    expect(again.seeded).toEqual([]);
    expect(again.skipped.map(({ file }) => file)).toEqual(seeds);
  });

  it('makes the demo token once it listens, labelled, and revokes the demo token of the last start', async () => {
    const { db } = await testDatabase();
    const own = await createToken({ db, organisation: ORG_A, role: 'member', label: 'upload script', newOrganisation: true });
    const tokens: string[] = [];
    for (let start = 0; start < 2; start++) {
      const hub = await startHub({ db, port: 0, demoToken: true, webRoot: false });
      expect(hub.demoPrincipal).toEqual({ organisation: 'PHX-ORG-SECRETARIAT', role: 'secretariat' });
      tokens.push(hub.demoToken!);
      await hub.close();
    }
    const demo = (await listTokens({ db })).filter((token) => token.label === DEMO_TOKEN_LABEL);
    // Listed oldest first: the first start's token revoked, the second's active.
    expect(demo.map((token) => [token.role, token.revokedAt === null ? 'active' : 'revoked'])).toEqual([['secretariat', 'revoked'], ['secretariat', 'active']]);
    const hub = await startHub({ db, port: 0, webRoot: false });
    try {
      const status = async (token: string) => (await fetch(`${hub.url}/v1/organisations`, { headers: { Authorization: `Bearer ${token}` } })).status;
      expect([await status(tokens[0]!), await status(tokens[1]!), await status(own.token)]).toEqual([401, 200, 200]);
    } finally {
      await hub.close();
    }
  });

  it('creates tokens only for known roles', async () => {
    const { db } = await testDatabase();
    expect((await createToken({ db, organisation: ORG_A, role: 'reader', newOrganisation: true })).token).toMatch(/^phx_[\w-]{43}$/);
    await expect(createToken({ db, organisation: ORG_A, role: 'admin' as never })).rejects.toThrow(/Unknown role "admin"/);
  });

  // Each engine refuses a database that does not exist in its own way: the test of the engine this run is on.
  if (testEngine === 'sqlite') {
    it('leaves no SQLite file behind when it refuses to start, and keeps one that was there', async () => {
      const dir = tempDir();
      const db = join(dir, 'hub.sqlite');
      const invalidSeed = join(dir, 'bad.phx.json');
      writeFileSync(invalidSeed, JSON.stringify({ ...observationPackage(ORG_A, 1), phxVersion: '9' }));
      const badMapping = join(dir, 'moh.json');
      writeFileSync(badMapping, JSON.stringify({ idScheme: 'uid' }));
      const busy = createServer().listen(0, '127.0.0.1');
      await new Promise((resolve) => busy.once('listening', resolve));
      const busyPort = (busy.address() as { port: number }).port;
      try {
        for (const refused of [{ corsOrigins: ['dashboard.example.org'] }, { seed: [invalidSeed] }, { dhis2Mappings: { moh: badMapping } }, { port: busyPort, demoToken: true }]) {
          await expect(startHub({ db, port: 0, ...refused }), Object.keys(refused)[0]).rejects.toThrow();
          expect(readdirSync(dir).filter((name) => name.startsWith('hub.sqlite')), Object.keys(refused)[0]).toEqual([]);
        }
        await (await startHub({ db, port: 0, demoToken: true })).close();
        await expect(startHub({ db, port: busyPort, demoToken: true })).rejects.toMatchObject({ code: 'EADDRINUSE' });
        await expect(startHub({ db, port: 0, seed: [invalidSeed] })).rejects.toThrow(SeedRefusedError);
        // The database was there before: it is kept, and the demo token of the start that listened still works.
        expect((await listTokens({ db })).map((token) => token.revokedAt)).toEqual([null]);
      } finally {
        busy.close();
      }
    });

    it('refuses a directory as the database, saying so', async () => {
      const dir = tempDir();
      const refusal = { code: 'EISDIR', path: dir, message: `${dir} is a directory, not a hub database file.` };
      await expect(startHub({ db: dir, port: 0 })).rejects.toMatchObject(refusal);
      await expect(listTokens({ db: dir })).rejects.toMatchObject(refusal);
      expect(readdirSync(dir)).toEqual([]);
    });

    it('manages tokens only in a SQLite file that exists: a path without one is refused and no file is left', async () => {
      const missing = join(tempDir(), 'typo-hub.sqlite');
      const refusal = { code: 'ENOENT', path: missing, message: `There is no hub database at ${missing}: a hub creates its database when it starts.` };
      await expect(listTokens({ db: missing })).rejects.toMatchObject(refusal);
      await expect(createToken({ db: missing, organisation: ORG_A, role: 'member' })).rejects.toMatchObject(refusal);
      await expect(revokeToken({ db: missing, id: 'an-id' })).rejects.toMatchObject(refusal);
      expect(existsSync(missing)).toBe(false);
      // Starting a hub is what makes the database, and its tokens are then managed.
      const hub = await startHub({ db: missing, port: 0 });
      await hub.close();
      expect((await createToken({ db: missing, organisation: ORG_A, role: 'member', newOrganisation: true })).token).toMatch(/^phx_/);
      expect(await listTokens({ db: missing })).toHaveLength(1);
    });
  } else {
    it('manages tokens only in a PostgreSQL database that exists', async () => {
      const missing = new URL(await freshDatabase());
      missing.pathname = `${missing.pathname}_never_created`;
      await expect(listTokens({ db: missing.toString() })).rejects.toThrow(/database "[^"]+_never_created" does not exist/);
      await expect(createToken({ db: missing.toString(), organisation: ORG_A, role: 'member' })).rejects.toThrow(/does not exist/);
    });
  }
});

describe('limits', () => {
  it('answers 413 to a body above the size limit and to a package with too many records', async () => {
    const hub = await startTestHub({ limits: { maxBodyBytes: 20_000, maxImportRecords: 10 } });
    try {
      const big = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', observationPackage(ORG_A, 100));
      expect(big.status).toBe(413);
      const many = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', observationPackage(ORG_A, 11));
      expect(many.status).toBe(413);
      expect(((await many.json()) as { detail: string }).detail).toMatch(/12 records.*at most 10/);
    } finally {
      await hub.close();
    }
  });

  it('counts the records of a package to import or validate before parsing it, and lists issues up to the limit', async () => {
    const hub = await startTestHub({ limits: { maxImportRecords: 50, maxIssues: 7 } });
    const empties = (count: number) => `{"observations":[${Array(count).fill('{}').join(',')}]}`;
    try {
      for (const path of ['/v1/validate', '/v1/packages']) {
        const refused = await hub.call(hub.tokens.memberA, 'POST', path, empties(51));
        expect(refused.status).toBe(413);
        expect(((await refused.json()) as { detail: string }).detail).toMatch(/holds 51 records; this hub reads at most 50/);
      }

      const checked = await hub.call(hub.tokens.memberA, 'POST', '/v1/validate', empties(50));
      expect(checked.status).toBe(200);
      const result = (await checked.json()) as { ok: boolean; issues: unknown[]; errors: number; truncated: boolean; read: { complete: boolean; records: { observation: number } } };
      expect(result).toMatchObject({ ok: false, truncated: true, read: { complete: false } });
      expect(result.issues).toHaveLength(7);
      expect(result.errors).toBeGreaterThan(7);
      // Checking stopped once the list was full: not every record was read.
      expect(result.read.records.observation).toBeLessThan(50);

      const pkg = observationPackage(ORG_A, 20);
      for (const record of pkg.observations!) (record as { value?: unknown }).value = 'many';
      const refused = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg);
      expect(refused.status).toBe(422);
      const problem = (await refused.json()) as { issues: unknown[]; errors: number; warnings: number; truncated: boolean; detail: string };
      expect(problem.issues).toHaveLength(7);
      expect(problem).toMatchObject({ truncated: true, warnings: expect.any(Number) });
      // Checking stopped once the list was full and held an error: the counts cover the part checked.
      expect(problem.errors).toBeGreaterThanOrEqual(7);
      // The detail says the count is of the part checked.
      expect(problem.detail).toBe(`The package has at least ${problem.errors} errors (checking stopped once the list of issues was full); nothing was stored.`);
      expect(((await (await hub.call(hub.tokens.reader, 'GET', '/v1/observations')).json()) as { data: unknown[] }).data).toEqual([]);
    } finally {
      await hub.close();
    }
  });

  it('answers 429 with Retry-After once a token exceeds its rate, without slowing other tokens', async () => {
    const hub = await startTestHub({ limits: { rateLimit: { requests: 3, windowMs: RATE_WINDOW_MS } } });
    try {
      // Six requests one after another: ten seconds hold them on a loaded machine, and on two hub processes (a
      // window of a minute) the test waits for the next window one time in six, not one in three.
      await withinOneWindow(10_000);
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await hub.call(hub.tokens.memberA, 'GET', i === 1 ? '/v1/observations/nothing' : '/v1/indicators?limit=1'));
      expect(answers.map((answer) => answer.status)).toEqual([200, 404, 200, 429]);
      // Every answer, a problem too, says the quota and what is left of it, so that a client can slow down in time.
      const policy = `"token";q=3;w=${RATE_WINDOW_MS / 1000}`;
      expect(answers.map((answer) => answer.headers.get('ratelimit-policy'))).toEqual([policy, policy, policy, policy]);
      const left = answers.map((answer) => /^"token";r=(\d+);t=(\d+)$/.exec(answer.headers.get('ratelimit') ?? '')!);
      expect(left.map((match) => Number(match[1]))).toEqual([2, 1, 0, 0]);
      for (const match of left) expect(Number(match[2])).toBeGreaterThan(0);
      for (const match of left) expect(Number(match[2])).toBeLessThanOrEqual(RATE_WINDOW_MS / 1000);
      const limited = await hub.call(hub.tokens.memberA, 'GET', '/v1/indicators?limit=1');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('content-type')).toBe('application/problem+json');
      expect((await hub.call(hub.tokens.memberB, 'GET', '/v1/indicators?limit=1')).status).toBe(200);
    } finally {
      await hub.close();
    }
  });
});

describe('the answer to an import', () => {
  // A listing limit small enough to see the list of warnings cut.
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ limits: { maxIssues: 2 } });
  });
  afterAll(() => hub?.close());

  it('lists the warnings of the package stored, in the language asked for, as POST /v1/validate lists them', async () => {
    const pkg = withPersonalData(1, 'warned');
    const uk = { 'Accept-Language': 'uk' };
    const validated = (await (await hub.call(hub.tokens.memberA, 'POST', '/v1/validate', pkg, uk)).json()) as ValidationResult;
    const imported = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', pkg, uk);
    expect(imported.status).toBe(200);
    const summary = (await imported.json()) as ImportSummary;
    expect(summary).toMatchObject({ package: pkg.id, records: { observations: 3 }, warnings: 1, truncated: false });
    expect(summary.issues).toEqual([
      {
        code: 'privacy.personal-data',
        severity: 'warning',
        path: ['observations', 0, 'notes'],
        pointer: '/observations/0/notes',
        message: 'Схоже, текст містить дату народження; не передавайте персональні дані',
        params: { kind: 'date-of-birth' },
      },
    ]);
    // The issue a validation of the text gives, but for its line and column in the text.
    expect(validated).toMatchObject({ ok: true, warnings: 1 });
    expect(summary.issues).toEqual(validated.issues.map(({ location: _location, ...issue }) => issue));
  });

  it('counts the warnings past the listing limit, and says that the list leaves them out', async () => {
    const summary = (await (await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', withPersonalData(3, 'many-warned'))).json()) as ImportSummary;
    expect(summary.issues.map((issue) => `${issue.code} ${issue.pointer} ${issue.message}`)).toEqual([
      'privacy.personal-data /observations/0/notes This text looks like it contains a date of birth; do not share personal data',
      'privacy.personal-data /observations/1/notes This text looks like it contains a date of birth; do not share personal data',
    ]);
    expect(summary).toMatchObject({ warnings: 3, truncated: true });
    const clean = (await (await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', withPersonalData(0, 'unwarned'))).json()) as ImportSummary;
    expect(clean).toMatchObject({ issues: [], warnings: 0, truncated: false });
  });
});

describe('the suppression threshold', () => {
  /** A package of one count of 7 people: shown under the default threshold of 5, to be suppressed under a network's rule of 10. */
  const seven = (id: string) => ({ ...observationPackage(ORG_A, 0, { id }), observations: [observation(`${id}-seven`, ORG_A, 7)] });
  const csv = 'id,indicator,reportingOrganisation,scope.country,scope.subnationalArea,period.start,period.end,numerator,value,unit,dataSource\r\n' +
    `csv-seven,prisons-people-on-oat,${ORG_A},ZA,Area csv,2022-01-01,2022-12-31,7,7,count,routine-programme-data\r\n`;
  type Checked = { ok: boolean; issues: { code: string; pointer: string; params: { threshold?: number } }[] };
  const smallCells = (result: Checked) => result.issues.filter((issue) => issue.code === 'privacy.small-cell').map((issue) => issue.params.threshold);

  /** What a hub of the threshold given answers to a count of 7: sent as a package and a CSV table to validate, imported, and written as a record. */
  async function answersToSeven(suppressionThreshold: number | undefined) {
    const hub = await startTestHub(suppressionThreshold === undefined ? {} : { suppressionThreshold });
    try {
      // The organisation the records name, stored first.
      expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', observationPackage(ORG_A, 1, { prefix: 'org' }))).status).toBe(200);
      const validated = (await (await hub.call(hub.tokens.memberA, 'POST', '/v1/validate', seven('validated'))).json()) as Checked;
      const table = (await (await hub.call(hub.tokens.memberA, 'POST', '/v1/validate', csv, { 'Content-Type': 'text/csv' })).json()) as Checked;
      const imported = await hub.call(hub.tokens.memberA, 'POST', '/v1/packages', seven('imported'));
      const written = await hub.call(hub.tokens.memberA, 'POST', '/v1/observations', observation('written-seven', ORG_A, 7));
      // Any role may read the threshold the hub checks by.
      const told = await Promise.all([hub.tokens.reader, hub.tokens.memberB].map(async (token) => ((await (await hub.call(token, 'GET', '/v1/settings')).json()) as { suppressionThreshold: number }).suppressionThreshold));
      return {
        told,
        validated: [validated.ok, smallCells(validated)],
        table: [table.ok, smallCells(table)],
        imported: [imported.status, imported.ok ? [] : smallCells((await imported.json()) as Checked)],
        written: [written.status, written.ok ? [] : smallCells((await written.json()) as Checked)],
      };
    } finally {
      await hub.close();
    }
  }

  it('refuses a count of 7 as privacy.small-cell under a threshold of 10, in every validation the hub does, and tells the threshold', async () => {
    // Its numerator and its value, each a count of 7.
    const refused = [10, 10];
    expect(await answersToSeven(10)).toEqual({ told: [10, 10], validated: [false, refused], table: [false, refused], imported: [422, refused], written: [422, refused] });
  });

  it('takes a count of 7 under the default threshold of 5', async () => {
    expect(await answersToSeven(undefined)).toEqual({ told: [5, 5], validated: [true, []], table: [true, []], imported: [200, []], written: [201, []] });
  });

  it('checks the seed packages with it, and refuses a threshold that is not a whole number from 1', async () => {
    const dir = tempDir();
    const seed = join(dir, 'seven.phx.json');
    writeFileSync(seed, JSON.stringify(seven('seeded')));
    const { db, remove } = await testDatabase();
    try {
      const refused = await startHub({ db, port: 0, seed: [seed], suppressionThreshold: 10 }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SeedRefusedError);
      expect(smallCells((refused as SeedRefusedError).result as Checked)).toEqual([10, 10]);
      for (const threshold of [0, 2.5, Number.NaN]) {
        await expect(startHub({ db, port: 0, suppressionThreshold: threshold })).rejects.toThrow(`The suppression threshold must be a whole number from 1; got ${threshold}.`);
      }
      const hub = await startHub({ db, port: 0, seed: [seed] });
      expect(hub.seeded.map((imported) => imported.package)).toEqual(['seeded']);
      await hub.close();
    } finally {
      remove();
    }
  });
});

describe('requests the hub refuses', () => {
  it('titles a problem in the language of the request, by the type the contract gives it', async () => {
    const hub = await startTestHub();
    try {
      const response = await hub.call(hub.tokens.memberA, 'GET', '/v1/observations/nothing', undefined, { 'Accept-Language': 'ru, en;q=0.5' });
      expect(await response.json()).toMatchObject({ type: `${PROBLEM_BASE}not-found`, title: problemTypes['not-found'].title.ru, status: 404 });
      // By weight, as RFC 9110 has it, not by place: a language weighed 0 is one the client does not want.
      for (const [header, locale] of [
        ['en;q=0.1, uk;q=0.9', 'uk'],
        ['ru;q=0, fr', 'fr'],
        ['ru;q=0', 'en'],
        ['de-DE, es-ES;q=0.8, en;q=0.5', 'es'],
        ['fr-CA;q=0.5, uk-UA;q=0.5', 'fr'],
        ['*', 'en'],
      ] as const) {
        const weighed = await hub.call(hub.tokens.memberA, 'GET', '/v1/observations/nothing', undefined, { 'Accept-Language': header });
        expect(((await weighed.json()) as { title: string }).title, header).toBe(problemTypes['not-found'].title[locale]);
      }
      const key = { 'Idempotency-Key': 'k-1' };
      expect((await hub.call(hub.tokens.memberA, 'POST', '/v1/facilities', { id: 'f-1', country: 'ZA', facilityType: 'prison' }, key)).status).toBe(201);
      const reused = await hub.call(hub.tokens.memberA, 'POST', '/v1/facilities', { id: 'f-2', country: 'ZA', facilityType: 'prison' }, key);
      expect(await reused.json()).toMatchObject({ type: `${PROBLEM_BASE}idempotency-key-reused`, status: 422 });
    } finally {
      await hub.close();
    }
  });

  it('explains malformed requests as problem+json with the request id', async () => {
    const hub = await startTestHub();
    try {
      const cases: [string, string, unknown, Record<string, string>, number, RegExp][] = [
        ['POST', '/v1/packages', '{"phxVersion":', {}, 400, /not valid JSON/],
        ['POST', '/v1/packages', 'x', { 'Content-Type': 'text/plain' }, 415, /application\/json/],
        ['GET', '/v1/observations?colour=red', undefined, {}, 400, /Unknown query parameter "colour"/],
        ['GET', '/v1/observations?limit=5000', undefined, {}, 400, /limit/],
        ['GET', '/v1/observations?cursor=%%%', undefined, {}, 400, /cursor/],
        ['GET', '/v1/observations?from=2020', undefined, {}, 400, /"\?from": "2020" is not a date written year-month-day/],
        ['GET', '/v1/nothing-here', undefined, {}, 404, /no GET/],
      ];
      for (const [method, path, body, headers, status, detail] of cases) {
        const response = await hub.call(hub.tokens.memberA, method, path, body, { 'X-Request-Id': 'req-42', ...headers });
        expect(response.status, `${method} ${path}`).toBe(status);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(await response.json()).toMatchObject({ status, detail: expect.stringMatching(detail), requestId: 'req-42' });
      }
    } finally {
      await hub.close();
    }
  });
});
