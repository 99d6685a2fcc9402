import { z } from 'zod';
import { phxRegistry, recordTypes } from '@phx/schema';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, resources, type Resource } from '../http/routes.js';
import { apiRegistry, componentOf } from './schemas.js';

/**
 * A JSON object, as the OpenAPI document is made of.
 *
 * @example
 * ```ts
 * const document: Json = openApiDocument();
 * const info = document.info as Json; // { title: ..., version: ... }
 * ```
 */
export type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string, headers?: Json) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

/** Component schemas of a registry, with references between them pointing into the document. */
function componentsOf(registry: Parameters<typeof z.toJSONSchema>[0]): Record<string, Json> {
  const { schemas } = z.toJSONSchema(registry as never, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id: string) => `#/components/schemas/${id}`,
  }) as unknown as { schemas: Record<string, Json> };
  return Object.fromEntries(
    Object.entries(schemas).map(([name, { $schema: _schema, $id: _id, ...schema }]) => [name, schema]),
  );
}

const responses = {
  BadRequest: problem('The request is malformed: bad JSON, an unknown query parameter, a bad cursor.'),
  Unauthorised: problem('No bearer token, or one the hub does not know.', {
    'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer realm="phx"' },
  }),
  Forbidden: problem("The token's role or organisation may not write this record."),
  NotFound: problem('No such record.'),
  Conflict: problem('The record exists already, or other records refer to it.'),
  PreconditionFailed: problem('If-Match is stale: the record changed since it was read. The problem carries the current `etag`.'),
  PreconditionRequired: problem('If-Match is missing.'),
  PayloadTooLarge: problem('The body, or the number of records in a package, exceeds the limits of the hub.'),
  UnsupportedMediaType: problem('The body is not JSON.'),
  ValidationFailed: problem('The data is invalid (the problem carries the validation `issues`), or an Idempotency-Key was reused for a different request.'),
  RateLimited: problem('The token made too many requests.', {
    'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait before retrying.' },
  }),
  InternalError: problem('The hub failed; quote the request id to its operator.'),
};
const errorResponses = (...names: (keyof typeof responses)[]) =>
  Object.fromEntries(
    names.map((name) => [
      { BadRequest: 400, Unauthorised: 401, Forbidden: 403, NotFound: 404, Conflict: 409, PreconditionFailed: 412, PreconditionRequired: 428, PayloadTooLarge: 413, UnsupportedMediaType: 415, ValidationFailed: 422, RateLimited: 429, InternalError: 500 }[name],
      { $ref: `#/components/responses/${name}` },
    ]),
  );
const always = ['Unauthorised', 'RateLimited', 'InternalError'] as const;

const etagHeader = { ETag: { schema: { type: 'string' }, description: 'Version tag of the record; send it as If-Match to change it.' } };
const parameters = {
  IfMatch: { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'The ETag of the record as last read. A stale one gets 412.' },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 255 },
    description: 'A unique key per logical request: a replay returns the first response (with `Idempotent-Replayed: true`) and writes nothing twice.',
  },
  AcceptLanguage: { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string' }, description: 'Language of validation messages: en, ru, uk, fr or es.' },
  Cursor: { name: 'cursor', in: 'query', required: false, schema: { type: 'string' }, description: 'The `next` of the previous page.' },
  Limit: { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
};
const filterParameters: Record<string, Json> = {
  indicator: { description: 'Indicator code.', schema: { type: 'string' } },
  country: { description: 'Country, ISO 3166-1 alpha-2.', schema: { type: 'string', pattern: '^[A-Z]{2}$' } },
  organisation: { description: 'Reporting organisation (observations) or organiser (meetings).', schema: { type: 'string' } },
  facility: { description: 'Facility id.', schema: { type: 'string' } },
  from: { description: 'Only records whose period ends on or after this date.', schema: { type: 'string', format: 'date' } },
  to: { description: 'Only records whose period starts on or before this date.', schema: { type: 'string', format: 'date' } },
};

const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);

function resourcePaths({ path, type, filters, readOnly }: Resource): Record<string, Json> {
  const schema = componentOf(type);
  const name = capital(type);
  const tags = [path];
  const article = type === 'organisation' || type === 'indicator' ? 'an' : 'a';
  const idParameter = { name: recordTypes[type].key, in: 'path', required: true, schema: { type: 'string' } };
  const single = (description: string) => ({ description, headers: etagHeader, content: { 'application/json': { schema: ref(schema) } } });
  const body = (description: string, media = 'application/json') => ({ required: true, description, content: { [media]: { schema: ref(schema) } } });
  const collection: Json = {
    get: {
      operationId: `list${capital(path)}`,
      summary: `List ${path}`,
      description: `${capital(path)} in a stable order (by ${idParameter.name}), a page at a time; follow \`next\` until it is null. Records inserted meanwhile never make a page skip or repeat a record.`,
      tags,
      parameters: [
        { $ref: '#/components/parameters/Cursor' },
        { $ref: '#/components/parameters/Limit' },
        ...filters.map((filter) => ({ name: filter, in: 'query', required: false, ...filterParameters[filter] })),
      ],
      responses: {
        200: {
          description: `A page of ${path}.`,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['data', 'next'],
                properties: { data: { type: 'array', items: ref(schema) }, next: { type: ['string', 'null'], description: 'Cursor of the next page; null on the last.' } },
              },
            },
          },
        },
        ...errorResponses('BadRequest', ...always),
      },
    },
  };
  const item: Json = {
    parameters: [idParameter],
    get: { operationId: `get${name}`, summary: `Get one ${type}`, tags, responses: { 200: single(`The ${type}.`), ...errorResponses('NotFound', ...always) } },
  };
  if (!readOnly) {
    collection.post = {
      operationId: `create${name}`,
      summary: `Create ${article} ${type}`,
      tags,
      parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }, { $ref: '#/components/parameters/AcceptLanguage' }],
      requestBody: body(`The new ${type}.`),
      responses: {
        201: { ...single(`The ${type}, as stored.`), headers: { ...etagHeader, Location: { schema: { type: 'string' } } } },
        ...errorResponses('BadRequest', 'Forbidden', 'Conflict', 'PayloadTooLarge', 'UnsupportedMediaType', 'ValidationFailed', ...always),
      },
    };
    const change = (verb: 'replace' | 'update', requestBody: Json, description?: string): Json => ({
      operationId: `${verb}${name}`,
      summary: `${capital(verb)} ${article} ${type}`,
      ...(description ? { description } : {}),
      tags,
      parameters: [{ $ref: '#/components/parameters/IfMatch' }, { $ref: '#/components/parameters/AcceptLanguage' }],
      requestBody,
      responses: {
        200: single(`The ${type}, as stored.`),
        ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'PreconditionFailed', 'PreconditionRequired', 'PayloadTooLarge', 'UnsupportedMediaType', 'ValidationFailed', ...always),
      },
    });
    item.put = change('replace', body(`The whole ${type}.`));
    item.patch = change(
      'update',
      { required: true, description: 'The fields to change.', content: { 'application/merge-patch+json': { schema: { type: 'object' } } } },
      'Applies a JSON Merge Patch (RFC 7396): fields given replace, `null` removes. The result is validated as a whole.',
    );
    item.delete = {
      operationId: `delete${name}`,
      summary: `Delete ${article} ${type}`,
      tags,
      parameters: [{ $ref: '#/components/parameters/IfMatch' }],
      responses: { 204: { description: 'Deleted.' }, ...errorResponses('Forbidden', 'NotFound', 'Conflict', 'PreconditionFailed', 'PreconditionRequired', ...always) },
    };
  }
  return { [`/v1/${path}`]: collection, [`/v1/${path}/{${idParameter.name}}`]: item };
}

/**
 * The OpenAPI 3.1 document of the exchange API, generated from the zod schemas of @phx/schema
 * (the data format) and of the hub (pages, problems, import summaries). `npm run openapi` writes
 * it to `schemas/v1/openapi.json`; the hub serves it at `/v1/openapi.json`.
 *
 * @example
 * ```ts
 * import { openApiDocument } from '@phx/server';
 * const document = openApiDocument();
 * Object.keys(document.paths); // ['/v1/organisations', '/v1/organisations/{id}', ...]
 * ```
 */
export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'PHX exchange API',
      version: '1.0.0',
      summary: 'Push and pull Prison Health Exchange data: organisations, facilities, indicators, observations and meetings.',
      description:
        'The API of a PHX hub. Every request carries a bearer token of one organisation and role. Errors are RFC 9457 problem details. Records carry ETags; changes need If-Match. POSTs accept an Idempotency-Key. A hub serves this document, without a token, at /v1/openapi.json. See docs/api.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: 'http://127.0.0.1:8080', description: 'A hub started with `phx serve --port 8080`.' }],
    security: [{ bearer: [] }],
    tags: [
      ...resources.map(({ path, readOnly }) => ({ name: path, description: `${capital(path)}${readOnly ? ' (read-only: the catalogue and the definitions of imported packages)' : ''}.` })),
      { name: 'packages', description: 'Whole data packages: import all or nothing, or validate without storing.' },
      { name: 'audit', description: 'Who wrote what, in whose name, and when.' },
    ],
    paths: {
      ...Object.assign({}, ...resources.map(resourcePaths)),
      '/v1/packages': {
        post: {
          operationId: 'importPackage',
          summary: 'Import a data package',
          description: 'Validates the package against the hub and writes every record in one transaction, or none. Records that exist are replaced.',
          tags: ['packages'],
          parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }, { $ref: '#/components/parameters/AcceptLanguage' }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('DataPackage') } } },
          responses: {
            200: { description: 'Every record was stored.', content: { 'application/json': { schema: ref('ImportSummary') } } },
            ...errorResponses('BadRequest', 'Forbidden', 'PayloadTooLarge', 'UnsupportedMediaType', 'ValidationFailed', ...always),
          },
        },
      },
      '/v1/audit': {
        get: {
          operationId: 'listAudit',
          summary: 'Read the audit trail',
          description: 'The writes to records an organisation owns or wrote, in order, a page at a time: a member or reader reads those of its organisation, the secretariat every entry or those of `organisation`.',
          tags: ['audit'],
          parameters: [
            { $ref: '#/components/parameters/Cursor' },
            { $ref: '#/components/parameters/Limit' },
            { name: 'organisation', in: 'query', required: false, schema: { type: 'string' }, description: 'Only entries of this organisation (the secretariat; others may name only their own).' },
          ],
          responses: {
            200: {
              description: 'A page of the trail.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['data', 'next'],
                    properties: { data: { type: 'array', items: ref('AuditEntry') }, next: { type: ['string', 'null'], description: 'Cursor of the next page; null on the last.' } },
                  },
                },
              },
            },
            ...errorResponses('BadRequest', 'Forbidden', ...always),
          },
        },
      },
      '/v1/validate': {
        post: {
          operationId: 'validatePackage',
          summary: 'Validate a data file',
          description:
            'Validates a file as `phx validate` and the validator page do, against what the hub stores, and stores nothing: a package (`application/json`), an NDJSON stream (`application/x-ndjson`) or a CSV table (`text/csv`); with another media type the format is told from `name` and the bytes. Invalid data is a 200 with `ok: false`.',
          tags: ['packages'],
          parameters: [
            { $ref: '#/components/parameters/AcceptLanguage' },
            { name: 'name', in: 'query', required: false, description: 'The file name, whose ending tells the format when the media type does not.', schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref('DataPackage') },
              'application/x-ndjson': { schema: { type: 'string', description: 'One record a line.' } },
              'text/csv': { schema: { type: 'string', description: 'One table of one record type.' } },
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            },
          },
          responses: {
            200: { description: 'The issues found.', content: { 'application/json': { schema: ref('ValidationResult') } } },
            ...errorResponses('PayloadTooLarge', ...always),
          },
        },
      },
    },
    components: {
      schemas: { ...componentsOf(phxRegistry), ...componentsOf(apiRegistry) },
      parameters,
      responses,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `phx token create --org <id> --role <member|secretariat|reader>`.' } },
    },
  };
}
