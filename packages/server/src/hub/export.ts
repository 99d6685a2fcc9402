import { exportPackage, formatNote, gamDhis2Template, readDhis2Mapping, type Dhis2Mapping, type InteropNote } from '@phx/interop';
import { PHX_VERSION, type DataPackage, type ExportFormat, type Facility, type IndicatorDefinition, type Observation, type Organisation, type RecordType } from '@phx/schema';
import { exportQuery, GAM_DHIS2_MAPPING, type ExportNote, type RecordFilter } from '@phx/schema/api';
import { Problem } from '../http/problem.js';
import { CATALOGUE_OWNER } from '../store/store.js';
import type { Principal, Store } from '../store/types.js';

/** What a hub's exports go by: their limit, and the DHIS2 mappings it holds by name. */
export interface ExportSettings {
  /** Most observations one export may carry. */
  maxRecords: number;
  dhis2Mappings: ReadonlyMap<string, Dhis2Mapping>;
}

/** The formats that need a DHIS2 mapping. */
const dhis2Formats: readonly ExportFormat[] = ['dhis2', 'dhis2-csv'];

/**
 * The DHIS2 mappings of a hub by name: `gam`, the UNAIDS GAM template, and those its operator names (the
 * data elements, category option combos and organisation units of a DHIS2 instance). A bad name or a mapping
 * its schema refuses stops the hub from starting, each problem said.
 */
export function hubDhis2Mappings(named: Readonly<Record<string, unknown>> = {}): ReadonlyMap<string, Dhis2Mapping> {
  if (Object.hasOwn(named, GAM_DHIS2_MAPPING)) throw new Error(`The DHIS2 mapping name "${GAM_DHIS2_MAPPING}" is the UNAIDS GAM template's; name the mapping otherwise.`);
  const mappings = new Map<string, Dhis2Mapping>();
  for (const [name, input] of Object.entries({ [GAM_DHIS2_MAPPING]: gamDhis2Template(), ...named })) {
    if (!exportQuery.shape.mapping.safeParse(name).success) throw new Error(`The DHIS2 mapping name "${name}" is not a name: lower-case letters, digits and hyphens, at most 64.`);
    const { mapping, notes } = readDhis2Mapping(input);
    if (!mapping) throw new Error(`The DHIS2 mapping "${name}" is not valid: ${notes.map((note) => formatNote(note, 'en')).join(' ')}`);
    mappings.set(name, mapping);
  }
  return mappings;
}

/** An export of the hub: its file, and what the format had no place for. */
export interface HubExport {
  fileName: string;
  mediaType: string;
  content: string;
  notes: ExportNote[];
}

/** Observations read from the store at a time. */
const PAGE = 1000;

/** The observations a filter selects, as the observations list selects them; too many is a problem. */
async function selectedObservations(store: Store, filter: RecordFilter, settings: ExportSettings): Promise<Observation[]> {
  const observations: Observation[] = [];
  let after: string | undefined;
  do {
    const page = await store.list('observation', filter, after, PAGE);
    for (const record of page.records) observations.push(record.body as unknown as Observation);
    if (observations.length > settings.maxRecords) {
      throw new Problem('export-too-large', `The filters select more than ${settings.maxRecords} observations; this hub exports at most that many at once. Narrow them (country, indicator, from, to).`);
    }
    after = page.next ?? undefined;
  } while (after !== undefined);
  return observations;
}

/** The stored records of a type with these ids (each stored: the hub checked the references when it took them). */
async function storedRecords<T>(store: Store, type: RecordType, ids: Iterable<string>, keep: (owner: string) => boolean = () => true): Promise<T[]> {
  const records = await Promise.all([...new Set(ids)].sort().map((id) => store.get(type, id)));
  return records.flatMap((record) => (record && keep(record.owner) ? [record.body as unknown as T] : []));
}

/**
 * The package an export carries: the observations the filters select, with the organisations, facilities and
 * indicator definitions they refer to (the catalogue's indicators go without saying). Its publisher is the
 * organisation whose token asked for it; the hub asserts no licence for records of many packages (`NOASSERTION`).
 */
async function exportSelection(store: Store, filter: RecordFilter, principal: Principal, settings: ExportSettings): Promise<DataPackage> {
  const observations = await selectedObservations(store, filter, settings);
  const [organisations, facilities, indicators] = await Promise.all([
    storedRecords<Organisation>(store, 'organisation', [principal.organisation, ...observations.map((o) => o.reportingOrganisation)]),
    storedRecords<Facility>(store, 'facility', observations.flatMap((o) => (o.scope.facility === undefined ? [] : [o.scope.facility]))),
    storedRecords<IndicatorDefinition>(store, 'indicator', observations.map((o) => o.indicator), (owner) => owner !== CATALOGUE_OWNER),
  ]);
  const publisher = organisations.find((organisation) => organisation.id === principal.organisation);
  // To the second: the id, and so the file's name, says when it was made.
  const publishedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    phxVersion: PHX_VERSION,
    id: `export-${publishedAt.replace(/[-:]/g, '')}`,
    publisher: { id: principal.organisation, name: publisher ? (publisher.name.en ?? Object.values(publisher.name)[0]!) : principal.organisation },
    license: 'NOASSERTION',
    publishedAt,
    ...(organisations.length > 0 ? { organisations } : {}),
    ...(facilities.length > 0 ? { facilities } : {}),
    ...(indicators.length > 0 ? { indicators } : {}),
    observations,
  };
}

/** The notes of an export as the Export-Notes header lists them: one per code and field, their counts summed. */
function exportNotes(notes: readonly InteropNote[]): ExportNote[] {
  const byKey = new Map<string, ExportNote>();
  for (const { severity, code, field, count } of notes) {
    const key = `${code}\u0000${field ?? ''}`;
    const note = byKey.get(key);
    if (note) note.count += count;
    else byKey.set(key, { severity, code, ...(field === undefined ? {} : { field }), count });
  }
  return [...byKey.values()];
}

/**
 * Why an export made no file: how many observations the filters select, and the DHIS2 warnings that say why each was
 * left out, with how many (those of fields DHIS2 has no place for leave no observation out).
 */
function emptyExportDetail(notes: readonly InteropNote[], mapping: string, selected: number): string {
  if (selected === 0) return 'The filters select no observation: a DHIS2 file would send nothing, so none is made.';
  const leftOut = exportNotes(notes.filter((note) => note.severity === 'warning' && note.code.startsWith('dhis2.'))).map((note) => `${note.code} (${note.count})`);
  return `None of the ${selected} observations the filters select could be sent to DHIS2 with the mapping "${mapping}", so no file is made. Left out: ${leftOut.join(', ')}; \`notes\` lists every note.`;
}

/** The DHIS2 mapping an export asks for by name (`gam` unless named), or the problem of asking for one. */
function mappingOf(format: ExportFormat, name: string | undefined, mappings: ReadonlyMap<string, Dhis2Mapping>): Dhis2Mapping | undefined {
  if (!dhis2Formats.includes(format)) {
    if (name !== undefined) throw new Problem('bad-request', `mapping is for the DHIS2 formats (${dhis2Formats.join(', ')}), not ${format}.`);
    return undefined;
  }
  const mapping = mappings.get(name ?? GAM_DHIS2_MAPPING);
  if (!mapping) throw new Problem('bad-request', `mapping is one of ${[...mappings.keys()].join(', ')}; got "${name}".`);
  return mapping;
}

/** The query of an export: its format, the DHIS2 mapping it names, and the filters of the observations list. */
export type ExportRequest = RecordFilter & { format: ExportFormat; mapping?: string | undefined };

/**
 * Exports what the filters select in a format, as `phx export` would write the same package; DHIS2 files with
 * the mapping the request names among those the hub holds.
 */
export async function exportFromHub(store: Store, request: ExportRequest, principal: Principal, settings: ExportSettings): Promise<HubExport> {
  const { format, mapping: name, ...filter } = request;
  const mapping = mappingOf(format, name, settings.dhis2Mappings);
  const pkg = await exportSelection(store, filter, principal, settings);
  const { files, notes } = exportPackage(pkg, format, mapping ? { mapping } : {});
  const [data] = files;
  // Each mapping passed its schema when the hub started: an export without a file is one with nothing to send.
  if (!data) throw new Problem('export-empty', emptyExportDetail(notes, name ?? GAM_DHIS2_MAPPING, pkg.observations?.length ?? 0), { notes: exportNotes(notes) });
  return { fileName: `${pkg.id}${data.extension}`, mediaType: data.mediaType, content: data.content, notes: exportNotes(notes) };
}
