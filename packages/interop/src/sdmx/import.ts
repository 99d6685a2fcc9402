/** SDMX-CSV (2.0, and 1.0's `DATAFLOW` header) read back into PHX observations. */
import Papa from 'papaparse';
import { codelists, type Observation } from '@phx/schema';
import { csvText, reportQuoteError } from '../csv.js';
import { readFigure } from '../figures.js';
import { indicatorsOf } from '../indicators.js';
import { assemblePackage, IdMaker, type ImportOptions, type ImportResult } from '../imported.js';
import { Notes } from '../report.js';
import { ageCodes, CONFIDENTIAL, NOT_APPLICABLE, periodOfSdmx, phxCodeOf, sexCodes, TOTAL } from './structure.js';

const known = <T extends string>(code: string | undefined, codes: readonly T[]): T | undefined =>
  code !== undefined && (codes as readonly string[]).includes(code) ? (code as T) : undefined;

/** The column separator: the character after `STRUCTURE` (or `STRUCTURE[x]`), or after `DATAFLOW` in SDMX-CSV 1.0. */
function separatorOf(text: string): string | undefined {
  const match = /^(?:STRUCTURE(?:\[[^\]]*\])?|DATAFLOW)(.)/.exec(text);
  return match?.[1];
}

/**
 * Reads SDMX-CSV data in the PHX data structure back into a PHX package. Columns may come in any order; rows
 * with the delete action `D` are skipped with a warning. SDMX-CSV does not carry the licence or the publisher:
 * give them in the options (the publisher defaults to the one reporting organisation). A quote that opens a cell
 * and is never closed would take every row below into that cell: it is an error (`import.unclosed-quote`), and
 * nothing is imported. So is text after the quote that closes a cell (`"Central" prison`), which would take the
 * cells and rows up to the next quote into that cell (`import.text-after-quote`). A value, numerator or denominator
 * that is not a number of zero or more written as SDMX-CSV writes one (`28.7`, `1320`; not `28,7`, `1 320` or `n/a`)
 * is left out of its observation with a warning naming its column and text (`sdmx.value-skipped`).
 *
 * @example
 * ```ts
 * import { fromSdmxCsv } from '@phx/interop';
 * const { package: pkg, notes } = fromSdmxCsv(await readFile('data.csv', 'utf8'), { header: { license: 'CC-BY-4.0' } });
 * ```
 */
export function fromSdmxCsv(text: string, options: ImportOptions = {}): ImportResult {
  const notes = new Notes();
  const input = csvText(text);
  const delimiter = separatorOf(input);
  if (!delimiter) {
    notes.error('sdmx.not-sdmx-csv', {});
    return { package: undefined, notes: notes.list() };
  }
  const parsed = Papa.parse<Record<string, string>>(input, { header: true, delimiter, skipEmptyLines: 'greedy' });
  // Rows missing trailing cells (or with extra ones) are read as they are; a quote never closed, or text after a
  // closing quote, loses the rows read into its cell.
  if (reportQuoteError(parsed, input, 2, notes)) return { package: undefined, notes: notes.list() };
  const { data } = parsed;
  const definitions = indicatorsOf({});
  const ids = new IdMaker();
  const observations: Observation[] = [];
  data.forEach((row, index) => {
    const at = { row: index + 2 };
    const cell = (column: string) => (row[column]?.trim() ? row[column]!.trim() : undefined);
    if (cell('ACTION') === 'D') {
      notes.warn('sdmx.delete-skipped', {}, at);
      return;
    }
    const indicator = cell('INDICATOR');
    const country = known(cell('REF_AREA'), codelists.country.codes);
    const reportingOrganisation = cell('REPORTING_ORG');
    const period = periodOfSdmx(cell('TIME_PERIOD') ?? '');
    const facility = cell('FACILITY');
    // A number the row cannot give is left out, and said so: the row's other numbers still hold.
    const number = (column: 'OBS_VALUE' | 'NUMERATOR' | 'DENOMINATOR', field: string) => {
      const figure = readFigure(cell(column));
      if (figure?.unread !== undefined) notes.warn('sdmx.value-skipped', { column, value: figure.unread }, at, field);
      return figure?.value;
    };
    const sex = cell('SEX');
    const age = cell('AGE');
    const population = cell('POPULATION');
    const disaggregation = {
      ...(sex && sex !== TOTAL ? { sex: phxCodeOf(sexCodes, sex) } : {}),
      ...(age && age !== TOTAL ? { ageGroup: phxCodeOf(ageCodes, age) } : {}),
      ...(population && population !== TOTAL ? { population } : {}),
    };
    // The first column that keeps the row from being read.
    const unread = (
      [
        ['INDICATOR', indicator],
        ['REF_AREA', country],
        ['REPORTING_ORG', reportingOrganisation],
        ['TIME_PERIOD', period],
        ['SEX', !sex || sex === TOTAL || disaggregation.sex],
        ['AGE', !age || age === TOTAL || disaggregation.ageGroup],
      ] as const
    ).find(([, read]) => !read)?.[0];
    if (unread || !indicator || !country || !reportingOrganisation || !period) {
      const column = unread ?? 'INDICATOR';
      const value = cell(column);
      notes.warn('sdmx.row-skipped', value === undefined ? { column } : { column, value }, at);
      return;
    }
    const subnationalArea = cell('SUBNATIONAL_AREA');
    const value = number('OBS_VALUE', 'observation.value');
    const numerator = number('NUMERATOR', 'observation.numerator');
    const denominator = number('DENOMINATOR', 'observation.denominator');
    const comment = cell('OBS_COMMENT');
    const unit = known(cell('UNIT_MEASURE'), codelists.unit.codes) ?? definitions.get(indicator)?.unit ?? 'count';
    observations.push({
      id: ids.make([indicator, country, period.start, ...Object.values(disaggregation) as string[]]),
      indicator,
      reportingOrganisation,
      scope: { country, ...(subnationalArea ? { subnationalArea } : {}), ...(facility && facility !== NOT_APPLICABLE ? { facility } : {}) },
      period,
      ...(Object.keys(disaggregation).length ? { disaggregation: disaggregation as Observation['disaggregation'] } : {}),
      ...(numerator !== undefined ? { numerator } : {}),
      ...(denominator !== undefined ? { denominator } : {}),
      ...(value !== undefined ? { value } : {}),
      unit,
      dataSource: known(cell('DATA_SOURCE'), codelists.dataSource.codes) ?? 'routine-programme-data',
      ...(cell('CONF_STATUS') === CONFIDENTIAL ? { suppressed: true } : {}),
      ...(comment ? { notes: comment } : {}),
    });
  });
  const pkg = assemblePackage('sdmx', { organisations: [], facilities: [], indicators: [], observations, header: {} }, options, notes);
  return { package: pkg, notes: notes.list() };
}
