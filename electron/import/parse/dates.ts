/**
 * Date cells → booking dates. A file's date format is chosen ONCE from all its values (a column
 * where one value is 13/02/2024 is day-first throughout), never guessed row by row; when several
 * formats fit every value equally, the first in DATE_FORMATS order wins and the others are reported
 * so the wizard can ask. Times after the date (HH:mm or HH:mm:ss) are kept.
 */
import { DATE_FORMATS, type DateFormat } from '../statement';
import { normalizeCell } from './amount';

/** Statements outside this range are typos (or a spreadsheet's day 0), not history. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const MAX_DATE_CELL = 40;

const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,6})?)?`;

interface FormatShape {
  pattern: RegExp;
  /** Indexes of year, month, day in the match. */
  order: [number, number, number];
}

function shape(body: string, order: [number, number, number]): FormatShape {
  return { pattern: new RegExp(`^${body}${TIME}$`), order };
}

const SHAPES: Record<DateFormat, FormatShape> = {
  'YYYY-MM-DD': shape(String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`, [1, 2, 3]),
  'YYYY/MM/DD': shape(String.raw`(\d{4})/(\d{1,2})/(\d{1,2})`, [1, 2, 3]),
  'YYYY.MM.DD': shape(String.raw`(\d{4})\.(\d{1,2})\.(\d{1,2})`, [1, 2, 3]),
  YYYYMMDD: shape(String.raw`(\d{4})(\d{2})(\d{2})`, [1, 2, 3]),
  'DD/MM/YYYY': shape(String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`, [3, 2, 1]),
  'MM/DD/YYYY': shape(String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`, [3, 1, 2]),
  'DD.MM.YYYY': shape(String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})`, [3, 2, 1]),
  'DD-MM-YYYY': shape(String.raw`(\d{1,2})-(\d{1,2})-(\d{4})`, [3, 2, 1]),
  'MM-DD-YYYY': shape(String.raw`(\d{1,2})-(\d{1,2})-(\d{4})`, [3, 1, 2]),
};

export interface DateTime {
  date: string;
  time?: string;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** A valid calendar date from numbers, or null (2023-02-29, month 13, year 1066). */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function clockTime(hours: string | undefined, minutes: string | undefined, seconds: string | undefined): string | null {
  if (hours === undefined || minutes === undefined) return null;
  const h = Number(hours);
  const m = Number(minutes);
  const s = Number(seconds ?? '0');
  // 24:00:00 and leap seconds are not in any statement we know of; refusing them keeps HH:mm:ss sortable.
  if (h > 23 || m > 59 || s > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function parseDateAs(text: string, format: DateFormat): DateTime | null {
  if (text.length > MAX_DATE_CELL * 2) return null;
  const value = normalizeCell(text);
  if (value.length > MAX_DATE_CELL) return null;
  const { pattern, order } = SHAPES[format];
  const match = pattern.exec(value);
  if (!match) return null;
  const date = calendarDate(Number(match[order[0]]), Number(match[order[1]]), Number(match[order[2]]));
  if (!date) return null;
  if (match[4] === undefined) return { date };
  const time = clockTime(match[4], match[5], match[6]);
  return time ? { date, time } : null;
}

export interface DateFormatChoice {
  format: DateFormat;
  /** Other formats that fit exactly as many values. */
  alternatives: DateFormat[];
  /** Each value read in the chosen format (null where it does not fit), aligned with the input. */
  parsed: (DateTime | null)[];
}

/**
 * The format that reads the most values (all of them in a clean file). Ties go to the earlier
 * format in DATE_FORMATS and are reported as alternatives. Null when no format reads any. A format
 * is dropped as soon as it has missed more values than the best one so far, so a clean file costs
 * about one pass per fitting format.
 */
export function chooseDateFormat(values: readonly string[]): DateFormatChoice | null {
  let best: DateFormat[] = [];
  let bestCount = 0;
  let bestParsed: (DateTime | null)[] = [];
  for (const format of DATE_FORMATS) {
    const parsed: (DateTime | null)[] = [];
    let count = 0;
    let misses = 0;
    for (const value of values) {
      const result = value === '' ? null : parseDateAs(value, format);
      parsed.push(result);
      if (result) count++;
      else if (++misses > values.length - bestCount) break;
    }
    if (count === 0 || count < bestCount || parsed.length < values.length) continue;
    if (count > bestCount) {
      best = [format];
      bestCount = count;
      bestParsed = parsed;
    } else best.push(format);
  }
  const [format, ...alternatives] = best;
  return format ? { format, alternatives, parsed: bestParsed } : null;
}
