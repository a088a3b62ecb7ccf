import { ValidationError } from '@redress/domain-kit';

/** A calendar day (no time, no zone), as `YYYY-MM-DD`: due dates are days in the lender's calendar. */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCalendarDate(field: string, value: string): CalendarDate {
  const match = DATE.exec(value);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && y >= 1900 && y <= 2200) return value;
  }
  throw new ValidationError(field, 'must be a calendar date written YYYY-MM-DD, e.g. 2026-12-15');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day `months` months later; a day the later month lacks becomes its last day
 * (a loan due on the 31st is due on 28 or 29 February).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The calendar day of an instant in China Standard Time (UTC+8, no daylight saving): the lenders'
 * day, so "today" does not lag eight hours behind for a borrower just after midnight.
 */
export function lenderDay(at: Date): CalendarDate {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
