import type { Locale } from '@phx/schema';
import type { NoteCode, NoteParams } from '../codes.js';
import type { GamStatus } from '../gam/readiness.js';
import type { ExampleKind } from '../report.js';

/**
 * The message of every note code in one language, from the note's params.
 *
 * @example
 * ```ts
 * import { interopLocales } from '@phx/interop';
 * interopLocales.en.notes['field-not-carried']({ field: 'observation.methodNote', target: 'DHIS2' });
 * ```
 *
 * @useDeclaredType
 */
export type NoteMessages = { [Code in NoteCode]: (params: NoteParams[Code]) => string };

/**
 * The texts of @phx/interop in one language: the message of every note code, how the examples of a note are
 * introduced, and the words of the GAM readiness report. Data, like @phx/schema's locales.
 *
 * @example
 * ```ts
 * import { interopLocales, type InteropLocale } from '@phx/interop';
 * const french: InteropLocale = interopLocales.fr;
 * french.gam.status.missing; // 'absent'
 * ```
 */
export interface InteropLocale {
  /** BCP 47 tag of the language. */
  tag: Locale;
  /** The message of each note code, from its params. */
  notes: NoteMessages;
  /** The colon and semicolon of the language, with their spaces (French puts a space before them). */
  punctuation: { colon: string; semicolon: string };
  /** How many records, rows or entries a note concerns, introducing its examples: `3 records`. */
  examples: Record<ExampleKind, (count: number) => string>;
  /** The words of the GAM readiness report. */
  gam: {
    /** Title of the report for a country (its name) and a year. */
    title: (country: string, year: number) => string;
    /** Headings of the report's columns. */
    columns: { indicator: string; name: string; status: string; observations: string; suppressed: string; missingBreakdowns: string };
    /** The name of each status. */
    status: Record<GamStatus, string>;
    /** Why an indicator whose only values are partial figures is incomplete (`GamIndicatorReadiness.onlyPartialFigures`). */
    onlyPartialFigures: string;
    /** The summary line: how many indicators have each status. */
    counts: (counts: Record<GamStatus, number>) => string;
    /**
     * The note of a report none of whose observations is of the country and year asked (`GamReadiness.held`): the
     * country's code and the year asked, then the countries' codes and the years the package holds.
     */
    nothingFor: (country: string, year: number, held: { countries: string[]; years: number[] }) => string;
  };
}

/**
 * The message of `fhir.resource-skipped` for each resource type, `{}` standing for what the resource lacks, and
 * what it lacks for each reason.
 */
export type ResourceSkippedTexts = {
  [Params in NoteParams['fhir.resource-skipped'] as Params['resourceType']]: [message: string, lacks: Record<Params['reason'], string>];
};
