/**
 * What the page does with @phx/interop: a checked package in another system's format, and its UNAIDS GAM
 * readiness, in the user's language. The worker loads this module only when one is asked for (a dynamic
 * import), so that checking files never downloads it.
 */
import {
  describeBreakdowns, exportPackage, formatNote, gamReadiness, interopLocales, noteExamples, type ExportTarget, type InteropNote,
} from '@phx/interop';
import { stemOfName, type Locale } from '@phx/schema';
import type { CheckedFile } from './checks.js';
import { exportablePackage } from './exportable.js';
import type { EngineResults, GamView, NoteView } from './protocol.js';

/** The notes of an export in a language. */
export function noteViews(notes: readonly InteropNote[], locale: Locale): NoteView[] {
  return notes.map((note) => ({ severity: note.severity, code: note.code, message: formatNote(note, locale), examples: noteExamples(note, locale) }));
}

/**
 * A valid package in a target's format, its files named after the checked file (`zambia.phx.json`, `zambia.xlsx` →
 * `zambia.fhir.json`). The DHIS2 targets use the GAM template's codes: the page has no mapping file of an instance.
 */
export function exportFiles(checked: CheckedFile | undefined, target: ExportTarget, locale: Locale): EngineResults['export'] {
  const { files, notes } = exportPackage(exportablePackage(checked), target);
  const base = stemOfName(checked!.file.name);
  return { files: files.map((file) => ({ name: `${base}${file.extension}`, mediaType: file.mediaType, content: file.content })), notes, views: noteViews(notes, locale) };
}

/** The GAM readiness of a valid package for a country and year, with every text in the language. */
export function gamView(checked: CheckedFile | undefined, country: string, year: number, locale: Locale): GamView {
  const words = interopLocales[locale].gam;
  const report = gamReadiness(exportablePackage(checked), { country, year, locale });
  const countryName = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(country) ?? country;
  return {
    title: words.title(countryName, year),
    columns: words.columns,
    rows: report.indicators.map((row) => ({
      indicator: row.indicator,
      name: row.name,
      status: row.status,
      statusLabel: words.status[row.status],
      ...(row.onlyPartialFigures && { onlyPartialFigures: words.onlyPartialFigures }),
      observations: row.observations,
      suppressed: row.suppressed,
      missingBreakdowns: describeBreakdowns(row.missingBreakdowns, locale),
    })),
    counts: words.counts(report.counts),
    ...(report.held && { nothingFor: words.nothingFor(report.country, report.year, report.held) }),
  };
}
