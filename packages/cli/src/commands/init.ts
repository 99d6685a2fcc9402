import { PHX_VERSION, SCHEMA_BASE_URL, starterPlaceholders } from '@phx/schema';
import { parse } from '../args.js';
import { exitCodes, UsageError } from '../errors.js';
import { writeNew } from '../io/files.js';
import type { Context } from './context.js';

export const initHelp = `Usage: phx init [--out <file>] [--hub <url>] [--force]

Writes a starter data package: $schema (for completion in editors), the format version, and the
publisher, licence and description to fill in. Without --out it prints the package.

Options:
  -o, --out <file>   the file to write, e.g. my-data.phx.json (not overwritten unless --force)
  --hub <url>        take $schema from this hub (its /schemas/v1/), e.g. https://hub.example.org
  --force            overwrite the file if it exists
  -h, --help         show this help`;

/**
 * A starter package that validates as it is, with placeholders to replace: `phx validate` warns about each
 * one left (`package.placeholder`).
 */
export function starterPackage(now: Date, schemaBase: string = SCHEMA_BASE_URL): Record<string, unknown> {
  const year = now.getUTCFullYear();
  return {
    $schema: `${schemaBase}DataPackage.schema.json`,
    phxVersion: PHX_VERSION,
    id: `${starterPlaceholders.packageIdPrefix}${year}`,
    publisher: { id: starterPlaceholders.organisationId, name: starterPlaceholders.organisationName },
    license: 'CC-BY-4.0',
    publishedAt: `${now.toISOString().slice(0, 19)}Z`,
    description: { en: starterPlaceholders.description },
    organisations: [
      {
        id: starterPlaceholders.organisationId,
        name: { en: starterPlaceholders.organisationName },
        organisationType: 'ngo',
        countries: ['ZA'],
      },
    ],
    facilities: [],
    observations: [],
    meetings: [],
  };
}

/** Where a hub serves the v1 JSON Schemas, from its URL (http or https, with or without a trailing slash). */
function hubSchemaBase(hub: string): string {
  let url: URL;
  try {
    url = new URL(hub);
  } catch {
    throw new UsageError('not-a-url', { value: hub });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('not-http-url', { value: hub });
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/schemas/v1/`;
}

/** `phx init`: writes or prints a starter package. */
export async function runInit(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('init', argv, { out: { type: 'string', short: 'o' }, force: { type: 'boolean' }, hub: { type: 'string' } });
  if (values.help) return context.print(`${initHelp}\n`);
  if (positionals.length > 0) throw new UsageError('unexpected-argument', { command: 'init', argument: positionals[0]! });
  const text = `${JSON.stringify(starterPackage(new Date(), values.hub === undefined ? undefined : hubSchemaBase(values.hub)), null, 2)}\n`;
  if (!values.out) return context.print(text);
  await writeNew(values.out, text, values.force === true);
  context.note(`wrote ${values.out}: replace the placeholders (publisher, organisation, licence), then run \`phx validate ${values.out}\``);
  return exitCodes.ok;
}
