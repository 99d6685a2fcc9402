import type { RecordType } from '@phx/schema';

/** The columns a record is filtered by, taken from its body. */
export interface FilterColumns {
  indicator: string | null;
  country: string | null;
  organisation: string | null;
  facility: string | null;
  period_start: string | null;
  period_end: string | null;
}

const none: FilterColumns = { indicator: null, country: null, organisation: null, facility: null, period_start: null, period_end: null };

/** The fields the columns come from (bodies are validated before they are stored). */
interface Body {
  indicator?: string;
  reportingOrganisation?: string;
  organiser?: string;
  country?: string;
  start?: string;
  end?: string;
  scope?: { country: string; facility?: string };
  period?: { start: string; end: string };
}

/** Extracts the filter columns of a record (bodies are already validated). */
export function filterColumns(type: RecordType, record: object): FilterColumns {
  const body = record as Body;
  switch (type) {
    case 'observation':
      return {
        indicator: body.indicator!,
        country: body.scope!.country,
        organisation: body.reportingOrganisation!,
        facility: body.scope!.facility ?? null,
        period_start: body.period!.start,
        period_end: body.period!.end,
      };
    case 'facility':
      return { ...none, country: body.country! };
    case 'meeting':
      return { ...none, organisation: body.organiser!, period_start: body.start!.slice(0, 10), period_end: body.end!.slice(0, 10) };
    default:
      return none;
  }
}
