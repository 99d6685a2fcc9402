/**
 * The DHIS2 mapping file: which data element and category option combo each PHX indicator and breakdown
 * goes to, which organisation unit each scope is, and how periods are named. Validated by a zod schema, so
 * a wrong file is reported field by field before anything is exported.
 */
import * as z from 'zod';
import { codelists, shapeProblems, toPointer } from '@phx/schema';
import { Notes, type InteropNote } from '../report.js';

/** A DHIS2 UID: a letter, then ten letters or digits. */
const UID_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}$/;

const reference = z.string().min(1).max(230);
const Breakdown = z.strictObject({
  sex: z.enum(codelists.sex.codes).optional(),
  ageGroup: z.enum(codelists.ageGroup.codes).optional(),
  population: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
});

const Dhis2MappingSchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** `uid` (the default): the references below are DHIS2 UIDs; `code`: they are DHIS2 codes, sent with `idScheme: code`. */
    idScheme: z.enum(['uid', 'code']).default('uid'),
    /** Data set of the values, written as `dataSet` of the dataValueSet. */
    dataSet: reference.optional(),
    /** Attribute option combo of every value. */
    attributeOptionCombo: reference.optional(),
    /** With `idScheme: code`: a country scope with no `orgUnits` entry is the organisation unit whose code is the ISO country code. */
    countryCodesAsOrgUnits: z.boolean().default(false),
    /** The organisation unit of each scope: a country, a subnational area of it, or a facility. */
    orgUnits: z
      .array(
        z.strictObject({
          country: z.enum(codelists.country.codes),
          subnationalArea: z.string().min(1).optional(),
          facility: z.string().min(1).optional(),
          orgUnit: reference,
        }),
      )
      .default([]),
    /** The data elements of each indicator: the part of the observation each one holds, and a category option combo per breakdown (`{}` for the total). */
    dataElements: z.array(
      z.strictObject({
        indicator: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
        part: z.enum(['value', 'numerator', 'denominator']).default('value'),
        dataElement: reference,
        categoryOptionCombos: z.array(z.strictObject({ disaggregation: Breakdown, categoryOptionCombo: reference })).min(1),
      }),
    ),
    /** DHIS2 period names for periods that are not a standard calendar year, half, quarter, month or day. */
    periods: z.array(z.strictObject({ start: z.iso.date(), end: z.iso.date(), period: z.string().min(1) })).default([]),
    /** On import: the organisation that reports the values (DHIS2 does not say). */
    reportingOrganisation: z.string().regex(/^[A-Z]{2,4}-[A-Z0-9]{2,12}-[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/).optional(),
    /** On import: where the values come from. */
    dataSource: z.enum(codelists.dataSource.codes).default('routine-programme-data'),
  })
  .superRefine((mapping, ctx) => {
    if (mapping.idScheme !== 'uid') return;
    const check = (value: string | undefined, path: (string | number)[]) => {
      if (value !== undefined && !UID_PATTERN.test(value)) ctx.addIssue({ code: 'custom', path, message: `"${value}" is not a DHIS2 UID (a letter, then ten letters or digits); for codes, set "idScheme": "code"` });
    };
    check(mapping.dataSet, ['dataSet']);
    check(mapping.attributeOptionCombo, ['attributeOptionCombo']);
    mapping.orgUnits.forEach((unit, i) => check(unit.orgUnit, ['orgUnits', i, 'orgUnit']));
    mapping.dataElements.forEach((element, i) => {
      check(element.dataElement, ['dataElements', i, 'dataElement']);
      element.categoryOptionCombos.forEach((combo, j) => check(combo.categoryOptionCombo, ['dataElements', i, 'categoryOptionCombos', j, 'categoryOptionCombo']));
    });
  });

/**
 * A DHIS2 mapping, as read (defaults filled in).
 *
 * @example
 * ```ts
 * const mapping: Dhis2Mapping = Dhis2Mapping.parse({ idScheme: 'code', dataElements: [] });
 * mapping.orgUnits; // []
 * ```
 */
export type Dhis2Mapping = z.output<typeof Dhis2MappingSchema>;
/**
 * A DHIS2 mapping as written in a file (defaults may be left out).
 *
 * @example
 * ```ts
 * const file: Dhis2MappingInput = { idScheme: 'code', dataElements: [{ indicator: 'prisons-people-on-oat', dataElement: 'GAM_PRISON_OAT', categoryOptionCombos: [{ disaggregation: {}, categoryOptionCombo: 'default' }] }] };
 * ```
 */
export type Dhis2MappingInput = z.input<typeof Dhis2MappingSchema>;

/**
 * The schema of a DHIS2 mapping file.
 *
 * @example
 * ```ts
 * import { Dhis2Mapping } from '@phx/interop';
 * const mapping = Dhis2Mapping.parse(JSON.parse(await readFile('gam-dhis2.json', 'utf8')));
 * ```
 */
export const Dhis2Mapping: z.ZodType<Dhis2Mapping, Dhis2MappingInput> = Dhis2MappingSchema;

/**
 * Reads a mapping file (parsed JSON); each problem is an error note with its JSON path.
 *
 * @example
 * ```ts
 * const { mapping, notes } = readDhis2Mapping(JSON.parse(text));
 * if (!mapping) for (const note of notes) console.error(formatNote(note, 'es'));
 * ```
 */
export function readDhis2Mapping(input: unknown): { mapping: Dhis2Mapping | undefined; notes: InteropNote[] } {
  const parsed = Dhis2Mapping.safeParse(input);
  if (parsed.success) return { mapping: parsed.data, notes: [] };
  const notes = new Notes();
  for (const { code, path, params } of shapeProblems(Dhis2Mapping, input, []).problems) {
    const pointer = toPointer(path);
    // The one custom check of the schema is the UID check; every other problem is one of shape.
    if (params.zodCode === 'custom') notes.error('dhis2.mapping-not-a-uid', { pointer, value: String(valueAt(input, path)) });
    else notes.error('dhis2.mapping-invalid', { pointer, problem: code, problemParams: params });
  }
  return { mapping: undefined, notes: notes.list() };
}

/** The value at a path of parsed JSON. */
function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((inner, key) => (typeof inner === 'object' && inner !== null ? (inner as Record<string | number, unknown>)[key] : undefined), value);
}
