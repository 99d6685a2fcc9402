/**
 * A PHX package as a DHIS2 dataValueSet (JSON, bulk form: period and organisation unit on each value) or as
 * DHIS2's data value CSV, following a {@link Dhis2Mapping}.
 */
import Papa from 'papaparse';
import type { DataPackage, Observation } from '@phx/schema';
import { disaggregationKey } from '../breakdowns.js';
import { reportUncarried } from '../fields.js';
import { indicatorsOf } from '../indicators.js';
import type { Exported } from '../fhir/export.js';
import { Notes } from '../report.js';
import { dhis2FieldMap } from './fields.js';
import type { Dhis2Mapping } from './mapping.js';
import { dhis2Period } from './periods.js';

/**
 * One DHIS2 data value. Values are strings, as DHIS2 writes them.
 *
 * @example
 * ```ts
 * const value: Dhis2DataValue = { dataElement: 'PHX_PRISONS_PEOPLE_ON_OAT', period: '2020', orgUnit: 'UA', categoryOptionCombo: 'default', value: '1450' };
 * ```
 */
export interface Dhis2DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo?: string;
  value: string;
  comment?: string;
}

/**
 * A DHIS2 dataValueSet as `POST /api/dataValueSets` takes it.
 *
 * @example
 * ```ts
 * const { data } = toDhis2DataValueSet(pkg, mapping);
 * await fetch('https://dhis2.example.org/api/dataValueSets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
 * ```
 */
export interface Dhis2DataValueSet {
  dataSet?: string;
  idScheme?: 'code';
  dataValues: Dhis2DataValue[];
}

/**
 * The columns of DHIS2's data value CSV, in the order DHIS2 reads them (it skips the header row and reads by position).
 *
 * @example
 * ```ts
 * DHIS2_CSV_COLUMNS.join(','); // 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup'
 * ```
 */
export const DHIS2_CSV_COLUMNS = ['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value', 'storedby', 'lastupdated', 'comment', 'followup'] as const;

/** The organisation unit of a scope, per the mapping. */
function orgUnitOf(scope: Observation['scope'], mapping: Dhis2Mapping): string | undefined {
  const entry = mapping.orgUnits.find(
    (u) => u.country === scope.country && u.subnationalArea === scope.subnationalArea && u.facility === scope.facility,
  );
  if (entry) return entry.orgUnit;
  const countryLevel = scope.subnationalArea === undefined && scope.facility === undefined;
  return countryLevel && mapping.countryCodesAsOrgUnits && mapping.idScheme === 'code' ? scope.country : undefined;
}

/** A scope as one line: its country, area and facility (`UA › Kyiv › ua-fac-12`). */
const placeOf = (scope: Observation['scope']) => [scope.country, scope.subnationalArea, scope.facility].filter(Boolean).join(' › ');

/** What DHIS2 keys a data value by: it keeps one value per key. */
const keyOf = (v: Dhis2DataValue) => JSON.stringify([v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, v.attributeOptionCombo ?? '']);

/** The data values of the package, and the warnings about what had no place. */
function dataValues(pkg: DataPackage, mapping: Dhis2Mapping, notes: Notes): Dhis2DataValue[] {
  const values: Dhis2DataValue[] = [];
  const sent = new Set<string>();
  const definitions = indicatorsOf(pkg);
  for (const observation of pkg.observations ?? []) {
    const elements = mapping.dataElements.filter((e) => e.indicator === observation.indicator);
    if (elements.length === 0) {
      notes.warn('dhis2.unmapped-indicator', { indicator: observation.indicator }, { record: observation.id }, 'observation.indicator');
      continue;
    }
    const orgUnit = orgUnitOf(observation.scope, mapping);
    if (!orgUnit) {
      const { country, subnationalArea, facility } = observation.scope;
      const scope = { country, ...(subnationalArea !== undefined && { subnationalArea }), ...(facility !== undefined && { facility }) };
      notes.warn('dhis2.unmapped-scope', { place: placeOf(observation.scope), ...scope }, { record: observation.id }, 'observation.scope');
      continue;
    }
    const period = dhis2Period(observation.period, mapping);
    if (!period) {
      notes.warn('dhis2.unmapped-period', { start: observation.period.start, end: observation.period.end }, { record: observation.id }, 'observation.period');
      continue;
    }
    if (observation.suppressed) {
      notes.warn('dhis2.suppressed-not-sent', {}, { record: observation.id }, 'observation.suppressed');
      continue;
    }
    const slot = disaggregationKey(observation);
    const own: Dhis2DataValue[] = [];
    for (const element of elements) {
      const combo = element.categoryOptionCombos.find((c) => disaggregationKey({ disaggregation: c.disaggregation }) === slot);
      if (!combo) {
        notes.warn('dhis2.unmapped-breakdown', { dataElement: element.dataElement, breakdown: slot }, { record: observation.id }, 'observation.disaggregation');
        continue;
      }
      const figure = observation[element.part];
      if (figure === undefined) continue;
      own.push({
        dataElement: element.dataElement,
        period,
        orgUnit,
        categoryOptionCombo: combo.categoryOptionCombo,
        ...(mapping.attributeOptionCombo ? { attributeOptionCombo: mapping.attributeOptionCombo } : {}),
        value: String(figure),
        ...(observation.notes ? { comment: observation.notes } : {}),
      });
    }
    // Two reporting organisations (or data sources) giving the same figure: DHIS2 would keep one of their values,
    // whichever it reads last. The whole first observation is sent, so that its parts stay together.
    if (own.some((v) => sent.has(keyOf(v)))) {
      notes.warn('dhis2.duplicate-key', {}, { record: observation.id });
      continue;
    }
    for (const v of own) sent.add(keyOf(v));
    values.push(...own);
    // A part with no data element would vanish: say so. A count's value is its numerator, so one element carries both.
    const mapped = new Set(elements.map((element) => element.part));
    const sameFigure = definitions.get(observation.indicator)?.calculation === 'count' && observation.numerator === observation.value;
    for (const part of ['value', 'numerator', 'denominator'] as const) {
      if (observation[part] === undefined || mapped.has(part)) continue;
      if (sameFigure && part !== 'denominator' && mapped.has(part === 'value' ? 'numerator' : 'value')) continue;
      notes.warn('dhis2.unmapped-part', { indicator: observation.indicator, part }, { record: observation.id }, `observation.${part}`);
    }
  }
  return values;
}

/**
 * Exports the observations of a package as a DHIS2 dataValueSet (bulk form). Observations the mapping has no
 * place for, parts of an observation it has no data element for (`dhis2.unmapped-part`), suppressed cells, and every
 * field DHIS2 cannot carry are warnings, those about observations first (an observation whose place has no
 * organisation unit, `dhis2.unmapped-scope`, names the entry of `orgUnits` to add); so is an observation that would
 * give a data value another one gives already (same data element, period, organisation unit and option combos,
 * as from two reporting organisations): only the first is sent (`dhis2.duplicate-key`).
 *
 * @example
 * ```ts
 * import { Dhis2Mapping, gamDhis2Template, toDhis2DataValueSet } from '@phx/interop';
 * const { data, warnings } = toDhis2DataValueSet(pkg, Dhis2Mapping.parse(gamDhis2Template()));
 * ```
 */
export function toDhis2DataValueSet(pkg: DataPackage, mapping: Dhis2Mapping): Exported<Dhis2DataValueSet> {
  const notes = new Notes();
  // What keeps an observation from being sent (a place, an indicator, a period the mapping lacks) is told first: the
  // fields DHIS2 has no place for, told after it, are the same in every export and would bury it.
  const values = dataValues(pkg, mapping, notes);
  reportUncarried(pkg, dhis2FieldMap, 'DHIS2', notes);
  const data: Dhis2DataValueSet = {
    ...(mapping.dataSet ? { dataSet: mapping.dataSet } : {}),
    ...(mapping.idScheme === 'code' ? { idScheme: 'code' as const } : {}),
    dataValues: values,
  };
  return { data, warnings: notes.list() };
}

/**
 * Exports the observations of a package as DHIS2's data value CSV (`dataelement,period,orgunit,catoptcombo,...`),
 * for `POST /api/dataValueSets` with `Content-Type: application/csv`.
 *
 * @example
 * ```ts
 * const { data: csv } = toDhis2Csv(pkg, mapping);
 * await writeFile('values.csv', csv);
 * ```
 */
export function toDhis2Csv(pkg: DataPackage, mapping: Dhis2Mapping): Exported<string> {
  const { data, warnings } = toDhis2DataValueSet(pkg, mapping);
  return { data: dhis2Csv(data), warnings };
}

/** The data values of a dataValueSet as DHIS2's data value CSV. */
export function dhis2Csv(data: Dhis2DataValueSet): string {
  const rows = data.dataValues.map((v) => [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, v.attributeOptionCombo ?? '', v.value, '', '', v.comment ?? '', '']);
  return Papa.unparse({ fields: [...DHIS2_CSV_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}
