/** SDMX-CSV (2.0, and 1.0's `DATAFLOW` header) read back into PHX observations. */
import Papa from 'papaparse';
import { codelists, type Observation } from '@phx/schema';
import { csvText, reportQuoteError, rowLines, shortened } from '../csv.js';
import { readFigure } from '../figures.js';
import { indicatorsOf } from '../indicators.js';
import { assemblePackage, IdMaker, observationIdParts, withoutWithheldFigures, type ImportOptions, type ImportResult } from '../imported.js';
import { Notes } from '../report.js';
import { ageCodes, FREE, NOT_APPLICABLE, periodOfSdmx, phxCodeOf, sdmxComponents, sexCodes, TOTAL } from './structure.js';

const known = <T extends string>(code: string | undefined, codes: readonly T[]): T | undefined =>
  code !== undefined && (codes as readonly string[]).includes(code) ? (code as T) : undefined;

/**
 * The column separator: the character after `STRUCTURE` (or `STRUCTURE[x]`), or after `DATAFLOW` in SDMX-CSV 1.0,
 * quoted or not (R's `write.csv` quotes every cell).
 */
function separatorOf(text: string): string | undefined {
  const match = /^(?:"(?:STRUCTURE(?:\[[^\]"]*\])?|DATAFLOW)"|STRUCTURE(?:\[[^\]]*\])?|DATAFLOW)(.)/.exec(text);
  return match?.[1];
}

/**
 * The columns the importer reads, those of SDMX-CSV's own (`STRUCTURE_NAME` names the dataflow in files with labels)
 * and `UNIT_MULT`, SDMX's power of ten of a value: any other is named in a note, once, as not read.
 */
const readColumns = new Set(['STRUCTURE', 'STRUCTURE_ID', 'STRUCTURE_NAME', 'DATAFLOW', 'ACTION', 'UNIT_MULT', ...sdmxComponents.map((c) => c.id)]);

/** SDMX's `UNIT_MULT`: the power of ten a value is given in (`3`: thousands), a whole number. */
const UNIT_MULTIPLIER = /^[+-]?\d{1,2}$/;

/**
 * Reads SDMX-CSV data in the PHX data structure back into a PHX package. Columns may come in any order; rows
 * with the delete action `D` are skipped with a warning. SDMX-CSV does not carry the licence or the publisher:
 * give them in the options (the publisher defaults to the one reporting organisation). A quote that opens a cell
 * and is never closed would take every row below into that cell: it is an error (`import.unclosed-quote`), and
 * nothing is imported. So is text after the quote that closes a cell (`"Central" prison`), which would take the
 * cells and rows up to the next quote into that cell (`import.text-after-quote`). A value, numerator or denominator
 * that is not a number of zero or more written as SDMX-CSV writes one (`28.7`, `1320`; not `28,7`, `1 320` or `n/a`)
 * is left out of its observation with a warning naming its column and text (`sdmx.value-skipped`). Files of other
 * systems are read with their codes in mind: any `CONF_STATUS` but free makes the observation suppressed, its value
 * and numerator left out with a warning (`import.withheld-figure-left-out`); `UNIT_MULT` is applied to the value, a
 * unit or data source PHX does not know (or no data source) is replaced with a warning (`sdmx.code-replaced`), and
 * each column outside the PHX data structure is named once (`sdmx.column-not-read`).
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
  if (reportQuoteError(parsed, input, notes)) return { package: undefined, notes: notes.list() };
  const { data } = parsed;
  const lines = rowLines(parsed, input);
  for (const column of parsed.meta.fields ?? []) {
    if (!readColumns.has(column) && !/^STRUCTURE\[/.test(column)) notes.warn('sdmx.column-not-read', { column: shortened(column) });
  }
  const definitions = indicatorsOf({});
  const ids = new IdMaker();
  const observations: Observation[] = [];
  data.forEach((row, index) => {
    const at = { row: lines[index]! };
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
    // A value in thousands (`UNIT_MULT` 3) is read in units; one whose power of ten cannot be read is left out.
    const scaled = (figure: number | undefined) => {
      const multiplier = cell('UNIT_MULT');
      if (figure === undefined || multiplier === undefined || Number(multiplier) === 0) return figure;
      if (!UNIT_MULTIPLIER.test(multiplier)) {
        notes.warn('sdmx.value-skipped', { column: 'UNIT_MULT', value: shortened(multiplier) }, at, 'observation.value');
        return undefined;
      }
      // Rounded to the digits a double holds, so that 49.8 thousands is 49800, not 49800.00000000001.
      return Number((figure * 10 ** Number(multiplier)).toPrecision(15));
    };
    // A code PHX does not know is replaced, and said so: the row's other fields still hold.
    const code = <T extends string>(column: 'UNIT_MEASURE' | 'DATA_SOURCE', codes: readonly T[], used: T, field: string, whenEmpty: boolean): T => {
      const text = cell(column);
      const read = known(text, codes);
      if (read) return read;
      if (text !== undefined || whenEmpty) notes.warn('sdmx.code-replaced', text === undefined ? { column, used } : { column, value: shortened(text), used }, at, field);
      return used;
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
    const value = scaled(number('OBS_VALUE', 'observation.value'));
    const numerator = number('NUMERATOR', 'observation.numerator');
    const denominator = number('DENOMINATOR', 'observation.denominator');
    const comment = cell('OBS_COMMENT');
    const conf = cell('CONF_STATUS');
    // Without a unit, the indicator's own is meant; without a data source, which PHX requires, nothing in the row
    // tells which it is, so the one read in its place is noted.
    const unit = code('UNIT_MEASURE', codelists.unit.codes, definitions.get(indicator)?.unit ?? 'count', 'observation.unit', false);
    const dataSource = code('DATA_SOURCE', codelists.dataSource.codes, 'routine-programme-data', 'observation.dataSource', true);
    const scope = { country, ...(subnationalArea ? { subnationalArea } : {}), ...(facility && facility !== NOT_APPLICABLE ? { facility } : {}) };
    const breakdown = Object.keys(disaggregation).length ? { disaggregation: disaggregation as Observation['disaggregation'] } : {};
    observations.push(withoutWithheldFigures({
      id: ids.make(observationIdParts({ indicator, reportingOrganisation, scope, period, ...breakdown })),
      indicator,
      reportingOrganisation,
      scope,
      period,
      ...breakdown,
      ...(numerator !== undefined ? { numerator } : {}),
      ...(denominator !== undefined ? { denominator } : {}),
      ...(value !== undefined ? { value } : {}),
      unit,
      dataSource,
      // Any status but free (`N` not for publication, `D` secondary confidentiality, …) keeps the value from being published.
      ...(conf !== undefined && conf !== FREE ? { suppressed: true } : {}),
      ...(comment ? { notes: comment } : {}),
    }, notes, at));
  });
  const pkg = assemblePackage('sdmx', { organisations: [], facilities: [], indicators: [], observations, header: {} }, options, notes);
  return { package: pkg, notes: notes.list() };
}
