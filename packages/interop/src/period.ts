/**
 * Periods as PHX writes them (`{ start, end }`, inclusive calendar dates) and the standard periods the
 * targets name: a calendar year, a half-year, a quarter, a month, a day. Anything else is a plain range.
 */
import type { Observation } from '@phx/schema';

/** A PHX period: first and last day, inclusive. */
export type Period = Observation['period'];

/** A period recognised as one of the standard calendar periods. */
export type CalendarPeriod =
  | { kind: 'year'; year: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'day'; date: string }
  | { kind: 'range'; start: string; end: string; days: number };

const DAY = 86_400_000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of a calendar date at UTC midnight, or NaN. */
function utc(date: string): number {
  const match = datePattern.exec(date);
  if (!match) return Number.NaN;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(time).toISOString().slice(0, 10) === date ? time : Number.NaN;
}

/** `YYYY-MM-DD` of a UTC time. */
function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (1-based). */
function lastDay(year: number, month: number): string {
  return isoDate(Date.UTC(year, month, 1) - DAY);
}

/** The period of `months` months starting on the first day of `month` (1-based). */
function months(year: number, month: number, count: number): Period {
  const endMonth = month + count - 1;
  return { start: `${year}-${pad(month)}-01`, end: lastDay(year, endMonth) };
}

/**
 * Tells which standard calendar period `{ start, end }` is; `undefined` when a date is not a real date or
 * the period ends before it starts.
 */
export function calendarPeriod(period: Period): CalendarPeriod | undefined {
  const start = utc(period.start);
  const end = utc(period.end);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return undefined;
  if (start === end) return { kind: 'day', date: period.start };
  const [y, m, d] = period.start.split('-').map(Number) as [number, number, number];
  if (d === 1 && period.start.slice(0, 4) === period.end.slice(0, 4)) {
    const candidates: [number, CalendarPeriod][] = [
      [12, { kind: 'year', year: y }],
      [6, { kind: 'half', year: y, half: m === 1 ? 1 : 2 }],
      [3, { kind: 'quarter', year: y, quarter: ((m - 1) / 3 + 1) as 1 | 2 | 3 | 4 }],
      [1, { kind: 'month', year: y, month: m }],
    ];
    for (const [count, kind] of candidates) {
      if ((m - 1) % count === 0 && months(y, m, count).end === period.end) return kind;
    }
  }
  return { kind: 'range', start: period.start, end: period.end, days: Math.round((end - start) / DAY) + 1 };
}

/** The `{ start, end }` of a standard calendar period. */
export function periodOf(calendar: CalendarPeriod): Period {
  switch (calendar.kind) {
    case 'year':
      return months(calendar.year, 1, 12);
    case 'half':
      return months(calendar.year, calendar.half === 1 ? 1 : 7, 6);
    case 'quarter':
      return months(calendar.year, (calendar.quarter - 1) * 3 + 1, 3);
    case 'month':
      return months(calendar.year, calendar.month, 1);
    case 'day':
      return { start: calendar.date, end: calendar.date };
    case 'range':
      return { start: calendar.start, end: calendar.end };
  }
}

/**
 * The name of a period as SDMX (and ISO 8601) write it: `2024`, `2024-S1`, `2024-Q1`, `2024-01`, `2024-01-31`, else its
 * start and length (`2024-01-01/P90D`). DHIS2's names and the ids of imported observations are made from it.
 */
export function periodName(period: Period): string {
  const calendar = calendarPeriod(period);
  switch (calendar?.kind) {
    case 'year':
      return String(calendar.year);
    case 'half':
      return `${calendar.year}-S${calendar.half}`;
    case 'quarter':
      return `${calendar.year}-Q${calendar.quarter}`;
    case 'month':
      return `${calendar.year}-${pad(calendar.month)}`;
    case 'day':
      return calendar.date;
    case 'range':
      return `${calendar.start}/P${calendar.days}D`;
    default:
      return `${period.start}/${period.end}`;
  }
}

/** The period of `days` days from `start`; `undefined` when `start` is not a date or `days` is not positive. */
export function periodFromDays(start: string, days: number): Period | undefined {
  const time = utc(start);
  if (Number.isNaN(time) || !Number.isInteger(days) || days < 1) return undefined;
  return { start, end: isoDate(time + (days - 1) * DAY) };
}

/** Whether a string is a real calendar date `YYYY-MM-DD`. */
export function isCalendarDate(date: string): boolean {
  return !Number.isNaN(utc(date));
}

