import { openApiDocument } from '@phx/schema/api';
import { describe, expect, it } from 'vitest';
import { createApp, openStore } from '../src/index.js';

describe('the OpenAPI document', () => {
  it("is the contract's, served without a token at /v1/openapi.json", async () => {
    const store = await openStore(':memory:');
    const response = await createApp({ store }).request('/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(openApiDocument());
    await store.close();
  });
});
