import { request } from 'node:http';
import { openApiDocument } from '@phx/schema/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, openStore } from '../src/index.js';
import { startTestHub, type TestHub } from './fixtures/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

/** The OpenAPI document a hub serves, asked for with a Host header of one's choosing. */
function documentFor(host: string): Promise<{ servers: unknown }> {
  return new Promise((resolve, reject) => {
    request(`${hub.url}/v1/openapi.json`, { headers: { Host: host } }, (answer) => {
      let text = '';
      answer.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(JSON.parse(text) as { servers: unknown }));
    }).on('error', reject).end();
  });
}

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

  it('is served by the app alone too, for the origin of the request it is given', async () => {
    const store = await openStore(':memory:');
    const response = await createApp({ store }).request('https://hub.example.org/v1/openapi.json');
    expect(((await response.json()) as { servers: unknown }).servers).toEqual([{ url: 'https://hub.example.org', description: 'This hub.' }]);
    await store.close();
  });
});
