import * as z from 'zod';
import { phxRegistry } from '../model/common.js';
import { locales } from '../locales/index.js';
import { collections, type Operation, operations, problemsOf, type RequestHeader, type ResponseHeader } from './operations.js';
import { PROBLEM_MEDIA_TYPE, problemTypes, type ProblemSlug } from './problems.js';

/** A JSON object, as the OpenAPI document is made of. */
export type Json = Record<string, unknown>;

const componentRef = (kind: 'schemas' | 'parameters' | 'responses' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });
const pascal = (text: string) => text.replace(/(^|[-\s])([a-z])/g, (_, _separator, letter: string) => letter.toUpperCase()).replace(/[-\s]/g, '');
const jsonSchemaOptions = { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' } as const;

/** Every schema with an id in the registry, with references between them pointing into the document. */
function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(phxRegistry as never, {
    ...jsonSchemaOptions,
    metadata: phxRegistry,
    uri: (id: string) => `#/components/schemas/${id}`,
  }) as unknown as {
    schemas: Record<string, Json>;
  };
  return Object.fromEntries(Object.entries(schemas).map(([name, { $schema: _schema, $id: _id, ...schema }]) => [name, schema]));
}

/** The JSON Schema of one field, and its description apart (a parameter carries it beside the schema). */
function fieldSchema(field: z.ZodType): { schema: Json; description?: string } {
  const { $schema: _schema, description, ...schema } = z.toJSONSchema(field, { ...jsonSchemaOptions, metadata: phxRegistry }) as Json;
  return { schema, ...(typeof description === 'string' ? { description } : {}) };
}

const requestHeaders: Record<RequestHeader, { component: string; parameter: Json }> = {
  'If-Match': {
    component: 'IfMatch',
    parameter: { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'The ETag of the record as last read. A stale one gets 412. A list of entity-tags (`"a", "b"`) holds when any of them is the current ETag, compared strongly (a weak `W/` tag never holds), and `*` when the record exists (RFC 9110, section 13.1.1).' },
  },
  'Idempotency-Key': {
    component: 'IdempotencyKey',
    parameter: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 255 },
      description: 'A unique key per logical request: a replay returns the first response (with `Idempotent-Replayed: true`) and writes nothing twice.',
    },
  },
  'Accept-Language': {
    component: 'AcceptLanguage',
    parameter: {
      name: 'Accept-Language',
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description: `Language of titles and validation messages: ${Object.keys(locales).join(', ')}.`,
    },
  },
};

const responseHeaders: Record<ResponseHeader | 'Retry-After' | 'RateLimit-Policy' | 'RateLimit' | 'WWW-Authenticate', Json> = {
  ETag: { schema: { type: 'string' }, description: 'Version tag of the record (send it as If-Match to change the record) or of the document.' },
  Location: { schema: { type: 'string' }, description: 'The path of the new record.' },
  'Idempotent-Replayed': { schema: { type: 'string', enum: ['true'] }, description: 'Sent when the answer replays the first answer to the same Idempotency-Key.' },
  'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait before retrying.' },
  'RateLimit-Policy': {
    schema: { type: 'string' },
    description:
      'The quota counted (draft-ietf-httpapi-ratelimit-headers): `"token";q=6000;w=60` is 6 000 requests a window of 60 s per token, `"address"` per client address for requests without a known token. Sent with every answer under /v1 but the documents.',
  },
  RateLimit: {
    schema: { type: 'string' },
    description: 'What is left of the quota: `"token";r=5999;t=42` is 5 999 more requests in the 42 s until the window ends. Sent with `RateLimit-Policy`.',
  },
  'WWW-Authenticate': {
    schema: { type: 'string' },
    description: '`Bearer realm="phx"` when no bearer token was sent; with `error="invalid_token"` (RFC 6750) when the token sent is unknown, revoked or expired.',
  },
  'Content-Disposition': { schema: { type: 'string' }, description: 'attachment, with the name to save the file under: `attachment; filename="export-20240201T090000Z.fhir.json"`.' },
  'Export-Notes': {
    description: 'What the format had no place for, as a JSON array (ASCII, non-ASCII characters escaped), one note per code and field; `[]` when the file holds everything.',
    content: { 'application/json': { schema: { type: 'array', items: componentRef('schemas', 'ExportNote') } } },
  },
};
const problemHeaders: Partial<Record<ProblemSlug, (keyof typeof responseHeaders)[]>> = {
  unauthorised: ['WWW-Authenticate', 'RateLimit-Policy', 'RateLimit'],
  'rate-limited': ['Retry-After', 'RateLimit-Policy', 'RateLimit'],
};
const headerRefs = (names: (keyof typeof responseHeaders)[]) =>
  names.length === 0 ? {} : { headers: Object.fromEntries(names.map((name) => [name, componentRef('headers', pascal(name))])) };

/** The problems of an operation, grouped by status: each group becomes one response component. */
function problemGroups(operation: Operation): Map<number, ProblemSlug[]> {
  const groups = new Map<number, ProblemSlug[]>();
  for (const slug of problemsOf(operation)) {
    const status = problemTypes[slug].status;
    groups.set(status, [...(groups.get(status) ?? []), slug]);
  }
  return new Map([...groups].sort(([a], [b]) => a - b));
}
const responseName = (slugs: ProblemSlug[]) => slugs.map(pascal).join('Or');

function problemResponse(slugs: ProblemSlug[]): Json {
  const refs = slugs.map((slug) => componentRef('schemas', `${pascal(slug)}Problem`));
  return {
    description: slugs.map((slug) => `\`${slug}\`: ${problemTypes[slug].summary}`).join(' '),
    ...headerRefs(slugs.flatMap((slug) => problemHeaders[slug] ?? [])),
    content: { [PROBLEM_MEDIA_TYPE]: { schema: refs.length === 1 ? refs[0] : { oneOf: refs } } },
  };
}

function pathItemOperation(operation: Operation, schemaName: (schema: z.ZodType) => Json): Json {
  const parameters = [
    ...(operation.query
      ? Object.entries(operation.query.shape as Record<string, z.ZodType>).map(([name, field]) =>
          name === 'cursor' || name === 'limit'
            ? componentRef('parameters', pascal(name))
            : { name, in: 'query', required: !field.safeParse(undefined).success, ...fieldSchema(field) },
        )
      : []),
    ...operation.headers.map((header) => componentRef('parameters', requestHeaders[header].component)),
  ];
  const { success } = operation;
  const content = (byMediaType: Record<string, z.ZodType>) => Object.fromEntries(Object.entries(byMediaType).map(([media, schema]) => [media, { schema: schemaName(schema) }]));
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    ...(operation.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            description: operation.body.description,
            content: content(operation.body.content),
          },
        }
      : {}),
    responses: {
      [success.status]: {
        description: success.description,
        ...headerRefs(success.headers),
        ...(success.content ? { content: content(success.content) } : {}),
      },
      ...Object.fromEntries([...problemGroups(operation)].map(([status, slugs]) => [status, componentRef('responses', responseName(slugs))])),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the exchange API, generated from the contract: the operations, the
 * schemas of the data format and of the API's answers, and the problem types. `npm run schemas`
 * writes it to `schemas/v1/openapi.json`; a hub serves it at `/v1/openapi.json`.
 *
 * @example
 * ```ts
 * import { openApiDocument } from '@phx/schema/api';
 * const document = openApiDocument();
 * Object.keys(document.paths as object); // ['/v1/organisations', '/v1/organisations/{id}', ...]
 * ```
 */
export function openApiDocument(): Json {
  const schemas = componentSchemas();
  // A schema of the registry is referred to by its id; any other (a merge patch) is written out.
  const schemaName = (schema: z.ZodType): Json => {
    const id = phxRegistry.get(schema)?.id;
    return id ? componentRef('schemas', id) : fieldSchema(schema).schema;
  };
  const paths: Record<string, Json> = {};
  const problemResponses: Record<string, Json> = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    const key = /\{(\w+)\}/.exec(operation.path)?.[1];
    if (key && !item.parameters) {
      item.parameters = [{ name: key, in: 'path', required: true, ...(operation.pathParameter ? fieldSchema(operation.pathParameter) : { schema: { type: 'string' } }) }];
    }
    item[operation.method] = pathItemOperation(operation, schemaName);
    for (const slugs of problemGroups(operation).values()) problemResponses[responseName(slugs)] ??= problemResponse(slugs);
  }
  const collectionPaths = Object.keys(collections) as (keyof typeof collections)[];
  return {
    openapi: '3.1.0',
    info: {
      title: 'PHX exchange API',
      version: '1.0.0',
      summary: 'Push and pull Prison Health Exchange data: organisations, facilities, indicators, observations and meetings.',
      description:
        'The API of a PHX hub. Every request carries a bearer token of one organisation and role. Errors are RFC 9457 problem details whose `type` names the problem. Records carry ETags; changes need If-Match. POSTs accept an Idempotency-Key. A hub serves this document, without a token, at /v1/openapi.json. See docs/api.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: 'http://127.0.0.1:8080', description: 'A hub started with `phx serve --port 8080`.' }],
    security: [{ bearer: [] }],
    tags: [
      ...collectionPaths.map((path) => ({
        name: path,
        description: `${pascal(path)}${collections[path].readOnly ? ' (read-only: the catalogue and the definitions of imported packages)' : ''}.`,
      })),
      { name: 'packages', description: 'Whole data packages: import all or nothing, or validate without storing.' },
      { name: 'export', description: 'The observations of the hub in the formats of other systems: FHIR R4, DHIS2 and SDMX.' },
      { name: 'audit', description: 'Who wrote what, in whose name, and when.' },
      { name: 'settings', description: 'How this hub checks data, and the limits it keeps.' },
      { name: 'documents', description: 'What describes the API and the data format, served without a token.' },
    ],
    paths,
    components: {
      schemas,
      parameters: {
        ...Object.fromEntries(Object.values(requestHeaders).map(({ component, parameter }) => [component, parameter])),
        Cursor: { name: 'cursor', in: 'query', required: false, ...fieldSchema(collectionsQueryField('cursor')) },
        Limit: { name: 'limit', in: 'query', required: false, ...fieldSchema(collectionsQueryField('limit')) },
      },
      headers: Object.fromEntries(Object.entries(responseHeaders).map(([name, header]) => [pascal(name), header])),
      responses: Object.fromEntries(Object.entries(problemResponses).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token from `phx token create --org <id> --role <member|secretariat|reader>`.' },
      },
    },
  };
}

/** A paging field of the lists (every list takes the same). */
function collectionsQueryField(name: 'cursor' | 'limit'): z.ZodType {
  const list = operations.find((operation) => operation.query)!;
  return (list.query!.shape as Record<string, z.ZodType>)[name]!;
}
