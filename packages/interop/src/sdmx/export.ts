/**
 * A PHX package as SDMX: SDMX-CSV 2.0 data with its structure description (an SDMX-JSON 2.0 structure message:
 * data structure, dataflow, concepts and codelists), and the SDMX-JSON 2.0 data message.
 */
import Papa from 'papaparse';
import { labelOf } from '@phx/schema/codelists';
import type { DataPackage, Observation } from '@phx/schema';
import { reportUncarried } from '../fields.js';
import type { Exported } from '../fhir/export.js';
import { indicatorsOf } from '../indicators.js';
import { Notes } from '../report.js';
import { sdmxFieldMap } from './fields.js';
import {
  ageCodes, CONFIDENTIAL, dataflowReference, FREE, keyOf, NOT_APPLICABLE, SDMX_ID, sdmxArtefacts, sdmxComponents, sexCodes, TOTAL, valuesOf,
} from './structure.js';

/**
 * An SDMX-JSON 2.0 message (data or structure) as plain JSON.
 *
 * @example
 * ```ts
 * const { data: message } = toSdmxJson(pkg);
 * message.meta.sender; // { id: 'PHX-ORG-0001', name: 'Prison Health Exchange Network Secretariat' }
 * ```
 */
export interface SdmxJsonMessage {
  meta: { schema: string; id: string; prepared: string; test: false; contentLanguages: string[]; sender: { id: string; name: string } };
  data: Record<string, unknown>;
}

const URN = 'urn:sdmx:org.sdmx.infomodel';
const { agency } = sdmxArtefacts;
const ref = (artefact: { id: string; version: string }) => `${agency}:${artefact.id}(${artefact.version})`;
const codelistUrn = (id: string) => `${URN}.codelist.Codelist=${agency}:${id}(1.0.0)`;
const conceptUrn = (id: string) => `${URN}.conceptscheme.Concept=${ref(sdmxArtefacts.conceptScheme)}.${id}`;
const dataflowUrn = `${URN}.datastructure.Dataflow=${ref(sdmxArtefacts.dataflow)}`;
const dataStructureUrn = `${URN}.datastructure.DataStructure=${ref(sdmxArtefacts.dataStructure)}`;

/** The observations SDMX can key: the first of each key (a later one with the same key is a warning). */
function keyedObservations(pkg: DataPackage, notes: Notes): { observation: Observation; key: Record<string, string> }[] {
  const seen = new Set<string>();
  const keyed: { observation: Observation; key: Record<string, string> }[] = [];
  for (const observation of pkg.observations ?? []) {
    const key = keyOf(observation);
    const text = Object.values(key).join('.');
    if (seen.has(text)) {
      notes.warn('sdmx.duplicate-key', {}, { record: observation.id });
      continue;
    }
    seen.add(text);
    for (const [dimension, code] of Object.entries(key)) {
      if (dimension !== 'TIME_PERIOD' && !SDMX_ID.test(code)) notes.warn('sdmx.code-not-an-id', { dimension, code }, { record: observation.id });
    }
    keyed.push({ observation, key });
  }
  return keyed;
}

function prepared(pkg: DataPackage, id: string): SdmxJsonMessage['meta'] {
  return {
    schema: `https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/${id}-message/tools/schemas/2.0.0/sdmx-json-${id}-schema.json`,
    id: `${pkg.id}-${id}`,
    prepared: pkg.publishedAt,
    test: false,
    contentLanguages: ['en'],
    sender: { id: pkg.publisher.id, name: pkg.publisher.name },
  };
}

/** The codes of each codelist as the package uses them, with English names. */
function codelistsOf(pkg: DataPackage): Map<string, { id: string; name: string }[]> {
  const definitions = indicatorsOf(pkg);
  const observations = pkg.observations ?? [];
  const unique = <T>(items: T[]) => [...new Set(items)];
  const named = (table: Record<string, string>, list: 'sex' | 'ageGroup') =>
    Object.entries(table).filter(([phx]) => phx !== 'all').map(([phx, id]) => ({ id, name: labelOf(list, phx, 'en') })).concat([{ id: TOTAL, name: 'Total' }]);
  const organisations = new Map((pkg.organisations ?? []).map((o) => [o.id, o.name.en ?? Object.values(o.name)[0]!]));
  return new Map([
    ['CL_INDICATOR', [...definitions.values()].map((d) => ({ id: d.code, name: d.name.en ?? Object.values(d.name)[0]! }))],
    ['CL_AREA', unique(observations.map((o) => o.scope.country)).map((c) => ({ id: c, name: labelOf('country', c, 'en') }))],
    ['CL_FACILITY', [...unique(observations.flatMap((o) => (o.scope.facility ? [o.scope.facility] : []))).map((f) => ({ id: f, name: f })), { id: NOT_APPLICABLE, name: 'Not applicable' }]],
    ['CL_REPORTING_ORG', unique(observations.map((o) => o.reportingOrganisation)).map((id) => ({ id, name: organisations.get(id) ?? id }))],
    ['CL_SEX', named(sexCodes, 'sex')],
    ['CL_AGE', named(ageCodes, 'ageGroup')],
    ['CL_POPULATION', [...unique(observations.flatMap((o) => (o.disaggregation?.population ? [o.disaggregation.population] : []))).map((p) => ({ id: p, name: labelOf('population', p, 'en') })), { id: TOTAL, name: 'Total' }]],
    ['CL_UNIT', ['percent', 'count', 'rate-per-100000', 'rate-per-10000'].map((u) => ({ id: u, name: labelOf('unit', u, 'en') }))],
    ['CL_CONF_STATUS', [{ id: FREE, name: 'Free' }, { id: CONFIDENTIAL, name: 'Confidential statistical information' }]],
    ['CL_DATA_SOURCE', ['routine-programme-data', 'survey', 'study', 'estimate'].map((s) => ({ id: s, name: labelOf('dataSource', s, 'en') }))],
  ]);
}

const representation = (c: (typeof sdmxComponents)[number]) => (c.codelist ? { enumeration: codelistUrn(c.codelist) } : { format: { dataType: c.dataType } });

/**
 * The structure description of PHX data in SDMX: an SDMX-JSON 2.0 structure message with the data structure
 * (dimensions, time dimension, measure, attributes), the dataflow, the concept scheme and the codelists, their
 * codes those the package uses.
 *
 * @example
 * ```ts
 * import { sdmxStructure } from '@phx/interop';
 * const structure = sdmxStructure(pkg);
 * (structure.data.dataStructures as { id: string }[])[0]!.id; // 'DSD_PRISON_HEALTH'
 * ```
 */
export function sdmxStructure(pkg: DataPackage): SdmxJsonMessage {
  const artefact = (a: { id: string; version: string }, name: string) => ({ id: a.id, version: a.version, agencyID: agency, isExternalReference: false, isFinal: false, name, names: { en: name } });
  const dimensions = sdmxComponents.filter((c) => c.kind === 'dimension');
  const time = sdmxComponents.find((c) => c.kind === 'time')!;
  return {
    meta: prepared(pkg, 'structure'),
    data: {
      dataStructures: [
        {
          ...artefact(sdmxArtefacts.dataStructure, 'Health in prisons and other closed settings'),
          dataStructureComponents: {
            dimensionList: {
              id: 'DimensionDescriptor',
              dimensions: dimensions.map((c, position) => ({ id: c.id, position, type: 'Dimension', conceptIdentity: conceptUrn(c.id), localRepresentation: representation(c) })),
              timeDimension: { id: time.id, position: dimensions.length, type: 'TimeDimension', conceptIdentity: conceptUrn(time.id), localRepresentation: { format: { dataType: time.dataType } } },
            },
            measureList: {
              id: 'MeasureDescriptor',
              measures: sdmxComponents.filter((c) => c.kind === 'measure').map((c) => ({ id: c.id, conceptIdentity: conceptUrn(c.id), localRepresentation: representation(c) })),
            },
            attributeList: {
              id: 'AttributeDescriptor',
              attributes: sdmxComponents
                .filter((c) => c.kind === 'attribute')
                .map((c) => ({ id: c.id, assignmentStatus: c.id === 'UNIT_MEASURE' || c.id === 'CONF_STATUS' ? 'Mandatory' : 'Conditional', attributeRelationship: { observation: {} }, conceptIdentity: conceptUrn(c.id), localRepresentation: representation(c) })),
            },
          },
        },
      ],
      dataflows: [{ ...artefact(sdmxArtefacts.dataflow, 'Health in prisons and other closed settings (PHX)'), structure: dataStructureUrn }],
      conceptSchemes: [{ ...artefact(sdmxArtefacts.conceptScheme, 'PHX concepts'), isPartial: false, concepts: sdmxComponents.map((c) => ({ id: c.id, name: c.name, names: { en: c.name } })) }],
      codelists: [...codelistsOf(pkg)].map(([id, codes]) => ({ ...artefact({ id, version: '1.0.0' }, id), isPartial: true, codes: codes.map((code) => ({ ...code, names: { en: code.name } })) })),
    },
  };
}

/**
 * Exports the observations of a package as SDMX-CSV 2.0 (`STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,...`), one row
 * per observation, action `I` (information). Use {@link sdmxStructure} for its structure description.
 *
 * @example
 * ```ts
 * import { toSdmxCsv } from '@phx/interop';
 * const { data: csv, warnings } = toSdmxCsv(pkg);
 * csv.split('\n')[0]; // 'STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,FACILITY,...'
 * ```
 */
export function toSdmxCsv(pkg: DataPackage): Exported<string> {
  const notes = new Notes();
  reportUncarried(pkg, sdmxFieldMap, 'SDMX', notes);
  const columns = sdmxComponents.map((c) => c.id);
  const rows = keyedObservations(pkg, notes).map(({ observation, key }) => {
    const cells: Record<string, string | number> = { ...key, ...valuesOf(observation) };
    return ['dataflow', dataflowReference, 'I', ...columns.map((c) => cells[c] ?? '')];
  });
  const csv = Papa.unparse({ fields: ['STRUCTURE', 'STRUCTURE_ID', 'ACTION', ...columns], data: rows }, { newline: '\n' }) + '\n';
  return { data: csv, warnings: notes.list() };
}

/**
 * Exports the observations of a package as an SDMX-JSON 2.0 data message: a flat data set (all dimensions at
 * observation level), its structure inline, coded attributes by index as the format requires.
 *
 * @example
 * ```ts
 * import { toSdmxJson } from '@phx/interop';
 * const { data: message } = toSdmxJson(pkg);
 * Object.keys((message.data.dataSets as { observations: object }[])[0]!.observations).length; // one per observation
 * ```
 */
export function toSdmxJson(pkg: DataPackage): Exported<SdmxJsonMessage> {
  const notes = new Notes();
  reportUncarried(pkg, sdmxFieldMap, 'SDMX', notes);
  const keyed = keyedObservations(pkg, notes);
  const codelists = codelistsOf(pkg);
  const dimensionComponents = sdmxComponents.filter((c) => c.kind === 'dimension' || c.kind === 'time');
  const attributes = sdmxComponents.filter((c) => c.kind === 'attribute');
  // Each component lists the values the message uses; observations refer to them by index.
  const valuesOfComponent = new Map<string, string[]>();
  const indexOf = (component: string, value: string) => {
    const values = valuesOfComponent.get(component) ?? [];
    valuesOfComponent.set(component, values);
    let index = values.indexOf(value);
    if (index < 0) index = values.push(value) - 1;
    return index;
  };
  const observations: Record<string, unknown[]> = {};
  for (const { observation, key } of keyed) {
    const cells = valuesOf(observation);
    const id = dimensionComponents.map((c) => indexOf(c.id, key[c.id]!)).join(':');
    const measure = cells.OBS_VALUE === '' ? null : cells.OBS_VALUE;
    const attributeValues = attributes.map((c) => {
      const cell = cells[c.id];
      if (cell === '' || cell === undefined) return null;
      return c.codelist ? indexOf(c.id, String(cell)) : cell;
    });
    while (attributeValues.length && attributeValues.at(-1) === null) attributeValues.pop();
    observations[id] = [measure, ...attributeValues];
  }
  const nameOf = (component: (typeof sdmxComponents)[number], value: string) =>
    codelists.get(component.codelist ?? '')?.find((code) => code.id === value)?.name ?? value;
  const describe = (c: (typeof sdmxComponents)[number], extra: object) => ({ id: c.id, name: c.name, names: { en: c.name }, ...extra });
  const message: SdmxJsonMessage = {
    meta: prepared(pkg, 'data'),
    data: {
      structures: [
        {
          links: [
            { urn: dataflowUrn, rel: 'dataflow' },
            { urn: dataStructureUrn, rel: 'datastructure' },
          ],
          dimensions: {
            dataSet: [],
            series: [],
            observation: dimensionComponents.map((c, keyPosition) =>
              describe(c, {
                keyPosition,
                ...(c.kind === 'time' ? { roles: ['TIME_PERIOD'] } : c.id === 'REF_AREA' ? { roles: ['REF_AREA'] } : {}),
                values: (valuesOfComponent.get(c.id) ?? []).map((value) => ({ id: value, name: nameOf(c, value), names: { en: nameOf(c, value) } })),
              }),
            ),
          },
          measures: { observation: sdmxComponents.filter((c) => c.kind === 'measure').map((c) => describe(c, { format: { dataType: c.dataType } })) },
          attributes: {
            dataSet: [],
            series: [],
            observation: attributes.map((c) =>
              describe(c, {
                relationship: { observation: {} },
                ...(c.codelist
                  ? { values: (valuesOfComponent.get(c.id) ?? []).map((value) => ({ id: value, name: nameOf(c, value), names: { en: nameOf(c, value) } })) }
                  : { format: { dataType: c.dataType } }),
              }),
            ),
          },
          dataSets: [0],
        },
      ],
      dataSets: [{ structure: 0, action: 'Information', links: [{ urn: dataflowUrn, rel: 'dataflow' }], observations }],
    },
  };
  return { data: message, warnings: notes.list() };
}
