/**
 * The codes of the notes exporters and importers return, with the params their messages are rendered from.
 * Every locale renders every code (src/locales), so that a face shows a note in its user's language.
 */
import type { RecordType, StructuralProblem } from '@phx/schema';

/**
 * The systems PHX data travels to, by their own names (never translated).
 *
 * @example
 * ```ts
 * const target: TargetName = 'DHIS2';
 * ```
 */
export type TargetName = 'FHIR' | 'DHIS2' | 'SDMX';

/**
 * The params of each note code.
 *
 * @example
 * ```ts
 * const params: NoteParams['field-not-carried'] = { target: 'SDMX', field: 'observation.methodNote' };
 * ```
 */
export interface NoteParams {
  /** A field of the package the target has no place for. */
  'field-not-carried': { target: TargetName; field: string };
  /** A record type the target has no place for. */
  'record-not-carried': { target: TargetName; recordType: RecordType };
  /** The text to import is not JSON; where it goes wrong. */
  'import.invalid-json': { line: number; column: number };
  /** The source does not name a field of the package header, and the import options do not either. */
  'import.header-missing': { field: 'publisher' | 'license' };
  /** A quote opens a cell (in `column`, from 1) of a CSV file and is never closed; `value`: the cell's text from the quote to its first line break, shortened. */
  'import.unclosed-quote': { column: number; value: string };
  /** A cell (in `column`, from 1) of a CSV file opens with a quote and has text after the quote that closes it; `value`: its text from the opening quote to its first line break, shortened. */
  'import.text-after-quote': { column: number; value: string };
  /** An observation came without a value: it is worked out from its numerator (a count) or its numerator and denominator (`from`), rounded to two decimals (three significant digits below 1). */
  'import.value-worked-out': { indicator: string; from: 'numerator' | 'numerator-and-denominator' };
  /** The source marks an observation withheld (suppressed) and still gives a `field` that is its value or would give it away: it is left out. */
  'import.withheld-figure-left-out': { field: 'value' | 'numerator' | 'confidenceInterval' };
  'fhir.count-not-integer': { field: 'numerator' | 'denominator' };
  /** A suppressed observation holds a `field` that is its value or would give it away: FHIR gets it masked (value, numerator) or not at all (confidence interval). */
  'fhir.suppressed-value-withheld': { field: 'value' | 'numerator' | 'confidenceInterval' };
  'fhir.unknown-indicator': { indicator: string };
  'fhir.not-a-bundle': Record<string, never>;
  'fhir.entry-unreadable': Record<string, never>;
  /**
   * A resource PHX does not read, and the one `reason` why (the first found): an Organization without a PHX
   * organisation identifier or without a name; a Measure beyond the catalogue without a title, a description or a
   * unit PHX knows (it is not read as an indicator definition); a MeasureReport without a measure, without a reporter
   * that is an Organization with a PHX identifier, without a subject that is a Location with a country, or without a
   * period whose start and end are FHIR dates; a stratum whose value is not a PHX breakdown.
   */
  'fhir.resource-skipped':
    | { resourceType: 'Organization'; reason: 'identifier' | 'name' }
    | { resourceType: 'Measure'; reason: 'title' | 'description' | 'unit' }
    | { resourceType: 'MeasureReport'; reason: 'measure' | 'reporter' | 'subject' | 'period' }
    | { resourceType: 'stratum'; reason: 'breakdown' };
  'fhir.default-data-source': Record<string, never>;
  /** A MeasureReport whose subject is a Location that is neither a PHX facility or area nor a country (`location`: its name, else its first identifier or id): the report is skipped rather than read as the whole country's. */
  'fhir.subject-unknown': { location: string };
  /** A MeasureReport group other than the one without a code that holds the total (`group`: its code's text or code, else its place as `#2`): it is skipped rather than read as the total. */
  'fhir.group-skipped': { group: string };
  /**
   * A MeasureReport that is not aggregate figures to read: its `status` is `error` (FHIR: not reliable) or `pending`
   * (its figures may still change, and PHX has no place to say an observation is provisional), or its `type` is not
   * `summary` (about individuals).
   */
  'fhir.report-skipped': { reason: 'status'; value: 'error' | 'pending' } | { reason: 'type'; value: string };
  /** A measure score in a UCUM unit (`code`) other than the one of its indicator's unit (`expected`): its value is left out rather than read as it is. */
  'fhir.score-unit-unlike': { code: string; expected: string };
  /** A problem of the mapping file's shape: rendered by @phx/schema from `problem` and `problemParams`. */
  'dhis2.mapping-invalid': { pointer: string; problem: StructuralProblem['code']; problemParams: StructuralProblem['params'] };
  'dhis2.mapping-not-a-uid': { pointer: string; value: string };
  'dhis2.unmapped-indicator': { indicator: string };
  /**
   * An observation whose scope (`place`, as one line: `UA › Kyiv › ua-fac-12`) has no organisation unit in the mapping:
   * it is not sent. `country`, `subnationalArea` and `facility` are the scope's, for the entry of `orgUnits` to add.
   */
  'dhis2.unmapped-scope': { place: string; country: string; subnationalArea?: string; facility?: string };
  'dhis2.unmapped-period': { start: string; end: string };
  'dhis2.suppressed-not-sent': Record<string, never>;
  /** An observation gives a `part` (value, numerator or denominator) the mapping has no data element of its indicator for: it is not sent. */
  'dhis2.unmapped-part': { indicator: string; part: 'value' | 'numerator' | 'denominator' };
  'dhis2.unmapped-breakdown': { dataElement: string; breakdown: string };
  'dhis2.not-a-data-value-set': Record<string, never>;
  /** DHIS2 values name no reporting organisation, and neither the mapping (`reportingOrganisation`) nor the publisher given (`phx import --publisher`) does. */
  'dhis2.reporter-missing': Record<string, never>;
  'dhis2.unmapped-value': { dataElement: string; categoryOptionCombo: string };
  /** A data value that cannot be read: without a data element, or an organisation unit, period or number PHX does not read (`value`, when there is one). */
  'dhis2.value-skipped': { reason: 'data-element' | 'org-unit' | 'period' | 'number'; value?: string };
  /**
   * A second value for the part (`value`, numerator or denominator) of an observation that has one already: for the
   * same data element, category option combo (`categoryOptionCombo`), organisation unit and period, as for another
   * attribute option combo, which PHX has no place for. The first (`kept`) stays; the second (`dropped`) is left out.
   */
  'dhis2.value-conflict': { dataElement: string; categoryOptionCombo: string; orgUnit: string; period: string; kept: string; dropped: string };
  /** A value DHIS2 marks deleted (`"deleted": true`, or `true` in the `deleted` column of CSV): it is not data. */
  'dhis2.deleted-skipped': Record<string, never>;
  /** Another observation gives a data value with the same data element, period, organisation unit and option combos (DHIS2 keeps one value for them): only the first observation is sent. */
  'dhis2.duplicate-key': Record<string, never>;
  /** A DHIS2 export that would send no data value: the package has no observation, or the warnings of the export say why none has a place in the mapping. No file is made. */
  'dhis2.nothing-to-send': Record<string, never>;
  'sdmx.not-sdmx-csv': Record<string, never>;
  'sdmx.delete-skipped': Record<string, never>;
  /** A row without a value in `column`, or with one PHX does not read. */
  'sdmx.row-skipped': { column: 'INDICATOR' | 'REF_AREA' | 'REPORTING_ORG' | 'TIME_PERIOD' | 'SEX' | 'AGE'; value?: string };
  /**
   * A cell of `column` with text that is not a number of zero or more as SDMX-CSV writes one (`value`, shortened when
   * long), or a `UNIT_MULT` that is not a whole power of ten: the observation is read without it (without its value).
   */
  'sdmx.value-skipped': { column: 'OBS_VALUE' | 'NUMERATOR' | 'DENOMINATOR' | 'UNIT_MULT'; value: string };
  /** A cell of `column` with a code PHX does not know (`value`, shortened when long), or none: the observation is read with `used`. */
  'sdmx.code-replaced': { column: 'UNIT_MEASURE' | 'DATA_SOURCE'; value?: string; used: string };
  /** A column outside PHX's data structure (`column`, shortened when long): its cells are not read. */
  'sdmx.column-not-read': { column: string };
  'sdmx.duplicate-key': Record<string, never>;
  'sdmx.code-not-an-id': { dimension: string; code: string };
}

/**
 * A note code: what an exporter or importer tells, e.g. `field-not-carried` or `dhis2.unmapped-indicator`.
 *
 * @example
 * ```ts
 * const code: NoteCode = 'sdmx.duplicate-key';
 * ```
 */
export type NoteCode = keyof NoteParams;
