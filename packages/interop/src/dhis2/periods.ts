/** DHIS2 period names (`2024`, `2024S1`, `2024Q1`, `202401`, `20240131`) to and from PHX periods. */
import { calendarPeriod, periodName, periodOf, type Period } from '../period.js';
import type { Dhis2Mapping } from './mapping.js';

/** The DHIS2 name of a PHX period: a standard calendar period, or one the mapping names. */
export function dhis2Period(period: Period, mapping: Dhis2Mapping): string | undefined {
  const named = mapping.periods.find((p) => p.start === period.start && p.end === period.end);
  if (named) return named.period;
  // DHIS2 names the calendar periods as SDMX does, without the hyphens (`2023Q1`, `202301`, `20230131`), and no others.
  const name = periodName(period);
  return name.includes('/') ? undefined : name.replace(/-/g, '');
}

/** The PHX period of a DHIS2 period name; undefined for a name it does not know. */
export function periodOfDhis2(name: string, mapping: Dhis2Mapping): Period | undefined {
  const named = mapping.periods.find((p) => p.period === name);
  if (named) return { start: named.start, end: named.end };
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})$/.exec(name))) return periodOf({ kind: 'year', year: Number(match[1]) });
  if ((match = /^(\d{4})S([12])$/.exec(name))) return periodOf({ kind: 'half', year: Number(match[1]), half: Number(match[2]) as 1 | 2 });
  if ((match = /^(\d{4})Q([1-4])$/.exec(name))) return periodOf({ kind: 'quarter', year: Number(match[1]), quarter: Number(match[2]) as 1 | 2 | 3 | 4 });
  if ((match = /^(\d{4})(0[1-9]|1[0-2])$/.exec(name))) return periodOf({ kind: 'month', year: Number(match[1]), month: Number(match[2]) });
  if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(name))) {
    const date = `${match[1]}-${match[2]}-${match[3]}`;
    return calendarPeriod({ start: date, end: date }) ? { start: date, end: date } : undefined;
  }
  return undefined;
}
