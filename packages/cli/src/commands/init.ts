import { PHX_VERSION, SCHEMA_BASE_URL } from '@phx/schema';
import { parse } from '../args.js';
import { exitCodes } from '../errors.js';
import { writeNew } from '../io/files.js';
import type { Context } from './context.js';

export const initHelp = `Usage: phx init [--out <file>] [--force]

Writes a starter data package: $schema (for completion in editors), the format version, and the
publisher, licence and description to fill in. Without --out it prints the package.

Options:
  -o, --out <file>   the file to write, e.g. my-data.phx.json (not overwritten unless --force)
  --force            overwrite the file if it exists
  -h, --help         show this help`;

/**
 * A starter package that validates as it is, with placeholders to replace.
 *
 * @example
 * ```ts
 * starterPackage(new Date('2026-01-31T12:00:00Z')).publishedAt; // '2026-01-31T12:00:00Z'
 * ```
 */
export function starterPackage(now: Date): Record<string, unknown> {
  const year = now.getUTCFullYear();
  return {
    $schema: `${SCHEMA_BASE_URL}DataPackage.schema.json`,
    phxVersion: PHX_VERSION,
    id: `my-organisation-${year}`,
    publisher: { id: 'PHX-ORG-CHANGE-ME', name: 'Name of your organisation' },
    license: 'CC-BY-4.0',
    publishedAt: `${now.toISOString().slice(0, 19)}Z`,
    description: { en: 'What this package holds: the period, the places and the indicators it reports.' },
    organisations: [
      {
        id: 'PHX-ORG-CHANGE-ME',
        name: { en: 'Name of your organisation' },
        organisationType: 'ngo',
        countries: ['ZA'],
      },
    ],
    facilities: [],
    observations: [],
    meetings: [],
  };
}

/** `phx init`: writes or prints a starter package. */
export async function runInit(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('init', argv, { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
  if (values.help) return context.print(`${initHelp}\n`);
  if (positionals.length > 0) context.usage(`unexpected argument ${positionals[0]}`, 'use --out <file> to name the file');
  const text = `${JSON.stringify(starterPackage(new Date()), null, 2)}\n`;
  if (!values.out) return context.print(text);
  await writeNew(values.out, text, values.force === true);
  context.note(`wrote ${values.out}: replace the placeholders (publisher, organisation, licence), then run \`phx validate ${values.out}\``);
  return exitCodes.ok;
}
