import * as z from 'zod';
import { codeOf, date, describe, indicatorCode, oneOf, organisationId, recordId } from '../model/common.js';
import { fileFormats, type FileFormat } from '../file/format.js';
import { exportFormats, type ExportFormat } from '../formats/exports.js';
import { DataPackage } from '../model/package.js';
import { publishedSchemas, type SchemaName } from '../jsonschema.js';
import { recordTypes, type Collection, type RecordType } from '../model/records.js';
import { AuditEntry } from './audit.js';
import type { ProblemSlug } from './problems.js';
import { HubSettings, ImportSummary, ValidationResult } from './results.js';

/** Records in a page when the request gives no `limit`. */
export const DEFAULT_PAGE_SIZE = 100;
/** The largest `limit` a page may ask for. */
export const MAX_PAGE_SIZE = 1000;

/** The filters a list may take, and what each selects. */
const filterFields = {
  indicator: describe(indicatorCode, 'Indicator code.').optional(),
  country: describe(codeOf('country'), 'Country, ISO 3166-1 alpha-2.').optional(),
  organisation: describe(organisationId, 'Reporting organisation (observations) or organiser (meetings).').optional(),
  facility: describe(recordId, 'Facility id.').optional(),
  from: describe(date, 'Only records whose period (or meeting) ends on or after this date.').optional(),
  to: describe(date, 'Only records whose period (or meeting) starts on or before this date.').optional(),
};

/** The name of a list filter. */
export type FilterName = keyof typeof filterFields;

/**
 * Every filter of every list; each collection takes the ones {@link collections} names.
 *
 * @example
 * ```ts
 * import type { RecordFilter } from '@phx/schema/api';
 * const filter: RecordFilter = { indicator: 'hiv-prevalence-prisoners', country: 'UA', from: '2020-01-01' };
 * ```
 */
export const RecordFilter = z.strictObject(filterFields);
/** Every filter of every list. */
export type RecordFilter = z.infer<typeof RecordFilter>;

/** What the contract says about a collection of the API. */
export interface CollectionInfo {
  /** The record type it holds. */
  type: RecordType;
  /** The filters of its list. */
  filters: readonly FilterName[];
  /** Read-only collections offer only GET. */
  readOnly: boolean;
}

/**
 * The collections of the exchange API under `/v1`, by path segment.
 *
 * @example
 * ```ts
 * import { collections } from '@phx/schema/api';
 * collections.observations.filters; // ['indicator', 'country', 'organisation', 'facility', 'from', 'to']
 * collections.indicators.readOnly; // true: the catalogue and the definitions of imported packages
 * ```
 */
export const collections = {
  organisations: { type: 'organisation', filters: [], readOnly: false },
  facilities: { type: 'facility', filters: ['country'], readOnly: false },
  indicators: { type: 'indicator', filters: [], readOnly: true },
  observations: { type: 'observation', filters: ['indicator', 'country', 'organisation', 'facility', 'from', 'to'], readOnly: false },
  meetings: { type: 'meeting', filters: ['organisation', 'from', 'to'], readOnly: false },
} as const satisfies Record<Collection, CollectionInfo>;

const pick = <K extends FilterName>(names: readonly K[]) => Object.fromEntries(names.map((name) => [name, filterFields[name]])) as Pick<typeof filterFields, K>;

const pageFields = {
  cursor: describe(z.string().min(1), 'The `next` of the previous page.').optional(),
  // Digits only: coercion alone would take 0x10, 1e2 or +5 for a number.
  limit: z.preprocess(
    (value) => (typeof value === 'string' && !/^\d+$/.test(value) ? Number.NaN : value),
    describe(z.coerce.number().int().min(1).max(MAX_PAGE_SIZE), `Records per page, 1 to ${MAX_PAGE_SIZE}.`).default(DEFAULT_PAGE_SIZE),
  ),
};

const listQuery = <C extends Collection>(collection: C) => z.strictObject({ ...pageFields, ...pick<(typeof collections)[C]['filters'][number]>(collections[collection].filters) });

/**
 * The query of each list: its filters, `cursor` and `limit`.
 *
 * @example
 * ```ts
 * import { listQueries } from '@phx/schema/api';
 * listQueries.facilities.safeParse({ country: 'ZM', limit: '20' }).data; // { country: 'ZM', limit: 20 }
 * listQueries.facilities.safeParse({ indicator: 'x' }).success; // false: facilities take no indicator
 * ```
 */
export const listQueries = {
  organisations: listQuery('organisations'),
  facilities: listQuery('facilities'),
  indicators: listQuery('indicators'),
  observations: listQuery('observations'),
  meetings: listQuery('meetings'),
} satisfies Record<Collection, z.ZodType>;

/** The query of a collection's list. */
export type ListQuery<C extends Collection = Collection> = z.input<(typeof listQueries)[C]>;

const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);

function pageOf(collection: Collection) {
  const { schema, key } = recordTypes[collections[collection].type];
  return describe(
    z.object({
      data: describe(z.array(schema as z.ZodType), `${capital(collection)} in ${key} order.`),
      next: describe(z.string().nullable(), 'Cursor of the next page; null on the last.'),
    }),
    `A page of ${collection}.`,
    { id: `${capital(collections[collection].type)}Page` },
  );
}

/**
 * The answer of each list: a page of records and the cursor of the next.
 *
 * @example
 * ```ts
 * import { pages } from '@phx/schema/api';
 * const page = pages.observations.parse(await response.json());
 * if (page.next !== null) console.log(`${page.data.length} now, more at cursor ${page.next}`);
 * ```
 */
export const pages = {
  organisations: pageOf('organisations'),
  facilities: pageOf('facilities'),
  indicators: pageOf('indicators'),
  observations: pageOf('observations'),
  meetings: pageOf('meetings'),
} satisfies Record<Collection, z.ZodType>;

/**
 * A page of a collection's list.
 *
 * @example
 * ```ts
 * let page: Page<'facilities'> = await client.facilities.page({ country: 'ZM' });
 * while (page.next !== null) page = await client.facilities.page({ country: 'ZM', cursor: page.next });
 * ```
 */
export type Page<C extends Collection = Collection> = z.infer<(typeof pages)[C]>;

/**
 * The query of the audit trail: `cursor`, `limit`, and the organisation whose entries to read (the
 * secretariat may name any; a member or reader reads its own, named or not).
 *
 * @example
 * ```ts
 * import { auditQuery } from '@phx/schema/api';
 * auditQuery.safeParse({ organisation: 'ZM-PACRA-120045', limit: '50' }).data; // { organisation: 'ZM-PACRA-120045', limit: 50 }
 * ```
 */
export const auditQuery = z.strictObject({
  ...pageFields,
  organisation: describe(organisationId, 'Only entries of records this organisation owns or wrote (the secretariat may name any; others only their own).').optional(),
});

/** A page of the audit trail, oldest entry first. */
export const AuditPage = describe(
  z.object({
    data: describe(z.array(AuditEntry), 'Entries in the order they were written.'),
    next: describe(z.string().nullable(), 'Cursor of the next page; null on the last.'),
  }),
  'A page of the audit trail.',
  { id: 'AuditPage' },
);

/** A request header of the API. */
export type RequestHeader = 'If-Match' | 'Idempotency-Key' | 'Accept-Language';
/** A response header of the API. */
export type ResponseHeader = 'ETag' | 'Location' | 'Idempotent-Replayed' | 'Content-Disposition' | 'Export-Notes';

/**
 * One operation of the API: the request it takes, its answer and the problems it may send.
 */
export interface Operation {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path, with `{id}` or `{code}` for the record. */
  path: string;
  /**
   * What the `{…}` segment of the path may be.
   * @default any string
   */
  pathParameter?: z.ZodType;
  summary: string;
  description?: string;
  tag: string;
  /** Served without a token, and so without the problems of one. */
  public?: true;
  query?: z.ZodObject;
  headers: RequestHeader[];
  /** The body: its description, and its schema for each media type it may be sent as. */
  body?: { description: string; content: Record<string, z.ZodType> };
  success: {
    status: 200 | 201 | 204;
    description: string;
    /** The body of the answer: its schema for each media type it may be sent as (none when it has no body). */
    content?: Record<string, z.ZodType>;
    headers: ResponseHeader[];
  };
  /** Problems of this operation; {@link problemsOf} adds those of its query, of the connection and of the token. */
  problems: ProblemSlug[];
}

/**
 * Every problem an operation may send: its own, a query parameter it does not take or given twice
 * (`bad-request`), its path asked with another method than the operations of the path take
 * (`method-not-allowed`, which OpenAPI can list only on the operations), those of the connection (the request too slow or its headers too large, refused before
 * it is read), a failure of the hub, and — unless the operation is public — those of the token.
 *
 * @example
 * ```ts
 * import { operations, problemsOf } from '@phx/schema/api';
 * const audit = operations.find((operation) => operation.operationId === 'listAudit')!;
 * problemsOf(audit).includes('unauthorised'); // true
 * ```
 */
export function problemsOf(operation: Operation): ProblemSlug[] {
  return [
    ...operation.problems,
    ...(operation.problems.includes('bad-request') ? [] : (['bad-request'] as const)),
    'method-not-allowed',
    'request-timeout',
    'headers-too-large',
    ...(operation.public ? [] : (['unauthorised', 'rate-limited'] as const)),
    'internal-error',
  ];
}

/**
 * A file `POST /v1/validate` reads, in each format PHX reads: what it holds, and its schema as the body. It is sent as
 * the first media type of its format in `fileFormats`, by which the hub tells the format of a body.
 */
const filesToValidate = {
  json: { holds: 'a package', schema: DataPackage },
  ndjson: { holds: 'an NDJSON stream', schema: describe(z.string(), 'One record a line.') },
  csv: { holds: 'a CSV table', schema: describe(z.string(), 'One table of one record type.') },
  xlsx: { holds: 'an Excel workbook', schema: describe(z.file(), 'A whole package, a sheet a record type.') },
} satisfies Partial<Record<FileFormat, { holds: string; schema: z.ZodType }>>;
const readFormats = Object.keys(filesToValidate) as (keyof typeof filesToValidate)[];
const mediaTypeOf = (format: (typeof readFormats)[number]): string => fileFormats[format].mediaTypes[0];
const readFormatsSaid = ((said: string[]) => `${said.slice(0, -1).join(', ')} or ${said.at(-1)}`)(
  readFormats.map((format) => `${filesToValidate[format].holds} (\`${mediaTypeOf(format)}\`)`),
);

/** The media type of a JSON Merge Patch (RFC 7396). */
export const MERGE_PATCH_MEDIA_TYPE = 'application/merge-patch+json';

/** The body of a merge patch: the fields to change. */
const mergePatch = z.record(z.string(), z.unknown());

/**
 * The query of a validation: the file's name, whose ending tells the format when the media type does not.
 *
 * @example
 * ```ts
 * import { validateQuery } from '@phx/schema/api';
 * validateQuery.parse({ name: 'observations.csv' }); // { name: 'observations.csv' }
 * ```
 */
export const validateQuery = z.strictObject({
  name: describe(z.string().min(1), 'The file name, whose ending tells the format when the media type does not.').optional(),
});

/** A JSON document the hub serves as it is: the OpenAPI document, a JSON Schema, an export. */
const jsonDocument = (description: string) => describe(z.record(z.string(), z.unknown()), description);

/**
 * The name of the DHIS2 mapping a hub always holds, and exports DHIS2 files with unless asked for another: the
 * UNAIDS GAM template that ships with `@phx/interop`.
 *
 * @example
 * ```ts
 * import { GAM_DHIS2_MAPPING } from '@phx/schema/api';
 * const url = `/v1/export?format=dhis2&mapping=${GAM_DHIS2_MAPPING}`;
 * ```
 */
export const GAM_DHIS2_MAPPING = 'gam';

/**
 * The query of an export: the format, and the filters of the observations list.
 *
 * @example
 * ```ts
 * import { exportQuery } from '@phx/schema/api';
 * exportQuery.parse({ format: 'sdmx-csv', country: 'UA', from: '2023-01-01', to: '2023-12-31' }).format; // 'sdmx-csv'
 * exportQuery.safeParse({ country: 'UA' }).success; // false: the format is needed
 * ```
 */
export const exportQuery = z.strictObject({
  format: describe(oneOf(Object.keys(exportFormats) as [ExportFormat, ...ExportFormat[]]), 'The format to export to.'),
  mapping: describe(
    z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    `For \`dhis2\` and \`dhis2-csv\` only: the name of a DHIS2 mapping the hub holds. \`${GAM_DHIS2_MAPPING}\` (the default) is the UNAIDS GAM template that ships with \`@phx/interop\`; the mappings of DHIS2 instances are named by the hub's operator.`,
  ).optional(),
  ...pick(collections.observations.filters),
});

/** What the file of each export format is. */
const exportFiles: Record<ExportFormat, z.ZodType> = {
  fhir: jsonDocument('A FHIR R4 Bundle of type `transaction`.'),
  dhis2: jsonDocument('A DHIS2 dataValueSet, as `POST /api/dataValueSets` takes it.'),
  'dhis2-csv': describe(z.string(), 'DHIS2 data values as CSV, in the columns DHIS2 reads.'),
  'sdmx-csv': describe(z.string(), 'SDMX-CSV 2.0 data.'),
  'sdmx-json': jsonDocument('An SDMX-JSON 2.0 data message.'),
};

/** The file names of the JSON Schemas a hub serves, e.g. `DataPackage.schema.json`. */
const schemaFiles = (Object.keys(publishedSchemas) as SchemaName[]).map((name) => `${name}.schema.json` as const);

/** The path parameter that names a record: `code` for indicators, `id` for the others. */
export const keyParameterOf = (collection: Collection) => recordTypes[collections[collection].type].key;

function collectionOperations(collection: Collection): Operation[] {
  const { type, readOnly } = collections[collection];
  const schema = recordTypes[type].schema as z.ZodType;
  const name = capital(type);
  const article = /^[aeiou]/.test(type) ? 'an' : 'a';
  const item = `/v1/${collection}/{${keyParameterOf(collection)}}`;
  const list: Operation = {
    operationId: `list${capital(collection)}`,
    method: 'get',
    path: `/v1/${collection}`,
    summary: `List ${collection}`,
    description: `${capital(collection)} in a stable order (by ${keyParameterOf(collection)}), a page at a time; follow \`next\` until it is null. Records inserted meanwhile never make a page skip or repeat a record.`,
    tag: collection,
    query: listQueries[collection],
    headers: [],
    success: { status: 200, description: `A page of ${collection}.`, content: { 'application/json': pages[collection] }, headers: [] },
    problems: ['bad-request'],
  };
  const get: Operation = {
    operationId: `get${name}`,
    method: 'get',
    path: item,
    summary: `Get one ${type}`,
    tag: collection,
    headers: [],
    success: { status: 200, description: `The ${type}.`, content: { 'application/json': schema }, headers: ['ETag'] },
    problems: ['not-found'],
  };
  if (readOnly) return [list, get];
  const change = (method: 'put' | 'patch'): Operation => ({
    operationId: `${method === 'put' ? 'replace' : 'update'}${name}`,
    method,
    path: item,
    summary: `${method === 'put' ? 'Replace' : 'Update'} ${article} ${type}`,
    ...(method === 'patch'
      ? { description: 'Applies a JSON Merge Patch (RFC 7396): fields given replace, `null` removes. The result is validated as a whole.' }
      : {}),
    tag: collection,
    headers: ['If-Match', 'Accept-Language'],
    body:
      method === 'put'
        ? { description: `The whole ${type}.`, content: { 'application/json': schema } }
        : { description: 'The fields to change.', content: { [MERGE_PATCH_MEDIA_TYPE]: mergePatch, 'application/json': mergePatch } },
    success: { status: 200, description: `The ${type}, as stored.`, content: { 'application/json': schema }, headers: ['ETag'] },
    problems: ['bad-request', 'forbidden', 'not-found', 'precondition-failed', 'precondition-required', 'payload-too-large', 'unsupported-media-type', 'validation-failed'],
  });
  return [
    list,
    {
      operationId: `create${name}`,
      method: 'post',
      path: `/v1/${collection}`,
      summary: `Create ${article} ${type}`,
      tag: collection,
      headers: ['Idempotency-Key', 'Accept-Language'],
      body: { description: `The new ${type}.`, content: { 'application/json': schema } },
      success: { status: 201, description: `The ${type}, as stored.`, content: { 'application/json': schema }, headers: ['ETag', 'Location', 'Idempotent-Replayed'] },
      problems: ['bad-request', 'forbidden', 'conflict', 'payload-too-large', 'unsupported-media-type', 'validation-failed', 'idempotency-key-reused'],
    },
    get,
    change('put'),
    change('patch'),
    {
      operationId: `delete${name}`,
      method: 'delete',
      path: item,
      summary: `Delete ${article} ${type}`,
      tag: collection,
      headers: ['If-Match'],
      success: { status: 204, description: 'Deleted.', headers: [] },
      problems: ['forbidden', 'not-found', 'conflict', 'precondition-failed', 'precondition-required'],
    },
  ];
}

/**
 * Every operation of the exchange API: the source of the OpenAPI document and of the hub's routes.
 *
 * @example
 * ```ts
 * import { operations } from '@phx/schema/api';
 * for (const { method, path, problems } of operations) console.log(method.toUpperCase(), path, problems.join(' '));
 * ```
 */
export const operations: readonly Operation[] = [
  ...(Object.keys(collections) as Collection[]).flatMap(collectionOperations),
  {
    operationId: 'importPackage',
    method: 'post',
    path: '/v1/packages',
    summary: 'Import a data package',
    description:
      'Validates the package against the hub and writes every record in one transaction, or none. Records that exist are replaced. A member of the publishing organisation, or the secretariat, may import it, when the token may write every record of it: a record of another organisation that the package carries exactly as the hub stores it (a copy of an indicator definition its observations refer to, so that the file validates on its own) is left as it is and counted as `unchanged`, while a changed one is forbidden. A package id another publisher holds is a conflict. A package with more records than the hub imports at once is refused (413) before it is read; the issues of an invalid one are listed up to the listing limit of the hub (`truncated` then true). The answer to a package stored lists its warnings the same way, in the language asked for.',
    tag: 'packages',
    headers: ['Idempotency-Key', 'Accept-Language'],
    body: { description: 'The package.', content: { 'application/json': DataPackage } },
    success: { status: 200, description: 'Every record was stored; the answer lists the warnings found.', content: { 'application/json': ImportSummary }, headers: ['Idempotent-Replayed'] },
    problems: ['bad-request', 'forbidden', 'conflict', 'payload-too-large', 'unsupported-media-type', 'validation-failed', 'idempotency-key-reused'],
  },
  {
    operationId: 'validatePackage',
    method: 'post',
    path: '/v1/validate',
    summary: 'Validate a data file',
    description:
      `Validates a file as an import of it is validated — with the organisations, indicator definitions and facilities the hub stores, and the observations it stores of the breakdowns the file writes to, which it reads and never writes — so that \`ok\` foretells whether the import would be refused for its data (not who may write it, 403, nor a package id another publisher holds, 409). It reads the file as \`phx validate\` and the validator page do: ${readFormatsSaid}; with another media type the format is told from \`name\` and the bytes. A CSV table that is not UTF-8 is read in the encoding its \`charset\` names (\`text/csv; charset=windows-1251\`, as Excel saves a plain "CSV" on a Ukrainian or Russian Windows), each line that is UTF-8 as UTF-8; a charset that names no encoding is refused (415). JSON and NDJSON are UTF-8 (RFC 8259), as an import reads them: their charset is not read. Invalid data — also a file PHX does not read, and a text holding U+0000 (\`text.nul-character\`), which an import refuses (400) — is a 200 with \`ok: false\`. The issues are listed up to the listing limit of the hub (\`truncated\` then true, \`errors\` and \`warnings\` count them all, and checking stops once the list is full and an error is found: \`read.complete\` is then false); a package with more records than the hub reads at once is refused (413) before it is read.`,
    tag: 'packages',
    query: validateQuery,
    headers: ['Accept-Language'],
    body: {
      description: 'The file.',
      content: {
        ...Object.fromEntries(readFormats.map((format) => [mediaTypeOf(format), filesToValidate[format].schema])),
        'application/octet-stream': describe(z.file(), 'Any file: its format is told from `name` and the bytes.'),
      },
    },
    success: { status: 200, description: 'The issues found, and what was read.', content: { 'application/json': ValidationResult }, headers: [] },
    problems: ['bad-request', 'payload-too-large', 'unsupported-media-type'],
  },
  {
    operationId: 'exportObservations',
    method: 'get',
    path: '/v1/export',
    summary: 'Export observations in the format of another system',
    description:
      'The observations the filters select, as `GET /v1/observations` selects them, with the organisations, facilities and indicator definitions they refer to, as the file `phx export` writes of such a package: a FHIR R4 transaction Bundle, a DHIS2 dataValueSet (JSON or CSV, with the data elements, category option combos and organisation units of the mapping named by `mapping`), SDMX-CSV 2.0 data or an SDMX-JSON 2.0 data message. Whatever the format has no place for is listed in `Export-Notes`, never dropped silently; a DHIS2 file that would send no data value is not made (`export-empty`, with the notes that say why). Its publisher is the organisation of the token; it asserts no licence (`NOASSERTION`), its records coming from many packages.',
    tag: 'export',
    query: exportQuery,
    headers: [],
    success: {
      status: 200,
      description: 'The file, named in `Content-Disposition`.',
      content: Object.fromEntries((Object.keys(exportFormats) as ExportFormat[]).map((format) => [exportFormats[format].mediaType, exportFiles[format]])),
      headers: ['Content-Disposition', 'Export-Notes'],
    },
    problems: ['bad-request', 'export-too-large', 'export-empty'],
  },
  {
    operationId: 'listAudit',
    method: 'get',
    path: '/v1/audit',
    summary: 'Read the audit trail',
    description:
      'The writes to records an organisation owns or wrote, in order, a page at a time: a member or reader reads those of its organisation, the secretariat every entry or those of `organisation`.',
    tag: 'audit',
    query: auditQuery,
    headers: [],
    success: { status: 200, description: 'A page of the trail.', content: { 'application/json': AuditPage }, headers: [] },
    problems: ['bad-request', 'forbidden'],
  },
  {
    operationId: 'getSettings',
    method: 'get',
    path: '/v1/settings',
    summary: 'Get the settings of this hub',
    description:
      "The settings that decide how the hub answers, for a client to check its data by them before sending it: the version of the PHX data format the hub reads, the network's suppression threshold it checks every import, validation and record written by (a count from 1 up to it not marked suppressed is the error `privacy.small-cell`), and the limits it keeps on requests. Any role may read them.",
    tag: 'settings',
    headers: [],
    success: { status: 200, description: "The hub's settings.", content: { 'application/json': HubSettings }, headers: [] },
    problems: [],
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'Get this OpenAPI document',
    description: 'The document, its `servers` naming the hub that serves it: the scheme, host and port the request was sent to (its `Host` header).',
    tag: 'documents',
    public: true,
    headers: [],
    success: { status: 200, description: 'The OpenAPI 3.1 document of the API.', content: { 'application/json': jsonDocument('The OpenAPI 3.1 document of the API.') }, headers: [] },
    problems: [],
  },
  {
    operationId: 'getJsonSchema',
    method: 'get',
    path: '/schemas/v1/{file}',
    pathParameter: describe(z.enum(schemaFiles), 'The file of a JSON Schema of the data format.'),
    summary: 'Get a JSON Schema of the data format',
    description:
      "The JSON Schema of a whole package or of one record type, its `$id` and references rewritten to this hub, so that a package whose `$schema` points here gets completion in editors. It carries an ETag: send it as If-None-Match to get 304 while it is unchanged.",
    tag: 'documents',
    public: true,
    headers: [],
    success: {
      status: 200,
      description: 'The JSON Schema (draft 2020-12).',
      content: { 'application/schema+json': jsonDocument('A JSON Schema, draft 2020-12.') },
      headers: ['ETag'],
    },
    problems: ['not-found'],
  },
];
