import type { Locale } from '@phx/schema';
import { labelOf } from '@phx/schema/codelists';
import { describeBreakdowns, gamReadiness, interopLocales, type GamReadiness, type GamStatus } from '@phx/interop';
import { createColors } from 'picocolors';
import { choice, countryOf, encodingHelp, encodingOf, localeOf, parse, suppressionThresholdHelp, suppressionThresholdOf } from '../args.js';
import { UsageError } from '../errors.js';
import type { Context } from './context.js';
import { readValidPackage } from './read-package.js';
import { reportWords } from '../report/words.js';

export const checkHelp = `Usage: phx check --profile gam --country <code> --year <year> <package> [options]

Checks a valid package (a .phx.json or .phx.ndjson file, or a filled-in workbook) against a
reporting profile. The gam profile lists, for one country and year, which of the UNAIDS Global AIDS
Monitoring prison indicators the package holds: complete (the
country's value for the year and every breakdown GAM asks for), incomplete, withheld only
(suppressed values) or missing, which breakdowns are missing, and when the only figures are of one
facility, a subnational area or part of the year (GAM reports the whole country and year). The
package's own warnings (a name in a note) are printed on standard error, as phx validate prints them.

Options:
  --profile <gam>               the profile to check against (required)
  --country <code>              the country: its ISO 3166-1 code (UA, UKR) or name (required)
  --year <year>                 the calendar year reported, e.g. 2023 (required)
  --format <table|json>         a table for people (default), or the report as JSON
  --locale <en|ru|uk|fr|es>     language of the report (default: from LANG, else en)
${encodingHelp}
${suppressionThresholdHelp}
  -h, --help                    show this help

Exit codes: 0 checked, 1 the package has errors (listed), 2 usage or I/O error.`;

/** The report as a table: one line per indicator, its missing breakdowns beneath it, then the counts. */
function renderTable(report: GamReadiness, locale: Locale, color: boolean): string {
  const c = createColors(color);
  const words = interopLocales[locale].gam;
  const paint: Record<GamStatus, (text: string) => string> = { complete: c.green, present: c.yellow, suppressed: c.yellow, missing: c.red };
  const header = [words.columns.indicator, words.columns.status, words.columns.observations, words.columns.suppressed, words.columns.name];
  const rows = report.indicators.map((row) => [row.indicator, words.status[row.status], String(row.observations), String(row.suppressed), row.name]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  // Cells are padded as plain text, then the status is coloured.
  const line = (cells: string[], status?: GamStatus) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).map((cell, i) => (i === 1 && status ? paint[status](cell) : cell)).join('  ');
  const out = [c.bold(words.title(labelOf('country', report.country, locale), report.year)), '', c.bold(line(header))];
  report.indicators.forEach((row, index) => {
    out.push(line(rows[index]!, row.status));
    if (row.onlyPartialFigures) out.push(c.dim(`    ${words.onlyPartialFigures}`));
    if (row.missingBreakdowns.length > 0) out.push(c.dim(`    ${words.columns.missingBreakdowns}${interopLocales[locale].punctuation.colon}${describeBreakdowns(row.missingBreakdowns, locale)}`));
  });
  out.push('', words.counts(report.counts));
  // A country or a year the package holds nothing of gives a table of missing indicators: what it holds is said.
  if (report.held) out.push(c.yellow(words.nothingFor(report.country, report.year, report.held)));
  return `${out.join('\n')}\n`;
}

/** `phx check`: a package against a reporting profile. */
export async function runCheck(argv: string[], context: Context): Promise<number> {
  const { values, positionals } = parse('check', argv, {
    profile: { type: 'string' },
    country: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    locale: { type: 'string' },
    encoding: { type: 'string' },
    'suppression-threshold': { type: 'string' },
  });
  if (values.help) return context.print(`${checkHelp}\n`);
  const locale = localeOf(values.locale);
  const format = choice('format', values.format, ['table', 'json'], 'table');
  const suppressionThreshold = suppressionThresholdOf(values['suppression-threshold']);
  const { profile, country: countryGiven, year: yearGiven } = values;
  // All the options missing are named at once: a run for each would teach them one by one.
  if (profile === undefined || countryGiven === undefined || yearGiven === undefined) {
    throw new UsageError('check-options-missing', { options: (['profile', 'country', 'year'] as const).filter((option) => values[option] === undefined) });
  }
  choice('profile', profile, ['gam'], 'gam');
  const country = countryOf(countryGiven);
  const year = Number(yearGiven);
  if (!/^\d{4}$/.test(yearGiven)) throw new UsageError('not-a-year', { value: yearGiven });
  if (positionals.length !== 1) throw new UsageError('one-package', { command: 'check' });

  const reading = { locale, quiet: false, encoding: encodingOf(values.encoding) ?? null, suppressionThreshold };
  const { pkg } = await readValidPackage(positionals[0]!, 'check', reportWords[locale].output.notChecked, reading, context);
  const report = gamReadiness(pkg, { country, year, locale });
  return context.print(format === 'json' ? `${JSON.stringify({ profile: 'gam', ...report }, null, 2)}\n` : renderTable(report, locale, context.color));
}
