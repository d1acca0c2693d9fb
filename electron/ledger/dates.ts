/**
 * Booking dates are calendar dates ('YYYY-MM-DD') with no time zone: a coffee bought on the 3rd is
 * on the 3rd wherever the laptop travels. They compare correctly as strings, which is how SQL
 * sorts and filters them. Instants (event times) are UTC ISO strings and live elsewhere.
 */
import { DomainError } from '../../shared/errors';

export const MIN_DATE = '1970-01-01';
export const MAX_DATE = '2100-12-31';
export const MIN_MONTH = MIN_DATE.slice(0, 7);
export const MAX_MONTH = MAX_DATE.slice(0, 7);

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps DST out of it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date in 'YYYY-MM-DD' form (so '2023-02-29' is false). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isMonth(text: string): boolean {
  const match = MONTH_PATTERN.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** Validates a booking date: malformed is invalid input, a real date outside the range is a rule. */
export function checkBookingDate(text: string): string {
  if (!isCalendarDate(text)) throw new DomainError('invalid_input', 'errors.date_invalid', { date: text.slice(0, 20) });
  if (text < MIN_DATE || text > MAX_DATE) {
    throw new DomainError('rejected', 'errors.date_out_of_range', { date: text, min: MIN_DATE, max: MAX_DATE });
  }
  return text;
}

export function checkMonth(text: string): string {
  if (!isMonth(text)) throw new DomainError('invalid_input', 'errors.month_invalid', { month: text.slice(0, 20) });
  if (text < MIN_MONTH || text > MAX_MONTH) {
    throw new DomainError('rejected', 'errors.date_out_of_range', { date: text, min: MIN_DATE, max: MAX_DATE });
  }
  return text;
}

export function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  return `${month}-${String(daysInMonth(year, monthNumber)).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  return monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to` inclusive; capped so a typo cannot ask for ten thousand rows. */
export function monthsBetween(from: string, to: string, cap = 1200): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length < cap; month = nextMonth(month)) months.push(month);
  return months;
}

/** Today's calendar date on this computer's clock: what the user means by "today". */
export function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
