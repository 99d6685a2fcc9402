import { jsonSchemaOf, publishedSchemas, recordTypes, type RecordType, type SchemaName } from '@phx/schema';
import { parse } from '../args.js';
import { UsageError } from '../errors.js';
import type { Context } from './context.js';

const names = Object.keys(publishedSchemas) as SchemaName[];

export const schemaHelp = `Usage: phx schema [type]

Prints the JSON Schema (draft 2020-12) of a record type or of the whole package, generated from
the PHX schemas. It checks shape only; \`phx validate\` also applies the rules beyond shape.

Types: ${names.join(', ')} (default DataPackage); record type names such as observation also work.

Options:
  -h, --help   show this help`;

/** A schema name from what a user typed: `Observation`, `observation` or `observations`. */
function schemaName(value: string): SchemaName | undefined {
  const lower = value.toLowerCase();
  const exact = names.find((name) => name.toLowerCase() === lower);
  if (exact) return exact;
  const type = (Object.keys(recordTypes) as RecordType[]).find((name) => name === lower || recordTypes[name].collection === lower);
  if (type === 'indicator') return 'IndicatorDefinition';
  return type ? names.find((name) => name.toLowerCase() === type) : lower === 'package' ? 'DataPackage' : undefined;
}

/** `phx schema`: prints a JSON Schema. */
export async function runSchema(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('schema', argv, {});
  if (values.help) return context.print(`${schemaHelp}\n`);
  if (positionals.length > 1) throw new UsageError('one-type-at-most', {});
  const name = positionals[0] === undefined ? 'DataPackage' : schemaName(positionals[0]);
  if (!name) throw new UsageError('unknown-type', { type: positionals[0]!, types: names });
  return context.print(`${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`);
}
