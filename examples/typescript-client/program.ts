/** Calls a PHX hub with openapi-fetch, typed by the `paths` that generate.ts wrote. */
import createClient from 'openapi-fetch';
import type { paths } from './phx-api.js';

const [baseUrl, token] = process.argv.slice(2) as [string, string];
const hub = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

const { data, error } = await hub.GET('/v1/observations', { params: { query: { country: 'ZM', limit: 5 } } });
if (error) throw new Error(`${error.status} ${error.title}`);
console.log(`a page of ${data.data.length}, first ${data.data[0]?.id}, more: ${data.next !== null}`);

const missing = await hub.GET('/v1/observations/{id}', { params: { path: { id: 'no-such-observation' } } });
// The error is typed by status: a 404 is the not-found problem.
if (missing.error?.status === 404) console.log(`404: ${missing.error.type}`);
