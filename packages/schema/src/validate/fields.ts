/**
 * The fields of the data as messages name them: every key of the model, and, where a key means something
 * else under another key, the two joined (`period.start`, the start of a period; `meetings.start`, of a
 * meeting). Each locale gives every one of them in words.
 *
 * @example
 * ```ts
 * import { fieldKeys, locales } from '@phx/schema';
 * for (const field of fieldKeys) console.log(field, locales.ru.fields[field]);
 * ```
 */
export const fieldKeys = [
  '$schema', 'phxVersion', 'id', 'publisher', 'publisher.id', 'publisher.name', 'name', 'license', 'publishedAt', 'description',
  'extensions', 'organisations', 'facilities', 'indicators', 'observations', 'meetings', 'acronym', 'organisationType',
  'countries', 'regions', 'focusAreas', 'populations', 'website', 'email', 'memberSince', 'languages', 'country',
  'subnationalArea', 'facilityType', 'capacity', 'population', 'facilities.population', 'population.count', 'population.date',
  'operator', 'code', 'unit', 'calculation', 'numerator', 'denominator', 'disaggregations', 'framework', 'reference',
  'interventions', 'frequency', 'indicator', 'reportingOrganisation', 'scope', 'facility', 'period', 'start', 'end',
  'period.start', 'period.end', 'meetings.start', 'meetings.end', 'disaggregation', 'sex', 'ageGroup', 'value', 'dataSource',
  'methodNote', 'confidenceInterval', 'lower', 'upper', 'level', 'suppressed', 'notes', 'title', 'format', 'location', 'city',
  'organiser', 'participants', 'organisation', 'representatives', 'roles', 'agenda', 'presentations', 'topic', 'achievements',
  'issuesRaised', 'issuesIdentified', 'theme', 'decisions', 'text', 'actionItems', 'owner', 'due', 'status', 'documents', 'url',
  'language', 'type', 'documents.type', 'count', 'date',
] as const;

/**
 * A field of the data as a message names it.
 *
 * @example
 * ```ts
 * const field: FieldKey = 'period.start';
 * locales.uk.fields[field]; // 'початок періоду'
 * ```
 */
export type FieldKey = (typeof fieldKeys)[number];

const known: ReadonlySet<string> = /* @__PURE__ */ new Set<string>(fieldKeys);

/** The keys of the model: the fields an unknown key may be a misspelling of. */
export const modelKeys: readonly string[] = /* @__PURE__ */ fieldKeys.filter((key) => !key.includes('.'));

/**
 * The field a path ends in: its last key that is a field (not a language of a text, nor an extension's
 * address), with the key above it where the two name something of their own; and the entry of a list when the
 * value is one.
 */
export function fieldOf(path: readonly (string | number)[]): { field: FieldKey; entry?: number } | undefined {
  let entry: number | undefined;
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i]!;
    if (typeof key === 'number') {
      if (i === path.length - 1) entry = key;
      continue;
    }
    if (!known.has(key)) continue;
    let parent: string | undefined;
    for (let j = i - 1; j >= 0 && parent === undefined; j--) if (typeof path[j] === 'string') parent = path[j] as string;
    const joined = `${parent ?? ''}.${key}`;
    const field = (known.has(joined) ? joined : key) as FieldKey;
    return entry === undefined ? { field } : { field, entry };
  }
  return undefined;
}
