import { PHX_VERSION, SCHEMA_BASE_URL, starterPlaceholders, type Locale } from '@phx/schema';
import { countryOf, localeOf, parse } from '../args.js';
import { exitCodes, UsageError } from '../errors.js';
import { writeNew } from '../io/files.js';
import { reportWords } from '../report/words.js';
import type { Context } from './context.js';

export const initHelp = `Usage: phx init [--out <file>] [--country <code>]... [--locale <en|ru|uk|fr|es>] [--hub <url>] [--force]

Writes a starter data package: $schema (for completion in editors), the format version, and the
publisher, licence and description to fill in. Without --out it prints the package.

Options:
  -o, --out <file>            the file to write, e.g. my-data.phx.json (not overwritten unless --force)
  --country <code>            a country the organisation works in, by its ISO 3166-1 code (UA, UKR)
                              or name; once per country. Without it the organisation's list of
                              countries is left empty to fill in
  --locale <en|ru|uk|fr|es>   language of the placeholders to replace (the organisation's name, the
                              package's description) and of the messages (default: from LANG, else en)
  --hub <url>                 take $schema from this hub (its /schemas/v1/), e.g.
                              https://hub.example.org
  --force                     overwrite the file if it exists
  -h, --help                  show this help`;

/**
 * A starter package with placeholders to replace: `phx validate` warns about each one left
 * (`package.placeholder`). The names and the description are written in the language given, under its key; the ids
 * are the same in every language. The countries of the organisation are not guessed: given, the package validates
 * as it is; left empty, validation asks for them.
 */
export function starterPackage(now: Date, countries: readonly string[], locale: Locale, schemaBase: string = SCHEMA_BASE_URL): Record<string, unknown> {
  const year = now.getUTCFullYear();
  const { organisationName, description } = starterPlaceholders.texts[locale];
  return {
    $schema: `${schemaBase}DataPackage.schema.json`,
    phxVersion: PHX_VERSION,
    id: `${starterPlaceholders.packageIdPrefix}${year}`,
    publisher: { id: starterPlaceholders.organisationId, name: organisationName },
    license: 'CC-BY-4.0',
    publishedAt: `${now.toISOString().slice(0, 19)}Z`,
    description: { [locale]: description },
    organisations: [
      {
        id: starterPlaceholders.organisationId,
        name: { [locale]: organisationName },
        organisationType: 'ngo',
        countries,
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
  const { values, positionals } = parse('init', argv, {
    out: { type: 'string', short: 'o' },
    country: { type: 'string', multiple: true },
    force: { type: 'boolean' },
    hub: { type: 'string' },
    locale: { type: 'string' },
  });
  if (values.help) return context.print(`${initHelp}\n`);
  if (positionals.length > 0) throw new UsageError('unexpected-argument', { command: 'init', argument: positionals[0]! });
  const locale = localeOf(values.locale);
  const countries = [...new Set((values.country ?? []).map(countryOf))];
  const text = `${JSON.stringify(starterPackage(new Date(), countries, locale, values.hub === undefined ? undefined : hubSchemaBase(values.hub)), null, 2)}\n`;
  if (!values.out) return context.print(text);
  await writeNew(values.out, text, values.force === true);
  context.note(reportWords[locale].output.started(values.out, countries.length > 0));
  return exitCodes.ok;
}
