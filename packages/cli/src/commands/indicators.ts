import { columnHeading, indicatorCatalogue, type Locale } from '@phx/schema';
import { labelOf } from '@phx/schema/codelists';
import { choice, localeOf, parse } from '../args.js';
import { UsageError } from '../errors.js';
import type { Context } from './context.js';

export const indicatorsHelp = `Usage: phx indicators [--locale <en|ru|uk|fr|es>] [--format <table|json>]

Lists the indicator catalogue that ships with PHX: code, unit, the breakdowns it allows (the fields of
"disaggregation" an observation may give), framework and name.

Options:
  --locale <en|ru|uk|fr|es>   language of the table: headings, units, breakdowns and names (default: from LANG, else en)
  --format <table|json>    a table for people (default) or the definitions as JSON
  -h, --help               show this help`;

function nameIn(name: Record<string, string>, locale: Locale): string {
  return name[locale] ?? name.en ?? Object.values(name)[0] ?? '';
}

/** `phx indicators`: lists the catalogue. */
export async function runIndicators(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('indicators', argv, { locale: { type: 'string' }, format: { type: 'string' } });
  if (values.help) return context.print(`${indicatorsHelp}\n`);
  if (positionals.length > 0) throw new UsageError('unexpected-argument', { command: 'indicators', argument: positionals[0]! });
  const locale = localeOf(values.locale);
  const format = choice('format', values.format, ['table', 'json'], 'table');
  if (format === 'json') return context.print(`${JSON.stringify(indicatorCatalogue, null, 2)}\n`);
  const rows = indicatorCatalogue.map((definition) => [
    definition.code,
    labelOf('unit', definition.unit, locale),
    definition.disaggregations.map((dimension) => labelOf('disaggregationDimension', dimension, locale)).join(', ') || '-',
    definition.framework,
    nameIn(definition.name, locale),
  ]);
  // The fields of an indicator definition, headed as on the indicators sheet of a workbook in the language.
  const header = (['code', 'unit', 'disaggregations', 'framework', 'name'] as const).map((field) => columnHeading(field, locale));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return context.print(`${[line(header), ...rows.map(line)].join('\n')}\n`);
}
