/**
 * The flow of docs/getting-started.md, with the built `phx` command and a fresh hub: a sheet saved from Excel
 * becomes a package with `phx convert observations.csv --header my-package.phx.json`, which `phx validate` finds
 * valid and the hub validates and imports as it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, startHub, type RunningHub } from '../../packages/server/dist/index.js';

const bin = fileURLToPath(new URL('../../packages/cli/bin/phx.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'phx-getting-started-'));
const publisher = 'UA-EDR-38214567';

function phx(...args: string[]): { code: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
  return { code: run.status, stdout: `${run.stdout}${run.stderr}` };
}

let hub: RunningHub;
let token: string;
beforeAll(async () => {
  const db = join(dir, 'hub.sqlite');
  hub = await startHub({ db, port: 0 });
  token = (await createToken({ db, organisation: publisher, role: 'member', newOrganisation: true })).token;
});
afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('getting started: a sheet, a header package, a hub', () => {
  it('phx convert --header builds a package that phx validate and a fresh hub both take', async () => {
    // The package `phx init` starts, its placeholders replaced: the publisher is its organisation record.
    expect(phx('init', '--locale', 'uk', '--country', 'UA', '-o', 'my-package.phx.json').code).toBe(0);
    const started = JSON.parse(readFileSync(join(dir, 'my-package.phx.json'), 'utf8')) as Record<string, unknown>;
    expect(started).toMatchObject({ publisher: { name: 'Назва вашої організації' }, organisations: [{ name: { uk: 'Назва вашої організації' } }] });
    const name = 'Харківська правозахисна група';
    const myPackage = {
      ...started, id: 'ua-2023', publisher: { id: publisher, name }, description: { uk: 'Дані про ВІЛ у в\'язницях Харківщини, 2023' },
      organisations: [{ ...(started.organisations as object[])[0], id: publisher, name: { uk: name } }],
    };
    writeFileSync(join(dir, 'my-package.phx.json'), JSON.stringify(myPackage, null, 2));
    // As Excel in Ukrainian saves a sheet.
    writeFileSync(join(dir, 'observations.csv'), [
      '\uFEFFid;indicator;reportingOrganisation;scope.country;period.start;period.end;value;unit;dataSource',
      `gs-1;prison-population;${publisher};UA;01.01.2023;31.12.2023;1105;count;routine-programme-data`,
    ].join('\r\n'));

    const converted = phx('convert', 'observations.csv', '--header', 'my-package.phx.json', '-o', 'observations.phx.json');
    expect(converted.code, converted.stdout).toBe(0);
    expect(phx('validate', 'observations.phx.json')).toMatchObject({ code: 0 });
    const body = readFileSync(join(dir, 'observations.phx.json'));
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({ organisations: myPackage.organisations });

    const send = (path: string) => fetch(`${hub.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });
    const validated = await send('/v1/validate');
    expect(validated.status).toBe(200);
    expect(await validated.json()).toMatchObject({ ok: true, errors: 0 });
    const imported = await send('/v1/packages');
    expect(imported.status, await imported.clone().text()).toBe(200);
    const stored = await fetch(`${hub.url}/v1/organisations/${publisher}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(stored.status).toBe(200);
  });
});
