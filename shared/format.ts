/**
 * The one place numbers, money and dates become text for people. Every screen and every line of
 * human CLI output goes through these functions, so a wallet never shows the same amount two ways
 * (tests/shared/format.test.ts pins each locale; tests/i18n/one-format.test.ts keeps stray
 * `Intl.*`, `toLocale*` and `toFixed` calls out of the renderer).
 *
 * The convention, per locale (CLDR through Intl, so it matches what people see elsewhere):
 *   money    zh-CN "¥12,345.67", "US$1.50", "-¥3.00"       en-US "CN¥12,345.67", "$1.50", "-CN¥3.00"
 *   day      zh-CN "2026年12月2日"                          en-US "Dec 2, 2026"
 *   month    zh-CN "2026年12月"                             en-US "Dec 2026"
 *   instant  zh-CN "2026年12月2日 14:05"                    en-US "Dec 2, 2026, 2:05 PM"
 * Booking days and months are calendar values without a time zone, so they are formatted in UTC
 * (a day never shifts with the machine's zone). The CLI prints exact decimals with the code
 * ("12.50 CNY") because scripts read it: `plainAmount` is that form.
 */
import { formatAmount, toDecimalString } from './money';

export { formatAmount };

type Cache<T> = Map<string, T>;
const dateFormats: Cache<Intl.DateTimeFormat> = new Map();
const numberFormats: Cache<Intl.NumberFormat> = new Map();

function dateFormat(locale: string, kind: 'day' | 'month' | 'instant'): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { dateStyle: 'medium', timeZone: 'UTC' }
        : kind === 'month'
          ? { year: 'numeric', month: 'short', timeZone: 'UTC' }
          : { dateStyle: 'medium', timeStyle: 'short' };
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

function numberFormat(locale: string, kind: 'count' | 'compact' | 'one-decimal'): Intl.NumberFormat {
  const key = `${locale}|${kind}`;
  let format = numberFormats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      kind === 'compact' ? { notation: 'compact', maximumFractionDigits: 1 } : kind === 'one-decimal' ? { maximumFractionDigits: 1 } : {};
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** Money in a sentence, a card or a list: minor units of `currency` in `locale`'s convention. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return formatAmount(minor, currency, locale);
}

/** Money with an explicit sign for flows in lists: "+¥12.00", "-¥3.00", "¥0.00". */
export function formatSignedMoney(minor: number, currency: string, locale: string): string {
  return formatAmount(minor, currency, locale, { signDisplay: 'exceptZero' });
}

/** Exact decimal and ISO code for CLI text and files read by scripts: "12.50 CNY". */
export function plainAmount(minor: number, currency: string): string {
  return `${toDecimalString(minor, currency)} ${currency}`;
}

/** A booking day "YYYY-MM-DD"; anything else is shown as given rather than guessed at. */
export function formatDay(isoDay: string, locale: string): string {
  const match = DAY_PATTERN.exec(isoDay);
  if (!match) return isoDay;
  return dateFormat(locale, 'day').format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** A month "YYYY-MM". */
export function formatMonth(isoMonth: string, locale: string): string {
  const match = MONTH_PATTERN.exec(isoMonth);
  if (!match) return isoMonth;
  return dateFormat(locale, 'month').format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** A moment (ISO instant or epoch ms) in the machine's time zone, to the minute. */
export function formatInstant(instant: string | number, locale: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return dateFormat(locale, 'instant').format(date);
}

/** A list of names: "Coffee, Tea, and Snacks" / "咖啡、茶和零食". */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/** A count of things: "12,345" / "12,345". */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, 'count').format(value);
}

/** Chart axes: "12K" / "1.2万". */
export function formatCompact(value: number, locale: string): string {
  return numberFormat(locale, 'compact').format(value);
}

/** File and download sizes: "512 B", "1.5 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 ? numberFormat(locale, 'count').format(Math.round(value)) : numberFormat(locale, 'one-decimal').format(value);
  return `${text} ${units[unit]}`;
}
