import type { Hono } from 'hono';
import { formatOfMediaType, validateFile, type RecordType } from '@phx/schema';
import { importPackage } from '../hub/import.js';
import { hubValidation } from '../hub/issues.js';
import { changeRecord, createRecord, deleteRecord, existing } from '../hub/records.js';
import type { ListFilter, Store, StoredRecord } from '../store/types.js';
import { localeOf, type HubContext, type HubEnv } from './context.js';
import { readJson } from './body.js';
import { write, type Reply } from './idempotency.js';
import { Problem } from './problem.js';

/** A collection of the API: its path under /v1, its record type and the filters of its list. */
export interface Resource {
  path: string;
  type: RecordType;
  filters: readonly (keyof ListFilter)[];
  readOnly?: boolean;
}

/** The collections of the exchange API. */
export const resources: readonly Resource[] = [
  { path: 'organisations', type: 'organisation', filters: [] },
  { path: 'facilities', type: 'facility', filters: ['country'] },
  { path: 'indicators', type: 'indicator', filters: [], readOnly: true },
  { path: 'observations', type: 'observation', filters: ['indicator', 'country', 'organisation', 'facility', 'from', 'to'] },
  { path: 'meetings', type: 'meeting', filters: ['organisation', 'from', 'to'] },
];

/** Page size when the request gives none, and the largest allowed. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** Whether a text is a calendar date, YYYY-MM-DD, that exists (not 2022-13-45 nor 2023-02-29). */
function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Options of the routes. */
export interface RouteOptions {
  store: Store;
  maxImportRecords: number;
}

const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (id.length === 0 || encodeCursor(id) !== cursor) throw new Problem(400, 'bad-request', 'The cursor is not one this hub gave out.');
  return id;
}

function listQuery(c: HubContext, resource: Resource): { filter: ListFilter; after?: string; limit: number } {
  const query = queryOf(c);
  const filter: ListFilter = {};
  let limit = DEFAULT_PAGE_SIZE;
  let after: string | undefined;
  for (const [name, value] of Object.entries(query)) {
    if (name === 'limit') limit = pageSize(value);
    else if (name === 'cursor') after = decodeCursor(value);
    else if ((resource.filters as string[]).includes(name)) {
      if ((name === 'from' || name === 'to') && !isDate(value)) throw new Problem(400, 'bad-request', `${name} is a date, YYYY-MM-DD; got "${value}".`);
      filter[name as keyof ListFilter] = value;
    } else {
      const known = ['limit', 'cursor', ...resource.filters].join(', ');
      throw new Problem(400, 'bad-request', `Unknown query parameter "${name}" for ${resource.path}; known: ${known}.`);
    }
  }
  return { filter, ...(after !== undefined ? { after } : {}), limit };
}

/** The query parameters of a request, each given once (400 otherwise: which of two would count?). */
function queryOf(c: HubContext): Record<string, string> {
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) throw new Problem(400, 'bad-request', `The query parameter "${name}" is given ${values.length} times; give it once.`);
  }
  return c.req.query();
}

/** Parses the page size; 400 unless a whole number in range. */
function pageSize(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_PAGE_SIZE) throw new Problem(400, 'bad-request', `limit is a whole number from 1 to ${MAX_PAGE_SIZE}; got "${value}".`);
  return limit;
}

/**
 * The query of the audit trail. A member or reader reads the entries of records its organisation
 * owns or wrote; the secretariat reads every entry, or those of one organisation.
 */
function auditQuery(c: HubContext): { organisation: string | undefined; after?: number; limit: number } {
  const principal = c.get('principal');
  let organisation: string | undefined = principal.role === 'secretariat' ? undefined : principal.organisation;
  let limit = DEFAULT_PAGE_SIZE;
  let after: number | undefined;
  for (const [name, value] of Object.entries(queryOf(c))) {
    if (name === 'limit') limit = pageSize(value);
    else if (name === 'cursor') {
      after = Number(decodeCursor(value));
      if (!Number.isSafeInteger(after)) throw new Problem(400, 'bad-request', 'The cursor is not one this hub gave out.');
    } else if (name === 'organisation') {
      if (principal.role !== 'secretariat' && value !== principal.organisation) {
        throw new Problem(403, 'forbidden', `A ${principal.role} of ${principal.organisation} reads the audit trail of its own organisation only.`);
      }
      organisation = value;
    } else throw new Problem(400, 'bad-request', `Unknown query parameter "${name}" for audit; known: limit, cursor, organisation.`);
  }
  return { organisation, ...(after !== undefined ? { after } : {}), limit };
}

/** The reply carrying a record, its ETag and any other headers. */
const recordReply = (status: number, record: StoredRecord, headers: Record<string, string> = {}): Reply => ({
  status,
  body: record.json,
  headers: { ETag: record.etag, ...headers },
});

/** Registers the /v1 routes on an app. */
export function registerRoutes(app: Hono<HubEnv>, { store, maxImportRecords }: RouteOptions): void {
  for (const resource of resources) {
    const { path, type } = resource;
    const base = `/v1/${path}`;

    app.get(base, async (c) => {
      const { filter, after, limit } = listQuery(c, resource);
      const page = await store.list(type, filter, after, limit);
      // Stored bodies are JSON already: the page is assembled from them without parsing them.
      const next = page.next === null ? 'null' : JSON.stringify(encodeCursor(page.next));
      return c.body(`{"data":[${page.records.map((record) => record.json).join(',')}],"next":${next}}`, 200, { 'Content-Type': 'application/json' });
    });

    app.get(`${base}/:id`, async (c) => {
      const record = await existing(store, type, c.req.param('id'));
      return c.body(record.json, 200, { 'Content-Type': 'application/json', ETag: record.etag });
    });

    if (resource.readOnly) continue;

    app.post(base, async (c) => {
      const { text, value } = await readJson(c, 'application/json');
      return write(c, store, text, async (tx) => {
        const record = await createRecord(tx, c.get('principal'), type, value, localeOf(c));
        return recordReply(201, record, { Location: `${base}/${encodeURIComponent(record.id)}` });
      });
    });

    app.put(`${base}/:id`, async (c) => {
      const { text, value } = await readJson(c, 'application/json');
      return write(c, store, text, async (tx) =>
        recordReply(200, await changeRecord(tx, c.get('principal'), type, c.req.param('id'), { body: value }, c.req.header('If-Match'), localeOf(c))),
      );
    });

    app.patch(`${base}/:id`, async (c) => {
      const { text, value } = await readJson(c, 'application/merge-patch+json', 'application/json');
      return write(c, store, text, async (tx) =>
        recordReply(200, await changeRecord(tx, c.get('principal'), type, c.req.param('id'), { patch: value }, c.req.header('If-Match'), localeOf(c))),
      );
    });

    app.delete(`${base}/:id`, (c) =>
      write(c, store, '', async (tx) => {
        await deleteRecord(tx, c.get('principal'), type, c.req.param('id'), c.req.header('If-Match'));
        return { status: 204, body: null };
      }),
    );
  }

  app.post('/v1/packages', async (c) => {
    const { text, value } = await readJson(c, 'application/json');
    return write(c, store, text, async (tx) => ({
      status: 200,
      body: JSON.stringify(await importPackage(tx, value, c.get('principal'), localeOf(c), { maxRecords: maxImportRecords })),
    }));
  });

  app.get('/v1/audit', async (c) => {
    const { organisation, after, limit } = auditQuery(c);
    const { entries, next } = await store.auditTrail(organisation, after, limit);
    return c.json({ data: entries, next: next === null ? null : encodeCursor(String(next)) });
  });

  // Any file, as the `phx` command and the page read it: the format from Content-Type, else `?name=`, else the bytes.
  app.post('/v1/validate', async (c) => {
    const format = formatOfMediaType(c.req.header('Content-Type') ?? '');
    const name = c.req.query('name');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const options = { ...(await hubValidation(store, localeOf(c))), ...(format && { format }), ...(name !== undefined && { name }) };
    const { data: _data, ...result } = await validateFile(bytes, options);
    return c.json(result);
  });
}
