/**
 * The renderer's one formatter: shared/format.ts bound to the app language. Views format money,
 * dates, months, moments and counts only through this hook (or useMoney, which is part of it), so
 * a locale shows one convention everywhere; tests/i18n/one-format.test.ts keeps it that way.
 */
import { useTranslation } from 'react-i18next';
import {
  formatBytes,
  formatCompact,
  formatCount,
  formatDay,
  formatInstant,
  formatMoney,
  formatMonth,
  formatSignedMoney,
} from '../../../shared/format';

export interface Formatter {
  locale: string;
  money: (minor: number, currency: string) => string;
  signedMoney: (minor: number, currency: string) => string;
  day: (isoDay: string) => string;
  month: (isoMonth: string) => string;
  instant: (instant: string | number) => string;
  count: (value: number) => string;
  compact: (value: number) => string;
  bytes: (bytes: number) => string;
}

export function formatterFor(locale: string): Formatter {
  return {
    locale,
    money: (minor, currency) => formatMoney(minor, currency, locale),
    signedMoney: (minor, currency) => formatSignedMoney(minor, currency, locale),
    day: (isoDay) => formatDay(isoDay, locale),
    month: (isoMonth) => formatMonth(isoMonth, locale),
    instant: (instant) => formatInstant(instant, locale),
    count: (value) => formatCount(value, locale),
    compact: (value) => formatCompact(value, locale),
    bytes: (bytes) => formatBytes(bytes, locale),
  };
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  return formatterFor(i18n.language);
}
