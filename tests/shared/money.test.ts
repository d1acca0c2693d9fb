import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMinor, convert, divideHalfEven, formatAmount, parseAmount, parseAmountBound, parseRate, toDecimalString } from '../../shared/money';
import { CURRENCY_CODES, currencyExponent } from '../../shared/currencies';
import { DomainError } from '../../shared/errors';
import { propertyParams } from '../vault/support/rng';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('currencies', () => {
  it('knows the ISO 4217 exponents the ledger depends on', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('CNY')).toBe(2);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('HKD')).toBe(2);
    for (const code of ['BHD', 'KWD', 'JOD', 'OMR', 'TND']) expect(currencyExponent(code)).toBe(3);
    expect(currencyExponent('XYZ')).toBeUndefined();
    expect(currencyExponent('toString')).toBeUndefined();
    expect(CURRENCY_CODES.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
  });
});

describe('parseAmount', () => {
  it('reads decimal text exactly into minor units', () => {
    expect(parseAmount('12.50', 'CNY')).toBe(1250);
    expect(parseAmount('12.5', 'CNY')).toBe(1250);
    expect(parseAmount('0.01', 'CNY')).toBe(1);
    expect(parseAmount('.5', 'USD')).toBe(50);
    expect(parseAmount('7.', 'USD')).toBe(700);
    expect(parseAmount('-0.05', 'CNY')).toBe(-5);
    expect(parseAmount('+3', 'CNY')).toBe(300);
    expect(parseAmount('  42 ', 'EUR')).toBe(4200);
    expect(parseAmount('0.1', 'CNY') + parseAmount('0.2', 'CNY')).toBe(parseAmount('0.3', 'CNY'));
  });

  it('handles currencies with 0 and 3 decimals', () => {
    expect(parseAmount('1200', 'JPY')).toBe(1200);
    expect(parseAmount('1200.0', 'JPY')).toBe(1200);
    expect(parseAmount('1.234', 'KWD')).toBe(1234);
    expect(parseAmount('1.2', 'KWD')).toBe(1200);
    expect(parseAmount('-0.001', 'BHD')).toBe(-1);
  });

  it('accepts thousands separators and full-width input', () => {
    expect(parseAmount('1,234,567.89', 'CNY')).toBe(123456789);
    expect(parseAmount('１２．５', 'CNY')).toBe(1250);
    expect(parseAmount('－１，２００', 'JPY')).toBe(-1200);
    expect(parseAmount('\u22125.00', 'USD')).toBe(-500);
  });

  it('never produces a negative zero', () => {
    expect(Object.is(parseAmount('-0', 'CNY'), 0)).toBe(true);
    expect(Object.is(parseAmount('-0.00', 'CNY'), 0)).toBe(true);
  });

  it('refuses over-precise amounts instead of rounding them', () => {
    const error = errorOf(() => parseAmount('0.001', 'CNY'));
    expect(error.code).toBe('rejected');
    expect(error.messageKey).toBe('errors.amount_precision');
    expect(error.params).toEqual({ currency: 'CNY', decimals: 2 });
    expect(errorOf(() => parseAmount('1.5', 'JPY')).messageKey).toBe('errors.amount_precision');
    expect(errorOf(() => parseAmount('1.2345', 'KWD')).messageKey).toBe('errors.amount_precision');
    // Trailing zeros carry no precision: 1.500 CNY is exactly 150 fen.
    expect(parseAmount('1.500', 'CNY')).toBe(150);
  });

  it('refuses text that is not an amount', () => {
    for (const text of ['', ' ', '.', '-', 'abc', '1.2.3', '1,23', '12,34.5', '1e5', '0x10', 'NaN', 'Infinity', '--1', '1-', '¥12', '1 000']) {
      const error = errorOf(() => parseAmount(text, 'CNY'));
      expect(error.code, text).toBe('invalid_input');
      expect(error.messageKey).toBe('errors.amount_invalid');
    }
    expect(errorOf(() => parseAmount('1'.repeat(100), 'CNY')).messageKey).toBe('errors.amount_invalid');
  });

  it('refuses unknown currencies', () => {
    const error = errorOf(() => parseAmount('1', 'XXQ'));
    expect(error.code).toBe('invalid_input');
    expect(error.messageKey).toBe('errors.currency_unknown');
  });

  it('refuses amounts beyond the safe integer range', () => {
    expect(parseAmount('90071992547409.91', 'CNY')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseAmount('-90071992547409.91', 'CNY')).toBe(-Number.MAX_SAFE_INTEGER);
    const error = errorOf(() => parseAmount('90071992547409.92', 'CNY'));
    expect(error.code).toBe('rejected');
    expect(error.messageKey).toBe('errors.amount_too_large');
    expect(errorOf(() => parseAmount('99999999999999999999', 'JPY')).messageKey).toBe('errors.amount_too_large');
  });

  it('round-trips with toDecimalString for every safe amount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom('JPY', 'CNY', 'KWD', 'CLF'), (minor, currency) => {
        expect(parseAmount(toDecimalString(minor, currency), currency)).toBe(minor);
      }),
      propertyParams('money round-trip property'),
    );
  });
});

describe('parseAmountBound', () => {
  it('rounds filter bounds outward instead of refusing them', () => {
    expect(parseAmountBound('0.005', 'CNY', 'lower')).toBe(1);
    expect(parseAmountBound('0.005', 'CNY', 'upper')).toBe(0);
    expect(parseAmountBound('1.5', 'JPY', 'lower')).toBe(2);
    expect(parseAmountBound('1.5', 'JPY', 'upper')).toBe(1);
    expect(parseAmountBound('-1.5', 'JPY', 'upper')).toBe(-2);
    expect(parseAmountBound('-1.5', 'JPY', 'lower')).toBe(-1);
    expect(parseAmountBound('12.30', 'CNY', 'lower')).toBe(1230);
  });
});

describe('toDecimalString', () => {
  it('writes exact decimal text', () => {
    expect(toDecimalString(1250, 'CNY')).toBe('12.50');
    expect(toDecimalString(-5, 'CNY')).toBe('-0.05');
    expect(toDecimalString(0, 'CNY')).toBe('0.00');
    expect(toDecimalString(1200, 'JPY')).toBe('1200');
    expect(toDecimalString(-1200, 'JPY')).toBe('-1200');
    expect(toDecimalString(1000, 'KWD')).toBe('1.000');
    expect(toDecimalString(1, 'KWD')).toBe('0.001');
    expect(toDecimalString(Number.MAX_SAFE_INTEGER, 'CNY')).toBe('90071992547409.91');
  });

  it('refuses non-integers and unsafe integers', () => {
    expect(errorOf(() => toDecimalString(1.5, 'CNY')).messageKey).toBe('errors.amount_too_large');
    expect(errorOf(() => toDecimalString(2 ** 53, 'CNY')).messageKey).toBe('errors.amount_too_large');
    expect(errorOf(() => toDecimalString(Number.NaN, 'CNY')).messageKey).toBe('errors.amount_too_large');
  });
});

describe('formatAmount', () => {
  it('formats per locale with the currency’s own number of decimals', () => {
    expect(formatAmount(1250, 'CNY', 'zh-CN')).toBe('¥12.50');
    expect(formatAmount(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatAmount(-5, 'USD', 'en-US')).toBe('-$0.05');
    expect(formatAmount(1200, 'JPY', 'en-US')).toBe('¥1,200');
    expect(formatAmount(1234, 'KWD', 'en-US', { currencyDisplay: 'code' }).replace(/\s/g, ' ')).toBe('KWD 1.234');
  });

  it('formats amounts beyond double precision exactly', () => {
    // 90071992547409.91 is not representable as a double; a number-based formatter would print .92.
    expect(formatAmount(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });
});

describe('convert', () => {
  it('converts exactly with a decimal rate', () => {
    expect(convert(10000, 'USD', 'CNY', '7.1234')).toBe(71234);
    expect(convert(100, 'USD', 'JPY', '151.5')).toBe(152); // 151.5 → half to even → 152
    expect(convert(100, 'USD', 'JPY', '152.5')).toBe(152); // 152.5 → half to even → 152
    expect(convert(1000, 'JPY', 'CNY', '0.0472')).toBe(4720);
    expect(convert(1000, 'KWD', 'USD', '3.25')).toBe(325);
    expect(convert(-10000, 'USD', 'CNY', '7.1234')).toBe(-71234);
    expect(convert(1, 'CNY', 'USD', '0.125')).toBe(0); // 0.125 cent → 0 (half to even)
    expect(convert(3, 'CNY', 'USD', '0.5')).toBe(2); // 1.5 → 2
    expect(convert(-3, 'CNY', 'USD', '0.5')).toBe(-2);
  });

  it('refuses bad rates and overflowing results', () => {
    for (const rate of ['0', '-1', 'abc', '', '1e3', '0.000']) {
      expect(errorOf(() => convert(100, 'USD', 'CNY', rate)).messageKey, rate).toBe('errors.rate_invalid');
    }
    expect(errorOf(() => convert(Number.MAX_SAFE_INTEGER, 'USD', 'CNY', '2')).messageKey).toBe('errors.amount_too_large');
  });

  it('rounds half to even', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n);
    expect(divideHalfEven(7n, 2n)).toBe(4n);
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(-7n, 2n)).toBe(-4n);
    expect(divideHalfEven(11n, 4n)).toBe(3n);
    expect(divideHalfEven(-11n, 4n)).toBe(-3n);
    expect(parseRate('7.10')).toEqual({ numerator: 710n, scale: 2 });
  });

  it('agrees with exact rational rounding for random inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 10_000_000 }), (minor, rateTimes10k) => {
        const rate = `${Math.floor(rateTimes10k / 10000)}.${String(rateTimes10k % 10000).padStart(4, '0')}`;
        const exact = BigInt(minor) * BigInt(rateTimes10k);
        const result = BigInt(convert(minor, 'USD', 'EUR', rate));
        // |result·10000 − exact| ≤ 5000: off by at most half a minor unit.
        const diff = result * 10000n - exact;
        expect(diff <= 5000n && diff >= -5000n).toBe(true);
      }),
      propertyParams('money convert property'),
    );
  });
});

describe('addMinor', () => {
  it('refuses sums outside the safe range', () => {
    expect(addMinor(1, 2)).toBe(3);
    expect(errorOf(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).messageKey).toBe('errors.amount_too_large');
  });
});
