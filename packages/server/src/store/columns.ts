import type { RecordType } from '@phx/schema';

/**
 * The columns a record is filtered by, in the order `pushFilterColumns` gives their values. `area` is an
 * observation's subnational area ('' for none), which with the others finds the observations of a breakdown.
 */
export const FILTER_COLUMNS = ['indicator', 'country', 'organisation', 'facility', 'period_start', 'period_end', 'area'] as const;

/** The fields the columns come from (bodies are validated before they are stored). */
interface Body {
  indicator?: string;
  reportingOrganisation?: string;
  organiser?: string;
  country?: string;
  start?: string;
  end?: string;
  scope?: { country: string; subnationalArea?: string; facility?: string };
  period?: { start: string; end: string };
}

/**
 * Appends the values of the filter columns of a record (bodies are already validated) to `values`,
 * in the order of `FILTER_COLUMNS`: a bulk import builds the parameters of its statements in one array.
 */
export function pushFilterColumns(type: RecordType, record: object, values: unknown[]): void {
  const body = record as Body;
  switch (type) {
    case 'observation':
      values.push(body.indicator!, body.scope!.country, body.reportingOrganisation!, body.scope!.facility ?? null, body.period!.start, body.period!.end, body.scope!.subnationalArea ?? '');
      return;
    case 'facility':
      values.push(null, body.country!, null, null, null, null, null);
      return;
    case 'meeting':
      values.push(null, null, body.organiser!, null, body.start!.slice(0, 10), body.end!.slice(0, 10), null);
      return;
    default:
      values.push(null, null, null, null, null, null, null);
  }
}
