/** Amounts as Chinese (and other) users type them, read into the exact text the engine parses. */
import { describe, expect, it } from 'vitest';
import { readTypedAmount } from '../../shared/typed-amount';

const read = (typed: string, currency = 'CNY') => {
  const result = readTypedAmount(typed, currency);
  return result.ok ? result.text : result.messageKey;
};

describe('readTypedAmount', () => {
  it('reads full-width digits and the Chinese full stop', () => {
    expect(read('３８。５')).toBe('38.50');
    expect(read('３８．５')).toBe('38.50');
    expect(read('38。')).toBe('38.00');
    expect(read('１，２３４。５６')).toBe('1234.56');
  });

  it('takes a currency mark that fits the account, before or after, with a sign on either side', () => {
    expect(read('¥38.5')).toBe('38.50');
    expect(read('￥３８')).toBe('38.00');
    expect(read('38元')).toBe('38.00');
    expect(read('CN¥12')).toBe('12.00');
    expect(read('cny 12')).toBe('12.00');
    expect(read('-¥12')).toBe('-12.00');
    expect(read('¥-12')).toBe('-12.00');
    expect(read('¥1200', 'JPY')).toBe('1200');
    expect(read('$9.99', 'USD')).toBe('9.99');
    expect(read('12 EUR', 'EUR')).toBe('12.00');
  });

  it('refuses a mark of another currency rather than reading the number in the account’s', () => {
    expect(read('$12', 'CNY')).toBe('errors.amount_other_currency');
    expect(read('12元', 'USD')).toBe('errors.amount_other_currency');
    expect(read('USD 12', 'CNY')).toBe('errors.amount_invalid');
  });

  it('ignores spaces of any width and accepts thousands separators', () => {
    expect(read(' 1,234.5 ')).toBe('1234.50');
    expect(read('1 234.5')).toBe('1234.50');
    expect(read('1\u3000234')).toBe('1234.00');
    expect(read('1\u202f234,56', 'EUR')).toBe('errors.amount_invalid');
  });

  it('keeps the engine’s rules for precision and nonsense, naming what was typed', () => {
    expect(read('0.001')).toBe('errors.amount_precision');
    expect(read('1.5', 'JPY')).toBe('errors.amount_precision');
    const bad = readTypedAmount('３八', 'CNY');
    expect(bad).toEqual({ ok: false, messageKey: 'errors.amount_invalid', params: { text: '３八' } });
    for (const text of ['', '¥', '1,23', '1e5', '12..5']) expect(read(text), text).toBe('errors.amount_invalid');
  });
});
