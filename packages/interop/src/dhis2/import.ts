/**
 * A DHIS2 dataValueSet (JSON, either form) or data value CSV read back into PHX observations with the same
 * mapping that exports them. Values the mapping does not know are skipped with a warning.
 */
import Papa from 'papaparse';
import * as z from 'zod';
import type { DataPackage, Observation } from '@phx/schema';
import { dimensionsOf } from '../breakdowns.js';
import { csvText, reportQuoteError, rowLines, shortened } from '../csv.js';
import { readFigure } from '../figures.js';
import { indicatorsOf } from '../indicators.js';
import { assemblePackage, IdMaker, observationIdParts, type ImportOptions, type ImportResult } from '../imported.js';
import { Notes, type At } from '../report.js';
import type { Dhis2Mapping } from './mapping.js';
import { periodOfDhis2 } from './periods.js';

const scalar = z.union([z.string(), z.number()]).transform(String);
const DataValue = z.looseObject({
  dataElement: scalar,
  period: scalar.optional(),
  orgUnit: scalar.optional(),
  categoryOptionCombo: scalar.optional(),
  attributeOptionCombo: scalar.optional(),
  value: scalar.optional(),
  comment: z.string().optional(),
  deleted: z.unknown().optional(),
});
const DataValueSet = z.looseObject({ period: scalar.optional(), orgUnit: scalar.optional(), dataValues: z.array(z.unknown()) });

interface Value {
  dataElement: string;
  period: string | undefined;
  orgUnit: string | undefined;
  categoryOptionCombo: string | undefined;
  value: string | undefined;
  comment: string | undefined;
  at: At;
}

/** Whether DHIS2 marks a value deleted: `"deleted": true` in JSON, `true` in the CSV column (either way as text too). */
function isDeleted(deleted: unknown): boolean {
  return deleted === true || (typeof deleted === 'string' && deleted.trim().toLowerCase() === 'true');
}

/** The columns of DHIS2's data value CSV the importer reads: their names (older DHIS2 versions' too) and their place in DHIS2's order. */
const CSV_COLUMNS = {
  dataElement: { names: ['dataelement'], position: 0 },
  period: { names: ['period'], position: 1 },
  orgUnit: { names: ['orgunit'], position: 2 },
  categoryOptionCombo: { names: ['categoryoptioncombo', 'catoptcombo'], position: 3 },
  value: { names: ['value'], position: 5 },
  comment: { names: ['comment'], position: 8 },
  deleted: { names: ['deleted'], position: 10 },
} as const;

/** A heading as the importer compares it: lower case, letters only (`dataElement`, `data_element` and `dataelement` alike). */
const headingOf = (cell: string | undefined) => (cell ?? '').toLowerCase().replace(/[^a-z]/g, '');

/**
 * Where each column is: by its name in a header row (DHIS2 names the columns, and the number of them changed between
 * versions: `deleted` came later), else by DHIS2's order. Undefined: the header has no such column.
 */
function csvColumns(header: readonly string[] | undefined): Record<keyof typeof CSV_COLUMNS, number | undefined> {
  const headings = header?.map(headingOf);
  return Object.fromEntries(
    Object.entries(CSV_COLUMNS).map(([field, { names, position }]) => {
      if (!headings) return [field, position];
      const index = headings.findIndex((heading) => (names as readonly string[]).includes(heading));
      return [field, index < 0 ? undefined : index];
    }),
  ) as Record<keyof typeof CSV_COLUMNS, number | undefined>;
}

/** The scope of an organisation unit, per the mapping. */
function scopeOf(orgUnit: string, mapping: Dhis2Mapping): Observation['scope'] | undefined {
  const entry = mapping.orgUnits.find((u) => u.orgUnit === orgUnit);
  if (entry) {
    return { country: entry.country, ...(entry.subnationalArea ? { subnationalArea: entry.subnationalArea } : {}), ...(entry.facility ? { facility: entry.facility } : {}) };
  }
  if (mapping.countryCodesAsOrgUnits && mapping.idScheme === 'code' && /^[A-Z]{2}$/.test(orgUnit)) return { country: orgUnit as Observation['scope']['country'] };
  return undefined;
}

/** Observations from data values: one per indicator, scope, period and breakdown, its parts from each data element. */
function observationsOf(values: readonly Value[], mapping: Dhis2Mapping, reporter: string, notes: Notes): Observation[] {
  const definitions = indicatorsOf({});
  // Each part with the text it was read from, to name it when a second value for the part comes.
  const drafts = new Map<string, Partial<Observation> & { parts: Partial<Record<'value' | 'numerator' | 'denominator', { value: number; text: string }>>; comments: string[] }>();
  for (const v of values) {
    const matches = mapping.dataElements.flatMap((element) =>
      element.dataElement === v.dataElement
        ? element.categoryOptionCombos.filter((c) => (v.categoryOptionCombo ?? 'default') === c.categoryOptionCombo || (v.categoryOptionCombo === undefined && Object.keys(c.disaggregation).length === 0)).map((c) => ({ element, combo: c }))
        : [],
    );
    const match = matches[0];
    if (!match) {
      notes.warn('dhis2.unmapped-value', { dataElement: v.dataElement, categoryOptionCombo: v.categoryOptionCombo ?? 'default' }, v.at);
      continue;
    }
    const scope = v.orgUnit === undefined ? undefined : scopeOf(v.orgUnit, mapping);
    const period = v.period === undefined ? undefined : periodOfDhis2(v.period, mapping);
    const figure = readFigure(v.value);
    if (!scope || !period || figure?.value === undefined) {
      const unread = !scope ? { reason: 'org-unit' as const, value: v.orgUnit } : !period ? { reason: 'period' as const, value: v.period } : { reason: 'number' as const, value: figure?.unread ?? '' };
      notes.warn('dhis2.value-skipped', unread.value === undefined ? { reason: unread.reason } : unread, v.at);
      continue;
    }
    const disaggregation = Object.fromEntries(dimensionsOf({ disaggregation: match.combo.disaggregation }));
    const key = JSON.stringify([match.element.indicator, scope, period, disaggregation]);
    let draft = drafts.get(key);
    if (!draft) {
      draft = {
        indicator: match.element.indicator,
        scope,
        period,
        ...(Object.keys(disaggregation).length ? { disaggregation } : {}),
        parts: {},
        comments: [],
      };
      drafts.set(key, draft);
    }
    const kept = draft.parts[match.element.part];
    if (kept) {
      // PHX has no attribute option combo (a funder, a partner), and a sum is wrong for all but counts: the first
      // value stays, and the second is named, so that no value is lost unsaid.
      notes.warn('dhis2.value-conflict', { dataElement: v.dataElement, categoryOptionCombo: v.categoryOptionCombo ?? 'default', orgUnit: v.orgUnit!, period: v.period!, kept: kept.text, dropped: shortened(v.value!.trim()) }, v.at);
      continue;
    }
    draft.parts[match.element.part] = { value: figure.value, text: shortened(v.value!.trim()) };
    // Every part may carry a comment (the export writes the observation's notes on each): each is kept, once.
    if (v.comment?.trim() && !draft.comments.includes(v.comment)) draft.comments.push(v.comment);
  }
  const ids = new IdMaker();
  return [...drafts.values()].map(({ parts: read, comments, ...draft }) => {
    const parts = Object.fromEntries(Object.entries(read).map(([part, { value }]) => [part, value])) as Partial<Record<'value' | 'numerator' | 'denominator', number>>;
    const definition = definitions.get(draft.indicator!);
    const numerator = parts.numerator ?? (definition?.calculation === 'count' ? parts.value : undefined);
    return {
      id: ids.make(observationIdParts({ ...(draft as Observation), reportingOrganisation: reporter })),
      indicator: draft.indicator!,
      reportingOrganisation: reporter,
      scope: draft.scope!,
      period: draft.period!,
      ...(draft.disaggregation ? { disaggregation: draft.disaggregation } : {}),
      ...(numerator !== undefined ? { numerator } : {}),
      ...(parts.denominator !== undefined ? { denominator: parts.denominator } : {}),
      ...(parts.value !== undefined ? { value: parts.value } : {}),
      unit: definition?.unit ?? 'count',
      dataSource: mapping.dataSource,
      ...(comments.length ? { notes: comments.join('\n') } : {}),
    } as Observation;
  });
}

/**
 * The package of the values read. Everything missing is told at once, each with what supplies it: the organisation
 * that reports the values (the publisher, else the mapping's `reportingOrganisation`) and the licence, which DHIS2
 * never carries; the values are read all the same, so that their own notes come in the same run.
 */
function imported(values: Value[], mapping: Dhis2Mapping, options: ImportOptions, notes: Notes): ImportResult {
  const reporter = mapping.reportingOrganisation;
  if (!reporter) {
    notes.error('dhis2.reporter-missing', {}, undefined, 'observation.reportingOrganisation');
    // The publisher is not named apart: `phx import --publisher`, which the note names, gives the reporter as well.
    if (options.header?.license === undefined) notes.error('import.header-missing', { field: 'license' }, undefined, 'package.license');
  }
  const observations = observationsOf(values, mapping, reporter ?? '', notes);
  if (notes.failed) return { package: undefined, notes: notes.list() };
  const pkg: DataPackage | undefined = assemblePackage('dhis2', { organisations: [], facilities: [], indicators: [], observations, header: {} }, options, notes);
  return { package: pkg, notes: notes.list() };
}

/**
 * Reads a DHIS2 dataValueSet (parsed JSON) back into a PHX package with the mapping that exports it. DHIS2 does
 * not say who reports the values: the mapping's `reportingOrganisation` does. A value marked `"deleted": true` is
 * skipped with a warning (`dhis2.deleted-skipped`); a second value for one part of an observation (as of another
 * attribute option combo) is left out with a warning naming both values (`dhis2.value-conflict`).
 *
 * @example
 * ```ts
 * import { Dhis2Mapping, fromDhis2DataValueSet } from '@phx/interop';
 * const { package: pkg, notes } = fromDhis2DataValueSet(JSON.parse(text), Dhis2Mapping.parse(JSON.parse(await readFile('gam-dhis2.json', 'utf8'))), { header: { license: 'CC-BY-4.0' } });
 * ```
 */
export function fromDhis2DataValueSet(input: unknown, mapping: Dhis2Mapping, options: ImportOptions = {}): ImportResult {
  const notes = new Notes();
  const set = DataValueSet.safeParse(input);
  if (!set.success) {
    notes.error('dhis2.not-a-data-value-set', {});
    return { package: undefined, notes: notes.list() };
  }
  const values: Value[] = [];
  set.data.dataValues.forEach((item, index) => {
    const parsed = DataValue.safeParse(item);
    if (!parsed.success) {
      notes.warn('dhis2.value-skipped', { reason: 'data-element' }, { pointer: `/dataValues/${index}` });
      return;
    }
    const v = parsed.data;
    if (isDeleted(v.deleted)) {
      notes.warn('dhis2.deleted-skipped', {}, { pointer: `/dataValues/${index}` });
      return;
    }
    values.push({
      dataElement: v.dataElement,
      period: v.period ?? set.data.period,
      orgUnit: v.orgUnit ?? set.data.orgUnit,
      categoryOptionCombo: v.categoryOptionCombo,
      value: v.value,
      comment: v.comment,
      at: { pointer: `/dataValues/${index}` },
    });
  });
  return imported(values, mapping, options, notes);
}

/**
 * Reads DHIS2's data value CSV back into a PHX package. A header row (a first row with a cell `dataelement`) names the
 * columns, in any order: `dataelement`, `period`, `orgunit`, `categoryoptioncombo` (`catoptcombo` in older DHIS2
 * versions), `value`, `comment` and `deleted` are read, case and `_` aside. Without one, the columns are in DHIS2's
 * order: data element, period, organisation unit, category option combo, attribute option combo, value, stored by,
 * last updated, comment, follow-up, deleted. A value DHIS2 marks deleted is skipped with a warning
 * (`dhis2.deleted-skipped`). A quote that opens a cell and is never closed would take every
 * row below into that cell: it is an error (`import.unclosed-quote`), and nothing is imported. So is text after the
 * quote that closes a cell (`"Central" prison`), which would take the cells and rows up to the next quote into that
 * cell (`import.text-after-quote`).
 *
 * @example
 * ```ts
 * const { package: pkg } = fromDhis2Csv(await readFile('values.csv', 'utf8'), mapping, { header: { license: 'CC-BY-4.0' } });
 * ```
 */
export function fromDhis2Csv(text: string, mapping: Dhis2Mapping, options: ImportOptions = {}): ImportResult {
  const notes = new Notes();
  const input = csvText(text);
  const parsed = Papa.parse<string[]>(input, { skipEmptyLines: 'greedy' });
  if (reportQuoteError(parsed, input, notes)) return { package: undefined, notes: notes.list() };
  const { data } = parsed;
  const lines = rowLines(parsed, input);
  const values: Value[] = [];
  // Columns in another order may put the data element anywhere: a row naming it is the header, wherever it is.
  const header = data[0]?.some((cell) => headingOf(cell) === 'dataelement') ? data[0] : undefined;
  const columns = csvColumns(header);
  data.forEach((row, index) => {
    if (row === header) return;
    const cell = (field: keyof typeof CSV_COLUMNS) => {
      const text = columns[field] === undefined ? undefined : row[columns[field]]?.trim();
      return text ? text : undefined;
    };
    const at = { row: lines[index]! };
    if (isDeleted(cell('deleted'))) {
      notes.warn('dhis2.deleted-skipped', {}, at);
      return;
    }
    const dataElement = cell('dataElement');
    if (!dataElement) {
      notes.warn('dhis2.value-skipped', { reason: 'data-element' }, at);
      return;
    }
    values.push({ dataElement, period: cell('period'), orgUnit: cell('orgUnit'), categoryOptionCombo: cell('categoryOptionCombo'), value: cell('value'), comment: cell('comment'), at });
  });
  return imported(values, mapping, options, notes);
}
