/** The one convention per locale for money, days, months, moments and counts (shared/format.ts). */
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCompact,
  formatCount,
  formatDay,
  formatInstant,
  formatMoney,
  formatMonth,
  formatSignedMoney,
  plainAmount,
} from '../../shared/format';

describe('money', () => {
  it('zh-CN shows ¥ for yuan and a prefixed symbol for other currencies', () => {
    expect(formatMoney(1234567, 'CNY', 'zh-CN')).toBe('¥12,345.67');
    expect(formatMoney(-300, 'CNY', 'zh-CN')).toBe('-¥3.00');
    expect(formatMoney(150, 'USD', 'zh-CN')).toBe('US$1.50');
    expect(formatMoney(1200, 'JPY', 'zh-CN')).toBe('JP¥1,200');
  });

  it('en-US shows CN¥ for yuan and $ for dollars', () => {
    expect(formatMoney(1234567, 'CNY', 'en-US')).toBe('CN¥12,345.67');
    expect(formatMoney(-300, 'CNY', 'en-US')).toBe('-CN¥3.00');
    expect(formatMoney(150, 'USD', 'en-US')).toBe('$1.50');
    expect(formatMoney(1000, 'KWD', 'en-US')).toBe('KWD\u00a01.000');
  });

  it('flows carry an explicit sign, zero none', () => {
    expect(formatSignedMoney(1200, 'CNY', 'zh-CN')).toBe('+¥12.00');
    expect(formatSignedMoney(-1200, 'CNY', 'en-US')).toBe('-CN¥12.00');
    expect(formatSignedMoney(0, 'CNY', 'en-US')).toBe('CN¥0.00');
  });

  it('keeps every digit of amounts beyond a double', () => {
    expect(formatMoney(9007199254740991, 'CNY', 'en-US')).toBe('CN¥90,071,992,547,409.91');
  });

  it('CLI text is the exact decimal and the code', () => {
    expect(plainAmount(-5, 'CNY')).toBe('-0.05 CNY');
    expect(plainAmount(1200, 'JPY')).toBe('1200 JPY');
  });
});

describe('dates', () => {
  it('a booking day', () => {
    expect(formatDay('2026-12-02', 'zh-CN')).toBe('2026年12月2日');
    expect(formatDay('2026-12-02', 'en-US')).toBe('Dec 2, 2026');
    expect(formatDay('not a day', 'en-US')).toBe('not a day');
  });

  it('a booking day never shifts with the time zone (formatted as a calendar value)', () => {
    expect(formatDay('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
    expect(formatDay('2026-12-31', 'zh-CN')).toBe('2026年12月31日');
  });

  it('a month', () => {
    expect(formatMonth('2026-12', 'zh-CN')).toBe('2026年12月');
    expect(formatMonth('2026-12', 'en-US')).toBe('Dec 2026');
  });

  it('a moment, to the minute in the local zone', () => {
    const at = new Date(2026, 11, 2, 14, 5).toISOString();
    expect(formatInstant(at, 'zh-CN')).toBe('2026年12月2日 14:05');
    expect(formatInstant(at, 'en-US')).toBe('Dec 2, 2026, 2:05 PM');
  });
});

describe('numbers', () => {
  it('counts, chart axes and sizes', () => {
    expect(formatCount(12345, 'en-US')).toBe('12,345');
    expect(formatCount(12345, 'zh-CN')).toBe('12,345');
    expect(formatCompact(12345, 'zh-CN')).toBe('1.2万');
    expect(formatCompact(12345, 'en-US')).toBe('12.3K');
    expect(formatBytes(512, 'en-US')).toBe('512 B');
    expect(formatBytes(1536 * 1024, 'en-US')).toBe('1.5 MB');
  });
});
