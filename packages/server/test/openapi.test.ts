import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { formatOfMediaType, writeXlsx, type FileFormat } from '@phx/schema';
import { openApiDocument } from '@phx/schema/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, openStore } from '../src/index.js';
import { ORG_A, organisation } from './fixtures/data.js';
import { startTestHub, type TestHub } from './fixtures/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

/** A JSON document a hub serves, asked for with a Host header of one's choosing and others (which fetch does not send). */
function served<T>(url: string, headers: Record<string, string>): Promise<T> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (answer) => {
      let text = '';
      answer.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(JSON.parse(text) as T));
    }).on('error', reject).end();
  });
}

/** The OpenAPI document a hub serves, asked for with a Host header of one's choosing. */
function documentFor(host: string, headers: Record<string, string> = {}): Promise<{ servers: unknown }> {
  return served(`${hub.url}/v1/openapi.json`, { Host: host, ...headers });
}

/** What a TLS-terminating proxy in front of hub.example.org adds to a request it passes on. */
const PROXY_HEADERS = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'hub.example.org', Forwarded: 'proto=https;host=hub.example.org' };

describe('the OpenAPI document', () => {
  it("is the contract's, served without a token at /v1/openapi.json, naming the hub that serves it as its server", async () => {
    const response = await hub.call(undefined, 'GET', '/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...openApiDocument(), servers: [{ url: hub.url, description: 'This hub.' }] });
  });

  it('names the hub by the host and port the request was sent to', async () => {
    expect((await documentFor('phx.example.org')).servers).toEqual([{ url: 'http://phx.example.org', description: 'This hub.' }]);
    expect((await documentFor('[::1]:9090')).servers).toEqual([{ url: 'http://[::1]:9090', description: 'This hub.' }]);
  });

  it('reads no header a client could send as well as a proxy: a hub without a public URL names the origin the request was sent to', async () => {
    expect((await documentFor('phx.example.org', PROXY_HEADERS)).servers).toEqual([{ url: 'http://phx.example.org', description: 'This hub.' }]);
  });

  it('is served by the app alone too, for the origin of the request it is given', async () => {
    const store = await openStore(':memory:');
    const response = await createApp({ store }).request('https://hub.example.org/v1/openapi.json');
    expect(((await response.json()) as { servers: unknown }).servers).toEqual([{ url: 'https://hub.example.org', description: 'This hub.' }]);
    await store.close();
  });
});

describe('the body of POST /v1/validate in the OpenAPI document', () => {
  const example = (path: string) => readFileSync(new URL(`../../../examples/data/${path}`, import.meta.url));

  it('is sent as a media type of each format PHX reads, and the hub reads a file sent as each as its format', async () => {
    const files: Partial<Record<FileFormat, Uint8Array>> = {
      json: example('network-meeting-2020.phx.json'),
      ndjson: example('network-meeting-2020.phx.ndjson'),
      csv: example('spreadsheet/observations.csv'),
      xlsx: await writeXlsx(JSON.parse(example('network-meeting-2020.phx.json').toString('utf8')) as Record<string, unknown>),
    };
    const document = openApiDocument() as { paths: Record<string, { post: { requestBody: { content: Record<string, unknown> } } }> };
    const mediaTypes = Object.keys(document.paths['/v1/validate']!.post.requestBody.content).filter((type) => type !== 'application/octet-stream');
    expect(mediaTypes.map(formatOfMediaType)).toEqual(Object.keys(files));
    for (const mediaType of mediaTypes) {
      const format = formatOfMediaType(mediaType)!;
      const response = await fetch(`${hub.url}/v1/validate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${hub.tokens.reader}`, 'Content-Type': mediaType },
        body: new Blob([files[format]! as Uint8Array<ArrayBuffer>]),
      });
      expect(response.status, mediaType).toBe(200);
      const result = (await response.json()) as { format: string; read: { records: Record<string, number> } };
      expect(result.format, mediaType).toBe(format);
      expect(Object.values(result.read.records).some((count) => count > 0), mediaType).toBe(true);
    }
  });
});

describe('a hub given its public URL', () => {
  let behindProxy: TestHub;
  beforeAll(async () => {
    behindProxy = await startTestHub({ publicUrl: 'https://hub.example.org/' });
  });
  afterAll(() => behindProxy?.close());

  it('names itself by it in the OpenAPI document, whatever Host the proxy passes on', async () => {
    const document = await served<{ servers: unknown }>(`${behindProxy.url}/v1/openapi.json`, { Host: '10.0.0.7:8080', ...PROXY_HEADERS });
    expect(document.servers).toEqual([{ url: 'https://hub.example.org', description: 'This hub.' }]);
  });

  it('writes the ids and references of its JSON Schemas on it', async () => {
    const schema = await served<{ $id: string }>(`${behindProxy.url}/schemas/v1/DataPackage.schema.json`, { Host: '10.0.0.7:8080' });
    expect(schema.$id).toBe('https://hub.example.org/schemas/v1/DataPackage.schema.json');
    expect(JSON.stringify(schema)).not.toContain('10.0.0.7');
    expect(JSON.stringify(schema)).not.toContain('phx-network.github.io/phx/schemas');
  });

  it('gives the Location of a new record on it', async () => {
    const response = await behindProxy.call(behindProxy.tokens.memberA, 'POST', '/v1/organisations', organisation(ORG_A));
    expect(response.status).toBe(201);
    expect(response.headers.get('Location')).toBe(`https://hub.example.org/v1/organisations/${ORG_A}`);
  });

  it('keeps the path a proxy serves the hub under', async () => {
    const store = await openStore(':memory:');
    const app = createApp({ store, publicUrl: 'https://example.org/phx' });
    expect(((await (await app.request('/v1/openapi.json')).json()) as { servers: unknown }).servers).toEqual([{ url: 'https://example.org/phx', description: 'This hub.' }]);
    expect(((await (await app.request('/schemas/v1/Observation.schema.json')).json()) as { $id: string }).$id).toBe('https://example.org/phx/schemas/v1/Observation.schema.json');
    await store.close();
  });

  it('must be an http or https URL without a query, a fragment or a user name', async () => {
    const store = await openStore(':memory:');
    for (const publicUrl of ['hub.example.org', 'ftp://hub.example.org', 'https://hub.example.org/?hub=1', 'https://hub.example.org/#api', 'https://admin@hub.example.org']) {
      expect(() => createApp({ store, publicUrl }), publicUrl).toThrow(/The public URL/);
    }
    await store.close();
  });
});
