import * as z from 'zod';
import { phxRegistry } from './model/common.js';
import { Facility } from './model/facility.js';
import { IndicatorDefinition } from './model/indicator.js';
import { Meeting } from './model/meeting.js';
import { Observation } from './model/observation.js';
import { Organisation } from './model/organisation.js';
import { DataPackage } from './model/package.js';

/**
 * Where the v1 JSON Schemas are published; each file is `<base><Name>.schema.json`.
 *
 * @example
 * ```ts
 * import { SCHEMA_BASE_URL } from '@phx/schema';
 * const pkg = { $schema: `${SCHEMA_BASE_URL}DataPackage.schema.json`, phxVersion: '1.0' }; // completion in editors
 * ```
 */
export const SCHEMA_BASE_URL = 'https://phx-network.github.io/phx/schemas/v1/';

/**
 * The schemas published as JSON Schema files, by name.
 *
 * @example
 * ```ts
 * import { jsonSchemaOf, publishedSchemas, type SchemaName } from '@phx/schema';
 * for (const name of Object.keys(publishedSchemas) as SchemaName[]) console.log(name, jsonSchemaOf(name).$id);
 * ```
 */
export const publishedSchemas = { DataPackage, Organisation, Facility, IndicatorDefinition, Observation, Meeting } as const;

/**
 * The name of a published JSON Schema, e.g. `DataPackage` or `Observation`.
 */
export type SchemaName = keyof typeof publishedSchemas;

/**
 * A JSON Schema document (draft 2020-12).
 *
 * @example
 * ```ts
 * const schema: JsonSchema = jsonSchemaOf('Organisation');
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 */
export type JsonSchema = Record<string, unknown>;

/** Rewrites references to the root definition (`#/$defs/<root>`) as `#`. */
function pointRootReferencesHome(node: unknown, rootRef: string): void {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) stack.push(...current);
    else if (current !== null && typeof current === 'object') {
      const object = current as Record<string, unknown>;
      if (object.$ref === rootRef) object.$ref = '#';
      stack.push(...Object.values(object));
    }
  }
}

/**
 * The JSON Schema (draft 2020-12) of a record type or of the whole package, generated from the zod
 * schemas: self-contained (shared parts under `$defs`), with `$id`, title and descriptions. It checks
 * shape only; the rules beyond shape are listed in `rulesBeyondSchema`.
 *
 * @example
 * ```ts
 * import { jsonSchemaOf } from '@phx/schema';
 * const schema = jsonSchemaOf('Observation');
 * schema.$id; // 'https://phx-network.github.io/phx/schemas/v1/Observation.schema.json'
 * ```
 */
export function jsonSchemaOf(name: SchemaName): JsonSchema {
  const generated = z.toJSONSchema(publishedSchemas[name], {
    metadata: phxRegistry,
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const defs = { ...generated.$defs };
  const root = defs[name] ?? {};
  delete defs[name];
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE_URL}${name}.schema.json`,
    ...root,
    ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
  };
  pointRootReferencesHome(schema, `#/$defs/${name}`);
  return schema;
}
