import type { Hono } from 'hono';
import { auditQuery, collections, exportQuery, listQueries, MERGE_PATCH_MEDIA_TYPE, validateQuery, type HubSettings, type RecordFilter } from '@phx/schema/api';
import { charsetOf, formatOfMediaType, PHX_VERSION, recordsReadIn, renderMessage, shapeProblems, textEncodingOf, validateFile, type Collection, type IssueCode, type StructuralProblem, type ZodIssueParams } from '@phx/schema';
import { limitRecords, refuseUnread, tooManyRecords } from '../hub/count.js';
import { exportFromHub, type ExportSettings } from '../hub/export.js';
import { currentImportSummary, importPackage } from '../hub/import.js';
import { hubValidation, storedBreakdowns, type HubRules } from '../hub/issues.js';
import { changeRecord, createRecord, deleteRecord, existing } from '../hub/records.js';
import type { Store, StoredRecord } from '../store/types.js';
import { localeOf, type HubContext, type HubEnv } from './context.js';
import { nulIn, readJson, readPackage, refuseNul } from './body.js';
import { write, type Reply } from './idempotency.js';
import { Problem } from './problem.js';

/** Options of the routes. */
export interface RouteOptions {
  store: Store;
  /** Most records a package to import or to validate may hold. */
  maxImportRecords: number;
  /** Most bytes of a body, and of a workbook to validate once unpacked. */
  maxBodyBytes: number;
  /** Most issues listed in an answer. */
  maxIssues: number;
  /** The network's suppression threshold: every validation of the hub checks small counts by it. */
  suppressionThreshold: number;
  exports: ExportSettings;
  /** The URL the hub is reached at from outside, when it is given one: a new record's `Location` is written on it. */
  publicUrl?: string;
}

const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  // No id holds U+0000, and PostgreSQL cannot compare text with it.
  if (id.length === 0 || id.includes('\u0000') || encodeCursor(id) !== cursor) throw new Problem('bad-request', 'The cursor is not one this hub gave out.');
  return id;
}

/** The schema of a query the hub reads. */
type QuerySchema = (typeof listQueries)[Collection] | typeof auditQuery | typeof validateQuery | typeof exportQuery;

/**
 * A query read by the contract's schema. A value it refuses is told in the words, and the language, of the issues of
 * the data (`"?format": "csv" is not one of the codes allowed here: "fhir", …; did you mean "dhis2-csv" or "sdmx-csv"?`): the parameter, the value
 * given and what it should be. Which parameters a route takes, and that each is given once, `requestTarget` checked
 * for every route.
 */
function readQuery<S extends QuerySchema>(c: HubContext, schema: S): ReturnType<S['parse']> {
  const query = c.req.query();
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data as ReturnType<S['parse']>;
  const [problem] = shapeProblems(schema, query, []).problems;
  const name = String(problem!.path[0]);
  const [code, params] = queryProblem(problem!, name, query[name]);
  throw new Problem('bad-request', renderMessage(code, params, localeOf(c)));
}

/**
 * A problem of a query parameter as its message tells it: the parameter named as written in the URL (the model's
 * name of a field, such as "Country", would not say which); the text given where the schema read no number of it
 * (`limit=ten`), or a number written in another form than digits (`limit=1e2`), which is no whole number to ask for
 * without quotes; and a missing value of a closed list as one not among them, which lists them.
 */
function queryProblem(problem: StructuralProblem, name: string, given: string | undefined): [IssueCode, ZodIssueParams] {
  const params = { ...problem.params, field: `?${name}` } as ZodIssueParams;
  if (given !== undefined && params.received === 'nan') {
    const { received: _received, ...read } = params;
    return Number.isNaN(Number(given)) ? ['schema.invalid-type', { ...read, value: given, expected: 'int' }] : ['schema.invalid-format', { ...read, value: given }];
  }
  if (problem.code === 'schema.required' && params.values !== undefined) return ['schema.invalid-value', { ...params, received: 'undefined' }];
  return [problem.code, params];
}

/** The query of a list: its filter, where the page starts and how long it is. */
function listQuery(c: HubContext, collection: Collection): { filter: RecordFilter; after?: string; limit: number } {
  const { cursor, limit, ...filter } = readQuery(c, listQueries[collection]);
  return { filter, ...(cursor !== undefined ? { after: decodeCursor(cursor) } : {}), limit };
}

/**
 * The query of the audit trail. A member or reader reads the entries of records its organisation
 * owns or wrote; the secretariat reads every entry, or those of one organisation.
 */
function listAuditQuery(c: HubContext): { organisation: string | undefined; after?: number; limit: number } {
  const principal = c.get('principal');
  const { cursor, limit, organisation } = readQuery(c, auditQuery);
  if (organisation !== undefined && principal.role !== 'secretariat' && organisation !== principal.organisation) {
    throw new Problem('forbidden', `A ${principal.role} of ${principal.organisation} reads the audit trail of its own organisation only.`);
  }
  const after = cursor === undefined ? undefined : Number(decodeCursor(cursor));
  if (after !== undefined && !Number.isSafeInteger(after)) throw new Problem('bad-request', 'The cursor is not one this hub gave out.');
  return { organisation: principal.role === 'secretariat' ? organisation : principal.organisation, ...(after !== undefined ? { after } : {}), limit };
}

/** The reply carrying a record, its ETag and any other headers. */
const recordReply = (status: number, record: StoredRecord, headers: Record<string, string> = {}): Reply => ({
  status,
  body: record.json,
  headers: { ETag: record.etag, ...headers },
});

/** Registers the /v1 routes on an app. */
export function registerRoutes(app: Hono<HubEnv>, { store, maxImportRecords, maxBodyBytes, maxIssues, suppressionThreshold, exports, publicUrl = '' }: RouteOptions): void {
  /** How the data of a request is checked: in its language, by the hub's suppression threshold. */
  const rules = (c: HubContext): HubRules => ({ locale: localeOf(c), suppressionThreshold });
  for (const collection of Object.keys(collections) as Collection[]) {
    const { type, readOnly } = collections[collection];
    const base = `/v1/${collection}`;

    app.get(base, async (c) => {
      const { filter, after, limit } = listQuery(c, collection);
      const page = await store.list(type, filter, after, limit);
      // Stored bodies are JSON already: the page is assembled from them without parsing them.
      const next = page.next === null ? 'null' : JSON.stringify(encodeCursor(page.next));
      return c.body(`{"data":[${page.records.map((record) => record.json).join(',')}],"next":${next}}`, 200, { 'Content-Type': 'application/json' });
    });

    app.get(`${base}/:id`, async (c) => {
      const record = await existing(store, type, c.req.param('id'));
      return c.body(record.json, 200, { 'Content-Type': 'application/json', ETag: record.etag });
    });

    if (readOnly) continue;

    app.post(base, async (c) => {
      const { text, value } = await readJson(c, 'application/json');
      return write(c, store, text, async (tx) => {
        const record = await createRecord(tx, c.get('principal'), type, value, rules(c));
        return recordReply(201, record, { Location: `${publicUrl}${base}/${encodeURIComponent(record.id)}` });
      });
    });

    app.put(`${base}/:id`, async (c) => {
      const { text, value } = await readJson(c, 'application/json');
      return write(c, store, text, async (tx) =>
        recordReply(200, await changeRecord(tx, c.get('principal'), type, c.req.param('id'), { body: value }, c.req.header('If-Match'), rules(c))),
      );
    });

    app.patch(`${base}/:id`, async (c) => {
      const { text, value } = await readJson(c, MERGE_PATCH_MEDIA_TYPE, 'application/json');
      return write(c, store, text, async (tx) =>
        recordReply(200, await changeRecord(tx, c.get('principal'), type, c.req.param('id'), { patch: value }, c.req.header('If-Match'), rules(c))),
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
    const { text, value } = await readPackage(c, maxImportRecords);
    return write(c, store, text, async (tx) => ({
      status: 200,
      body: JSON.stringify(await importPackage(tx, value, c.get('principal'), { ...rules(c), maxIssues })),
    }), { bulk: true }, currentImportSummary);
  });

  app.get('/v1/export', async (c) => {
    const { fileName, mediaType, content, notes } = await exportFromHub(store, readQuery(c, exportQuery), c.get('principal'), exports);
    return c.body(content, 200, { 'Content-Type': mediaType, 'Content-Disposition': `attachment; filename="${fileName}"`, 'Export-Notes': JSON.stringify(notes) });
  });

  // What `GET /v1/settings` tells, the same for every request and every role: made once.
  const settings: HubSettings = {
    phxVersion: PHX_VERSION,
    suppressionThreshold,
    limits: { maxBodyBytes, maxImportRecords, maxIssues, maxExportRecords: exports.maxRecords },
  };
  const settingsBody = JSON.stringify(settings);
  app.get('/v1/settings', (c) => c.body(settingsBody, 200, { 'Content-Type': 'application/json' }));

  app.get('/v1/audit', async (c) => {
    const { organisation, after, limit } = listAuditQuery(c);
    const { entries, next } = await store.auditTrail(organisation, after, limit);
    return c.json({ data: entries, next: next === null ? null : encodeCursor(String(next)) });
  });

  // Any file, as the `phx` command and the page read it: the format from Content-Type, else `?name=`, else the bytes.
  // Checked as an import of its records would be, stored records read but nothing written: so its verdict foretells
  // the import's.
  app.post('/v1/validate', async (c) => {
    const contentType = c.req.header('Content-Type') ?? '';
    const format = formatOfMediaType(contentType);
    // JSON and NDJSON are UTF-8 (RFC 8259), as the imports read them: only a CSV table is read in its charset.
    const charset = format === 'csv' ? charsetOf(contentType) : undefined;
    const encoding = charset === undefined ? undefined : textEncodingOf(charset);
    if (charset !== undefined && encoding === undefined) {
      throw new Problem('unsupported-media-type', `The charset ${JSON.stringify(charset)} names no text encoding; send the file as UTF-8, or name its encoding (charset=windows-1251).`);
    }
    const { name } = readQuery(c, validateQuery);
    const hints = { ...(format && { format }), ...(name !== undefined && { name }), ...(encoding && { encoding }) };
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    limitRecords(bytes, maxImportRecords, 'The file', hints);
    // A workbook is unpacked only when it stays within what the hub takes as a body. The data read is kept, as an
    // import keeps the package it reads, to look up the stored observations of its breakdowns.
    const options = { ...(await hubValidation(store, rules(c))), maxIssues, maxDocumentBytes: maxBodyBytes, keepData: true, ...hints };
    const { data, ...result } = await validateFile(bytes, options);
    refuseUnread(result, maxBodyBytes);
    // A workbook's records are known once it is read.
    const records = recordsReadIn(result.read);
    if (records > maxImportRecords) tooManyRecords(records, maxImportRecords, 'The file');
    // A text holding U+0000 is an error of the data (text.nul-character), as `phx validate` reports it; the store,
    // which cannot compare such a text, is then not asked. Should no rule have seen one, it is refused all the same.
    if (nulIn(data) !== undefined) {
      if (result.ok) refuseNul(data, 'The file');
      return c.json(result);
    }
    const knownObservations = await storedBreakdowns(store, Array.isArray(data?.observations) ? data.observations : []);
    if (knownObservations.length === 0) return c.json(result);
    // Its breakdowns have stored observations: checked again with them, as the import checks it.
    const { data: _data, ...checked } = await validateFile(bytes, { ...options, keepData: false, knownObservations });
    return c.json(checked);
  });
}
